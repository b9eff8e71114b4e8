//! Caselist disclosure: shortening, titles, entries per speech of the debater's side, the file
//! name.

use super::*;
use crate::model::{CaseSide, DebateFormat, Section, SectionKind};

fn words(n: usize) -> String {
    (1..=n).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ")
}

#[test]
fn a_card_over_thirty_words_is_cut_to_its_first_and_last_fifteen_and_a_shorter_one_is_whole() {
    assert_eq!(shorten(&words(30)), words(30), "thirty words stay whole");
    assert_eq!(shorten("  a  b\nc "), "a b c");
    let cut = shorten(&words(31));
    assert_eq!(
        cut,
        format!("{} AND {}", words(15), (17..=31).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" "))
    );
    assert_eq!(shorten(""), "");
}

#[test]
fn entry_titles_are_at_most_127_characters() {
    assert_eq!(entry_title("1AC — Hub  and spoke"), "1AC — Hub and spoke");
    let long = entry_title(&"é".repeat(300));
    assert_eq!(long.chars().count(), MAX_TITLE_CHARS);
    assert!(long.ends_with('…'));
}

/// A round on the aff with the bundled aff deck's first cards in the 1AC and a card in the 1NC.
fn round() -> Round {
    let deck = crate::bundled::deck("asian-nato-aff").unwrap();
    let neg = crate::bundled::deck("asian-nato-neg").unwrap();
    let item = |d: &crate::model::Deck, i: usize| {
        let card = d.cards().nth(i).unwrap().clone();
        let source = d.source(&card.source).unwrap().clone();
        Item::Card { deck: d.id.clone(), card, source }
    };
    let mut round = Round::new("Harvard Invitational", "R3", CaseSide::Aff, DebateFormat::Policy);
    round.school = "Lexington High".into();
    round.team = "AB".into();
    let mut c1 = Section::new("Contention 1: Hub-and-spoke", SectionKind::Contention);
    c1.items = vec![item(&deck, 0), Item::analytic("Extend this."), item(&deck, 1)];
    round.speech_mut("1AC").unwrap().sections = vec![c1, Section::new("Empty", SectionKind::Other)];
    let mut off = Section::new("SEATO", SectionKind::OffCase);
    off.items = vec![item(&neg, 0)];
    round.speech_mut("1NC").unwrap().sections = vec![off];
    round
}

#[test]
fn one_entry_per_speech_of_our_side_with_tags_bold_cites_and_cut_text_without_highlighting() {
    let round = round();
    let entries = entries(&round);
    assert_eq!(entries.len(), 1, "the 1NC is the other side's; empty speeches have no entry");
    let entry = &entries[0];
    assert_eq!(entry.title, "1AC — Contention 1: Hub-and-spoke");
    let deck = crate::bundled::deck("asian-nato-aff").unwrap();
    let first = deck.cards().next().unwrap();
    assert!(entry.markdown.contains(&format!("#### {}", super::escape(&first.tag))), "{}", entry.markdown);
    assert!(entry.markdown.contains("**"), "the cite is bold");
    assert!(entry.markdown.contains(" AND "), "long cards are cut");
    assert!(!entry.markdown.contains("Extend this."), "analytics are not disclosed");
    assert!(!entry.markdown.contains("==") && !entry.markdown.contains("<mark>"), "no highlighting");
    assert!(!entry.markdown.contains("## Empty"));
    let all = String::from_utf8(markdown(&round)).unwrap();
    assert!(all.starts_with("# Harvard Invitational R3\n"));
}

#[test]
fn the_open_source_file_is_named_as_the_caselist_expects() {
    let mut round = round();
    assert_eq!(open_source_name(&round), "LexingtonHigh-AB-Aff-HarvardInvitational-Round3.docx");
    round.side = CaseSide::Neg;
    round.round = "Octas".into();
    assert_eq!(open_source_name(&round), "LexingtonHigh-AB-Neg-HarvardInvitational-Round-Octas.docx");
}
