//! Import review: a teammate's version of a loaded deck (opened, or changed in the team folder),
//! shown card by card — new, changed (side by side), deleted — to accept all or some. Accepting is
//! one undoable edit; whatever is not accepted stays retrievable in a saved copy of their file.

use std::path::PathBuf;

use egui::{Id, RichText};

use crate::merge::review::{CardChange, apply_changes, card_changes};
use crate::model::Deck;
use crate::ops::DeckOp;

use super::app::CasebookApp;

/// A pending review of `theirs` against the loaded deck with the same id.
#[derive(Clone, Debug)]
pub struct Review {
    /// Their version of the deck.
    pub theirs: Box<Deck>,
    /// Where it came from.
    pub path: PathBuf,
    /// The card-level differences.
    pub changes: Vec<CardChange>,
    /// Which changes to accept.
    pub accepted: Vec<bool>,
}

impl Review {
    /// A review of `theirs` against `ours`; `None` when the cards are the same.
    pub fn new(ours: &Deck, theirs: Deck, path: PathBuf) -> Option<Review> {
        let changes = card_changes(ours, &theirs);
        if changes.is_empty() {
            return None;
        }
        let accepted = vec![true; changes.len()];
        Some(Review { theirs: Box::new(theirs), path, changes, accepted })
    }
}

fn card_column(ui: &mut egui::Ui, heading: &str, card: &crate::model::Card) {
    ui.vertical(|ui| {
        ui.set_width(300.0);
        ui.label(RichText::new(heading).weak());
        ui.label(RichText::new(&card.tag).strong());
        ui.add(egui::Label::new(RichText::new(&card.text).small()).wrap());
    });
}

/// Shows the review; returns it back while it stays open.
pub fn show(app: &mut CasebookApp, ctx: &egui::Context, mut review: Review) -> Option<Review> {
    let mut decision = None;
    egui::Modal::new(Id::unique("import-review")).show(ctx, |ui| {
        ui.set_width(680.0);
        ui.heading(format!("Changes in “{}”", review.theirs.title));
        ui.label(format!("From {}. Choose what to take; nothing is lost either way.", review.path.display()));
        egui::ScrollArea::vertical().max_height(440.0).id_salt("review-list").show(ui, |ui| {
            for (change, accept) in review.changes.iter().zip(review.accepted.iter_mut()) {
                ui.separator();
                match change {
                    CardChange::Added { block, card } => {
                        ui.checkbox(accept, format!("New in “{block}”: {}", card.tag));
                    }
                    CardChange::Removed { card } => {
                        ui.checkbox(accept, format!("Deleted by them: {}", card.tag));
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
            if ui.button("Accept all").clicked() {
                decision = Some(vec![true; review.changes.len()]);
            }
            if ui.button("Accept selected").clicked() {
                decision = Some(review.accepted.clone());
            }
            if ui.button("Keep mine").clicked() {
                decision = Some(vec![false; review.changes.len()]);
            }
        });
    });
    match decision {
        None => Some(review),
        Some(accepted) => {
            app.apply_review(&review, &accepted);
            None
        }
    }
}

impl CasebookApp {
    /// Offers `theirs` (a loaded deck's id) for review, or loads it if no deck has its id.
    pub(super) fn receive_deck(&mut self, theirs: Deck, path: PathBuf) {
        self.deck_warnings.extend(crate::merge::check_incoming(&self.ws.decks, &theirs));
        match self.ws.decks.iter().position(|d| d.id == theirs.id) {
            None => {
                self.status = format!("Added deck “{}” from {}.", theirs.title, path.display());
                self.add_or_replace_deck(theirs, crate::workspace::DeckOrigin::File(path));
            }
            Some(i) => match Review::new(&self.ws.decks[i], theirs, path) {
                None => {}
                Some(review) => self.reviews.push(review),
            },
        }
    }

    fn apply_review(&mut self, review: &Review, accepted: &[bool]) {
        let Some(index) = self.ws.decks.iter().position(|d| d.id == review.theirs.id) else { return };
        let taken = accepted.iter().filter(|a| **a).count();
        if taken < review.changes.len() {
            // Keep their whole file, so a version not taken now can be taken later.
            let dir = self.data_dir.join("rejected");
            let stamp = crate::model::provenance::now_rfc3339().replace(':', "-");
            let path = dir.join(format!("{}-{stamp}.deck.ron", review.theirs.id));
            let kept = std::fs::create_dir_all(&dir)
                .map_err(|e| e.to_string())
                .and_then(|()| crate::format::save_deck(&review.theirs, &path).map_err(|e| e.to_string()));
            match kept {
                Ok(()) => self
                    .deck_warnings
                    .push(format!("Their versions you did not take are kept in {}", path.display())),
                Err(e) => {
                    return self.show_error("Their version could not be kept, so nothing was changed", e);
                }
            }
        }
        if taken > 0 {
            let merged = apply_changes(&self.ws.decks[index], &review.theirs, &review.changes, accepted);
            self.deck_edit(index, DeckOp::Replace(Box::new(merged)));
        }
        self.status =
            format!("Took {taken} of {} changes to “{}”.", review.changes.len(), review.theirs.title);
    }
}
