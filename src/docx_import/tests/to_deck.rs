//! From outline to deck: levels, untitled blocks, asides, notes, colours, cite lines, sources.

use super::{docx, import, p, r};
use crate::docx_import::{DeckError, DeckOptions, NO_CITE_NOTE, import_docx, to_deck};
use crate::model::{AsideKind, HeadingLevel, HighlightColour, MarkKind, Side};

fn options() -> DeckOptions {
    DeckOptions { id: "t".into(), title: "T".into(), resolution: String::new(), side: Side::Either }
}

fn card_paras(tag: &str, cite_bold: &str, cite_rest: &str, text: &str) -> String {
    format!(
        "{}{}{}",
        p("Heading4", &r("", tag)),
        p("", &format!("{}{}", r(r#"<w:rStyle w:val="Style13ptBold"/>"#, cite_bold), r("", cite_rest))),
        p("", &r("", text))
    )
}

#[test]
fn pockets_and_hats_open_the_next_block_and_cards_without_a_block_heading_get_an_untitled_one() {
    let body = [
        p("Heading1", &r("", "1NC")),
        p("Heading2", &r("", "Off-case")),
        card_paras("First tag", "Kim 25", " (Ju Hyung Kim)", "First text."),
        p("Heading3", &r("", "Answers to: SEATO")),
        card_paras("Second tag", "Lee 2019", ", a cite", "Second text."),
    ]
    .concat();
    let (deck, report) = to_deck(&import(&body), &options()).unwrap();
    assert_eq!(deck.blocks.len(), 2);
    let levels: Vec<(HeadingLevel, &str)> =
        deck.blocks[0].headings.iter().map(|h| (h.level, h.title.as_str())).collect();
    assert_eq!(levels, vec![(HeadingLevel::Pocket, "1NC"), (HeadingLevel::Hat, "Off-case")]);
    assert_eq!(deck.blocks[0].title, "");
    assert_eq!(deck.blocks[1].title, "Answers to: SEATO");
    assert!(deck.blocks[1].headings.is_empty());
    assert_eq!(report.cards, 2);
}

#[test]
fn analytics_loose_text_and_undertags_stand_where_they_were_and_an_undertag_in_a_card_is_its_note() {
    let body = [
        p("Heading3", &r("", "Block")),
        p("", &r("", "A line under the block.")),
        card_paras("First tag", "Kim 25", "", "First text."),
        p("Analytic", &r("", "Our own argument.")),
        p("Heading4", &r("", "Second tag")),
        p("Undertag", &r("", "Read only if pressed.")),
        p("", &format!("{}{}", r("<w:b/>", "Lee 19"), r("", " cite"))),
        p("", &r("", "Second text.")),
    ]
    .concat();
    let (deck, _) = to_deck(&import(&body), &options()).unwrap();
    let block = &deck.blocks[0];
    let asides: Vec<(usize, AsideKind, &str)> =
        block.asides.iter().map(|a| (a.before, a.kind, a.text.as_str())).collect();
    assert_eq!(
        asides,
        vec![(0, AsideKind::Text, "A line under the block."), (1, AsideKind::Analytic, "Our own argument.")]
    );
    assert_eq!(block.cards[1].note.as_deref(), Some("Read only if pressed."));
}

#[test]
fn highlight_colours_shading_tag_underline_and_cite_bold_survive() {
    let body = [
        p("Heading4", &format!("{}{}", r("", "Tag "), r("<w:u w:val=\"single\"/>", "words"))),
        p(
            "",
            &format!("{}{}", r(r#"<w:rStyle w:val="Style13ptBold"/>"#, "Kim 25"), r("", " (Ju Hyung Kim)")),
        ),
        p(
            "",
            &[
                r(r#"<w:highlight w:val="green"/>"#, "long "),
                r(r#"<w:highlight w:val="yellow"/>"#, "short "),
                r(r#"<w:shd w:val="clear" w:color="auto" w:fill="00FFFF"/>"#, "shaded"),
            ]
            .concat(),
        ),
    ]
    .concat();
    let (deck, _) = to_deck(&import(&body), &options()).unwrap();
    let card = deck.cards().next().unwrap();
    let colours: Vec<(usize, usize, HighlightColour)> = card
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Highlight)
        .map(|m| (m.start, m.end, m.colour))
        .collect();
    assert_eq!(
        colours,
        vec![
            (0, 5, HighlightColour::Green),
            (5, 11, HighlightColour::Yellow),
            (11, 17, HighlightColour::Rgb(0, 255, 255))
        ]
    );
    assert_eq!(card.tag_marks.len(), 1);
    let cite = card.cite_line.as_ref().unwrap();
    assert_eq!(cite.text, "Kim 25 (Ju Hyung Kim)");
    assert_eq!(cite.bold, vec![(0, 6)]);
    assert_eq!(cite.short(), "Kim 25");
}

#[test]
fn one_source_per_cite_line_holding_only_the_stated_last_name_and_a_four_digit_year() {
    let body = [
        card_paras("One", "Kim 25", " (Ju Hyung Kim, President)", "a"),
        card_paras("Two", "Kim 25", " (Ju Hyung Kim, President)", "b"),
        card_paras("Three", "Lee 2019", " (Lee, Professor)", "c"),
        p("Heading4", &r("", "Four")),
        p("", &r("", "Text with no cite.")),
    ]
    .concat();
    let (deck, _) = to_deck(&import(&body), &options()).unwrap();
    assert_eq!(deck.sources.len(), 3);
    let cards: Vec<_> = deck.cards().collect();
    assert_eq!(cards[0].source, cards[1].source);
    let kim = deck.source(&cards[0].source).unwrap();
    assert_eq!(kim.authors[0].name, "Kim");
    assert_eq!(kim.date, None, "\"25\" does not say which century");
    assert!(kim.title.is_empty() && kim.publication.is_empty());
    let lee = deck.source(&cards[2].source).unwrap();
    assert_eq!(lee.date.as_deref(), Some("2019"));
    assert_eq!(deck.source(&cards[3].source).unwrap().note, NO_CITE_NOTE);
}

#[test]
fn headings_but_no_cards_is_an_error_naming_what_was_found() {
    let body = [p("Heading1", &r("", "1AC")), p("Heading3", &r("", "Block")), p("Analytic", &r("", "Ours."))]
        .concat();
    let err = to_deck(&import(&body), &options()).unwrap_err();
    assert!(matches!(err, DeckError::NoCards(_)));
    assert!(err.to_string().contains("2 headings, 1 analytics"), "{err}");
}

#[test]
fn casebooks_own_title_resolution_and_summary_lines_read_back_as_the_deck_not_as_content() {
    let body = [
        p("Heading1", &r("", "Asian NATO aff")),
        p("CasebookIntro", &r("", "Resolved: something.")),
        p("CasebookIntro", &r("", "What the deck is for.")),
        p("CasebookSummary", &r("", "1 card · 0:10")),
        p("Heading3", &r("", "Block")),
        p("CasebookSummary", &r("", "1 card · 0:10")),
        card_paras("Tag", "Kim 25", "", "Text."),
    ]
    .concat();
    let (deck, _) = to_deck(&import_docx(&docx(&body)).unwrap(), &options()).unwrap();
    assert_eq!(deck.title, "Asian NATO aff");
    assert_eq!(deck.resolution, "Resolved: something.");
    assert_eq!(deck.description, "What the deck is for.");
    assert_eq!(deck.blocks.len(), 1);
    assert!(deck.blocks[0].headings.is_empty() && deck.blocks[0].asides.is_empty());
}

#[test]
fn file_names_give_id_title_and_side() {
    let o = DeckOptions::from_file_name(std::path::Path::new("/x/Neg – Taiwan Trap.docx"));
    assert_eq!(
        (o.id.as_str(), o.title.as_str(), o.side),
        ("neg-taiwan-trap", "Neg – Taiwan Trap", Side::Neg)
    );
    let o = DeckOptions::from_file_name(std::path::Path::new("1AC Asian NATO.docx"));
    assert_eq!(o.side, Side::Aff);
    let o = DeckOptions::from_file_name(std::path::Path::new("aff vs neg.docx"));
    assert_eq!(o.side, Side::Either);
}
