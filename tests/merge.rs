//! Card-level three-way merge of decks, as teammates who split research use it: scenarios named
//! for what a teammate does, stable files, and properties (no card is ever lost, the result does
//! not depend on argument order except for which conflict version comes first, merging is
//! deterministic).

mod common;

use casebook::format::deck_to_string;
use casebook::merge::{check_incoming, merge_decks};
use casebook::model::{Block, ConflictSide, Provenance};

/// A source other than [`common::kim`].
mod merge_support;

use merge_support::*;

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
    ours.blocks.push(Block::new("Mine at the end", vec![card("m", "M")]));
    let mut theirs = base.clone();
    theirs.blocks.insert(1, Block::new("Theirs in the middle", vec![card("t", "T")]));
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
fn merging_decks_of_thousands_of_cards_and_blocks_keeps_every_card() {
    // Size is bounded by the 16 MiB file limit; the layout step is linear (its speed is not timed here).
    let mut base = common::deck();
    base.blocks = (0..2000)
        .map(|b| Block {
            title: format!("Block {b}"),
            cards: (0..5).map(|i| card(&format!("c{b}-{i}"), "T")).collect(),
            ..Default::default()
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
    theirs
        .blocks
        .extend((0..2000).map(|b| Block::new(format!("New {b}"), vec![card(&format!("n{b}"), "N")])));
    let r = merge_decks(&base, &ours, &theirs);
    assert!(r.is_clean());
    assert_eq!(r.deck.card_count(), 2000 * 6 + 2000);
    assert_eq!(r.deck.blocks.len(), 4000);
    assert_eq!(r.deck.blocks[0].title, "Renamed 0");
    assert_eq!(tags(&r.deck)[0][..2], ["Theirs", "Ours"]);
}
