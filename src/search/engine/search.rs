//! Running a [`Filter`] over the engine: the best hits as result rows read from the index's
//! stored fields (no library file is opened), with how many cards matched of how many searched.

use std::path::PathBuf;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Score, SegmentReader, TantivyDocument, Term};

use crate::search::Filter;
use crate::search::query::Query as Parsed;

use super::translate::filter_query;
use super::{Engine, EngineError};

/// One hit, as a result list shows it, with where to read the whole card.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The hit's score (higher is better).
    pub score: f32,
    /// The cite's year, when known.
    pub year: Option<u16>,
    /// The card's id.
    pub card_id: String,
    /// The tag.
    pub tag: String,
    /// The short cite ("Kim 25").
    pub cite: String,
    /// The deck's id.
    pub deck_id: String,
    /// The deck's title.
    pub deck_title: String,
    /// The block's title as shown.
    pub block_title: String,
    /// Pocket › Hat › Block.
    pub block_path: String,
    /// The block's number in the deck, from 0.
    pub block: usize,
    /// The card's place in its block, from 0.
    pub card: usize,
    /// The library folder of its file (empty for a deck given in memory).
    pub root: String,
    /// Its file's path relative to that folder (a deck in memory: the deck's id).
    pub file: String,
    /// Hash of its exact text and marks: equal for exact copies.
    pub cut_hash: u64,
    /// Exact copies of it in other files, collapsed into this hit (worse-ranked or later).
    pub also: Vec<Row>,
}

impl Row {
    /// The card's file on disk (`None` for a deck given in memory).
    pub fn path(&self) -> Option<PathBuf> {
        (!self.root.is_empty()).then(|| PathBuf::from(&self.root).join(&self.file))
    }
}

/// What a search found.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// The best hits, best first.
    pub rows: Vec<Row>,
    /// How many cards matched in all.
    pub matched: usize,
    /// How many cards were searched (the library folders' cards).
    pub total: usize,
    /// Pieces of the query that meant nothing, to show the user.
    pub ignored: Vec<String>,
    /// The parsed query (for highlighting its words).
    pub query: Parsed,
}

impl Engine {
    /// Restricts `query` to the library folders of the last update (none: every card).
    fn scoped(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        if self.scope.is_empty() {
            return query;
        }
        let roots: Vec<(Occur, Box<dyn Query>)> = (self.scope.iter())
            .map(|r| {
                let term =
                    TermQuery::new(Term::from_field_text(self.fields.root, r), IndexRecordOption::Basic);
                (Occur::Should, Box::new(term) as Box<dyn Query>)
            })
            .collect();
        let roots = Box::new(BoostQuery::new(Box::new(BooleanQuery::new(roots)), 0.0));
        Box::new(BooleanQuery::new(vec![(Occur::Must, query), (Occur::Must, roots)]))
    }

    /// The `limit` best cards passing `filter`, best first (among equal scores the newer cite,
    /// then index order), with how many matched of how many searched. Exact copies of a card
    /// (same text and marks) in other files are one hit, listed in its [`Row::also`] (looked for
    /// among the best `4 × limit` matches).
    pub fn search(&self, filter: &Filter, limit: usize) -> Result<Found, EngineError> {
        let mut found = self.search_all(filter, limit.max(1).saturating_mul(4))?;
        let mut first_of: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
        let mut rows: Vec<Row> = Vec::new();
        for row in std::mem::take(&mut found.rows) {
            match first_of.get(&row.cut_hash) {
                Some(&i) => rows[i].also.push(row),
                None if rows.len() < limit.max(1) => {
                    first_of.insert(row.cut_hash, rows.len());
                    rows.push(row);
                }
                None => {}
            }
        }
        found.rows = rows;
        Ok(found)
    }

    /// The `limit` best cards passing `filter`, copies not collapsed.
    fn search_all(&self, filter: &Filter, limit: usize) -> Result<Found, EngineError> {
        let searcher = self.reader.searcher();
        let (query, parsed) = filter_query(&self.fields, filter);
        let query = self.scoped(query);
        let top = TopDocs::with_limit(limit.max(1)).tweak_score(|segment: &SegmentReader| {
            let years = segment.fast_fields().u64("year").ok().map(|c| c.first_or_default_col(0));
            move |doc: DocId, score: Score| (score, years.as_ref().map_or(0, |y| y.get_val(doc)))
        });
        let (matched, top) = searcher.search(&query, &(Count, top))?;
        let total = searcher.search(&self.scoped(Box::new(AllQuery)), &Count)?;
        let mut rows = Vec::with_capacity(top.len().min(limit));
        for ((score, _), address) in top.into_iter().take(limit) {
            rows.push(self.row(address, score)?);
        }
        Ok(Found { rows, matched, total, ignored: parsed.ignored.clone(), query: parsed })
    }

    /// The result row of the card at `address` (from a search of this engine's current reader).
    pub fn row(&self, address: DocAddress, score: f32) -> Result<Row, EngineError> {
        let doc: TantivyDocument = self.reader.searcher().doc(address)?;
        let f = &self.fields;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        Ok(Row {
            score,
            year: number(f.year).and_then(|y| u16::try_from(y).ok()),
            card_id: text(f.card_id),
            tag: text(f.tag),
            cite: text(f.cite_shown),
            deck_id: text(f.deck_id),
            deck_title: text(f.deck_title),
            block_title: text(f.block_title),
            block_path: text(f.block_path),
            block: number(f.block).unwrap_or(0) as usize,
            card: number(f.card).unwrap_or(0) as usize,
            root: text(f.root),
            file: text(f.file),
            cut_hash: number(f.cut_hash).unwrap_or(0),
            also: Vec::new(),
        })
    }

    /// How many cards the index holds (every folder's).
    pub fn len(&self) -> usize {
        self.reader.searcher().num_docs() as usize
    }

    /// Whether the index holds no card.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
