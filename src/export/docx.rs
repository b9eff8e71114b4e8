//! Word (.docx) in Verbatim's styles, so a teammate opens it in Word with Verbatim and keeps working:
//! navigation, send-to-speech and cite formatting find content by these styles.
//!
//! | Casebook | Verbatim |
//! |---|---|
//! | case (session), or the deck | Pocket — `Heading1`, centred, a page each |
//! | the resolution (and a deck's description) under it | a `CasebookIntro` paragraph, centred |
//! | card count and reading time under each Pocket and Block | a small `CasebookSummary` paragraph |
//! | a deck's own Pocket and Hat headings, before their block | Pocket — `Heading1`; Hat — `Heading2` |
//! | section (session), or block (deck) | Block — `Heading3`, centred, a page each (none for a block without a title) |
//! | card tag | Tag — `Heading4` |
//! | card note | an `Undertag` paragraph right under the tag, before the cite |
//! | cite | a `Normal` paragraph: "Kim 25" in Cite (`Style13ptBold`), the rest plain; a cite line as written (from a Word file) with its own bold parts in Cite |
//! | card text (with full cards) | `Normal` paragraphs: unread text 8 pt, underlined text in `StyleUnderline`, emphasis in `Emphasis`, read-aloud text highlighted in its colour (Word's highlighter, or a shading for other colours); a line break `<w:br/>`, a tab `<w:tab/>` |
//! | analytic (session), or a deck's analytic aside | an `Analytic` paragraph (bold, ruled at the left, at tag level in the navigation pane) |
//! | a deck's undertag aside | an `Undertag` paragraph |
//! | a deck's loose line among the cards (text aside) | a `CasebookText` paragraph (looks like `Normal`) |
//!
//! A deck with Pocket headings of its own (one read from a Verbatim file) starts with them: the
//! deck's title Pocket, the resolution and the deck's summary line are left out.
//!
//! Only cites and card text are `Normal`. Verbatim readers take the `Normal` paragraphs after a
//! tag's cite for card text, some up to the next tag whatever heading lies between, so every
//! other line has a style of its own: otherwise the resolution under a Pocket would join the card
//! before it, or make a card of an outline's bare tag and cite. The package parts and styles are
//! in `docx_package.rs`; runs and paragraphs in `docx_runs.rs`.

use crate::model::{AsideKind, Deck, HeadingLevel, Session};

use super::docx_package::package;
use super::docx_runs::{Setting, highlight_property, marked_run, paragraph, run};
use super::marked::{marked_line, marked_paragraphs};
use super::outline::{self, AsideEntry, CardEntry, Entry, Outline};
use super::{ExportError, ExportOptions};

/// The cases of `session` as a Verbatim-style .docx.
pub fn session(session: &Session, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    render(&outline::session_outline(session, options))
}

/// The blocks and cards of `deck` as a Verbatim-style .docx.
pub fn deck(deck: &Deck, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    render(&outline::deck_outline(deck, options))
}

fn render(outline: &Outline<'_>) -> Result<Vec<u8>, ExportError> {
    let mut body = String::new();
    for part in &outline.parts {
        // A deck with Pockets of its own starts with them, as the Verbatim file it came from.
        if !outline.pockets {
            body.push_str(&paragraph("Heading1", &run("", part.title)));
            for intro in &part.intro {
                body.push_str(&paragraph("CasebookIntro", &run("", intro)));
            }
            body.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"CasebookSummary\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
                run("", &part.summary)
            ));
        }
        for group in &part.groups {
            for heading in &group.headings {
                let style = match heading.level {
                    HeadingLevel::Pocket => "Heading1",
                    HeadingLevel::Hat => "Heading2",
                };
                body.push_str(&paragraph(style, &run("", &heading.title)));
            }
            if !group.title.is_empty() {
                body.push_str(&paragraph("Heading3", &run("", group.title)));
                body.push_str(&paragraph("CasebookSummary", &run("", &group.summary)));
            }
            for entry in &group.entries {
                match entry {
                    Entry::Card(c) => card(&mut body, c, outline.full),
                    Entry::Aside(a) => aside(&mut body, a),
                }
            }
        }
    }
    package(outline.title, &body)
}

/// An aside in its own paragraph style: `Analytic`, `Undertag`, or `CasebookText` for a loose
/// line (never `Normal`, which a Verbatim reader would take for the card text before it). Its
/// marks are written as on a card, but no word of it is shrunk.
fn aside(body: &mut String, a: &AsideEntry<'_>) {
    if a.is_blank() {
        return;
    }
    let style = match a.kind {
        AsideKind::Analytic => "Analytic",
        AsideKind::Undertag => "Undertag",
        AsideKind::Text => "CasebookText",
    };
    let runs: String = marked_line(a.text, a.marks)
        .iter()
        .map(|(text, marks)| marked_run(text, *marks, Setting::Aside))
        .collect();
    body.push_str(&paragraph(style, &runs));
}

/// The run property of Verbatim's Cite style.
const CITE_STYLE: &str = "<w:rStyle w:val=\"Style13ptBold\"/>";

/// A cite line as written whose words also carry underline, emphasis or highlight (a cite that
/// runs into the card's first words): bold stretches in the Cite style (with a direct underline
/// where they are also underlined), the rest as card text is marked.
fn marked_cite(line: &crate::model::CiteLine) -> String {
    use crate::model::{Mark, MarkKind};
    // Bold ranges cut the text too: as empty marks they add cut points and nothing else.
    let mut cuts = line.marks.clone();
    for &(s, e) in &line.bold {
        cuts.extend([Mark::new(MarkKind::Underline, s, s), Mark::new(MarkKind::Underline, e, e)]);
    }
    let mut at = 0;
    let mut out = String::new();
    for seg in crate::model::marks::segments(&line.text, &cuts) {
        let len = seg.text.chars().count();
        let bold = line.bold.iter().any(|&(s, e)| s <= at && at + len <= e);
        at += len;
        // Run properties in the schema's order: rStyle, highlight, u, shd.
        let style = if bold {
            CITE_STYLE
        } else if seg.emphasis {
            "<w:rStyle w:val=\"Emphasis\"/>"
        } else if seg.underline {
            "<w:rStyle w:val=\"StyleUnderline\"/>"
        } else {
            ""
        };
        let paint = if seg.highlight { highlight_property(seg.colour) } else { String::new() };
        let (named, shading) =
            if paint.starts_with("<w:shd") { ("", paint.as_str()) } else { (paint.as_str(), "") };
        let underline = if bold && seg.underline { "<w:u w:val=\"single\"/>" } else { "" };
        let rpr = format!("{style}{named}{underline}{shading}");
        out.push_str(&run(&rpr, seg.text));
    }
    out
}

/// A card: its Tag, its note (an `Undertag` paragraph right under the tag, before the cite, where
/// Verbatim puts undertags), its cite and, in full, its text.
fn card(body: &mut String, c: &CardEntry<'_>, full: bool) {
    let tag: String = marked_line(&c.card.tag, &c.card.tag_marks)
        .iter()
        .map(|(text, marks)| marked_run(text, *marks, Setting::Aside))
        .collect();
    body.push_str(&paragraph("Heading4", &tag));
    if let Some(note) = c.note() {
        body.push_str(&paragraph("Undertag", &run("", note)));
    }
    if let Some(answers) = &c.answers {
        body.push_str(&paragraph("Undertag", &run("", answers)));
    }
    let cite: String = match &c.card.cite_line {
        Some(line) if !line.marks.is_empty() => marked_cite(line),
        _ => c.cite.0.iter().map(|(text, bold)| run(if *bold { CITE_STYLE } else { "" }, text)).collect(),
    };
    if !cite.is_empty() {
        body.push_str(&paragraph("", &cite));
    }
    if full {
        for p in marked_paragraphs(&c.card.text, &c.card.marks) {
            let runs: String =
                p.iter().map(|(text, marks)| marked_run(text, *marks, Setting::CardText)).collect();
            body.push_str(&paragraph("", &runs));
        }
    }
}
