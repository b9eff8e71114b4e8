//! The round's clocks as a pure state machine: the speech clock and each side's prep clock, one
//! running at a time, typed times ("800" is 8:00), alerts when a running clock crosses a chosen
//! time left, and the prep each side used. Time is passed in (seconds since any fixed point), so
//! the window drives it with its frame time and tests with plain numbers; nothing here sleeps.

use crate::model::{CaseSide, DebateFormat};

/// Which clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clock {
    /// The current speech's clock.
    Speech,
    /// A side's prep clock.
    Prep(CaseSide),
}

/// A running clock crossed a chosen time left (seconds; 0 is time's up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alert {
    /// The clock.
    pub clock: Clock,
    /// Seconds left when it fired.
    pub seconds_left: u32,
}

/// The default alert points: a minute, thirty seconds, ten seconds, time.
pub const DEFAULT_ALERTS: [u32; 4] = [60, 30, 10, 0];

/// The speech and prep clocks of a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Timer {
    format: DebateFormat,
    speech: usize,
    /// Seconds left on the speech clock and on each side's prep (aff, neg), as of `since`
    /// for the running clock; negative is overtime.
    speech_left: f64,
    prep_left: [f64; 2],
    running: Option<(Clock, f64)>,
    alerts: Vec<u32>,
    /// Alert points already passed by each clock's current run of time.
    fired: Vec<(Clock, u32)>,
}

fn side_index(side: CaseSide) -> usize {
    match side {
        CaseSide::Aff => 0,
        CaseSide::Neg => 1,
    }
}

impl Timer {
    /// Clocks for `format` at its first speech, with `prep_used` seconds (aff, neg) already used.
    pub fn new(format: DebateFormat, prep_used: [u32; 2]) -> Timer {
        let prep = f64::from(format.prep_seconds());
        Timer {
            format,
            speech: 0,
            speech_left: f64::from(format.speeches()[0].seconds),
            prep_left: prep_used.map(|used| prep - f64::from(used)),
            running: None,
            alerts: DEFAULT_ALERTS.to_vec(),
            fired: Vec::new(),
        }
    }

    /// Alert when a running clock crosses these seconds left.
    pub fn set_alerts(&mut self, mut alerts: Vec<u32>) {
        alerts.sort_unstable_by(|a, b| b.cmp(a));
        alerts.dedup();
        self.alerts = alerts;
    }

    /// The current speech's name and length.
    pub fn speech(&self) -> crate::model::SpeechSlot {
        self.format.speeches()[self.speech]
    }

    /// The clock running, if any.
    pub fn running(&self) -> Option<Clock> {
        self.running.map(|(c, _)| c)
    }

    fn stored(&mut self, clock: Clock) -> &mut f64 {
        match clock {
            Clock::Speech => &mut self.speech_left,
            Clock::Prep(side) => &mut self.prep_left[side_index(side)],
        }
    }

    /// Seconds left on `clock` at `now` (negative: overtime).
    pub fn left(&self, clock: Clock, now: f64) -> f64 {
        let stored = match clock {
            Clock::Speech => self.speech_left,
            Clock::Prep(side) => self.prep_left[side_index(side)],
        };
        match self.running {
            Some((c, since)) if c == clock => stored - (now - since).max(0.0),
            _ => stored,
        }
    }

    /// Starts `clock` (stopping the one running: one clock runs at a time).
    pub fn start(&mut self, clock: Clock, now: f64) {
        self.stop(now);
        self.running = Some((clock, now));
    }

    /// Stops the running clock, keeping its time.
    pub fn stop(&mut self, now: f64) {
        if let Some((clock, _)) = self.running {
            let left = self.left(clock, now);
            *self.stored(clock) = left;
            self.running = None;
        }
    }

    /// Starts `clock`, or stops it if it runs.
    pub fn toggle(&mut self, clock: Clock, now: f64) {
        if self.running() == Some(clock) { self.stop(now) } else { self.start(clock, now) }
    }

    /// Stops the clocks and moves to the next speech (the last stays last), its clock full.
    pub fn next_speech(&mut self, now: f64) {
        self.go_to_speech(self.speech + 1, now);
    }

    /// Stops the clocks and moves to speech `index` of the format (the last if past it), its
    /// clock full.
    pub fn go_to_speech(&mut self, index: usize, now: f64) {
        self.stop(now);
        self.speech = index.min(self.format.speeches().len() - 1);
        self.speech_left = f64::from(self.speech().seconds);
        self.fired.retain(|(c, _)| *c != Clock::Speech);
    }

    /// The position of the current speech in the format.
    pub fn speech_index(&self) -> usize {
        self.speech
    }

    /// Seconds of the current speech gone by at `now` (its length less the time left).
    pub fn speech_elapsed(&self, now: f64) -> u32 {
        (f64::from(self.speech().seconds) - self.left(Clock::Speech, now)).max(0.0).round() as u32
    }

    /// Sets `clock` to a typed time (see [`parse_time`]); a running clock keeps running from it.
    pub fn set_typed(&mut self, clock: Clock, typed: &str, now: f64) -> Result<(), String> {
        let seconds = parse_time(typed)?;
        let running = self.running() == Some(clock);
        if running {
            self.running = Some((clock, now));
        }
        *self.stored(clock) = f64::from(seconds);
        self.fired.retain(|(c, at)| *c != clock || *at >= seconds);
        Ok(())
    }

    /// The alerts the running clock crossed since the last call (each alert point once per
    /// run down).
    pub fn tick(&mut self, now: f64) -> Vec<Alert> {
        let Some(clock) = self.running() else { return Vec::new() };
        let left = self.left(clock, now);
        let mut out = Vec::new();
        for &at in &self.alerts {
            if left <= f64::from(at) && !self.fired.contains(&(clock, at)) {
                self.fired.push((clock, at));
                out.push(Alert { clock, seconds_left: at });
            }
        }
        out
    }

    /// Prep seconds each side (aff, neg) has used at `now`, for the round's record.
    pub fn prep_used(&self, now: f64) -> [u32; 2] {
        let total = f64::from(self.format.prep_seconds());
        [CaseSide::Aff, CaseSide::Neg]
            .map(|side| (total - self.left(Clock::Prep(side), now)).max(0.0).round() as u32)
    }
}

/// A typed time in seconds: `800` or `8:00` is eight minutes, `45` is 45 seconds, `1230` is
/// 12:30. Seconds must be under 60, minutes under 100.
pub fn parse_time(typed: &str) -> Result<u32, String> {
    let t = typed.trim();
    let bad = || format!("{typed:?} is not a time: type minutes and seconds, e.g. 800 or 8:00");
    let (minutes, seconds) = match t.split_once(':') {
        Some((m, s)) if s.len() == 2 => (m, s),
        Some(_) => return Err(bad()),
        None if t.len() > 2 => t.split_at(t.len() - 2),
        None => ("", t),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if t.is_empty() || !digits(minutes) || !digits(seconds) || minutes.len() > 2 {
        return Err(bad());
    }
    let minutes: u32 = if minutes.is_empty() { 0 } else { minutes.parse().map_err(|_| bad())? };
    let seconds: u32 = seconds.parse().map_err(|_| bad())?;
    if seconds >= 60 {
        return Err(format!("{typed:?}: {seconds} seconds; type 1:15 rather than 75"));
    }
    Ok(minutes * 60 + seconds)
}

#[cfg(test)]
#[path = "timer_tests.rs"]
mod tests;
