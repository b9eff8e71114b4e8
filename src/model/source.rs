//! Sources: the articles cards quote, with the facts a debate cite needs.

use serde::{Deserialize, Serialize};

/// One author of a source, with the qualifications a cite carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// Full name as printed, e.g. "Ju Hyung Kim".
    pub name: String,
    /// Why this author is worth quoting, e.g. "President, Security Management Institute".
    #[serde(default)]
    pub qualifications: String,
}

/// A quoted article or document with its citation facts.
///
/// Unknown facts stay unknown: `authors` may be empty (no byline), `date` may be `None` ("n.d.").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, unique within a deck, e.g. "kim-2025".
    pub id: String,
    /// The article's title.
    pub title: String,
    /// Authors in byline order; empty when the piece has no byline.
    #[serde(default)]
    pub authors: Vec<Author>,
    /// What a cite should say about the source beyond the fields: no byline, why undated, credentials.
    #[serde(default)]
    pub note: String,
    /// The outlet, e.g. "East Asia Forum".
    pub publication: String,
    /// Publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when undated.
    #[serde(default)]
    pub date: Option<String>,
    /// Where the text was read.
    #[serde(default)]
    pub url: String,
    /// When the text was read, `YYYY-MM-DD`.
    #[serde(default)]
    pub accessed: Option<String>,
}

impl Source {
    /// Family name of the first author, or the publication when there is no byline
    /// (the debate convention for unsigned pieces).
    pub fn cite_name(&self) -> String {
        match self.authors.first() {
            Some(a) => a.name.split_whitespace().last().unwrap_or(&a.name).to_owned(),
            None => self.publication.clone(),
        }
    }

    /// Two-digit year ("25") or "n.d." when the date is unknown.
    pub fn cite_year(&self) -> String {
        match self.date.as_deref().and_then(|d| d.get(2..4)) {
            Some(yy) => yy.to_owned(),
            None => "n.d.".to_owned(),
        }
    }
}

/// Whether `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible month and day.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(authors: Vec<Author>, date: Option<&str>) -> Source {
        Source {
            id: "s".into(),
            title: "T".into(),
            authors,
            note: String::new(),
            publication: "Mishcon de Reya".into(),
            date: date.map(str::to_owned),
            url: String::new(),
            accessed: None,
        }
    }

    #[test]
    fn cite_name_is_last_name_or_publication_without_byline() {
        let kim = Author { name: "Ju Hyung Kim".into(), qualifications: String::new() };
        assert_eq!(source(vec![kim], None).cite_name(), "Kim");
        assert_eq!(source(vec![], None).cite_name(), "Mishcon de Reya");
    }

    #[test]
    fn cite_year_is_two_digits_or_nd() {
        assert_eq!(source(vec![], Some("2025-08-29")).cite_year(), "25");
        assert_eq!(source(vec![], None).cite_year(), "n.d.");
    }

    #[test]
    fn dates_are_checked_for_shape() {
        for ok in ["2024", "2024-09", "2024-09-19"] {
            assert!(is_valid_date(ok), "{ok}");
        }
        for bad in ["24", "2024-13", "2024-09-32", "Sept 2024", "2024-9-1", ""] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }
}
