//! A Word file on disk to a deck: what the command line and the window both call.
//!
//! Opens only regular files (never blocking on a FIFO or device), refuses files larger than
//! [`MAX_DOCX_BYTES`] before reading them, and never echoes the content of a file it refused.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::format;
use crate::model::Deck;

use super::{DeckError, DeckOptions, DeckReport, ImportError, ImportReport, import_docx, into_deck};

/// The largest .docx read (256 MiB: a real 400-card file is 1–5 MB).
pub const MAX_DOCX_BYTES: u64 = 256 << 20;

/// A Word file read as a deck, with what was kept and what was not.
#[derive(Clone, Debug)]
pub struct WordImport {
    /// The Word file.
    pub path: PathBuf,
    /// The deck, already checked by the deck loader.
    pub deck: Deck,
    /// What the reader saw and dropped.
    pub read: ImportReport,
    /// What the conversion made.
    pub made: DeckReport,
}

impl WordImport {
    /// One line for the user: "312 cards, 14 analytics, 40 blocks; not imported: pictures: 3".
    pub fn summary(&self) -> String {
        let m = &self.made;
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(m.cards, "card", "cards"),
            plural(m.analytics, "analytic", "analytics"),
            plural(self.read.blocks, "block", "blocks"),
        ];
        if m.undertags + m.texts > 0 {
            parts.push(plural(m.undertags + m.texts, "other line", "other lines"));
        }
        let mut dropped = self.read.not_imported();
        if m.untagged > 0 {
            dropped.push(format!(
                "cards with no visible tag (tagged “(no tag in the Word file)”): {}",
                m.untagged
            ));
        }
        if m.invisible > 0 {
            dropped.push(format!("headings or lines of only invisible characters: {}", m.invisible));
        }
        if m.note_marks_dropped > 0 {
            dropped
                .push(format!("undertags with formatting (kept as plain notes): {}", m.note_marks_dropped));
        }
        let mut line = parts.join(", ");
        if dropped.is_empty() {
            line.push_str("; nothing dropped");
        } else {
            line.push_str("; not imported: ");
            line.push_str(&dropped.join(", "));
        }
        line
    }
}

/// Why a Word file was not imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WordFileError {
    /// The file could not be opened or read (not a regular file, missing, too large…).
    #[error("{}: {why}", path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        why: String,
    },
    /// The file is not a Word document Casebook can read.
    #[error("{}: {error}", path.display())]
    Import {
        /// The file.
        path: PathBuf,
        /// The reader's error.
        error: ImportError,
    },
    /// The document holds no cards, or would not make a valid deck.
    #[error("{}: {error}", path.display())]
    Deck {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        error: DeckError,
    },
}

impl WordFileError {
    /// What is wrong, without the path (for `path:line:col: what` lines).
    pub fn why(&self) -> String {
        match self {
            WordFileError::Open { why, .. } => why.clone(),
            WordFileError::Import { error, .. } => error.to_string(),
            WordFileError::Deck { error, .. } => error.to_string(),
        }
    }
}

/// Whether `path` names a Word .docx file, by its extension.
pub fn is_docx(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// Whether `path` is a Word document to import: a `.docx` that is not one of Word's lock files
/// (`~$name.docx`, written while a document is open).
pub fn is_word_document(path: &Path) -> bool {
    is_docx(path) && !path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$"))
}

/// Reads the bytes of a regular file of at most [`MAX_DOCX_BYTES`].
pub fn read_docx_bytes(path: &Path) -> Result<Vec<u8>, WordFileError> {
    let open = |why: String| WordFileError::Open { path: path.to_owned(), why };
    let file = format::open_regular(path).map_err(open)?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| open(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        return Err(open(format!("larger than {} MiB; not read", MAX_DOCX_BYTES >> 20)));
    }
    Ok(bytes)
}

/// Reads the Word file at `path` as a deck named by `options`.
pub fn import_word_file(path: &Path, options: &DeckOptions) -> Result<WordImport, WordFileError> {
    import_word_bytes(path, &read_docx_bytes(path)?, options)
}

/// Reads a Word file's `bytes` (read from `path`, which names it in errors) as a deck.
pub fn import_word_bytes(
    path: &Path,
    bytes: &[u8],
    options: &DeckOptions,
) -> Result<WordImport, WordFileError> {
    let doc = import_docx(bytes).map_err(|error| WordFileError::Import { path: path.to_owned(), error })?;
    let read = doc.report.clone();
    let (deck, made) =
        into_deck(doc, options).map_err(|error| WordFileError::Deck { path: path.to_owned(), error })?;
    Ok(WordImport { path: path.to_owned(), deck, read, made })
}
