//! `casebook merge` as a real git merge driver: two branches edit one deck and `git merge` runs
//! the driver configured as the README says.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use casebook::format::{deck_to_string, load_deck, save_deck};
use casebook::model::{Block, Deck};

/// Runs git in `dir`, isolated from the user's and the system's configuration.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("run git")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(out.status.success(), "git {args:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository whose `team.deck.ron` (four cards in two blocks) is committed on `main`, with
/// the Casebook merge driver set up as the README documents.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    fs::create_dir(&root).unwrap();
    ok(&root, &["init", "-q", "-b", "main"]);
    ok(&root, &["config", "user.name", "Test Debater"]);
    ok(&root, &["config", "user.email", "debater@example.org"]);
    ok(&root, &["config", "commit.gpgsign", "false"]);
    ok(&root, &["config", "merge.casebook.name", "Casebook card-level deck merge"]);
    let driver = format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_casebook"));
    ok(&root, &["config", "merge.casebook.driver", &driver]);
    fs::write(root.join(".gitattributes"), "*.deck.ron merge=casebook\n").unwrap();
    let mut deck = common::deck();
    deck.blocks = vec![
        Block {
            title: "Hub-and-spoke is inadequate".into(),
            cards: vec![common::card("a1"), common::card("a2")],
            ..Default::default()
        },
        Block {
            title: "Answers to: SEATO failed".into(),
            cards: vec![common::card("b1"), common::card("b2")],
            ..Default::default()
        },
    ];
    save_deck(&deck, &root.join("team.deck.ron")).unwrap();
    fs::remove_file(root.join("team.deck.ron.bak")).ok();
    ok(&root, &["add", "."]);
    ok(&root, &["commit", "-q", "-m", "Shared deck"]);
    (dir, root)
}

/// Changes the tag of card `id` in the repository's deck and commits it on the current branch.
fn commit_edit(root: &Path, id: &str, tag: &str) {
    let path = root.join("team.deck.ron");
    let mut deck: Deck = load_deck(&path).unwrap();
    let card = deck.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()).find(|c| c.id == id).unwrap();
    card.tag = tag.into();
    fs::write(&path, deck_to_string(&deck).unwrap()).unwrap();
    ok(root, &["commit", "-q", "-am", &format!("Edit {id}")]);
}

#[test]
fn git_merge_runs_the_driver_and_keeps_both_teammates_edits() {
    let (_dir, root) = repo();
    ok(&root, &["checkout", "-q", "-b", "teammate"]);
    commit_edit(&root, "b2", "Their sharper tag");
    ok(&root, &["checkout", "-q", "main"]);
    commit_edit(&root, "a1", "My sharper tag");
    let out = git(&root, &["merge", "--no-edit", "teammate"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}\n{}", String::from_utf8_lossy(&out.stdout));
    let deck = load_deck(&root.join("team.deck.ron")).unwrap();
    assert_eq!(deck.card("a1").unwrap().tag, "My sharper tag");
    assert_eq!(deck.card("b2").unwrap().tag, "Their sharper tag");
    assert_eq!(deck.card_count(), 4);
    assert_eq!(ok(&root, &["status", "--porcelain"]), "", "merged, committed, nothing left over");
}

#[test]
fn git_merge_of_one_card_edited_on_both_branches_is_a_conflict_with_both_versions_kept() {
    let (_dir, root) = repo();
    ok(&root, &["checkout", "-q", "-b", "teammate"]);
    commit_edit(&root, "a2", "Their reading of the card");
    ok(&root, &["checkout", "-q", "main"]);
    commit_edit(&root, "a2", "My reading of the card");
    let out = git(&root, &["merge", "--no-edit", "teammate"]);
    assert!(!out.status.success(), "git must stop for the conflict");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("CONFLICT"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = fs::read_to_string(root.join("team.deck.ron")).unwrap();
    assert!(!text.contains("<<<<<<<"), "no text conflict markers: the file stays a deck");
    let deck = load_deck(&root.join("team.deck.ron")).unwrap();
    assert_eq!(deck.card_count(), 5);
    let mine = deck.card("a2").unwrap();
    let theirs = deck.card("a2~theirs").unwrap();
    assert_eq!(mine.tag, "My reading of the card");
    assert_eq!(theirs.tag, "Their reading of the card");
    assert_eq!(mine.conflict.as_ref().unwrap().with, "a2~theirs");
    assert_eq!(theirs.conflict.as_ref().unwrap().with, "a2");
    assert!(ok(&root, &["status", "--porcelain"]).contains("UU team.deck.ron"));
}

#[test]
fn git_merge_with_a_broken_deck_on_one_branch_fails_and_leaves_ours_untouched() {
    let (_dir, root) = repo();
    ok(&root, &["checkout", "-q", "-b", "teammate"]);
    fs::write(root.join("team.deck.ron"), "(\n    version: 3,\n    id: \"team\",\n    title: 7,\n)\n")
        .unwrap();
    ok(&root, &["commit", "-q", "-am", "Broken deck"]);
    ok(&root, &["checkout", "-q", "main"]);
    commit_edit(&root, "a1", "My sharper tag");
    let ours = fs::read(root.join("team.deck.ron")).unwrap();
    let out = git(&root, &["merge", "--no-edit", "teammate"]);
    assert!(!out.status.success());
    assert_eq!(fs::read(root.join("team.deck.ron")).unwrap(), ours, "nothing half-merged is written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(":4:") && stderr.contains("nothing merged"), "{stderr}");
}

#[test]
fn git_merge_of_a_deck_both_branches_created_merges_both_sets_of_cards() {
    let (_dir, root) = repo();
    let new_deck = |id: &str| {
        let mut d = common::deck();
        d.id = "new-deck".into();
        d.blocks = vec![Block::new("Fresh research", vec![common::card(id)])];
        d
    };
    ok(&root, &["checkout", "-q", "-b", "teammate"]);
    fs::write(root.join("new.deck.ron"), deck_to_string(&new_deck("theirs-card")).unwrap()).unwrap();
    ok(&root, &["add", "new.deck.ron"]);
    ok(&root, &["commit", "-q", "-m", "Their new deck"]);
    ok(&root, &["checkout", "-q", "main"]);
    fs::write(root.join("new.deck.ron"), deck_to_string(&new_deck("my-card")).unwrap()).unwrap();
    ok(&root, &["add", "new.deck.ron"]);
    ok(&root, &["commit", "-q", "-m", "My new deck"]);
    let out = git(&root, &["merge", "--no-edit", "teammate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let deck = load_deck(&root.join("new.deck.ron")).unwrap();
    let mut ids: Vec<&str> = deck.cards().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["my-card", "theirs-card"], "git gave the driver an empty base: both count as added");
}
