//! Reading files off the UI thread, one at a time: the job behind a Word import and the scan of
//! the library folders. The shell sends [`Intent::PollImport`](super::Intent::PollImport) every
//! frame while a job runs; the desk takes in what the reader thread has finished. The report (one
//! line per file) stays until closed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// One file's result, as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportLine {
    /// The Word file.
    pub file: PathBuf,
    /// What came of it: "20 cards, … → saved as …", or why it failed.
    pub result: Result<String, String>,
}

/// What a job reads files for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// Word files the user chose or dropped: each becomes a deck saved in the user's deck folder.
    Import,
    /// The decks and Word files of the library folders: each joins the library as it is.
    Library,
    /// Library files that changed on disk (a teammate's sync), read again quietly: each replaces
    /// the deck read from it before.
    Refresh,
}

/// What tells a file's version apart without reading it: its size and modification time.
pub type Stamp = (u64, Option<std::time::SystemTime>);

/// The stamp of the file at `path` (without following a link), if it can be read.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// A file read off the UI thread: the deck, whether it came from a Word file, and a summary.
pub(super) type Loaded = crate::workspace::LibraryFile;

/// A running or finished job reading files (a Word import, or the library folders).
#[derive(Debug)]
pub struct FileJob {
    kind: JobKind,
    pub(super) receiver: Receiver<(PathBuf, Result<Loaded, String>)>,
    pub(super) cancel: Arc<AtomicBool>,
    pub(super) total: usize,
    pub(super) lines: Vec<ImportLine>,
    pub(super) cards: usize,
    started: Instant,
    pub(super) finished: bool,
}

impl FileJob {
    /// Starts reading `files` on a background thread.
    pub(super) fn start(kind: JobKind, files: Vec<PathBuf>) -> FileJob {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let total = files.len();
        std::thread::spawn(move || {
            for file in files {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let result = crate::workspace::read_library_file(&file);
                if sender.send((file, result)).is_err() {
                    break;
                }
            }
        });
        FileJob {
            kind,
            receiver,
            cancel,
            total,
            lines: Vec::new(),
            cards: 0,
            started: Instant::now(),
            finished: total == 0,
        }
    }

    /// What the files are read for.
    pub fn kind(&self) -> JobKind {
        self.kind
    }

    /// Files read so far (failed ones included).
    pub fn done(&self) -> usize {
        self.lines.len()
    }

    /// Files asked for.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Cards imported so far.
    pub fn cards(&self) -> usize {
        self.cards
    }

    /// Whether every file has been read, or the job was cancelled.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Whether the user cancelled it.
    pub fn was_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// One line per file read so far, in order.
    pub fn lines(&self) -> &[ImportLine] {
        &self.lines
    }

    /// The share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 { 1.0 } else { self.done() as f32 / self.total as f32 }
    }

    /// Time left at the pace so far; `None` before the first file.
    pub fn time_left(&self) -> Option<Duration> {
        let done = self.done() as u32;
        (done > 0 && !self.finished)
            .then(|| self.started.elapsed() / done * (self.total as u32).saturating_sub(done))
    }
}

/// Applies [`Intent::PollImport`](super::Intent::PollImport) until the desk's job has read every
/// file (at most 30 s); the last outcome that set the status line.
#[cfg(test)]
pub(super) fn finish_reading(desk: &mut super::Desk) -> super::Outcome {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut last = super::Outcome::default();
    while desk.word_import().is_some_and(|j| !j.is_finished()) {
        assert!(Instant::now() < deadline, "the files were not read");
        let o = desk.apply(super::Intent::PollImport);
        if o.status.is_some() {
            last = o;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    last
}
