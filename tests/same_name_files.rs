//! Debaters keep dozens of Word files called `1NC.docx`: a file is told apart by where it is and
//! what it holds, never by its name alone. `casebook import` never replaces a deck it did not
//! write from the same file, unedited since (#22.1); the file sizes are checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use casebook::export::{ExportOptions, ExportSide, Format, Target, export};

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

/// A Word file holding bundled deck `id`, written at `path` (its folders made).
fn word_file(path: &Path, id: &str) -> PathBuf {
    let deck = casebook::bundled::deck(id).expect("bundled deck");
    let options = ExportOptions { side: ExportSide::Both, full: true, wpm: None, answers: false };
    let bytes = export(Format::Docx, Target::Deck(&deck), &options).expect("exported");
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
    std::fs::write(path, bytes).expect("written");
    path.to_owned()
}

fn import(file: &Path, out: &Path) -> String {
    let run = casebook(&["import", &file.to_string_lossy(), "-o", &out.to_string_lossy()]);
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(run.status.success(), "{said}{}", String::from_utf8_lossy(&run.stderr));
    said
}

#[test]
fn cli_import_of_a_different_file_of_the_same_name_gets_its_own_deck_and_the_first_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("decks");
    std::fs::create_dir(&out).unwrap();
    let first = word_file(&dir.path().join("camp/1nc.docx"), "asian-nato-neg");
    let second = word_file(&dir.path().join("tournament/1nc.docx"), "asian-nato-aff");
    import(&first, &out);
    let deck = out.join("1nc.deck.ron");
    let before = std::fs::read(&deck).unwrap();
    let said = import(&second, &out);
    assert!(said.contains("1nc-2.deck.ron") && said.contains("new deck id \"1nc-2\""), "{said}");
    assert_eq!(std::fs::read(&deck).unwrap(), before, "the first file's deck is untouched");
    let two = casebook::format::load_deck(&out.join("1nc-2.deck.ron")).unwrap();
    assert_eq!(two.id, "1nc-2");
    let aff = casebook::bundled::deck("asian-nato-aff").unwrap();
    assert_eq!(two.card_count(), aff.card_count());
    assert_eq!(casebook::format::load_deck(&deck).unwrap().card_count(), {
        casebook::bundled::deck("asian-nato-neg").unwrap().card_count()
    });
}

#[test]
fn cli_reimport_of_the_same_file_replaces_its_own_deck_only_while_it_is_unedited() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("decks");
    std::fs::create_dir(&out).unwrap();
    let file = word_file(&dir.path().join("1nc.docx"), "asian-nato-neg");
    import(&file, &out);
    let deck = out.join("1nc.deck.ron");

    // The teammate updates the Word file: its own unedited import is replaced.
    word_file(&file, "asian-nato-neg-answers");
    let said = import(&file, &out);
    assert!(said.contains("replaced this file's earlier import"), "{said}");
    assert!(!out.join("1nc-2.deck.ron").exists());
    let answers = casebook::bundled::deck("asian-nato-neg-answers").unwrap();
    assert_eq!(casebook::format::load_deck(&deck).unwrap().card_count(), answers.card_count());

    // The debater edits the imported deck; the next import of the file never replaces it.
    let mut edited = casebook::format::load_deck(&deck).unwrap();
    edited.blocks[0].cards[0].tag = "My sharper tag".into();
    casebook::format::save_deck(&edited, &deck).unwrap();
    let before = std::fs::read(&deck).unwrap();
    let said = import(&file, &out);
    assert!(said.contains("1nc-2.deck.ron") && said.contains("holds your edits"), "{said}");
    assert_eq!(std::fs::read(&deck).unwrap(), before, "the edited deck keeps every byte");
}

#[test]
fn cli_import_never_writes_through_a_link_at_the_decks_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("decks");
    std::fs::create_dir(&out).unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "not yours").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, out.join("1nc.deck.ron")).unwrap();
    let file = word_file(&dir.path().join("1nc.docx"), "asian-nato-neg");
    let said = import(&file, &out);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "not yours");
    #[cfg(unix)]
    assert!(said.contains("1nc-2.deck.ron"), "{said}");
}

#[test]
fn cli_search_finds_the_cards_of_two_same_named_files_in_two_folders() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    word_file(&team.join("2025/1nc.docx"), "asian-nato-neg");
    word_file(&team.join("2026/1nc.docx"), "asian-nato-aff");
    let neg = casebook::bundled::deck("asian-nato-neg").unwrap().blocks[0].cards[0].tag.clone();
    let aff = casebook::bundled::deck("asian-nato-aff").unwrap().blocks[0].cards[0].tag.clone();
    for tag in [neg, aff] {
        let run = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["search", &format!("tag:\"{tag}\""), "--library", &team.to_string_lossy()])
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .output()
            .expect("run casebook");
        let said = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success() && said.contains(&tag),
            "{said}{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

#[test]
fn cli_search_shows_exact_copies_in_other_files_as_one_hit() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    let first = word_file(&team.join("2025/1nc.docx"), "asian-nato-neg");
    std::fs::create_dir_all(team.join("2026")).unwrap();
    std::fs::copy(&first, team.join("2026/1nc.docx")).unwrap();
    let tag = casebook::bundled::deck("asian-nato-neg").unwrap().blocks[0].cards[0].tag.clone();
    let run = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["search", &format!("tag:\"{tag}\""), "--library", &team.to_string_lossy()])
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .output()
        .expect("run casebook");
    let said = String::from_utf8_lossy(&run.stdout);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("also in 1 file: 2026/1nc.docx") || said.contains("also in 1 file: 2025/1nc.docx"),
        "{said}"
    );
}
