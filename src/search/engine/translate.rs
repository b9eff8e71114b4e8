//! The search language ([`crate::search::query`]) as a tantivy query.
//!
//! Each positive words term must match in one of its fields; a field's match is BM25 scored and
//! boosted by the field (tag 3, highlighted 2, short cite and labels 1.5, whole cite and text 1),
//! and a term counts its best field (a disjunction max, with a little of the others), so a word in
//! the tag ranks above the same word in highlighted text, which ranks above unread text. Several
//! words are a phrase in one field. A word being typed (`prefix_last`) also matches the words it
//! begins, and an exact match still scores above a word merely begun. Years, sides and decks are
//! filters; exclusions remove cards.

use std::ops::Bound;

use tantivy::Term as TantivyTerm;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field as TantivyField, IndexRecordOption};

use crate::model::Side;
use crate::search::Filter;
use crate::search::query::{Field, Query as Parsed, Term, parse, parse_as_typed};

use super::schema::{Fields, side_term};

/// How much a match in the best field counts of the others' scores.
const TIE_BREAKER: f32 = 0.1;

/// The fields a words term looks in, with their boosts.
fn fields_of(fields: &Fields, field: Field) -> Vec<(TantivyField, f32)> {
    match field {
        // Not the whole cite: "china" must not find every card from the publication "China Factor".
        Field::Any => vec![
            (fields.tag, 3.0),
            (fields.highlighted, 2.0),
            (fields.short, 1.5),
            (fields.labels, 1.5),
            (fields.text, 1.0),
        ],
        Field::Tag => vec![(fields.tag, 3.0)],
        Field::Cite => vec![(fields.short, 1.5), (fields.cite, 1.0)],
        Field::Highlighted => vec![(fields.highlighted, 2.0)],
    }
}

fn term_query(field: TantivyField, word: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(TantivyTerm::from_field_text(field, word), IndexRecordOption::WithFreqs))
}

/// These words, in this order, in `field`: a term query for one word, a phrase for more.
fn words_in(field: TantivyField, words: &[String]) -> Box<dyn Query> {
    match words {
        [] => Box::new(EmptyQuery),
        [one] => term_query(field, one),
        _ => {
            Box::new(PhraseQuery::new(words.iter().map(|w| TantivyTerm::from_field_text(field, w)).collect()))
        }
    }
}

/// The words in any of `field`'s fields, scored by the best.
fn words_query(fields: &Fields, field: Field, words: &[String]) -> Box<dyn Query> {
    let each = fields_of(fields, field)
        .into_iter()
        .map(|(f, boost)| Box::new(BoostQuery::new(words_in(f, words), boost)) as Box<dyn Query>)
        .collect();
    Box::new(DisjunctionMaxQuery::with_tie_breaker(each, TIE_BREAKER))
}

/// A word being typed: any word it begins in `field`'s fields, an exact match scoring higher.
fn typed_query(fields: &Fields, field: Field, word: &str) -> Box<dyn Query> {
    let begun = fields_of(fields, field)
        .into_iter()
        .map(|(f, boost)| {
            let prefix = FuzzyTermQuery::new_prefix(TantivyTerm::from_field_text(f, word), 0, true);
            Box::new(BoostQuery::new(Box::new(prefix), boost * 0.5)) as Box<dyn Query>
        })
        .collect();
    let begun: Box<dyn Query> = Box::new(DisjunctionMaxQuery::new(begun));
    let exact = words_query(fields, field, &[word.to_owned()]);
    Box::new(BooleanQuery::new(vec![(Occur::Must, begun), (Occur::Should, exact)]))
}

/// Cards for this side, or for either.
fn side_query(fields: &Fields, side: Side) -> Box<dyn Query> {
    let term = |s: Side| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            TantivyTerm::from_field_text(fields.side, side_term(s)),
            IndexRecordOption::Basic,
        ))
    };
    Box::new(BooleanQuery::new(vec![(Occur::Should, term(side)), (Occur::Should, term(Side::Either))]))
}

/// One term as a query (`typed`: it is the word being typed).
fn term(fields: &Fields, t: &Term, typed: bool) -> Box<dyn Query> {
    match t {
        Term::Words { field, words } if typed && words.len() == 1 => typed_query(fields, *field, &words[0]),
        Term::Words { field, words } => words_query(fields, *field, words),
        Term::Year { from, to } => Box::new(RangeQuery::new(
            Bound::Included(TantivyTerm::from_field_u64(fields.year, u64::from(*from))),
            Bound::Included(TantivyTerm::from_field_u64(fields.year, u64::from(*to))),
        )),
        Term::Side(side) => side_query(fields, *side),
        Term::Deck(part) => {
            let words: Vec<String> = part.split_whitespace().map(str::to_owned).collect();
            words_in(fields.deck, &words)
        }
    }
}

/// Whether a term can score (a words term); filters are matched without a score.
fn scores(t: &Term) -> bool {
    matches!(t, Term::Words { .. })
}

/// The parsed query as a tantivy query over `fields`; an empty query matches every card.
pub fn translate(fields: &Fields, parsed: &Parsed) -> Box<dyn Query> {
    let last = parsed.must.len().saturating_sub(1);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (i, t) in parsed.must.iter().enumerate() {
        let q = term(fields, t, parsed.prefix_last && i == last);
        // A filter must hold but adds nothing to the score.
        clauses.push((Occur::Must, if scores(t) { q } else { Box::new(BoostQuery::new(q, 0.0)) }));
    }
    if !parsed.must.iter().any(scores) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    for t in &parsed.must_not {
        clauses.push((Occur::MustNot, term(fields, t, false)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The filter (query text as typed or not, side, label and source) as a tantivy query.
pub fn filter_query(fields: &Fields, filter: &Filter) -> (Box<dyn Query>, Parsed) {
    let parsed = if filter.as_typed { parse_as_typed(&filter.query) } else { parse(&filter.query) };
    let mut clauses = vec![(Occur::Must, translate(fields, &parsed))];
    if let Some(side) = filter.side {
        clauses
            .push((Occur::Must, Box::new(BoostQuery::new(side_query(fields, side), 0.0)) as Box<dyn Query>));
    }
    let raw = |field: TantivyField, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(TantivyTerm::from_field_text(field, value), IndexRecordOption::Basic))
    };
    if let Some(label) = &filter.label {
        clauses.push((Occur::Must, Box::new(BoostQuery::new(raw(fields.label, label), 0.0))));
    }
    if let Some(source) = &filter.source {
        clauses.push((Occur::Must, Box::new(BoostQuery::new(raw(fields.source, source), 0.0))));
    }
    (Box::new(BooleanQuery::new(clauses)), parsed)
}
