//! Files dropped on the window: Word files are imported (all in one job), decks opened; while
//! files hover, the window says what a drop will do.

use std::path::PathBuf;

use super::app::CasebookApp;

impl CasebookApp {
    /// Files dropped on the window: Word files are imported (all in one job), decks opened;
    /// while files hover, the window says what a drop will do.
    pub(super) fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let (hovering, dropped) = ctx.input(|i| {
            let paths: Vec<PathBuf> = i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect();
            (!i.raw.hovered_files.is_empty(), paths)
        });
        if hovering {
            let painter = ctx
                .layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop-overlay")));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop Word files (.docx) to import them, or decks (.deck.ron) to open them",
                egui::FontId::proportional(20.0),
                egui::Color32::WHITE,
            );
        }
        if dropped.is_empty() {
            return;
        }
        let (word, rest): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| crate::docx_import::is_word_document(p));
        for path in rest {
            if crate::format::FileKind::of(&path) == Some(crate::format::FileKind::Deck) {
                self.requests.intent(crate::desk::Intent::OpenDeck(path));
            } else {
                self.status = format!(
                    "{} was not opened: drop Word files (.docx) or decks (.deck.ron).",
                    path.file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
                );
            }
        }
        if !word.is_empty() {
            self.requests.intent(crate::desk::Intent::ImportWordFiles(word));
        }
    }
}
