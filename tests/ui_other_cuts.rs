//! "Other cuts of this card" in the real window: a teammate's cut of the same article passage,
//! with another tag and other highlighting, is found and shown side by side.
#![cfg(feature = "gui")]

mod common;

use casebook::model::{Mark, MarkKind};
use casebook::ui::{PathFor, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_recut_of_the_same_passage_is_offered_and_shown_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = casebook::bundled::deck("asian-nato-aff").unwrap();
    let original = bundled.blocks[0].cards[0].clone();
    let mut theirs = casebook::model::Deck::empty("teammate", "Teammate's cuts", &bundled.resolution);
    theirs.sources = bundled.sources.clone();
    let mut recut = original.clone();
    recut.id = "teammate-recut".into();
    recut.tag = "Teammate's shorter tag on the same passage".into();
    let len = recut.text.chars().count();
    recut.marks = vec![Mark::new(MarkKind::Underline, 0, len), Mark::new(MarkKind::Highlight, 0, 20)];
    theirs.blocks.push(casebook::model::Block::new("Recuts", vec![recut]));
    let path = dir.path().join("teammate.deck.ron");
    casebook::format::save_deck(&theirs, &path).unwrap();

    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::PathGiven(PathFor::OpenDeck, path));
    settle(&mut h);
    h.get_by_label("Library").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    settle(&mut h);
    assert!(
        h.query_all_by_label_contains(&original.tag).count() >= 2,
        "the card is in the list and the reader"
    );
    h.get_by_label("1 other cut in your library").click();
    settle(&mut h);
    h.get_by_label("This card");
    h.get_by_label("Teammate's cuts");
    h.get_by_label("Teammate's shorter tag on the same passage");
}
