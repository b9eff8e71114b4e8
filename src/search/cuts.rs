//! Other cuts of the same evidence: cards whose texts share most of their sentences (compared
//! folded: case, accents and punctuation aside) are one article passage cut again, with other
//! tags and other highlighting. Teams re-cut the same article hundreds of times; this finds them.
//!
//! Each card's sentences of at least [`MIN_WORDS`] words are hashed (kept in each deck's
//! [`super::Segment`]; [`super::LibraryIndex::other_cuts`] compares them); a sentence in more than
//! [`MAX_SHARED`] cards (boilerplate, a famous line) is ignored, so a hostile library cannot make
//! a lookup quadratic. Two cards are cuts of each other when more than half of the smaller one's
//! sentences are in the other.

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

/// The hash of a card as a copy of it would have it: its tag, exact text and marks. Equal for
/// exact copies, which the library shows as one hit ("also in 3 files"); another cut of the same
/// text, or the same text under another tag (another claim), differs.
pub fn cut_hash(card: &crate::model::Card) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    card.tag.hash(&mut h);
    card.text.hash(&mut h);
    for m in &card.marks {
        (m.kind, m.start, m.end, m.colour).hash(&mut h);
    }
    h.finish()
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(FNV_START, step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Card, Deck};
    use crate::search::{CardPos, LibraryIndex};

    /// A library of one deck holding cards with these texts.
    fn library(texts: &[String]) -> LibraryIndex {
        let mut deck = Deck::empty("cuts", "Cuts", "");
        let cards = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Card::new(format!("c{i}"), "Tag", crate::model::Side::Either, "src", t.clone()));
        deck.blocks.push(Block::new("Block", cards.collect()));
        LibraryIndex::build(&[deck])
    }

    fn other_cuts(index: &LibraryIndex, card: usize) -> Vec<usize> {
        index.other_cuts(CardPos { deck: 0, block: 0, card }).into_iter().map(|p| p.card).collect()
    }

    const PASSAGE: &str = "Asia lacks a codified, NATO-style collective defense arrangement. \
        While trilateral collaboration is progressing, it is not a collective alliance. \
        Those structures are disjointed at best and cannot act jointly in emergencies.";

    #[test]
    fn a_recut_with_other_punctuation_and_case_is_another_cut_and_an_unrelated_card_is_not() {
        let index = library(&[
            PASSAGE.to_owned(),
            PASSAGE.to_uppercase().replace(',', ";"),
            "A completely different card about the Quad and its naval exercises in the region.".into(),
            "Asia lacks a codified, NATO-style collective defense arrangement. Something else entirely \
             is said here by another author. And a third sentence with five words or more."
                .into(),
        ]);
        assert_eq!(other_cuts(&index, 0), vec![1]);
        assert_eq!(other_cuts(&index, 1), vec![0]);
        assert!(other_cuts(&index, 2).is_empty());
        assert!(other_cuts(&index, 3).is_empty(), "one shared sentence of three is not most");
        assert_eq!(text_hash("A  b, C."), text_hash("a b c"));
    }

    #[test]
    fn a_sentence_in_very_many_cards_is_ignored() {
        let texts =
            vec!["This boilerplate sentence appears in every single card.".to_owned(); MAX_SHARED + 1];
        assert!(other_cuts(&library(&texts), 0).is_empty());
        let fewer = vec!["This boilerplate sentence appears in every single card.".to_owned(); 3];
        assert_eq!(other_cuts(&library(&fewer), 0), vec![1, 2], "a control: under the limit they are cuts");
    }
}
