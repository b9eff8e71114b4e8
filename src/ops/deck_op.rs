//! Edits to a deck's blocks, cards and sources, each a value with an exact inverse.

use crate::model::deck_outline::{shift_for_insertion, shift_for_removal};
use crate::model::{Block, Card, Deck, Source};

use super::OpError;
use super::lists::{get_mut, insert_at, move_between, remove_at, replace_at};

/// One edit of a deck. Indices are positions at the time of applying.
#[derive(Clone, Debug, PartialEq)]
pub enum DeckOp {
    /// Insert `card` into block `block` at `index`; the block's asides standing before `index`
    /// stand before the new card.
    InsertCard {
        /// The block to insert into.
        block: usize,
        /// Where in the block (at most its number of cards).
        index: usize,
        /// The card to insert.
        card: Card,
    },
    /// Insert `card` at `index` with only the first `asides` of the asides standing before
    /// `index` before it: the exact inverse of a [`DeckOp::RemoveCard`].
    ReinsertCard {
        /// The block to insert into.
        block: usize,
        /// Where in the block.
        index: usize,
        /// The card to insert.
        card: Card,
        /// How many asides stood before the removed card.
        asides: usize,
    },
    /// Remove the card at `index` of block `block`; asides before it then stand before the next.
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
    /// Move a card, possibly to another block; `to` is the final (block, index). Asides stay.
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

/// Inserts `card` at `index` of `block`, the first `take` asides before `index` going before it.
fn insert_card(d: &mut Deck, block: usize, index: usize, card: Card, take: usize) -> Result<(), OpError> {
    let b = get_mut(&mut d.blocks, block, "block")?;
    insert_at(&mut b.cards, index, card)?;
    shift_for_insertion(&mut b.asides, index, take);
    Ok(())
}

/// Removes the card at `index` of `block`: the card and how many asides stood before it.
fn remove_card(d: &mut Deck, block: usize, index: usize) -> Result<(Card, usize), OpError> {
    let b = get_mut(&mut d.blocks, block, "block")?;
    let card = remove_at(&mut b.cards, index, "card")?;
    Ok((card, shift_for_removal(&mut b.asides, index)))
}

impl DeckOp {
    /// Applies the edit and returns its inverse; on error the deck is unchanged.
    pub fn apply(self, d: &mut Deck) -> Result<DeckOp, OpError> {
        use DeckOp::*;
        Ok(match self {
            InsertCard { block, index, card } => {
                insert_card(d, block, index, card, usize::MAX)?;
                RemoveCard { block, index }
            }
            ReinsertCard { block, index, card, asides } => {
                insert_card(d, block, index, card, asides)?;
                RemoveCard { block, index }
            }
            RemoveCard { block, index } => {
                let (card, asides) = remove_card(d, block, index)?;
                ReinsertCard { block, index, card, asides }
            }
            ReplaceCard { block, index, card } => {
                ReplaceCard { block, index, card: replace_at(cards(d, block)?, index, card, "card")? }
            }
            MoveCard { from, to } => {
                move_between(d, cards, "card", from, to)?;
                let own = shift_for_removal(&mut d.blocks[from.0].asides, from.1);
                shift_for_insertion(&mut d.blocks[to.0].asides, to.1, 0);
                if own == 0 {
                    MoveCard { from: to, to: from }
                } else {
                    // Back where it was, with the asides that stood before it.
                    let card = d.blocks[to.0].cards[to.1].clone();
                    Batch(vec![
                        RemoveCard { block: to.0, index: to.1 },
                        ReinsertCard { block: from.0, index: from.1, card, asides: own },
                    ])
                }
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
