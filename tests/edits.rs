//! Edits as values: each edit's inverse restores the exact state; undo/redo through History;
//! failed edits change nothing; the unsaved marker follows undo back to the saved state.

mod common;

use casebook::model::{CaseSide, DebateFormat, Item, MarkedPoint, Outline, Round, Section, SectionKind};
use casebook::ops::{DeckOp, Edit, History, SessionOp, Workspace};
use proptest::prelude::*;

fn workspace() -> Workspace {
    let mut session = common::session();
    let round = Round::from_cases("Harvard", "R3", CaseSide::Aff, DebateFormat::Policy, &session);
    session.rounds.push(round);
    Workspace { session, decks: vec![common::deck()] }
}

fn analytic(text: &str) -> Item {
    Item::analytic(text)
}

fn every_kind_of_edit() -> Vec<Edit> {
    use SessionOp::*;
    let aff = Outline::Case(CaseSide::Aff);
    let speech = Outline::Speech { round: 0, speech: 0 };
    let mut facts = workspace().session.rounds[0].facts();
    facts.opponent = "Lexington AB".into();
    let mark = MarkedPoint { card: "kim-1".into(), offset: 12, at_seconds: 95 };
    vec![
        Edit::Session(InsertItem { outline: speech, section: 0, index: 0, item: analytic("Overview.") }),
        Edit::Session(MoveItem { outline: speech, from: (0, 0), to: (0, 1) }),
        Edit::Session(RemoveSection { outline: Outline::Speech { round: 0, speech: 0 }, index: 0 }),
        Edit::Session(AddRound {
            index: 0,
            round: Box::new(Round::new("Yale", "R1", CaseSide::Neg, DebateFormat::LincolnDouglas)),
        }),
        Edit::Session(RemoveRound { index: 0 }),
        Edit::Session(SetRoundFacts { index: 0, facts: Box::new(facts) }),
        Edit::Session(SetMarked { round: 0, speech: 0, marked: vec![mark] }),
        Edit::Session(SetPrepUsed { round: 0, prep: [60, 0] }),
        Edit::Session(AddSection {
            outline: aff,
            index: 1,
            section: Section::new("C2", SectionKind::Contention),
        }),
        Edit::Session(RemoveSection { outline: aff, index: 0 }),
        Edit::Session(RenameSection { outline: aff, index: 0, title: "Contention One".into() }),
        Edit::Session(InsertItem { outline: aff, section: 0, index: 2, item: analytic("Extend Kim.") }),
        Edit::Session(RemoveItem { outline: aff, section: 0, index: 0 }),
        Edit::Session(ReplaceItem { outline: aff, section: 0, index: 1, item: analytic("Rewritten.") }),
        Edit::Session(MoveItem { outline: aff, from: (0, 0), to: (0, 1) }),
        Edit::Session(SetCaseTitle { side: CaseSide::Neg, title: "1NC".into() }),
        Edit::Session(SetSpeechSeconds { side: CaseSide::Aff, seconds: 360 }),
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
    let err = Edit::Session(SessionOp::RemoveItem { outline: CaseSide::Aff.into(), section: 0, index: 9 })
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
        SessionOp::RemoveSection { outline: CaseSide::Aff.into(), index: 7 },
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
    // Both cases, two speeches of the round, and a round that may not exist.
    let outline = prop_oneof![
        Just(Outline::Case(CaseSide::Aff)),
        Just(Outline::Case(CaseSide::Neg)),
        Just(Outline::Speech { round: 0, speech: 0 }),
        Just(Outline::Speech { round: 0, speech: 2 }),
        Just(Outline::Speech { round: 1, speech: 0 }),
    ];
    prop_oneof![
        (outline.clone(), 0usize..3, "[a-z]{1,5}").prop_map(|(outline, index, t)| Edit::Session(
            SessionOp::AddSection { outline, index, section: Section::new(t, SectionKind::Other) }
        )),
        (outline.clone(), 0usize..3)
            .prop_map(|(outline, index)| Edit::Session(SessionOp::RemoveSection { outline, index })),
        (outline.clone(), 0usize..3, 0usize..3)
            .prop_map(|(outline, from, to)| Edit::Session(SessionOp::MoveSection { outline, from, to })),
        (outline.clone(), 0usize..3, 0usize..4, "[a-z]{1,5}").prop_map(|(outline, section, index, t)| {
            Edit::Session(SessionOp::InsertItem { outline, section, index, item: Item::analytic(t) })
        }),
        (outline.clone(), 0usize..3, 0usize..4).prop_map(|(outline, section, index)| Edit::Session(
            SessionOp::RemoveItem { outline, section, index }
        )),
        (outline, (0usize..3, 0usize..4), (0usize..3, 0usize..4))
            .prop_map(|(outline, from, to)| Edit::Session(SessionOp::MoveItem { outline, from, to })),
        (0usize..3, "[A-Z]{1,4}").prop_map(|(index, t)| Edit::Session(SessionOp::AddRound {
            index,
            round: Box::new(Round::new(t, "R1", CaseSide::Aff, DebateFormat::PublicForum))
        })),
        (0usize..3).prop_map(|index| Edit::Session(SessionOp::RemoveRound { index })),
        (0usize..2, 0u32..500)
            .prop_map(|(round, p)| Edit::Session(SessionOp::SetPrepUsed { round, prep: [p, 1] })),
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
