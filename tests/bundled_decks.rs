//! The bundled Asian-NATO decks and example session: every quote verbatim from its source in
//! `assets/sources/`, cites carrying the facts of `index.json`, marks a debater can read aloud,
//! and a session whose cases fit an 8-minute constructive.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use casebook::bundled::{self, SOURCE_TEXTS};
use casebook::format::{self, deck_to_string};
use casebook::model::{self, Deck, Item, MarkKind, SectionKind, Side, timing, verbatim};

fn decks() -> Vec<Deck> {
    bundled::decks()
        .into_iter()
        .map(|d| d.unwrap_or_else(|e| panic!("bundled deck fails to load:\n{e}")))
        .collect()
}

#[test]
fn every_file_in_decks_folder_is_bundled_and_identical() {
    let mut on_disk: Vec<String> = std::fs::read_dir("decks")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".deck.ron"))
        .collect();
    on_disk.sort();
    let mut bundled: Vec<String> = bundled::DECK_FILES.iter().map(|(n, _)| n.to_string()).collect();
    bundled.sort();
    assert_eq!(on_disk, bundled);
    for (name, text) in bundled::DECK_FILES {
        assert_eq!(std::fs::read_to_string(Path::new("decks").join(name)).unwrap(), *text, "{name}");
    }
}

#[test]
fn bundled_deck_files_are_canonical_so_diffs_stay_small() {
    for ((name, text), deck) in bundled::DECK_FILES.iter().zip(decks()) {
        assert_eq!(deck_to_string(&deck).unwrap(), *text, "{name} is not in canonical form");
    }
}

#[test]
fn every_deck_states_the_resolution() {
    for deck in decks() {
        assert_eq!(deck.resolution, model::RESOLUTION, "{}", deck.id);
        assert!(!deck.blocks.is_empty());
    }
}

#[test]
fn source_texts_are_shipped_exactly_as_given() {
    let shared = Path::new("../shared/articles");
    for s in SOURCE_TEXTS {
        let on_disk = std::fs::read_to_string(Path::new("assets/sources").join(s.file)).unwrap();
        assert_eq!(on_disk, s.text, "{}", s.file);
        // When the project's shared folder is beside the checkout, compare with the originals too.
        if let Ok(original) = std::fs::read_to_string(shared.join(s.file)) {
            assert_eq!(original, s.text, "{} differs from the shared original", s.file);
        }
    }
}

#[test]
fn every_card_quote_is_verbatim_from_its_cited_source() {
    let sources: BTreeMap<&str, String> =
        SOURCE_TEXTS.iter().map(|s| (s.id, verbatim::normalize_source(s.text))).collect();
    let mut failures = Vec::new();
    for deck in decks() {
        for card in deck.cards() {
            let Some(source) = sources.get(card.source.as_str()) else {
                failures.push(format!("{}: cites {} which is not a bundled source", card.id, card.source));
                continue;
            };
            if verbatim::find_in_source(&card.text, source).is_none() {
                failures.push(format!("{}: text is not a verbatim passage of {}", card.id, card.source));
            }
            let starts =
                card.text.chars().next().is_some_and(|c| c.is_uppercase() || "\"“‘'(0123456789".contains(c));
            let ends = card.text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
            if !starts || !ends {
                failures.push(format!("{}: does not start and end on a whole sentence", card.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_verbatim_check_catches_a_single_changed_word() {
    let deck = &decks()[0];
    let card = deck.cards().next().unwrap();
    let source = SOURCE_TEXTS.iter().find(|s| s.id == card.source).unwrap();
    assert!(verbatim::is_verbatim(&card.text, source.text));
    let altered = card.text.replacen(" the ", " a ", 1);
    assert_ne!(altered, card.text);
    assert!(!verbatim::is_verbatim(&altered, source.text));
}

#[test]
fn every_bundled_source_is_cited_by_some_card() {
    let cited: HashSet<String> = decks().iter().flat_map(|d| d.cards().map(|c| c.source.clone())).collect();
    for s in SOURCE_TEXTS {
        assert!(cited.contains(s.id), "{} is never cited", s.id);
    }
}

#[test]
fn every_highlight_and_emphasis_lies_inside_an_underline() {
    let mut failures = Vec::new();
    for deck in decks() {
        for card in deck.cards() {
            let underlines: Vec<_> = card.marks.iter().filter(|m| m.kind == MarkKind::Underline).collect();
            for m in card.marks.iter().filter(|m| m.kind != MarkKind::Underline) {
                if !underlines.iter().any(|u| u.start <= m.start && m.end <= u.end) {
                    failures.push(format!(
                        "{}: {:?} {}..{} is outside every underline",
                        card.id, m.kind, m.start, m.end
                    ));
                }
            }
            if card.highlighted_words() < 8 {
                failures.push(format!("{}: only {} highlighted words", card.id, card.highlighted_words()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cites_carry_the_facts_of_index_json_and_invent_none() {
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("assets/sources/index.json").unwrap()).unwrap();
    for deck in decks() {
        for source in &deck.sources {
            let file = SOURCE_TEXTS.iter().find(|s| s.id == source.id).unwrap().file;
            let facts = index.as_array().unwrap().iter().find(|e| e["file"] == file).unwrap();
            assert_eq!(source.title, facts["title"].as_str().unwrap());
            assert_eq!(source.publication, facts["publication"].as_str().unwrap());
            assert_eq!(source.url, facts["url"].as_str().unwrap());
            assert_eq!(source.date.as_deref(), facts["date"].as_str(), "{}: date", source.id);
            let authors = facts["authors"].as_array().unwrap();
            assert_eq!(source.authors.len(), authors.len(), "{}: no invented bylines", source.id);
            for (a, f) in source.authors.iter().zip(authors) {
                assert_eq!(a.name, f["name"].as_str().unwrap());
                assert_eq!(a.qualifications, f["qualifications"].as_str().unwrap());
            }
            if authors.is_empty() {
                assert!(source.note.contains("No byline"), "{}: say there is no byline", source.id);
            }
            assert_eq!(source.accessed, None, "no access date is known; none is invented");
        }
    }
}

#[test]
fn there_are_enough_cards_per_article_and_side() {
    let mut per_source: BTreeMap<String, usize> = BTreeMap::new();
    let (mut aff, mut neg, mut total) = (0, 0, 0);
    for deck in decks() {
        for card in deck.cards() {
            *per_source.entry(card.source.clone()).or_default() += 1;
            total += 1;
            match card.side {
                Side::Aff => aff += 1,
                Side::Neg => neg += 1,
                Side::Either => {}
            }
        }
    }
    assert!(total >= 80, "{total} cards");
    assert!(aff >= 30 && neg >= 30, "aff {aff}, neg {neg}");
    for (source, n) in &per_source {
        let least = if source == "mishcon-nd" { 5 } else { 8 };
        assert!(*n >= least, "{source}: {n} cards");
    }
}

#[test]
fn card_ids_are_unique_across_all_decks() {
    let mut seen = HashSet::new();
    for deck in decks() {
        for card in deck.cards() {
            assert!(seen.insert(card.id.clone()), "{} appears twice", card.id);
        }
    }
}

#[test]
fn example_session_has_complete_cases_that_fit_an_eight_minute_constructive() {
    let (name, text) = bundled::EXAMPLE_SESSION;
    let session = format::parse_session(text, Path::new(name)).unwrap();
    let on_disk = std::fs::read_to_string(Path::new("assets/examples").join(name)).unwrap();
    assert_eq!(on_disk, text);
    assert_eq!(session.wpm, 250);
    let contentions = session.aff.sections.iter().filter(|s| s.kind == SectionKind::Contention).count();
    assert!((2..=3).contains(&contentions), "{contentions} contentions");
    assert!(session.neg.sections.iter().any(|s| s.kind == SectionKind::OffCase));
    assert!(session.neg.sections.iter().any(|s| s.kind == SectionKind::Answers));
    for case in [&session.aff, &session.neg] {
        assert!(case.sections.iter().flat_map(|s| &s.items).any(|i| matches!(i, Item::Analytic { .. })));
        let reading = timing::case(case, session.counting, session.wpm);
        assert!(reading.cards >= 10);
        assert!(reading.seconds <= 480, "{}: {}s", case.title, reading.seconds);
        assert_eq!(case.speech_seconds, 480);
    }
}

#[test]
fn example_session_snapshots_and_fingerprints_match_the_bundled_decks() {
    let (name, text) = bundled::EXAMPLE_SESSION;
    let session = format::parse_session(text, Path::new(name)).unwrap();
    let decks = decks();
    for r in &session.decks {
        let deck = decks.iter().find(|d| d.id == r.id).unwrap();
        assert_eq!(r.path, format!("bundled:{}", deck.id));
        assert_eq!(r.fingerprint, format::deck_fingerprint(deck), "{}", r.id);
    }
    for case in [&session.aff, &session.neg] {
        for item in case.sections.iter().flat_map(|s| &s.items) {
            if let Item::Card { deck, card, source } = item {
                let d = decks.iter().find(|d| &d.id == deck).unwrap();
                assert_eq!(d.card(&card.id), Some(card), "{} snapshot differs", card.id);
                assert_eq!(d.source(&card.source), Some(source));
            }
        }
    }
}
