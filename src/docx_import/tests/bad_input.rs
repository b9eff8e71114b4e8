//! Bad input: each case gets its typed error, never a panic.

use zip::CompressionMethod;

use super::{document, docx, p, r, verbatim_styles, zip_of};
use crate::docx_import::{ImportError, ImportLimits, import_docx, import_docx_with_limits};

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn package(document_xml: &[u8], method: CompressionMethod) -> Vec<u8> {
    let styles = verbatim_styles();
    zip_of(&[("word/document.xml", document_xml), ("word/styles.xml", styles.as_bytes())], method)
}

fn one_para() -> String {
    document(&p("", &r("", "text")))
}

#[test]
fn not_a_zip() {
    assert_eq!(import_docx(b"just some text, not a package"), Err(ImportError::NotZip));
    assert_eq!(import_docx(b""), Err(ImportError::NotZip));
}

#[test]
fn damaged_zip() {
    let mut bytes = docx(&p("", &r("", "x")));
    bytes.truncate(bytes.len() / 2);
    assert!(matches!(import_docx(&bytes), Err(ImportError::Zip(_))), "{:?}", import_docx(&bytes));
}

#[test]
fn zip_without_document_xml() {
    let bytes = zip_of(&[("word/styles.xml", verbatim_styles().as_bytes())], CompressionMethod::Deflated);
    assert_eq!(import_docx(&bytes), Err(ImportError::MissingPart { part: "word/document.xml" }));
}

#[test]
fn old_binary_doc() {
    let mut bytes = OLE_MAGIC.to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 4096));
    let err = import_docx(&bytes).expect_err("a .doc is refused");
    assert_eq!(err, ImportError::LegacyDoc);
    assert_eq!(err.to_string(), "Word 97–2003 .doc: save it as .docx in Word first");
}

#[test]
fn password_protected_docx() {
    let mut bytes = OLE_MAGIC.to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 512));
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        bytes.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend([0u8; 64]);
    }
    let err = import_docx(&bytes).expect_err("an encrypted file is refused");
    assert_eq!(err, ImportError::Encrypted);
    assert!(err.to_string().contains("password"));
}

#[test]
fn zip_bomb_part_over_the_size_limit() {
    let limits = ImportLimits { max_part_bytes: 64 << 10, ..ImportLimits::default() };
    let big = document(&p("", &r("", &"x".repeat(100 << 10))));
    let bytes = package(big.as_bytes(), CompressionMethod::Deflated);
    assert!(matches!(
        import_docx_with_limits(&bytes, &limits),
        Err(ImportError::TooLarge { part, limit }) if part == "word/document.xml" && limit == 64 << 10
    ));
}

#[test]
fn zip_bomb_parts_over_the_total_limit() {
    let doc = one_para();
    let limits = ImportLimits { max_total_bytes: doc.len() as u64 + 10, ..ImportLimits::default() };
    let bytes = package(doc.as_bytes(), CompressionMethod::Deflated);
    assert!(matches!(
        import_docx_with_limits(&bytes, &limits),
        Err(ImportError::TooLarge { part, .. }) if part == "word/styles.xml"
    ));
}

#[test]
fn zip_bomb_compression_ratio() {
    let bomb = document(&"<w:p/>".repeat(400_000));
    let bytes = package(bomb.as_bytes(), CompressionMethod::Deflated);
    assert!(matches!(import_docx(&bytes), Err(ImportError::CompressionRatio { limit: 100, .. })));
}

#[test]
fn zip_bomb_with_a_lying_size_header() {
    let big = document(&p("", &r("", &"y".repeat(200 << 10))));
    let mut bytes = package(big.as_bytes(), CompressionMethod::Deflated);
    // Rewrite the declared uncompressed size of word/document.xml in the central directory
    // (signature PK\x01\x02, size at offset 24) to 1 KiB.
    let cd = bytes.windows(4).position(|w| w == b"PK\x01\x02").expect("central directory");
    bytes[cd + 24..cd + 28].copy_from_slice(&1024u32.to_le_bytes());
    let limits = ImportLimits { max_part_bytes: 64 << 10, ..ImportLimits::default() };
    let result = import_docx_with_limits(&bytes, &limits);
    assert!(
        matches!(result, Err(ImportError::TooLarge { .. } | ImportError::Zip(_) | ImportError::Xml { .. })),
        "{result:?}"
    );
}

#[test]
fn dtd_is_refused() {
    let xml =
        one_para().replacen("<w:document", "<!DOCTYPE w:document SYSTEM \"http://x/y.dtd\"><w:document", 1);
    assert_eq!(
        import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)),
        Err(ImportError::Dtd { part: "word/document.xml".into() })
    );
}

#[test]
fn entity_declarations_are_refused() {
    let decl = r#"<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>"#;
    let xml = one_para().replacen("<w:document", &format!("{decl}<w:document"), 1).replace("text", "&b;");
    assert!(matches!(
        import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)),
        Err(ImportError::Dtd { .. })
    ));
}

#[test]
fn undeclared_entity_is_refused() {
    let xml = one_para().replace("text", "&custom;");
    assert_eq!(
        import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)),
        Err(ImportError::UnknownEntity { part: "word/document.xml".into(), name: "custom".into() })
    );
}

#[test]
fn nesting_past_the_limit() {
    let deep = format!("{}{}", "<w:sdt>".repeat(300), "</w:sdt>".repeat(300));
    let xml = document(&format!("{}{deep}", p("", &r("", "x"))));
    assert_eq!(
        import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)),
        Err(ImportError::TooDeep { part: "word/document.xml".into(), limit: 256 })
    );
}

#[test]
fn invalid_utf8_names_the_part() {
    let mut bytes = one_para().into_bytes();
    let at = bytes.windows(4).position(|w| w == b"text").expect("text");
    bytes[at] = 0xFF;
    let err = import_docx(&package(&bytes, CompressionMethod::Deflated)).expect_err("bad UTF-8");
    assert_eq!(err, ImportError::InvalidUtf8 { part: "word/document.xml".into(), offset: at });
    assert!(err.to_string().contains("word/document.xml"));
}

#[test]
fn invalid_utf8_in_styles_names_the_styles_part() {
    let doc = one_para();
    let mut styles = verbatim_styles().into_bytes();
    styles.push(0xC3);
    let bytes = zip_of(
        &[("word/document.xml", doc.as_bytes()), ("word/styles.xml", &styles)],
        CompressionMethod::Stored,
    );
    assert!(
        matches!(import_docx(&bytes), Err(ImportError::InvalidUtf8 { part, .. }) if part == "word/styles.xml")
    );
}

#[test]
fn malformed_xml() {
    let xml = one_para().replace("</w:body>", "");
    assert!(matches!(
        import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)),
        Err(ImportError::Xml { part, .. }) if part == "word/document.xml"
    ));
}

#[test]
fn empty_document() {
    let xml = document(&[p("", ""), p("Heading4", "")].concat());
    assert_eq!(import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)), Err(ImportError::Empty));
}

#[test]
fn stored_entries_and_a_missing_styles_part_still_import() {
    let doc = document(&[p("Heading4", &r("", "Tag")), p("", &r("", "text"))].concat());
    let bytes = zip_of(&[("word/document.xml", doc.as_bytes())], CompressionMethod::Stored);
    let imported = import_docx(&bytes).expect("imports");
    assert_eq!(imported.report.cards, 1);
}

#[test]
fn utf8_byte_order_mark_is_accepted() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(one_para().into_bytes());
    assert!(import_docx(&package(&bytes, CompressionMethod::Deflated)).is_ok());
}

#[test]
fn namespace_declarations_past_the_limit() {
    let declare = |level: usize| -> String {
        (0..200).map(|i| format!(" xmlns:n{level}x{i}=\"urn:{level}:{i}\"")).collect()
    };
    let body = format!("<w:sdt{}><w:sdt{}>{}</w:sdt></w:sdt>", declare(1), declare(2), p("", &r("", "x")));
    let xml = document(&body);
    let err = import_docx(&package(xml.as_bytes(), CompressionMethod::Deflated)).expect_err("refused");
    assert!(
        matches!(&err, ImportError::Xml { part, message, .. }
        if part == "word/document.xml" && message.contains("namespace declarations")),
        "{err:?}"
    );
}
