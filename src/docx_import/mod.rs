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
//! [`ImportError::Empty`]. Time is linear in the input; memory is the part texts plus the
//! outline (under five times the document XML).
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
mod word_file;
mod xml;

#[cfg(test)]
mod tests;

pub use error::ImportError;
pub use report::ImportReport;
pub use to_deck::{
    CITE_SOURCE_NOTE, DeckError, DeckOptions, DeckReport, INTRO_STYLE, NO_CITE_NOTE, SUMMARY_STYLE, to_deck,
};
pub use types::{CiteLine, HighlightColor, ImportedCard, ImportedDoc, Mark, MarkKind, Node, Para, ParaRole};
pub use word_file::{
    MAX_DOCX_BYTES, WordFileError, WordImport, import_word_bytes, import_word_file, is_docx,
    is_word_document, read_docx_bytes,
};

use cards::OutlineBuilder;
use container::{DOCUMENT_PART, STYLES_PART, read_parts};
use styles::StyleSheet;

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
}

impl Default for ImportLimits {
    fn default() -> Self {
        ImportLimits {
            max_part_bytes: 256 << 20,
            max_total_bytes: 256 << 20,
            max_ratio: 100,
            ratio_floor_bytes: 1 << 20,
            max_depth: 256,
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
        limits.max_depth,
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
