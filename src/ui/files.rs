//! File actions of the window: open, save, open deck. Every failure becomes a readable message
//! and leaves the session as it was.

use std::path::{Path, PathBuf};

use crate::format;
use crate::model::Session;
use crate::workspace::{self, DeckOrigin};

use super::actions::Action;
use super::app::CasebookApp;
use super::file_picker::Pick;
use super::modals::Modal;

impl CasebookApp {
    /// Shows an error dialog.
    pub(super) fn show_error(&mut self, title: &str, text: String) {
        self.status = format!("{title}.");
        self.modal = Some(Modal::Error { title: title.to_owned(), text });
    }

    /// Asks the picker for a path and queues `then(path)`; with no path, offers a path field
    /// (no dialog could be shown, or the user cancelled — rfd cannot tell which).
    pub(super) fn pick_then(&mut self, what: Pick, then: fn(PathBuf) -> Action) {
        let suggested = self
            .session_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("prep.session.ron".to_owned(), |n| n.to_string_lossy().into_owned());
        match self.picker.pick(what, &suggested) {
            Some(path) => self.pending.push(then(path)),
            None => {
                let start = self
                    .session_path
                    .as_ref()
                    .and_then(|p| p.parent())
                    .map_or_else(|| std::env::current_dir().unwrap_or_default(), Path::to_path_buf);
                let text = match what {
                    Pick::TeamFolder => start.to_string_lossy().into_owned(),
                    Pick::SaveSession => start.join(&suggested).to_string_lossy().into_owned(),
                    Pick::SaveExport(format) => start
                        .join(format!(
                            "{}.{}",
                            suggested.trim_end_matches(".session.ron"),
                            format.extension()
                        ))
                        .to_string_lossy()
                        .into_owned(),
                    _ => format!("{}/", start.display()),
                };
                self.modal = Some(Modal::PathPrompt { what, text, then });
            }
        }
    }

    /// Replaces the session (New, Open, restore), forgetting undo history.
    pub(super) fn reset_session(&mut self, session: Session, path: Option<PathBuf>) {
        self.loads += 1;
        self.ws.session = session;
        self.session_path = path;
        self.history.clear();
        self.current_section = [0, 0];
        self.selected_item = None;
        self.editing_analytic = None;
        self.renaming_section = None;
        self.recovery.clear();
        self.status = match &self.session_path {
            Some(p) => format!("Opened {}.", p.display()),
            None => "New session.".into(),
        };
    }

    pub(super) fn open_session(&mut self, path: PathBuf) {
        let opened = match workspace::open_session(&path) {
            Ok(o) => o,
            Err(e) => {
                return self.show_error("This session cannot be opened; nothing was changed", e.to_string());
            }
        };
        for (deck, deck_path) in opened.file_decks {
            self.add_or_replace_deck(deck, DeckOrigin::File(deck_path));
        }
        self.deck_warnings = opened.warnings;
        self.reset_session(opened.session, Some(path.clone()));
        self.prefs.remember(path);
        let changed: Vec<String> = self
            .ws
            .decks
            .iter()
            .filter(|d| workspace::deck_changed_since_save(&self.ws.session, d))
            .map(|d| d.title.clone())
            .collect();
        if !changed.is_empty() {
            self.deck_warnings.push(format!(
                "Changed since this session was saved: {}. Cards that differ are marked “changed in deck”.",
                changed.join("; ")
            ));
        }
    }

    pub(super) fn add_or_replace_deck(&mut self, deck: crate::model::Deck, origin: DeckOrigin) {
        if origin != DeckOrigin::Bundled {
            self.remember_saved(&deck);
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
        self.selected_card = None;
        self.rebuild_index();
    }

    pub(super) fn open_deck(&mut self, path: PathBuf) {
        let deck = match format::load_deck(&path) {
            Ok(d) => d,
            Err(e) => {
                return self.show_error("This deck cannot be opened; nothing was changed", e.to_string());
            }
        };
        if self.ws.decks.iter().any(|d| d.id == deck.id) {
            let before = self.reviews.len();
            self.receive_deck(deck, path);
            if self.reviews.len() == before {
                self.status = "That deck has the same cards as the one loaded.".into();
            }
            return;
        }
        if deck.resolution != self.ws.session.resolution {
            self.deck_warnings
                .push(format!("{:?} argues a different resolution: {}", deck.title, deck.resolution));
        }
        self.status = format!("Added deck “{}” ({} cards).", deck.title, deck.card_count());
        self.add_or_replace_deck(deck, DeckOrigin::File(path));
    }

    pub(super) fn save_to(&mut self, path: PathBuf) {
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
                self.loads += 1;
                self.history.mark_saved();
                self.recovery.clear();
                self.status = format!("Saved {}.", path.display());
                self.prefs.remember(path.clone());
                self.session_path = Some(path);
                if std::mem::take(&mut self.quit_after_save) {
                    self.allow_close = true;
                    self.quit_requested = true;
                }
            }
            Err(e) => {
                self.quit_after_save = false;
                self.show_error("Not saved", e.to_string());
            }
        }
    }
}
