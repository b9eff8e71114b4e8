//! A speech document to hand over (#15.4), through a profile: a *send* doc (no analytics, no
//! notes), a *read* doc (only what is read aloud: tags, cites, analytics and the highlighted
//! words), a *marked* doc (each marked card cut off where reading stopped, with the marker), or
//! a *judge* copy (everything). [`prepare`] says what the profile removed before anything is
//! written, and gives a session holding only that speech, for [`super::export`] in any format.

use crate::model::{Case, CaseSide, Item, Mark, MarkKind, Round, Session, Speech};

/// What a speech document is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    /// For the other team: no analytics, no notes.
    Send,
    /// Only what is read aloud.
    Read,
    /// Cards cut off at their marked points, with the marker.
    Marked,
    /// Everything.
    Judge,
}

impl Profile {
    /// Every profile, for menus.
    pub const ALL: [Profile; 4] = [Profile::Send, Profile::Read, Profile::Marked, Profile::Judge];

    /// The name used on the command line and in menus.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Send => "send",
            Profile::Read => "read",
            Profile::Marked => "marked",
            Profile::Judge => "judge",
        }
    }
}

/// What a profile took out of a speech document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// Analytics left out.
    pub analytics: usize,
    /// Card notes left out.
    pub notes: usize,
    /// Cards whose unread text was left out.
    pub unread: usize,
    /// Cards cut off at a marked point.
    pub cut_at_marks: usize,
}

impl Removed {
    /// "removed 4 analytics, 2 notes", or "nothing removed".
    pub fn summary(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.analytics > 0 {
            parts.push(plural(self.analytics, "analytic", "analytics"));
        }
        if self.notes > 0 {
            parts.push(plural(self.notes, "note", "notes"));
        }
        if self.unread > 0 {
            parts.push(format!("the unread text of {}", plural(self.unread, "card", "cards")));
        }
        if self.cut_at_marks > 0 {
            parts.push(format!("the rest of {} after the mark", plural(self.cut_at_marks, "card", "cards")));
        }
        if parts.is_empty() { "nothing removed".into() } else { format!("removed {}", parts.join(", ")) }
    }
}

/// The marker a marked doc puts where reading stopped: "[MARKED 3:32]".
pub fn marker(at_seconds: u32) -> String {
    format!("[MARKED {}:{:02}]", at_seconds / 60, at_seconds % 60)
}

/// The debaters' file name for a speech document: "Speech 2AC Tournament R3 vs Opponent".
pub fn file_name(round: &Round, speech: &Speech) -> String {
    format!("Speech {} {}", speech.name, round.label()).trim().to_owned()
}

/// How a prepared speech document (from [`prepare`]) is exported as `format`: the side holding
/// it (both for JSON), with the cards' full text and marks, since it is read from.
pub fn options(doc: &Session, format: super::Format, wpm: u32) -> super::ExportOptions {
    use super::ExportSide;
    let side = if format == super::Format::Json {
        ExportSide::Both
    } else if doc.aff.sections.is_empty() && !doc.neg.sections.is_empty() {
        ExportSide::Neg
    } else {
        ExportSide::Aff
    };
    super::ExportOptions { side, full: true, wpm: Some(wpm), answers: false }
}

/// `speech` of `round` through `profile`: a session holding it as the case of the side giving
/// it (titled by [`file_name`]), and what was removed.
pub fn prepare(round: &Round, speech: &Speech, profile: Profile, resolution: &str) -> (Session, Removed) {
    let side = round.format.speech(&speech.name).map_or(round.side, |s| s.side);
    let mut removed = Removed::default();
    let mut sections = speech.sections.clone();
    for section in &mut sections {
        if profile == Profile::Send {
            let before = section.items.len();
            section.items.retain(|i| !matches!(i, Item::Analytic { .. }));
            removed.analytics += before - section.items.len();
        }
        for item in &mut section.items {
            let Item::Card { card, .. } = item else { continue };
            if matches!(profile, Profile::Send | Profile::Read) && card.note.take().is_some() {
                removed.notes += 1;
            }
            match profile {
                Profile::Read => {
                    let read = card.highlighted_text();
                    if read != card.text {
                        removed.unread += 1;
                    }
                    let chars = read.chars().count();
                    card.text = read;
                    card.marks = vec![Mark {
                        kind: MarkKind::Highlight,
                        start: 0,
                        end: chars,
                        colour: Default::default(),
                    }];
                    card.marks.retain(|m| m.end > m.start);
                }
                Profile::Marked => {
                    if let Some(point) = speech.marked_in(&card.id) {
                        cut_at(card, point.offset, &marker(point.at_seconds));
                        removed.cut_at_marks += 1;
                    }
                }
                Profile::Send | Profile::Judge => {}
            }
        }
    }
    let mut session = Session::new(resolution);
    let case = Case { side, title: file_name(round, speech), speech_seconds: speech.seconds, sections };
    match side {
        CaseSide::Aff => session.aff = case,
        CaseSide::Neg => session.neg = case,
    }
    (session, removed)
}

/// Cuts `card`'s text at character `offset` (marks clipped to it) and appends the marker.
fn cut_at(card: &mut crate::model::Card, offset: usize, marker: &str) {
    let kept: String = card.text.chars().take(offset).collect();
    let kept = kept.trim_end();
    let kept_chars = kept.chars().count();
    card.marks.retain(|m| m.start < kept_chars);
    for m in &mut card.marks {
        m.end = m.end.min(kept_chars);
    }
    card.text = format!("{kept} {marker}");
}

#[cfg(test)]
#[path = "speech_doc_tests.rs"]
mod tests;
