//! Values derived from the session and decks, computed once per change instead of every frame:
//! reading figures per case and section, and how each case card compares with its deck.

use std::collections::HashMap;

use crate::model::{CaseSide, Deck, Item, Session, timing};
use crate::workspace::{CardStatus, card_status};

use super::identity::{Identities, ItemId};

/// Reading figures of one case.
#[derive(Clone, Debug, Default)]
pub struct CaseFigures {
    /// The whole case.
    pub total: timing::Reading,
    /// Each section, in order.
    pub sections: Vec<timing::Reading>,
}

/// The figures and card states of the current state.
#[derive(Default)]
pub(super) struct Derived {
    aff: CaseFigures,
    neg: CaseFigures,
    statuses: HashMap<ItemId, CardStatus>,
}

impl Derived {
    /// Recomputes everything from `session` and `decks`.
    pub fn refresh(&mut self, session: &Session, decks: &[Deck], ids: &Identities) {
        self.statuses.clear();
        for side in [CaseSide::Aff, CaseSide::Neg] {
            let case = session.case(side);
            let figures = CaseFigures {
                total: timing::case(case, session.counting, session.wpm),
                sections: case
                    .sections
                    .iter()
                    .map(|s| timing::section(s, session.counting, session.wpm))
                    .collect(),
            };
            match side {
                CaseSide::Aff => self.aff = figures,
                CaseSide::Neg => self.neg = figures,
            }
            for (s, section) in case.sections.iter().enumerate() {
                for (i, item) in section.items.iter().enumerate() {
                    if let (Item::Card { deck, card, .. }, Some(id)) = (item, ids.item_at(side, s, i)) {
                        self.statuses.insert(id, card_status(deck, card, decks));
                    }
                }
            }
        }
    }

    /// Figures of the `side` case.
    pub fn case(&self, side: CaseSide) -> &CaseFigures {
        match side {
            CaseSide::Aff => &self.aff,
            CaseSide::Neg => &self.neg,
        }
    }

    /// How the card item compares with its deck.
    pub fn status(&self, item: ItemId) -> CardStatus {
        self.statuses.get(&item).copied().unwrap_or(CardStatus::Current)
    }
}
