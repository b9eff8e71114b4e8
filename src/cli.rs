//! The command line: `casebook [open FILE | validate PATH... | export FILE --format F [-o OUT]]`.
//!
//! Exit codes: 0 success, 1 the files have problems or the work failed, 2 usage errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::bundled;
use crate::format::{self, FileKind, LoadError, Problem};
use crate::model::{Deck, Item, Session};

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
    /// Open the window with a session or deck file.
    Open {
        /// A `*.session.ron` or `*.deck.ron` file.
        file: PathBuf,
    },
    /// Check deck and session files (or folders of them); print one `path:line:col: message` per problem.
    Validate {
        /// Files or folders; folders are searched for `*.deck.ron` and `*.session.ron`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export a deck or session.
    Export {
        /// A `*.session.ron` or `*.deck.ron` file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here (atomically) instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Card JSON (see the README).
    Json,
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
        Command::Validate { paths } => validate(&paths, out, err),
        Command::Export { file, format, output } => export(&file, format, output.as_deref(), out, err),
    }
}

/// Collects the Casebook files named by `paths` (folders searched recursively, sorted).
fn collect(paths: &[PathBuf], problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            match std::fs::read_dir(&path) {
                Ok(entries) => {
                    let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                    children.sort();
                    for child in children.into_iter().rev() {
                        if child.is_dir() || FileKind::of(&child).is_some() {
                            stack.push(child);
                        }
                    }
                }
                Err(e) => problems.push(format!("{}:1:1: cannot read folder: {e}", path.display())),
            }
        } else if !path.exists() {
            problems.push(format!("{}:1:1: no such file or folder", path.display()));
        } else if FileKind::of(&path).is_none() {
            problems.push(format!(
                "{}:1:1: not a Casebook file (expected *.deck.ron or *.session.ron)",
                path.display()
            ));
        } else {
            files.push(path);
        }
    }
    files
}

/// Finds the deck a session refers to: bundled, or a path relative to the session file.
pub fn resolve_deck(session_path: &Path, deck_path: &str) -> Result<Deck, String> {
    if let Some(id) = deck_path.strip_prefix(bundled::BUNDLED_PREFIX) {
        return bundled::deck(id).ok_or_else(|| format!("no bundled deck {id:?}"));
    }
    let base = session_path.parent().unwrap_or(Path::new("."));
    format::load_deck(&base.join(deck_path)).map_err(|e| e.to_string())
}

/// Problems with the decks a valid session points at: missing decks, cards no longer in them.
fn session_reference_problems(path: &Path, session: &Session) -> Vec<String> {
    let mut out = Vec::new();
    for r in &session.decks {
        match resolve_deck(path, &r.path) {
            Err(why) => out.push(format!("{}:1:1: deck {:?} at {:?}: {why}", path.display(), r.id, r.path)),
            Ok(deck) if deck.id != r.id => out.push(format!(
                "{}:1:1: {:?} holds deck {:?}, not {:?}",
                path.display(),
                r.path,
                deck.id,
                r.id
            )),
            Ok(deck) => {
                for case in [&session.aff, &session.neg] {
                    for item in case.sections.iter().flat_map(|s| &s.items) {
                        if let Item::Card { deck: d, card, .. } = item
                            && *d == deck.id
                            && deck.card(&card.id).is_none()
                        {
                            out.push(format!(
                                "{}:1:1: card {:?} is no longer in deck {:?}",
                                path.display(),
                                card.id,
                                deck.id
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

fn validate(paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut problems = Vec::new();
    let files = collect(paths, &mut problems);
    for file in &files {
        let result = match FileKind::of(file) {
            Some(FileKind::Deck) => format::load_deck(file).map(|_| Vec::new()),
            _ => format::load_session(file).map(|s| session_reference_problems(file, &s)),
        };
        match result {
            Ok(more) => problems.extend(more),
            Err(e) => problems.extend(e.lines()),
        }
    }
    for p in &problems {
        let _ = writeln!(out, "{p}");
    }
    let _ = writeln!(err, "{} files checked, {} problems", files.len(), problems.len());
    u8::from(!problems.is_empty())
}

/// Loads a deck or session for export, by extension.
fn load_any(file: &Path) -> Result<Result<Deck, Session>, LoadError> {
    match FileKind::of(file) {
        Some(FileKind::Deck) => format::load_deck(file).map(Ok),
        Some(FileKind::Session) => format::load_session(file).map(Err),
        None => Err(LoadError::one(
            file,
            Problem::whole_file("not a Casebook file (expected *.deck.ron or *.session.ron)"),
        )),
    }
}

fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let loaded = match load_any(file) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let bytes = match (format, &loaded) {
        (ExportFormat::Json, Ok(deck)) => crate::export::json::deck_json(deck),
        (ExportFormat::Json, Err(session)) => crate::export::json::session_json(session),
    };
    match output {
        None => match out.write_all(&bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "casebook: cannot write to standard output: {e}");
                1
            }
        },
        Some(path) => match format::write_atomic_no_backup(path, &bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        },
    }
}
