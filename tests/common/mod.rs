//! Shared builders for integration tests: a small deck and a session that uses it.
#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod ui;

use casebook::model::{
    Author, Block, Card, Case, CaseSide, Deck, DeckRef, Item, Mark, MarkKind, Provenance, Section,
    SectionKind, Session, Side, Source,
};

/// The folder of the shared real Verbatim files, when `CASEBOOK_VERBATIM_DOCS` names it (`.ci/test`
/// sets it; a test fails when it is set and the folder is missing); `None`, after saying that
/// `test` is skipped, when it is not set — a clean clone without `../shared` passes on its own
/// fixtures.
pub fn verbatim_docs(test: &str) -> Option<std::path::PathBuf> {
    let Some(dir) = std::env::var_os("CASEBOOK_VERBATIM_DOCS").map(std::path::PathBuf::from) else {
        // Straight to standard error, past the test harness's capture, so the skip is seen.
        use std::io::Write;
        let why = "skipped: CASEBOOK_VERBATIM_DOCS does not name the shared Verbatim files";
        let _ = writeln!(std::io::stderr(), "{test}: {why}");
        return None;
    };
    assert!(dir.is_dir(), "CASEBOOK_VERBATIM_DOCS names {}, which is not a folder", dir.display());
    Some(dir)
}

/// A source with a byline.
pub fn kim() -> Source {
    Source {
        id: "kim-2025".into(),
        title: "Asia needs a NATO-style alliance to combat China".into(),
        authors: vec![Author {
            name: "Ju Hyung Kim".into(),
            qualifications: "President, Security Management Institute".into(),
        }],
        note: String::new(),
        publication: "China Factor".into(),
        date: Some("2025-08-29".into()),
        url: "https://chinafactor.news/2025/08/29/asia-needs-a-nato-style-alliance-to-combat-china".into(),
        accessed: Some("2026-11-22".into()),
    }
}

/// A card quoting [`kim`].
pub fn card(id: &str) -> Card {
    Card {
        id: id.into(),
        tag: "Hub-and-spoke ties are disjointed — no collective action".into(),
        side: Side::Aff,
        source: "kim-2025".into(),
        locator: Some("para. 9".into()),
        text: "But these structures are disjointed at best. Asia lacks a codified, NATO-style collective \
               defense arrangement.\n\nWhile US-Japan-South Korea trilateral security collaboration is \
               progressing, it is not a “collective alliance” capable of undertaking joint action."
            .into(),
        marks: vec![
            Mark::new(MarkKind::Underline, 4, 43),
            Mark::new(MarkKind::Highlight, 4, 43),
            Mark::new(MarkKind::Emphasis, 25, 35),
        ],
        labels: vec!["hub-and-spoke".into()],
        note: Some("Pair with the SEATO answers.".into()),
        cite_line: None,
        tag_marks: Vec::new(),
        cut_from: None,
        quote_edited: false,
        provenance: Provenance::default(),
        conflict: None,
        answers: Vec::new(),
    }
}

/// A two-block deck with two cards.
pub fn deck() -> Deck {
    Deck {
        version: casebook::format::CURRENT_VERSION,
        id: "test-aff".into(),
        title: "Test affirmative".into(),
        resolution: casebook::model::RESOLUTION.into(),
        description: "Two cards for tests.".into(),
        sources: vec![kim()],
        blocks: vec![
            Block::new("Hub-and-spoke is inadequate", vec![card("kim-disjointed")]),
            Block::new("Answers to: SEATO failed", vec![card("kim-seato-lessons")]),
        ],
        imported_from: None,
    }
}

/// A session whose affirmative case uses both cards of [`deck`] and an analytic.
pub fn session() -> Session {
    let mut s = Session::new(casebook::model::RESOLUTION);
    s.decks.push(DeckRef {
        path: "test.deck.ron".into(),
        id: "test-aff".into(),
        fingerprint: casebook::format::deck_fingerprint(&deck()),
    });
    let mut c1 = Section::new("Contention 1: Hub-and-spoke fails", SectionKind::Contention);
    c1.items.push(Item::Card { deck: "test-aff".into(), card: card("kim-disjointed"), source: kim() });
    c1.items.push(Item::analytic("Only a collective alliance can act jointly."));
    s.aff.sections.push(c1);
    let mut a = Section::new("Answers to SEATO", SectionKind::Answers);
    a.items.push(Item::Card { deck: "test-aff".into(), card: card("kim-seato-lessons"), source: kim() });
    s.neg = Case::new(CaseSide::Neg);
    s.neg.sections.push(a);
    s.notes = "Judge prefers slow delivery.".into();
    s
}
