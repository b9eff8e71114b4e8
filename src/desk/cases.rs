//! Intents on the cases: adding cards and analytics, moving and removing items and sections.
//! Every rule about what an addition implies (listing the card's deck in the session) lives here.

use crate::model::{CaseSide, DeckRef, Item, Section};
use crate::ops::{Edit, SessionOp};

use super::identity::{ItemId, SectionId};
use super::intent::{CardKey, Place, Step};
use super::{Desk, Outcome};

impl Desk {
    /// The (section index, item index) a place names in the `side` case.
    fn resolve(&self, side: CaseSide, place: Place) -> Result<(usize, usize), Box<Outcome>> {
        let gone = || Box::new(Outcome::status("That section is no longer in the case."));
        let (at_side, s) = self.ids.locate_section(place.section).ok_or_else(gone)?;
        if at_side != side {
            return Err(Box::new(Outcome::status("That section belongs to the other case.")));
        }
        let section = &self.ws.session.case(side).sections[s];
        let index = match place.before {
            None => section.items.len(),
            Some(item) => match self.ids.locate_item(item) {
                Some((x, sx, i)) if x == side && sx == s => i,
                _ => section.items.len(),
            },
        };
        Ok((s, index))
    }

    /// The outcome of an edit that put an item at (side, s, i): select it and its section.
    fn selecting(&self, mut outcome: Outcome, side: CaseSide, s: usize, i: usize) -> Outcome {
        if outcome.session_changed {
            outcome.select_item = self.ids.item_at(side, s, i);
            outcome.select_section = self.ids.section_at(side, s);
        }
        outcome
    }

    /// What a debater should confirm before adding the card to the `side` case: a card cut for
    /// the other side, or a card the case already holds.
    pub fn add_card_concerns(&self, key: &CardKey, side: CaseSide) -> Vec<String> {
        let Some((_, card)) = self.card(key) else { return Vec::new() };
        let mut concerns = Vec::new();
        let other = match side {
            CaseSide::Aff => crate::model::Side::Neg,
            CaseSide::Neg => crate::model::Side::Aff,
        };
        if card.side == other {
            concerns.push(format!(
                "“{}” is a {} card; this is the {} case.",
                card.tag,
                card.side.name(),
                side.name()
            ));
        }
        let present =
            self.ws.session.case(side).sections.iter().flat_map(|s| &s.items).any(
                |i| matches!(i, Item::Card { deck, card: c, .. } if *deck == key.deck && c.id == key.card),
            );
        if present {
            concerns.push(format!("“{}” is already in the {} case.", card.tag, side.name()));
        }
        concerns
    }

    pub(super) fn add_card(&mut self, key: &CardKey, side: CaseSide, place: Place) -> Outcome {
        let Some((deck, card)) = self.card(key) else {
            return Outcome::status("That card is no longer in the library.");
        };
        let Some(source) = deck.source(&card.source) else {
            return Outcome::status(format!("Card {:?} cites a source its deck does not list.", card.id));
        };
        let (s, index) = match self.resolve(side, place) {
            Ok(at) => at,
            Err(outcome) => return *outcome,
        };
        let item = Item::Card { deck: deck.id.clone(), card: card.clone(), source: source.clone() };
        let tag = card.tag.clone();
        let insert = SessionOp::InsertItem { side, section: s, index, item };
        let op = if self.ws.session.deck_ref(&deck.id).is_some() {
            insert
        } else {
            let d = self.ws.decks.iter().position(|x| x.id == deck.id).unwrap_or_default();
            let session_path = self.session_path.clone().unwrap_or_else(|| "untitled.session.ron".into());
            let mut decks = self.ws.session.decks.clone();
            decks.push(DeckRef {
                path: crate::workspace::ref_path(&self.origins[d], &deck.id, &session_path),
                id: deck.id.clone(),
                fingerprint: crate::format::deck_fingerprint(deck),
            });
            SessionOp::Batch(vec![SessionOp::SetDecks(decks), insert])
        };
        let mut outcome = self.edit(Edit::Session(op), None);
        if outcome.session_changed {
            outcome.status = Some(format!("Added “{tag}”."));
        }
        self.selecting(outcome, side, s, index)
    }

    pub(super) fn add_analytic(&mut self, side: CaseSide, place: Place, text: String) -> Outcome {
        let (s, index) = match self.resolve(side, place) {
            Ok(at) => at,
            Err(outcome) => return *outcome,
        };
        let item = Item::Analytic { text };
        let outcome = self.edit(Edit::Session(SessionOp::InsertItem { side, section: s, index, item }), None);
        self.selecting(outcome, side, s, index)
    }

    pub(super) fn set_analytic(&mut self, item: ItemId, text: String) -> Outcome {
        let Some((side, s, i, Item::Analytic { text: old })) = self.item(item) else {
            return Outcome::status("That analytic is no longer in the case.");
        };
        if *old == text {
            return Outcome::default();
        }
        let item = Item::Analytic { text };
        self.edit(Edit::Session(SessionOp::ReplaceItem { side, section: s, index: i, item }), None)
    }

    pub(super) fn remove_item(&mut self, item: ItemId) -> Outcome {
        let Some((side, section, index, _)) = self.item(item) else {
            return Outcome::status("Select an item in the case first.");
        };
        let mut outcome = self.edit(Edit::Session(SessionOp::RemoveItem { side, section, index }), None);
        if outcome.session_changed {
            outcome.status = Some("Removed from the case (Undo brings it back).".into());
        }
        outcome
    }

    pub(super) fn move_item(&mut self, item: ItemId, place: Place) -> Outcome {
        let Some((side, fs, fi, _)) = self.item(item) else {
            return Outcome::status("That item is no longer in the case.");
        };
        let (s, i) = match self.resolve(side, place) {
            Ok(at) => at,
            Err(outcome) => return *outcome,
        };
        // `i` counts the item itself when it sits above its new place in the same section.
        let to = if fs == s && fi < i { i - 1 } else { i };
        if (fs, fi) == (s, to) {
            return Outcome::default();
        }
        let outcome =
            self.edit(Edit::Session(SessionOp::MoveItem { side, from: (fs, fi), to: (s, to) }), None);
        self.selecting(outcome, side, s, to)
    }

    pub(super) fn step_item(&mut self, item: ItemId, step: Step) -> Outcome {
        let Some((side, s, i, _)) = self.item(item) else {
            return Outcome::status("Select an item in the case first.");
        };
        let len = self.ws.session.case(side).sections[s].items.len();
        let to = match step {
            Step::Up => i.checked_sub(1),
            Step::Down => Some(i + 1).filter(|&t| t < len),
        };
        let Some(to) = to else { return Outcome::default() };
        let outcome = self.edit(Edit::Session(SessionOp::MoveItem { side, from: (s, i), to: (s, to) }), None);
        self.selecting(outcome, side, s, to)
    }

    pub(super) fn update_from_deck(&mut self, item: ItemId) -> Outcome {
        let Some((side, section, index, Item::Card { deck, card, .. })) = self.item(item) else {
            return Outcome::status("That card is no longer in the case.");
        };
        let key = CardKey::new(deck, &card.id);
        let Some((new, source)) = self.card_with_source(&key) else {
            return Outcome::status("The deck no longer has this card; the snapshot stays.");
        };
        let item = Item::Card { deck: key.deck.clone(), card: new.clone(), source: source.clone() };
        let mut outcome =
            self.edit(Edit::Session(SessionOp::ReplaceItem { side, section, index, item }), None);
        if outcome.session_changed {
            outcome.status = Some("Card updated from its deck.".into());
        }
        outcome
    }

    pub(super) fn add_section(&mut self, side: CaseSide, section: Section) -> Outcome {
        let index = self.ws.session.case(side).sections.len();
        let mut outcome = self.edit(Edit::Session(SessionOp::AddSection { side, index, section }), None);
        if outcome.session_changed {
            outcome.select_section = self.ids.section_at(side, index);
        }
        outcome
    }

    pub(super) fn remove_section(&mut self, section: SectionId) -> Outcome {
        let Some((side, index)) = self.ids.locate_section(section) else { return Outcome::default() };
        let mut outcome = self.edit(Edit::Session(SessionOp::RemoveSection { side, index }), None);
        if outcome.session_changed {
            outcome.status = Some("Section removed (Undo brings it back).".into());
        }
        outcome
    }

    pub(super) fn rename_section(&mut self, section: SectionId, title: String) -> Outcome {
        let Some((side, index)) = self.ids.locate_section(section) else { return Outcome::default() };
        if title.trim().is_empty() || self.ws.session.case(side).sections[index].title == title {
            return Outcome::default();
        }
        self.edit(Edit::Session(SessionOp::RenameSection { side, index, title }), None)
    }

    pub(super) fn step_section(&mut self, section: SectionId, step: Step) -> Outcome {
        let Some((side, from)) = self.ids.locate_section(section) else { return Outcome::default() };
        let n = self.ws.session.case(side).sections.len();
        let to = match step {
            Step::Up => from.checked_sub(1),
            Step::Down => Some(from + 1).filter(|&t| t < n),
        };
        let Some(to) = to else { return Outcome::default() };
        let mut outcome = self.edit(Edit::Session(SessionOp::MoveSection { side, from, to }), None);
        outcome.select_section = Some(section);
        outcome
    }
}
