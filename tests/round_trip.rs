//! Property tests: any deck or session survives save and load unchanged, and a second save gives
//! the same bytes.

use casebook::format::{deck_to_string, parse_deck, parse_session, session_to_string};
use casebook::model::{
    Author, Block, Card, Case, CaseSide, Conflict, ConflictSide, CutFrom, Deck, DeckRef, Item, Mark,
    MarkKind, Provenance, Section, SectionKind, Session, Side, Source,
};
use proptest::prelude::*;
use std::path::Path;

/// Any text, including quotes, backslashes, `"#`, newlines and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["(?s).{0,40}", "[a-z \"#\\\\\n\r\t“”’—é]{0,40}",]
}

fn nonblank() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("x{t}"))
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (1900u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| Some(format!("{y}-{m:02}-{d:02}")))
    ]
}

/// An RFC 3339 UTC time, or empty (unknown).
fn time() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (1970u32..2100, 1u32..13, 1u32..29, 0u32..24, 0u32..60)
            .prop_map(|(y, mo, d, h, mi)| format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:07Z"))
    ]
}

/// Provenance, often unknown (as in files from before version 3).
fn provenance() -> impl Strategy<Value = Provenance> {
    prop_oneof![
        Just(Provenance::default()),
        (text(), time(), text(), time()).prop_map(|(created_by, created_at, changed_by, changed_at)| {
            Provenance { created_by, created_at, changed_by, changed_at }
        })
    ]
}

fn source(id: String) -> impl Strategy<Value = Source> {
    (nonblank(), prop::collection::vec((text(), text()), 0..3), text(), text(), date(), text(), date())
        .prop_map(move |(title, authors, note, publication, date, url, accessed)| Source {
            id: id.clone(),
            title,
            authors: authors
                .into_iter()
                .map(|(name, qualifications)| Author { name, qualifications })
                .collect(),
            note,
            publication,
            date,
            url,
            accessed,
        })
}

/// Disjoint, sorted ranges inside `0..len`, for one mark kind.
fn ranges(kind: MarkKind, len: usize) -> impl Strategy<Value = Vec<Mark>> {
    prop::collection::btree_set(0..=len, 0..8).prop_map(move |cuts| {
        let cuts: Vec<usize> = cuts.into_iter().collect();
        cuts.chunks(2)
            .filter(|p| p.len() == 2 && p[0] < p[1])
            .map(|p| Mark::new(kind, p[0], p[1]))
            .collect::<Vec<_>>()
    })
}

fn card(id: String, source: String) -> impl Strategy<Value = Card> {
    (nonblank(), prop_oneof![Just(Side::Aff), Just(Side::Neg), Just(Side::Either)], nonblank()).prop_flat_map(
        move |(tag, side, text)| {
            let len = text.chars().count();
            let (id, source) = (id.clone(), source.clone());
            (
                ranges(MarkKind::Underline, len),
                ranges(MarkKind::Highlight, len),
                ranges(MarkKind::Emphasis, len),
                prop::option::of(text_strategy()),
                prop::collection::vec("[a-z-]{1,12}", 0..3),
                prop::option::of(text_strategy()),
                (provenance(), prop::option::of((0usize..500, 0usize..500)), any::<bool>()),
            )
                .prop_map(
                    move |(u, h, e, locator, labels, note, (provenance, cut, quote_edited))| Card {
                        id: id.clone(),
                        tag: tag.clone(),
                        side,
                        source: source.clone(),
                        locator,
                        text: text.clone(),
                        marks: casebook::model::normalize_marks(&[u, h, e].concat()),
                        labels,
                        note,
                        cite_line: None,
                        tag_marks: Vec::new(),
                        cut_from: cut.map(|(a, b)| CutFrom { start: a.min(b), end: a.max(b) }),
                        quote_edited,
                        provenance,
                        conflict: None,
                        answers: Vec::new(),
                    },
                )
        },
    )
}

fn text_strategy() -> BoxedStrategy<String> {
    text().boxed()
}

fn deck() -> impl Strategy<Value = Deck> {
    (1usize..4, prop::collection::vec(0usize..4, 0..4), nonblank(), text(), text(), any::<bool>())
        .prop_flat_map(|(n_sources, block_sizes, title, resolution, description, pair)| {
            let sources: Vec<_> = (0..n_sources).map(|i| source(format!("s{i}"))).collect();
            let mut n = 0;
            let blocks: Vec<_> = block_sizes
                .iter()
                .map(|&size| {
                    let cards: Vec<_> = (0..size)
                        .map(|_| {
                            n += 1;
                            card(format!("c{n}"), format!("s{}", n % n_sources))
                        })
                        .collect();
                    (nonblank(), cards).prop_map(|(title, cards)| Block::new(title, cards))
                })
                .collect();
            (sources, blocks, Just((title, resolution, description, pair)))
        })
        .prop_map(|(sources, blocks, (title, resolution, description, pair))| {
            let mut deck = Deck {
                version: casebook::format::CURRENT_VERSION,
                id: "deck".into(),
                title,
                resolution,
                description,
                sources,
                blocks,
                imported_from: None,
            };
            // Sometimes the first two cards are the two versions of a merge conflict.
            let mut cards = deck.blocks.iter_mut().flat_map(|b| b.cards.iter_mut());
            if let (true, Some(a), Some(b)) = (pair, cards.next(), cards.next()) {
                a.conflict = Some(Conflict { with: b.id.clone(), side: ConflictSide::Ours });
                b.conflict = Some(Conflict { with: a.id.clone(), side: ConflictSide::Theirs });
            }
            deck
        })
}

fn session() -> impl Strategy<Value = Session> {
    (deck(), text(), text(), prop::collection::vec(text(), 0..3), 50u32..600).prop_map(
        |(deck, resolution, notes, analytics, wpm)| {
            let mut s = Session::new(resolution);
            s.decks.push(DeckRef { path: "d.deck.ron".into(), id: deck.id.clone(), fingerprint: "f".into() });
            let mut sec = Section::new("Contention 1", SectionKind::Contention);
            for c in deck.cards() {
                let source = deck.source(&c.source).cloned().expect("source");
                sec.items.push(Item::Card { deck: deck.id.clone(), card: c.clone(), source });
            }
            for text in analytics {
                sec.items.push(Item::analytic(text));
            }
            s.aff.sections.push(sec.clone());
            s.neg = Case::new(CaseSide::Neg);
            sec.kind = SectionKind::Answers;
            s.neg.sections.push(sec);
            s.notes = notes;
            s.wpm = wpm;
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_deck_round_trips_byte_identically(deck in deck()) {
        let text = deck_to_string(&deck).unwrap();
        let loaded = parse_deck(&text, Path::new("p.deck.ron")).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded, &deck);
        prop_assert_eq!(deck_to_string(&loaded).unwrap(), text);
    }

    #[test]
    fn any_session_round_trips_byte_identically(session in session()) {
        let text = session_to_string(&session).unwrap();
        let loaded = parse_session(&text, Path::new("p.session.ron")).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded, &session);
        prop_assert_eq!(session_to_string(&loaded).unwrap(), text);
    }
}
