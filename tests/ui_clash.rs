//! The clash map in the window (#16.2): opened from its key for the example session's cases, it
//! reads the same counts as the domain computes; an argument's answers show when it is
//! selected; a library card linked from the candidates makes the argument covered; the case
//! builder's line says how many positions are open.
#![cfg(feature = "gui")]

mod common;

use casebook::clash::Coverage;
use casebook::model::CaseSide;
use casebook::ui::{Command, Request};
use common::ui::{app_in, harness, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn the_clash_map_of_the_example_cases_reads_the_domain_counts_and_the_case_builder_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    settle(&mut h);
    let (against, map) = h.state().desk().clash(CaseSide::Aff.into()).expect("the aff case").clone();
    let summary = casebook::clash::summary(&map, against, "Affirmative", false);
    let count = |c: Coverage| map.iter().filter(|a| a.coverage == c).count();
    h.get_by_label(&format!("{} answered in this case", count(Coverage::Answered)));
    h.get_by_label(&format!("{} no answer anywhere", count(Coverage::Missing)));
    // The case builder says the same, as a link to the map.
    assert!(h.query_all_by_label(&summary).count() >= 2, "the case builder shows the line too");
}

/// A user deck with a negative argument nobody answers yet and an affirmative card about it.
fn zebra_deck(dir: &std::path::Path) {
    use casebook::model::{Block, Card, Side};
    let mut deck = common::deck();
    deck.id = "zebra".into();
    let source = deck.sources[0].id.clone();
    let mut threat =
        Card::new("zebra-threat", "Zebras threaten the alliance", Side::Neg, &source, "Quoted words.");
    threat.labels = vec!["zebra".into()];
    let mut answer = Card::new("zebra-answer", "Zebras are harmless", Side::Aff, &source, "Quoted words.");
    answer.labels = vec!["zebra".into()];
    deck.blocks =
        vec![Block::new("Zebra threat", vec![threat]), Block::new("Answers to zebras", vec![answer])];
    let folder = dir.join("recovery").join("decks");
    std::fs::create_dir_all(&folder).unwrap();
    casebook::format::save_deck(&deck, &folder.join("zebra.deck.ron")).unwrap();
}

#[test]
fn a_candidate_found_with_the_key_links_in_one_click_and_covers_its_argument() {
    let dir = tempfile::tempdir().unwrap();
    zebra_deck(dir.path());
    let mut h = harness(app_in(dir.path(), vec![]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    settle(&mut h);
    // The user's own deck is not this debate's until ticked (the library holds every topic).
    let map = h.state().desk().clash(CaseSide::Aff.into()).expect("the aff case").1.clone();
    assert!(!map.iter().any(|a| a.argument.title == "Zebra threat"));
    h.get_by_label_contains("This topic's decks").click();
    settle(&mut h);
    h.get_by_label("This topic: Test affirmative (zebra)").click();
    settle(&mut h);
    let map = h.state().desk().clash(CaseSide::Aff.into()).expect("the aff case").1.clone();
    let zebra =
        map.iter().position(|a| a.argument.title == "Zebra threat").expect("the user deck's argument");
    assert_eq!(map[zebra].coverage, Coverage::Missing);
    h.get_by_label_contains("Zebra threat — zebra").click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    settle(&mut h);
    assert!(h.state().status().ends_with("candidate answers."), "{}", h.state().status());
    // The card sharing the argument's label comes first, before cards sharing a heading word.
    let first = h.query_all_by_label_contains("candidate: ").next().expect("candidates");
    let text = first.accesskit_node().label().or_else(|| first.accesskit_node().value());
    assert_eq!(text.as_deref(), Some("candidate: Zebras are harmless"));
    h.query_all_by_label("Link as an answer").next().expect("a button").click_accesskit();
    settle(&mut h);
    let after = h.state().desk().clash(CaseSide::Aff.into()).unwrap().1.clone();
    assert_eq!(after[zebra].coverage, Coverage::Available, "{}", h.state().status());
    assert_eq!(after[zebra].available, [("zebra".to_owned(), "zebra-answer".to_owned())]);
    h.get_by_label("in the library: Zebras are harmless");
    // Add to case places it: the argument is answered; Undo takes the link back card by card.
    h.get_by_label("Add to case").click();
    settle(&mut h);
    let placed = h.state().desk().clash(CaseSide::Aff.into()).unwrap().1.clone();
    assert_eq!(placed[zebra].coverage, Coverage::Answered);
    // A candidate can also be placed without linking it.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    settle(&mut h);
    let before = h.state().session().aff.sections[0].items.len();
    h.query_all_by_label("Place in case").next().expect("a candidate to place").click_accesskit();
    settle(&mut h);
    assert_eq!(h.state().session().aff.sections[0].items.len(), before + 1, "{}", h.state().status());
    let saved = std::fs::read_to_string(dir.path().join("recovery/decks/zebra.deck.ron")).unwrap();
    assert!(saved.contains("answers:"), "the link is written through to the deck file");
}

#[test]
fn the_coach_check_lists_the_domain_lints_and_shows_a_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::Lint));
    settle(&mut h);
    let warnings = casebook::lint::lint(h.state().decks());
    let decks = h.state().decks().len();
    h.get_by_label_contains(&format!("{} warnings in {decks} decks", warnings.len()));
    let first_card = warnings.iter().find(|w| w.card).expect("a card warning");
    h.query_all_by_label("Show").next().expect("a Show button").click_accesskit();
    settle(&mut h);
    let shown = h.state().selection_card().expect("a card is selected");
    assert_eq!(
        (shown.deck.as_str(), shown.card.as_str()),
        (first_card.deck.as_str(), first_card.at.as_str())
    );
}
