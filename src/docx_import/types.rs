//! The imported document: an outline of headings, cards and paragraphs, with every run mark kept.
//!
//! Offsets count `char`s (Unicode scalar values), end exclusive, like the model's marks, so a
//! converter can copy them into [`crate::model::Mark`] without recounting.

use super::report::ImportReport;

/// A highlight's colour as Word stored it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HighlightColor {
    /// A `w:highlight` colour name as written, e.g. "yellow", "green", "cyan".
    Named(String),
    /// A background shading (`w:shd`) colour, as upper-case hex without '#', e.g. "00FFFF".
    Shading(String),
}

/// What a marked range of text carries.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// Underlined: Verbatim's Underline style (or a character style based on it), or Word
    /// underline of any kind from direct formatting or the run's character style.
    Underline,
    /// Verbatim's Emphasis character style.
    Emphasis,
    /// Highlighted or shaded, with the colour.
    Highlight(HighlightColor),
    /// Verbatim's Cite character style or direct bold (`w:b`): how cites mark name and date.
    Bold,
}

impl MarkKind {
    /// The model's mark kind for this one: underline, emphasis and highlight (any colour) map
    /// one to one; bold, which is how cites are formatted, has no model mark.
    pub fn to_model(&self) -> Option<crate::model::MarkKind> {
        match self {
            MarkKind::Underline => Some(crate::model::MarkKind::Underline),
            MarkKind::Emphasis => Some(crate::model::MarkKind::Emphasis),
            MarkKind::Highlight(_) => Some(crate::model::MarkKind::Highlight),
            MarkKind::Bold => None,
        }
    }
}

/// One marked range `[start, end)` in characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mark {
    /// What the range carries.
    pub kind: MarkKind,
    /// First marked character.
    pub start: usize,
    /// One past the last marked character.
    pub end: usize,
}

/// What a paragraph is, from its style (through `basedOn`) or its outline level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParaRole {
    /// Verbatim Pocket (`Heading1`, outline level 1).
    Pocket,
    /// Verbatim Hat (`Heading2`, outline level 2).
    Hat,
    /// Verbatim Block (`Heading3`, outline level 3).
    Block,
    /// Verbatim Tag (`Heading4`, outline level 4): starts a card.
    Tag,
    /// The debater's own words (`Analytic` style), never a card.
    Analytic,
    /// A note under a tag (`Undertag` style).
    Undertag,
    /// A paragraph styled as a whole cite (legacy `Cites` style).
    Cite,
    /// Anything else: card text, or loose text.
    Body,
}

/// One paragraph as read: its text (runs joined; tabs and breaks as `\t` and `\n`) and marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Para {
    /// The text, untrimmed.
    pub text: String,
    /// Marks over `text`, sorted by start; touching runs with equal marks are merged.
    pub marks: Vec<Mark>,
    /// The paragraph style id as written in `w:pStyle`, if any.
    pub style: Option<String>,
    /// What the paragraph is.
    pub role: ParaRole,
    /// The paragraph sits in a table cell.
    pub in_table: bool,
    /// The paragraph comes from a text box anchored in the paragraph before it.
    pub in_text_box: bool,
}

impl Para {
    /// Number of characters in `text`.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The text has no characters other than whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The same paragraph with leading and trailing whitespace removed; marks are shifted and
    /// clipped to the kept text (marks left empty are dropped).
    pub fn trimmed(&self) -> Para {
        let lead = self.text.chars().take_while(|c| c.is_whitespace()).count();
        let text = self.text.trim().to_owned();
        let len = text.chars().count();
        let marks = self
            .marks
            .iter()
            .filter_map(|m| {
                let start = m.start.saturating_sub(lead).min(len);
                let end = m.end.saturating_sub(lead).min(len);
                (start < end).then(|| Mark { kind: m.kind.clone(), start, end })
            })
            .collect();
        Para { text, marks, ..self.clone() }
    }
}

/// A card's cite paragraph (the paragraph right after the tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteLine {
    /// The whole cite paragraph as written, trimmed.
    pub raw: String,
    /// The Cite-styled or bold run(s) near its start, e.g. "Kim 25"; empty when the paragraph
    /// is a cite by its paragraph style only and has no bold run.
    pub short: String,
    /// The family name the short cite states (first author), if any.
    pub last_name: Option<String>,
    /// The year exactly as the short cite states it ("25", "2019", "8"); never invented.
    pub year: Option<String>,
    /// Marks over `raw`.
    pub marks: Vec<Mark>,
}

/// One piece of evidence: tag, cite and quoted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedCard {
    /// The tag, trimmed.
    pub tag: String,
    /// Marks over `tag`.
    pub tag_marks: Vec<Mark>,
    /// The cite paragraph, when the paragraph after the tag is one.
    pub cite: Option<CiteLine>,
    /// Undertag paragraphs that appeared inside the card.
    pub notes: Vec<Para>,
    /// The card text: its paragraphs joined with a blank line (`"\n\n"`), as in the model.
    pub text: String,
    /// Marks over `text`.
    pub marks: Vec<Mark>,
    /// Character offset in `text` where each paragraph starts (the first is 0 when any).
    pub paragraph_starts: Vec<usize>,
}

impl ImportedCard {
    /// The card's paragraphs, in order, as slices of `text`.
    pub fn paragraphs(&self) -> Vec<&str> {
        if self.paragraph_starts.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(self.paragraph_starts.len());
        let mut byte_starts = Vec::with_capacity(self.paragraph_starts.len());
        let mut wanted = self.paragraph_starts.iter().peekable();
        for (ci, (bi, _)) in self.text.char_indices().enumerate() {
            while wanted.peek().is_some_and(|&&s| s == ci) {
                byte_starts.push(bi);
                wanted.next();
            }
        }
        while wanted.next().is_some() {
            byte_starts.push(self.text.len());
        }
        for (i, &start) in byte_starts.iter().enumerate() {
            let end = match byte_starts.get(i + 1) {
                Some(&next) => next.saturating_sub(2).max(start),
                None => self.text.len(),
            };
            out.push(self.text.get(start..end).unwrap_or(""));
        }
        out
    }

    /// The card's marks as model marks over `text`, in the model's canonical form (highlights
    /// keep their colour, bold dropped): ready for [`crate::model::Card::marks`].
    pub fn model_marks(&self) -> Vec<crate::model::Mark> {
        model_marks(&self.marks)
    }

    /// The text covered by highlight marks, joined with single spaces.
    pub fn highlighted_text(&self) -> String {
        let chars: Vec<char> = self.text.chars().collect();
        let mut parts = Vec::new();
        for m in &self.marks {
            if matches!(m.kind, MarkKind::Highlight(_)) {
                let end = m.end.min(chars.len());
                let start = m.start.min(end);
                parts.push(chars[start..end].iter().collect::<String>());
            }
        }
        parts.join(" ")
    }
}

/// One entry of the document outline, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A Pocket heading, trimmed.
    Pocket(String),
    /// A Hat heading, trimmed.
    Hat(String),
    /// A Block heading, trimmed.
    Block(String),
    /// The debater's own words: an Analytic paragraph, or a tag with neither cite nor text.
    Analytic(Para),
    /// An Undertag paragraph outside any card.
    Undertag(Para),
    /// Text outside any card (e.g. under a block before its first tag).
    Paragraph(Para),
    /// A card.
    Card(ImportedCard),
}

/// The result of an import: the outline and what the reader saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedDoc {
    /// Headings, cards and paragraphs in document order.
    pub outline: Vec<Node>,
    /// Counts of everything read, kept, dropped or not representable.
    pub report: ImportReport,
}

impl ImportedDoc {
    /// The cards, in document order.
    pub fn cards(&self) -> impl Iterator<Item = &ImportedCard> {
        self.outline.iter().filter_map(|n| match n {
            Node::Card(c) => Some(c),
            _ => None,
        })
    }
}

/// A highlight colour as the model keeps it (an unknown Word name is kept as yellow, Word's own
/// fallback for names it does not know).
fn colour(c: &HighlightColor) -> crate::model::HighlightColour {
    match c {
        HighlightColor::Named(n) => crate::model::HighlightColour::from_word_name(n).unwrap_or_default(),
        HighlightColor::Shading(hex) => crate::model::HighlightColour::from_hex(hex).unwrap_or_default(),
    }
}

/// Underline, emphasis and highlight (with colour) as model marks, canonical; bold dropped.
pub(crate) fn model_marks(marks: &[Mark]) -> Vec<crate::model::Mark> {
    let out: Vec<crate::model::Mark> = marks
        .iter()
        .filter_map(|m| match &m.kind {
            MarkKind::Highlight(c) => Some(crate::model::Mark::highlight(colour(c), m.start, m.end)),
            k => k.to_model().map(|k| crate::model::Mark::new(k, m.start, m.end)),
        })
        .collect();
    crate::model::normalize_marks(&out)
}
