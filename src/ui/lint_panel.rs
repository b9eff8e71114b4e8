//! View → Check the library: what a coach would flag in the loaded decks (see [`crate::lint`]),
//! one line per warning, grouped by deck; "Show" opens a card in the reader. Warnings, not
//! errors: nothing stops the deck from loading or saving.

use egui::RichText;

use crate::desk::{CardKey, Desk};
use crate::lint::Lint;

use super::view_state::{Request, Requests};

/// Shows the warnings; returns whether the dialog stays open.
pub fn show(ctx: &egui::Context, desk: &Desk, warnings: &[Lint], out: &mut Requests) -> bool {
    let mut keep = !ctx.input(|i| i.key_pressed(egui::Key::Escape));
    egui::Modal::new(super::widgets::dialog_id(ctx, "lint")).show(ctx, |ui| {
        ui.set_width(760.0);
        ui.heading("The library, checked as a coach would");
        ui.label(format!(
            "{} warnings in {} decks. Warnings, not errors: every deck still loads and saves.",
            warnings.len(),
            desk.decks().len()
        ));
        egui::ScrollArea::vertical().max_height(480.0).id_salt("lint-list").show(ui, |ui| {
            let mut deck = None;
            for w in warnings {
                if deck != Some(&w.deck) {
                    ui.label(RichText::new(&w.deck).strong());
                    deck = Some(&w.deck);
                }
                ui.horizontal_wrapped(|ui| {
                    let what =
                        if w.card { format!("card {}", w.at) } else { format!("block “{}”", w.at) };
                    ui.label(format!("{what}: {}", w.message));
                    if w.card && ui.small_button("Show").on_hover_text("Open it in the reader").clicked() {
                        out.push(Request::ShowCard(CardKey::new(&w.deck, &w.at)));
                        keep = false;
                    }
                });
            }
        });
        if ui.button("Close").clicked() {
            keep = false;
        }
    });
    keep
}
