//! What a debater hit in the first hour (#11), each reproduced in the real window.
#![cfg(feature = "gui")]

mod common;

use casebook::ui::{Command, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn the_export_format_list_still_opens_after_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("1ac.md");
    let mut h = harness(app_in(dir.path(), vec![Some(out.clone())]));
    open_export_dialog(&mut h);
    h.get_by_label("Format").click();
    settle(&mut h);
    h.get_by_label("Markdown (.md)").click();
    settle(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    assert!(out.exists(), "{}", h.state().status());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut h);
    h.get_by_label("Format").click();
    settle(&mut h);
    h.get_by_label("Card JSON (.json)").click();
    settle(&mut h);
    assert!(h.get_by_label("Preview").value().unwrap_or_default().trim_start().starts_with('{'));
}

#[test]
fn the_export_format_list_opens_again_after_exporting_with_it_open() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("1ac.md");
    let mut h = harness(app_in(dir.path(), vec![Some(out.clone())]));
    open_export_dialog(&mut h);
    h.get_by_label("Format").click();
    settle(&mut h);
    h.key_press(Key::Escape);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut h);
    h.get_by_label("Format").focus();
    settle(&mut h);
    h.key_press(Key::Space);
    settle(&mut h);
    h.get_by_label("Card JSON (.json)").click();
    settle(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    assert!(out.exists(), "{}", h.state().status());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut h);
    h.get_by_label("Format").click();
    settle(&mut h);
    h.get_by_label("Markdown (.md)").click();
    settle(&mut h);
    assert!(h.get_by_label("Preview").value().unwrap_or_default().contains("# "));
}

fn open_export_dialog(h: &mut egui_kittest::Harness<'_, casebook::ui::CasebookApp>) {
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(h);
}

#[test]
fn exporting_without_a_file_dialog_offers_the_path_field_and_writes_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![None]));
    open_export_dialog(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    h.get_by_label("Export to");
    let out = dir.path().join("typed.md");
    h.get_by_label("Path").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path").type_text(&out.display().to_string());
    settle(&mut h);
    h.get_by_label("OK").click();
    settle(&mut h);
    let written = std::fs::read_to_string(&out).expect("written where typed");
    assert!(written.contains("1AC"), "{written}");
    assert!(h.state().status().starts_with("Exported"), "{}", h.state().status());
}

#[test]
fn cancelling_a_real_file_dialog_asks_nothing_more_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = common::ui::app_with_picks(dir.path(), vec![casebook::ui::Picked::Cancelled]);
    let mut h = harness(app);
    open_export_dialog(&mut h);
    h.get_by_label("Export…").click();
    settle(&mut h);
    assert!(h.query_by_label("Export to").is_none(), "no second dialog after a cancel");
    assert!(h.query_by_label("Export the session").is_none());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().filter(|e| e.as_ref().unwrap().path().is_file()).count(),
        0
    );
    assert_eq!(h.state().status(), "Cancelled.");
}

#[test]
fn opening_the_example_over_unsaved_work_asks_first_and_keeps_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let tag = common::ui::first_tag(h.state());
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    // Losing focus writes the recovery file.
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().focused = Some(false);
    settle(&mut h);
    let recovery = dir.path().join("recovery/recovery.session.ron");
    assert!(recovery.exists());
    let unsaved = h.state().session().clone();
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    h.get_by_label("Discard unsaved changes?");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(h.state().session(), &unsaved, "cancel keeps the work");
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    h.get_by_label("Discard changes").click();
    settle(&mut h);
    assert_ne!(h.state().session(), &unsaved);
    assert!(recovery.exists(), "the recovery file goes only after a save or an explicit discard");
}

#[test]
fn selecting_a_passage_then_typing_the_tag_still_cuts_that_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let normalized = common::ui::open_kim_source(&mut h);
    let wanted = "Yet it had more of a symbolic function.";
    let start = normalized[..normalized.find(wanted).unwrap()].chars().count();
    h.get_by_label("Source text").focus();
    settle(&mut h);
    common::ui::select_text(&h.ctx, casebook::ui::SOURCE_TEXT_ID, start, start + wanted.chars().count());
    settle(&mut h);
    h.get_by_label_contains("Selected: 8 words");
    // Clicking the tag field takes the selection away from the source text.
    h.get_by_label("Tag for the new card").focus();
    common::ui::select_text(&h.ctx, casebook::ui::SOURCE_TEXT_ID, 0, 0);
    settle(&mut h);
    h.get_by_label("Tag for the new card").type_text("SEATO was symbolic");
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::X);
    settle(&mut h);
    let card = h.state().decks()[0].cards().find(|c| c.tag == "SEATO was symbolic").expect("cut");
    assert_eq!(card.text, wanted, "{}", h.state().status());
}
