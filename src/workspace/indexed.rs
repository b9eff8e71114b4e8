//! Reading a library file through the index cache: the file's [`Segment`] comes from the cache
//! when the file's size and time are unchanged (the file is not opened), or when its bytes hash
//! the same (a file only touched); otherwise the file is read, indexed, and the cache updated.
//! A file that changes while it is read is reported, not indexed half-old.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::search::Segment;
use crate::search::cache::{Cached, FileKey, IndexCache, content_hash};

use super::{LibraryFile, library_file_from_bytes, read_library_bytes};

/// A library file, indexed.
pub struct IndexedFile {
    /// Its index.
    pub segment: Arc<Segment>,
    /// The file read as a deck, when it was asked for (or read anyway because the cache had no
    /// index of it; then it is given back rather than read twice).
    pub file: Option<LibraryFile>,
    /// Why the cache could not be used or written, if so (the library works without it).
    pub cache_problem: Option<String>,
    /// Whether the index came from the cache without parsing the file.
    pub from_cache: bool,
    /// The xxh3 hash of the file's bytes (what tells a moved file from a new one).
    pub content_hash: u64,
}

/// Indexes the library file at `path` (of the library folder `root`, which gives a Word file its
/// deck id: see [`super::library_deck_options`]) through `cache` (without one, the file is always
/// read); with `want_deck` the deck is read too. The error is the message to show.
pub fn read_indexed(
    path: &Path,
    root: Option<&Path>,
    cache: Option<&IndexCache>,
    want_deck: bool,
) -> Result<IndexedFile, String> {
    read_indexed_with(path, root, cache, want_deck, &read_library_bytes)
}

/// [`read_indexed`] with the file's bytes read by `read` (a test stands a sync in there).
fn read_indexed_with(
    path: &Path,
    root: Option<&Path>,
    cache: Option<&IndexCache>,
    want_deck: bool,
    read: &dyn Fn(&Path) -> Result<Vec<u8>, String>,
) -> Result<IndexedFile, String> {
    let stamp = |p: &Path| std::fs::symlink_metadata(p).map(|m| (m.len(), m.modified().ok()));
    let (size, modified) = stamp(path).map_err(|e| crate::format::describe_open_error(path, &e))?;
    let mut cache_problem = None;
    let mut cached = match cache.map(|c| c.read(path)) {
        Some(Cached::Found(key, segment)) => Some((key, segment)),
        Some(Cached::Refused(why)) => {
            cache_problem = Some(format!("{}: the cached index was rebuilt: {why}", path.display()));
            None
        }
        Some(Cached::Missing) | None => None,
    };
    if !want_deck
        && let Some((key, segment)) = cached.take_if(|(key, _)| key.same_stamp(path, size, modified))
    {
        let content_hash = key.hash;
        return Ok(IndexedFile {
            segment: Arc::new(*segment),
            file: None,
            cache_problem,
            from_cache: true,
            content_hash,
        });
    }
    let bytes = read(path)?;
    if stamp(path).ok() != Some((size, modified)) || bytes.len() as u64 != size {
        return Err(format!(
            "{}: the file changed while it was being read (a sync in progress?); it is read again at the next check",
            path.display()
        ));
    }
    let hash = content_hash(&bytes);
    let key = FileKey::new(path, size, modified, hash);
    let write = |segment: &Segment| cache.and_then(|c| c.write(path, &key, segment).err());
    let unchanged = cached.filter(|(old, _)| old.hash == hash).map(|(_, segment)| segment);
    if !want_deck && let Some(segment) = unchanged {
        // Touched, not changed: the index stands; only its key is renewed.
        let problem = write(&segment).or(cache_problem);
        return Ok(IndexedFile {
            segment: Arc::new(*segment),
            file: None,
            cache_problem: problem,
            from_cache: true,
            content_hash: hash,
        });
    }
    let file = library_file_from_bytes(path, root, bytes)?;
    // The cached index of the same bytes is kept if it indexes the same deck (an index built by
    // an older reader of the format is not).
    let (segment, from_cache) = match unchanged {
        Some(segment) if segment.hash == crate::search::segment::deck_hash(&file.deck) => (*segment, true),
        _ => (Segment::of_deck(&file.deck), false),
    };
    let problem = if from_cache { cache_problem } else { write(&segment).or(cache_problem) };
    Ok(IndexedFile {
        segment: Arc::new(segment),
        file: Some(file),
        cache_problem: problem,
        from_cache,
        content_hash: hash,
    })
}

/// The most library files read at once while a folder is indexed, whatever the number of cores.
/// A file being read holds its bytes, outline, deck and index (up to about
/// [`crate::docx_import::MEMORY_PER_XML_BYTE`] times its XML for a Word file); a finished one is
/// handed to the consumer before its reader takes another file, so readers never run ahead of
/// the consumer and at most this many files' cards are in memory besides the indexes kept.
pub const MAX_FILES_IN_FLIGHT: usize = 2;

/// Indexes `files` of the library folder `root` (see [`read_indexed`], without their decks) on one thread per core, at most
/// [`MAX_FILES_IN_FLIGHT`]; results in the order of `files`. `progress` is told how many are
/// done after each, on the calling thread.
pub fn read_all_indexed_with(
    files: &[PathBuf],
    root: Option<&Path>,
    cache: Option<&IndexCache>,
    progress: &mut dyn FnMut(usize),
) -> Vec<Result<IndexedFile, String>> {
    let read = |file: &Path| {
        read_indexed(file, root, cache, false).map(|mut r| {
            r.file = None;
            r
        })
    };
    let results = read_all_with(files, &read, progress);
    results.into_iter().map(|r| r.unwrap_or_else(|| Err("not read".into()))).collect()
}

/// Runs `read` over `files` on one thread per core, at most [`MAX_FILES_IN_FLIGHT`]. Each result
/// goes to the calling thread through a channel with no buffer: a reader waits until its result
/// is taken before it starts another file. `None` for a file no reader got to.
fn read_all_with<T: Send>(
    files: &[PathBuf],
    read: &(dyn Fn(&Path) -> T + Sync),
    progress: &mut dyn FnMut(usize),
) -> Vec<Option<T>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.clamp(1, MAX_FILES_IN_FLIGHT).min(files.len());
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(files.len()).collect();
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(0);
        for _ in 0..threads {
            let (sender, next) = (sender.clone(), &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    if sender.send((i, read(file))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (done, (i, result)) in receiver.into_iter().enumerate() {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
            progress(done + 1);
        }
    });
    slots
}

/// [`read_all_indexed_with`] without progress.
pub fn read_all_indexed(
    files: &[PathBuf],
    root: Option<&Path>,
    cache: Option<&IndexCache>,
) -> Vec<Result<IndexedFile, String>> {
    read_all_indexed_with(files, root, cache, &mut |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, IndexCache, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("cache"));
        let file = dir.path().join("neg.deck.ron");
        crate::format::save_deck(&crate::bundled::deck("asian-nato-neg").unwrap(), &file).unwrap();
        (dir, cache, file)
    }

    #[test]
    fn an_unchanged_file_is_answered_from_the_cache_and_a_touched_one_is_not_parsed_again() {
        let (_dir, cache, file) = setup();
        let first = read_indexed(&file, None, Some(&cache), false).unwrap();
        assert!(!first.from_cache && first.file.is_some() && first.cache_problem.is_none());
        let again = read_indexed(&file, None, Some(&cache), false).unwrap();
        assert!(again.from_cache && again.file.is_none());
        assert_eq!(again.segment.hash, first.segment.hash);
        // Touched: the same bytes with a new time (a sync tool rewriting it).
        let bytes = std::fs::read(&file).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, &bytes).unwrap();
        let touched = read_indexed(&file, None, Some(&cache), false).unwrap();
        assert!(touched.from_cache && touched.file.is_none(), "same bytes: not parsed again");
        // Asked for the deck, the file is read and the cached index kept.
        let with_deck = read_indexed(&file, None, Some(&cache), true).unwrap();
        assert!(with_deck.from_cache && with_deck.file.is_some());
    }

    #[test]
    fn without_a_cache_the_file_is_read_and_a_bad_file_is_an_error_naming_it() {
        let (dir, _cache, file) = setup();
        let read = read_indexed(&file, None, None, false).unwrap();
        assert!(!read.from_cache && read.segment.cards.len() > 10);
        let bad = dir.path().join("bad.deck.ron");
        std::fs::write(&bad, "(version: 4, id: ").unwrap();
        let why = read_indexed(&bad, None, None, false).err().unwrap();
        assert!(why.contains("bad.deck.ron:"), "{why}");
        let missing = read_indexed(&dir.path().join("gone.deck.ron"), None, None, false).err().unwrap();
        assert!(!missing.is_empty());
    }

    #[test]
    fn readers_never_run_ahead_of_a_slow_consumer() {
        let files: Vec<PathBuf> = (0..12).map(|i| PathBuf::from(format!("f{i}.deck.ron"))).collect();
        let (started, reading, most_reading) =
            (AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0));
        let read = |file: &Path| {
            started.fetch_add(1, Ordering::SeqCst);
            let now = reading.fetch_add(1, Ordering::SeqCst) + 1;
            most_reading.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(2));
            reading.fetch_sub(1, Ordering::SeqCst);
            file.to_owned()
        };
        let mut ahead = Vec::new();
        // The consumer is slow (a window frame, a large index to merge): while it works on file
        // `done`, no reader may have started more than the bound of files it has not taken.
        let mut progress = |done: usize| {
            ahead.push(started.load(Ordering::SeqCst) - done);
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        let results = read_all_with(&files, &read, &mut progress);
        assert_eq!(results.into_iter().map(Option::unwrap).collect::<Vec<_>>(), files, "in order");
        assert!(ahead.iter().all(|&a| a <= MAX_FILES_IN_FLIGHT), "files in flight: {ahead:?}");
        assert!(most_reading.load(Ordering::SeqCst) <= MAX_FILES_IN_FLIGHT);
    }

    #[test]
    fn a_file_that_changes_while_it_is_read_is_reported_and_not_cached() {
        let (_dir, cache, file) = setup();
        // A teammate's sync appends to the file just after its bytes were read.
        let syncing = |p: &Path| {
            let bytes = read_library_bytes(p)?;
            let mut more = bytes.clone();
            more.extend_from_slice(b"\n");
            std::fs::write(p, more).map_err(|e| e.to_string())?;
            Ok(bytes)
        };
        let why = read_indexed_with(&file, None, Some(&cache), false, &syncing).err().unwrap();
        assert!(why.contains("changed while it was being read") && why.contains("neg.deck.ron"), "{why}");
        assert!(
            matches!(cache.read(&file), crate::search::cache::Cached::Missing),
            "nothing half-old cached"
        );
        // Read again once it is still, it is indexed.
        assert!(read_indexed(&file, None, Some(&cache), false).is_ok());
    }
}
