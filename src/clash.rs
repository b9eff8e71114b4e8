//! Clash: for a case, every argument the other side can run — each block of their evidence —
//! with the answers that exist in the library and those already placed in the case, so a
//! debater sees what they are ready for. An answer meets an argument when one of its links
//! names the argument's block, one of its cards, or a label its cards carry. Linear in the
//! cards and links.
//!
//! A block that answers (an "A2", "AT" or "Answers to" block, or one whose cards are all linked
//! as answers and that nothing answers) is never a position to answer; a block title met twice in one deck is one position.
//! Which decks count is the session's topic ([`in_topic`]): the library may hold every file a
//! team ever cut, and only this debate's decks are the other side's positions.

use std::collections::HashMap;

use crate::model::{AnswerTarget, Deck, Item, Section, Side};

/// An argument the other side can run: one block of their evidence, or a named argument (a
/// label their cards carry that some answer names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The deck's id; empty for a named argument.
    pub deck: String,
    /// The block's heading, or the argument's name (the label).
    pub title: String,
    /// The Pocket and Hat headings above the block ("1NC › Off-case"); empty when none.
    pub path: String,
    /// The decks whose cards make the argument: its block's deck, or the decks whose cards
    /// carry the named argument's label.
    pub decks: Vec<String>,
}

impl Argument {
    /// Whether it is a named argument (a label) rather than a block.
    pub fn is_named(&self) -> bool {
        self.deck.is_empty()
    }

    /// What a link answering it names.
    pub fn target(&self) -> AnswerTarget {
        if self.is_named() {
            AnswerTarget::Label(self.title.clone())
        } else {
            AnswerTarget::Block { deck: self.deck.clone(), title: self.title.clone() }
        }
    }

    /// "The Taiwan trap — asian-nato-neg", "1NC › T › Interpretation — 1nc-3fa2c1",
    /// "taiwan trap — named argument".
    pub fn describe(&self) -> String {
        let whose = if self.is_named() { "named argument" } else { self.deck.as_str() };
        match self.path.is_empty() {
            true => format!("{} — {whose}", self.title),
            false => format!("{} › {} — {whose}", self.path, self.title),
        }
    }
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
    /// The argument's number in its [`ClashIndex`] (what [`ClashIndex::candidates`] takes).
    pub number: usize,
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

/// Whether a block heading says it answers: "A2 …", "AT: …", "A/T …", "Answers to …",
/// "Ans to …" (any case).
pub fn is_answer_heading(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    let word = |w: &str| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    };
    ["a2", "at", "a/t", "answers to", "answer to", "ans to", "responses to", "response to"]
        .into_iter()
        .any(word)
}

/// Whether every card of `block` is linked as an answer: with nothing of the other side
/// answering it, such a block only answers, and is no position (see [`ClashIndex::coverage`]).
fn all_linked(block: &crate::model::Block) -> bool {
    !block.cards.is_empty() && block.cards.iter().all(|c| !c.answers.is_empty())
}

/// Whether `argument` is one of this debate's: a deck that makes it is among the topic's decks.
pub fn in_topic(argument: &Argument, topic: &dyn Fn(&str) -> bool) -> bool {
    argument.decks.iter().any(|d| topic(d))
}

/// The arguments of one side in a library, the library's answers to each, and where each
/// argument can be found from a link's target; built once per library change, then asked about
/// any number of cases.
#[derive(Clone, Debug)]
pub struct ClashIndex {
    arguments: Vec<Argument>,
    available: Vec<Vec<(String, String)>>,
    /// "deck\0title" and "deck\0card" keys.
    blocks: HashMap<String, usize>,
    cards: HashMap<String, usize>,
    labels: HashMap<String, Vec<usize>>,
    /// The labels each argument's cards carry, for finding candidate answers.
    argument_labels: Vec<Vec<String>>,
    /// The arguments each library card ("deck\0card") answers.
    answers_of: HashMap<String, Vec<usize>>,
    /// The side whose arguments these are.
    against: Side,
    /// Whether each argument's cards are all linked as answers (a block that only answers,
    /// unless something answers it).
    answering: Vec<bool>,
}

impl Default for ClashIndex {
    fn default() -> Self {
        ClashIndex {
            arguments: Vec::new(),
            available: Vec::new(),
            blocks: HashMap::new(),
            cards: HashMap::new(),
            labels: HashMap::new(),
            argument_labels: Vec::new(),
            answers_of: HashMap::new(),
            against: Side::Either,
            answering: Vec::new(),
        }
    }
}

fn key(deck: &str, name: &str) -> String {
    format!("{deck}\0{name}")
}

impl ClashIndex {
    /// The arguments side `against` runs in `library` — every titled block whose cards are mostly
    /// of that side, in library order, then every label of that side's cards that an answer of the
    /// other side names (a named argument) — with the library's answers to each.
    pub fn build(library: &[Deck], against: Side) -> ClashIndex {
        let mut index = ClashIndex { against, ..ClashIndex::default() };
        for deck in library {
            let paths = deck.heading_paths();
            for (block, path) in deck.blocks.iter().zip(paths) {
                if block.title.trim().is_empty()
                    || block_side(&block.cards) != against
                    || is_answer_heading(&block.title)
                {
                    continue;
                }
                // A heading met again in the same deck is the same position.
                let n = match index.blocks.get(&key(&deck.id, &block.title)) {
                    Some(&n) => n,
                    None => {
                        let n = index.arguments.len();
                        index.arguments.push(Argument {
                            deck: deck.id.clone(),
                            title: block.title.clone(),
                            path,
                            decks: vec![deck.id.clone()],
                        });
                        index.available.push(Vec::new());
                        index.argument_labels.push(Vec::new());
                        index.answering.push(true);
                        index.blocks.insert(key(&deck.id, &block.title), n);
                        n
                    }
                };
                index.answering[n] &= all_linked(block);
                let labels = &mut index.argument_labels[n];
                for card in &block.cards {
                    index.cards.insert(key(&deck.id, &card.id), n);
                    for label in &card.labels {
                        let label = label.trim().to_lowercase();
                        let at = index.labels.entry(label.clone()).or_default();
                        if at.last() != Some(&n) {
                            at.push(n);
                        }
                        if !labels.contains(&label) {
                            labels.push(label);
                        }
                    }
                }
            }
        }
        index.add_named(library);
        let mut found = Vec::new();
        for deck in library {
            for card in deck.blocks.iter().flat_map(|b| &b.cards) {
                index.met_by(&card.answers, &mut found);
                for &n in &found {
                    index.available[n].push((deck.id.clone(), card.id.clone()));
                }
                if !found.is_empty() {
                    index.answers_of.insert(key(&deck.id, &card.id), found.clone());
                }
            }
        }
        index
    }

    /// Adds the named arguments: labels of the arguing side's cards that an answer of another
    /// side names, each once, in the order the cards carry them.
    fn add_named(&mut self, library: &[Deck]) {
        // Named by the other side's answers: a label both sides carry is an argument of the side
        // whose cards are answered under that name.
        let named: std::collections::HashSet<String> = library
            .iter()
            .flat_map(|d| d.cards())
            .filter(|c| c.side != self.against)
            .flat_map(|c| &c.answers)
            .filter_map(|l| match &l.target {
                AnswerTarget::Label(label) => Some(label.trim().to_lowercase()),
                _ => None,
            })
            .collect();
        let mut added: HashMap<String, usize> = HashMap::new();
        for deck in library {
            for card in deck.cards().filter(|c| c.side == self.against) {
                for label in card.labels.iter().map(|l| l.trim().to_lowercase()) {
                    if !named.contains(&label) {
                        continue;
                    }
                    if let Some(&n) = added.get(&label) {
                        let decks = &mut self.arguments[n].decks;
                        if !decks.contains(&deck.id) {
                            decks.push(deck.id.clone());
                        }
                        continue;
                    }
                    let n = self.arguments.len();
                    added.insert(label.clone(), n);
                    self.labels.entry(label.clone()).or_default().push(n);
                    self.arguments.push(Argument {
                        deck: String::new(),
                        title: label.clone(),
                        path: String::new(),
                        decks: vec![deck.id.clone()],
                    });
                    self.available.push(Vec::new());
                    self.argument_labels.push(vec![label]);
                    self.answering.push(false);
                }
            }
        }
    }

    /// The arguments, in library order.
    pub fn arguments(&self) -> &[Argument] {
        &self.arguments
    }

    /// The labels the cards of argument `n` carry.
    pub fn labels_of(&self, n: usize) -> &[String] {
        self.argument_labels.get(n).map_or(&[], Vec::as_slice)
    }

    /// The arguments `links` meet, each once, in order.
    pub fn met_by(&self, links: &[crate::model::AnswerLink], out: &mut Vec<usize>) {
        out.clear();
        for link in links {
            match &link.target {
                AnswerTarget::Block { deck, title } => out.extend(self.blocks.get(&key(deck, title))),
                AnswerTarget::Card { deck, card } => out.extend(self.cards.get(&key(deck, card))),
                AnswerTarget::Label(label) => {
                    out.extend(self.labels.get(&label.trim().to_lowercase()).into_iter().flatten())
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// How ready the outline `case` is for each argument of the topic (see [`in_topic`]).
    pub fn coverage(&self, case: &[Section], topic: &dyn Fn(&str) -> bool) -> Vec<ArgumentCoverage> {
        let mut out: Vec<ArgumentCoverage> = self
            .arguments
            .iter()
            .zip(&self.available)
            .enumerate()
            .map(|(number, (argument, available))| ArgumentCoverage {
                number,
                argument: argument.clone(),
                coverage: Coverage::Missing,
                placed: Vec::new(),
                available: available.clone(),
            })
            .collect();
        let mut found = Vec::new();
        for item in case.iter().flat_map(|s| &s.items) {
            // An analytic is named by its words (it has no id outside the session).
            let (owner, id, links) = match item {
                Item::Card { deck, card, .. } => (deck.as_str(), card.id.as_str(), &card.answers),
                Item::Analytic { text, answers } => ("", text.as_str(), answers),
            };
            // The case's copy may predate a link made in the library since: both count.
            self.met_by(links, &mut found);
            found.extend(self.answers_of.get(&key(owner, id)).into_iter().flatten());
            found.sort_unstable();
            found.dedup();
            for &n in &found {
                out[n].placed.push((owner.to_owned(), id.to_owned()));
            }
        }
        // A block that only answers, and that nothing answers, is no position.
        out.retain(|arg| {
            in_topic(&arg.argument, topic) && !(self.answering[arg.number] && arg.available.is_empty())
        });
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
}

/// Words too common to say what an argument is about.
const COMMON: &[&str] = &[
    "answers", "about", "would", "could", "their", "there", "which", "with", "from", "that", "this", "into",
    "more", "than",
];

impl ClashIndex {
    /// Cards not of the arguing side that may answer argument `n` and do not link to it yet:
    /// those carrying one of its labels, or whose tag or labels use a word of its heading (of
    /// four letters or more), best first; at most `limit`. One pass over the library.
    pub fn candidates(&self, library: &[Deck], n: usize, limit: usize) -> Vec<(String, String)> {
        let Some(argument) = self.arguments.get(n) else { return Vec::new() };
        let labels = self.labels_of(n);
        let title_words: Vec<String> = crate::search::words::words(&argument.title)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && !COMMON.contains(&w.as_str()))
            .collect();
        let linked = &self.available[n];
        let mut scored = Vec::new();
        for deck in library {
            for block in &deck.blocks {
                // The argument's own side does not answer it.
                if deck.id == argument.deck && block.title == argument.title {
                    continue;
                }
                for card in block.cards.iter().filter(|c| c.side != self.against) {
                    if linked.iter().any(|(d, c)| *d == deck.id && *c == card.id) {
                        continue;
                    }
                    let own: Vec<String> = card.labels.iter().map(|l| l.trim().to_lowercase()).collect();
                    let by_label = own.iter().filter(|l| labels.contains(l)).count();
                    let words =
                        crate::search::words::words(&format!("{} {}", card.tag, card.labels.join(" ")));
                    let by_word = title_words.iter().filter(|w| words.contains(w)).count();
                    let score = 3 * by_label + by_word;
                    if score > 0 {
                        scored.push((std::cmp::Reverse(score), deck.id.clone(), card.id.clone()));
                    }
                }
            }
        }
        scored.sort();
        scored.into_iter().take(limit).map(|(_, d, c)| (d, c)).collect()
    }
}

/// The arguments `against` runs in `library`, and how ready `case` is for each (see
/// [`ClashIndex`]).
pub fn coverage(library: &[Deck], against: Side, case: &[Section]) -> Vec<ArgumentCoverage> {
    ClashIndex::build(library, against).coverage(case, &|_| true)
}

/// "3 of the neg's 7 positions unanswered in your 1AC" — counted from [`coverage`]; for an
/// outline with nothing in it yet, "no positions chosen yet" (nothing is wrong with an empty
/// case: the debater has not started).
pub fn summary(coverage: &[ArgumentCoverage], against: Side, outline: &str, empty: bool) -> String {
    let open = coverage.iter().filter(|c| c.coverage != Coverage::Answered).count();
    if empty {
        return format!(
            "Your {outline} is empty: no positions chosen yet (the {} has {} in this topic)",
            against.name(),
            coverage.len()
        );
    }
    format!("{open} of the {}'s {} positions unanswered in your {outline}", against.name(), coverage.len())
}

#[cfg(test)]
#[path = "clash_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "clash_scope_tests.rs"]
mod scope_tests;
