//! File dialogs behind a small trait: rfd in the app, a scripted fake in tests. A dialog only
//! chooses a path; the app's actions take paths, so no test needs a dialog.

use std::path::PathBuf;

/// What a picker is asked to choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// An existing `*.session.ron`.
    OpenSession,
    /// An existing `*.deck.ron`.
    OpenDeck,
    /// Where to save a session.
    SaveSession,
    /// A source document to cut from: `.txt`, `.md` or `.html`.
    OpenSource,
    /// A folder of shared decks.
    TeamFolder,
    /// Where to write an export in this format.
    SaveExport(crate::export::Format),
}

/// Chooses files. `None` means cancelled — or that no dialog could be shown, which rfd cannot
/// tell apart; the app then offers a path field.
pub trait FilePicker {
    /// Asks the user for a path.
    fn pick(&mut self, what: Pick, suggested_name: &str) -> Option<PathBuf>;
}

/// Native dialogs through rfd (xdg portal, zenity fallback).
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&mut self, what: Pick, suggested_name: &str) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new();
        match what {
            Pick::OpenSession => dialog.add_filter("Casebook session", &["session.ron", "ron"]).pick_file(),
            Pick::OpenDeck => dialog.add_filter("Casebook deck", &["deck.ron", "ron"]).pick_file(),
            Pick::OpenSource => dialog.add_filter("Article", &["txt", "md", "html", "htm"]).pick_file(),
            Pick::TeamFolder => dialog.pick_folder(),
            Pick::SaveSession => dialog
                .add_filter("Casebook session", &["session.ron", "ron"])
                .set_file_name(suggested_name)
                .save_file(),
            Pick::SaveExport(format) => {
                let stem = suggested_name.trim_end_matches(".session.ron");
                dialog
                    .add_filter(format.name(), &[format.extension()])
                    .set_file_name(format!("{stem}.{}", format.extension()))
                    .save_file()
            }
        }
    }
}

/// A picker that answers from a queue (tests), `None` when empty.
#[derive(Default)]
pub struct ScriptedPicker(pub std::collections::VecDeque<Option<PathBuf>>);

impl FilePicker for ScriptedPicker {
    fn pick(&mut self, _what: Pick, _suggested_name: &str) -> Option<PathBuf> {
        self.0.pop_front().flatten()
    }
}
