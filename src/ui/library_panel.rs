//! The deck library: search and filters over every loaded card, shown as decks → blocks → cards in
//! one virtualised list (only visible rows are laid out, so 10,000 cards cost no more than 50).
//! Each hit says which file and folder it comes from; exact copies of a card (same text and
//! marks) in several files are one hit, "also in N files".

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use egui::RichText;

use crate::desk::{CardKey, DeckPlace, Desk};
use crate::model::Side;
use crate::search::{CardPos, Filter};

use super::commands::Command;
use super::view_state::{Requests, Selection};
use super::widgets::{drag_preview, fitted};

/// The id of the search field.
pub const SEARCH_ID: &str = "library-search";

/// Height of one library row, in points.
pub const ROW_HEIGHT: f32 = 22.0;

/// One line of the library list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A deck heading.
    Deck(usize),
    /// A block heading: deck, block.
    Block(usize, usize),
    /// A card.
    Card(CardPos),
    /// Under a hit or a deck heading: where it comes from ("Kim 25 · team › 2025/1NC.docx · also
    /// in 2 files"); a click selects the card (or opens the deck's heading).
    Place(PlaceOf),
}

/// What a place row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceOf {
    /// The file of a deck (under its heading).
    Deck(usize),
    /// The file of a hit, and its exact copies elsewhere.
    Card(CardPos),
}

impl Row {
    /// The card on this row, if it is a card row.
    pub fn card(&self) -> Option<CardPos> {
        match self {
            Row::Card(p) => Some(*p),
            _ => None,
        }
    }
}

/// The library's own state: the filter, folded headings and the filtered rows, cached.
#[derive(Default)]
pub struct LibraryState {
    /// What the search box and filters hold.
    pub filter: Filter,
    /// The rows shown for `rows_for`.
    pub rows: Vec<Row>,
    rows_for: Option<(Filter, usize, u64, Option<PathBuf>)>,
    collapsed: HashSet<(String, Option<usize>)>,
    collapse_generation: usize,
    /// Put the keyboard in the search box on the next frame.
    pub focus_search: bool,
    /// The search's words to draw in the match colour, and whether the last is a prefix being
    /// typed: derived from the filter when the rows are rebuilt, not every frame.
    pub matching: (Vec<String>, bool),
    shown: usize,
    /// Only cards of the library folder at this path (`None`: every card).
    pub folder: Option<PathBuf>,
    /// Where each deck of the index comes from, in index order (derived with the rows).
    pub places: Vec<Option<DeckPlace>>,
    /// The exact copies each hit stands for, in other files (derived with the rows).
    pub also: HashMap<CardPos, Vec<CardPos>>,
}

impl LibraryState {
    /// The card positions in the list, in order (for next/previous card).
    pub fn card_rows(&self) -> impl Iterator<Item = CardPos> + '_ {
        self.rows.iter().filter_map(Row::card)
    }
}

/// Rebuilds the rows if the filter, the decks or the collapsed headings changed since last time.
pub fn refresh_rows(state: &mut LibraryState, desk: &Desk) {
    let key =
        (state.filter.clone(), state.collapse_generation, desk.library_revision(), state.folder.clone());
    if state.rows_for.as_ref() == Some(&key) {
        return;
    }
    state.places = desk.index_places();
    state.also.clear();
    let in_folder = |deck: usize| {
        state.folder.is_none()
            || state.places.get(deck).and_then(|p| p.as_ref()).is_some_and(|p| p.folder == state.folder)
    };
    let filtering = !state.filter.is_empty();
    let filter = Filter { as_typed: true, ..state.filter.clone() };
    let typed = crate::search::parse_as_typed(&state.filter.query);
    state.matching = (typed.highlight_words(), typed.prefix_last);
    // Searching for words: the hits best first, as one list; otherwise the decks' outline.
    let searching = typed.must.iter().any(|t| matches!(t, crate::search::Term::Words { .. }));
    if searching {
        let index = desk.index();
        let mut first_of: HashMap<u64, CardPos> = HashMap::new();
        let mut rows = Vec::new();
        let mut also: HashMap<CardPos, Vec<CardPos>> = HashMap::new();
        for hit in index.ranked(&filter) {
            let pos = index.position(&hit);
            if !in_folder(pos.deck) {
                continue;
            }
            // An exact copy in another file joins the best-ranked one's hit.
            match first_of.entry(index.row(hit.card).cut_hash) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    also.entry(*first.get()).or_default().push(pos)
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(pos);
                    rows.push(Row::Card(pos));
                    rows.push(Row::Place(PlaceOf::Card(pos)));
                }
            }
        }
        state.shown = rows.len() / 2;
        state.rows = rows;
        state.also = also;
        state.rows_for = Some(key);
        return;
    }
    let mut hits = desk.index().filter(&filter);
    hits.retain(|p| in_folder(p.deck));
    let hits_len = hits.len();
    let decks = desk.index().segments();
    let folded: HashSet<(usize, Option<usize>)> = state
        .collapsed
        .iter()
        .filter_map(|(id, b)| decks.iter().position(|d| &d.deck_id == id).map(|d| (d, *b)))
        .collect();
    let collapsed = &folded;
    let mut rows = Vec::with_capacity(hits.len() + 64);
    let mut last_deck = None;
    let mut last_block = None;
    for pos in hits {
        if last_deck != Some(pos.deck) {
            rows.push(Row::Deck(pos.deck));
            if state.places.get(pos.deck).is_some_and(Option::is_some) {
                rows.push(Row::Place(PlaceOf::Deck(pos.deck)));
            }
            last_deck = Some(pos.deck);
            last_block = None;
        }
        if !filtering && collapsed.contains(&(pos.deck, None)) {
            continue;
        }
        if last_block != Some(pos.block) {
            rows.push(Row::Block(pos.deck, pos.block));
            last_block = Some(pos.block);
        }
        if !filtering && collapsed.contains(&(pos.deck, Some(pos.block))) {
            continue;
        }
        rows.push(Row::Card(pos));
    }
    state.shown = hits_len;
    state.rows = rows;
    state.rows_for = Some(key);
}

fn filters(ui: &mut egui::Ui, desk: &Desk, state: &mut LibraryState) {
    let label = ui.label(RichText::new("Library").heading());
    let hint = format!("Search tags, cites and text ({})", Command::FocusSearch.keys(ui.ctx()));
    let id = egui::Id::unique(SEARCH_ID);
    if std::mem::take(&mut state.focus_search) {
        // Focus and select the old query before the field handles this frame's keys, so what is
        // typed right after Ctrl+F replaces it and nothing is lost.
        ui.memory_mut(|m| m.request_focus(id));
        let mut edit = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let all = egui::text_selection::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(state.filter.query.chars().count()),
        );
        edit.cursor.set_char_range(Some(all));
        edit.store(ui.ctx(), id);
    }
    let search = ui.add(
        egui::TextEdit::singleline(&mut state.filter.query)
            .id(id)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    search.labelled_by(label.id);
    ui.horizontal_wrapped(|ui| {
        let filter = &mut state.filter;
        egui::ComboBox::from_label("Side").selected_text(filter.side.map_or("All", Side::name)).show_ui(
            ui,
            |ui| {
                ui.selectable_value(&mut filter.side, None, "All");
                ui.selectable_value(&mut filter.side, Some(Side::Aff), "aff");
                ui.selectable_value(&mut filter.side, Some(Side::Neg), "neg");
            },
        );
        egui::ComboBox::from_label("Label")
            .selected_text(filter.label.clone().unwrap_or_else(|| "All".into()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.label, None, "All");
                for l in desk.index().labels() {
                    ui.selectable_value(&mut filter.label, Some(l.clone()), l);
                }
            });
        let source_name = |id: &Option<String>| {
            id.as_ref().map_or("All".to_owned(), |id| {
                desk.index().sources().iter().find(|(s, _)| s == id).map_or(id.clone(), |(_, n)| n.clone())
            })
        };
        egui::ComboBox::from_label("Source").selected_text(source_name(&filter.source)).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.source, None, "All");
            for (id, name) in desk.index().sources() {
                ui.selectable_value(&mut filter.source, Some(id.clone()), name);
            }
        });
        let roots = desk.library_roots();
        if !roots.is_empty() {
            let name = |p: &PathBuf| {
                p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            };
            let folder = &mut state.folder;
            egui::ComboBox::from_label("Folder")
                .selected_text(folder.as_ref().map_or("All".into(), name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(folder, None, "All");
                    for root in roots {
                        ui.selectable_value(folder, Some(root.clone()), name(root));
                    }
                });
        }
        if (!state.filter.is_empty() || state.folder.is_some()) && ui.button("Clear filters").clicked() {
            state.filter = Filter::default();
            state.folder = None;
        }
    });
}

/// Draws the library panel.
pub fn show(
    ui: &mut egui::Ui,
    desk: &Desk,
    state: &mut LibraryState,
    selection: &mut Selection,
    out: &mut Requests,
) {
    filters(ui, desk, state);
    refresh_rows(state, desk);
    let shown = state.shown;
    ui.label(RichText::new(format!("{shown} of {} cards", desk.index().len())).weak());
    ui.separator();
    let rows = std::mem::take(&mut state.rows);
    let selected = selection.card.as_ref().and_then(|k| desk.locate(k));
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("library-rows");
    if selection.scroll_to_card
        && let Some(i) = rows.iter().position(|r| r.card().is_some() && r.card() == selected)
    {
        let spacing = ui.spacing().item_spacing.y;
        scroll = scroll.vertical_scroll_offset((i as f32 * (ROW_HEIGHT + spacing) - 120.0).max(0.0));
        selection.scroll_to_card = false;
    }
    scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for row in &rows[range] {
            row_ui(ui, desk, state, selection, selected, out, *row);
        }
    });
    state.rows = rows;
}

fn toggle(state: &mut LibraryState, key: (String, Option<usize>)) {
    if !state.collapsed.remove(&key) {
        state.collapsed.insert(key);
    }
    state.collapse_generation += 1;
}

fn row_ui(
    ui: &mut egui::Ui,
    desk: &Desk,
    state: &mut LibraryState,
    selection: &mut Selection,
    selected: Option<CardPos>,
    out: &mut Requests,
    row: Row,
) {
    let filtering = !state.filter.is_empty();
    match row {
        Row::Deck(d) => {
            let deck = &desk.index().segments()[d];
            let open = filtering || !state.collapsed.contains(&(deck.deck_id.clone(), None));
            let text =
                format!("{} {}  ({})", if open { "-" } else { "+" }, deck.deck_title, deck.cards.len());
            let width = ui.available_width();
            let button =
                egui::Button::new(RichText::new(text).strong()).frame(false).sense(egui::Sense::CLICK);
            let r = fitted(ui, width, ROW_HEIGHT, button);
            if r.clicked() && !filtering {
                toggle(state, (deck.deck_id.clone(), None));
            }
        }
        Row::Block(d, b) => {
            let deck = &desk.index().segments()[d];
            let open = filtering || !state.collapsed.contains(&(deck.deck_id.clone(), Some(b)));
            let text = format!("   {} {}", if open { "-" } else { "+" }, deck.blocks[b]);
            let width = ui.available_width();
            let button = egui::Button::new(text).frame(false).sense(egui::Sense::CLICK);
            let r = fitted(ui, width, ROW_HEIGHT, button);
            if r.clicked() && !filtering {
                toggle(state, (deck.deck_id.clone(), Some(b)));
            }
        }
        Row::Place(of) => place_row(ui, desk, state, selection, of),
        Row::Card(pos) => {
            // The search's words, to draw in the match colour (a few visible rows a frame).
            card_row(ui, desk, selection, selected == Some(pos), out, pos, state)
        }
    }
}

fn card_row(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &mut Selection,
    selected: bool,
    out: &mut Requests,
    pos: CardPos,
    state: &LibraryState,
) {
    let matching = &state.matching;
    // Drawn from the index: a library file's cards are listed without reading the file.
    let (Some(deck), Some(card)) = (desk.index().segments().get(pos.deck), desk.index().row_at(pos)) else {
        return;
    };
    let cite = &card.cite;
    // The side marker in a fixed-width font and the row left-aligned: every tag starts at the
    // same x, whatever its marker.
    let mut label = egui::text::LayoutJob::default();
    let body = egui::TextFormat { color: ui.visuals().text_color(), ..Default::default() };
    let mono = egui::TextFormat { font_id: egui::FontId::monospace(12.0), ..body.clone() };
    label.append("      ", 0.0, body.clone());
    label.append(super::widgets::side_marker(card.side), 0.0, mono);
    label.append("  ", 0.0, body.clone());
    // The tag, with the words the search matched in the match colour.
    let matched = egui::TextFormat { color: super::card_text::match_colour(ui.visuals()), ..body.clone() };
    let chars: Vec<char> = card.tag.chars().collect();
    let mut at = 0;
    for (s, e) in crate::search::words::match_ranges(&card.tag, &matching.0, matching.1) {
        label.append(&chars[at..s].iter().collect::<String>(), 0.0, body.clone());
        label.append(&chars[s..e].iter().collect::<String>(), 0.0, matched.clone());
        at = e;
    }
    label.append(&chars[at..].iter().collect::<String>(), 0.0, body.clone());
    label.append(&format!("  — {cite}"), 0.0, body);
    let also = state.also.get(&pos).map_or(&[][..], Vec::as_slice);
    let button = egui::Button::selectable(selected, label)
        // Not in the Tab order: Tab would otherwise walk every row; Ctrl+↑/↓ move instead.
        .sense(egui::Sense::CLICK | egui::Sense::DRAG);
    let response = fitted(ui, ui.available_width(), ROW_HEIGHT, button);
    let key = CardKey::new(&deck.deck_id, &card.id);
    response.dnd_set_drag_payload(key.clone());
    drag_preview(ui, &response, &card.tag);
    let mut hover = card.tag.clone();
    for p in std::iter::once(&pos).chain(also) {
        let shown = state.places.get(p.deck).and_then(|p| p.as_ref()).map_or("bundled", |p| p.shown.as_str());
        hover.push_str(&format!("\n{} {shown}", if p == &pos { "from" } else { "also in" }));
    }
    let response = response.on_hover_text(hover);
    if response.clicked() {
        selection.card = Some(key.clone());
        selection.showing_item = false;
    }
    if response.double_clicked() {
        selection.card = Some(key);
        out.command(Command::AddCard);
    }
}

/// The line under a hit or a deck heading saying where it comes from (a hit's line also its
/// cite and its exact copies in other files), so a team's many `1NC.docx` are told apart.
fn place_row(ui: &mut egui::Ui, desk: &Desk, state: &LibraryState, selection: &mut Selection, of: PlaceOf) {
    let shown = |deck: usize| state.places.get(deck).and_then(|p| p.as_ref()).map(|p| p.shown.clone());
    let (text, card) = match of {
        PlaceOf::Deck(d) => (format!("      from {}", shown(d).unwrap_or_default()), None),
        PlaceOf::Card(pos) => {
            let from = shown(pos.deck).unwrap_or_else(|| "bundled".to_owned());
            let also = state.also.get(&pos).map_or(0, Vec::len);
            let copies = match also {
                0 => String::new(),
                1 => " · also in 1 file".to_owned(),
                n => format!(" · also in {n} files"),
            };
            (format!("            {from}{copies}"), Some(pos))
        }
    };
    let button = egui::Button::new(RichText::new(text).weak().small()).frame(false).sense(egui::Sense::CLICK);
    let r = fitted(ui, ui.available_width(), ROW_HEIGHT, button);
    if let Some(key) = card.filter(|_| r.clicked()).and_then(|pos| desk.key_at(pos)) {
        selection.card = Some(key);
        selection.showing_item = false;
    }
}
