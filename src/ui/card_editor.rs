//! The card editor: tag, side, labels, locator, note and the marks of the selected card, with
//! Verbatim's keys — F9 underline, F10 emphasis, F11 highlight, F12 clear — on the selected text.
//! The quote itself changes only through "Edit quote", which flags the card.

use egui::{Id, RichText};

use crate::desk::{CardKey, Desk, Intent};
use crate::model::{Card, MarkKind, Side};
use crate::workspace::DeckOrigin;

use super::card_text::card_text_job;
use super::commands::Command;
use super::view_state::{Requests, Selection};
use super::widgets::DraftField;

/// The id of the card text field, whose selection the marking keys act on.
pub const CARD_TEXT_ID: &str = "card-editor-text";

/// The selected character range of the card text field, if any.
pub fn selection(ctx: &egui::Context) -> Option<(usize, usize)> {
    super::widgets::text_selection(ctx, CARD_TEXT_ID)
}

fn update(out: &mut Requests, key: &CardKey, card: Card) {
    out.intent(Intent::UpdateCard { key: key.clone(), card: Box::new(card) });
}

/// Draws the editor for the selected card.
pub fn show(ui: &mut egui::Ui, desk: &Desk, sel: &Selection, out: &mut Requests) {
    let key = sel.editing_card(desk);
    let (Some(key), Some(pos)) = (key.clone(), key.as_ref().and_then(|k| desk.find_card(k))) else {
        ui.label("Select a card in the library or the case to edit it, or cut a new one from a source.");
        return;
    };
    let deck = &desk.decks()[pos.deck];
    let card = &deck.blocks[pos.block].cards[pos.card];
    ui.label(RichText::new(format!("{} › {}", deck.title, deck.blocks[pos.block].display_title())).weak());
    if desk.origin(pos.deck) == Some(&DeckOrigin::Bundled) {
        let dir = desk.user_deck_dir();
        let text = format!("Bundled deck (read-only): your first edit saves a copy in {}", dir.display());
        ui.label(RichText::new(text).weak());
    }
    let id = |field: &str| Id::unique(("card-editor", field, &key));
    if let Some(tag) = DraftField::new(id("tag"), "Tag", &card.tag).multiline().show(ui).changed() {
        update(out, &key, Card { tag, ..card.clone() });
    }
    ui.horizontal(|ui| {
        let mut side = card.side;
        egui::ComboBox::from_label("Card side").selected_text(side.name()).show_ui(ui, |ui| {
            for s in [Side::Aff, Side::Neg, Side::Either] {
                ui.selectable_value(&mut side, s, s.name());
            }
        });
        if side != card.side {
            update(out, &key, Card { side, ..card.clone() });
        }
    });
    let labels = card.labels.join(", ");
    if let Some(text) = DraftField::new(id("labels"), "Labels (comma-separated)", &labels).show(ui).changed()
    {
        update(out, &key, Card { labels: crate::model::card::parse_labels(&text), ..card.clone() });
    }
    let locator = card.locator.clone().unwrap_or_default();
    if let Some(text) = DraftField::new(id("locator"), "Page or paragraph", &locator).show(ui).changed() {
        update(out, &key, Card { locator: crate::model::card::optional_text(&text), ..card.clone() });
    }
    let note = card.note.clone().unwrap_or_default();
    if let Some(text) =
        DraftField::new(id("note"), "Note (not read aloud)", &note).multiline().show(ui).changed()
    {
        update(out, &key, Card { note: crate::model::card::optional_text(&text), ..card.clone() });
    }
    if let Some(source) = deck.source(&card.source) {
        ui.label(RichText::new(format!("Cite: {}", crate::export::cite::cite_line(source))).small());
        cite_editor(ui, &deck.id, source, out);
    }
    ui.separator();
    marking_toolbar(ui, out);
    ui.label(super::widgets::card_reading(desk, card, deck.source(&card.source)));
    if card.quote_edited {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "⚠ The quote was edited by hand and may differ from its source.",
        );
    }
    quote(ui, &key, card, out);
    super::card_answers::show(ui, desk, &key, card, out);
    ui.horizontal_wrapped(|ui| card_actions(ui, desk, &key, pos, out));
}

/// Edits the deck's citation of the card's source (shared by every card quoting it).
fn cite_editor(ui: &mut egui::Ui, deck: &str, source: &crate::model::Source, out: &mut Requests) {
    let key = Id::unique(("cite-draft", deck, source.id.as_str()));
    ui.collapsing("Edit cite", |ui| {
        let mut draft =
            ui.data_mut(|d| d.get_temp::<crate::model::Source>(key)).unwrap_or_else(|| source.clone());
        super::cut_panel::citation_fields(ui, &mut draft);
        let changed = &draft != source;
        ui.data_mut(|d| d.insert_temp(key, draft.clone()));
        ui.horizontal(|ui| {
            if ui.add_enabled(changed, egui::Button::new("Apply cite")).clicked() {
                ui.data_mut(|d| d.remove::<crate::model::Source>(key));
                out.intent(Intent::ReplaceSource { deck: deck.to_owned(), source: draft });
            }
            if ui.add_enabled(changed, egui::Button::new("Discard cite changes")).clicked() {
                ui.data_mut(|d| d.remove::<crate::model::Source>(key));
            }
        });
    });
}

/// The marking buttons run the same commands as F9–F12, so a button and its key behave alike.
fn marking_toolbar(ui: &mut egui::Ui, out: &mut Requests) {
    ui.horizontal(|ui| {
        for (name, command) in [
            ("Underline", Command::MarkUnderline),
            ("Emphasis", Command::MarkEmphasis),
            ("Highlight", Command::MarkHighlight),
            ("Clear marks", Command::ClearMarks),
        ] {
            let text = format!("{name} ({})", command.keys(ui.ctx()));
            if ui.button(text).on_hover_text(command.label()).clicked() {
                out.command(command);
            }
        }
    });
}

/// The mark a marking command applies (`None` clears).
pub fn mark_of(command: Command) -> Option<Option<MarkKind>> {
    match command {
        Command::MarkUnderline => Some(Some(MarkKind::Underline)),
        Command::MarkEmphasis => Some(Some(MarkKind::Emphasis)),
        Command::MarkHighlight => Some(Some(MarkKind::Highlight)),
        Command::ClearMarks => Some(None),
        _ => None,
    }
}

fn quote(ui: &mut egui::Ui, key: &CardKey, card: &Card, out: &mut Requests) {
    let editing_id = Id::unique(("edit-quote", key));
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
                            out.intent(Intent::UpdateCard {
                                key: key.clone(),
                                card: Box::new(card.with_quote(text)),
                            });
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

fn card_actions(
    ui: &mut egui::Ui,
    desk: &Desk,
    key: &CardKey,
    pos: crate::search::CardPos,
    out: &mut Requests,
) {
    if ui.button("Duplicate").clicked() {
        out.intent(Intent::DuplicateCard(key.clone()));
    }
    let deck = &desk.decks()[pos.deck];
    let mut target = pos.block;
    egui::ComboBox::from_label("Move to block")
        .width(180.0)
        .truncate()
        .selected_text(deck.blocks[pos.block].display_title())
        .show_ui(ui, |ui| {
            for (b, block) in deck.blocks.iter().enumerate() {
                ui.selectable_value(&mut target, b, block.display_title());
            }
        });
    if target != pos.block {
        out.intent(Intent::MoveCardToBlock { key: key.clone(), block: target });
    }
    let mut to_deck = pos.deck;
    egui::ComboBox::from_label("Move to deck")
        .width(180.0)
        .truncate()
        .selected_text(deck.title.clone())
        .show_ui(ui, |ui| {
            for (d, deck) in desk.decks().iter().enumerate() {
                ui.selectable_value(&mut to_deck, d, &deck.title);
            }
        });
    if to_deck != pos.deck {
        out.intent(Intent::MoveCardToDeck { key: key.clone(), deck: desk.decks()[to_deck].id.clone() });
    }
    if ui.button("Delete card").clicked() {
        out.intent(Intent::DeleteCard(key.clone()));
    }
}
