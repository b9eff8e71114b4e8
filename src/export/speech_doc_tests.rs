//! Speech document profiles: what each removes, the summary, the marked cut in every format.

use super::*;
use crate::export::{ExportOptions, ExportSide, Format, Target, export};

fn example() -> Session {
    crate::format::load_session(std::path::Path::new("assets/examples/asian-nato.session.ron")).unwrap()
}

fn counts(session: &Session) -> (usize, usize, usize) {
    let items: Vec<&Item> = session.items().map(|(_, i)| i).collect();
    let analytics = items.iter().filter(|i| matches!(i, Item::Analytic { .. })).count();
    let cards: Vec<&crate::model::Card> = items
        .iter()
        .filter_map(|i| match i {
            Item::Card { card, .. } => Some(card),
            _ => None,
        })
        .collect();
    (cards.len(), analytics, cards.iter().filter(|c| c.note.is_some()).count())
}

#[test]
fn each_profile_removes_what_it_says_and_the_summary_counts_it() {
    let session = example();
    let round = &session.rounds[0];
    let speech = round.speech("1AC").unwrap();
    let (cards, analytics, notes) = {
        let mut s = Session::new("r");
        s.aff.sections = speech.sections.clone();
        counts(&s)
    };
    assert!(analytics > 0 && notes > 0, "the sample 1AC has analytics and notes to remove");

    let (judge, removed) = prepare(round, speech, Profile::Judge, &session.resolution);
    assert_eq!(counts(&judge), (cards, analytics, notes));
    assert_eq!(removed.summary(), "nothing removed");

    let (send, removed) = prepare(round, speech, Profile::Send, &session.resolution);
    assert_eq!(counts(&send), (cards, 0, 0));
    assert_eq!((removed.analytics, removed.notes), (analytics, notes));
    assert!(removed.summary().starts_with(&format!("removed {analytics} analytic")), "{}", removed.summary());

    let (read, removed) = prepare(round, speech, Profile::Read, &session.resolution);
    assert_eq!(counts(&read), (cards, analytics, 0), "analytics are read aloud; notes are not");
    assert!(removed.unread > 0);
    for card in read.aff.cards() {
        let original = speech.sections.iter().flat_map(|s| s.cards()).find(|c| c.id == card.id).unwrap();
        assert_eq!(card.text, original.highlighted_text());
    }
    assert_eq!(read.aff.title, "Speech 1AC Example Invitational R1 vs Sample Prep CD");
}

#[test]
fn a_marked_doc_cuts_each_marked_card_at_its_mark_and_the_marker_shows_in_every_format() {
    let session = example();
    let round = &session.rounds[0];
    let speech = round.speech("1AC").unwrap();
    let point = &speech.marked[0];
    let (marked, removed) = prepare(round, speech, Profile::Marked, &session.resolution);
    assert_eq!(removed.cut_at_marks, 1);
    let original = speech.sections.iter().flat_map(|s| s.cards()).find(|c| c.id == point.card).unwrap();
    let cut = marked.aff.cards().find(|c| c.id == point.card).unwrap();
    let kept: String = original.text.chars().take(point.offset).collect();
    assert_eq!(cut.text, format!("{} {}", kept.trim_end(), marker(point.at_seconds)));
    assert_eq!(marker(212), "[MARKED 3:32]");
    assert!(cut.marks.iter().all(|m| m.end <= kept.trim_end().chars().count()));
    let mut others = marked.aff.cards().filter(|c| c.id != point.card);
    assert!(others.all(|c| !c.text.contains("[MARKED")), "unmarked cards stay whole");
    // The marker is in the text, so every format carries it.
    let options = ExportOptions { side: ExportSide::Aff, full: true, wpm: None, answers: false };
    for format in [Format::Markdown, Format::Html, Format::Text, Format::Json] {
        let options = if format == Format::Json {
            ExportOptions { side: ExportSide::Both, ..options }
        } else {
            options
        };
        let bytes = export(format, Target::Session(&marked), &options).unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("[MARKED 3:32]"), "{}", format.name());
    }
    let docx = export(Format::Docx, Target::Session(&marked), &options).unwrap();
    let doc = crate::docx_import::import_docx(&docx).unwrap();
    assert!(doc.cards().any(|c| c.text.contains("[MARKED 3:32]")), "in the Word file too");
}

#[test]
fn the_file_name_follows_the_debaters_scheme() {
    let session = example();
    let round = &session.rounds[0];
    assert_eq!(
        file_name(round, round.speech("2AC").unwrap()),
        "Speech 2AC Example Invitational R1 vs Sample Prep CD"
    );
}
