//! Handling what the views asked for, in one place after each frame: commands become intents
//! (built from the selection and, for the marking and cutting keys, the selected text range read
//! once here), intents go to the desk, and the desk's outcome updates the status line, the
//! selection and the dialogs.

use std::path::{Path, PathBuf};

use crate::desk::{Intent, Outcome, Step};
use crate::model::{CaseSide, Outline, Section, SectionKind};

use super::app::CasebookApp;
use super::commands::Command;
use super::file_picker::Picked;
use super::modals::Modal;
use super::view_state::{CentralTab, PathFor, Request};

impl CasebookApp {
    /// Handles every queued request (and those they lead to).
    pub(super) fn handle_requests(&mut self, ctx: &egui::Context) {
        // Bounded: a request can queue others, but never itself forever.
        for _ in 0..64 {
            let requests = std::mem::take(&mut self.requests.0);
            if requests.is_empty() {
                return;
            }
            for request in requests {
                self.handle(request, ctx);
            }
        }
    }

    fn handle(&mut self, request: Request, ctx: &egui::Context) {
        match request {
            Request::Intent(Intent::AddCard { card, place }) => {
                let outline = self.desk.ids().locate_section(place.section).map(|(o, _)| o);
                let concerns = outline.map(|o| self.desk.add_card_concerns(&card, o)).unwrap_or_default();
                let intent = Intent::AddCard { card, place };
                if concerns.is_empty() {
                    self.apply(intent);
                } else {
                    self.modal = Some(Modal::ConfirmAdd { concerns, intent });
                }
            }
            Request::Intent(intent) | Request::Confirmed(intent) => {
                self.apply(intent);
            }
            Request::Command(command) => self.run_command(command, ctx),
            Request::Path(what) => self.ask_path(what),
            Request::PathNamed(what, name) => self.ask_path_named(what, &name),
            Request::PathGiven(what, path) => self.path_given(what, path),
            Request::Replace(then) if self.is_dirty() => self.modal = Some(Modal::ConfirmDiscard(then)),
            Request::Replace(then) => self.handle(*then, ctx),
            Request::CloseWithoutSaving => {
                self.window.allow_close = true;
                self.window.quit_requested = true;
                self.desk.clear_recovery();
            }
            Request::ShowCard(key) => {
                self.selection.card = Some(key);
                self.selection.showing_item = false;
                self.selection.scroll_to_card = true;
                self.selection.central = CentralTab::Read;
            }
            Request::SaveAndClose => {
                self.window.quit_after_save = true;
                self.run_command(Command::Save, ctx);
            }
        }
    }

    /// Applies an intent to the desk and follows its outcome.
    pub(super) fn apply(&mut self, intent: Intent) -> Outcome {
        let saving = matches!(intent, Intent::SaveSession(_));
        self.desk.set_user_name(&self.prefs.user_name);
        self.desk.set_library_folders(self.prefs.team_folder.iter().cloned().collect());
        let outcome = self.desk.apply(intent);
        if let Some(status) = &outcome.status {
            self.status.clone_from(status);
        }
        if outcome.session_replaced {
            let central = self.selection.central;
            let card = self.selection.card.take();
            self.selection = super::view_state::Selection { central, card, ..Default::default() };
            self.round = Default::default();
        }
        if let Some(speech) = outcome.select_speech {
            self.selection.speech = Some(speech);
            self.selection.showing_speech = true;
        }
        if let Some(item) = outcome.select_item {
            self.selection.item = Some(item);
        }
        if let Some(section) = outcome.select_section {
            self.selection.set_section(&self.desk, section);
        }
        if let Some(card) = &outcome.select_card {
            self.selection.card.clone_from(card);
            self.selection.scroll_to_card = card.is_some();
        }
        if let Some(path) = &outcome.session_file {
            self.prefs.remember(path.clone());
        }
        if saving {
            let quit = std::mem::take(&mut self.window.quit_after_save);
            if quit && outcome.problem.is_none() {
                self.window.allow_close = true;
                self.window.quit_requested = true;
            }
        }
        if let Some(problem) = &outcome.problem {
            self.modal = Some(Modal::Error { title: problem.title.clone(), text: problem.detail.clone() });
        }
        outcome
    }

    /// Asks the picker for a path; where no dialog could be shown, offers a path field (a
    /// cancelled dialog is just cancelled).
    fn ask_path(&mut self, what: PathFor) {
        let suggested = self
            .session_path()
            .and_then(|p| p.file_name())
            .map_or("prep.session.ron".to_owned(), |n| n.to_string_lossy().into_owned());
        self.ask_path_named(what, &suggested);
    }

    /// Asks for a path with a file dialog suggesting `suggested`, else with a path field.
    pub(super) fn ask_path_named(&mut self, what: PathFor, suggested: &str) {
        match self.picker.pick(what.pick(), suggested) {
            Picked::Path(path) => return self.requests.push(Request::PathGiven(what, path)),
            Picked::Paths(paths) => {
                if what == PathFor::ImportWord {
                    self.apply(Intent::ImportWordFiles(paths));
                } else if let Some(path) = paths.into_iter().next() {
                    self.requests.push(Request::PathGiven(what, path));
                }
                return;
            }
            Picked::Cancelled => {
                self.status = "Cancelled.".into();
                return;
            }
            Picked::NoDialog => {}
        }
        let start = self
            .session_path()
            .and_then(Path::parent)
            .map_or_else(|| std::env::current_dir().unwrap_or_default(), Path::to_path_buf);
        let text = match &what {
            PathFor::TeamFolder | PathFor::LibraryFolder => start.to_string_lossy().into_owned(),
            PathFor::SaveWithDecks => start.join("for-teammates").to_string_lossy().into_owned(),
            PathFor::SaveSession => start.join(suggested).to_string_lossy().into_owned(),
            PathFor::ExportSpeech { format, .. } => {
                start.join(format!("{suggested}.{}", format.extension())).to_string_lossy().into_owned()
            }
            PathFor::Disclose(_) => start.join(format!("{suggested}.md")).to_string_lossy().into_owned(),
            PathFor::Export(format, _) => {
                let stem = suggested.trim_end_matches(".session.ron");
                start.join(format!("{stem}.{}", format.extension())).to_string_lossy().into_owned()
            }
            _ => format!("{}/", start.display()),
        };
        self.modal = Some(Modal::PathPrompt { what, text });
    }

    fn path_given(&mut self, what: PathFor, path: PathBuf) {
        match what {
            PathFor::OpenSession => {
                self.requests.push(Request::Replace(Box::new(Request::Intent(Intent::OpenSession(path)))))
            }
            PathFor::OpenDeck => {
                self.apply(Intent::OpenDeck(path));
            }
            PathFor::ImportWord => {
                self.apply(Intent::ImportWordFiles(vec![path]));
            }
            PathFor::SaveSession => {
                self.apply(Intent::SaveSession(path));
            }
            PathFor::SaveWithDecks => {
                self.apply(Intent::SaveWithDecks(path));
            }
            PathFor::Export(format, options) => {
                self.apply(Intent::Export { format, options, path });
            }
            PathFor::OpenSource => match crate::cutting::SourceDoc::read_file(&path) {
                Ok(doc) => {
                    self.cut.doc = Some(doc);
                    self.cut.error = None;
                    self.cut.selection = None;
                    self.selection.central = CentralTab::Cut;
                }
                Err(e) => {
                    self.modal = Some(Modal::Error {
                        title: "This source cannot be opened".into(),
                        text: e.to_string(),
                    })
                }
            },
            PathFor::LibraryFolder => {
                if !self.prefs.library_folders.contains(&path) {
                    self.prefs.library_folders.push(path.clone());
                }
                self.apply(Intent::ScanLibrary(vec![path]));
            }
            PathFor::TeamFolder => {
                self.prefs.team_folder = Some(path);
                self.team_watch = None;
            }
            PathFor::ExportSpeech { speech, profile, format } => {
                self.apply(Intent::ExportSpeech { speech, profile, format, path });
            }
            PathFor::Disclose(round) => {
                self.apply(Intent::Disclose { round, path });
            }
        }
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        use Command::*;
        if self.round.read.active && edits(command) {
            self.status = "Read mode keeps the speech as it is: Esc leaves it, then edit.".into();
            return;
        }
        match command {
            New => self.requests.push(Request::Replace(Box::new(Request::Intent(Intent::NewSession)))),
            Open => self.ask_path(PathFor::OpenSession),
            OpenExample => {
                let (name, text) = crate::bundled::EXAMPLE_SESSION;
                match crate::format::parse_session(text, Path::new(name)) {
                    Ok(s) => {
                        let note = "Opened the example session; Save as… keeps your own copy.".to_owned();
                        let intent = Intent::ReplaceSession { session: Box::new(s), note };
                        self.requests.push(Request::Replace(Box::new(Request::Intent(intent))));
                    }
                    Err(e) => {
                        self.modal = Some(Modal::Error {
                            title: "The example session does not load".into(),
                            text: e.to_string(),
                        })
                    }
                }
            }
            OpenDeck => self.ask_path(PathFor::OpenDeck),
            ImportWord => self.ask_path(PathFor::ImportWord),
            AddLibraryFolder => self.ask_path(PathFor::LibraryFolder),
            Save => match self.session_path().map(Path::to_path_buf) {
                Some(path) => {
                    self.apply(Intent::SaveSession(path));
                }
                None => self.ask_path(PathFor::SaveSession),
            },
            SaveAs => self.ask_path(PathFor::SaveSession),
            SaveWithDecks => self.ask_path(PathFor::SaveWithDecks),
            Export => self.modal = Some(Modal::Export(Box::default())),
            TeamFolder => self.ask_path(PathFor::TeamFolder),
            Quit if self.is_dirty() => self.modal = Some(Modal::ConfirmQuit),
            Quit => {
                self.window.allow_close = true;
                self.window.quit_requested = true;
            }
            Undo | Redo => {
                self.apply(if command == Undo { Intent::Undo } else { Intent::Redo });
            }
            AddCard => self.add_selected_card(),
            AddAnalytic => match self.selection.insertion_place(&self.desk) {
                Some(place) => {
                    let intent = Intent::AddAnalytic { place, text: "New analytic".into() };
                    self.selection.editing_analytic = self.apply(intent).select_item;
                }
                None => self.status = "Add a section first.".into(),
            },
            AddSection => {
                let outline = self.selection.outline(&self.desk);
                let n = self.desk.session().outline(outline).map_or(0, Vec::len) + 1;
                let section = match outline {
                    Outline::Case(CaseSide::Aff) => {
                        Section::new(format!("Contention {n}"), SectionKind::Contention)
                    }
                    Outline::Case(CaseSide::Neg) => Section::new(format!("Off {n}"), SectionKind::OffCase),
                    Outline::Speech { .. } => Section::new(format!("Section {n}"), SectionKind::Other),
                };
                let outline = self.selection.outline_id(&self.desk);
                self.selection.renaming_section =
                    self.apply(Intent::AddSection { outline, section }).select_section;
            }
            RemoveItem => match self.selection.live_item(&self.desk) {
                Some(item) => {
                    self.apply(Intent::RemoveItem(item));
                    self.selection.item = None;
                }
                None => self.status = "Select an item in the case first.".into(),
            },
            MoveItemUp | MoveItemDown => match self.selection.live_item(&self.desk) {
                Some(item) => {
                    let step = if command == MoveItemUp { Step::Up } else { Step::Down };
                    self.apply(Intent::StepItem { item, step });
                }
                None => self.status = "Select an item in the case first.".into(),
            },
            MoveSectionUp | MoveSectionDown => {
                if let Some(section) = self.selection.current_section(&self.desk) {
                    let step = if command == MoveSectionUp { Step::Up } else { Step::Down };
                    self.apply(Intent::StepSection { section, step });
                }
            }
            NextCard | PrevCard => self.step_library_selection(command == NextCard),
            NextItem | PrevItem => self.step_case_selection(command == NextItem),
            AffCase | NegCase => {
                self.selection.side = if command == AffCase { CaseSide::Aff } else { CaseSide::Neg };
                self.selection.showing_speech = false;
                self.selection.item = None;
            }
            FocusSearch => self.library.focus_search = true,
            ClashMap => self.selection.central = CentralTab::Clash,
            Lint => self.modal = Some(Modal::Lint(crate::lint::lint(self.desk.decks()))),
            FindAnswers => self.find_answers(),
            Palette => self.modal = Some(Modal::Palette { query: String::new(), selected: 0 }),
            Shortcuts => self.modal = Some(Modal::Shortcuts),
            ToggleTheme | ZoomIn | ZoomOut | ZoomReset => {
                self.prefs.apply_view_command(command);
                self.window.prefs_applied = false;
            }
            CutCard => self.cut_selected(ctx),
            MarkUnderline | MarkEmphasis | MarkHighlight | ClearMarks => self.mark_selected(command, ctx),
            NewRound | ExportSpeech | Disclose | SendToSpeech | SendToSpeechEnd | ShowSpeech
            | NextSpeechDoc | PrevSpeechDoc | ReadMode | SpeechClock | OurPrep | TheirPrep
            | NextTimerSpeech | SetTimer => self.run_round_command(command, ctx.input(|i| i.time)),
        }
    }

    fn add_selected_card(&mut self) {
        let Some(card) = self.selection.card.clone() else {
            self.status = "Select a card in the library first.".into();
            return;
        };
        let Some(place) = self.selection.insertion_place(&self.desk) else {
            self.status = "Add a section first.".into();
            return;
        };
        self.requests.intent(Intent::AddCard { card, place });
    }

    /// Cuts the selected passage of the open source into a card in the chosen deck and block.
    fn cut_selected(&mut self, ctx: &egui::Context) {
        self.selection.central = CentralTab::Cut;
        let Some(doc) = self.cut.doc.clone() else {
            self.status = "Open a source to cut from first.".into();
            return;
        };
        // The passage selected last counts even when clicking the tag field cleared the selection.
        let selected = super::widgets::text_selection(ctx, super::cut_panel::SOURCE_TEXT_ID);
        let Some(range) = selected.or(self.cut.selection) else {
            self.status = "Select a passage of the source first.".into();
            return;
        };
        let deck = self.cut.deck.clone();
        let intent = Intent::CutCard {
            doc: Box::new(doc),
            range,
            tag: self.cut.tag.clone(),
            side: self.cut.side,
            deck,
            block: self.cut.block,
        };
        let tag = self.cut.tag.trim().to_owned();
        if self.apply(intent).decks_changed {
            let (u, h) = (Command::MarkUnderline.keys(ctx), Command::MarkHighlight.keys(ctx));
            self.status = format!("Cut “{tag}”: now underline ({u}) and highlight ({h}) it.");
            self.cut.tag.clear();
            self.selection.showing_item = false;
            self.selection.central = CentralTab::EditCard;
        }
    }

    /// F9–F12 on the card editor's selected text.
    fn mark_selected(&mut self, command: Command, ctx: &egui::Context) {
        let Some(kind) = super::card_editor::mark_of(command) else { return };
        match (self.selection.editing_card(&self.desk), super::card_editor::selection(ctx)) {
            (Some(key), Some(range)) => {
                self.apply(Intent::MarkCard { key, kind, range });
            }
            _ => {
                self.selection.central = CentralTab::EditCard;
                let keys = |c: Command| format!("{} {}", c.keys(ctx), c.label().to_lowercase());
                self.status = format!(
                    "Select text in the card editor, then {}, {}, {} or {}.",
                    keys(Command::MarkUnderline),
                    keys(Command::MarkEmphasis),
                    keys(Command::MarkHighlight),
                    keys(Command::ClearMarks)
                );
            }
        }
    }
}

/// Whether a command changes the session or a deck (read mode refuses those).
fn edits(command: Command) -> bool {
    use Command::*;
    command.row().menu == super::commands::Menu::Edit
        || matches!(command, SendToSpeech | SendToSpeechEnd | NewRound | New | Open | OpenExample)
}
