//! Edits to a deck's blocks, cards and sources, each a value with an exact inverse.

use crate::model::{Block, Card, Deck, Source};

use super::OpError;

/// One edit of a deck. Indices are positions at the time of applying.
#[derive(Clone, Debug, PartialEq)]
pub enum DeckOp {
    /// Insert `card` into block `block` at `index`.
    InsertCard { block: usize, index: usize, card: Card },
    /// Remove the card at `index` of block `block`.
    RemoveCard { block: usize, index: usize },
    /// Replace a card (tag, marks, labels, side, note, quote edits).
    ReplaceCard { block: usize, index: usize, card: Card },
    /// Move a card, possibly to another block; `to` is the final (block, index).
    MoveCard { from: (usize, usize), to: (usize, usize) },
    /// Insert a block at `index`.
    AddBlock { index: usize, block: Block },
    /// Remove the block at `index` with its cards.
    RemoveBlock { index: usize },
    /// Retitle a block.
    RenameBlock { index: usize, title: String },
    /// Insert a source at `index`.
    AddSource { index: usize, source: Source },
    /// Remove the source at `index`.
    RemoveSource { index: usize },
    /// Replace a source's citation facts.
    ReplaceSource { index: usize, source: Source },
    /// Retitle the deck.
    SetTitle(String),
    /// Replace the deck's description.
    SetDescription(String),
    /// Replace the whole deck (an accepted import review); the inverse restores it.
    Replace(Box<Deck>),
    /// Several edits as one undo step; applied in order.
    Batch(Vec<DeckOp>),
}

fn missing(what: &str, index: usize, len: usize) -> OpError {
    OpError(format!("{what} {index} does not exist (there are {len})"))
}

fn cards(d: &mut Deck, block: usize) -> Result<&mut Vec<Card>, OpError> {
    let len = d.blocks.len();
    d.blocks.get_mut(block).map(|b| &mut b.cards).ok_or_else(|| missing("block", block, len))
}

fn insert_at<T>(list: &mut Vec<T>, index: usize, value: T) -> Result<(), OpError> {
    if index > list.len() {
        return Err(missing("position", index, list.len()));
    }
    list.insert(index, value);
    Ok(())
}

fn remove_at<T>(list: &mut Vec<T>, index: usize, what: &str) -> Result<T, OpError> {
    if index >= list.len() {
        return Err(missing(what, index, list.len()));
    }
    Ok(list.remove(index))
}

fn replace_at<T>(list: &mut [T], index: usize, value: T, what: &str) -> Result<T, OpError> {
    let len = list.len();
    let slot = list.get_mut(index).ok_or_else(|| missing(what, index, len))?;
    Ok(std::mem::replace(slot, value))
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
                let from_len = cards(d, from.0)?.len();
                if from.1 >= from_len {
                    return Err(missing("card", from.1, from_len));
                }
                let to_len = cards(d, to.0)?.len() - usize::from(from.0 == to.0);
                if to.1 > to_len {
                    return Err(missing("position", to.1, to_len));
                }
                let card = cards(d, from.0)?.remove(from.1);
                cards(d, to.0)?.insert(to.1, card);
                MoveCard { from: to, to: from }
            }
            AddBlock { index, block } => {
                insert_at(&mut d.blocks, index, block)?;
                RemoveBlock { index }
            }
            RemoveBlock { index } => AddBlock { index, block: remove_at(&mut d.blocks, index, "block")? },
            RenameBlock { index, title } => {
                let len = d.blocks.len();
                let b = d.blocks.get_mut(index).ok_or_else(|| missing("block", index, len))?;
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
