//! Checks on a deck that arrives from someone else, before it joins the library.
//!
//! Loading ([`crate::format::load_deck`]) already refuses a bad or hostile file as a whole. A deck
//! that loads can still be surprising: it may carry the id of a deck the user has but argue a
//! different resolution (last year's topic, or a copy someone re-purposed), or hold unresolved
//! merge conflicts. These are warnings to show, not errors.

use crate::model::{ConflictSide, Deck};

/// Warnings about `incoming` compared with the decks the user already has (`known`): one line per
/// known deck with the same id but a different resolution, and one if it holds unresolved
/// conflicts. Empty when there is nothing to say.
pub fn check_incoming(known: &[Deck], incoming: &Deck) -> Vec<String> {
    let mut out = Vec::new();
    for deck in known.iter().filter(|d| d.id == incoming.id && d.resolution != incoming.resolution) {
        out.push(format!(
            "deck {:?} ({:?}) argues {:?}, but your deck with that id ({:?}) argues {:?}: it may be a \
             different deck under the same id",
            incoming.id, incoming.title, incoming.resolution, deck.title, deck.resolution
        ));
    }
    let pairs = incoming
        .cards()
        .filter(|c| c.conflict.as_ref().is_some_and(|k| k.side == ConflictSide::Ours))
        .count();
    if pairs > 0 {
        out.push(format!(
            "deck {:?} holds {pairs} unresolved merge conflict{}: cards kept in two versions",
            incoming.id,
            if pairs == 1 { "" } else { "s" }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Conflict, card::sample_card};

    fn deck(id: &str, resolution: &str) -> Deck {
        let mut deck = Deck::empty(id, "T", resolution);
        deck.blocks.push(Block::new("B".to_owned(), vec![sample_card("c")]));
        deck
    }

    #[test]
    fn same_id_different_resolution_is_flagged() {
        let known = [deck("a", "R1"), deck("b", "R2")];
        assert!(check_incoming(&known, &deck("a", "R1")).is_empty());
        assert!(check_incoming(&known, &deck("c", "R9")).is_empty(), "a new deck is not suspicious");
        let warnings = check_incoming(&known, &deck("a", "R2"));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("\"R2\"") && warnings[0].contains("\"R1\""), "{}", warnings[0]);
    }

    #[test]
    fn unresolved_conflicts_are_mentioned() {
        let mut d = deck("a", "R1");
        let mut other = sample_card("c~theirs");
        other.conflict = Some(Conflict { with: "c".into(), side: ConflictSide::Theirs });
        d.blocks[0].cards[0].conflict = Some(Conflict { with: "c~theirs".into(), side: ConflictSide::Ours });
        d.blocks[0].cards.push(other);
        assert_eq!(
            check_incoming(&[], &d),
            ["deck \"a\" holds 1 unresolved merge conflict: cards kept in two versions"]
        );
    }
}
