//! Cutting cards: from a source article or pasted text to a verbatim, cited card. No UI, and no IO
//! but [`SourceDoc::read_file`] reading the file it is given.
//!
//! The flow the reader follows:
//!
//! 1. **Open a source** as a [`SourceDoc`]: a bundled article ([`SourceDoc::read_bundled`]), a
//!    `.txt`, `.md` or `.html` file ([`SourceDoc::read_file`], via [`markdown_to_source_text`] and
//!    [`html_to_source_text`]), or pasted text ([`SourceDoc::from_pasted`], cleaned by
//!    [`condense`]). Its text is in the form cards quote
//!    ([`crate::model::verbatim::normalize_source`]: single-spaced paragraphs joined by `"\n\n"`),
//!    and its [`crate::model::Source`] is prefilled with what is known (bundled facts, the page's
//!    title, author, date and URL, the file name), with today's date ([`today`]) as the access date
//!    of a newly read file or paste.
//! 2. **Select** a passage; [`selection_snap`] snaps a sloppy mouse selection inward to whole words.
//! 3. **Cut** it with [`cut_card`]: a [`crate::model::Card`] with exactly the selected text (trimmed),
//!    the source's id and a paragraph locator, plus the offsets it came from ([`Cut`]). The text
//!    always passes [`crate::model::verbatim::is_verbatim`] against the source text: a quote never
//!    drifts from its source. [`suggest_id`] proposes a unique card id.

mod condense;
mod cut;
mod entities;
mod html;
mod html_page;
mod ids;
mod md;
mod source_doc;
mod source_error;

pub use crate::model::calendar::{civil_from_days, date_from_unix, date_of, today};
pub use condense::{COMPOUND_PREFIXES, MAX_WRAPPED_LINE, condense};
pub use cut::{Cut, CutError, cut_card, locator, selection_snap, widen_to_words};
pub use entities::decode_entities;
pub use html::html_to_source_text;
pub use ids::{kebab_case, suggest_id, suggest_source_id, unique};
pub use md::markdown_to_source_text;
pub use source_doc::{MAX_SOURCE_FILE_BYTES, SourceDoc, SourceFormat};
pub use source_error::SourceError;

/// What an imported document (HTML page, Markdown file) yields: its text without markup and the
/// citation facts it states. Unknown facts stay empty; nothing is guessed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedText {
    /// The document's title, if it has one.
    pub title: Option<String>,
    /// The text: single-spaced paragraphs joined by `"\n\n"`.
    pub text: String,
    /// Author names in the order given (no qualifications: documents rarely state them).
    pub authors: Vec<String>,
    /// The publication or site name, if stated.
    pub publication: Option<String>,
    /// The publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, if stated and valid.
    pub date: Option<String>,
    /// The document's own (canonical) URL, if stated.
    pub url: Option<String>,
}
