//! Bringing the index up to date with library folders: every library file is stat'ed; a file
//! with the size and time the index knows is not opened; the others are read in parallel (one
//! reader per core) and their hash compared, and a changed one is parsed and its cards replace
//! its old ones (deleted by its file term) through one writer with a bounded memory budget; a
//! file gone from its folder has its cards deleted. The list of indexed files is committed with
//! the cards (the commit's payload), so the two never disagree.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::schema::{deck_docs, file_key};
use super::{Engine, EngineError, Fields, WRITER_BUDGET};

/// What the index knows of one indexed file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// The library folder it was found under, as indexed.
    pub root: String,
    /// Its path relative to that folder.
    pub file: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time in nanoseconds since 1970, when the system gives one.
    pub modified: Option<u64>,
    /// xxh3 of its bytes.
    pub hash: u64,
    /// How many cards of it are indexed.
    pub cards: u64,
    /// Why it could not be read, when it could not (said again while it is unchanged).
    pub problem: Option<String>,
}

/// How far an update is in one library folder.
#[derive(Clone, Copy, Debug)]
pub struct Progress<'a> {
    /// The folder, as given.
    pub root: &'a Path,
    /// Files done.
    pub done: usize,
    /// Library files in the folder.
    pub total: usize,
    /// Files found unchanged so far.
    pub unchanged: usize,
    /// The folder is done.
    pub finished: bool,
}

impl<'a> Progress<'a> {
    /// How far the update of folder `root` is: `done` files, with `report`'s counts.
    fn of(root: &'a Path, done: usize, report: &RootReport, finished: bool) -> Progress<'a> {
        Progress { root, done, total: report.files, unchanged: report.unchanged, finished }
    }
}

/// What an update found in one library folder.
#[derive(Clone, Debug, Default)]
pub struct RootReport {
    /// The folder, as given.
    pub root: PathBuf,
    /// Library files in it.
    pub files: usize,
    /// Files unchanged since they were indexed (not parsed again).
    pub unchanged: usize,
    /// One message per file or folder that could not be read.
    pub problems: Vec<String>,
}

/// A file to read.
/// How the engine finds and reads library files: the application's workspace gives it
/// ([`crate::workspace::LibraryReader`]), so the search core knows no folders or file formats of its
/// own.
pub trait LibraryFiles: Sync {
    /// The library files under `root` (with its subfolders), and the folders that could not be
    /// read, with why.
    fn list(&self, root: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>);
    /// The bytes of the library file at `path`; the error is the message to show.
    fn bytes(&self, path: &Path) -> Result<Vec<u8>, String>;
    /// The deck in `bytes`, read from `path` in the library folder `root` (which names a Word
    /// file's deck); the error is the message to show.
    fn deck(&self, path: &Path, root: &Path, bytes: Vec<u8>) -> Result<crate::model::Deck, String>;
}

struct Job {
    key: String,
    state: FileState,
    path: PathBuf,
    /// The hash the index knows, if it knows the file.
    old_hash: Option<u64>,
}

/// What reading a file gave.
enum Outcome {
    /// The same bytes as indexed (only its time changed).
    Same(u64),
    /// Its cards, from bytes with this hash.
    Cards(u64, Vec<TantivyDocument>),
    /// It could not be read or parsed.
    Failed(Option<u64>, String),
}

fn nanos(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The message for a file that failed, naming it once.
fn about(path: &Path, why: &str) -> String {
    if why.contains(&path.display().to_string()) {
        why.to_owned()
    } else {
        format!("{}: {why}", path.display())
    }
}

fn read_one(fields: &Fields, files: &dyn LibraryFiles, job: &Job) -> Outcome {
    let bytes = match files.bytes(&job.path) {
        Ok(bytes) => bytes,
        Err(why) => return Outcome::Failed(None, why),
    };
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    if job.old_hash == Some(hash) {
        return Outcome::Same(hash);
    }
    // A Word file's deck id is its place in its library folder, as in the window.
    let root = std::path::Path::new(&job.state.root);
    match files.deck(&job.path, root, bytes) {
        Ok(deck) => Outcome::Cards(hash, deck_docs(fields, &deck, &job.state.root, &job.state.file)),
        Err(why) => Outcome::Failed(Some(hash), why),
    }
}

/// Reads `jobs` on every core, handing each outcome to `each` on this thread as it comes (a
/// bounded queue: at most a few files' cards wait in memory).
fn read_all(
    fields: &Fields,
    files: &dyn LibraryFiles,
    jobs: &[Job],
    each: &mut dyn FnMut(&Job, Outcome) -> Result<(), EngineError>,
) -> Result<(), EngineError> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(jobs.len()).max(1);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<(usize, Outcome)>(workers * 2);
        for _ in 0..workers {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if send.send((i, read_one(fields, files, job))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (i, outcome) in receive {
            if let Err(e) = each(&jobs[i], outcome) {
                // Stop the readers: they see the queue closed.
                next.store(jobs.len(), Ordering::Relaxed);
                return Err(e);
            }
        }
        Ok(())
    })
}

impl Engine {
    /// Brings the index up to date with the library files under `roots` (found and read by
    /// `library`) and searches only them from now on; `progress` hears of each file done. When another process holds the index's
    /// writer lock, the index is searched as it was and a note says so.
    pub fn update(
        &mut self,
        roots: &[PathBuf],
        library: &dyn LibraryFiles,
        progress: &mut dyn FnMut(Progress<'_>),
    ) -> Result<Vec<RootReport>, EngineError> {
        self.scope.clear();
        let mut writer: Option<IndexWriter> = None;
        let mut busy = false;
        let mut reports = Vec::new();
        for given in roots {
            let real = std::fs::canonicalize(given).unwrap_or_else(|_| given.clone());
            let root = real.to_string_lossy().into_owned();
            self.scope.push(root.clone());
            let mut report = RootReport { root: given.clone(), ..RootReport::default() };
            let (files, unreadable) = library.list(&real);
            report.problems.extend(
                unreadable.into_iter().map(|(f, e)| format!("{}: cannot read folder: {e}", f.display())),
            );
            report.files = files.len();
            let mut seen = HashSet::new();
            let mut jobs = Vec::new();
            for path in files {
                let file = path.strip_prefix(&real).unwrap_or(&path).to_string_lossy().into_owned();
                let key = file_key(&root, &file);
                seen.insert(key.clone());
                let meta = match std::fs::metadata(&path) {
                    Ok(meta) => meta,
                    Err(e) => {
                        report.problems.push(format!("{}: {e}", path.display()));
                        seen.remove(&key);
                        continue;
                    }
                };
                let modified = meta.modified().ok().map(nanos);
                let known = self.manifest.files.get(&key);
                if let Some(old) = known
                    && old.size == meta.len()
                    && modified.is_some()
                    && old.modified == modified
                {
                    report.unchanged += 1;
                    report.problems.extend(old.problem.clone());
                    continue;
                }
                let old_hash = known.map(|k| k.hash);
                let state = FileState {
                    root: root.clone(),
                    file,
                    size: meta.len(),
                    modified,
                    hash: 0,
                    cards: 0,
                    problem: None,
                };
                jobs.push(Job { key, state, path, old_hash });
            }
            let gone: Vec<String> = (self.manifest.files.iter())
                .filter(|(k, f)| f.root == root && !seen.contains(*k))
                .map(|(k, _)| k.clone())
                .collect();
            if (!jobs.is_empty() || !gone.is_empty()) && writer.is_none() && !busy {
                match self.index.writer_with_num_threads::<TantivyDocument>(1, WRITER_BUDGET) {
                    Ok(w) => writer = Some(w),
                    Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                        busy = true;
                        self.notes.push(
                            "the search index could not be updated (another casebook is writing it): \
                             searching it as it was"
                                .into(),
                        );
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            let Some(w) = writer.as_ref() else {
                // Not updated: the files that changed are searched as they were indexed.
                progress(Progress::of(given, report.files, &report, true));
                reports.push(report);
                continue;
            };
            for key in gone {
                w.delete_term(Term::from_field_text(self.fields.file_key, &key));
                self.manifest.files.remove(&key);
            }
            let mut done = report.unchanged;
            progress(Progress::of(given, done, &report, false));
            let fields = self.fields;
            let manifest = &mut self.manifest;
            read_all(&fields, library, &jobs, &mut |job, outcome| {
                let mut state = job.state.clone();
                // The same bytes keep their cards; new bytes (or none) replace them.
                if job.old_hash.is_some() && !matches!(outcome, Outcome::Same(_)) {
                    w.delete_term(Term::from_field_text(fields.file_key, &job.key));
                }
                match outcome {
                    Outcome::Same(hash) => {
                        report.unchanged += 1;
                        let old = manifest.files.get(&job.key);
                        state.cards = old.map_or(0, |o| o.cards);
                        state.problem = old.and_then(|o| o.problem.clone());
                        report.problems.extend(state.problem.clone());
                        state.hash = hash;
                    }
                    Outcome::Cards(hash, docs) => {
                        state.hash = hash;
                        state.cards = docs.len() as u64;
                        for doc in docs {
                            w.add_document(doc)?;
                        }
                    }
                    Outcome::Failed(hash, why) => {
                        let why = about(&job.path, &why);
                        report.problems.push(why.clone());
                        state.hash = hash.unwrap_or(0);
                        state.problem = Some(why);
                    }
                }
                manifest.files.insert(job.key.clone(), state);
                done += 1;
                progress(Progress::of(given, done, &report, false));
                Ok(())
            })?;
            progress(Progress::of(given, done, &report, true));
            reports.push(report);
        }
        if let Some(mut w) = writer {
            let payload = serde_json::to_string(&self.manifest)?;
            let mut commit = w.prepare_commit()?;
            commit.set_payload(&payload);
            commit.commit()?;
            w.wait_merging_threads()?;
            self.reader.reload()?;
        }
        Ok(reports)
    }
}
