//! The loaded decks and their files: the user's deck folder, making a bundled deck writable (a
//! copy in the user's deck folder), writing every changed deck through to its file, and decks
//! that arrive from a file or the team folder.

use std::path::PathBuf;

use crate::format;
use crate::model::Deck;
use crate::ops::{DeckOp, Edit};
use crate::workspace::{self, DeckOrigin};

use super::review::Review;
use super::{Desk, Outcome, Problem};

impl Desk {
    /// Loads the user's deck folder; a deck there replaces the bundled one of that id.
    pub(super) fn load_user_decks(&mut self) {
        let (decks, errors) = workspace::load_deck_folder(&self.user_deck_dir());
        self.warnings.extend(errors);
        for (deck, path) in decks {
            self.add_or_replace_deck(deck, DeckOrigin::File(path));
        }
    }

    /// Puts `deck` into the library, replacing a loaded deck with its id.
    pub(super) fn add_or_replace_deck(&mut self, deck: Deck, origin: DeckOrigin) {
        if matches!(origin, DeckOrigin::File(_)) {
            self.written.insert(deck.id.clone(), format::deck_fingerprint(&deck));
        }
        match self.ws.decks.iter().position(|d| d.id == deck.id) {
            Some(i) => {
                self.ws.decks[i] = deck;
                self.origins[i] = origin;
            }
            None => {
                self.ws.decks.push(deck);
                self.origins.push(origin);
            }
        }
    }

    /// Makes the deck with id `deck` writable: a bundled deck is first saved as a copy in the
    /// user's deck folder, which loads in its place from then on.
    pub(super) fn ensure_writable(&mut self, deck: &str) -> Result<(), Problem> {
        let Some(index) = self.ws.decks.iter().position(|d| d.id == deck) else {
            return Err(Problem {
                title: "Not done".into(),
                detail: format!("Deck {deck:?} is not loaded."),
            });
        };
        let from = match &self.origins[index] {
            DeckOrigin::File(_) => return Ok(()),
            DeckOrigin::Bundled => "Bundled decks are read-only".to_owned(),
            DeckOrigin::Word(word) => format!("{} is a Word file, read-only here", word.display()),
        };
        let deck = &self.ws.decks[index];
        let dir = self.user_deck_dir();
        let path = dir.join(format!("{}.deck.ron", format::file_name_for_id(&deck.id)));
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create the deck folder: {e}", dir.display()))
            .and_then(|()| format::save_deck(deck, &path).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.written.insert(deck.id.clone(), format::deck_fingerprint(deck));
                self.warnings.push(format!(
                    "{from}: your edits to “{}” are saved in a copy at {}",
                    deck.title,
                    path.display()
                ));
                self.origins[index] = DeckOrigin::File(path);
                Ok(())
            }
            Err(detail) => {
                Err(Problem { title: "Cannot make an editable copy of the bundled deck".into(), detail })
            }
        }
    }

    /// Applies deck edits as one undo step after making every deck they touch writable.
    pub(super) fn deck_edit(&mut self, edits: Vec<(String, DeckOp)>) -> Outcome {
        for (deck, _) in &edits {
            if let Err(p) = self.ensure_writable(deck) {
                return Outcome::problem(p.title, p.detail);
            }
        }
        let mut edits: Vec<Edit> = edits.into_iter().map(|(deck, op)| Edit::Deck { deck, op }).collect();
        let edit = if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) };
        self.edit(edit, None)
    }

    /// Writes every deck file whose content changed since it was last written; the first
    /// failure is returned (the others are still tried).
    pub(super) fn write_changed_decks(&mut self) -> Option<Problem> {
        let mut problem = None;
        for (deck, origin) in self.ws.decks.iter().zip(&self.origins) {
            let DeckOrigin::File(path) = origin else { continue };
            let fp = format::deck_fingerprint(deck);
            if self.written.get(&deck.id) == Some(&fp) {
                continue;
            }
            match format::save_deck(deck, path) {
                Ok(()) => {
                    self.written.insert(deck.id.clone(), fp);
                }
                Err(e) => {
                    problem.get_or_insert(Problem {
                        title: "The deck was not saved".into(),
                        detail: e.to_string(),
                    });
                }
            }
        }
        problem
    }

    pub(super) fn open_deck(&mut self, path: PathBuf) -> Outcome {
        let deck = match format::load_deck(&path) {
            Ok(d) => d,
            Err(e) => {
                return Outcome::problem("This deck cannot be opened; nothing was changed", e.to_string());
            }
        };
        if self.ws.decks.iter().any(|d| d.id == deck.id) {
            let before = self.reviews.len();
            let mut outcome = self.receive_deck(deck, path);
            if self.reviews.len() == before && outcome.status.is_none() {
                outcome.status = Some("That deck has the same cards as the one loaded.".into());
            }
            return outcome;
        }
        if deck.resolution != self.ws.session.resolution {
            self.warnings
                .push(format!("{:?} argues a different resolution: {}", deck.title, deck.resolution));
        }
        let status = format!("Added deck “{}” ({} cards).", deck.title, deck.card_count());
        self.add_or_replace_deck(deck, DeckOrigin::File(path));
        Outcome { decks_changed: true, select_card: Some(None), ..Outcome::status(status) }
    }

    /// Offers `theirs` for review against the loaded deck with its id, or loads it if none has.
    pub(super) fn receive_deck(&mut self, theirs: Deck, path: PathBuf) -> Outcome {
        if let Some(ours) = self.ws.decks.iter().find(|d| d.id == theirs.id)
            && format::deck_fingerprint(ours) == format::deck_fingerprint(&theirs)
        {
            // Our own save of a deck in the team folder comes back unchanged: nothing to do.
            return Outcome::default();
        }
        self.warnings.extend(crate::merge::check_incoming(&self.ws.decks, &theirs));
        match self.ws.decks.iter().position(|d| d.id == theirs.id) {
            None => {
                let status = format!("Added deck “{}” from {}.", theirs.title, path.display());
                self.add_or_replace_deck(theirs, DeckOrigin::File(path));
                Outcome { decks_changed: true, select_card: Some(None), ..Outcome::status(status) }
            }
            Some(i) => {
                if let Some(review) = Review::new(self.next_review, &self.ws.decks[i], theirs, path) {
                    self.next_review += 1;
                    self.reviews.push(review);
                }
                Outcome::default()
            }
        }
    }
}
