//! Edits to a session's cases and settings, each a value with an exact inverse.

use crate::model::{CaseSide, DeckRef, Item, Section, Session, WPM_RANGE};

use super::OpError;
use super::lists::{get_mut, insert_at, move_between, move_within, remove_at, replace_at};

/// One edit of a session. Indices are positions at the time of applying.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionOp {
    /// Insert `section` at `index` in the `side` case.
    AddSection {
        /// Which case.
        side: CaseSide,
        /// Where the section goes (at most the number of sections).
        index: usize,
        /// The section to insert.
        section: Section,
    },
    /// Remove the section at `index`.
    RemoveSection {
        /// Which case.
        side: CaseSide,
        /// The section to remove.
        index: usize,
    },
    /// Give the section at `index` a new title.
    RenameSection {
        /// Which case.
        side: CaseSide,
        /// The section to retitle.
        index: usize,
        /// Its new title.
        title: String,
    },
    /// Move a section from `from` to `to` (final position).
    MoveSection {
        /// Which case.
        side: CaseSide,
        /// The section's position now.
        from: usize,
        /// Its position afterwards.
        to: usize,
    },
    /// Insert `item` into section `section` at `index`.
    InsertItem {
        /// Which case.
        side: CaseSide,
        /// The section to insert into.
        section: usize,
        /// Where in the section (at most its number of items).
        index: usize,
        /// The card or analytic to insert.
        item: Item,
    },
    /// Remove the item at `index` of section `section`.
    RemoveItem {
        /// Which case.
        side: CaseSide,
        /// The section holding the item.
        section: usize,
        /// The item's position in the section.
        index: usize,
    },
    /// Replace the item at `index` (e.g. update a card snapshot, edit an analytic).
    ReplaceItem {
        /// Which case.
        side: CaseSide,
        /// The section holding the item.
        section: usize,
        /// The item's position in the section.
        index: usize,
        /// What replaces it.
        item: Item,
    },
    /// Move an item, possibly to another section; `to` is the final (section, index).
    MoveItem {
        /// Which case.
        side: CaseSide,
        /// The item's (section, index) now.
        from: (usize, usize),
        /// Its (section, index) afterwards.
        to: (usize, usize),
    },
    /// Retitle a case.
    SetCaseTitle {
        /// Which case.
        side: CaseSide,
        /// Its new title.
        title: String,
    },
    /// Set the speech length a case is built for.
    SetSpeechSeconds {
        /// Which case.
        side: CaseSide,
        /// The speech length in seconds.
        seconds: u32,
    },
    /// Set the reading speed (words per minute, within [`WPM_RANGE`]).
    SetWpm(u32),
    /// Replace the free notes.
    SetNotes(String),
    /// Set what counts as read aloud besides highlighted text.
    SetCounting(crate::model::timing::Counting),
    /// Replace the list of decks the session uses.
    SetDecks(Vec<DeckRef>),
    /// Several edits as one undo step (a drag, a paste); applied in order.
    Batch(Vec<SessionOp>),
}

fn sections(s: &mut Session, side: CaseSide) -> &mut Vec<Section> {
    &mut s.case_mut(side).sections
}

fn items(s: &mut Session, side: CaseSide, section: usize) -> Result<&mut Vec<Item>, OpError> {
    Ok(&mut get_mut(sections(s, side), section, "section")?.items)
}

impl SessionOp {
    /// Applies the edit and returns its inverse; on error the session is unchanged.
    pub fn apply(self, s: &mut Session) -> Result<SessionOp, OpError> {
        use SessionOp::*;
        Ok(match self {
            AddSection { side, index, section } => {
                insert_at(sections(s, side), index, section)?;
                RemoveSection { side, index }
            }
            RemoveSection { side, index } => {
                AddSection { side, index, section: remove_at(sections(s, side), index, "section")? }
            }
            RenameSection { side, index, title } => {
                let sec = get_mut(sections(s, side), index, "section")?;
                RenameSection { side, index, title: std::mem::replace(&mut sec.title, title) }
            }
            MoveSection { side, from, to } => {
                move_within(sections(s, side), from, to, "section")?;
                MoveSection { side, from: to, to: from }
            }
            InsertItem { side, section, index, item } => {
                insert_at(items(s, side, section)?, index, item)?;
                RemoveItem { side, section, index }
            }
            RemoveItem { side, section, index } => {
                InsertItem { side, section, index, item: remove_at(items(s, side, section)?, index, "item")? }
            }
            ReplaceItem { side, section, index, item } => {
                let old = replace_at(items(s, side, section)?, index, item, "item")?;
                ReplaceItem { side, section, index, item: old }
            }
            MoveItem { side, from, to } => {
                move_between(s, |s, section| items(s, side, section), "item", from, to)?;
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
                if !WPM_RANGE.contains(&wpm) {
                    return Err(OpError::InvalidValue {
                        what: "words per minute",
                        value: wpm.to_string(),
                        allowed: format!("{}..{}", WPM_RANGE.start(), WPM_RANGE.end()),
                    });
                }
                SetWpm(std::mem::replace(&mut s.wpm, wpm))
            }
            SetNotes(notes) => SetNotes(std::mem::replace(&mut s.notes, notes)),
            SetCounting(counting) => SetCounting(std::mem::replace(&mut s.counting, counting)),
            SetDecks(decks) => SetDecks(std::mem::replace(&mut s.decks, decks)),
            Batch(ops) => Batch(super::apply_all(ops, s, SessionOp::apply)?),
        })
    }
}
