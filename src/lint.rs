//! Lint: what a demanding coach would flag in a deck, as warnings (the deck still loads) —
//! read-aloud text that opens on a word whose meaning is in another card ("these challenges"),
//! highlighting outside underlined text, cites without a date or qualifications, answer links
//! that meet no argument in the library, and arguments with no answer anywhere.

use std::collections::HashSet;

use crate::clash::{Coverage, coverage};
use crate::model::read_aloud::{covered, read_words};
use crate::model::{AnswerTarget, Card, Deck, MarkKind, Side};

/// Words that point at something said before: read first, the judge hears a reference to
/// nothing.
pub const REFERENCE_WORDS: &[&str] = &[
    "this",
    "these",
    "that",
    "those",
    "it",
    "its",
    "they",
    "them",
    "their",
    "such",
    "thus",
    "hence",
    "therefore",
    "he",
    "she",
    "his",
    "her",
    "here",
    "there",
    "the answer",
];

/// One warning, about a card or a block of a deck.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    /// The deck's id.
    pub deck: String,
    /// The card's id, or the block's heading for a warning about a block.
    pub at: String,
    /// Whether `at` is a card (else a block).
    pub card: bool,
    /// What is wrong, in a debater's words.
    pub message: String,
}

/// The first read word of `card`, lowercased without punctuation, with the one after it.
fn opening(card: &Card) -> Option<(String, String)> {
    let chars: Vec<char> = card.text.chars().collect();
    let words = read_words(card);
    let word = |i: usize| -> String {
        words.get(i).map_or(String::new(), |&(s, e)| {
            chars[s..e].iter().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
        })
    };
    (!words.is_empty()).then(|| (word(0), word(1)))
}

/// Whether some highlighted character of `card` (not a space) is not underlined or emphasised.
fn highlight_outside_underline(card: &Card) -> bool {
    let chars: Vec<char> = card.text.chars().collect();
    let range = |m: &crate::model::Mark| (m.start, m.end);
    let under = covered(chars.len(), card.marks.iter().filter(|m| m.kind != MarkKind::Highlight).map(range));
    let lit = covered(chars.len(), card.marks.iter().filter(|m| m.kind == MarkKind::Highlight).map(range));
    (0..chars.len()).any(|i| lit[i] && !under[i] && !chars[i].is_whitespace())
}

fn card_lints(
    deck: &Deck,
    sources: &crate::model::SourceIndex<'_>,
    card: &Card,
    known: &Known<'_>,
    out: &mut Vec<Lint>,
) {
    let mut warn = |message: String| {
        out.push(Lint { deck: deck.id.clone(), at: card.id.clone(), card: true, message });
    };
    if let Some((first, second)) = opening(card) {
        let pair = format!("{first} {second}");
        if let Some(w) = REFERENCE_WORDS.iter().find(|w| **w == first || **w == pair) {
            warn(format!("the read-aloud text opens on “{w}”, which refers to something not read"));
        }
    }
    if highlight_outside_underline(card) {
        warn("highlighted text outside the underlining".into());
    }
    if let Some(source) = sources.get(&card.source) {
        if source.date.is_none() {
            warn(format!("the cite ({}) has no date", source.cite_name()));
        }
        if !source.authors.is_empty() && source.authors.iter().all(|a| a.qualifications.trim().is_empty()) {
            warn(format!("the cite ({}) gives no qualifications", source.cite_name()));
        }
    }
    for link in &card.answers {
        let meets = match &link.target {
            AnswerTarget::Card { deck, card } => known.cards.contains(&(deck.as_str(), card.as_str())),
            AnswerTarget::Block { deck, title } => known.blocks.contains(&(deck.as_str(), title.as_str())),
            AnswerTarget::Label(label) => known.labels.contains(&label.trim().to_lowercase()),
        };
        if !meets {
            warn(format!("answers “{}”, which no card or block in the library is", link.target.describe()));
        }
    }
}

/// The library's cards, blocks and labels, for links to be checked against.
struct Known<'a> {
    cards: HashSet<(&'a str, &'a str)>,
    blocks: HashSet<(&'a str, &'a str)>,
    labels: HashSet<String>,
}

/// Every warning about `decks`, card by card in library order, then the arguments of either
/// side that no card of the library answers.
pub fn lint(decks: &[Deck]) -> Vec<Lint> {
    let mut known = Known { cards: HashSet::new(), blocks: HashSet::new(), labels: HashSet::new() };
    for deck in decks {
        for block in &deck.blocks {
            known.blocks.insert((&deck.id, &block.title));
            for card in &block.cards {
                known.cards.insert((&deck.id, &card.id));
                known.labels.extend(card.labels.iter().map(|l| l.trim().to_lowercase()));
            }
        }
    }
    let mut out = Vec::new();
    for deck in decks {
        let sources = deck.source_index();
        for card in deck.cards() {
            card_lints(deck, &sources, card, &known, &mut out);
        }
    }
    for side in [Side::Aff, Side::Neg] {
        for arg in coverage(decks, side, &[]).into_iter().filter(|a| a.coverage == Coverage::Missing) {
            out.push(Lint {
                deck: arg.argument.deck,
                at: arg.argument.title,
                card: false,
                message: format!("no card in the library answers this {} argument", side.name()),
            });
        }
    }
    out
}

#[cfg(test)]
#[path = "lint_tests.rs"]
mod tests;
