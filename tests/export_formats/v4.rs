//! What format version 4 holds, exported: Pocket and Hat headings above blocks, the debater's
//! asides among the cards, highlights in several colours and a shading, the cite as written, a
//! card's note, and line breaks and tabs inside a paragraph.

use casebook::model::{
    Aside, AsideKind, Author, Block, CiteLine, Heading, HeadingLevel, HighlightColour, Mark, MarkKind, Side,
};

use super::export_xml::{self, Element, Node};
use super::*;

const SHADE: HighlightColour = HighlightColour::Rgb(0x12, 0xAB, 0xEF);
const CITE_LINE: &str = "Ju Hyung Kim 25 (President, Security Management Institute, China Factor, 8-29-2025)";
const NOTE: &str = "Pair with the SEATO answers.";
const FIRST_TEXT: &str = "But these structures are disjointed at best.\nAsia lacks\ta codified arrangement.\n\n\
                          While trilateral collaboration is progressing, it is no alliance.";

fn kim() -> Source {
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
        url: "https://chinafactor.news/x".into(),
        accessed: None,
    }
}

/// A card quoting Kim.
fn card(id: &str, tag: &str, side: Side, text: &str) -> Card {
    Card::new(id, tag, side, "kim-2025", text)
}

/// A deck with everything version 4 adds: a block under a Pocket and a Hat, with an analytic
/// (highlighted green) before its first card, an undertag and a loose line between its cards and
/// an analytic after the last; its first card highlighted yellow and green and shaded, with a cite
/// line, a note, a line break and a tab; then, under a second Hat, a block with no title.
pub(super) fn v4_deck() -> Deck {
    let mut first = card("kim-disjointed", "Hub-and-spoke ties are disjointed", Side::Aff, FIRST_TEXT);
    first.marks = vec![
        Mark::new(MarkKind::Underline, 4, 43),
        Mark::highlight(HighlightColour::Yellow, 4, 20),
        Mark::highlight(HighlightColour::Green, 20, 43),
        Mark::new(MarkKind::Emphasis, 25, 35),
        Mark::highlight(SHADE, 56, 66),
    ];
    first.note = Some(NOTE.into());
    first.cite_line = Some(CiteLine { text: CITE_LINE.into(), bold: vec![(9, 12), (13, 15)] });
    let second =
        card("kim-no-collective", "No collective action without a treaty", Side::Either, "Asia lacks it.");
    let mut analytic = Aside::new(0, AsideKind::Analytic, "Alliances without a collective clause fail.");
    analytic.marks = vec![Mark::highlight(HighlightColour::Green, 0, 9)];
    let mut block = Block::new("Hub-and-spoke is inadequate", vec![first, second]);
    block.headings = vec![
        Heading { level: HeadingLevel::Pocket, title: "1AC".into() },
        Heading { level: HeadingLevel::Hat, title: "Inherency".into() },
    ];
    block.asides = vec![
        analytic,
        Aside::new(1, AsideKind::Undertag, "Read this before the SEATO answers."),
        Aside::new(1, AsideKind::Text, "A loose line between the cards."),
        Aside::new(2, AsideKind::Analytic, "So the alliance is needed."),
    ];
    let mut untitled = Block::new("", vec![card("kim-neg", "Asia is too divided", Side::Neg, "Divided.")]);
    untitled.headings = vec![Heading { level: HeadingLevel::Hat, title: "Answers".into() }];
    let mut deck = Deck::empty("v4", "Version 4 deck", casebook::model::RESOLUTION);
    deck.sources = vec![kim()];
    deck.blocks = vec![block, untitled];
    deck
}

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
fn html_and_markdown_draw_each_highlight_colour() {
    let deck = v4_deck();
    for format in [Format::Html, Format::Markdown] {
        let out = String::from_utf8(run(format, Target::Deck(&deck), &opts(true))).expect("UTF-8");
        assert!(out.contains("<mark>these structures</mark>"), "{format:?}: yellow is a plain mark");
        assert!(out.contains("<mark style=\"background:#00FF00\">"), "{format:?}: green");
        assert!(out.contains("<mark style=\"background:#12ABEF\">a codified</mark>"), "{format:?}: shading");
        assert!(
            out.contains("<mark style=\"background:#00FF00\">Alliances</mark>"),
            "{format:?}: the analytic's highlight"
        );
    }
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
fn html_markdown_and_text_keep_the_line_break() {
    let deck = v4_deck();
    let out = |format| String::from_utf8(run(format, Target::Deck(&deck), &opts(true))).expect("UTF-8");
    let html = out(Format::Html);
    assert!(html.contains("best</mark></u>.<br/>Asia lacks\t<mark"), "HTML\n{html}");
    let markdown = out(Format::Markdown);
    assert!(markdown.contains("best</mark></u>.<br>Asia lacks\t<mark"), "Markdown\n{markdown}");
    let text = out(Format::Text);
    assert!(
        text.contains("at best==_.\n          Asia lacks ==a codified=="),
        "text: a new line at the break\n{text}"
    );
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
fn every_format_prints_the_cite_line_as_written_and_the_note() {
    let deck = v4_deck();
    let out = |format| String::from_utf8(run(format, Target::Deck(&deck), &opts(false))).expect("UTF-8");
    let markdown = out(Format::Markdown);
    assert!(
        markdown.contains(
            "##### Hub-and-spoke ties are disjointed\n\n> *Note:* Pair with the SEATO answers.\n\n"
        )
    );
    assert!(
        markdown.contains("\n\nJu Hyung **Kim** **25** (President, Security Management Institute"),
        "{markdown}"
    );
    let html = out(Format::Html);
    assert!(
        html.contains(
            "<p class=\"note\"><span class=\"label\">Note:</span> Pair with the SEATO answers.</p>"
        )
    );
    assert!(html.contains("<p class=\"cite\">Ju Hyung <b>Kim</b> <b>25</b> (President, Security"), "{html}");
    let text = out(Format::Text);
    assert!(text.contains(
        "        Hub-and-spoke ties are disjointed\n          [Note] Pair with the SEATO answers.\n"
    ));
    assert!(text.contains(&format!("          {CITE_LINE}\n")), "{text}");
    for (format, seen) in [(Format::Markdown, &markdown), (Format::Html, &html), (Format::Text, &text)] {
        let seen = visible_text(format, seen.as_bytes());
        assert_eq!(
            seen.matches(&squash(&cite_line(&kim()))).count(),
            2,
            "{format:?}: built cites of the others only"
        );
        assert_eq!(seen.matches(&squash(CITE_LINE)).count(), 1, "{format:?}");
    }
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

#[test]
fn html_markdown_and_text_show_the_headings_one_level_above_the_next_and_the_asides_in_place() {
    let deck = v4_deck();
    let out = |format| String::from_utf8(run(format, Target::Deck(&deck), &opts(false))).expect("UTF-8");
    let markdown = out(Format::Markdown);
    for expected in [
        "# Version 4 deck\n",
        "\n## 1AC\n\n### Inherency\n\n#### Hub-and-spoke is inadequate\n\n*2 cards",
        "\n> **Analytic:** <mark style=\"background:#00FF00\">Alliances</mark> without a collective clause fail.\n\n##### Hub-and-spoke ties are disjointed\n",
        "\n> *Note:* Read this before the SEATO answers.\n\n> A loose line between the cards.\n\n##### No collective action",
        "\n> **Analytic:** So the alliance is needed.\n\n### Answers\n\n##### Asia is too divided\n",
    ] {
        assert!(markdown.contains(expected), "Markdown lacks {expected:?}:\n{markdown}");
    }
    let html = export_xml::parse(&out(Format::Html)).expect("the HTML parses");
    let headings: Vec<(String, String, String)> = ["h1", "h2", "h3", "h4", "h5"]
        .iter()
        .flat_map(|h| html.all(h))
        .map(|e| (e.name.clone(), e.attr("class").unwrap_or_default().to_owned(), e.text()))
        .collect();
    for (tag, class, text) in [
        ("h2", "pocket-title", "1AC"),
        ("h3", "hat-title", "Inherency"),
        ("h3", "hat-title", "Answers"),
        ("h4", "block-title", "Hub-and-spoke is inadequate"),
        ("h5", "tag", "Asia is too divided"),
    ] {
        assert!(
            headings.contains(&(tag.into(), class.into(), text.into())),
            "{tag}.{class} {text}: {headings:?}"
        );
    }
    let by_class = |class: &str| -> Vec<String> {
        html.all("p").iter().filter(|p| p.attr("class") == Some(class)).map(|p| p.text()).collect()
    };
    assert_eq!(
        by_class("analytic"),
        ["Analytic: Alliances without a collective clause fail.", "Analytic: So the alliance is needed."]
    );
    assert_eq!(by_class("undertag"), ["Note: Read this before the SEATO answers."]);
    assert_eq!(by_class("aside"), ["A loose line between the cards."]);
    let text = out(Format::Text);
    for expected in [
        "\n  1AC\n\n    Inherency\n\n      Hub-and-spoke is inadequate\n      2 cards",
        "\n        [Analytic] ==Alliances== without a collective clause fail.\n\n        Hub-and-spoke ties",
        "\n        [Note] Read this before the SEATO answers.\n\n        » A loose line between the cards.\n\n        No collective",
        "\n    Answers\n\n        Asia is too divided\n",
    ] {
        assert!(text.contains(expected), "text lacks {expected:?}:\n{text}");
    }
}

#[test]
fn card_json_gives_the_cite_line_as_written_the_note_and_each_highlight_colour() {
    let bytes = run(Format::Json, Target::Deck(&v4_deck()), &opts(true));
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("card JSON parses");
    let cards = json["cards"].as_array().expect("cards");
    assert_eq!(cards[0]["cite"]["raw"], CITE_LINE);
    assert_eq!(cards[0]["cite"]["authors"][0]["name"], "Ju Hyung Kim", "the structured cite stays");
    assert_eq!(cards[0]["note"], NOTE);
    assert_eq!(cards[1]["cite"]["raw"], serde_json::Value::Null, "no cite line: null");
    assert_eq!(cards[1]["note"], serde_json::Value::Null);
    let highlights: Vec<(u64, &str)> = cards[0]["marks"]
        .as_array()
        .expect("marks")
        .iter()
        .filter(|m| m["kind"] == "highlight")
        .map(|m| (m["start"].as_u64().unwrap(), m["colour"].as_str().expect("a highlight has a colour")))
        .collect();
    assert_eq!(highlights, [(4, "yellow"), (20, "green"), (56, "#12ABEF")]);
    let underline = cards[0]["marks"].as_array().unwrap().iter().find(|m| m["kind"] == "underline").unwrap();
    assert!(underline.get("colour").is_none(), "only highlights carry a colour: {underline}");
}
