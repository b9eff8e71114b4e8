//! Debate cites: the one line under a card's tag that says who wrote the evidence, where and when.
//!
//! The convention (the one Verbatim users read aloud the first two words of):
//!
//! ```text
//! Lastname YY [Full Name, qualifications; note], "Title," Publication, date, URL, accessed YYYY-MM-DD
//! ```
//!
//! - `Lastname YY` is [`Source::cite_name`] and [`Source::cite_year`]: an unsigned piece is cited by
//!   its publication ("Mishcon de Reya n.d."), an undated one with "n.d.". Exports set this part in
//!   the bold Cite style; [`cite_parts`] gives it separately.
//! - The brackets hold every author with qualifications (separated by "; ") and the source's
//!   `note` (why there is no byline, why undated, credentials); they are left out when all are empty.
//! - A title ending in `?`, `!` or `.` keeps its own mark instead of the comma; double quotes inside
//!   the title become single quotes.
//! - The date is shown as stored (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or "n.d."; empty fields (no
//!   URL, no publication) are left out, and "accessed" only appears when the access date is known.
//!   Nothing is invented.
//!
//! A card that came from a Word file keeps its cite line exactly as written ([`CiteLine`]); that
//! line is the card's cite, and [`card_cite`] gives it with its own bold ranges in place of one
//! built from the source (which then holds only what the line states).

use crate::model::{Card, CiteLine, Source};

/// A cite split where exports change style: `short` ("Kim 25") is set in the Cite style, `rest`
/// (starting with " [" or ", ") follows in plain text. `short + rest` is [`cite_line`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteParts {
    /// Author last name (or publication) and two-digit year (or "n.d."), e.g. "Kim 25".
    pub short: String,
    /// Everything after `short`, e.g. ` [Ju Hyung Kim, President, …], "Title," …`.
    pub rest: String,
}

impl CiteParts {
    /// The whole cite on one line.
    pub fn line(&self) -> String {
        format!("{}{}", self.short, self.rest)
    }
}

/// A cite as exports write it: stretches of text in order, each in the bold Cite style (`true`)
/// or plain. Concatenated, they give [`CiteRuns::line`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CiteRuns(pub Vec<(String, bool)>);

impl CiteRuns {
    /// The whole cite on one line.
    pub fn line(&self) -> String {
        self.0.iter().map(|(text, _)| text.as_str()).collect()
    }

    /// The built cite: "Lastname YY" bold (when there is one), the rest plain.
    pub fn from_parts(parts: &CiteParts) -> CiteRuns {
        let pieces = [(parts.short.clone(), true), (parts.rest.clone(), false)];
        CiteRuns(pieces.into_iter().filter(|(text, _)| !text.is_empty()).collect())
    }

    /// A cite line as written, its bold character ranges bold. Ranges that do not fit the text
    /// (a file that failed validation) are clipped or skipped, never a panic.
    pub fn from_cite_line(cite: &CiteLine) -> CiteRuns {
        let chars: Vec<char> = cite.text.chars().collect();
        let mut runs = Vec::new();
        let mut at = 0;
        for &(start, end) in &cite.bold {
            let (start, end) = (start.max(at).min(chars.len()), end.min(chars.len()));
            if start >= end {
                continue;
            }
            runs.push((chars[at..start].iter().collect::<String>(), false));
            runs.push((chars[start..end].iter().collect::<String>(), true));
            at = end;
        }
        runs.push((chars[at..].iter().collect::<String>(), false));
        runs.retain(|(text, _)| !text.is_empty());
        CiteRuns(runs)
    }
}

/// The cite an export prints under `card`'s tag: its cite line as written when it has one, else
/// the cite built from `source`, else a plain note that the source is missing from the deck. A
/// source that states nothing to cite (no author, title or publication: a Word card that had no
/// cite) gives no cite at all, rather than an invented "n.d.".
pub fn card_cite(card: &Card, source: Option<&Source>) -> CiteRuns {
    match (&card.cite_line, source) {
        (Some(line), _) => CiteRuns::from_cite_line(line),
        (None, Some(s))
            if s.authors.is_empty() && s.title.trim().is_empty() && s.publication.trim().is_empty() =>
        {
            CiteRuns(Vec::new())
        }
        (None, Some(source)) => CiteRuns::from_parts(&cite_parts(source)),
        (None, None) => CiteRuns(vec![(format!("(source {:?} is not in the deck)", card.source), false)]),
    }
}

/// The full cite of `source` on one line (see the module docs for the convention).
pub fn cite_line(source: &Source) -> String {
    cite_parts(source).line()
}

/// The cite of `source` split into its bold "Lastname YY" part and the rest.
pub fn cite_parts(source: &Source) -> CiteParts {
    let short = format!("{} {}", source.cite_name(), source.cite_year());

    let mut who: Vec<String> = source
        .authors
        .iter()
        .map(|a| {
            let quals = a.qualifications.trim();
            if quals.is_empty() { a.name.trim().to_owned() } else { format!("{}, {quals}", a.name.trim()) }
        })
        .filter(|s| !s.is_empty())
        .collect();
    if !source.note.trim().is_empty() {
        who.push(source.note.trim().to_owned());
    }

    // Always at least the date ("n.d." when unknown), so the rest is never empty.
    let mut fields: Vec<String> = Vec::new();
    if !source.publication.trim().is_empty() {
        fields.push(source.publication.trim().to_owned());
    }
    fields.push(source.date.clone().unwrap_or_else(|| "n.d.".to_owned()));
    if !source.url.trim().is_empty() {
        fields.push(source.url.trim().to_owned());
    }
    if let Some(accessed) = source.accessed.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        fields.push(format!("accessed {accessed}"));
    }

    let mut rest = String::new();
    if !who.is_empty() {
        rest.push_str(&format!(" [{}]", who.join("; ")));
    }
    rest.push_str(", ");
    let title = source.title.trim().replace('"', "'");
    if !title.is_empty() {
        let comma = if title.ends_with(['?', '!', '.']) { "" } else { "," };
        rest.push_str(&format!("\"{title}{comma}\" "));
    }
    rest.push_str(&fields.join(", "));
    CiteParts { short, rest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    fn kim() -> Source {
        Source {
            id: "kim-2025".into(),
            title: "Asia needs a NATO-style alliance to combat China".into(),
            authors: vec![Author {
                name: "Ju Hyung Kim".into(),
                qualifications: "President, Security Management Institute".into(),
            }],
            note: String::new(),
            publication: "China Factor".into(),
            date: Some("2025-08-29".into()),
            url: "https://chinafactor.news/x".into(),
            accessed: Some("2026-01-05".into()),
        }
    }

    #[test]
    fn a_signed_dated_source_gives_the_full_convention() {
        assert_eq!(
            cite_line(&kim()),
            "Kim 25 [Ju Hyung Kim, President, Security Management Institute], \"Asia needs a NATO-style \
             alliance to combat China,\" China Factor, 2025-08-29, https://chinafactor.news/x, accessed \
             2026-01-05"
        );
    }

    #[test]
    fn the_short_part_is_split_off_for_the_bold_cite_style() {
        let parts = cite_parts(&kim());
        assert_eq!(parts.short, "Kim 25");
        assert!(parts.rest.starts_with(" [Ju Hyung Kim"));
        assert_eq!(parts.line(), cite_line(&kim()));
    }

    #[test]
    fn no_byline_and_undated_cites_the_publication_and_nd() {
        let source = Source {
            id: "mishcon".into(),
            title: "Asian NATO: the future of regional stability or non-starter?".into(),
            authors: vec![],
            note: "No byline; a risk note from a law firm.".into(),
            publication: "Mishcon de Reya".into(),
            date: None,
            url: "https://mishcon.com/news/x".into(),
            accessed: None,
        };
        assert_eq!(cite_parts(&source).short, "Mishcon de Reya n.d.");
        assert_eq!(
            cite_line(&source),
            "Mishcon de Reya n.d. [No byline; a risk note from a law firm.], \"Asian NATO: the future of \
             regional stability or non-starter?\" Mishcon de Reya, n.d., https://mishcon.com/news/x"
        );
    }

    #[test]
    fn unknown_access_date_is_left_out_and_inner_quotes_become_single() {
        let mut source = kim();
        source.accessed = None;
        source.title = "An \"Asian NATO\": Chances and perspectives".into();
        let line = cite_line(&source);
        assert!(line.contains("\"An 'Asian NATO': Chances and perspectives,\" China Factor"), "{line}");
        assert!(line.ends_with("2025-08-29, https://chinafactor.news/x"), "{line}");
        assert!(!line.contains("accessed"));
    }

    #[test]
    fn several_authors_are_all_credited_and_a_year_only_date_is_kept() {
        let mut source = kim();
        source.authors.push(Author { name: "Ann Lee".into(), qualifications: String::new() });
        source.date = Some("2019".into());
        let line = cite_line(&source);
        assert!(
            line.starts_with("Kim 19 [Ju Hyung Kim, President, Security Management Institute; Ann Lee], ")
        );
        assert!(line.contains(", 2019, "), "{line}");
    }

    #[test]
    fn a_cite_line_is_printed_as_written_with_its_own_bold_ranges() {
        let mut card = crate::model::card::sample_card("c");
        let built = card_cite(&card, Some(&kim()));
        assert_eq!(built.0[0], ("Kim 25".to_owned(), true));
        assert_eq!(built.line(), cite_line(&kim()));
        card.cite_line = Some(CiteLine {
            text: "Ju Hyung Kim 25 (President)".into(),
            bold: vec![(9, 12), (13, 15)],
            marks: Vec::new(),
        });
        let written = card_cite(&card, Some(&kim()));
        let expected =
            [("Ju Hyung ", false), ("Kim", true), (" ", false), ("25", true), (" (President)", false)];
        assert_eq!(written.0, expected.map(|(t, b)| (t.to_owned(), b)));
        card.cite_line = Some(CiteLine { text: "Kim".into(), bold: vec![(2, 9), (1, 2)], marks: Vec::new() });
        assert_eq!(card_cite(&card, None).0, [("Ki".to_owned(), false), ("m".to_owned(), true)], "clipped");
        card.cite_line = None;
        assert!(card_cite(&card, None).line().contains("is not in the deck"));
    }

    #[test]
    fn empty_fields_leave_no_stray_punctuation() {
        let source = Source {
            id: "s".into(),
            title: String::new(),
            authors: vec![],
            note: String::new(),
            publication: "Blog".into(),
            date: None,
            url: String::new(),
            accessed: None,
        };
        assert_eq!(cite_line(&source), "Blog n.d., Blog, n.d.");
    }
}
