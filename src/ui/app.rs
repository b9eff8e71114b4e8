//! The window's shell: the desk, each view's own state and the open dialog. A frame draws the
//! panels from the desk, collects what the views asked for, and then handles it in one place
//! ([`CasebookApp::handle`], in the controller) — views never apply an edit or touch a file.

use std::path::{Path, PathBuf};

use crate::desk::Desk;
use crate::model::{Deck, Session};

use super::cut_panel::CutState;
use super::file_picker::FilePicker;
use super::library_panel::LibraryState;
use super::modals::Modal;
use super::prefs::Prefs;
use super::view_state::{CentralTab, PathFor, Request, Requests, Selection};

/// The narrowest the reader gets while the window is wide enough: card text must stay readable.
pub const READER_MIN_WIDTH: f32 = 380.0;

/// Seconds between autosaves to the recovery file while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;
/// How often the library folders are looked at for files changed on disk, in seconds.
pub const LIBRARY_CHECK_SECONDS: f64 = 3.0;

/// How the app is set up: where recovery files go, how files are picked, stored preferences.
pub struct AppConfig {
    /// The user's data folder: the crash-recovery file, the user's decks, rejected versions.
    pub recovery_dir: PathBuf,
    /// File dialogs (native, or scripted in tests).
    pub picker: Box<dyn FilePicker>,
    /// Preferences read from storage.
    pub prefs: Prefs,
    /// Where the library folders' index is kept between runs (the user's cache folder); `None`
    /// reads every library file at each start.
    pub index_cache: Option<crate::search::cache::IndexCache>,
}

/// The Casebook window.
pub struct CasebookApp {
    pub(super) desk: Desk,
    pub(super) selection: Selection,
    pub(super) library: LibraryState,
    pub(super) cut: CutState,
    pub(super) modal: Option<Modal>,
    pub(super) prefs: Prefs,
    pub(super) picker: Box<dyn FilePicker>,
    pub(super) requests: Requests,
    pub(super) status: String,
    pub(super) team_watch: Option<crate::team_folder::FolderWatch>,
    pub(super) window: WindowState,
    pub(super) round: super::round_state::RoundState,
    pub(super) clash: super::clash_view::ClashState,
}

/// What the shell tracks about the window itself: title, close and autosave timing.
#[derive(Default)]
pub(super) struct WindowState {
    pub last_autosave: f64,
    pub was_unfocused: bool,
    pub title_shown: String,
    pub allow_close: bool,
    pub prefs_applied: bool,
    pub quit_requested: bool,
    pub quit_after_save: bool,
    /// Which dialog was open at the end of the last frame (a new one gets a fresh id).
    pub dialog_kind: Option<std::mem::Discriminant<Modal>>,
    /// When the library folders were last looked at for changes (egui time, seconds).
    pub last_library_check: f64,
}

impl CasebookApp {
    /// The app with the bundled decks and an empty session; offers to restore a crash-recovery
    /// file if one is found.
    pub fn new(config: AppConfig) -> Self {
        let desk =
            Desk::new(config.recovery_dir, crate::desk::fresh_session()).with_index_cache(config.index_cache);
        let modal = desk.recovered().is_some().then_some(Modal::Restore);
        let mut requests = Requests::default();
        if !config.prefs.library_folders.is_empty() {
            requests.intent(crate::desk::Intent::ScanLibrary(config.prefs.library_folders.clone()));
        }
        CasebookApp {
            desk,
            selection: Selection::default(),
            library: LibraryState::default(),
            cut: CutState::default(),
            modal,
            prefs: config.prefs,
            picker: config.picker,
            requests,
            status: "Bundled decks loaded. Select a card and add it to the current section.".into(),
            team_watch: None,
            window: WindowState::default(),
            round: Default::default(),
            clash: Default::default(),
        }
    }

    /// The app with `file` (a session or deck opened, a Word file imported), as `casebook open
    /// FILE` does.
    pub fn with_file(config: AppConfig, file: Option<PathBuf>) -> Self {
        let mut app = CasebookApp::new(config);
        if let Some(path) = file {
            let what = match crate::format::FileKind::of(&path) {
                Some(crate::format::FileKind::Deck) => PathFor::OpenDeck,
                None if crate::docx_import::is_docx(&path) => PathFor::ImportWord,
                _ => PathFor::OpenSession,
            };
            app.queue(Request::PathGiven(what, path));
        }
        app
    }

    /// The application core under the window.
    pub fn desk(&self) -> &Desk {
        &self.desk
    }

    /// The session being edited.
    pub fn session(&self) -> &Session {
        self.desk.session()
    }

    /// The loaded decks, in library order.
    pub fn decks(&self) -> &[Deck] {
        self.desk.decks()
    }

    /// The session file, if the session has been saved or opened.
    pub fn session_path(&self) -> Option<&Path> {
        self.desk.session_path()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.desk.is_dirty()
    }

    /// The library card selected (for the reader), if any.
    pub fn selection_card(&self) -> Option<crate::desk::CardKey> {
        self.selection.card.clone()
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

    /// Queues a request as if the user had made it; it is handled after the current frame.
    pub fn queue(&mut self, request: Request) {
        self.requests.push(request);
    }

    /// The window title: file name, unsaved marker, app name.
    pub fn title(&self) -> String {
        let name = self
            .session_path()
            .and_then(|p| p.file_name())
            .map_or("Untitled session".to_owned(), |n| n.to_string_lossy().into_owned());
        let marker = if self.is_dirty() { " •" } else { "" };
        format!("{name}{marker} — Casebook")
    }

    /// Draws one frame into `ui` and then handles what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.window.prefs_applied {
            self.prefs.apply_to(&ctx);
            self.window.prefs_applied = true;
        }
        self.shortcuts(&ctx);
        self.tick_clock(&ctx);
        let now = ctx.input(|i| i.time);
        let (desk, out, sel) = (&self.desk, &mut self.requests, &mut self.selection);
        egui::Panel::top("menu").show(ui, |ui| super::menu::menu_bar(ui, desk, &mut self.prefs, out));
        egui::Panel::bottom("status").show(ui, |ui| super::menu::status_bar(ui, desk, &self.status));
        egui::Panel::bottom("speech-strip")
            .show(ui, |ui| super::speech_strip::show(ui, desk, sel, &mut self.round, now, out));
        if self.round.read.active
            && let Some(speech) = sel.current_speech(desk)
        {
            // Read mode: the speech alone, in large type; the panels come back when it ends.
            let clicked = egui::CentralPanel::default()
                .show(ui, |ui| super::read_mode::show(ui, desk, speech, &mut self.round, now))
                .inner;
            if clicked.is_some() {
                self.round.read.cursor = clicked;
            }
        } else {
            self.panels(ui);
        }
        self.poll_team_folder(&ctx);
        self.take_dropped_files(&ctx);
        self.poll_word_import(&ctx);
        if self.modal.is_none() {
            super::import_report::show(&ctx, &self.desk, &mut self.requests);
        }
        if self.modal.is_none()
            && let Some(review) = self.desk.reviews().first()
        {
            self.modal = Some(Modal::Review(review.id, Vec::new()));
        }
        if let Some(modal) = self.modal.take() {
            self.modal = super::modals::show(&ctx, &self.desk, modal, &mut self.requests);
        }
        self.handle_requests(&ctx);
        if std::mem::take(&mut self.round.submit_typed) {
            self.set_typed_time(now);
        }
        let kind = self.modal.as_ref().map(std::mem::discriminant);
        if kind != self.window.dialog_kind {
            if kind.is_some() {
                super::widgets::new_dialog(&ctx);
            }
            self.window.dialog_kind = kind;
        }
        self.housekeeping(&ctx);
    }

    /// The library, the case builder and the middle pane (reader, cutter, card editor).
    fn panels(&mut self, ui: &mut egui::Ui) {
        let (desk, out, sel) = (&self.desk, &mut self.requests, &mut self.selection);
        // On a small screen the reader keeps room to read: the side panels start at a share of
        // the width, and the case builder gives way before the reader does.
        let width = ui.available_width();
        let reader_min = READER_MIN_WIDTH.min(width * 0.4);
        let library = egui::Panel::left("library")
            .resizable(true)
            .default_size((width * 0.25).clamp(200.0, 340.0))
            .min_size(180.0)
            .max_size((width - reader_min - 240.0).max(180.0));
        library.show(ui, |ui| super::library_panel::show(ui, desk, &mut self.library, sel, out));
        let matching = &self.library.matching;
        let room = ui.available_width();
        let cases = egui::Panel::right("cases")
            .resizable(true)
            .default_size((width * 0.34).clamp(240.0, 470.0))
            .min_size(240.0)
            .max_size((room - reader_min).max(240.0));
        cases.show(ui, |ui| super::case_panel::show(ui, desk, sel, out));
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for (tab, name) in [
                    (CentralTab::Read, "Read"),
                    (CentralTab::Cut, "Cut from source"),
                    (CentralTab::EditCard, "Edit card"),
                    (CentralTab::Clash, "Clash map"),
                ] {
                    if ui.selectable_label(sel.central == tab, name).clicked() {
                        sel.central = tab;
                    }
                }
            });
            ui.separator();
            match sel.central {
                CentralTab::Read => super::reader::show(ui, desk, sel, (&matching.0, matching.1), out),
                CentralTab::Cut => super::cut_panel::show(ui, desk, &mut self.cut, out),
                CentralTab::Clash => super::clash_view::show(ui, desk, sel, &mut self.clash, out),
                CentralTab::EditCard => {
                    egui::ScrollArea::vertical()
                        .id_salt("card-editor")
                        .show(ui, |ui| super::card_editor::show(ui, desk, sel, out))
                        .inner
                }
            }
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        // Read-only text (card text, source text) takes selections, not typing: shortcuts still apply.
        let read_only =
            [super::card_editor::CARD_TEXT_ID, super::cut_panel::SOURCE_TEXT_ID].map(egui::Id::unique);
        let focused = ctx.memory(|m| m.focused());
        let typing = ctx.egui_wants_keyboard_input() && !focused.is_some_and(|f| read_only.contains(&f));
        // egui matches shortcuts "logically" (extra Shift is ignored), so try the shortcuts with
        // more modifiers first: Ctrl+Shift+Z must reach Redo before Ctrl+Z reaches Undo.
        let mut rows: Vec<&super::commands::Row> = super::commands::TABLE.iter().collect();
        let weight = |m: egui::Modifiers| u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl);
        rows.sort_by_key(|r| std::cmp::Reverse(r.shortcut.map_or(0, |s| weight(s.modifiers))));
        for row in rows {
            if typing && row.yields_to_text {
                continue;
            }
            let pressed = [row.shortcut, row.alternative]
                .into_iter()
                .flatten()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(&s)));
            if !pressed {
                continue;
            }
            if row.command == super::commands::Command::FocusSearch && !self.round.read.active {
                // At once, before the library draws this frame, so no key typed after Ctrl+F is lost.
                self.library.focus_search = true;
            } else {
                self.requests.command(row.command);
            }
        }
        if self.round.read.active && !typing {
            self.read_mode_keys(ctx);
        }
    }

    /// Title, close requests, autosave to the recovery file.
    fn housekeeping(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.window.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title_shown = title;
        }
        if self.window.quit_requested {
            self.window.quit_requested = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.is_dirty() && !self.window.allow_close {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::ConfirmQuit);
            } else {
                self.desk.clear_recovery();
            }
        }
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        let lost_focus = !self.window.was_unfocused && !focused;
        self.window.was_unfocused = !focused;
        if self.is_dirty() {
            if lost_focus || now - self.window.last_autosave >= AUTOSAVE_SECONDS {
                self.window.last_autosave = now;
                if let Err(e) = self.desk.write_recovery() {
                    self.status = format!("Autosave failed: {e}");
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS));
        } else {
            self.window.last_autosave = now;
        }
    }

    /// While a Word import or a library read runs, takes in what it has read and keeps frames
    /// coming; otherwise looks at the library folders for changes every few seconds.
    fn poll_word_import(&mut self, ctx: &egui::Context) {
        if self.desk.word_import().is_some_and(|j| !j.is_finished()) {
            self.requests.intent(crate::desk::Intent::PollImport);
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        // With no folder left, a last check drops the files of the folder just removed.
        if self.prefs.library_folders.is_empty() && self.desk.library_files() == 0 {
            return;
        }
        let now = ctx.input(|i| i.time);
        if now - self.window.last_library_check >= LIBRARY_CHECK_SECONDS {
            self.window.last_library_check = now;
            self.requests.intent(crate::desk::Intent::RefreshLibrary(self.prefs.library_folders.clone()));
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(LIBRARY_CHECK_SECONDS));
    }

    /// Starts watching the team folder if one is set and no watch runs; hands what it found to
    /// the desk.
    fn poll_team_folder(&mut self, ctx: &egui::Context) {
        if self.team_watch.is_none()
            && let Some(dir) = self.prefs.team_folder.clone()
        {
            let wake = ctx.clone();
            let interval = std::time::Duration::from_secs(2);
            self.team_watch =
                Some(crate::team_folder::FolderWatch::start(dir, interval, move || wake.request_repaint()));
        }
        let Some(watch) = &self.team_watch else { return };
        for incoming in watch.poll() {
            let intent = match incoming {
                crate::team_folder::Incoming::Deck(deck, path) => {
                    crate::desk::Intent::ReceiveDeck { deck, path }
                }
                crate::team_folder::Incoming::Error(e) => crate::desk::Intent::Warn(e),
            };
            self.requests.intent(intent);
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
