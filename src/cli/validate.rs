//! `casebook validate`: files and folders checked, one `path:line:col: message` per problem, and
//! the decks a session names resolved (within its folder) and checked for its cards.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::docx_import::{self, DeckOptions};
use crate::format::{self, FileKind};
use crate::model::{Item, Session};
use crate::workspace;

/// Collects the Casebook files named by `paths` (folders searched recursively, sorted).
fn collect(paths: &[PathBuf], problems: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let (found, unreadable) = workspace::scan_folder(path, None, true);
            files.extend(found);
            for (folder, e) in unreadable {
                problems.push(format!("{}:1:1: cannot read folder: {e}", folder.display()));
            }
        } else if let Err(e) = std::fs::metadata(path) {
            let why = if std::fs::symlink_metadata(path).is_ok() {
                format::describe_open_error(path, &e)
            } else {
                "no such file or folder".to_owned()
            };
            problems.push(format!("{}:1:1: {why}", path.display()));
        } else if FileKind::of(path).is_none() && !docx_import::is_docx(path) {
            problems.push(format!(
                "{}:1:1: not a Casebook file (expected *.deck.ron, *.session.ron or *.docx)",
                path.display()
            ));
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// Problems with the decks a valid session points at: missing decks, cards no longer in them.
fn session_reference_problems(path: &Path, session: &Session) -> Vec<String> {
    let mut out = Vec::new();
    for r in &session.decks {
        match workspace::resolve_deck_ref(path, r) {
            Err(why) => out.push(format!("{}:1:1: deck {:?} at {:?}: {why}", path.display(), r.id, r.path)),
            Ok((deck, _)) => {
                let ids: std::collections::HashSet<&str> = deck.cards().map(|c| c.id.as_str()).collect();
                for (_, item) in session.items() {
                    if let Item::Card { deck: d, card, .. } = item
                        && *d == deck.id
                        && !ids.contains(card.id.as_str())
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
    out
}

/// A Word file checked as an import would read it: a problem when it would fail; otherwise one
/// line saying what it holds and what an import would drop (not a problem).
fn validate_word(path: &Path) -> Result<String, String> {
    docx_import::import_word_file(path, &DeckOptions::from_file_name(path))
        .map(|w| format!("{}: {}", path.display(), w.summary()))
        .map_err(|e| format!("{}:1:1: {}", path.display(), e.why()))
}

/// The 1-based line of the first line of `text` holding `needle`, else 1.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).map_or(1, |i| i + 1)
}

/// Lint warnings for the decks that loaded, at the line of their card or block.
fn lint_lines(decks: &[(PathBuf, crate::model::Deck)]) -> Vec<String> {
    let all: Vec<crate::model::Deck> = decks.iter().map(|(_, d)| d.clone()).collect();
    let mut out = Vec::new();
    for warning in crate::lint::lint(&all) {
        let Some((path, _)) = decks.iter().find(|(_, d)| d.id == warning.deck) else { continue };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let (needle, what) = if warning.card {
            (format!("id: {:?}", warning.at), format!("card {:?}", warning.at))
        } else {
            (format!("title: {:?}", warning.at), format!("block {:?}", warning.at))
        };
        out.push(format!(
            "{}:{}:1: warning: {what}: {}",
            path.display(),
            line_of(&text, &needle),
            warning.message
        ));
    }
    out
}

pub(super) fn validate(paths: &[PathBuf], lint: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut problems = Vec::new();
    let files = collect(paths, &mut problems);
    let mut notes = Vec::new();
    let mut decks = Vec::new();
    for file in &files {
        if docx_import::is_docx(file) {
            match validate_word(file) {
                Ok(note) => notes.push(note),
                Err(problem) => problems.push(problem),
            }
            continue;
        }
        let result = match FileKind::of(file) {
            Some(FileKind::Deck) => format::load_deck(file).map(|deck| {
                decks.push((file.clone(), deck));
                Vec::new()
            }),
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
    let warnings = if lint { lint_lines(&decks) } else { Vec::new() };
    for w in &warnings {
        let _ = writeln!(out, "{w}");
    }
    for n in &notes {
        let _ = writeln!(err, "{n}");
    }
    let _ = writeln!(err, "{} files checked, {} problems", files.len(), problems.len());
    if lint {
        let _ = writeln!(err, "{} warnings (warnings do not fail the check)", warnings.len());
    }
    u8::from(!problems.is_empty())
}
