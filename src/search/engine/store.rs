//! Where the index lives on disk, kept safe: the cache folder (`$XDG_CACHE_HOME/casebook`, else
//! `~/.cache/casebook`) holds `index/`, tantivy's files and a `VERSION` file.
//!
//! Nothing planted in the cache folder is written through or opened: every folder on the way is
//! checked to be a real folder (not a symlink) with `symlink_metadata`, and an index folder
//! holding anything but regular files and real folders (a symlink, a FIFO, a socket) is emptied
//! (entries are removed, never followed or opened) and rebuilt. The old postcard cache
//! (`library/`) is removed once, only when it is a real folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::EngineError;

/// The layout of the index folder; an index with another `VERSION` is rebuilt.
pub const LAYOUT: &str = "casebook-index 2";
/// The version file's name in the index folder.
const VERSION_FILE: &str = "VERSION";
/// The largest version file read.
const MAX_VERSION_BYTES: u64 = 1024;

/// The user's cache folder for casebook (`$XDG_CACHE_HOME/casebook`, else `~/.cache/casebook`).
pub fn user_cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("casebook"))
}

/// Makes `path` a real folder: creates it when missing (its parents too when `parents`), and
/// refuses a symlink or anything else found there.
pub fn real_dir(path: &Path, parents: bool) -> Result<(), EngineError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_dir() => Ok(()),
        Ok(_) => Err(EngineError::NotAFolder(path.to_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if parents && let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| EngineError::io(parent, e))?;
            }
            match fs::create_dir(path) {
                Ok(()) => Ok(()),
                // Made meanwhile by another casebook: check what it is.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => match fs::symlink_metadata(path) {
                    Ok(m) if m.file_type().is_dir() => Ok(()),
                    _ => Err(EngineError::NotAFolder(path.to_owned())),
                },
                Err(e) => Err(EngineError::io(path, e)),
            }
        }
        Err(e) => Err(EngineError::io(path, e)),
    }
}

/// Removes the old postcard cache folder (`library/` in the cache folder) when it is a real
/// folder; a symlink there is left alone (never followed).
pub fn remove_old_cache(cache: &Path) {
    let old = cache.join("library");
    if fs::symlink_metadata(&old).is_ok_and(|m| m.file_type().is_dir()) {
        // Best effort: a leftover only costs disk space.
        let _ = fs::remove_dir_all(&old);
    }
}

/// What is wrong with the index folder's entries, if anything: the first entry that is neither a
/// regular file nor a real folder.
pub fn planted(dir: &Path) -> Result<Option<String>, EngineError> {
    let entries = fs::read_dir(dir).map_err(|e| EngineError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| EngineError::io(dir, e))?;
        let kind = entry.file_type().map_err(|e| EngineError::io(&entry.path(), e))?;
        if !kind.is_file() && !kind.is_dir() {
            let what = if kind.is_symlink() { "a symlink" } else { "not a regular file" };
            return Ok(Some(format!("{} was {what}", entry.file_name().to_string_lossy())));
        }
    }
    Ok(None)
}

/// Whether the folder has no entries.
pub fn is_empty(dir: &Path) -> Result<bool, EngineError> {
    Ok(fs::read_dir(dir).map_err(|e| EngineError::io(dir, e))?.next().is_none())
}

/// Removes everything in `dir` without following anything: folders with `remove_dir_all`
/// (which does not follow symlinks inside), everything else (symlinks, FIFOs) unlinked.
pub fn empty_dir(dir: &Path) -> Result<(), EngineError> {
    for entry in fs::read_dir(dir).map_err(|e| EngineError::io(dir, e))? {
        let entry = entry.map_err(|e| EngineError::io(dir, e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| EngineError::io(&path, e))?;
        let removed = if kind.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
        removed.map_err(|e| EngineError::io(&path, e))?;
    }
    Ok(())
}

/// The layout version the index folder states (`None` when there is no version file). The file
/// is opened only when it is a regular file (a FIFO would block), and read only so far.
pub fn read_version(dir: &Path) -> Result<Option<String>, EngineError> {
    let path = dir.join(VERSION_FILE);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(EngineError::io(&path, e)),
        Ok(m) if !m.file_type().is_file() => return Err(EngineError::NotAFile(path)),
        Ok(_) => {}
    }
    let file = fs::File::open(&path).map_err(|e| EngineError::io(&path, e))?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(file, MAX_VERSION_BYTES), &mut text)
        .map_err(|e| EngineError::io(&path, e))?;
    Ok(Some(text.trim().to_owned()))
}

/// Writes the version file: a new file created exclusively (never through anything planted), then
/// renamed over the old one (a rename replaces a name, it does not follow it).
pub fn write_version(dir: &Path) -> Result<(), EngineError> {
    let tmp = dir.join(format!("{VERSION_FILE}.{}.tmp", std::process::id()));
    let path = dir.join(VERSION_FILE);
    let write = || -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(LAYOUT.as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        fs::rename(&tmp, &path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        EngineError::io(&path, e)
    })
}
