//! Opening and saving a working set: a session plus the decks it draws on, where each deck came
//! from, whether a deck changed since the session was saved, and the crash-recovery file.
//!
//! This is the IO edge for the window: it reads and writes files but knows nothing of egui.

use std::path::{Path, PathBuf};

mod folders;
mod indexed;

pub use folders::{
    LibraryFile, LibraryReader, is_library_file, library_deck_options, library_file_from_bytes,
    load_deck_folder, read_library_bytes, read_library_file, read_library_file_in, relative_path,
    scan_folder, scan_folder_for,
};
pub use indexed::{IndexedFile, MAX_FILES_IN_FLIGHT, read_all_indexed, read_all_indexed_with, read_indexed};

use crate::bundled;
use crate::format::{self, FileKind, LoadError, SaveError};
use crate::model::{Card, Deck, DeckRef, Item, Session};

/// Where a loaded deck lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeckOrigin {
    /// Compiled into Casebook; read-only.
    Bundled,
    /// A deck file on disk.
    File(PathBuf),
    /// A Word file in a library folder, read as a deck; read-only (an edit saves a copy in the
    /// user's deck folder, as for a bundled deck).
    Word(PathBuf),
}

/// How a card in a case compares with its deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStatus {
    /// The snapshot equals the card in the deck.
    Current,
    /// The deck's card differs from the snapshot.
    ChangedInDeck,
    /// The deck is loaded but no longer has the card.
    MissingFromDeck,
    /// The deck is not loaded; the snapshot is all there is.
    DeckNotLoaded,
}

/// Every bundled deck, in library order. A bundled deck that fails to load is skipped and its
/// error returned, so the window can show it instead of crashing.
pub fn bundled_decks() -> (Vec<Deck>, Vec<LoadError>) {
    let mut decks = Vec::new();
    let mut errors = Vec::new();
    for result in bundled::decks() {
        match result {
            Ok(d) => decks.push(d),
            Err(e) => errors.push(e),
        }
    }
    (decks, errors)
}

/// A session read from disk with the decks it names that could be found as files.
#[derive(Debug)]
pub struct OpenedSession {
    /// The session as saved.
    pub session: Session,
    /// Decks loaded from files the session names (bundled ones are always loaded anyway).
    pub file_decks: Vec<(Deck, PathBuf)>,
    /// Decks that could not be loaded, as readable messages; their cards keep their snapshots.
    pub warnings: Vec<String>,
}

/// Why a session's deck reference does not give the deck it names.
#[derive(Debug, thiserror::Error)]
pub enum DeckRefError {
    /// `bundled:ID` names a deck this build does not ship.
    #[error("bundled deck {0:?} is not part of this Casebook")]
    NoSuchBundled(String),
    /// The deck file does not load (missing, unreadable or invalid): `path:line:col` lines.
    #[error("{0}")]
    Load(#[from] LoadError),
    /// The reference leads outside the folders a session may draw decks from, or is not a deck
    /// file; nothing was opened, so nothing of the file is quoted.
    #[error(
        "deck path {reference:?} is refused: {why}; a session's deck files must lie in the \
         session's folder or the user's deck folder (or be bundled:ID)"
    )]
    Refused {
        /// The path as the session gives it.
        reference: String,
        /// Why, e.g. "it is outside the session's folder".
        why: String,
    },
    /// The file loads but holds another deck than the reference's id.
    #[error("{} holds deck {found:?}, not {expected:?}", .path.display())]
    WrongDeck {
        /// The deck file, as resolved against the session's folder.
        path: PathBuf,
        /// The id of the deck the file holds.
        found: String,
        /// The id the session expects.
        expected: String,
    },
}

/// Loads the deck a session's reference `r` names: `bundled:ID` from the decks compiled in,
/// otherwise the file at `r.path` relative to the session file's folder. The deck must have the
/// reference's id. Returns the deck and where it lives.
///
/// A session may come from anyone, so the file must be a `*.deck.ron` inside the session's
/// folder or the user's deck folder ([`user_deck_dir`] of [`Recovery::default_dir`]); see
/// [`resolve_deck_ref_within`] to allow more folders (library, team folders).
pub fn resolve_deck_ref(session_path: &Path, r: &DeckRef) -> Result<(Deck, DeckOrigin), DeckRefError> {
    resolve_deck_ref_within(session_path, r, &[user_deck_dir(&Recovery::default_dir())])
}

/// Like [`resolve_deck_ref`], with the folders besides the session's own that deck files may lie
/// in. After following links, a path that leaves them all (an absolute path elsewhere, `..`, a
/// symlink out) or does not name a `*.deck.ron` is refused before anything is opened.
pub fn resolve_deck_ref_within(
    session_path: &Path,
    r: &DeckRef,
    allowed: &[PathBuf],
) -> Result<(Deck, DeckOrigin), DeckRefError> {
    let (deck, origin, path) = match r.path.strip_prefix(bundled::BUNDLED_PREFIX) {
        Some(id) => {
            let deck = bundled::deck(id).ok_or_else(|| DeckRefError::NoSuchBundled(id.to_owned()))?;
            (deck, DeckOrigin::Bundled, PathBuf::from(&r.path))
        }
        None => {
            let path = session_path.parent().unwrap_or(Path::new(".")).join(&r.path);
            let real = confine(session_path, r, &path, allowed)?;
            let deck = format::load_deck(&real).map_err(|mut e| {
                e.path = path.clone();
                e
            })?;
            (deck, DeckOrigin::File(path.clone()), path)
        }
    };
    if deck.id != r.id {
        return Err(DeckRefError::WrongDeck { path, found: deck.id, expected: r.id.clone() });
    }
    Ok((deck, origin))
}

/// The real path of a session's deck file `path`, if it is a deck file within the allowed folders.
fn confine(
    session_path: &Path,
    r: &DeckRef,
    path: &Path,
    allowed: &[PathBuf],
) -> Result<PathBuf, DeckRefError> {
    let refuse = |why: &str| DeckRefError::Refused { reference: r.path.clone(), why: why.to_owned() };
    if r.path.contains('\0') || FileKind::of(Path::new(&r.path)) != Some(FileKind::Deck) {
        return Err(refuse("it does not name a *.deck.ron file"));
    }
    let real = std::fs::canonicalize(path).map_err(|e| {
        LoadError::one(path, format::Problem::whole_file(format::describe_open_error(path, &e)))
    })?;
    if FileKind::of(&real) != Some(FileKind::Deck) {
        return Err(refuse("it is a link to a file that is not a *.deck.ron"));
    }
    let base = session_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let inside = std::iter::once(base)
        .chain(allowed.iter().map(PathBuf::as_path))
        .filter_map(|folder| std::fs::canonicalize(folder).ok())
        .any(|folder| real.starts_with(folder));
    if !inside {
        return Err(refuse("it is outside the session's folder"));
    }
    Ok(real)
}

/// Reads a session and the deck files it refers to (paths are relative to the session file, and
/// confined as [`resolve_deck_ref`] says).
pub fn open_session(path: &Path) -> Result<OpenedSession, LoadError> {
    open_session_within(path, &[user_deck_dir(&Recovery::default_dir())])
}

/// Like [`open_session`], with the folders besides the session's own that its deck files may lie
/// in (the user's deck folder, library and team folders), as [`resolve_deck_ref_within`] takes.
pub fn open_session_within(path: &Path, allowed: &[PathBuf]) -> Result<OpenedSession, LoadError> {
    let session = format::load_session(path)?;
    let mut file_decks = Vec::new();
    let mut warnings = Vec::new();
    for r in &session.decks {
        match resolve_deck_ref_within(path, r, allowed) {
            Ok((deck, DeckOrigin::File(deck_path))) => file_decks.push((deck, deck_path)),
            Ok((_, DeckOrigin::Bundled | DeckOrigin::Word(_))) => {}
            Err(e) => warnings.push(e.to_string()),
        }
    }
    Ok(OpenedSession { session, file_decks, warnings })
}

/// Whether the loaded `deck` differs from what the session recorded when it was saved.
pub fn deck_changed_since_save(session: &Session, deck: &Deck) -> bool {
    session.deck_ref(&deck.id).is_some_and(|r| r.fingerprint != format::deck_fingerprint(deck))
}

/// How a case item's card compares with the loaded decks.
pub fn card_status(deck_id: &str, card: &Card, decks: &[Deck]) -> CardStatus {
    match decks.iter().find(|d| d.id == deck_id) {
        None => CardStatus::DeckNotLoaded,
        Some(deck) => match deck.card(&card.id) {
            None => CardStatus::MissingFromDeck,
            Some(current) if current == card => CardStatus::Current,
            Some(_) => CardStatus::ChangedInDeck,
        },
    }
}

/// The path a deck reference records: `bundled:ID`, or the deck file relative to the session's
/// folder when it lies below it, else absolute.
pub fn ref_path(origin: &DeckOrigin, deck_id: &str, session_path: &Path) -> String {
    match origin {
        DeckOrigin::Bundled => format!("{}{deck_id}", bundled::BUNDLED_PREFIX),
        DeckOrigin::File(p) | DeckOrigin::Word(p) => {
            let base = session_path.parent().unwrap_or(Path::new("."));
            let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
            match abs(p).strip_prefix(abs(base)) {
                Ok(rel) => rel.to_string_lossy().into_owned(),
                Err(_) => abs(p).to_string_lossy().into_owned(),
            }
        }
    }
}

/// The deck references to save: every deck a case item uses, with its current fingerprint and
/// where it lives; references to decks that are not loaded are kept as they were.
pub fn deck_refs_for_save(
    session: &Session,
    decks: &[(Deck, DeckOrigin)],
    session_path: &Path,
) -> Vec<DeckRef> {
    let mut used: Vec<&str> = Vec::new();
    for (_, item) in session.items() {
        if let Item::Card { deck, .. } = item
            && !used.contains(&deck.as_str())
        {
            used.push(deck);
        }
    }
    let mut refs = Vec::new();
    for id in used {
        match decks.iter().find(|(d, _)| d.id == id) {
            Some((deck, origin)) => refs.push(DeckRef {
                path: ref_path(origin, id, session_path),
                id: id.to_owned(),
                fingerprint: format::deck_fingerprint(deck),
            }),
            None => refs.extend(session.deck_ref(id).cloned()),
        }
    }
    refs
}

/// The crash-recovery file: the unsaved session written every 30 s and on focus loss, and the
/// path it belongs to, in the user's data folder.
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    /// Recovery files kept in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Recovery { dir: dir.into() }
    }

    /// `$XDG_DATA_HOME/casebook`, else `~/.local/share/casebook`, else a temp folder.
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
            return PathBuf::from(d).join("casebook");
        }
        if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            return PathBuf::from(h).join(".local/share/casebook");
        }
        std::env::temp_dir().join("casebook")
    }

    /// The recovered session file.
    pub fn session_path(&self) -> PathBuf {
        self.dir.join("recovery.session.ron")
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join("recovery.origin")
    }

    /// Writes the unsaved `session` and the file it belongs to (if it has one).
    pub fn write(&self, session: &Session, original: Option<&Path>) -> Result<(), SaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| SaveError::Io {
            path: self.dir.clone(),
            step: "creating the recovery folder".into(),
            source: e,
        })?;
        let origin = original.map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        format::write_atomic_no_backup(&self.origin_path(), origin.as_bytes())?;
        let text = format::session_to_string(session)
            .map_err(|e| SaveError::Encode { path: self.session_path(), message: e.to_string() })?;
        format::write_atomic_no_backup(&self.session_path(), text.as_bytes())
    }

    /// The recovered session and the file it belonged to, if a recovery file exists.
    pub fn read(&self) -> Option<Result<(Session, Option<PathBuf>), LoadError>> {
        if !self.session_path().exists() {
            return None;
        }
        let origin = std::fs::read_to_string(self.origin_path()).unwrap_or_default();
        let origin = (!origin.is_empty()).then(|| PathBuf::from(origin));
        Some(format::load_session(&self.session_path()).map(|s| (s, origin)))
    }

    /// Removes the recovery files (after a save, a clean quit, or the user declining to restore).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.session_path());
        let _ = std::fs::remove_file(self.origin_path());
    }
}

/// The folder for the user's own decks (edited copies of bundled decks, new decks):
/// `DATA_DIR/decks`.
pub fn user_deck_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("decks")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(path: &str, id: &str) -> DeckRef {
        DeckRef { path: path.to_owned(), id: id.to_owned(), fingerprint: String::new() }
    }

    #[test]
    fn deck_references_resolve_bundled_and_relative_and_check_the_id() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("prep.session.ron");
        let bundled = reference("bundled:asian-nato-aff", "asian-nato-aff");
        assert!(
            matches!(resolve_deck_ref(&session, &bundled), Ok((d, DeckOrigin::Bundled)) if d.id == "asian-nato-aff")
        );
        let unknown = reference("bundled:nope", "nope");
        assert!(
            matches!(resolve_deck_ref(&session, &unknown), Err(DeckRefError::NoSuchBundled(id)) if id == "nope")
        );

        let deck = bundled::deck("asian-nato-neg").unwrap();
        std::fs::create_dir(dir.path().join("decks")).unwrap();
        let file = dir.path().join("decks/neg.deck.ron");
        format::save_deck(&deck, &file).unwrap();
        let relative = reference("decks/neg.deck.ron", "asian-nato-neg");
        assert!(matches!(resolve_deck_ref(&session, &relative), Ok((_, DeckOrigin::File(p))) if p == file));
        let wrong = reference("decks/neg.deck.ron", "asian-nato-aff");
        let error = resolve_deck_ref(&session, &wrong).unwrap_err();
        assert!(matches!(&error, DeckRefError::WrongDeck { found, .. } if found == "asian-nato-neg"));
        assert!(
            error.to_string().ends_with("holds deck \"asian-nato-neg\", not \"asian-nato-aff\""),
            "{error}"
        );
        let missing = reference("gone.deck.ron", "gone");
        assert!(matches!(resolve_deck_ref(&session, &missing), Err(DeckRefError::Load(_))));
    }

    #[test]
    fn the_folder_scan_filters_by_kind_sorts_and_recurses_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/deep")).unwrap();
        for name in ["b.deck.ron", "a.session.ron", "a/deep/c.deck.ron", "notes.txt", "a/x.deck.ron"] {
            std::fs::write(root.join(name), "").unwrap();
        }
        let names = |files: Vec<PathBuf>| -> Vec<String> {
            files.iter().map(|f| f.strip_prefix(root).unwrap().to_string_lossy().into_owned()).collect()
        };
        let (flat, errors) = scan_folder(root, Some(FileKind::Deck), false);
        assert_eq!((names(flat), errors.len()), (vec!["b.deck.ron".to_owned()], 0));
        let (all, _) = scan_folder(root, None, true);
        assert_eq!(names(all), ["a/deep/c.deck.ron", "a/x.deck.ron", "a.session.ron", "b.deck.ron"]);
        let (none, errors) = scan_folder(&root.join("missing"), None, true);
        assert!(none.is_empty() && errors.len() == 1);
    }
}
