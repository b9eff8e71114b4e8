//! Keyboard use (#11.9): library steps work from the search box, the case has a keyboard
//! selection, Ctrl+F selects the old query and keeps every key typed after it, the palette
//! scrolls, and Tab skips the library rows.
#![cfg(feature = "gui")]

mod common;

use casebook::ui::{Command, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn ctrl_down_steps_through_results_while_the_search_box_has_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text("seato");
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    settle(&mut h);
    h.get_by_label_contains("highlighted words");
    assert_eq!(h.get_by_label("Library").value().as_deref(), Some("seato"), "the query is untouched");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    assert_eq!(h.state().session().aff.sections[0].items.len(), 1, "{}", h.state().status());
}

#[test]
fn ctrl_f_selects_the_old_query_so_typing_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text("seato");
    settle(&mut h);
    h.get_by_label("Affirmative").click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.get_by_label("Library").type_text("quad");
    settle(&mut h);
    assert_eq!(h.get_by_label("Library").value().as_deref(), Some("quad"));
}

fn ids(h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>) -> Vec<String> {
    let sections = h.state().session().aff.sections.len();
    (0..sections).flat_map(|s| common::ui::aff_items(h.state(), s)).collect()
}

#[test]
fn the_case_has_a_keyboard_selection_for_remove_and_move() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    let before = ids(&h);
    let alt_ctrl = Modifiers::COMMAND | Modifiers::ALT;
    for _ in 0..4 {
        h.key_press_modifiers(alt_ctrl, Key::ArrowDown);
        settle(&mut h);
    }
    h.key_press_modifiers(alt_ctrl, Key::ArrowUp);
    settle(&mut h);
    // The third item (the second of its section) is selected: move it up, then remove it.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    settle(&mut h);
    let mut expected = before.clone();
    expected.swap(1, 2);
    assert_eq!(ids(&h), expected, "{}", h.state().status());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Delete);
    settle(&mut h);
    expected.remove(1);
    assert_eq!(ids(&h), expected);
}

#[test]
fn the_palette_list_scrolls_inside_a_small_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1000.0, 480.0))
        .build_ui_state(|ui, app: &mut casebook::ui::CasebookApp| app.show(ui), app_in(dir.path(), vec![]));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    settle(&mut h);
    let window = h.ctx.content_rect();
    let last = casebook::ui::COMMANDS.iter().rev().find(|r| r.command != Command::Palette).unwrap().label;
    for _ in 0..casebook::ui::COMMANDS.len() {
        h.key_press(Key::ArrowDown);
        h.run_steps(1);
    }
    settle(&mut h);
    let node = h.get_by_label(last);
    assert!(node.rect().bottom() <= window.bottom() + 1.0, "the list scrolled to the last command");
}

#[test]
fn tab_from_the_search_box_skips_the_library_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.get_by_label("Library").focus();
    settle(&mut h);
    h.key_press(Key::Tab);
    settle(&mut h);
    let tag = common::ui::first_tag(h.state());
    let row = h.get_by_label_contains(&tag);
    assert!(!row.is_focused(), "Tab lands on a filter, not a card row");
}
