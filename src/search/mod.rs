//! The library index: every card of the loaded decks as a flat row with what the filters look at,
//! and a word index ([`index::WordIndex`]) the search language ([`query`]) runs on: words and
//! phrases ignoring case and accents, exclusions, fields, years, sides and decks, ranked.
//!
//! The index is rebuilt only when decks change; the UI caches the filtered rows per filter value.

pub mod cuts;
pub mod index;
pub mod query;
pub mod words;

use crate::model::{Card, Deck, Side, Source};

pub use index::{CardText, Hit, WordIndex};
pub use query::{Field, Query, Term, parse, parse_as_typed};

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

struct Entry {
    pos: CardPos,
    source: String,
    labels: Vec<String>,
}

/// The prepared rows of every loaded card.
pub struct LibraryIndex {
    entries: Vec<Entry>,
    words: WordIndex,
    cuts: cuts::CutIndex,
    at: std::collections::HashMap<CardPos, usize>,
    texts: std::collections::HashSet<u64>,
    labels: Vec<String>,
    sources: Vec<(String, String)>,
}

impl LibraryIndex {
    /// Indexes `decks` in library order.
    pub fn build(decks: &[Deck]) -> Self {
        let mut entries = Vec::new();
        let mut words = WordIndex::default();
        let mut cuts = cuts::CutIndex::default();
        let mut at = std::collections::HashMap::new();
        let mut texts = std::collections::HashSet::new();
        let mut labels = std::collections::BTreeSet::new();
        let mut sources = std::collections::BTreeMap::new();
        for (d, deck) in decks.iter().enumerate() {
            for s in &deck.sources {
                sources.entry(s.id.clone()).or_insert_with(|| format!("{} {}", s.cite_name(), s.cite_year()));
            }
            let deck_words = format!("{} {}", deck.id, deck.title);
            for (b, block) in deck.blocks.iter().enumerate() {
                for (c, card) in block.cards.iter().enumerate() {
                    add_card(&mut words, card, deck.source(&card.source), &deck_words);
                    cuts.add(&card.text);
                    texts.insert(cuts::text_hash(&card.text));
                    at.insert(CardPos { deck: d, block: b, card: c }, entries.len());
                    labels.extend(card.labels.iter().cloned());
                    entries.push(Entry {
                        pos: CardPos { deck: d, block: b, card: c },
                        source: card.source.clone(),
                        labels: card.labels.clone(),
                    });
                }
            }
        }
        words.finish();
        LibraryIndex {
            entries,
            words,
            cuts,
            at,
            texts,
            labels: labels.into_iter().collect(),
            sources: sources.into_iter().collect(),
        }
    }

    /// Number of indexed cards.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no card is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every label used, sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Every source as (id, "Lastname YY"), sorted by id.
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// The positions of the cards that pass `filter`, in library order (see [`query`] for the
    /// search language: plain words match the tag, the short cite and author names, the labels
    /// or the text — so "china" finds cards about China, not every card from the publication
    /// "China Factor" — and `cite:WORD` the whole cite).
    pub fn filter(&self, filter: &Filter) -> Vec<CardPos> {
        let mut hits: Vec<usize> = self.ranked(filter).into_iter().map(|h| h.card).collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| self.entries[i].pos).collect()
    }

    /// The cards that pass `filter`, best first, with their positions.
    pub fn ranked(&self, filter: &Filter) -> Vec<Hit> {
        let mut query = if filter.as_typed { parse_as_typed(&filter.query) } else { parse(&filter.query) };
        if let Some(side) = filter.side {
            query.must.push(Term::Side(side));
        }
        self.words
            .search(&query)
            .into_iter()
            .filter(|h| {
                let e = &self.entries[h.card];
                filter.label.as_ref().is_none_or(|l| e.labels.contains(l))
                    && filter.source.as_ref().is_none_or(|s| &e.source == s)
            })
            .collect()
    }

    /// The other cuts of the card at `pos` in the library: cards sharing most of its sentences.
    pub fn other_cuts(&self, pos: CardPos) -> Vec<CardPos> {
        let Some(&i) = self.at.get(&pos) else { return Vec::new() };
        self.cuts.other_cuts(i).into_iter().map(|j| self.entries[j].pos).collect()
    }

    /// How many of `deck`'s cards are exact duplicates (same text, folded) of a card already in
    /// the library.
    pub fn duplicates_in(&self, deck: &Deck) -> usize {
        deck.cards().filter(|c| self.texts.contains(&cuts::text_hash(&c.text))).count()
    }

    /// Where the card of a hit sits.
    pub fn position(&self, hit: &Hit) -> CardPos {
        self.entries[hit.card].pos
    }
}

/// Adds a card's parts to the word index.
fn add_card(words: &mut WordIndex, card: &Card, source: Option<&Source>, deck: &str) {
    let short = match (&card.cite_line, source) {
        (Some(line), _) => line.short(),
        (None, Some(s)) => {
            let names: Vec<&str> = s.authors.iter().map(|a| a.name.as_str()).collect();
            format!("{} {} {}", s.cite_name(), s.cite_year(), names.join(" "))
        }
        (None, None) => String::new(),
    };
    // The cite as written holds names, credentials and outlet: all of it is searchable.
    let cite = match (&card.cite_line, source) {
        (Some(line), _) => line.text.clone(),
        (None, Some(s)) => {
            let quals: Vec<&str> = s.authors.iter().map(|a| a.qualifications.as_str()).collect();
            format!("{short} {} {} {}", quals.join(" "), s.title, s.publication)
        }
        (None, None) => String::new(),
    };
    words.add(&CardText {
        tag: &card.tag,
        short_cite: &short,
        labels: &card.labels.join(" "),
        text: &card.text,
        highlighted: &card.highlighted_text(),
        cite: &cite,
        year: card_year(card, source),
        side: card.side,
        deck: &words::fold(deck),
    });
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
