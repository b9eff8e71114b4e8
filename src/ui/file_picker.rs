//! File dialogs behind a small trait: rfd in the app, a scripted fake in tests. A dialog only
//! chooses a path; the app's actions take paths, so no test needs a dialog.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a picker is asked to choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// An existing `*.session.ron`.
    OpenSession,
    /// An existing `*.deck.ron`.
    OpenDeck,
    /// One or more Word `.docx` files.
    WordFiles,
    /// Where to save a session.
    SaveSession,
    /// A source document to cut from: `.txt`, `.md` or `.html`.
    OpenSource,
    /// A folder (of shared decks, or to save a session with its decks into).
    Folder,
    /// Where to write an export in this format.
    SaveExport(crate::export::Format),
}

/// What came back from a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user chose these files (a dialog that takes several).
    Paths(Vec<PathBuf>),
    /// The user closed the dialog without choosing: do nothing.
    Cancelled,
    /// No dialog could be shown (no xdg desktop portal, no zenity): offer a path field.
    NoDialog,
}

/// Chooses files.
pub trait FilePicker {
    /// Asks the user for a path.
    fn pick(&mut self, what: Pick, suggested_name: &str) -> Picked;
}

/// A dialog that "returns" faster than this was never shown: nobody cancels a dialog this fast.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

/// Native dialogs through rfd (xdg portal, zenity fallback).
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&mut self, what: Pick, suggested_name: &str) -> Picked {
        let started = Instant::now();
        let dialog = rfd::FileDialog::new();
        if what == Pick::WordFiles {
            let chosen = dialog.add_filter("Word document", &["docx"]).pick_files();
            return match chosen {
                Some(paths) => Picked::Paths(paths),
                None if started.elapsed() < NO_DIALOG_WITHIN => Picked::NoDialog,
                None => Picked::Cancelled,
            };
        }
        let chosen = match what {
            Pick::OpenSession => dialog.add_filter("Casebook session", &["session.ron", "ron"]).pick_file(),
            Pick::OpenDeck => dialog.add_filter("Casebook deck", &["deck.ron", "ron"]).pick_file(),
            Pick::OpenSource => dialog.add_filter("Article", &["txt", "md", "html", "htm"]).pick_file(),
            Pick::Folder => dialog.pick_folder(),
            Pick::WordFiles => None,
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
        };
        // rfd answers `None` both for "cancelled" and for "no dialog backend": only the time
        // tells them apart.
        match chosen {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < NO_DIALOG_WITHIN => Picked::NoDialog,
            None => Picked::Cancelled,
        }
    }
}

/// A picker that answers from a queue (tests); an empty queue answers [`Picked::NoDialog`].
#[derive(Default)]
pub struct ScriptedPicker(pub VecDeque<Picked>);

impl ScriptedPicker {
    /// Answers each `Some(path)` with that path and each `None` with "no dialog".
    pub fn paths(picks: Vec<Option<PathBuf>>) -> Self {
        ScriptedPicker(picks.into_iter().map(|p| p.map_or(Picked::NoDialog, Picked::Path)).collect())
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&mut self, _what: Pick, _suggested_name: &str) -> Picked {
        self.0.pop_front().unwrap_or(Picked::NoDialog)
    }
}
