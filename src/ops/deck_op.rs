//! Edits to a deck's blocks, cards and sources, each a value with an exact inverse.

use crate::model::{Block, Card, Deck, Source};

use super::OpError;
use super::lists::{get_mut, insert_at, move_between, remove_at, replace_at};

/// One edit of a deck. Indices are positions at the time of applying.
#[derive(Clone, Debug, PartialEq)]
pub enum DeckOp {
    /// Insert `card` into block `block` at `index`.
    InsertCard {
        /// The block to insert into.
        block: usize,
        /// Where in the block (at most its number of cards).
        index: usize,
        /// The card to insert.
        card: Card,
    },
    /// Remove the card at `index` of block `block`.
    RemoveCard {
        /// The block holding the card.
        block: usize,
        /// The card's position in the block.
        index: usize,
    },
    /// Replace a card (tag, marks, labels, side, note, quote edits).
    ReplaceCard {
        /// The block holding the card.
        block: usize,
        /// The card's position in the block.
        index: usize,
        /// What replaces it.
        card: Card,
    },
    /// Move a card, possibly to another block; `to` is the final (block, index).
    MoveCard {
        /// The card's (block, index) now.
        from: (usize, usize),
        /// Its (block, index) afterwards.
        to: (usize, usize),
    },
    /// Insert a block at `index`.
    AddBlock {
        /// Where the block goes (at most the number of blocks).
        index: usize,
        /// The block to insert.
        block: Block,
    },
    /// Remove the block at `index` with its cards.
    RemoveBlock {
        /// The block to remove.
        index: usize,
    },
    /// Retitle a block.
    RenameBlock {
        /// The block to retitle.
        index: usize,
        /// Its new title.
        title: String,
    },
    /// Insert a source at `index`.
    AddSource {
        /// Where the source goes (at most the number of sources).
        index: usize,
        /// The source to insert.
        source: Source,
    },
    /// Remove the source at `index`.
    RemoveSource {
        /// The source to remove.
        index: usize,
    },
    /// Replace a source's citation facts.
    ReplaceSource {
        /// The source's position.
        index: usize,
        /// What replaces it.
        source: Source,
    },
    /// Retitle the deck.
    SetTitle(String),
    /// Replace the deck's description.
    SetDescription(String),
    /// Replace the whole deck (an accepted import review); the inverse restores it.
    Replace(Box<Deck>),
    /// Several edits as one undo step; applied in order.
    Batch(Vec<DeckOp>),
}

fn cards(d: &mut Deck, block: usize) -> Result<&mut Vec<Card>, OpError> {
    Ok(&mut get_mut(&mut d.blocks, block, "block")?.cards)
}

impl DeckOp {
    /// Applies the edit and returns its inverse; on error the deck is unchanged.
    pub fn apply(self, d: &mut Deck) -> Result<DeckOp, OpError> {
        use DeckOp::*;
        Ok(match self {
            InsertCard { block, index, card } => {
                insert_at(cards(d, block)?, index, card)?;
                RemoveCard { block, index }
            }
            RemoveCard { block, index } => {
                InsertCard { block, index, card: remove_at(cards(d, block)?, index, "card")? }
            }
            ReplaceCard { block, index, card } => {
                ReplaceCard { block, index, card: replace_at(cards(d, block)?, index, card, "card")? }
            }
            MoveCard { from, to } => {
                move_between(d, cards, "card", from, to)?;
                MoveCard { from: to, to: from }
            }
            AddBlock { index, block } => {
                insert_at(&mut d.blocks, index, block)?;
                RemoveBlock { index }
            }
            RemoveBlock { index } => AddBlock { index, block: remove_at(&mut d.blocks, index, "block")? },
            RenameBlock { index, title } => {
                let b = get_mut(&mut d.blocks, index, "block")?;
                RenameBlock { index, title: std::mem::replace(&mut b.title, title) }
            }
            AddSource { index, source } => {
                insert_at(&mut d.sources, index, source)?;
                RemoveSource { index }
            }
            RemoveSource { index } => {
                AddSource { index, source: remove_at(&mut d.sources, index, "source")? }
            }
            ReplaceSource { index, source } => {
                ReplaceSource { index, source: replace_at(&mut d.sources, index, source, "source")? }
            }
            Replace(deck) => Replace(Box::new(std::mem::replace(d, *deck))),
            SetTitle(t) => SetTitle(std::mem::replace(&mut d.title, t)),
            SetDescription(t) => SetDescription(std::mem::replace(&mut d.description, t)),
            Batch(ops) => Batch(super::apply_all(ops, d, DeckOp::apply)?),
        })
    }
}
