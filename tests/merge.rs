//! Card-level three-way merge of decks, as teammates who split research use it: scenarios named
//! for what a teammate does, stable files, and properties (no card is ever lost, the result does
//! not depend on argument order except for which conflict version comes first, merging is
//! deterministic).

mod common;

use std::path::Path;

use casebook::format::{deck_to_string, parse_deck};
use casebook::merge::{MergeResult, check_incoming, merge_decks};
use casebook::model::{Block, Card, ConflictSide, Deck, Provenance, Source};

/// A source other than [`common::kim`].
fn pechko() -> Source {
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

fn card(id: &str, tag: &str) -> Card {
    let mut c = common::card(id);
    c.tag = tag.into();
    c.provenance = Provenance::created("Ana", "2026-11-01T10:00:00Z");
    c
}

/// The deck every scenario starts from: two blocks, four cards.
fn base() -> Deck {
    let mut d = common::deck();
    d.blocks = vec![
        Block {
            title: "Hub-and-spoke is inadequate".into(),
            cards: vec![card("a1", "A1"), card("a2", "A2")],
        },
        Block { title: "Answers to: SEATO failed".into(), cards: vec![card("b1", "B1"), card("b2", "B2")] },
    ];
    d
}

fn edit(deck: &mut Deck, id: &str, who: &str, tag: &str) {
    let c = deck.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()).find(|c| c.id == id).unwrap();
    c.tag = tag.into();
    c.provenance.record_change(who, "2026-11-20T12:00:00Z");
}

fn remove(deck: &mut Deck, id: &str) -> Card {
    for b in &mut deck.blocks {
        if let Some(i) = b.cards.iter().position(|c| c.id == id) {
            return b.cards.remove(i);
        }
    }
    panic!("no card {id}")
}

fn tags(deck: &Deck) -> Vec<Vec<String>> {
    deck.blocks.iter().map(|b| b.cards.iter().map(|c| c.tag.clone()).collect()).collect()
}

/// Merges and checks the result is a valid deck that saves and loads unchanged.
fn merged(base: &Deck, ours: &Deck, theirs: &Deck) -> MergeResult {
    let result = merge_decks(base, ours, theirs);
    let text = deck_to_string(&result.deck).unwrap();
    let loaded = parse_deck(&text, Path::new("merged.deck.ron"))
        .unwrap_or_else(|e| panic!("the merge gave an invalid deck:\n{e}\n{text}"));
    assert_eq!(loaded, result.deck);
    result
}

#[test]
fn teammate_adds_card_while_i_edit_another_merges_cleanly() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a1", "Me", "A1 sharper");
    let mut theirs = base.clone();
    theirs.blocks[1].cards.insert(1, card("b15", "B1.5"));
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean(), "{:?}", r.report);
    assert_eq!(tags(&r.deck), [vec!["A1 sharper", "A2"], vec!["B1", "B1.5", "B2"]]);
    assert_eq!(r.deck.card("a1").unwrap().provenance.changed_by, "Me");
}

#[test]
fn we_edit_different_cards_and_both_edits_survive() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a2", "Me", "A2 mine");
    let mut theirs = base.clone();
    edit(&mut theirs, "b1", "Kai", "B1 theirs");
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean() && r.report.is_empty(), "{:?}", r.report);
    assert_eq!(tags(&r.deck), [vec!["A1", "A2 mine"], vec!["B1 theirs", "B2"]]);
}

#[test]
fn teammate_deletes_a_card_i_left_alone_and_it_goes() {
    let base = base();
    let mut theirs = base.clone();
    remove(&mut theirs, "a2");
    let r = merged(&base, &base, &theirs);
    assert!(r.is_clean());
    assert_eq!(tags(&r.deck), [vec!["A1"], vec!["B1", "B2"]]);
}

#[test]
fn teammate_deletes_a_card_i_edited_and_my_edit_is_kept_and_reported() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "b2", "Me", "B2 improved");
    let mut theirs = base.clone();
    remove(&mut theirs, "b2");
    let r = merged(&base, &ours, &theirs);
    assert_eq!(tags(&r.deck), [vec!["A1", "A2"], vec!["B1", "B2 improved"]]);
    assert!(r.report.iter().any(|l| l.contains("\"b2\"") && l.contains("kept ours")), "{:?}", r.report);
    // And the other way round: I delete, they edit.
    let r = merged(&base, &theirs, &ours);
    assert_eq!(tags(&r.deck), [vec!["A1", "A2"], vec!["B1", "B2 improved"]]);
    assert!(r.report.iter().any(|l| l.contains("kept theirs")), "{:?}", r.report);
}

#[test]
fn we_both_delete_the_same_card_and_it_goes() {
    let base = base();
    let mut ours = base.clone();
    remove(&mut ours, "a1");
    let r = merged(&base, &ours, &ours.clone());
    assert!(r.is_clean());
    assert!(r.deck.card("a1").is_none());
}

#[test]
fn we_both_cut_the_same_card_and_keep_one() {
    let base = base();
    let mut ours = base.clone();
    ours.blocks[0].cards.push(card("new", "Same card"));
    let mut theirs = base.clone();
    let mut same = card("new", "Same card");
    same.provenance = Provenance::created("Kai", "2026-11-21T09:00:00Z");
    theirs.blocks[0].cards.push(same.clone());
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean(), "{:?}", r.report);
    assert_eq!(r.deck.card_count(), 5);
    assert_eq!(r.deck.card("new"), Some(&same), "the later provenance wins, whichever side it is on");
    assert_eq!(merged(&base, &theirs, &ours).deck.card("new"), Some(&same));
}

#[test]
fn we_both_make_the_same_edit_and_it_merges_cleanly() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a1", "Me", "A1 fixed");
    let r = merged(&base, &ours, &ours.clone());
    assert!(r.is_clean());
    assert_eq!(r.deck, ours);
}

#[test]
fn we_both_edit_the_same_card_and_keep_both_versions_as_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a1", "Me", "A1 my way");
    let mut theirs = base.clone();
    edit(&mut theirs, "a1", "Kai", "A1 their way");
    edit(&mut theirs, "b2", "Kai", "B2 theirs");
    let r = merged(&base, &ours, &theirs);
    assert!(!r.is_clean());
    assert_eq!(r.conflicts, ["a1"]);
    assert_eq!(tags(&r.deck), [vec!["A1 my way", "A1 their way", "A2"], vec!["B1", "B2 theirs"]]);
    let mine = &r.deck.blocks[0].cards[0];
    let other = &r.deck.blocks[0].cards[1];
    assert_eq!(mine.id, "a1");
    assert_eq!(other.id, "a1~theirs");
    let (c1, c2) = (mine.conflict.as_ref().unwrap(), other.conflict.as_ref().unwrap());
    assert_eq!((c1.with.as_str(), c1.side), ("a1~theirs", ConflictSide::Ours));
    assert_eq!((c2.with.as_str(), c2.side), ("a1", ConflictSide::Theirs));
    assert_eq!(other.provenance.changed_by, "Kai", "their version keeps their provenance");
    assert!(r.report.iter().any(|l| l.contains("kept both versions")), "{:?}", r.report);
}

#[test]
fn we_both_cut_different_cards_under_one_id_and_keep_both() {
    let base = base();
    let mut ours = base.clone();
    ours.blocks[1].cards.push(card("x", "Mine"));
    let mut theirs = base.clone();
    theirs.blocks[1].cards.push(card("x", "Theirs"));
    let r = merged(&base, &ours, &theirs);
    assert_eq!(r.conflicts, ["x"]);
    assert_eq!(tags(&r.deck)[1], ["B1", "B2", "Mine", "Theirs"]);
}

#[test]
fn a_second_conflict_on_a_card_still_unresolved_gets_a_fresh_id() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a1", "Me", "A1 v1");
    let mut theirs = base.clone();
    edit(&mut theirs, "a1", "Kai", "A1 v2");
    let first = merged(&base, &ours, &theirs).deck;
    // Nobody resolves it; both keep working on the conflicting card.
    let mut ours2 = first.clone();
    edit(&mut ours2, "a1", "Me", "A1 v3");
    let mut theirs2 = first.clone();
    edit(&mut theirs2, "a1", "Kai", "A1 v4");
    let r = merged(&first, &ours2, &theirs2);
    assert_eq!(r.conflicts, ["a1"]);
    let ids: Vec<&str> = r.deck.blocks[0].cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids[1].starts_with("a1~theirs-"), "{ids:?}");
}

#[test]
fn identical_content_with_different_history_is_not_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a1", "Me", "Same words");
    let mut theirs = base.clone();
    edit(&mut theirs, "a1", "Kai", "Same words");
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean(), "{:?}", r.report);
    assert_eq!(r.deck.card("a1").unwrap().provenance.changed_by, "Me", "same time: by name, then content");
}

#[test]
fn teammate_adds_a_block_and_it_lands_after_the_block_before_it() {
    let base = base();
    let mut ours = base.clone();
    ours.blocks.push(Block { title: "Mine at the end".into(), cards: vec![card("m", "M")] });
    let mut theirs = base.clone();
    theirs.blocks.insert(1, Block { title: "Theirs in the middle".into(), cards: vec![card("t", "T")] });
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean());
    let titles: Vec<&str> = r.deck.blocks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Hub-and-spoke is inadequate",
            "Theirs in the middle",
            "Answers to: SEATO failed",
            "Mine at the end"
        ]
    );
}

#[test]
fn teammate_renames_a_block_while_i_add_a_card_to_it() {
    let base = base();
    let mut ours = base.clone();
    ours.blocks[0].cards.push(card("a3", "A3"));
    let mut theirs = base.clone();
    theirs.blocks[0].title = "Hub-and-spoke fails".into();
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean());
    assert_eq!(r.deck.blocks[0].title, "Hub-and-spoke fails");
    assert_eq!(tags(&r.deck)[0], ["A1", "A2", "A3"]);
}

#[test]
fn teammate_moves_a_card_to_another_block_while_i_edit_it() {
    let base = base();
    let mut ours = base.clone();
    edit(&mut ours, "a2", "Me", "A2 edited");
    let mut theirs = base.clone();
    let moved = remove(&mut theirs, "a2");
    theirs.blocks[1].cards.insert(1, moved);
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean(), "{:?}", r.report);
    assert_eq!(tags(&r.deck), [vec!["A1"], vec!["B1", "A2 edited", "B2"]]);
}

#[test]
fn teammate_removes_a_block_i_added_a_card_to_and_the_block_stays() {
    let base = base();
    let mut ours = base.clone();
    ours.blocks[1].cards.push(card("b3", "B3"));
    let mut theirs = base.clone();
    theirs.blocks.remove(1);
    let r = merged(&base, &ours, &theirs);
    assert_eq!(tags(&r.deck), [vec!["A1", "A2"], vec!["B3"]]);
    // Without my addition the block goes with its cards.
    let r = merged(&base, &base, &theirs);
    assert_eq!(tags(&r.deck), [vec!["A1", "A2"]]);
}

#[test]
fn teammate_adds_a_source_with_the_card_that_cites_it() {
    let base = base();
    let mut theirs = base.clone();
    theirs.sources.push(pechko());
    let mut c = card("p1", "P1");
    c.source = "pechko-2025".into();
    theirs.blocks[0].cards.push(c);
    let mut ours = base.clone();
    ours.sources[0].note = "Security think tank head.".into();
    let r = merged(&base, &ours, &theirs);
    assert!(r.is_clean(), "{:?}", r.report);
    let ids: Vec<&str> = r.deck.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["kim-2025", "pechko-2025"]);
    assert_eq!(r.deck.sources[0].note, "Security think tank head.");
}

#[test]
fn a_source_i_deleted_stays_while_a_teammates_card_cites_it() {
    let mut base = base();
    base.sources.push(pechko());
    let mut ours = base.clone();
    ours.sources.pop();
    let mut theirs = base.clone();
    let mut c = card("p1", "P1");
    c.source = "pechko-2025".into();
    theirs.blocks[0].cards.push(c);
    let r = merged(&base, &ours, &theirs);
    assert!(r.deck.source("pechko-2025").is_some());
    assert!(merged(&base, &ours, &base).deck.source("pechko-2025").is_none());
}

#[test]
fn we_both_retitle_the_deck_and_mine_wins_but_the_merge_is_not_clean() {
    let base = base();
    let mut ours = base.clone();
    ours.title = "Mine".into();
    ours.description = "My description".into();
    let mut theirs = base.clone();
    theirs.title = "Theirs".into();
    let r = merged(&base, &ours, &theirs);
    assert_eq!((r.deck.title.as_str(), r.deck.description.as_str()), ("Mine", "My description"));
    assert!(r.conflicts.is_empty() && !r.is_clean());
    assert!(r.overridden[0].contains("\"Theirs\""), "{:?}", r.overridden);
    let mut theirs = base.clone();
    theirs.description = "Their description".into();
    let r = merged(&base, &base, &theirs);
    assert!(r.is_clean());
    assert_eq!(r.deck.description, "Their description");
}

#[test]
fn merging_three_identical_files_reproduces_the_file_byte_for_byte() {
    for deck in casebook::bundled::decks().into_iter().map(Result::unwrap).chain([base()]) {
        let text = deck_to_string(&deck).unwrap();
        let r = merged(&deck, &deck, &deck);
        assert!(r.is_clean() && r.report.is_empty());
        assert_eq!(deck_to_string(&r.deck).unwrap(), text, "{}", deck.id);
    }
}

/// The 0-based indices of the first and last line of the card with `id` in saved deck text.
fn card_lines(text: &str, id: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.trim() == format!("id: {id:?},")).unwrap();
    let indent = lines[at].len() - lines[at].trim_start().len() - 4;
    let open = (0..at).rev().find(|&i| lines[i].len() - lines[i].trim_start().len() == indent).unwrap();
    let close = (at..lines.len()).find(|&i| lines[i] == format!("{}),", " ".repeat(indent))).unwrap();
    (open, close)
}

#[test]
fn one_changed_card_changes_only_that_cards_lines_in_a_diff() {
    let deck = casebook::bundled::deck("asian-nato-aff").unwrap();
    let before = deck_to_string(&deck).unwrap();
    let mut after = deck.clone();
    let card = &mut after.blocks[2].cards[1];
    let id = card.id.clone();
    card.tag.push_str(" — and it is getting worse");
    card.marks.pop();
    card.provenance.record_change("Kai", "2026-11-22T19:41:07Z");
    let after = deck_to_string(&after).unwrap();
    let (a, b): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (open_a, close_a) = card_lines(&before, &id);
    let (open_b, close_b) = card_lines(&after, &id);
    assert!(prefix > open_a && prefix > open_b, "a line before the card changed");
    assert!(a.len() - suffix <= close_a && b.len() - suffix <= close_b, "a line after the card changed");
    assert!(b.len() > a.len(), "the provenance lines were added to the card");
}

#[test]
fn a_deck_from_someone_else_with_my_id_but_another_resolution_is_flagged() {
    let mine = base();
    let mut incoming = base();
    incoming.resolution = "Resolved: The United States should abolish the Electoral College.".into();
    let warnings = check_incoming(std::slice::from_ref(&mine), &incoming);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("Electoral College"));
    assert!(check_incoming(&[mine], &base()).is_empty());
}

#[test]
fn merging_decks_of_thousands_of_cards_and_blocks_stays_quick() {
    // Size is bounded by the 16 MiB file limit; the merge must stay roughly linear in it.
    let mut base = common::deck();
    base.blocks = (0..2000)
        .map(|b| Block {
            title: format!("Block {b}"),
            cards: (0..5).map(|i| card(&format!("c{b}-{i}"), "T")).collect(),
        })
        .collect();
    let mut ours = base.clone();
    for block in ours.blocks.iter_mut().step_by(2) {
        block.cards[0].tag = "Ours".into();
    }
    let mut theirs = base.clone();
    for (b, block) in theirs.blocks.iter_mut().enumerate() {
        block.cards.insert(0, card(&format!("t{b}"), "Theirs"));
        block.title = format!("Renamed {b}");
    }
    theirs.blocks.extend(
        (0..2000).map(|b| Block { title: format!("New {b}"), cards: vec![card(&format!("n{b}"), "N")] }),
    );
    let started = std::time::Instant::now();
    let r = merge_decks(&base, &ours, &theirs);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    assert!(r.is_clean());
    assert_eq!(r.deck.card_count(), 2000 * 6 + 2000);
    assert_eq!(r.deck.blocks.len(), 4000);
    assert_eq!(r.deck.blocks[0].title, "Renamed 0");
    assert_eq!(tags(&r.deck)[0][..2], ["Theirs", "Ours"]);
}

mod properties {
    //! Random teammates: each side keeps, edits, deletes, moves and adds cards and blocks.

    use super::*;
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
                    let c =
                        d.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()).find(|c| &c.id == id).unwrap();
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
            d.blocks
                .insert(1.min(d.blocks.len()), Block { title: format!("New block {v}"), cards: Vec::new() });
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
}
