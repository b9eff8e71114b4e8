//! Other cuts of the same evidence: cards whose texts share most of their sentences (compared
//! folded: case, accents and punctuation aside) are one article passage cut again, with other
//! tags and other highlighting. Teams re-cut the same article hundreds of times; this finds them.
//!
//! Each card's sentences of at least [`MIN_WORDS`] words are hashed; a sentence in more than
//! [`MAX_SHARED`] cards (boilerplate, a famous line) is ignored, so a hostile library cannot make
//! a lookup quadratic. Two cards are cuts of each other when more than half of the smaller one's
//! sentences are in the other.

use std::collections::HashMap;

use super::words::fold;

/// Sentences shorter than this many words are not compared ("Yes." proves nothing).
pub const MIN_WORDS: usize = 5;
/// A sentence in more cards than this is ignored.
pub const MAX_SHARED: usize = 200;

/// The folded sentences of `text`, hashed (see the module documentation).
pub fn sentence_hashes(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(['.', '!', '?', '\n'])
        .filter_map(|sentence| {
            let folded = fold(sentence);
            let mut words = 0;
            let mut h = FNV_START;
            for w in folded.split_whitespace() {
                if words > 0 {
                    h = step(h, b' ');
                }
                h = w.bytes().fold(h, step);
                words += 1;
            }
            (words >= MIN_WORDS).then_some(h)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The hash of a card's whole folded text: equal for exact duplicates.
pub fn text_hash(text: &str) -> u64 {
    hash(&fold(text).split_whitespace().collect::<Vec<_>>().join(" "))
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(FNV_START, step)
}

/// Cards by their sentences.
#[derive(Default)]
pub struct CutIndex {
    cards: Vec<Vec<u64>>,
    by_sentence: HashMap<u64, Vec<u32>>,
}

impl CutIndex {
    /// Adds a card's text; cards are numbered in the order they are added.
    pub fn add(&mut self, text: &str) {
        let n = self.cards.len() as u32;
        let sentences = sentence_hashes(text);
        for s in &sentences {
            self.by_sentence.entry(*s).or_default().push(n);
        }
        self.cards.push(sentences);
    }

    /// The other cuts of card `card`, most shared sentences first.
    pub fn other_cuts(&self, card: usize) -> Vec<usize> {
        let Some(mine) = self.cards.get(card) else { return Vec::new() };
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for s in mine {
            let Some(holders) = self.by_sentence.get(s).filter(|h| h.len() <= MAX_SHARED) else { continue };
            for &other in holders {
                if other as usize != card {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(other, n)| {
                let smaller = mine.len().min(self.cards[other as usize].len());
                n * 2 > smaller
            })
            .map(|(other, n)| (other as usize, n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(c, _)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSAGE: &str = "Asia lacks a codified, NATO-style collective defense arrangement. \
        While trilateral collaboration is progressing, it is not a collective alliance. \
        Those structures are disjointed at best and cannot act jointly in emergencies.";

    #[test]
    fn a_recut_with_other_punctuation_and_case_is_another_cut_and_an_unrelated_card_is_not() {
        let mut index = CutIndex::default();
        index.add(PASSAGE);
        index.add(&PASSAGE.to_uppercase().replace(',', ";"));
        index.add("A completely different card about the Quad and its naval exercises in the region.");
        index.add(
            "Asia lacks a codified, NATO-style collective defense arrangement. Something else entirely \
             is said here by another author. And a third sentence with five words or more.",
        );
        assert_eq!(index.other_cuts(0), vec![1]);
        assert_eq!(index.other_cuts(1), vec![0]);
        assert!(index.other_cuts(2).is_empty());
        assert!(index.other_cuts(3).is_empty(), "one shared sentence of three is not most");
        assert_eq!(text_hash("A  b, C."), text_hash("a b c"));
    }

    #[test]
    fn a_sentence_in_very_many_cards_is_ignored() {
        let mut index = CutIndex::default();
        for _ in 0..=MAX_SHARED {
            index.add("This boilerplate sentence appears in every single card.");
        }
        assert!(index.other_cuts(0).is_empty());
    }
}
