//! Card structure: tag, cite, text, analytics, undertags, headings, outline levels.

use super::{import, loose_texts, only_card, p, r};
use crate::docx_import::cite::parse_short;
use crate::docx_import::{MarkKind, Node};

const CITE: &str = r#"<w:rStyle w:val="Style13ptBold"/>"#;
const UNDER: &str = r#"<w:rStyle w:val="StyleUnderline"/>"#;

fn cite_para(short: &str, rest: &str) -> String {
    p("", &[r(CITE, short), r("", rest)].concat())
}

#[test]
fn tag_cite_and_text_make_a_card() {
    let body = [
        p("Heading4", &r("", " Deterrence holds ")),
        cite_para("Kim 25", ", Professor, East Asia Forum"),
        p("", &[r("", "The "), r(UNDER, "alliance holds"), r("", ".")].concat()),
        p("", &r(r#"<w:highlight w:val="yellow"/>"#, "Second")),
    ]
    .concat();
    let doc = import(&body);
    let card = only_card(&doc);
    assert_eq!(card.tag, "Deterrence holds");
    let cite = card.cite.as_ref().expect("cite");
    assert_eq!(cite.raw, "Kim 25, Professor, East Asia Forum");
    assert_eq!(cite.short, "Kim 25");
    assert_eq!(cite.last_name.as_deref(), Some("Kim"));
    assert_eq!(cite.year.as_deref(), Some("25"));
    assert_eq!(card.text, "The alliance holds.\n\nSecond");
    assert_eq!(card.paragraph_starts, vec![0, 21]);
    assert_eq!(card.paragraphs(), vec!["The alliance holds.", "Second"]);
    let under: Vec<_> = card.marks.iter().filter(|m| m.kind == MarkKind::Underline).collect();
    assert_eq!((under[0].start, under[0].end), (4, 18));
    assert_eq!(card.highlighted_text(), "Second");
    use crate::model::{Mark as ModelMark, MarkKind as Model};
    assert_eq!(
        card.model_marks(),
        vec![ModelMark::new(Model::Underline, 4, 18), ModelMark::new(Model::Highlight, 21, 27)]
    );
    assert_eq!(doc.report.cards, 1);
    assert_eq!(doc.report.tags, 1);
}

#[test]
fn bold_cite_after_a_plain_first_name_is_a_cite() {
    let body = [
        p("Heading4", &r("", "Tag")),
        p(
            "",
            &[r("", "Johanna "), r(CITE, "Matanich"), r("", " "), r(CITE, "96"), r("", ", ARTICLE")].concat(),
        ),
        p("", &r("", "Text.")),
    ]
    .concat();
    let doc = import(&body);
    let cite = only_card(&doc).cite.clone().expect("cite");
    assert_eq!(cite.short, "Matanich 96");
    assert_eq!(cite.year.as_deref(), Some("96"));
}

#[test]
fn direct_bold_counts_as_a_cite() {
    let body = [
        p("Heading4", &r("", "Tag")),
        p("", &[r("<w:b/>", "Connolly 20"), r("", ", Rep.")].concat()),
        p("", &r("", "T")),
    ]
    .concat();
    let doc = import(&body);
    assert_eq!(only_card(&doc).cite.as_ref().map(|c| c.short.as_str()), Some("Connolly 20"));
}

#[test]
fn a_fully_bold_cite_paragraph_gives_a_short_cite_up_to_the_date() {
    let bold = "Nachbar 19 – Professor of Law, University of Virginia";
    let body = [p("Heading4", &r("", "Tag")), p("", &r("<w:b/>", bold)), p("", &r("", "T"))].concat();
    let doc = import(&body);
    let cite = only_card(&doc).cite.clone().expect("cite");
    assert_eq!(cite.short, "Nachbar 19");
    assert_eq!(cite.raw, bold);
}

#[test]
fn a_tag_without_cite_but_with_text_is_a_card_without_cite() {
    let body = [p("Heading4", &r("", "Tag")), p("", &r("", "plain text that is no cite"))].concat();
    let doc = import(&body);
    let card = only_card(&doc);
    assert!(card.cite.is_none());
    assert_eq!(card.text, "plain text that is no cite");
    assert_eq!(doc.report.cards_without_cite, 1);
}

#[test]
fn a_tag_with_no_cite_and_no_text_is_an_analytic() {
    let body = [
        p("Heading4", &r("", "CP text: the USFG should")),
        p("Heading4", &r("", "Next tag")),
        cite_para("Lee 19", ""),
    ]
    .concat();
    let doc = import(&body);
    assert!(matches!(&doc.outline[0], Node::Analytic(a) if a.text == "CP text: the USFG should"));
    assert!(matches!(&doc.outline[1], Node::Card(c) if c.tag == "Next tag" && c.text.is_empty()));
    assert_eq!((doc.report.cards, doc.report.tag_analytics, doc.report.analytics), (1, 1, 1));
}

#[test]
fn analytic_style_ends_a_card_and_is_never_a_card() {
    let body = [
        p("Heading4", &r("", "Tag")),
        cite_para("Kim 25", ""),
        p("", &r("", "card text")),
        p("Analytic", &r("", "My own words")),
        p("", &r("", "after the analytic")),
    ]
    .concat();
    let doc = import(&body);
    assert_eq!(only_card(&doc).text, "card text");
    assert!(matches!(&doc.outline[1], Node::Analytic(a) if a.text == "My own words"));
    assert_eq!(loose_texts(&doc), vec!["after the analytic"]);
    assert_eq!(doc.report.analytics, 1);
}

#[test]
fn headings_end_cards_and_make_outline_entries() {
    let body = [
        p("Heading1", &r("", "Pocket")),
        p("Heading2", &r("", "Hat")),
        p("Heading3", &r("", "Block")),
        p("Heading4", &r("", "Tag")),
        cite_para("Kim 25", ""),
        p("", &r("", "text")),
        p("Heading3", &r("", "Next block")),
        p("", &r("", "loose")),
    ]
    .concat();
    let doc = import(&body);
    let kinds: Vec<&str> = doc
        .outline
        .iter()
        .map(|n| match n {
            Node::Pocket(_) => "pocket",
            Node::Hat(_) => "hat",
            Node::Block(_) => "block",
            Node::Card(_) => "card",
            Node::Paragraph(_) => "paragraph",
            Node::Analytic(_) => "analytic",
            Node::Undertag(_) => "undertag",
        })
        .collect();
    assert_eq!(kinds, vec!["pocket", "hat", "block", "card", "block", "paragraph"]);
    assert_eq!((doc.report.pockets, doc.report.hats, doc.report.blocks), (1, 1, 2));
}

#[test]
fn blank_paragraphs_neither_end_a_card_nor_take_the_cites_place() {
    let body = [
        p("Heading4", &r("", "Tag")),
        p("", ""),
        p("", &r("", "  ")),
        cite_para("Kim 25", ""),
        p("", ""),
        p("", &r("", "text")),
    ]
    .concat();
    let doc = import(&body);
    let card = only_card(&doc);
    assert!(card.cite.is_some());
    assert_eq!(card.text, "text");
    assert_eq!(doc.report.blank_paragraphs, 3);
}

#[test]
fn undertags_are_notes_inside_a_card_and_nodes_outside() {
    let body = [
        p("Undertag", &r("", "alone")),
        p("Heading4", &r("", "Tag")),
        p("Undertag", &r("", "read this first")),
        cite_para("Kim 25", ""),
        p("", &r("", "text")),
    ]
    .concat();
    let doc = import(&body);
    assert!(matches!(&doc.outline[0], Node::Undertag(u) if u.text == "alone"));
    let card = only_card(&doc);
    assert_eq!(card.notes.len(), 1);
    assert!(card.cite.is_some(), "an undertag does not take the cite's place");
    assert_eq!(doc.report.undertags, 2);
}

#[test]
fn direct_outline_level_3_makes_a_tag() {
    let body = [
        r#"<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:r><w:t>Outline tag</w:t></w:r></w:p>"#.to_owned(),
        cite_para("Kim 25", ""),
        p("", &r("", "text")),
    ]
    .concat();
    assert_eq!(only_card(&import(&body)).tag, "Outline tag");
}

#[test]
fn tag_marks_are_kept_relative_to_the_trimmed_tag() {
    let body = [
        p("Heading4", &[r("", "  Protection means "), r(r#"<w:u w:val="single"/>"#, "cessation")].concat()),
        p("", &r("", "x")),
    ]
    .concat();
    let card = only_card(&import(&body)).clone();
    assert_eq!(card.tag, "Protection means cessation");
    assert_eq!((card.tag_marks[0].start, card.tag_marks[0].end), (17, 26));
}

#[test]
fn short_cites_give_only_what_they_state() {
    assert_eq!(parse_short("Kim 25"), (Some("Kim".into()), Some("25".into())));
    assert_eq!(parse_short("Jamie Wood 13"), (Some("Wood".into()), Some("13".into())));
    assert_eq!(parse_short("Einhorn and kim 16"), (Some("Einhorn".into()), Some("16".into())));
    assert_eq!(parse_short("Brands et al. 18"), (Some("Brands".into()), Some("18".into())));
    assert_eq!(parse_short("Harvey, 13"), (Some("Harvey".into()), Some("13".into())));
    assert_eq!(parse_short("Kazianis ’17"), (Some("Kazianis".into()), Some("17".into())));
    assert_eq!(parse_short("Spratt 2019"), (Some("Spratt".into()), Some("2019".into())));
    assert_eq!(parse_short("AFP 10/10"), (Some("AFP".into()), None));
    assert_eq!(parse_short("Columbia Encyclopedia No Date"), (Some("Encyclopedia".into()), None));
    assert_eq!(parse_short("Masuda et. al. 21"), (Some("Masuda".into()), Some("21".into())));
    assert_eq!(parse_short("Dictionary.com ‘ND"), (Some("Dictionary.com".into()), None));
    assert_eq!(parse_short("Debs & Monteiro ’18"), (Some("Debs".into()), Some("18".into())));
    assert_eq!(parse_short("Chow 10-28-21"), (Some("Chow".into()), Some("21".into())));
    assert_eq!(parse_short("BBC 10-28-2021"), (Some("BBC".into()), Some("2021".into())));
    assert_eq!(parse_short(""), (None, None));
}

#[test]
fn headings_without_cards_import_with_zero_cards() {
    let doc = import(&[p("Heading1", &r("", "Pocket")), p("Heading3", &r("", "Block"))].concat());
    assert_eq!(doc.report.cards, 0);
    assert_eq!(doc.outline.len(), 2);
}
