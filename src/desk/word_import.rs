//! Importing Word files and scanning library folders in the window, through a [`FileJob`]: each
//! deck joins the library as soon as it is read. An imported Word file is saved as a deck in the
//! user's deck folder; a library folder's decks and Word files join as they are (a Word file
//! read-only: an edit saves a copy, as for a bundled deck).
//!
//! [`Intent::ImportWordFiles`](super::Intent::ImportWordFiles) and
//! [`Intent::ScanLibrary`](super::Intent::ScanLibrary) start a job;
//! [`Intent::PollImport`](super::Intent::PollImport) takes in what it has read.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::TryRecvError;

use crate::format;
use crate::workspace::DeckOrigin;

use super::file_job::{FileJob, ImportLine, JobFile, JobKind, Loaded};
use super::{Desk, Outcome};

/// While a library folder is read, the index takes in what arrived at most this often (and at
/// the end): rebuilding it and the list for each of hundreds of files would cost more than
/// reading them.
const INDEX_BATCH: std::time::Duration = std::time::Duration::from_millis(400);

impl Desk {
    /// Starts importing `files` (replacing a finished job's report); refused while one runs.
    pub(super) fn import_word_files(&mut self, files: Vec<PathBuf>) -> Outcome {
        if self.word_import.as_ref().is_some_and(|j| !j.finished) {
            return Outcome::status("An import is running; wait for it or cancel it first.");
        }
        // A folder stands for the Word documents in it and its subfolders.
        let files: Vec<PathBuf> = files
            .into_iter()
            .flat_map(|f| match f.is_dir() {
                true => crate::workspace::scan_folder_for(&f, true, crate::docx_import::is_word_document).0,
                false => vec![f],
            })
            .collect();
        let n = files.len();
        let files = files.into_iter().map(|path| JobFile { path, root: None, want_deck: true }).collect();
        self.word_import = Some(FileJob::start(JobKind::Import, files, None));
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
        let kind = job.kind();
        for (file, result) in arrived {
            let line = match result {
                Ok((loaded, cache_problem, hash)) => {
                    let loaded = match hash {
                        Some(hash) if kind != JobKind::Import => self.keep_library_id(&file, hash, loaded),
                        _ => loaded,
                    };
                    if let Some(why) = cache_problem.filter(|_| !self.cache_warned) {
                        self.cache_warned = true;
                        self.warnings
                            .push(format!("{why} (the library works; a restart reads the files again)"));
                    }
                    let (cards, (line, added)) = match loaded {
                        Loaded::Deck(loaded, _) if kind == JobKind::Import => {
                            (loaded.deck.card_count(), self.add_imported(loaded, file.clone()))
                        }
                        Loaded::Deck(loaded, segment) => {
                            self.ready.extend(segment);
                            (loaded.deck.card_count(), self.add_from_library(loaded, file.clone()))
                        }
                        Loaded::Indexed(segment, from_cache) => {
                            if let Some(j) = self.word_import.as_mut() {
                                j.cached += usize::from(from_cache);
                            }
                            (segment.cards.len(), self.shelve(file.clone(), segment, from_cache))
                        }
                    };
                    // A library folder's files join the index in batches (see `index_due`).
                    if kind == JobKind::Import {
                        outcome.decks_changed |= added.decks_changed;
                    } else {
                        self.index_stale |= added.decks_changed;
                    }
                    // A library deck left out (its id was already loaded) adds no cards.
                    if let Some(j) = self.word_import.as_mut()
                        && (kind == JobKind::Import || added.decks_changed)
                    {
                        j.cards += cards;
                    }
                    line
                }
                Err(why) => Err(why),
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
        let finished = self.word_import.as_ref().is_some_and(|j| j.finished);
        if finished && kind != JobKind::Import {
            self.save_library_ids();
        }
        if self.index_stale && (finished || self.last_index.elapsed() >= INDEX_BATCH) {
            self.index_stale = false;
            outcome.decks_changed = true;
        }
        if let Some(j) = self.word_import.as_ref().filter(|j| j.finished) {
            let failed = j.lines.iter().filter(|l| l.result.is_err()).count();
            let (what, files) = match j.kind() {
                JobKind::Import => ("Imported", "Word files"),
                JobKind::Library => ("Library folders: read", "files"),
                JobKind::Refresh => ("Library folders changed on disk: read again", "files"),
            };
            outcome.status = Some(format!(
                "{what} {} of {} {files} ({} cards{}){}.",
                j.lines.len() - failed,
                j.total,
                j.cards,
                if j.cached > 0 {
                    format!("; {} unchanged since last indexed", j.cached)
                } else {
                    String::new()
                },
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
    fn add_imported(
        &mut self,
        loaded: crate::workspace::LibraryFile,
        path: PathBuf,
    ) -> (Result<String, String>, Outcome) {
        let crate::workspace::LibraryFile { mut deck, summary, .. } = loaded;
        let summary = with_duplicates(summary, self.index.duplicates_in(&deck));
        // A version of a document already imported is reviewed against it; a different file of
        // the same name (dozens are called `1NC.docx`) is a deck of its own.
        let mut renamed = None;
        if let Some(ours) = self.ws.decks.iter().find(|d| d.id == deck.id) {
            if crate::merge::review::same_document(ours, &deck) {
                let title = ours.title.clone();
                let outcome = self.receive_deck(deck, path);
                return (
                    Ok(format!("{summary}; a version of “{title}” in the library: review the changes")),
                    outcome,
                );
            }
            renamed = Some(deck.id.clone());
        }
        let dir = self.user_deck_dir();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return (
                Err(format!("{}: cannot create the deck folder: {e}", dir.display())),
                Outcome::default(),
            );
        }
        let loaded = |id: &str| self.ws.decks.iter().any(|d| d.id == id);
        let target = free_deck_path(&dir, &mut deck.id, loaded);
        if let Err(e) = format::save_deck(&deck, &target) {
            return (Err(e.to_string()), Outcome::default());
        }
        let other = match renamed {
            Some(id) => {
                format!("; a different file from the deck {id:?} of the same name, so a deck of its own")
            }
            None => String::new(),
        };
        self.add_or_replace_deck(deck, DeckOrigin::File(target.clone()));
        (
            Ok(format!("{summary}{other}; saved as {}", target.display())),
            Outcome { decks_changed: true, ..Outcome::default() },
        )
    }
}

/// A file's summary, saying how many of its cards are already in the library word for word.
pub(super) fn with_duplicates(summary: String, duplicates: usize) -> String {
    match duplicates {
        0 => summary,
        1 => format!("{summary}; 1 card is already in the library word for word"),
        n => format!("{summary}; {n} cards are already in the library word for word"),
    }
}

/// `DIR/ID.deck.ron`, or with `-2`, `-3`… added to the id when a loaded deck has the id or a
/// file (not loaded: it may be a deck that failed to load) already has that name, so an import
/// never overwrites a file or takes another deck's id.
fn free_deck_path(dir: &Path, id: &mut String, loaded: impl Fn(&str) -> bool) -> PathBuf {
    let base = id.clone();
    let mut n = 1;
    loop {
        let path = dir.join(format!("{}.deck.ron", format::file_name_for_id(id)));
        if !loaded(id) && path.symlink_metadata().is_err() {
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

    use crate::desk::file_job::finish_reading as finish;

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

    #[test]
    fn a_library_folder_brings_in_its_decks_and_word_files_read_only_and_lists_what_failed() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        std::fs::create_dir_all(folder.join("sub")).unwrap();
        let word = folder.join("sub").join("neg-5.docx");
        std::fs::copy(shared("neg-5.docx"), &word).unwrap();
        std::fs::write(folder.join("broken.docx"), b"not a zip").unwrap();
        let mut deck = crate::bundled::deck("asian-nato-aff").unwrap();
        deck.id = "team-aff".into();
        format::save_deck(&deck, &folder.join("team-aff.deck.ron")).unwrap();
        let mut again = deck.clone();
        again.title = "A second copy".into();
        format::save_deck(&again, &folder.join("zz-copy.deck.ron")).unwrap();
        // A library folder's Word file is named by its place in the folder (`neg-5-…`).
        let neg5 = crate::workspace::library_deck_options(&folder, &word).id;
        assert!(neg5.starts_with("neg-5-"), "{neg5}");
        let mut desk = Desk::new(dir.path().join("data"), fresh_session());
        desk.apply(Intent::ScanLibrary(vec![folder.clone()]));
        let last = finish(&mut desk);
        assert_eq!(last.status.as_deref(), Some("Library folders: read 3 of 4 files (57 cards); 1 failed."));
        let origin = |desk: &Desk, id: &str| {
            let i = desk.decks().iter().position(|d| d.id == id).unwrap();
            desk.origin(i).cloned().unwrap()
        };
        // Indexed, not read: listed in the library, read when a card is shown or used.
        assert!(desk.is_shelved(&neg5) && desk.is_shelved("team-aff"));
        assert!(!desk.decks().iter().any(|d| d.id == neg5 || d.id == "team-aff"));
        let bundled: usize = crate::bundled::decks().into_iter().flatten().map(|d| d.card_count()).sum();
        assert_eq!(desk.index().len(), bundled + 57);
        desk.apply(Intent::OpenLibraryDeck("team-aff".into()));
        assert!(!desk.is_shelved("team-aff"));
        assert_eq!(origin(&desk, "team-aff"), DeckOrigin::File(folder.join("team-aff.deck.ron")));
        assert_eq!(desk.index().len(), bundled + 57, "opened, not added twice");
        let lines = desk.word_import().unwrap().lines();
        assert!(lines.iter().any(|l| l.result.as_ref().is_ok_and(|r| r.contains("already in the library"))));
        assert!(lines.iter().any(|l| l.file.ends_with("broken.docx") && l.result.is_err()));
        // An edit of a Word file's deck saves a copy; the Word file is never written.
        // An intent naming a card of a file not read yet reads it first.
        let before = std::fs::read(&word).unwrap();
        let segment = desk.index().segments().iter().find(|s| s.deck_id == neg5).unwrap();
        let key = crate::desk::CardKey::new(&neg5, &segment.cards[0].id);
        assert_eq!(desk.locate(&key).and_then(|p| desk.key_at(p)), Some(key.clone()));
        desk.apply(Intent::DeleteCard(key));
        assert_eq!(
            origin(&desk, &neg5),
            DeckOrigin::File(desk.user_deck_dir().join(format!("{neg5}.deck.ron")))
        );
        assert_eq!(std::fs::read(&word).unwrap(), before);
    }

    #[test]
    fn an_import_says_how_many_cards_are_already_in_the_library_word_for_word() {
        let dir = tempfile::tempdir().unwrap();
        let deck = crate::bundled::deck("asian-nato-neg").unwrap();
        let options = crate::export::ExportOptions {
            side: crate::export::ExportSide::Both,
            full: true,
            wpm: None,
            answers: false,
        };
        let bytes =
            crate::export::export(crate::export::Format::Docx, crate::export::Target::Deck(&deck), &options)
                .unwrap();
        let word = dir.path().join("team neg.docx");
        std::fs::write(&word, bytes).unwrap();
        let mut desk = Desk::new(dir.path().join("data"), fresh_session());
        desk.apply(Intent::ImportWordFiles(vec![word]));
        finish(&mut desk);
        let line = desk.word_import().unwrap().lines()[0].result.clone().unwrap();
        let n = deck.card_count();
        assert!(line.contains(&format!("{n} cards are already in the library word for word")), "{line}");
    }
}
