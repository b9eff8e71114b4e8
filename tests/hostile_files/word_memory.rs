//! P11 (#22.4): a Word file of many tiny cards is refused while it is read, with a message naming
//! the file and the limit, before its outline grows; a file within the limit reads whole.

use casebook::docx_import::{
    DeckOptions, ImportError, ImportLimits, MAX_PARAGRAPHS, XML_BYTES_PER_PARAGRAPH, import_docx_with_limits,
    import_word_file,
};

use super::tiny_cards::tiny_cards_docx;

/// Paragraphs with text in a tiny-cards file of `n` cards: tag, cite and one word each.
const PARAGRAPHS_PER_CARD: usize = 3;

#[test]
fn p11_a_paragraph_count_over_the_limit_is_refused_and_one_under_it_reads() {
    // Only the maximum binds here: every byte of XML would earn a paragraph.
    let limits =
        ImportLimits { max_paragraphs: 3_000, xml_bytes_per_paragraph: 1, ..ImportLimits::default() };
    let (over, _) = tiny_cards_docx(2_000);
    let err = import_docx_with_limits(&over, &limits).unwrap_err();
    assert!(matches!(err, ImportError::TooManyParagraphs { limit: 3_000, .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("too many paragraphs for one Word file: more than 3000"), "{message}");
    assert!(message.contains("split the file"), "{message}");

    let (under, _) = tiny_cards_docx(900);
    let doc = import_docx_with_limits(&under, &limits).unwrap();
    assert_eq!((doc.report.cards, doc.report.paragraphs), (900, 900 * PARAGRAPHS_PER_CARD));
}

#[test]
fn p11_the_allowance_grows_with_the_xml_size_and_stops_at_the_maximum() {
    // A file of little XML per paragraph is refused by its size, long before the maximum.
    let limits = ImportLimits {
        free_paragraphs: 100,
        xml_bytes_per_paragraph: 1_000,
        max_paragraphs: 1_000_000,
        ..ImportLimits::default()
    };
    let (bytes, xml) = tiny_cards_docx(2_000);
    let allowed = 100 + xml / 1_000;
    assert!(allowed < 2_000 * PARAGRAPHS_PER_CARD);
    let err = import_docx_with_limits(&bytes, &limits).unwrap_err();
    assert!(matches!(err, ImportError::TooManyParagraphs { limit, .. } if limit == allowed), "{err:?}");
    assert_eq!(limits.paragraph_limit(xml), allowed);
    assert_eq!(limits.paragraph_limit(usize::MAX), 1_000_000, "never more than the maximum");
    assert_eq!(limits.paragraph_limit(0), 100, "a small file has its free paragraphs");
}

#[test]
fn p11_with_the_default_limits_the_many_tiny_cards_file_is_refused_early_naming_the_file() {
    // Real Verbatim files hold about 2,000 bytes of XML per paragraph; these cards about 100, so
    // the refusal comes from the size allowance after a few ten thousand cards, well before the
    // absolute maximum (a debate file never nears either).
    let defaults = ImportLimits::default();
    assert_eq!(defaults.max_paragraphs, MAX_PARAGRAPHS);
    assert_eq!(defaults.xml_bytes_per_paragraph, XML_BYTES_PER_PARAGRAPH);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Tiny cards.docx");
    let n = 20_000;
    let (bytes, xml) = tiny_cards_docx(n);
    let limit = defaults.paragraph_limit(xml);
    assert!(limit < n * PARAGRAPHS_PER_CARD, "the file is over the limit ({limit})");
    std::fs::write(&path, &bytes).unwrap();
    let start = std::time::Instant::now();
    let err = import_word_file(&path, &DeckOptions::from_file_name(&path)).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("Tiny cards.docx") && message.contains(&format!("more than {limit}")),
        "{message}"
    );
    assert!(message.contains("split the file"), "{message}");
    // Read as a library file, it is refused too: nothing of it is indexed.
    let why = casebook::workspace::read_indexed(&path, None, None, false).err().unwrap();
    assert!(why.contains(&format!("more than {limit}")), "{why}");
    assert!(start.elapsed() < std::time::Duration::from_secs(10), "refused while reading");
}
