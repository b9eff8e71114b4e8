//! Editing decks from the window: bundled decks are read-only, so the first edit saves a copy in
//! the user's deck folder and the library (and the session, on its next save) points at it; every
//! deck edit, undo and redo is then written to the deck file atomically.

use std::collections::HashMap;

use crate::format;
use crate::model::{Card, Deck, MarkKind, marks};
use crate::ops::{DeckOp, Edit};
use crate::search::CardPos;
use crate::workspace::{self, DeckOrigin};

use super::app::CasebookApp;

/// Fingerprints of deck files as last written, by deck id.
pub type SavedDecks = HashMap<String, String>;

impl CasebookApp {
    /// The folder for the user's own decks.
    pub fn user_deck_dir(&self) -> std::path::PathBuf {
        workspace::user_deck_dir(&self.data_dir)
    }

    /// Loads the user's deck folder at start; a deck there replaces the bundled one of that id.
    pub(super) fn load_user_decks(&mut self) {
        let (decks, errors) = workspace::load_deck_folder(&self.user_deck_dir());
        self.deck_warnings.extend(errors);
        for (deck, path) in decks {
            self.remember_saved(&deck);
            self.add_or_replace_deck(deck, DeckOrigin::File(path));
        }
    }

    pub(super) fn remember_saved(&mut self, deck: &Deck) {
        self.saved_decks.insert(deck.id.clone(), format::deck_fingerprint(deck));
    }

    /// Makes the deck at `index` writable: a bundled deck is first copied to the user's deck
    /// folder. Returns false (with the reason shown) if the copy cannot be written.
    pub(super) fn ensure_writable(&mut self, index: usize) -> bool {
        if self.origins[index] != DeckOrigin::Bundled {
            return true;
        }
        let deck = self.ws.decks[index].clone();
        let dir = self.user_deck_dir();
        let path = dir.join(format!("{}.deck.ron", deck.id));
        let written = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create the deck folder: {e}", dir.display()))
            .and_then(|()| format::save_deck(&deck, &path).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.remember_saved(&deck);
                self.origins[index] = DeckOrigin::File(path.clone());
                self.deck_warnings.push(format!(
                    "Bundled decks are read-only: your edits to “{}” are saved in a copy at {}",
                    deck.title,
                    path.display()
                ));
                true
            }
            Err(e) => {
                self.show_error("Cannot make an editable copy of the bundled deck", e);
                false
            }
        }
    }

    /// Writes every deck file whose content changed since it was last written.
    pub(super) fn save_changed_decks(&mut self) {
        for i in 0..self.ws.decks.len() {
            let DeckOrigin::File(path) = self.origins[i].clone() else { continue };
            let deck = &self.ws.decks[i];
            let fp = format::deck_fingerprint(deck);
            if self.saved_decks.get(&deck.id) == Some(&fp) {
                continue;
            }
            match format::save_deck(deck, &path) {
                Ok(()) => {
                    self.saved_decks.insert(deck.id.clone(), fp);
                }
                Err(e) => self.show_error("The deck was not saved", e.to_string()),
            }
        }
    }

    /// The card the editor works on: the case item selected last (its card in the loaded deck),
    /// else the library selection.
    pub(super) fn editing_pos(&self) -> Option<CardPos> {
        if self.showing_item
            && let Some((s, i)) = self.selected_item
            && let Some(crate::model::Item::Card { deck, card, .. }) =
                self.ws.session.case(self.side).sections.get(s).and_then(|sec| sec.items.get(i))
        {
            let d = self.ws.decks.iter().position(|x| &x.id == deck)?;
            for (b, block) in self.ws.decks[d].blocks.iter().enumerate() {
                if let Some(c) = block.cards.iter().position(|x| x.id == card.id) {
                    return Some(CardPos { deck: d, block: b, card: c });
                }
            }
            return None;
        }
        self.selected_card
    }

    /// The card at `pos`, if it exists.
    pub fn card_at(&self, pos: CardPos) -> Option<&Card> {
        self.ws.decks.get(pos.deck)?.blocks.get(pos.block)?.cards.get(pos.card)
    }

    /// Applies a deck op to the deck at `pos.deck` (made writable first) as one undo step.
    pub(super) fn deck_edit(&mut self, deck_index: usize, op: DeckOp) {
        if !self.ensure_writable(deck_index) {
            return;
        }
        let deck = self.ws.decks[deck_index].id.clone();
        self.edit(Edit::Deck { deck, op });
    }

    /// Replaces the card at `pos` with `card`, recording who changed it and when.
    pub(super) fn replace_card(&mut self, pos: CardPos, mut card: Card) {
        card.provenance.record_change(self.prefs.user_name.clone(), crate::model::provenance::now_rfc3339());
        self.deck_edit(pos.deck, DeckOp::ReplaceCard { block: pos.block, index: pos.card, card });
    }

    /// Inserts a copy of the card at `pos` right after it, under a fresh id ("ID-2", …).
    pub(super) fn duplicate_card(&mut self, pos: CardPos) {
        let Some(card) = self.card_at(pos).cloned() else { return };
        let ids = self.ws.decks.iter().flat_map(|d| d.cards().map(|c| c.id.clone())).collect::<Vec<_>>();
        let copy = Card { id: crate::cutting::unique(card.id.clone(), ids), ..card };
        self.deck_edit(pos.deck, DeckOp::InsertCard { block: pos.block, index: pos.card + 1, card: copy });
    }

    /// Moves the card at `pos` to the end of the first block of deck `to` (with its source, if
    /// that deck lacks it), as one undo step across both decks.
    pub(super) fn move_card_to_deck(&mut self, pos: CardPos, to: usize) {
        if !self.ensure_writable(pos.deck) || !self.ensure_writable(to) {
            return;
        }
        let Some(card) = self.card_at(pos).cloned() else { return };
        let from = &self.ws.decks[pos.deck];
        let target = &self.ws.decks[to];
        if target.blocks.is_empty() {
            return self.show_error("Not moved", format!("Deck “{}” has no block.", target.title));
        }
        if target.card(&card.id).is_some() {
            return self.show_error(
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
        let index = target.blocks[0].cards.len();
        ops.push(DeckOp::InsertCard { block: 0, index, card });
        let edit = Edit::Batch(vec![
            Edit::Deck {
                deck: from.id.clone(),
                op: DeckOp::RemoveCard { block: pos.block, index: pos.card },
            },
            Edit::Deck { deck: target.id.clone(), op: DeckOp::Batch(ops) },
        ]);
        let title = target.title.clone();
        self.edit(edit);
        self.selected_card = Some(CardPos { deck: to, block: 0, card: index });
        self.status = format!("Moved to “{title}” (Ctrl+Z moves it back).");
    }

    /// Starts watching the team folder if one is set and no watch runs; hands over what it found.
    pub(super) fn poll_team_folder(&mut self, ctx: &egui::Context) {
        if self.team_watch.is_none()
            && let Some(dir) = self.prefs.team_folder.clone()
        {
            let wake = ctx.clone();
            self.team_watch = Some(crate::team_folder::FolderWatch::start(
                dir,
                std::time::Duration::from_secs(2),
                move || wake.request_repaint(),
            ));
        }
        let Some(watch) = &self.team_watch else { return };
        for incoming in watch.poll() {
            match incoming {
                crate::team_folder::Incoming::Deck(deck, path) => {
                    // Our own save of a deck in the team folder comes back unchanged: nothing to do.
                    let ours = self.ws.decks.iter().find(|d| d.id == deck.id);
                    if ours.is_some_and(|d| format::deck_fingerprint(d) == format::deck_fingerprint(&deck)) {
                        continue;
                    }
                    self.receive_deck(*deck, path);
                }
                crate::team_folder::Incoming::Error(e) => self.deck_warnings.push(e),
            }
        }
    }

    /// Marks (or with `None` clears) `start..end` of the card at `pos`: F9/F10/F11/F12.
    pub(super) fn mark_range(&mut self, pos: CardPos, kind: Option<MarkKind>, start: usize, end: usize) {
        let Some(card) = self.card_at(pos).cloned() else { return };
        if start >= end {
            self.status =
                "Select some card text first, then F9 underline, F10 emphasis, F11 highlight, F12 clear."
                    .into();
            return;
        }
        let mut changed = card.clone();
        changed.marks = marks::apply_mark(&card.marks, kind, start, end.min(card.char_len()));
        if changed.marks != card.marks {
            self.replace_card(pos, changed);
        }
    }
}
