//! Identities of rounds, sections and items that survive edits, undo and redo.
//!
//! A session file stores rounds, sections and items by position; the window must name them by
//! who they are, so a selection still means the same item after the item above it was removed or
//! an edit was undone. [`Identities`] mirrors the structure of both cases and of every round's
//! speech documents with a runtime id per round, section and item, and follows every applied [`SessionOp`] structurally: a moved item keeps its id, an
//! inserted one gets a fresh id, and undoing a removal gives the item back its old id. Ids are
//! never saved: they are fresh for every opened session.

use crate::model::{CaseSide, Outline, Session};
use crate::ops::{Edit, SessionOp};

/// Identity of an outline item (card or analytic) for as long as the session is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(u64);

/// Identity of an outline section for as long as the session is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(u64);

/// Identity of a round for as long as the session is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoundId(u64);

/// A speech document: its round, and its position among the round's speeches (which never
/// change once the round exists).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpeechId {
    /// The round.
    pub round: RoundId,
    /// The speech's position in the round.
    pub speech: usize,
}

/// An outline named by identity: a prepared case, or a round's speech document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutlineId {
    /// The affirmative or negative case.
    Case(CaseSide),
    /// A speech document.
    Speech(SpeechId),
}

impl From<CaseSide> for OutlineId {
    fn from(side: CaseSide) -> Self {
        OutlineId::Case(side)
    }
}

#[derive(Clone, Debug)]
struct SectionIds {
    id: SectionId,
    items: Vec<ItemId>,
}

#[derive(Clone, Debug)]
struct RoundIds {
    id: RoundId,
    speeches: Vec<Vec<SectionIds>>,
}

/// The ids of every round, section and item of the session's outlines, in the session's order.
#[derive(Clone, Debug, Default)]
pub struct Identities {
    next: u64,
    cases: [Vec<SectionIds>; 2],
    rounds: Vec<RoundIds>,
    /// Ids of removed items, sections and rounds, newest last, so undoing a removal restores them.
    removed_items: Vec<((Outline, usize, usize), ItemId)>,
    removed_sections: Vec<((Outline, usize), SectionIds)>,
    removed_rounds: Vec<(usize, RoundIds)>,
}

fn slot(side: CaseSide) -> usize {
    usize::from(side == CaseSide::Neg)
}

impl Identities {
    /// Fresh ids for every round, section and item of `session`; `first` keeps ids of
    /// successive sessions apart (a stale selection never names an item of another session).
    pub fn for_session(session: &Session, first: u64) -> Identities {
        let mut ids = Identities { next: first, ..Identities::default() };
        for side in [CaseSide::Aff, CaseSide::Neg] {
            ids.cases[slot(side)] = ids.fresh_outline(&session.case(side).sections);
        }
        ids.rounds = session.rounds.iter().map(|r| ids.fresh_round(r)).collect();
        ids
    }

    /// The next unused id number (to start the ids of another session after these).
    pub fn next_number(&self) -> u64 {
        self.next
    }

    fn fresh(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    fn fresh_section(&mut self, items: usize) -> SectionIds {
        let id = SectionId(self.fresh());
        SectionIds { id, items: (0..items).map(|_| ItemId(self.fresh())).collect() }
    }

    fn fresh_outline(&mut self, sections: &[crate::model::Section]) -> Vec<SectionIds> {
        sections.iter().map(|s| self.fresh_section(s.items.len())).collect()
    }

    fn fresh_round(&mut self, round: &crate::model::Round) -> RoundIds {
        let id = RoundId(self.fresh());
        RoundIds { id, speeches: round.speeches.iter().map(|s| self.fresh_outline(&s.sections)).collect() }
    }

    fn outline(&self, outline: Outline) -> Option<&Vec<SectionIds>> {
        match outline {
            Outline::Case(side) => Some(&self.cases[slot(side)]),
            Outline::Speech { round, speech } => self.rounds.get(round)?.speeches.get(speech),
        }
    }

    fn outline_mut(&mut self, outline: Outline) -> Option<&mut Vec<SectionIds>> {
        match outline {
            Outline::Case(side) => Some(&mut self.cases[slot(side)]),
            Outline::Speech { round, speech } => self.rounds.get_mut(round)?.speeches.get_mut(speech),
        }
    }

    fn outlines(&self) -> impl Iterator<Item = (Outline, &Vec<SectionIds>)> {
        let cases = [CaseSide::Aff, CaseSide::Neg].map(|side| (Outline::Case(side), &self.cases[slot(side)]));
        let speeches = self.rounds.iter().enumerate().flat_map(|(round, r)| {
            r.speeches.iter().enumerate().map(move |(speech, s)| (Outline::Speech { round, speech }, s))
        });
        cases.into_iter().chain(speeches)
    }

    /// The id of the item at `index` of section `section` of `outline`.
    pub fn item_at(&self, outline: impl Into<Outline>, section: usize, index: usize) -> Option<ItemId> {
        self.outline(outline.into())?.get(section)?.items.get(index).copied()
    }

    /// The id of section `section` of `outline`.
    pub fn section_at(&self, outline: impl Into<Outline>, section: usize) -> Option<SectionId> {
        self.outline(outline.into())?.get(section).map(|s| s.id)
    }

    /// Where the item is now: outline, section index, item index.
    pub fn locate_item(&self, id: ItemId) -> Option<(Outline, usize, usize)> {
        self.outlines().find_map(|(outline, sections)| {
            sections
                .iter()
                .enumerate()
                .find_map(|(s, section)| section.items.iter().position(|&x| x == id).map(|i| (outline, s, i)))
        })
    }

    /// Where the section is now: outline and index.
    pub fn locate_section(&self, id: SectionId) -> Option<(Outline, usize)> {
        self.outlines()
            .find_map(|(outline, sections)| sections.iter().position(|x| x.id == id).map(|s| (outline, s)))
    }

    /// The id of the round at `index`.
    pub fn round_at(&self, index: usize) -> Option<RoundId> {
        self.rounds.get(index).map(|r| r.id)
    }

    /// Where the round is now.
    pub fn locate_round(&self, id: RoundId) -> Option<usize> {
        self.rounds.iter().position(|r| r.id == id)
    }

    /// The outline of a speech document, if its round still exists and has that speech.
    pub fn speech_outline(&self, speech: SpeechId) -> Option<Outline> {
        let round = self.locate_round(speech.round)?;
        (speech.speech < self.rounds[round].speeches.len())
            .then_some(Outline::Speech { round, speech: speech.speech })
    }

    /// The outline an [`OutlineId`] names, if it still exists.
    pub fn resolve(&self, outline: OutlineId) -> Option<Outline> {
        match outline {
            OutlineId::Case(side) => Some(Outline::Case(side)),
            OutlineId::Speech(speech) => self.speech_outline(speech),
        }
    }

    /// The speech document an outline is, if it is one.
    pub fn speech_id(&self, outline: Outline) -> Option<SpeechId> {
        match outline {
            Outline::Speech { round, speech } => Some(SpeechId { round: self.round_at(round)?, speech }),
            Outline::Case(_) => None,
        }
    }

    /// Follows an applied edit. `restoring` is true for undo and redo, whose insertions put
    /// back what an earlier removal took out (with its old id).
    pub fn follow(&mut self, edit: &Edit, restoring: bool) {
        match edit {
            Edit::Session(op) => self.follow_op(op, restoring),
            Edit::Deck { .. } => {}
            Edit::Batch(edits) => edits.iter().for_each(|e| self.follow(e, restoring)),
        }
    }

    fn follow_op(&mut self, op: &SessionOp, restoring: bool) {
        use SessionOp::*;
        match op {
            AddSection { outline, index, section } => {
                let at = (*outline, *index);
                let revived = restoring
                    && self
                        .removed_sections
                        .last()
                        .is_some_and(|(p, ids)| *p == at && ids.items.len() == section.items.len());
                let entry = if revived { self.removed_sections.pop().map(|(_, ids)| ids) } else { None };
                let entry = entry.unwrap_or_else(|| self.fresh_section(section.items.len()));
                if let Some(list) = self.outline_mut(*outline) {
                    let index = (*index).min(list.len());
                    list.insert(index, entry);
                }
            }
            RemoveSection { outline, index } => {
                if let Some(list) = self.outline_mut(*outline)
                    && *index < list.len()
                {
                    let removed = list.remove(*index);
                    self.removed_sections.push(((*outline, *index), removed));
                }
            }
            MoveSection { outline, from, to } => {
                if let Some(list) = self.outline_mut(*outline)
                    && *from < list.len()
                    && *to < list.len()
                {
                    let s = list.remove(*from);
                    list.insert(*to, s);
                }
            }
            InsertItem { outline, section, index, .. } => {
                let at = (*outline, *section, *index);
                let revived = restoring && self.removed_items.last().is_some_and(|(p, _)| *p == at);
                let id = if revived { self.removed_items.pop().map(|(_, id)| id) } else { None };
                let id = id.unwrap_or_else(|| ItemId(self.fresh()));
                if let Some(list) = self.outline_mut(*outline).and_then(|o| o.get_mut(*section)) {
                    let index = (*index).min(list.items.len());
                    list.items.insert(index, id);
                }
            }
            RemoveItem { outline, section, index } => {
                if let Some(list) = self.outline_mut(*outline).and_then(|o| o.get_mut(*section))
                    && *index < list.items.len()
                {
                    let id = list.items.remove(*index);
                    self.removed_items.push(((*outline, *section, *index), id));
                }
            }
            MoveItem { outline, from, to } => {
                let Some(list) = self.outline_mut(*outline) else { return };
                let Some(id) = list.get(from.0).and_then(|s| s.items.get(from.1)).copied() else { return };
                list[from.0].items.remove(from.1);
                if let Some(target) = list.get_mut(to.0) {
                    let index = to.1.min(target.items.len());
                    target.items.insert(index, id);
                }
            }
            AddRound { index, round } => {
                let revived = restoring && self.removed_rounds.last().is_some_and(|(at, _)| at == index);
                let entry = if revived { self.removed_rounds.pop().map(|(_, ids)| ids) } else { None };
                let entry = entry.unwrap_or_else(|| self.fresh_round(round));
                let index = (*index).min(self.rounds.len());
                self.rounds.insert(index, entry);
            }
            RemoveRound { index } => {
                if *index < self.rounds.len() {
                    let removed = self.rounds.remove(*index);
                    self.removed_rounds.push((*index, removed));
                }
            }
            Batch(ops) => ops.iter().for_each(|o| self.follow_op(o, restoring)),
            RenameSection { .. }
            | ReplaceItem { .. }
            | SetCaseTitle { .. }
            | SetSpeechSeconds { .. }
            | SetWpm(_)
            | SetNotes(_)
            | SetCounting(_)
            | SetDecks(_)
            | SetTopic(_)
            | SetRoundFacts { .. }
            | SetMarked { .. }
            | SetPrepUsed { .. } => {}
        }
    }

    /// Whether the ids have exactly the shape of `session` (a check for tests and debugging).
    pub fn matches(&self, session: &Session) -> bool {
        let outlines: Vec<Outline> = session.outlines().collect();
        outlines.len() == self.outlines().count()
            && outlines.into_iter().all(|o| match (self.outline(o), session.outline(o)) {
                (Some(ids), Some(sections)) => {
                    ids.len() == sections.len()
                        && ids.iter().zip(sections).all(|(i, s)| i.items.len() == s.items.len())
                }
                _ => false,
            })
    }
}
