//! Edits as values: each edit's inverse restores the exact state; undo/redo through History;
//! failed edits change nothing; the unsaved marker follows undo back to the saved state.

mod common;

use casebook::model::{CaseSide, Item, Section, SectionKind};
use casebook::ops::{DeckOp, Edit, History, SessionOp, Workspace};
use proptest::prelude::*;

fn workspace() -> Workspace {
    Workspace { session: common::session(), decks: vec![common::deck()] }
}

fn analytic(text: &str) -> Item {
    Item::Analytic { text: text.into() }
}

fn every_kind_of_edit() -> Vec<Edit> {
    use SessionOp::*;
    let aff = CaseSide::Aff;
    vec![
        Edit::Session(AddSection {
            side: aff,
            index: 1,
            section: Section::new("C2", SectionKind::Contention),
        }),
        Edit::Session(RemoveSection { side: aff, index: 0 }),
        Edit::Session(RenameSection { side: aff, index: 0, title: "Contention One".into() }),
        Edit::Session(InsertItem { side: aff, section: 0, index: 2, item: analytic("Extend Kim.") }),
        Edit::Session(RemoveItem { side: aff, section: 0, index: 0 }),
        Edit::Session(ReplaceItem { side: aff, section: 0, index: 1, item: analytic("Rewritten.") }),
        Edit::Session(MoveItem { side: aff, from: (0, 0), to: (0, 1) }),
        Edit::Session(SetCaseTitle { side: CaseSide::Neg, title: "1NC".into() }),
        Edit::Session(SetSpeechSeconds { side: aff, seconds: 360 }),
        Edit::Session(SetWpm(300)),
        Edit::Session(SetNotes("new notes".into())),
        Edit::Session(SetDecks(vec![])),
        Edit::Deck { deck: "test-aff".into(), op: DeckOp::RenameBlock { index: 0, title: "Hubs".into() } },
        Edit::Deck { deck: "test-aff".into(), op: DeckOp::RemoveCard { block: 1, index: 0 } },
        Edit::Deck { deck: "test-aff".into(), op: DeckOp::MoveCard { from: (0, 0), to: (1, 1) } },
        Edit::Deck {
            deck: "test-aff".into(),
            op: DeckOp::ReplaceCard { block: 0, index: 0, card: common::card("new") },
        },
        Edit::Deck { deck: "test-aff".into(), op: DeckOp::SetTitle("Renamed".into()) },
        Edit::Deck { deck: "test-aff".into(), op: DeckOp::RemoveBlock { index: 0 } },
        Edit::Deck { deck: "test-aff".into(), op: DeckOp::ReplaceSource { index: 0, source: common::kim() } },
    ]
}

#[test]
fn each_edit_changes_state_and_its_inverse_restores_it_exactly() {
    for edit in every_kind_of_edit() {
        let mut ws = workspace();
        let inverse = edit.clone().apply(&mut ws).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        if !matches!(&edit, Edit::Deck { op: DeckOp::ReplaceSource { .. }, .. }) {
            assert_ne!(ws, workspace(), "{edit:?} changed nothing");
        }
        inverse.apply(&mut ws).unwrap();
        assert_eq!(ws, workspace(), "inverse of {edit:?} did not restore");
    }
}

#[test]
fn out_of_range_edit_fails_and_changes_nothing() {
    let mut ws = workspace();
    let err = Edit::Session(SessionOp::RemoveItem { side: CaseSide::Aff, section: 0, index: 9 })
        .apply(&mut ws)
        .unwrap_err();
    assert_eq!(err.to_string(), "item 9 does not exist (there are 2)");
    assert_eq!(ws, workspace());
    assert!(Edit::Deck { deck: "nope".into(), op: DeckOp::SetTitle("x".into()) }.apply(&mut ws).is_err());
}

#[test]
fn failed_batch_rolls_back_its_applied_part() {
    let mut ws = workspace();
    let batch = SessionOp::Batch(vec![
        SessionOp::SetNotes("half".into()),
        SessionOp::RemoveSection { side: CaseSide::Aff, index: 7 },
    ]);
    assert!(Edit::Session(batch).apply(&mut ws).is_err());
    assert_eq!(ws, workspace());
}

#[test]
fn undo_and_redo_walk_the_history_and_track_unsaved_changes() {
    let mut ws = workspace();
    let mut history = History::new();
    assert!(!history.is_dirty());
    history.apply(&mut ws, Edit::Session(SessionOp::SetWpm(300))).unwrap();
    let after_one = ws.clone();
    history.mark_saved();
    history.apply(&mut ws, Edit::Session(SessionOp::SetNotes("x".into()))).unwrap();
    assert!(history.is_dirty());
    assert!(history.undo(&mut ws).unwrap());
    assert_eq!(ws, after_one);
    assert!(!history.is_dirty(), "undo back to the saved state is clean");
    assert!(history.undo(&mut ws).unwrap());
    assert_eq!(ws, workspace());
    assert!(history.is_dirty());
    assert!(!history.undo(&mut ws).unwrap(), "nothing left to undo");
    assert!(history.redo(&mut ws).unwrap());
    assert_eq!(ws, after_one);
    history.apply(&mut ws, Edit::Session(SessionOp::SetNotes("y".into()))).unwrap();
    assert!(!history.can_redo(), "a new edit clears redo");
}

fn arbitrary_edit() -> impl Strategy<Value = Edit> {
    let side = prop_oneof![Just(CaseSide::Aff), Just(CaseSide::Neg)];
    prop_oneof![
        (side.clone(), 0usize..3, "[a-z]{1,5}").prop_map(|(side, index, t)| Edit::Session(
            SessionOp::AddSection { side, index, section: Section::new(t, SectionKind::Other) }
        )),
        (side.clone(), 0usize..3)
            .prop_map(|(side, index)| Edit::Session(SessionOp::RemoveSection { side, index })),
        (side.clone(), 0usize..3, 0usize..3)
            .prop_map(|(side, from, to)| Edit::Session(SessionOp::MoveSection { side, from, to })),
        (side.clone(), 0usize..3, 0usize..4, "[a-z]{1,5}").prop_map(|(side, section, index, t)| {
            Edit::Session(SessionOp::InsertItem { side, section, index, item: Item::Analytic { text: t } })
        }),
        (side.clone(), 0usize..3, 0usize..4)
            .prop_map(|(side, section, index)| Edit::Session(SessionOp::RemoveItem { side, section, index })),
        (side, (0usize..3, 0usize..4), (0usize..3, 0usize..4))
            .prop_map(|(side, from, to)| Edit::Session(SessionOp::MoveItem { side, from, to })),
        ((0usize..2, 0usize..3), (0usize..2, 0usize..3))
            .prop_map(|(from, to)| Edit::Deck { deck: "test-aff".into(), op: DeckOp::MoveCard { from, to } }),
    ]
}

proptest! {
    #[test]
    fn undoing_any_edit_sequence_restores_the_start_and_redo_replays_it(edits in prop::collection::vec(arbitrary_edit(), 0..30)) {
        let mut ws = workspace();
        let mut history = History::new();
        let mut states = vec![ws.clone()];
        for edit in edits {
            if history.apply(&mut ws, edit).is_ok() {
                states.push(ws.clone());
            }
        }
        let end = ws.clone();
        for expected in states.iter().rev().skip(1) {
            prop_assert!(history.undo(&mut ws).unwrap());
            prop_assert_eq!(&ws, expected);
        }
        while history.redo(&mut ws).unwrap() {}
        prop_assert_eq!(ws, end);
    }
}
