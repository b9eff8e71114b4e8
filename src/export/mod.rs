//! Exports: pure functions from a deck or session to bytes, and [`write_export`], the one way
//! they reach a file.
//!
//! [`export`] is the one entry point for bytes, and [`write_export`] for a file (the CLI uses them;
//! the window can too). Every format but JSON
//! walks the same neutral tree ([`outline`]):
//!
//! | Casebook | Markdown | HTML | text | docx (Verbatim style) |
//! |---|---|---|---|---|
//! | case, or the deck | `#` | `h1` | title line | Pocket (`Heading1`) |
//! | a deck's own Pocket, Hat | `##`, `###` | `h2`, `h3` | indented 2, 4 | Pocket (`Heading1`), Hat (`Heading2`) |
//! | section, or block | `##` | `h2` | indented 2 | Block (`Heading3`) |
//! | card tag | `###` | `h3` | indented 4 | Tag (`Heading4`) |
//! | card note | `> *Note:* …` | `p.note` | `[Note] …` | `Undertag` paragraph |
//! | cite | `**Kim 25** …` | `<b>` | indented 6 | Cite (`Style13ptBold`) on "Kim 25" |
//! | analytic | `> **Analytic:** …` | ruled paragraph | `[Analytic] …` | `Analytic` paragraph style |
//! | a deck's undertag, loose line | `> *Note:* …`, `> …` | `p.undertag`, `p.aside` | `[Note] …`, `» …` | `Undertag`, `CasebookText` |
//!
//! Blocks and tags go one level deeper for each of Pocket and Hat a deck has
//! ([`outline::Outline::depth`]). A card's cite is its cite line as written when it has one
//! ([`cite::card_cite`]). Without [`ExportOptions::full`] an export is an outline: headings, tags,
//! notes, cites and asides. With it, each card's text follows with its marks: underline, highlight
//! (read aloud, in its colour) and emphasis ([`marked`]). Every case and section, a deck and
//! each titled block, states its card count and reading time ([`crate::model::timing`]).
//!
//! Same input, same bytes: nothing depends on the clock, the machine or hash order, and the .docx
//! has fixed timestamps and entry order, so exports can be kept in git.

pub mod caselist;
pub mod cite;
pub mod docx;
mod docx_package;
mod docx_runs;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;
pub mod marked;
pub mod outline;
pub mod speech_doc;
pub mod text;

use std::path::{Path, PathBuf};

use crate::format::{self, SaveError};
use crate::model::{Deck, Session};

/// The formats a deck or session can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Card JSON, the scripting form in the README (always everything: no side filter, no outline).
    Json,
    /// Markdown with `<u>`, `<mark>` and `<strong>` for the marks.
    Markdown,
    /// One self-contained, printable HTML file styled like a Verbatim card.
    Html,
    /// Plain text with indentation.
    Text,
    /// A Word document with Verbatim's styles.
    Docx,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 5] = [Format::Markdown, Format::Html, Format::Text, Format::Docx, Format::Json];

    /// Lowercase name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Text => "text",
            Format::Docx => "docx",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
            Format::Docx => "docx",
        }
    }

    /// Whether the bytes are binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }
}

/// Which side to export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ExportSide {
    /// Only the affirmative case; of a deck, the cards marked `Aff` or `Either`.
    Aff,
    /// Only the negative case; of a deck, the cards marked `Neg` or `Either`.
    Neg,
    /// Everything.
    #[default]
    Both,
}

/// What to put in an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Which side (or both).
    pub side: ExportSide,
    /// Card text with its marks (`true`), or only tags and cites (`false`, an outline).
    pub full: bool,
    /// Reading speed for time estimates; `None` uses the session's own (250 for a deck).
    pub wpm: Option<u32>,
    /// Print under each card that answers something what it answers and how (outline formats).
    pub answers: bool,
}

/// What to export: a session (its cases) or a deck (its blocks and cards).
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// A prep session.
    Session(&'a Session),
    /// An evidence deck.
    Deck(&'a Deck),
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An option the format does not support (JSON always holds both sides, with full cards).
    #[error("{format} export always includes both sides; {option} applies to markdown, html, text and docx")]
    Unsupported {
        /// The format asked for.
        format: &'static str,
        /// The option it cannot honour, as written on the command line.
        option: &'static str,
    },
    /// The .docx package could not be assembled.
    #[error("cannot assemble the .docx file: {0}")]
    Package(String),
}

/// Whether `format` can honour `options` (JSON always holds both sides).
pub fn check_options(format: Format, options: &ExportOptions) -> Result<(), ExportError> {
    if format == Format::Json && options.side != ExportSide::Both {
        return Err(ExportError::Unsupported { format: "json", option: "--side" });
    }
    Ok(())
}

/// Exports `target` as `format`: the bytes of the whole file.
pub fn export(format: Format, target: Target<'_>, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    check_options(format, options)?;
    Ok(match (format, target) {
        (Format::Json, Target::Session(s)) => json::session_json(s),
        (Format::Json, Target::Deck(d)) => json::deck_json(d),
        (Format::Markdown, Target::Session(s)) => markdown::session(s, options),
        (Format::Markdown, Target::Deck(d)) => markdown::deck(d, options),
        (Format::Html, Target::Session(s)) => html::session(s, options),
        (Format::Html, Target::Deck(d)) => html::deck(d, options),
        (Format::Text, Target::Session(s)) => text::session(s, options),
        (Format::Text, Target::Deck(d)) => text::deck(d, options),
        (Format::Docx, Target::Session(s)) => docx::session(s, options)?,
        (Format::Docx, Target::Deck(d)) => docx::deck(d, options)?,
    })
}

/// Why [`write_export`] wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportWriteError {
    /// The export itself could not be made.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The file could not be written; whatever was at the path is unchanged.
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// Where an export asked for at `path` goes: `path` itself, or `path` with `format`'s usual
/// extension when it has none (`prep` → `prep.md`). A device or FIFO (`/dev/null`, a pipe) is
/// kept as it is: it is written to directly.
pub fn export_path(format: Format, path: &Path) -> PathBuf {
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    if path.extension().is_some() || special {
        path.to_owned()
    } else {
        path.with_extension(format.extension())
    }
}

/// Exports `target` as `format` and writes it atomically to [`export_path`]`(format, path)`,
/// without a backup (an export is regenerated, not edited). Returns the path written; on error
/// nothing is written and an existing file is unchanged.
pub fn write_export(
    format: Format,
    target: Target<'_>,
    options: &ExportOptions,
    path: &Path,
) -> Result<PathBuf, ExportWriteError> {
    let bytes = export(format, target, options)?;
    let path = export_path(format, path);
    format::write_atomic_no_backup(&path, &bytes)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_export_adds_a_missing_extension_and_keeps_a_given_one() {
        let dir = tempfile::tempdir().unwrap();
        let deck = crate::bundled::deck("asian-nato-aff").unwrap();
        let options = ExportOptions::default();
        let written = write_export(Format::Markdown, Target::Deck(&deck), &options, &dir.path().join("1ac"));
        assert_eq!(written.unwrap(), dir.path().join("1ac.md"));
        let expected = export(Format::Markdown, Target::Deck(&deck), &options).unwrap();
        assert_eq!(std::fs::read(dir.path().join("1ac.md")).unwrap(), expected);
        let named = dir.path().join("notes.markdown");
        assert_eq!(write_export(Format::Markdown, Target::Deck(&deck), &options, &named).unwrap(), named);
        assert_eq!(export_path(Format::Docx, Path::new("a/b")), Path::new("a/b.docx"));
    }

    #[test]
    fn an_export_that_cannot_be_made_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let deck = crate::bundled::deck("asian-nato-aff").unwrap();
        let options = ExportOptions { side: ExportSide::Aff, ..ExportOptions::default() };
        let path = dir.path().join("cards.json");
        let result = write_export(Format::Json, Target::Deck(&deck), &options, &path);
        assert!(matches!(result, Err(ExportWriteError::Export(ExportError::Unsupported { .. }))));
        assert!(!path.exists());
    }
}
