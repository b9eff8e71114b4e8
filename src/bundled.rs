//! Decks and source texts shipped inside the binary, so Casebook works from any folder with no setup.

use crate::format::{LoadError, parse_deck};
use crate::model::Deck;

/// Prefix of a [`crate::model::DeckRef::path`] that names a bundled deck by id.
pub const BUNDLED_PREFIX: &str = "bundled:";

/// The bundled deck files: (file name, text), from `decks/`.
pub const DECK_FILES: &[(&str, &str)] = &[
    ("asian-nato-aff.deck.ron", include_str!("../decks/asian-nato-aff.deck.ron")),
    ("asian-nato-neg.deck.ron", include_str!("../decks/asian-nato-neg.deck.ron")),
    ("asian-nato-aff-answers.deck.ron", include_str!("../decks/asian-nato-aff-answers.deck.ron")),
    ("asian-nato-neg-answers.deck.ron", include_str!("../decks/asian-nato-neg-answers.deck.ron")),
];

/// The bundled decks' ids, in [`DECK_FILES`] order.
pub fn ids() -> Vec<&'static str> {
    DECK_FILES.iter().filter_map(|(file, _)| file.strip_suffix(".deck.ron")).collect()
}

/// A source article shipped with Casebook, so cards can be checked against it and new ones cut.
#[derive(Clone, Copy, Debug)]
pub struct SourceText {
    /// The id bundled decks cite it by.
    pub id: &'static str,
    /// File name under `assets/sources/`.
    pub file: &'static str,
    /// The article text exactly as given.
    pub text: &'static str,
}

/// The bundled source texts, from `assets/sources/`.
pub const SOURCE_TEXTS: &[SourceText] = &[
    SourceText {
        id: "kim-2025",
        file: "kim-2025-asia-needs-nato-style-alliance.txt",
        text: include_str!("../assets/sources/kim-2025-asia-needs-nato-style-alliance.txt"),
    },
    SourceText {
        id: "pechko-2025",
        file: "pechko-2025-reimagining-east-asia-security.txt",
        text: include_str!("../assets/sources/pechko-2025-reimagining-east-asia-security.txt"),
    },
    SourceText {
        id: "behrendt-2023",
        file: "behrendt-2023-asian-nato-chances-and-perspectives.txt",
        text: include_str!("../assets/sources/behrendt-2023-asian-nato-chances-and-perspectives.txt"),
    },
    SourceText {
        id: "thinktankpk-2024",
        file: "thinktank-pk-2024-is-asia-ready-for-nato-style-bloc.txt",
        text: include_str!("../assets/sources/thinktank-pk-2024-is-asia-ready-for-nato-style-bloc.txt"),
    },
    SourceText {
        id: "mishcon-nd",
        file: "mishcon-de-reya-asian-nato-stability-or-non-starter.txt",
        text: include_str!("../assets/sources/mishcon-de-reya-asian-nato-stability-or-non-starter.txt"),
    },
];

/// What can be said of a card's quote against the source texts Casebook stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteCheck {
    /// Found verbatim (up to whitespace and quote style) in its stored source text.
    Verbatim,
    /// Its source text is stored, and the quote is not in it.
    NotInSource,
    /// Edited by hand after cutting: it may differ from its source.
    EditedByHand,
    /// No source text is stored for its source (a card from a Word file, or cut elsewhere): the
    /// quote is as its file gave it and cannot be checked.
    NoSourceText,
}

/// Checks `card`'s quote against the stored text of `source`. A stored text belongs to a source
/// of its id that has a title (sources made from a Word cite line have none, so an imported
/// "kim-2025" is never checked against the bundled article).
pub fn check_quote(card: &crate::model::Card, source: &crate::model::Source) -> QuoteCheck {
    if card.quote_edited {
        return QuoteCheck::EditedByHand;
    }
    let stored = SOURCE_TEXTS.iter().find(|s| s.id == source.id && !source.title.trim().is_empty());
    match stored {
        None => QuoteCheck::NoSourceText,
        Some(s) if crate::model::verbatim::is_verbatim(&card.text, s.text) => QuoteCheck::Verbatim,
        Some(_) => QuoteCheck::NotInSource,
    }
}

/// The example session shipped in `assets/examples/`.
pub const EXAMPLE_SESSION: (&str, &str) =
    ("asian-nato.session.ron", include_str!("../assets/examples/asian-nato.session.ron"));

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
