//! The desk's rules, tested without a window.

use super::*;
use crate::cutting::SourceDoc;
use crate::export::{ExportOptions, ExportSide, Format};
use crate::model::{Item, MarkKind, Side};
use crate::search::CardPos;

fn desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Desk::new(dir.path().join("data"), fresh_session());
    (dir, desk)
}

fn first_key(desk: &Desk, deck: usize) -> CardKey {
    desk.key_at(CardPos { deck, block: 0, card: 0 }).expect("a card")
}

fn end_of(desk: &Desk, side: CaseSide, section: usize) -> Place {
    Place { section: desk.ids().section_at(side, section).expect("section"), before: None }
}

fn apply_ok(desk: &mut Desk, intent: Intent) -> Outcome {
    let outcome = desk.apply(intent);
    assert!(outcome.problem.is_none(), "{:?}", outcome.problem);
    outcome
}

#[test]
fn adding_a_card_lists_its_deck_in_the_session_as_one_undo_step() {
    let (_dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let place = end_of(&desk, CaseSide::Aff, 0);
    let outcome = apply_ok(&mut desk, Intent::AddCard { card: key.clone(), place });
    let item = outcome.select_item.expect("the new item is selected");
    let (side, s, i, added) = desk.item(item).expect("item");
    assert_eq!((side, s, i), (CaseSide::Aff.into(), 0, 0));
    assert!(matches!(added, Item::Card { card, .. } if card.id == key.card));
    let r = desk.session().deck_ref(&key.deck).expect("deck listed");
    assert_eq!(r.path, format!("bundled:{}", key.deck));
    assert!(desk.is_dirty());
    apply_ok(&mut desk, Intent::Undo);
    assert!(desk.session().aff.sections[0].items.is_empty());
    assert!(desk.session().decks.is_empty(), "one step: the deck reference goes too");
    assert!(!desk.is_dirty());
}

#[test]
fn a_selected_item_keeps_its_identity_through_moves_removals_and_undo() {
    let (_dir, mut desk) = desk();
    let place = end_of(&desk, CaseSide::Aff, 0);
    let a = apply_ok(&mut desk, Intent::AddAnalytic { place, text: "A".into() });
    let b = apply_ok(&mut desk, Intent::AddAnalytic { place, text: "B".into() });
    let (a, b) = (a.select_item.unwrap(), b.select_item.unwrap());
    apply_ok(&mut desk, Intent::StepItem { item: b, step: Step::Up });
    assert_eq!(desk.item(b).map(|x| x.2), Some(0));
    apply_ok(&mut desk, Intent::RemoveItem(a));
    assert!(desk.item(a).is_none());
    apply_ok(&mut desk, Intent::Undo);
    assert_eq!(desk.item(a).map(|x| x.2), Some(1), "undoing a removal gives the item its id back");
    apply_ok(&mut desk, Intent::Undo);
    assert_eq!(desk.item(b).map(|x| x.2), Some(1), "undoing the move follows the item");
    assert!(desk.ids().matches(desk.session()));
}

#[test]
fn dragging_the_reading_speed_is_one_undo_step() {
    let (_dir, mut desk) = desk();
    let before = desk.session().wpm;
    apply_ok(&mut desk, Intent::SetWpm { wpm: before + 1, continuing: false });
    for wpm in before + 2..before + 40 {
        apply_ok(&mut desk, Intent::SetWpm { wpm, continuing: true });
    }
    assert_eq!(desk.session().wpm, before + 39);
    apply_ok(&mut desk, Intent::Undo);
    assert_eq!(desk.session().wpm, before, "the whole drag is undone at once");
    assert!(!desk.can_undo());
}

#[test]
fn cutting_into_a_bundled_deck_makes_a_writable_copy_and_undo_restores_it() {
    let (_dir, mut desk) = desk();
    let deck = desk.decks()[0].id.clone();
    let doc = SourceDoc::read_bundled(&desk.decks()[0].sources[0].id).expect("bundled source");
    let end = doc.text.chars().take(200).count();
    let cards_before = desk.decks()[0].card_count();
    let outcome = apply_ok(
        &mut desk,
        Intent::CutCard {
            doc: Box::new(doc),
            range: (0, end),
            tag: "A new claim".into(),
            side: Side::Aff,
            deck: deck.clone(),
            block: 0,
        },
    );
    let key = outcome.select_card.flatten().expect("the new card is selected");
    let path = desk.user_deck_dir().join(format!("{deck}.deck.ron"));
    assert_eq!(desk.origin(0), Some(&crate::workspace::DeckOrigin::File(path.clone())));
    let on_disk = crate::format::load_deck(&path).expect("the copy was written");
    assert!(on_disk.card(&key.card).is_some(), "the file holds the new card");
    apply_ok(&mut desk, Intent::Undo);
    assert_eq!(desk.decks()[0].card_count(), cards_before);
    let on_disk = crate::format::load_deck(&path).expect("still there");
    assert!(on_disk.card(&key.card).is_none(), "undo is written through too");
}

#[test]
fn moving_a_card_between_decks_is_one_step_and_brings_its_source() {
    let (_dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let source = desk.card(&key).unwrap().1.source.clone();
    let to = desk.decks()[1].id.clone();
    let outcome = apply_ok(&mut desk, Intent::MoveCardToDeck { key: key.clone(), deck: to.clone() });
    assert_eq!(outcome.select_card, Some(Some(CardKey::new(&to, &key.card))));
    assert!(desk.card(&key).is_none());
    let target = desk.decks().iter().find(|d| d.id == to).unwrap();
    assert!(target.card(&key.card).is_some() && target.source(&source).is_some());
    apply_ok(&mut desk, Intent::Undo);
    assert!(desk.card(&key).is_some());
    assert!(desk.card(&CardKey::new(&to, &key.card)).is_none());
}

#[test]
fn marking_widens_to_whole_words_and_records_who_changed_the_card() {
    let (_dir, mut desk) = desk();
    desk.set_user_name("Ana");
    let key = first_key(&desk, 0);
    let text = desk.card(&key).unwrap().1.text.clone();
    // From inside the first word to inside the second: F10 marks both whole words.
    let second_end = text.split(' ').take(2).map(|w| w.chars().count()).sum::<usize>() + 1;
    let range = (second_end - 1, 1);
    apply_ok(&mut desk, Intent::MarkCard { key: key.clone(), kind: Some(MarkKind::Emphasis), range });
    let card = desk.card(&key).unwrap().1;
    let wanted =
        |m: &&crate::model::Mark| m.kind == MarkKind::Emphasis && m.start == 0 && m.end == second_end;
    assert!(card.marks.iter().any(|m| wanted(&m)), "{:?} in {text:?}", card.marks);
    assert_eq!(card.provenance.changed_by, "Ana");
}

#[test]
fn accepting_part_of_an_import_review_takes_only_that_and_keeps_their_file() {
    let (dir, mut desk) = desk();
    let mut theirs = desk.decks()[0].clone();
    let (a, b) = (theirs.blocks[0].cards[0].id.clone(), theirs.blocks[0].cards[1].id.clone());
    theirs.blocks[0].cards[0].tag = "Their first tag".into();
    theirs.blocks[0].cards[1].tag = "Their second tag".into();
    desk.apply(Intent::ReceiveDeck { deck: Box::new(theirs), path: dir.path().join("theirs.deck.ron") });
    let review = desk.reviews().first().expect("a review").clone();
    let accepted: Vec<bool> = review.changes.iter().map(|c| c.id() == a).collect();
    let outcome = apply_ok(&mut desk, Intent::DecideReview { review: review.id, accepted });
    assert!(outcome.status.unwrap().starts_with("Took 1 of 2"));
    let deck = &desk.decks()[0];
    assert_eq!(deck.card(&a).unwrap().tag, "Their first tag");
    assert_ne!(deck.card(&b).unwrap().tag, "Their second tag");
    assert!(desk.reviews().is_empty());
    let kept = std::fs::read_dir(dir.path().join("data/rejected")).expect("their file kept").count();
    assert_eq!(kept, 1);
}

#[test]
fn a_case_card_is_updated_from_its_changed_deck() {
    let (_dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let place = end_of(&desk, CaseSide::Aff, 0);
    let item = apply_ok(&mut desk, Intent::AddCard { card: key.clone(), place }).select_item.unwrap();
    let mut card = desk.card(&key).unwrap().1.clone();
    card.tag = "A sharper tag".into();
    apply_ok(&mut desk, Intent::UpdateCard { key: key.clone(), card: Box::new(card) });
    assert_eq!(desk.item_status(item), crate::workspace::CardStatus::ChangedInDeck);
    apply_ok(&mut desk, Intent::UpdateFromDeck(item));
    assert_eq!(desk.item_status(item), crate::workspace::CardStatus::Current);
    let Some((_, _, _, Item::Card { card, .. })) = desk.item(item) else { panic!("card item") };
    assert_eq!(card.tag, "A sharper tag");
}

#[test]
fn the_export_intent_writes_the_chosen_format_with_its_extension() {
    let (dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let tag = desk.card(&key).unwrap().1.tag.clone();
    let place = end_of(&desk, CaseSide::Aff, 0);
    apply_ok(&mut desk, Intent::AddCard { card: key, place });
    let options = ExportOptions { side: ExportSide::Aff, full: false, wpm: Some(250), answers: false };
    let outcome =
        apply_ok(&mut desk, Intent::Export { format: Format::Html, options, path: dir.path().join("case") });
    assert!(outcome.status.unwrap().starts_with("Exported html"));
    let html = std::fs::read_to_string(dir.path().join("case.html")).expect("written with .html");
    let word =
        tag.split_whitespace().filter(|w| w.chars().all(char::is_alphanumeric)).max_by_key(|w| w.len());
    assert!(html.contains("<html") && html.contains(word.expect("a plain word in the tag")));
}

#[test]
fn saving_and_reopening_keeps_the_session_and_clears_the_dirty_mark() {
    let (dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let place = end_of(&desk, CaseSide::Neg, 0);
    apply_ok(&mut desk, Intent::AddCard { card: key, place });
    let path = dir.path().join("prep");
    let outcome = apply_ok(&mut desk, Intent::SaveSession(path));
    let saved = dir.path().join("prep.session.ron");
    assert_eq!(outcome.session_file.as_deref(), Some(saved.as_path()));
    assert!(!desk.is_dirty());
    let session = desk.session().clone();
    apply_ok(&mut desk, Intent::NewSession);
    apply_ok(&mut desk, Intent::OpenSession(saved));
    assert_eq!(desk.session(), &session);
    assert!(desk.ids().matches(desk.session()));
}

#[test]
fn reading_time_counts_tags_and_cites_unless_turned_off_and_the_switch_undoes() {
    let (_dir, mut desk) = desk();
    let (name, text) = crate::bundled::EXAMPLE_SESSION;
    let example = crate::format::parse_session(text, std::path::Path::new(name)).expect("example");
    apply_ok(&mut desk, Intent::ReplaceSession { session: Box::new(example), note: String::new() });
    let with_all = desk.figures(CaseSide::Aff).total;
    let highlighted: usize = desk
        .session()
        .aff
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| match i {
            Item::Card { card, .. } => card.highlighted_words(),
            Item::Analytic { text, .. } => text.split_whitespace().count(),
        })
        .sum();
    assert!(with_all.words > highlighted, "tags and cites are read too");
    let off = crate::model::timing::Counting { tags: false, cites: false, colour: None };
    apply_ok(&mut desk, Intent::SetCounting(off));
    assert_eq!(desk.figures(CaseSide::Aff).total.words, highlighted);
    apply_ok(&mut desk, Intent::Undo);
    assert_eq!(desk.figures(CaseSide::Aff).total, with_all);
}

#[test]
fn a_session_naming_a_teammates_private_deck_opens_with_the_library_deck_of_that_id() {
    let (dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let place = end_of(&desk, CaseSide::Aff, 0);
    apply_ok(&mut desk, Intent::AddCard { card: key.clone(), place });
    let path = dir.path().join("prep.session.ron");
    apply_ok(&mut desk, Intent::SaveSession(path.clone()));
    // As saved on a teammate's machine: the deck lived in their private data folder.
    let mut session = crate::format::load_session(&path).unwrap();
    session.decks[0].path = "/home/teammate/.local/share/casebook/decks/theirs.deck.ron".into();
    let mut unknown = session.decks[0].clone();
    unknown.id = "their-private-deck".into();
    session.decks.push(unknown);
    crate::format::save_session(&session, &path).unwrap();

    let other = tempfile::tempdir().unwrap();
    let mut theirs = Desk::new(other.path().join("data"), fresh_session());
    let outcome = theirs.apply(Intent::OpenSession(path));
    assert!(outcome.problem.is_none(), "a calm note, not an error: {:?}", outcome.problem);
    assert_eq!(theirs.session().aff.sections[0].items.len(), 1, "the cards open from the snapshots");
    let notes = theirs.warnings().join("\n");
    assert!(!notes.contains(&key.deck), "found by id in the library: {notes}");
    assert!(notes.contains("their-private-deck") && notes.contains("copies saved in the session"), "{notes}");
}

#[test]
fn saving_with_decks_writes_a_folder_that_opens_on_another_machine() {
    let (dir, mut desk) = desk();
    let key = first_key(&desk, 0);
    let place = end_of(&desk, CaseSide::Neg, 0);
    apply_ok(&mut desk, Intent::AddCard { card: key.clone(), place });
    let folder = dir.path().join("usb stick");
    let outcome = apply_ok(&mut desk, Intent::SaveWithDecks(folder.clone()));
    assert!(outcome.status.unwrap().contains("1 deck"));
    assert!(desk.session_path().is_none(), "the session being edited keeps its own file (none yet)");
    let session_file = folder.join("prep.session.ron");
    let saved = crate::format::load_session(&session_file).expect("session written");
    assert_eq!(saved.decks.len(), 1);
    assert_eq!(saved.decks[0].path, format!("{}.deck.ron", key.deck), "relative to the folder");
    assert!(folder.join(&saved.decks[0].path).exists());

    let other = tempfile::tempdir().unwrap();
    let mut theirs = Desk::new(other.path().join("data"), fresh_session());
    apply_ok(&mut theirs, Intent::OpenSession(session_file));
    let origin = theirs.decks().iter().position(|d| d.id == key.deck).and_then(|i| theirs.origin(i)).cloned();
    assert_eq!(origin, Some(crate::workspace::DeckOrigin::File(folder.join(&saved.decks[0].path))));
    assert!(theirs.warnings().is_empty(), "{:?}", theirs.warnings());
}

#[test]
fn adding_another_sides_card_or_a_card_already_there_raises_a_concern() {
    let (_dir, mut desk) = desk();
    let neg = desk
        .decks()
        .iter()
        .find_map(|d| {
            d.cards().find(|c| c.side == crate::model::Side::Neg).map(|c| CardKey::new(&d.id, &c.id))
        })
        .unwrap();
    assert_eq!(desk.add_card_concerns(&neg, CaseSide::Neg.into()), Vec::<String>::new());
    assert_eq!(desk.add_card_concerns(&neg, CaseSide::Aff.into()).len(), 1);
    let place = end_of(&desk, CaseSide::Neg, 0);
    apply_ok(&mut desk, Intent::AddCard { card: neg.clone(), place });
    let concerns = desk.add_card_concerns(&neg, CaseSide::Neg.into());
    assert!(concerns.len() == 1 && concerns[0].contains("already in the neg case"), "{concerns:?}");
}
