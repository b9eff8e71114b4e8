//! Marks: underline, highlight and emphasis over a card's quoted text.
//!
//! Offsets count Unicode scalar values (`char`s) of the card text, end exclusive, so they mean the
//! same thing in every language that reads the card JSON. Marks of one kind never overlap; marks of
//! different kinds may (a highlight normally lies inside an underline).

use serde::{Deserialize, Serialize};

/// The three marking levels debaters use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MarkKind {
    /// What matters in the card (Verbatim's Underline style).
    Underline,
    /// What is read aloud in the speech.
    Highlight,
    /// Extra stress inside underlined text (Verbatim's Emphasis style).
    Emphasis,
}

impl MarkKind {
    /// All kinds, in file order.
    pub const ALL: [MarkKind; 3] = [MarkKind::Underline, MarkKind::Highlight, MarkKind::Emphasis];

    /// Lowercase name used in card JSON and messages.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Underline => "underline",
            MarkKind::Highlight => "highlight",
            MarkKind::Emphasis => "emphasis",
        }
    }
}

/// One marked range `[start, end)` of a card's text, in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    /// Which level.
    pub kind: MarkKind,
    /// First marked character.
    pub start: usize,
    /// One past the last marked character.
    pub end: usize,
}

impl Mark {
    /// A mark of `kind` over `start..end`.
    pub fn new(kind: MarkKind, start: usize, end: usize) -> Self {
        Mark { kind, start, end }
    }
}

/// Canonical form: empty ranges dropped, sorted by kind then start, touching or overlapping
/// ranges of one kind merged. Saving always writes this form, so equal markings give equal bytes.
pub fn normalize_marks(marks: &[Mark]) -> Vec<Mark> {
    let mut sorted: Vec<Mark> = marks.iter().copied().filter(|m| m.start < m.end).collect();
    sorted.sort();
    let mut out: Vec<Mark> = Vec::with_capacity(sorted.len());
    for m in sorted {
        match out.last_mut() {
            Some(last) if last.kind == m.kind && m.start <= last.end => last.end = last.end.max(m.end),
            _ => out.push(m),
        }
    }
    out
}

/// Why a card's marks are not acceptable; `None` when they are.
pub fn check_marks(marks: &[Mark], text_chars: usize) -> Option<String> {
    for m in marks {
        if m.start >= m.end {
            return Some(format!("{} mark {}..{} is empty or reversed", m.kind.name(), m.start, m.end));
        }
        if m.end > text_chars {
            return Some(format!(
                "{} mark {}..{} lies outside the text ({text_chars} characters)",
                m.kind.name(),
                m.start,
                m.end
            ));
        }
    }
    for kind in MarkKind::ALL {
        let mut ranges: Vec<(usize, usize)> =
            marks.iter().filter(|m| m.kind == kind).map(|m| (m.start, m.end)).collect();
        ranges.sort();
        for pair in ranges.windows(2) {
            if pair[1].0 < pair[0].1 {
                return Some(format!(
                    "{} marks {}..{} and {}..{} overlap",
                    kind.name(),
                    pair[0].0,
                    pair[0].1,
                    pair[1].0,
                    pair[1].1
                ));
            }
        }
    }
    None
}

/// Applies `kind` over `start..end` (adds it and merges), or clears every mark there when `kind`
/// is `None` (Verbatim's F12). Returns the canonical result.
pub fn apply_mark(marks: &[Mark], kind: Option<MarkKind>, start: usize, end: usize) -> Vec<Mark> {
    match kind {
        Some(kind) => {
            let mut all = marks.to_vec();
            all.push(Mark::new(kind, start, end));
            normalize_marks(&all)
        }
        None => {
            let mut out = Vec::new();
            for m in marks {
                if m.end <= start || m.start >= end {
                    out.push(*m);
                    continue;
                }
                if m.start < start {
                    out.push(Mark::new(m.kind, m.start, start));
                }
                if m.end > end {
                    out.push(Mark::new(m.kind, end, m.end));
                }
            }
            normalize_marks(&out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkKind::*;

    #[test]
    fn normalize_merges_touching_and_overlapping_marks_of_one_kind() {
        let marks = [Mark::new(Highlight, 5, 9), Mark::new(Underline, 0, 4), Mark::new(Highlight, 0, 5)];
        assert_eq!(normalize_marks(&marks), vec![Mark::new(Underline, 0, 4), Mark::new(Highlight, 0, 9)]);
    }

    #[test]
    fn normalize_drops_empty_marks() {
        assert_eq!(normalize_marks(&[Mark::new(Emphasis, 3, 3)]), vec![]);
    }

    #[test]
    fn check_rejects_out_of_range_reversed_and_same_kind_overlap() {
        assert!(check_marks(&[Mark::new(Underline, 0, 11)], 10).unwrap().contains("outside the text"));
        assert!(check_marks(&[Mark::new(Underline, 4, 2)], 10).unwrap().contains("reversed"));
        let overlap = [Mark::new(Highlight, 0, 5), Mark::new(Highlight, 4, 8)];
        assert!(check_marks(&overlap, 10).unwrap().contains("overlap"));
        let nested_kinds = [Mark::new(Underline, 0, 8), Mark::new(Highlight, 2, 5)];
        assert_eq!(check_marks(&nested_kinds, 10), None);
    }

    #[test]
    fn clearing_splits_marks_around_the_range() {
        let marks = [Mark::new(Underline, 0, 10), Mark::new(Highlight, 2, 4)];
        assert_eq!(
            apply_mark(&marks, None, 3, 6),
            vec![Mark::new(Underline, 0, 3), Mark::new(Underline, 6, 10), Mark::new(Highlight, 2, 3),]
        );
    }
}
