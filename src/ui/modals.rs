//! Dialogs: errors, unsaved-changes questions, crash recovery, the path field shown when no file
//! dialog is available, the shortcut list and the command palette.

use std::path::PathBuf;

use egui::{Id, RichText};

use crate::model::Session;

use super::actions::Action;
use super::app::CasebookApp;
use super::commands::Command;
use super::file_picker::Pick;

/// The dialog on top of the window, if any.
pub enum Modal {
    /// Something failed; nothing was changed.
    Error {
        /// One line: what failed.
        title: String,
        /// The details, e.g. `path:line:col: message` lines.
        text: String,
    },
    /// Quit with unsaved changes?
    ConfirmQuit,
    /// Discard unsaved changes and then do this?
    ConfirmDiscard(Box<Action>),
    /// A recovery file from a crash was found.
    Restore {
        /// The recovered session.
        session: Box<Session>,
        /// The file it belonged to, if it had one.
        origin: Option<PathBuf>,
    },
    /// No path came from the file dialog: type one.
    PathPrompt {
        /// What the path is for.
        what: Pick,
        /// The path typed so far.
        text: String,
        /// What to do with it.
        then: fn(PathBuf) -> Action,
    },
    /// The keyboard shortcuts.
    Shortcuts,
    /// A teammate's version of a loaded deck, card by card.
    Review(Box<super::import_review::Review>),
    /// File → Export….
    Export(Box<super::export_dialog::ExportDialog>),
    /// The command palette.
    Palette {
        /// Filter typed so far.
        query: String,
        /// Highlighted entry.
        selected: usize,
    },
}

/// Shows the current dialog and acts on the answer.
pub fn show(app: &mut CasebookApp, ctx: &egui::Context) {
    let Some(modal) = app.modal.take() else { return };
    let mut keep = true;
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    let modal = match modal {
        Modal::Error { title, text } => {
            egui::Modal::new(Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(&title);
                ui.add(egui::Label::new(RichText::new(&text).monospace()).wrap());
                keep = !(ui.button("OK").clicked() || escape);
            });
            Modal::Error { title, text }
        }
        Modal::ConfirmQuit => {
            egui::Modal::new(Id::unique("quit")).show(ctx, |ui| {
                ui.heading("Save changes before quitting?");
                ui.label("Your unsaved changes are also in the recovery file until you choose.");
                ui.horizontal(|ui| {
                    if ui.button("Save and quit").clicked() {
                        app.pending.push(Action::Run(Command::Save));
                        app.quit_after_save = true;
                        keep = false;
                    }
                    if ui.button("Quit without saving").clicked() {
                        app.allow_close = true;
                        app.quit_requested = true;
                        app.recovery.clear();
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || escape {
                        keep = false;
                    }
                });
            });
            Modal::ConfirmQuit
        }
        Modal::ConfirmDiscard(then) => {
            egui::Modal::new(Id::unique("discard")).show(ctx, |ui| {
                ui.heading("Discard unsaved changes?");
                ui.label("The current session has changes that are not saved.");
                ui.horizontal(|ui| {
                    if ui.button("Discard changes").clicked() {
                        app.pending.push((*then).clone());
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || escape {
                        keep = false;
                    }
                });
            });
            Modal::ConfirmDiscard(then)
        }
        Modal::Restore { session, origin } => {
            let mut restore = false;
            egui::Modal::new(Id::unique("restore")).show(ctx, |ui| {
                ui.heading("Restore unsaved work?");
                let from =
                    origin.as_ref().map_or("an untitled session".to_owned(), |p| p.display().to_string());
                ui.label(format!("Casebook did not close cleanly. Unsaved changes to {from} were kept."));
                ui.horizontal(|ui| {
                    restore = ui.button("Restore").clicked();
                    if ui.button("Discard").clicked() {
                        app.recovery.clear();
                        keep = false;
                    }
                });
            });
            if restore {
                app.restore(*session, origin);
                return;
            }
            Modal::Restore { session, origin }
        }
        Modal::PathPrompt { what, mut text, then } => {
            egui::Modal::new(Id::unique("path")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(match what {
                    Pick::OpenSession => "Open session",
                    Pick::OpenDeck => "Open deck",
                    Pick::SaveSession => "Save session as",
                    Pick::SaveExport(_) => "Export to",
                    Pick::OpenSource => "Open a source to cut from",
                    Pick::TeamFolder => "Team folder",
                });
                ui.label("No file was chosen. If no file dialog appeared, this desktop has none (it needs the xdg desktop portal or zenity); type the path instead:");
                let label = ui.label("Path");
                let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY)).labelled_by(label.id);
                if !r.has_focus() && !r.lost_focus() {
                    // Ready to type at once: the debater came here from a keyboard shortcut.
                    r.request_focus();
                }
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("OK").clicked() || enter {
                        app.pending.push(then(PathBuf::from(text.trim())));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || escape {
                        keep = false;
                    }
                });
            });
            Modal::PathPrompt { what, text, then }
        }
        Modal::Shortcuts => {
            egui::Modal::new(Id::unique("shortcuts")).show(ctx, |ui| {
                ui.heading("Keyboard shortcuts");
                egui::Grid::new("shortcut-grid").striped(true).show(ui, |ui| {
                    for c in Command::ALL {
                        if let Some(s) = c.shortcut() {
                            ui.label(c.label());
                            let mut keys = ctx.format_shortcut(&s);
                            if let Some(alt) = c.alternative_shortcut() {
                                keys = format!("{keys} or {}", ctx.format_shortcut(&alt));
                            }
                            ui.label(RichText::new(keys).monospace());
                            ui.end_row();
                        }
                    }
                });
                ui.label("Double-click a card to add it; drag cards onto the case; double-click a section or analytic to edit it.");
                keep = !(ui.button("Close").clicked() || escape);
            });
            Modal::Shortcuts
        }
        Modal::Palette { query, selected } => return super::palette::show(app, ctx, query, selected),
        Modal::Review(review) => {
            app.modal = super::import_review::show(app, ctx, *review).map(|r| Modal::Review(Box::new(r)));
            return;
        }
        Modal::Export(dialog) => {
            app.modal = super::export_dialog::show(app, ctx, *dialog).map(|d| Modal::Export(Box::new(d)));
            return;
        }
    };
    if keep {
        app.modal = Some(modal);
    }
}

impl CasebookApp {
    fn restore(&mut self, session: Session, origin: Option<PathBuf>) {
        self.reset_session(session, origin);
        self.history.mark_unsaved();
        self.autosave(0.0);
        self.status = "Restored unsaved work. Save it to keep it.".into();
    }
}
