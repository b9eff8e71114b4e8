//! Folder scans: the one walk behind `casebook validate FOLDER`, the user's deck folder and the
//! team folder. Each real folder is searched once, so links back up the tree cannot loop.

use std::path::{Path, PathBuf};

use crate::format::{self, FileKind};
use crate::model::Deck;

/// The Casebook files in `dir` — of `kind`, or decks and sessions for `None` — sorted by path,
/// with those in subfolders when `recursive`; and the folders that could not be read, with why.
/// The one folder scan behind `casebook validate`, the user's deck folder and the team folder.
pub fn scan_folder(
    dir: &Path,
    kind: Option<FileKind>,
    recursive: bool,
) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>) {
    scan_folder_for(dir, recursive, |path| {
        FileKind::of(path).is_some_and(|k| kind.is_none_or(|want| want == k))
    })
}

/// The files in `dir` that `wanted` accepts (e.g. Word files to import), sorted by path, with
/// those in subfolders when `recursive`; and the folders that could not be read, with why.
pub fn scan_folder_for(
    dir: &Path,
    recursive: bool,
    wanted: impl Fn(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // Folders already searched, by real path: links back up the tree are loops, not new folders.
    let mut visited = std::collections::HashSet::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        if let Ok(real) = std::fs::canonicalize(&folder)
            && !visited.insert(real)
        {
            let why = "a folder loop: a link leads back to a folder already searched; not searched again";
            errors.push((folder, std::io::Error::other(why)));
            continue;
        }
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push((folder, e));
                continue;
            }
        };
        for path in entries.flatten().map(|e| e.path()) {
            if recursive && path.is_dir() {
                folders.push(path);
            } else if wanted(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    errors.sort_by(|a, b| a.0.cmp(&b.0));
    (files, errors)
}

/// Every `*.deck.ron` directly in `dir`, sorted by file name, with the errors of those that do
/// not load (nothing half-loaded). A missing folder is simply empty.
pub fn load_deck_folder(dir: &Path) -> (Vec<(Deck, PathBuf)>, Vec<String>) {
    let (paths, _unreadable) = scan_folder(dir, Some(FileKind::Deck), false);
    let mut decks = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match format::load_deck(&path) {
            Ok(deck) => decks.push((deck, path)),
            Err(e) => errors.push(e.to_string()),
        }
    }
    (decks, errors)
}

/// Whether `path` is a file a library folder holds: a deck file or a Word document.
pub fn is_library_file(path: &Path) -> bool {
    FileKind::of(path) == Some(FileKind::Deck) || crate::docx_import::is_word_document(path)
}

/// The library folders' files as the search engine reads them: found by [`scan_folder_for`],
/// read by [`read_library_bytes`] and [`library_file_from_bytes`].
pub struct LibraryReader;

impl crate::search::engine::LibraryFiles for LibraryReader {
    fn list(&self, root: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, std::io::Error)>) {
        scan_folder_for(root, true, is_library_file)
    }

    fn bytes(&self, path: &Path) -> Result<Vec<u8>, String> {
        read_library_bytes(path)
    }

    fn deck(&self, path: &Path, root: &Path, bytes: Vec<u8>) -> Result<Deck, String> {
        library_file_from_bytes(path, Some(root), bytes).map(|file| file.deck)
    }
}

/// A library file read as a deck: the deck, whether it came from a Word file, and a one-line
/// summary of what it holds.
#[derive(Debug)]
pub struct LibraryFile {
    /// The deck.
    pub deck: Deck,
    /// Read from a Word file (read-only in the library).
    pub word: bool,
    /// "20 cards, 10 analytics, …" for a Word file, "41 cards" for a deck file.
    pub summary: String,
}

/// Reads one library file (see [`is_library_file`]) on its own, its deck id from its name; the
/// error is the message to show.
pub fn read_library_file(path: &Path) -> Result<LibraryFile, String> {
    library_file_from_bytes(path, None, read_library_bytes(path)?)
}

/// Reads one file of the library folder `root` (see [`library_deck_options`] for its id); the
/// error is the message to show.
pub fn read_library_file_in(root: &Path, path: &Path) -> Result<LibraryFile, String> {
    library_file_from_bytes(path, Some(root), read_library_bytes(path)?)
}

/// `path` inside `root` as `season/tournament/1NC.docx` ('/' between folders on every system);
/// the whole path when it is not inside.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// How a Word file of the library folder `root` reads as a deck: as [`DeckOptions::from_file_name`],
/// with its id made of its name and a short hash of its path inside the folder
/// (`1nc-3fa2c1`). Debaters keep dozens of files called `1NC.docx`: two of them in two folders
/// are two decks, and a file's id stays the same while it stays where it is, whatever it holds.
///
/// [`DeckOptions::from_file_name`]: crate::docx_import::DeckOptions::from_file_name
pub fn library_deck_options(root: &Path, path: &Path) -> crate::docx_import::DeckOptions {
    let mut options = crate::docx_import::DeckOptions::from_file_name(path);
    let hash = xxhash_rust::xxh3::xxh3_64(relative_path(root, path).to_lowercase().as_bytes());
    let suffix = format!("{:06x}", hash & 0xff_ffff);
    let room = format::ID_MAX_CHARS - suffix.len() - 1;
    let base: String = options.id.chars().take(room).collect();
    options.id = format!("{}-{suffix}", base.trim_end_matches('-'));
    options
}

/// Reads the bytes of a library file: a regular file, within the size limit of its kind (a Word
/// file's or a deck file's); the error is the message to show.
pub fn read_library_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if crate::docx_import::is_word_document(path) {
        crate::docx_import::read_docx_bytes(path).map_err(|e| e.why())
    } else {
        format::read_bytes(path).map_err(|e| e.to_string())
    }
}

/// A library file's deck from the `bytes` read from `path` — a Word file's id from its place in
/// the library folder `root` when given ([`library_deck_options`]), else from its name; the
/// error is the message to show.
pub fn library_file_from_bytes(
    path: &Path,
    root: Option<&Path>,
    bytes: Vec<u8>,
) -> Result<LibraryFile, String> {
    use crate::docx_import::{DeckOptions, import_word_bytes, is_word_document};
    if is_word_document(path) {
        let options = match root {
            Some(root) => library_deck_options(root, path),
            None => DeckOptions::from_file_name(path),
        };
        import_word_bytes(path, &bytes, &options)
            .map(|w| LibraryFile { summary: w.summary(), deck: w.deck, word: true })
            .map_err(|e| e.why())
    } else {
        format::text_from_bytes(path, bytes)
            .and_then(|text| format::parse_deck(&text, path))
            .map(|d| LibraryFile { summary: format!("{} cards", d.card_count()), deck: d, word: false })
            .map_err(|e| e.to_string())
    }
}
