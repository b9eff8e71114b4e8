//! Atomic saves: write a temporary file in the same folder, fsync, keep a `.bak` of the previous
//! version, then rename over the target. A failure at any step leaves the old file intact and
//! removes the temporary file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::SaveError;

static COUNTER: AtomicU64 = AtomicU64::new(0);

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

/// The atomic write with the byte-writing step supplied, so tests can make it fail like a full disk.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |step: String, source: io::Error| SaveError::Io { path: path.to_owned(), step, source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp =
        dir.join(format!(".{name}.{}-{}.tmp", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    let result = (|| {
        let mut file = File::create_new(&tmp)
            .map_err(|e| fail(format!("creating a temporary file in {}", dir.display()), e))?;
        write(&mut file, bytes).map_err(|e| fail("writing".to_owned(), e))?;
        file.sync_all().map_err(|e| fail("flushing to disk".to_owned(), e))?;
        drop(file);
        if keep_backup && path.exists() {
            let bak = backup_path(path);
            fs::copy(path, &bak)
                .map_err(|e| fail(format!("keeping the previous version as {}", bak.display()), e))?;
        }
        fs::rename(&tmp, path).map_err(|e| fail("replacing the file".to_owned(), e))?;
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
}
