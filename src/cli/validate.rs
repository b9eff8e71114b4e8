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

pub(super) fn validate(paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut problems = Vec::new();
    let files = collect(paths, &mut problems);
    let mut notes = Vec::new();
    for file in &files {
        if docx_import::is_docx(file) {
            match validate_word(file) {
                Ok(note) => notes.push(note),
                Err(problem) => problems.push(problem),
            }
            continue;
        }
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
    for n in &notes {
        let _ = writeln!(err, "{n}");
    }
    let _ = writeln!(err, "{} files checked, {} problems", files.len(), problems.len());
    u8::from(!problems.is_empty())
}
