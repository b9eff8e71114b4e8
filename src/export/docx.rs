//! Word (.docx) in Verbatim's styles, so a teammate opens it in Word with Verbatim and keeps working:
//! navigation, send-to-speech and cite formatting find content by these styles.
//!
//! | Casebook | Verbatim |
//! |---|---|
//! | case (session), or the deck | Pocket — `Heading1`, centred, a page each |
//! | the resolution (and a deck's description) under it | a `CasebookIntro` paragraph, centred |
//! | card count and reading time under each Pocket and Block | a small `CasebookSummary` paragraph |
//! | section (session), or block (deck) | Block — `Heading3`, centred, a page each |
//! | card tag | Tag — `Heading4` |
//! | cite | a `Normal` paragraph: "Kim 25" in Cite (`Style13ptBold`), the rest plain |
//! | card text (with full cards) | `Normal` paragraphs: unread text 8 pt, underlined text in `StyleUnderline`, emphasis in `Emphasis`, read-aloud text highlighted cyan |
//! | analytic | an `Analytic` paragraph (bold, ruled at the left, at tag level in the navigation pane) |
//!
//! Only cites and card text are `Normal`. Verbatim readers take the `Normal` paragraphs after a
//! tag's cite for card text, some up to the next tag whatever heading lies between, so every
//! other line has a style of its own: otherwise the resolution under a Pocket would join the card
//! before it, or make a card of an outline's bare tag and cite. Hat (`Heading2`) is defined but
//! left for the debater's own grouping. The package parts and styles are in `docx_package.rs`.

use crate::model::{Deck, Session};

use super::docx_package::package;
use super::escape::{Markup, escape_markup};
use super::outline::{self, Entry, Marks, Outline};
use super::{ExportError, ExportOptions};

/// The cases of `session` as a Verbatim-style .docx.
pub fn session(session: &Session, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    render(&outline::session_outline(session, options))
}

/// The blocks and cards of `deck` as a Verbatim-style .docx.
pub fn deck(deck: &Deck, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    render(&outline::deck_outline(deck, options))
}

/// One run: optional run properties, then the text (spaces preserved).
fn run(rpr: &str, text: &str) -> String {
    let rpr = if rpr.is_empty() { String::new() } else { format!("<w:rPr>{rpr}</w:rPr>") };
    format!("<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>", escape_markup(text, Markup::Xml))
}

/// A run of card text in Verbatim's marking: styles for underline and emphasis, cyan highlight
/// for what is read aloud, 8 pt for text with no mark.
fn marked_run(text: &str, marks: Marks) -> String {
    let mut rpr = String::new();
    if marks.emphasis {
        rpr.push_str("<w:rStyle w:val=\"Emphasis\"/>");
    } else if marks.underline {
        rpr.push_str("<w:rStyle w:val=\"StyleUnderline\"/>");
    }
    if marks.is_plain() {
        rpr.push_str("<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
    }
    if marks.highlight {
        rpr.push_str("<w:highlight w:val=\"cyan\"/>");
    }
    run(&rpr, text)
}

/// A paragraph in `style` (`""` for Normal) holding `runs`.
fn paragraph(style: &str, runs: &str) -> String {
    if style.is_empty() {
        format!("<w:p>{runs}</w:p>")
    } else {
        format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>")
    }
}

fn render(outline: &Outline<'_>) -> Result<Vec<u8>, ExportError> {
    let mut body = String::new();
    for part in &outline.parts {
        body.push_str(&paragraph("Heading1", &run("", part.title)));
        for intro in &part.intro {
            body.push_str(&paragraph("CasebookIntro", &run("", intro)));
        }
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"CasebookSummary\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
            run("", &part.summary)
        ));
        for group in &part.groups {
            body.push_str(&paragraph("Heading3", &run("", group.title)));
            body.push_str(&paragraph("CasebookSummary", &run("", &group.summary)));
            for entry in &group.entries {
                match entry {
                    Entry::Card(c) => {
                        body.push_str(&paragraph("Heading4", &run("", &c.card.tag)));
                        let mut cite = String::new();
                        if !c.cite.short.is_empty() {
                            cite.push_str(&run("<w:rStyle w:val=\"Style13ptBold\"/>", &c.cite.short));
                        }
                        cite.push_str(&run("", &c.cite.rest));
                        body.push_str(&paragraph("", &cite));
                        if outline.full {
                            for p in outline::marked_paragraphs(c.card) {
                                let runs: String =
                                    p.iter().map(|(text, marks)| marked_run(text, *marks)).collect();
                                body.push_str(&paragraph("", &runs));
                            }
                        }
                    }
                    Entry::Analytic(text) => body.push_str(&paragraph("Analytic", &run("", text.trim()))),
                }
            }
        }
    }
    package(outline.title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_carry_verbatim_styles_highlight_and_small_unread_text() {
        let plain = marked_run("a", Marks::default());
        assert!(plain.contains("<w:sz w:val=\"16\"/>"), "{plain}");
        let read = marked_run("b", Marks { underline: true, highlight: true, emphasis: false });
        assert_eq!(
            read,
            "<w:r><w:rPr><w:rStyle w:val=\"StyleUnderline\"/><w:highlight w:val=\"cyan\"/></w:rPr>\
             <w:t xml:space=\"preserve\">b</w:t></w:r>"
        );
        let stressed = marked_run("c & d", Marks { underline: true, highlight: false, emphasis: true });
        assert!(stressed.contains("Emphasis") && stressed.contains("c &amp; d"), "{stressed}");
    }
}
