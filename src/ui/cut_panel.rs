//! Cutting cards from a source: pick a bundled article, open a .txt/.md/.html file or paste text
//! (cleaned up like Verbatim's condense), check its citation, select a passage and "Cut card"
//! (Ctrl+Shift+X): the card has exactly that text and the source's cite.

use egui::{Id, RichText};

use crate::cutting::SourceDoc;
use crate::desk::Desk;
use crate::model::Side;

use super::commands::Command;
use super::view_state::{PathFor, Requests};

/// The id of the source text field, whose selection "Cut card" takes.
pub const SOURCE_TEXT_ID: &str = "cut-source-text";

/// What the cut panel is working on.
pub struct CutState {
    /// The open source, if any.
    pub doc: Option<SourceDoc>,
    /// Text being pasted, before it becomes the source.
    pub paste: String,
    /// The tag for the next card.
    pub tag: String,
    /// Target deck (its id; the first deck when empty or gone).
    pub deck: String,
    /// Target block in that deck.
    pub block: usize,
    /// Side of the next card.
    pub side: Side,
    /// Why the last source could not be opened.
    pub error: Option<String>,
    /// The passage selected last in the source, kept while the tag is typed.
    pub selection: Option<(usize, usize)>,
}

impl Default for CutState {
    fn default() -> Self {
        CutState {
            doc: None,
            paste: String::new(),
            tag: String::new(),
            deck: String::new(),
            block: 0,
            side: Side::Aff,
            error: None,
            selection: None,
        }
    }
}

fn source_chooser(ui: &mut egui::Ui, cut: &mut CutState, out: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        let current = cut.doc.as_ref().map_or("Choose a source".to_owned(), |d| d.source.title.clone());
        let mut chosen: Option<&str> = None;
        egui::ComboBox::from_label("Bundled source").selected_text(current).width(320.0).show_ui(ui, |ui| {
            for s in crate::bundled::SOURCE_TEXTS {
                if ui.selectable_label(false, s.file).clicked() {
                    chosen = Some(s.id);
                }
            }
        });
        if let Some(id) = chosen {
            match SourceDoc::read_bundled(id) {
                Ok(doc) => {
                    cut.doc = Some(doc);
                    cut.error = None;
                    cut.selection = None;
                }
                Err(e) => cut.error = Some(format!("This source cannot be opened: {e}")),
            }
        }
        if ui.button("Open file…").on_hover_text(".txt, .md or .html").clicked() {
            out.push(super::view_state::Request::Path(PathFor::OpenSource));
        }
    });
    if let Some(e) = &cut.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.collapsing("Paste text", |ui| {
        let label = ui.label("Pasted text");
        ui.add(egui::TextEdit::multiline(&mut cut.paste).desired_rows(4).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if ui.button("Clean up and use as source").clicked() && !cut.paste.trim().is_empty() {
            cut.doc = Some(SourceDoc::from_pasted(&cut.paste));
            cut.paste.clear();
            cut.selection = None;
        }
    });
}

fn citation(ui: &mut egui::Ui, doc: &mut SourceDoc) {
    ui.collapsing("Citation", |ui| {
        citation_fields(ui, &mut doc.source);
        ui.label(RichText::new(crate::export::cite::cite_line(&doc.source)).small());
    });
}

/// The fields of a citation, edited in place: title, publication, URL, dates, authors.
pub fn citation_fields(ui: &mut egui::Ui, source: &mut crate::model::Source) {
    egui::Grid::new("cite-grid").num_columns(2).show(ui, |ui| {
        let s = source;
        for (name, value) in
            [("Title", &mut s.title), ("Publication", &mut s.publication), ("URL", &mut s.url)]
        {
            let l = ui.label(name);
            ui.add(egui::TextEdit::singleline(value).desired_width(360.0)).labelled_by(l.id);
            ui.end_row();
        }
        for (name, value) in [("Date (YYYY-MM-DD)", &mut s.date), ("Accessed", &mut s.accessed)] {
            let l = ui.label(name);
            let mut text = value.clone().unwrap_or_default();
            if ui.add(egui::TextEdit::singleline(&mut text).desired_width(160.0)).labelled_by(l.id).changed()
            {
                *value = (!text.trim().is_empty()).then(|| text.trim().to_owned());
            }
            ui.end_row();
        }
        let l = ui.label("Authors (one per line: Name, qualifications)");
        let mut authors: String = s
            .authors
            .iter()
            .map(|a| {
                if a.qualifications.is_empty() {
                    a.name.clone()
                } else {
                    format!("{}, {}", a.name, a.qualifications)
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        if ui
            .add(egui::TextEdit::multiline(&mut authors).desired_rows(2).desired_width(360.0))
            .labelled_by(l.id)
            .changed()
        {
            s.authors = authors
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| match l.split_once(',') {
                    Some((n, q)) => {
                        crate::model::Author { name: n.trim().into(), qualifications: q.trim().into() }
                    }
                    None => crate::model::Author { name: l.trim().into(), qualifications: String::new() },
                })
                .collect();
        }
        ui.end_row();
    });
}

fn target(ui: &mut egui::Ui, desk: &Desk, cut: &mut CutState) {
    let l = ui.label("Tag for the new card");
    ui.add(egui::TextEdit::singleline(&mut cut.tag).desired_width(f32::INFINITY)).labelled_by(l.id);
    ui.horizontal_wrapped(|ui| {
        let decks = desk.decks();
        let Some(first) = decks.first() else { return };
        let deck = decks.iter().find(|d| d.id == cut.deck).unwrap_or(first);
        if deck.id != cut.deck {
            cut.deck.clone_from(&deck.id);
        }
        egui::ComboBox::from_label("Into deck").selected_text(deck.title.clone()).width(220.0).show_ui(
            ui,
            |ui| {
                for d in decks {
                    ui.selectable_value(&mut cut.deck, d.id.clone(), &d.title);
                }
            },
        );
        cut.block = cut.block.min(deck.blocks.len().saturating_sub(1));
        let block =
            deck.blocks.get(cut.block).map_or("(no block)".to_owned(), crate::model::Block::display_title);
        egui::ComboBox::from_label("Block").selected_text(block).width(220.0).show_ui(ui, |ui| {
            for (i, b) in deck.blocks.iter().enumerate() {
                ui.selectable_value(&mut cut.block, i, b.display_title());
            }
        });
        egui::ComboBox::from_label("New card side").selected_text(cut.side.name()).show_ui(ui, |ui| {
            for s in [Side::Aff, Side::Neg, Side::Either] {
                ui.selectable_value(&mut cut.side, s, s.name());
            }
        });
    });
}

/// Draws the cut panel.
pub fn show(ui: &mut egui::Ui, desk: &Desk, cut: &mut CutState, out: &mut Requests) {
    source_chooser(ui, cut, out);
    let Some(mut doc) = cut.doc.take() else {
        ui.label("Choose a bundled source, open a file, or paste text to start cutting.");
        return;
    };
    citation(ui, &mut doc);
    target(ui, desk, cut);
    if ui.button(format!("Cut card ({})", Command::CutCard.keys(ui.ctx()))).clicked() {
        out.command(Command::CutCard);
    }
    match cut.selection {
        Some((start, end)) => {
            let words = doc.text.chars().skip(start).take(end - start).collect::<String>();
            let n = words.split_whitespace().count();
            let text = format!("Selected: {n} words. Type a tag, then Cut card.");
            ui.label(RichText::new(text).weak());
        }
        None => {
            ui.label(RichText::new("Select a passage below, type a tag, then Cut card.").weak());
        }
    }
    egui::ScrollArea::vertical().id_salt("cut-source").show(ui, |ui| {
        let label = ui.label("Source text");
        ui.add(
            egui::TextEdit::multiline(&mut doc.text.as_str())
                .id(Id::unique(SOURCE_TEXT_ID))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    if let Some(range) = super::widgets::text_selection(ui.ctx(), SOURCE_TEXT_ID)
        && range.1 <= doc.char_len()
    {
        cut.selection = Some(range);
    }
    cut.doc = Some(doc);
}
