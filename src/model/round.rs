//! Rounds: what a debater carries into a tournament round — the round's facts, one speech
//! document per speech of the format (an outline like a case), where reading stopped in a card
//! ("marked"), and the prep time each side used.

use serde::{Deserialize, Serialize};

use super::{CaseSide, Section};

/// A debate format: its speeches in order, with their lengths, and each side's prep time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DebateFormat {
    /// Policy (CX): eight speeches, 8 minutes of prep a side.
    #[default]
    Policy,
    /// Lincoln–Douglas: five speeches, 4 minutes of prep a side.
    LincolnDouglas,
    /// Public Forum: eight speeches, 3 minutes of prep a team.
    PublicForum,
}

/// One speech of a format: its name, length, and who gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeechSlot {
    /// The name debaters use ("1AC", "NR", "Pro Summary").
    pub name: &'static str,
    /// Its length in seconds.
    pub seconds: u32,
    /// The side giving it (Public Forum's Pro is the affirmative).
    pub side: CaseSide,
}

const fn slot(name: &'static str, minutes: u32, side: CaseSide) -> SpeechSlot {
    SpeechSlot { name, seconds: minutes * 60, side }
}

use CaseSide::{Aff, Neg};

const POLICY: [SpeechSlot; 8] = [
    slot("1AC", 8, Aff),
    slot("1NC", 8, Neg),
    slot("2AC", 8, Aff),
    slot("2NC", 8, Neg),
    slot("1NR", 5, Neg),
    slot("1AR", 5, Aff),
    slot("2NR", 5, Neg),
    slot("2AR", 5, Aff),
];
const LINCOLN_DOUGLAS: [SpeechSlot; 5] =
    [slot("AC", 6, Aff), slot("NC", 7, Neg), slot("1AR", 4, Aff), slot("NR", 6, Neg), slot("2AR", 3, Aff)];
const PUBLIC_FORUM: [SpeechSlot; 8] = [
    slot("Pro Constructive", 4, Aff),
    slot("Con Constructive", 4, Neg),
    slot("Pro Rebuttal", 4, Aff),
    slot("Con Rebuttal", 4, Neg),
    slot("Pro Summary", 3, Aff),
    slot("Con Summary", 3, Neg),
    slot("Pro Final Focus", 2, Aff),
    slot("Con Final Focus", 2, Neg),
];

impl DebateFormat {
    /// Every format, for menus.
    pub const ALL: [DebateFormat; 3] =
        [DebateFormat::Policy, DebateFormat::LincolnDouglas, DebateFormat::PublicForum];

    /// The name debaters use.
    pub fn name(self) -> &'static str {
        match self {
            DebateFormat::Policy => "Policy",
            DebateFormat::LincolnDouglas => "Lincoln–Douglas",
            DebateFormat::PublicForum => "Public Forum",
        }
    }

    /// The speeches in the order they are given.
    pub fn speeches(self) -> &'static [SpeechSlot] {
        match self {
            DebateFormat::Policy => &POLICY,
            DebateFormat::LincolnDouglas => &LINCOLN_DOUGLAS,
            DebateFormat::PublicForum => &PUBLIC_FORUM,
        }
    }

    /// The speech with this name (ignoring case), if the format has it.
    pub fn speech(self, name: &str) -> Option<SpeechSlot> {
        self.speeches().iter().copied().find(|s| s.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Each side's prep time in seconds (tournaments vary; this is the common default).
    pub fn prep_seconds(self) -> u32 {
        match self {
            DebateFormat::Policy => 8 * 60,
            DebateFormat::LincolnDouglas => 4 * 60,
            DebateFormat::PublicForum => 3 * 60,
        }
    }
}

/// Where reading stopped in a card of a speech: told to the other team ("marked at …").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkedPoint {
    /// The card's id (in this speech).
    pub card: String,
    /// Characters of the card's text read before the mark.
    pub offset: usize,
    /// Seconds into the speech when it was marked.
    pub at_seconds: u32,
}

/// A speech document: the outline read in one speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speech {
    /// The speech's name in its format ("2AC").
    pub name: String,
    /// Its length in seconds (the time budget the outline is measured against).
    pub seconds: u32,
    /// Sections of cards and analytics, in reading order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Where reading stopped in cards of this speech.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marked: Vec<MarkedPoint>,
}

impl Speech {
    /// An empty speech document for `slot`.
    pub fn new(slot: SpeechSlot) -> Self {
        Speech { name: slot.name.to_owned(), seconds: slot.seconds, sections: Vec::new(), marked: Vec::new() }
    }

    /// Where reading stopped in card `id`, if it was marked.
    pub fn marked_in(&self, id: &str) -> Option<&MarkedPoint> {
        self.marked.iter().find(|m| m.card == id)
    }
}

/// What can be said of a round after it started: everything but its format, speeches and prep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundFacts {
    /// The tournament.
    pub tournament: String,
    /// The round ("R3", "Octas").
    pub round: String,
    /// The side this debater is on.
    pub side: CaseSide,
    /// The debater's school.
    pub school: String,
    /// The team code.
    pub team: String,
    /// The opposing team.
    pub opponent: String,
    /// The judge or panel.
    pub judge: String,
    /// The date, `YYYY-MM-DD`.
    pub date: String,
}

/// A round of a tournament: its facts, the speech documents and the prep time used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The tournament ("Harvard").
    pub tournament: String,
    /// The round ("R3", "Octas").
    pub round: String,
    /// The side this debater is on.
    pub side: CaseSide,
    /// The debater's school, as the caselist names it.
    #[serde(default)]
    pub school: String,
    /// The team code ("AB": the debaters' initials), as the caselist names it.
    #[serde(default)]
    pub team: String,
    /// The opposing team.
    #[serde(default)]
    pub opponent: String,
    /// The judge or panel.
    #[serde(default)]
    pub judge: String,
    /// The date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// The format.
    #[serde(default)]
    pub format: DebateFormat,
    /// Speech documents, in the format's order of the speeches that have one.
    #[serde(default)]
    pub speeches: Vec<Speech>,
    /// Prep seconds used by the affirmative and the negative.
    #[serde(default)]
    pub prep_used: [u32; 2],
}

impl Round {
    /// A round with an empty speech document for every speech of `format`.
    pub fn new(
        tournament: impl Into<String>,
        round: impl Into<String>,
        side: CaseSide,
        format: DebateFormat,
    ) -> Self {
        Round {
            tournament: tournament.into(),
            round: round.into(),
            side,
            school: String::new(),
            team: String::new(),
            opponent: String::new(),
            judge: String::new(),
            date: String::new(),
            format,
            speeches: format.speeches().iter().copied().map(Speech::new).collect(),
            prep_used: [0, 0],
        }
    }

    /// A round started from the prepared cases: the first constructive of each side (the 1AC,
    /// the 1NC) is that side's case, copied; the other speeches start empty.
    pub fn from_cases(
        tournament: impl Into<String>,
        round: impl Into<String>,
        side: CaseSide,
        format: DebateFormat,
        session: &super::Session,
    ) -> Self {
        let mut out = Round::new(tournament, round, side, format);
        for case_side in [CaseSide::Aff, CaseSide::Neg] {
            if let Some(first) =
                out.speeches.iter_mut().find(|s| format.speech(&s.name).is_some_and(|x| x.side == case_side))
            {
                first.sections = session.case(case_side).sections.clone();
            }
        }
        out
    }

    /// The round's facts.
    pub fn facts(&self) -> RoundFacts {
        RoundFacts {
            tournament: self.tournament.clone(),
            round: self.round.clone(),
            side: self.side,
            school: self.school.clone(),
            team: self.team.clone(),
            opponent: self.opponent.clone(),
            judge: self.judge.clone(),
            date: self.date.clone(),
        }
    }

    /// Replaces the round's facts, returning the old ones.
    pub fn set_facts(&mut self, facts: RoundFacts) -> RoundFacts {
        let old = self.facts();
        let RoundFacts { tournament, round, side, school, team, opponent, judge, date } = facts;
        (self.tournament, self.round, self.side, self.school) = (tournament, round, side, school);
        (self.team, self.opponent, self.judge, self.date) = (team, opponent, judge, date);
        old
    }

    /// The speech document named `name` (ignoring case).
    pub fn speech(&self, name: &str) -> Option<&Speech> {
        self.speeches.iter().find(|s| s.name.eq_ignore_ascii_case(name.trim()))
    }

    /// The speech document named `name` (ignoring case), mutably.
    pub fn speech_mut(&mut self, name: &str) -> Option<&mut Speech> {
        self.speeches.iter_mut().find(|s| s.name.eq_ignore_ascii_case(name.trim()))
    }

    /// "Tournament R3 vs Opponent" (what file names and titles say of the round).
    pub fn label(&self) -> String {
        let mut label = format!("{} {}", self.tournament.trim(), self.round.trim()).trim().to_owned();
        if !self.opponent.trim().is_empty() {
            label.push_str(&format!(" vs {}", self.opponent.trim()));
        }
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_lists_its_speeches_in_order_with_their_lengths() {
        let policy: Vec<&str> = DebateFormat::Policy.speeches().iter().map(|s| s.name).collect();
        assert_eq!(policy, ["1AC", "1NC", "2AC", "2NC", "1NR", "1AR", "2NR", "2AR"]);
        let ld: Vec<&str> = DebateFormat::LincolnDouglas.speeches().iter().map(|s| s.name).collect();
        assert_eq!(ld, ["AC", "NC", "1AR", "NR", "2AR"]);
        assert_eq!(DebateFormat::PublicForum.speeches().len(), 8);
        assert_eq!(DebateFormat::Policy.speech("2nr").unwrap().seconds, 300);
        assert_eq!(DebateFormat::LincolnDouglas.speech("NC").unwrap().seconds, 420);
        assert_eq!(DebateFormat::PublicForum.speech("Con Final Focus").unwrap().side, CaseSide::Neg);
        assert!(DebateFormat::LincolnDouglas.speech("2NC").is_none());
    }

    #[test]
    fn a_round_started_from_the_cases_copies_each_into_its_first_constructive() {
        let session =
            crate::format::load_session(std::path::Path::new("assets/examples/asian-nato.session.ron"))
                .unwrap();
        for format in DebateFormat::ALL {
            let round = Round::from_cases("T", "R1", CaseSide::Neg, format, &session);
            let first =
                |side| round.speeches.iter().find(|s| format.speech(&s.name).unwrap().side == side).unwrap();
            assert_eq!(first(CaseSide::Aff).sections, session.aff.sections, "{}", format.name());
            assert_eq!(first(CaseSide::Neg).sections, session.neg.sections, "{}", format.name());
            let filled = round.speeches.iter().filter(|s| !s.sections.is_empty()).count();
            assert_eq!(filled, 2, "the other speeches start empty");
        }
    }

    #[test]
    fn a_new_round_has_a_document_per_speech_and_a_label_for_file_names() {
        let mut round = Round::new("Harvard", "R3", CaseSide::Aff, DebateFormat::Policy);
        assert_eq!(round.speeches.len(), 8);
        assert_eq!(round.speech("1ac").unwrap().seconds, 480);
        assert_eq!(round.label(), "Harvard R3");
        round.opponent = "Lexington AB".into();
        assert_eq!(round.label(), "Harvard R3 vs Lexington AB");
    }
}
