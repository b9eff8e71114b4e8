//! Decks and source texts shipped inside the binary, so Casebook works from any folder with no setup.

use crate::format::{LoadError, parse_deck};
use crate::model::Deck;

/// Prefix of a [`crate::model::DeckRef::path`] that names a bundled deck by id.
pub const BUNDLED_PREFIX: &str = "bundled:";

/// The bundled deck files: (file name, text).
pub const DECK_FILES: &[(&str, &str)] = &[];

/// The bundled decks, parsed and checked. A bundled deck that fails to load is a build defect;
/// the tests load every one, and here the error is returned rather than hidden.
pub fn decks() -> Vec<Result<Deck, LoadError>> {
    DECK_FILES
        .iter()
        .map(|(name, text)| parse_deck(text, std::path::Path::new(&format!("{BUNDLED_PREFIX}{name}"))))
        .collect()
}

/// The bundled deck with `id`, if there is one.
pub fn deck(id: &str) -> Option<Deck> {
    decks().into_iter().flatten().find(|d| d.id == id)
}
