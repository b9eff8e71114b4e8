//! Import review in the window: a teammate's version of a loaded deck shown card by card — new,
//! changed (side by side), deleted — with a box per change; the decision goes to the desk.

use egui::RichText;

use crate::desk::{Intent, Review};
use crate::merge::review::{CardChange, default_choices};

use super::view_state::Requests;

fn card_column(ui: &mut egui::Ui, heading: &str, card: &crate::model::Card) {
    ui.vertical(|ui| {
        ui.set_width(300.0);
        ui.label(RichText::new(heading).weak());
        ui.label(RichText::new(&card.tag).strong());
        ui.add(egui::Label::new(RichText::new(&card.text).small()).wrap());
    });
}

/// Shows `review` with the boxes in `accepted` (one per change); returns false once decided.
pub fn show(ctx: &egui::Context, review: &Review, accepted: &mut Vec<bool>, out: &mut Requests) -> bool {
    if accepted.len() != review.changes.len() {
        *accepted = default_choices(&review.changes);
    }
    let mut decision = None;
    egui::Modal::new(super::widgets::dialog_id(ctx, "import-review")).show(ctx, |ui| {
        ui.set_width(680.0);
        ui.heading(format!("Changes in “{}”", review.theirs.title));
        ui.label(format!("From {}. Choose what to take; nothing is lost either way.", review.path.display()));
        ui.label("A card they deleted stays in your deck unless you tick it.");
        egui::ScrollArea::vertical().max_height(440.0).id_salt("review-list").show(ui, |ui| {
            for (change, accept) in review.changes.iter().zip(accepted.iter_mut()) {
                ui.separator();
                match change {
                    CardChange::Added { block, card } => {
                        ui.checkbox(accept, format!("New in “{block}”: {}", card.tag));
                    }
                    CardChange::Removed { card } => {
                        ui.checkbox(accept, format!("Deleted by them (tick to delete yours): {}", card.tag));
                    }
                    CardChange::Changed { ours, theirs } => {
                        ui.checkbox(accept, format!("Changed by them: {}", theirs.tag));
                        ui.horizontal_top(|ui| {
                            card_column(ui, "Yours", ours);
                            card_column(ui, "Theirs", theirs);
                        });
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            // Every new and changed card, and only the deletions the user ticked.
            if ui.button("Accept all new and changed").clicked() {
                let ticked = review.changes.iter().zip(accepted.iter());
                decision =
                    Some(ticked.map(|(c, a)| *a || !matches!(c, CardChange::Removed { .. })).collect());
            }
            if ui.button("Accept ticked").clicked() {
                decision = Some(accepted.clone());
            }
            if ui.button("Keep mine").clicked() {
                decision = Some(vec![false; review.changes.len()]);
            }
        });
    });
    match decision {
        None => true,
        Some(accepted) => {
            out.intent(Intent::DecideReview { review: review.id, accepted });
            false
        }
    }
}
