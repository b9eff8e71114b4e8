//! Edits to a session's cases and settings, each a value with an exact inverse.

use crate::model::{CaseSide, DeckRef, Item, Section, Session};

use super::OpError;

/// One edit of a session. Indices are positions at the time of applying.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionOp {
    /// Insert `section` at `index` in the `side` case.
    AddSection { side: CaseSide, index: usize, section: Section },
    /// Remove the section at `index`.
    RemoveSection { side: CaseSide, index: usize },
    /// Give the section at `index` a new title.
    RenameSection { side: CaseSide, index: usize, title: String },
    /// Move a section from `from` to `to` (final position).
    MoveSection { side: CaseSide, from: usize, to: usize },
    /// Insert `item` into section `section` at `index`.
    InsertItem { side: CaseSide, section: usize, index: usize, item: Item },
    /// Remove the item at `index` of section `section`.
    RemoveItem { side: CaseSide, section: usize, index: usize },
    /// Replace the item at `index` (e.g. update a card snapshot, edit an analytic).
    ReplaceItem { side: CaseSide, section: usize, index: usize, item: Item },
    /// Move an item, possibly to another section; `to` is the final (section, index).
    MoveItem { side: CaseSide, from: (usize, usize), to: (usize, usize) },
    /// Retitle a case.
    SetCaseTitle { side: CaseSide, title: String },
    /// Set the speech length a case is built for.
    SetSpeechSeconds { side: CaseSide, seconds: u32 },
    /// Set the reading speed.
    SetWpm(u32),
    /// Replace the free notes.
    SetNotes(String),
    /// Replace the list of decks the session uses.
    SetDecks(Vec<DeckRef>),
    /// Several edits as one undo step (a drag, a paste); applied in order.
    Batch(Vec<SessionOp>),
}

fn out_of_range(what: &str, index: usize, len: usize) -> OpError {
    OpError(format!("{what} {index} does not exist (there are {len})"))
}

fn sections(s: &mut Session, side: CaseSide) -> &mut Vec<Section> {
    &mut s.case_mut(side).sections
}

fn items(s: &mut Session, side: CaseSide, section: usize) -> Result<&mut Vec<Item>, OpError> {
    let all = sections(s, side);
    let len = all.len();
    all.get_mut(section).map(|s| &mut s.items).ok_or_else(|| out_of_range("section", section, len))
}

impl SessionOp {
    /// Applies the edit and returns its inverse; on error the session is unchanged.
    pub fn apply(self, s: &mut Session) -> Result<SessionOp, OpError> {
        use SessionOp::*;
        Ok(match self {
            AddSection { side, index, section } => {
                let all = sections(s, side);
                if index > all.len() {
                    return Err(out_of_range("position", index, all.len()));
                }
                all.insert(index, section);
                RemoveSection { side, index }
            }
            RemoveSection { side, index } => {
                let all = sections(s, side);
                if index >= all.len() {
                    return Err(out_of_range("section", index, all.len()));
                }
                AddSection { side, index, section: all.remove(index) }
            }
            RenameSection { side, index, title } => {
                let all = sections(s, side);
                let len = all.len();
                let sec = all.get_mut(index).ok_or_else(|| out_of_range("section", index, len))?;
                RenameSection { side, index, title: std::mem::replace(&mut sec.title, title) }
            }
            MoveSection { side, from, to } => {
                let all = sections(s, side);
                if from >= all.len() || to >= all.len() {
                    return Err(out_of_range("section", from.max(to), all.len()));
                }
                let sec = all.remove(from);
                all.insert(to, sec);
                MoveSection { side, from: to, to: from }
            }
            InsertItem { side, section, index, item } => {
                let list = items(s, side, section)?;
                if index > list.len() {
                    return Err(out_of_range("position", index, list.len()));
                }
                list.insert(index, item);
                RemoveItem { side, section, index }
            }
            RemoveItem { side, section, index } => {
                let list = items(s, side, section)?;
                if index >= list.len() {
                    return Err(out_of_range("item", index, list.len()));
                }
                InsertItem { side, section, index, item: list.remove(index) }
            }
            ReplaceItem { side, section, index, item } => {
                let list = items(s, side, section)?;
                let len = list.len();
                let slot = list.get_mut(index).ok_or_else(|| out_of_range("item", index, len))?;
                ReplaceItem { side, section, index, item: std::mem::replace(slot, item) }
            }
            MoveItem { side, from, to } => {
                let from_len = items(s, side, from.0)?.len();
                if from.1 >= from_len {
                    return Err(out_of_range("item", from.1, from_len));
                }
                let to_len = items(s, side, to.0)?.len() - usize::from(from.0 == to.0);
                if to.1 > to_len {
                    return Err(out_of_range("position", to.1, to_len));
                }
                let item = items(s, side, from.0)?.remove(from.1);
                items(s, side, to.0)?.insert(to.1, item);
                MoveItem { side, from: to, to: from }
            }
            SetCaseTitle { side, title } => {
                SetCaseTitle { side, title: std::mem::replace(&mut s.case_mut(side).title, title) }
            }
            SetSpeechSeconds { side, seconds } => SetSpeechSeconds {
                side,
                seconds: std::mem::replace(&mut s.case_mut(side).speech_seconds, seconds),
            },
            SetWpm(wpm) => {
                if !(50..=600).contains(&wpm) {
                    return Err(OpError(format!("{wpm} words per minute is outside 50..600")));
                }
                SetWpm(std::mem::replace(&mut s.wpm, wpm))
            }
            SetNotes(notes) => SetNotes(std::mem::replace(&mut s.notes, notes)),
            SetDecks(decks) => SetDecks(std::mem::replace(&mut s.decks, decks)),
            Batch(ops) => Batch(super::apply_all(ops, s, SessionOp::apply)?),
        })
    }
}
