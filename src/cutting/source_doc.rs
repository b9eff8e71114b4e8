//! A source opened for cutting: its citation facts and its text in the form cards quote.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::condense::is_invisible;
use super::source_error::SourceError;
use super::{ImportedText, condense, html_to_source_text, markdown_to_source_text, suggest_source_id, today};
use crate::bundled::SOURCE_TEXTS;
use crate::model::verbatim::normalize_source;
use crate::model::{Author, Source};

/// The largest file [`SourceDoc::read_file`] opens: 8 MiB, far more than any article.
pub const MAX_SOURCE_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The kinds of file a source can be opened from, chosen by extension (any case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// Plain text (`.txt`, `.text`): every line is a paragraph, as in `assets/sources/`.
    Text,
    /// Markdown (`.md`, `.markdown`): markup removed, soft-wrapped lines joined.
    Markdown,
    /// A web page (`.html`, `.htm`, `.xhtml`): title, meta facts and text, no markup.
    Html,
}

impl SourceFormat {
    /// The format a file name's extension names, if it is one Casebook reads.
    pub fn from_path(path: &Path) -> Option<SourceFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(SourceFormat::Text),
            "md" | "markdown" => Some(SourceFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(SourceFormat::Html),
            _ => None,
        }
    }
}

/// A source opened in the reader: the citation (editable by the debater) and the text cards are
/// cut from, normalised by [`normalize_source`]: single-spaced paragraphs joined by `"\n\n"`.
/// Selections and [`super::Cut`] offsets count characters of `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDoc {
    /// The citation facts; its `id` is what cut cards cite.
    pub source: Source,
    /// The normalised text.
    pub text: String,
}

impl SourceDoc {
    /// A document for `source` with `raw_text` normalised (every line break is a paragraph break).
    pub fn new(source: Source, raw_text: &str) -> SourceDoc {
        SourceDoc { source, text: normalize_source(raw_text) }
    }

    /// A bundled article (`assets/sources/`) with the citation facts the bundled decks give it, so
    /// cards cut from it cite the same source as theirs (with no access date, as there).
    pub fn read_bundled(id: &str) -> Result<SourceDoc, SourceError> {
        let Some(bundled) = SOURCE_TEXTS.iter().find(|s| s.id == id) else {
            let known = SOURCE_TEXTS.iter().map(|s| s.id.to_owned()).collect();
            return Err(SourceError::NoSuchBundled { id: id.to_owned(), known });
        };
        let cited =
            crate::bundled::decks().into_iter().flatten().flat_map(|d| d.sources).find(|s| s.id == id);
        let source = cited.unwrap_or_else(|| Source {
            id: id.to_owned(),
            // Every bundled article starts with its headline.
            title: bundled.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(id).to_owned(),
            authors: Vec::new(),
            note: String::new(),
            publication: String::new(),
            date: None,
            url: String::new(),
            accessed: None,
        });
        Ok(SourceDoc::new(source, bundled.text))
    }

    /// Opens a `.txt`, `.md` or `.html` file (see [`SourceFormat`]), up to
    /// [`MAX_SOURCE_FILE_BYTES`], in UTF-8. The citation is prefilled from the document (HTML meta
    /// facts, title) or else the file name, with today as the access date. Error messages name the
    /// file: `path: message`, or `path:line:col: message` for a bad byte.
    pub fn read_file(path: &Path) -> Result<SourceDoc, SourceError> {
        let Some(format) = SourceFormat::from_path(path) else {
            let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
            return Err(SourceError::UnsupportedFormat { path: path.to_owned(), extension });
        };
        let io = |source| SourceError::Io { path: path.to_owned(), source };
        let too_big = |bytes| SourceError::TooBig { path: path.to_owned(), bytes };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(SourceError::Folder { path: path.to_owned() });
        }
        if meta.len() > MAX_SOURCE_FILE_BYTES {
            return Err(too_big(meta.len()));
        }
        let mut bytes = Vec::new();
        File::open(path)
            .and_then(|f| f.take(MAX_SOURCE_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(io)?;
        if bytes.len() as u64 > MAX_SOURCE_FILE_BYTES {
            return Err(too_big(bytes.len() as u64));
        }
        let contents = decode_utf8(&bytes).map_err(|(line, column, why)| SourceError::NotText {
            path: path.to_owned(),
            line,
            column,
            why,
        })?;
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let doc = SourceDoc::from_contents(&contents, format, &name);
        if doc.text.is_empty() {
            return Err(SourceError::NoText { path: path.to_owned() });
        }
        Ok(doc)
    }

    /// A document from the contents of a file of `format` named `name` (without extension): what
    /// [`SourceDoc::read_file`] does after reading. Invisible characters (BOM, soft hyphens,
    /// zero-width spaces) are dropped; in plain text, old Mac line ends (`\r`) are line breaks.
    pub fn from_contents(contents: &str, format: SourceFormat, name: &str) -> SourceDoc {
        let imported = match format {
            SourceFormat::Text => ImportedText {
                text: contents
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .chars()
                    .filter(|&c| !is_invisible(c))
                    .collect(),
                ..ImportedText::default()
            },
            SourceFormat::Markdown => markdown_to_source_text(contents),
            SourceFormat::Html => html_to_source_text(contents),
        };
        SourceDoc::new(prefill(&imported, name, name), &imported.text)
    }

    /// Pasted text, cleaned by [`condense`] (hard wraps joined, hyphenation and doubled spaces
    /// removed, paragraphs kept). Nothing is known of its citation but today's access date: the
    /// id is "pasted" and the title and publication are empty for the debater to fill in.
    pub fn from_pasted(text: &str) -> SourceDoc {
        SourceDoc::new(prefill(&ImportedText::default(), "", "pasted"), &condense(text))
    }

    /// Number of characters of the text (the unit of selections).
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The paragraph (1-based, counting headline lines) that holds the character at `offset`;
    /// offsets past the end give the last paragraph.
    pub fn paragraph_at(&self, offset: usize) -> usize {
        let newlines = self.text.chars().take(offset).filter(|&c| c == '\n').count();
        newlines / 2 + 1
    }
}

/// The citation a document states, with `title` when it states none, an id from
/// [`suggest_source_id`] (falling back on `id_fallback`) and today as the access date.
fn prefill(imported: &ImportedText, title: &str, id_fallback: &str) -> Source {
    let mut source = Source {
        id: String::new(),
        title: imported.title.clone().unwrap_or_else(|| title.to_owned()),
        authors: imported
            .authors
            .iter()
            .map(|a| Author { name: a.clone(), qualifications: String::new() })
            .collect(),
        note: String::new(),
        publication: imported.publication.clone().unwrap_or_default(),
        date: imported.date.clone(),
        url: imported.url.clone().unwrap_or_default(),
        accessed: Some(today()),
    };
    source.id = suggest_source_id(&source, id_fallback, [""; 0]);
    source
}

/// The bytes as UTF-8 text without a byte-order mark, or where and why not: line and column
/// (from 1) of the first bad character, and a message.
fn decode_utf8(bytes: &[u8]) -> Result<String, (usize, usize, String)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((1, 1, "the file is UTF-16 text; save it as UTF-8 and open it again".to_owned()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let position = |valid: &[u8]| {
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, col)
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let (line, col) = position(&bytes[..at]);
            return Err((
                line,
                col,
                format!(
                    "not UTF-8 text (byte 0x{:02X} at offset {at}); save the file as UTF-8 and open it again",
                    bytes[at]
                ),
            ));
        }
    };
    if let Some(nul) = text.find('\0') {
        let (line, col) = position(&bytes[..nul]);
        return Err((line, col, "contains a NUL byte: this is a binary file, not text".to_owned()));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_located_by_line_and_column() {
        let (line, col, why) = decode_utf8(b"ok\nab\xFFc").unwrap_err();
        assert_eq!((line, col), (2, 3));
        assert!(why.contains("byte 0xFF at offset 5"), "{why}");
        assert!(decode_utf8(b"\xFF\xFEh\0i\0").unwrap_err().2.contains("UTF-16"));
        let (line, col, why) = decode_utf8(b"text\0more").unwrap_err();
        assert_eq!((line, col), (1, 5));
        assert!(why.starts_with("contains a NUL byte"), "{why}");
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFBOM").unwrap(), "BOM");
    }

    #[test]
    fn file_kinds_come_from_the_extension_in_any_case() {
        assert_eq!(SourceFormat::from_path(Path::new("a/b.HTM")), Some(SourceFormat::Html));
        assert_eq!(SourceFormat::from_path(Path::new("notes.Md")), Some(SourceFormat::Markdown));
        assert_eq!(SourceFormat::from_path(Path::new("x.txt")), Some(SourceFormat::Text));
        assert_eq!(SourceFormat::from_path(Path::new("x.pdf")), None);
        assert_eq!(SourceFormat::from_path(Path::new("README")), None);
    }

    #[test]
    fn paragraphs_are_counted_from_one() {
        let doc = SourceDoc::new(bundled_like(), "Title\nFirst para.\n\nSecond para.");
        assert_eq!(doc.text, "Title\n\nFirst para.\n\nSecond para.");
        assert_eq!(doc.paragraph_at(0), 1);
        assert_eq!(doc.paragraph_at(7), 2);
        assert_eq!(doc.paragraph_at(doc.char_len() - 1), 3);
        assert_eq!(doc.paragraph_at(10_000), 3);
    }

    #[test]
    fn pasted_text_is_condensed_and_accessed_today() {
        let doc = SourceDoc::from_pasted("A collec-\ntive\u{a0} defense.\r\n\r\nNext.");
        assert_eq!(doc.text, "A collective defense.\n\nNext.");
        assert_eq!(doc.source.id, "pasted");
        assert_eq!(doc.source.title, "");
        assert_eq!(doc.source.accessed, Some(today()));
    }

    fn bundled_like() -> Source {
        Source {
            id: "s".into(),
            title: "T".into(),
            authors: vec![],
            note: String::new(),
            publication: "P".into(),
            date: None,
            url: String::new(),
            accessed: None,
        }
    }
}
