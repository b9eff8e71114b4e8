//! Style resolution: ids, names, first aliases, basedOn chains, cycles, legacy names, outline
//! levels.

use super::{styles_xml, verbatim_styles};
use crate::docx_import::ParaRole;
use crate::docx_import::styles::{StyleRole, StyleSheet};

fn sheet(xml: &str) -> StyleSheet {
    StyleSheet::parse(xml, "word/styles.xml", 256).expect("styles parse")
}

fn para_style(id: &str, name: &str, extra: &str) -> String {
    format!(r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{extra}</w:style>"#)
}

fn char_style(id: &str, name: &str, extra: &str) -> String {
    format!(r#"<w:style w:type="character" w:styleId="{id}"><w:name w:val="{name}"/>{extra}</w:style>"#)
}

#[test]
fn verbatim_ids_resolve_to_their_roles() {
    let s = sheet(&verbatim_styles());
    assert_eq!(s.paragraph_role(Some("Heading1"), None), ParaRole::Pocket);
    assert_eq!(s.paragraph_role(Some("Heading2"), None), ParaRole::Hat);
    assert_eq!(s.paragraph_role(Some("Heading3"), None), ParaRole::Block);
    assert_eq!(s.paragraph_role(Some("Heading4"), None), ParaRole::Tag);
    assert_eq!(s.paragraph_role(Some("Normal"), None), ParaRole::Body);
    assert_eq!(s.paragraph_role(None, None), ParaRole::Body);
    assert_eq!(s.character_style("Style13ptBold").0, Some(StyleRole::Cite));
    assert_eq!(s.character_style("StyleUnderline").0, Some(StyleRole::Underline));
    assert_eq!(s.character_style("Emphasis").0, Some(StyleRole::Emphasis));
    assert_eq!(s.character_style("Hyperlink").0, None, "later aliases ('Analytic Text') are ignored");
}

#[test]
fn analytic_based_on_heading4_is_an_analytic_not_a_tag() {
    let s = sheet(&verbatim_styles());
    assert_eq!(s.paragraph_role(Some("Analytic"), None), ParaRole::Analytic);
    assert_eq!(s.paragraph_role(Some("Undertag"), None), ParaRole::Undertag);
}

#[test]
fn names_resolve_whatever_the_id() {
    let xml = styles_xml(
        &[
            para_style("a1", "heading 4", ""),
            para_style("a2", "HEADING 1", ""),
            char_style("c1", "Style 13 pt Bold", ""),
            char_style("c2", "style underline", ""),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    assert_eq!(s.paragraph_role(Some("a1"), None), ParaRole::Tag);
    assert_eq!(s.paragraph_role(Some("a2"), None), ParaRole::Pocket);
    assert_eq!(s.character_style("c1").0, Some(StyleRole::Cite));
    assert_eq!(s.character_style("c2").0, Some(StyleRole::Underline));
}

#[test]
fn first_alias_resolves_and_later_aliases_do_not() {
    let xml = styles_xml(
        &[
            para_style("x1", "Card Tag", r#"<w:aliases w:val="Tag,heading 2"/>"#),
            para_style("x2", "Big Card", r#"<w:aliases w:val="Big card,Tag"/>"#),
            char_style("y1", "Cite Look", r#"<w:aliases w:val="Cite"/>"#),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    assert_eq!(s.paragraph_role(Some("x1"), None), ParaRole::Tag);
    assert_eq!(s.paragraph_role(Some("x2"), None), ParaRole::Body);
    assert_eq!(s.character_style("y1").0, Some(StyleRole::Cite));
}

#[test]
fn ids_and_names_are_case_space_and_punctuation_insensitive() {
    let xml = styles_xml(
        &[
            char_style("Style Underline", "whatever", ""),
            char_style("author-date", "x", ""),
            para_style("HEADING-3", "y", ""),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    assert_eq!(s.character_style("Style Underline").0, Some(StyleRole::Underline));
    assert_eq!(s.character_style("author-date").0, Some(StyleRole::Cite));
    assert_eq!(s.paragraph_role(Some("HEADING-3"), None), ParaRole::Block);
}

#[test]
fn legacy_template_names_resolve() {
    let xml = styles_xml(
        &[
            para_style("Tags", "Tags", ""),
            para_style("BlockHeadings", "Block Headings", ""),
            para_style("Cites", "Cites", ""),
            char_style("DebateUnderline", "Debate Underline", ""),
            char_style("CitesChar", "Cites Char", ""),
            char_style("AuthorDate", "Author-Date", ""),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    assert_eq!(s.paragraph_role(Some("Tags"), None), ParaRole::Tag);
    assert_eq!(s.paragraph_role(Some("BlockHeadings"), None), ParaRole::Block);
    assert_eq!(s.paragraph_role(Some("Cites"), None), ParaRole::Cite);
    assert_eq!(s.character_style("DebateUnderline").0, Some(StyleRole::Underline));
    assert_eq!(s.character_style("CitesChar").0, Some(StyleRole::Cite));
    assert_eq!(s.character_style("AuthorDate").0, Some(StyleRole::Cite));
}

#[test]
fn based_on_chains_inherit_role_and_run_properties() {
    let xml = styles_xml(
        &[
            para_style("MyTag", "My Tag", r#"<w:basedOn w:val="MyTagBase"/>"#),
            para_style("MyTagBase", "Base", r#"<w:basedOn w:val="Heading4"/>"#),
            para_style("Heading4", "heading 4", ""),
            char_style(
                "Under2",
                "Under Two",
                r#"<w:basedOn w:val="StyleUnderline"/><w:rPr><w:highlight w:val="green"/></w:rPr>"#,
            ),
            char_style("StyleUnderline", "Style Underline", r#"<w:rPr><w:u w:val="single"/></w:rPr>"#),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    assert_eq!(s.paragraph_role(Some("MyTag"), None), ParaRole::Tag);
    let (role, props) = s.character_style("Under2");
    assert_eq!(role, Some(StyleRole::Underline));
    assert_eq!(props.underline, Some(true));
    assert!(props.highlight.is_some());
}

#[test]
fn based_on_cycle_ends_without_hanging() {
    let xml = styles_xml(
        &[
            para_style("A", "A", r#"<w:basedOn w:val="B"/>"#),
            para_style("B", "B", r#"<w:basedOn w:val="C"/>"#),
            para_style("C", "C", r#"<w:basedOn w:val="A"/>"#),
            para_style("Self", "Self", r#"<w:basedOn w:val="Self"/>"#),
            para_style("D", "D", r#"<w:basedOn w:val="A"/>"#),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    for id in ["A", "B", "C", "Self", "D"] {
        assert_eq!(s.paragraph_role(Some(id), None), ParaRole::Body, "{id}");
    }
}

#[test]
fn outline_levels_make_headings_and_level_9_is_body() {
    let xml = styles_xml(
        &[
            para_style("Normal", "Normal", ""),
            para_style("Lvl2", "Level two", r#"<w:pPr><w:outlineLvl w:val="2"/></w:pPr>"#),
            para_style(
                "Body4",
                "Body of tag",
                r#"<w:basedOn w:val="Heading4x"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>"#,
            ),
            para_style("Heading4x", "Four", r#"<w:pPr><w:outlineLvl w:val="3"/></w:pPr>"#),
        ]
        .concat(),
    );
    let s = sheet(&xml);
    assert_eq!(s.paragraph_role(Some("Lvl2"), None), ParaRole::Block);
    assert_eq!(s.paragraph_role(Some("Heading4x"), None), ParaRole::Tag);
    assert_eq!(s.paragraph_role(Some("Body4"), None), ParaRole::Body);
    assert_eq!(s.paragraph_role(Some("Normal"), Some(3)), ParaRole::Tag, "direct outline level");
    assert_eq!(s.paragraph_role(None, Some(0)), ParaRole::Pocket);
    assert_eq!(s.paragraph_role(Some("Normal"), Some(9)), ParaRole::Body);
}

#[test]
fn style_ids_missing_from_the_sheet_still_resolve_by_spelling() {
    let s = StyleSheet::default();
    assert_eq!(s.paragraph_role(Some("Heading4"), None), ParaRole::Tag);
    assert_eq!(s.paragraph_role(Some("Heading2"), None), ParaRole::Hat);
    assert_eq!(s.character_style("StyleUnderline").0, Some(StyleRole::Underline));
    assert_eq!(s.character_style("Heading4").0, None, "a paragraph role is no character role");
}

#[test]
fn table_style_conditional_run_properties_are_not_the_styles_own() {
    let xml = styles_xml(&char_style(
        "Plain",
        "Plain",
        r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:u w:val="single"/></w:rPr></w:tblStylePr><w:rPrChange><w:rPr><w:highlight w:val="yellow"/></w:rPr></w:rPrChange>"#,
    ));
    let (_, props) = sheet(&xml).character_style("Plain");
    assert_eq!(props.underline, None);
    assert_eq!(props.highlight, None);
}
