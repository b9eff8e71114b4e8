//! The eframe window: views that read the [`crate::desk::Desk`] and push requests, and a shell
//! ([`CasebookApp`]) that handles the requests in one place after each frame.
//!
//! Layers, each using only those below it: `widgets`, `commands`, `file_picker`, `prefs` and
//! `view_state` at the bottom; the views (`library_panel`, `reader`, `case_panel`/`case_rows`,
//! `card_editor`, `cut_panel`, `export_dialog`, `import_review`, `palette`, `modals`, `menu`)
//! above them; the shell (`app` and its `controller`) on top.

mod alert_sound;
mod app;
mod app_drops;
mod card_answers;
mod card_editor;
mod card_text;
mod case_panel;
mod case_rows;
mod clash_view;
mod commands;
mod controller;
mod controller_read;
mod controller_round;
mod controller_steps;
mod cut_panel;
mod export_dialog;
mod file_picker;
mod import_report;
mod import_review;
mod library_panel;
mod lint_panel;
mod menu;
mod modals;
mod other_cuts;
mod palette;
mod prefs;
mod read_mode;
mod reader;
mod round_dialog;
mod round_state;
mod speech_export;
mod speech_panel;
mod speech_strip;
mod view_state;
mod widgets;

use std::path::PathBuf;

pub use app::{AppConfig, CasebookApp};
pub use card_editor::CARD_TEXT_ID;
pub use card_text::{HIGHLIGHT_EXPAND, READ_SIZE, card_text_job, card_text_job_matching, match_colour};
pub use commands::{Command, TABLE as COMMANDS};
pub use cut_panel::SOURCE_TEXT_ID;
pub use file_picker::{FilePicker, NativePicker, Pick, Picked, ScriptedPicker};
pub use library_panel::Row as LibraryRow;
pub use prefs::{Prefs, Theme};
pub use view_state::{CentralTab, PathFor, Request};

/// Opens the window (with `file`, a session or deck, if given) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Casebook")
            .with_app_id("casebook")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Casebook",
        options,
        Box::new(|cc| {
            let config = AppConfig {
                recovery_dir: crate::workspace::Recovery::default_dir(),
                picker: Box::new(NativePicker),
                prefs: Prefs::load(cc.storage),
                index_cache: crate::search::cache::IndexCache::user(),
            };
            Ok(Box::new(CasebookApp::with_file(config, file)))
        }),
    )
    .map_err(|e| e.to_string())
}
