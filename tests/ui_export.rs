//! File → Export… in the real window: choices, a preview that is the exported text, and the file.
#![cfg(feature = "gui")]

mod common;

use casebook::ui::{Command, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn export_dialog_previews_the_outline_and_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("1ac.html");
    let mut h = harness(app_in(dir.path(), vec![Some(out.clone())]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut h);
    h.get_by_label("Export the session");
    let first_tag = match &h.state().session().aff.sections[1].items[0] {
        casebook::model::Item::Card { card, .. } => card.tag.clone(),
        casebook::model::Item::Analytic { .. } => panic!("card expected"),
    };
    let preview = h.get_by_label("Preview").value().unwrap_or_default();
    assert!(preview.contains(&first_tag), "the Markdown outline lists the tags");
    assert!(preview.contains("1AC: An Asian collective defense alliance"));

    h.get_by_label("Format").click();
    settle(&mut h);
    h.get_by_label("HTML, printable (.html)").click();
    settle(&mut h);
    h.get_by_label("Case").click();
    settle(&mut h);
    h.get_by_label("Affirmative case only").click();
    settle(&mut h);
    let preview = h.get_by_label("Preview").value().unwrap_or_default();
    assert!(preview.starts_with("<!DOCTYPE html>"), "{}", &preview[..40.min(preview.len())]);
    assert!(!preview.contains("1NC"), "affirmative only");

    h.get_by_label("Export…").click();
    settle(&mut h);
    let written = std::fs::read_to_string(&out).expect("export written");
    assert_eq!(written, preview, "the preview is exactly what is written");
    assert!(h.state().status().starts_with("Exported html to"), "{}", h.state().status());
}
