//! Plain text: structure by indentation, lines wrapped at [`WIDTH`] characters.
//!
//! A case (or the deck) is a title underlined with `=`, then the resolution and its card count and
//! reading time; sections (blocks) are indented 2, card tags 4, a card's note (`[Note] …`), cite and
//! text 6, analytics are `[Analytic]` paragraphs at 4. With full cards the marks are written inline as
//! `_underlined_`, `==highlighted==` (read aloud) and `*emphasised*`, with a legend on top; a line
//! break inside a paragraph starts a new line.

use crate::model::{Deck, Session};

use super::ExportOptions;
use super::marked::{Markers, marked_paragraphs, render_nested};
use super::outline::{self, CardEntry, Entry, Outline};

/// Lines are wrapped at this many characters (a word longer than the line stays whole).
pub const WIDTH: usize = 100;

const MARKERS: Markers =
    Markers { underline: ("_", "_"), highlight: ("==", "=="), coloured: None, emphasis: ("*", "*") };

/// The cases of `session` as indented plain text.
pub fn session(session: &Session, options: &ExportOptions) -> Vec<u8> {
    render(&outline::session_outline(session, options))
}

/// The blocks and cards of `deck` as indented plain text.
pub fn deck(deck: &Deck, options: &ExportOptions) -> Vec<u8> {
    render(&outline::deck_outline(deck, options))
}

/// Appends `text` wrapped at [`WIDTH`]: the first line starts with `first` (e.g. "[Analytic] "),
/// every line is indented by `indent` spaces; runs of spaces collapse.
fn wrap(out: &mut String, indent: usize, first: &str, text: &str) {
    let pad = " ".repeat(indent);
    let mut line = format!("{pad}{first}");
    let mut empty = true;
    for word in text.split_whitespace() {
        let fits = line.chars().count() + 1 + word.chars().count() <= WIDTH;
        if !empty && !fits {
            out.push_str(line.trim_end());
            out.push('\n');
            line = pad.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn render(outline: &Outline<'_>) -> Vec<u8> {
    let mut out = String::new();
    if outline.full {
        out.push_str("Marks: _underlined_, ==highlighted== (read aloud), *emphasised*\n\n");
    }
    for (i, part) in outline.parts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let title = part.title.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&title);
        out.push('\n');
        out.push_str(&"=".repeat(title.chars().count()));
        out.push('\n');
        for line in &part.intro {
            wrap(&mut out, 0, "", line);
        }
        out.push_str(&part.summary);
        out.push('\n');
        for group in &part.groups {
            out.push('\n');
            wrap(&mut out, 2, "", group.title);
            wrap(&mut out, 2, "", &group.summary);
            for entry in &group.entries {
                out.push('\n');
                match entry {
                    Entry::Card(c) => card(&mut out, c, outline.full),
                    Entry::Analytic(text) => wrap(&mut out, 4, "[Analytic] ", text),
                }
            }
        }
    }
    super::outline::finish(out)
}

/// A card: its tag, its note (`[Note] …`), its cite and, in full, its text.
fn card(out: &mut String, c: &CardEntry<'_>, full: bool) {
    wrap(out, 4, "", &c.card.tag);
    if let Some(note) = c.note() {
        wrap(out, 6, "[Note] ", note);
    }
    wrap(out, 6, "", &c.cite.line());
    if full {
        for paragraph in marked_paragraphs(&c.card.text, &c.card.marks) {
            out.push('\n');
            let marked = render_nested(&paragraph, &MARKERS, str::to_owned);
            // A line break inside the paragraph starts a new line.
            for line in marked.split('\n') {
                wrap(out, 6, "", line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_indents_every_line_and_keeps_lines_short() {
        let mut out = String::new();
        let text = "word ".repeat(60);
        wrap(&mut out, 6, "", &text);
        for line in out.lines() {
            assert!(line.starts_with("      word"), "{line:?}");
            assert!(line.chars().count() <= WIDTH, "{line:?}");
        }
        assert_eq!(out.split_whitespace().count(), 60);
    }
}
