//! The session's files: open, save, restore after a crash, export. Every failure becomes a
//! readable problem and leaves the session as it was.

use std::path::PathBuf;

use crate::export::{ExportOptions, Format, Target};
use crate::format;
use crate::model::Session;
use crate::workspace::{self, DeckOrigin};

use super::identity::Identities;
use super::{Desk, Outcome};

impl Desk {
    /// Replaces the session (new, opened, restored), forgetting the undo history. The recovery
    /// file is not touched: it goes only after a save or an explicit discard.
    pub(super) fn replace_session(&mut self, session: Session, path: Option<PathBuf>, note: &str) -> Outcome {
        self.ids = Identities::for_session(&session, self.ids.next_number());
        self.ws.session = session;
        self.session_path = path;
        self.history.clear();
        self.gesture = None;
        Outcome { session_changed: true, session_replaced: true, select_card: None, ..Outcome::status(note) }
    }

    /// Opens a session and the decks it names. A deck reference is resolved by its path (the
    /// session's folder, or `bundled:`); when that fails but a deck with its id is in the library
    /// (bundled, the user's decks, the team folder), that deck is used: a session saved on a
    /// teammate's machine names decks in their private folders. A deck found nowhere leaves its
    /// cards with the snapshots the session keeps, and a note says so.
    pub(super) fn open_session(&mut self, path: PathBuf) -> Outcome {
        let session = match format::load_session(&path) {
            Ok(s) => s,
            Err(e) => {
                return Outcome::problem("This session cannot be opened; nothing was changed", e.to_string());
            }
        };
        let mut notes = Vec::new();
        for r in &session.decks {
            match workspace::resolve_deck_ref_within(&path, r, &self.deck_folders()) {
                Ok((deck, DeckOrigin::File(file))) => self.add_or_replace_deck(deck, DeckOrigin::File(file)),
                Ok((_, DeckOrigin::Bundled | DeckOrigin::Word(_))) => {}
                Err(_) if self.ws.decks.iter().any(|d| d.id == r.id) => {}
                Err(e) => notes.push(format!(
                    "Deck {:?} is not in your library, so its cards show the copies saved in the session ({e}).",
                    r.id
                )),
            }
        }
        self.warnings = notes;
        let mut outcome =
            self.replace_session(session, Some(path.clone()), &format!("Opened {}.", path.display()));
        outcome.decks_changed = true;
        outcome.session_file = Some(path);
        let changed: Vec<&str> = self
            .ws
            .decks
            .iter()
            .filter(|d| workspace::deck_changed_since_save(&self.ws.session, d))
            .map(|d| d.title.as_str())
            .collect();
        if !changed.is_empty() {
            let message = format!(
                "Changed since this session was saved: {}. Cards that differ are marked “changed in deck”.",
                changed.join("; ")
            );
            self.warnings.push(message);
        }
        outcome
    }

    /// The folders besides a session's own that its deck files may lie in: the user's deck
    /// folder and the library and team folders.
    fn deck_folders(&self) -> Vec<PathBuf> {
        std::iter::once(self.user_deck_dir()).chain(self.library_folders.iter().cloned()).collect()
    }

    /// Writes the session and a copy of every deck its cases use into `folder`, with references
    /// to those copies, so the folder travels (a USB stick, a chat) and opens anywhere. The
    /// session being edited keeps its own file.
    pub(super) fn save_with_decks(&mut self, folder: PathBuf) -> Outcome {
        if let Err(e) = std::fs::create_dir_all(&folder) {
            return Outcome::problem("Not saved", format!("{}: {e}", folder.display()));
        }
        let name = self
            .session_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("prep.session.ron".into(), |n| n.to_string_lossy().into_owned());
        let session_path = folder.join(name);
        let used: Vec<&str> = self
            .ws
            .session
            .items()
            .filter_map(|(_, item)| match item {
                crate::model::Item::Card { deck, .. } => Some(deck.as_str()),
                crate::model::Item::Analytic { .. } => None,
            })
            .collect();
        let mut copies = Vec::new();
        for deck in self.ws.decks.iter().filter(|d| used.contains(&d.id.as_str())) {
            let file = folder.join(format!("{}.deck.ron", format::file_name_for_id(&deck.id)));
            if let Err(e) = format::save_deck(deck, &file) {
                return Outcome::problem("Not saved", e.to_string());
            }
            copies.push((deck.clone(), DeckOrigin::File(file)));
        }
        let mut session = self.ws.session.clone();
        session.decks = workspace::deck_refs_for_save(&session, &copies, &session_path);
        match format::save_session(&session, &session_path) {
            Ok(()) => Outcome::status(format!(
                "Saved {} and {} deck{} in {}.",
                session_path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                copies.len(),
                if copies.len() == 1 { "" } else { "s" },
                folder.display()
            )),
            Err(e) => Outcome::problem("Not saved", e.to_string()),
        }
    }

    pub(super) fn save_session(&mut self, path: PathBuf) -> Outcome {
        let path = if format::FileKind::of(&path).is_some() {
            path
        } else {
            let mut p = path.into_os_string();
            p.push(".session.ron");
            PathBuf::from(p)
        };
        let decks: Vec<(crate::model::Deck, DeckOrigin)> =
            self.ws.decks.iter().cloned().zip(self.origins.iter().cloned()).collect();
        let mut session = self.ws.session.clone();
        session.decks = workspace::deck_refs_for_save(&session, &decks, &path);
        match format::save_session(&session, &path) {
            Ok(()) => {
                self.ws.session.decks = session.decks;
                self.history.mark_saved();
                self.recovered = None;
                self.recovery.clear();
                self.session_path = Some(path.clone());
                Outcome {
                    session_changed: true,
                    session_file: Some(path.clone()),
                    ..Outcome::status(format!("Saved {}.", path.display()))
                }
            }
            Err(e) => Outcome::problem("Not saved", e.to_string()),
        }
    }

    pub(super) fn restore_recovery(&mut self) -> Outcome {
        let Some((session, origin)) = self.recovered.take() else {
            return Outcome::status("There is no unsaved work to restore.");
        };
        let mut outcome = self.replace_session(session, origin, "Restored unsaved work. Save it to keep it.");
        self.history.mark_unsaved();
        if let Err(e) = self.write_recovery() {
            outcome.status = Some(format!("Restored, but the recovery file could not be rewritten: {e}"));
        }
        outcome
    }

    pub(super) fn export(&mut self, format: Format, options: &ExportOptions, path: PathBuf) -> Outcome {
        let target = Target::Session(&self.ws.session);
        match crate::export::write_export(format, target, options, &path) {
            Ok(written) => Outcome::status(format!("Exported {} to {}.", format.name(), written.display())),
            Err(e) => Outcome::problem("Not exported", e.to_string()),
        }
    }
}
