//! Cutting a card: exactly the selected passage of a source, with its cite and where it came from.

use std::fmt;

use super::SourceDoc;
use crate::model::verbatim::is_verbatim;
use crate::model::{Card, Side};

/// A card cut from a source, with the character offsets `start..end` of its text in the source's
/// text (after trimming the selection), so the reader can show where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// The new card: exactly the selected text, citing the source by id, with no marks yet.
    pub card: Card,
    /// First character of the card's text in [`SourceDoc::text`].
    pub start: usize,
    /// One past the last character of the card's text in [`SourceDoc::text`].
    pub end: usize,
}

/// Why a selection cannot become a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CutError {
    /// The selection reaches past the end of the text (`len` characters).
    OutOfRange {
        /// Start of the selection.
        start: usize,
        /// End of the selection.
        end: usize,
        /// Characters in the source text.
        len: usize,
    },
    /// Nothing but whitespace is selected.
    EmptySelection,
    /// The tag is empty: every card needs a claim.
    EmptyTag,
    /// The id is empty or contains whitespace.
    InvalidId(String),
    /// The selected text is not a verbatim passage of the source: the source text was not
    /// normalised (build a [`SourceDoc`] with its constructors).
    NotVerbatim,
}

impl fmt::Display for CutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CutError::OutOfRange { start, end, len } => {
                write!(f, "the selection {start}..{end} lies outside the source text ({len} characters)")
            }
            CutError::EmptySelection => write!(f, "select the passage to cut first"),
            CutError::EmptyTag => write!(f, "write a tag for the card: the claim its evidence supports"),
            CutError::InvalidId(id) => write!(f, "card id {id:?} must be non-empty with no spaces"),
            CutError::NotVerbatim => {
                write!(f, "the selection is not a verbatim passage of the source text (it is not normalised)")
            }
        }
    }
}

impl std::error::Error for CutError {}

/// Cuts the characters `start..end` of `doc.text` (in either order) into a card: the text is
/// exactly the selection with surrounding whitespace trimmed (paragraph breaks inside are kept as
/// `"\n\n"`), `source` is `doc.source.id`, `locator` is the paragraph ("para. 9", "paras. 9-11"),
/// and tag and id are trimmed. The card's text passes [`is_verbatim`] against `doc.text`.
pub fn cut_card(
    doc: &SourceDoc,
    start: usize,
    end: usize,
    id: String,
    tag: String,
    side: Side,
) -> Result<Cut, CutError> {
    let (start, end) = (start.min(end), start.max(end));
    let chars: Vec<char> = doc.text.chars().collect();
    if end > chars.len() {
        return Err(CutError::OutOfRange { start, end, len: chars.len() });
    }
    let (start, end) = trim(&chars, start, end);
    if start == end {
        return Err(CutError::EmptySelection);
    }
    let tag = tag.trim();
    if tag.is_empty() {
        return Err(CutError::EmptyTag);
    }
    let id = id.trim();
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(CutError::InvalidId(id.to_owned()));
    }
    let text: String = chars[start..end].iter().collect();
    if !is_verbatim(&text, &doc.text) {
        return Err(CutError::NotVerbatim);
    }
    let mut card = Card::new(id, tag, side, doc.source.id.clone(), text);
    card.locator = Some(locator(doc, start, end));
    Ok(Cut { card, start, end })
}

/// The paragraph locator of `start..end` in `doc`, in the bundled decks' form: "para. 9" or
/// "paras. 9-11" (paragraphs counted from 1, headline lines included).
pub fn locator(doc: &SourceDoc, start: usize, end: usize) -> String {
    let first = doc.paragraph_at(start);
    let last = doc.paragraph_at(end.max(start + 1) - 1);
    if first == last { format!("para. {first}") } else { format!("paras. {first}-{last}") }
}

/// Where a word ends: a run of non-whitespace; em and en dashes also end words, so
/// "alliance—which" snaps to either side.
fn in_word(c: char) -> bool {
    !c.is_whitespace() && c != '—' && c != '–'
}

/// Snaps a rough selection `start..end` (character offsets, either order, clamped to the text)
/// for cutting: whitespace at its edges is dropped, then an edge that cuts through a word moves
/// *inward* past that word, so a card never starts or ends on a fragment ("For" of the next
/// sentence's "Fortunately"). A selection inside a single word takes that whole word. An empty
/// or whitespace-only selection stays empty (at its trimmed position).
pub fn selection_snap(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(end).min(chars.len()), start.max(end).min(chars.len()));
    let (start, end) = trim(&chars, start, end);
    if start == end {
        return (start, start);
    }
    let (mut inner_start, mut inner_end) = (start, end);
    if start > 0 && in_word(chars[start - 1]) && in_word(chars[start]) {
        while inner_start < end && in_word(chars[inner_start]) {
            inner_start += 1;
        }
    }
    if end < chars.len() && in_word(chars[end - 1]) && in_word(chars[end]) {
        while inner_end > inner_start && in_word(chars[inner_end - 1]) {
            inner_end -= 1;
        }
    }
    let (inner_start, inner_end) = trim(&chars, inner_start, inner_end);
    if inner_start < inner_end && inner_start < end {
        (inner_start, inner_end)
    } else {
        widen_to_words(text, start, end)
    }
}

/// Widens a selection to whole words, as Word's smart selection does when marking: each edge that
/// cuts through a word moves out to that word's end ("r|elies" marks "relies"). Whitespace at the
/// edges is dropped first; an empty selection stays empty.
pub fn widen_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(end).min(chars.len()), start.max(end).min(chars.len()));
    let (mut start, mut end) = trim(&chars, start, end);
    if start == end {
        return (start, start);
    }
    if in_word(chars[start]) {
        while start > 0 && in_word(chars[start - 1]) {
            start -= 1;
        }
    }
    if in_word(chars[end - 1]) {
        while end < chars.len() && in_word(chars[end]) {
            end += 1;
        }
    }
    (start, end)
}

/// `start..end` without whitespace at either edge.
fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn doc(text: &str) -> SourceDoc {
        let source = Source {
            id: "kim-2025".into(),
            title: "T".into(),
            authors: vec![],
            note: String::new(),
            publication: "P".into(),
            date: None,
            url: String::new(),
            accessed: None,
        };
        SourceDoc::new(source, text)
    }

    fn cut(doc: &SourceDoc, start: usize, end: usize) -> Result<Cut, CutError> {
        cut_card(doc, start, end, "id".into(), "Tag".into(), Side::Aff)
    }

    #[test]
    fn the_card_is_exactly_the_trimmed_selection_with_the_source_and_locator() {
        let d =
            doc("Title\nBut these structures are disjointed at best.\nAsia lacks a codified arrangement.");
        let from = d.text.find("But").unwrap();
        let to = d.text.find("codified").unwrap();
        let c = cut(&d, from - 2, to).unwrap();
        assert_eq!(c.card.text, "But these structures are disjointed at best.\n\nAsia lacks a");
        assert_eq!((c.start, c.end), (from, to - 1));
        assert_eq!(c.card.source, "kim-2025");
        assert_eq!(c.card.locator.as_deref(), Some("paras. 2-3"));
        assert!(c.card.marks.is_empty());
        assert!(is_verbatim(&c.card.text, &d.text));
        assert_eq!(cut(&d, to, from).unwrap(), c, "a backwards selection is the same selection");
    }

    #[test]
    fn bad_selections_tags_and_ids_are_refused() {
        let d = doc("One.\nTwo.");
        assert_eq!(cut(&d, 0, 99), Err(CutError::OutOfRange { start: 0, end: 99, len: 10 }));
        assert_eq!(cut(&d, 2, 2), Err(CutError::EmptySelection));
        assert_eq!(cut(&d, 4, 6), Err(CutError::EmptySelection), "only the paragraph break");
        let no_tag = cut_card(&d, 0, 4, "id".into(), "  ".into(), Side::Neg);
        assert_eq!(no_tag, Err(CutError::EmptyTag));
        let bad_id = cut_card(&d, 0, 4, "my id".into(), "Tag".into(), Side::Neg);
        assert_eq!(bad_id, Err(CutError::InvalidId("my id".into())));
        assert!(bad_id.unwrap_err().to_string().contains("no spaces"));
    }

    #[test]
    fn a_source_text_that_was_not_normalised_cannot_drift_into_a_card() {
        let mut d = doc("x");
        d.text = "line one\nline two".into();
        assert_eq!(cut(&d, 0, 17), Err(CutError::NotVerbatim));
    }

    fn slice(text: &str, (s, e): (usize, usize)) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn cutting_snaps_inward_past_partial_words_and_trims_whitespace() {
        let text = "Asia’s hub-and-spoke system is “disjointed.” Yes—really. Fortunately not";
        let snap = |s, e| slice(text, selection_snap(text, s, e));
        assert_eq!(snap(9, 24), "hub-and-spoke system", "only fragments selected: widened instead");
        assert_eq!(snap(9, 31), "system is", "fragments at both edges are left out");
        assert_eq!(snap(6, 29), "hub-and-spoke system", "the fragment “i” of “is” is left out");
        assert_eq!(snap(7, 60), "hub-and-spoke system is “disjointed.” Yes—really.", "no dangling “For”");
        assert_eq!(snap(35, 33), "“disjointed.”", "inside one word: that word");
        assert_eq!(snap(46, 48), "Yes");
        assert_eq!(snap(0, 999), text);
        assert_eq!(selection_snap(text, 6, 7), (7, 7), "whitespace only stays empty");
        assert_eq!(selection_snap(text, 3, 3), (3, 3));
        assert_eq!(selection_snap("", 5, 9), (0, 0));
    }

    #[test]
    fn marking_widens_to_whole_words() {
        let text = "The alliance relies on trust—and money";
        let widen = |s, e| slice(text, widen_to_words(text, s, e));
        assert_eq!(widen(14, 20), "relies", "r|elies marks relies");
        assert_eq!(widen(5, 15), "alliance relies");
        assert_eq!(widen(24, 31), "trust—and");
        assert_eq!(widen(3, 4), "");
    }
}
