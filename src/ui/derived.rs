//! Values derived from the session and decks, computed once per change instead of every frame:
//! reading figures per case and section, and how each case card compares with its deck.

use std::collections::HashMap;

use crate::model::{CaseSide, Deck, Item, Session, timing};
use crate::workspace::{CardStatus, card_status};

/// Reading figures of one case.
#[derive(Clone, Debug, Default)]
pub struct CaseFigures {
    /// The whole case.
    pub total: timing::Reading,
    /// Each section, in order.
    pub sections: Vec<timing::Reading>,
}

/// The cache and the state revision it was computed for.
#[derive(Default)]
pub struct Derived {
    key: Option<(u64, u64)>,
    aff: CaseFigures,
    neg: CaseFigures,
    statuses: HashMap<(CaseSide, usize, usize), CardStatus>,
}

impl Derived {
    /// Recomputes if `key` (history revision, load counter) changed since last time.
    pub fn refresh(&mut self, key: (u64, u64), session: &Session, decks: &[Deck]) {
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.statuses.clear();
        for side in [CaseSide::Aff, CaseSide::Neg] {
            let case = session.case(side);
            let figures = CaseFigures {
                total: timing::case(case, session.wpm),
                sections: case.sections.iter().map(|s| timing::section(s, session.wpm)).collect(),
            };
            match side {
                CaseSide::Aff => self.aff = figures,
                CaseSide::Neg => self.neg = figures,
            }
            for (s, section) in case.sections.iter().enumerate() {
                for (i, item) in section.items.iter().enumerate() {
                    if let Item::Card { deck, card, .. } = item {
                        self.statuses.insert((side, s, i), card_status(deck, card, decks));
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

    /// How the card at (side, section, index) compares with its deck.
    pub fn status(&self, side: CaseSide, section: usize, index: usize) -> CardStatus {
        self.statuses.get(&(side, section, index)).copied().unwrap_or(CardStatus::Current)
    }
}
