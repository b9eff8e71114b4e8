//! Session files in the real window: save and reopen, bad files, no file dialog, changed decks,
//! crash recovery and quitting with unsaved changes.
#![cfg(feature = "gui")]

mod common;

use std::fs;

use casebook::ui::{Command, PathFor, Request};
use common::ui::{app_in, first_tag, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// Adds the first library card to the current section with the keyboard.
fn add_first_card(h: &mut egui_kittest::Harness<'_, casebook::ui::CasebookApp>) {
    let tag = first_tag(h.state());
    h.get_by_label_contains(&tag).click();
    settle(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(h);
}

#[test]
fn save_then_reopen_gives_the_same_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prep.session.ron");
    let mut h = harness(app_in(dir.path(), vec![Some(path.clone())]));
    add_first_card(&mut h);
    assert!(h.state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(path.exists(), "{}", h.state().status());
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().title(), "prep.session.ron — Casebook");
    let saved = h.state().session().clone();
    assert_eq!(saved.decks[0].path, "bundled:asian-nato-aff");

    let mut again = harness(app_in(dir.path(), vec![]));
    again.state_mut().queue(Request::PathGiven(PathFor::OpenSession, path.clone()));
    settle(&mut again);
    assert_eq!(again.state().session(), &saved);
    assert_eq!(again.state().session_path(), Some(path.as_path()));
    assert!(!again.state().is_dirty());
}

#[test]
fn a_bad_session_file_shows_its_error_and_keeps_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.session.ron");
    fs::write(&bad, "(\n    version: 2,\n    resolution: 7,\n)").unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    add_first_card(&mut h);
    let before = h.state().session().clone();
    h.state_mut().queue(Request::PathGiven(PathFor::OpenSession, bad.clone()));
    settle(&mut h);
    h.get_by_label("Discard changes").click();
    settle(&mut h);
    let shown = h.state().error_shown().expect("an error dialog").to_owned();
    assert!(shown.starts_with(&format!("{}:3:", bad.display())), "{shown}");
    h.get_by_label_contains(&format!("{}:3:", bad.display()));
    assert_eq!(h.state().session(), &before, "the session stays as it was");
    assert!(h.state().is_dirty(), "and still counts as unsaved");
    assert_eq!(fs::read_to_string(&bad).unwrap(), "(\n    version: 2,\n    resolution: 7,\n)");
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(h.state().error_shown().is_none());
}

#[test]
fn without_a_file_dialog_a_path_field_is_offered_and_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![None]));
    add_first_card(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut h);
    h.get_by_label_contains("If no file dialog appeared");
    let field = h.get_by_label("Path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let target = dir.path().join("typed");
    h.get_by_label("Path").type_text(&target.display().to_string());
    settle(&mut h);
    h.get_by_label("OK").click();
    settle(&mut h);
    let saved = dir.path().join("typed.session.ron");
    assert!(saved.exists(), "{}", h.state().status());
    assert_eq!(h.state().session_path(), Some(saved.as_path()));
}

#[test]
fn a_changed_deck_marks_its_cards_and_offers_an_update() {
    let dir = tempfile::tempdir().unwrap();
    let deck_path = dir.path().join("team.deck.ron");
    let mut deck = casebook::bundled::deck("asian-nato-neg").unwrap();
    deck.id = "team-neg".into();
    deck.blocks[0].cards[0].tag = "Team version: China will answer an alliance with pressure".into();
    casebook::format::save_deck(&deck, &deck_path).unwrap();
    let session_path = dir.path().join("prep.session.ron");

    let mut h = harness(app_in(dir.path(), vec![Some(session_path.clone())]));
    h.state_mut().queue(Request::PathGiven(PathFor::OpenDeck, deck_path.clone()));
    settle(&mut h);
    let tag = deck.blocks[0].cards[0].tag.clone();
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text("team version");
    settle(&mut h);
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    // A negative card in the affirmative case is asked about once.
    h.get_by_label("Add anyway").click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = fs::read_to_string(&session_path).unwrap();
    assert!(
        saved.contains("path: \"team.deck.ron\""),
        "deck path saved relative to the session:\n{}",
        &saved[..400]
    );

    // A teammate edits the card's tag.
    deck.blocks[0].cards[0].tag = "A sharper tag".into();
    casebook::format::save_deck(&deck, &deck_path).unwrap();

    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::PathGiven(PathFor::OpenSession, session_path.clone()));
    settle(&mut h);
    h.get_by_label_contains("Changed since this session was saved");
    h.get_by_label_contains("⚠ changed in deck").click();
    settle(&mut h);
    // A long unbreakable URL in the cite once pushed the reader under the library; clicking
    // with the pointer (not accesskit) proves the button is where it is drawn.
    h.get_by_label("Update from deck").click();
    settle(&mut h);
    let casebook::model::Item::Card { card, .. } = &h.state().session().aff.sections[0].items[0] else {
        panic!("card expected")
    };
    assert_eq!(card.tag, "A sharper tag");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    let casebook::model::Item::Card { card, .. } = &h.state().session().aff.sections[0].items[0] else {
        panic!("card expected")
    };
    assert_eq!(card.tag, tag, "the update is undoable");
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    add_first_card(&mut h);
    let unsaved = h.state().session().clone();
    // Losing focus autosaves to the recovery file; then the process "crashes" (is dropped).
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().focused = Some(true);
    settle(&mut h);
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().focused = Some(false);
    settle(&mut h);
    drop(h);

    let mut h = harness(app_in(dir.path(), vec![]));
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Restore").click();
    settle(&mut h);
    assert_eq!(h.state().session(), &unsaved);
    assert!(h.state().is_dirty(), "restored work still needs saving");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    add_first_card(&mut h);
    h.state_mut().queue(Request::Command(Command::Quit));
    settle(&mut h);
    h.get_by_label("Save changes before quitting?");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.query_by_label("Save changes before quitting?").is_none());
    assert!(h.state().is_dirty());
}

#[test]
fn closing_the_window_with_unsaved_changes_is_cancelled_and_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    add_first_card(&mut h);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the close is held back");
    settle(&mut h);
    h.get_by_label("Save changes before quitting?");
    h.get_by_label("Quit without saving").click();
    settle(&mut h);
    assert!(
        !dir.path().join("recovery/recovery.session.ron").exists(),
        "a deliberate discard leaves no recovery file"
    );
}
