//! Case rows (#11.10): the short cite and the card's side on each row, a question before adding
//! another side's card or a card the case already has, the grip that drags its row, and "1 card".
#![cfg(feature = "gui")]

mod common;

use casebook::model::{Item, Side};
use casebook::ui::{Command, Request};
use common::ui::{app_in, drag_and_drop, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn first_card_of_side(app: &casebook::ui::CasebookApp, side: Side) -> (String, String) {
    let deck = app.decks().iter().find(|d| d.cards().any(|c| c.side == side)).unwrap();
    let card = deck.cards().find(|c| c.side == side).unwrap();
    let source = deck.source(&card.source).unwrap();
    (card.tag.clone(), format!("{} {}", source.cite_name(), source.cite_year()))
}

#[test]
fn a_negative_card_in_the_affirmative_case_asks_first_and_one_click_adds_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let (tag, cite) = first_card_of_side(h.state(), Side::Neg);
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text(&tag);
    settle(&mut h);
    h.get_by_label_contains(&tag).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    h.get_by_label("Add this card?");
    h.get_by_label_contains("is a neg card; this is the aff case");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.state().session().aff.sections[0].items.is_empty(), "cancel adds nothing");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    h.get_by_label("Add anyway").click();
    settle(&mut h);
    assert_eq!(h.state().session().aff.sections[0].items.len(), 1);
    // The row names the side and the short cite, and the section counts "1 card".
    h.get_by_label(&format!("N  {tag} — {cite}"));
    assert!(h.get_all_by_label_contains("1 card ·").count() >= 2, "the case and the section");
    assert!(h.query_by_label_contains("1 cards").is_none());
    // Adding it again warns that the case already has it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("is already in the aff case");
}

#[test]
fn the_grip_drags_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    let ids = |h: &egui_kittest::Harness<'_, casebook::ui::CasebookApp>| common::ui::aff_items(h.state(), 1);
    let before = ids(&h);
    let third = match &h.state().session().aff.sections[1].items[2] {
        Item::Card { card, .. } => card.tag.clone(),
        Item::Analytic { text, .. } => text.clone(),
    };
    let first = match &h.state().session().aff.sections[1].items[0] {
        Item::Card { card, .. } => card.tag.clone(),
        Item::Analytic { text, .. } => text.clone(),
    };
    let from = h.get_by_label(&format!("Drag {third}")).rect().center();
    let to = h.get_by_label(&format!("Drag {first}")).rect().center();
    drag_and_drop(&mut h, from, to);
    let mut expected = before.clone();
    let moved = expected.remove(2);
    expected.insert(0, moved);
    assert_eq!(ids(&h), expected);
}

#[test]
fn a_dialog_opened_again_with_other_content_is_never_drawn_in_the_wrong_place() {
    use casebook::ui::PathFor;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let short = dir.path().join("a.session.ron");
    h.state_mut().queue(Request::PathGiven(PathFor::OpenSession, short));
    settle(&mut h);
    h.get_by_label("OK").click();
    settle(&mut h);
    // The same dialog, much taller content: every frame that shows it shows it where it ends up.
    let long = dir.path().join(format!("{}.session.ron", "very-long-name-".repeat(30)));
    h.state_mut().queue(Request::PathGiven(PathFor::OpenSession, long));
    let mut seen = Vec::new();
    for _ in 0..6 {
        h.step();
        if let Some(ok) = h.query_by_label("OK") {
            seen.push(ok.rect());
        }
    }
    assert!(!seen.is_empty());
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "the dialog moved: {seen:?}");
}
