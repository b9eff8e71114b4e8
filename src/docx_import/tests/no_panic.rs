//! Hostile input never panics: random bytes, damaged packages and scrambled XML all give a
//! result or a typed error.

use proptest::prelude::*;
use zip::CompressionMethod;

use super::{document, docx, p, r, verbatim_styles, zip_of};
use crate::docx_import::{ImportLimits, import_docx, import_parts};

/// A small real-looking body to damage.
fn sample_body() -> String {
    [
        p("Heading3", &r("", "Block")),
        p("Heading4", &r("", "Tag")),
        p("", &[r(r#"<w:rStyle w:val="Style13ptBold"/>"#, "Kim 25"), r("", ", Forum")].concat()),
        p(
            "",
            &[
                r(r#"<w:rStyle w:val="StyleUnderline"/><w:highlight w:val="cyan"/>"#, "quoted"),
                r("", " text"),
            ]
            .concat(),
        ),
    ]
    .concat()
}

/// XML fragments that, shuffled together, make every kind of nesting mistake.
const PIECES: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "text ",
    "<w:rPr>",
    "</w:rPr>",
    "<w:pPr>",
    "</w:pPr>",
    r#"<w:pStyle w:val="Heading4"/>"#,
    r#"<w:rStyle w:val="Emphasis"/>"#,
    r#"<w:highlight w:val="yellow"/>"#,
    r#"<w:highlight w:val="green"/>"#,
    r#"<w:shd w:val="clear" w:fill="00FF00"/>"#,
    r#"<w:u w:val="single"/>"#,
    r#"<w:pStyle w:val="Heading1"/>"#,
    r#"<w:pStyle w:val="Heading3"/>"#,
    r#"<w:pStyle w:val="Analytic"/>"#,
    r#"<w:pStyle w:val="Undertag"/>"#,
    r#"<w:rStyle w:val="Style13ptBold"/>"#,
    "&#x200B;",
    "&#x9;",
    "<w:tab/>",
    "<w:br/>",
    "<w:del>",
    "</w:del>",
    "<w:ins>",
    "</w:ins>",
    "<w:txbxContent>",
    "</w:txbxContent>",
    "<w:drawing>",
    "</w:drawing>",
    "<w:tbl>",
    "</w:tbl>",
    "&amp;",
    "&#x41;",
    "&bogus;",
    "<mc:Fallback>",
    "</mc:Fallback>",
    "<w:instrText>",
    r#"<w:sym w:char="zz"/>"#,
    r#"<w:outlineLvl w:val="300"/>"#,
    "<w:b/>",
    "<",
    ">",
];

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_docx(&bytes);
    }

    #[test]
    fn damaged_packages_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = docx(&sample_body());
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = import_docx(&bytes);
    }

    #[test]
    fn scrambled_xml_never_panics(picks in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        let styles = verbatim_styles();
        if let Ok(doc) = import_parts(&document(&body), Some(&styles), &ImportLimits::default()) {
            // Whatever the reader makes of it becomes a deck the loader accepts, or "no cards".
            let options = crate::docx_import::DeckOptions::from_file_name(std::path::Path::new("f.docx"));
            match crate::docx_import::to_deck(&doc, &options) {
                Ok(_) | Err(crate::docx_import::DeckError::NoCards(_)) => {}
                Err(e) => prop_assert!(false, "{e}"),
            }
        }
        let _ = import_parts(&document(&sample_body()), Some(&body), &ImportLimits::default());
        let bytes = zip_of(&[("word/document.xml", document(&body).as_bytes())], CompressionMethod::Stored);
        let _ = import_docx(&bytes);
    }
}
