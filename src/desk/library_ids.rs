//! The deck ids of library folders' Word files, kept between runs: a file keeps its id while it
//! stays where it is, whatever it comes to hold, and a file that moved (its bytes found at a new
//! place while its old place is gone) keeps the id it had, so its cards stay the same cards.
//! Kept in `DATA_DIR/library-ids.ron`; a damaged file is set aside (the ids are made again from
//! the files' places) and said.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Desk;
use super::file_job::Loaded;

/// The file the ids are kept in, in the data folder.
pub const FILE: &str = "library-ids.ron";

/// The most files remembered; past it the oldest are forgotten (a forgotten file that moved gets
/// a new id, nothing worse).
const MAX_ENTRIES: usize = 100_000;

/// One Word file as last seen: where, what it held, and its deck id.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    /// xxh3 of its bytes, in hex.
    hash: String,
    id: String,
}

/// The ids of library Word files, by place and by content.
#[derive(Debug, Default)]
pub(super) struct LibraryIds {
    entries: Vec<Entry>,
    by_path: HashMap<PathBuf, usize>,
    by_hash: HashMap<String, Vec<usize>>,
    ids: HashSet<String>,
    changed: bool,
}

impl LibraryIds {
    /// The ids kept in `data_dir`; with a warning when the file is damaged.
    pub fn load(data_dir: &Path) -> (LibraryIds, Option<String>) {
        let path = data_dir.join(FILE);
        let Ok(text) = crate::format::read_bytes(&path).map(|b| String::from_utf8_lossy(&b).into_owned())
        else {
            return (LibraryIds::default(), None);
        };
        match ron::from_str::<Vec<Entry>>(&text) {
            Ok(entries) => (LibraryIds::of(entries), None),
            Err(e) => (
                LibraryIds::default(),
                Some(format!(
                    "{}: cannot be read ({e}); library files' ids are made again from their places",
                    path.display()
                )),
            ),
        }
    }

    fn of(entries: Vec<Entry>) -> LibraryIds {
        let mut ids = LibraryIds::default();
        let oldest_kept = entries.len().saturating_sub(MAX_ENTRIES);
        for entry in entries.into_iter().skip(oldest_kept) {
            if ids.by_path.contains_key(&entry.path) || ids.ids.contains(&entry.id) {
                continue;
            }
            ids.push(entry);
        }
        ids.changed = false;
        ids
    }

    fn push(&mut self, entry: Entry) {
        let n = self.entries.len();
        self.by_path.insert(entry.path.clone(), n);
        self.by_hash.entry(entry.hash.clone()).or_default().push(n);
        self.ids.insert(entry.id.clone());
        self.entries.push(entry);
        self.changed = true;
    }

    /// The id of the Word file at `path` holding bytes of `hash`, whose id from its place is
    /// `derived`: the id it had at this place; else, if a file of the same bytes was known at a
    /// place no longer `present`, that file's id (it moved); else `derived` (made unique).
    pub fn resolve(
        &mut self,
        path: &Path,
        hash: u64,
        derived: &str,
        present: impl Fn(&Path) -> bool,
    ) -> String {
        let hash = format!("{hash:016x}");
        if let Some(&n) = self.by_path.get(path) {
            if self.entries[n].hash != hash {
                self.entries[n].hash.clone_from(&hash);
                self.by_hash.entry(hash).or_default().push(n);
                self.changed = true;
            }
            return self.entries[n].id.clone();
        }
        let moved = self.by_hash.get(&hash).into_iter().flatten().copied().find(|&n| {
            let old = &self.entries[n];
            old.hash == hash && !present(&old.path)
        });
        if let Some(n) = moved {
            let old = std::mem::replace(&mut self.entries[n].path, path.to_owned());
            self.by_path.remove(&old);
            self.by_path.insert(path.to_owned(), n);
            self.changed = true;
            return self.entries[n].id.clone();
        }
        let mut id = derived.to_owned();
        let mut k = 1;
        while self.ids.contains(&id) {
            k += 1;
            id = format!("{derived}-{k}");
        }
        self.push(Entry { path: path.to_owned(), hash, id: id.clone() });
        id
    }

    /// Writes the ids to `data_dir` if they changed (atomically).
    pub fn save(&mut self, data_dir: &Path) -> Result<(), String> {
        if !self.changed {
            return Ok(());
        }
        let text = ron::to_string(&self.entries).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
        crate::format::write_atomic_no_backup(&data_dir.join(FILE), text.as_bytes())
            .map_err(|e| e.to_string())?;
        self.changed = false;
        Ok(())
    }
}

impl Desk {
    /// A library Word file read at `path` with bytes of `hash` keeps the id of its place, or the
    /// id it had before it moved there ([`LibraryIds::resolve`]).
    pub(super) fn keep_library_id(&mut self, path: &Path, hash: u64, loaded: Loaded) -> Loaded {
        if !crate::docx_import::is_word_document(path) {
            return loaded;
        }
        let now = match &loaded {
            Loaded::Deck(file, _) => file.deck.id.clone(),
            Loaded::Indexed(segment, _) => segment.deck_id.clone(),
        };
        let stamps = &self.library_stamps;
        let id = self.library_ids.resolve(path, hash, &now, |p| stamps.contains_key(p));
        if id == now {
            return loaded;
        }
        match loaded {
            Loaded::Deck(mut file, segment) => {
                file.deck.id.clone_from(&id);
                Loaded::Deck(file, segment.map(|s| Arc::new(s.renamed(&id))))
            }
            Loaded::Indexed(segment, cached) => Loaded::Indexed(Arc::new(segment.renamed(&id)), cached),
        }
    }

    /// Keeps the library files' ids on disk; a failure is said once among the warnings.
    pub(super) fn save_library_ids(&mut self) {
        if let Err(why) = self.library_ids.save(&self.data_dir) {
            self.warnings.push(format!("Library files' ids were not kept: {why}"));
        }
    }
}
