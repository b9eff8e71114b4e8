//! The search language, as typed in the library box and `casebook search`:
//!
//! - `china taiwan` — every word must match (in any order), ignoring case and accents;
//! - `"first island chain"` — the words in this order;
//! - `-seato` — no card with this word (or `-"exact phrase"`);
//! - `tag:word`, `cite:word` (or `author:word`), `highlighted:word` — the word in that part only
//!   (`highlighted:` is what is read aloud); a field takes a phrase too: `tag:"no link"`;
//! - `year:2019..2024`, `year:2019`, `year:2019..`, `year:..2020` — the cite's year;
//! - `side:aff` / `side:neg` — cards for that side (cards for either side match both);
//! - `deck:word` — the deck's id or title contains the word.
//!
//! Nothing is an error: an unknown field is a plain word, an unclosed quote runs to the end, a
//! malformed year or side is ignored and reported in [`Query::ignored`]. At most
//! [`MAX_TERMS`] terms are kept, so a pasted page cannot make a search slow.

use crate::model::Side;

use super::words::words;

/// The most terms a query keeps; the rest are ignored.
pub const MAX_TERMS: usize = 32;

/// Which part of a card a word must be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Tag, cite, labels or text.
    Any,
    /// The tag.
    Tag,
    /// The whole cite: names, year, title, publication, credentials.
    Cite,
    /// The highlighted (read-aloud) words.
    Highlighted,
}

/// One thing a card must (or must not) have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// These folded words, in this order (one word is a phrase of one), in `field`.
    Words {
        /// Where.
        field: Field,
        /// The folded words.
        words: Vec<String>,
    },
    /// The cite's year within `from..=to`.
    Year {
        /// First year accepted.
        from: u16,
        /// Last year accepted.
        to: u16,
    },
    /// Cards for this side (or for either).
    Side(Side),
    /// The deck's folded id or title contains this.
    Deck(String),
}

/// A parsed query: terms every hit must have, and terms no hit may have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Every hit has all of these.
    pub must: Vec<Term>,
    /// No hit has any of these.
    pub must_not: Vec<Term>,
    /// Pieces that meant nothing (a malformed year, an unknown side), to show the user.
    pub ignored: Vec<String>,
    /// The last term of `must` is a single word still being typed: it also matches the words it
    /// begins ("chin" finds "china"). Set by [`parse_as_typed`].
    pub prefix_last: bool,
}

impl Query {
    /// Whether the query asks for nothing (every card matches).
    pub fn is_empty(&self) -> bool {
        self.must.is_empty() && self.must_not.is_empty()
    }

    /// The folded words a hit matched (for highlighting them): every word of a positive term.
    pub fn highlight_words(&self) -> Vec<String> {
        self.must
            .iter()
            .flat_map(|t| match t {
                Term::Words { words, .. } => words.clone(),
                _ => Vec::new(),
            })
            .collect()
    }
}

/// Parses `text` (see the module documentation).
pub fn parse(text: &str) -> Query {
    let mut query = Query::default();
    for piece in pieces(text) {
        if query.must.len() + query.must_not.len() >= MAX_TERMS {
            query.ignored.push(format!("more than {MAX_TERMS} terms"));
            break;
        }
        let (negated, body) = match piece.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, piece.as_str()),
        };
        match term(body) {
            Ok(Some(t)) if negated => query.must_not.push(t),
            Ok(Some(t)) => query.must.push(t),
            Ok(None) => {}
            Err(why) => query.ignored.push(why),
        }
    }
    query
}

/// Parses `text` as typed in a search box: like [`parse`], and when the text does not end with a
/// space or a closing quote, its last single word also matches the words it begins.
pub fn parse_as_typed(text: &str) -> Query {
    let mut query = parse(text);
    let ends_open = text.chars().last().is_some_and(|c| !c.is_whitespace() && !matches!(c, '"' | '”'));
    query.prefix_last = ends_open
        && !text.trim_end().rsplit(char::is_whitespace).next().is_some_and(|p| p.starts_with('-'))
        && matches!(query.must.last(), Some(Term::Words { words, .. }) if words.len() == 1);
    query
}

/// The query split at spaces outside quotes; quotes kept on their piece.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' | '“' | '”' => {
                quoted = !quoted;
                current.push('"');
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// One piece as a term: `Ok(None)` for a piece with no words (punctuation only).
fn term(piece: &str) -> Result<Option<Term>, String> {
    if let Some((name, value)) = piece.split_once(':')
        && !name.starts_with('"')
    {
        let field = match name.to_lowercase().as_str() {
            "tag" => Some(Field::Tag),
            "cite" | "author" => Some(Field::Cite),
            "highlighted" | "hl" => Some(Field::Highlighted),
            "year" => return year(value).map(Some),
            "side" => return side(value).map(|s| Some(Term::Side(s))),
            "deck" => {
                let folded = words(value).join(" ");
                return Ok((!folded.is_empty()).then_some(Term::Deck(folded)));
            }
            _ => None,
        };
        if let Some(field) = field {
            let w = words(value);
            return Ok((!w.is_empty()).then_some(Term::Words { field, words: w }));
        }
    }
    let w = words(piece);
    Ok((!w.is_empty()).then_some(Term::Words { field: Field::Any, words: w }))
}

fn year(value: &str) -> Result<Term, String> {
    let parse = |s: &str| -> Result<Option<u16>, String> {
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<u16>() {
            Ok(y) if (1000..=2999).contains(&y) => Ok(Some(y)),
            _ => Err(format!("year:{value} (write year:2019 or year:2019..2024)")),
        }
    };
    let (from, to) = match value.split_once("..") {
        Some((a, b)) => (parse(a)?, parse(b)?),
        None => {
            let y = parse(value)?;
            (y, y)
        }
    };
    if from.is_none() && to.is_none() {
        return Err(format!("year:{value} (write year:2019 or year:2019..2024)"));
    }
    let (from, to) = (from.unwrap_or(0), to.unwrap_or(u16::MAX));
    Ok(Term::Year { from: from.min(to), to: from.max(to) })
}

fn side(value: &str) -> Result<Side, String> {
    match value.to_lowercase().as_str() {
        "aff" | "a" | "affirmative" => Ok(Side::Aff),
        "neg" | "n" | "negative" => Ok(Side::Neg),
        _ => Err(format!("side:{value} (write side:aff or side:neg)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_term(field: Field, w: &[&str]) -> Term {
        Term::Words { field, words: w.iter().map(|s| (*s).to_owned()).collect() }
    }

    #[test]
    fn plain_words_all_must_match_folded() {
        let q = parse("China  Behrendt’s Paweł");
        assert_eq!(
            q.must,
            vec![
                words_term(Field::Any, &["china"]),
                words_term(Field::Any, &["behrendt", "s"]),
                words_term(Field::Any, &["pawel"])
            ]
        );
        assert!(q.must_not.is_empty() && q.ignored.is_empty());
    }

    #[test]
    fn phrases_negations_and_fields() {
        let q = parse(
            r#""first island chain" -seato tag:"no link" cite:Kim author:behrendt highlighted:war -"Cold War""#,
        );
        assert_eq!(
            q.must,
            vec![
                words_term(Field::Any, &["first", "island", "chain"]),
                words_term(Field::Tag, &["no", "link"]),
                words_term(Field::Cite, &["kim"]),
                words_term(Field::Cite, &["behrendt"]),
                words_term(Field::Highlighted, &["war"]),
            ]
        );
        assert_eq!(
            q.must_not,
            vec![words_term(Field::Any, &["seato"]), words_term(Field::Any, &["cold", "war"])]
        );
    }

    #[test]
    fn years_sides_and_decks() {
        let q = parse("year:2019..2024 year:2020 year:..2010 year:2023.. side:aff side:NEG deck:Aff-Answers");
        assert_eq!(
            q.must,
            vec![
                Term::Year { from: 2019, to: 2024 },
                Term::Year { from: 2020, to: 2020 },
                Term::Year { from: 0, to: 2010 },
                Term::Year { from: 2023, to: u16::MAX },
                Term::Side(Side::Aff),
                Term::Side(Side::Neg),
                Term::Deck("aff answers".into()),
            ]
        );
    }

    #[test]
    fn as_typed_the_last_word_is_a_prefix_until_a_space_ends_it() {
        assert!(parse_as_typed("taiwan chin").prefix_last);
        assert!(!parse_as_typed("taiwan chin ").prefix_last);
        assert!(!parse_as_typed("\"first island\"").prefix_last);
        assert!(!parse_as_typed("china -sea").prefix_last, "an exclusion is not widened");
        assert!(!parse("taiwan chin").prefix_last);
    }

    #[test]
    fn hostile_and_malformed_queries_are_words_or_ignored_never_errors() {
        assert!(parse("").is_empty() && parse("   ").is_empty());
        assert!(parse("— … !!!").is_empty());
        let q = parse("year:soon side:maybe foo:bar \"unclosed phrase");
        assert_eq!(q.ignored.len(), 2, "{:?}", q.ignored);
        assert_eq!(
            q.must,
            vec![words_term(Field::Any, &["foo", "bar"]), words_term(Field::Any, &["unclosed", "phrase"])]
        );
        let pasted = "word ".repeat(10_000);
        let q = parse(&pasted);
        assert_eq!(q.must.len(), MAX_TERMS);
        assert_eq!(parse("-").must, Vec::<Term>::new());
    }
}
