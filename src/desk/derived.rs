//! Values derived from the session and decks, computed once per change instead of every frame:
//! reading figures per outline (case or speech document) and section, how each outline card
//! compares with its deck, and how ready each outline is for the other side's arguments.

use std::collections::HashMap;

use crate::model::{Deck, Item, Outline, Session, timing};
use crate::workspace::{CardStatus, card_status};

use super::identity::{Identities, ItemId};

/// Reading figures of one outline (a case or a speech document).
#[derive(Clone, Debug, Default)]
pub struct CaseFigures {
    /// The whole outline.
    pub total: timing::Reading,
    /// Each section, in order.
    pub sections: Vec<timing::Reading>,
}

/// The figures and card states of the current state.
#[derive(Default)]
pub(super) struct Derived {
    outlines: HashMap<Outline, CaseFigures>,
    statuses: HashMap<ItemId, CardStatus>,
    empty: CaseFigures,
    /// The arguments each side runs in the loaded decks, with their answers (aff, neg).
    clash: [crate::clash::ClashIndex; 2],
    /// How ready each outline is for the other side's arguments: that side, and the coverage.
    coverage: HashMap<Outline, (crate::model::Side, Vec<crate::clash::ArgumentCoverage>)>,
}

impl Derived {
    /// Recomputes everything from `session` and `decks`.
    pub fn refresh(&mut self, session: &Session, decks: &[Deck], ids: &Identities) {
        self.statuses.clear();
        self.outlines.clear();
        self.coverage.clear();
        let topic: std::collections::HashSet<String> =
            session.topic_decks(&crate::bundled::ids()).into_iter().collect();
        let in_topic = |deck: &str| topic.contains(deck);
        for outline in session.outlines() {
            let Some(sections) = session.outline(outline) else { continue };
            if let Some(side) = session.outline_side(outline) {
                let against = match side {
                    crate::model::CaseSide::Aff => crate::model::Side::Neg,
                    crate::model::CaseSide::Neg => crate::model::Side::Aff,
                };
                self.coverage.insert(outline, (against, self.clash(against).coverage(sections, &in_topic)));
            }
            let figures = CaseFigures {
                total: timing::outline(sections, session.counting, session.wpm),
                sections: sections
                    .iter()
                    .map(|s| timing::section(s, session.counting, session.wpm))
                    .collect(),
            };
            self.outlines.insert(outline, figures);
            for (s, section) in sections.iter().enumerate() {
                for (i, item) in section.items.iter().enumerate() {
                    if let (Item::Card { deck, card, .. }, Some(id)) = (item, ids.item_at(outline, s, i)) {
                        self.statuses.insert(id, card_status(deck, card, decks));
                    }
                }
            }
        }
    }

    /// Rebuilds the clash indexes from the loaded decks (after they changed).
    pub fn refresh_clash(&mut self, decks: &[Deck]) {
        use crate::model::Side;
        self.clash = [Side::Aff, Side::Neg].map(|side| crate::clash::ClashIndex::build(decks, side));
    }

    /// The arguments `against` runs in the loaded decks (`Either` has none).
    pub fn clash(&self, against: crate::model::Side) -> &crate::clash::ClashIndex {
        match against {
            crate::model::Side::Neg => &self.clash[1],
            _ => &self.clash[0],
        }
    }

    /// How ready `outline` is for the other side's arguments (`None` for one that does not exist).
    pub fn coverage(
        &self,
        outline: Outline,
    ) -> Option<&(crate::model::Side, Vec<crate::clash::ArgumentCoverage>)> {
        self.coverage.get(&outline)
    }

    /// Figures of `outline` (empty figures for one that does not exist).
    pub fn outline(&self, outline: Outline) -> &CaseFigures {
        self.outlines.get(&outline).unwrap_or(&self.empty)
    }

    /// How the card item compares with its deck.
    pub fn status(&self, item: ItemId) -> CardStatus {
        self.statuses.get(&item).copied().unwrap_or(CardStatus::Current)
    }
}
