//! The window's state and frame: panels drawn from state, user actions queued as [`Action`]s and
//! applied after the frame in one place ([`CasebookApp::run`]).

use std::path::PathBuf;

use crate::model::{CaseSide, Deck, Section, SectionKind, Session};
use crate::ops::{History, Workspace};
use crate::search::{CardPos, Filter, LibraryIndex};
use crate::workspace::{DeckOrigin, Recovery};

use super::actions::Action;
use super::file_picker::FilePicker;
use super::modals::Modal;
use super::prefs::Prefs;

/// Seconds between autosaves to the recovery file while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// How the app is set up: where recovery files go, how files are picked, stored preferences.
pub struct AppConfig {
    /// Folder for the crash-recovery file.
    pub recovery_dir: PathBuf,
    /// File dialogs (native, or scripted in tests).
    pub picker: Box<dyn FilePicker>,
    /// Preferences read from storage.
    pub prefs: Prefs,
}

/// The library's cached filter result.
pub(super) struct LibraryView {
    pub index: LibraryIndex,
    pub filter: Filter,
    pub rows: Vec<super::library_panel::Row>,
    pub rows_for: Option<(Filter, usize)>,
    pub collapsed: std::collections::HashSet<(usize, Option<usize>)>,
    pub collapse_generation: usize,
    pub focus_search: bool,
    pub shown: usize,
}

/// The Casebook window.
pub struct CasebookApp {
    pub(super) ws: Workspace,
    pub(super) origins: Vec<DeckOrigin>,
    pub(super) history: History,
    pub(super) session_path: Option<PathBuf>,
    pub(super) library: LibraryView,
    pub(super) selected_card: Option<CardPos>,
    pub(super) side: CaseSide,
    pub(super) current_section: [usize; 2],
    pub(super) selected_item: Option<(usize, usize)>,
    pub(super) pending: Vec<Action>,
    pub(super) status: String,
    pub(super) modal: Option<Modal>,
    pub(super) prefs: Prefs,
    pub(super) picker: Box<dyn FilePicker>,
    pub(super) recovery: Recovery,
    pub(super) last_autosave: f64,
    pub(super) was_focused: bool,
    pub(super) deck_warnings: Vec<String>,
    pub(super) title_shown: String,
    pub(super) allow_close: bool,
    pub(super) prefs_applied: bool,
    pub(super) quit_requested: bool,
    pub(super) editing_analytic: Option<(CaseSide, usize, usize)>,
    pub(super) renaming_section: Option<(CaseSide, usize)>,
    pub(super) scroll_to_selected: bool,
    pub(super) showing_item: bool,
    pub(super) quit_after_save: bool,
    pub(super) export_choice: Option<(crate::export::Format, crate::export::ExportOptions)>,
    pub(super) derived: super::derived::Derived,
    pub(super) loads: u64,
    pub(super) data_dir: PathBuf,
    pub(super) saved_decks: super::deck_edits::SavedDecks,
    pub(super) central: CentralTab,
    pub(super) cut: super::cut_panel::CutState,
    pub(super) ctx: Option<egui::Context>,
    pub(super) reviews: Vec<super::import_review::Review>,
    pub(super) team_watch: Option<crate::team_folder::FolderWatch>,
}

/// What the middle of the window shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentralTab {
    /// The card reader.
    Read,
    /// Cutting cards from a source.
    Cut,
    /// Editing the selected card: tag, cite, marks.
    EditCard,
}

/// A fresh session with one section in each case, so a card can be added at once.
pub fn fresh_session() -> Session {
    let mut s = Session::new(crate::model::RESOLUTION);
    s.aff.sections.push(Section::new("Contention 1", SectionKind::Contention));
    s.neg.sections.push(Section::new("Off 1", SectionKind::OffCase));
    s
}

impl CasebookApp {
    /// The app with the bundled decks and an empty session; offers to restore a crash-recovery
    /// file if one is found.
    pub fn new(config: AppConfig) -> Self {
        let (decks, errors) = crate::workspace::bundled_decks();
        let origins = vec![DeckOrigin::Bundled; decks.len()];
        let index = LibraryIndex::build(&decks);
        let mut app = CasebookApp {
            ws: Workspace { session: fresh_session(), decks },
            origins,
            history: History::new(),
            session_path: None,
            library: LibraryView {
                index,
                filter: Filter::default(),
                rows: Vec::new(),
                rows_for: None,
                collapsed: Default::default(),
                collapse_generation: 0,
                focus_search: false,
                shown: 0,
            },
            selected_card: None,
            side: CaseSide::Aff,
            current_section: [0, 0],
            selected_item: None,
            pending: Vec::new(),
            status: "Bundled decks loaded. Select a card, then Ctrl+Enter adds it to the current section."
                .into(),
            modal: None,
            prefs: config.prefs,
            picker: config.picker,
            recovery: Recovery::new(config.recovery_dir.clone()),
            last_autosave: 0.0,
            was_focused: true,
            deck_warnings: errors.iter().map(ToString::to_string).collect(),
            title_shown: String::new(),
            allow_close: false,
            prefs_applied: false,
            quit_requested: false,
            editing_analytic: None,
            renaming_section: None,
            scroll_to_selected: false,
            showing_item: false,
            quit_after_save: false,
            export_choice: None,
            derived: Default::default(),
            loads: 0,
            data_dir: config.recovery_dir.clone(),
            saved_decks: Default::default(),
            central: CentralTab::Read,
            cut: Default::default(),
            ctx: None,
            reviews: Vec::new(),
            team_watch: None,
        };
        app.load_user_decks();
        match app.recovery.read() {
            Some(Ok((session, origin))) => {
                app.modal = Some(Modal::Restore { session: Box::new(session), origin })
            }
            Some(Err(e)) => app.status = format!("A recovery file exists but cannot be read: {e}"),
            None => {}
        }
        app
    }

    /// The app with `file` (a session or deck) opened, as `casebook open FILE` does.
    pub fn with_file(config: AppConfig, file: Option<PathBuf>) -> Self {
        let mut app = CasebookApp::new(config);
        if let Some(path) = file {
            let action = match crate::format::FileKind::of(&path) {
                Some(crate::format::FileKind::Deck) => Action::OpenDeckPath(path),
                _ => Action::OpenSessionPath(path),
            };
            app.run(action);
        }
        app
    }

    /// The session being edited.
    pub fn session(&self) -> &Session {
        &self.ws.session
    }

    /// The loaded decks, in library order.
    pub fn decks(&self) -> &[Deck] {
        &self.ws.decks
    }

    /// The session file, if the session has been saved or opened.
    pub fn session_path(&self) -> Option<&std::path::Path> {
        self.session_path.as_deref()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The message in the status bar.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The error shown in a dialog, if any.
    pub fn error_shown(&self) -> Option<&str> {
        match &self.modal {
            Some(Modal::Error { text, .. }) => Some(text),
            _ => None,
        }
    }

    /// Queues an action as if the user had asked for it; it runs after the current frame.
    pub fn queue(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// The window title: file name, unsaved marker, app name.
    pub fn title(&self) -> String {
        let name = self
            .session_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("Untitled session".to_owned(), |n| n.to_string_lossy().into_owned());
        let marker = if self.is_dirty() { " •" } else { "" };
        format!("{name}{marker} — Casebook")
    }

    /// Draws one frame into `ui` and then applies what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.ctx = Some(ctx.clone());
        if !self.prefs_applied {
            super::prefs_apply(&ctx, &self.prefs);
            self.prefs_applied = true;
        }
        self.handle_shortcuts(&ctx);
        self.refresh_derived();
        egui::Panel::top("menu").show(ui, |ui| super::menu::menu_bar(self, ui));
        egui::Panel::bottom("status").show(ui, |ui| super::menu::status_bar(self, ui));
        egui::Panel::left("library").resizable(true).default_size(340.0).min_size(220.0).show(ui, |ui| {
            super::library_panel::show(self, ui);
        });
        egui::Panel::right("cases").resizable(true).default_size(470.0).min_size(320.0).show(ui, |ui| {
            super::case_panel::show(self, ui);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for (tab, name) in [
                    (CentralTab::Read, "Read"),
                    (CentralTab::Cut, "Cut from source"),
                    (CentralTab::EditCard, "Edit card"),
                ] {
                    if ui.selectable_label(self.central == tab, name).clicked() {
                        self.central = tab;
                    }
                }
            });
            ui.separator();
            match self.central {
                CentralTab::Read => super::reader::show(self, ui),
                CentralTab::Cut => super::cut_panel::show(self, ui),
                CentralTab::EditCard => {
                    egui::ScrollArea::vertical()
                        .id_salt("card-editor")
                        .show(ui, |ui| super::card_editor::show(self, ui))
                        .inner
                }
            }
        });
        self.poll_team_folder(&ctx);
        if self.modal.is_none() && !self.reviews.is_empty() {
            self.modal = Some(Modal::Review(Box::new(self.reviews.remove(0))));
        }
        super::modals::show(self, &ctx);
        for action in std::mem::take(&mut self.pending) {
            self.run(action);
        }
        self.refresh_derived();
        self.housekeeping(&ctx);
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // Read-only text (card text, source text) takes selections, not typing: shortcuts still apply.
        let read_only =
            [super::card_editor::CARD_TEXT_ID, super::cut_panel::SOURCE_TEXT_ID].map(egui::Id::unique);
        let focused = ctx.memory(|m| m.focused());
        let typing = ctx.egui_wants_keyboard_input() && !focused.is_some_and(|f| read_only.contains(&f));
        if self.modal.is_some() {
            return;
        }
        // egui matches shortcuts "logically" (extra Shift is ignored), so try the shortcuts with
        // more modifiers first: Ctrl+Shift+Z must reach Redo before Ctrl+Z reaches Undo.
        let mut commands = super::commands::Command::ALL;
        let weight = |m: egui::Modifiers| u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl);
        commands.sort_by_key(|c| std::cmp::Reverse(c.shortcut().map_or(0, |s| weight(s.modifiers))));
        for command in commands {
            if typing && command.yields_to_text_fields() {
                continue;
            }
            let pressed = [command.shortcut(), command.alternative_shortcut()]
                .into_iter()
                .flatten()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(&s)));
            if pressed {
                self.pending.push(Action::Run(command));
            }
        }
    }

    /// Title, close requests, autosave to the recovery file.
    fn housekeeping(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
        if self.quit_requested {
            self.quit_requested = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.is_dirty() && !self.allow_close {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::ConfirmQuit);
            } else {
                self.recovery.clear();
            }
        }
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let lost_focus = self.was_focused && !focused;
        self.was_focused = focused;
        if self.is_dirty() {
            if lost_focus || now - self.last_autosave >= AUTOSAVE_SECONDS {
                self.autosave(now);
            }
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS));
        } else {
            self.last_autosave = now;
        }
    }

    fn refresh_derived(&mut self) {
        let key = (self.history.revision(), self.loads);
        self.derived.refresh(key, &self.ws.session, &self.ws.decks);
    }

    /// Writes the unsaved session to the recovery file.
    pub(super) fn autosave(&mut self, now: f64) {
        self.last_autosave = now;
        if let Err(e) = self.recovery.write(&self.ws.session, self.session_path.as_deref()) {
            self.status = format!("Autosave failed: {e}");
        }
    }
}

impl eframe::App for CasebookApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, super::prefs::KEY, &self.prefs);
    }
}
