//! Three-way merge of deck files, card by card, so teammates who split research can pass decks
//! around (synced folders, USB sticks, chat, git) and never lose a card.
//!
//! [`merge_decks`] takes the common ancestor (`base`) and two descendants (`ours`, `theirs`) and
//! matches cards by id:
//!
//! | base | ours | theirs | result |
//! |---|---|---|---|
//! | X | X | X | X |
//! | X | X′ | X | X′ (changed on one side) |
//! | X | – | X | gone (deleted on one side, unchanged on the other) |
//! | X | – | X′ | X′, reported (an edit beats a deletion) |
//! | – | X | X | X (added on both sides alike) |
//! | X or – | X′ | X″ | both, as a conflicting pair |
//!
//! A conflicting pair is two cards that point at each other with [`crate::model::Conflict`]: ours
//! keeps the id, theirs gets `{id}~theirs` (or a fingerprint-suffixed id when that is taken), so
//! the result is still a valid deck. Versions with the same content (different provenance only)
//! are not a conflict: the one changed last wins, whichever side it is on.
//!
//! Sources are merged the same way by id, but never conflict: when both sides changed a source
//! differently ours is kept and the loss is reported in [`MergeResult::overridden`]; a source a
//! surviving card cites is never removed. The deck's title, resolution and description merge
//! three-way likewise. Blocks and card order: see `layout.rs`. Merging is deterministic, and merging
//! three identical decks gives the same deck back.

mod cards;
mod incoming;
mod layout;
pub mod review;

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::{Card, Deck, Source};

pub use incoming::check_incoming;

/// The merged deck and what a teammate should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeResult {
    /// The merged deck; always valid when the three inputs were.
    pub deck: Deck,
    /// Ids of cards both sides changed (or added) differently, in merge order. Each is kept as two
    /// cards: this id holds ours, and its `conflict.with` names theirs.
    pub conflicts: Vec<String>,
    /// Changes of theirs that gave way to a different change of ours to the same thing (deck
    /// title or description, a source, a block title); one line each, naming what theirs had.
    pub overridden: Vec<String>,
    /// Every line worth telling the user, conflicts and overrides included, in a fixed order.
    pub report: Vec<String>,
}

impl MergeResult {
    /// Whether nothing needs a person's attention: no conflicting cards and no overridden change.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.overridden.is_empty()
    }
}

/// Three-way choice of one value: the side that changed it, or ours when both changed it
/// differently (then the flag is true: theirs' change was overridden).
pub(crate) fn three_way<'a, T: PartialEq + ?Sized>(
    base: Option<&T>,
    ours: &'a T,
    theirs: &'a T,
) -> (&'a T, bool) {
    if ours == theirs || base == Some(theirs) {
        (ours, false)
    } else if base == Some(ours) {
        (theirs, false)
    } else {
        (ours, true)
    }
}

/// Merges `ours` and `theirs`, two descendants of `base`, card by card. See the module docs.
pub fn merge_decks(base: &Deck, ours: &Deck, theirs: &Deck) -> MergeResult {
    let mut notes = Vec::new();
    let mut overridden = Vec::new();
    let mut deck = Deck::empty(ours.id.clone(), "", "");
    if ours.id != theirs.id {
        overridden
            .push(format!("deck id: kept ours {:?}; theirs is a different deck, {:?}", ours.id, theirs.id));
    }
    for (field, slot, b, o, t) in [
        ("title", &mut deck.title, &base.title, &ours.title, &theirs.title),
        ("resolution", &mut deck.resolution, &base.resolution, &ours.resolution, &theirs.resolution),
        ("description", &mut deck.description, &base.description, &ours.description, &theirs.description),
    ] {
        let (value, lost) = three_way(Some(b.as_str()), o.as_str(), t.as_str());
        if lost {
            overridden.push(format!("deck {field}: both changed it; kept ours, theirs was {t:?}"));
        }
        *slot = value.to_owned();
    }

    // Cards, by id: ours' order first, then ids only theirs has.
    let by_id = |d: &'_ Deck| d.cards().map(|c| (c.id.clone(), c.clone())).collect::<HashMap<_, _>>();
    let (base_cards, ours_cards, theirs_cards) = (by_id(base), by_id(ours), by_id(theirs));
    let mut ids: Vec<String> = ours.cards().map(|c| c.id.clone()).collect();
    ids.extend(theirs.cards().filter(|c| !ours_cards.contains_key(&c.id)).map(|c| c.id.clone()));
    let mut pool = cards::IdPool::new(
        [base, ours, theirs]
            .iter()
            .flat_map(|d| d.cards())
            .flat_map(|c| std::iter::once(c.id.clone()).chain(c.conflict.iter().map(|k| k.with.clone()))),
    );
    let mut kept: HashMap<String, Card> = HashMap::new();
    let mut second: HashMap<String, Card> = HashMap::new();
    let mut conflicts = Vec::new();
    for id in &ids {
        let outcome =
            cards::merge_card(base_cards.get(id), ours_cards.get(id), theirs_cards.get(id), &mut notes);
        match outcome {
            cards::Outcome::Drop => {}
            cards::Outcome::Keep(card) => {
                kept.insert(id.clone(), *card);
            }
            cards::Outcome::Conflict { ours, theirs } => {
                let (o, t) = cards::conflict_pair(&ours, &theirs, &mut pool);
                notes.push(format!(
                    "card {id:?}: both changed it differently; kept both versions: {id:?} (ours) and {:?} (theirs)",
                    t.id
                ));
                conflicts.push(id.clone());
                kept.insert(id.clone(), o);
                second.insert(id.clone(), t);
            }
        }
    }
    deck.blocks = layout::lay_out(base, ours, theirs, &kept, &second, &mut overridden);
    clear_dangling_conflicts(&mut deck, &mut notes);

    let cited: BTreeSet<String> = deck.cards().map(|c| c.source.clone()).collect();
    deck.sources = merge_sources(base, ours, theirs, &cited, &mut notes, &mut overridden);

    let mut report = notes;
    report.extend(overridden.iter().cloned());
    MergeResult { deck, conflicts, overridden, report }
}

/// A conflict mark whose other version no longer exists (one side resolved the conflict, the
/// other edited the survivor) is cleared, so the result stays valid.
fn clear_dangling_conflicts(deck: &mut Deck, notes: &mut Vec<String>) {
    let ids: HashSet<String> = deck.cards().map(|c| c.id.clone()).collect();
    for card in deck.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()) {
        if let Some(c) = &card.conflict
            && !ids.contains(&c.with)
        {
            notes.push(format!(
                "card {:?}: its other version {:?} is gone; no longer marked as conflicting",
                card.id, c.with
            ));
            card.conflict = None;
        }
    }
}

/// Sources merged by id, ours' order first; a source any card of the result cites is kept.
fn merge_sources<'a>(
    base: &'a Deck,
    ours: &'a Deck,
    theirs: &'a Deck,
    cited: &BTreeSet<String>,
    notes: &mut Vec<String>,
    overridden: &mut Vec<String>,
) -> Vec<Source> {
    let by_id =
        |d: &'a Deck| d.sources.iter().map(|s| (s.id.as_str(), s)).collect::<HashMap<&str, &Source>>();
    let (base_by_id, ours_by_id, theirs_by_id) = (by_id(base), by_id(ours), by_id(theirs));
    let find = |m: &HashMap<&str, &Source>, id: &str| m.get(id).map(|s| (*s).clone());
    let mut ids: Vec<&str> = ours.sources.iter().map(|s| s.id.as_str()).collect();
    ids.extend(theirs.sources.iter().map(|s| s.id.as_str()).filter(|id| !ours_by_id.contains_key(id)));
    let mut kept: HashMap<String, Source> = HashMap::new();
    for id in ids {
        let is_cited = cited.contains(id);
        let chosen = match (find(&base_by_id, id), find(&ours_by_id, id), find(&theirs_by_id, id)) {
            (b, None, None) => b.filter(|_| is_cited),
            (None, Some(one), None) | (None, None, Some(one)) => Some(one),
            (Some(b), Some(one), None) | (Some(b), None, Some(one)) => {
                if one != b {
                    notes.push(format!("source {id:?}: deleted on one side but changed on the other; kept"));
                    Some(one)
                } else {
                    Some(one).filter(|_| is_cited)
                }
            }
            (b, Some(o), Some(t)) => {
                let (value, lost) = three_way(b.as_ref(), &o, &t);
                if lost {
                    overridden.push(format!(
                        "source {id:?}: both changed it differently; kept ours, theirs was titled {:?} ({})",
                        t.title, t.publication
                    ));
                }
                Some(value.clone())
            }
        };
        if let Some(source) = chosen {
            kept.insert(id.to_owned(), source);
        }
    }
    let mut order: Vec<String> =
        ours.sources.iter().map(|s| s.id.clone()).filter(|id| kept.contains_key(id)).collect();
    let theirs_order: Vec<&str> = theirs.sources.iter().map(|s| s.id.as_str()).collect();
    layout::insert_after_predecessors(&mut order, &theirs_order, &|id| {
        kept.contains_key(id) && !ours_by_id.contains_key(id)
    });
    order.into_iter().filter_map(|id| kept.remove(&id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_way_takes_the_changed_side_and_prefers_ours_when_both_changed() {
        assert_eq!(three_way(Some("a"), "a", "b"), ("b", false));
        assert_eq!(three_way(Some("a"), "b", "a"), ("b", false));
        assert_eq!(three_way(Some("a"), "b", "b"), ("b", false));
        assert_eq!(three_way(Some("a"), "b", "c"), ("b", true));
        assert_eq!(three_way(None, "b", "c"), ("b", true));
    }
}
