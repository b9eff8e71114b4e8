//! Reading the desk: what views, the command line and tests look at. Nothing here changes it.

use std::path::{Path, PathBuf};

use crate::model::{Card, Deck, Item, Outline, Session, Source};
use crate::search::{CardPos, LibraryIndex};
use crate::workspace::{CardStatus, DeckOrigin};

use super::{CardKey, CaseFigures, Desk, Identities, ItemId, Review};

impl Desk {
    /// The session being edited.
    pub fn session(&self) -> &Session {
        &self.ws.session
    }

    /// The loaded decks, in library order.
    pub fn decks(&self) -> &[Deck] {
        &self.ws.decks
    }

    /// Where the deck at `index` (library order) lives.
    pub fn origin(&self, index: usize) -> Option<&DeckOrigin> {
        self.origins.get(index)
    }

    /// The session file, if the session has been saved or opened.
    pub fn session_path(&self) -> Option<&Path> {
        self.session_path.as_deref()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A number that changes whenever anything the desk shows changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A number that changes whenever the loaded decks (and so the library index) change.
    pub fn library_revision(&self) -> u64 {
        self.library_revision
    }

    /// Warnings about the loaded decks (changed since save, not found, different resolution…).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The session found in the recovery file at start, and the file it belonged to.
    pub fn recovered(&self) -> Option<(&Session, Option<&Path>)> {
        self.recovered.as_ref().map(|(s, p)| (s, p.as_deref()))
    }

    /// Import reviews waiting for a decision, oldest first.
    pub fn reviews(&self) -> &[Review] {
        &self.reviews
    }

    /// The library index over every loaded card.
    pub fn index(&self) -> &LibraryIndex {
        &self.index
    }

    /// The folder of the user's own decks (edited copies of bundled decks, imported Word files).
    pub fn user_deck_dir(&self) -> PathBuf {
        crate::workspace::user_deck_dir(&self.data_dir)
    }

    /// The running or finished Word import or library scan, until its report is closed.
    pub fn word_import(&self) -> Option<&super::FileJob> {
        self.word_import.as_ref()
    }

    /// Sets the name recorded on the cards the user cuts or changes.
    pub fn set_user_name(&mut self, name: &str) {
        if self.user_name != name {
            name.clone_into(&mut self.user_name);
        }
    }

    /// Sets the folders of shared decks (the team folder) that a session's deck references may
    /// point into, besides the session's own folder and the user's deck folder.
    pub fn set_library_folders(&mut self, folders: Vec<PathBuf>) {
        if self.library_folders != folders {
            self.library_folders = folders;
        }
    }

    /// Reading figures of a case or speech document (whole outline and each section).
    pub fn figures(&self, outline: impl Into<Outline>) -> &CaseFigures {
        self.figures.outline(outline.into())
    }

    /// The decks whose blocks are this debate's positions (ticked, or the default).
    pub fn topic_decks(&self) -> Vec<String> {
        self.ws.session.topic_decks(&crate::bundled::ids())
    }

    /// The arguments `against` runs in the loaded decks, with the library's answers to each.
    pub fn clash_index(&self, against: crate::model::Side) -> &crate::clash::ClashIndex {
        self.figures.clash(against)
    }

    /// How ready `outline` is for the other side's arguments: that side, and each argument's
    /// coverage (`None` for an outline that does not exist). Computed once per change.
    pub fn clash(
        &self,
        outline: Outline,
    ) -> Option<&(crate::model::Side, Vec<crate::clash::ArgumentCoverage>)> {
        self.figures.coverage(outline)
    }

    /// How a case card compares with its deck.
    pub fn item_status(&self, item: ItemId) -> CardStatus {
        self.figures.status(item)
    }

    /// The id of the item at a position, and the position of an id.
    pub fn ids(&self) -> &Identities {
        &self.ids
    }

    /// The item with this id, and where it is.
    pub fn item(&self, id: ItemId) -> Option<(Outline, usize, usize, &Item)> {
        let (outline, s, i) = self.ids.locate_item(id)?;
        let item = self.ws.session.outline(outline)?.get(s)?.items.get(i)?;
        Some((outline, s, i, item))
    }

    /// Where the card with this key is in the loaded decks ([`Desk::decks`]'s order; the
    /// library's order is [`Desk::locate`]'s).
    pub fn find_card(&self, key: &CardKey) -> Option<CardPos> {
        let d = self.ws.decks.iter().position(|x| x.id == key.deck)?;
        for (b, block) in self.ws.decks[d].blocks.iter().enumerate() {
            if let Some(c) = block.cards.iter().position(|x| x.id == key.card) {
                return Some(CardPos { deck: d, block: b, card: c });
            }
        }
        None
    }

    /// Where the card with this key is in the library's order ([`Desk::index`]): in a loaded
    /// deck, or in a library file indexed but not read yet (see [`Desk::is_shelved`]).
    pub fn locate(&self, key: &CardKey) -> Option<CardPos> {
        let d = self.index.segments().iter().position(|s| s.deck_id == key.deck)?;
        let segment = &self.index.segments()[d];
        let n = segment.cards.iter().position(|c| c.id == key.card)?;
        Some(CardPos { deck: d, block: segment.cards[n].block as usize, card: segment.card_in_block(n) })
    }

    /// The key of the card at a library position (a loaded deck's or a shelved file's).
    pub fn key_at(&self, pos: CardPos) -> Option<CardKey> {
        let segment = self.index.segments().get(pos.deck)?;
        let n = segment.number(pos.block, pos.card)?;
        Some(CardKey::new(&segment.deck_id, &segment.cards[n].id))
    }

    /// The card with this key and its deck.
    pub fn card(&self, key: &CardKey) -> Option<(&Deck, &Card)> {
        let deck = self.ws.decks.iter().find(|d| d.id == key.deck)?;
        Some((deck, deck.card(&key.card)?))
    }

    /// The card with this key with the source it quotes.
    pub fn card_with_source(&self, key: &CardKey) -> Option<(&Card, &Source)> {
        let (deck, card) = self.card(key)?;
        Some((card, deck.source(&card.source)?))
    }

    /// Writes the unsaved session to the recovery file (every 30 s and when the window loses
    /// focus, while there are unsaved changes).
    pub fn write_recovery(&self) -> Result<(), crate::format::SaveError> {
        self.recovery.write(&self.ws.session, self.session_path.as_deref())
    }

    /// Removes the recovery file (a clean quit, or quitting without saving).
    pub fn clear_recovery(&mut self) {
        self.recovered = None;
        self.recovery.clear();
    }
}
