//! The command line built without the window (`cargo build --no-default-features`): every command
//! works and gives the same output as the full build, and asking for the window exits 2 with a
//! message saying how to get it.
//!
//! Building a second binary inside a test would take minutes, so `.ci/test` builds it and points
//! `CASEBOOK_NO_GUI_BIN` at it; without that variable these tests say so and pass.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The binary built without the `gui` feature, if `.ci/test` (or the developer) named one.
fn no_gui_bin() -> Option<PathBuf> {
    match std::env::var_os("CASEBOOK_NO_GUI_BIN").filter(|v| !v.is_empty()) {
        Some(path) => Some(PathBuf::from(path)),
        None => {
            eprintln!(
                "note: CASEBOOK_NO_GUI_BIN is not set, so the no-gui binary is not tested here; \
                 .ci/test builds it and sets it"
            );
            None
        }
    }
}

fn run(bin: &PathBuf, args: &[&str]) -> Output {
    Command::new(bin).args(args).output().unwrap_or_else(|e| panic!("run {}: {e}", bin.display()))
}

fn full(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_checks_the_bundled_decks_like_the_full_build() {
    let Some(bin) = no_gui_bin() else { return };
    let out = run(&bin, &["validate", "decks/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("4 files checked, 0 problems"), "{}", stderr(&out));
    assert_eq!(out.stdout, full(&["validate", "decks/"]).stdout);
}

#[test]
fn export_gives_the_same_bytes_as_the_full_build() {
    let Some(bin) = no_gui_bin() else { return };
    for format in ["markdown", "json", "html", "text"] {
        let args = ["export", "decks/asian-nato-aff.deck.ron", "--format", format, "--full"];
        let out = run(&bin, &args);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{format}");
        assert!(out.stdout == full(&args).stdout, "{format}: same bytes as the full build");
    }
}

#[test]
fn merge_works_as_a_git_merge_driver() {
    let Some(bin) = no_gui_bin() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let deck = "decks/asian-nato-neg.deck.ron";
    let out_path = dir.path().join("merged.deck.ron");
    let out = run(&bin, &["merge", deck, deck, deck, "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = casebook::format::load_deck(&out_path).expect("the merged deck loads");
    assert_eq!(merged, casebook::format::load_deck(std::path::Path::new(deck)).unwrap());
}

#[test]
fn the_window_is_refused_with_exit_2_and_says_how_to_get_it() {
    let Some(bin) = no_gui_bin() else { return };
    for args in [&[][..], &["open", "decks/asian-nato-aff.deck.ron"][..]] {
        let out = run(&bin, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
        let message = stderr(&out);
        assert!(message.contains("no window") && message.contains("`gui` feature"), "{args:?}: {message}");
    }
}
