//! Running a query over a library's word indexes (one [`Words`] per deck), best first.
//!
//! Ranking: a word counts more in the tag (3) and the highlighted text (2) than in the cite or
//! labels (1.5) or the unread text (1), weighted by how rare it is in the whole library; among
//! equal scores the newer cite comes first, then library order. Each deck intersects its own
//! word lists, starting from the library's rarest word, so a query's cost follows the rarest
//! word, not the number of cards.

use crate::model::Side;

use super::index::Words;
use super::query::{Field, Query, Term};

/// The most words a prefix being typed expands to.
pub const PREFIX_WORDS: usize = 64;

/// One hit: the card's number in the library and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// The card, numbered across the decks in library order.
    pub card: usize,
    /// Higher is better.
    pub score: f32,
}

/// A words term ready to run: the words (several for a word being typed: any of them), where,
/// and each one's weight for rarity.
struct Step {
    words: Vec<(Vec<String>, f32)>,
    field: Field,
}

/// The cards of `decks` (numbered in this order) matching `query`, best first (every card, in
/// order, for an empty query).
pub fn search(decks: &[&Words], query: &Query) -> Vec<Hit> {
    let cards: usize = decks.iter().map(|w| w.len()).sum();
    let held = |word: &str| decks.iter().map(|w| w.cards_with(word)).sum::<usize>();
    let idf = |words: &[String]| -> f32 {
        let n = cards.max(1) as f32;
        words.iter().map(|w| (1.0 + n / held(w).max(1) as f32).ln()).sum()
    };
    let last = query.must.len().saturating_sub(1);
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (i, term) in query.must.iter().enumerate() {
        let Term::Words { field, words } = term else { continue };
        if query.prefix_last && i == last && words.len() == 1 {
            let typed = typed_words(decks, &words[0]);
            let expanded = typed.into_iter().map(|w| (vec![w.clone()], idf(std::slice::from_ref(&w))));
            steps.push((usize::MAX, Step { words: expanded.collect(), field: *field }));
        } else {
            let rarest = words.iter().map(|w| held(w)).min().unwrap_or(0);
            steps.push((rarest, Step { words: vec![(words.clone(), idf(words))], field: *field }));
        }
    }
    steps.sort_by_key(|(rarest, _)| *rarest);
    let excluded: Vec<(&Vec<String>, Field)> = query
        .must_not
        .iter()
        .filter_map(|t| match t {
            Term::Words { field, words } => Some((words, *field)),
            _ => None,
        })
        .collect();
    let filters: Vec<&Term> = query.must.iter().filter(|t| !matches!(t, Term::Words { .. })).collect();
    let not_filters: Vec<&Term> =
        query.must_not.iter().filter(|t| !matches!(t, Term::Words { .. })).collect();

    let mut hits: Vec<(Hit, Option<u16>)> = Vec::new();
    let mut first = 0;
    for deck in decks {
        let steps = steps.iter().map(|(_, s)| s);
        let Some(candidates) = candidates(deck, steps) else {
            first += deck.len();
            continue;
        };
        let excluded: Vec<Vec<(u32, f32)>> =
            excluded.iter().map(|(words, field)| deck.matching(words, *field, 0.0)).collect();
        for (d, score) in candidates {
            let passes = |t: &&Term| passes(deck, d, t);
            if filters.iter().all(passes)
                && !not_filters.iter().any(passes)
                && !excluded.iter().any(|e| e.binary_search_by_key(&d, |(x, _)| *x).is_ok())
            {
                hits.push((Hit { card: first + d as usize, score }, deck.docs[d as usize].year));
            }
        }
        first += deck.len();
    }
    hits.sort_unstable_by(|(a, ya), (b, yb)| {
        b.score.total_cmp(&a.score).then_with(|| yb.cmp(ya)).then_with(|| a.card.cmp(&b.card))
    });
    hits.into_iter().map(|(h, _)| h).collect()
}

/// The library's [`PREFIX_WORDS`] shortest words beginning with `start`.
fn typed_words(decks: &[&Words], start: &str) -> Vec<String> {
    let mut all: Vec<&str> = decks.iter().flat_map(|w| w.words_beginning(start, PREFIX_WORDS)).collect();
    all.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    all.dedup();
    all.into_iter().take(PREFIX_WORDS).map(str::to_owned).collect()
}

/// The cards of one deck holding every step's words, with their summed scores (sorted by card);
/// `None` when none does. Without steps, every card with score 0.
fn candidates<'a>(deck: &Words, steps: impl Iterator<Item = &'a Step>) -> Option<Vec<(u32, f32)>> {
    let mut scores: Option<Vec<(u32, f32)>> = None;
    for step in steps {
        let found = if step.words.len() == 1 {
            let (words, idf) = &step.words[0];
            deck.matching(words, step.field, *idf)
        } else {
            best_of(deck, step)
        };
        let so_far = match scores {
            None => found,
            Some(so_far) => intersect(&so_far, &found),
        };
        if so_far.is_empty() {
            return None;
        }
        scores = Some(so_far);
    }
    Some(scores.unwrap_or_else(|| (0..deck.len() as u32).map(|d| (d, 0.0)).collect()))
}

/// The cards holding any of a step's words, each with its best score, sorted by card.
fn best_of(deck: &Words, step: &Step) -> Vec<(u32, f32)> {
    let mut best: std::collections::HashMap<u32, f32> = std::collections::HashMap::new();
    for (words, idf) in &step.words {
        for (doc, score) in deck.matching(words, step.field, *idf) {
            let b = best.entry(doc).or_insert(0.0);
            *b = b.max(score);
        }
    }
    let mut list: Vec<(u32, f32)> = best.into_iter().collect();
    list.sort_unstable_by_key(|(d, _)| *d);
    list
}

/// Whether card `doc` of `deck` passes a filter term (words are checked by matching).
fn passes(deck: &Words, doc: u32, term: &Term) -> bool {
    let d = &deck.docs[doc as usize];
    match term {
        Term::Words { .. } => true,
        Term::Year { from, to } => d.year.is_some_and(|y| (*from..=*to).contains(&y)),
        Term::Side(side) => d.side == *side || d.side == Side::Either,
        Term::Deck(part) => deck.deck.contains(part.as_str()),
    }
}

/// The cards in both lists (sorted by card), their scores added.
fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}
