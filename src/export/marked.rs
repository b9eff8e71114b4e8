//! Marked text for the exporters: a card's (or an aside's) text cut into stretches of equal marks,
//! split into paragraphs, and written with nested inline markers. The mark splitting is written
//! once here so every format agrees on what is underlined, highlighted (in which colour) and
//! emphasised.
//!
//! Inside a paragraph a single line break (`\n`) and a tab (`\t`) are kept in the stretches'
//! text, as Word import produces them: each format writes them its own way (the .docx as
//! `<w:br/>` and `<w:tab/>`).

use crate::model::{HighlightColour, Mark};

/// The marks over one stretch of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Marks {
    /// Underlined: what matters.
    pub underline: bool,
    /// Highlighted: read aloud.
    pub highlight: bool,
    /// The highlight's colour; always the default (yellow) when not highlighted.
    pub colour: HighlightColour,
    /// Emphasised: stressed.
    pub emphasis: bool,
}

impl Marks {
    /// Whether the stretch carries no mark at all (unread, shown small in card text).
    pub fn is_plain(self) -> bool {
        self == Marks::default()
    }

    /// Underlined, emphasised and highlighted in the default colour: for tests and examples.
    pub fn of(underline: bool, highlight: bool, emphasis: bool) -> Marks {
        Marks { underline, highlight, colour: HighlightColour::default(), emphasis }
    }
}

/// A stretch of text and its marks.
pub type Segment = (String, Marks);

/// `text` cut wherever a mark starts or ends: each stretch with the marks over it, in order,
/// adjacent stretches with equal marks (colour included) merged. Concatenated, the texts give
/// `text`.
pub fn marked_segments(text: &str, marks: &[Mark]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for seg in crate::model::marks::segments(text, marks) {
        let marks = Marks {
            underline: seg.underline,
            highlight: seg.highlight,
            colour: seg.colour,
            emphasis: seg.emphasis,
        };
        match out.last_mut() {
            Some((last, last_marks)) if *last_marks == marks => last.push_str(seg.text),
            _ => out.push((seg.text.to_owned(), marks)),
        }
    }
    out
}

/// `text` as paragraphs (split at blank lines) of marked segments. A lone line break or a tab
/// inside a paragraph stays in the text; empty stretches and blank paragraphs are dropped.
pub fn marked_paragraphs(text: &str, marks: &[Mark]) -> Vec<Vec<Segment>> {
    let mut paragraphs: Vec<Vec<Segment>> = vec![Vec::new()];
    for (text, marks) in marked_segments(text, marks) {
        for (i, piece) in text.split("\n\n").enumerate() {
            if i > 0 {
                paragraphs.push(Vec::new());
            }
            if let Some(current) = paragraphs.last_mut()
                && !piece.is_empty()
            {
                current.push((piece.to_owned(), marks));
            }
        }
    }
    paragraphs.retain(|p| p.iter().any(|(t, _)| !t.trim().is_empty()));
    paragraphs
}

/// `text` as one line of marked segments, blank lines kept as line breaks and the whole trimmed:
/// an aside (analytic, undertag, loose text), written as one paragraph.
pub fn marked_line(text: &str, marks: &[Mark]) -> Vec<Segment> {
    trimmed(marked_segments(text, marks))
}

/// `segments` with the white space at their start and end cut (and stretches left empty dropped).
pub fn trimmed(mut segments: Vec<Segment>) -> Vec<Segment> {
    if let Some((first, _)) = segments.first_mut() {
        *first = first.trim_start().to_owned();
    }
    if let Some((last, _)) = segments.last_mut() {
        *last = last.trim_end().to_owned();
    }
    segments.retain(|(t, _)| !t.is_empty());
    segments
}

/// Opening and closing markers for each mark, for the formats that write marks inline.
#[derive(Clone, Copy, Debug)]
pub struct Markers {
    /// Around underlined text.
    pub underline: (&'static str, &'static str),
    /// Around highlighted text in the default colour (yellow), and any colour when `coloured` is
    /// `None`.
    pub highlight: (&'static str, &'static str),
    /// The opening marker of a highlight in another colour (its closing marker is
    /// `highlight.1`); `None` where the format draws no colours (highlights of two colours that
    /// touch then read as one).
    pub coloured: Option<fn(HighlightColour) -> String>,
    /// Around emphasised text.
    pub emphasis: (&'static str, &'static str),
}

/// The opening `<mark>` of a highlight in a colour other than the default, for HTML and
/// Markdown: `<mark style="background:#00FF00">` (the default colour is a plain `<mark>`).
pub fn coloured_mark(colour: HighlightColour) -> String {
    format!("<mark style=\"background:#{}\">", colour.hex())
}

/// Writes a paragraph's segments with properly nested markers (underline outermost, then
/// highlight, then emphasis), opening and closing only where a mark starts or ends (or, where
/// colours are drawn, a highlight changes colour).
pub fn render_nested(paragraph: &[Segment], markers: &Markers, escape: impl Fn(&str) -> String) -> String {
    // Each level's state: off, or on with a key (the highlight's colour where colours are drawn).
    type Level = Option<Option<HighlightColour>>;
    let colour_key = |m: Marks| markers.coloured.and(Some(m.colour));
    let wanted = |m: Marks| -> [Level; 3] {
        [m.underline.then_some(None), m.highlight.then(|| colour_key(m)), m.emphasis.then_some(None)]
    };
    let opening = |level: usize, state: Level| -> String {
        match (level, state, markers.coloured) {
            (0, _, _) => markers.underline.0.to_owned(),
            (1, Some(Some(c)), Some(draw)) if !c.is_default() => draw(c),
            (1, _, _) => markers.highlight.0.to_owned(),
            _ => markers.emphasis.0.to_owned(),
        }
    };
    let closing = [markers.underline.1, markers.highlight.1, markers.emphasis.1];
    let mut open: [Level; 3] = [None; 3];
    let mut out = String::new();
    let close_from = |out: &mut String, open: &mut [Level; 3], level: usize| {
        for l in (level..3).rev() {
            if open[l].take().is_some() {
                out.push_str(closing[l]);
            }
        }
    };
    for (text, marks) in paragraph {
        let want = wanted(*marks);
        if let Some(first_change) = (0..3).find(|&l| open[l] != want[l]) {
            close_from(&mut out, &mut open, first_change);
            for l in first_change..3 {
                if want[l].is_some() {
                    out.push_str(&opening(l, want[l]));
                    open[l] = want[l];
                }
            }
        }
        out.push_str(&escape(text));
    }
    close_from(&mut out, &mut open, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MarkKind;
    use crate::model::card::sample_card;

    #[test]
    fn segments_cover_the_text_and_carry_nested_marks() {
        let mut card = sample_card("c");
        card.marks.push(Mark::new(MarkKind::Emphasis, 10, 20));
        let segments = marked_segments(&card.text, &card.marks);
        let joined: String = segments.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, card.text);
        assert_eq!(segments[0], ("But ".to_owned(), Marks::default()));
        assert_eq!(segments[2], ("structures".to_owned(), Marks::of(true, true, true)));
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_keep_breaks_and_tabs() {
        let card = sample_card("c");
        let paragraphs = marked_paragraphs(&card.text, &card.marks);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[1], vec![("Asia lacks a codified arrangement.".to_owned(), Marks::default())]);
        let kept = marked_paragraphs("one\ntwo\tthree\n\nfour", &[]);
        assert_eq!(kept[0], vec![("one\ntwo\tthree".to_owned(), Marks::default())]);
    }

    #[test]
    fn a_line_is_trimmed_at_both_ends_only() {
        let marks = [Mark::new(MarkKind::Highlight, 0, 4)];
        let line = marked_line("  ab cd  ", &marks);
        assert_eq!(
            line,
            vec![("ab".to_owned(), Marks::of(false, true, false)), (" cd".to_owned(), Marks::default())]
        );
    }

    #[test]
    fn nested_markers_open_and_close_only_where_marks_change() {
        let m = Marks::of;
        let segments = vec![
            ("a ".to_owned(), m(false, false, false)),
            ("b ".to_owned(), m(true, false, false)),
            ("c".to_owned(), m(true, true, false)),
            (" d".to_owned(), m(true, false, true)),
            (" e".to_owned(), m(false, true, false)),
        ];
        let markers = Markers {
            underline: ("<u>", "</u>"),
            highlight: ("<m>", "</m>"),
            coloured: None,
            emphasis: ("<e>", "</e>"),
        };
        assert_eq!(
            render_nested(&segments, &markers, str::to_owned),
            "a <u>b <m>c</m><e> d</e></u><m> e</m>"
        );
    }

    #[test]
    fn a_change_of_colour_reopens_the_highlight_where_colours_are_drawn() {
        let green = Marks { colour: HighlightColour::Green, ..Marks::of(true, true, false) };
        let segments = vec![("a".to_owned(), Marks::of(true, true, false)), ("b".to_owned(), green)];
        let plain = Markers {
            underline: ("<u>", "</u>"),
            highlight: ("<m>", "</m>"),
            coloured: None,
            emphasis: ("<e>", "</e>"),
        };
        assert_eq!(render_nested(&segments, &plain, str::to_owned), "<u><m>ab</m></u>");
        let drawn = Markers { coloured: Some(|c| format!("<m {}>", c.name())), ..plain };
        assert_eq!(render_nested(&segments, &drawn, str::to_owned), "<u><m>a</m><m green>b</m></u>");
    }
}
