//! Gestures in the real window: a drag of a value is one undo step, and a case selection (held by
//! identity) survives edits above it and their undo.
#![cfg(feature = "gui")]

mod common;

use casebook::model::Item;
use casebook::ui::{Command, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn dragging_the_speech_length_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let before = h.state().session().aff.speech_seconds;
    let value = h.get_by_label("Speech length").rect().center();
    h.drag_at(value);
    h.run_steps(2);
    for step in 1..=8 {
        h.hover_at(value + egui::vec2(step as f32 * 6.0, 0.0));
        h.run_steps(1);
    }
    h.drop_at(value + egui::vec2(48.0, 0.0));
    settle(&mut h);
    let after = h.state().session().aff.speech_seconds;
    assert!(after > before, "the drag changed the speech length ({before} → {after})");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().aff.speech_seconds, before, "one undo reverts the whole drag");
    assert!(!h.state().is_dirty());
}

fn card_ids(h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>, section: usize) -> Vec<String> {
    common::ui::aff_items(h.state(), section)
}

#[test]
fn the_selected_item_stays_selected_through_an_edit_above_it_and_its_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    let before = card_ids(&h, 1);
    assert!(before.len() >= 3);
    let third = match &h.state().session().aff.sections[1].items[2] {
        Item::Card { card, .. } => card.tag.clone(),
        Item::Analytic { text, .. } => format!("✏ {text}"),
    };
    h.get_by(common::ui::case_row(third)).click();
    settle(&mut h);
    // Remove the first item of the section (above the selection), then undo it.
    let first = match &h.state().session().aff.sections[1].items[0] {
        Item::Card { card, .. } => card.tag.clone(),
        Item::Analytic { text, .. } => text.clone(),
    };
    h.get_by_label(&format!("Remove {first}")).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(card_ids(&h, 1), before);
    // The selection still names the third item: removing "the selected item" removes it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Delete);
    settle(&mut h);
    let mut expected = before.clone();
    expected.remove(2);
    assert_eq!(card_ids(&h, 1), expected, "{}", h.state().status());
}
