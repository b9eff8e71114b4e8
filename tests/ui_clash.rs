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
use egui_kittest::kittest::Queryable;

#[test]
fn the_clash_map_of_the_example_cases_reads_the_domain_counts_and_links_a_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    settle(&mut h);
    let (against, map) = h.state().desk().clash(CaseSide::Aff.into()).expect("the aff case");
    let summary = casebook::clash::summary(&map, against, "Affirmative");
    let count = |c: Coverage| map.iter().filter(|a| a.coverage == c).count();
    h.get_by_label(&format!("{} answered in this case", count(Coverage::Answered)));
    h.get_by_label(&format!("{} no answer anywhere", count(Coverage::Missing)));
    // The case builder says the same, as a link to the map.
    assert!(h.query_all_by_label(&summary).count() >= 2, "the case builder shows the line too");
    // Select an open argument the library has candidate answers for, and find them.
    let desk = h.state().desk();
    let index = desk.clash_index(against);
    let open = (0..map.len())
        .find(|&n| map[n].coverage != Coverage::Answered && !index.candidates(desk.decks(), n, 20).is_empty())
        .expect("an open argument with candidates");
    let row = format!("{} — {}", map[open].argument.title, map[open].argument.deck);
    h.get_by_label_contains(&row).click();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    settle(&mut h);
    assert!(h.state().status().ends_with("candidate answers."), "{}", h.state().status());
    h.query_all_by_label("Link as an answer").next().expect("a candidate to link").click_accesskit();
    settle(&mut h);
    let after = h.state().desk().clash(CaseSide::Aff.into()).unwrap().1;
    assert_ne!(after[open].coverage, Coverage::Missing, "{}", h.state().status());
    assert!(!after[open].available.is_empty());
    assert!(h.state().status().contains("now answers"), "{}", h.state().status());
    h.get_by_label_contains("in the library: ");
}
