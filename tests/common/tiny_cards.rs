//! The "many tiny cards" Word file (#22.4): `n` cards of a Tag paragraph, a cite (bold "Kim{i}
//! 25" and a few words: a source of its own per card) and one word of text, each with its own
//! tag, written straight to a deflated zip the way Word packages a .docx. At 876,000 cards it is
//! the 10.5 MB file that once took 2 GB to read.
#![allow(dead_code)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Verbatim's Tag paragraph style and Cite character style, as Word names them.
const STYLES: &str = concat!(
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:aliases w:val="Tag"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>"#,
    r#"<w:style w:type="character" w:customStyle="1" w:styleId="Style13ptBold"><w:name w:val="Style 13 pt Bold"/><w:aliases w:val="Cite"/><w:rPr><w:b/></w:rPr></w:style>"#,
);

/// The XML of card `i`: tag, cite and (with `word`) one word of text.
fn card(i: usize, word: bool, out: &mut String) {
    use std::fmt::Write as _;
    let _ = write!(
        out,
        concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading4"/></w:pPr><w:r><w:t>Tag {i}</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:rPr><w:rStyle w:val="Style13ptBold"/></w:rPr><w:t>Kim{i} 25</w:t></w:r>"#,
            r#"<w:r><w:t xml:space="preserve"> Times {i}</w:t></w:r></w:p>"#,
        ),
        i = i
    );
    if word {
        let _ = write!(out, r#"<w:p><w:r><w:t>w{i}</w:t></w:r></w:p>"#);
    }
}

/// A .docx of `n` tiny cards, and the size of its `word/document.xml` in bytes.
pub fn tiny_cards_docx(n: usize) -> (Vec<u8>, usize) {
    tiny_cards_shaped(n, 0, true)
}

/// [`tiny_cards_docx`] with an XML comment of `pad` bytes after each card (the same cards in
/// more XML, to reach the most cards a Word file of that size may hold), and with or without the
/// word of text (a card of a tag and a cite only: the dearest card per paragraph).
pub fn tiny_cards_shaped(n: usize, pad: usize, word: bool) -> (Vec<u8>, usize) {
    let comment =
        if pad == 0 { String::new() } else { format!("<!--{}-->", "x".repeat(pad.saturating_sub(7))) };
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let styles =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{STYLES}</w:styles>"#);
    zip.start_file("word/styles.xml", options).expect("styles entry");
    zip.write_all(styles.as_bytes()).expect("styles");
    zip.start_file("word/document.xml", options).expect("document entry");
    let head = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>"#
    );
    let mut size = head.len();
    zip.write_all(head.as_bytes()).expect("head");
    // Written in chunks, so making a 250 MB document does not hold it.
    let mut chunk = String::new();
    for i in 0..n {
        card(i, word, &mut chunk);
        chunk.push_str(&comment);
        if chunk.len() > 1 << 20 || i + 1 == n {
            size += chunk.len();
            zip.write_all(chunk.as_bytes()).expect("cards");
            chunk.clear();
        }
    }
    let tail = "</w:body></w:document>";
    size += tail.len();
    zip.write_all(tail.as_bytes()).expect("tail");
    (zip.finish().expect("finish zip").into_inner(), size)
}
