//! Edits as values. Every change a user (or the CLI, or a test) makes to a session or a deck is an
//! [`Edit`] applied in one place, [`History::apply`], which records its exact inverse. That single
//! path gives undo/redo, replayable tests and scripted edits.
//!
//! Limitations: indices are positional, so an inverse is valid only against the state it was made
//! from; [`History`] guarantees that by undoing strictly in reverse order.

mod deck_op;
mod history;
mod lists;
mod session_op;

pub use deck_op::DeckOp;
pub use history::History;
pub use session_op::SessionOp;

use crate::model::{Deck, Session};

/// Applies `ops` in order to `target`, returning their inverses in undo order; if one fails, the
/// ones already applied are undone, so `target` is unchanged. Shared by every `Batch`.
pub(crate) fn apply_all<Op, T>(
    ops: Vec<Op>,
    target: &mut T,
    apply: impl Fn(Op, &mut T) -> Result<Op, OpError>,
) -> Result<Vec<Op>, OpError> {
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops {
        match apply(op, target) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                for inverse in inverses.into_iter().rev() {
                    let _ = apply(inverse, target);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}

/// Why an edit could not be applied; the state is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    /// An index names nothing: the edit was made against another state.
    #[error("{what} {index} does not exist (there are {len})")]
    OutOfRange {
        /// What the index counts: "section", "item", "block", "card", "source" or "position".
        what: &'static str,
        /// The index asked for.
        index: usize,
        /// How many there are.
        len: usize,
    },
    /// A deck edit names a deck that is not loaded.
    #[error("deck {0:?} is not loaded")]
    DeckNotLoaded(String),
    /// A setting outside what Casebook accepts.
    #[error("{value} {what} is outside {allowed}")]
    InvalidValue {
        /// The setting, e.g. "words per minute".
        what: &'static str,
        /// The value asked for.
        value: String,
        /// The values accepted, e.g. "50..600".
        allowed: String,
    },
}

impl OpError {
    /// [`OpError::OutOfRange`]: `what` number `index` where there are `len`.
    pub fn out_of_range(what: &'static str, index: usize, len: usize) -> Self {
        OpError::OutOfRange { what, index, len }
    }
}

/// What edits act on: the session and the decks loaded beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// The working session.
    pub session: Session,
    /// Loaded decks, in library order; ids are unique.
    pub decks: Vec<Deck>,
}

/// One user edit.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one per gesture, kept in the history; boxing buys nothing")]
pub enum Edit {
    /// An edit of the session.
    Session(SessionOp),
    /// An edit of the loaded deck with this id.
    Deck {
        /// The deck's id.
        deck: String,
        /// What to do to it.
        op: DeckOp,
    },
    /// Several edits, possibly of different decks and the session, as one undo step (moving a
    /// card between decks); applied in order, all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit to `ws` and returns its inverse; on error `ws` is unchanged.
    pub fn apply(self, ws: &mut Workspace) -> Result<Edit, OpError> {
        match self {
            Edit::Session(op) => op.apply(&mut ws.session).map(Edit::Session),
            Edit::Deck { deck, op } => {
                let target = ws
                    .decks
                    .iter_mut()
                    .find(|d| d.id == deck)
                    .ok_or_else(|| OpError::DeckNotLoaded(deck.clone()))?;
                op.apply(target).map(|op| Edit::Deck { deck, op })
            }
            Edit::Batch(edits) => apply_all(edits, ws, Edit::apply).map(Edit::Batch),
        }
    }
}
