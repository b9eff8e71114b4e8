//! The card editor: tag, side, labels, locator, note and the marks of the selected library card,
//! with Verbatim's keys — F9 underline, F10 emphasis, F11 highlight, F12 clear — on the selected
//! text. The quote itself changes only through "Edit quote", which flags the card.

use egui::{Id, RichText};

use crate::model::{MarkKind, Side, timing};
use crate::ops::DeckOp;
use crate::search::CardPos;

use super::app::CasebookApp;
use super::reader::card_text_job;

/// The id of the card text field, whose selection the marking keys act on.
pub const CARD_TEXT_ID: &str = "card-editor-text";

/// The selected character range of the card text field, if any.
pub fn selection(ctx: &egui::Context) -> Option<(usize, usize)> {
    let state = egui::text_edit::TextEditState::load(ctx, Id::unique(CARD_TEXT_ID))?;
    let range = state.cursor.char_range()?;
    let (a, b): (usize, usize) = (range.primary.index.into(), range.secondary.index.into());
    (a != b).then_some((a.min(b), a.max(b)))
}

/// A text field that commits its value (as `commit`) when it loses focus.
pub(super) fn committed_field(
    ui: &mut egui::Ui,
    label: &str,
    key: Id,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let mut text = ui.data_mut(|d| d.get_temp::<String>(key)).unwrap_or_else(|| current.to_owned());
    let l = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let r = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(l.id);
    if r.has_focus() || r.changed() {
        ui.data_mut(|d| d.insert_temp(key, text.clone()));
    }
    if r.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(key));
        if text != current {
            return Some(text);
        }
    }
    None
}

/// Draws the editor for the selected library card.
pub fn show(app: &mut CasebookApp, ui: &mut egui::Ui) {
    let Some(pos) = app.editing_pos() else {
        ui.label("Select a card in the library or the case to edit it, or cut a new one from a source.");
        return;
    };
    let Some(card) = app.card_at(pos).cloned() else { return };
    let deck = &app.ws.decks[pos.deck];
    let where_ = format!("{} › {}", deck.title, deck.blocks[pos.block].title);
    let source = deck.source(&card.source).cloned();
    ui.label(RichText::new(where_).weak());
    if app.origins[pos.deck] == crate::workspace::DeckOrigin::Bundled {
        ui.label(
            RichText::new(format!(
                "Bundled deck (read-only): your first edit saves a copy in {}",
                app.user_deck_dir().display()
            ))
            .weak(),
        );
    }
    let key = |field: &str| Id::unique(("card-editor", field, pos.deck, pos.block, pos.card));
    if let Some(tag) = committed_field(ui, "Tag", key("tag"), &card.tag, true) {
        app.replace_card(pos, crate::model::Card { tag, ..card.clone() });
    }
    ui.horizontal(|ui| {
        let mut side = card.side;
        egui::ComboBox::from_label("Card side").selected_text(side.name()).show_ui(ui, |ui| {
            for s in [Side::Aff, Side::Neg, Side::Either] {
                ui.selectable_value(&mut side, s, s.name());
            }
        });
        if side != card.side {
            app.replace_card(pos, crate::model::Card { side, ..card.clone() });
        }
    });
    let labels = card.labels.join(", ");
    if let Some(text) = committed_field(ui, "Labels (comma-separated)", key("labels"), &labels, false) {
        let labels = text.split(',').map(|l| l.trim().to_lowercase()).filter(|l| !l.is_empty()).collect();
        app.replace_card(pos, crate::model::Card { labels, ..card.clone() });
    }
    let locator = card.locator.clone().unwrap_or_default();
    if let Some(text) = committed_field(ui, "Page or paragraph", key("locator"), &locator, false) {
        let locator = (!text.trim().is_empty()).then(|| text.trim().to_owned());
        app.replace_card(pos, crate::model::Card { locator, ..card.clone() });
    }
    let note = card.note.clone().unwrap_or_default();
    if let Some(text) = committed_field(ui, "Note (not read aloud)", key("note"), &note, true) {
        let note = (!text.trim().is_empty()).then(|| text.trim().to_owned());
        app.replace_card(pos, crate::model::Card { note, ..card.clone() });
    }
    if let Some(source) = &source {
        ui.label(RichText::new(format!("Cite: {}", crate::export::cite::cite_line(source))).small());
        cite_editor(app, ui, pos, source);
    }
    ui.separator();
    marking_toolbar(app, ui, pos);
    let reading = timing::card(&card, app.ws.session.wpm);
    ui.label(RichText::new(format!(
        "{} highlighted words · {} at {} wpm",
        reading.words,
        timing::clock(reading.seconds),
        app.ws.session.wpm
    )));
    if card.quote_edited {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "⚠ The quote was edited by hand and may differ from its source.",
        );
    }
    quote(app, ui, pos, &card);
    ui.horizontal_wrapped(|ui| card_actions(app, ui, pos));
}

/// Edits the deck's citation of the card's source (shared by every card quoting it).
fn cite_editor(app: &mut CasebookApp, ui: &mut egui::Ui, pos: CardPos, source: &crate::model::Source) {
    let key = Id::unique(("cite-draft", pos.deck, source.id.as_str()));
    ui.collapsing("Edit cite", |ui| {
        let mut draft =
            ui.data_mut(|d| d.get_temp::<crate::model::Source>(key)).unwrap_or_else(|| source.clone());
        super::cut_panel::citation_fields(ui, &mut draft);
        let changed = &draft != source;
        ui.data_mut(|d| d.insert_temp(key, draft.clone()));
        ui.horizontal(|ui| {
            if ui.add_enabled(changed, egui::Button::new("Apply cite")).clicked() {
                ui.data_mut(|d| d.remove::<crate::model::Source>(key));
                if let Some(index) = app.ws.decks[pos.deck].sources.iter().position(|s| s.id == source.id) {
                    app.deck_edit(pos.deck, DeckOp::ReplaceSource { index, source: draft });
                }
            }
            if ui.add_enabled(changed, egui::Button::new("Discard cite changes")).clicked() {
                ui.data_mut(|d| d.remove::<crate::model::Source>(key));
            }
        });
    });
}

fn marking_toolbar(app: &mut CasebookApp, ui: &mut egui::Ui, pos: CardPos) {
    ui.horizontal(|ui| {
        for (label, kind) in [
            ("Underline (F9)", Some(MarkKind::Underline)),
            ("Emphasis (F10)", Some(MarkKind::Emphasis)),
            ("Highlight (F11)", Some(MarkKind::Highlight)),
            ("Clear marks (F12)", None),
        ] {
            if ui.button(label).clicked() {
                let (start, end) = selection(ui.ctx()).unwrap_or((0, 0));
                app.mark_range(pos, kind, start, end);
            }
        }
    });
}

fn quote(app: &mut CasebookApp, ui: &mut egui::Ui, pos: CardPos, card: &crate::model::Card) {
    let editing_id = Id::unique(("edit-quote", pos.deck, pos.block, pos.card));
    let editing = ui.data(|d| d.get_temp::<String>(editing_id));
    egui::ScrollArea::vertical().id_salt("card-editor-quote").max_height(f32::INFINITY).show(ui, |ui| {
        match editing {
            None => {
                let mut layouter = |ui: &egui::Ui, _text: &dyn egui::TextBuffer, wrap: f32| {
                    ui.fonts_mut(|f| f.layout_job(card_text_job(card, ui.visuals(), wrap)))
                };
                let label = ui.label("Card text");
                ui.add(
                    egui::TextEdit::multiline(&mut card.text.as_str())
                        .id(Id::unique(CARD_TEXT_ID))
                        .layouter(&mut layouter)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                if ui.button("Edit quote…").on_hover_text("Change the quoted words themselves").clicked() {
                    ui.data_mut(|d| d.insert_temp(editing_id, card.text.clone()));
                }
            }
            Some(mut text) => {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "Editing the quote: the card will be flagged as differing from its source.",
                );
                let label = ui.label("Quote");
                ui.add(egui::TextEdit::multiline(&mut text).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                ui.data_mut(|d| d.insert_temp(editing_id, text.clone()));
                ui.horizontal(|ui| {
                    if ui.button("Save quote").clicked() {
                        ui.data_mut(|d| d.remove::<String>(editing_id));
                        if text != card.text {
                            let len = text.chars().count();
                            let marks = card
                                .marks
                                .iter()
                                .filter(|m| m.start < len)
                                .map(|m| crate::model::Mark::new(m.kind, m.start, m.end.min(len)))
                                .collect();
                            let changed =
                                crate::model::Card { text, marks, quote_edited: true, ..card.clone() };
                            app.replace_card(pos, changed);
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        ui.data_mut(|d| d.remove::<String>(editing_id));
                    }
                });
            }
        }
    });
}

fn card_actions(app: &mut CasebookApp, ui: &mut egui::Ui, pos: CardPos) {
    if ui.button("Duplicate").clicked() {
        app.duplicate_card(pos);
    }
    let deck = &app.ws.decks[pos.deck];
    let mut target = pos.block;
    egui::ComboBox::from_label("Move to block")
        .width(180.0)
        .truncate()
        .selected_text(deck.blocks[pos.block].title.clone())
        .show_ui(ui, |ui| {
            for (b, block) in deck.blocks.iter().enumerate() {
                ui.selectable_value(&mut target, b, &block.title);
            }
        });
    if target != pos.block {
        let to = (target, app.ws.decks[pos.deck].blocks[target].cards.len());
        app.deck_edit(pos.deck, DeckOp::MoveCard { from: (pos.block, pos.card), to });
        app.selected_card = Some(CardPos { deck: pos.deck, block: to.0, card: to.1 });
    }
    let mut to_deck = pos.deck;
    egui::ComboBox::from_label("Move to deck")
        .width(180.0)
        .truncate()
        .selected_text(app.ws.decks[pos.deck].title.clone())
        .show_ui(ui, |ui| {
            for (d, deck) in app.ws.decks.iter().enumerate() {
                ui.selectable_value(&mut to_deck, d, &deck.title);
            }
        });
    if to_deck != pos.deck {
        app.move_card_to_deck(pos, to_deck);
    }
    if ui.button("Delete card").clicked() {
        app.deck_edit(pos.deck, DeckOp::RemoveCard { block: pos.block, index: pos.card });
        app.selected_card = None;
        app.status = "Card deleted (Ctrl+Z brings it back).".into();
    }
}
