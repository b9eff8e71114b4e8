//! A word index over cards: for each folded word, the cards that hold it and in which parts;
//! for each card, its words in order (for phrases). A query intersects the word lists, starting
//! from the shortest, so its cost follows the rarest word, not the number of cards.
//!
//! Ranking: a word counts more in the tag (3) and the highlighted text (2) than in the cite or
//! labels (1.5) or the unread text (1), weighted by how rare it is; among equal scores the newer
//! cite comes first, then library order.

use std::collections::HashMap;

use crate::model::Side;

use super::query::{Field, Query, Term};

/// Parts of a card, as bits of a word's posting.
const TAG: u8 = 1;
const SHORT: u8 = 2;
const LABELS: u8 = 4;
const TEXT: u8 = 8;
const HIGHLIGHT: u8 = 16;
const CITE: u8 = 32;
/// The parts as word sequences, in this order (for phrases).
const PARTS: [u8; 6] = [TAG, SHORT, LABELS, TEXT, HIGHLIGHT, CITE];

/// The most words a prefix being typed expands to.
pub const PREFIX_WORDS: usize = 64;

fn mask(field: Field) -> u8 {
    match field {
        Field::Any => TAG | SHORT | LABELS | TEXT,
        Field::Tag => TAG,
        Field::Cite => CITE | SHORT,
        Field::Highlighted => HIGHLIGHT,
    }
}

fn weight(bits: u8) -> f32 {
    [(TAG, 3.0), (HIGHLIGHT, 2.0), (SHORT, 1.5), (LABELS, 1.5), (CITE, 1.0), (TEXT, 1.0)]
        .iter()
        .filter(|(b, _)| bits & b != 0)
        .map(|(_, w)| *w)
        .fold(0.0, f32::max)
}

/// What the index needs of one card: its parts as text and the facts filters look at.
#[derive(Clone, Debug, Default)]
pub struct CardText<'a> {
    /// The tag.
    pub tag: &'a str,
    /// The short cite and author names ("Kim 25 Ju Hyung Kim").
    pub short_cite: &'a str,
    /// The labels, joined.
    pub labels: &'a str,
    /// The quoted text.
    pub text: &'a str,
    /// The highlighted words.
    pub highlighted: &'a str,
    /// The whole cite: names, credentials, title, publication.
    pub cite: &'a str,
    /// The cite's year, when known.
    pub year: Option<u16>,
    /// Who reads it.
    pub side: Side,
    /// The deck's id and title, folded.
    pub deck: &'a str,
}

struct Doc {
    /// Start of each part's words in `WordIndex::seq`, and the end of the last.
    parts: [u32; 7],
    year: Option<u16>,
    side: Side,
    deck: String,
}

/// The index; cards are numbered in the order they were added.
#[derive(Default)]
pub struct WordIndex {
    ids: HashMap<String, u32>,
    /// The words sorted, for words being typed ([`WordIndex::finish`] makes it).
    sorted: Vec<(String, u32)>,
    postings: Vec<Vec<(u32, u8)>>,
    seq: Vec<u32>,
    docs: Vec<Doc>,
}

/// One hit: the card's number and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// The card, numbered in the order it was added.
    pub card: usize,
    /// Higher is better.
    pub score: f32,
}

impl WordIndex {
    /// Adds a card; returns its number.
    pub fn add(&mut self, card: &CardText<'_>) -> usize {
        let doc = self.docs.len() as u32;
        let mut parts = [0u32; 7];
        let texts = [card.tag, card.short_cite, card.labels, card.text, card.highlighted, card.cite];
        for (i, (text, bit)) in texts.iter().zip(PARTS).enumerate() {
            parts[i] = self.seq.len() as u32;
            for word in super::words::fold(text).split_whitespace() {
                let id = match self.ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = self.ids.len() as u32;
                        self.ids.insert(word.to_owned(), id);
                        id
                    }
                };
                if id as usize == self.postings.len() {
                    self.postings.push(Vec::new());
                }
                let list = &mut self.postings[id as usize];
                match list.last_mut() {
                    Some((d, bits)) if *d == doc => *bits |= bit,
                    _ => list.push((doc, bit)),
                }
                self.seq.push(id);
            }
        }
        parts[6] = self.seq.len() as u32;
        self.docs.push(Doc { parts, year: card.year, side: card.side, deck: card.deck.to_owned() });
        doc as usize
    }

    /// Sorts the words for prefix lookups; call once after the last [`WordIndex::add`] (without
    /// it, a word being typed is looked up by a scan of all words).
    pub fn finish(&mut self) {
        let mut sorted: Vec<(String, u32)> = self.ids.iter().map(|(w, &id)| (w.clone(), id)).collect();
        sorted.sort_unstable();
        self.sorted = sorted;
    }

    /// Number of cards.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no card was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The cards matching `query`, best first (every card, in order, for an empty query).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let mut scores: Option<Vec<(u32, f32)>> = None;
        let last = query.must.len().saturating_sub(1);
        let mut words_terms: Vec<(&Vec<String>, Field, bool)> = query
            .must
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t {
                Term::Words { field, words } => Some((words, *field, query.prefix_last && i == last)),
                _ => None,
            })
            .collect();
        words_terms.sort_by_key(|(w, _, prefix)| if *prefix { usize::MAX } else { self.rarest(w) });
        for (w, field, prefix) in words_terms {
            let found = if prefix { self.matching_prefix(&w[0], field) } else { self.matching(w, field) };
            scores = Some(match scores {
                None => found,
                Some(so_far) => intersect(&so_far, &found),
            });
        }
        let candidates: Vec<(u32, f32)> = match scores {
            Some(list) => list,
            None => (0..self.docs.len() as u32).map(|d| (d, 0.0)).collect(),
        };
        let excluded: Vec<Vec<(u32, f32)>> = query
            .must_not
            .iter()
            .filter_map(|t| match t {
                Term::Words { field, words } => Some(self.matching(words, *field)),
                _ => None,
            })
            .collect();
        let filters: Vec<&Term> = query.must.iter().filter(|t| !matches!(t, Term::Words { .. })).collect();
        let not_filters: Vec<&Term> =
            query.must_not.iter().filter(|t| !matches!(t, Term::Words { .. })).collect();
        let mut hits: Vec<Hit> = candidates
            .into_iter()
            .filter(|(d, _)| filters.iter().all(|t| self.passes(*d, t)))
            .filter(|(d, _)| !not_filters.iter().any(|t| self.passes(*d, t)))
            .filter(|(d, _)| !excluded.iter().any(|e| e.binary_search_by_key(d, |(x, _)| *x).is_ok()))
            .map(|(d, score)| Hit { card: d as usize, score })
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| self.docs[b.card].year.cmp(&self.docs[a.card].year))
                .then_with(|| a.card.cmp(&b.card))
        });
        hits
    }

    /// How many cards hold the rarest word of a term (to intersect the shortest lists first).
    fn rarest(&self, words: &[String]) -> usize {
        words
            .iter()
            .map(|w| self.ids.get(w).map_or(0, |&id| self.postings[id as usize].len()))
            .min()
            .unwrap_or(0)
    }

    /// The cards holding a word that begins with `start` in `field` (a word still being typed),
    /// each with its best score. At most [`PREFIX_WORDS`] words are looked at, the shortest
    /// first, so one typed letter stays fast.
    fn matching_prefix(&self, start: &str, field: Field) -> Vec<(u32, f32)> {
        let mut out: HashMap<u32, f32> = HashMap::new();
        let mut found: Vec<&String> = if self.sorted.len() == self.ids.len() {
            let from = self.sorted.partition_point(|(w, _)| w.as_str() < start);
            self.sorted[from..].iter().map(|(w, _)| w).take_while(|w| w.starts_with(start)).collect()
        } else {
            self.ids.keys().filter(|w| w.starts_with(start)).collect()
        };
        found.sort_by_key(|w| w.len());
        for word in found.into_iter().take(PREFIX_WORDS) {
            for (doc, score) in self.matching(std::slice::from_ref(word), field) {
                let best = out.entry(doc).or_insert(0.0);
                *best = best.max(score);
            }
        }
        let mut list: Vec<(u32, f32)> = out.into_iter().collect();
        list.sort_unstable_by_key(|(d, _)| *d);
        list
    }

    /// The cards holding these words in this order in `field`, each with its score.
    fn matching(&self, words: &[String], field: Field) -> Vec<(u32, f32)> {
        let want = mask(field);
        let Some(ids) = words.iter().map(|w| self.ids.get(w).copied()).collect::<Option<Vec<u32>>>() else {
            return Vec::new();
        };
        let rarest = ids.iter().copied().min_by_key(|&id| self.postings[id as usize].len()).unwrap_or(0);
        let n = self.docs.len().max(1) as f32;
        let idf: f32 =
            ids.iter().map(|&id| (1.0 + n / self.postings[id as usize].len().max(1) as f32).ln()).sum();
        // A phrase is checked only in cards holding all its words.
        // Bits: the parts where every word of it occurs.
        let mut candidates: Vec<(u32, u8)> = self.postings[rarest as usize].clone();
        for &id in &ids {
            if id != rarest && !candidates.is_empty() {
                let other = &self.postings[id as usize];
                candidates.retain_mut(|(d, bits)| match other.binary_search_by_key(d, |(x, _)| *x) {
                    Ok(k) => {
                        *bits &= other[k].1;
                        *bits != 0
                    }
                    Err(_) => false,
                });
            }
        }
        let mut out = Vec::with_capacity(candidates.len());
        for (doc, bits) in candidates {
            if bits & want == 0 {
                continue;
            }
            let here = bits & want;
            let best = if ids.len() == 1 {
                weight(here)
            } else {
                // A phrase: the part where its rarest word is must hold all its words in a row.
                let d = &self.docs[doc as usize];
                PARTS
                    .iter()
                    .enumerate()
                    .filter(|(_, part)| here & **part != 0)
                    .filter(|(i, _)| {
                        contains_run(&self.seq[d.parts[*i] as usize..d.parts[i + 1] as usize], &ids)
                    })
                    .map(|(_, part)| weight(*part))
                    .fold(0.0, f32::max)
            };
            if best > 0.0 {
                out.push((doc, best * idf));
            }
        }
        out
    }

    /// Whether card `doc` passes a filter term (words are checked by [`WordIndex::matching`]).
    fn passes(&self, doc: u32, term: &Term) -> bool {
        let d = &self.docs[doc as usize];
        match term {
            Term::Words { .. } => true,
            Term::Year { from, to } => d.year.is_some_and(|y| (*from..=*to).contains(&y)),
            Term::Side(side) => d.side == *side || d.side == Side::Either,
            Term::Deck(part) => d.deck.contains(part.as_str()),
        }
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

/// Whether `seq` holds `run` as consecutive words.
fn contains_run(seq: &[u32], run: &[u32]) -> bool {
    let Some((&first, rest)) = run.split_first() else { return false };
    let last_start = seq.len().saturating_sub(run.len());
    seq.iter()
        .take(last_start + 1)
        .enumerate()
        .any(|(i, &w)| w == first && seq[i + 1..i + run.len()] == *rest)
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
