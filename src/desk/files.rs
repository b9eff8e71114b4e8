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

    pub(super) fn open_session(&mut self, path: PathBuf) -> Outcome {
        let opened = match workspace::open_session(&path) {
            Ok(o) => o,
            Err(e) => {
                return Outcome::problem("This session cannot be opened; nothing was changed", e.to_string());
            }
        };
        for (deck, deck_path) in opened.file_decks {
            self.add_or_replace_deck(deck, DeckOrigin::File(deck_path));
        }
        self.warnings = opened.warnings;
        let mut outcome =
            self.replace_session(opened.session, Some(path.clone()), &format!("Opened {}.", path.display()));
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
