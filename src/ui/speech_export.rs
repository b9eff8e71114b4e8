//! Round → Export speech document…: the current speech through a profile (send, read, marked,
//! judge) in any export format. Before anything is written the dialog states what the profile
//! removes ("removed 4 analytics, 2 notes") and previews the text; the file name follows the
//! debaters' scheme, "Speech 2AC Tournament R3 vs Opponent".

use egui::RichText;

use crate::desk::{Desk, SpeechId};
use crate::export::speech_doc::{self, Profile};
use crate::export::{Format, Target};
use crate::model::Outline;

use super::view_state::{PathFor, Request, Requests};

/// The dialog's choices.
#[derive(Clone, Debug)]
pub struct SpeechExport {
    /// The speech document.
    pub speech: SpeechId,
    /// What the document is for.
    pub profile: Profile,
    /// The format.
    pub format: Format,
    /// The summary of what the profile removes and the preview, for the choices they were made
    /// for (the session cannot change while the dialog is open).
    preview: Option<((Profile, Format), String, String)>,
}

impl SpeechExport {
    /// Exporting `speech` as a Word send doc (what debaters hand over).
    pub fn new(speech: SpeechId) -> Self {
        SpeechExport { speech, profile: Profile::Send, format: Format::Docx, preview: None }
    }
}

fn profile_text(p: Profile) -> &'static str {
    match p {
        Profile::Send => "Send doc — for the other team: no analytics, no notes",
        Profile::Read => "Read doc — only what is read aloud",
        Profile::Marked => "Marked doc — cards cut off where reading stopped, with the marker",
        Profile::Judge => "Judge copy — everything",
    }
}

/// Shows the dialog; returns it while it stays open.
pub fn show(
    ctx: &egui::Context,
    desk: &Desk,
    mut dialog: SpeechExport,
    out: &mut Requests,
) -> Option<SpeechExport> {
    let Some(Outline::Speech { round: r, speech: s }) = desk.ids().speech_outline(dialog.speech) else {
        return None;
    };
    let session = desk.session();
    let (round, doc) = (&session.rounds[r], &session.rounds[r].speeches[s]);
    let mut keep = !ctx.input(|i| i.key_pressed(egui::Key::Escape));
    let mut write = false;
    egui::Modal::new(super::widgets::dialog_id(ctx, "speech-export")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading(format!("Export the {} — {}", doc.name, round.label()));
        for p in Profile::ALL {
            ui.radio_value(&mut dialog.profile, p, profile_text(p));
        }
        super::export_dialog::format_combo(ui, "speech-format", &mut dialog.format);
        let key = (dialog.profile, dialog.format);
        if dialog.preview.as_ref().is_none_or(|(k, _, _)| *k != key) {
            let (prepared, removed) = speech_doc::prepare(round, doc, dialog.profile, &session.resolution);
            let summary = format!("This {} doc: {}.", dialog.profile.name(), removed.summary());
            let options = speech_doc::options(&prepared, dialog.format, session.wpm);
            let text =
                super::export_dialog::preview_text(dialog.format, Target::Session(&prepared), &options);
            dialog.preview = Some((key, summary, text));
        }
        let (_, summary, text) =
            dialog.preview.as_ref().map_or((key, "", ""), |(k, s, t)| (*k, s.as_str(), t.as_str()));
        ui.label(RichText::new(summary).strong());
        ui.label(format!("File name: {}.{}", speech_doc::file_name(round, doc), dialog.format.extension()));
        super::export_dialog::preview_box(ui, "speech-preview", text, 360.0);
        ui.horizontal(|ui| {
            write = ui.button("Export…").clicked();
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
    });
    if write {
        let name = speech_doc::file_name(round, doc);
        let what =
            PathFor::ExportSpeech { speech: dialog.speech, profile: dialog.profile, format: dialog.format };
        out.push(Request::PathNamed(what, name));
        return None;
    }
    keep.then_some(dialog)
}
