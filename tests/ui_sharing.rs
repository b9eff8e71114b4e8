//! Sharing decks in the real window: a teammate's version of a loaded deck opens as an import
//! review, accepting some changes keeps the rest retrievable, and a team folder is watched.
#![cfg(feature = "gui")]

mod common;

use casebook::ui::{PathFor, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// Their version of the bundled aff-answers deck: first card retagged, a card added, last removed.
fn teammates_version() -> casebook::model::Deck {
    let mut deck = casebook::bundled::deck("asian-nato-aff-answers").unwrap();
    deck.blocks[0].cards[0].tag = "Teammate's sharper tag".into();
    let mut added = deck.blocks[0].cards[1].clone();
    added.id = "teammate-new-card".into();
    added.tag = "Teammate's new card".into();
    deck.blocks[0].cards.push(added);
    let last = deck.blocks.len() - 1;
    deck.blocks[last].cards.pop();
    deck
}

#[test]
fn a_teammates_deck_opens_as_a_review_with_deletions_unticked_and_what_is_not_taken_stays_retrievable() {
    let dir = tempfile::tempdir().unwrap();
    let theirs = teammates_version();
    let path = dir.path().join("from-chat.deck.ron");
    casebook::format::save_deck(&theirs, &path).unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    let index = h.state().decks().iter().position(|d| d.id == theirs.id).unwrap();
    let before = h.state().decks()[index].clone();
    let removed_tag = before.blocks.last().unwrap().cards.last().unwrap().tag.clone();

    h.state_mut().queue(Request::PathGiven(PathFor::OpenDeck, path));
    settle(&mut h);
    h.get_by_label_contains("Changes in");
    h.get_by_label("Changed by them: Teammate's sharper tag");
    h.get_by_label("New in “Answers to: SEATO failed”: Teammate's new card");
    // Their deletion is offered unticked: nothing is deleted without a click on it.
    h.get_by_label(&format!("Deleted by them (tick to delete yours): {removed_tag}"));
    h.get_by_label("Accept ticked").click();
    settle(&mut h);

    let now = &h.state().decks()[index];
    assert_eq!(now.blocks[0].cards[0].tag, "Teammate's sharper tag");
    assert!(now.card("teammate-new-card").is_some());
    assert!(now.cards().any(|c| c.tag == removed_tag), "the deletion was not taken");
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("recovery/rejected")).unwrap().collect();
    assert_eq!(kept.len(), 1, "their whole file is kept for what was not taken");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().decks()[index], before, "taking changes is one undo step");
}

#[test]
fn a_deck_changed_in_the_team_folder_is_noticed_and_offered_for_review() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::PathGiven(PathFor::TeamFolder, team.clone()));
    settle(&mut h);
    // A teammate's sync drops their version in.
    casebook::format::save_deck(&teammates_version(), &team.join("aff-answers.deck.ron")).unwrap();
    let mut seen = false;
    for _ in 0..60 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.run_steps(1);
        if h.query_by_label_contains("Changes in").is_some() {
            seen = true;
            break;
        }
    }
    assert!(seen, "the change is offered within seconds");
    h.get_by_label("Accept all new and changed").click();
    settle(&mut h);
    assert!(h.state().decks().iter().any(|d| d.card("teammate-new-card").is_some()));
    let removed = casebook::bundled::deck("asian-nato-aff-answers").unwrap();
    let removed = removed.blocks.last().unwrap().cards.last().unwrap().id.clone();
    assert!(
        h.state().decks().iter().any(|d| d.card(&removed).is_some()),
        "accepting all never deletes a card the user did not tick"
    );
}
