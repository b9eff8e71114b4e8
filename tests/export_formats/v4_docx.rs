//! The .docx of a version 4 deck, read back structurally: Pocket and Hat headings, asides in
//! their styles, highlight colours and a shading, the cite line, a note, line breaks and tabs.

use super::export_xml::{self, Element, Node};
use super::v4::{CITE_LINE, FIRST_TEXT, NOTE, kim, v4_deck};
use super::*;
use casebook::model::HeadingLevel;

/// The body paragraphs of a .docx's `word/document.xml`.
fn body(bytes: &[u8]) -> Vec<Element> {
    let doc = export_xml::parse(&export_xml::part(bytes, "word/document.xml")).expect("document.xml");
    let mut doc = doc;
    let body = doc.children.drain(..).find_map(|n| match n {
        Node::Element(e) if e.name == "w:body" => Some(e),
        _ => None,
    });
    let body = body.expect("w:body");
    body.children
        .into_iter()
        .filter_map(|n| match n {
            Node::Element(e) if e.name == "w:p" => Some(e),
            _ => None,
        })
        .collect()
}

fn style_of(p: &Element) -> &str {
    p.child("w:pPr").and_then(|ppr| ppr.child("w:pStyle")).and_then(|s| s.attr("w:val")).unwrap_or("")
}

/// One run as a reader sees it: its text (`w:br` a line break, `w:tab` a tab) and properties.
#[derive(Debug, PartialEq)]
struct Run {
    text: String,
    style: Option<String>,
    highlight: Option<String>,
    shading: Option<(String, String, String)>,
}

fn runs(p: &Element) -> Vec<Run> {
    p.children_named("w:r")
        .map(|r| {
            let mut text = String::new();
            for child in &r.children {
                match child {
                    Node::Element(e) if e.name == "w:t" => text.push_str(&e.text()),
                    Node::Element(e) if e.name == "w:br" => text.push('\n'),
                    Node::Element(e) if e.name == "w:tab" => text.push('\t'),
                    _ => {}
                }
            }
            let prop = |name: &str| r.child("w:rPr").and_then(|rpr| rpr.child(name));
            let val = |name: &str| prop(name).and_then(|e| e.attr("w:val")).map(str::to_owned);
            let shading = prop("w:shd").map(|s| {
                let a = |k: &str| s.attr(k).unwrap_or_default().to_owned();
                (a("w:val"), a("w:color"), a("w:fill"))
            });
            Run { text, style: val("w:rStyle"), highlight: val("w:highlight"), shading }
        })
        .collect()
}

/// A paragraph's text as written, line breaks and tabs included.
fn text_of(p: &Element) -> String {
    runs(p).into_iter().map(|r| r.text).collect()
}

fn v4_docx(full: bool) -> Vec<u8> {
    run(Format::Docx, Target::Deck(&v4_deck()), &opts(full))
}

/// Paragraph styles and texts, the summary lines' texts left out (they hold reading times).
fn shape(paragraphs: &[Element]) -> Vec<(String, String)> {
    paragraphs
        .iter()
        .map(|p| {
            let style = style_of(p).to_owned();
            let text = if style == "CasebookSummary" { "…".to_owned() } else { text_of(p) };
            (style, text)
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(s, t)| (s.to_string(), t.to_string())).collect()
}

#[test]
fn docx_writes_each_highlight_in_its_colour_and_a_shading_as_a_fill() {
    let paragraphs = body(&v4_docx(true));
    let all: Vec<Run> = paragraphs.iter().flat_map(runs).collect();
    let painted = |colour: &str| -> Vec<&str> {
        all.iter().filter(|r| r.highlight.as_deref() == Some(colour)).map(|r| r.text.as_str()).collect()
    };
    assert_eq!(painted("yellow"), ["these structures"], "the default colour stays yellow");
    assert_eq!(painted("green"), ["Alliances", " are ", "disjointed", " at best"], "an aside's marks too");
    let shaded: Vec<(&str, &(String, String, String))> =
        all.iter().filter_map(|r| r.shading.as_ref().map(|s| (r.text.as_str(), s))).collect();
    assert_eq!(shaded, [("a codified", &("clear".into(), "auto".into(), "12ABEF".into()))]);
    assert!(all.iter().all(|r| r.highlight.as_deref() != Some("cyan")), "no colour is invented");
}

#[test]
fn a_line_break_and_a_tab_inside_a_paragraph_are_word_elements_not_characters() {
    let paragraphs = body(&v4_docx(true));
    let first = paragraphs
        .iter()
        .find(|p| text_of(p).starts_with("But these"))
        .expect("the first card's first paragraph");
    assert_eq!(text_of(first), FIRST_TEXT.split("\n\n").next().unwrap(), "w:br and w:tab where they stand");
    let raw: String = first.all("w:t").iter().map(|t| t.text()).collect();
    assert!(!raw.contains(['\n', '\t']), "no raw break or tab in w:t: {raw:?}");
    assert_eq!(first.all("w:br").len(), 1);
    assert_eq!(first.all("w:tab").len(), 1);
}

#[test]
fn docx_prints_the_cite_line_as_written_and_the_note_as_an_undertag_under_the_tag() {
    for full in [false, true] {
        let paragraphs = body(&v4_docx(full));
        let tag = paragraphs
            .iter()
            .position(|p| style_of(p) == "Heading4" && text_of(p) == "Hub-and-spoke ties are disjointed")
            .expect("the first card's tag");
        let note = &paragraphs[tag + 1];
        assert_eq!((style_of(note), text_of(note).as_str()), ("Undertag", NOTE), "full={full}");
        let cite = &paragraphs[tag + 2];
        assert_eq!(style_of(cite), "", "full={full}: the cite is Normal");
        let pieces: Vec<(String, Option<String>)> =
            runs(cite).into_iter().map(|r| (r.text, r.style)).collect();
        let bold = || Some("Style13ptBold".to_owned());
        let expected = vec![
            ("Ju Hyung ".to_owned(), None),
            ("Kim".to_owned(), bold()),
            (" ".to_owned(), None),
            ("25".to_owned(), bold()),
            (CITE_LINE[15..].to_owned(), None),
        ];
        assert_eq!(pieces, expected, "full={full}: the bold ranges in Cite, the rest plain");
        // The card without a cite line keeps the cite built from its source.
        let second =
            paragraphs.iter().position(|p| text_of(p) == "No collective action without a treaty").unwrap();
        assert_eq!(text_of(&paragraphs[second + 1]), cite_line(&kim()), "full={full}");
    }
    let styles = export_xml::parse(&export_xml::part(&v4_docx(false), "word/styles.xml")).expect("styles");
    let undertag = styles.children_named("w:style").find(|s| s.attr("w:styleId") == Some("Undertag"));
    let undertag = undertag.expect("the Undertag style is defined");
    assert_eq!(undertag.attr("w:type"), Some("paragraph"));
    assert_eq!(undertag.attr("w:customStyle"), Some("1"), "not one of Word's built-in styles");
}

#[test]
fn docx_writes_pockets_hats_and_asides_where_they_stand_and_no_title_pocket_of_its_own() {
    let paragraphs = body(&v4_docx(false));
    let built = cite_line(&kim());
    let expected = [
        ("Heading1", "1AC"),
        ("Heading2", "Inherency"),
        ("Heading3", "Hub-and-spoke is inadequate"),
        ("CasebookSummary", "…"),
        ("Analytic", "Alliances without a collective clause fail."),
        ("Heading4", "Hub-and-spoke ties are disjointed"),
        ("Undertag", NOTE),
        ("", CITE_LINE),
        ("Undertag", "Read this before the SEATO answers."),
        ("CasebookText", "A loose line between the cards."),
        ("Heading4", "No collective action without a treaty"),
        ("", built.as_str()),
        ("Analytic", "So the alliance is needed."),
        // A block with no title: its Hat, then its cards, with no Block heading or summary.
        ("Heading2", "Answers"),
        ("Heading4", "Asia is too divided"),
        ("", built.as_str()),
    ];
    assert_eq!(shape(&paragraphs), pairs(&expected), "a deck with Pockets of its own starts with them");
    let styles = export_xml::parse(&export_xml::part(&v4_docx(false), "word/styles.xml")).expect("styles");
    let text_style = styles.children_named("w:style").find(|s| s.attr("w:styleId") == Some("CasebookText"));
    let text_style = text_style.expect("the CasebookText style is defined");
    assert_eq!(text_style.attr("w:type"), Some("paragraph"));
    assert_eq!(text_style.attr("w:customStyle"), Some("1"));
}

#[test]
fn docx_of_a_deck_with_hats_but_no_pockets_keeps_the_title_pocket_and_its_lines() {
    let mut deck = v4_deck();
    deck.blocks[0].headings.retain(|h| h.level == HeadingLevel::Hat);
    let paragraphs = body(&run(Format::Docx, Target::Deck(&deck), &opts(false)));
    let expected = [
        ("Heading1", "Version 4 deck"),
        ("CasebookIntro", casebook::model::RESOLUTION),
        ("CasebookSummary", "…"),
        ("Heading2", "Inherency"),
        ("Heading3", "Hub-and-spoke is inadequate"),
        ("CasebookSummary", "…"),
    ];
    assert_eq!(shape(&paragraphs)[..expected.len()], pairs(&expected)[..]);
}

#[test]
fn a_tag_to_tag_reader_takes_no_aside_or_note_for_card_text() {
    let deck = v4_deck();
    for full in [false, true] {
        let paragraphs: Vec<(String, String)> =
            body(&v4_docx(full)).iter().map(|p| (style_of(p).to_owned(), text_of(p))).collect();
        for line in [
            ("Undertag", NOTE),
            ("Undertag", "Read this before the SEATO answers."),
            ("CasebookText", "A loose line between the cards."),
            ("Analytic", "So the alliance is needed."),
        ] {
            let line = (line.0.to_owned(), line.1.to_owned());
            assert!(paragraphs.contains(&line), "full={full}: {line:?} is written");
        }
        let read = super::docx::tag_to_tag_cards(&paragraphs);
        let tags: Vec<&str> = read.iter().map(|(t, _)| t.as_str()).collect();
        let expected: Vec<&str> = deck.cards().map(|c| c.tag.as_str()).collect();
        assert_eq!(tags, expected, "full={full}: the analytics are not cards");
        for ((tag, text), card) in read.iter().zip(deck.cards()) {
            let expected = if full { squash(&card.text) } else { String::new() };
            assert_eq!(squash(&text.join(" ")), expected, "full={full}: text of {tag:?}");
        }
    }
}
