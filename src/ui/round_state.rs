//! What the window keeps about the round besides the desk: the clocks of the current speech's
//! round (they run in real time, so they live here and only their record — the prep used — goes
//! to the session), the typed-time field, the alert flash, and read mode's cursor.

use crate::desk::{ItemId, RoundId, SpeechId};
use crate::model::CaseSide;
use crate::timer::{Clock, Timer};

/// How long an alert flashes the clock strip, in seconds.
pub const FLASH_SECONDS: f64 = 1.5;

/// Where read mode's cursor is: a card of the speech and a read word of it (`None`: the card
/// has no highlighted word, or the cursor is before its first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadCursor {
    /// The card item.
    pub item: ItemId,
    /// The read word, by its position among the card's read words.
    pub word: Option<usize>,
}

/// Read mode: on or off, its cursor, and how unread text shows.
#[derive(Clone, Debug, Default)]
pub struct ReadState {
    /// Whether the window shows the speech in read mode.
    pub active: bool,
    /// Where reading is.
    pub cursor: Option<ReadCursor>,
    /// Unread text hidden (true) or shown faint (false).
    pub hide_unread: bool,
    /// Scroll the cursor into view on the next frame.
    pub scroll_to_cursor: bool,
}

/// The round's clocks and read mode.
#[derive(Default)]
pub struct RoundState {
    /// The clocks, for this round.
    pub clock: Option<(RoundId, Timer)>,
    /// The speech document the clocks last followed.
    pub followed: Option<SpeechId>,
    /// The typed-time field's text.
    pub typed: String,
    /// Put the keyboard in the typed-time field on the next frame.
    pub focus_typed: bool,
    /// Enter was pressed in the typed-time field: set the clock after the frame.
    pub submit_typed: bool,
    /// Flash the strip until this time (egui seconds).
    pub flash_until: f64,
    /// What the last alert said.
    pub alert: String,
    /// Read mode.
    pub read: ReadState,
}

/// What the strip calls a clock.
pub fn clock_name(clock: Clock) -> &'static str {
    match clock {
        Clock::Speech => "Speech clock",
        Clock::Prep(CaseSide::Aff) => "Aff prep",
        Clock::Prep(CaseSide::Neg) => "Neg prep",
    }
}
