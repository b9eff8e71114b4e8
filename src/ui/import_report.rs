//! The window of a Word import or a library-folder scan: a progress bar while files are read
//! (files, cards, time left, Cancel), then one line per file (and, for an import, where the decks
//! were saved), until closed.

use egui::RichText;

use crate::desk::{Desk, FileJob, Intent, JobKind};

use super::view_state::Requests;

/// Shows the import window while the desk has an import (running or with a report to read).
pub fn show(ctx: &egui::Context, desk: &Desk, out: &mut Requests) {
    // A refresh of the library folders (files changed on disk) reads quietly: the status line says it.
    let Some(job) = desk.word_import().filter(|j| j.kind() != JobKind::Refresh) else { return };
    egui::Modal::new(super::widgets::dialog_id(ctx, "word-import")).show(ctx, |ui| {
        ui.set_max_width(720.0);
        match job.kind() {
            JobKind::Import => {
                ui.heading("Import Word files");
                progress(ui, job);
                ui.label(format!("Decks are saved in {}", desk.user_deck_dir().display()));
            }
            JobKind::Library | JobKind::Refresh => {
                ui.heading("Library folders");
                progress(ui, job);
                ui.label(
                    "Files are indexed as they are read; a file is read again when one of its cards is \
                     shown, and when it changes on disk (Word files stay read-only).",
                );
            }
        }
        ui.separator();
        egui::ScrollArea::vertical().max_height(320.0).id_salt("import-lines").show(ui, |ui| {
            for line in job.lines() {
                // A library folder's file by its path inside the folder: a team has many 1NC.docx.
                let root = desk.library_roots().iter().find(|r| line.file.starts_with(r));
                let name = match root {
                    Some(root) => crate::workspace::relative_path(root, &line.file),
                    None => line.file.file_name().map_or_else(
                        || line.file.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    ),
                };
                match &line.result {
                    Ok(text) => ui.label(format!("✔ {name}: {text}")),
                    Err(why) => {
                        ui.label(RichText::new(format!("✖ {name}: {why}")).color(ui.visuals().error_fg_color))
                    }
                };
            }
        });
        ui.separator();
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if job.is_finished() {
            if ui.button("Close").clicked() || escape {
                out.intent(Intent::CloseImportReport);
            }
        } else if ui
            .button("Cancel")
            .on_hover_text("Stop after the file being read; what was imported stays")
            .clicked()
            || escape
        {
            out.intent(Intent::CancelImport);
        }
    });
}

fn progress(ui: &mut egui::Ui, job: &FileJob) {
    let mut text = format!("{} of {} files · {} cards", job.done(), job.total(), job.cards());
    if let Some(left) = job.time_left() {
        text.push_str(&format!(" · about {} s left", left.as_secs() + 1));
    }
    if job.is_finished() {
        let failed = job.lines().iter().filter(|l| l.result.is_err()).count();
        let done = if job.kind() == JobKind::Import { "imported" } else { "indexed" };
        text = format!("{} of {} files {done} · {} cards", job.done() - failed, job.total(), job.cards());
        if job.was_cancelled() {
            text.push_str(" · cancelled");
        }
    }
    ui.add(egui::ProgressBar::new(job.fraction()).text(text).animate(!job.is_finished()));
}
