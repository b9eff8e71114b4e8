//! One deck, indexed ([`Segment`]): its word index, a row per card (what a result list shows:
//! tag, short cite, block), the facts the filters and "other cuts" need, and the hash of the deck
//! it was built from. A library is a list of segments; a changed deck rebuilds only its own, and
//! a library file's segment is kept in the cache folder (see [`super::cache`]) so a restart does
//! not read the file again.

use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use crate::model::{Card, Deck, Side, Source};

use super::cuts::{cut_hash, sentence_hashes, text_hash};
use super::index::{CardText, Words};

/// What a result list shows of a card, and what filters and other cuts look at.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CardRow {
    /// The block it is in (an index into [`Segment::blocks`]).
    pub block: u32,
    /// The card's id.
    pub id: String,
    /// The tag.
    pub tag: String,
    /// The short cite ("Kim 25").
    pub cite: String,
    /// The id of the source it quotes.
    pub source: String,
    /// Who reads it.
    pub side: Side,
    /// Its labels.
    pub labels: Vec<String>,
    /// Hash of the folded text (equal for exact duplicates).
    pub text_hash: u64,
    /// Hash of the tag, exact text and marks ([`super::cuts::cut_hash`]): equal for exact copies.
    pub cut_hash: u64,
    /// Hashes of its folded sentences (see [`super::cuts`]).
    pub sentences: Vec<u64>,
}

/// One deck's cards, indexed.
#[derive(Clone, Serialize, Deserialize)]
pub struct Segment {
    /// Hash of everything in the deck the index reads ([`deck_hash`]).
    pub hash: u64,
    /// The deck's id.
    pub deck_id: String,
    /// The deck's title.
    pub deck_title: String,
    /// Each block's title as shown.
    pub blocks: Vec<String>,
    /// One row per card, in deck order.
    pub cards: Vec<CardRow>,
    /// Each source as (id, "Lastname YY").
    pub sources: Vec<(String, String)>,
    /// The word index; card numbers are row numbers.
    pub words: Words,
    /// (sentence hash, card) for every card's sentences, sorted (derived).
    #[serde(skip)]
    by_sentence: Vec<(u64, u32)>,
    /// Number of the first card of each block (derived).
    #[serde(skip)]
    block_starts: Vec<u32>,
}

impl Segment {
    /// Indexes `deck`.
    pub fn of_deck(deck: &Deck) -> Segment {
        let mut words = Words::new(&format!("{} {}", deck.id, deck.title));
        let mut cards = Vec::with_capacity(deck.card_count());
        // Looked up by id once per card: a file of a source per card is not quadratic.
        let source_of = deck.source_index();
        for (b, block) in deck.blocks.iter().enumerate() {
            for card in &block.cards {
                let source = source_of.get(&card.source);
                let short = add_card(&mut words, card, source);
                cards.push(CardRow {
                    block: b as u32,
                    id: card.id.clone(),
                    tag: card.tag.clone(),
                    cite: short,
                    source: card.source.clone(),
                    side: card.side,
                    labels: card.labels.clone(),
                    text_hash: text_hash(&card.text),
                    cut_hash: cut_hash(card),
                    sentences: sentence_hashes(&card.text),
                });
            }
        }
        words.finish();
        let sources = deck
            .sources
            .iter()
            .map(|s| (s.id.clone(), format!("{} {}", s.cite_name(), s.cite_year())))
            .collect();
        let mut segment = Segment {
            hash: deck_hash(deck),
            deck_id: deck.id.clone(),
            deck_title: deck.title.clone(),
            blocks: deck.blocks.iter().map(|b| b.display_title()).collect(),
            cards,
            sources,
            words,
            by_sentence: Vec::new(),
            block_starts: Vec::new(),
        };
        segment.derive();
        segment
    }

    /// The same index under another deck id (a library file that moved keeps the id it had).
    pub fn renamed(&self, id: &str) -> Segment {
        let mut segment = self.clone();
        segment.deck_id = id.to_owned();
        segment.words.deck = super::words::fold(&format!("{id} {}", self.deck_title));
        segment
    }

    /// Checks a segment read back from storage and derives its tables; an inconsistent one is an
    /// error (it is rebuilt from its file, never trusted).
    pub fn prepare(&mut self) -> Result<(), String> {
        if self.cards.len() != self.words.len() {
            return Err("the rows and the word index count different cards".into());
        }
        if self.cards.windows(2).any(|w| w[0].block > w[1].block)
            || self.cards.last().is_some_and(|c| c.block as usize >= self.blocks.len())
        {
            return Err("a card's block is out of order or missing".into());
        }
        self.words.prepare()?;
        self.derive();
        Ok(())
    }

    fn derive(&mut self) {
        let mut block_starts = vec![self.cards.len() as u32; self.blocks.len()];
        for (n, row) in self.cards.iter().enumerate().rev() {
            block_starts[row.block as usize] = n as u32;
        }
        // A block without cards starts where the next one does.
        for b in (0..block_starts.len().saturating_sub(1)).rev() {
            block_starts[b] = block_starts[b].min(block_starts[b + 1]);
        }
        let mut by_sentence: Vec<(u64, u32)> = (self.cards.iter().enumerate())
            .flat_map(|(n, row)| row.sentences.iter().map(move |s| (*s, n as u32)))
            .collect();
        by_sentence.sort_unstable();
        self.by_sentence = by_sentence;
        self.block_starts = block_starts;
    }

    /// The number of the card at (`block`, `card`) of the deck, if there is one.
    pub fn number(&self, block: usize, card: usize) -> Option<usize> {
        let n = *self.block_starts.get(block)? as usize + card;
        (self.cards.get(n)?.block as usize == block).then_some(n)
    }

    /// The position in its block of card `n`.
    pub fn card_in_block(&self, n: usize) -> usize {
        let block = self.cards[n].block as usize;
        n - self.block_starts[block] as usize
    }

    /// The cards holding the sentence with this hash, in order.
    pub fn with_sentence(&self, sentence: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.by_sentence.partition_point(|(s, _)| *s < sentence);
        self.by_sentence[from..].iter().take_while(move |(s, _)| *s == sentence).map(|(_, c)| *c)
    }
}

/// Adds a card's parts to the word index; returns its short cite.
fn add_card(words: &mut Words, card: &Card, source: Option<&Source>) -> String {
    let (short, cite) = super::searched_cites(card, source);
    words.add(&CardText {
        tag: &card.tag,
        short_cite: &short,
        labels: &card.labels.join(" "),
        text: &card.text,
        highlighted: &card.highlighted_text(),
        cite: &cite,
        year: super::card_year(card, source),
        side: card.side,
    });
    card.short_cite(source)
}

/// A hash of everything in `deck` its segment is built from: equal hashes, equal segments.
pub fn deck_hash(deck: &Deck) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    (&deck.id, &deck.title).hash(&mut h);
    for s in &deck.sources {
        (&s.id, &s.title, &s.note, &s.publication, &s.date).hash(&mut h);
        for a in &s.authors {
            (&a.name, &a.qualifications).hash(&mut h);
        }
    }
    for block in &deck.blocks {
        (block.display_title(), block.cards.len()).hash(&mut h);
        for c in &block.cards {
            (&c.id, &c.tag, &c.source, &c.text, &c.labels, c.side).hash(&mut h);
            c.cite_line.as_ref().map(|l| &l.text).hash(&mut h);
            for m in &c.marks {
                (std::mem::discriminant(&m.kind), m.start, m.end).hash(&mut h);
            }
        }
    }
    h.finish()
}
