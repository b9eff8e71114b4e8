//! Import review: a teammate's version of a loaded deck (opened, or changed in the team folder),
//! card by card — new, changed, deleted — to accept all or some. Accepting is one undoable edit;
//! whatever is not accepted stays retrievable in a saved copy of their file.

use std::path::PathBuf;

use crate::merge::review::{CardChange, apply_changes, card_changes};
use crate::model::Deck;
use crate::ops::DeckOp;

use super::{Desk, Outcome};

/// A pending review of `theirs` against the loaded deck with the same id.
#[derive(Clone, Debug)]
pub struct Review {
    /// Names this review in [`super::Intent::DecideReview`].
    pub id: u64,
    /// Their version of the deck.
    pub theirs: Box<Deck>,
    /// Where it came from.
    pub path: PathBuf,
    /// The card-level differences.
    pub changes: Vec<CardChange>,
}

impl Review {
    /// A review of `theirs` against `ours`; `None` when the cards are the same.
    pub fn new(id: u64, ours: &Deck, theirs: Deck, path: PathBuf) -> Option<Review> {
        let changes = card_changes(ours, &theirs);
        (!changes.is_empty()).then(|| Review { id, theirs: Box::new(theirs), path, changes })
    }
}

impl Desk {
    pub(super) fn decide_review(&mut self, id: u64, accepted: &[bool]) -> Outcome {
        let Some(at) = self.reviews.iter().position(|r| r.id == id) else { return Outcome::default() };
        let review = self.reviews.remove(at);
        let Some(index) = self.ws.decks.iter().position(|d| d.id == review.theirs.id) else {
            return Outcome::status("That deck is no longer loaded; nothing was changed.");
        };
        let taken = (0..review.changes.len()).filter(|&i| accepted.get(i).copied().unwrap_or(false)).count();
        if taken < review.changes.len() {
            // Keep their whole file, so a version not taken now can be taken later.
            let dir = self.data_dir.join("rejected");
            let stamp = crate::model::provenance::now_rfc3339().replace(':', "-");
            let name = crate::format::file_name_for_id(&review.theirs.id);
            let path = dir.join(format!("{name}-{stamp}.deck.ron"));
            let kept = std::fs::create_dir_all(&dir)
                .map_err(|e| e.to_string())
                .and_then(|()| crate::format::save_deck(&review.theirs, &path).map_err(|e| e.to_string()));
            match kept {
                Ok(()) => self
                    .warnings
                    .push(format!("Their versions you did not take are kept in {}", path.display())),
                Err(e) => {
                    self.reviews.insert(at, review);
                    return Outcome::problem("Their version could not be kept, so nothing was changed", e);
                }
            }
        }
        let mut outcome = Outcome::default();
        if taken > 0 {
            let mut flags = accepted.to_vec();
            flags.resize(review.changes.len(), false);
            let merged = apply_changes(&self.ws.decks[index], &review.theirs, &review.changes, &flags);
            let deck = review.theirs.id.clone();
            outcome = self.deck_edit(vec![(deck, DeckOp::Replace(Box::new(merged)))]);
            if outcome.problem.is_some() {
                return outcome;
            }
        }
        outcome.status =
            Some(format!("Took {taken} of {} changes to “{}”.", review.changes.len(), review.theirs.title));
        outcome
    }
}
