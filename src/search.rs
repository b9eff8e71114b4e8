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
    /// Tag, short cite and author names, labels and text, lowercase.
    haystack: String,
    /// The whole cite: names, year, title, publication, lowercase (searched with `cite:`).
    cite: String,
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
                    let source = deck.source(&card.source);
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
                        (None, Some(s)) => format!("{short} {} {}", s.title, s.publication),
                        (None, None) => String::new(),
                    }
                    .to_lowercase();
                    let haystack =
                        format!("{}\n{}\n{}\n{}", card.tag, short, card.labels.join(" "), card.text)
                            .to_lowercase();
                    labels.extend(card.labels.iter().cloned());
                    entries.push(Entry {
                        pos: CardPos { deck: d, block: b, card: c },
                        side: card.side,
                        source: card.source.clone(),
                        labels: card.labels.clone(),
                        haystack,
                        cite,
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

    /// The positions of the cards that pass `filter`, in library order. A word `cite:WORD`
    /// must occur in the whole cite (title and publication too); other words in the tag, the
    /// short cite and author names, the labels or the text — so "china" finds cards about China,
    /// not every card from the publication "China Factor".
    pub fn filter(&self, filter: &Filter) -> Vec<CardPos> {
        let lower: Vec<String> = filter.query.split_whitespace().map(str::to_lowercase).collect();
        let (cite_words, words): (Vec<&str>, Vec<&str>) =
            lower.iter().map(String::as_str).partition(|w| w.starts_with("cite:"));
        let cite_words: Vec<&str> =
            cite_words.iter().map(|w| &w["cite:".len()..]).filter(|w| !w.is_empty()).collect();
        self.entries
            .iter()
            .filter(|e| match filter.side {
                Some(side) => e.side == side || e.side == Side::Either,
                None => true,
            })
            .filter(|e| filter.label.as_ref().is_none_or(|l| e.labels.contains(l)))
            .filter(|e| filter.source.as_ref().is_none_or(|s| &e.source == s))
            .filter(|e| words.iter().all(|w| e.haystack.contains(w)))
            .filter(|e| cite_words.iter().all(|w| e.cite.contains(w)))
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
