//! Load and save errors that tell the debater exactly where and what.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong with a file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong, in words a debater understands.
    pub message: String,
}

impl Problem {
    /// A problem at `line:col`.
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> Self {
        Problem { line, col, message: message.into() }
    }

    /// A problem about the file as a whole (reported at 1:1).
    pub fn whole_file(message: impl Into<String>) -> Self {
        Problem::at(1, 1, message)
    }
}

/// A file that could not be loaded. Nothing was changed; `Display` gives one
/// `path:line:col: message` line per problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or a label such as `bundled:asian-nato-aff`).
    pub path: PathBuf,
    /// Everything found wrong, at least one.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// An error with a single problem.
    pub fn one(path: impl Into<PathBuf>, problem: Problem) -> Self {
        LoadError { path: path.into(), problems: vec![problem] }
    }

    /// The `path:line:col: message` lines.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| format!("{}:{}:{}: {}", self.path.display(), p.line, p.col, p.message))
            .collect()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for LoadError {}

/// A file that could not be saved. The file on disk, if any, is as it was before.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The data could not be turned into text (should not happen for valid data).
    #[error("{path}: cannot encode: {message}")]
    Encode {
        /// Target file.
        path: PathBuf,
        /// What the encoder said.
        message: String,
    },
    /// The saved text would be larger than Casebook loads, so it was not written.
    #[error(
        "{path}: not saved: it would be {bytes} bytes, more than the {limit} bytes Casebook can load \
         back; split the deck (move some blocks to a new deck). The file on disk is unchanged"
    )]
    TooLarge {
        /// Target file.
        path: PathBuf,
        /// Size of the text that would have been written.
        bytes: u64,
        /// The load limit, [`super::MAX_FILE_BYTES`].
        limit: u64,
    },
    /// The operating system refused a step; `step` says which.
    #[error("{path}: not saved, {step} failed: {source}; the file on disk is unchanged")]
    Io {
        /// Target file.
        path: PathBuf,
        /// The step that failed, e.g. "creating a temporary file in /home/x/decks".
        step: String,
        /// The OS error.
        source: std::io::Error,
    },
}
