//! The package: recognise what the bytes are (zip, old .doc, encrypted .docx) and read a part's
//! text with size, ratio and UTF-8 checks.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{ImportError, ImportLimits};

/// The first eight bytes of every OLE compound file (.doc, .xls, encrypted .docx).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The main document part.
pub(crate) const DOCUMENT_PART: &str = "word/document.xml";
/// The style definitions part.
pub(crate) const STYLES_PART: &str = "word/styles.xml";

/// The text of the two parts the importer reads.
pub(crate) struct Parts {
    /// `word/document.xml`.
    pub document: String,
    /// `word/styles.xml`, when the package has one.
    pub styles: Option<String>,
}

/// `needle` as UTF-16LE, how OLE directory entries spell stream names.
fn utf16le(needle: &str) -> Vec<u8> {
    needle.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// An OLE container is either an encrypted .docx (Office puts the package in an
/// `EncryptedPackage` stream described by `EncryptionInfo`) or a Word 97–2003 file.
fn ole_error(bytes: &[u8]) -> ImportError {
    if contains(bytes, &utf16le("EncryptedPackage")) || contains(bytes, &utf16le("EncryptionInfo")) {
        ImportError::Encrypted
    } else {
        ImportError::LegacyDoc
    }
}

/// Opens the package and reads `word/document.xml` (required) and `word/styles.xml`.
pub(crate) fn read_parts(bytes: &[u8], limits: &ImportLimits) -> Result<Parts, ImportError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(ole_error(bytes));
    }
    let mut archive = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) if bytes.starts_with(b"PK") => return Err(ImportError::Zip(e.to_string())),
        Err(_) => return Err(ImportError::NotZip),
    };
    let mut budget = limits.max_total_bytes;
    let document = read_part(&mut archive, DOCUMENT_PART, limits, &mut budget)?
        .ok_or(ImportError::MissingPart { part: DOCUMENT_PART })?;
    let styles = read_part(&mut archive, STYLES_PART, limits, &mut budget)?;
    Ok(Parts { document, styles })
}

/// Reads one part as text; `Ok(None)` when the package has no such entry. `budget` is what is
/// left of the total uncompressed size allowed, and shrinks by what is read.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    part: &str,
    limits: &ImportLimits,
    budget: &mut u64,
) -> Result<Option<String>, ImportError> {
    let file = match archive.by_name(part) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ImportError::Zip(format!("{part}: {e}"))),
    };
    if file.encrypted() {
        return Err(ImportError::Zip(format!("{part} is encrypted with a zip password")));
    }
    let limit = limits.max_part_bytes.min(*budget);
    let declared = file.size();
    if declared > limit {
        return Err(ImportError::TooLarge { part: part.to_owned(), limit });
    }
    let compressed = file.compressed_size().max(1);
    let ratio = declared / compressed;
    if declared > limits.ratio_floor_bytes && ratio > limits.max_ratio {
        return Err(ImportError::CompressionRatio { part: part.to_owned(), ratio, limit: limits.max_ratio });
    }
    // The declared size may lie: read at most one byte past the limit, whatever it says.
    let capacity = usize::try_from(declared.min(16 << 20)).unwrap_or(0);
    let mut buf = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| ImportError::Zip(format!("{part}: {e}")))?;
    let read = u64::try_from(buf.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ImportError::TooLarge { part: part.to_owned(), limit });
    }
    *budget = budget.saturating_sub(read);
    decode_utf8(buf, part).map(Some)
}

/// The part's bytes as text, without a UTF-8 byte-order mark.
pub(crate) fn decode_utf8(mut buf: Vec<u8>, part: &str) -> Result<String, ImportError> {
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        buf.drain(..3);
    }
    String::from_utf8(buf)
        .map_err(|e| ImportError::InvalidUtf8 { part: part.to_owned(), offset: e.utf8_error().valid_up_to() })
}
