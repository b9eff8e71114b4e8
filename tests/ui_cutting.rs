//! Cutting and marking cards in the real window: a card cut from a bundled source is verbatim,
//! F9/F10/F11/F12 mark the selected text, tags are edited, and every step undoes.
#![cfg(feature = "gui")]

mod common;

use casebook::model::{MarkKind, verbatim};
use casebook::ui::{CARD_TEXT_ID, SOURCE_TEXT_ID};
use common::ui::{app_in, harness, select_text, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn cutting_a_passage_from_a_bundled_source_gives_a_verbatim_card_in_an_editable_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let normalized = common::ui::open_kim_source(&mut h);
    let source = casebook::bundled::SOURCE_TEXTS.iter().find(|s| s.id == "kim-2025").unwrap();
    let tag_field = h.get_by_label("Tag for the new card");
    tag_field.focus();
    h.get_by_label("Tag for the new card").type_text("SEATO was symbolic and Western-dominated");
    settle(&mut h);
    let wanted = "Yet it had more of a symbolic function.";
    let byte = normalized.find(wanted).unwrap();
    let start = normalized[..byte].chars().count();
    // A sloppy selection: starts on the space before, ends in the next sentence's first word;
    // Cut trims the space and leaves the fragment out.
    let after = normalized[byte + wanted.len()..].chars().take_while(|c| c.is_whitespace()).count();
    h.get_by_label("Source text").focus();
    settle(&mut h);
    select_text(&h.ctx, SOURCE_TEXT_ID, start - 1, start + wanted.chars().count() + after + 2);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::X);
    settle(&mut h);

    let deck = &h.state().decks()[0];
    let card = deck.cards().find(|c| c.tag == "SEATO was symbolic and Western-dominated").expect("card cut");
    assert_eq!(card.text, wanted, "{}", h.state().status());
    assert!(verbatim::is_verbatim(&card.text, source.text));
    assert_eq!(card.source, "kim-2025");
    assert!(card.cut_from.is_some(), "the card remembers where it came from");
    let copy = dir.path().join("recovery/decks/asian-nato-aff.deck.ron");
    let saved = casebook::format::load_deck(&copy).expect("bundled deck copied and saved");
    assert!(saved.cards().any(|c| c.text == wanted));
    h.get_by_label_contains("your edits to");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(!h.state().decks()[0].cards().any(|c| c.text == wanted), "cutting undoes");
    let saved = casebook::format::load_deck(&copy).unwrap();
    assert!(!saved.cards().any(|c| c.text == wanted), "and the deck file follows");
}

/// Selects the first library card and opens the card editor on it; returns its tag.
fn edit_first_card(h: &mut egui_kittest::Harness<'_, casebook::ui::CasebookApp>) -> String {
    let tag = h.state().decks()[0].blocks[0].cards[0].tag.clone();
    h.get_by_label_contains(&tag).click();
    settle(h);
    h.get_by_label("Edit card").click();
    settle(h);
    tag
}

#[test]
fn f9_f10_f11_f12_mark_the_selected_text_and_each_step_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    edit_first_card(&mut h);
    let card = |h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>| {
        h.state().decks()[0].blocks[0].cards[0].clone()
    };
    let original = card(&h);
    let has = |c: &casebook::model::Card, kind: MarkKind, s: usize, e: usize| {
        c.marks.iter().any(|m| m.kind == kind && m.start <= s && e <= m.end)
    };
    // Characters 60..70 of the first card are not marked at all.
    assert!(!original.marks.iter().any(|m| m.start < 70 && 60 < m.end));
    let mut states = vec![original.clone()];
    for (key, kind) in
        [(Key::F9, MarkKind::Underline), (Key::F11, MarkKind::Highlight), (Key::F10, MarkKind::Emphasis)]
    {
        h.get_by_label("Card text").focus();
        settle(&mut h);
        select_text(&h.ctx, CARD_TEXT_ID, 60, 70);
        h.key_press(key);
        settle(&mut h);
        assert!(has(&card(&h), kind, 60, 70), "{kind:?}: {}", h.state().status());
        states.push(card(&h));
    }
    h.get_by_label("Card text").focus();
    settle(&mut h);
    select_text(&h.ctx, CARD_TEXT_ID, 60, 70);
    h.key_press(Key::F12);
    settle(&mut h);
    assert!(!card(&h).marks.iter().any(|m| m.start < 70 && 60 < m.end), "F12 clears every mark there");
    h.get_by_label_contains("highlighted words ·");
    for expected in states.iter().rev() {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        settle(&mut h);
        assert_eq!(card(&h).marks, expected.marks);
    }
    assert_eq!(card(&h).text, original.text, "marking never touches the quote");
}

#[test]
fn editing_a_tag_commits_on_leaving_the_field_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let tag = edit_first_card(&mut h);
    h.get_by_label("Tag").focus();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Tag").type_text("Hub-and-spoke cannot act jointly");
    settle(&mut h);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert_eq!(h.state().decks()[0].blocks[0].cards[0].tag, "Hub-and-spoke cannot act jointly");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().decks()[0].blocks[0].cards[0].tag, tag);
}

#[test]
fn editing_a_cite_changes_the_deck_source_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let tag = h.state().decks()[0].blocks[0].cards[0].tag.clone();
    let source_id = h.state().decks()[0].blocks[0].cards[0].source.clone();
    let title = |h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>| {
        h.state().decks()[0].source(&source_id).unwrap().title.clone()
    };
    let before = title(&h);
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    h.get_by_label("Edit card").click();
    settle(&mut h);
    h.get_by_label("Edit cite").click();
    settle(&mut h);
    h.get_by_label("Title").focus();
    settle(&mut h);
    h.key_press(Key::End);
    h.get_by_label("Title").type_text(" (updated)");
    settle(&mut h);
    h.get_by_label("Apply cite").click();
    settle(&mut h);
    assert_eq!(title(&h), format!("{before} (updated)"));
    h.get_by_label_contains(&format!("{before} (updated)"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(title(&h), before);
}

#[test]
fn duplicating_a_card_adds_a_copy_under_a_fresh_id_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    edit_first_card(&mut h);
    let original = h.state().decks()[0].blocks[0].cards[0].clone();
    h.get_by_label("Duplicate").click();
    settle(&mut h);
    let copy = h.state().decks()[0].blocks[0].cards[1].clone();
    assert_eq!(copy.id, format!("{}-2", original.id));
    assert_eq!((copy.tag, copy.text), (original.tag.clone(), original.text.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(h.state().decks()[0].card(&format!("{}-2", original.id)).is_none());
}
