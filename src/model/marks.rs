//! Marks: underline, highlight and emphasis over a card's quoted text.
//!
//! Offsets count Unicode scalar values (`char`s) of the card text, end exclusive, so they mean the
//! same thing in every language that reads the card JSON. Marks of one kind never overlap; marks of
//! different kinds may (a highlight normally lies inside an underline).

use serde::{Deserialize, Serialize};

use super::HighlightColour;

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
    /// A highlight's colour (yellow unless said); always yellow for other kinds. Not written
    /// when yellow, so files from before colours keep their bytes.
    #[serde(default, skip_serializing_if = "HighlightColour::is_default")]
    pub colour: HighlightColour,
}

impl Mark {
    /// A mark of `kind` over `start..end` (a highlight in yellow).
    pub fn new(kind: MarkKind, start: usize, end: usize) -> Self {
        Mark { kind, start, end, colour: HighlightColour::default() }
    }

    /// A highlight in `colour` over `start..end`.
    pub fn highlight(colour: HighlightColour, start: usize, end: usize) -> Self {
        Mark { kind: MarkKind::Highlight, start, end, colour }
    }
}

/// Canonical form: empty ranges dropped, colours of underline and emphasis reset to the default,
/// sorted by kind then start, touching or overlapping ranges of one kind (and, for highlights, one
/// colour) merged. Where highlights of two colours overlap, the later one in `marks` keeps the
/// overlap. Saving always writes this form, so equal markings give equal bytes.
pub fn normalize_marks(marks: &[Mark]) -> Vec<Mark> {
    let mut highlights: Vec<Mark> = Vec::new();
    let mut sorted: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks.iter().copied().filter(|m| m.start < m.end) {
        if m.kind == MarkKind::Highlight {
            highlights.push(m);
        } else {
            sorted.push(Mark { colour: HighlightColour::default(), ..m });
        }
    }
    if highlights.windows(2).any(|w| w[0].colour != w[1].colour) {
        sorted.extend(paint_over(&highlights));
    } else {
        sorted.extend(highlights);
    }
    sorted.sort();
    let mut out: Vec<Mark> = Vec::with_capacity(sorted.len());
    for m in sorted {
        match out.last_mut() {
            Some(last) if last.kind == m.kind && last.colour == m.colour && m.start <= last.end => {
                last.end = last.end.max(m.end)
            }
            _ => out.push(m),
        }
    }
    // Touching highlights of two colours stay apart; overlapping ones were painted over above.
    out.sort_by_key(|m| (m.kind, m.start, m.end));
    out
}

/// Highlights of several colours laid down in order, each over what came before: the visible
/// ranges, which do not overlap. Sorts the boundaries once (n log n in the marks).
fn paint_over(highlights: &[Mark]) -> Vec<Mark> {
    let mut cuts: Vec<usize> = highlights.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    // For each elementary range, the last mark covering it: marks in order, each painting its
    // ranges; a union-find "next unpainted" skip keeps this linear after the sort.
    let mut top: Vec<Option<HighlightColour>> = vec![None; cuts.len().saturating_sub(1)];
    let mut next: Vec<usize> = (0..=top.len()).collect();
    fn find(next: &mut [usize], mut i: usize) -> usize {
        while next[i] != i {
            next[i] = next[next[i]];
            i = next[i];
        }
        i
    }
    for m in highlights.iter().rev() {
        let a = cuts.partition_point(|&c| c < m.start);
        let b = cuts.partition_point(|&c| c < m.end);
        let mut i = find(&mut next, a);
        while i < b {
            top[i] = Some(m.colour);
            next[i] = i + 1;
            i = find(&mut next, i + 1);
        }
    }
    top.iter().enumerate().filter_map(|(i, c)| c.map(|c| Mark::highlight(c, cuts[i], cuts[i + 1]))).collect()
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

/// Applies `kind` over `start..end` (adds it and merges; a highlight in yellow, over any other
/// colour there), or clears every mark there when `kind` is `None` (Verbatim's F12). Returns the
/// canonical result.
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
                    out.push(Mark { end: start, ..*m });
                }
                if m.end > end {
                    out.push(Mark { start: end, ..*m });
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
    /// The highlight's colour (yellow when not highlighted).
    pub colour: HighlightColour,
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
    // Ends sort before starts at one position (-1 < 1), so a highlight that starts where another
    // colour ends sets the colour last.
    let mut events: Vec<(usize, usize, i64, HighlightColour)> = marks
        .iter()
        .filter(|m| m.start.min(chars) < m.end.min(chars))
        .flat_map(|m| {
            let k = m.kind as usize;
            [(m.start.min(chars), k, 1, m.colour), (m.end.min(chars), k, -1, m.colour)]
        })
        .collect();
    events.sort_unstable();
    let mut open = [0i64; 3];
    let mut colour = HighlightColour::default();
    let mut next = 0;
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2).filter(|w| w[0] < w[1]) {
        while next < events.len() && events[next].0 <= w[0] {
            let (_, kind, step, c) = events[next];
            open[kind] += step;
            if kind == MarkKind::Highlight as usize && step > 0 {
                colour = c;
            }
            next += 1;
        }
        out.push(Segment {
            text: &text[byte_at[w[0]]..byte_at[w[1]]],
            underline: open[MarkKind::Underline as usize] > 0,
            highlight: open[MarkKind::Highlight as usize] > 0,
            colour: if open[MarkKind::Highlight as usize] > 0 { colour } else { HighlightColour::default() },
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
    fn highlights_of_two_colours_stay_apart_and_a_later_one_paints_over_an_earlier() {
        use HighlightColour::{Green, Yellow};
        let touching = [Mark::highlight(Green, 4, 8), Mark::highlight(Yellow, 0, 4)];
        assert_eq!(
            normalize_marks(&touching),
            vec![Mark::highlight(Yellow, 0, 4), Mark::highlight(Green, 4, 8)]
        );
        let over = [Mark::highlight(Yellow, 0, 10), Mark::highlight(Green, 3, 5)];
        assert_eq!(
            normalize_marks(&over),
            vec![Mark::highlight(Yellow, 0, 3), Mark::highlight(Green, 3, 5), Mark::highlight(Yellow, 5, 10)]
        );
        assert_eq!(check_marks(&normalize_marks(&over), 10), None);
        let segs = segments("abcdefghij", &normalize_marks(&over));
        let colours: Vec<(&str, HighlightColour)> = segs.iter().map(|s| (s.text, s.colour)).collect();
        assert_eq!(colours, vec![("abc", Yellow), ("de", Green), ("fghij", Yellow)]);
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
