//! Where each deck of the library comes from: its file, the library folder it is in and its
//! path inside that folder — so a hit from one of a team's many `1NC.docx` files says which one.

use std::path::{Path, PathBuf};

use super::Desk;
use super::library_folders::{origin_path, root_of};

/// Where a deck's cards come from, as the library and the reader show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckPlace {
    /// The file (absolute, as found).
    pub file: PathBuf,
    /// The library folder holding it, if it is in one.
    pub folder: Option<PathBuf>,
    /// "Team › 2025/camp/1NC.docx": the folder's name and the file's path inside it (for a file
    /// outside the library folders, its folder's name and its name).
    pub shown: String,
}

impl DeckPlace {
    fn of(file: &Path, roots: &[PathBuf]) -> DeckPlace {
        let folder = root_of(roots, file);
        let base = folder.as_deref().or_else(|| file.parent()).unwrap_or(file);
        let name =
            base.file_name().map_or_else(|| base.display().to_string(), |n| n.to_string_lossy().into());
        let inside = crate::workspace::relative_path(base, file);
        DeckPlace { file: file.to_owned(), folder, shown: format!("{name} › {inside}") }
    }
}

impl Desk {
    /// Where deck `id` comes from; `None` for a bundled deck.
    pub fn deck_place(&self, id: &str) -> Option<DeckPlace> {
        let shelved = self.shelf.iter().find(|s| s.segment.deck_id == id).map(|s| s.path.as_path());
        let loaded = || {
            let i = self.ws.decks.iter().position(|d| d.id == id)?;
            self.origins.get(i).and_then(origin_path)
        };
        shelved.or_else(loaded).map(|file| DeckPlace::of(file, &self.library_roots))
    }

    /// The library folders last read (the window's File → Library folders).
    pub fn library_roots(&self) -> &[PathBuf] {
        &self.library_roots
    }
}

impl Desk {
    /// Where each deck of the library index comes from, in index order (`None` for a bundled
    /// deck): one pass over the library, for views that show many rows.
    pub fn index_places(&self) -> Vec<Option<DeckPlace>> {
        let mut files: std::collections::HashMap<&str, &Path> =
            self.shelf.iter().map(|s| (s.segment.deck_id.as_str(), s.path.as_path())).collect();
        for (deck, origin) in self.ws.decks.iter().zip(&self.origins) {
            if let Some(path) = origin_path(origin) {
                files.insert(deck.id.as_str(), path);
            }
        }
        (self.index.segments().iter())
            .map(|s| files.get(s.deck_id.as_str()).map(|f| DeckPlace::of(f, &self.library_roots)))
            .collect()
    }
}
