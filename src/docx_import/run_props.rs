//! Run properties as written: what a run's `w:rPr` (or a character style's) says about
//! underline, bold and highlight, before any style is resolved.

use quick_xml::events::BytesStart;

use super::types::HighlightColor;
use super::xml::{attr, toggle};

/// The formatting of one run, or of one character style, as written (unset = inherit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RunProps {
    /// `w:rStyle`: the character style id (direct run properties only).
    pub style: Option<String>,
    /// `w:b`.
    pub bold: Option<bool>,
    /// `w:u`: `Some(false)` for `w:val="none"`.
    pub underline: Option<bool>,
    /// `w:highlight` or `w:shd`: `Some(None)` when explicitly none, auto or white.
    pub highlight: Option<Option<HighlightColor>>,
}

impl RunProps {
    /// Applies one child element of a `w:rPr` (by local name); others are ignored.
    pub(crate) fn apply(&mut self, local: &[u8], e: &BytesStart<'_>) {
        match local {
            b"rStyle" => self.style = attr(e, b"val"),
            b"b" => self.bold = Some(toggle(e)),
            b"u" => {
                let on = !matches!(attr(e, b"val").as_deref(), Some("none" | "0" | "false"));
                self.underline = Some(on);
            }
            b"highlight" => {
                let colour = attr(e, b"val").filter(|v| !v.eq_ignore_ascii_case("none"));
                self.highlight = Some(colour.map(HighlightColor::Named));
            }
            // A highlight, when set, wins over shading in Word's display; keep the first seen
            // unless the shading is the only colour.
            b"shd" => {
                let shading = shading_colour(e);
                match &self.highlight {
                    Some(Some(HighlightColor::Named(_))) => {}
                    _ => self.highlight = Some(shading.map(HighlightColor::Shading)),
                }
            }
            _ => {}
        }
    }

    /// `self` with unset fields taken from `parent` (style inheritance).
    pub(crate) fn over(&self, parent: &RunProps) -> RunProps {
        RunProps {
            style: self.style.clone().or_else(|| parent.style.clone()),
            bold: self.bold.or(parent.bold),
            underline: self.underline.or(parent.underline),
            highlight: self.highlight.clone().or_else(|| parent.highlight.clone()),
        }
    }
}

/// The visible background colour of a `w:shd`: its fill, or its pattern colour when the
/// pattern is solid; `None` for auto, none, nil or white.
fn shading_colour(e: &BytesStart<'_>) -> Option<String> {
    let pattern = attr(e, b"val").unwrap_or_default();
    if pattern.eq_ignore_ascii_case("nil") {
        return None;
    }
    let colour = if pattern.eq_ignore_ascii_case("solid") { attr(e, b"color") } else { attr(e, b"fill") };
    colour.map(|c| c.to_ascii_uppercase()).filter(|c| {
        !matches!(c.as_str(), "" | "AUTO" | "NONE" | "FFFFFF") && c.chars().all(|ch| ch.is_ascii_hexdigit())
    })
}
