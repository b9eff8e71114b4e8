//! Identities of case sections and items that survive edits, undo and redo.
//!
//! A session file stores sections and items by position; the window must name them by who they
//! are, so a selection still means the same item after the item above it was removed or an edit
//! was undone. [`Identities`] mirrors the structure of both cases with a runtime id per section
//! and item, and follows every applied [`SessionOp`] structurally: a moved item keeps its id, an
//! inserted one gets a fresh id, and undoing a removal gives the item back its old id. Ids are
//! never saved: they are fresh for every opened session.

use crate::model::{CaseSide, Session};
use crate::ops::{Edit, SessionOp};

/// Identity of a case item (card or analytic) for as long as the session is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(u64);

/// Identity of a case section for as long as the session is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(u64);

#[derive(Clone, Debug)]
struct SectionIds {
    id: SectionId,
    items: Vec<ItemId>,
}

/// The ids of every section and item of both cases, in the session's order.
#[derive(Clone, Debug, Default)]
pub struct Identities {
    next: u64,
    cases: [Vec<SectionIds>; 2],
    /// Ids of removed items and sections, newest last, so undoing a removal restores them.
    removed_items: Vec<((CaseSide, usize, usize), ItemId)>,
    removed_sections: Vec<((CaseSide, usize), SectionIds)>,
}

fn slot(side: CaseSide) -> usize {
    usize::from(side == CaseSide::Neg)
}

impl Identities {
    /// Fresh ids for every section and item of `session`; `first` keeps ids of successive
    /// sessions apart (a stale selection never names an item of another session).
    pub fn for_session(session: &Session, first: u64) -> Identities {
        let mut ids = Identities { next: first, ..Identities::default() };
        for side in [CaseSide::Aff, CaseSide::Neg] {
            for section in &session.case(side).sections {
                let entry = ids.fresh_section(section.items.len());
                ids.cases[slot(side)].push(entry);
            }
        }
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

    /// The id of the item at `index` of section `section` of the `side` case.
    pub fn item_at(&self, side: CaseSide, section: usize, index: usize) -> Option<ItemId> {
        self.cases[slot(side)].get(section)?.items.get(index).copied()
    }

    /// The id of section `section` of the `side` case.
    pub fn section_at(&self, side: CaseSide, section: usize) -> Option<SectionId> {
        self.cases[slot(side)].get(section).map(|s| s.id)
    }

    /// Where the item is now: case, section index, item index.
    pub fn locate_item(&self, id: ItemId) -> Option<(CaseSide, usize, usize)> {
        for side in [CaseSide::Aff, CaseSide::Neg] {
            for (s, section) in self.cases[slot(side)].iter().enumerate() {
                if let Some(i) = section.items.iter().position(|&x| x == id) {
                    return Some((side, s, i));
                }
            }
        }
        None
    }

    /// Where the section is now: case and index.
    pub fn locate_section(&self, id: SectionId) -> Option<(CaseSide, usize)> {
        for side in [CaseSide::Aff, CaseSide::Neg] {
            if let Some(s) = self.cases[slot(side)].iter().position(|x| x.id == id) {
                return Some((side, s));
            }
        }
        None
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
            AddSection { side, index, section } => {
                let revived = restoring
                    .then(|| self.removed_sections.last().filter(|(at, _)| *at == (*side, *index)))
                    .flatten()
                    .filter(|(_, ids)| ids.items.len() == section.items.len())
                    .is_some();
                let entry = if revived { self.removed_sections.pop().map(|(_, ids)| ids) } else { None };
                let entry = entry.unwrap_or_else(|| self.fresh_section(section.items.len()));
                let list = &mut self.cases[slot(*side)];
                let index = (*index).min(list.len());
                list.insert(index, entry);
            }
            RemoveSection { side, index } => {
                let list = &mut self.cases[slot(*side)];
                if *index < list.len() {
                    let removed = list.remove(*index);
                    self.removed_sections.push(((*side, *index), removed));
                }
            }
            MoveSection { side, from, to } => {
                let list = &mut self.cases[slot(*side)];
                if *from < list.len() && *to < list.len() {
                    let s = list.remove(*from);
                    list.insert(*to, s);
                }
            }
            InsertItem { side, section, index, .. } => {
                let at = (*side, *section, *index);
                let revived = restoring && self.removed_items.last().is_some_and(|(p, _)| *p == at);
                let id = if revived { self.removed_items.pop().map(|(_, id)| id) } else { None };
                let id = id.unwrap_or_else(|| ItemId(self.fresh()));
                if let Some(list) = self.cases[slot(*side)].get_mut(*section) {
                    let index = (*index).min(list.items.len());
                    list.items.insert(index, id);
                }
            }
            RemoveItem { side, section, index } => {
                if let Some(list) = self.cases[slot(*side)].get_mut(*section)
                    && *index < list.items.len()
                {
                    let id = list.items.remove(*index);
                    self.removed_items.push(((*side, *section, *index), id));
                }
            }
            MoveItem { side, from, to } => {
                let list = &mut self.cases[slot(*side)];
                let Some(id) = list.get(from.0).and_then(|s| s.items.get(from.1)).copied() else { return };
                list[from.0].items.remove(from.1);
                if let Some(target) = list.get_mut(to.0) {
                    let index = to.1.min(target.items.len());
                    target.items.insert(index, id);
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
            | SetDecks(_) => {}
        }
    }

    /// Whether the ids have exactly the shape of `session` (a check for tests and debugging).
    pub fn matches(&self, session: &Session) -> bool {
        [CaseSide::Aff, CaseSide::Neg].into_iter().all(|side| {
            let ids = &self.cases[slot(side)];
            let sections = &session.case(side).sections;
            ids.len() == sections.len()
                && ids.iter().zip(sections).all(|(i, s)| i.items.len() == s.items.len())
        })
    }
}
