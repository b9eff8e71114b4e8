//! The domain model: what a debater's evidence and cases are, independent of any UI or file format.
//!
//! A [`Deck`] is like a Verbatim file: named [`Block`]s of [`Card`]s, each card quoting a [`Source`].
//! A [`Session`] is the working state of prep: two [`Case`]s (affirmative and negative) whose
//! [`Section`]s hold [`Item`]s — cards (with a snapshot, so the session opens without its deck) or
//! analytics (the debater's own words). Derived values (highlighted words, reading time) live in
//! [`timing`]. Each card carries its [`Provenance`] and, after a merge that could not reconcile two
//! edits, a [`Conflict`] mark ([`provenance`]). A session's [`Round`]s hold the speech documents
//! of a tournament round ([`round`]). Nothing here reads files or draws pixels.

pub mod answers;
pub mod calendar;
pub(crate) mod card;
mod case;
mod cite_line;
mod colour;
mod deck;
pub mod deck_outline;
mod fingerprint;
pub mod marks;
mod outline;
pub mod provenance;
pub mod read_aloud;
pub mod round;
mod session;
pub mod source;
pub mod timing;
pub mod verbatim;

pub use answers::{AnswerHow, AnswerLink, AnswerTarget};
pub use card::{Card, CiteLine, Side, optional_text, parse_labels};
pub use case::{Case, CaseSide, Item, Section, SectionKind};
pub use colour::HighlightColour;
pub use deck::{Block, Deck, ImportedFrom, SourceIndex};
pub use deck_outline::{Aside, AsideKind, Heading, HeadingLevel};
pub use fingerprint::fingerprint;
pub use marks::{Mark, MarkKind, normalize_marks};
pub use outline::Outline;
pub use provenance::{Conflict, ConflictSide, CutFrom, Provenance};
pub use round::{DebateFormat, MarkedPoint, Round, RoundFacts, Speech, SpeechSlot};
pub use session::{DEFAULT_WPM, DeckRef, Session, WPM_RANGE};
pub use source::{Author, Source};

/// The file format version this build writes (decks and sessions carry it as their first field).
/// The model owns it so that constructors need not know the file format; [`crate::format`]
/// re-exports it.
pub const CURRENT_VERSION: u32 = 7;

/// The resolution every bundled deck and the example session argue.
pub const RESOLUTION: &str =
    "Resolved: East Asian states should form a NATO-style collective defense alliance.";
