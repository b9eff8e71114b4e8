//! Import review: what a teammate's version of a deck changes, card by card, and the deck that
//! results from accepting some of those changes. Nothing is lost: whatever is not accepted stays
//! in the incoming file, which the window keeps a copy of.

use crate::model::{Block, Card, Deck};

/// One difference between the loaded deck (ours) and an incoming version (theirs).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "a review holds tens of changes; boxing buys nothing")]
pub enum CardChange {
    /// A card only theirs has, in the block of that title.
    Added {
        /// Title of the block it sits in, in their deck.
        block: String,
        /// Their card.
        card: Card,
    },
    /// A card both have, with different content.
    Changed {
        /// Our version.
        ours: Card,
        /// Their version.
        theirs: Card,
    },
    /// A card only ours has (they deleted it, or never had it).
    Removed {
        /// Our card.
        card: Card,
    },
}

impl CardChange {
    /// The card id the change is about.
    pub fn id(&self) -> &str {
        match self {
            CardChange::Added { card, .. } | CardChange::Removed { card } => &card.id,
            CardChange::Changed { ours, .. } => &ours.id,
        }
    }
}

/// Every card-level difference: added and changed in their order, then removed in ours.
pub fn card_changes(ours: &Deck, theirs: &Deck) -> Vec<CardChange> {
    let mut out = Vec::new();
    for block in &theirs.blocks {
        for card in &block.cards {
            match ours.card(&card.id) {
                None => out.push(CardChange::Added { block: block.title.clone(), card: card.clone() }),
                Some(mine) if !mine.same_content(card) => {
                    out.push(CardChange::Changed { ours: mine.clone(), theirs: card.clone() })
                }
                Some(_) => {}
            }
        }
    }
    for card in ours.cards() {
        if theirs.card(&card.id).is_none() {
            out.push(CardChange::Removed { card: card.clone() });
        }
    }
    out
}

/// Whether `theirs` is a version of the same document as `ours` (not merely a file of the same
/// name): at least half of the smaller deck's cards are in the other with the same id and text.
/// Debaters have dozens of files called `1NC.docx`; only a version of the same one is reviewed
/// against it, any other is a deck of its own.
pub fn same_document(ours: &Deck, theirs: &Deck) -> bool {
    let smaller = ours.card_count().min(theirs.card_count());
    if smaller == 0 {
        return ours.card_count() == theirs.card_count();
    }
    let ids: std::collections::HashMap<&str, &str> =
        ours.cards().map(|c| (c.id.as_str(), c.text.as_str())).collect();
    let shared = theirs.cards().filter(|c| ids.get(c.id.as_str()) == Some(&c.text.as_str())).count();
    shared * 2 >= smaller
}

/// The choice a review starts from, one per change: new and changed cards ticked, deletions not
/// (nothing is deleted without the user's click on exactly that card).
pub fn default_choices(changes: &[CardChange]) -> Vec<bool> {
    changes.iter().map(|c| !matches!(c, CardChange::Removed { .. })).collect()
}

/// Our deck with the `accepted` changes applied (one flag per change, in order): added cards join
/// the block of the same title (created at the end if missing), changed cards are replaced in
/// place, removed cards are removed, and sources the accepted cards cite are added.
pub fn apply_changes(ours: &Deck, theirs: &Deck, changes: &[CardChange], accepted: &[bool]) -> Deck {
    let mut deck = ours.clone();
    for (change, _) in changes.iter().zip(accepted).filter(|(_, a)| **a) {
        match change {
            CardChange::Added { block, card } => {
                let b = match deck.blocks.iter().position(|b| &b.title == block) {
                    Some(b) => b,
                    None => {
                        deck.blocks.push(Block::new(block.clone(), Vec::new()));
                        deck.blocks.len() - 1
                    }
                };
                deck.blocks[b].cards.push(card.clone());
            }
            CardChange::Changed { theirs: card, .. } => {
                if let Some(slot) =
                    deck.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()).find(|c| c.id == card.id)
                {
                    *slot = card.clone();
                }
            }
            CardChange::Removed { card } => {
                for b in &mut deck.blocks {
                    b.cards.retain(|c| c.id != card.id);
                }
            }
        }
    }
    let cited: Vec<String> = deck.cards().map(|c| c.source.clone()).collect();
    for source in &theirs.sources {
        if cited.contains(&source.id) && deck.source(&source.id).is_none() {
            deck.sources.push(source.clone());
        }
    }
    deck
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::card::sample_card;

    fn deck(cards: Vec<Card>) -> Deck {
        let mut deck = Deck::empty("d", "D", "R");
        deck.blocks.push(Block::new("B", cards));
        deck
    }

    #[test]
    fn changes_list_added_changed_and_removed_cards() {
        let mut edited = sample_card("b");
        edited.tag = "Sharper".into();
        let ours = deck(vec![sample_card("a"), sample_card("b")]);
        let theirs = deck(vec![edited.clone(), sample_card("c")]);
        let changes = card_changes(&ours, &theirs);
        let ids: Vec<(&str, &str)> = changes
            .iter()
            .map(|c| match c {
                CardChange::Added { .. } => ("added", c.id()),
                CardChange::Changed { .. } => ("changed", c.id()),
                CardChange::Removed { .. } => ("removed", c.id()),
            })
            .collect();
        assert_eq!(ids, vec![("changed", "b"), ("added", "c"), ("removed", "a")]);
        let all = apply_changes(&ours, &theirs, &changes, &[true, true, true]);
        assert_eq!(all.blocks, theirs.blocks);
        let none = apply_changes(&ours, &theirs, &changes, &[false, false, false]);
        assert_eq!(none, ours);
        assert_eq!(default_choices(&changes), [true, true, false], "a deletion is never pre-ticked");
        let some = apply_changes(&ours, &theirs, &changes, &[true, false, false]);
        assert_eq!(some.card("b").unwrap().tag, "Sharper");
        assert!(some.card("a").is_some() && some.card("c").is_none());
    }

    #[test]
    fn only_a_version_of_the_same_document_is_the_same_document() {
        let cards = |ids: &[&str]| ids.iter().map(|i| sample_card(i)).collect::<Vec<_>>();
        let ours = deck(cards(&["a", "b", "c", "d"]));
        assert!(same_document(&ours, &deck(cards(&["a", "b", "x", "y"]))), "half shared");
        assert!(!same_document(&ours, &deck(cards(&["a", "x", "y", "z"]))), "a quarter shared");
        let mut other = sample_card("a");
        other.text = "Another file's card under the same tag".into();
        let mut b = sample_card("b");
        b.text = "And another".into();
        assert!(!same_document(&ours, &deck(vec![other, b])), "same ids, different cards");
        assert!(same_document(&deck(Vec::new()), &deck(Vec::new())));
        assert!(!same_document(&deck(Vec::new()), &ours));
    }
}
