//! The clash map is about this debate (#22.5): only the topic's decks make positions, a block
//! that answers is never a position, a heading met twice is one position, and each position
//! says where it sits in its file (Pocket › Hat).

use super::*;
use crate::model::{AnswerHow, AnswerLink, Block, Card, Heading, HeadingLevel};

fn card(id: &str, side: Side) -> Card {
    Card::new(id, format!("tag {id}"), side, "src", "Some quoted words.")
}

fn block(title: &str, ids: &[&str], side: Side) -> Block {
    Block::new(title, ids.iter().map(|i| card(i, side)).collect())
}

fn word_file(id: &str) -> Deck {
    let mut d = Deck::empty(id, id, "R");
    let mut t = block("T — interpretation", &[&format!("{id}-t1")], Side::Neg);
    t.headings = vec![
        Heading { level: HeadingLevel::Pocket, title: "1NC".into() },
        Heading { level: HeadingLevel::Hat, title: "T".into() },
    ];
    // The same heading again under another Hat: one position, not two.
    let mut again = block("T — interpretation", &[&format!("{id}-t2")], Side::Neg);
    again.headings = vec![Heading { level: HeadingLevel::Hat, title: "T again".into() }];
    let a2 = block("A2: Permutation", &[&format!("{id}-a2")], Side::Neg);
    let at = block("AT — solvency deficit", &[&format!("{id}-at")], Side::Neg);
    let mut linked = block("Frontline", &[&format!("{id}-f1")], Side::Neg);
    linked.cards[0].answers =
        vec![AnswerLink { target: AnswerTarget::Label("solvency".into()), how: AnswerHow::Denies }];
    let da = block("Politics DA", &[&format!("{id}-da")], Side::Neg);
    d.blocks = vec![t, again, a2, at, linked, da];
    d
}

#[test]
fn answer_blocks_are_never_positions_and_a_repeated_heading_is_one() {
    let index = ClashIndex::build(&[word_file("1nc-a")], Side::Neg);
    let map = index.coverage(&[], &|_| true);
    let titles: Vec<String> = map.iter().map(|a| a.argument.describe()).collect();
    assert_eq!(titles, ["1NC › T › T — interpretation — 1nc-a", "1NC › T again › Politics DA — 1nc-a"]);
}

#[test]
fn only_the_topics_decks_make_positions() {
    let library = [word_file("1nc-a"), word_file("1nc-b")];
    let index = ClashIndex::build(&library, Side::Neg);
    assert_eq!(index.coverage(&[], &|_| true).len(), 4);
    let topic = index.coverage(&[], &|d| d == "1nc-b");
    assert_eq!(topic.len(), 2);
    assert!(topic.iter().all(|a| a.argument.deck == "1nc-b"));
    // Each keeps its number in the index, for finding candidates.
    assert!(topic.iter().all(|a| index.arguments()[a.number] == a.argument));
    assert!(index.coverage(&[], &|_| false).is_empty());
}

#[test]
fn answer_headings_are_told_by_their_first_word() {
    for yes in ["A2 Perm", "a2: perm", "AT: Cap K", "A/T Solvency", "Answers to: SEATO failed", "AT—K"] {
        assert!(is_answer_heading(yes), "{yes}");
    }
    for no in ["Atrocities", "A2A missiles", "Attacks on Taiwan", "Anti-NATO", "Taiwan trap"] {
        assert!(!is_answer_heading(no), "{no}");
    }
}

#[test]
fn an_empty_case_says_no_positions_chosen_yet() {
    let index = ClashIndex::build(&[word_file("1nc-a")], Side::Neg);
    let map = index.coverage(&[], &|_| true);
    assert_eq!(
        summary(&map, Side::Neg, "Affirmative", true),
        "Your Affirmative is empty: no positions chosen yet (the neg has 2 in this topic)"
    );
    assert_eq!(
        summary(&map, Side::Neg, "Affirmative", false),
        "2 of the neg's 2 positions unanswered in your Affirmative"
    );
}
