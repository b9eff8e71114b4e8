//! What format version 4 holds, exported: Pocket and Hat headings above blocks, the debater's
//! asides among the cards, highlights in several colours and a shading, the cite as written, a
//! card's note, and line breaks and tabs inside a paragraph: in Markdown, HTML, text and card
//! JSON here, in the .docx in `v4_docx.rs`.

use casebook::model::{
    Aside, AsideKind, Author, Block, CiteLine, Heading, HeadingLevel, HighlightColour, Mark, MarkKind, Side,
};

use super::export_xml;
use super::*;

const SHADE: HighlightColour = HighlightColour::Rgb(0x12, 0xAB, 0xEF);
pub(super) const CITE_LINE: &str =
    "Ju Hyung Kim 25 (President, Security Management Institute, China Factor, 8-29-2025)";
pub(super) const NOTE: &str = "Pair with the SEATO answers.";
pub(super) const FIRST_TEXT: &str = "But these structures are disjointed at best.\nAsia lacks\ta codified arrangement.\n\n\
                          While trilateral collaboration is progressing, it is no alliance.";

pub(super) fn kim() -> Source {
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
    first.cite_line =
        Some(CiteLine { text: CITE_LINE.into(), bold: vec![(9, 12), (13, 15)], marks: Vec::new() });
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
