//! Dialogs: errors, unsaved-changes questions, crash recovery, the path field shown when no file
//! dialog is available, the shortcut list, the command palette, export and import review.
//! A dialog only reads the desk and pushes requests.

use std::path::PathBuf;

use egui::RichText;

use crate::desk::{Desk, Intent};

use super::commands::TABLE;
use super::export_dialog::ExportDialog;
use super::view_state::{PathFor, Request, Requests};

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
    ConfirmDiscard(Box<Request>),
    /// A recovery file from a crash was found.
    Restore,
    /// No path came from the file dialog: type one.
    PathPrompt {
        /// What the path is for.
        what: PathFor,
        /// The path typed so far.
        text: String,
    },
    /// Add this card anyway? (another side's card, or one the case already has)
    ConfirmAdd {
        /// What is unusual about it.
        concerns: Vec<String>,
        /// The addition, as asked for.
        intent: Intent,
    },
    /// The keyboard shortcuts.
    Shortcuts,
    /// A teammate's version of a loaded deck, card by card: the review's id and the boxes.
    Review(u64, Vec<bool>),
    /// File → Export….
    Export(Box<ExportDialog>),
    /// View → Check the library: the lint warnings, computed when asked.
    Lint(Vec<crate::lint::Lint>),
    /// Round → New round….
    NewRound(Box<super::round_dialog::RoundDraft>),
    /// Round → Export speech document….
    SpeechExport(Box<super::speech_export::SpeechExport>),
    /// The command palette.
    Palette {
        /// Filter typed so far.
        query: String,
        /// Highlighted entry.
        selected: usize,
    },
}

fn title_of(what: &PathFor) -> &'static str {
    match what {
        PathFor::OpenSession => "Open session",
        PathFor::OpenDeck => "Open deck",
        PathFor::ImportWord => "Import Word files (a .docx file, or a folder of them)",
        PathFor::LibraryFolder => "Library folder (its decks and Word files join the library)",
        PathFor::SaveSession => "Save session as",
        PathFor::Export(..) => "Export to",
        PathFor::OpenSource => "Open a source to cut from",
        PathFor::TeamFolder => "Team folder",
        PathFor::SaveWithDecks => "Save the session with its decks in the folder",
        PathFor::ExportSpeech { .. } => "Export the speech document to",
        PathFor::Disclose(_) => "Write the round's caselist disclosure (Markdown) to",
    }
}

/// Shows `modal`; returns it while it stays open.
pub fn show(ctx: &egui::Context, desk: &Desk, modal: Modal, out: &mut Requests) -> Option<Modal> {
    let mut keep = true;
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    let modal = match modal {
        Modal::Error { title, text } => {
            egui::Modal::new(super::widgets::dialog_id(ctx, "error")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(&title);
                ui.add(egui::Label::new(RichText::new(&text).monospace()).wrap());
                keep = !(ui.button("OK").clicked() || escape);
            });
            Modal::Error { title, text }
        }
        Modal::ConfirmQuit => {
            egui::Modal::new(super::widgets::dialog_id(ctx, "quit")).show(ctx, |ui| {
                ui.heading("Save changes before quitting?");
                ui.label("Your unsaved changes are also in the recovery file until you choose.");
                ui.horizontal(|ui| {
                    if ui.button("Save and quit").clicked() {
                        out.push(Request::SaveAndClose);
                        keep = false;
                    }
                    if ui.button("Quit without saving").clicked() {
                        out.push(Request::CloseWithoutSaving);
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
            egui::Modal::new(super::widgets::dialog_id(ctx, "discard")).show(ctx, |ui| {
                ui.heading("Discard unsaved changes?");
                ui.label("The current session has changes that are not saved.");
                ui.horizontal(|ui| {
                    if ui.button("Discard changes").clicked() {
                        out.push((*then).clone());
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || escape {
                        keep = false;
                    }
                });
            });
            Modal::ConfirmDiscard(then)
        }
        Modal::Restore => {
            let (_, origin) = desk.recovered()?;
            egui::Modal::new(super::widgets::dialog_id(ctx, "restore")).show(ctx, |ui| {
                ui.heading("Restore unsaved work?");
                let from = origin.map_or("an untitled session".to_owned(), |p| p.display().to_string());
                ui.label(format!("Casebook did not close cleanly. Unsaved changes to {from} were kept."));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        out.intent(Intent::RestoreRecovery);
                        keep = false;
                    }
                    if ui.button("Discard").clicked() {
                        out.intent(Intent::DiscardRecovery);
                        keep = false;
                    }
                });
            });
            Modal::Restore
        }
        Modal::PathPrompt { what, mut text } => {
            egui::Modal::new(super::widgets::dialog_id(ctx, "path")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading(title_of(&what));
                ui.label("No file was chosen. If no file dialog appeared, this desktop has none (it needs the xdg desktop portal or zenity); type the path instead:");
                let label = ui.label("Path");
                let r = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if !r.has_focus() && !r.lost_focus() {
                    // Ready to type at once: the debater came here from a keyboard shortcut.
                    r.request_focus();
                }
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("OK").clicked() || enter {
                        out.push(Request::PathGiven(what.clone(), PathBuf::from(text.trim())));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || escape {
                        keep = false;
                    }
                });
            });
            Modal::PathPrompt { what, text }
        }
        Modal::ConfirmAdd { concerns, intent } => {
            egui::Modal::new(super::widgets::dialog_id(ctx, "confirm-add")).show(ctx, |ui| {
                ui.heading("Add this card?");
                for c in &concerns {
                    ui.label(c);
                }
                ui.horizontal(|ui| {
                    if ui.button("Add anyway").clicked() {
                        out.push(Request::Confirmed(intent.clone()));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() || escape {
                        keep = false;
                    }
                });
            });
            Modal::ConfirmAdd { concerns, intent }
        }
        Modal::Shortcuts => {
            egui::Modal::new(super::widgets::dialog_id(ctx, "shortcuts")).show(ctx, |ui| {
                ui.heading("Keyboard shortcuts");
                egui::Grid::new("shortcut-grid").striped(true).show(ui, |ui| {
                    for row in TABLE {
                        let Some(s) = row.shortcut else { continue };
                        ui.label(row.label);
                        let mut keys = ctx.format_shortcut(&s);
                        if let Some(alt) = row.alternative {
                            keys = format!("{keys} or {}", ctx.format_shortcut(&alt));
                        }
                        ui.label(RichText::new(keys).monospace());
                        ui.end_row();
                    }
                });
                ui.label("Double-click a card to add it; drag cards onto the case; double-click a section or analytic to edit it.");
                keep = !(ui.button("Close").clicked() || escape);
            });
            Modal::Shortcuts
        }
        Modal::Palette { mut query, mut selected } => {
            keep = super::palette::show(ctx, &mut query, &mut selected, out);
            Modal::Palette { query, selected }
        }
        Modal::Review(id, mut accepted) => {
            let review = desk.reviews().iter().find(|r| r.id == id)?;
            keep = super::import_review::show(ctx, review, &mut accepted, out);
            Modal::Review(id, accepted)
        }
        Modal::Export(dialog) => {
            return super::export_dialog::show(ctx, desk, *dialog, out).map(|d| Modal::Export(Box::new(d)));
        }
        Modal::Lint(warnings) => {
            keep = super::lint_panel::show(ctx, desk, &warnings, out);
            Modal::Lint(warnings)
        }
        Modal::NewRound(mut draft) => {
            keep = super::round_dialog::show(ctx, desk, &mut draft, out);
            Modal::NewRound(draft)
        }
        Modal::SpeechExport(dialog) => {
            return super::speech_export::show(ctx, desk, *dialog, out)
                .map(|d| Modal::SpeechExport(Box::new(d)));
        }
    };
    keep.then_some(modal)
}
