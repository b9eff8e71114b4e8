//! Where merged cards go: the block list and the order of cards in each block.
//!
//! Blocks have no ids, so each side's blocks are matched to the base's by title, then (for
//! renamed blocks) by the cards they share. The result follows our block order and our card
//! order; cards only their side placed (added, or kept after we deleted them, or moved by them
//! into another block while we left them where they were) go into their block, right after the
//! nearest card that precedes them there. Blocks they added go after the block that precedes them
//! in their file. A block one side removed disappears unless it still holds cards. The second
//! version of a conflicting card follows the first. A block's Pocket/Hat headings and its asides
//! (analytics, undertags) follow our version of the block (theirs for a block only they have);
//! each aside stays before the card it stood before, or at the end when that card is gone.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::model::{Aside, Block, Card, Deck, Heading};

use super::three_way;

/// For each block of `side`, the index of the matching `base` block, if any: first by equal
/// title (in order), then by most shared card ids (ties: the earlier base block). Linear in the
/// number of blocks and cards, so a hostile file cannot make it crawl.
fn match_blocks(base: &[Block], side: &[Block]) -> Vec<Option<usize>> {
    let mut used = vec![false; base.len()];
    let mut out = vec![None; side.len()];
    let mut by_title: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (k, b) in base.iter().enumerate() {
        by_title.entry(b.title.as_str()).or_default().push_back(k);
    }
    for (i, block) in side.iter().enumerate() {
        if let Some(k) = by_title.get_mut(block.title.as_str()).and_then(VecDeque::pop_front) {
            used[k] = true;
            out[i] = Some(k);
        }
    }
    let home: HashMap<&str, usize> =
        base.iter().enumerate().flat_map(|(k, b)| b.cards.iter().map(move |c| (c.id.as_str(), k))).collect();
    for (i, block) in side.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for card in &block.cards {
            if let Some(&k) = home.get(card.id.as_str()).filter(|&&k| !used[k]) {
                *shared.entry(k).or_default() += 1;
            }
        }
        // Most shared cards first, then the earliest base block.
        if let Some((k, _)) = shared.into_iter().max_by_key(|&(k, n)| (n, std::cmp::Reverse(k))) {
            used[k] = true;
            out[i] = Some(k);
        }
    }
    out
}

/// Where each card id sits: (block index, index in block).
fn locations(deck: &Deck) -> HashMap<&str, (usize, usize)> {
    let mut out = HashMap::new();
    for (b, block) in deck.blocks.iter().enumerate() {
        for (i, card) in block.cards.iter().enumerate() {
            out.insert(card.id.as_str(), (b, i));
        }
    }
    out
}

/// Inserts each of `to_place` (ids in `theirs_order`, none of them in `result`) into `result`
/// right after the nearest id before it in `theirs_order` that `result` holds by then (an earlier
/// id of `result` or one just placed), or at the front when none does. Linear time.
pub(crate) fn insert_after_predecessors(
    result: &mut Vec<String>,
    theirs_order: &[&str],
    to_place: &dyn Fn(&str) -> bool,
) {
    // Each id to place joins the run after the last id of `result` seen before it in their order.
    let present: HashSet<&str> = result.iter().map(String::as_str).collect();
    let mut runs: HashMap<Option<&str>, Vec<&str>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    for &id in theirs_order {
        if present.contains(id) {
            anchor = Some(id);
        } else if to_place(id) {
            runs.entry(anchor).or_default().push(id);
        }
    }
    if runs.is_empty() {
        return;
    }
    let mut merged: Vec<String> =
        Vec::with_capacity(result.len() + runs.values().map(Vec::len).sum::<usize>());
    merged.extend(runs.get(&None).into_iter().flatten().map(|id| (*id).to_owned()));
    for id in result.iter() {
        merged.push(id.clone());
        merged.extend(runs.get(&Some(id.as_str())).into_iter().flatten().map(|id| (*id).to_owned()));
    }
    *result = merged;
}

/// A block of the result being built.
struct Slot {
    headings: Vec<Heading>,
    title: String,
    cards: Vec<String>,
    /// Each aside with the id of the card it stood before (`None`: after the last card).
    asides: Vec<(Option<String>, Aside)>,
    /// False when one side removed the block: it survives only if it still holds cards.
    keep_if_empty: bool,
}

/// Which block of the result: one of ours, or one only theirs has.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Ours(usize),
    Theirs(usize),
}

/// The merged blocks. `kept` holds every surviving card by id (the first version of a
/// conflicting pair under its id); `second` holds each pair's second version, keyed by the id of
/// the first. Renames both sides made differently go to `overridden`.
pub(crate) fn lay_out(
    base: &Deck,
    ours: &Deck,
    theirs: &Deck,
    kept: &HashMap<String, Card>,
    second: &HashMap<String, Card>,
    overridden: &mut Vec<String>,
) -> Vec<Block> {
    let bo = match_blocks(&base.blocks, &ours.blocks);
    let bt = match_blocks(&base.blocks, &theirs.blocks);
    // Their block j ↔ our block i: same base block, or both new with the same title.
    let mut ours_of_base: HashMap<usize, usize> = HashMap::new();
    let mut new_ours_by_title: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, block) in ours.blocks.iter().enumerate() {
        match bo[i] {
            Some(b) => {
                ours_of_base.insert(b, i);
            }
            None => new_ours_by_title.entry(block.title.as_str()).or_default().push_back(i),
        }
    }
    let t2o: Vec<Option<usize>> = theirs
        .blocks
        .iter()
        .enumerate()
        .map(|(j, block)| match bt[j] {
            Some(b) => ours_of_base.get(&b).copied(),
            None => new_ours_by_title.get_mut(block.title.as_str()).and_then(VecDeque::pop_front),
        })
        .collect();
    let mut o2t: Vec<Option<usize>> = vec![None; ours.blocks.len()];
    for (j, i) in t2o.iter().enumerate() {
        if let Some(i) = *i {
            o2t[i] = Some(j);
        }
    }
    let key_of = |j: usize| t2o[j].map_or(Key::Theirs(j), Key::Ours);

    let (base_at, ours_at, theirs_at) = (locations(base), locations(ours), locations(theirs));
    // A card goes where theirs put it if only they placed it, or if they moved it to another
    // block while we left it in its base block.
    let placed_by_theirs = |id: &str| match (ours_at.get(id), theirs_at.get(id)) {
        (None, Some(_)) => true,
        (Some(&(oi, _)), Some(&(tj, _))) => {
            let base_block = base_at.get(id).map(|&(b, _)| b);
            base_block.is_some() && bo[oi] == base_block && bt[tj] != base_block
        }
        _ => false,
    };

    let mut ours_slots: Vec<Slot> = ours
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let j = o2t[i];
            let base_title = bo[i].map(|b| &base.blocks[b].title);
            let title = match j {
                Some(j) => {
                    let theirs_title = &theirs.blocks[j].title;
                    let (title, lost) = three_way(base_title, &block.title, theirs_title);
                    if lost {
                        overridden.push(format!(
                            "block {:?}: both renamed it; kept ours, theirs named it {theirs_title:?}",
                            block.title
                        ));
                    }
                    title.clone()
                }
                None => block.title.clone(),
            };
            let cards = block
                .cards
                .iter()
                .map(|c| c.id.as_str())
                .filter(|id| kept.contains_key(*id) && !placed_by_theirs(id))
                .map(str::to_owned)
                .collect();
            Slot {
                headings: block.headings.clone(),
                title,
                cards,
                asides: anchored_asides(block),
                keep_if_empty: bo[i].is_none() || j.is_some(),
            }
        })
        .collect();

    // Blocks only they have go after the block that precedes them in their file: runs of them
    // hang off one of our blocks (or the front).
    let mut runs: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut anchor = None;
    // One slot per block of theirs; a block matched to one of ours keeps its slot empty and
    // unused (its cards go to our slot, as `key_of` says), so indexing never needs a check.
    let mut theirs_slots: Vec<Slot> = Vec::with_capacity(theirs.blocks.len());
    for (j, block) in theirs.blocks.iter().enumerate() {
        let own = t2o[j].is_none();
        match t2o[j] {
            Some(i) => anchor = Some(i),
            None => runs.entry(anchor).or_default().push(j),
        }
        // A block we removed comes back only to hold cards; one they added stays even if empty.
        theirs_slots.push(Slot {
            headings: block.headings.clone(),
            title: block.title.clone(),
            cards: Vec::new(),
            asides: anchored_asides(block),
            keep_if_empty: own && bt[j].is_none(),
        });
    }
    let mut order: Vec<Key> = Vec::with_capacity(ours.blocks.len() + theirs.blocks.len());
    order.extend(runs.get(&None).into_iter().flatten().map(|&j| Key::Theirs(j)));
    for i in 0..ours.blocks.len() {
        order.push(Key::Ours(i));
        order.extend(runs.get(&Some(i)).into_iter().flatten().map(|&j| Key::Theirs(j)));
    }

    for (j, block) in theirs.blocks.iter().enumerate() {
        let slot = match key_of(j) {
            Key::Ours(i) => &mut ours_slots[i],
            Key::Theirs(j) => &mut theirs_slots[j],
        };
        let theirs_order: Vec<&str> = block.cards.iter().map(|c| c.id.as_str()).collect();
        insert_after_predecessors(&mut slot.cards, &theirs_order, &|id| {
            kept.contains_key(id) && placed_by_theirs(id)
        });
    }

    let mut blocks = Vec::new();
    for key in order {
        let slot = match key {
            Key::Ours(i) => &ours_slots[i],
            Key::Theirs(j) => &theirs_slots[j],
        };
        if slot.cards.is_empty() && !slot.keep_if_empty {
            continue;
        }
        let mut cards = Vec::new();
        for id in &slot.cards {
            cards.push(kept[id].clone());
            if let Some(other) = second.get(id) {
                cards.push(other.clone());
            }
        }
        let asides = placed_asides(&slot.asides, &cards);
        blocks.push(Block { headings: slot.headings.clone(), title: slot.title.clone(), cards, asides });
    }
    blocks
}

/// A block's asides, each with the id of the card it stands before.
fn anchored_asides(block: &Block) -> Vec<(Option<String>, Aside)> {
    block.asides.iter().map(|a| (block.cards.get(a.before).map(|c| c.id.clone()), a.clone())).collect()
}

/// The asides placed before their cards in `cards` (at the end when the card is gone), in order.
fn placed_asides(anchored: &[(Option<String>, Aside)], cards: &[Card]) -> Vec<Aside> {
    let at: HashMap<&str, usize> = cards.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut out: Vec<Aside> = anchored
        .iter()
        .map(|(id, a)| {
            let before = id.as_deref().and_then(|id| at.get(id).copied()).unwrap_or(cards.len());
            Aside { before, ..a.clone() }
        })
        .collect();
    out.sort_by_key(|a| a.before);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::card::sample_card;

    fn block(title: &str, ids: &[&str]) -> Block {
        Block::new(title.to_owned(), ids.iter().map(|id| sample_card(id)).collect())
    }

    #[test]
    fn blocks_match_by_title_then_by_shared_cards() {
        let base = [block("A", &["a1", "a2"]), block("B", &["b1"])];
        let side = [block("B", &["b1"]), block("A renamed", &["a2", "x"]), block("New", &["n"])];
        assert_eq!(match_blocks(&base, &side), vec![Some(1), Some(0), None]);
    }

    #[test]
    fn theirs_cards_follow_their_predecessor() {
        let mut result = vec!["a".to_owned(), "c".to_owned()];
        insert_after_predecessors(&mut result, &["n0", "a", "b", "c", "d"], &|id| {
            ["n0", "b", "d"].contains(&id)
        });
        assert_eq!(result, ["n0", "a", "b", "c", "d"]);
    }
}
