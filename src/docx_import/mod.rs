//! Verbatim Word (.docx) import: the reading core.
//!
//! [`import_docx`] turns a .docx file's bytes into an [`ImportedDoc`]: an outline of Pocket, Hat
//! and Block headings, cards (tag, cite, text with underline, emphasis, highlight and bold
//! marks), analytics and loose paragraphs, plus an [`ImportReport`] counting everything read,
//! kept and dropped. It is a lossless intermediate form; [`to_deck`] turns it into a
//! [`crate::model::Deck`] (`to_deck.rs`).
//!
//! How it reads (each private submodule documents its part):
//! - the package (`container`): OLE files are refused as old .doc or encrypted .docx; parts
//!   are read with size and compression-ratio limits, through `take()` so a lying zip header
//!   cannot exceed them, and must be UTF-8;
//! - the XML (`xml`): a quick-xml event reader with namespaces; a DTD, an entity other than the
//!   five predefined ones, nesting deeper than [`ImportLimits::max_depth`] or more than 256
//!   namespace declarations in scope is refused;
//! - styles (`styles`): roles found by style id, name or first alias through `basedOn`
//!   chains, resolved once per style (linear, cycle-safe);
//! - paragraphs (`paragraphs`): runs' text and marks, one paragraph held at a time; text in
//!   hyperlinks, smart tags, content controls, insertions, field results, tables and text boxes
//!   is kept; deletions and field instructions are dropped; images, footnote, endnote and
//!   comment references and private-use symbols are counted (`ImportReport::not_imported`);
//! - cards (`cards`): the tag / cite / text structure.
//!
//! A document with headings but no cards is not an error: it imports with
//! [`ImportReport::cards`] at 0, so the caller can say so. A document with no text at all is
//! [`ImportError::Empty`]. Time is linear in the input.
//!
//! Memory: reading one Word file (into a deck, then its search index) holds at most about
//! [`MEMORY_PER_XML_BYTE`] (10) times the size of its `word/document.xml` (the document's XML,
//! uncompressed), plus about 1 MB. What grows with a file is its text, held a few times over
//! (each copy smaller than the XML), and a fixed cost per paragraph with text (its outline node,
//! then its card, source and index row: under 1 KB), so the number of such paragraphs is limited
//! while the XML is read: a Word file may hold [`FREE_PARAGRAPHS`] (1,000) plus one per
//! [`XML_BYTES_PER_PARAGRAPH`] (200) bytes of its XML, and never more than [`MAX_PARAGRAPHS`]
//! (300,000). Real Verbatim files hold about 2,000 bytes of XML per paragraph and far fewer
//! paragraphs. A file beyond the limit (e.g. a machine-made file of hundreds of thousands of
//! one-word cards) is refused with [`ImportError::TooManyParagraphs`], which names the limit, at
//! its first paragraph past it: before the outline grows, and never half-read.
//!
//! Not read: headers, footers, footnote/endnote/comment bodies (separate parts), hidden-text
//! flags (hidden text is kept as text), numbering labels (list numbers Word draws), and the
//! paragraph style's own run formatting (marks come from runs and character styles). Of an
//! `mc:AlternateContent`, the first choice is read and the fallback skipped.

#![warn(missing_docs)]

mod cards;
mod cite;
mod container;
mod error;
mod paragraphs;
mod report;
mod run_props;
mod runs;
mod styles;
mod to_deck;
mod types;
mod unique_ids;
mod word_file;
mod xml;

#[cfg(test)]
mod tests;

pub use error::ImportError;
pub use report::ImportReport;
pub use to_deck::{
    CITE_SOURCE_NOTE, DeckError, DeckOptions, DeckReport, INTRO_STYLE, NO_CITE_NOTE, SUMMARY_STYLE,
    into_deck, to_deck,
};
pub use types::{CiteLine, HighlightColor, ImportedCard, ImportedDoc, Mark, MarkKind, Node, Para, ParaRole};
pub use word_file::{
    MAX_DOCX_BYTES, WordFileError, WordImport, import_word_bytes, import_word_file, is_docx,
    is_word_document, read_docx_bytes,
};

use cards::OutlineBuilder;
use container::{DOCUMENT_PART, STYLES_PART, read_parts};
use styles::StyleSheet;

/// The memory bound on reading one Word file, as a multiple of its `word/document.xml` size: what
/// [`FREE_PARAGRAPHS`], [`XML_BYTES_PER_PARAGRAPH`] and [`MAX_PARAGRAPHS`] keep it under (the
/// `hostile_sizes` bench measures it).
pub const MEMORY_PER_XML_BYTE: usize = 10;

/// Paragraphs with text any Word file may hold, however small its XML.
pub const FREE_PARAGRAPHS: usize = 1_000;

/// Beyond [`FREE_PARAGRAPHS`], a Word file may hold one paragraph with text per this many bytes
/// of its `word/document.xml` (real Verbatim files have about 2,000).
pub const XML_BYTES_PER_PARAGRAPH: usize = 200;

/// The most paragraphs with text (cards' tags, cites and text, headings, other lines) one Word
/// file may hold, whatever its size.
pub const MAX_PARAGRAPHS: usize = 300_000;

/// The limits that keep a hostile file from exhausting memory or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportLimits {
    /// Largest uncompressed size of one part, in bytes (default 256 MiB).
    pub max_part_bytes: u64,
    /// Largest uncompressed size of all parts read together, in bytes (default 256 MiB).
    pub max_total_bytes: u64,
    /// Largest uncompressed/compressed ratio of a part above `ratio_floor_bytes` (default 100;
    /// real Word XML compresses 5–20 times).
    pub max_ratio: u64,
    /// Parts up to this uncompressed size skip the ratio check (default 1 MiB).
    pub ratio_floor_bytes: u64,
    /// Deepest element nesting accepted in any part (default 256; Word documents stay under 30).
    pub max_depth: usize,
    /// Paragraphs with text any document may hold (default [`FREE_PARAGRAPHS`]).
    pub free_paragraphs: usize,
    /// Bytes of document XML per further paragraph with text (default
    /// [`XML_BYTES_PER_PARAGRAPH`]).
    pub xml_bytes_per_paragraph: usize,
    /// The most paragraphs with text of any document (default [`MAX_PARAGRAPHS`]).
    pub max_paragraphs: usize,
}

impl ImportLimits {
    /// The most paragraphs with text a document of `xml_bytes` bytes of XML may hold:
    /// `free_paragraphs` plus one per `xml_bytes_per_paragraph` bytes, at most `max_paragraphs`.
    pub fn paragraph_limit(&self, xml_bytes: usize) -> usize {
        let earned = xml_bytes / self.xml_bytes_per_paragraph.max(1);
        self.free_paragraphs.saturating_add(earned).min(self.max_paragraphs)
    }
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits {
            max_part_bytes: 256 << 20,
            max_total_bytes: 256 << 20,
            max_ratio: 100,
            ratio_floor_bytes: 1 << 20,
            max_depth: 256,
            free_paragraphs: FREE_PARAGRAPHS,
            xml_bytes_per_paragraph: XML_BYTES_PER_PARAGRAPH,
            max_paragraphs: MAX_PARAGRAPHS,
        }
    }
}

/// Imports a .docx file's bytes with the default [`ImportLimits`].
pub fn import_docx(bytes: &[u8]) -> Result<ImportedDoc, ImportError> {
    import_docx_with_limits(bytes, &ImportLimits::default())
}

/// Imports a .docx file's bytes with the given limits.
pub fn import_docx_with_limits(bytes: &[u8], limits: &ImportLimits) -> Result<ImportedDoc, ImportError> {
    let parts = read_parts(bytes, limits)?;
    import_parts(&parts.document, parts.styles.as_deref(), limits)
}

/// Imports from the XML texts of `word/document.xml` and (optionally) `word/styles.xml`.
pub(crate) fn import_parts(
    document: &str,
    styles: Option<&str>,
    limits: &ImportLimits,
) -> Result<ImportedDoc, ImportError> {
    let sheet = match styles {
        Some(xml) => StyleSheet::parse(xml, STYLES_PART, limits.max_depth)?,
        None => StyleSheet::default(),
    };
    let mut report = ImportReport::default();
    let mut builder = OutlineBuilder::default();
    paragraphs::read_paragraphs(
        document,
        DOCUMENT_PART,
        limits,
        &sheet,
        &mut report,
        &mut |para, report| builder.push(para, report),
    )?;
    if report.text_chars == 0 {
        return Err(ImportError::Empty);
    }
    let outline = builder.finish_outline(&mut report);
    Ok(ImportedDoc { outline, report })
}
