//! Unit tests on small hand-written parts, packaged in memory with the zip writer.

mod bad_input;
mod cards;
mod no_panic;
mod run_props;
mod styles;
mod to_deck;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{ImportedCard, ImportedDoc, Node, import_docx};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// A document.xml whose body is `body`.
pub(super) fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body}</w:body></w:document>"#
    )
}

/// A styles.xml holding `styles`.
pub(super) fn styles_xml(styles: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{styles}</w:styles>"#)
}

/// The Verbatim template's styles, trimmed to what matters, plus Analytic and Undertag.
pub(super) fn verbatim_styles() -> String {
    styles_xml(concat!(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:aliases w:val="Normal/Card"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:aliases w:val="Pocket"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:aliases w:val="Hat"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:aliases w:val="Block,Citation,Bold Cite"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:aliases w:val="Tag,Big card,heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Analytic"><w:name w:val="Analytic"/><w:basedOn w:val="Heading4"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Undertag"><w:name w:val="Undertag"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>"#,
        r#"<w:style w:type="character" w:customStyle="1" w:styleId="Style13ptBold"><w:name w:val="Style 13 pt Bold"/><w:aliases w:val="Cite,Old Cite"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:b/><w:u w:val="none"/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:customStyle="1" w:styleId="StyleUnderline"><w:name w:val="Style Underline"/><w:aliases w:val="Underline,Bold"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:b w:val="0"/><w:u w:val="single"/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:b/><w:u w:val="single"/></w:rPr></w:style>"#,
        r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:aliases w:val="Analytic Text,Card Text"/><w:rPr><w:u w:val="none"/></w:rPr></w:style>"#,
    ))
}

/// A paragraph of style `style` (none when empty) holding `runs`.
pub(super) fn p(style: &str, runs: &str) -> String {
    if style.is_empty() {
        format!("<w:p>{runs}</w:p>")
    } else {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>"#)
    }
}

/// A run with run properties `rpr` (inner XML of `w:rPr`, none when empty) and text `text`.
pub(super) fn r(rpr: &str, text: &str) -> String {
    let props = if rpr.is_empty() { String::new() } else { format!("<w:rPr>{rpr}</w:rPr>") };
    format!(r#"<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// A zip package of `entries`, compressed with `method`.
pub(super) fn zip_of(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in entries {
        zip.start_file(*name, options).expect("start entry");
        zip.write_all(bytes).expect("write entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// A .docx (deflated, like Word's) of a body and the Verbatim styles.
pub(super) fn docx(body: &str) -> Vec<u8> {
    let doc = document(body);
    let styles = verbatim_styles();
    zip_of(
        &[("word/document.xml", doc.as_bytes()), ("word/styles.xml", styles.as_bytes())],
        CompressionMethod::Deflated,
    )
}

/// Imports a body with the Verbatim styles.
pub(super) fn import(body: &str) -> ImportedDoc {
    import_docx(&docx(body)).expect("fixture imports")
}

/// The only card of a document.
pub(super) fn only_card(doc: &ImportedDoc) -> &ImportedCard {
    let cards: Vec<&ImportedCard> = doc.cards().collect();
    assert_eq!(cards.len(), 1, "outline: {:#?}", doc.outline);
    cards[0]
}

/// The outline's single paragraph-like node text, for tests of loose text.
pub(super) fn loose_texts(doc: &ImportedDoc) -> Vec<String> {
    doc.outline
        .iter()
        .filter_map(|n| match n {
            Node::Paragraph(p) => Some(p.text.clone()),
            _ => None,
        })
        .collect()
}
