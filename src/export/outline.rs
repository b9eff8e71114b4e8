//! The neutral tree the Markdown, HTML, text and docx exporters walk, so the side filter and the
//! reading-time figures are written once (the mark splitting is in [`super::marked`]).
//!
//! A session gives one [`Part`] per exported case, its sections as [`Group`]s; a deck gives one
//! part (the deck), its blocks as groups. Of a deck, `--side aff` keeps the cards marked `Aff` or
//! `Either` and drops blocks left empty. Card counts and times come from [`crate::model::timing`]:
//! a card counts its highlighted words, an analytic all its words.

use crate::model::timing::{self, Counting, Reading};
use crate::model::{Card, Case, CaseSide, DEFAULT_WPM, Deck, Item, Session, Side, SourceIndex};

use super::cite::{CiteRuns, card_cite};
use super::{ExportOptions, ExportSide};

/// One card in an export: the card and its cite.
#[derive(Clone, Debug)]
pub struct CardEntry<'a> {
    /// The card.
    pub card: &'a Card,
    /// Its cite (the cite line as written, or one built from the source), split for the bold
    /// Cite style.
    pub cite: CiteRuns,
}

impl CardEntry<'_> {
    /// The card's note, trimmed, when it has one: printed right under the tag, before the cite
    /// (Verbatim's undertag).
    pub fn note(&self) -> Option<&str> {
        self.card.note.as_deref().map(str::trim).filter(|n| !n.is_empty())
    }
}

/// An entry of a section or block.
#[derive(Clone, Debug)]
pub enum Entry<'a> {
    /// A card.
    Card(CardEntry<'a>),
    /// The debater's own words (sessions only).
    Analytic(&'a str),
}

/// A section of a case, or a block of a deck.
#[derive(Clone, Debug)]
pub struct Group<'a> {
    /// Its heading.
    pub title: &'a str,
    /// "5 cards · 2:10".
    pub summary: String,
    /// Cards and analytics in reading order.
    pub entries: Vec<Entry<'a>>,
}

/// A case of a session, or the whole deck.
#[derive(Clone, Debug)]
pub struct Part<'a> {
    /// The case or deck title.
    pub title: &'a str,
    /// Lines shown under the title: the resolution, a deck's description.
    pub intro: Vec<&'a str>,
    /// "14 cards · reading time 7:40 of 8:00 at 250 wpm".
    pub summary: String,
    /// Sections or blocks.
    pub groups: Vec<Group<'a>>,
}

/// What an export shows, in order.
#[derive(Clone, Debug)]
pub struct Outline<'a> {
    /// The document title: a session's resolution, a deck's title.
    pub title: &'a str,
    /// Cases or the deck.
    pub parts: Vec<Part<'a>>,
    /// Card text with marks (`true`) or tags and cites only.
    pub full: bool,
}

fn count(cards: usize) -> String {
    if cards == 1 { "1 card".to_owned() } else { format!("{cards} cards") }
}

/// "5 cards · 2:10": a section or block.
pub fn group_summary(reading: &Reading) -> String {
    format!("{} · {}", count(reading.cards), timing::clock(reading.seconds))
}

/// "14 cards · reading time 7:40 of 8:00 at 250 wpm": a case (with its speech length) or a deck.
pub fn part_summary(reading: &Reading, wpm: u32, budget_seconds: Option<u32>) -> String {
    let wpm = if wpm == 0 { DEFAULT_WPM } else { wpm };
    let of = budget_seconds.map(|b| format!(" of {}", timing::clock(b))).unwrap_or_default();
    format!("{} · reading time {}{of} at {wpm} wpm", count(reading.cards), timing::clock(reading.seconds))
}

fn case_part<'a>(case: &'a Case, resolution: &'a str, counting: Counting, wpm: u32) -> Part<'a> {
    let groups = case
        .sections
        .iter()
        .map(|s| Group {
            title: &s.title,
            summary: group_summary(&timing::section(s, counting, wpm)),
            entries: s
                .items
                .iter()
                .map(|item| match item {
                    Item::Card { card, source, .. } => {
                        Entry::Card(CardEntry { card, cite: card_cite(card, Some(source)) })
                    }
                    Item::Analytic { text } => Entry::Analytic(text),
                })
                .collect(),
        })
        .collect();
    Part {
        title: &case.title,
        intro: vec![resolution],
        summary: part_summary(&timing::case(case, counting, wpm), wpm, Some(case.speech_seconds)),
        groups,
    }
}

/// The outline of a session: its affirmative and/or negative case.
pub fn session_outline<'a>(session: &'a Session, options: &ExportOptions) -> Outline<'a> {
    let wpm = options.wpm.unwrap_or(session.wpm);
    let sides: &[CaseSide] = match options.side {
        ExportSide::Aff => &[CaseSide::Aff],
        ExportSide::Neg => &[CaseSide::Neg],
        ExportSide::Both => &[CaseSide::Aff, CaseSide::Neg],
    };
    let parts = sides
        .iter()
        .map(|&side| case_part(session.case(side), &session.resolution, session.counting, wpm))
        .collect();
    Outline { title: &session.resolution, parts, full: options.full }
}

/// Reading figures for a list of a deck's cards (tags and short cites counted, as by default).
fn cards_reading<'c>(sources: &SourceIndex, cards: impl Iterator<Item = &'c Card>, wpm: u32) -> Reading {
    let reading = |c: &Card| timing::card(c, sources.get(&c.source), Counting::default(), wpm);
    cards.map(reading).fold(Reading::default(), |acc, r| {
        let words = acc.words + r.words;
        Reading { cards: acc.cards + 1, words, seconds: timing::seconds_for(words, wpm) }
    })
}

/// The outline of a deck: one part, its blocks and cards (filtered by side).
pub fn deck_outline<'a>(deck: &'a Deck, options: &ExportOptions) -> Outline<'a> {
    let wpm = options.wpm.unwrap_or(DEFAULT_WPM);
    let keep = |side: Side| match options.side {
        ExportSide::Aff => side != Side::Neg,
        ExportSide::Neg => side != Side::Aff,
        ExportSide::Both => true,
    };
    let sources = deck.source_index();
    let mut groups = Vec::new();
    let mut kept: Vec<&Card> = Vec::new();
    for block in &deck.blocks {
        let cards: Vec<&Card> = block.cards.iter().filter(|c| keep(c.side)).collect();
        if cards.is_empty() && options.side != ExportSide::Both {
            continue;
        }
        groups.push(Group {
            title: &block.title,
            summary: group_summary(&cards_reading(&sources, cards.iter().copied(), wpm)),
            entries: cards
                .iter()
                .map(|c| Entry::Card(CardEntry { card: c, cite: card_cite(c, sources.get(&c.source)) }))
                .collect(),
        });
        kept.extend(cards);
    }
    let mut intro = vec![deck.resolution.as_str()];
    if !deck.description.trim().is_empty() {
        intro.push(&deck.description);
    }
    let summary = part_summary(&cards_reading(&sources, kept.into_iter(), wpm), wpm, None);
    Outline {
        title: &deck.title,
        parts: vec![Part { title: &deck.title, intro, summary, groups }],
        full: options.full,
    }
}

/// The finished text of a text export: trailing blank space cut, one final newline.
pub fn finish(mut out: String) -> Vec<u8> {
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_cards_and_time() {
        let r = Reading { cards: 1, words: 250, seconds: 60 };
        assert_eq!(group_summary(&r), "1 card · 1:00");
        assert_eq!(part_summary(&r, 250, Some(480)), "1 card · reading time 1:00 of 8:00 at 250 wpm");
    }
}
