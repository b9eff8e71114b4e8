//! A library folder as teams really have them (#14.7): folders that cannot be read, links that
//! loop, a 500 MB file. Each gives a clear message naming it, nothing panics, and the search still
//! answers from every good file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn search(cache: &Path, folders: &[&Path], query: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casebook"));
    cmd.args(["search", query]).env("XDG_CACHE_HOME", cache);
    for f in folders {
        cmd.arg("--library").arg(f);
    }
    cmd.output().expect("run casebook")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn hits(o: &Output) -> usize {
    String::from_utf8_lossy(&o.stdout).lines().count()
}

/// A folder holding one good deck whose first tag holds "Zanzibar".
fn good_folder(dir: &Path) -> PathBuf {
    let folder = dir.join("team");
    std::fs::create_dir_all(&folder).unwrap();
    let mut deck = casebook::bundled::deck("asian-nato-neg").unwrap();
    deck.id = "team-good".into();
    deck.blocks[0].cards[0].tag = "Zanzibar is the good card".into();
    casebook::format::save_deck(&deck, &folder.join("good.deck.ron")).unwrap();
    folder
}

#[test]
fn a_missing_folder_and_a_file_given_as_a_folder_are_named_and_the_rest_is_searched() {
    let dir = tempfile::tempdir().unwrap();
    let folder = good_folder(dir.path());
    let missing = dir.path().join("no such folder");
    let file = folder.join("good.deck.ron");
    let o = search(&dir.path().join("cache"), &[&missing, &file, &folder], "zanzibar");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(hits(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("no such folder: cannot read folder"), "{err}");
    assert!(err.contains("good.deck.ron: cannot read folder"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_links_that_point_at_each_other_end_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let folder = good_folder(dir.path());
    std::os::unix::fs::symlink(&folder, folder.join("back-to-the-top")).unwrap();
    std::os::unix::fs::symlink(folder.join("b.docx"), folder.join("a.docx")).unwrap();
    std::os::unix::fs::symlink(folder.join("a.docx"), folder.join("b.docx")).unwrap();
    let o = search(&dir.path().join("cache"), &[&folder], "zanzibar");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(hits(&o), 1, "the good deck once, not once per loop");
    let err = stderr(&o);
    assert!(err.contains("a folder loop"), "{err}");
    assert!(err.contains("a.docx") && err.contains("b.docx"), "each looping link is named: {err}");
}

#[test]
fn a_500_mb_word_file_and_deck_file_are_refused_unread_and_the_rest_is_searched() {
    let dir = tempfile::tempdir().unwrap();
    let folder = good_folder(dir.path());
    // Sparse: 500 MB long without using the disk.
    for name in ["huge.docx", "huge.deck.ron"] {
        let f = std::fs::File::create(folder.join(name)).unwrap();
        f.set_len(500 * 1024 * 1024).unwrap();
    }
    let o = search(&dir.path().join("cache"), &[&folder], "zanzibar");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(hits(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("huge.docx") && err.contains("larger than"), "{err}");
    assert!(err.contains("huge.deck.ron") && err.contains("larger than"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
