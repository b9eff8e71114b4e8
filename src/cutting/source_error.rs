//! Why a source could not be opened for cutting. Every message names the file (or the bundled id).

use std::path::PathBuf;

/// Why [`super::SourceDoc::read_file`] or [`super::SourceDoc::read_bundled`] opened nothing.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// No bundled article has this id.
    #[error("no bundled source {id:?}; the bundled sources are {}", .known.join(", "))]
    NoSuchBundled {
        /// The id asked for.
        id: String,
        /// The ids of the bundled articles.
        known: Vec<String>,
    },
    /// The file's extension is not one Casebook reads as a source.
    #[error(
        "{}: cannot open {} as a source; open a .txt, .md or .html file (from a PDF or a word \
         processor, copy the text and paste it instead)",
        .path.display(),
        .extension.as_ref().map_or("files without an extension".to_owned(), |e| format!("'.{e}' files"))
    )]
    UnsupportedFormat {
        /// The file.
        path: PathBuf,
        /// Its extension, if it has one.
        extension: Option<String>,
    },
    /// The file could not be read.
    #[error("{}: {}", .path.display(), io_reason(.source))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The path is a folder.
    #[error("{}: is a folder, not a file", .path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
    },
    /// The file is over [`super::MAX_SOURCE_FILE_BYTES`].
    #[error(
        "{}: the file is {:.1} MiB; sources larger than {} MiB are not opened",
        .path.display(),
        *.bytes as f64 / 1_048_576.0,
        super::MAX_SOURCE_FILE_BYTES / 1_048_576
    )]
    TooBig {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (as far as read).
        bytes: u64,
    },
    /// The file is not UTF-8 text: UTF-16, a bad byte or a NUL.
    #[error("{}:{line}:{column}: {why}", .path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// The line of the first bad character (from 1).
        line: usize,
        /// Its column in characters (from 1).
        column: usize,
        /// What is wrong and what to do.
        why: String,
    },
    /// The file holds no text to cut from.
    #[error("{}: there is no text in this file to cut cards from", .path.display())]
    NoText {
        /// The file.
        path: PathBuf,
    },
}

/// Plain words for an IO error.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
