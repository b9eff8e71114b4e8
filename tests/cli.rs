//! The command line as a user or script runs it: exit codes, `path:line:col` lines, JSON export.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A folder with the common deck and a session pointing at it.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    casebook::format::save_deck(&common::deck(), &dir.path().join("test.deck.ron")).unwrap();
    casebook::format::save_session(&common::session(), &dir.path().join("prep.session.ron")).unwrap();
    dir
}

#[test]
fn validate_accepts_a_folder_of_valid_files_with_exit_0() {
    let dir = workspace();
    let out = casebook(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 files checked, 0 problems"));
}

#[test]
fn validate_reports_each_problem_as_path_line_col_with_exit_1() {
    let dir = workspace();
    let bad = dir.path().join("bad.deck.ron");
    fs::write(&bad, "(\n    version: 2,\n    id: 7,\n)").unwrap();
    let other = dir.path().join("notes.txt");
    fs::write(&other, "hello").unwrap();
    let out = casebook(&["validate", dir.path().to_str().unwrap(), other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines.iter().any(|l| l.starts_with(&format!("{}:3:", bad.display()))), "{text}");
    assert!(lines.iter().any(|l| l.contains("notes.txt:1:1: not a Casebook file")), "{text}");
}

#[test]
fn validate_reports_a_session_whose_deck_is_missing_or_lost_a_card() {
    let dir = workspace();
    let mut deck = common::deck();
    deck.blocks[1].cards.clear();
    casebook::format::save_deck(&deck, &dir.path().join("test.deck.ron")).unwrap();
    let out = casebook(&["validate", dir.path().join("prep.session.ron").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("card \"kim-seato-lessons\" is no longer in deck \"test-aff\""));
    fs::remove_file(dir.path().join("test.deck.ron")).unwrap();
    let out = casebook(&["validate", dir.path().join("prep.session.ron").to_str().unwrap()]);
    assert!(stdout(&out).contains("deck \"test-aff\" at \"test.deck.ron\": "), "{}", stdout(&out));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(casebook(&["validate"]).status.code(), Some(2));
    assert_eq!(casebook(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(casebook(&["export", "x.deck.ron", "--format", "pdf"]).status.code(), Some(2));
}

#[test]
fn export_json_of_a_deck_lists_cards_with_cites_marks_and_highlighted_words() {
    let dir = workspace();
    let out = casebook(&["export", dir.path().join("test.deck.ron").to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cards = v["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 2);
    let c = &cards[0];
    assert_eq!(c["id"], "kim-disjointed");
    assert_eq!(c["deck"], "test-aff");
    assert_eq!(c["side"], "aff");
    assert_eq!(c["labels"][0], "hub-and-spoke");
    assert_eq!(c["cite"]["authors"][0]["name"], "Ju Hyung Kim");
    assert_eq!(c["cite"]["date"], "2025-08-29");
    assert_eq!(c["highlighted"], "these structures are disjointed at best");
    assert_eq!(c["marks"][0], serde_json::json!({"kind": "underline", "start": 4, "end": 43}));
    let text: Vec<char> = c["text"].as_str().unwrap().chars().collect();
    let marked: String = text[4..43].iter().collect();
    assert_eq!(marked, "these structures are disjointed at best", "offsets are in characters");
    assert!(v.get("cases").is_none());
}

#[test]
fn export_json_of_a_session_adds_cases_and_writes_output_atomically() {
    let dir = workspace();
    let out_path = dir.path().join("out.json");
    fs::write(&out_path, "old").unwrap();
    let out = casebook(&[
        "export",
        dir.path().join("prep.session.ron").to_str().unwrap(),
        "--format",
        "json",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&out_path).unwrap()).unwrap();
    assert_eq!(v["cards"].as_array().unwrap().len(), 2);
    assert_eq!(v["cases"][0]["side"], "aff");
    assert_eq!(v["cases"][0]["sections"][0]["items"][0], serde_json::json!({"card": "kim-disjointed"}));
    assert_eq!(
        v["cases"][0]["sections"][0]["items"][1],
        serde_json::json!({"analytic": "Only a collective alliance can act jointly."})
    );
    assert_eq!(v["cases"][1]["side"], "neg");
}

#[test]
fn export_of_a_bad_file_exits_1_and_leaves_no_output_file() {
    let dir = workspace();
    let bad = dir.path().join("bad.deck.ron");
    fs::write(&bad, "(version: 2").unwrap();
    let out_path = dir.path().join("out.json");
    let out =
        casebook(&["export", bad.to_str().unwrap(), "--format", "json", "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.deck.ron:1:"));
    assert!(!out_path.exists());
    assert!(!Path::new(&format!("{}.bak", out_path.display())).exists());
}

#[test]
fn validate_accepts_the_bundled_decks_and_example_session() {
    let out = casebook(&["validate", "decks", "assets/examples"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 files checked, 0 problems"));
}

#[test]
fn export_json_of_each_bundled_deck_lists_every_card_with_its_cite() {
    for (name, _) in casebook::bundled::DECK_FILES {
        let path = format!("decks/{name}");
        let deck = casebook::format::load_deck(Path::new(&path)).unwrap();
        let out = casebook(&["export", &path, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let cards = v["cards"].as_array().unwrap();
        assert_eq!(cards.len(), deck.card_count(), "{name}");
        for c in cards {
            assert!(!c["cite"]["title"].as_str().unwrap().is_empty(), "{}", c["id"]);
            assert!(!c["cite"]["publication"].as_str().unwrap().is_empty(), "{}", c["id"]);
            assert!(c["cite"]["url"].as_str().unwrap().starts_with("https://"), "{}", c["id"]);
            assert!(!c["highlighted"].as_str().unwrap().is_empty());
        }
    }
}

/// Base, ours and theirs deck files in a folder: ours retags the first card, theirs the second
/// (or also the first, when `clash`).
fn merge_inputs(clash: bool) -> (tempfile::TempDir, [std::path::PathBuf; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let base = common::deck();
    let mut ours = base.clone();
    ours.blocks[0].cards[0].tag = "Ours".into();
    let mut theirs = base.clone();
    theirs.blocks[usize::from(!clash)].cards[0].tag = "Theirs".into();
    let paths = ["base", "ours", "theirs"].map(|n| dir.path().join(format!("{n}.deck.ron")));
    for (deck, path) in [base, ours, theirs].iter().zip(&paths) {
        fs::write(path, casebook::format::deck_to_string(deck).unwrap()).unwrap();
    }
    (dir, paths)
}

#[test]
fn merge_writes_a_clean_merge_into_ours_with_exit_0() {
    let (dir, [base, ours, theirs]) = merge_inputs(false);
    let out = casebook(&["merge", base.to_str().unwrap(), ours.to_str().unwrap(), theirs.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let merged = casebook::format::load_deck(&ours).unwrap();
    assert_eq!(merged.blocks[0].cards[0].tag, "Ours");
    assert_eq!(merged.blocks[1].cards[0].tag, "Theirs");
    let names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names.len(), 3, "no backup or temporary file is left: {names:?}");
}

#[test]
fn merge_with_a_conflict_writes_a_valid_deck_to_output_and_exits_1() {
    let (dir, [base, ours, theirs]) = merge_inputs(true);
    let before = fs::read(&ours).unwrap();
    let out_path = dir.path().join("merged.deck.ron");
    let args = [base.to_str().unwrap(), ours.to_str().unwrap(), theirs.to_str().unwrap()];
    let out = casebook(&["merge", args[0], args[1], args[2], "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kept both versions"));
    assert_eq!(fs::read(&ours).unwrap(), before, "with -o, ours is left alone");
    let merged = casebook::format::load_deck(&out_path).unwrap();
    assert_eq!(merged.blocks[0].cards.len(), 2);
    assert_eq!(merged.blocks[0].cards[1].id, "kim-disjointed~theirs");
}

#[test]
fn merge_with_a_file_that_does_not_load_writes_nothing_and_exits_2() {
    let (_dir, [base, ours, theirs]) = merge_inputs(false);
    fs::write(&theirs, "(\n    version: 3,\n    id: 7,\n)").unwrap();
    let before = fs::read(&ours).unwrap();
    let out = casebook(&["merge", base.to_str().unwrap(), ours.to_str().unwrap(), theirs.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}:3:", theirs.display())), "{stderr}");
    assert_eq!(fs::read(&ours).unwrap(), before);
    assert_eq!(casebook(&["merge", base.to_str().unwrap()]).status.code(), Some(2), "usage");
}

#[test]
fn validate_lint_warns_at_the_card_line_without_failing() {
    let dir = tempfile::tempdir().unwrap();
    let mut deck = common::deck();
    let card = &mut deck.blocks[0].cards[0];
    card.text = format!("These challenges are real. {}", card.text);
    card.marks = vec![casebook::model::Mark::highlight(casebook::model::HighlightColour::Yellow, 0, 16)];
    let id = card.id.clone();
    let path = dir.path().join("test-aff.deck.ron");
    casebook::format::save_deck(&deck, &path).unwrap();
    let o = casebook(&["validate", "--lint", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "warnings do not fail: {}", stdout(&o));
    let text = fs::read_to_string(&path).unwrap();
    let line = text.lines().position(|l| l.contains(&format!("id: {id:?}"))).unwrap() + 1;
    let out = stdout(&o);
    let expected = format!(
        "{}:{line}:1: warning: card {id:?}: the read-aloud text opens on “these”, which refers to something not read",
        path.display()
    );
    assert!(out.lines().any(|l| l == expected), "{out}");
    assert!(
        out.contains("warning: card") && out.contains("highlighted text outside the underlining"),
        "{out}"
    );
    // Without --lint the same deck is simply valid.
    let plain = casebook(&["validate", path.to_str().unwrap()]);
    assert_eq!((plain.status.code(), stdout(&plain)), (Some(0), String::new()));
}
