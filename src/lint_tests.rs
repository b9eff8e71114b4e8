//! Each lint on a hand-made card, and none on a clean one.

use super::*;
use crate::model::{AnswerHow, AnswerLink, Block, Mark};

fn deck_with(cards: Vec<Card>) -> Deck {
    let mut deck = crate::bundled::deck("asian-nato-aff").expect("bundled deck");
    deck.blocks = vec![Block::new("Hub-and-spoke", cards)];
    deck
}

fn clean(id: &str) -> Card {
    let source = crate::bundled::deck("asian-nato-aff").unwrap().sources[0].id.clone();
    let mut card = Card::new(
        id,
        "Alliances are disjointed",
        Side::Aff,
        source,
        "Alliances are disjointed at best today.",
    );
    card.marks = vec![Mark { kind: MarkKind::Underline, start: 0, end: 26, colour: Default::default() }];
    card.marks.push(Mark { kind: MarkKind::Highlight, start: 0, end: 26, colour: Default::default() });
    card
}

fn messages(decks: &[Deck]) -> Vec<String> {
    lint(decks).into_iter().filter(|l| l.card).map(|l| format!("{}: {}", l.at, l.message)).collect()
}

#[test]
fn a_clean_card_gets_no_card_warning() {
    assert_eq!(messages(&[deck_with(vec![clean("c")])]), Vec::<String>::new());
}

#[test]
fn an_opening_reference_word_and_a_highlight_outside_underlining_are_flagged() {
    let mut these = clean("these");
    these.text = "These challenges demand a regional answer now.".into();
    these.marks = vec![
        Mark { kind: MarkKind::Underline, start: 0, end: 16, colour: Default::default() },
        Mark { kind: MarkKind::Highlight, start: 0, end: 30, colour: Default::default() },
    ];
    let found = messages(&[deck_with(vec![these])]);
    assert_eq!(
        found,
        [
            "these: the read-aloud text opens on “these”, which refers to something not read",
            "these: highlighted text outside the underlining",
        ]
    );
}

#[test]
fn undated_and_unqualified_cites_and_links_to_nothing_are_flagged() {
    let mut deck = deck_with(vec![clean("c")]);
    deck.sources[0].date = None;
    deck.sources[0].authors.iter_mut().for_each(|a| a.qualifications.clear());
    deck.blocks[0].cards[0].answers =
        vec![AnswerLink { target: AnswerTarget::Label("no such argument".into()), how: AnswerHow::Denies }];
    let found = messages(&[deck]);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].ends_with("has no date"), "{found:?}");
    assert!(found[1].ends_with("gives no qualifications"), "{found:?}");
    assert!(found[2].contains("answers “no such argument”"), "{found:?}");
}

#[test]
fn an_argument_nobody_answers_is_flagged_once_at_its_block() {
    let mut neg = deck_with(vec![]);
    neg.id = "neg".into();
    let mut card = clean("n1");
    card.side = Side::Neg;
    neg.blocks = vec![Block::new("Taiwan trap", vec![card])];
    let blocks: Vec<Lint> = lint(&[neg.clone()]).into_iter().filter(|l| !l.card).collect();
    assert_eq!(blocks.len(), 1);
    assert_eq!(
        (blocks[0].at.as_str(), blocks[0].message.as_str()),
        ("Taiwan trap", "no card in the library answers this neg argument")
    );
    let mut answer = clean("a1");
    answer.answers = vec![AnswerLink {
        target: AnswerTarget::Block { deck: "neg".into(), title: "Taiwan trap".into() },
        how: AnswerHow::NoLink,
    }];
    let mut aff = deck_with(vec![answer]);
    aff.id = "aff".into();
    aff.blocks[0].title = "Answers to: Taiwan trap".into();
    let all = lint(&[neg, aff]);
    assert!(!all.iter().any(|l| l.at == "Taiwan trap"), "answered now: {all:?}");
}
