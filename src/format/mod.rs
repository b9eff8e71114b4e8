//! File formats: RON decks (`NAME.deck.ron`) and sessions (`NAME.session.ron`).
//!
//! Files are pretty RON with `\n` line endings, one field per line in a fixed order, long text as
//! (raw) strings with real newlines, and `version` first. Saving canonicalises (marks sorted and
//! merged), so the same data always gives the same bytes.
//!
//! Loading refuses rather than guesses: unknown fields, files from a newer Casebook, files over
//! [`MAX_FILE_BYTES`], nesting deeper than [`RECURSION_LIMIT`], and semantic problems (duplicate
//! ids, dangling references, bad marks, empty tags) are errors reported as `path:line:col: message`.
//! Older versions are migrated (`migrate.rs`). Card fields added in version 3 (provenance, cut
//! position, conflict mark) and in version 4 (a highlight's colour, the cite as written, a
//! block's Pocket/Hat headings and asides, a source's stated year) are written only when set, so
//! unchanged cards keep their lines.

mod atomic;
mod error;
mod ids;
mod migrate;
mod read;
mod validate;

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::{Deck, Session, normalize_marks};

pub use atomic::{backup_path, write_atomic, write_atomic_no_backup};
pub use error::{LoadError, Problem, SaveError};
pub use ids::{ID_MAX_CHARS, check_deck_id, file_name_for_id, invisible_char_name, is_blank};
pub use read::{describe_open_error, normalize_text, open_regular, read_bytes, read_text, text_from_bytes};
pub use validate::{MAX_PROBLEMS, validate_deck, validate_session};

pub use crate::model::CURRENT_VERSION;
/// Files larger than this (16 MiB: about 7,500 cards of real size, a tag, a cite and a few
/// paragraphs each) are refused before parsing, and never written by a save.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting accepted; real files nest about 10 levels.
pub const RECURSION_LIMIT: usize = 64;

/// What kind of Casebook file a path names, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `*.deck.ron`
    Deck,
    /// `*.session.ron`
    Session,
}

impl FileKind {
    /// The kind for `path`, or `None` for other files.
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?;
        if name.ends_with(".deck.ron") {
            Some(FileKind::Deck)
        } else if name.ends_with(".session.ron") {
            Some(FileKind::Session)
        } else {
            None
        }
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

fn problem_from_ron(err: &ron::error::SpannedError) -> Problem {
    let message = match &err.code {
        ron::Error::Eof => "the file ends too early (truncated?): unexpected end of RON".to_owned(),
        ron::Error::ExceededRecursionLimit => {
            format!("nested more than {RECURSION_LIMIT} levels deep; refusing to read further")
        }
        other => other.to_string(),
    };
    Problem::at(err.span.start.line.max(1), err.span.start.col.max(1), message)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    options().from_str(text).map_err(|e| problem_from_ron(&e))
}

/// The message for a file whose version cannot be read, in a debater's words.
fn probe_problem(err: &ron::error::SpannedError, what: &str) -> Problem {
    let expected = format!("a Casebook {what} starts with `(` and then `version: {CURRENT_VERSION},`");
    let message = match &err.code {
        ron::Error::MissingStructField { field, .. } if *field == "version" => {
            format!("the file has no `version:` line; {expected}")
        }
        ron::Error::ExpectedDifferentStructName { found, .. } => {
            format!("the file starts with the old header `{found}(`; {expected}: remove `{found}`")
        }
        _ => return scrub(problem_from_ron(err), what),
    };
    Problem::at(err.span.start.line.max(1), err.span.start.col.max(1), message)
}

fn scrub(p: Problem, what: &str) -> Problem {
    Problem { message: scrub_type_names(&p.message, what), ..p }
}

/// Replaces the names of Casebook's internal types in a parser message by what they stand for.
fn scrub_type_names(message: &str, what: &str) -> String {
    let mut message = message.to_owned();
    for internal in ["VersionProbe", "DeckV1", "SessionV1"] {
        message = message.replace(&format!("`{internal}`"), what).replace(internal, what);
    }
    message
}

/// Reads the `version` and decides: migrate (older), parse (current) or refuse (newer).
///
/// Versions 2 and 3 have the current shape minus fields that default (see [`migrate`]), so they
/// parse into the current structs and `from_v2` only stamps the version.
fn parse_versioned<T: DeserializeOwned, Old: DeserializeOwned>(
    text: &str,
    what: &str,
    from_v1: impl FnOnce(Old) -> Result<T, Problem>,
    from_v2: impl FnOnce(T) -> T,
) -> Result<T, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::whole_file(format!("the file is empty; expected a Casebook {what}")));
    }
    let probe: VersionProbe = options().from_str(text).map_err(|e| probe_problem(&e, what))?;
    let scrub = |p: Problem| scrub(p, what);
    match probe.version {
        0 => Err(Problem::whole_file("version 0 is not a Casebook format version")),
        1 => from_v1(parse::<Old>(text).map_err(scrub)?),
        2..=6 => Ok(from_v2(parse(text).map_err(scrub)?)),
        CURRENT_VERSION => parse(text).map_err(scrub),
        newer => Err(Problem::whole_file(format!(
            "this {what} was written by a newer Casebook (format version {newer}); this one reads \
             versions 1 to {CURRENT_VERSION}: update Casebook to open it"
        ))),
    }
}

/// `text` with a leading byte-order mark dropped and CRLF line ends made LF (see
/// [`normalize_text`]); borrowed when there is nothing to change, as for Casebook's own files.
fn normalized_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with('\u{feff}') || text.contains('\r') {
        std::borrow::Cow::Owned(normalize_text(text.to_owned()))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Parses and checks deck text; `label` names it in errors.
pub fn parse_deck(text: &str, label: &Path) -> Result<Deck, LoadError> {
    let normalized = normalized_text(text);
    let text = normalized.as_ref();
    let deck = parse_versioned(text, "deck", |old| Ok(migrate::deck_from_v1(old)), migrate::deck_from_v2)
        .map_err(|p| LoadError::one(label, p))?;
    let problems = validate_deck(&deck, text);
    if problems.is_empty() { Ok(deck) } else { Err(LoadError { path: label.to_owned(), problems }) }
}

/// Parses and checks session text; `label` names it in errors.
pub fn parse_session(text: &str, label: &Path) -> Result<Session, LoadError> {
    let normalized = normalized_text(text);
    let text = normalized.as_ref();
    let session = parse_versioned(text, "session", migrate::session_from_v1, migrate::session_from_v2)
        .map_err(|p| LoadError::one(label, p))?;
    let problems = validate_session(&session, text);
    if problems.is_empty() { Ok(session) } else { Err(LoadError { path: label.to_owned(), problems }) }
}

/// Loads and checks a deck file.
pub fn load_deck(path: &Path) -> Result<Deck, LoadError> {
    parse_deck(&read_text(path)?, path)
}

/// Loads and checks a session file.
pub fn load_session(path: &Path) -> Result<Session, LoadError> {
    parse_session(&read_text(path)?, path)
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").escape_strings(false).struct_names(false)
}

fn encode<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(value, pretty())?;
    text.push('\n');
    Ok(text)
}

/// The deck in canonical form (marks sorted and merged), as saved.
pub fn canonical_deck(deck: &Deck) -> Deck {
    let mut deck = deck.clone();
    canonicalize_deck(&mut deck);
    deck
}

/// [`canonical_deck`] in place, for a deck too large to copy (a Word file just read).
pub fn canonicalize_deck(deck: &mut Deck) {
    deck.version = CURRENT_VERSION;
    for block in &mut deck.blocks {
        for card in &mut block.cards {
            canonical_card(card);
        }
        for aside in &mut block.asides {
            aside.marks = normalize_marks(&aside.marks);
        }
    }
}

/// A card's marks (text, tag and cite line) in canonical form.
fn canonical_card(card: &mut crate::model::Card) {
    card.marks = normalize_marks(&card.marks);
    card.tag_marks = normalize_marks(&card.tag_marks);
    if let Some(cite) = &mut card.cite_line {
        cite.marks = normalize_marks(&cite.marks);
    }
}

/// The session in canonical form, as saved.
pub fn canonical_session(session: &Session) -> Session {
    let mut session = session.clone();
    session.version = CURRENT_VERSION;
    for item in session.items_mut() {
        if let crate::model::Item::Card { card, .. } = item {
            canonical_card(card);
        }
    }
    session
}

/// The exact text a deck is saved as.
pub fn deck_to_string(deck: &Deck) -> Result<String, ron::Error> {
    encode(&canonical_deck(deck))
}

/// The exact text a session is saved as.
pub fn session_to_string(session: &Session) -> Result<String, ron::Error> {
    encode(&canonical_session(session))
}

/// Refuses text the loader would refuse for its size: Casebook never writes what it cannot reopen.
pub fn check_save_size(text: &str, path: &Path) -> Result<(), SaveError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            bytes: text.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Saves a deck atomically, keeping `NAME.deck.ron.bak`; refuses a deck too large to load back.
pub fn save_deck(deck: &Deck, path: &Path) -> Result<(), SaveError> {
    let text = deck_to_string(deck)
        .map_err(|e| SaveError::Encode { path: path.to_owned(), message: e.to_string() })?;
    check_save_size(&text, path)?;
    write_atomic(path, text.as_bytes())
}

/// Saves a session atomically, keeping `NAME.session.ron.bak`; refuses one too large to load back.
pub fn save_session(session: &Session, path: &Path) -> Result<(), SaveError> {
    let text = session_to_string(session)
        .map_err(|e| SaveError::Encode { path: path.to_owned(), message: e.to_string() })?;
    check_save_size(&text, path)?;
    write_atomic(path, text.as_bytes())
}

/// The fingerprint of a deck's canonical text: what a session records to notice deck changes.
pub fn deck_fingerprint(deck: &Deck) -> String {
    crate::model::fingerprint(deck_to_string(deck).unwrap_or_default().as_bytes())
}
