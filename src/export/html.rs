//! HTML: one self-contained, printable page (no scripts, no external files) styled like a
//! Verbatim file.
//!
//! `h1` boxed and centred like a Pocket (a new printed page each), `h2` a Block, `h3` a bold 13 pt
//! Tag, a card's note in italics under it, the cite with "Kim 25" (or a cite line's own bold
//! parts) in bold 13 pt. Card text is small (8 pt) where unread; `<u>` text is
//! 11 pt underlined, `<mark>` is highlight (read aloud): yellow, or its own colour as an inline
//! `style="background:#RRGGBB"`; `<strong>` is bold underlined emphasis.
//! A line break inside a paragraph of card text is a `<br/>`. Analytics are boxed paragraphs apart
//! from cards. The markup is well-formed XML as well as valid HTML, so strict parsers read it too.
//! Control characters are dropped, as in the .docx (a form feed would break the printed page
//! mid-paragraph).

use crate::model::{Deck, Session};

use super::ExportOptions;
use super::escape::{Markup, escape_markup};
use super::marked::{Markers, coloured_mark, marked_paragraphs, render_nested};
use super::outline::{self, CardEntry, Entry, Outline};

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
h2 { font-size: 16pt; text-decoration: underline; margin: 1.4em 0 0.3em; }
h3 { font-size: 13pt; margin: 1.1em 0 0.1em; }
.intro { text-align: center; margin: 0.2em 0; }
.summary { color: #444; font-size: 9pt; font-style: italic; margin: 0.2em 0 0.6em; }
h1 + .intro, .intro + .summary { text-align: center; }
.note { font-style: italic; margin: 0.1em 0; }
.note .label { font-style: normal; }
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
  h2, h3 { break-after: avoid; }
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
            line(&mut out, 1, "<section class=\"block\">");
            line(&mut out, 2, &format!("<h2>{}</h2>", escape(group.title)));
            line(&mut out, 2, &format!("<p class=\"summary\">{}</p>", escape(&group.summary)));
            for entry in &group.entries {
                match entry {
                    Entry::Card(c) => card(&mut out, c, outline.full),
                    Entry::Analytic(text) => line(
                        &mut out,
                        2,
                        &format!(
                            "<p class=\"analytic\"><span class=\"label\">Analytic:</span> {}</p>",
                            escape(text.trim())
                        ),
                    ),
                }
            }
            line(&mut out, 1, "</section>");
        }
        line(&mut out, 0, "</section>");
    }
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

/// A card: its tag, its note, its cite (bold parts in `<b>`) and, in full, its text.
fn card(out: &mut String, c: &CardEntry<'_>, full: bool) {
    line(out, 2, &format!("<div class=\"card\" data-card=\"{}\">", escape(&c.card.id)));
    line(out, 3, &format!("<h3 class=\"tag\">{}</h3>", escape(&c.card.tag)));
    if let Some(note) = c.note() {
        line(out, 3, &format!("<p class=\"note\"><span class=\"label\">Note:</span> {}</p>", escape(note)));
    }
    let cite: String = c
        .cite
        .0
        .iter()
        .map(|(text, bold)| if *bold { format!("<b>{}</b>", escape(text)) } else { escape(text) })
        .collect();
    line(out, 3, &format!("<p class=\"cite\">{cite}</p>"));
    if full {
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
