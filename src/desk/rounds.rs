//! Intents on rounds: adding and removing rounds, their facts, sending cards, blocks and
//! sections to a speech document (one undo step each), marking where reading stopped, the prep
//! time used, and the documents handed over (speech documents through a profile, the caselist
//! disclosure).

use std::path::PathBuf;

use crate::export::speech_doc::{self, Profile};
use crate::export::{Format, caselist};
use crate::model::{Item, MarkedPoint, Outline, Round, RoundFacts, Section, SectionKind};
use crate::ops::{Edit, SessionOp};

use super::identity::{ItemId, RoundId, SpeechId};
use super::intent::{CardKey, Sendable};
use super::{Desk, Outcome};

/// What a send inserts: items into an existing section, or a new section.
enum Insert {
    Items(Vec<Item>),
    Section(Section),
}

impl Desk {
    /// The position of a round, or the outcome saying it is gone.
    fn round_index(&self, round: RoundId) -> Result<usize, Box<Outcome>> {
        self.ids
            .locate_round(round)
            .ok_or_else(|| Box::new(Outcome::status("That round is no longer in the session.")))
    }

    pub(super) fn add_round(&mut self, round: Round) -> Outcome {
        let index = self.ws.session.rounds.len();
        let label = round.label();
        let mut outcome =
            self.edit(Edit::Session(SessionOp::AddRound { index, round: Box::new(round) }), None);
        if outcome.session_changed {
            outcome.status = Some(format!("Round {label} added."));
            outcome.select_speech = self.ids.round_at(index).map(|round| SpeechId { round, speech: 0 });
        }
        outcome
    }

    pub(super) fn remove_round(&mut self, round: RoundId) -> Outcome {
        let index = match self.round_index(round) {
            Ok(i) => i,
            Err(outcome) => return *outcome,
        };
        let mut outcome = self.edit(Edit::Session(SessionOp::RemoveRound { index }), None);
        if outcome.session_changed {
            outcome.status = Some("Round removed (Undo brings it back).".into());
        }
        outcome
    }

    pub(super) fn set_round_facts(&mut self, round: RoundId, facts: RoundFacts) -> Outcome {
        let index = match self.round_index(round) {
            Ok(i) => i,
            Err(outcome) => return *outcome,
        };
        if self.ws.session.rounds[index].facts() == facts {
            return Outcome::default();
        }
        self.edit(Edit::Session(SessionOp::SetRoundFacts { index, facts: Box::new(facts) }), None)
    }

    pub(super) fn set_prep_used(&mut self, round: RoundId, prep: [u32; 2]) -> Outcome {
        let index = match self.round_index(round) {
            Ok(i) => i,
            Err(outcome) => return *outcome,
        };
        if self.ws.session.rounds[index].prep_used == prep {
            return Outcome::default();
        }
        // A record of the clock, not an edit: Undo is for the debater's edits, so this is kept
        // out of the history (it moves nothing, so no recorded inverse depends on it) and only
        // marks the session unsaved.
        match (SessionOp::SetPrepUsed { round: index, prep }).apply(&mut self.ws.session) {
            Ok(_) => {
                self.history.mark_unsaved();
                Outcome { session_changed: true, ..Outcome::default() }
            }
            Err(e) => Outcome::status(format!("Not done: {e}")),
        }
    }

    /// A library card as a speech item, and the op listing its deck if the session does not.
    fn card_item(&self, key: &CardKey) -> Result<(Item, Option<SessionOp>), String> {
        let Some((deck, card)) = self.card(key) else {
            return Err("That card is no longer in the library.".into());
        };
        let source = deck
            .source(&card.source)
            .ok_or_else(|| format!("Card {:?} cites a source its deck does not list.", card.id))?;
        let item = Item::Card { deck: deck.id.clone(), card: card.clone(), source: source.clone() };
        Ok((item, self.listing_deck(&deck.id)))
    }

    /// What sending `what` inserts, the ops listing decks it needs, and what the status says.
    fn sendable(&self, what: &Sendable) -> Result<(Insert, Vec<SessionOp>, String), String> {
        match what {
            Sendable::Card(key) => {
                let (item, list) = self.card_item(key)?;
                let name = match &item {
                    Item::Card { card, .. } => format!("“{}”", card.tag),
                    Item::Analytic { .. } => String::new(),
                };
                Ok((Insert::Items(vec![item]), list.into_iter().collect(), name))
            }
            Sendable::Block { deck, block } => {
                let found = self.ws.decks.iter().find(|d| d.id == *deck).and_then(|d| d.blocks.get(*block));
                let Some(b) = found else { return Err("That block is no longer in the library.".into()) };
                let mut section = Section::new(b.title.clone(), SectionKind::Other);
                for card in &b.cards {
                    section.items.push(self.card_item(&CardKey::new(deck, &card.id))?.0);
                }
                let title =
                    if b.title.is_empty() { "the block".to_owned() } else { format!("“{}”", b.title) };
                Ok((Insert::Section(section), self.listing_deck(deck).into_iter().collect(), title))
            }
            Sendable::Section(id) => {
                let at = self.ids.locate_section(*id);
                let found = at.and_then(|(o, s)| self.ws.session.outline(o)?.get(s));
                let Some(section) = found else { return Err("That section is no longer there.".into()) };
                Ok((Insert::Section(section.clone()), Vec::new(), format!("“{}”", section.title)))
            }
        }
    }

    pub(super) fn send(&mut self, what: Sendable, to: SpeechId, after: Option<ItemId>) -> Outcome {
        let Some(outline) = self.ids.speech_outline(to) else {
            return Outcome::status("That speech document is no longer in the session.");
        };
        let (insert, mut ops, name) = match self.sendable(&what) {
            Ok(found) => found,
            Err(why) => return Outcome::status(why),
        };
        let Outline::Speech { round, speech } = outline else { return Outcome::default() };
        let speech_name = self.ws.session.rounds[round].speeches[speech].name.clone();
        let sections = self.ws.session.outline(outline).map_or(0, Vec::len);
        let last = |s: usize| self.ws.session.outline(outline).map_or(0, |o| o[s].items.len());
        // After the selected item of this speech, or at the end.
        let at = after
            .and_then(|i| self.ids.locate_item(i))
            .filter(|(o, ..)| *o == outline)
            .map(|(_, s, i)| (s, i + 1));
        let selected;
        match insert {
            Insert::Items(items) if sections > 0 => {
                let (s, i) = at.unwrap_or((sections - 1, last(sections - 1)));
                selected = (s, Some(i));
                let inserts = items.into_iter().enumerate();
                ops.extend(inserts.map(|(k, item)| SessionOp::InsertItem {
                    outline,
                    section: s,
                    index: i + k,
                    item,
                }));
            }
            Insert::Items(items) => {
                let title = match &what {
                    Sendable::Card(key) => self.block_title(key),
                    _ => String::new(),
                };
                let mut section = Section::new(title, SectionKind::Other);
                section.items = items;
                selected = (0, Some(0));
                ops.push(SessionOp::AddSection { outline, index: 0, section });
            }
            Insert::Section(section) => {
                let index = at.map_or(sections, |(s, _)| s + 1);
                selected = (index, None);
                ops.push(SessionOp::AddSection { outline, index, section });
            }
        }
        let op = if ops.len() == 1 { ops.remove(0) } else { SessionOp::Batch(ops) };
        let mut outcome = self.edit(Edit::Session(op), None);
        if outcome.session_changed {
            outcome.status = Some(format!("Sent {name} to the {speech_name}."));
            outcome.select_section = self.ids.section_at(outline, selected.0);
            outcome.select_item = selected.1.and_then(|i| self.ids.item_at(outline, selected.0, i));
        }
        outcome
    }

    /// The edit dropping every marked point that names no card of its speech or a place past
    /// its card's text, if any does: a session holding one is refused by the loader, so it could
    /// not be saved. One pass over the speeches that have marks.
    pub(super) fn dangling_marks(&self) -> Option<SessionOp> {
        let mut fixes = Vec::new();
        for (r, round) in self.ws.session.rounds.iter().enumerate() {
            for (s, doc) in round.speeches.iter().enumerate().filter(|(_, d)| !d.marked.is_empty()) {
                let lengths: std::collections::HashMap<&str, usize> = doc
                    .sections
                    .iter()
                    .flat_map(|x| x.cards())
                    .map(|c| (c.id.as_str(), c.text.chars().count()))
                    .collect();
                let holds =
                    |m: &&MarkedPoint| lengths.get(m.card.as_str()).is_some_and(|&len| m.offset <= len);
                if doc.marked.iter().all(|m| holds(&m)) {
                    continue;
                }
                let marked = doc.marked.iter().filter(holds).cloned().collect();
                fixes.push(SessionOp::SetMarked { round: r, speech: s, marked });
            }
        }
        match fixes.len() {
            0 => None,
            1 => fixes.pop(),
            _ => Some(SessionOp::Batch(fixes)),
        }
    }

    /// The title of the block holding a library card ("Cards" when it has none).
    fn block_title(&self, key: &CardKey) -> String {
        let deck = self.ws.decks.iter().find(|d| d.id == key.deck);
        let block = deck.and_then(|d| d.blocks.iter().find(|b| b.cards.iter().any(|c| c.id == key.card)));
        block.map(|b| b.title.clone()).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "Cards".into())
    }

    pub(super) fn mark_speech(
        &mut self,
        speech: SpeechId,
        item: ItemId,
        point: Option<(usize, u32)>,
    ) -> Outcome {
        let Some(Outline::Speech { round, speech: s }) = self.ids.speech_outline(speech) else {
            return Outcome::status("That speech document is no longer in the session.");
        };
        let card = match self.item(item) {
            Some((o, _, _, Item::Card { card, .. })) if o == (Outline::Speech { round, speech: s }) => card,
            _ => return Outcome::status("Marks go on a card of the speech being read."),
        };
        let id = card.id.clone();
        let chars = card.text.chars().count();
        let doc = &self.ws.session.rounds[round].speeches[s];
        let mut marked: Vec<MarkedPoint> = doc.marked.iter().filter(|m| m.card != id).cloned().collect();
        let status = match point {
            Some((offset, at_seconds)) => {
                let offset = offset.min(chars);
                marked.push(MarkedPoint { card: id, offset, at_seconds });
                format!(
                    "Marked at {} ({offset} of {chars} characters read).",
                    crate::model::timing::clock(at_seconds)
                )
            }
            None => "Mark cleared.".into(),
        };
        if marked == doc.marked {
            return Outcome::default();
        }
        let mut outcome = self.edit(Edit::Session(SessionOp::SetMarked { round, speech: s, marked }), None);
        if outcome.session_changed {
            outcome.status = Some(status);
        }
        outcome
    }

    pub(super) fn export_speech(
        &mut self,
        speech: SpeechId,
        profile: Profile,
        format: Format,
        path: PathBuf,
    ) -> Outcome {
        let Some(Outline::Speech { round, speech: s }) = self.ids.speech_outline(speech) else {
            return Outcome::status("That speech document is no longer in the session.");
        };
        let session = &self.ws.session;
        let (round, doc) = (&session.rounds[round], &session.rounds[round].speeches[s]);
        let (prepared, removed) = speech_doc::prepare(round, doc, profile, &session.resolution);
        let options = speech_doc::options(&prepared, format, session.wpm);
        let target = crate::export::Target::Session(&prepared);
        match crate::export::write_export(format, target, &options, &path) {
            Ok(written) => Outcome::status(format!(
                "Wrote the {} doc of the {} to {} ({}).",
                profile.name(),
                doc.name,
                written.display(),
                removed.summary()
            )),
            Err(e) => Outcome::problem("Not exported", e.to_string()),
        }
    }

    pub(super) fn disclose(&mut self, round: RoundId, path: PathBuf) -> Outcome {
        let index = match self.round_index(round) {
            Ok(i) => i,
            Err(outcome) => return *outcome,
        };
        let round = &self.ws.session.rounds[index];
        let path = crate::export::export_path(Format::Markdown, &path);
        match crate::format::write_atomic_no_backup(&path, &caselist::markdown(round)) {
            Ok(()) => Outcome::status(format!(
                "Wrote the disclosure to {}; name the open-source file {}.",
                path.display(),
                caselist::open_source_name(round)
            )),
            Err(e) => Outcome::problem("Not disclosed", e.to_string()),
        }
    }
}

/// Whether `op` removes or replaces something in a speech document (and so may strand a mark).
pub(super) fn changes_speech_cards(op: &SessionOp) -> bool {
    let speech = |o: &Outline| matches!(o, Outline::Speech { .. });
    match op {
        SessionOp::RemoveItem { outline, .. }
        | SessionOp::RemoveSection { outline, .. }
        | SessionOp::ReplaceItem { outline, .. } => speech(outline),
        SessionOp::Batch(ops) => ops.iter().any(changes_speech_cards),
        _ => false,
    }
}
