//! The command line: `casebook [open FILE | validate PATH... | export FILE --format F [--side S]
//! [--full] [-o OUT] | import FILE.docx|FOLDER... [-o DIR] | merge BASE OURS THEIRS [-o OUT]]`.
//! Where a deck is read (export, validate), a Word .docx file is read as one.
//!
//! Exit codes: 0 success, 1 the files have problems or the work failed, 2 usage errors.
//! `merge` differs, as a git merge driver must: 0 merged cleanly, 1 merged with conflicts (the
//! result is written and valid), 2 nothing merged (a file did not load, or usage).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::export::{ExportError, ExportOptions, ExportWriteError, Format, Target};
use crate::format::{self, FileKind, LoadError, Problem};
use crate::model::{Deck, Session};

mod args;
mod import;
mod merge;
mod search;
mod validate;

mod rounds;

pub use args::{CardSideArg, ExportFormat, SideArg};
use import::{ImportArgs, import};
use merge::merge;
use rounds::{ProfileArg, caselist};
use search::search;
use validate::validate;

/// Casebook: evidence decks and case building for competitive debaters.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about)]
pub struct Cli {
    /// What to do; with none, the window opens with the bundled decks.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window with a session or deck file, or import a Word file into it.
    Open {
        /// A `*.session.ron`, `*.deck.ron` or Word `.docx` file.
        file: PathBuf,
    },
    /// Check deck and session files (or folders of them) and Word .docx files; print one
    /// `path:line:col: message` per problem (and, for Word files, what an import would drop).
    Validate {
        /// Files or folders; folders are searched for `*.deck.ron` and `*.session.ron`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also warn (without failing) about what a coach would flag in the decks: read-aloud
        /// text opening on a reference word, highlights outside underlining, cites without a
        /// date or qualifications, answer links to nothing, arguments with no answer.
        #[arg(long)]
        lint: bool,
    },
    /// Import Verbatim Word files as decks: one `ID.deck.ron` per file (id and title from the
    /// file name), one report line per file; exit 1 if any file failed (the others are written).
    Import {
        /// `.docx` files, or folders searched (with their subfolders) for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder to write decks to (default: the current folder).
        #[arg(short = 'o', long = "output", default_value = ".")]
        output: PathBuf,
        /// The resolution the decks argue.
        #[arg(long)]
        resolution: Option<String>,
        /// The deck id (one file only).
        #[arg(long)]
        id: Option<String>,
        /// The deck title (one file only).
        #[arg(long)]
        title: Option<String>,
        /// Side of every card (default: from the file name — aff, 1ac, … or neg, 1nc, … — else either).
        #[arg(long, value_enum)]
        side: Option<CardSideArg>,
    },
    /// Search the cards of the decks and Word files under the library folders (the bundled decks
    /// when none is given): every word must match; "phrases", -word, tag:, cite:/author:,
    /// highlighted:, year:2019..2024, side:aff|neg and deck: narrow it. Best first; exit 1 when
    /// nothing matches.
    Search {
        /// The query.
        query: String,
        /// A folder searched with its subfolders for `*.deck.ron` and `*.docx` (repeatable).
        #[arg(long = "library")]
        library: Vec<PathBuf>,
        /// Show at most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print the hits as card JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export a session (its cases) or a deck (its blocks and cards).
    Export {
        /// A `*.session.ron` or `*.deck.ron` file, or a Word `.docx` file (read as a deck).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Which side: a session's affirmative or negative case, or a deck's cards for that side
        /// (cards for either side go with both).
        #[arg(long, value_enum, default_value_t = SideArg::Both)]
        side: SideArg,
        /// Card text with its marks; without it, an outline of tags and cites.
        #[arg(long)]
        full: bool,
        /// Under each card that answers something, what it answers and how.
        #[arg(long)]
        answers: bool,
        /// A session's round (1 is the first): its caselist disclosure (`--format caselist`) or,
        /// with `--speech`, a speech document.
        #[arg(long)]
        round: Option<usize>,
        /// The round's speech to export ("2AC"), with `--round`.
        #[arg(long, requires = "round")]
        speech: Option<String>,
        /// What the speech document is for: send (no analytics or notes), read (only what is
        /// read aloud), marked (cards cut at their marks), judge (everything).
        #[arg(long, value_enum, default_value_t = ProfileArg::Judge, requires = "speech")]
        profile: ProfileArg,
        /// Write here (atomically) instead of standard output (required for docx); the format's
        /// extension is added when OUT has none. `-` is standard output; a device or FIFO is
        /// written directly; a symlink's target is replaced; the input itself is never overwritten.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Merge two versions of a deck card by card against their common ancestor; as a git merge
    /// driver: `casebook merge %O %A %B`. Exit 0 clean, 1 conflicts (kept as card pairs), 2 failed.
    Merge {
        /// The common ancestor (git's %O); an empty file means none (both sides added the deck).
        base: PathBuf,
        /// Our version (git's %A); the result replaces it unless -o is given.
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// Write the merged deck here (atomically) instead of into OURS.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        None => window(None),
        Some(Command::Open { file }) => window(Some(file)),
        Some(command) => {
            let code = run(command, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            ExitCode::from(code)
        }
    }
}

/// Exit code when the window is asked for but not compiled in: a usage error.
pub const NO_WINDOW_EXIT: u8 = 2;

/// What `casebook` (or `casebook open FILE`) prints when built without the `gui` feature.
pub const NO_WINDOW_MESSAGE: &str = "casebook: this build has no window (it was built without the `gui` feature); \
     the command-line commands validate, export and merge work. To open the window, rebuild with \
     the default `gui` feature: cargo install --path . (or cargo build without --no-default-features)";

#[cfg(not(feature = "gui"))]
fn window(_file: Option<PathBuf>) -> ExitCode {
    eprintln!("{NO_WINDOW_MESSAGE}");
    ExitCode::from(NO_WINDOW_EXIT)
}

#[cfg(feature = "gui")]
fn window(file: Option<PathBuf>) -> ExitCode {
    match crate::ui::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("casebook: cannot open the window: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs a non-window subcommand, writing results to `out` and messages to `err`; returns the exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Open { .. } => 2,
        Command::Validate { paths, lint } => validate(&paths, lint, out, err),
        Command::Search { query, library, limit, json } => search(&query, &library, limit, json, out, err),
        Command::Import { paths, output, resolution, id, title, side } => {
            let args = ImportArgs { paths, output, resolution, id, title, side: side.map(Into::into) };
            import(&args, out, err)
        }
        Command::Export { file, format, side, full, answers, round, speech, profile, output } => {
            match (format.as_format(), round) {
                (None, round) => caselist(&file, round, output.as_deref(), out, err),
                (Some(format), Some(round)) => match speech {
                    Some(speech) => {
                        let args = rounds::SpeechExport { round, speech, profile: profile.into() };
                        rounds::speech(&file, &args, format, output.as_deref(), out, err)
                    }
                    None => {
                        let _ = writeln!(
                            err,
                            "casebook: --round goes with --format caselist or with --speech NAME"
                        );
                        2
                    }
                },
                (Some(format), None) => {
                    let options = ExportOptions { side: side.into(), full, wpm: None, answers };
                    export(&file, format, &options, output.as_deref(), out, err)
                }
            }
        }
        Command::Merge { base, ours, theirs, output } => {
            let target = output.unwrap_or_else(|| ours.clone());
            merge(&base, &ours, &theirs, &target, err)
        }
    }
}

/// Loads a deck or session for export, by extension; a Word file is read as a deck.
fn load_any(file: &Path) -> Result<Result<Deck, Session>, LoadError> {
    match FileKind::of(file) {
        Some(FileKind::Deck) => format::load_deck(file).map(Ok),
        Some(FileKind::Session) => format::load_session(file).map(Err),
        None if crate::docx_import::is_docx(file) => {
            let options = crate::docx_import::DeckOptions::from_file_name(file);
            match crate::docx_import::import_word_file(file, &options) {
                Ok(word) => Ok(Ok(word.deck)),
                Err(e) => Err(LoadError::one(file, Problem::whole_file(e.why()))),
            }
        }
        None => Err(LoadError::one(
            file,
            Problem::whole_file("not a Casebook file (expected *.deck.ron, *.session.ron or *.docx)"),
        )),
    }
}

/// Exports `file`; usage problems (docx to standard output, an option the format ignores) exit 2
/// before anything is read, a file that cannot be loaded exits 1, and nothing is written then.
fn export(
    file: &Path,
    format: Format,
    options: &ExportOptions,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if format.is_binary() && output.is_none() {
        let _ = writeln!(
            err,
            "casebook: {} is a binary file and is not written to standard output; give -o FILE.{}",
            format.name(),
            format.extension()
        );
        return 2;
    }
    if let Err(e) = crate::export::check_options(format, options) {
        let _ = writeln!(err, "casebook: {e}");
        return 2;
    }
    let output = output.filter(|o| o.as_os_str() != "-");
    if let Some(o) = output
        && same_file(file, &crate::export::export_path(format, o))
    {
        let _ = writeln!(
            err,
            "casebook: refusing to write the export over its input {}; choose another -o",
            file.display()
        );
        return 2;
    }
    let loaded = match load_any(file) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let target = match &loaded {
        Ok(deck) => Target::Deck(deck),
        Err(session) => Target::Session(session),
    };
    match output {
        None => write_to(crate::export::export(format, target, options), out, err),
        Some(path) => match crate::export::write_export(format, target, options, path) {
            Ok(written) => {
                if written != path {
                    let _ = writeln!(err, "casebook: wrote {}", written.display());
                }
                0
            }
            Err(ExportWriteError::Export(e)) => {
                let _ = writeln!(err, "casebook: {e}");
                1
            }
            Err(ExportWriteError::Write(e)) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}

/// Whether `a` and `b` are the same existing file (after following links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes an export to standard output.
fn write_to(bytes: Result<Vec<u8>, ExportError>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = bytes.map_err(|e| format!("casebook: {e}")).and_then(|bytes| {
        out.write_all(&bytes).map_err(|e| format!("casebook: cannot write to standard output: {e}"))
    });
    match result {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}
