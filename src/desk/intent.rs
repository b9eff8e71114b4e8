//! What a user (through the window), a script or a test asks the desk to do. An intent carries
//! everything it needs — ids, not positions; the export format and options; the selected text
//! range — so it can be applied later, in one place, by [`super::Desk::apply`].

use std::path::PathBuf;

use crate::cutting::SourceDoc;
use crate::export::speech_doc::Profile;
use crate::export::{ExportOptions, Format};
use crate::model::{Card, CaseSide, Deck, MarkKind, Round, RoundFacts, Section, Session, Side, Source};

use super::identity::{ItemId, OutlineId, RoundId, SectionId, SpeechId};

/// What can be sent to a speech document (Verbatim's `` ` `` key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sendable {
    /// One library card: it goes after the speech's selected item, or at the end.
    Card(CardKey),
    /// Every card of a deck's block, as a new section titled by the block.
    Block {
        /// The deck's id.
        deck: String,
        /// The block's index in the deck.
        block: usize,
    },
    /// A section of a case or another speech, copied as a new section.
    Section(SectionId),
}

/// A card in a loaded deck, named by the deck's id and the card's id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardKey {
    /// The deck's id.
    pub deck: String,
    /// The card's id within that deck.
    pub card: String,
}

impl CardKey {
    /// The key of card `card` in deck `deck`.
    pub fn new(deck: impl Into<String>, card: impl Into<String>) -> Self {
        CardKey { deck: deck.into(), card: card.into() }
    }
}

/// Where in a case something goes: a section, and the item it goes before (`None`: the end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The section.
    pub section: SectionId,
    /// The item it goes before; `None` puts it at the end of the section.
    pub before: Option<ItemId>,
}

/// Which way to move something by one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Towards the start.
    Up,
    /// Towards the end.
    Down,
}

/// One thing to do to the session, the decks or the files behind them.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant, reason = "a handful per frame; boxing buys nothing")]
pub enum Intent {
    // ---- the session as a whole ----
    /// Start over with an empty session (unsaved changes are discarded: ask first).
    NewSession,
    /// Replace the session with this one, not yet saved anywhere (the example session).
    ReplaceSession {
        /// The session.
        session: Box<Session>,
        /// What the status line says afterwards.
        note: String,
    },
    /// Open a session file and the decks it names (unsaved changes are discarded: ask first).
    OpenSession(PathBuf),
    /// Save the session to this path (`.session.ron` is added when the name has no such ending).
    SaveSession(PathBuf),
    /// Write the session and copies of the decks it uses into this folder, to carry elsewhere.
    SaveWithDecks(PathBuf),
    /// Take back the session found in the recovery file.
    RestoreRecovery,
    /// Throw away the recovery file.
    DiscardRecovery,
    /// Write the export of the session to `path`, atomically.
    Export {
        /// The format.
        format: Format,
        /// Side, detail and reading speed.
        options: ExportOptions,
        /// Where; the format's extension is added when the name has none.
        path: PathBuf,
    },
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,

    // ---- decks ----
    /// Add a deck file to the library (or review it against the loaded deck with its id).
    OpenDeck(PathBuf),
    /// Import Word (.docx) files (a folder: the Word documents under it) as decks, off the UI thread: each joins the library and is saved
    /// in the user's deck folder as it is read (see [`Intent::PollImport`]).
    ImportWordFiles(Vec<PathBuf>),
    /// Read every deck and Word file under these library folders (with their subfolders) into
    /// the library, off the UI thread (see [`Intent::PollImport`]).
    ScanLibrary(Vec<PathBuf>),
    /// Read again the library folders' files that changed on disk since they were read, add new
    /// ones and drop the decks of deleted ones, quietly (the shell sends it every few seconds).
    RefreshLibrary(Vec<PathBuf>),
    /// Read the library file holding this deck (indexed, not read yet) into the library: its
    /// cards are about to be shown. Intents naming a card of such a deck read it first too.
    OpenLibraryDeck(String),
    /// Take in what a running Word import has read (the shell sends it every frame meanwhile).
    PollImport,
    /// Stop a running Word import after the current file.
    CancelImport,
    /// Close a finished Word import's report.
    CloseImportReport,
    /// A teammate's deck arrived (team folder): load it, or review it against ours.
    ReceiveDeck {
        /// Their deck.
        deck: Box<Deck>,
        /// Where it came from.
        path: PathBuf,
    },
    /// Note a problem found outside the desk (a team-folder file that does not load) among the
    /// warnings about decks.
    Warn(String),
    /// Decide a pending import review: which of its changes to take.
    DecideReview {
        /// The review.
        review: u64,
        /// One flag per change, in the review's order.
        accepted: Vec<bool>,
    },

    // ---- the cases ----
    /// Add a library card to a case or speech document.
    AddCard {
        /// The card.
        card: CardKey,
        /// Where (the section says which outline).
        place: Place,
    },
    /// Add an analytic to a case or speech document.
    AddAnalytic {
        /// Where (the section says which outline).
        place: Place,
        /// What the debater says.
        text: String,
    },
    /// Change an analytic's words.
    SetAnalytic {
        /// The analytic.
        item: ItemId,
        /// Its new words.
        text: String,
    },
    /// Remove an item from its case.
    RemoveItem(ItemId),
    /// Move an item to another place (in its own case).
    MoveItem {
        /// The item.
        item: ItemId,
        /// Where it goes.
        place: Place,
    },
    /// Move an item one step up or down within its section.
    StepItem {
        /// The item.
        item: ItemId,
        /// Which way.
        step: Step,
    },
    /// Replace a case card's snapshot with the card as its deck has it now.
    UpdateFromDeck(ItemId),
    /// Add a section at the end of a case or speech document.
    AddSection {
        /// The case or speech document.
        outline: OutlineId,
        /// The new section (usually empty).
        section: Section,
    },
    /// Remove a section and its items.
    RemoveSection(SectionId),
    /// Retitle a section.
    RenameSection {
        /// The section.
        section: SectionId,
        /// Its new title.
        title: String,
    },
    /// Move a section one step up or down.
    StepSection {
        /// The section.
        section: SectionId,
        /// Which way.
        step: Step,
    },
    /// Retitle a case.
    SetCaseTitle {
        /// The case.
        side: CaseSide,
        /// Its new title.
        title: String,
    },
    /// Set the speech length a case is built for.
    SetSpeechSeconds {
        /// The case.
        side: CaseSide,
        /// Seconds.
        seconds: u32,
        /// True while the same drag goes on: merged into the previous step (one undo step).
        continuing: bool,
    },
    /// Set the reading speed.
    SetWpm {
        /// Words per minute.
        wpm: u32,
        /// True while the same drag goes on: merged into the previous step.
        continuing: bool,
    },
    /// Replace the session notes.
    SetNotes(String),
    /// Set what counts as read aloud besides highlighted text (tags, short cites).
    SetCounting(crate::model::timing::Counting),
    /// Set the decks whose arguments are this debate's positions in the clash map (`None`: the
    /// bundled decks and the decks the session uses).
    SetTopic(Option<Vec<String>>),
    /// Tick (or untick) one deck as this debate's, from the topic as it stands.
    TickTopicDeck {
        /// The deck's id.
        deck: String,
        /// Whether it is this debate's.
        on: bool,
    },

    // ---- rounds ----
    /// Add a round at the end of the session's rounds.
    AddRound(Box<Round>),
    /// Remove a round with its speech documents.
    RemoveRound(RoundId),
    /// Replace a round's facts (tournament, opponent, judge, …).
    SetRoundFacts {
        /// The round.
        round: RoundId,
        /// Its new facts.
        facts: Box<RoundFacts>,
    },
    /// Send a card, a block or a section to a speech document (`` ` ``), as one undo step.
    Send {
        /// What to send.
        what: Sendable,
        /// The speech document.
        to: SpeechId,
        /// The item it goes after; `None` sends it to the end.
        after: Option<ItemId>,
    },
    /// Mark where reading stopped in a card of a speech (`None` clears the card's mark).
    MarkSpeech {
        /// The speech document.
        speech: SpeechId,
        /// The card item.
        item: ItemId,
        /// Characters of the card's text read, and seconds into the speech.
        point: Option<(usize, u32)>,
    },
    /// Record the prep seconds each side has used in a round.
    SetPrepUsed {
        /// The round.
        round: RoundId,
        /// Seconds used by the affirmative and the negative.
        prep: [u32; 2],
    },
    /// Write a speech document through a profile to `path`, atomically.
    ExportSpeech {
        /// The speech document.
        speech: SpeechId,
        /// What the document is for.
        profile: Profile,
        /// The format.
        format: Format,
        /// Where; the format's extension is added when the name has none.
        path: PathBuf,
    },
    /// Write a round's caselist disclosure (cite entries in Markdown) to `path`, atomically.
    Disclose {
        /// The round.
        round: RoundId,
        /// Where; `.md` is added when the name has no extension.
        path: PathBuf,
    },

    // ---- clash ----
    /// Link a library card as an answer to an argument (a card, a block or a label), in its
    /// deck; replaces the way it answers that argument if it already did.
    LinkAnswer {
        /// The answering card.
        answer: CardKey,
        /// What it answers.
        target: crate::model::AnswerTarget,
        /// How.
        how: crate::model::AnswerHow,
    },
    /// Link an item of a case or speech as an answer to an argument: an analytic in the
    /// session, a card in its deck.
    LinkItem {
        /// The analytic or card item.
        item: ItemId,
        /// What it answers.
        target: crate::model::AnswerTarget,
        /// How.
        how: crate::model::AnswerHow,
    },
    /// Remove a card's link to an argument.
    UnlinkAnswer {
        /// The answering card.
        answer: CardKey,
        /// What it no longer answers.
        target: crate::model::AnswerTarget,
    },

    // ---- cards in decks ----
    /// Replace a deck's card with this version (tag, side, labels, locator, note, quote);
    /// who changed it and when are recorded.
    UpdateCard {
        /// The card.
        key: CardKey,
        /// Its new version (same id).
        card: Box<Card>,
    },
    /// Mark (or, with `None`, clear) characters `start..end` of a card: F9/F10/F11/F12.
    MarkCard {
        /// The card.
        key: CardKey,
        /// The mark, or `None` to clear.
        kind: Option<MarkKind>,
        /// The selected character range.
        range: (usize, usize),
    },
    /// Insert a copy of a card right after it, under a fresh id.
    DuplicateCard(CardKey),
    /// Delete a card from its deck.
    DeleteCard(CardKey),
    /// Move a card to the end of another block of its deck.
    MoveCardToBlock {
        /// The card.
        key: CardKey,
        /// The block's index in the deck.
        block: usize,
    },
    /// Move a card to the end of the first block of another deck (with its source).
    MoveCardToDeck {
        /// The card.
        key: CardKey,
        /// The other deck's id.
        deck: String,
    },
    /// Replace a deck's citation of one source.
    ReplaceSource {
        /// The deck's id.
        deck: String,
        /// The source, with the id of the one it replaces.
        source: Source,
    },
    /// Cut the characters `range` of a source document into a new card.
    CutCard {
        /// The source document.
        doc: Box<SourceDoc>,
        /// The selected character range (snapped to whole words).
        range: (usize, usize),
        /// The new card's tag.
        tag: String,
        /// Its side.
        side: Side,
        /// The deck it goes into.
        deck: String,
        /// The block's index in that deck.
        block: usize,
    },
}

impl Intent {
    /// The deck whose card this intent names, if any (it must be read before the intent applies).
    pub(super) fn card_deck(&self) -> Option<&str> {
        match self {
            Intent::AddCard { card: key, .. }
            | Intent::UpdateCard { key, .. }
            | Intent::MarkCard { key, .. }
            | Intent::DuplicateCard(key)
            | Intent::DeleteCard(key)
            | Intent::MoveCardToBlock { key, .. }
            | Intent::MoveCardToDeck { key, .. }
            | Intent::Send { what: Sendable::Card(key), .. }
            | Intent::LinkAnswer { answer: key, .. }
            | Intent::UnlinkAnswer { answer: key, .. } => Some(&key.deck),
            Intent::Send { what: Sendable::Block { deck, .. }, .. } => Some(deck),
            _ => None,
        }
    }
}
