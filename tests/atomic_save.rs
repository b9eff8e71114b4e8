//! Atomic saves against a real read-only folder: the old file stays, no temp file is left, and the
//! error says what failed.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Makes a folder read-only for this process, and writable again on drop. Root ignores permission
/// bits, so as root the folder is also made immutable (`chattr +i`), which binds root too.
struct ReadOnly(PathBuf, bool);

impl ReadOnly {
    fn new(dir: &Path) -> Self {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = dir.join("probe");
        let root = fs::write(&probe, b"").is_ok();
        if root {
            fs::remove_file(&probe).unwrap();
            let ok = Command::new("chattr").arg("+i").arg(dir).status().is_ok_and(|s| s.success());
            assert!(ok, "running as root: `chattr +i` is needed to make a folder read-only for root");
            assert!(fs::write(&probe, b"").is_err(), "folder is still writable");
        }
        ReadOnly(dir.to_owned(), root)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.1 {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        }
        let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn saving_into_a_read_only_folder_keeps_the_old_file_and_says_why() {
    // In the target folder, on a real disk: `chattr +i` does not work on every tmpfs.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("prep.session.ron");
    casebook::format::save_session(&common::session(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    let names_before: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();

    let mut changed = common::session();
    changed.notes = "changed".into();
    let guard = ReadOnly::new(dir.path());
    let err = casebook::format::save_session(&changed, &path).unwrap_err().to_string();
    drop(guard);

    assert!(err.contains("creating a temporary file in"), "{err}");
    assert!(err.contains("unchanged"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before, "old file intact");
    let names_after: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names_after, names_before, "no temp or backup file left behind");
}
