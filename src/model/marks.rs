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

/// A run of text with one combination of marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The run's text.
    pub text: &'a str,
    /// Inside an underline mark.
    pub underline: bool,
    /// Inside a highlight mark (read aloud).
    pub highlight: bool,
    /// Inside an emphasis mark.
    pub emphasis: bool,
}

/// Splits `text` into runs at every mark boundary, in order; the runs concatenate to `text`.
/// Marks past the end of the text are clipped.
pub fn segments<'a>(text: &'a str, marks: &[Mark]) -> Vec<Segment<'a>> {
    let byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let chars = byte_at.len() - 1;
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start.min(chars), m.end.min(chars)]).collect();
    cuts.extend([0, chars]);
    cuts.sort_unstable();
    cuts.dedup();
    // A sweep over the cuts with each kind's count of open marks: n·log n in the marks, where
    // asking every mark at every cut was quadratic.
    let mut events: Vec<(usize, usize, i64)> = marks
        .iter()
        .filter(|m| m.start.min(chars) < m.end.min(chars))
        .flat_map(|m| {
            let k = m.kind as usize;
            [(m.start.min(chars), k, 1), (m.end.min(chars), k, -1)]
        })
        .collect();
    events.sort_unstable();
    let mut open = [0i64; 3];
    let mut next = 0;
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2).filter(|w| w[0] < w[1]) {
        while next < events.len() && events[next].0 <= w[0] {
            open[events[next].1] += events[next].2;
            next += 1;
        }
        out.push(Segment {
            text: &text[byte_at[w[0]]..byte_at[w[1]]],
            underline: open[MarkKind::Underline as usize] > 0,
            highlight: open[MarkKind::Highlight as usize] > 0,
            emphasis: open[MarkKind::Emphasis as usize] > 0,
        });
    }
    out
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
    fn segments_split_at_every_boundary_and_rejoin_to_the_text() {
        let text = "Asia’s hub-and-spoke fails.";
        let marks = [Mark::new(Underline, 0, 20), Mark::new(Highlight, 7, 20), Mark::new(Emphasis, 7, 10)];
        let segs = segments(text, &marks);
        assert_eq!(segs.iter().map(|s| s.text).collect::<String>(), text);
        let flags: Vec<(&str, bool, bool, bool)> =
            segs.iter().map(|s| (s.text, s.underline, s.highlight, s.emphasis)).collect();
        assert_eq!(
            flags,
            vec![
                ("Asia’s ", true, false, false),
                ("hub", true, true, true),
                ("-and-spoke", true, true, false),
                (" fails.", false, false, false),
            ]
        );
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
