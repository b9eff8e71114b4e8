//! The library index: every card of the library (loaded decks and library files indexed but not
//! read) as a row with what the list and the filters look at, and word indexes ([`index::Words`])
//! the search language ([`query`]) runs on ([`ranked`]): words and phrases ignoring case and
//! accents, exclusions, fields, years, sides and decks, ranked.
//!
//! The library is one [`Segment`] per deck; when decks change only the changed decks are indexed
//! again, and library files' segments are kept in the cache folder ([`cache`]). The UI caches
//! the filtered rows per filter value.

pub mod cache;
pub mod cuts;
pub mod engine;
pub mod index;
pub mod query;
pub mod ranked;
pub mod segment;
pub mod words;

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Card, Deck, Side, Source};

pub use index::{CardText, Words};
pub use query::{Field, Query, Term, parse, parse_as_typed};
pub use ranked::Hit;
pub use segment::{CardRow, Segment};

/// Where a card sits: deck, block and card positions in the loaded decks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CardPos {
    /// Index into the loaded decks.
    pub deck: usize,
    /// Index of the block in that deck.
    pub block: usize,
    /// Index of the card in that block.
    pub card: usize,
}

/// What the library shows: all filters must match; `query` words must all occur (any order) in
/// the tag, cite, labels or text, ignoring case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Words typed in the search box.
    pub query: String,
    /// Only cards for this side (cards marked "either" always match).
    pub side: Option<Side>,
    /// Only cards with this label.
    pub label: Option<String>,
    /// Only cards quoting the source with this id.
    pub source: Option<String>,
    /// The query is being typed: its last word also matches the words it begins.
    pub as_typed: bool,
}

impl Filter {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.side.is_none() && self.label.is_none() && self.source.is_none()
    }
}

/// One part of a library being indexed: a deck in memory, or a file's segment.
pub enum Part<'a> {
    /// A loaded deck.
    Deck(&'a Deck),
    /// A library file indexed but not read into a deck.
    Indexed(Arc<Segment>),
}

/// The prepared rows of every loaded card: one [`Segment`] per deck, in library order.
pub struct LibraryIndex {
    segments: Vec<Arc<Segment>>,
    /// The library number of each segment's first card, and the total at the end.
    starts: Vec<usize>,
    texts: std::collections::HashSet<u64>,
    labels: Vec<String>,
    sources: Vec<(String, String)>,
}

impl LibraryIndex {
    /// Indexes `decks` in library order.
    pub fn build(decks: &[Deck]) -> Self {
        Self::of_segments(decks.iter().map(|d| Arc::new(Segment::of_deck(d))).collect())
    }

    /// Indexes `parts` in this order — decks (keeping the segments of `previous`, or of `ready`
    /// built elsewhere, whose deck is unchanged: after an edit only the edited deck is indexed
    /// again) and segments of files not read into decks.
    pub fn rebuild(parts: Vec<Part<'_>>, previous: &LibraryIndex, ready: Vec<Arc<Segment>>) -> Self {
        let mut known: HashMap<u64, Arc<Segment>> =
            previous.segments.iter().chain(&ready).map(|s| (s.hash, Arc::clone(s))).collect();
        let segments = parts
            .into_iter()
            .map(|part| match part {
                Part::Deck(d) => {
                    let hash = segment::deck_hash(d);
                    known.remove(&hash).unwrap_or_else(|| Arc::new(Segment::of_deck(d)))
                }
                Part::Indexed(segment) => segment,
            })
            .collect();
        Self::of_segments(segments)
    }

    /// A library of these segments, in this order.
    pub fn of_segments(segments: Vec<Arc<Segment>>) -> Self {
        let mut starts = vec![0];
        let mut texts = std::collections::HashSet::new();
        let mut labels = std::collections::BTreeSet::new();
        let mut sources = std::collections::BTreeMap::new();
        for s in &segments {
            starts.push(starts.last().unwrap_or(&0) + s.cards.len());
            for row in &s.cards {
                texts.insert(row.text_hash);
                labels.extend(row.labels.iter().cloned());
            }
            for (id, cite) in &s.sources {
                sources.entry(id.clone()).or_insert_with(|| cite.clone());
            }
        }
        LibraryIndex {
            segments,
            starts,
            texts,
            labels: labels.into_iter().collect(),
            sources: sources.into_iter().collect(),
        }
    }

    /// Number of indexed cards.
    pub fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    /// Whether no card is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every label used, sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Every source as (id, "Lastname YY"), sorted by id.
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// The decks' segments, in library order.
    pub fn segments(&self) -> &[Arc<Segment>] {
        &self.segments
    }

    /// The positions of the cards that pass `filter`, in library order (see [`query`] for the
    /// search language: plain words match the tag, the short cite and author names, the labels
    /// or the text — so "china" finds cards about China, not every card from the publication
    /// "China Factor" — and `cite:WORD` the whole cite).
    pub fn filter(&self, filter: &Filter) -> Vec<CardPos> {
        let mut hits: Vec<usize> = self.ranked(filter).into_iter().map(|h| h.card).collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| self.at(i)).collect()
    }

    /// The cards that pass `filter`, best first, with their positions.
    pub fn ranked(&self, filter: &Filter) -> Vec<Hit> {
        let mut query = if filter.as_typed { parse_as_typed(&filter.query) } else { parse(&filter.query) };
        if let Some(side) = filter.side {
            query.must.push(Term::Side(side));
        }
        let words: Vec<&index::Words> = self.segments.iter().map(|s| &s.words).collect();
        ranked::search(&words, &query)
            .into_iter()
            .filter(|h| {
                let row = self.row(h.card);
                filter.label.as_ref().is_none_or(|l| row.labels.contains(l))
                    && filter.source.as_ref().is_none_or(|s| &row.source == s)
            })
            .collect()
    }

    /// The segment holding library card `n`, and the card's number in it.
    fn locate(&self, n: usize) -> (usize, usize) {
        let deck = self.starts.partition_point(|&s| s <= n) - 1;
        (deck, n - self.starts[deck])
    }

    /// The row of library card `n`.
    pub fn row(&self, n: usize) -> &CardRow {
        let (deck, i) = self.locate(n);
        &self.segments[deck].cards[i]
    }

    /// The row of the card at `pos`, if it is a card of this library.
    pub fn row_at(&self, pos: CardPos) -> Option<&CardRow> {
        self.number(pos).map(|n| self.row(n))
    }

    /// Where library card `n` sits.
    fn at(&self, n: usize) -> CardPos {
        let (deck, i) = self.locate(n);
        let s = &self.segments[deck];
        CardPos { deck, block: s.cards[i].block as usize, card: s.card_in_block(i) }
    }

    /// The library number of the card at `pos`.
    fn number(&self, pos: CardPos) -> Option<usize> {
        Some(self.starts[pos.deck] + self.segments.get(pos.deck)?.number(pos.block, pos.card)?)
    }

    /// The other cuts of the card at `pos` in the library: cards sharing more than half of the
    /// smaller one's sentences, most shared first (see [`cuts`]).
    pub fn other_cuts(&self, pos: CardPos) -> Vec<CardPos> {
        let Some(me) = self.number(pos) else { return Vec::new() };
        let mine = &self.row(me).sentences;
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for s in mine {
            let holders: Vec<usize> = self
                .segments
                .iter()
                .zip(&self.starts)
                .flat_map(|(seg, first)| seg.with_sentence(*s).map(move |c| first + c as usize))
                .take(cuts::MAX_SHARED + 1)
                .collect();
            if holders.len() > cuts::MAX_SHARED {
                continue;
            }
            for other in holders.into_iter().filter(|&o| o != me) {
                *shared.entry(other).or_default() += 1;
            }
        }
        let mut out: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(other, n)| n * 2 > mine.len().min(self.row(other).sentences.len()))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(c, _)| self.at(c)).collect()
    }

    /// How many of `deck`'s cards are exact duplicates (same text, folded) of a card already in
    /// the library.
    pub fn duplicates_in(&self, deck: &Deck) -> usize {
        deck.cards().filter(|c| self.texts.contains(&cuts::text_hash(&c.text))).count()
    }

    /// Where the card of a hit sits.
    pub fn position(&self, hit: &Hit) -> CardPos {
        self.at(hit.card)
    }
}

/// What search reads of a card's cite: the short cite with the authors' names (what plain words
/// match), and the whole cite — names, credentials, title, outlet (what `cite:` matches).
pub fn searched_cites(card: &Card, source: Option<&Source>) -> (String, String) {
    let short = match (&card.cite_line, source) {
        (Some(line), _) => line.short(),
        (None, Some(s)) => {
            let names: Vec<&str> = s.authors.iter().map(|a| a.name.as_str()).collect();
            format!("{} {} {}", s.cite_name(), s.cite_year(), names.join(" "))
        }
        (None, None) => String::new(),
    };
    let cite = match (&card.cite_line, source) {
        (Some(line), _) => line.text.clone(),
        (None, Some(s)) => {
            let quals: Vec<&str> = s.authors.iter().map(|a| a.qualifications.as_str()).collect();
            format!("{short} {} {} {}", quals.join(" "), s.title, s.publication)
        }
        (None, None) => String::new(),
    };
    (short, cite)
}

/// The year a card's cite states: the source's date, else the year in its cite line's bold part
/// (a two-digit year is read as the nearest one not in the future, for searching only).
pub fn card_year(card: &Card, source: Option<&Source>) -> Option<u16> {
    if let Some(y) =
        source.and_then(|s| s.date.as_deref()).and_then(|d| d.get(..4)).and_then(|y| y.parse().ok())
    {
        return Some(y);
    }
    let short = card.cite_line.as_ref()?.short();
    let token = short.split_whitespace().rev().find_map(|t| {
        let digits = t.trim_matches(|c: char| !c.is_ascii_digit());
        (digits.len() == 2 || digits.len() == 4).then(|| digits.to_owned())
    })?;
    let n: u16 = token.parse().ok()?;
    if token.len() == 4 {
        return Some(n);
    }
    let this_year: u16 =
        crate::model::calendar::today().get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let century = this_year / 100 * 100;
    Some(if century + n <= this_year { century + n } else { century - 100 + n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decks() -> Vec<Deck> {
        crate::bundled::decks().into_iter().map(|d| d.expect("bundled deck")).collect()
    }

    #[test]
    fn empty_filter_lists_every_card() {
        let decks = decks();
        let index = LibraryIndex::build(&decks);
        let total: usize = decks.iter().map(Deck::card_count).sum();
        assert_eq!(index.filter(&Filter::default()).len(), total);
    }

    #[test]
    fn query_words_must_all_match_tag_cite_or_text() {
        let decks = decks();
        let index = LibraryIndex::build(&decks);
        let hits = index.filter(&Filter { query: "SEATO Kim".into(), ..Filter::default() });
        assert!(!hits.is_empty());
        for p in &hits {
            let deck = &decks[p.deck];
            let card = &deck.blocks[p.block].cards[p.card];
            assert_eq!(card.source, "kim-2025");
            assert!(card.tag.to_lowercase().contains("seato") || card.text.to_lowercase().contains("seato"));
        }
        assert!(index.filter(&Filter { query: "zzzqqq".into(), ..Filter::default() }).is_empty());
    }

    #[test]
    fn a_publication_name_matches_only_when_asked_for_with_cite() {
        let decks = decks();
        let index = LibraryIndex::build(&decks);
        let query = |q: &str| index.filter(&Filter { query: q.into(), ..Filter::default() });
        let card = |p: &CardPos| &decks[p.deck].blocks[p.block].cards[p.card];
        for p in query("china") {
            let c = card(&p);
            let said = format!("{} {} {}", c.tag, c.text, c.labels.join(" ")).to_lowercase();
            assert!(said.contains("china"), "{} matched only through its cite", c.id);
        }
        let factor = query("cite:factor");
        assert!(!factor.is_empty() && factor.iter().all(|p| card(p).source == "kim-2025"));
        assert!(query("factor").len() < factor.len(), "plain words skip the publication");
    }

    #[test]
    fn side_label_and_source_filters_narrow_the_list() {
        let decks = decks();
        let index = LibraryIndex::build(&decks);
        let all = index.filter(&Filter::default()).len();
        let neg = index.filter(&Filter { side: Some(Side::Neg), ..Filter::default() });
        assert!(!neg.is_empty() && neg.len() < all);
        let quad = index.filter(&Filter { label: Some("quad".into()), ..Filter::default() });
        assert!(!quad.is_empty() && quad.len() < all);
        let mishcon = index.filter(&Filter { source: Some("mishcon-nd".into()), ..Filter::default() });
        assert_eq!(mishcon.len(), 8);
        assert!(index.labels().contains(&"hub-and-spoke".to_owned()));
    }
}
