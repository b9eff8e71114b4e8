//! The library folders: reading every deck and Word file under them, and following them while
//! the window is open — a file changed on disk (a teammate's sync) is read again and replaces its
//! deck, a new file joins, a deleted file's deck leaves the library.
//!
//! Files are told apart by their size and modification time ([`Stamp`]), taken when they are
//! listed; only changed files are read again, off the UI thread.

use std::path::{Path, PathBuf};

use crate::workspace::DeckOrigin;

use super::file_job::{FileJob, JobFile, JobKind, Stamp, stamp};
use super::word_import::with_duplicates;
use super::{Desk, Outcome};

/// The library folder of `folders` holding `path` (the innermost, when one holds another).
pub(super) fn root_of(folders: &[PathBuf], path: &Path) -> Option<PathBuf> {
    folders.iter().filter(|f| path.starts_with(f)).max_by_key(|f| f.components().count()).cloned()
}

/// What a job reads of each changed library file: the file, its folder, and whether its deck is
/// open (so it is read again as a deck, not only indexed).
fn job_files(desk: &Desk, folders: &[PathBuf], files: &[(PathBuf, Stamp)]) -> Vec<JobFile> {
    files
        .iter()
        .map(|(f, _)| JobFile { path: f.clone(), root: root_of(folders, f), want_deck: desk.is_open(f) })
        .collect()
}

/// Every deck file and Word document under `folders` (with their subfolders), stamped; and the
/// folders that could not be read, with why.
fn list(folders: &[PathBuf]) -> (Vec<(PathBuf, Stamp)>, Vec<String>) {
    let wanted = crate::workspace::is_library_file;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for folder in folders {
        let (found, unreadable) = crate::workspace::scan_folder_for(folder, true, wanted);
        files.extend(found.into_iter().filter_map(|f| stamp(&f).map(|s| (f, s))));
        problems
            .extend(unreadable.into_iter().map(|(f, e)| format!("{}: cannot read folder: {e}", f.display())));
    }
    (files, problems)
}

/// The file a deck was read from, if any.
pub(super) fn origin_path(origin: &DeckOrigin) -> Option<&Path> {
    match origin {
        DeckOrigin::File(p) | DeckOrigin::Word(p) => Some(p),
        DeckOrigin::Bundled => None,
    }
}

impl Desk {
    /// Starts reading every deck and Word file under `folders` (with their subfolders).
    pub(super) fn scan_library(&mut self, folders: Vec<PathBuf>) -> Outcome {
        if self.word_import.as_ref().is_some_and(|j| !j.is_finished()) {
            return Outcome::status("Files are being read; wait for them or cancel first.");
        }
        let (files, problems) = list(&folders);
        self.warnings.extend(problems);
        self.library_roots.clone_from(&folders);
        let n = files.len();
        let paths = job_files(self, &folders, &files);
        self.library_stamps.extend(files);
        self.word_import = Some(FileJob::start(JobKind::Library, paths, self.index_cache.clone()));
        Outcome::status(format!("Reading {n} files of the library folders…"))
    }

    /// Follows the library folders: changed and new files are read again (quietly), the decks of
    /// deleted files leave the library. Nothing happens while files are being read.
    pub(super) fn refresh_library(&mut self, folders: Vec<PathBuf>) -> Outcome {
        if self.word_import.as_ref().is_some_and(|j| !j.is_finished()) {
            return Outcome::default();
        }
        let (files, _) = list(&folders);
        self.library_roots.clone_from(&folders);
        let present: std::collections::HashSet<&PathBuf> = files.iter().map(|(f, _)| f).collect();
        let under = |p: &Path| folders.iter().any(|f| p.starts_with(f));
        // Deleted files, and the files of a folder no longer in the list.
        let gone: Vec<PathBuf> =
            self.library_stamps.keys().filter(|p| !under(p) || !present.contains(p)).cloned().collect();
        let mut outcome = Outcome::default();
        for path in gone {
            self.library_stamps.remove(&path);
            if let Some(shelved) = self.unshelve(&path) {
                outcome.decks_changed = true;
                outcome.status = Some(format!(
                    "“{}” left the library: {} was deleted or its folder removed.",
                    shelved.segment.deck_title,
                    path.display()
                ));
            }
            if let Some(i) = self.origins.iter().position(|o| origin_path(o) == Some(path.as_path())) {
                let deck = self.ws.decks.remove(i);
                self.origins.remove(i);
                self.written.remove(&deck.id);
                outcome.decks_changed = true;
                outcome.status = Some(format!(
                    "“{}” left the library: {} was deleted or its folder removed.",
                    deck.title,
                    path.display()
                ));
            }
        }
        let changed: Vec<(PathBuf, Stamp)> =
            files.into_iter().filter(|(f, s)| self.library_stamps.get(f) != Some(s)).collect();
        if !changed.is_empty() {
            let paths = job_files(self, &folders, &changed);
            self.library_stamps.extend(changed);
            self.word_import = Some(FileJob::start(JobKind::Refresh, paths, self.index_cache.clone()));
        }
        outcome
    }

    /// Whether the library file at `path` is read into a loaded deck (not only indexed).
    fn is_open(&self, path: &Path) -> bool {
        self.origins.iter().any(|o| origin_path(o) == Some(path))
    }

    /// A library folder's deck into the library as it is. Read again (a refresh), it replaces the
    /// deck read from the same file; a deck whose id another file already brought stays out, and
    /// the report says so.
    pub(super) fn add_from_library(
        &mut self,
        loaded: crate::workspace::LibraryFile,
        path: PathBuf,
    ) -> (Result<String, String>, super::Outcome) {
        let crate::workspace::LibraryFile { deck, word, summary } = loaded;
        let summary = with_duplicates(summary, self.index.duplicates_in(&deck));
        let replaced = self.origins.iter().position(|o| origin_path(o) == Some(path.as_path()));
        if let Some(i) = replaced {
            let old = self.ws.decks.remove(i);
            self.origins.remove(i);
            self.written.remove(&old.id);
        }
        if let Some(other) = self.ws.decks.iter().find(|d| d.id == deck.id) {
            let why = format!(
                "{summary}; not loaded: deck id {:?} is already in the library (“{}”)",
                deck.id, other.title
            );
            return (Ok(why), Outcome { decks_changed: replaced.is_some(), ..Outcome::default() });
        }
        let origin = if word { DeckOrigin::Word(path) } else { DeckOrigin::File(path) };
        self.add_or_replace_deck(deck, origin);
        (Ok(summary), Outcome { decks_changed: true, ..Outcome::default() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::{Intent, fresh_session};
    use crate::format;

    fn finish(desk: &mut Desk) -> crate::desk::Outcome {
        crate::desk::file_job::finish_reading(desk)
    }

    fn deck(id: &str, tag: &str) -> crate::model::Deck {
        let mut deck = crate::bundled::deck("asian-nato-neg").unwrap();
        deck.id = id.into();
        deck.blocks[0].cards[0].tag = tag.into();
        deck
    }

    #[test]
    fn a_file_changed_added_or_deleted_on_disk_changes_the_library_without_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        std::fs::create_dir_all(&folder).unwrap();
        let first = folder.join("first.deck.ron");
        format::save_deck(&deck("team-first", "Their first tag"), &first).unwrap();
        let mut desk = Desk::new(dir.path().join("data"), fresh_session());
        desk.apply(Intent::ScanLibrary(vec![folder.clone()]));
        finish(&mut desk);
        // Read from the index: the files are indexed, not read into decks.
        let tag = |desk: &Desk, id: &str| {
            let segments = desk.index().segments();
            segments.iter().find(|s| s.deck_id == id).map(|s| s.cards[0].tag.clone())
        };
        assert_eq!(tag(&desk, "team-first").as_deref(), Some("Their first tag"));

        // Nothing changed: nothing is read again.
        desk.apply(Intent::RefreshLibrary(vec![folder.clone()]));
        assert!(desk.word_import().unwrap().kind() == JobKind::Library, "no new job");

        // A teammate's sync rewrites one file (a longer tag: another size) and adds another.
        format::save_deck(&deck("team-first", "Their sharper first tag"), &first).unwrap();
        format::save_deck(&deck("team-second", "A second deck"), &folder.join("second.deck.ron")).unwrap();
        desk.apply(Intent::RefreshLibrary(vec![folder.clone()]));
        assert_eq!(desk.word_import().unwrap().kind(), JobKind::Refresh);
        finish(&mut desk);
        assert_eq!(tag(&desk, "team-first").as_deref(), Some("Their sharper first tag"));
        assert_eq!(tag(&desk, "team-second").as_deref(), Some("A second deck"));
        assert_eq!(
            desk.index().segments().iter().filter(|s| s.deck_id == "team-first").count(),
            1,
            "replaced, not added twice"
        );

        // A file read into a deck (a card of it shown) keeps its place in the library's order,
        // and is read again as a deck when it changes.
        let segment = desk.index().segments().iter().find(|s| s.deck_id == "team-first").unwrap();
        let key = crate::desk::CardKey::new("team-first", &segment.cards[3].id);
        let before = desk.locate(&key);
        desk.apply(Intent::OpenLibraryDeck("team-first".into()));
        assert!(desk.decks().iter().any(|d| d.id == "team-first"));
        assert_eq!(desk.locate(&key), before, "the list does not jump under the mouse");
        format::save_deck(&deck("team-first", "Their sharpest first tag yet"), &first).unwrap();
        desk.apply(Intent::RefreshLibrary(vec![folder.clone()]));
        finish(&mut desk);
        let open = desk.decks().iter().find(|d| d.id == "team-first").unwrap();
        assert_eq!(open.blocks[0].cards[0].tag, "Their sharpest first tag yet");
        assert!(!desk.is_shelved("team-first"));

        // A deleted file's deck leaves the library.
        std::fs::remove_file(&first).unwrap();
        let outcome = desk.apply(Intent::RefreshLibrary(vec![folder.clone()]));
        assert!(outcome.decks_changed);
        assert!(tag(&desk, "team-first").is_none());
        assert!(outcome.status.unwrap().contains("was deleted"));

        // A folder removed from the list: its files' cards leave the library too.
        let outcome = desk.apply(Intent::RefreshLibrary(Vec::new()));
        assert!(outcome.decks_changed);
        assert!(tag(&desk, "team-second").is_none());
    }

    #[test]
    fn a_restart_takes_unchanged_files_from_the_index_cache_and_a_cache_that_cannot_be_written_is_said_once()
    {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team");
        std::fs::create_dir_all(&folder).unwrap();
        format::save_deck(&deck("team-first", "First"), &folder.join("first.deck.ron")).unwrap();
        format::save_deck(&deck("team-second", "Second"), &folder.join("second.deck.ron")).unwrap();
        let cache = crate::search::cache::IndexCache::at(dir.path().join("cache"));
        let start = || {
            let mut desk =
                Desk::new(dir.path().join("data"), fresh_session()).with_index_cache(Some(cache.clone()));
            desk.apply(Intent::ScanLibrary(vec![folder.clone()]));
            let last = finish(&mut desk);
            (desk, last.status.unwrap_or_default())
        };
        let (first, status) = start();
        assert!(!status.contains("unchanged"), "{status}");
        let (again, status) = start();
        assert!(status.contains("2 unchanged since last indexed"), "{status}");
        assert_eq!(again.index().len(), first.index().len());
        assert!(again.warnings().is_empty(), "{:?}", again.warnings());

        // A cache folder that cannot be created: one warning, and the library works.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "a file, not a folder").unwrap();
        let mut desk = Desk::new(dir.path().join("data2"), fresh_session())
            .with_index_cache(Some(crate::search::cache::IndexCache::at(blocked.join("library"))));
        desk.apply(Intent::ScanLibrary(vec![folder.clone()]));
        finish(&mut desk);
        let said: Vec<&String> =
            desk.warnings().iter().filter(|w| w.contains("cannot write the index cache")).collect();
        assert_eq!(said.len(), 1, "{:?}", desk.warnings());
        assert!(said[0].contains("the library works"), "{}", said[0]);
        assert_eq!(desk.index().len(), first.index().len());
    }
}
