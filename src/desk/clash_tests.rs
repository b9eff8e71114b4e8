//! Answer links on the desk: linking in the library (one undo step, written through), what the
//! clash map of a case then says, and that a card cannot answer itself.

use super::*;
use crate::clash::Coverage;
use crate::model::{AnswerHow, AnswerTarget, Item, Side};

fn desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::new(dir.path().join("data"), fresh_session());
    (dir, desk)
}

/// The first neg argument of the bundled decks and an aff card that does not answer it yet.
fn neg_argument_and_aff_card(desk: &Desk) -> (usize, CardKey) {
    let index = desk.clash_index(Side::Neg);
    let (n, _) = index.arguments().iter().enumerate().next().expect("the neg runs arguments");
    let aff = desk.decks().iter().find(|d| d.id == "asian-nato-aff").expect("aff deck");
    let card = aff.cards().next().expect("a card");
    (n, CardKey::new(&aff.id, &card.id))
}

#[test]
fn a_link_made_in_the_library_shows_in_the_clash_map_and_undoes_in_one_step() {
    let (_dir, mut desk) = desk();
    let (n, key) = neg_argument_and_aff_card(&desk);
    let argument = desk.clash_index(Side::Neg).arguments()[n].clone();
    let target = AnswerTarget::Block { deck: argument.deck.clone(), title: argument.title.clone() };
    let before = desk.clash(CaseSide::Aff.into()).expect("the aff case").1[n].clone();
    assert!(!before.available.contains(&(key.deck.clone(), key.card.clone())));
    let outcome = desk.apply(Intent::LinkAnswer {
        answer: key.clone(),
        target: target.clone(),
        how: AnswerHow::Denies,
    });
    assert!(outcome.decks_changed, "{:?}", outcome.status);
    let (against, map) = desk.clash(CaseSide::Aff.into()).unwrap().clone();
    assert_eq!(against, Side::Neg);
    assert!(map[n].available.contains(&(key.deck.clone(), key.card.clone())));
    assert_ne!(map[n].coverage, Coverage::Missing);
    // Placed in the case (its copy made after the link), the argument is answered.
    let place = Place { section: desk.ids().section_at(CaseSide::Aff, 0).unwrap(), before: None };
    desk.apply(Intent::AddCard { card: key.clone(), place });
    assert_eq!(desk.clash(CaseSide::Aff.into()).unwrap().1[n].coverage, Coverage::Answered);
    // Linking again another way replaces the way; unlinking and undo work card by card.
    desk.apply(Intent::LinkAnswer { answer: key.clone(), target: target.clone(), how: AnswerHow::Turns });
    let card = desk.card(&key).unwrap().1.clone();
    assert_eq!(card.answers.len(), 1);
    assert_eq!(card.answers[0].how, AnswerHow::Turns);
    desk.apply(Intent::Undo);
    assert_eq!(desk.card(&key).unwrap().1.answers[0].how, AnswerHow::Denies);
    desk.apply(Intent::UnlinkAnswer { answer: key.clone(), target });
    assert!(desk.card(&key).unwrap().1.answers.is_empty());
}

#[test]
fn a_card_does_not_answer_itself() {
    let (_dir, mut desk) = desk();
    let (_, key) = neg_argument_and_aff_card(&desk);
    let target = AnswerTarget::Card { deck: key.deck.clone(), card: key.card.clone() };
    let outcome = desk.apply(Intent::LinkAnswer { answer: key.clone(), target, how: AnswerHow::Denies });
    assert!(!outcome.decks_changed);
    assert!(desk.card(&key).unwrap().1.answers.is_empty());
}

#[test]
fn an_analytic_answers_in_the_case_keeps_its_links_when_retyped_and_saves() {
    let (dir, mut desk) = desk();
    let (n, _) = neg_argument_and_aff_card(&desk);
    let argument = desk.clash_index(Side::Neg).arguments()[n].clone();
    let target = AnswerTarget::Block { deck: argument.deck.clone(), title: argument.title.clone() };
    let place = Place { section: desk.ids().section_at(CaseSide::Aff, 0).unwrap(), before: None };
    let item = desk
        .apply(Intent::AddAnalytic { place, text: "They have no link to the plan.".into() })
        .select_item
        .unwrap();
    desk.apply(Intent::LinkItem { item, target: target.clone(), how: AnswerHow::NoLink });
    let map = desk.clash(CaseSide::Aff.into()).unwrap().1.clone();
    assert_eq!(map[n].coverage, Coverage::Answered);
    assert_eq!(map[n].placed, [(String::new(), "They have no link to the plan.".to_owned())]);
    desk.apply(Intent::SetAnalytic { item, text: "No link to the plan.".into() });
    let Some((_, _, _, Item::Analytic { answers, .. })) = desk.item(item) else { panic!("analytic") };
    assert_eq!(answers.len(), 1, "retyping keeps the link");
    let path = dir.path().join("linked.session.ron");
    assert!(desk.apply(Intent::SaveSession(path.clone())).problem.is_none());
    let back = crate::format::load_session(&path).unwrap();
    assert_eq!(&back.aff, &desk.session().aff);
    // The same link twice is refused on load.
    let text = std::fs::read_to_string(&path).unwrap();
    let doubled = text.replacen(
        "answers: [",
        "answers: [(target: Label(\"x\"), how: Denies), (target: Label(\"x\"), how: Denies), ",
        1,
    );
    let err = crate::format::parse_session(&doubled, &path).unwrap_err().to_string();
    assert!(err.contains("answers \"x\" twice"), "{err}");
    desk.apply(Intent::Undo);
    desk.apply(Intent::Undo);
    let Some((_, _, _, Item::Analytic { answers, .. })) = desk.item(item) else { panic!("analytic") };
    assert!(answers.is_empty(), "two undo steps: the retyping, then the link");
}

#[test]
fn ticking_a_deck_as_this_topic_changes_the_positions_and_undoes_in_one_step() {
    let (_dir, mut desk) = desk();
    let positions = |desk: &Desk| desk.clash(CaseSide::Aff.into()).map_or(0, |(_, map)| map.len());
    let before = positions(&desk);
    assert!(before > 0 && desk.topic_decks().contains(&"asian-nato-neg".to_owned()));
    desk.apply(Intent::TickTopicDeck { deck: "asian-nato-neg".into(), on: false });
    assert!(!desk.topic_decks().contains(&"asian-nato-neg".to_owned()));
    assert!(positions(&desk) < before, "the unticked deck's blocks are no positions");
    desk.apply(Intent::Undo);
    assert_eq!(positions(&desk), before);
    assert_eq!(desk.session().topic, None, "back to the default, not a copy of it");
}
