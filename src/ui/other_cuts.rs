//! Other cuts of a card, side by side: each cut's deck, tag, cite and highlighting in a column, so
//! a debater sees how others cut the same passage.

use egui::RichText;

use crate::desk::{Desk, Intent};
use crate::model::{Card, Source};
use crate::search::CardPos;

use super::card_text::card_text_job;
use super::view_state::Requests;

/// Draws `card` and the cards at `cuts` in columns; a cut in a library file not read yet is
/// asked for (it shows on the next frame).
pub fn side_by_side(
    ui: &mut egui::Ui,
    desk: &Desk,
    card: &Card,
    source: &Source,
    cuts: &[CardPos],
    out: &mut Requests,
) {
    let mut columns: Vec<(String, &Card, Option<&Source>)> =
        vec![("This card".to_owned(), card, Some(source))];
    for pos in cuts.iter().take(3) {
        let Some(key) = desk.key_at(*pos) else { continue };
        match desk.card(&key) {
            Some((deck, other)) => columns.push((deck.title.clone(), other, deck.source(&other.source))),
            None => out.intent(Intent::OpenLibraryDeck(key.deck)),
        }
    }
    if cuts.len() > 3 {
        ui.label(RichText::new(format!("Showing 3 of {} other cuts.", cuts.len())).weak());
    }
    ui.columns(columns.len(), |cols| {
        for (col, (deck, cut, source)) in cols.iter_mut().zip(&columns) {
            col.label(RichText::new(deck).weak());
            col.label(RichText::new(&cut.tag).strong());
            col.label(RichText::new(cut.short_cite(*source)).italics());
            col.label(super::widgets::card_reading(desk, cut, *source));
            let job = card_text_job(cut, col.visuals(), col.available_width());
            col.label(job);
        }
    });
}
