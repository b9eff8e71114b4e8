//! The deck library: search and filters over every loaded card, shown as decks → blocks → cards in
//! one virtualised list (only visible rows are laid out, so 10,000 cards cost no more than 50).

use egui::RichText;

use crate::model::Side;
use crate::search::{CardPos, Filter};

use super::app::CasebookApp;

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

/// Rebuilds the rows if the filter, the decks or the collapsed headings changed since last time.
fn refresh_rows(app: &mut CasebookApp) {
    let key = (app.library.filter.clone(), app.library.collapse_generation);
    if app.library.rows_for.as_ref() == Some(&key) {
        return;
    }
    let filtering = !app.library.filter.is_empty();
    let hits = app.library.index.filter(&app.library.filter);
    let hits_len = hits.len();
    let collapsed = &app.library.collapsed;
    let mut rows = Vec::with_capacity(hits.len() + 64);
    let mut last_deck = None;
    let mut last_block = None;
    for pos in hits {
        if last_deck != Some(pos.deck) {
            rows.push(Row::Deck(pos.deck));
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
    app.library.shown = hits_len;
    app.library.rows = rows;
    app.library.rows_for = Some(key);
}

fn filters(app: &mut CasebookApp, ui: &mut egui::Ui) {
    let label = ui.label(RichText::new("Library").heading());
    let search = ui.add(
        egui::TextEdit::singleline(&mut app.library.filter.query)
            .hint_text("Search tags, cites and text (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    let search = search.labelled_by(label.id);
    if std::mem::take(&mut app.library.focus_search) {
        search.request_focus();
    }
    ui.horizontal_wrapped(|ui| {
        let filter = &mut app.library.filter;
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
                for l in app.library.index.labels() {
                    ui.selectable_value(&mut filter.label, Some(l.clone()), l);
                }
            });
        let source_name = |id: &Option<String>| {
            id.as_ref().map_or("All".to_owned(), |id| {
                app.library
                    .index
                    .sources()
                    .iter()
                    .find(|(s, _)| s == id)
                    .map_or(id.clone(), |(_, n)| n.clone())
            })
        };
        egui::ComboBox::from_label("Source").selected_text(source_name(&filter.source)).show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.source, None, "All");
            for (id, name) in app.library.index.sources() {
                ui.selectable_value(&mut filter.source, Some(id.clone()), name);
            }
        });
        if !filter.is_empty() && ui.button("Clear filters").clicked() {
            *filter = Filter::default();
        }
    });
}

/// Draws the library panel.
pub fn show(app: &mut CasebookApp, ui: &mut egui::Ui) {
    filters(app, ui);
    refresh_rows(app);
    let shown = app.library.shown;
    ui.label(RichText::new(format!("{shown} of {} cards", app.library.index.len())).weak());
    ui.separator();
    let rows = std::mem::take(&mut app.library.rows);
    let scroll_to = app.scroll_to_selected.then_some(app.selected_card).flatten();
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("library-rows");
    if let Some(target) = scroll_to
        && let Some(i) = rows.iter().position(|r| r.card() == Some(target))
    {
        let spacing = ui.spacing().item_spacing.y;
        scroll = scroll.vertical_scroll_offset((i as f32 * (ROW_HEIGHT + spacing) - 120.0).max(0.0));
        app.scroll_to_selected = false;
    }
    scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        for row in &rows[range] {
            row_ui(app, ui, *row);
        }
    });
    app.library.rows = rows;
}

fn toggle(app: &mut CasebookApp, key: (usize, Option<usize>)) {
    if !app.library.collapsed.remove(&key) {
        app.library.collapsed.insert(key);
    }
    app.library.collapse_generation += 1;
}

fn row_ui(app: &mut CasebookApp, ui: &mut egui::Ui, row: Row) {
    let filtering = !app.library.filter.is_empty();
    match row {
        Row::Deck(d) => {
            let deck = &app.ws.decks[d];
            let open = filtering || !app.library.collapsed.contains(&(d, None));
            let text = format!("{} {}  ({})", if open { "-" } else { "+" }, deck.title, deck.card_count());
            let width = ui.available_width();
            let button = egui::Button::new(RichText::new(text).strong()).frame(false);
            let r = super::case_rows::fitted(ui, width, ROW_HEIGHT, button);
            if r.clicked() && !filtering {
                toggle(app, (d, None));
            }
        }
        Row::Block(d, b) => {
            let block = &app.ws.decks[d].blocks[b];
            let open = filtering || !app.library.collapsed.contains(&(d, Some(b)));
            let text = format!("   {} {}", if open { "-" } else { "+" }, block.title);
            let width = ui.available_width();
            let r = super::case_rows::fitted(ui, width, ROW_HEIGHT, egui::Button::new(text).frame(false));
            if r.clicked() && !filtering {
                toggle(app, (d, Some(b)));
            }
        }
        Row::Card(pos) => card_row(app, ui, pos),
    }
}

fn card_row(app: &mut CasebookApp, ui: &mut egui::Ui, pos: CardPos) {
    let deck = &app.ws.decks[pos.deck];
    let card = &deck.blocks[pos.block].cards[pos.card];
    let cite =
        deck.source(&card.source).map_or(String::new(), |s| format!("{} {}", s.cite_name(), s.cite_year()));
    let selected = app.selected_card == Some(pos);
    let side = match card.side {
        Side::Aff => "A",
        Side::Neg => "N",
        Side::Either => "·",
    };
    let label = format!("      {side}  {}  — {cite}", card.tag);
    let response = ui.add_sized(
        [ui.available_width(), ROW_HEIGHT],
        egui::Button::selectable(selected, egui::RichText::new(label))
            .truncate()
            .sense(egui::Sense::click_and_drag()),
    );
    response.dnd_set_drag_payload(pos);
    super::case_rows::drag_preview(ui, &response, &card.tag);
    let response = response.on_hover_text(&card.tag);
    if response.clicked() {
        app.selected_card = Some(pos);
        app.showing_item = false;
    }
    if response.double_clicked() {
        app.selected_card = Some(pos);
        app.pending.push(super::actions::Action::Run(super::commands::Command::AddCard));
    }
}
