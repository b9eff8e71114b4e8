//! Exporting the example session and a bundled deck to Markdown, HTML, text and .docx, as a
//! debater hands them to a teammate: golden files, every tag and cite present, a Word file with
//! Verbatim's styles, the same bytes every time.
//!
//! Golden files live in `tests/golden/`; after an intended change, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --test export_formats` and review the diff.

mod export_xml;

use std::fs;
use std::path::Path;

use casebook::export::cite::cite_line;
use casebook::export::{self, ExportOptions, ExportSide, Format, Target};
use casebook::model::{Card, Deck, Item, Session, Source, timing};

const SESSION: &str = "assets/examples/asian-nato.session.ron";
const DECK: &str = "decks/asian-nato-aff-answers.deck.ron";
const TEXT_FORMATS: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];
const ALL_FORMATS: [Format; 4] = [Format::Markdown, Format::Html, Format::Text, Format::Docx];

fn session() -> Session {
    casebook::format::load_session(Path::new(SESSION)).expect("the example session loads")
}

fn deck() -> Deck {
    casebook::format::load_deck(Path::new(DECK)).expect("the bundled deck loads")
}

fn opts(full: bool) -> ExportOptions {
    ExportOptions { full, ..ExportOptions::default() }
}

fn run(format: Format, target: Target<'_>, options: &ExportOptions) -> Vec<u8> {
    export::export(format, target, options).expect("export succeeds")
}

/// Compares `bytes` with `tests/golden/NAME`, or writes it when `UPDATE_GOLDEN` is set.
fn golden(name: &str, bytes: &[u8]) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all("tests/golden").expect("create tests/golden");
        fs::write(&path, bytes).expect("write golden file");
        return;
    }
    let expected =
        fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_GOLDEN=1", path.display()));
    if expected != bytes {
        let first_diff =
            expected.iter().zip(bytes).position(|(a, b)| a != b).unwrap_or(expected.len().min(bytes.len()));
        panic!(
            "{} differs from the export at byte {first_diff} ({} vs {} bytes); if intended, rerun with \
             UPDATE_GOLDEN=1 and review the diff",
            path.display(),
            expected.len(),
            bytes.len()
        );
    }
}

/// Every card of a session with its source, in reading order.
fn session_cards(s: &Session) -> Vec<(&Card, &Source)> {
    [&s.aff, &s.neg]
        .into_iter()
        .flat_map(|c| c.sections.iter().flat_map(|s| &s.items))
        .filter_map(|i| match i {
            Item::Card { card, source, .. } => Some((card, source)),
            Item::Analytic { .. } => None,
        })
        .collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraph texts of a .docx with their paragraph style ("" for Normal).
fn docx_paragraphs(bytes: &[u8]) -> Vec<(String, String)> {
    let doc = export_xml::parse(&export_xml::part(bytes, "word/document.xml")).expect("document.xml parses");
    doc.all("w:p")
        .into_iter()
        .map(|p| {
            let style = p.all("w:pStyle").first().and_then(|s| s.attr("w:val")).unwrap_or("").to_owned();
            let text: String = p.all("w:t").iter().map(|t| t.text()).collect();
            (style, text)
        })
        .collect()
}

/// What a reader sees of an export, whitespace collapsed: markup, escapes and marks removed.
fn visible_text(format: Format, bytes: &[u8]) -> String {
    let text = match format {
        Format::Markdown => {
            let mut s = String::from_utf8(bytes.to_vec()).expect("UTF-8");
            for tag in ["<u>", "</u>", "<mark>", "</mark>", "<strong>", "</strong>"] {
                s = s.replace(tag, "");
            }
            // Unescape `\x`; an unescaped `*` is bold or italic markup.
            let mut out = String::new();
            let mut chars = s.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    '*' => {}
                    c => out.push(c),
                }
            }
            out
        }
        Format::Html => {
            export_xml::parse(std::str::from_utf8(bytes).expect("UTF-8")).expect("HTML parses").text()
        }
        Format::Text | Format::Json => String::from_utf8(bytes.to_vec()).expect("UTF-8"),
        Format::Docx => docx_paragraphs(bytes).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n"),
    };
    squash(&text)
}

#[test]
fn example_session_exports_match_the_golden_files() {
    let s = session();
    for format in ALL_FORMATS {
        let ext = format.extension();
        golden(&format!("session.full.{ext}"), &run(format, Target::Session(&s), &opts(true)));
        if format != Format::Docx {
            golden(&format!("session.outline.{ext}"), &run(format, Target::Session(&s), &opts(false)));
        }
    }
}

#[test]
fn aff_answers_deck_exports_match_the_golden_files() {
    let d = deck();
    for format in ALL_FORMATS {
        golden(&format!("deck.full.{}", format.extension()), &run(format, Target::Deck(&d), &opts(true)));
    }
}

#[test]
fn every_tag_and_cite_of_the_session_appears_in_every_format() {
    let s = session();
    let cards = session_cards(&s);
    assert!(cards.len() > 40, "the example session has its cards");
    for format in ALL_FORMATS {
        for full in [false, true] {
            let seen = visible_text(format, &run(format, Target::Session(&s), &opts(full)));
            for (card, source) in &cards {
                assert!(seen.contains(&squash(&card.tag)), "{format:?} full={full}: tag of {}", card.id);
                assert!(
                    seen.contains(&squash(&cite_line(source))),
                    "{format:?} full={full}: cite of {}",
                    card.id
                );
            }
        }
    }
}

#[test]
fn every_tag_and_cite_of_the_deck_appears_in_every_format() {
    let d = deck();
    for format in ALL_FORMATS {
        let seen = visible_text(format, &run(format, Target::Deck(&d), &opts(false)));
        for card in d.cards() {
            let source = d.source(&card.source).expect("card source");
            assert!(seen.contains(&squash(&card.tag)), "{format:?}: tag of {}", card.id);
            assert!(seen.contains(&squash(&cite_line(source))), "{format:?}: cite of {}", card.id);
        }
    }
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    for format in ALL_FORMATS {
        for full in [false, true] {
            let first = run(format, Target::Session(&session()), &opts(full));
            let second = run(format, Target::Session(&session()), &opts(full));
            assert!(first == second, "{format:?} full={full} session export changed between runs");
            let first = run(format, Target::Deck(&deck()), &opts(full));
            let second = run(format, Target::Deck(&deck()), &opts(full));
            assert!(first == second, "{format:?} full={full} deck export changed between runs");
        }
    }
}

#[test]
fn outline_shows_tags_and_cites_and_full_adds_the_marked_card_text() {
    let s = session();
    let (card, _) = session_cards(&s)[0];
    let passage = squash(card.paragraphs().next().expect("card has text"));
    for format in ALL_FORMATS {
        let outline = visible_text(format, &run(format, Target::Session(&s), &opts(false)));
        let full = visible_text(format, &run(format, Target::Session(&s), &opts(true)));
        let words: Vec<&str> = passage.split(' ').take(4).collect();
        let opening = words.join(" ");
        assert!(!outline.contains(&opening), "{format:?} outline holds card text");
        assert!(full.contains(&opening), "{format:?} full export lacks card text {opening:?}");
    }
}

#[test]
fn each_case_and_section_shows_its_card_count_and_reading_time() {
    let s = session();
    for format in TEXT_FORMATS {
        let seen = visible_text(format, &run(format, Target::Session(&s), &opts(false)));
        for case in [&s.aff, &s.neg] {
            let r = timing::case(case, s.counting, s.wpm);
            let expected = format!(
                "{} cards · reading time {} of {} at {} wpm",
                r.cards,
                timing::clock(r.seconds),
                timing::clock(case.speech_seconds),
                s.wpm
            );
            assert!(seen.contains(&expected), "{format:?}: {expected}");
            for section in &case.sections {
                let r = timing::section(section, s.counting, s.wpm);
                let count = if r.cards == 1 { "1 card".to_owned() } else { format!("{} cards", r.cards) };
                let expected = format!("{} {count} · {}", squash(&section.title), timing::clock(r.seconds));
                assert!(seen.contains(&expected), "{format:?}: {expected}");
            }
        }
    }
}

#[test]
fn side_filter_exports_one_case_of_a_session_or_that_sides_cards_of_a_deck() {
    let s = session();
    let aff_only = ExportOptions { side: ExportSide::Aff, ..opts(false) };
    let neg_only = ExportOptions { side: ExportSide::Neg, ..opts(false) };
    for format in ALL_FORMATS {
        let aff = visible_text(format, &run(format, Target::Session(&s), &aff_only));
        assert!(aff.contains(&s.aff.title) && !aff.contains(&s.neg.title), "{format:?}");
        let neg = visible_text(format, &run(format, Target::Session(&s), &neg_only));
        assert!(neg.contains(&s.neg.title) && !neg.contains(&s.aff.title), "{format:?}");
    }
    let mixed = casebook::format::load_deck(Path::new("decks/asian-nato-aff.deck.ron")).expect("deck loads");
    let neg = visible_text(Format::Markdown, &run(Format::Markdown, Target::Deck(&mixed), &neg_only));
    for card in mixed.cards() {
        let shown = neg.contains(&squash(&card.tag));
        assert_eq!(shown, card.side != casebook::model::Side::Aff, "{} ({:?})", card.id, card.side);
    }
}

#[test]
fn json_through_the_export_entry_point_is_the_card_json_and_refuses_a_side() {
    let s = session();
    assert_eq!(run(Format::Json, Target::Session(&s), &opts(false)), export::json::session_json(&s));
    let aff_only = ExportOptions { side: ExportSide::Aff, ..opts(false) };
    let err = export::export(Format::Json, Target::Session(&s), &aff_only).expect_err("json has both sides");
    assert!(err.to_string().contains("--side"), "{err}");
}

#[test]
fn html_is_one_well_formed_self_contained_page_with_verbatim_marks() {
    let s = session();
    let bytes = run(Format::Html, Target::Session(&s), &opts(true));
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let html = export_xml::parse(text).unwrap_or_else(|e| panic!("the HTML does not parse cleanly: {e}"));
    assert_eq!(html.name, "html");
    for tag in ["script", "link", "img", "iframe"] {
        assert!(html.all(tag).is_empty(), "no <{tag}>: the page stands alone");
    }
    assert_eq!(html.all("h1").len(), 2, "one heading per case");
    let cards = session_cards(&s);
    assert_eq!(html.all("h3").len(), cards.len(), "one tag heading per card");
    let style = html.all("style")[0].text();
    assert!(
        style.contains("@media print") && style.contains("font-size: 8pt"),
        "printable, small unread text"
    );
    let highlighted: Vec<String> = html.all("mark").iter().map(|m| m.text()).collect();
    let read_aloud = squash(&highlighted.join(" "));
    for (card, _) in &cards {
        assert!(
            read_aloud.contains(&card.highlighted_text().split(' ').take(3).collect::<Vec<_>>().join(" "))
        );
    }
    assert_eq!(html.all("p").iter().filter(|p| p.attr("class") == Some("analytic")).count(), analytics(&s));
}

#[test]
fn html_drops_control_characters_as_the_docx_does() {
    let mut s = session();
    s.resolution.push('\u{c}');
    let card = s
        .aff
        .sections
        .iter_mut()
        .flat_map(|x| x.items.iter_mut())
        .find_map(|i| match i {
            Item::Card { card, .. } => Some(card),
            Item::Analytic { .. } => None,
        })
        .expect("the aff case has a card");
    card.tag.push_str(" tag\u{c}end");
    // Appended, so the card's marks still fit its text.
    card.text.push_str(" form\u{c}feed\u{1}del\u{7f}nel\u{85}done");
    let stray = |c: char| c.is_control() && c != '\n' && c != '\t';
    for full in [false, true] {
        let html = String::from_utf8(run(Format::Html, Target::Session(&s), &opts(full))).expect("UTF-8");
        let found: Vec<char> = html.chars().filter(|&c| stray(c)).collect();
        assert!(found.is_empty(), "full={full}: control characters reach the page: {found:?}");
        assert!(html.contains("tagend"), "full={full}: the tag's text is kept");
        if full {
            assert!(html.contains("formfeeddelneldone"), "the card's text is kept");
        }
        let docx =
            export_xml::part(&run(Format::Docx, Target::Session(&s), &opts(full)), "word/document.xml");
        assert!(!docx.chars().any(stray), "full={full}: the .docx drops them too");
    }
}

fn analytics(s: &Session) -> usize {
    [&s.aff, &s.neg]
        .iter()
        .flat_map(|c| c.sections.iter().flat_map(|s| &s.items))
        .filter(|i| matches!(i, Item::Analytic { .. }))
        .count()
}

#[path = "export_formats/docx.rs"]
mod docx;

#[path = "export_formats/v4.rs"]
mod v4;
#[path = "export_formats/v4_docx.rs"]
mod v4_docx;
