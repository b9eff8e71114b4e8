//! HTML: one self-contained, printable page (no scripts, no external files) styled like a
//! Verbatim file.
//!
//! `h1` boxed and centred like a Pocket (a new printed page each); a deck's own Pocket and Hat
//! headings (`pocket-title`, `hat-title`), then a Block (`block-title`) and a bold 13 pt Tag
//! (`tag`), each one level deeper than the one above it ([`Outline::depth`]: `h2` and `h3` for a
//! session). Under a tag, a card's note in italics, then the cite with "Kim 25" (or a cite line's
//! own bold parts) in bold 13 pt. Card text is small (8 pt) where unread; `<u>` text is 11 pt
//! underlined, `<mark>` is highlight (read aloud): yellow, or its own colour as an inline
//! `style="background:#RRGGBB"`; `<strong>` is bold underlined emphasis. A line break inside a
//! paragraph is a `<br/>`. Analytics are boxed paragraphs apart from cards, a deck's undertags
//! are notes like a card's, and its loose lines plain paragraphs (`aside`). The markup is
//! well-formed XML as well as valid HTML, so strict parsers read it too. Control characters are
//! dropped, as in the .docx (a form feed would break the printed page mid-paragraph).

use crate::model::{AsideKind, Deck, HeadingLevel, Session};

use super::ExportOptions;
use super::escape::{Markup, escape_markup};
use super::marked::{Markers, coloured_mark, marked_line, marked_paragraphs, render_nested};
use super::outline::{self, AsideEntry, CardEntry, Entry, Outline, Rank};

const MARKERS: Markers = Markers {
    underline: ("<u>", "</u>"),
    highlight: ("<mark>", "</mark>"),
    coloured: Some(coloured_mark),
    emphasis: ("<strong>", "</strong>"),
};

const STYLE: &str = "\
body { font-family: Calibri, Carlito, 'Segoe UI', Arial, sans-serif; font-size: 11pt; \
line-height: 1.3; max-width: 50em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { font-size: 20pt; text-align: center; border: 1.5pt solid #000; padding: 0.2em; margin: 1.5em 0 0.5em; }
.pocket-title { font-size: 18pt; text-align: center; border-bottom: 1.5pt solid #000; margin: 1.5em 0 0.4em; }
.hat-title { font-size: 16pt; text-align: center; text-decoration: underline double; margin: 1.4em 0 0.3em; }
.block-title { font-size: 16pt; text-decoration: underline; margin: 1.4em 0 0.3em; }
.tag { font-size: 13pt; margin: 1.1em 0 0.1em; }
.intro { text-align: center; margin: 0.2em 0; }
.summary { color: #444; font-size: 9pt; font-style: italic; margin: 0.2em 0 0.6em; }
h1 + .intro, .intro + .summary { text-align: center; }
.note, .undertag { font-style: italic; margin: 0.1em 0; }
.note .label, .undertag .label { font-style: normal; }
.aside { margin: 0.6em 0; }
.cite { margin: 0.1em 0 0.4em; }
.cite b { font-size: 13pt; }
.text p { font-size: 8pt; margin: 0 0 0.5em; }
.text u { font-size: 11pt; }
mark { background: #ffff00; color: inherit; }
.text strong { font-size: 11pt; text-decoration: underline; }
.analytic { font-weight: bold; border-left: 3pt solid #000; padding: 0.1em 0 0.1em 0.6em; margin: 0.9em 0; }
.analytic .label { font-weight: normal; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .pocket + .pocket { break-before: page; }
  h2, h3, h4, h5 { break-after: avoid; }
  mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
";

/// The cases of `session` as one HTML page.
pub fn session(session: &Session, options: &ExportOptions) -> Vec<u8> {
    render(&outline::session_outline(session, options))
}

/// The blocks and cards of `deck` as one HTML page.
pub fn deck(deck: &Deck, options: &ExportOptions) -> Vec<u8> {
    render(&outline::deck_outline(deck, options))
}

/// Escapes `& < > " '` for HTML text and attribute values and drops control characters
/// ([`escape_markup`] for HTML).
pub fn escape(text: &str) -> String {
    escape_markup(text, Markup::Html)
}

/// [`escape`], and a line break inside a paragraph as `<br/>`.
fn escape_with_breaks(text: &str) -> String {
    escape(text).replace('\n', "<br/>")
}

fn line(out: &mut String, indent: usize, html: &str) {
    out.push_str(&"  ".repeat(indent));
    out.push_str(html);
    out.push('\n');
}

fn render(outline: &Outline<'_>) -> Vec<u8> {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"Casebook\"/>\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(outline.title)
    ));
    for part in &outline.parts {
        line(&mut out, 0, "<section class=\"pocket\">");
        line(&mut out, 1, &format!("<h1>{}</h1>", escape(part.title)));
        for intro in &part.intro {
            line(&mut out, 1, &format!("<p class=\"intro\">{}</p>", escape(intro)));
        }
        line(&mut out, 1, &format!("<p class=\"summary\">{}</p>", escape(&part.summary)));
        for group in &part.groups {
            for heading in &group.headings {
                let (n, class) = match heading.level {
                    HeadingLevel::Pocket => (outline.depth(Rank::Pocket), "pocket-title"),
                    HeadingLevel::Hat => (outline.depth(Rank::Hat), "hat-title"),
                };
                line(&mut out, 1, &format!("<h{n} class=\"{class}\">{}</h{n}>", escape(&heading.title)));
            }
            line(&mut out, 1, "<section class=\"block\">");
            if !group.title.is_empty() {
                let n = outline.depth(Rank::Block);
                line(&mut out, 2, &format!("<h{n} class=\"block-title\">{}</h{n}>", escape(group.title)));
                line(&mut out, 2, &format!("<p class=\"summary\">{}</p>", escape(&group.summary)));
            }
            for entry in &group.entries {
                match entry {
                    Entry::Card(c) => card(&mut out, c, outline),
                    Entry::Aside(a) => aside(&mut out, a),
                }
            }
            line(&mut out, 1, "</section>");
        }
        line(&mut out, 0, "</section>");
    }
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

/// An aside: an analytic (boxed, like a session's), an undertag ("Note:", like a card's note)
/// or a loose line, with its marks.
fn aside(out: &mut String, a: &AsideEntry<'_>) {
    if a.is_blank() {
        return;
    }
    let body = render_nested(&marked_line(a.text, a.marks), &MARKERS, escape_with_breaks);
    let html = match a.kind {
        AsideKind::Analytic => {
            format!("<p class=\"analytic\"><span class=\"label\">Analytic:</span> {body}</p>")
        }
        AsideKind::Undertag => format!("<p class=\"undertag\"><span class=\"label\">Note:</span> {body}</p>"),
        AsideKind::Text => format!("<p class=\"aside\">{body}</p>"),
    };
    line(out, 2, &html);
}

/// A card: its tag, its note, its cite (bold parts in `<b>`) and, in full, its text.
fn card(out: &mut String, c: &CardEntry<'_>, outline: &Outline<'_>) {
    line(out, 2, &format!("<div class=\"card\" data-card=\"{}\">", escape(&c.card.id)));
    let n = outline.depth(Rank::Tag);
    line(out, 3, &format!("<h{n} class=\"tag\">{}</h{n}>", escape(&c.card.tag)));
    if let Some(note) = c.note() {
        line(out, 3, &format!("<p class=\"note\"><span class=\"label\">Note:</span> {}</p>", escape(note)));
    }
    if let Some(answers) = &c.answers {
        line(out, 3, &format!("<p class=\"answers\">{}</p>", escape(answers)));
    }
    let cite: String = c
        .cite
        .0
        .iter()
        .map(|(text, bold)| if *bold { format!("<b>{}</b>", escape(text)) } else { escape(text) })
        .collect();
    line(out, 3, &format!("<p class=\"cite\">{cite}</p>"));
    if outline.full {
        line(out, 3, "<div class=\"text\">");
        for paragraph in marked_paragraphs(&c.card.text, &c.card.marks) {
            let body = render_nested(&paragraph, &MARKERS, escape_with_breaks);
            line(out, 4, &format!("<p>{body}</p>"));
        }
        line(out, 3, "</div>");
    }
    line(out, 2, "</div>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_special_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }
}
