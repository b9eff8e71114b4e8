//! Markdown (CommonMark): `#` case or deck; a deck's own Pocket and Hat headings, then `##`
//! section or block and `###` card tag, each one level deeper when the deck has Pockets or Hats
//! ([`Outline::depth`]); a card's note as a `> *Note:* …` quote, the cite with "Kim 25" (or a
//! cite line's own bold parts) in bold, analytics as `> **Analytic:** …` quotes, a deck's
//! undertags as `> *Note:* …` and its loose lines as `> …`.
//!
//! With full cards the marks stay readable both raw and rendered: `<u>underlined</u>`,
//! `<mark>highlighted</mark>` (read aloud; a colour other than yellow as
//! `<mark style="background:#00FF00">`) and `<strong>emphasised</strong>`, nested underline
//! outermost; a line break inside a paragraph is an inline `<br>`. Text is escaped only where
//! Markdown would otherwise read it as syntax, so tags and cites stay legible in the raw file.

use crate::model::{AsideKind, Deck, Session};

use super::ExportOptions;
use super::marked::{Markers, coloured_mark, marked_paragraphs, render_nested, trimmed};
use super::outline::{self, AsideEntry, CardEntry, Entry, Outline, Rank};

const MARKERS: Markers = Markers {
    underline: ("<u>", "</u>"),
    highlight: ("<mark>", "</mark>"),
    coloured: Some(coloured_mark),
    emphasis: ("<strong>", "</strong>"),
};

/// The cases of `session` as Markdown.
pub fn session(session: &Session, options: &ExportOptions) -> Vec<u8> {
    render(&outline::session_outline(session, options))
}

/// The blocks and cards of `deck` as Markdown.
pub fn deck(deck: &Deck, options: &ExportOptions) -> Vec<u8> {
    render(&outline::deck_outline(deck, options))
}

/// Backslash-escapes what CommonMark (and GitHub's strikethrough) would read as syntax inside a
/// line: `\ ` * # ~ <`, `_` not between letters, `]` before `( [ :`, `&` that could start an entity.
/// Line breaks become spaces.
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let needs = match c {
            '\\' | '`' | '*' | '#' | '~' | '<' => true,
            '_' => !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            ']' => matches!(next, Some('(' | '[' | ':')),
            '&' => next.is_some_and(|n| n.is_alphanumeric() || n == '#'),
            _ => false,
        };
        if needs {
            out.push('\\');
        }
        // Everything written here is one line: a line break would end a heading or a paragraph.
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

/// [`escape`], and a line break inside a paragraph as an inline `<br>`, so the paragraph stays
/// one line of the file.
fn escape_with_breaks(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("<br>")
}

/// Escapes what would start a block (quote, list, heading underline) at the start of a line.
fn guard_line_start(line: String) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after_digits = line[digits..].chars().next();
    if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    if line.starts_with(['>', '-', '+', '=']) { format!("\\{line}") } else { line }
}

/// The non-empty paragraphs of `text` (split at blank lines), trimmed.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Writes one paragraph (a line of its own, then a blank line).
fn para(out: &mut String, line: String) {
    out.push_str(&guard_line_start(line));
    out.push_str("\n\n");
}

fn render(outline: &Outline<'_>) -> Vec<u8> {
    let mut out = String::new();
    for part in &outline.parts {
        out.push_str(&format!("# {}\n\n", escape(part.title)));
        for line in &part.intro {
            for p in paragraphs(line) {
                para(&mut out, escape(p));
            }
        }
        para(&mut out, format!("*{}*", escape(&part.summary)));
        for group in &part.groups {
            for heading in &group.headings {
                let depth = outline.depth(Outline::rank_of(heading));
                out.push_str(&format!("{} {}\n\n", "#".repeat(depth), escape(&heading.title)));
            }
            if !group.title.is_empty() {
                let depth = outline.depth(Rank::Block);
                out.push_str(&format!("{} {}\n\n", "#".repeat(depth), escape(group.title)));
                para(&mut out, format!("*{}*", escape(&group.summary)));
            }
            for entry in &group.entries {
                match entry {
                    Entry::Card(c) => card(&mut out, c, outline),
                    Entry::Aside(a) => aside(&mut out, a),
                }
            }
        }
    }
    super::outline::finish(out)
}

/// An aside as a quote: `> **Analytic:** …`, `> *Note:* …` (an undertag, like a card's note) or
/// `> …` (a loose line), with its marks; its paragraphs are paragraphs of the quote.
fn aside(out: &mut String, a: &AsideEntry<'_>) {
    if a.is_blank() {
        return;
    }
    let label = match a.kind {
        AsideKind::Analytic => "**Analytic:** ",
        AsideKind::Undertag => "*Note:* ",
        AsideKind::Text => "",
    };
    let quoted: Vec<String> = marked_paragraphs(a.text, a.marks)
        .into_iter()
        .map(|p| render_nested(&trimmed(p), &MARKERS, escape_with_breaks))
        .collect();
    out.push_str(&format!("> {label}{}\n\n", quoted.join("\n>\n> ")));
}

/// A card: its tag, its note (a quote), its cite (bold parts in `**`) and, in full, its text.
fn card(out: &mut String, c: &CardEntry<'_>, outline: &Outline<'_>) {
    out.push_str(&format!("{} {}\n\n", "#".repeat(outline.depth(Rank::Tag)), escape(&c.card.tag)));
    if let Some(note) = c.note() {
        let quoted: Vec<String> = paragraphs(note).map(escape).collect();
        out.push_str(&format!("> *Note:* {}\n\n", quoted.join("\n>\n> ")));
    }
    if let Some(answers) = &c.answers {
        out.push_str(&format!("*{}*\n\n", escape(answers)));
    }
    para(out, c.cite.0.iter().map(|(text, bold)| cite_piece(text, *bold)).collect());
    if outline.full {
        for paragraph in marked_paragraphs(&c.card.text, &c.card.marks) {
            para(out, render_nested(&paragraph, &MARKERS, escape_with_breaks));
        }
    }
}

/// One piece of a cite, escaped; a bold one in `**`, with the spaces around it left outside
/// (CommonMark does not close `**` after a space).
fn cite_piece(text: &str, bold: bool) -> String {
    let core = text.trim();
    if !bold || core.is_empty() {
        return escape(text);
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{}**{}**{}", escape(lead), escape(core), escape(trail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_ordinary_prose_and_cites_alone() {
        let cite = "[Ju Hyung Kim, President], \"Title,\" China Factor, https://a.b/snake_case_url";
        assert_eq!(escape(cite), cite);
        assert_eq!(escape("US-Japan 'ties' (2025)"), "US-Japan 'ties' (2025)");
    }

    #[test]
    fn escape_guards_markdown_syntax() {
        assert_eq!(
            escape("a *b* _c_ <d> #1 ~x~ `e` \\"),
            "a \\*b\\* \\_c\\_ \\<d> \\#1 \\~x\\~ \\`e\\` \\\\"
        );
        assert_eq!(escape("[x](y) &amp;"), "[x\\](y) \\&amp;");
        assert_eq!(guard_line_start("1. Not a list".into()), "1\\. Not a list");
        assert_eq!(guard_line_start("> not a quote".into()), "\\> not a quote");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(cite_piece(" Kim 25 ", true), " **Kim 25** ");
        assert_eq!(cite_piece(" (x)", false), " (x)");
    }
}
