//! Intents on the cards of decks: editing, marking, duplicating, deleting, moving between blocks
//! and decks, editing a deck's cite, and cutting a new card from a source. Every change of a
//! bundled deck first makes a writable copy; every change is written through to the deck file.

use crate::cutting::{SourceDoc, cut_card, selection_snap, suggest_id};
use crate::model::{Card, CutFrom, MarkKind, Provenance, Side, Source, marks, provenance::now_rfc3339};
use crate::ops::DeckOp;

use super::intent::CardKey;
use super::{Desk, Outcome};

impl Desk {
    fn located(&self, key: &CardKey) -> Result<(usize, usize, usize), Box<Outcome>> {
        self.find_card(key)
            .map(|p| (p.deck, p.block, p.card))
            .ok_or_else(|| Box::new(Outcome::status("That card is no longer in the library.")))
    }

    pub(super) fn update_card(&mut self, key: &CardKey, mut card: Card) -> Outcome {
        let (d, block, index) = match self.located(key) {
            Ok(at) => at,
            Err(o) => return *o,
        };
        let current = &self.ws.decks[d].blocks[block].cards[index];
        if *current == card {
            return Outcome::default();
        }
        card.id.clone_from(&current.id);
        card.provenance.record_change(self.user_name.clone(), now_rfc3339());
        self.deck_edit(vec![(key.deck.clone(), DeckOp::ReplaceCard { block, index, card })])
    }

    pub(super) fn link_answer(
        &mut self,
        key: &CardKey,
        target: crate::model::AnswerTarget,
        how: crate::model::AnswerHow,
    ) -> Outcome {
        let Some((_, card)) = self.card(key) else {
            return Outcome::status("That card is no longer in the library.");
        };
        if key.deck == target_deck(&target)
            && matches!(&target, crate::model::AnswerTarget::Card { card: c, .. } if *c == key.card)
        {
            return Outcome::status("A card does not answer itself.");
        }
        let mut changed = card.clone();
        let what = target.describe();
        changed.answers.retain(|l| l.target != target);
        changed.answers.push(crate::model::AnswerLink { target, how });
        let tag = card.tag.clone();
        let mut outcome = self.update_card(key, changed);
        if outcome.decks_changed {
            outcome.status = Some(format!("“{tag}” now answers “{what}” ({}).", how.name()));
        }
        outcome
    }

    pub(super) fn unlink_answer(&mut self, key: &CardKey, target: &crate::model::AnswerTarget) -> Outcome {
        let Some((_, card)) = self.card(key) else {
            return Outcome::status("That card is no longer in the library.");
        };
        let mut changed = card.clone();
        changed.answers.retain(|l| l.target != *target);
        self.update_card(key, changed)
    }

    pub(super) fn mark_card(
        &mut self,
        key: &CardKey,
        kind: Option<MarkKind>,
        (start, end): (usize, usize),
    ) -> Outcome {
        let Some((_, card)) = self.card(key) else {
            return Outcome::status("That card is no longer in the library.");
        };
        let (start, end) = crate::cutting::widen_to_words(&card.text, start, end);
        if start >= end {
            return Outcome::status(
                "Select some card text first, then underline, emphasise or highlight it.",
            );
        }
        let mut changed = card.clone();
        changed.marks = marks::apply_mark(&card.marks, kind, start, end);
        if changed.marks == card.marks {
            return Outcome::default();
        }
        self.update_card(key, changed)
    }

    pub(super) fn duplicate_card(&mut self, key: &CardKey) -> Outcome {
        let (d, block, index) = match self.located(key) {
            Ok(at) => at,
            Err(o) => return *o,
        };
        let card = self.ws.decks[d].blocks[block].cards[index].clone();
        let ids: Vec<String> = self.ws.decks.iter().flat_map(|d| d.cards().map(|c| c.id.clone())).collect();
        let copy = Card { id: crate::cutting::unique(card.id.clone(), ids), ..card };
        let new_key = CardKey::new(&key.deck, &copy.id);
        let mut outcome = self.deck_edit(vec![(
            key.deck.clone(),
            DeckOp::ReinsertCard { block, index: index + 1, card: copy, asides: 0 },
        )]);
        if outcome.decks_changed {
            outcome.select_card = Some(Some(new_key));
            outcome.status = Some("Duplicated (Undo removes the copy).".into());
        }
        outcome
    }

    pub(super) fn delete_card(&mut self, key: &CardKey) -> Outcome {
        let (_, block, index) = match self.located(key) {
            Ok(at) => at,
            Err(o) => return *o,
        };
        let mut outcome = self.deck_edit(vec![(key.deck.clone(), DeckOp::RemoveCard { block, index })]);
        if outcome.decks_changed {
            outcome.select_card = Some(None);
            outcome.status = Some("Card deleted (Undo brings it back).".into());
        }
        outcome
    }

    pub(super) fn move_card_to_block(&mut self, key: &CardKey, to: usize) -> Outcome {
        let (d, block, index) = match self.located(key) {
            Ok(at) => at,
            Err(o) => return *o,
        };
        let Some(target) = self.ws.decks[d].blocks.get(to) else { return Outcome::default() };
        if to == block {
            return Outcome::default();
        }
        let end = target.cards.len();
        let title = target.title.clone();
        let op = DeckOp::MoveCard { from: (block, index), to: (to, end) };
        let mut outcome = self.deck_edit(vec![(key.deck.clone(), op)]);
        if outcome.decks_changed {
            outcome.status = Some(format!("Moved to “{title}” (Undo moves it back)."));
        }
        outcome
    }

    /// Moves a card to the end of the first block of deck `to` (adding its source there if that
    /// deck lacks it), as one undo step across both decks.
    pub(super) fn move_card_to_deck(&mut self, key: &CardKey, to: &str) -> Outcome {
        let (d, block, index) = match self.located(key) {
            Ok(at) => at,
            Err(o) => return *o,
        };
        let Some(target) = self.ws.decks.iter().find(|x| x.id == to) else { return Outcome::default() };
        if target.id == key.deck {
            return Outcome::default();
        }
        let from = &self.ws.decks[d];
        let card = from.blocks[block].cards[index].clone();
        if target.blocks.is_empty() {
            return Outcome::problem("Not moved", format!("Deck “{}” has no block.", target.title));
        }
        if target.card(&card.id).is_some() {
            return Outcome::problem(
                "Not moved",
                format!("Deck “{}” already has a card {:?}.", target.title, card.id),
            );
        }
        let mut ops = Vec::new();
        if target.source(&card.source).is_none()
            && let Some(source) = from.source(&card.source)
        {
            ops.push(DeckOp::AddSource { index: target.sources.len(), source: source.clone() });
        }
        let title = target.title.clone();
        let new_key = CardKey::new(to, &card.id);
        ops.push(DeckOp::InsertCard { block: 0, index: target.blocks[0].cards.len(), card });
        let edits = vec![
            (key.deck.clone(), DeckOp::RemoveCard { block, index }),
            (to.to_owned(), DeckOp::Batch(ops)),
        ];
        let mut outcome = self.deck_edit(edits);
        if outcome.decks_changed {
            outcome.select_card = Some(Some(new_key));
            outcome.status = Some(format!("Moved to “{title}” (Undo moves it back)."));
        }
        outcome
    }

    pub(super) fn replace_source(&mut self, deck: &str, source: Source) -> Outcome {
        let Some(d) = self.ws.decks.iter().find(|x| x.id == deck) else { return Outcome::default() };
        let Some(index) = d.sources.iter().position(|s| s.id == source.id) else {
            return Outcome::status("The deck no longer cites that source.");
        };
        if d.sources[index] == source {
            return Outcome::default();
        }
        self.deck_edit(vec![(deck.to_owned(), DeckOp::ReplaceSource { index, source })])
    }

    /// Cuts `range` of `doc` into a new card at the end of block `block` of deck `deck`, adding
    /// the source to the deck unless it already cites a source with that id (whose cite is kept).
    pub(super) fn cut_card(
        &mut self,
        doc: &SourceDoc,
        (start, end): (usize, usize),
        tag: String,
        side: Side,
        deck: &str,
        block: usize,
    ) -> Outcome {
        let (start, end) = (start.min(end), start.max(end));
        if start == end {
            return Outcome::status("Select a passage of the source first.");
        }
        let tag = tag.trim().to_owned();
        if tag.is_empty() {
            return Outcome::status("Type the card's tag first.");
        }
        let Some(target) = self.ws.decks.iter().find(|d| d.id == deck) else {
            return Outcome::status("Choose the deck to cut into.");
        };
        if target.blocks.get(block).is_none() {
            return Outcome::problem(
                "Not cut",
                format!("Deck “{}” has no block to put the card in.", target.title),
            );
        }
        let (start, end) = selection_snap(&doc.text, start, end);
        let ids: Vec<String> = self.ws.decks.iter().flat_map(|d| d.cards().map(|c| c.id.clone())).collect();
        let id = suggest_id(doc, &tag, &ids);
        let cut = match cut_card(doc, start, end, id, tag, side) {
            Ok(c) => c,
            Err(e) => return Outcome::problem("Not cut", e.to_string()),
        };
        let mut card = cut.card;
        card.cut_from = Some(CutFrom { start: cut.start, end: cut.end });
        card.provenance = Provenance::created(self.user_name.clone(), now_rfc3339());
        let mut ops = Vec::new();
        match target.source(&doc.source.id) {
            Some(existing) if existing != &doc.source => {
                self.warnings
                    .push(format!("The deck already cites {:?}; its citation was kept.", doc.source.id));
            }
            Some(_) => {}
            None => ops.push(DeckOp::AddSource { index: target.sources.len(), source: doc.source.clone() }),
        }
        let index = target.blocks[block].cards.len();
        let (tag, key) = (card.tag.clone(), CardKey::new(deck, &card.id));
        ops.push(DeckOp::InsertCard { block, index, card });
        let mut outcome = self.deck_edit(vec![(deck.to_owned(), DeckOp::Batch(ops))]);
        if outcome.decks_changed {
            outcome.select_card = Some(Some(key));
            outcome.status = Some(format!("Cut “{tag}”: now underline and highlight it."));
        }
        outcome
    }
}

/// The deck a link's target lives in ("" for a label).
fn target_deck(target: &crate::model::AnswerTarget) -> &str {
    match target {
        crate::model::AnswerTarget::Card { deck, .. } | crate::model::AnswerTarget::Block { deck, .. } => {
            deck
        }
        crate::model::AnswerTarget::Label(_) => "",
    }
}
