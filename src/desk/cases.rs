//! Intents on the outlines (the cases and the speech documents): adding cards and analytics,
//! moving and removing items and sections. Every rule about what an addition implies (listing
//! the card's deck in the session) lives here.

use crate::model::{CaseSide, DeckRef, Item, Outline, Section};
use crate::ops::{Edit, SessionOp};

use super::identity::{ItemId, OutlineId, SectionId};
use super::intent::{CardKey, Place, Step};
use super::{Desk, Outcome};

impl Desk {
    /// The outline, section index and item index a place names.
    pub(super) fn resolve(&self, place: Place) -> Result<(Outline, usize, usize), Box<Outcome>> {
        let gone = || Box::new(Outcome::status("That section is no longer there."));
        let (outline, s) = self.ids.locate_section(place.section).ok_or_else(gone)?;
        let section = self.ws.session.outline(outline).and_then(|o| o.get(s)).ok_or_else(gone)?;
        let index = match place.before {
            None => section.items.len(),
            Some(item) => match self.ids.locate_item(item) {
                Some((x, sx, i)) if x == outline && sx == s => i,
                _ => section.items.len(),
            },
        };
        Ok((outline, s, index))
    }

    /// The outcome of an edit that put an item at (outline, s, i): select it and its section.
    pub(super) fn selecting(&self, mut outcome: Outcome, outline: Outline, s: usize, i: usize) -> Outcome {
        if outcome.session_changed {
            outcome.select_item = self.ids.item_at(outline, s, i);
            outcome.select_section = self.ids.section_at(outline, s);
        }
        outcome
    }

    /// The side giving `outline`: the case's side, or the side of the speech in its format.
    pub fn outline_side(&self, outline: Outline) -> Option<CaseSide> {
        self.ws.session.outline_side(outline)
    }

    /// A [`SessionOp::SetDecks`] listing `deck` too, when the session does not list it yet.
    pub(super) fn listing_deck(&self, deck: &str) -> Option<SessionOp> {
        if self.ws.session.deck_ref(deck).is_some() {
            return None;
        }
        let d = self.ws.decks.iter().position(|x| x.id == deck)?;
        let session_path = self.session_path.clone().unwrap_or_else(|| "untitled.session.ron".into());
        let mut decks = self.ws.session.decks.clone();
        decks.push(DeckRef {
            path: crate::workspace::ref_path(&self.origins[d], deck, &session_path),
            id: deck.to_owned(),
            fingerprint: crate::format::deck_fingerprint(&self.ws.decks[d]),
        });
        Some(SessionOp::SetDecks(decks))
    }

    /// What a debater should confirm before adding the card to `outline`: a card cut for the
    /// other side, or a card the outline already holds.
    pub fn add_card_concerns(&self, key: &CardKey, outline: Outline) -> Vec<String> {
        let Some((_, card)) = self.card(key) else { return Vec::new() };
        let Some(side) = self.outline_side(outline) else { return Vec::new() };
        let what = if outline.case().is_some() { "case" } else { "speech" };
        let mut concerns = Vec::new();
        let other = match side {
            CaseSide::Aff => crate::model::Side::Neg,
            CaseSide::Neg => crate::model::Side::Aff,
        };
        if card.side == other {
            concerns.push(format!(
                "“{}” is a {} card; this is the {} {what}.",
                card.tag,
                card.side.name(),
                side.name()
            ));
        }
        let sections = self.ws.session.outline(outline).map_or(&[][..], |o| &o[..]);
        let present = sections
            .iter()
            .flat_map(|s| &s.items)
            .any(|i| matches!(i, Item::Card { deck, card: c, .. } if *deck == key.deck && c.id == key.card));
        if present {
            concerns.push(format!("“{}” is already in the {} {what}.", card.tag, side.name()));
        }
        concerns
    }

    pub(super) fn add_card(&mut self, key: &CardKey, place: Place) -> Outcome {
        let Some((deck, card)) = self.card(key) else {
            return Outcome::status("That card is no longer in the library.");
        };
        let Some(source) = deck.source(&card.source) else {
            return Outcome::status(format!("Card {:?} cites a source its deck does not list.", card.id));
        };
        let (outline, s, index) = match self.resolve(place) {
            Ok(at) => at,
            Err(outcome) => return *outcome,
        };
        let item = Item::Card { deck: deck.id.clone(), card: card.clone(), source: source.clone() };
        let tag = card.tag.clone();
        let insert = SessionOp::InsertItem { outline, section: s, index, item };
        let op = match self.listing_deck(&deck.id) {
            None => insert,
            Some(list) => SessionOp::Batch(vec![list, insert]),
        };
        let mut outcome = self.edit(Edit::Session(op), None);
        if outcome.session_changed {
            outcome.status = Some(format!("Added “{tag}”."));
        }
        self.selecting(outcome, outline, s, index)
    }

    pub(super) fn add_analytic(&mut self, place: Place, text: String) -> Outcome {
        let (outline, s, index) = match self.resolve(place) {
            Ok(at) => at,
            Err(outcome) => return *outcome,
        };
        let item = Item::analytic(text);
        let op = SessionOp::InsertItem { outline, section: s, index, item };
        let outcome = self.edit(Edit::Session(op), None);
        self.selecting(outcome, outline, s, index)
    }

    pub(super) fn set_analytic(&mut self, item: ItemId, text: String) -> Outcome {
        let Some((outline, s, i, Item::Analytic { text: old, answers })) = self.item(item) else {
            return Outcome::status("That analytic is no longer in the case.");
        };
        if *old == text {
            return Outcome::default();
        }
        let item = Item::Analytic { text, answers: answers.clone() };
        self.edit(Edit::Session(SessionOp::ReplaceItem { outline, section: s, index: i, item }), None)
    }

    /// Links an analytic as an answer to `target` (replacing how it answered it, if it did); a
    /// card item links in its deck.
    pub(super) fn link_analytic(
        &mut self,
        item: ItemId,
        target: crate::model::AnswerTarget,
        how: crate::model::AnswerHow,
    ) -> Outcome {
        let (outline, s, i, text, answers) = match self.item(item) {
            Some((outline, s, i, Item::Analytic { text, answers })) => (outline, s, i, text, answers),
            Some((_, _, _, Item::Card { deck, card, .. })) => {
                let key = CardKey::new(deck, &card.id);
                return self.link_answer(&key, target, how);
            }
            None => return Outcome::status("That item is no longer there."),
        };
        let what = target.describe();
        let mut answers = answers.clone();
        answers.retain(|l| l.target != target);
        answers.push(crate::model::AnswerLink { target, how });
        let item = Item::Analytic { text: text.clone(), answers };
        let mut outcome =
            self.edit(Edit::Session(SessionOp::ReplaceItem { outline, section: s, index: i, item }), None);
        if outcome.session_changed {
            outcome.status = Some(format!("The analytic now answers “{what}” ({}).", how.name()));
        }
        outcome
    }

    pub(super) fn remove_item(&mut self, item: ItemId) -> Outcome {
        let Some((outline, section, index, _)) = self.item(item) else {
            return Outcome::status("Select an item in the case first.");
        };
        let mut outcome = self.edit(Edit::Session(SessionOp::RemoveItem { outline, section, index }), None);
        if outcome.session_changed {
            outcome.status = Some("Removed (Undo brings it back).".into());
        }
        outcome
    }

    pub(super) fn move_item(&mut self, item: ItemId, place: Place) -> Outcome {
        let Some((outline, fs, fi, _)) = self.item(item) else {
            return Outcome::status("That item is no longer in the case.");
        };
        let (s, i) = match self.resolve(place) {
            Ok((o, s, i)) if o == outline => (s, i),
            Ok(_) => {
                return Outcome::status("An item moves within its own case or speech; send it to copy it.");
            }
            Err(outcome) => return *outcome,
        };
        // `i` counts the item itself when it sits above its new place in the same section.
        let to = if fs == s && fi < i { i - 1 } else { i };
        if (fs, fi) == (s, to) {
            return Outcome::default();
        }
        let outcome =
            self.edit(Edit::Session(SessionOp::MoveItem { outline, from: (fs, fi), to: (s, to) }), None);
        self.selecting(outcome, outline, s, to)
    }

    pub(super) fn step_item(&mut self, item: ItemId, step: Step) -> Outcome {
        let Some((outline, s, i, _)) = self.item(item) else {
            return Outcome::status("Select an item in the case first.");
        };
        let len = self.ws.session.outline(outline).map_or(0, |o| o[s].items.len());
        let to = match step {
            Step::Up => i.checked_sub(1),
            Step::Down => Some(i + 1).filter(|&t| t < len),
        };
        let Some(to) = to else { return Outcome::default() };
        let outcome =
            self.edit(Edit::Session(SessionOp::MoveItem { outline, from: (s, i), to: (s, to) }), None);
        self.selecting(outcome, outline, s, to)
    }

    pub(super) fn update_from_deck(&mut self, item: ItemId) -> Outcome {
        let Some((outline, section, index, Item::Card { deck, card, .. })) = self.item(item) else {
            return Outcome::status("That card is no longer in the case.");
        };
        let key = CardKey::new(deck, &card.id);
        let Some((new, source)) = self.card_with_source(&key) else {
            return Outcome::status("The deck no longer has this card; the snapshot stays.");
        };
        let item = Item::Card { deck: key.deck.clone(), card: new.clone(), source: source.clone() };
        let mut outcome =
            self.edit(Edit::Session(SessionOp::ReplaceItem { outline, section, index, item }), None);
        if outcome.session_changed {
            outcome.status = Some("Card updated from its deck.".into());
        }
        outcome
    }

    pub(super) fn add_section(&mut self, outline: OutlineId, section: Section) -> Outcome {
        let Some(outline) = self.ids.resolve(outline) else {
            return Outcome::status("That speech document is no longer in the session.");
        };
        let index = self.ws.session.outline(outline).map_or(0, Vec::len);
        let mut outcome = self.edit(Edit::Session(SessionOp::AddSection { outline, index, section }), None);
        if outcome.session_changed {
            outcome.select_section = self.ids.section_at(outline, index);
        }
        outcome
    }

    pub(super) fn remove_section(&mut self, section: SectionId) -> Outcome {
        let Some((outline, index)) = self.ids.locate_section(section) else { return Outcome::default() };
        let mut outcome = self.edit(Edit::Session(SessionOp::RemoveSection { outline, index }), None);
        if outcome.session_changed {
            outcome.status = Some("Section removed (Undo brings it back).".into());
        }
        outcome
    }

    pub(super) fn rename_section(&mut self, section: SectionId, title: String) -> Outcome {
        let Some((outline, index)) = self.ids.locate_section(section) else { return Outcome::default() };
        let same = self.ws.session.outline(outline).is_some_and(|o| o[index].title == title);
        if title.trim().is_empty() || same {
            return Outcome::default();
        }
        self.edit(Edit::Session(SessionOp::RenameSection { outline, index, title }), None)
    }

    pub(super) fn step_section(&mut self, section: SectionId, step: Step) -> Outcome {
        let Some((outline, from)) = self.ids.locate_section(section) else { return Outcome::default() };
        let n = self.ws.session.outline(outline).map_or(0, Vec::len);
        let to = match step {
            Step::Up => from.checked_sub(1),
            Step::Down => Some(from + 1).filter(|&t| t < n),
        };
        let Some(to) = to else { return Outcome::default() };
        let mut outcome = self.edit(Edit::Session(SessionOp::MoveSection { outline, from, to }), None);
        outcome.select_section = Some(section);
        outcome
    }
}
