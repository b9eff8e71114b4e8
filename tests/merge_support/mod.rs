//! Shared builders for the merge tests: a base deck and the edits teammates make to it.
#![allow(dead_code)]

use std::path::Path;

use casebook::format::{deck_to_string, parse_deck};
use casebook::merge::{MergeResult, merge_decks};
use casebook::model::{Block, Card, Deck, Provenance, Source};

pub fn pechko() -> Source {
    Source {
        id: "pechko-2025".into(),
        title: "Reimagining East Asian security".into(),
        authors: Vec::new(),
        note: "No byline.".into(),
        publication: "The Diplomat".into(),
        date: Some("2025".into()),
        url: String::new(),
        accessed: None,
    }
}

pub fn card(id: &str, tag: &str) -> Card {
    let mut c = crate::common::card(id);
    c.tag = tag.into();
    c.provenance = Provenance::created("Ana", "2026-11-01T10:00:00Z");
    c
}

/// The deck every scenario starts from: two blocks, four cards.
pub fn base() -> Deck {
    let mut d = crate::common::deck();
    d.blocks = vec![
        Block {
            title: "Hub-and-spoke is inadequate".into(),
            cards: vec![card("a1", "A1"), card("a2", "A2")],
            ..Default::default()
        },
        Block::new("Answers to: SEATO failed", vec![card("b1", "B1"), card("b2", "B2")]),
    ];
    d
}

pub fn edit(deck: &mut Deck, id: &str, who: &str, tag: &str) {
    let c = deck.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()).find(|c| c.id == id).unwrap();
    c.tag = tag.into();
    c.provenance.record_change(who, "2026-11-20T12:00:00Z");
}

pub fn remove(deck: &mut Deck, id: &str) -> Card {
    for b in &mut deck.blocks {
        if let Some(i) = b.cards.iter().position(|c| c.id == id) {
            return b.cards.remove(i);
        }
    }
    panic!("no card {id}")
}

pub fn tags(deck: &Deck) -> Vec<Vec<String>> {
    deck.blocks.iter().map(|b| b.cards.iter().map(|c| c.tag.clone()).collect()).collect()
}

/// Merges and checks the result is a valid deck that saves and loads unchanged.
pub fn merged(base: &Deck, ours: &Deck, theirs: &Deck) -> MergeResult {
    let result = merge_decks(base, ours, theirs);
    let text = deck_to_string(&result.deck).unwrap();
    let loaded = parse_deck(&text, Path::new("merged.deck.ron"))
        .unwrap_or_else(|e| panic!("the merge gave an invalid deck:\n{e}\n{text}"));
    assert_eq!(loaded, result.deck);
    result
}
