//! Files of the same name (#22.1): a different `1nc.docx` imported or found in a library folder
//! is a deck of its own, never a review that deletes, and nothing is deleted without a click.

use std::path::{Path, PathBuf};

use super::file_job::finish_reading as finish;
use super::{Desk, Intent, fresh_session};
use crate::export::{ExportOptions, ExportSide, Format, Target, export};

/// A Word file holding bundled deck `id`, written at `path` (its folders made).
fn word_file(path: &Path, id: &str) -> PathBuf {
    let deck = crate::bundled::deck(id).unwrap();
    let options = ExportOptions { side: ExportSide::Both, full: true, wpm: None, answers: false };
    let bytes = export(Format::Docx, Target::Deck(&deck), &options).unwrap();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
    path.to_owned()
}

fn card_count(id: &str) -> usize {
    crate::bundled::deck(id).unwrap().card_count()
}

#[test]
fn a_different_word_file_of_the_same_name_imports_as_a_deck_of_its_own_with_no_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::new(dir.path().join("data"), fresh_session());
    let first = word_file(&dir.path().join("camp/1nc.docx"), "asian-nato-neg");
    desk.apply(Intent::ImportWordFiles(vec![first]));
    finish(&mut desk);
    let saved = desk.user_deck_dir().join("1nc.deck.ron");
    let before = std::fs::read(&saved).unwrap();
    let reviews = desk.reviews().len();

    let second = word_file(&dir.path().join("tournament/1nc.docx"), "asian-nato-aff");
    desk.apply(Intent::ImportWordFiles(vec![second]));
    finish(&mut desk);
    let line = desk.word_import().unwrap().lines()[0].result.clone().unwrap();
    assert!(line.contains("a deck of its own") && line.contains("1nc-2.deck.ron"), "{line}");
    assert_eq!(desk.reviews().len(), reviews, "no review of another file's cards");
    assert_eq!(std::fs::read(&saved).unwrap(), before, "the first deck's file keeps every byte");
    let count = |id: &str| desk.decks().iter().find(|d| d.id == id).map(|d| d.card_count());
    assert_eq!(count("1nc"), Some(card_count("asian-nato-neg")));
    assert_eq!(count("1nc-2"), Some(card_count("asian-nato-aff")));
}

#[test]
fn a_version_of_the_same_document_is_reviewed_with_no_deletion_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::new(dir.path().join("data"), fresh_session());
    let file = word_file(&dir.path().join("1nc.docx"), "asian-nato-neg");
    desk.apply(Intent::ImportWordFiles(vec![file.clone()]));
    finish(&mut desk);
    // The same document, one card fewer: a version of it.
    let mut deck = crate::bundled::deck("asian-nato-neg").unwrap();
    deck.blocks[0].cards.pop();
    let options = ExportOptions { side: ExportSide::Both, full: true, wpm: None, answers: false };
    std::fs::write(&file, export(Format::Docx, Target::Deck(&deck), &options).unwrap()).unwrap();
    desk.apply(Intent::ImportWordFiles(vec![file]));
    finish(&mut desk);
    let review = desk.reviews().last().expect("a version of the same document is reviewed");
    let choices = crate::merge::review::default_choices(&review.changes);
    assert!(review.changes.iter().any(|c| matches!(c, crate::merge::review::CardChange::Removed { .. })));
    for (change, ticked) in review.changes.iter().zip(choices) {
        if matches!(change, crate::merge::review::CardChange::Removed { .. }) {
            assert!(!ticked, "a deletion is never pre-ticked");
        }
    }
}

#[test]
fn two_same_named_word_files_in_two_library_folders_are_both_indexed_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    word_file(&team.join("2025/camp/1nc.docx"), "asian-nato-neg");
    word_file(&team.join("2026/states/1nc.docx"), "asian-nato-aff");
    let mine = dir.path().join("mine");
    word_file(&mine.join("1nc.docx"), "asian-nato-neg-answers");
    let mut desk = Desk::new(dir.path().join("data"), fresh_session());
    desk.apply(Intent::ScanLibrary(vec![team.clone(), mine.clone()]));
    finish(&mut desk);
    let lines = desk.word_import().unwrap().lines();
    assert!(lines.iter().all(|l| l.result.as_ref().is_ok_and(|r| !r.contains("not loaded"))), "{lines:?}");
    let ids: Vec<String> = desk
        .index()
        .segments()
        .iter()
        .map(|s| s.deck_id.clone())
        .filter(|id| id.starts_with("1nc-"))
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let bundled: usize = crate::bundled::decks().into_iter().flatten().map(|d| d.card_count()).sum();
    let files =
        card_count("asian-nato-neg") + card_count("asian-nato-aff") + card_count("asian-nato-neg-answers");
    assert_eq!(desk.index().len(), bundled + files);

    // Each file's id stays the same while it stays where it is, whatever it holds.
    let again = crate::workspace::library_deck_options(&team, &team.join("2025/camp/1nc.docx")).id;
    assert!(ids.contains(&again));
    assert_ne!(again, crate::workspace::library_deck_options(&team, &team.join("2026/states/1nc.docx")).id);
    // A card of each is found by search and opens from its own file.
    let aff_tag = crate::bundled::deck("asian-nato-aff").unwrap().blocks[0].cards[0].tag.clone();
    let hits = desk
        .index()
        .filter(&crate::search::Filter { query: format!("tag:\"{aff_tag}\""), ..Default::default() });
    assert!(!hits.is_empty(), "the second 1nc.docx is searchable");
}

#[test]
fn a_moved_word_file_keeps_its_cards_ids_now_and_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    let before = word_file(&team.join("2025/camp/1nc.docx"), "asian-nato-neg");
    let data = dir.path().join("data");
    let id_of = |desk: &Desk| {
        let ids: Vec<&str> = desk.index().segments().iter().map(|s| s.deck_id.as_str()).collect();
        ids.into_iter().find(|id| id.starts_with("1nc-")).map(str::to_owned)
    };
    let mut desk = Desk::new(&data, fresh_session());
    desk.apply(Intent::ScanLibrary(vec![team.clone()]));
    finish(&mut desk);
    let id = id_of(&desk).expect("indexed");
    assert_eq!(id, crate::workspace::library_deck_options(&team, &before).id);

    // Moved to another folder while the window is open: the same cards, the same ids.
    let after = team.join("archive/1nc.docx");
    std::fs::create_dir_all(after.parent().unwrap()).unwrap();
    std::fs::rename(&before, &after).unwrap();
    desk.apply(Intent::RefreshLibrary(vec![team.clone()]));
    finish(&mut desk);
    assert_eq!(id_of(&desk).as_deref(), Some(id.as_str()), "moved, same id");
    assert_ne!(id, crate::workspace::library_deck_options(&team, &after).id, "not its new place's id");

    // After a restart too; and a second copy beside it is a deck of its own.
    std::fs::copy(&after, team.join("archive/copy of 1nc.docx")).unwrap();
    let mut again = Desk::new(&data, fresh_session());
    again.apply(Intent::ScanLibrary(vec![team.clone()]));
    finish(&mut again);
    let ids: Vec<String> = again.index().segments().iter().map(|s| s.deck_id.clone()).collect();
    assert!(ids.contains(&id), "{ids:?}");
    assert_eq!(
        ids.iter().filter(|i| i.starts_with("1nc-") || i.starts_with("copy-of-1nc-")).count(),
        2,
        "{ids:?}"
    );
}
