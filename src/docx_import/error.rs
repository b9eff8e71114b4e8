//! Why a .docx could not be imported: one typed error per kind of bad input.

use thiserror::Error;

/// Everything that stops an import. Each message says what is wrong and, where the user can
/// act, what to do; parts are named by their path inside the package (e.g. `word/document.xml`).
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are neither a zip package nor an OLE container.
    #[error("not a Word .docx file (it is not a zip package)")]
    NotZip,
    /// An old binary Word document (OLE compound file) that is not marked as encrypted.
    #[error("Word 97–2003 .doc: save it as .docx in Word first")]
    LegacyDoc,
    /// An OLE container holding `EncryptionInfo` / `EncryptedPackage`: a password-protected .docx.
    #[error(
        "the file is password-protected: remove the password in Word (File > Info > Protect Document) and save it again"
    )]
    Encrypted,
    /// The zip package could not be read (damaged, unsupported compression or zip encryption).
    #[error("the .docx package is damaged or uses an unsupported zip feature: {0}")]
    Zip(String),
    /// A required part is missing from the package.
    #[error("the .docx package has no {part}; it is not a Word document")]
    MissingPart {
        /// Path of the part inside the package.
        part: &'static str,
    },
    /// A part is larger, uncompressed, than the limit (or all parts together are).
    #[error(
        "{part} is larger than the {limit}-byte limit when uncompressed; refusing it as a possible zip bomb"
    )]
    TooLarge {
        /// Path of the part inside the package.
        part: String,
        /// The limit that was exceeded, in bytes.
        limit: u64,
    },
    /// A part compresses far better than real documents do.
    #[error(
        "{part} expands {ratio} times when uncompressed (the limit is {limit}); refusing it as a possible zip bomb"
    )]
    CompressionRatio {
        /// Path of the part inside the package.
        part: String,
        /// Declared uncompressed size divided by compressed size.
        ratio: u64,
        /// The largest ratio accepted.
        limit: u64,
    },
    /// The XML declares a DTD or entities, which Word never writes (and which enable
    /// entity-expansion attacks).
    #[error("{part} declares a DTD or entities, which Word documents never do; refusing it")]
    Dtd {
        /// Path of the part inside the package.
        part: String,
    },
    /// The XML refers to an entity that is not one of XML's five predefined ones.
    #[error("{part} uses the undeclared entity &{name};")]
    UnknownEntity {
        /// Path of the part inside the package.
        part: String,
        /// The entity name as written.
        name: String,
    },
    /// Elements are nested deeper than the limit.
    #[error("{part} nests elements deeper than {limit} levels; refusing it")]
    TooDeep {
        /// Path of the part inside the package.
        part: String,
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// A part is not valid UTF-8.
    #[error("{part} is not valid UTF-8 text (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// Path of the part inside the package.
        part: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A part is not well-formed XML.
    #[error("{part} is not well-formed XML at byte {position}: {message}")]
    Xml {
        /// Path of the part inside the package.
        part: String,
        /// Byte offset where the reader stopped.
        position: u64,
        /// The XML reader's description.
        message: String,
    },
    /// The document holds more paragraphs with text than a Word file of its size may (see
    /// [`super::ImportLimits::paragraph_limit`]): refused while it is read, before the outline
    /// holding them outgrows the memory bound, and never half-read.
    #[error(
        "too many paragraphs for one Word file: more than {limit} paragraphs with text (cards, headings and other \
         lines) in {part}; a Word file may hold {free} plus one per {per} bytes of its XML, and never more than \
         {max}, so that reading it stays within memory; split the file in Word"
    )]
    TooManyParagraphs {
        /// Path of the part inside the package.
        part: String,
        /// The most paragraphs with text this file may hold, from its XML size.
        limit: usize,
        /// Paragraphs any file may hold ([`super::ImportLimits::free_paragraphs`]).
        free: usize,
        /// Bytes of XML per further paragraph ([`super::ImportLimits::xml_bytes_per_paragraph`]).
        per: usize,
        /// The absolute maximum ([`super::ImportLimits::max_paragraphs`]).
        max: usize,
    },
    /// The document body holds no text at all.
    #[error("the document is empty: word/document.xml has no text")]
    Empty,
}
