//! The word index of one deck ([`Words`]): for each folded word, the cards that hold it and in
//! which parts; for each card, its words in order (for phrases). A library is many of these, one
//! per deck, searched together by [`super::ranked`]: a changed deck rebuilds only its own.
//!
//! Only the vocabulary, the word sequence and each card's facts are stored (see
//! [`super::segment`]); the word lookup table and the postings are derived by [`Words::prepare`].

use serde::{Deserialize, Serialize};

use crate::model::Side;

use super::query::Field;

/// Parts of a card, as bits of a word's posting.
pub(super) const TAG: u8 = 1;
const SHORT: u8 = 2;
const LABELS: u8 = 4;
const TEXT: u8 = 8;
const HIGHLIGHT: u8 = 16;
const CITE: u8 = 32;
/// The parts as word sequences, in this order (for phrases).
const PARTS: [u8; 6] = [TAG, SHORT, LABELS, TEXT, HIGHLIGHT, CITE];

/// The parts a field searches.
pub(super) fn mask(field: Field) -> u8 {
    match field {
        Field::Any => TAG | SHORT | LABELS | TEXT,
        Field::Tag => TAG,
        Field::Cite => CITE | SHORT,
        Field::Highlighted => HIGHLIGHT,
    }
}

/// How much a word counts in the best of these parts: tag 3, highlighted 2, short cite and
/// labels 1.5, whole cite and unread text 1.
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
}

/// One card's facts: where its parts' words are in [`Words::seq`], its year and side.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Doc {
    /// Start of each part's words in the sequence, and the end of the last.
    pub parts: [u32; 7],
    pub year: Option<u16>,
    pub side: Side,
}

/// The word index of one deck's cards, numbered from 0 in the order they were added.
///
/// Laid out for memory (a team's library has millions of distinct words across its decks): the
/// vocabulary is one string with word ends, the lookup table holds word numbers only, and the
/// postings are two flat arrays (cards and part bits) sliced per word.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Words {
    /// The deck's id and title, folded (for `deck:`).
    pub(super) deck: String,
    /// Every word, one after another.
    vocab: String,
    /// Where each word ends in `vocab`.
    ends: Vec<u32>,
    seq: Vec<u32>,
    pub(super) docs: Vec<Doc>,
    /// Word numbers, found by the word's hash (derived).
    #[serde(skip)]
    table: hashbrown::HashTable<u32>,
    /// Word numbers sorted by word, for words being typed (stored: sorting is the slowest part of
    /// deriving the rest; checked when read back).
    sorted: Vec<u32>,
    /// Where each word's postings start in `post_docs`, and the end (derived).
    #[serde(skip)]
    post_start: Vec<u32>,
    /// The cards holding each word, in order (derived).
    #[serde(skip)]
    post_docs: Vec<u32>,
    /// The parts of that card holding it (derived).
    #[serde(skip)]
    post_bits: Vec<u8>,
}

fn hash_word(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// Word `id` of a vocabulary.
fn word_in<'a>(vocab: &'a str, ends: &[u32], id: u32) -> &'a str {
    let end = ends[id as usize] as usize;
    let start = if id == 0 { 0 } else { ends[id as usize - 1] as usize };
    &vocab[start..end]
}

impl Words {
    /// An empty index for the deck with this id and title.
    pub fn new(deck: &str) -> Self {
        Words { deck: super::words::fold(deck), ..Words::default() }
    }

    fn word(&self, id: u32) -> &str {
        word_in(&self.vocab, &self.ends, id)
    }

    fn id(&self, word: &str) -> Option<u32> {
        self.table.find(hash_word(word), |&id| self.word(id) == word).copied()
    }

    /// Adds a card; returns its number. Call [`Words::finish`] after the last.
    pub fn add(&mut self, card: &CardText<'_>) -> usize {
        let doc = self.docs.len() as u32;
        let mut parts = [0u32; 7];
        let texts = [card.tag, card.short_cite, card.labels, card.text, card.highlighted, card.cite];
        let Words { vocab, ends, seq, table, .. } = self;
        for (i, text) in texts.iter().enumerate() {
            parts[i] = seq.len() as u32;
            for word in super::words::fold(text).split_whitespace() {
                let hash = hash_word(word);
                let id = match table.find(hash, |&id| word_in(vocab, ends, id) == word) {
                    Some(&id) => id,
                    None => {
                        let id = ends.len() as u32;
                        vocab.push_str(word);
                        ends.push(vocab.len() as u32);
                        table.insert_unique(hash, id, |&id| hash_word(word_in(vocab, ends, id)));
                        id
                    }
                };
                seq.push(id);
            }
        }
        parts[6] = seq.len() as u32;
        self.docs.push(Doc { parts, year: card.year, side: card.side });
        doc as usize
    }

    /// Derives the postings and the sorted words; call once after the last [`Words::add`].
    pub fn finish(&mut self) {
        self.derive_postings();
        let mut sorted: Vec<u32> = (0..self.ends.len() as u32).collect();
        sorted.sort_unstable_by(|a, b| self.word(*a).cmp(self.word(*b)));
        self.sorted = sorted;
    }

    /// Each word's cards and parts, from the word sequence.
    fn derive_postings(&mut self) {
        let words = self.ends.len();
        // Count, then fill: each word's cards in order, with the parts holding it.
        let mut count = vec![0u32; words + 1];
        let mut last = vec![u32::MAX; words];
        for (d, doc) in self.docs.iter().enumerate() {
            for &w in &self.seq[doc.parts[0] as usize..doc.parts[6] as usize] {
                if last[w as usize] != d as u32 {
                    last[w as usize] = d as u32;
                    count[w as usize + 1] += 1;
                }
            }
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        let total = count[words] as usize;
        let mut post_docs = vec![0u32; total];
        let mut post_bits = vec![0u8; total];
        let mut fill = count.clone();
        last.fill(u32::MAX);
        for (d, doc) in self.docs.iter().enumerate() {
            for (i, bit) in PARTS.iter().enumerate() {
                for &w in &self.seq[doc.parts[i] as usize..doc.parts[i + 1] as usize] {
                    let w = w as usize;
                    if last[w] != d as u32 {
                        last[w] = d as u32;
                        post_docs[fill[w] as usize] = d as u32;
                        fill[w] += 1;
                    }
                    post_bits[fill[w] as usize - 1] |= bit;
                }
            }
        }
        self.post_start = count;
        self.post_docs = post_docs;
        self.post_bits = post_bits;
    }

    /// Derives the lookup table, postings and sorted words of an index read back from its stored
    /// parts, checking them first: a word number past the vocabulary, a repeated word or parts
    /// out of order make it an error (a damaged cache file is rebuilt, never trusted).
    pub fn prepare(&mut self) -> Result<(), String> {
        let words = self.ends.len();
        if self.ends.windows(2).any(|w| w[0] >= w[1])
            || self.ends.first() == Some(&0)
            || self.ends.last().is_some_and(|&e| e as usize != self.vocab.len())
            || (words == 0 && !self.vocab.is_empty())
            || self.ends.iter().any(|&e| !self.vocab.is_char_boundary(e as usize))
        {
            return Err("the vocabulary is damaged".into());
        }
        if self.seq.iter().any(|&w| w as usize >= words) {
            return Err("a word number is past the vocabulary".into());
        }
        let mut at = 0u32;
        for doc in &self.docs {
            if doc.parts[0] != at || doc.parts.windows(2).any(|w| w[0] > w[1]) {
                return Err("a card's words are out of order".into());
            }
            at = doc.parts[6];
        }
        if at as usize != self.seq.len() {
            return Err("the word sequence does not end with the last card".into());
        }
        let mut table = hashbrown::HashTable::with_capacity(words);
        for id in 0..words as u32 {
            let word = self.word(id);
            let hash = hash_word(word);
            if table.find(hash, |&other| self.word(other) == word).is_some() {
                return Err("a word is listed twice".into());
            }
            table.insert_unique(hash, id, |&other| hash_word(self.word(other)));
        }
        self.table = table;
        // The stored order must be every word once, sorted.
        let mut seen = vec![false; words];
        let permutation = self.sorted.len() == words
            && self
                .sorted
                .iter()
                .all(|&w| (w as usize) < words && !std::mem::replace(&mut seen[w as usize], true));
        if !permutation || self.sorted.windows(2).any(|p| self.word(p[0]) >= self.word(p[1])) {
            return Err("the sorted words are not sorted".into());
        }
        self.derive_postings();
        Ok(())
    }

    /// Number of cards.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no card was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The cards holding word `id`, and the parts of each holding it.
    fn postings(&self, id: u32) -> (&[u32], &[u8]) {
        let (start, end) = (self.post_start[id as usize] as usize, self.post_start[id as usize + 1] as usize);
        (&self.post_docs[start..end], &self.post_bits[start..end])
    }

    /// How many cards hold `word`.
    pub(super) fn cards_with(&self, word: &str) -> usize {
        self.id(word).map_or(0, |id| self.postings(id).0.len())
    }

    /// Up to `n` words beginning with `start`, shortest first (then in order).
    pub(super) fn words_beginning(&self, start: &str, n: usize) -> Vec<&str> {
        let from = self.sorted.partition_point(|&w| self.word(w) < start);
        let mut found: Vec<&str> =
            self.sorted[from..].iter().map(|&w| self.word(w)).take_while(|w| w.starts_with(start)).collect();
        found.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
        found.truncate(n);
        found
    }

    /// The cards holding these words in this order in `field`, each with its score: the weight of
    /// the best part it is in times `idf` (how rare the words are in the whole library).
    pub(super) fn matching(&self, words: &[String], field: Field, idf: f32) -> Vec<(u32, f32)> {
        let want = mask(field);
        let Some(ids) = words.iter().map(|w| self.id(w)).collect::<Option<Vec<u32>>>() else {
            return Vec::new();
        };
        let Some(rarest) = ids.iter().copied().min_by_key(|&id| self.postings(id).0.len()) else {
            return Vec::new();
        };
        // A phrase is checked only in cards holding all its words.
        // Bits: the parts where every word of it occurs.
        let (docs, bits) = self.postings(rarest);
        let mut candidates: Vec<(u32, u8)> = docs.iter().copied().zip(bits.iter().copied()).collect();
        for &id in &ids {
            if id != rarest && !candidates.is_empty() {
                let (docs, bits) = self.postings(id);
                candidates.retain_mut(|(d, b)| match docs.binary_search(d) {
                    Ok(k) => {
                        *b &= bits[k];
                        *b != 0
                    }
                    Err(_) => false,
                });
            }
        }
        let mut out = Vec::with_capacity(candidates.len());
        for (doc, bits) in candidates {
            let here = bits & want;
            if here == 0 {
                continue;
            }
            let best = if ids.len() == 1 {
                weight(here)
            } else {
                // A phrase: some part holding all its words must hold them in a row.
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
}

/// Whether `seq` holds `run` as consecutive words.
fn contains_run(seq: &[u32], run: &[u32]) -> bool {
    let Some((&first, rest)) = run.split_first() else { return false };
    let last_start = seq.len().saturating_sub(run.len());
    seq.iter()
        .take(last_start + 1)
        .enumerate()
        .any(|(i, &w)| w == first && seq.get(i + 1..i + run.len()) == Some(rest))
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
