//! The round's commands, handled after the frame like every other: the current speech, sending
//! to it, read mode, the clocks (kept on the current speech's round, their prep recorded in the
//! session when a prep clock stops), new rounds, speech exports and disclosure.

use crate::desk::{Intent, Sendable, SpeechId};
use crate::model::{CaseSide, Outline};
use crate::timer::Clock;

use super::app::CasebookApp;
use super::commands::Command;
use super::modals::Modal;
use super::round_state::{FLASH_SECONDS, ReadState, clock_name};
use super::view_state::{CentralTab, PathFor};

impl CasebookApp {
    /// Runs a command of the Round menu.
    pub(super) fn run_round_command(&mut self, command: Command, now: f64) {
        use Command::*;
        if command == NewRound {
            self.modal = Some(Modal::NewRound(Box::default()));
            return;
        }
        let Some(speech) = self.selection.current_speech(&self.desk) else {
            self.status = "No round yet: Round → New round… (Ctrl+Shift+R) starts one.".into();
            return;
        };
        match command {
            ExportSpeech => {
                self.modal =
                    Some(Modal::SpeechExport(Box::new(super::speech_export::SpeechExport::new(speech))))
            }
            Disclose => {
                let Some(index) = self.desk.ids().locate_round(speech.round) else { return };
                let round = &self.desk.session().rounds[index];
                let name = crate::export::caselist::open_source_name(round).replace(".docx", " cites");
                self.ask_path_named(PathFor::Disclose(speech.round), &name);
            }
            SendToSpeech | SendToSpeechEnd => self.send_to_speech(speech, command == SendToSpeechEnd),
            ShowSpeech => {
                self.selection.speech = Some(speech);
                self.selection.showing_speech = true;
            }
            NextSpeechDoc | PrevSpeechDoc => self.step_speech(speech, command == NextSpeechDoc),
            ReadMode => self.toggle_read_mode(speech),
            SpeechClock => self.toggle_clock(Some(Clock::Speech), now),
            OurPrep | TheirPrep => {
                let ours = self.round_side(speech);
                let side = if command == OurPrep { ours } else { other(ours) };
                self.toggle_clock(Some(Clock::Prep(side)), now);
            }
            NextTimerSpeech => {
                self.sync_clock(now);
                if let Some((_, timer)) = &mut self.round.clock {
                    timer.next_speech(now);
                }
                self.record_prep(now);
            }
            SetTimer => self.round.focus_typed = true,
            _ => {}
        }
    }

    fn round_side(&self, speech: SpeechId) -> CaseSide {
        let index = self.desk.ids().locate_round(speech.round);
        index.map_or(CaseSide::Aff, |i| self.desk.session().rounds[i].side)
    }

    /// Sends the selected thing to the current speech: the reader's case item's section when a
    /// section heading was chosen, else the library card or the case item shown in the reader.
    fn send_to_speech(&mut self, speech: SpeechId, to_end: bool) {
        let what = if self.selection.showing_item {
            match self.selection.item.and_then(|i| self.desk.item(i)) {
                Some((_, _, _, crate::model::Item::Card { deck, card, .. })) => {
                    Some(Sendable::Card(crate::desk::CardKey::new(deck, &card.id)))
                }
                _ => None,
            }
        } else {
            self.selection.card.clone().map(Sendable::Card)
        };
        let what = what.or_else(|| self.selection.current_section(&self.desk).map(Sendable::Section));
        let Some(what) = what else {
            self.status = "Select a card in the library (or a case item) to send.".into();
            return;
        };
        // After the speech's selected item, when the speech is what the panel shows.
        let outline = self.desk.ids().speech_outline(speech);
        let after = (!to_end)
            .then_some(self.selection.item)
            .flatten()
            .filter(|i| self.desk.item(*i).is_some_and(|(o, ..)| Some(o) == outline));
        let outcome = self.apply(Intent::Send { what, to: speech, after });
        if outcome.session_changed && self.selection.showing_speech {
            self.selection.item = outcome.select_item.or(self.selection.item);
        }
    }

    fn step_speech(&mut self, speech: SpeechId, forward: bool) {
        let Some(Outline::Speech { round, speech: s }) = self.desk.ids().speech_outline(speech) else {
            return;
        };
        let count = self.desk.session().rounds[round].speeches.len();
        let next = if forward { (s + 1).min(count.saturating_sub(1)) } else { s.saturating_sub(1) };
        self.selection.speech = Some(SpeechId { round: speech.round, speech: next });
        self.selection.showing_speech = true;
        self.selection.item = None;
        self.round.read.cursor = None;
    }

    fn toggle_read_mode(&mut self, speech: SpeechId) {
        let read = &mut self.round.read;
        if read.active {
            read.active = false;
            self.status = "Left read mode.".into();
            return;
        }
        self.selection.speech = Some(speech);
        *read =
            ReadState { active: true, hide_unread: read.hide_unread, scroll_to_cursor: true, cursor: None };
        self.selection.central = CentralTab::Read;
        self.status =
            "Read mode: Left/Right word, Up/Down card, Space or Enter marks where you stopped, Esc leaves."
                .into();
    }

    /// Keeps the clocks on the current speech's round, and on its speech while they stand still.
    pub(super) fn sync_clock(&mut self, now: f64) {
        let Some(speech) = self.selection.current_speech(&self.desk) else { return };
        let Some(index) = self.desk.ids().locate_round(speech.round) else { return };
        if self.round.clock.as_ref().is_none_or(|(id, _)| *id != speech.round) {
            self.record_prep(now);
            let round = &self.desk.session().rounds[index];
            self.round.clock = Some((speech.round, crate::timer::Timer::new(round.format, round.prep_used)));
            self.round.followed = None;
        }
        let round = &self.desk.session().rounds[index];
        if self.round.followed != Some(speech)
            && let Some((_, timer)) = &mut self.round.clock
            && timer.running().is_none()
        {
            let name = round.speeches.get(speech.speech).map(|s| s.name.as_str()).unwrap_or_default();
            if let Some(at) = round.format.speeches().iter().position(|s| s.name.eq_ignore_ascii_case(name)) {
                timer.go_to_speech(at, now);
            }
            self.round.followed = Some(speech);
        }
    }

    /// Starts or stops a clock (`None`: stops whatever runs), then records prep if it stopped.
    pub(super) fn toggle_clock(&mut self, clock: Option<Clock>, now: f64) {
        self.sync_clock(now);
        let Some((_, timer)) = &mut self.round.clock else { return };
        match clock {
            Some(c) => timer.toggle(c, now),
            None => timer.stop(now),
        }
        self.record_prep(now);
    }

    /// Writes the prep used into the round when no prep clock runs and it changed.
    fn record_prep(&mut self, now: f64) {
        let Some((round, timer)) = &self.round.clock else { return };
        if matches!(timer.running(), Some(Clock::Prep(_))) {
            return;
        }
        let (round, prep) = (*round, timer.prep_used(now));
        let recorded = self.desk.ids().locate_round(round).map(|i| self.desk.session().rounds[i].prep_used);
        if recorded.is_some_and(|r| r != prep) {
            self.apply(Intent::SetPrepUsed { round, prep });
        }
    }

    /// Sets the chosen clock (the running one, else the speech clock) to the typed time.
    pub(super) fn set_typed_time(&mut self, now: f64) {
        self.sync_clock(now);
        let Some((_, timer)) = &mut self.round.clock else { return };
        let clock = timer.running().unwrap_or(Clock::Speech);
        match timer.set_typed(clock, &self.round.typed, now) {
            Ok(()) => {
                self.status = format!("{} set to {}.", clock_name(clock), self.round.typed.trim());
                self.round.typed.clear();
            }
            Err(e) => self.status = e,
        }
        self.record_prep(now);
    }

    /// Alerts of the running clock: a flash of the strip, and a sound where the system has one.
    pub(super) fn tick_clock(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.sync_clock(now);
        let Some((_, timer)) = &mut self.round.clock else { return };
        timer.set_alerts(self.prefs.clock_alerts.clone());
        for alert in timer.tick(now) {
            self.round.flash_until = now + FLASH_SECONDS;
            self.round.alert = if alert.seconds_left == 0 {
                format!("{}: time!", clock_name(alert.clock))
            } else {
                format!(
                    "{}: {} left",
                    clock_name(alert.clock),
                    crate::model::timing::clock(alert.seconds_left)
                )
            };
            super::alert_sound::ring();
        }
        if timer.running().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        if self.round.flash_until > now {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

fn other(side: CaseSide) -> CaseSide {
    match side {
        CaseSide::Aff => CaseSide::Neg,
        CaseSide::Neg => CaseSide::Aff,
    }
}
