//! Run properties and run content: w:u, w:highlight, w:shd, Emphasis, rStyle, tracked changes,
//! fields, tabs, breaks, hyphens, symbols, text boxes, tables and counted objects.

use super::{document, import, loose_texts, p, r, verbatim_styles, zip_of};
use crate::docx_import::{HighlightColor, Mark, MarkKind, Para};

/// The first loose paragraph of a one-paragraph body.
fn para_of(runs: &str) -> Para {
    let doc = import(&p("", runs));
    match doc.outline.first() {
        Some(crate::docx_import::Node::Paragraph(para)) => para.clone(),
        other => panic!("expected a loose paragraph, got {other:?}"),
    }
}

fn mark(kind: MarkKind, start: usize, end: usize) -> Mark {
    Mark { kind, start, end }
}

fn named(c: &str) -> MarkKind {
    MarkKind::Highlight(HighlightColor::Named(c.to_owned()))
}

#[test]
fn direct_u_underlines_and_u_none_does_not() {
    let para = para_of(
        &[
            r("<w:u w:val=\"single\"/>", "ab"),
            r("<w:u w:val=\"none\"/>", "cd"),
            r("<w:u w:val=\"double\"/>", "ef"),
        ]
        .concat(),
    );
    assert_eq!(para.text, "abcdef");
    assert_eq!(para.marks, vec![mark(MarkKind::Underline, 0, 2), mark(MarkKind::Underline, 4, 6)]);
}

#[test]
fn underline_style_and_styles_based_on_it_underline() {
    let para = para_of(&[r(r#"<w:rStyle w:val="StyleUnderline"/>"#, "one "), r("", "two")].concat());
    assert_eq!(para.marks, vec![mark(MarkKind::Underline, 0, 4)]);
}

#[test]
fn direct_u_none_overrides_the_underline_style() {
    let para = para_of(&r(r#"<w:rStyle w:val="StyleUnderline"/><w:u w:val="none"/>"#, "x"));
    assert!(para.marks.is_empty(), "{:?}", para.marks);
}

#[test]
fn highlight_of_any_colour_is_kept_with_its_colour_and_none_is_not() {
    let para = para_of(
        &[
            r(r#"<w:highlight w:val="yellow"/>"#, "a"),
            r(r#"<w:highlight w:val="cyan"/>"#, "b"),
            r(r#"<w:highlight w:val="none"/>"#, "c"),
            r(r#"<w:highlight w:val="green"/>"#, "d"),
        ]
        .concat(),
    );
    assert_eq!(
        para.marks,
        vec![mark(named("yellow"), 0, 1), mark(named("cyan"), 1, 2), mark(named("green"), 3, 4)]
    );
}

#[test]
fn shading_fill_highlights_but_auto_white_and_nil_do_not() {
    let para = para_of(
        &[
            r(r#"<w:shd w:val="clear" w:color="auto" w:fill="00ffff"/>"#, "a"),
            r(r#"<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>"#, "b"),
            r(r#"<w:shd w:val="clear" w:color="auto" w:fill="auto"/>"#, "c"),
            r(r#"<w:shd w:val="nil"/>"#, "d"),
        ]
        .concat(),
    );
    assert_eq!(para.marks, vec![mark(MarkKind::Highlight(HighlightColor::Shading("00FFFF".into())), 0, 1)]);
}

#[test]
fn emphasis_style_marks_emphasis_and_its_underline() {
    let para = para_of(&r(r#"<w:rStyle w:val="Emphasis"/>"#, "key"));
    assert_eq!(para.marks, vec![mark(MarkKind::Underline, 0, 3), mark(MarkKind::Emphasis, 0, 3)]);
}

#[test]
fn cite_style_and_direct_bold_mark_bold_and_b_off_does_not() {
    let para = para_of(
        &[
            r(r#"<w:rStyle w:val="Style13ptBold"/>"#, "Kim"),
            r("<w:b/>", " 25"),
            r(r#"<w:b w:val="0"/>"#, " x"),
        ]
        .concat(),
    );
    assert_eq!(para.marks, vec![mark(MarkKind::Bold, 0, 6)]);
}

#[test]
fn touching_runs_with_equal_marks_merge_and_layers_overlap() {
    let para = para_of(
        &[
            r(r#"<w:rStyle w:val="StyleUnderline"/>"#, "aa"),
            r(r#"<w:rStyle w:val="StyleUnderline"/><w:highlight w:val="cyan"/>"#, "bb"),
            r(r#"<w:rStyle w:val="StyleUnderline"/>"#, "cc"),
        ]
        .concat(),
    );
    assert_eq!(para.marks, vec![mark(MarkKind::Underline, 0, 6), mark(named("cyan"), 2, 4)]);
}

#[test]
fn tracked_insertions_are_kept_and_deletions_dropped_and_counted() {
    let body = p(
        "",
        &[
            r("", "kept "),
            "<w:ins w:id=\"1\">".into(),
            r("", "inserted"),
            "</w:ins>".into(),
            "<w:del w:id=\"2\"><w:r><w:delText>gone</w:delText></w:r></w:del>".into(),
        ]
        .concat(),
    );
    let doc = import(&body);
    assert_eq!(loose_texts(&doc), vec!["kept inserted"]);
    assert_eq!(doc.report.tracked_insertions, 1);
    assert_eq!(doc.report.tracked_deletions, 1);
    assert_eq!(doc.report.deleted_chars, 4);
}

#[test]
fn field_results_are_kept_and_instructions_dropped() {
    let runs = concat!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://x.org" </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        r#"<w:r><w:t>x.org</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>"#,
    );
    let doc = import(&p("", runs));
    assert_eq!(loose_texts(&doc), vec!["x.org7"]);
    assert_eq!(doc.report.field_instructions, 1);
}

#[test]
fn tabs_breaks_and_hyphens_become_characters() {
    let runs = r#"<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t><w:softHyphen/><w:t>f</w:t></w:r>"#;
    let doc = import(&p("", runs));
    assert_eq!(loose_texts(&doc), vec!["a\tb\nc\nd\u{2011}ef"]);
    assert_eq!(doc.report.soft_hyphens, 1);
}

#[test]
fn paragraph_tab_stops_and_mark_formatting_are_not_text() {
    let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:highlight w:val="yellow"/></w:rPr></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>"#;
    let para = para_of_body(body);
    assert_eq!(para.text, "plain");
    assert!(para.marks.is_empty());
}

fn para_of_body(body: &str) -> Para {
    match import(body).outline.first() {
        Some(crate::docx_import::Node::Paragraph(para)) => para.clone(),
        other => panic!("expected a loose paragraph, got {other:?}"),
    }
}

#[test]
fn symbols_map_to_characters_unless_private_use() {
    let runs = r#"<w:r><w:t>x</w:t><w:sym w:font="Symbol" w:char="03B1"/><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>"#;
    let doc = import(&p("", runs));
    assert_eq!(loose_texts(&doc), vec!["xα"]);
    assert_eq!(doc.report.symbols, 1);
    assert_eq!(doc.report.unmapped_symbols, 1);
}

#[test]
fn hyperlinks_smart_tags_and_content_controls_keep_their_text() {
    let runs = concat!(
        r#"<w:hyperlink r:id="rId4" xmlns:r="urn:r"><w:r><w:t>link </w:t></w:r></w:hyperlink>"#,
        r#"<w:smartTag w:element="place"><w:r><w:t>tag </w:t></w:r></w:smartTag>"#,
        r#"<w:sdt><w:sdtPr><w:alias w:val="Title"/></w:sdtPr><w:sdtContent><w:r><w:t>control</w:t></w:r></w:sdtContent></w:sdt>"#,
    );
    assert_eq!(loose_texts(&import(&p("", runs))), vec!["link tag control"]);
}

#[test]
fn table_cells_become_paragraphs_and_tables_are_counted() {
    let body = format!(
        "<w:tbl><w:tblPr/><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("", &r("", "left")),
        p("", &r("", "right"))
    );
    let doc = import(&body);
    assert_eq!(loose_texts(&doc), vec!["left", "right"]);
    assert_eq!(doc.report.tables, 1);
    assert!(doc.outline.iter().all(|n| matches!(n, crate::docx_import::Node::Paragraph(p) if p.in_table)));
}

#[test]
fn text_boxes_are_kept_once_after_their_paragraph() {
    let boxed = format!("<w:txbxContent>{}</w:txbxContent>", p("", &r("", "in box")));
    let runs = format!(
        "{}<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{boxed}</w:drawing></mc:Choice><mc:Choice Requires=\"v\"><w:pict>{boxed}</w:pict></mc:Choice><mc:Fallback><w:pict>{boxed}</w:pict></mc:Fallback></mc:AlternateContent></w:r>{}",
        r("", "before "),
        r("", "after")
    );
    let doc = import(&p("", &runs));
    assert_eq!(loose_texts(&doc), vec!["before after", "in box"]);
    assert_eq!(doc.report.text_boxes, 1);
    assert_eq!(doc.report.images, 0);
}

#[test]
fn images_footnotes_endnotes_and_comments_are_counted() {
    let runs = concat!(
        r#"<w:r><w:t>text</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="urn:wp"/></w:drawing></w:r>"#,
        r#"<w:r><w:pict/></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r>"#,
        r#"<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
    );
    let doc = import(&p("", runs));
    assert_eq!(loose_texts(&doc), vec!["text"]);
    assert_eq!(doc.report.images, 2);
    assert_eq!((doc.report.footnote_refs, doc.report.endnote_refs, doc.report.comment_refs), (1, 1, 1));
    assert_eq!(
        doc.report.not_imported(),
        vec![
            "pictures or embedded objects: 2",
            "footnotes (text not imported): 1",
            "endnotes (text not imported): 1",
            "comments: 1"
        ]
    );
}

#[test]
fn formatting_history_does_not_apply() {
    let para =
        para_of(&r(r#"<w:rPrChange w:id="1"><w:rPr><w:u w:val="single"/></w:rPr></w:rPrChange>"#, "x"));
    assert!(para.marks.is_empty());
}

#[test]
fn entities_and_character_references_are_resolved() {
    let para = para_of(&r("", "a &amp; b &lt;c&gt; &#x2014; &#8220;q&#8221;"));
    assert_eq!(para.text, "a & b <c> — “q”");
}

#[test]
fn a_document_character_style_based_on_underline_underlines() {
    let extra = r#"<w:style w:type="character" w:customStyle="1" w:styleId="MyCut"><w:name w:val="My Cut"/><w:basedOn w:val="StyleUnderline"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>"#;
    let styles = verbatim_styles().replace("</w:styles>", &format!("{extra}</w:styles>"));
    let doc = document(&p("", &r(r#"<w:rStyle w:val="MyCut"/>"#, "cut")));
    let bytes = zip_of(
        &[("word/document.xml", doc.as_bytes()), ("word/styles.xml", styles.as_bytes())],
        zip::CompressionMethod::Deflated,
    );
    let imported = crate::docx_import::import_docx(&bytes).expect("imports");
    assert!(matches!(imported.outline.first(), Some(crate::docx_import::Node::Paragraph(para))
        if para.marks == vec![mark(MarkKind::Underline, 0, 3)]));
}
