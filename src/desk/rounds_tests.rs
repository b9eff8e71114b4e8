//! Rounds on the desk: sending cards, blocks and sections to a speech document (where they go,
//! one undo step each), marking, prep time, and the documents handed over.

use super::*;
use crate::export::Format;
use crate::export::speech_doc::Profile;
use crate::model::{DebateFormat, Item, Outline, Round};
use crate::search::CardPos;

fn desk_with_round() -> (tempfile::TempDir, Desk, SpeechId) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = Desk::new(dir.path().join("data"), fresh_session());
    let round = Round::new("Harvard", "R3", CaseSide::Aff, DebateFormat::Policy);
    let outcome = desk.apply(Intent::AddRound(Box::new(round)));
    let speech = outcome.select_speech.expect("the new round's first speech is selected");
    (dir, desk, speech)
}

fn key(desk: &Desk, block: usize, card: usize) -> CardKey {
    desk.key_at(CardPos { deck: 0, block, card }).expect("a card")
}

fn speech_items(desk: &Desk, speech: SpeechId) -> Vec<Vec<String>> {
    let outline = desk.ids().speech_outline(speech).expect("speech");
    let sections = desk.session().outline(outline).expect("sections");
    sections
        .iter()
        .map(|s| {
            s.items
                .iter()
                .map(|i| match i {
                    Item::Card { card, .. } => card.id.clone(),
                    Item::Analytic { text, .. } => text.clone(),
                })
                .collect()
        })
        .collect()
}

fn send(desk: &mut Desk, what: Sendable, to: SpeechId, after: Option<ItemId>) -> Outcome {
    let outcome = desk.apply(Intent::Send { what, to, after });
    assert!(outcome.session_changed, "{:?}", outcome.status);
    outcome
}

#[test]
fn sending_a_card_to_an_empty_speech_opens_a_section_named_by_its_block_and_lists_its_deck() {
    let (_dir, mut desk, speech) = desk_with_round();
    let card = key(&desk, 0, 0);
    let outcome = send(&mut desk, Sendable::Card(card.clone()), speech, None);
    assert_eq!(speech_items(&desk, speech), vec![vec![card.card.clone()]]);
    let outline = desk.ids().speech_outline(speech).unwrap();
    let block = &desk.decks()[0].blocks[0].title;
    assert_eq!(&desk.session().outline(outline).unwrap()[0].title, block);
    assert!(desk.session().deck_ref(&card.deck).is_some());
    assert!(outcome.status.unwrap().contains("to the 1AC"));
    assert_eq!(desk.item(outcome.select_item.unwrap()).unwrap().0, outline);
    desk.apply(Intent::Undo);
    assert_eq!(speech_items(&desk, speech), Vec::<Vec<String>>::new());
    assert!(desk.session().decks.is_empty(), "one undo step takes the deck reference too");
}

#[test]
fn a_sent_card_goes_after_the_selected_item_or_to_the_end() {
    let (_dir, mut desk, speech) = desk_with_round();
    let [a, b, c] = [key(&desk, 0, 0), key(&desk, 0, 1), key(&desk, 1, 0)];
    let first = send(&mut desk, Sendable::Card(a.clone()), speech, None).select_item;
    send(&mut desk, Sendable::Card(b.clone()), speech, None);
    send(&mut desk, Sendable::Card(c.clone()), speech, first);
    assert_eq!(speech_items(&desk, speech), vec![vec![a.card.clone(), c.card.clone(), b.card.clone()]]);
    // An item of another outline does not say where: the card goes to the end.
    send(&mut desk, Sendable::Card(a.clone()), speech, None);
    assert_eq!(speech_items(&desk, speech)[0].len(), 4);
    assert_eq!(speech_items(&desk, speech)[0][3], a.card);
    for _ in 0..4 {
        desk.apply(Intent::Undo);
    }
    assert!(speech_items(&desk, speech).is_empty());
}

#[test]
fn a_block_and_a_case_section_arrive_as_new_sections_in_one_undo_step_each() {
    let (_dir, mut desk, speech) = desk_with_round();
    let deck = desk.decks()[0].clone();
    let first = {
        let k = key(&desk, 0, 0);
        send(&mut desk, Sendable::Card(k), speech, None)
    }
    .select_item;
    send(&mut desk, Sendable::Block { deck: deck.id.clone(), block: 1 }, speech, None);
    let block_cards: Vec<String> = deck.blocks[1].cards.iter().map(|c| c.id.clone()).collect();
    assert_eq!(speech_items(&desk, speech)[1], block_cards);
    let outline = desk.ids().speech_outline(speech).unwrap();
    assert_eq!(desk.session().outline(outline).unwrap()[1].title, deck.blocks[1].title);
    // The case's section, with an analytic, goes after the section of the selected item.
    let place = Place { section: desk.ids().section_at(CaseSide::Aff, 0).unwrap(), before: None };
    desk.apply(Intent::AddAnalytic { place, text: "Extend this.".into() });
    let case_section = desk.ids().section_at(CaseSide::Aff, 0).unwrap();
    send(&mut desk, Sendable::Section(case_section), speech, first);
    let items = speech_items(&desk, speech);
    assert_eq!(items.len(), 3);
    assert_eq!(items[1], vec!["Extend this.".to_owned()]);
    assert_eq!(items[2], block_cards);
    desk.apply(Intent::Undo);
    assert_eq!(speech_items(&desk, speech).len(), 2, "undo takes the whole section out at once");
    desk.apply(Intent::Undo); // the analytic added to the case
    desk.apply(Intent::Undo);
    assert_eq!(speech_items(&desk, speech).len(), 1, "…and the whole block");
    assert!(desk.ids().matches(desk.session()));
}

#[test]
fn sending_to_a_removed_round_or_a_missing_card_changes_nothing() {
    let (_dir, mut desk, speech) = desk_with_round();
    let ghost = CardKey::new(desk.decks()[0].id.clone(), "no-such-card");
    let outcome = desk.apply(Intent::Send { what: Sendable::Card(ghost), to: speech, after: None });
    assert!(!outcome.session_changed);
    desk.apply(Intent::RemoveRound(speech.round));
    let before = desk.session().clone();
    let card = key(&desk, 0, 0);
    let outcome = desk.apply(Intent::Send { what: Sendable::Card(card), to: speech, after: None });
    assert!(!outcome.session_changed);
    assert_eq!(desk.session(), &before);
    desk.apply(Intent::Undo);
    assert!(desk.ids().speech_outline(speech).is_some(), "undoing the removal gives the round its id back");
}

#[test]
fn marking_a_card_records_where_and_when_and_replaces_its_earlier_mark() {
    let (_dir, mut desk, speech) = desk_with_round();
    let item = {
        let k = key(&desk, 0, 0);
        send(&mut desk, Sendable::Card(k), speech, None)
    }
    .select_item
    .unwrap();
    let outline = desk.ids().speech_outline(speech).unwrap();
    let Outline::Speech { round, speech: s } = outline else { unreachable!() };
    desk.apply(Intent::MarkSpeech { speech, item, point: Some((40, 95)) });
    desk.apply(Intent::MarkSpeech { speech, item, point: Some((60, 130)) });
    let marked = &desk.session().rounds[round].speeches[s].marked;
    assert_eq!(marked.len(), 1);
    assert_eq!((marked[0].offset, marked[0].at_seconds), (60, 130));
    desk.apply(Intent::Undo);
    assert_eq!(desk.session().rounds[round].speeches[s].marked[0].offset, 40);
    desk.apply(Intent::MarkSpeech { speech, item, point: None });
    assert!(desk.session().rounds[round].speeches[s].marked.is_empty());
    // A case item is not a card of the speech.
    let place = Place { section: desk.ids().section_at(CaseSide::Aff, 0).unwrap(), before: None };
    let analytic = desk.apply(Intent::AddAnalytic { place, text: "x".into() }).select_item.unwrap();
    assert!(!desk.apply(Intent::MarkSpeech { speech, item: analytic, point: Some((1, 1)) }).session_changed);
}

#[test]
fn prep_used_is_kept_with_the_round_and_facts_can_change() {
    let (_dir, mut desk, speech) = desk_with_round();
    desk.apply(Intent::SetPrepUsed { round: speech.round, prep: [95, 30] });
    assert_eq!(desk.session().rounds[0].prep_used, [95, 30]);
    assert!(desk.is_dirty());
    desk.apply(Intent::Undo);
    assert_eq!(desk.session().rounds.len(), 0, "prep is a record, not an undo step: Undo takes the round");
    desk.apply(Intent::Redo);
    assert_eq!(desk.session().rounds[0].prep_used, [95, 30], "…and Redo brings it back with its prep");
    let mut facts = desk.session().rounds[0].facts();
    facts.opponent = "Lexington AB".into();
    desk.apply(Intent::SetRoundFacts { round: speech.round, facts: Box::new(facts) });
    assert_eq!(desk.session().rounds[0].label(), "Harvard R3 vs Lexington AB");
}

#[test]
fn a_speech_exports_through_its_profile_and_a_round_discloses() {
    let (dir, mut desk, speech) = desk_with_round();
    let item = {
        let k = key(&desk, 0, 0);
        send(&mut desk, Sendable::Card(k), speech, None)
    }
    .select_item
    .unwrap();
    desk.apply(Intent::MarkSpeech { speech, item, point: Some((30, 212)) });
    let path = dir.path().join("Speech 1AC Harvard R3");
    let outcome =
        desk.apply(Intent::ExportSpeech { speech, profile: Profile::Marked, format: Format::Markdown, path });
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    let written = std::fs::read_to_string(dir.path().join("Speech 1AC Harvard R3.md")).unwrap();
    assert!(written.contains("[MARKED 3:32]"), "{written}");
    let path = dir.path().join("disclosure");
    let outcome = desk.apply(Intent::Disclose { round: speech.round, path });
    assert!(outcome.status.unwrap().contains("Aff-Harvard-Round3.docx"));
    assert!(std::fs::read_to_string(dir.path().join("disclosure.md")).unwrap().contains("1AC"));
    // A folder that does not exist: a clear problem and nothing written.
    let path = dir.path().join("missing").join("x");
    let outcome = desk.apply(Intent::Disclose { round: speech.round, path });
    assert!(outcome.problem.is_some());
}

#[test]
fn removing_a_marked_card_drops_its_mark_in_the_same_step_so_the_session_still_saves() {
    let (dir, mut desk, speech) = desk_with_round();
    let item = {
        let k = key(&desk, 0, 0);
        send(&mut desk, Sendable::Card(k), speech, None)
    }
    .select_item
    .unwrap();
    desk.apply(Intent::MarkSpeech { speech, item, point: Some((30, 60)) });
    desk.apply(Intent::RemoveItem(item));
    assert!(desk.session().rounds[0].speeches[0].marked.is_empty());
    let path = dir.path().join("round.session.ron");
    let outcome = desk.apply(Intent::SaveSession(path.clone()));
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    assert!(crate::format::load_session(&path).is_ok());
    desk.apply(Intent::Undo);
    let doc = &desk.session().rounds[0].speeches[0];
    assert_eq!((doc.marked.len(), doc.sections[0].items.len()), (1, 1), "one undo brings back card and mark");
    desk.apply(Intent::Redo);
    let doc = &desk.session().rounds[0].speeches[0];
    assert_eq!((doc.marked.len(), doc.sections[0].items.len()), (0, 0), "one redo takes both again");
    desk.apply(Intent::Undo);
    // A whole section removed takes its marks too.
    let section = desk.ids().section_at(desk.ids().speech_outline(speech).unwrap(), 0).unwrap();
    desk.apply(Intent::RemoveSection(section));
    assert!(desk.session().rounds[0].speeches[0].marked.is_empty());
}
