//! Cards: a tagged, cited, marked quotation.

use serde::{Deserialize, Serialize};

use super::HighlightColour;
pub use super::cite_line::CiteLine;
use super::marks::{Mark, MarkKind, normalize_marks};
use super::provenance::{Conflict, CutFrom, Provenance};

/// Which side reads a card (or a case); a card of unknown side is for either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    /// Supports the resolution.
    Aff,
    /// Opposes the resolution.
    Neg,
    /// Background either side may read.
    #[default]
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
///
/// The content fields (tag, side, source, locator, text, marks, labels, note) are what the card
/// says; [`Card::content_fingerprint`] digests them. The rest (provenance, cut position, conflict
/// mark) describe the card's history and are saved only when set, so older cards keep their lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id, unique within its deck, e.g. "kim-hub-spoke-disjointed".
    pub id: String,
    /// The one-line claim the debater reads before the evidence.
    pub tag: String,
    /// Underline, highlight and emphasis over the tag (debaters underline a tag's key words);
    /// written only when any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_marks: Vec<Mark>,
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
    /// The cite exactly as written in the file the card came from (a Word file's cite line),
    /// beside the structured [`super::Source`], which holds only what the cite states. Written
    /// only when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite_line: Option<CiteLine>,
    /// Where the quote was cut from in its source, if Casebook cut it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut_from: Option<CutFrom>,
    /// The quote was changed by hand after cutting and may differ from its source.
    #[serde(default, skip_serializing_if = "is_false")]
    pub quote_edited: bool,
    /// Who created and last changed the card, and when; saved only when known.
    #[serde(default, skip_serializing_if = "Provenance::is_empty")]
    pub provenance: Provenance,
    /// Set when a merge could not reconcile two edits: this card is one of two versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Conflict>,
    /// The arguments this card answers, and how (format version 6); written only when any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<super::AnswerLink>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The content fields of a card, in a fixed order: what [`Card::content_fingerprint`] digests.
#[derive(Serialize)]
struct Content<'a> {
    tag: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tag_marks: Vec<Mark>,
    side: Side,
    source: &'a str,
    locator: &'a Option<String>,
    text: &'a str,
    marks: Vec<Mark>,
    labels: &'a [String],
    note: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cite_line: &'a Option<CiteLine>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    answers: &'a [super::AnswerLink],
}

impl Card {
    /// A card with no marks, labels, locator or note, and no provenance yet.
    pub fn new(
        id: impl Into<String>,
        tag: impl Into<String>,
        side: Side,
        source: impl Into<String>,
        text: impl Into<String>,
    ) -> Self {
        Card {
            id: id.into(),
            tag: tag.into(),
            tag_marks: Vec::new(),
            side,
            source: source.into(),
            locator: None,
            text: text.into(),
            marks: Vec::new(),
            labels: Vec::new(),
            note: None,
            cite_line: None,
            cut_from: None,
            quote_edited: false,
            provenance: Provenance::default(),
            conflict: None,
            answers: Vec::new(),
        }
    }

    /// The content fingerprint: [`super::fingerprint`] over a canonical serialization of the
    /// content fields — tag, side, source, locator, text, marks (canonical order), labels, note.
    /// The id, provenance, cut position and conflict mark are left out, so two people who cut the
    /// same card get the same fingerprint. Computed on demand, never stored in files.
    pub fn content_fingerprint(&self) -> String {
        let content = Content {
            tag: &self.tag,
            tag_marks: normalize_marks(&self.tag_marks),
            side: self.side,
            source: &self.source,
            locator: &self.locator,
            text: &self.text,
            marks: normalize_marks(&self.marks),
            labels: &self.labels,
            note: &self.note,
            cite_line: &self.cite_line,
            answers: &self.answers,
        };
        // Serializing plain strings, options and vectors cannot fail.
        super::fingerprint(ron::to_string(&content).unwrap_or_default().as_bytes())
    }

    /// Whether the two cards say the same thing (equal content fields, marks compared in
    /// canonical order), whatever their ids, provenance or conflict marks.
    pub fn same_content(&self, other: &Card) -> bool {
        self.tag == other.tag
            && normalize_marks(&self.tag_marks) == normalize_marks(&other.tag_marks)
            && self.side == other.side
            && self.source == other.source
            && self.locator == other.locator
            && self.text == other.text
            && normalize_marks(&self.marks) == normalize_marks(&other.marks)
            && self.labels == other.labels
            && self.note == other.note
            && self.cite_line == other.cite_line
            && self.answers == other.answers
    }

    /// The short cite a debater reads ("Kim 25"): the bold part of the cite as written when the
    /// card has one, else the source's last name and year; empty when neither is known.
    pub fn short_cite(&self, source: Option<&super::Source>) -> String {
        match self.cite_line.as_ref().map(CiteLine::short).filter(|s| !s.is_empty()) {
            Some(short) => short,
            None => source.map_or(String::new(), |s| format!("{} {}", s.cite_name(), s.cite_year())),
        }
    }

    /// Number of characters in the text (the unit of mark offsets).
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// This card with its quote replaced by `text` (edited by hand): marks past the new end are
    /// dropped or shortened, and the card is flagged as differing from its source.
    pub fn with_quote(&self, text: String) -> Card {
        let len = text.chars().count();
        let marks = self
            .marks
            .iter()
            .filter(|m| m.start < len)
            .map(|m| super::Mark { end: m.end.min(len), ..*m })
            .collect();
        Card { text, marks, quote_edited: true, ..self.clone() }
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
        self.highlighted_text_in(None)
    }

    /// [`Card::highlighted_text`] of one highlight colour only (all colours for `None`): a card
    /// highlighted twice, a long read and a short read, is timed for either.
    pub fn highlighted_text_in(&self, colour: Option<HighlightColour>) -> String {
        let mut ranges: Vec<&Mark> = self
            .marks
            .iter()
            .filter(|m| m.kind == MarkKind::Highlight && colour.is_none_or(|c| m.colour == c))
            .collect();
        ranges.sort_by_key(|m| m.start);
        // Byte offsets of every character once, so each range is sliced in constant time (slicing
        // by skipping characters made a card of many marks quadratic).
        let byte_at: Vec<usize> = self.text.char_indices().map(|(b, _)| b).chain([self.text.len()]).collect();
        let chars = byte_at.len() - 1;
        let words: Vec<&str> = ranges
            .iter()
            .filter(|m| m.start < m.end.min(chars))
            .flat_map(|m| self.text[byte_at[m.start]..byte_at[m.end.min(chars)]].split_whitespace())
            .collect();
        words.join(" ")
    }

    /// Number of highlighted words (read aloud).
    pub fn highlighted_words(&self) -> usize {
        self.highlighted_text().split_whitespace().count()
    }

    /// Number of highlighted words of one colour (all colours for `None`).
    pub fn highlighted_words_in(&self, colour: Option<HighlightColour>) -> usize {
        self.highlighted_text_in(colour).split_whitespace().count()
    }

    /// Whether `query` (already lowercase) occurs in the tag, labels or text, ignoring case.
    pub fn matches_text(&self, query: &str) -> bool {
        self.tag.to_lowercase().contains(query)
            || self.text.to_lowercase().contains(query)
            || self.labels.iter().any(|l| l.to_lowercase().contains(query))
    }
}

/// Labels typed as "quad, Hub-and-spoke ,": trimmed, lowercase, empty ones dropped.
pub fn parse_labels(text: &str) -> Vec<String> {
    text.split(',').map(|l| l.trim().to_lowercase()).filter(|l| !l.is_empty()).collect()
}

/// An optional field as typed (locator, note): trimmed, `None` when blank.
pub fn optional_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
pub(crate) fn sample_card(id: &str) -> Card {
    Card {
        id: id.to_owned(),
        tag: "Hub-and-spoke ties are disjointed".to_owned(),
        tag_marks: Vec::new(),
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
        cite_line: None,
        cut_from: None,
        quote_edited: false,
        provenance: Provenance::default(),
        conflict: None,
        answers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ConflictSide;

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

    #[test]
    fn content_fingerprint_ignores_id_history_and_mark_order_but_not_content() {
        let card = sample_card("c");
        let mut other = sample_card("d");
        other.provenance = Provenance::created("Ana", "2026-11-22T19:41:07Z");
        other.conflict = Some(Conflict { with: "c".into(), side: ConflictSide::Ours });
        other.marks.reverse();
        assert_eq!(card.content_fingerprint(), other.content_fingerprint());
        assert!(card.same_content(&other));
        let changes: [fn(&mut Card); 10] = [
            |c| c.tag_marks = vec![Mark::new(MarkKind::Underline, 0, 3)],
            |c| c.tag.push('!'),
            |c| c.side = Side::Neg,
            |c| c.source.push('x'),
            |c| c.locator = None,
            |c| c.text.push('.'),
            |c| c.marks.truncate(1),
            |c| c.labels.clear(),
            |c| c.note = Some(String::new()),
            |c| c.cite_line = Some(CiteLine { text: "Kim 25".into(), bold: vec![(0, 6)], marks: Vec::new() }),
        ];
        for change in changes {
            let mut changed = sample_card("c");
            change(&mut changed);
            assert_ne!(card.content_fingerprint(), changed.content_fingerprint(), "{changed:?}");
            assert!(!card.same_content(&changed));
        }
    }

    #[test]
    fn a_second_highlight_colour_is_timed_on_its_own() {
        let mut card = sample_card("c");
        card.marks[2].colour = HighlightColour::Green;
        assert_eq!(card.highlighted_words_in(None), 3);
        assert_eq!(card.highlighted_words_in(Some(HighlightColour::Yellow)), 2);
        assert_eq!(card.highlighted_text_in(Some(HighlightColour::Green)), "disjointed");
    }

    #[test]
    fn new_builds_a_plain_card() {
        let card = Card::new("id", "Tag", Side::Either, "src", "Text.");
        assert!(card.marks.is_empty() && card.provenance.is_empty() && card.conflict.is_none());
        assert_eq!(card.source, "src");
    }

    #[test]
    fn typed_labels_and_optional_fields_are_trimmed() {
        assert_eq!(parse_labels(" Quad, hub-and-spoke ,,"), vec!["quad", "hub-and-spoke"]);
        assert_eq!(optional_text("  para. 9 "), Some("para. 9".to_owned()));
        assert_eq!(optional_text(" \n "), None);
    }
}
