//! Edits to a session's outlines (its cases and its rounds' speech documents), its rounds and
//! its settings, each a value with an exact inverse.

use crate::model::{
    CaseSide, DeckRef, Item, MarkedPoint, Outline, Round, RoundFacts, Section, Session, WPM_RANGE,
};

use super::OpError;
use super::lists::{get_mut, insert_at, move_between, move_within, remove_at, replace_at};

/// One edit of a session. Indices are positions at the time of applying.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionOp {
    /// Insert `section` at `index` in an outline.
    AddSection {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// Where the section goes (at most the number of sections).
        index: usize,
        /// The section to insert.
        section: Section,
    },
    /// Remove the section at `index`.
    RemoveSection {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// The section to remove.
        index: usize,
    },
    /// Give the section at `index` a new title.
    RenameSection {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// The section to retitle.
        index: usize,
        /// Its new title.
        title: String,
    },
    /// Move a section from `from` to `to` (final position).
    MoveSection {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// The section's position now.
        from: usize,
        /// Its position afterwards.
        to: usize,
    },
    /// Insert `item` into section `section` at `index`.
    InsertItem {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// The section to insert into.
        section: usize,
        /// Where in the section (at most its number of items).
        index: usize,
        /// The card or analytic to insert.
        item: Item,
    },
    /// Remove the item at `index` of section `section`.
    RemoveItem {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// The section holding the item.
        section: usize,
        /// The item's position in the section.
        index: usize,
    },
    /// Replace the item at `index` (e.g. update a card snapshot, edit an analytic).
    ReplaceItem {
        /// Which outline (a case or a speech document).
        outline: Outline,
        /// The section holding the item.
        section: usize,
        /// The item's position in the section.
        index: usize,
        /// What replaces it.
        item: Item,
    },
    /// Move an item, possibly to another section; `to` is the final (section, index).
    MoveItem {
        /// Which outline (a case or a speech document).
        outline: Outline,
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
    /// Set the decks whose arguments are this debate's positions (`None`: the default).
    SetTopic(Option<Vec<String>>),
    /// Insert a round at `index` of the session's rounds.
    AddRound {
        /// Where (at most the number of rounds).
        index: usize,
        /// The round.
        round: Box<Round>,
    },
    /// Remove the round at `index` with its speech documents.
    RemoveRound {
        /// The round's position.
        index: usize,
    },
    /// Replace the facts (tournament, opponent, …) of the round at `index`.
    SetRoundFacts {
        /// The round's position.
        index: usize,
        /// Its new facts.
        facts: Box<RoundFacts>,
    },
    /// Replace where reading stopped in the cards of a speech document.
    SetMarked {
        /// The round's position.
        round: usize,
        /// The speech's position in the round.
        speech: usize,
        /// Every marked point of the speech.
        marked: Vec<MarkedPoint>,
    },
    /// Set the prep seconds each side used in the round at `round`.
    SetPrepUsed {
        /// The round's position.
        round: usize,
        /// Seconds used by the affirmative and the negative.
        prep: [u32; 2],
    },
    /// Several edits as one undo step (a drag, a paste); applied in order.
    Batch(Vec<SessionOp>),
}

fn sections(s: &mut Session, outline: Outline) -> Result<&mut Vec<Section>, OpError> {
    if let Outline::Speech { round, speech } = outline {
        let rounds = s.rounds.len();
        let speeches =
            s.rounds.get(round).ok_or(OpError::out_of_range("round", round, rounds))?.speeches.len();
        if speech >= speeches {
            return Err(OpError::out_of_range("speech", speech, speeches));
        }
    }
    s.outline_mut(outline).ok_or(OpError::out_of_range("round", 0, 0))
}

fn items(s: &mut Session, outline: Outline, section: usize) -> Result<&mut Vec<Item>, OpError> {
    Ok(&mut get_mut(sections(s, outline)?, section, "section")?.items)
}

fn round(s: &mut Session, index: usize) -> Result<&mut Round, OpError> {
    get_mut(&mut s.rounds, index, "round")
}

impl SessionOp {
    /// Applies the edit and returns its inverse; on error the session is unchanged.
    pub fn apply(self, s: &mut Session) -> Result<SessionOp, OpError> {
        use SessionOp::*;
        Ok(match self {
            AddSection { outline, index, section } => {
                insert_at(sections(s, outline)?, index, section)?;
                RemoveSection { outline, index }
            }
            RemoveSection { outline, index } => {
                AddSection { outline, index, section: remove_at(sections(s, outline)?, index, "section")? }
            }
            RenameSection { outline, index, title } => {
                let sec = get_mut(sections(s, outline)?, index, "section")?;
                RenameSection { outline, index, title: std::mem::replace(&mut sec.title, title) }
            }
            MoveSection { outline, from, to } => {
                move_within(sections(s, outline)?, from, to, "section")?;
                MoveSection { outline, from: to, to: from }
            }
            InsertItem { outline, section, index, item } => {
                insert_at(items(s, outline, section)?, index, item)?;
                RemoveItem { outline, section, index }
            }
            RemoveItem { outline, section, index } => {
                let item = remove_at(items(s, outline, section)?, index, "item")?;
                InsertItem { outline, section, index, item }
            }
            ReplaceItem { outline, section, index, item } => {
                let old = replace_at(items(s, outline, section)?, index, item, "item")?;
                ReplaceItem { outline, section, index, item: old }
            }
            MoveItem { outline, from, to } => {
                move_between(s, |s, section| items(s, outline, section), "item", from, to)?;
                MoveItem { outline, from: to, to: from }
            }
            AddRound { index, round } => {
                insert_at(&mut s.rounds, index, *round)?;
                RemoveRound { index }
            }
            RemoveRound { index } => {
                AddRound { index, round: Box::new(remove_at(&mut s.rounds, index, "round")?) }
            }
            SetRoundFacts { index, facts } => {
                SetRoundFacts { index, facts: Box::new(round(s, index)?.set_facts(*facts)) }
            }
            SetMarked { round: r, speech, marked } => {
                let doc = get_mut(&mut round(s, r)?.speeches, speech, "speech")?;
                SetMarked { round: r, speech, marked: std::mem::replace(&mut doc.marked, marked) }
            }
            SetPrepUsed { round: r, prep } => {
                SetPrepUsed { round: r, prep: std::mem::replace(&mut round(s, r)?.prep_used, prep) }
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
            SetTopic(topic) => SetTopic(std::mem::replace(&mut s.topic, topic)),
            Batch(ops) => Batch(super::apply_all(ops, s, SessionOp::apply)?),
        })
    }
}
