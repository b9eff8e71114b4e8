//! Decks: a file of sources and cards grouped into named blocks, like a Verbatim file.

use serde::{Deserialize, Serialize};

use super::{Aside, Card, Heading, Source};

/// A named group of cards under one heading (Verbatim's Block).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// Pocket and Hat headings that open just before this block, in order; written only when any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<Heading>,
    /// Heading, e.g. "Hub-and-spoke is inadequate" or "Answers to: SEATO failed"; empty for cards
    /// a Word file put under a Pocket or Hat with no Block heading.
    pub title: String,
    /// Cards in reading order.
    #[serde(default)]
    pub cards: Vec<Card>,
    /// The debater's own lines among the cards, in order; written only when any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asides: Vec<Aside>,
}

impl Block {
    /// A block titled `title` holding `cards`, with no headings above it and no asides.
    pub fn new(title: impl Into<String>, cards: Vec<Card>) -> Self {
        Block { headings: Vec::new(), title: title.into(), cards, asides: Vec::new() }
    }

    /// The title to show: the block's own, or for cards a Word file put under a Pocket or Hat
    /// with no Block heading, that heading's title and a note saying so.
    pub fn display_title(&self) -> String {
        match (self.title.is_empty(), self.headings.last()) {
            (false, _) => self.title.clone(),
            (true, Some(h)) => format!("{} (no Block heading)", h.title),
            (true, None) => "(no Block heading)".to_owned(),
        }
    }

    /// The asides standing before card `index` (the number of cards: after the last).
    pub fn asides_before(&self, index: usize) -> impl Iterator<Item = &Aside> {
        self.asides.iter().filter(move |a| a.before == index)
    }
}

/// An argument deck: what a team shares and keeps for years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// File format version; always first in the file.
    pub version: u32,
    /// Stable id that survives renames and copies, e.g. "asian-nato-aff".
    pub id: String,
    /// Title shown in the library.
    pub title: String,
    /// The resolution the deck argues.
    pub resolution: String,
    /// What the deck is for and how it is filed.
    #[serde(default)]
    pub description: String,
    /// Every source its cards quote.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The cards, grouped into blocks.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// The Word file `casebook import` wrote this deck from (format version 7); written only
    /// for such decks. It tells a later import of the same file whether it may replace this deck.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_from: Option<ImportedFrom>,
}

/// Which Word file a deck was imported from, and what the import wrote: a later import replaces
/// the deck only when it comes from the same place and the deck is as that import wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedFrom {
    /// The Word file's name, e.g. `1NC.docx`.
    pub file: String,
    /// A hash of where the file was (its whole path), never the path itself, which would name the
    /// user's folders in a file shared with a team.
    pub place: String,
    /// [`super::fingerprint`] of the deck's cards, sources and headings as the import wrote them;
    /// a deck whose content no longer has it was edited since.
    pub content: String,
}

impl Deck {
    /// The Pocket › Hat path above each block, in order (Verbatim's outline: a Pocket clears
    /// the Hat under it); empty for a block with none above it.
    pub fn heading_paths(&self) -> Vec<String> {
        use super::HeadingLevel;
        let (mut pocket, mut hat) = (String::new(), String::new());
        self.blocks
            .iter()
            .map(|block| {
                for h in &block.headings {
                    match h.level {
                        HeadingLevel::Pocket => {
                            pocket = h.title.trim().to_owned();
                            hat.clear();
                        }
                        HeadingLevel::Hat => hat = h.title.trim().to_owned(),
                    }
                }
                let parts = [pocket.as_str(), hat.as_str()];
                parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" › ")
            })
            .collect()
    }

    /// "1NC › Off-case › The Taiwan trap": where block `block` sits in the deck's outline.
    pub fn block_path(&self, block: usize) -> String {
        let Some(b) = self.blocks.get(block) else { return String::new() };
        let above = self.heading_paths().swap_remove(block);
        match above.is_empty() {
            true => b.display_title(),
            false => format!("{above} › {}", b.display_title()),
        }
    }

    /// A deck with no sources, blocks or description, at the current format version.
    pub fn empty(id: impl Into<String>, title: impl Into<String>, resolution: impl Into<String>) -> Self {
        Deck {
            version: super::CURRENT_VERSION,
            id: id.into(),
            title: title.into(),
            resolution: resolution.into(),
            description: String::new(),
            sources: Vec::new(),
            blocks: Vec::new(),
            imported_from: None,
        }
    }

    /// Every card, block by block.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.blocks.iter().flat_map(|b| b.cards.iter())
    }

    /// The card with `id`, if any.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards().find(|c| c.id == id)
    }

    /// The source with `id`, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The deck's sources by id, built once for looking up many cards' sources (the first source
    /// of an id wins, as with [`Deck::source`]).
    pub fn source_index(&self) -> SourceIndex<'_> {
        let mut index = std::collections::HashMap::with_capacity(self.sources.len());
        for s in &self.sources {
            index.entry(s.id.as_str()).or_insert(s);
        }
        SourceIndex(index)
    }

    /// Number of cards in all blocks.
    pub fn card_count(&self) -> usize {
        self.blocks.iter().map(|b| b.cards.len()).sum()
    }
}

/// A deck's sources by id: constant-time lookups for exports of many cards.
#[derive(Debug)]
pub struct SourceIndex<'d>(std::collections::HashMap<&'d str, &'d Source>);

impl<'d> SourceIndex<'d> {
    /// The source with `id`, if any.
    pub fn get(&self, id: &str) -> Option<&'d Source> {
        self.0.get(id).copied()
    }
}
