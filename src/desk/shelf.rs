//! The shelf: library folder files that are indexed but not read. A team's library is tens of
//! thousands of cards; only their index rows (tag, cite, block) are kept, and a file is read
//! into a deck when one of its cards is shown or used ([`Intent::OpenLibraryDeck`]). In the
//! library's order, library files come after the other decks, sorted by path, read or not.
//!
//! [`Intent::OpenLibraryDeck`]: super::Intent::OpenLibraryDeck

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::search::{Part, Segment};
use crate::workspace::DeckOrigin;

use super::library_folders::origin_path;
use super::{Desk, Outcome};

/// A library file on the shelf.
pub(super) struct Shelved {
    /// The file.
    pub path: PathBuf,
    /// Its index.
    pub segment: Arc<Segment>,
}

impl Desk {
    /// Puts a library file's index on the shelf (replacing what the same file put there before).
    /// A deck id another deck or file already brought stays out; the line says so.
    pub(super) fn shelve(
        &mut self,
        path: PathBuf,
        segment: Arc<Segment>,
        from_cache: bool,
    ) -> (Result<String, String>, Outcome) {
        let replaced = self.unshelve(&path).is_some();
        let cards = segment.cards.len();
        let unchanged = if from_cache { " (unchanged since last indexed)" } else { "" };
        let summary = format!("{cards} cards indexed{unchanged}");
        let taken = self.ws.decks.iter().map(|d| (&d.id, &d.title));
        let taken = taken.chain(self.shelf.iter().map(|s| (&s.segment.deck_id, &s.segment.deck_title)));
        if let Some((id, title)) = taken.into_iter().find(|(id, _)| **id == segment.deck_id) {
            let why = format!("{summary}; not loaded: deck id {id:?} is already in the library (“{title}”)");
            return (Ok(why), Outcome { decks_changed: replaced, ..Outcome::default() });
        }
        let at = self.shelf.partition_point(|s| s.path < path);
        self.shelf.insert(at, Shelved { path, segment });
        (Ok(summary), Outcome { decks_changed: true, ..Outcome::default() })
    }

    /// Takes the file at `path` off the shelf.
    pub(super) fn unshelve(&mut self, path: &Path) -> Option<Shelved> {
        let i = self.shelf.iter().position(|s| s.path == path)?;
        Some(self.shelf.remove(i))
    }

    /// Reads the shelved file holding deck `id` into the library as a deck (a Word file
    /// read-only). Nothing happens when the deck is already loaded.
    pub(super) fn open_library_deck(&mut self, id: &str) -> Outcome {
        let Some(i) = self.shelf.iter().position(|s| s.segment.deck_id == id) else {
            return Outcome::default();
        };
        let path = self.shelf[i].path.clone();
        // A Word file's deck id is its place in its library folder, as when it was indexed.
        let read = crate::workspace::read_library_file(&path).map(|mut file| {
            if file.word {
                file.deck.id = id.to_owned();
            }
            file
        });
        match read {
            Ok(file) if file.deck.id == id => {
                let shelved = self.shelf.remove(i);
                self.ready.push(shelved.segment);
                let origin = if file.word { DeckOrigin::Word(path) } else { DeckOrigin::File(path) };
                self.add_or_replace_deck(file.deck, origin);
                Outcome { decks_changed: true, ..Outcome::default() }
            }
            Ok(_) => Outcome::status(format!(
                "{} changed on disk and no longer holds deck {id:?}; it is indexed again at the next check.",
                path.display()
            )),
            Err(why) => {
                let why = if why.contains(&path.display().to_string()) {
                    why
                } else {
                    format!("{}: {why}", path.display())
                };
                self.warnings.push(why.clone());
                Outcome::problem("This library file cannot be read now", why)
            }
        }
    }

    /// The library in its order: the decks that are not library folder files (bundled, the
    /// user's, opened), then the library folders' files by path, read into decks or not — so a
    /// file read when its card is shown keeps its place in the list.
    pub(super) fn library_parts(&self) -> Vec<Part<'_>> {
        let mut front = Vec::new();
        let mut files: Vec<(&Path, Part<'_>)> = Vec::new();
        for (deck, origin) in self.ws.decks.iter().zip(&self.origins) {
            match origin_path(origin).filter(|p| self.library_stamps.contains_key(*p)) {
                Some(path) => files.push((path, Part::Deck(deck))),
                None => front.push(Part::Deck(deck)),
            }
        }
        files.extend(self.shelf.iter().map(|s| (s.path.as_path(), Part::Indexed(Arc::clone(&s.segment)))));
        files.sort_by(|a, b| a.0.cmp(b.0));
        front.extend(files.into_iter().map(|(_, part)| part));
        front
    }

    /// Whether deck `id` is on the shelf (indexed, not read).
    pub fn is_shelved(&self, id: &str) -> bool {
        self.shelf.iter().any(|s| s.segment.deck_id == id)
    }

    /// The number of library folder files in the library (read into decks or not).
    pub fn library_files(&self) -> usize {
        self.library_stamps.len()
    }

    /// The number of library files on the shelf.
    pub fn shelved_files(&self) -> usize {
        self.shelf.len()
    }
}
