//! Reading files off the UI thread, one at a time: the job behind a Word import and the scan of
//! the library folders. The shell sends [`Intent::PollImport`](super::Intent::PollImport) every
//! frame while a job runs; the desk takes in what the reader thread has finished. The report (one
//! line per file) stays until closed.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::search::cache::IndexCache;
use crate::workspace::MAX_FILES_IN_FLIGHT;
use std::sync::mpsc::{Receiver, sync_channel};
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

/// A file read off the UI thread.
#[allow(clippy::large_enum_variant, reason = "one per file read; boxing buys nothing")]
pub(super) enum Loaded {
    /// Read as a deck (an import, or a library file whose deck is open), with its index when the
    /// cache gave one.
    Deck(crate::workspace::LibraryFile, Option<Arc<crate::search::Segment>>),
    /// A library file indexed, not kept as a deck: it is read when one of its cards is shown.
    /// The flag: the index came from the cache (the file unchanged since it was indexed).
    Indexed(Arc<crate::search::Segment>, bool),
}

/// What a reader thread read of one file: the file, if the index cache could not be used why, and
/// for a library file the hash of its bytes.
pub(super) type Read = (Loaded, Option<String>, Option<u64>);

/// One file's result from the reader threads.
pub(super) type Arrived = (PathBuf, Result<Read, String>);

/// A file a job reads.
#[derive(Clone, Debug)]
pub(super) struct JobFile {
    /// The file.
    pub path: PathBuf,
    /// The library folder it is in (which gives a Word file its deck id), if any.
    pub root: Option<PathBuf>,
    /// Whether a library file's deck is wanted, not only its index.
    pub want_deck: bool,
}

/// Reads one file for a job of `kind`.
fn read(kind: JobKind, file: &JobFile, cache: Option<&IndexCache>) -> Result<Read, String> {
    if kind == JobKind::Import {
        return crate::workspace::read_library_file(&file.path).map(|f| (Loaded::Deck(f, None), None, None));
    }
    let read = crate::workspace::read_indexed(&file.path, file.root.as_deref(), cache, file.want_deck)?;
    let loaded = match read.file {
        Some(deck) if file.want_deck => Loaded::Deck(deck, Some(read.segment)),
        _ => Loaded::Indexed(read.segment, read.from_cache),
    };
    Ok((loaded, read.cache_problem, Some(read.content_hash)))
}

/// A running or finished job reading files (a Word import, or the library folders).
#[derive(Debug)]
pub struct FileJob {
    kind: JobKind,
    pub(super) receiver: Receiver<Arrived>,
    pub(super) cancel: Arc<AtomicBool>,
    pub(super) total: usize,
    pub(super) lines: Vec<ImportLine>,
    pub(super) cards: usize,
    /// Files whose index came from the cache.
    pub(super) cached: usize,
    started: Instant,
    pub(super) finished: bool,
}

impl FileJob {
    /// Starts reading `files` on background threads, one per core (at most
    /// [`MAX_FILES_IN_FLIGHT`]); results arrive in the order they finish. A reader hands its file
    /// over (the desk polls every frame) before it takes the next, so at most
    /// [`MAX_FILES_IN_FLIGHT`] files are being read or waiting.
    pub(super) fn start(kind: JobKind, files: Vec<JobFile>, cache: Option<IndexCache>) -> FileJob {
        let (sender, receiver) = sync_channel(0);
        let cancel = Arc::new(AtomicBool::new(false));
        let total = files.len();
        // An import reports its files in the order chosen; a library folder is read on every core.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, MAX_FILES_IN_FLIGHT);
        let threads = if kind == JobKind::Import { 1 } else { cores.min(total) };
        let queue = Arc::new(Mutex::new(files.into_iter()));
        for _ in 0..threads {
            let (queue, sender, stop, cache) =
                (Arc::clone(&queue), sender.clone(), Arc::clone(&cancel), cache.clone());
            std::thread::spawn(move || {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some(file) = next else { break };
                    let result = read(kind, &file, cache.as_ref());
                    if sender.send((file.path, result)).is_err() {
                        break;
                    }
                }
            });
        }
        FileJob {
            kind,
            receiver,
            cancel,
            total,
            lines: Vec::new(),
            cards: 0,
            cached: 0,
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
