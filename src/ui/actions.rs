//! What the user asked for, applied in one place after each frame. Edits of the session or decks
//! go through [`crate::ops::History`]; file actions go through [`crate::workspace`].

use std::path::PathBuf;

use crate::model::{CaseSide, DeckRef, Item, Section, SectionKind};
use crate::ops::{Edit, SessionOp};
use crate::search::CardPos;

use super::app::{CasebookApp, fresh_session};
use super::commands::Command;
use super::file_picker::Pick;
use super::modals::Modal;

/// One thing the user asked for.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant, reason = "a handful per frame; boxing buys nothing")]
pub enum Action {
    /// A menu command, shortcut or palette entry.
    Run(Command),
    /// An edit of the session or a deck (undoable).
    Edit(Edit),
    /// Open this session file (after asking about unsaved changes).
    OpenSessionPath(PathBuf),
    /// Add this deck file to the library.
    OpenDeckPath(PathBuf),
    /// Save the session to this path.
    SaveAsPath(PathBuf),
    /// Add the library card at `pos` to the current case's section `section` at `index`.
    AddCardAt {
        /// The card.
        pos: CardPos,
        /// Target section.
        section: usize,
        /// Position in the section.
        index: usize,
    },
    /// Replace a case item's card snapshot with the deck's current card.
    UpdateSnapshot {
        /// Section of the item.
        section: usize,
        /// Index of the item.
        index: usize,
    },
    /// Load and watch this folder of shared decks.
    SetTeamFolder(PathBuf),
    /// Open this source document in the cut panel.
    OpenSourcePath(PathBuf),
    /// Write the export chosen in the export dialog to this path.
    ExportTo(PathBuf),
    /// Start over with an empty session, discarding unsaved changes (after confirmation).
    DiscardAndNew,
    /// Open a session, discarding unsaved changes (after confirmation).
    DiscardAndOpen(PathBuf),
}

impl CasebookApp {
    fn current(&self) -> usize {
        self.current_section[usize::from(self.side == CaseSide::Neg)]
    }

    pub(super) fn set_current(&mut self, section: usize) {
        self.current_section[usize::from(self.side == CaseSide::Neg)] = section;
    }

    /// Applies an edit through the history; a failure shows in the status bar.
    pub(super) fn edit(&mut self, edit: Edit) {
        let touches_decks = !matches!(edit, Edit::Session(_));
        match self.history.apply(&mut self.ws, edit) {
            Ok(()) => {
                if touches_decks {
                    self.rebuild_index();
                    self.save_changed_decks();
                }
            }
            Err(e) => self.status = format!("Not done: {e}"),
        }
    }

    pub(super) fn rebuild_index(&mut self) {
        self.loads += 1;
        self.library.index = crate::search::LibraryIndex::build(&self.ws.decks);
        self.library.rows_for = None;
    }

    /// Runs one action.
    pub fn run(&mut self, action: Action) {
        match action {
            Action::Run(command) => self.run_command(command),
            Action::Edit(edit) => self.edit(edit),
            Action::OpenSessionPath(path) => {
                if self.is_dirty() {
                    self.modal = Some(Modal::ConfirmDiscard(Box::new(Action::DiscardAndOpen(path))));
                } else {
                    self.open_session(path);
                }
            }
            Action::DiscardAndOpen(path) => self.open_session(path),
            Action::DiscardAndNew => self.reset_session(fresh_session(), None),
            Action::OpenDeckPath(path) => self.open_deck(path),
            Action::SaveAsPath(path) => self.save_to(path),
            Action::ExportTo(path) => self.export_to(path),
            Action::SetTeamFolder(path) => {
                self.prefs.team_folder = Some(path);
                self.team_watch = None;
            }
            Action::OpenSourcePath(path) => match crate::cutting::SourceDoc::from_file(&path) {
                Ok(doc) => {
                    self.cut.doc = Some(doc);
                    self.central = super::app::CentralTab::Cut;
                }
                Err(e) => self.show_error("This source cannot be opened", e),
            },
            Action::AddCardAt { pos, section, index } => self.add_card(pos, section, index),
            Action::UpdateSnapshot { section, index } => self.update_snapshot(section, index),
        }
    }

    fn run_command(&mut self, command: Command) {
        use Command::*;
        let n_sections = self.ws.session.case(self.side).sections.len();
        match command {
            New if self.is_dirty() => {
                self.modal = Some(Modal::ConfirmDiscard(Box::new(Action::DiscardAndNew)))
            }
            New => self.reset_session(fresh_session(), None),
            Open => self.pick_then(Pick::OpenSession, Action::OpenSessionPath),
            OpenExample => {
                let (name, text) = crate::bundled::EXAMPLE_SESSION;
                match crate::format::parse_session(text, std::path::Path::new(name)) {
                    Ok(s) => {
                        self.reset_session(s, None);
                        self.status = "Opened the example session; Save as… keeps your own copy.".into();
                    }
                    Err(e) => self.show_error("The example session does not load", e.to_string()),
                }
            }
            OpenDeck => self.pick_then(Pick::OpenDeck, Action::OpenDeckPath),
            Save => match self.session_path.clone() {
                Some(path) => self.save_to(path),
                None => self.pick_then(Pick::SaveSession, Action::SaveAsPath),
            },
            SaveAs => self.pick_then(Pick::SaveSession, Action::SaveAsPath),
            Export => self.modal = Some(Modal::Export(Box::default())),
            TeamFolder => self.pick_then(Pick::TeamFolder, Action::SetTeamFolder),
            Quit => {
                if self.is_dirty() {
                    self.modal = Some(Modal::ConfirmQuit);
                } else {
                    self.allow_close = true;
                    self.quit_requested = true;
                }
            }
            Undo => match self.history.undo(&mut self.ws) {
                Ok(true) => self.after_undo_redo("Undone"),
                Ok(false) => self.status = "Nothing to undo.".into(),
                Err(e) => self.status = format!("Cannot undo: {e}"),
            },
            Redo => match self.history.redo(&mut self.ws) {
                Ok(true) => self.after_undo_redo("Redone"),
                Ok(false) => self.status = "Nothing to redo.".into(),
                Err(e) => self.status = format!("Cannot redo: {e}"),
            },
            AddCard => match self.selected_card {
                Some(pos) => {
                    let section = self.current();
                    let index =
                        self.ws.session.case(self.side).sections.get(section).map_or(0, |s| s.items.len());
                    self.add_card(pos, section, index);
                }
                None => self.status = "Select a card in the library first.".into(),
            },
            AddAnalytic => {
                let section = self.current();
                let Some(sec) = self.ws.session.case(self.side).sections.get(section) else {
                    self.status = "Add a section first.".into();
                    return;
                };
                let index = sec.items.len();
                let item = Item::Analytic { text: "New analytic".into() };
                self.edit(Edit::Session(SessionOp::InsertItem { side: self.side, section, index, item }));
                self.selected_item = Some((section, index));
                self.editing_analytic = Some((self.side, section, index));
            }
            AddSection => {
                let kind = match self.side {
                    CaseSide::Aff => SectionKind::Contention,
                    CaseSide::Neg => SectionKind::OffCase,
                };
                let title = match kind {
                    SectionKind::Contention => format!("Contention {}", n_sections + 1),
                    _ => format!("Off {}", n_sections + 1),
                };
                let section = Section::new(title, kind);
                self.edit(Edit::Session(SessionOp::AddSection {
                    side: self.side,
                    index: n_sections,
                    section,
                }));
                self.set_current(n_sections);
                self.renaming_section = Some((self.side, n_sections));
            }
            RemoveItem => match self.selected_item {
                Some((section, index)) => {
                    self.edit(Edit::Session(SessionOp::RemoveItem { side: self.side, section, index }));
                    self.selected_item = None;
                }
                None => self.status = "Select an item in the case first.".into(),
            },
            MoveItemUp | MoveItemDown => self.move_selected_item(command == MoveItemUp),
            MoveSectionUp | MoveSectionDown => {
                let from = self.current();
                let to = if command == MoveSectionUp { from.checked_sub(1) } else { Some(from + 1) };
                if let Some(to) = to.filter(|&t| t < n_sections) {
                    self.edit(Edit::Session(SessionOp::MoveSection { side: self.side, from, to }));
                    self.set_current(to);
                    self.selected_item = None;
                }
            }
            NextCard | PrevCard => self.step_library_selection(command == NextCard),
            AffCase => self.switch_side(CaseSide::Aff),
            NegCase => self.switch_side(CaseSide::Neg),
            FocusSearch => self.library.focus_search = true,
            Palette => self.modal = Some(Modal::Palette { query: String::new(), selected: 0 }),
            Shortcuts => self.modal = Some(Modal::Shortcuts),
            ToggleTheme => {
                self.prefs.theme = match self.prefs.theme {
                    super::prefs::Theme::Light => super::prefs::Theme::Dark,
                    super::prefs::Theme::Dark => super::prefs::Theme::Light,
                };
                self.prefs_applied = false;
            }
            CutCard => {
                self.central = super::app::CentralTab::Cut;
                if let Some(ctx) = self.ctx.clone() {
                    self.cut_selected(&ctx);
                }
            }
            MarkUnderline | MarkEmphasis | MarkHighlight | ClearMarks => {
                let kind = match command {
                    MarkUnderline => Some(crate::model::MarkKind::Underline),
                    MarkEmphasis => Some(crate::model::MarkKind::Emphasis),
                    MarkHighlight => Some(crate::model::MarkKind::Highlight),
                    _ => None,
                };
                match (self.editing_pos(), self.ctx.as_ref().and_then(super::card_editor::selection)) {
                    (Some(pos), Some((start, end))) => self.mark_range(pos, kind, start, end),
                    _ => {
                        self.central = super::app::CentralTab::EditCard;
                        self.status = "Select text in the card editor, then F9 underline, F10 emphasis, F11 highlight, F12 clear.".into();
                    }
                }
            }
            ZoomIn | ZoomOut | ZoomReset => {
                self.prefs.zoom = match command {
                    ZoomIn => (self.prefs.zoom + 0.1).min(3.0),
                    ZoomOut => (self.prefs.zoom - 0.1).max(0.5),
                    _ => 1.0,
                };
                self.prefs_applied = false;
            }
        }
    }

    fn after_undo_redo(&mut self, what: &str) {
        self.status = format!("{what}.");
        self.save_changed_decks();
        self.selected_item = None;
        self.rebuild_index();
        let n = self.ws.session.case(self.side).sections.len();
        if self.current() >= n {
            self.set_current(n.saturating_sub(1));
        }
    }

    fn switch_side(&mut self, side: CaseSide) {
        self.side = side;
        self.selected_item = None;
    }

    fn move_selected_item(&mut self, up: bool) {
        let Some((section, index)) = self.selected_item else {
            self.status = "Select an item in the case first.".into();
            return;
        };
        let len = self.ws.session.case(self.side).sections.get(section).map_or(0, |s| s.items.len());
        let to = if up { index.checked_sub(1) } else { Some(index + 1).filter(|&t| t < len) };
        if let Some(to) = to {
            let side = self.side;
            self.edit(Edit::Session(SessionOp::MoveItem { side, from: (section, index), to: (section, to) }));
            self.selected_item = Some((section, to));
        }
    }

    fn step_library_selection(&mut self, forward: bool) {
        let cards: Vec<CardPos> = self.library.rows.iter().filter_map(|r| r.card()).collect();
        if cards.is_empty() {
            return;
        }
        let at = self.selected_card.and_then(|s| cards.iter().position(|&c| c == s));
        let next = match (at, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(cards.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.selected_card = Some(cards[next]);
        self.scroll_to_selected = true;
    }

    /// Inserts the library card at `pos` into the current case; lists its deck in the session
    /// if needed. One undo step.
    fn add_card(&mut self, pos: CardPos, section: usize, index: usize) {
        let Some(deck) = self.ws.decks.get(pos.deck) else { return };
        let Some(card) = deck.blocks.get(pos.block).and_then(|b| b.cards.get(pos.card)) else { return };
        let Some(source) = deck.source(&card.source) else {
            self.status = format!("Card {:?} cites a source its deck does not list.", card.id);
            return;
        };
        if self.ws.session.case(self.side).sections.is_empty() {
            self.status = "Add a section first (Ctrl+Shift+N).".into();
            return;
        }
        let item = Item::Card { deck: deck.id.clone(), card: card.clone(), source: source.clone() };
        let tag = card.tag.clone();
        let insert = SessionOp::InsertItem { side: self.side, section, index, item };
        let op = if self.ws.session.deck_ref(&deck.id).is_some() {
            insert
        } else {
            let mut decks = self.ws.session.decks.clone();
            decks.push(DeckRef {
                path: crate::workspace::ref_path(
                    &self.origins[pos.deck],
                    &deck.id,
                    self.session_path.as_deref().unwrap_or(std::path::Path::new("untitled.session.ron")),
                ),
                id: deck.id.clone(),
                fingerprint: crate::format::deck_fingerprint(deck),
            });
            SessionOp::Batch(vec![SessionOp::SetDecks(decks), insert])
        };
        self.edit(Edit::Session(op));
        self.set_current(section);
        self.selected_item = Some((section, index));
        self.status = format!("Added “{tag}”.");
    }

    fn update_snapshot(&mut self, section: usize, index: usize) {
        let side = self.side;
        let Some(Item::Card { deck, card, .. }) =
            self.ws.session.case(side).sections.get(section).and_then(|s| s.items.get(index))
        else {
            return;
        };
        let Some(d) = self.ws.decks.iter().find(|d| &d.id == deck) else { return };
        let (Some(new), deck_id) = (d.card(&card.id).cloned(), d.id.clone()) else {
            self.status = "The deck no longer has this card; the snapshot stays.".into();
            return;
        };
        let Some(source) = d.source(&new.source).cloned() else { return };
        let item = Item::Card { deck: deck_id, card: new, source };
        self.edit(Edit::Session(SessionOp::ReplaceItem { side, section, index, item }));
        self.status = "Card updated from its deck.".into();
    }
}
