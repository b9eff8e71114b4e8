//! The library index: every card of the loaded decks as a flat row, with what filters and search
//! look at precomputed, so filtering 10,000 cards is one pass over prepared lowercase strings.
//!
//! The index is rebuilt only when decks change; the UI caches the filtered rows per filter value.

use crate::model::{Deck, Side};

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
}

impl Filter {
    /// Whether nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.side.is_none() && self.label.is_none() && self.source.is_none()
    }
}

struct Entry {
    pos: CardPos,
    side: Side,
    source: String,
    labels: Vec<String>,
    haystack: String,
}

/// The prepared rows of every loaded card.
pub struct LibraryIndex {
    entries: Vec<Entry>,
    labels: Vec<String>,
    sources: Vec<(String, String)>,
}

impl LibraryIndex {
    /// Indexes `decks` in library order.
    pub fn build(decks: &[Deck]) -> Self {
        let mut entries = Vec::new();
        let mut labels = std::collections::BTreeSet::new();
        let mut sources = std::collections::BTreeMap::new();
        for (d, deck) in decks.iter().enumerate() {
            for s in &deck.sources {
                sources.entry(s.id.clone()).or_insert_with(|| format!("{} {}", s.cite_name(), s.cite_year()));
            }
            for (b, block) in deck.blocks.iter().enumerate() {
                for (c, card) in block.cards.iter().enumerate() {
                    let cite = deck.source(&card.source).map_or(String::new(), |s| {
                        let names: Vec<&str> = s.authors.iter().map(|a| a.name.as_str()).collect();
                        format!(
                            "{} {} {} {} {}",
                            s.cite_name(),
                            s.cite_year(),
                            names.join(" "),
                            s.title,
                            s.publication
                        )
                    });
                    let haystack =
                        format!("{}\n{}\n{}\n{}", card.tag, cite, card.labels.join(" "), card.text)
                            .to_lowercase();
                    labels.extend(card.labels.iter().cloned());
                    entries.push(Entry {
                        pos: CardPos { deck: d, block: b, card: c },
                        side: card.side,
                        source: card.source.clone(),
                        labels: card.labels.clone(),
                        haystack,
                    });
                }
            }
        }
        LibraryIndex { entries, labels: labels.into_iter().collect(), sources: sources.into_iter().collect() }
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

    /// The positions of the cards that pass `filter`, in library order.
    pub fn filter(&self, filter: &Filter) -> Vec<CardPos> {
        let words: Vec<String> = filter.query.split_whitespace().map(str::to_lowercase).collect();
        self.entries
            .iter()
            .filter(|e| match filter.side {
                Some(side) => e.side == side || e.side == Side::Either,
                None => true,
            })
            .filter(|e| filter.label.as_ref().is_none_or(|l| e.labels.contains(l)))
            .filter(|e| filter.source.as_ref().is_none_or(|s| &e.source == s))
            .filter(|e| words.iter().all(|w| e.haystack.contains(w.as_str())))
            .map(|e| e.pos)
            .collect()
    }
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
