//! The eframe window: a thin shell that shows state and turns user actions into
//! [`crate::ops::Edit`]s and file actions, applied in one place after each frame.

mod actions;
mod app;
mod card_editor;
mod case_panel;
mod case_rows;
mod commands;
mod cut_panel;
mod deck_edits;
mod derived;
mod export_dialog;
mod file_picker;
mod files;
mod import_review;
mod library_panel;
mod menu;
mod modals;
mod palette;
mod prefs;
mod reader;

use std::path::PathBuf;

pub use actions::Action;
pub use app::{AppConfig, CasebookApp, CentralTab, fresh_session};
pub use card_editor::CARD_TEXT_ID;
pub use commands::Command;
pub use cut_panel::SOURCE_TEXT_ID;
pub use file_picker::{FilePicker, NativePicker, Pick, ScriptedPicker};
pub use library_panel::Row as LibraryRow;
pub use prefs::{Prefs, Theme};

/// Applies theme and zoom.
pub(crate) fn prefs_apply(ctx: &egui::Context, prefs: &Prefs) {
    ctx.set_theme(match prefs.theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    });
    ctx.set_zoom_factor(prefs.zoom);
    // Zoom keys are Casebook commands (remembered in preferences); egui's own would zoom twice.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

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
            };
            Ok(Box::new(CasebookApp::with_file(config, file)))
        }),
    )
    .map_err(|e| e.to_string())
}
