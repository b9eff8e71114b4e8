//! The round in the window (#15): a round made from the dialog, three cards sent with the
//! backtick key (one undo step each), read mode with its cursor and marks (and no edits), the
//! clocks from the keyboard with typed times, alerts and prep kept with the round, a marked doc
//! exported through its profile, and the disclosure written.
#![cfg(feature = "gui")]

mod common;

use std::path::PathBuf;

use casebook::model::Item;
use casebook::model::read_aloud::read_words;
use casebook::ui::CasebookApp;
use common::ui::{app_in, settle};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

/// A desktop-size window whose frames are a quarter second apart (the clocks run on them).
fn window(dir: &std::path::Path, picks: Vec<Option<PathBuf>>) -> Harness<'static, CasebookApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(0.25)
        .build_ui_state(|ui, app: &mut CasebookApp| app.show(ui), app_in(dir, picks));
    settle(&mut h);
    h
}

/// Round → New round… from its key, filled in and created.
fn new_round(h: &mut Harness<'static, CasebookApp>) {
    h.key_press_modifiers(CTRL_SHIFT, Key::R);
    settle(h);
    h.get_by_label("Tournament").focus();
    h.get_by_label("Tournament").type_text("Harvard");
    h.get_by_label("Round name").focus();
    h.get_by_label("Round name").type_text("R3");
    h.get_by_label("Opponent").focus();
    h.get_by_label("Opponent").type_text("Lexington AB");
    settle(h);
    h.get_by_label("Create round").click();
    settle(h);
}

fn speech_cards(app: &CasebookApp, speech: usize) -> Vec<String> {
    let doc = &app.session().rounds[0].speeches[speech];
    doc.sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|i| match i {
            Item::Card { card, .. } => Some(card.id.clone()),
            Item::Analytic { .. } => None,
        })
        .collect()
}

/// Selects the next three library cards and sends each with the backtick.
fn send_three(h: &mut Harness<'static, CasebookApp>) -> Vec<String> {
    let mut sent = Vec::new();
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
        settle(h);
        sent.push(h.state().selection_card().expect("a library card is selected").card);
        h.key_press(Key::Backtick);
        settle(h);
    }
    sent
}

#[test]
fn three_cards_sent_with_the_backtick_key_land_in_order_and_undo_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![]);
    new_round(&mut h);
    assert_eq!(h.state().session().rounds.len(), 1, "{}", h.state().status());
    assert_eq!(h.state().session().rounds[0].label(), "Harvard R3 vs Lexington AB");
    h.get_by_label_contains("1AC · Harvard R3 vs Lexington AB");
    let sent = send_three(&mut h);
    assert_eq!(speech_cards(h.state(), 0), sent, "{}", h.state().status());
    assert!(h.state().status().contains("to the 1AC"), "{}", h.state().status());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(speech_cards(h.state(), 0), sent[..2], "one send is one undo step");
    // The next speech is one key away, and a send goes there.
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::ALT, Key::Backtick);
    settle(&mut h);
    assert_eq!(speech_cards(h.state(), 1), [sent[2].clone()], "Alt+` sent the selected card to the 1NC");
}

#[test]
fn read_mode_marks_the_word_where_reading_stopped_with_the_clock_and_takes_no_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![]);
    new_round(&mut h);
    send_three(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    h.run_steps(40);
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    settle(&mut h);
    h.get_by_label_contains("Reading the 1AC");
    h.get_by_label_contains("left to read");
    for _ in 0..3 {
        h.key_press(Key::ArrowRight);
    }
    h.key_press(Key::Space);
    settle(&mut h);
    let doc = &h.state().session().rounds[0].speeches[0];
    assert_eq!(doc.marked.len(), 1, "{}", h.state().status());
    let Item::Card { card, .. } = &doc.sections[0].items[0] else { panic!("a card") };
    assert_eq!(doc.marked[0].card, card.id);
    assert_eq!(doc.marked[0].offset, read_words(card)[2].1, "after the third read word");
    assert!((10..=15).contains(&doc.marked[0].at_seconds), "{}", doc.marked[0].at_seconds);
    h.get_by_label_contains("[MARKED 0:1");
    // Edits wait until read mode ends.
    let before = h.state().session().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press(Key::Backtick);
    settle(&mut h);
    assert_eq!(h.state().session(), &before);
    assert!(h.state().status().contains("Read mode"), "{}", h.state().status());
    h.key_press(Key::Escape);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(
        h.state().session().rounds[0].speeches[0].marked.is_empty(),
        "after read mode, Undo takes the mark"
    );
}

#[test]
fn a_marked_doc_exports_from_its_dialog_cut_at_the_mark_and_the_round_discloses() {
    let dir = tempfile::tempdir().unwrap();
    let doc_path = dir.path().join("marked");
    let disclosure = dir.path().join("cites");
    let mut h = window(dir.path(), vec![Some(doc_path.clone()), Some(disclosure.clone())]);
    new_round(&mut h);
    send_three(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    settle(&mut h);
    h.key_press(Key::ArrowRight);
    h.key_press(Key::Enter);
    h.key_press(Key::Escape);
    settle(&mut h);
    h.key_press_modifiers(CTRL_SHIFT, Key::E);
    settle(&mut h);
    h.get_by_label_contains("Marked doc").click_accesskit();
    settle(&mut h);
    h.get_by_label("Format").click();
    settle(&mut h);
    h.get_by_label("Markdown (.md)").click();
    settle(&mut h);
    h.get_by_label_contains("This marked doc: removed the rest of 1 card after the mark");
    h.get_by_label_contains("File name: Speech 1AC Harvard R3 vs Lexington AB.md");
    h.get_by_label("Export…").click();
    settle(&mut h);
    let written = std::fs::read_to_string(doc_path.with_extension("md"))
        .unwrap_or_else(|_| panic!("{}", h.state().status()));
    assert!(written.contains("[MARKED 0:00]"), "{written}");
    h.state_mut().queue(casebook::ui::Request::Command(casebook::ui::Command::Disclose));
    settle(&mut h);
    let cites = std::fs::read_to_string(disclosure.with_extension("md"))
        .unwrap_or_else(|_| panic!("{}", h.state().status()));
    assert!(cites.contains("1AC"), "{cites}");
    assert!(h.state().status().contains("Aff-Harvard-Round3.docx"), "{}", h.state().status());
}

#[test]
fn the_clocks_run_from_the_keyboard_take_typed_times_flash_alerts_and_keep_prep() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![]);
    new_round(&mut h);
    h.get_by_label_contains("1AC clock 8:00");
    // Typed time: Ctrl+T, "015", Enter sets the speech clock.
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    settle(&mut h);
    h.get_by_label("Set").type_text("015");
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("1AC clock 0:15");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    h.run_steps(24);
    h.get_by_label_contains("Speech clock: 0:10 left");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    settle(&mut h);
    // Our prep for 30 seconds, then theirs for 10: stopping records both with the round.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run_steps(120);
    h.key_press_modifiers(CTRL_SHIFT, Key::P);
    h.run_steps(40);
    h.key_press_modifiers(CTRL_SHIFT, Key::P);
    settle(&mut h);
    let prep = h.state().session().rounds[0].prep_used;
    assert!((30..=32).contains(&prep[0]) && (10..=12).contains(&prep[1]), "{prep:?}");
    assert!(h.state().is_dirty());
    h.key_press_modifiers(CTRL_SHIFT, Key::Space);
    settle(&mut h);
    h.get_by_label_contains("1NC clock 8:00");
}
