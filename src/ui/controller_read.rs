//! Read mode's keys, handled by the shell before any view draws: the cursor steps word by word
//! (←/→) or card by card (↑/↓), Space or Enter marks where reading stopped with the speech
//! clock's time, H hides or shows unread text, Esc leaves. Nothing else edits meanwhile.

use egui::{Key, Modifiers};

use crate::desk::{Intent, SpeechId};
use crate::model::Item;

use super::app::CasebookApp;
use super::read_mode::{mark_offset, stops};
use super::round_state::ReadCursor;

/// A key of read mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReadKey {
    NextWord,
    PrevWord,
    NextCard,
    PrevCard,
    Mark,
    ToggleHide,
    Leave,
}

const KEYS: [(Key, ReadKey); 9] = [
    (Key::ArrowRight, ReadKey::NextWord),
    (Key::ArrowLeft, ReadKey::PrevWord),
    (Key::ArrowDown, ReadKey::NextCard),
    (Key::ArrowUp, ReadKey::PrevCard),
    (Key::Space, ReadKey::Mark),
    (Key::Enter, ReadKey::Mark),
    (Key::H, ReadKey::ToggleHide),
    (Key::Escape, ReadKey::Leave),
    (Key::PageDown, ReadKey::NextCard),
];

impl CasebookApp {
    /// Takes read mode's keys from this frame's input and acts on them.
    pub(super) fn read_mode_keys(&mut self, ctx: &egui::Context) {
        let Some(speech) = self.selection.current_speech(&self.desk) else {
            self.round.read.active = false;
            return;
        };
        let now = ctx.input(|i| i.time);
        for (key, action) in KEYS {
            while ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                self.read_key(action, speech, now);
            }
        }
    }

    fn read_key(&mut self, key: ReadKey, speech: SpeechId, now: f64) {
        match key {
            ReadKey::NextWord => self.step_cursor(speech, |stops, at| (at + 1).min(stops.len() - 1)),
            ReadKey::PrevWord => self.step_cursor(speech, |_, at| at.saturating_sub(1)),
            ReadKey::NextCard => self.step_cursor(speech, |stops, at| {
                let item = stops[at].item;
                stops.iter().skip(at).position(|s| s.item != item).map_or(at, |p| at + p)
            }),
            ReadKey::PrevCard => self.step_cursor(speech, |stops, at| {
                let item = stops[at].item;
                let start = stops.iter().position(|s| s.item == item).unwrap_or(0);
                if start < at {
                    return start;
                }
                let previous = start.saturating_sub(1);
                stops.iter().position(|s| s.item == stops[previous].item).unwrap_or(0)
            }),
            ReadKey::Mark => self.mark_here(speech, now),
            ReadKey::ToggleHide => self.round.read.hide_unread = !self.round.read.hide_unread,
            ReadKey::Leave => {
                self.round.read.active = false;
                self.status = "Left read mode.".into();
            }
        }
    }

    /// Moves the cursor to `to(stops, current)`; with no cursor yet, to the first stop.
    fn step_cursor(&mut self, speech: SpeechId, to: impl Fn(&[ReadCursor], usize) -> usize) {
        let stops = stops(&self.desk, speech);
        if stops.is_empty() {
            self.status = "This speech has no cards to read yet.".into();
            return;
        }
        let at = self.round.read.cursor.and_then(|c| stops.iter().position(|s| *s == c));
        self.round.read.cursor = Some(stops[at.map_or(0, |at| to(&stops, at))]);
        self.round.read.scroll_to_cursor = true;
    }

    /// Marks the cursor's card where the cursor is, at the speech clock's time.
    fn mark_here(&mut self, speech: SpeechId, now: f64) {
        let Some(cursor) = self.round.read.cursor else {
            self.status =
                "Move to the word where you stopped (Right, or a click), then Space marks it.".into();
            return;
        };
        let Some((_, _, _, Item::Card { card, .. })) = self.desk.item(cursor.item) else { return };
        let offset = mark_offset(card, cursor.word);
        self.sync_clock(now);
        let elapsed = match &self.round.clock {
            Some((round, timer)) if *round == speech.round => timer.speech_elapsed(now),
            _ => 0,
        };
        self.apply(Intent::MarkSpeech { speech, item: cursor.item, point: Some((offset, elapsed)) });
    }
}
