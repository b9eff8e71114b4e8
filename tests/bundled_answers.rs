//! The bundled decks' answer links (#16.4): every card of the answers decks says what it
//! answers, every link meets a card, block or label of the bundled decks, the gaps a coach named
//! are answered, and the example session's 1AC and 1NC cover the other side's positions.

use std::collections::HashSet;
use std::path::Path;

use casebook::bundled;
use casebook::clash::{self, Coverage};
use casebook::format;
use casebook::model::{AnswerHow, AnswerTarget, Card, Deck, Side};

fn decks() -> Vec<Deck> {
    bundled::decks()
        .into_iter()
        .map(|d| d.unwrap_or_else(|e| panic!("bundled deck fails to load:\n{e}")))
        .collect()
}

fn deck<'a>(decks: &'a [Deck], id: &str) -> &'a Deck {
    decks.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no deck {id}"))
}

/// Whether `target` names a card, a block or a label of the bundled decks.
fn meets_something(decks: &[Deck], target: &AnswerTarget) -> bool {
    match target {
        AnswerTarget::Card { deck, card } => decks.iter().any(|d| &d.id == deck && d.card(card).is_some()),
        AnswerTarget::Block { deck, title } => {
            decks.iter().any(|d| &d.id == deck && d.blocks.iter().any(|b| &b.title == title))
        }
        AnswerTarget::Label(label) => {
            let label = label.trim().to_lowercase();
            decks
                .iter()
                .flat_map(|d| d.cards())
                .any(|c| c.labels.iter().any(|l| l.trim().to_lowercase() == label))
        }
    }
}

/// Every card of the library that links to block `title` of `deck`, or to one of its cards.
fn answers_to_block<'a>(decks: &'a [Deck], deck_id: &str, title: &str) -> Vec<&'a Card> {
    let block = deck(decks, deck_id)
        .blocks
        .iter()
        .find(|b| b.title == title)
        .unwrap_or_else(|| panic!("no block {title:?} in {deck_id}"));
    let ids: HashSet<&str> = block.cards.iter().map(|c| c.id.as_str()).collect();
    decks
        .iter()
        .flat_map(|d| d.cards())
        .filter(|c| {
            c.answers.iter().any(|l| match &l.target {
                AnswerTarget::Block { deck, title: t } => deck == deck_id && t == title,
                AnswerTarget::Card { deck, card } => deck == deck_id && ids.contains(card.as_str()),
                AnswerTarget::Label(_) => false,
            })
        })
        .collect()
}

#[test]
fn every_card_of_the_answers_decks_links_to_something_that_exists() {
    let decks = decks();
    let mut failures = Vec::new();
    for id in ["asian-nato-aff-answers", "asian-nato-neg-answers"] {
        for block in &deck(&decks, id).blocks {
            for card in &block.cards {
                if card.answers.is_empty() {
                    failures.push(format!("{id}/{} (in {:?}) answers nothing", card.id, block.title));
                }
            }
        }
    }
    for d in &decks {
        for card in d.cards() {
            for link in &card.answers {
                if !meets_something(&decks, &link.target) {
                    failures
                        .push(format!("{}/{} links to {:?}, which is nothing", d.id, card.id, link.target));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_argument_of_either_side_goes_unanswered_in_the_library() {
    let decks = decks();
    for against in [Side::Aff, Side::Neg] {
        let open: Vec<String> = clash::coverage(&decks, against, &[])
            .into_iter()
            .filter(|a| a.coverage == Coverage::Missing)
            .map(|a| format!("{} / {}", a.argument.deck, a.argument.title))
            .collect();
        assert!(open.is_empty(), "{} arguments nobody answers: {open:?}", against.name());
    }
}

#[test]
fn the_gaps_a_coach_named_are_answered() {
    let decks = decks();
    let sided = |cards: Vec<&Card>, side: Side| -> Vec<String> {
        cards.into_iter().filter(|c| c.side == side).map(|c| c.id.clone()).collect()
    };
    // The affirmative answers the Taiwan trap, escalation, interoperability and "even Japan and
    // Australia show no interest".
    for (deck_id, title) in [
        ("asian-nato-neg", "The Taiwan trap"),
        ("asian-nato-neg", "China backlash and escalation"),
        ("asian-nato-neg", "No interoperability: different doctrines, uneven capabilities"),
    ] {
        let aff = sided(answers_to_block(&decks, deck_id, title), Side::Aff);
        assert!(!aff.is_empty(), "no aff card answers {title:?}");
    }
    let no_interest = decks
        .iter()
        .flat_map(|d| d.cards())
        .filter(|c| c.side == Side::Aff)
        .filter(|c| {
            c.answers.iter().any(|l| {
                l.target
                    == AnswerTarget::Card {
                        deck: "asian-nato-neg".into(),
                        card: "behrendt-japan-australia-no-interest".into(),
                    }
            })
        })
        .count();
    assert!(no_interest >= 1, "no aff card answers 'even Japan and Australia show no interest'");
    // Minilateralism is answered by more than one card.
    let mini = sided(
        answers_to_block(&decks, "asian-nato-neg", "The Quad and minilateralism already work"),
        Side::Aff,
    );
    assert!(mini.len() >= 2, "minilateralism answered only by {mini:?}");
    // The taiwan answer says the plan does not include Taiwan: a no-link, not a denial.
    let taiwan =
        deck(&decks, "asian-nato-aff-answers").card("behrendt-taiwan-no-go-under-ambiguity").unwrap();
    assert!(taiwan.answers.iter().any(|l| l.how == AnswerHow::NoLink));

    // The negative answers gray-zone coercion, US unreliability and "this isn't NATO-style".
    for (deck_id, title) in [
        ("asian-nato-aff", "Gray-zone and maritime coercion"),
        ("asian-nato-aff", "Burden-sharing and US reliability"),
        ("asian-nato-aff", "Not a NATO clone: a coherent framework, built step by step"),
    ] {
        let neg = sided(answers_to_block(&decks, deck_id, title), Side::Neg);
        assert!(!neg.is_empty(), "no neg card answers {title:?}");
    }
    let unreliable = deck(&decks, "asian-nato-neg-answers")
        .blocks
        .iter()
        .find(|b| b.title == "Answers to: The US is unreliable")
        .expect("a neg block answers US unreliability");
    assert!(unreliable.cards.len() >= 2 && unreliable.cards.iter().all(|c| c.side == Side::Neg));
    let clone_label = AnswerTarget::Label("not-a-nato-clone".into());
    assert!(
        decks
            .iter()
            .flat_map(|d| d.cards())
            .any(|c| c.side == Side::Neg && c.answers.iter().any(|l| l.target == clone_label)),
        "no neg card answers 'not a NATO clone' by its label"
    );
    for (deck_id, title) in [
        ("asian-nato-neg-answers", "Answers to: Gray-zone and maritime coercion"),
        ("asian-nato-neg-answers", "Answers to: Not a NATO clone"),
        ("asian-nato-aff-answers", "Answers to: The Taiwan trap"),
        ("asian-nato-aff-answers", "Answers to: No interoperability"),
    ] {
        assert!(deck(&decks, deck_id).blocks.iter().any(|b| b.title == title), "{deck_id} lacks {title:?}");
    }
}

#[test]
fn a_card_resting_on_a_leader_since_removed_says_so_in_its_note() {
    let decks = decks();
    for id in [
        "behrendt-yoon-trilateral-deterrence",
        "behrendt-camp-david-not-asian-nato",
        "behrendt-seoul-needs-beijing",
    ] {
        let card = decks.iter().find_map(|d| d.card(id)).unwrap_or_else(|| panic!("{id}"));
        let note = card.note.as_deref().unwrap_or_default();
        assert!(note.contains("removed from office"), "{id}: {note}");
    }
}

#[test]
fn the_example_sessions_cases_cover_the_other_sides_positions() {
    let (name, text) = bundled::EXAMPLE_SESSION;
    let session = format::parse_session(text, Path::new(name)).unwrap();
    let decks = decks();
    let summary = |against: Side, sections| {
        let coverage = clash::coverage(&decks, against, sections);
        let open: Vec<String> = coverage
            .iter()
            .filter(|a| a.coverage != Coverage::Answered)
            .map(|a| format!("{:?}: {} / {}", a.coverage, a.argument.deck, a.argument.title))
            .collect();
        (coverage.len(), open)
    };
    // Every argument of the other side — each titled block of its evidence (its answers decks'
    // blocks answer, so they are no positions) — is met by a card placed in the case. Nothing is
    // left unanswered: the 1AC pre-empts the Taiwan trap (no link: the plan leaves Taiwan out)
    // and Japan's constitution, and the 1NC's Taiwan-trap off-case reads the flashpoint card
    // against the aff's no-link. Both cases still fit an 8-minute constructive (checked in bundled_decks).
    let (neg_positions, open) = summary(Side::Neg, &session.aff.sections);
    assert_eq!(neg_positions, 8, "the neg's positions: the 8 blocks of its deck (its answers are none)");
    assert!(open.is_empty(), "the 1AC leaves open: {open:?}");
    let (aff_positions, open) = summary(Side::Aff, &session.neg.sections);
    assert_eq!(
        aff_positions, 8,
        "the aff's positions: the 7 blocks of its deck (its answers are none), and not-a-nato-clone, \
         the name the neg's answers give that argument"
    );
    assert!(open.is_empty(), "the 1NC leaves open: {open:?}");
}
