//! Clash: for a case, every argument the other side can run — each block of their evidence —
//! with the answers that exist in the library and those already placed in the case, so a
//! debater sees what they are ready for. An answer meets an argument when one of its links
//! names the argument's block, one of its cards, or a label its cards carry. Linear in the
//! cards and links.

use std::collections::HashMap;

use crate::model::{AnswerTarget, Deck, Item, Section, Side};

/// An argument the other side can run: one block of their evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The deck's id.
    pub deck: String,
    /// The block's heading.
    pub title: String,
}

/// How ready a case is for one argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coverage {
    /// An answer to it is in the case.
    Answered,
    /// Answers exist in the library, none placed in the case.
    Available,
    /// No answer anywhere.
    Missing,
}

/// One argument and its answers: (deck id, card id) of each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgumentCoverage {
    /// The argument.
    pub argument: Argument,
    /// How ready the case is.
    pub coverage: Coverage,
    /// Answers in the case.
    pub placed: Vec<(String, String)>,
    /// Answers in the library (placed or not).
    pub available: Vec<(String, String)>,
}

/// The side a block argues: the side of most of its cards (`Either` when none leads).
fn block_side(cards: &[crate::model::Card]) -> Side {
    let count = |s: Side| cards.iter().filter(|c| c.side == s).count();
    let (aff, neg) = (count(Side::Aff), count(Side::Neg));
    match aff.cmp(&neg) {
        std::cmp::Ordering::Greater => Side::Aff,
        std::cmp::Ordering::Less => Side::Neg,
        std::cmp::Ordering::Equal => Side::Either,
    }
}

/// Where each argument can be found from a link's target.
#[derive(Default)]
struct Targets<'a> {
    blocks: HashMap<(&'a str, &'a str), usize>,
    cards: HashMap<(&'a str, &'a str), usize>,
    labels: HashMap<String, Vec<usize>>,
}

impl Targets<'_> {
    fn find(&self, target: &AnswerTarget, out: &mut Vec<usize>) {
        match target {
            AnswerTarget::Block { deck, title } => {
                out.extend(self.blocks.get(&(deck.as_str(), title.as_str())))
            }
            AnswerTarget::Card { deck, card } => out.extend(self.cards.get(&(deck.as_str(), card.as_str()))),
            AnswerTarget::Label(label) => {
                out.extend(self.labels.get(&label.trim().to_lowercase()).into_iter().flatten())
            }
        }
    }
}

/// The arguments `against` can be met with in the library, and how ready `case` is for each:
/// every titled block of `library` whose cards are mostly of side `against`, in library order.
pub fn coverage(library: &[Deck], against: Side, case: &[Section]) -> Vec<ArgumentCoverage> {
    let mut out = Vec::new();
    let mut targets = Targets::default();
    for deck in library {
        for block in deck.blocks.iter().filter(|b| !b.title.trim().is_empty()) {
            if block_side(&block.cards) != against {
                continue;
            }
            let n = out.len();
            targets.blocks.insert((&deck.id, &block.title), n);
            for card in &block.cards {
                targets.cards.insert((&deck.id, &card.id), n);
                for label in &card.labels {
                    let at = targets.labels.entry(label.trim().to_lowercase()).or_default();
                    if at.last() != Some(&n) {
                        at.push(n);
                    }
                }
            }
            let argument = Argument { deck: deck.id.clone(), title: block.title.clone() };
            out.push(ArgumentCoverage {
                argument,
                coverage: Coverage::Missing,
                placed: Vec::new(),
                available: Vec::new(),
            });
        }
    }
    let mut found = Vec::new();
    for deck in library {
        for card in deck.blocks.iter().flat_map(|b| &b.cards) {
            found.clear();
            card.answers.iter().for_each(|l| targets.find(&l.target, &mut found));
            found.sort_unstable();
            found.dedup();
            for &n in &found {
                out[n].available.push((deck.id.clone(), card.id.clone()));
            }
        }
    }
    for section in case {
        for item in &section.items {
            let Item::Card { deck, card, .. } = item else { continue };
            found.clear();
            card.answers.iter().for_each(|l| targets.find(&l.target, &mut found));
            found.sort_unstable();
            found.dedup();
            for &n in &found {
                out[n].placed.push((deck.clone(), card.id.clone()));
            }
        }
    }
    for arg in &mut out {
        arg.coverage = if !arg.placed.is_empty() {
            Coverage::Answered
        } else if !arg.available.is_empty() {
            Coverage::Available
        } else {
            Coverage::Missing
        };
    }
    out
}

/// "3 of the neg's 7 positions unanswered in your 1AC" — counted from [`coverage`].
pub fn summary(coverage: &[ArgumentCoverage], against: Side, outline: &str) -> String {
    let open = coverage.iter().filter(|c| c.coverage != Coverage::Answered).count();
    format!("{open} of the {}'s {} positions unanswered in your {outline}", against.name(), coverage.len())
}

#[cfg(test)]
#[path = "clash_tests.rs"]
mod tests;
