//! Merge properties with random teammates: each side keeps, edits, deletes, moves and adds cards and blocks.

mod common;
mod merge_support;

use casebook::model::{Block, Card, ConflictSide, Deck};
use merge_support::*;
use proptest::prelude::*;

/// What one side does to the base deck.
#[derive(Clone, Debug)]
struct Plan {
    /// Per base card: 0..=2 keep, 3 edit the tag, 4 delete, 5 edit the note; then a variant.
    actions: Vec<(u8, u8)>,
    /// Cards added: (block, id among n0..n3, content variant).
    adds: Vec<(u8, u8, u8)>,
    /// Moves: (card index, block).
    moves: Vec<(u8, u8)>,
    /// Add a block with this title variant.
    new_block: Option<u8>,
    /// Rename block 0 to this variant.
    rename: Option<u8>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec((0u8..6, 0u8..3), 12),
        prop::collection::vec((0u8..4, 0u8..4, 0u8..3), 0..4),
        prop::collection::vec((0u8..12, 0u8..4), 0..3),
        prop::option::of(0u8..2),
        prop::option::of(0u8..2),
    )
        .prop_map(|(actions, adds, moves, new_block, rename)| Plan {
            actions,
            adds,
            moves,
            new_block,
            rename,
        })
}

fn base_deck() -> impl Strategy<Value = Deck> {
    prop::collection::vec(0usize..4, 1..4).prop_map(|sizes| {
        let mut d = common::deck();
        let mut n = 0;
        d.blocks = sizes
            .iter()
            .enumerate()
            .map(|(b, &size)| Block {
                title: format!("Block {b}"),
                cards: (0..size)
                    .map(|_| {
                        n += 1;
                        card(&format!("c{n}"), &format!("C{n}"))
                    })
                    .collect(),
                ..Default::default()
            })
            .collect();
        d
    })
}

fn apply(base: &Deck, plan: &Plan, who: &str) -> Deck {
    let mut d = base.clone();
    let ids: Vec<String> = base.cards().map(|c| c.id.clone()).collect();
    for (id, &(action, variant)) in ids.iter().zip(&plan.actions) {
        match action {
            3 => edit(&mut d, id, who, &format!("{id} tag v{variant}")),
            4 => {
                remove(&mut d, id);
            }
            5 => {
                let c = d.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()).find(|c| &c.id == id).unwrap();
                c.note = Some(format!("note v{variant}"));
                c.provenance.record_change(who, "2026-11-21T08:00:00Z");
            }
            _ => {}
        }
    }
    for &(card_index, block) in &plan.moves {
        let Some(id) = d.cards().nth(usize::from(card_index)).map(|c| c.id.clone()) else { continue };
        let moved = remove(&mut d, &id);
        let to = usize::from(block) % d.blocks.len();
        d.blocks[to].cards.insert(0, moved);
    }
    if let Some(v) = plan.rename {
        d.blocks[0].title = format!("Renamed {v}");
    }
    if let Some(v) = plan.new_block {
        d.blocks.insert(1.min(d.blocks.len()), Block::new(format!("New block {v}"), Vec::new()));
    }
    for &(block, n, variant) in &plan.adds {
        let id = format!("n{n}");
        if d.card(&id).is_some() {
            continue;
        }
        let to = usize::from(block) % d.blocks.len();
        d.blocks[to].cards.push(card(&id, &format!("new {n} v{variant}")));
    }
    d
}

/// A card's identity across argument orders: its original id (a conflict's second version
/// counts under the first's id) and, for conflict versions, only the content.
fn key(card: &Card) -> (String, String) {
    match &card.conflict {
        None => (card.id.clone(), ron::to_string(card).unwrap()),
        Some(c) if c.side == ConflictSide::Ours => (card.id.clone(), card.content_fingerprint()),
        Some(c) => (c.with.clone(), card.content_fingerprint()),
    }
}

fn keys(deck: &Deck) -> Vec<(String, String)> {
    let mut k: Vec<_> = deck.cards().map(key).collect();
    k.sort();
    k
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_card_is_ever_lost(base in base_deck(), p1 in plan(), p2 in plan()) {
        let (ours, theirs) = (apply(&base, &p1, "Me"), apply(&base, &p2, "Kai"));
        let r = merged(&base, &ours, &theirs);
        let present: Vec<(String, String)> = keys(&r.deck);
        for side in [&ours, &theirs] {
            for c in side.cards() {
                let changed = base.card(&c.id) != Some(c);
                let other = if std::ptr::eq(side, &ours) { &theirs } else { &ours };
                let untouched_elsewhere = other.card(&c.id) == base.card(&c.id);
                if changed || untouched_elsewhere {
                    let fp = c.content_fingerprint();
                    prop_assert!(
                        r.deck.cards().any(|m| key(m).0 == c.id && m.content_fingerprint() == fp),
                        "card {} ({}) lost; result {:?}", c.id, c.tag, present
                    );
                }
            }
        }
        // Deleted on one side and untouched on the other: gone.
        for c in base.cards() {
            for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
                if a.card(&c.id).is_none() && b.card(&c.id) == Some(c) {
                    prop_assert!(r.deck.card(&c.id).is_none(), "{} should be deleted", c.id);
                }
            }
        }
        prop_assert_eq!(r.is_clean(), r.conflicts.is_empty() && r.overridden.is_empty());
    }

    #[test]
    fn argument_order_changes_only_which_conflict_version_comes_first(
        base in base_deck(), p1 in plan(), p2 in plan()
    ) {
        let (ours, theirs) = (apply(&base, &p1, "Me"), apply(&base, &p2, "Kai"));
        let one = merged(&base, &ours, &theirs);
        let two = merged(&base, &theirs, &ours);
        prop_assert_eq!(keys(&one.deck), keys(&two.deck));
        prop_assert_eq!(one.conflicts.len(), two.conflicts.len());
    }

    #[test]
    fn merging_is_deterministic_and_identity_is_exact(base in base_deck(), p1 in plan(), p2 in plan()) {
        let (ours, theirs) = (apply(&base, &p1, "Me"), apply(&base, &p2, "Kai"));
        prop_assert_eq!(merged(&base, &ours, &theirs), merged(&base, &ours, &theirs));
        prop_assert_eq!(&merged(&base, &ours, &base).deck, &ours, "nothing from theirs: ours");
        prop_assert_eq!(&merged(&base, &ours, &ours).deck, &ours, "the same on both sides");
    }
}
