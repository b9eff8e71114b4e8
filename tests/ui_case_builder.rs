//! Building cases in the real window (egui_kittest): listing and filtering the library, adding
//! cards by click, keyboard and drag, reordering, undo and redo.
#![cfg(feature = "gui")]

mod common;

use casebook::model::Item;
use common::ui::{app_in, drag_and_drop, first_tag, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

fn items(app: &casebook::ui::CasebookApp, aff: bool, section: usize) -> Vec<String> {
    let case = if aff { &app.session().aff } else { &app.session().neg };
    case.sections[section]
        .items
        .iter()
        .map(|i| match i {
            Item::Card { card, .. } => card.id.clone(),
            Item::Analytic { text, .. } => format!("analytic: {text}"),
        })
        .collect()
}

#[test]
fn bundled_decks_are_listed_with_their_cards() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let n: usize = h.state().decks().iter().map(|d| d.card_count()).sum();
    h.get_by_label(&format!("{n} of {n} cards"));
    h.get_by_label_contains(&first_tag(h.state()));
    // Collapse each deck in turn: the next deck's heading comes into view.
    let titles: Vec<String> = h.state().decks().iter().map(|d| d.title.clone()).collect();
    for title in &titles {
        h.get_by_label_contains(title).click();
        settle(&mut h);
    }
    assert!(h.query_by_label_contains(&first_tag(h.state())).is_none(), "collapsed deck hides its cards");
    for title in &titles {
        h.get_by_label_contains(title);
    }
}

#[test]
fn typing_in_search_narrows_the_library_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let search = h.get_by_label("Library");
    search.focus();
    search.type_text("seato");
    settle(&mut h);
    let total: usize = h.state().decks().iter().map(|d| d.card_count()).sum();
    let shown =
        h.get_by_label_contains(&format!(" of {total} cards")).accesskit_node().value().unwrap_or_default();
    let n: usize = shown.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 0 && n < total, "{shown}");
    h.get_by_label("Library").type_text(" zzzz");
    settle(&mut h);
    h.get_by_label(&format!("0 of {total} cards"));
}

#[test]
fn cards_go_into_both_cases_by_click_and_by_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let tag = first_tag(h.state());
    let id = h.state().decks()[0].blocks[0].cards[0].id.clone();
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    h.get_by_label("Add to Affirmative: Contention 1").click();
    settle(&mut h);
    assert_eq!(items(h.state(), true, 0), vec![id.clone()]);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    // An affirmative card in the negative case is asked about once.
    h.get_by_label("Add anyway").click();
    settle(&mut h);
    assert_eq!(items(h.state(), false, 0), vec![id]);
    assert!(h.state().is_dirty());
    assert!(h.state().title().contains("•"), "unsaved marker in the title");
}

#[test]
fn a_card_dragged_from_the_library_lands_in_either_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let tag = first_tag(h.state());
    let from = h.get_by_label_contains(&tag).rect().center();
    let to = h.get_by_label_contains("drop cards here").rect().center();
    drag_and_drop(&mut h, from, to);
    assert_eq!(items(h.state(), true, 0).len(), 1, "{}", h.state().status());

    // And into the negative case.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    settle(&mut h);
    let to = h.get_by_label_contains("drop cards here").rect().center();
    drag_and_drop(&mut h, from, to);
    h.get_by_label("Add anyway").click();
    settle(&mut h);
    assert_eq!(items(h.state(), false, 0).len(), 1, "{}", h.state().status());
}

#[test]
fn dragging_an_item_onto_another_moves_it_there_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(casebook::ui::Request::Command(casebook::ui::Command::OpenExample));
    settle(&mut h);
    let before = items(h.state(), true, 1);
    let tag_of = |h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>, i: usize| match &h
        .state()
        .session()
        .aff
        .sections[1]
        .items[i]
    {
        Item::Card { card, .. } => card.tag.clone(),
        Item::Analytic { .. } => panic!("card expected"),
    };
    let (third, first) = (tag_of(&h, 2), tag_of(&h, 0));
    let starts = common::ui::case_row;
    let from = h.get_by(starts(third)).rect().center();
    let to = h.get_by(starts(first)).rect().center();
    drag_and_drop(&mut h, from, to);
    let after = items(h.state(), true, 1);
    let mut expected = before.clone();
    let moved = expected.remove(2);
    expected.insert(0, moved);
    assert_eq!(after, expected);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(items(h.state(), true, 1), before, "one undo step reverts the drag");
}

#[test]
fn sections_and_items_reorder_by_button_and_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.get_by_label("Add section").click();
    settle(&mut h);
    h.key_press(Key::Enter);
    settle(&mut h);
    let titles = |h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>| {
        h.state().session().aff.sections.iter().map(|s| s.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(titles(&h), vec!["Contention 1", "Contention 2"]);
    h.get_by_label("Move section Contention 2 up").click();
    settle(&mut h);
    assert_eq!(titles(&h), vec!["Contention 2", "Contention 1"]);

    // Two cards into the current section, then move the second up with Alt+Up.
    for d in 0..2 {
        let tag = h.state().decks()[0].blocks[d].cards[0].tag.clone();
        h.get_by_label_contains(&tag).click();
        settle(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        settle(&mut h);
    }
    let before = items(h.state(), true, 0);
    assert_eq!(before.len(), 2);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    settle(&mut h);
    assert_eq!(items(h.state(), true, 0), vec![before[1].clone(), before[0].clone()]);
}

#[test]
fn undo_and_redo_restore_exact_states() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let start = h.state().session().clone();
    let mut states = vec![start.clone()];
    let tag = first_tag(h.state());
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    states.push(h.state().session().clone());
    h.get_by_label("Add analytic").click();
    settle(&mut h);
    h.key_press(Key::Escape);
    settle(&mut h);
    states.push(h.state().session().clone());
    h.get_by_label("Remove New analytic").click();
    settle(&mut h);
    states.push(h.state().session().clone());
    assert_eq!(states.len(), 4);
    assert_ne!(states[3], states[2]);

    for expected in states.iter().rev().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        settle(&mut h);
        assert_eq!(h.state().session(), expected);
    }
    assert!(!h.state().is_dirty(), "back at the start: nothing unsaved");
    for expected in states.iter().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        settle(&mut h);
        assert_eq!(h.state().session(), expected);
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    settle(&mut h);
    assert_eq!(h.state().session(), &states[3], "Ctrl+Y redoes too");
}

#[test]
fn palette_runs_a_command_and_f1_lists_shortcuts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    settle(&mut h);
    h.get_by_label("Command").type_text("negative case");
    settle(&mut h);
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label("Off 1");
    h.key_press(Key::F1);
    settle(&mut h);
    assert!(h.get_all_by_label("Keyboard shortcuts").count() >= 1);
    assert_eq!(h.get_all_by_label("Add card to section").count(), 2, "in the list and on the case panel");
    h.get_by_label("Ctrl+Enter");
}

#[test]
fn session_notes_are_edited_in_the_case_panel_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.get_by_label("Session notes").click();
    settle(&mut h);
    h.get_by_label("Notes (opponents, judges, reminders)").focus();
    h.get_by_label("Notes (opponents, judges, reminders)").type_text("Judge prefers slow delivery");
    settle(&mut h);
    h.key_press(Key::Escape);
    settle(&mut h);
    assert_eq!(h.state().session().notes, "Judge prefers slow delivery");
    assert!(h.state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().notes, "");
}
