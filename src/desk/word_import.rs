//! Importing Word files in the window: read off the UI thread, one file at a time, each deck
//! joining the library (and saved in the user's deck folder) as soon as it is read.
//!
//! [`Intent::ImportWordFiles`](super::Intent::ImportWordFiles) starts a job; the shell sends
//! [`Intent::PollImport`](super::Intent::PollImport) every frame while it runs, which takes in
//! what the reader thread has finished. The report (one line per file) stays until closed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::docx_import::{DeckOptions, WordFileError, WordImport, import_word_file};
use crate::format;
use crate::workspace::DeckOrigin;

use super::{Desk, Outcome};

/// One file's result, as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportLine {
    /// The Word file.
    pub file: PathBuf,
    /// What came of it: "20 cards, … → saved as …", or why it failed.
    pub result: Result<String, String>,
}

/// A running or finished import of Word files.
#[derive(Debug)]
pub struct WordImportJob {
    receiver: Receiver<(PathBuf, Result<WordImport, WordFileError>)>,
    cancel: Arc<AtomicBool>,
    total: usize,
    lines: Vec<ImportLine>,
    cards: usize,
    started: Instant,
    finished: bool,
}

impl WordImportJob {
    /// Starts reading `files` on a background thread.
    fn start(files: Vec<PathBuf>) -> WordImportJob {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let total = files.len();
        std::thread::spawn(move || {
            for file in files {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let result = import_word_file(&file, &DeckOptions::from_file_name(&file));
                if sender.send((file, result)).is_err() {
                    break;
                }
            }
        });
        WordImportJob {
            receiver,
            cancel,
            total,
            lines: Vec::new(),
            cards: 0,
            started: Instant::now(),
            finished: total == 0,
        }
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

impl Desk {
    /// Starts importing `files` (replacing a finished job's report); refused while one runs.
    pub(super) fn import_word_files(&mut self, files: Vec<PathBuf>) -> Outcome {
        if self.word_import.as_ref().is_some_and(|j| !j.finished) {
            return Outcome::status("An import is running; wait for it or cancel it first.");
        }
        let n = files.len();
        self.word_import = Some(WordImportJob::start(files));
        Outcome::status(format!("Importing {n} Word file{}…", if n == 1 { "" } else { "s" }))
    }

    /// Takes in what the reader has finished: each deck joins the library at once.
    pub(super) fn poll_import(&mut self) -> Outcome {
        let Some(job) = self.word_import.as_mut() else { return Outcome::default() };
        let mut arrived = Vec::new();
        loop {
            match job.receiver.try_recv() {
                Ok(item) => arrived.push(item),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    job.finished = true;
                    break;
                }
            }
        }
        let mut outcome = Outcome::default();
        for (file, result) in arrived {
            let line = match result {
                Ok(import) => {
                    let cards = import.deck.card_count();
                    let (line, added) = self.add_imported(import);
                    outcome.decks_changed |= added.decks_changed;
                    if let Some(j) = self.word_import.as_mut() {
                        j.cards += cards;
                    }
                    line
                }
                Err(e) => Err(e.why()),
            };
            if let Some(j) = self.word_import.as_mut() {
                j.lines.push(ImportLine { file, result: line });
            }
        }
        if let Some(j) = self.word_import.as_mut()
            && j.lines.len() == j.total
        {
            j.finished = true;
        }
        if let Some(j) = self.word_import.as_ref().filter(|j| j.finished) {
            let failed = j.lines.iter().filter(|l| l.result.is_err()).count();
            outcome.status = Some(format!(
                "Imported {} of {} Word files ({} cards){}.",
                j.lines.len() - failed,
                j.total,
                j.cards,
                if failed > 0 { format!("; {failed} failed") } else { String::new() }
            ));
        }
        outcome
    }

    /// Stops the reader after the file it is reading.
    pub(super) fn cancel_import(&mut self) -> Outcome {
        match &self.word_import {
            Some(job) if !job.finished => {
                job.cancel.store(true, Ordering::Relaxed);
                Outcome::status("Import cancelled after the current file; what was imported stays.")
            }
            _ => Outcome::default(),
        }
    }

    /// A read deck into the library: saved in the user's deck folder when its id is new, or
    /// offered for review against the loaded deck of its id (a file imported again).
    fn add_imported(&mut self, import: WordImport) -> (Result<String, String>, Outcome) {
        let summary = import.summary();
        let WordImport { path, mut deck, .. } = import;
        if self.ws.decks.iter().any(|d| d.id == deck.id) {
            let title = deck.title.clone();
            let outcome = self.receive_deck(deck, path);
            return (
                Ok(format!("{summary}; same deck id as “{title}” in the library: review the changes")),
                outcome,
            );
        }
        let dir = self.user_deck_dir();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return (
                Err(format!("{}: cannot create the deck folder: {e}", dir.display())),
                Outcome::default(),
            );
        }
        let target = free_deck_path(&dir, &mut deck.id);
        if let Err(e) = format::save_deck(&deck, &target) {
            return (Err(e.to_string()), Outcome::default());
        }
        self.add_or_replace_deck(deck, DeckOrigin::File(target.clone()));
        (
            Ok(format!("{summary}; saved as {}", target.display())),
            Outcome { decks_changed: true, ..Outcome::default() },
        )
    }
}

/// `DIR/ID.deck.ron`, or with `-2`, `-3`… added to the id when a file (not loaded: it may be a
/// deck that failed to load) already has that name, so an import never overwrites a file.
fn free_deck_path(dir: &Path, id: &mut String) -> PathBuf {
    let base = id.clone();
    let mut n = 1;
    loop {
        let path = dir.join(format!("{}.deck.ron", format::file_name_for_id(id)));
        if path.symlink_metadata().is_err() {
            return path;
        }
        n += 1;
        *id = format!("{base}-{n}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{Intent, fresh_session};

    fn shared(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs").join(name)
    }

    /// Polls until the job is finished (at most 30 s).
    fn finish(desk: &mut Desk) -> Outcome {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut last = Outcome::default();
        while desk.word_import().is_some_and(|j| !j.is_finished()) {
            assert!(Instant::now() < deadline, "the import did not finish");
            let o = desk.apply(Intent::PollImport);
            if o.status.is_some() {
                last = o;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        last
    }

    #[test]
    fn imported_files_join_the_library_saved_in_the_deck_folder_and_a_bad_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("broken.docx");
        std::fs::write(&bad, b"not a zip").unwrap();
        let mut desk = Desk::new(dir.path().join("data"), fresh_session());
        let before = desk.decks().len();
        desk.apply(Intent::ImportWordFiles(vec![shared("1nc.docx"), bad.clone(), shared("neg-5.docx")]));
        let last = finish(&mut desk);
        assert_eq!(last.status.as_deref(), Some("Imported 2 of 3 Word files (36 cards); 1 failed."));
        assert_eq!(desk.decks().len(), before + 2);
        let job = desk.word_import().unwrap();
        assert_eq!((job.done(), job.total(), job.fraction()), (3, 3, 1.0));
        let saved = desk.user_deck_dir().join("1nc.deck.ron");
        assert_eq!(format::load_deck(&saved).unwrap().card_count(), 20);
        assert!(job.lines()[0].result.as_ref().unwrap().contains(&saved.display().to_string()));
        assert_eq!(job.lines()[1].result, Err("not a Word .docx file (it is not a zip package)".into()));
        desk.apply(Intent::CloseImportReport);
        assert!(desk.word_import().is_none());
    }

    #[test]
    fn a_file_imported_again_is_offered_for_review_and_an_unloaded_file_of_its_name_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::new(dir.path().join("data"), fresh_session());
        std::fs::create_dir_all(desk.user_deck_dir()).unwrap();
        let squatter = desk.user_deck_dir().join("neg-5.deck.ron");
        std::fs::write(&squatter, "not a deck").unwrap();
        desk.apply(Intent::ImportWordFiles(vec![shared("neg-5.docx")]));
        finish(&mut desk);
        assert_eq!(std::fs::read_to_string(&squatter).unwrap(), "not a deck");
        assert!(desk.decks().iter().any(|d| d.id == "neg-5-2"));
        let deck = desk.decks().iter().find(|d| d.id == "neg-5-2").unwrap();
        let key = crate::desk::CardKey::new("neg-5-2", &deck.blocks[0].cards[0].id);
        desk.apply(Intent::DeleteCard(key));
        desk.apply(Intent::CloseImportReport);
        let again = dir.path().join("neg-5-2.docx");
        std::fs::copy(shared("neg-5.docx"), &again).unwrap();
        let reviews = desk.reviews().len();
        desk.apply(Intent::ImportWordFiles(vec![again]));
        finish(&mut desk);
        assert_eq!(desk.reviews().len(), reviews + 1, "{:?}", desk.word_import().unwrap().lines());
    }

    #[test]
    fn cancelling_stops_after_the_current_file_and_keeps_what_was_imported() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::new(dir.path().join("data"), fresh_session());
        let files: Vec<PathBuf> = (0..40).map(|_| shared("neg-2.docx")).collect();
        desk.apply(Intent::ImportWordFiles(files));
        desk.apply(Intent::CancelImport);
        finish(&mut desk);
        let job = desk.word_import().unwrap();
        assert!(job.was_cancelled() && job.is_finished());
        assert!(job.done() < 40, "stopped early: {}", job.done());
    }
}
