//! Derived reading figures: words read aloud and estimated seconds at a reading speed.
//!
//! A card counts its highlighted words and, by default, its tag (Verbatim counts the tag as read)
//! and its short cite ("Kim 25": debaters read the author and year); [`Counting`] turns either
//! off. An analytic counts all its words.

use serde::{Deserialize, Serialize};

use super::{Card, Case, HighlightColour, Item, Section, Source};

/// What besides highlighted text counts as read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counting {
    /// The tag is read.
    pub tags: bool,
    /// The short cite (author's last name and year) is read.
    pub cites: bool,
    /// Only highlights of this colour are read (a card's short read); `None`: every colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<HighlightColour>,
}

impl Default for Counting {
    fn default() -> Self {
        Counting { tags: true, cites: true, colour: None }
    }
}

impl Counting {
    /// Whether this is the default (both counted): then a session file does not mention it.
    pub fn is_default(&self) -> bool {
        *self == Counting::default()
    }
}

/// Speech lengths by format, in seconds, for sizing a case: (name, seconds).
pub const SPEECH_PRESETS: &[(&str, u32)] = &[
    ("Policy constructive (8:00)", 480),
    ("Policy rebuttal (5:00)", 300),
    ("LD affirmative constructive (6:00)", 360),
    ("LD negative constructive (7:00)", 420),
    ("LD first affirmative rebuttal (4:00)", 240),
    ("LD negative rebuttal (6:00)", 360),
    ("LD second affirmative rebuttal (3:00)", 180),
    ("PF constructive (4:00)", 240),
    ("PF rebuttal (3:00)", 180),
    ("PF summary (3:00)", 180),
    ("PF final focus (2:00)", 120),
];

/// How full a speech is: what the UI colours a time with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// Up to 75% of the speech.
    Comfortable,
    /// Over 75%, up to 100%: amber.
    Tight,
    /// Over the speech length: red.
    Over,
}

/// The budget state of `seconds` in a speech of `speech_seconds`.
pub fn budget(seconds: u32, speech_seconds: u32) -> Budget {
    if speech_seconds == 0 || seconds * 4 <= speech_seconds * 3 {
        Budget::Comfortable
    } else if seconds <= speech_seconds {
        Budget::Tight
    } else {
        Budget::Over
    }
}

/// Words read aloud and the time they take.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Number of cards.
    pub cards: usize,
    /// Words read aloud.
    pub words: usize,
    /// Estimated seconds at the given words per minute, rounded up.
    pub seconds: u32,
}

impl Reading {
    /// The share of `budget_seconds` this reading uses (1.0 = exactly full).
    pub fn share_of(&self, budget_seconds: u32) -> f32 {
        if budget_seconds == 0 { 0.0 } else { self.seconds as f32 / budget_seconds as f32 }
    }
}

/// Seconds to read `words` at `wpm`, rounded up; 0 wpm counts as the default speed.
pub fn seconds_for(words: usize, wpm: u32) -> u32 {
    let wpm = if wpm == 0 { super::DEFAULT_WPM } else { wpm } as usize;
    (words * 60).div_ceil(wpm) as u32
}

/// "m:ss" for a number of seconds.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Words read aloud for one card: highlighted words (of one colour if `counting` says so), plus
/// tag and short cite as `counting` says: the bold part of the cite as written when the card has
/// one, else the source's last name and year (a card whose source is unknown has no cite to read).
pub fn card_words(card: &Card, source: Option<&Source>, counting: Counting) -> usize {
    let tag = if counting.tags { card.tag.split_whitespace().count() } else { 0 };
    let short = card.cite_line.as_ref().map(|c| c.short()).filter(|s| !s.is_empty());
    let cite = match (short, source) {
        _ if !counting.cites => 0,
        (Some(short), _) => short.split_whitespace().count(),
        (None, Some(s)) => s.cite_name().split_whitespace().count() + 1,
        (None, None) => 0,
    };
    card.highlighted_words_in(counting.colour) + tag + cite
}

/// Reading figures for one card.
pub fn card(card: &Card, source: Option<&Source>, counting: Counting, wpm: u32) -> Reading {
    let words = card_words(card, source, counting);
    Reading { cards: 1, words, seconds: seconds_for(words, wpm) }
}

/// Words read aloud for one item.
pub fn item_words(item: &Item, counting: Counting) -> usize {
    match item {
        Item::Card { card, source, .. } => card_words(card, Some(source), counting),
        Item::Analytic { text, .. } => text.split_whitespace().count(),
    }
}

/// Reading figures for a section: its cards and analytics.
pub fn section(section: &Section, counting: Counting, wpm: u32) -> Reading {
    let words = section.items.iter().map(|i| item_words(i, counting)).sum();
    Reading { cards: section.cards().count(), words, seconds: seconds_for(words, wpm) }
}

/// Reading figures for a whole case.
pub fn case(case: &Case, counting: Counting, wpm: u32) -> Reading {
    outline(&case.sections, counting, wpm)
}

/// Figures for an outline's sections (a case or a speech document).
pub fn outline(sections: &[Section], counting: Counting, wpm: u32) -> Reading {
    let items = || sections.iter().flat_map(|s| s.items.iter());
    let words = items().map(|i| item_words(i, counting)).sum();
    let cards = items().filter(|i| matches!(i, Item::Card { .. })).count();
    Reading { cards, words, seconds: seconds_for(words, wpm) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::card::sample_card;
    use crate::model::{CaseSide, SectionKind};

    #[test]
    fn seconds_round_up_at_the_given_speed() {
        assert_eq!(seconds_for(250, 250), 60);
        assert_eq!(seconds_for(1, 250), 1);
        assert_eq!(seconds_for(0, 250), 0);
        assert_eq!(seconds_for(300, 0), 72, "0 wpm falls back to 250");
    }

    #[test]
    fn budget_turns_amber_past_75_percent_and_red_past_100() {
        assert_eq!(budget(360, 480), Budget::Comfortable);
        assert_eq!(budget(361, 480), Budget::Tight);
        assert_eq!(budget(480, 480), Budget::Tight);
        assert_eq!(budget(481, 480), Budget::Over);
    }

    #[test]
    fn clock_pads_seconds() {
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(480), "8:00");
    }

    #[test]
    fn section_and_case_sum_cards_and_analytics() {
        let mut s = Section::new("C1", SectionKind::Contention);
        s.items.push(Item::analytic("Extend this, it is dropped"));
        s.items.push(Item::Card {
            deck: "d".into(),
            card: sample_card("a"),
            source: crate::model::Source {
                id: "kim-2025".into(),
                title: "t".into(),
                authors: vec![],
                note: String::new(),
                publication: "p".into(),
                date: None,
                url: String::new(),
                accessed: None,
            },
        });
        let only_highlights = Counting { tags: false, cites: false, colour: None };
        let r = section(&s, only_highlights, 250);
        assert_eq!((r.cards, r.words), (1, 5 + 3));
        let mut c = Case::new(CaseSide::Aff);
        c.sections.push(s.clone());
        c.sections.push(s.clone());
        let r = case(&c, only_highlights, 60);
        assert_eq!((r.cards, r.words, r.seconds), (2, 16, 16));
        assert!((r.share_of(32) - 0.5).abs() < 1e-6);
        // By default the tag and the short cite ("p n.d." for an unsigned, undated piece) are read.
        let tag_words = sample_card("a").tag.split_whitespace().count();
        let r = section(&s, Counting::default(), 250);
        assert_eq!(r.words, 5 + 3 + tag_words + 2);
        let r = section(&s, Counting { tags: true, cites: false, colour: None }, 250);
        assert_eq!(r.words, 5 + 3 + tag_words);
    }

    #[test]
    fn one_colour_is_timed_alone_and_a_written_cite_counts_its_bold_part() {
        let mut card = sample_card("a");
        card.marks[2].colour = HighlightColour::Green;
        let only = |colour| Counting { tags: false, cites: false, colour };
        assert_eq!(card_words(&card, None, only(None)), 3);
        assert_eq!(card_words(&card, None, only(Some(HighlightColour::Yellow))), 2);
        assert_eq!(card_words(&card, None, only(Some(HighlightColour::Green))), 1);
        card.cite_line = Some(crate::model::CiteLine {
            text: "Ju Hyung Kim 25, President".into(),
            bold: vec![(9, 15)],
            marks: Vec::new(),
        });
        let cites = Counting { tags: false, cites: true, colour: None };
        assert_eq!(card_words(&card, None, cites), 3 + 2, "\"Kim 25\" is read");
    }
}
