//! The eframe window. A thin shell: it shows state and turns user actions into [`crate::ops::Edit`]s.

use std::path::PathBuf;

use crate::format::{self, FileKind};

/// What the window was asked to show at start.
enum Opened {
    Nothing,
    Deck(crate::model::Deck),
    Session(crate::model::Session),
    Error(String),
}

/// The Casebook window's state.
pub struct CasebookApp {
    opened: Opened,
}

impl CasebookApp {
    /// The app with `file` (a deck or session) loaded, or an error shown if it does not load.
    pub fn new(file: Option<PathBuf>) -> Self {
        let opened = match file {
            None => Opened::Nothing,
            Some(path) => match FileKind::of(&path) {
                Some(FileKind::Deck) => {
                    format::load_deck(&path).map_or_else(|e| Opened::Error(e.to_string()), Opened::Deck)
                }
                Some(FileKind::Session) => {
                    format::load_session(&path).map_or_else(|e| Opened::Error(e.to_string()), Opened::Session)
                }
                None => Opened::Error(format!(
                    "{}:1:1: not a Casebook file (expected *.deck.ron or *.session.ron)",
                    path.display()
                )),
            },
        };
        CasebookApp { opened }
    }
}

impl eframe::App for CasebookApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Casebook");
            match &self.opened {
                Opened::Nothing => ui.label("No file open."),
                Opened::Deck(d) => ui.label(format!("Deck {:?}: {} cards", d.title, d.card_count())),
                Opened::Session(s) => ui.label(format!("Session on {:?}", s.resolution)),
                Opened::Error(e) => ui.colored_label(ui.visuals().error_fg_color, e),
            };
        });
    }
}

/// Opens the window and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_title("Casebook").with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("Casebook", options, Box::new(|_cc| Ok(Box::new(CasebookApp::new(file)))))
        .map_err(|e| e.to_string())
}
