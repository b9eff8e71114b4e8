//! File → Export…: choose format, side and detail, see a preview, then write the file
//! (atomically) where the user picks. The bytes come from the same `export` function the
//! command line uses, so the preview is exactly what is written.

use egui::RichText;

use crate::desk::Desk;
use crate::export::{ExportOptions, ExportSide, Format, Target, export};

use super::view_state::{PathFor, Request, Requests};

/// The export dialog's choices and its cached preview.
#[derive(Clone, Debug)]
pub struct ExportDialog {
    /// Output format.
    pub format: Format,
    /// Which case(s).
    pub side: ExportSide,
    /// Card text with marks, or an outline of tags and cites.
    pub full: bool,
    /// Under each card, what it answers and how.
    pub answers: bool,
    preview: Option<((Format, ExportSide, bool, bool), String)>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            format: Format::Markdown,
            side: ExportSide::Both,
            full: false,
            answers: false,
            preview: None,
        }
    }
}

impl ExportDialog {
    fn options(&self, wpm: u32) -> ExportOptions {
        ExportOptions { side: self.side, full: self.full, wpm: Some(wpm), answers: self.answers }
    }

    /// The preview text for the current choices (recomputed only when a choice changes).
    fn preview(&mut self, desk: &Desk) -> &str {
        let key = (self.format, self.side, self.full, self.answers);
        if self.preview.as_ref().is_none_or(|(k, _)| *k != key) {
            let side = if self.format == Format::Json { ExportSide::Both } else { self.side };
            let options = ExportOptions { side, ..self.options(desk.session().wpm) };
            self.preview = Some((key, preview_text(self.format, Target::Session(desk.session()), &options)));
        }
        self.preview.as_ref().map_or("", |(_, t)| t.as_str())
    }
}

/// What a preview shows of an export: its text (a .docx, binary, through the plain-text
/// exporter), or why it cannot be made.
pub(super) fn preview_text(format: Format, target: Target<'_>, options: &ExportOptions) -> String {
    let shown = if format.is_binary() { Format::Text } else { format };
    match export(shown, target, options) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => format!("Cannot export: {e}"),
    }
}

/// The "Format" choice every export dialog offers.
pub(super) fn format_combo(ui: &mut egui::Ui, id_salt: &str, format: &mut Format) {
    let label = ui.label("Format");
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(format_label(*format))
        .show_ui(ui, |ui| {
            for f in Format::ALL {
                ui.selectable_value(format, f, format_label(f));
            }
        })
        .response
        .labelled_by(label.id);
}

/// A read-only, scrollable preview of an export's text.
pub(super) fn preview_box(ui: &mut egui::Ui, id_salt: &str, text: &str, max_height: f32) {
    egui::ScrollArea::both().max_height(max_height).id_salt(id_salt).show(ui, |ui| {
        let label = ui.label("Preview");
        ui.add(
            egui::TextEdit::multiline(&mut { text })
                .code_editor()
                .desired_width(f32::INFINITY)
                .desired_rows(20),
        )
        .labelled_by(label.id);
    });
}

/// Shows the dialog; returns it back if it stays open.
pub fn show(
    ctx: &egui::Context,
    desk: &Desk,
    mut dialog: ExportDialog,
    out: &mut Requests,
) -> Option<ExportDialog> {
    let mut keep = !ctx.input(|i| i.key_pressed(egui::Key::Escape));
    let mut export_now = false;
    egui::Modal::new(super::widgets::dialog_id(ctx, "export")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading("Export the session");
        ui.horizontal(|ui| {
            format_combo(ui, "export-format", &mut dialog.format);
            let json = dialog.format == Format::Json;
            ui.add_enabled_ui(!json, |ui| {
                egui::ComboBox::from_label("Case").selected_text(side_label(dialog.side)).show_ui(ui, |ui| {
                    for s in [ExportSide::Both, ExportSide::Aff, ExportSide::Neg] {
                        ui.selectable_value(&mut dialog.side, s, side_label(s));
                    }
                });
                ui.checkbox(&mut dialog.full, "Full card text with marks");
                ui.checkbox(&mut dialog.answers, "What each card answers");
            });
            if json {
                dialog.side = ExportSide::Both;
            }
        });
        if dialog.format.is_binary() {
            ui.label(
                RichText::new("A Word document in Verbatim's styles; the preview shows its text.").weak(),
            );
        }
        preview_box(ui, "export-preview", dialog.preview(desk), 420.0);
        ui.horizontal(|ui| {
            export_now = ui.button("Export…").clicked();
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
    });
    if export_now {
        let options = dialog.options(desk.session().wpm);
        out.push(Request::Path(PathFor::Export(dialog.format, options)));
        return None;
    }
    keep.then_some(dialog)
}

pub(super) fn format_label(f: Format) -> &'static str {
    match f {
        Format::Markdown => "Markdown (.md)",
        Format::Html => "HTML, printable (.html)",
        Format::Text => "Plain text (.txt)",
        Format::Docx => "Word, Verbatim styles (.docx)",
        Format::Json => "Card JSON (.json)",
    }
}

fn side_label(s: ExportSide) -> &'static str {
    match s {
        ExportSide::Both => "Both cases",
        ExportSide::Aff => "Affirmative case only",
        ExportSide::Neg => "Negative case only",
    }
}
