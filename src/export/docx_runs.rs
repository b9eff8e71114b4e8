//! The runs and paragraphs of the .docx body: text in `w:t`, marks as Verbatim's character
//! styles and Word's highlighter colours.
//!
//! A highlight in one of Word's sixteen highlighter colours is written as Word's highlighter
//! writes it, `<w:highlight w:val="green"/>`; any other colour (a shading, as some debaters
//! "highlight" with) as Word's shading, `<w:shd w:val="clear" w:color="auto" w:fill="RRGGBB"/>`.

use crate::model::HighlightColour;

use super::escape::{Markup, escape_markup};
use super::marked::Marks;

/// One run: optional run properties, then the text (spaces preserved), a line break inside a
/// paragraph (`\n`) as `<w:br/>` and a tab as `<w:tab/>` between the `w:t` pieces around them.
pub(crate) fn run(rpr: &str, text: &str) -> String {
    let rpr = if rpr.is_empty() { String::new() } else { format!("<w:rPr>{rpr}</w:rPr>") };
    let mut content = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\t']) {
        push_text(&mut content, &rest[..at]);
        content.push_str(if rest[at..].starts_with('\n') { "<w:br/>" } else { "<w:tab/>" });
        rest = &rest[at + 1..];
    }
    if !rest.is_empty() || content.is_empty() {
        content.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", escape_markup(rest, Markup::Xml)));
    }
    format!("<w:r>{rpr}{content}</w:r>")
}

/// A `w:t` holding `text`, unless it is empty.
fn push_text(content: &mut String, text: &str) {
    if !text.is_empty() {
        content.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", escape_markup(text, Markup::Xml)));
    }
}

/// The run property that paints `colour` behind text: Word's highlighter for its sixteen
/// colours, a clear shading filled with the colour otherwise.
pub(crate) fn highlight_property(colour: HighlightColour) -> String {
    match colour.word_name() {
        Some(name) => format!("<w:highlight w:val=\"{name}\"/>"),
        None => format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>", colour.hex()),
    }
}

/// How a run of marked text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Setting {
    /// Card text: text with no mark is unread and shrunk to 8 pt, as Verbatim's shrink does.
    CardText,
    /// The debater's own lines (analytics, undertags): every word is theirs, none is shrunk.
    Aside,
}

/// A run of marked text in Verbatim's marking: styles for underline and emphasis, the highlight
/// in its colour, 8 pt for card text with no mark. Run properties follow the schema's order
/// (`w:rStyle`, `w:sz`, `w:szCs`, `w:highlight`, `w:u`, `w:shd`).
pub(crate) fn marked_run(text: &str, marks: Marks, setting: Setting) -> String {
    let mut rpr = String::new();
    if marks.emphasis {
        rpr.push_str("<w:rStyle w:val=\"Emphasis\"/>");
    } else if marks.underline {
        rpr.push_str("<w:rStyle w:val=\"StyleUnderline\"/>");
    }
    if marks.is_plain() && setting == Setting::CardText {
        rpr.push_str("<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
    }
    let paint = if marks.highlight { highlight_property(marks.colour) } else { String::new() };
    let shading = paint.starts_with("<w:shd");
    if !shading {
        rpr.push_str(&paint);
    }
    if marks.emphasis && !marks.underline {
        // Verbatim's Emphasis style underlines; emphasis a file kept without underline says so.
        rpr.push_str("<w:u w:val=\"none\"/>");
    }
    if shading {
        rpr.push_str(&paint);
    }
    run(&rpr, text)
}

/// A paragraph in `style` (`""` for Normal) holding `runs`.
pub(crate) fn paragraph(style: &str, runs: &str) -> String {
    if style.is_empty() {
        format!("<w:p>{runs}</w:p>")
    } else {
        format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_carry_verbatim_styles_highlight_and_small_unread_text() {
        let plain = marked_run("a", Marks::default(), Setting::CardText);
        assert!(plain.contains("<w:sz w:val=\"16\"/>"), "{plain}");
        assert_eq!(marked_run("a", Marks::default(), Setting::Aside), run("", "a"), "an aside is not shrunk");
        let read = marked_run("b", Marks::of(true, true, false), Setting::CardText);
        assert_eq!(
            read,
            "<w:r><w:rPr><w:rStyle w:val=\"StyleUnderline\"/><w:highlight w:val=\"yellow\"/></w:rPr>\
             <w:t xml:space=\"preserve\">b</w:t></w:r>"
        );
        let stressed = marked_run("c & d", Marks::of(true, false, true), Setting::CardText);
        assert!(stressed.contains("Emphasis") && stressed.contains("c &amp; d"), "{stressed}");
    }

    #[test]
    fn line_breaks_and_tabs_are_word_elements_between_text_pieces() {
        assert_eq!(
            run("", "a\nb\tc"),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:br/><w:t xml:space=\"preserve\">b</w:t><w:tab/>\
             <w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
        assert_eq!(run("", "\n\n"), "<w:r><w:br/><w:br/></w:r>");
        assert_eq!(
            run("", ""),
            "<w:r><w:t xml:space=\"preserve\"></w:t></w:r>",
            "an empty run keeps its w:t"
        );
    }

    #[test]
    fn named_colours_use_the_highlighter_and_others_a_shading() {
        assert_eq!(highlight_property(HighlightColour::Green), "<w:highlight w:val=\"green\"/>");
        assert_eq!(highlight_property(HighlightColour::DarkBlue), "<w:highlight w:val=\"darkBlue\"/>");
        assert_eq!(
            highlight_property(HighlightColour::Rgb(0x12, 0xAB, 0xEF)),
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"12ABEF\"/>"
        );
        let shaded = Marks { colour: HighlightColour::Rgb(1, 2, 3), ..Marks::of(false, true, false) };
        assert!(marked_run("x", shaded, Setting::CardText).contains("w:fill=\"010203\""));
    }
}
