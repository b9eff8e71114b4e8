//! The index cache: each library file's [`Segment`] kept in the user's cache folder
//! (`$XDG_CACHE_HOME/casebook/library`, else `~/.cache/casebook/library`), keyed by the file's
//! path, size, modification time and content hash, so a restart with an unchanged library reads
//! no library file, and a file only touched (same bytes, new time) is not parsed again.
//!
//! One cache file per library file, named by a hash of its path: a magic line, the layout
//! version, the payload's length and xxh3 checksum, then the payload in postcard. A file with
//! another version, a wrong checksum or an inconsistent index is refused and rebuilt, never
//! trusted. Writes are atomic; a cache that cannot be written (read-only, full) costs speed only.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::Segment;

/// The first bytes of every cache file.
const MAGIC: &[u8; 8] = b"CBKINDEX";
/// The layout of a cache file's payload; a cache file of another version is rebuilt.
pub const VERSION: u32 = 4;
/// Bytes before the payload: magic, version, length, checksum.
const HEADER: usize = 8 + 4 + 8 + 8;
/// The largest cache file read (a segment is smaller than the file it indexes).
pub const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;

/// What a library file was when it was indexed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    /// The path, as bytes where the system allows (not every path is UTF-8).
    pub path: Vec<u8>,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time in nanoseconds since 1970, when the system gives one.
    pub modified: Option<u128>,
    /// xxh3 of its bytes.
    pub hash: u64,
}

impl FileKey {
    /// The key of the file at `path` with this size, time and content hash.
    pub fn new(path: &Path, size: u64, modified: Option<SystemTime>, hash: u64) -> Self {
        FileKey { path: path_bytes(path), size, modified: modified.map(nanos), hash }
    }

    /// Whether the file at `path` now has this size and time (so its bytes are taken as unchanged).
    pub fn same_stamp(&self, path: &Path, size: u64, modified: Option<SystemTime>) -> bool {
        self.path == path_bytes(path)
            && self.size == size
            && modified.is_some()
            && self.modified == modified.map(nanos)
    }
}

/// The hash a [`FileKey`] holds of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

fn nanos(t: SystemTime) -> u128 {
    t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().as_bytes().to_vec()
    }
}

#[derive(Serialize, Deserialize)]
struct Entry {
    key: FileKey,
    segment: Segment,
}

/// The cache folder.
#[derive(Clone, Debug)]
pub struct IndexCache {
    dir: PathBuf,
}

/// What the cache holds for a file.
pub enum Cached {
    /// Nothing (never indexed, or indexed under another path).
    Missing,
    /// A segment and the key of the file it was built from.
    Found(FileKey, Box<Segment>),
    /// A cache file that cannot be trusted, and why (it will be rebuilt).
    Refused(String),
}

impl IndexCache {
    /// The user's cache folder for the library index, when the environment names one.
    pub fn user() -> Option<IndexCache> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
        Some(IndexCache::at(base.join("casebook").join("library")))
    }

    /// A cache in `dir` (created when first written).
    pub fn at(dir: impl Into<PathBuf>) -> IndexCache {
        IndexCache { dir: dir.into() }
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache file of the library file at `path`.
    pub fn entry_path(&self, path: &Path) -> PathBuf {
        self.dir.join(format!("{:016x}.idx", content_hash(&path_bytes(path))))
    }

    /// What the cache holds for the library file at `path`.
    pub fn read(&self, path: &Path) -> Cached {
        let file = self.entry_path(path);
        let bytes = match crate::format::open_regular(&file) {
            Ok(f) => {
                let mut bytes = Vec::new();
                match f.take(MAX_ENTRY_BYTES + 1).read_to_end(&mut bytes) {
                    Ok(_) if bytes.len() as u64 <= MAX_ENTRY_BYTES => bytes,
                    Ok(_) => return Cached::Refused("the cache file is too large".into()),
                    Err(e) => return Cached::Refused(format!("cannot read the cache file: {e}")),
                }
            }
            Err(_) if !file.exists() => return Cached::Missing,
            Err(why) => return Cached::Refused(format!("cannot read the cache file: {why}")),
        };
        match decode(&bytes) {
            Ok(entry) if entry.key.path == path_bytes(path) => {
                Cached::Found(entry.key, Box::new(entry.segment))
            }
            Ok(_) => Cached::Missing,
            Err(why) => Cached::Refused(why),
        }
    }

    /// Keeps `segment` as the index of the file at `path`, which `key` describes; the error says
    /// why it could not be written (the library works without it).
    pub fn write(&self, path: &Path, key: &FileKey, segment: &Segment) -> Result<(), String> {
        let why = |e: String| format!("cannot write the index cache in {}: {e}", self.dir.display());
        std::fs::create_dir_all(&self.dir).map_err(|e| why(e.to_string()))?;
        let bytes = encode(key, segment).map_err(why)?;
        crate::format::write_atomic_no_backup(&self.entry_path(path), &bytes).map_err(|e| why(e.to_string()))
    }
}

/// A cache file's bytes.
fn encode(key: &FileKey, segment: &Segment) -> Result<Vec<u8>, String> {
    #[derive(Serialize)]
    struct EntryRef<'a> {
        key: &'a FileKey,
        segment: &'a Segment,
    }
    let payload = postcard::to_allocvec(&EntryRef { key, segment }).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&content_hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// A cache file read back and checked.
fn decode(bytes: &[u8]) -> Result<Entry, String> {
    let field = |at: usize, n: usize| bytes.get(at..at + n).ok_or("the cache file is cut short");
    if field(0, 8)? != MAGIC {
        return Err("not a Casebook index cache file".into());
    }
    let number = |at: usize| -> Result<u64, String> {
        let b: [u8; 8] = field(at, 8)?.try_into().map_err(|_| "the cache file is cut short")?;
        Ok(u64::from_le_bytes(b))
    };
    let version = u32::from_le_bytes(field(8, 4)?.try_into().map_err(|_| "the cache file is cut short")?);
    if version != VERSION {
        return Err(format!("an index cache of layout {version}, not {VERSION}"));
    }
    let (len, sum) = (number(12)?, number(20)?);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len {
        return Err("the cache file is cut short or too long".into());
    }
    if content_hash(payload) != sum {
        return Err("the cache file's checksum does not match".into());
    }
    let mut entry: Entry =
        postcard::from_bytes(payload).map_err(|e| format!("the cache file is damaged: {e}"))?;
    entry.segment.prepare().map_err(|e| format!("the cached index is inconsistent: {e}"))?;
    Ok(entry)
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
