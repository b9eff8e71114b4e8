//! Cards: a tagged, cited, marked quotation.

use serde::{Deserialize, Serialize};

use super::marks::{Mark, MarkKind};

/// Which side reads a card (or a case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    /// Supports the resolution.
    Aff,
    /// Opposes the resolution.
    Neg,
    /// Background either side may read.
    Either,
}

impl Side {
    /// Lowercase name used in card JSON and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Side::Aff => "aff",
            Side::Neg => "neg",
            Side::Either => "either",
        }
    }
}

/// One piece of evidence: a claim (the tag) and the verbatim quotation that supports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id, unique within its deck, e.g. "kim-hub-spoke-disjointed".
    pub id: String,
    /// The one-line claim the debater reads before the evidence.
    pub tag: String,
    /// Who reads it.
    pub side: Side,
    /// Id of the quoted [`super::Source`] in the same deck (or session).
    pub source: String,
    /// Page, paragraph or other locator inside the source, if known.
    #[serde(default)]
    pub locator: Option<String>,
    /// The quoted text, verbatim; paragraphs are separated by one blank line (`"\n\n"`).
    pub text: String,
    /// Underline, highlight and emphasis over `text`, in characters; canonical order.
    #[serde(default)]
    pub marks: Vec<Mark>,
    /// Argument names for filtering, e.g. "hub-and-spoke", "seato".
    #[serde(default)]
    pub labels: Vec<String>,
    /// The debater's own analysis of the card; never read as evidence.
    #[serde(default)]
    pub note: Option<String>,
}

impl Card {
    /// Number of characters in the text (the unit of mark offsets).
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The characters `start..end` of the text (clamped to its length).
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start).take(end.saturating_sub(start)).collect()
    }

    /// The paragraphs of the quoted text.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split("\n\n")
    }

    /// The highlighted text in reading order, whitespace collapsed, ranges joined by single spaces:
    /// what the debater actually says aloud.
    pub fn highlighted_text(&self) -> String {
        let mut ranges: Vec<&Mark> = self.marks.iter().filter(|m| m.kind == MarkKind::Highlight).collect();
        ranges.sort_by_key(|m| m.start);
        let words: Vec<String> = ranges
            .iter()
            .flat_map(|m| {
                self.slice(m.start, m.end).split_whitespace().map(str::to_owned).collect::<Vec<_>>()
            })
            .collect();
        words.join(" ")
    }

    /// Number of highlighted words (read aloud).
    pub fn highlighted_words(&self) -> usize {
        self.highlighted_text().split_whitespace().count()
    }

    /// Whether `query` (already lowercase) occurs in the tag, labels or text, ignoring case.
    pub fn matches_text(&self, query: &str) -> bool {
        self.tag.to_lowercase().contains(query)
            || self.text.to_lowercase().contains(query)
            || self.labels.iter().any(|l| l.to_lowercase().contains(query))
    }
}

#[cfg(test)]
pub(crate) fn sample_card(id: &str) -> Card {
    Card {
        id: id.to_owned(),
        tag: "Hub-and-spoke ties are disjointed".to_owned(),
        side: Side::Aff,
        source: "kim-2025".to_owned(),
        locator: Some("para. 9".to_owned()),
        text: "But these structures are disjointed at best.\n\nAsia lacks a codified arrangement.".to_owned(),
        marks: vec![
            Mark::new(MarkKind::Underline, 4, 43),
            Mark::new(MarkKind::Highlight, 4, 20),
            Mark::new(MarkKind::Highlight, 25, 35),
        ],
        labels: vec!["hub-and-spoke".to_owned()],
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighted_text_reads_ranges_in_order_with_single_spaces() {
        let card = sample_card("c");
        assert_eq!(card.highlighted_text(), "these structures disjointed");
        assert_eq!(card.highlighted_words(), 3);
    }

    #[test]
    fn slice_counts_characters_not_bytes() {
        let mut card = sample_card("c");
        card.text = "China’s assertiveness".to_owned();
        assert_eq!(card.slice(0, 7), "China’s");
    }

    #[test]
    fn search_ignores_case_over_tag_text_and_labels() {
        let card = sample_card("c");
        assert!(card.matches_text("disjointed"));
        assert!(card.matches_text("codified"));
        assert!(card.matches_text("hub-and"));
        assert!(!card.matches_text("seato"));
    }
}
