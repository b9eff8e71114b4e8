//! Atomic saves into folders someone else may have prepared.
//!
//! A save writes a temporary file in the target's folder (with the old file's permissions and,
//! where allowed, its owner), fsyncs it, keeps the previous version as `NAME.bak` — itself written
//! as a temporary file and renamed, so a planted `.bak` symlink is replaced, never followed — and
//! renames the temporary file over the target. A failure at any step leaves the old file intact and
//! removes the temporary files. A target that is a symlink is resolved and its target replaced; a
//! device or FIFO is written directly. Temporary files named `.NAME.PID-N.tmp` that a killed save
//! left behind are removed on the next save of the same target.

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::SaveError;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Temporary files older than this are stale even when it cannot be told whether their writer lives.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// The backup path kept beside `path`: `NAME.session.ron` → `NAME.session.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous version as [`backup_path`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, true, |file, bytes| file.write_all(bytes))
}

/// Like [`write_atomic`] but without a `.bak` (for exports, which are regenerated at will).
pub fn write_atomic_no_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, false, |file, bytes| file.write_all(bytes))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Whether `file` (a name in a target's folder) is one of our temporaries for `name`, and stale.
fn is_stale_temporary(file: &str, name: &str, meta: &Metadata) -> bool {
    let Some(middle) = file.strip_prefix('.').and_then(|f| f.strip_prefix(name)) else { return false };
    let Some(middle) = middle.strip_prefix('.').and_then(|m| m.strip_suffix(".tmp")) else { return false };
    let Some((pid, n)) = middle.split_once('-') else { return false };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) || !meta.is_file() {
        return false;
    }
    if pid == std::process::id().to_string() {
        return false; // perhaps a save of ours in progress on another thread
    }
    if Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid).exists();
    }
    meta.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age > STALE_AFTER)
}

/// Removes temporaries of ours for `target` that a killed save left behind.
fn remove_stale_temporaries(target: &Path) {
    let (dir, name) = (folder_of(target), name_of(target));
    let Ok(entries) = fs::read_dir(&dir) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Ok(meta) = entry.metadata()
            && is_stale_temporary(&file, &name, &meta)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn temporary_for(target: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    folder_of(target).join(format!(".{}.{}-{n}.tmp", name_of(target), std::process::id()))
}

/// Gives `file` the permissions and (where the OS allows) the owner of `like`.
fn copy_mode_and_owner(file: &File, like: &Metadata) -> io::Result<()> {
    file.set_permissions(like.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; a group the user belongs to may be kept. Best effort.
        let _ = std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid()));
        let _ = std::os::unix::fs::fchown(file, None, Some(like.gid()));
    }
    Ok(())
}

/// Writes a new file at a fresh temporary name beside `target` and renames it over `target`.
/// The rename replaces whatever entry `target` is (a symlink included) without following it.
fn replace_by_rename(
    target: &Path,
    like: Option<&Metadata>,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
    before_rename: impl FnOnce() -> Result<(), SaveError>,
    fail: &dyn Fn(String, io::Error) -> SaveError,
) -> Result<(), SaveError> {
    let tmp = temporary_for(target);
    let result = (|| {
        let dir = folder_of(target);
        let mut file = File::create_new(&tmp)
            .map_err(|e| fail(format!("creating a temporary file in {}", dir.display()), e))?;
        if let Some(like) = like {
            copy_mode_and_owner(&file, like).map_err(|e| fail("keeping the file's permissions".into(), e))?;
        }
        write(&mut file, bytes).map_err(|e| fail("writing".to_owned(), e))?;
        file.sync_all().map_err(|e| fail("flushing to disk".to_owned(), e))?;
        drop(file);
        before_rename()?;
        fs::rename(&tmp, target).map_err(|e| fail("replacing the file".to_owned(), e))?;
        // Make the rename itself durable; not every platform can sync a folder.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The atomic write with the byte-writing step supplied, so tests can make it fail like a full disk.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |step: String, source: io::Error| SaveError::Io { path: path.to_owned(), step, source };
    // A symlink is resolved: its target is what the user means, and the link stays a link.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| fail("following the symbolic link".into(), e))?
        }
        _ => path.to_owned(),
    };
    let existing = fs::metadata(&target).ok();
    match &existing {
        Some(m) if m.is_dir() => {
            return Err(fail("writing".into(), io::Error::other("it is a folder, not a file")));
        }
        // A device or FIFO (e.g. /dev/null, a pipe) is written directly, never replaced.
        Some(m) if !m.is_file() => {
            let mut file =
                fs::OpenOptions::new().write(true).open(&target).map_err(|e| fail("opening".into(), e))?;
            return write(&mut file, bytes).map_err(|e| fail("writing".into(), e));
        }
        _ => {}
    }
    remove_stale_temporaries(&target);
    let backup = || -> Result<(), SaveError> {
        let Some(meta) = existing.as_ref().filter(|_| keep_backup) else { return Ok(()) };
        let bak = backup_path(&target);
        remove_stale_temporaries(&bak);
        let old = fs::read(&target).map_err(|e| fail("reading the previous version".into(), e))?;
        let step = format!("keeping the previous version as {}", bak.display());
        replace_by_rename(&bak, Some(meta), &old, |f, b| f.write_all(b), || Ok(()), &|_, e| {
            fail(step.clone(), e)
        })
    };
    replace_by_rename(&target, existing.as_ref(), bytes, write, backup, &fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn save_replaces_file_and_keeps_previous_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.session.ron");
        write_atomic(&path, b"one").unwrap();
        assert!(!backup_path(&path).exists(), "no backup of nothing");
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn full_disk_leaves_old_file_intact_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.deck.ron");
        fs::write(&path, b"old").unwrap();
        let err = write_atomic_with(&path, b"new", true, |_, _| {
            Err(io::Error::from_raw_os_error(28)) // ENOSPC
        })
        .unwrap_err();
        assert!(err.to_string().contains("writing failed"), "{err}");
        assert!(err.to_string().contains("unchanged"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn missing_folder_reports_the_folder_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("a.deck.ron");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("creating a temporary file in"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn only_our_own_dead_temporaries_count_as_stale() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x"), b"").unwrap();
        let meta = fs::metadata(dir.path().join("x")).unwrap();
        assert!(is_stale_temporary(".a.deck.ron.4000000000-3.tmp", "a.deck.ron", &meta));
        let ours = format!(".a.deck.ron.{}-3.tmp", std::process::id());
        assert!(!is_stale_temporary(&ours, "a.deck.ron", &meta));
        for other in
            [".b.deck.ron.4000000000-3.tmp", ".a.deck.ron.x-3.tmp", "a.deck.ron.tmp", ".a.deck.ron.1-.tmp"]
        {
            assert!(!is_stale_temporary(other, "a.deck.ron", &meta), "{other}");
        }
    }
}
