//! Cutting cards from a source: pick a bundled article, open a .txt/.md/.html file or paste text
//! (cleaned up like Verbatim's condense), check its citation, select a passage and "Cut card"
//! (Ctrl+Shift+X): the card has exactly that text and the source's cite.

use egui::{Id, RichText};

use crate::cutting::{SourceDoc, cut_card, selection_snap, suggest_id};
use crate::model::{CutFrom, Provenance, Side};
use crate::ops::DeckOp;
use crate::search::CardPos;

use super::app::CasebookApp;
use super::file_picker::Pick;

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
    /// Target deck and block.
    pub deck: usize,
    /// Target block in that deck.
    pub block: usize,
    /// Side of the next card.
    pub side: Side,
}

impl Default for CutState {
    fn default() -> Self {
        CutState { doc: None, paste: String::new(), tag: String::new(), deck: 0, block: 0, side: Side::Aff }
    }
}

fn source_chooser(app: &mut CasebookApp, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let current = app.cut.doc.as_ref().map_or("Choose a source".to_owned(), |d| d.source.title.clone());
        let mut chosen: Option<&str> = None;
        egui::ComboBox::from_label("Bundled source").selected_text(current).width(320.0).show_ui(ui, |ui| {
            for s in crate::bundled::SOURCE_TEXTS {
                if ui.selectable_label(false, s.file).clicked() {
                    chosen = Some(s.id);
                }
            }
        });
        if let Some(id) = chosen {
            match SourceDoc::from_bundled(id) {
                Ok(doc) => app.cut.doc = Some(doc),
                Err(e) => app.show_error("This source cannot be opened", e),
            }
        }
        if ui.button("Open file…").on_hover_text(".txt, .md or .html").clicked() {
            app.pick_then(Pick::OpenSource, super::actions::Action::OpenSourcePath);
        }
    });
    ui.collapsing("Paste text", |ui| {
        let label = ui.label("Pasted text");
        ui.add(egui::TextEdit::multiline(&mut app.cut.paste).desired_rows(4).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if ui.button("Clean up and use as source").clicked() && !app.cut.paste.trim().is_empty() {
            app.cut.doc = Some(SourceDoc::from_pasted(&app.cut.paste));
            app.cut.paste.clear();
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

fn target(app: &mut CasebookApp, ui: &mut egui::Ui) {
    let l = ui.label("Tag for the new card");
    ui.add(egui::TextEdit::singleline(&mut app.cut.tag).desired_width(f32::INFINITY)).labelled_by(l.id);
    ui.horizontal_wrapped(|ui| {
        let cut = &mut app.cut;
        cut.deck = cut.deck.min(app.ws.decks.len().saturating_sub(1));
        let Some(deck) = app.ws.decks.get(cut.deck) else { return };
        egui::ComboBox::from_label("Into deck").selected_text(deck.title.clone()).width(220.0).show_ui(
            ui,
            |ui| {
                for (i, d) in app.ws.decks.iter().enumerate() {
                    ui.selectable_value(&mut cut.deck, i, &d.title);
                }
            },
        );
        let deck = &app.ws.decks[cut.deck];
        cut.block = cut.block.min(deck.blocks.len().saturating_sub(1));
        let block = deck.blocks.get(cut.block).map_or("(no block)".to_owned(), |b| b.title.clone());
        egui::ComboBox::from_label("Block").selected_text(block).width(220.0).show_ui(ui, |ui| {
            for (i, b) in deck.blocks.iter().enumerate() {
                ui.selectable_value(&mut cut.block, i, &b.title);
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
pub fn show(app: &mut CasebookApp, ui: &mut egui::Ui) {
    source_chooser(app, ui);
    let Some(mut doc) = app.cut.doc.take() else {
        ui.label("Choose a bundled source, open a file, or paste text to start cutting.");
        return;
    };
    citation(ui, &mut doc);
    target(app, ui);
    if ui.button("Cut card (Ctrl+Shift+X)").clicked() {
        app.cut.doc = Some(doc);
        app.pending.push(super::actions::Action::Run(super::commands::Command::CutCard));
        return;
    }
    ui.label(RichText::new("Select a passage below, type a tag, then Cut card.").weak());
    egui::ScrollArea::vertical().id_salt("cut-source").show(ui, |ui| {
        let label = ui.label("Source text");
        ui.add(
            egui::TextEdit::multiline(&mut doc.text.as_str())
                .id(Id::unique(SOURCE_TEXT_ID))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    app.cut.doc = Some(doc);
}

impl CasebookApp {
    /// Cuts the selected passage of the open source into a card in the chosen deck and block.
    pub(super) fn cut_selected(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.cut.doc.clone() else {
            self.status = "Open a source to cut from first.".into();
            return;
        };
        let range = egui::text_edit::TextEditState::load(ctx, Id::unique(SOURCE_TEXT_ID))
            .and_then(|s| s.cursor.char_range())
            .map(|r| {
                let (a, b): (usize, usize) = (r.primary.index.into(), r.secondary.index.into());
                (a.min(b), a.max(b))
            });
        let Some((start, end)) = range.filter(|(a, b)| a < b) else {
            self.status = "Select a passage of the source first.".into();
            return;
        };
        let tag = self.cut.tag.trim().to_owned();
        if tag.is_empty() {
            self.status = "Type the card's tag first.".into();
            return;
        }
        let (start, end) = selection_snap(&doc.text, start, end);
        let ids: Vec<String> = self.ws.decks.iter().flat_map(|d| d.cards().map(|c| c.id.clone())).collect();
        let id = suggest_id(&doc, &tag, &ids);
        let cut = match cut_card(&doc, start, end, id, tag, self.cut.side) {
            Ok(c) => c,
            Err(e) => return self.show_error("Not cut", e.to_string()),
        };
        let mut card = cut.card;
        card.cut_from = Some(CutFrom { start: cut.start, end: cut.end });
        card.provenance =
            Provenance::created(self.prefs.user_name.clone(), crate::model::provenance::now_rfc3339());
        let (d, b) = (self.cut.deck, self.cut.block);
        let Some(deck) = self.ws.decks.get(d) else { return };
        if deck.blocks.is_empty() {
            return self
                .show_error("Not cut", format!("Deck “{}” has no block to put the card in.", deck.title));
        }
        let mut ops = Vec::new();
        match deck.source(&doc.source.id) {
            Some(existing) if existing != &doc.source => {
                // Same id, different facts: keep the deck's cite and say so rather than overwrite it.
                self.deck_warnings
                    .push(format!("The deck already cites {:?}; its citation was kept.", doc.source.id));
            }
            Some(_) => {}
            None => ops.push(DeckOp::AddSource { index: deck.sources.len(), source: doc.source.clone() }),
        }
        let index = deck.blocks[b].cards.len();
        let tag = card.tag.clone();
        ops.push(DeckOp::InsertCard { block: b, index, card });
        self.deck_edit(d, DeckOp::Batch(ops));
        self.selected_card = Some(CardPos { deck: d, block: b, card: index });
        self.cut.tag.clear();
        self.central = super::app::CentralTab::EditCard;
        self.status = format!("Cut “{tag}”: now underline and highlight it (F9, F11).");
    }
}
