//! Plain text: structure by indentation, lines wrapped at [`WIDTH`] characters.
//!
//! A case (or the deck) is a title underlined with `=`, then the resolution and its card count and
//! reading time; sections (blocks) are indented 2, card tags 4, a card's note (`[Note] …`), cite
//! and text 6, analytics are `[Analytic]` paragraphs at 4. A deck's own Pocket and Hat headings
//! push what is under them two spaces further each ([`Outline::depth`]); its undertags are
//! `[Note]` and its loose lines `»` paragraphs at the tags' indentation. With full cards the marks
//! are written inline as `_underlined_`, `==highlighted==` (read aloud, any colour) and
//! `*emphasised*`, with a legend on top; a line break inside a paragraph starts a new line.

use crate::model::{AsideKind, Deck, Session};

use super::ExportOptions;
use super::marked::{Markers, marked_line, marked_paragraphs, render_nested};
use super::outline::{self, AsideEntry, CardEntry, Entry, Outline, Rank};

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
        // Each heading depth indents two more spaces; a card's cite and text two more than its tag.
        let indent = |rank: Rank| 2 * (outline.depth(rank) - 1);
        for group in &part.groups {
            for heading in &group.headings {
                out.push('\n');
                wrap(&mut out, indent(Outline::rank_of(heading)), "", &heading.title);
            }
            if !group.title.is_empty() {
                out.push('\n');
                wrap(&mut out, indent(Rank::Block), "", group.title);
                wrap(&mut out, indent(Rank::Block), "", &group.summary);
            }
            for entry in &group.entries {
                match entry {
                    Entry::Card(c) => {
                        out.push('\n');
                        card(&mut out, c, indent(Rank::Tag), outline.full);
                    }
                    Entry::Aside(a) if !a.is_blank() => {
                        out.push('\n');
                        aside(&mut out, a, indent(Rank::Tag));
                    }
                    Entry::Aside(_) => {}
                }
            }
        }
    }
    super::outline::finish(out)
}

/// An aside at the tags' indentation, with its marks: `[Analytic] …`, `[Note] …` (an undertag,
/// like a card's note) or `» …` (a loose line).
fn aside(out: &mut String, a: &AsideEntry<'_>, indent: usize) {
    let label = match a.kind {
        AsideKind::Analytic => "[Analytic] ",
        AsideKind::Undertag => "[Note] ",
        AsideKind::Text => "» ",
    };
    wrap(out, indent, label, &render_nested(&marked_line(a.text, a.marks), &MARKERS, str::to_owned));
}

/// A card at `indent`: its tag, then two spaces in its note (`[Note] …`), its cite and, in full,
/// its text.
fn card(out: &mut String, c: &CardEntry<'_>, indent: usize, full: bool) {
    wrap(out, indent, "", &c.card.tag);
    let indent = indent + 2;
    if let Some(note) = c.note() {
        wrap(out, indent, "[Note] ", note);
    }
    if let Some(answers) = &c.answers {
        wrap(out, indent, "", answers);
    }
    wrap(out, indent, "", &c.cite.line());
    if full {
        for paragraph in marked_paragraphs(&c.card.text, &c.card.marks) {
            out.push('\n');
            let marked = render_nested(&paragraph, &MARKERS, str::to_owned);
            // A line break inside the paragraph starts a new line.
            for line in marked.split('\n') {
                wrap(out, indent, "", line);
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
