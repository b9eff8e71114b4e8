//! Coverage on a small hand-made pair of decks: an argument answered in the case, one with
//! answers only in the library, one with none; links by block, by card and by label.

use super::*;
use crate::model::{AnswerHow, AnswerLink, Block, Card, Section, SectionKind};

fn card(id: &str, side: Side, labels: &[&str], answers: Vec<AnswerTarget>) -> Card {
    let mut c = Card::new(id, format!("tag {id}"), side, "src", "Some quoted words.");
    c.labels = labels.iter().map(|l| (*l).to_owned()).collect();
    c.answers = answers.into_iter().map(|target| AnswerLink { target, how: AnswerHow::Denies }).collect();
    c
}

fn any_source() -> crate::model::Source {
    crate::bundled::deck("asian-nato-aff").expect("bundled deck").sources[0].clone()
}

fn deck(id: &str, blocks: Vec<Block>) -> Deck {
    let mut d = Deck::empty(id, id, "R");
    d.blocks = blocks;
    d
}

fn library() -> Vec<Deck> {
    let neg = deck(
        "neg",
        vec![
            Block::new("Taiwan trap", vec![card("taiwan-1", Side::Neg, &["taiwan trap"], vec![])]),
            Block::new(
                "Escalation",
                vec![card("esc-1", Side::Neg, &[], vec![]), card("esc-2", Side::Neg, &[], vec![])],
            ),
            Block::new("Cost", vec![card("cost-1", Side::Neg, &["money"], vec![])]),
        ],
    );
    let aff_answers = deck(
        "aff-answers",
        vec![Block::new(
            "Answers",
            vec![
                card("at-taiwan", Side::Aff, &[], vec![AnswerTarget::Label("Taiwan Trap".into())]),
                card(
                    "at-esc",
                    Side::Aff,
                    &[],
                    vec![AnswerTarget::Card { deck: "neg".into(), card: "esc-2".into() }],
                ),
                card(
                    "at-esc-block",
                    Side::Aff,
                    &[],
                    vec![AnswerTarget::Block { deck: "neg".into(), title: "Escalation".into() }],
                ),
            ],
        )],
    );
    vec![neg, aff_answers]
}

#[test]
fn each_argument_is_answered_available_or_missing() {
    let library = library();
    let at_taiwan = library[1].blocks[0].cards[0].clone();
    let mut section = Section::new("Answers", SectionKind::Answers);
    section.items.push(Item::Card { deck: "aff-answers".into(), card: at_taiwan, source: any_source() });
    let map = coverage(&library, Side::Neg, &[section]);
    let titles: Vec<(&str, Coverage)> = map.iter().map(|c| (c.argument.title.as_str(), c.coverage)).collect();
    assert_eq!(
        titles,
        [
            ("Taiwan trap", Coverage::Answered),
            ("Escalation", Coverage::Available),
            ("Cost", Coverage::Missing),
            ("taiwan trap", Coverage::Answered),
        ],
        "the label at-taiwan's link names is an argument too"
    );
    let esc = &map[1];
    assert_eq!(esc.available.len(), 2, "one answer by a card of the block, one by the block");
    assert!(esc.placed.is_empty());
    assert_eq!(summary(&map, Side::Neg, "1AC", false), "2 of the neg's 4 positions unanswered in your 1AC");
}

#[test]
fn an_answers_block_is_a_position_for_neither_side() {
    let map = coverage(&library(), Side::Aff, &[]);
    assert!(map.is_empty(), "the aff's answers are not positions the neg must answer: {map:?}");
}

#[test]
fn candidates_are_cards_sharing_a_label_or_a_heading_word_not_yet_linked() {
    let mut library = library();
    library[1].blocks[0].cards.push(card("maybe-cost", Side::Aff, &["money"], vec![]));
    library[1].blocks[0].cards.push(card("cost-words", Side::Aff, &[], vec![]));
    library[1].blocks[0].cards.last_mut().unwrap().tag = "The cost is small".into();
    let index = ClashIndex::build(&library, Side::Neg);
    let cost = index.arguments().iter().position(|a| a.title == "Cost").unwrap();
    let found = index.candidates(&library, cost, 10);
    assert_eq!(
        found,
        [
            ("aff-answers".to_owned(), "maybe-cost".to_owned()),
            ("aff-answers".to_owned(), "cost-words".to_owned())
        ],
        "a shared label ranks above a shared word; the argument's own cards are not candidates"
    );
    let taiwan = index.arguments().iter().position(|a| a.title == "Taiwan trap").unwrap();
    assert!(
        !index.candidates(&library, taiwan, 10).iter().any(|(_, c)| c == "at-taiwan"),
        "an answer already linked is not a candidate"
    );
}

#[test]
fn a_label_some_answer_names_is_an_argument_of_its_own() {
    let mut library = library();
    // "taiwan trap" is named by at-taiwan's link; "money" by nobody.
    let map = coverage(&library, Side::Neg, &[]);
    let titles: Vec<String> = map.iter().map(|c| c.argument.describe()).collect();
    assert_eq!(
        titles,
        ["Taiwan trap — neg", "Escalation — neg", "Cost — neg", "taiwan trap — named argument",]
    );
    let named = &map[3];
    assert_eq!(named.argument.target(), AnswerTarget::Label("taiwan trap".into()));
    assert_eq!(named.available, [("aff-answers".to_owned(), "at-taiwan".to_owned())]);
    assert_eq!(named.coverage, Coverage::Available);
    // A link naming "money" makes it one too.
    library[1].blocks[0].cards[1]
        .answers
        .push(AnswerLink { target: AnswerTarget::Label("Money".into()), how: AnswerHow::Turns });
    let map = coverage(&library, Side::Neg, &[]);
    assert_eq!(map.last().map(|c| c.argument.title.as_str()), Some("money"));
}
