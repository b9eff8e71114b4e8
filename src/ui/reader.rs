//! The card reader: tag, cite and text drawn the way Verbatim users expect — unread text small,
//! underlined text full size, highlighted (read-aloud) text on a colour — with the reading time.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText};

use crate::desk::{Desk, Intent, ItemId};
use crate::model::Item;
use crate::workspace::CardStatus;

use super::card_text::{card_text_job_matching, marked_line_job};
use super::commands::Command;
use super::view_state::{Requests, Selection};

/// Draws the reader for the selected case item, else the selected library card; `matching` are
/// the library search's words (the last one as typed, a prefix), drawn in the match colour.
pub fn show(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &Selection,
    matching: (&[String], bool),
    out: &mut Requests,
) {
    let from_case = selection.showing_item.then(|| selection.live_item(desk)).flatten().and_then(|id| {
        match desk.item(id) {
            Some((_, _, _, Item::Card { card, source, .. })) => Some((card, source, Some(id))),
            _ => None,
        }
    });
    let from_library = || {
        let (card, source) = desk.card_with_source(selection.card.as_ref()?)?;
        Some((card, source, None))
    };
    let Some((card, source, item)) = from_case.or_else(from_library) else {
        // A card of a library file indexed but not read yet: read it now (once; a failure is
        // reported and leaves the file on the shelf).
        if let Some(key) = selection.card.as_ref().filter(|k| desk.is_shelved(&k.deck)) {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.label(format!("Reading the file of deck “{}”…", key.deck)));
            out.intent(Intent::OpenLibraryDeck(key.deck.clone()));
            return;
        }
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading("Casebook");
            ui.label(&desk.session().resolution);
            ui.add_space(12.0);
            ui.label("Select a card in the library to read it here.");
            let ctx = ui.ctx().clone();
            ui.label(format!(
                "{} or a double click adds it to the current section; so does dragging it onto the case.",
                Command::AddCard.keys(&ctx)
            ));
            ui.label(format!(
                "{} lists every keyboard shortcut; {} opens the command palette.",
                Command::Shortcuts.keys(&ctx),
                Command::Palette.keys(&ctx)
            ));
        });
        return;
    };
    if card.tag_marks.is_empty() {
        ui.add(egui::Label::new(RichText::new(&card.tag).size(18.0).strong()).wrap());
    } else {
        let all = [(0, card.tag.chars().count())];
        let job = marked_line_job(&card.tag, &card.tag_marks, &all, 17.0, ui.visuals(), ui.available_width());
        ui.add(egui::Label::new(job).wrap());
    }
    if let Some(line) = &card.cite_line {
        // The cite exactly as the file wrote it, bold where it was bold.
        let job =
            marked_line_job(&line.text, &line.marks, &line.bold, 13.0, ui.visuals(), ui.available_width());
        ui.add(egui::Label::new(job).wrap());
    } else {
        cite_from_source(ui, source);
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} · {}",
            card.side.name(),
            super::widgets::card_reading(desk, card, Some(source))
        ));
        if let Some(loc) = &card.locator {
            ui.label(RichText::new(loc).weak());
        }
        for l in &card.labels {
            ui.label(RichText::new(format!("#{l}")).weak());
        }
    });
    if item.is_none()
        && let Some(key) = &selection.card
    {
        where_from(ui, desk, key);
    }
    quote_check(ui, card, source);
    actions_row(ui, desk, selection, out, item);
    if let Some(note) = &card.note {
        ui.label(RichText::new(format!("Note: {note}")).italics().weak());
    }
    let cuts = match (item, selection.card.as_ref().and_then(|k| desk.locate(k))) {
        (None, Some(pos)) => desk.index().other_cuts(pos),
        _ => Vec::new(),
    };
    let side_by_side = egui::Id::unique("other-cuts-shown");
    let mut showing = ui.data(|d| d.get_temp::<bool>(side_by_side)).unwrap_or(false) && !cuts.is_empty();
    if !cuts.is_empty() {
        let n = cuts.len();
        let text = format!("{n} other cut{} in your library", if n == 1 { "" } else { "s" });
        if ui
            .selectable_label(showing, text)
            .on_hover_text("The same passage cut by others, side by side")
            .clicked()
        {
            showing = !showing;
            ui.data_mut(|d| d.insert_temp(side_by_side, showing));
        }
    }
    ui.separator();
    egui::ScrollArea::vertical().id_salt("reader-text").auto_shrink([false, false]).show(ui, |ui| {
        if showing {
            super::other_cuts::side_by_side(ui, desk, card, source, &cuts, out);
            return;
        }
        let matches = crate::search::words::match_ranges(&card.text, matching.0, matching.1);
        let job = card_text_job_matching(card, ui.visuals(), ui.available_width(), &matches);
        ui.label(job);
    });
}

/// What can be said of the quote: checked against its stored source, or that there is none.
/// Remembered per card text, so the source is searched once, not every frame.
fn quote_check(ui: &mut egui::Ui, card: &crate::model::Card, source: &crate::model::Source) {
    use crate::bundled::QuoteCheck;
    let key = egui::Id::unique((
        "quote-check",
        card.id.as_str(),
        source.id.as_str(),
        card.text.len(),
        card.quote_edited,
    ));
    let check = ui.data_mut(|d| d.get_temp::<QuoteCheck>(key)).unwrap_or_else(|| {
        let check = crate::bundled::check_quote(card, source);
        ui.data_mut(|d| d.insert_temp(key, check));
        check
    });
    let warn = ui.visuals().warn_fg_color;
    match check {
        QuoteCheck::Verbatim => ui.label(RichText::new("✔ Quote verbatim from its stored source").weak()),
        QuoteCheck::NotInSource => ui.colored_label(warn, "⚠ The quote is not found in its stored source."),
        QuoteCheck::EditedByHand => {
            ui.colored_label(warn, "⚠ The quote was edited by hand and may differ from its source.")
        }
        QuoteCheck::NoSourceText => ui.label(
            RichText::new("No stored source text: the quote is as its file gave it and cannot be checked.")
                .weak(),
        ),
    };
}

/// The cite built from the source's facts: the short cite bold, the rest plain.
fn cite_from_source(ui: &mut egui::Ui, source: &crate::model::Source) {
    let cite = crate::export::cite::cite_parts(source);
    // One wrapped job at the full width: words wrap, and only a word longer than a line (a URL)
    // is broken, so the cite never widens the reader.
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    job.wrap.break_anywhere = false;
    let strong = TextFormat {
        font_id: FontId::proportional(15.0),
        color: ui.visuals().strong_text_color(),
        ..TextFormat::default()
    };
    let plain = TextFormat {
        font_id: FontId::proportional(13.0),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    job.append(&cite.short, 0.0, strong);
    job.append(&cite.rest, 0.0, plain);
    ui.label(job);
}

fn actions_row(
    ui: &mut egui::Ui,
    desk: &Desk,
    selection: &Selection,
    out: &mut Requests,
    item: Option<ItemId>,
) {
    ui.horizontal_wrapped(|ui| match item {
        None => {
            let outline = selection.outline(desk);
            let sections = desk.session().outline(outline).map_or(&[][..], |o| &o[..]);
            let target = selection
                .current_index(desk)
                .and_then(|s| sections.get(s))
                .map_or("no section yet".to_owned(), |s| s.title.clone());
            let side = super::widgets::outline_name(desk, outline);
            let hint = Command::AddCard.keys(ui.ctx());
            if ui.button(format!("Add to {side}: {target}")).on_hover_text(hint).clicked() {
                out.command(Command::AddCard);
            }
            send_buttons(ui, desk, selection, out);
        }
        Some(id) => match desk.item_status(id) {
            CardStatus::Current => {
                ui.label(RichText::new("Same as in its deck").weak());
            }
            CardStatus::ChangedInDeck => {
                ui.colored_label(ui.visuals().warn_fg_color, "Changed in deck");
                if ui.button("Update from deck").clicked() {
                    out.intent(Intent::UpdateFromDeck(id));
                }
            }
            CardStatus::MissingFromDeck => {
                ui.colored_label(ui.visuals().warn_fg_color, "No longer in its deck: this is the saved copy");
            }
            CardStatus::DeckNotLoaded => {
                let deck = match desk.item(id) {
                    Some((_, _, _, Item::Card { deck, .. })) => deck.clone(),
                    _ => String::new(),
                };
                ui.label(
                    RichText::new(format!("Deck {deck:?} is not loaded: this is the saved copy")).weak(),
                );
            }
        },
    });
}

/// "Send to 2AC" (the backtick's button) and "Send its block" for the library card shown.
fn send_buttons(ui: &mut egui::Ui, desk: &Desk, selection: &Selection, out: &mut Requests) {
    let Some(speech) = selection.current_speech(desk) else { return };
    let Some(outline) = desk.ids().speech_outline(speech) else { return };
    let name = super::widgets::outline_name(desk, outline);
    if ui.button(format!("Send to {name}")).on_hover_text(Command::SendToSpeech.hint(ui.ctx())).clicked() {
        out.command(Command::SendToSpeech);
    }
    let Some(key) = selection.card.as_ref() else { return };
    let Some(pos) = desk.find_card(key) else { return };
    if ui
        .button("Send its block")
        .on_hover_text(format!("Every card of this block, as a section of the {name}"))
        .clicked()
    {
        let what = crate::desk::Sendable::Block { deck: key.deck.clone(), block: pos.block };
        out.intent(Intent::Send { what, to: speech, after: None });
    }
}

/// "From Team › 2025/camp/1NC.docx · 1NC › Off-case › The Taiwan trap": the file and folder a
/// library card comes from and where it sits in its file's outline.
fn where_from(ui: &mut egui::Ui, desk: &Desk, key: &crate::desk::CardKey) {
    let Some((deck, _)) = desk.card(key) else { return };
    let block = deck.blocks.iter().position(|b| b.cards.iter().any(|c| c.id == key.card));
    let path = block.map(|b| deck.block_path(b)).unwrap_or_default();
    let file =
        desk.deck_place(&deck.id).map_or_else(|| format!("the bundled deck “{}”", deck.title), |p| p.shown);
    ui.label(RichText::new(format!("From {file} · {path}")).weak());
}
