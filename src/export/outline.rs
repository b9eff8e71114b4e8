//! The neutral tree the Markdown, HTML, text and docx exporters walk, so the side filter and the
//! reading-time figures are written once (the mark splitting is in [`super::marked`]).
//!
//! A session gives one [`Part`] per exported case, its sections as [`Group`]s; a deck gives one
//! part (the deck), its blocks as groups, each with the Pocket and Hat headings that open before
//! it and its asides (analytics, undertags, loose lines) among its cards. Of a deck, `--side aff`
//! keeps the cards marked `Aff` or `Either` and drops blocks left empty (their headings go to the
//! next block kept); asides stay, before the next card kept. Card counts and times come from
//! [`crate::model::timing`]: a card counts its highlighted words, a session's analytic all its
//! words.
//!
//! Heading depths: the part is 1, then a deck's Pockets, Hats (each only when the deck has any),
//! blocks and tags follow one level deeper each ([`Outline::depth`]): a session, or a deck without
//! Pockets and Hats, has blocks at 2 and tags at 3.

use crate::model::timing::{self, Counting, Reading};
use crate::model::{
    Aside, AsideKind, Block, Card, Case, CaseSide, DEFAULT_WPM, Deck, Heading, HeadingLevel, Item, Mark,
    Session, Side, SourceIndex,
};

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
    /// "answers: Taiwan trap (no link); SEATO failed (denies)", when the export shows links and
    /// the card has some.
    pub answers: Option<String>,
}

/// The line saying what `card` answers, when `show` and it answers something.
fn answers_line(card: &Card, show: bool) -> Option<String> {
    let links: Vec<String> =
        card.answers.iter().map(|l| format!("{} ({})", l.target.describe(), l.how.name())).collect();
    (show && !links.is_empty()).then(|| format!("answers: {}", links.join("; ")))
}

impl CardEntry<'_> {
    /// The card's note, trimmed, when it has one: printed right under the tag, before the cite
    /// (Verbatim's undertag).
    pub fn note(&self) -> Option<&str> {
        self.card.note.as_deref().map(str::trim).filter(|n| !n.is_empty())
    }
}

/// A line of the debater's own among the cards: a session's analytic or a deck's aside.
#[derive(Clone, Copy, Debug)]
pub struct AsideEntry<'a> {
    /// Analytic, undertag or loose text.
    pub kind: AsideKind,
    /// The line as written.
    pub text: &'a str,
    /// Its marks (a session's analytics have none).
    pub marks: &'a [Mark],
}

impl<'a> AsideEntry<'a> {
    /// A deck's aside.
    pub fn of(aside: &'a Aside) -> Self {
        AsideEntry { kind: aside.kind, text: &aside.text, marks: &aside.marks }
    }

    /// Whether there is nothing to write (blank text).
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// An entry of a section or block.
#[derive(Clone, Debug)]
pub enum Entry<'a> {
    /// A card.
    Card(CardEntry<'a>),
    /// The debater's own line: a session's analytic, a deck's aside.
    Aside(AsideEntry<'a>),
}

/// A section of a case, or a block of a deck.
#[derive(Clone, Debug)]
pub struct Group<'a> {
    /// The Pocket and Hat headings that open just before it (decks only), in order.
    pub headings: Vec<&'a Heading>,
    /// Its heading; empty for a block with none (cards under a Pocket or Hat only): then neither
    /// the heading nor the summary is written.
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
    /// Some group has a Pocket heading of its own (a deck from a Verbatim file).
    pub pockets: bool,
    /// Some group has a Hat heading.
    pub hats: bool,
}

/// What a heading heads, for [`Outline::depth`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// A case, or the deck.
    Part,
    /// A deck's Pocket.
    Pocket,
    /// A deck's Hat.
    Hat,
    /// A section or block.
    Block,
    /// A card's tag.
    Tag,
}

impl Outline<'_> {
    /// The heading depth (1 for the part) of `rank`: one deeper than the rank above it that the
    /// outline has.
    pub fn depth(&self, rank: Rank) -> usize {
        let pocket = 2;
        let hat = pocket + usize::from(self.pockets);
        let block = hat + usize::from(self.hats);
        match rank {
            Rank::Part => 1,
            Rank::Pocket => pocket,
            Rank::Hat => hat,
            Rank::Block => block,
            Rank::Tag => block + 1,
        }
    }

    /// The rank of a Pocket or Hat heading.
    pub fn rank_of(heading: &Heading) -> Rank {
        match heading.level {
            HeadingLevel::Pocket => Rank::Pocket,
            HeadingLevel::Hat => Rank::Hat,
        }
    }
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

fn case_part<'a>(
    case: &'a Case,
    resolution: &'a str,
    counting: Counting,
    wpm: u32,
    answers: bool,
) -> Part<'a> {
    let groups = case
        .sections
        .iter()
        .map(|s| Group {
            headings: Vec::new(),
            title: &s.title,
            summary: group_summary(&timing::section(s, counting, wpm)),
            entries: s
                .items
                .iter()
                .map(|item| match item {
                    Item::Card { card, source, .. } => {
                        let answers = answers_line(card, answers);
                        Entry::Card(CardEntry { card, cite: card_cite(card, Some(source)), answers })
                    }
                    Item::Analytic { text, .. } => {
                        Entry::Aside(AsideEntry { kind: AsideKind::Analytic, text, marks: &[] })
                    }
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
        .map(|&side| {
            case_part(session.case(side), &session.resolution, session.counting, wpm, options.answers)
        })
        .collect();
    Outline { title: &session.resolution, parts, full: options.full, pockets: false, hats: false }
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
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut kept: Vec<&Card> = Vec::new();
    // Headings above a block the side filter drops open the next block kept.
    let mut headings: Vec<&Heading> = Vec::new();
    for block in &deck.blocks {
        headings.extend(&block.headings);
        let cards: Vec<&Card> = block.cards.iter().filter(|c| keep(c.side)).collect();
        if cards.is_empty() && options.side != ExportSide::Both {
            continue;
        }
        groups.push(Group {
            headings: std::mem::take(&mut headings),
            title: &block.title,
            summary: group_summary(&cards_reading(&sources, cards.iter().copied(), wpm)),
            entries: block_entries(block, &sources, keep, options.answers),
        });
        kept.extend(cards);
    }
    let mut intro = vec![deck.resolution.as_str()];
    if !deck.description.trim().is_empty() {
        intro.push(&deck.description);
    }
    let summary = part_summary(&cards_reading(&sources, kept.into_iter(), wpm), wpm, None);
    let has = |level: HeadingLevel| groups.iter().flat_map(|g| &g.headings).any(|h| h.level == level);
    let (pockets, hats) = (has(HeadingLevel::Pocket), has(HeadingLevel::Hat));
    Outline {
        title: &deck.title,
        parts: vec![Part { title: &deck.title, intro, summary, groups }],
        full: options.full,
        pockets,
        hats,
    }
}

/// A block's kept cards in order, each aside before the card it stands before (an aside before a
/// card the side filter drops stands before the next card kept, or at the end).
fn block_entries<'a>(
    block: &'a Block,
    sources: &SourceIndex<'a>,
    keep: impl Fn(Side) -> bool,
    answers: bool,
) -> Vec<Entry<'a>> {
    // In place order (a stable sort keeps the order of asides at one place), read once.
    let mut asides: Vec<&Aside> = block.asides.iter().collect();
    asides.sort_by_key(|a| a.before);
    let mut asides = asides.into_iter().peekable();
    let mut entries = Vec::with_capacity(block.cards.len() + block.asides.len());
    for (i, card) in block.cards.iter().enumerate() {
        while let Some(aside) = asides.next_if(|a| a.before <= i) {
            entries.push(Entry::Aside(AsideEntry::of(aside)));
        }
        if keep(card.side) {
            let cite = card_cite(card, sources.get(&card.source));
            entries.push(Entry::Card(CardEntry { card, cite, answers: answers_line(card, answers) }));
        }
    }
    entries.extend(asides.map(|a| Entry::Aside(AsideEntry::of(a))));
    entries
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
    fn asides_stand_at_their_places_and_headings_of_a_dropped_block_open_the_next() {
        use crate::model::card::sample_card;
        let mut neg = sample_card("neg");
        neg.side = Side::Neg;
        let mut first = Block::new("Only neg", vec![neg.clone()]);
        first.headings = vec![Heading { level: HeadingLevel::Pocket, title: "1AC".into() }];
        let mut second = Block::new("Mixed", vec![sample_card("a"), neg, sample_card("b")]);
        second.headings = vec![Heading { level: HeadingLevel::Hat, title: "Case".into() }];
        second.asides = vec![
            Aside::new(3, AsideKind::Text, "end"),
            Aside::new(1, AsideKind::Analytic, "before neg"),
            Aside::new(0, AsideKind::Undertag, "first"),
            Aside::new(1, AsideKind::Analytic, "also before neg"),
        ];
        let mut deck = Deck::empty("d", "Deck", "Resolved");
        deck.blocks = vec![first, second];
        let shape = |o: &Outline<'_>| -> Vec<Vec<String>> {
            o.parts[0]
                .groups
                .iter()
                .map(|g| {
                    let heads = g.headings.iter().map(|h| format!("[{}]", h.title));
                    let entries = g.entries.iter().map(|e| match e {
                        Entry::Card(c) => c.card.id.clone(),
                        Entry::Aside(a) => a.text.to_owned(),
                    });
                    heads.chain(entries).collect()
                })
                .collect()
        };
        let all = deck_outline(&deck, &ExportOptions::default());
        assert_eq!(
            shape(&all),
            [
                vec!["[1AC]", "neg"],
                vec!["[Case]", "first", "a", "before neg", "also before neg", "neg", "b", "end"]
            ]
        );
        assert!(all.pockets && all.hats);
        assert_eq!([Rank::Pocket, Rank::Hat, Rank::Block, Rank::Tag].map(|r| all.depth(r)), [2, 3, 4, 5]);
        let aff = deck_outline(&deck, &ExportOptions { side: ExportSide::Aff, ..ExportOptions::default() });
        assert_eq!(
            shape(&aff),
            [vec!["[1AC]", "[Case]", "first", "a", "before neg", "also before neg", "b", "end"]]
        );
    }

    #[test]
    fn summaries_count_cards_and_time() {
        let r = Reading { cards: 1, words: 250, seconds: 60 };
        assert_eq!(group_summary(&r), "1 card · 1:00");
        assert_eq!(part_summary(&r, 250, Some(480)), "1 card · reading time 1:00 of 8:00 at 250 wpm");
    }
}
