//! Highlight colours: Word's sixteen highlighter colours and any background shading.
//!
//! Debaters highlight one card more than once in different colours (a long read and a short
//! read), so a highlight mark keeps its colour. Yellow is the default: a file that names no colour
//! means yellow, and yellow is never written, so files from before colours keep their bytes.

use serde::{Deserialize, Serialize};

/// The colour of a highlight mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HighlightColour {
    /// Word's `yellow`, the default highlighter.
    #[default]
    Yellow,
    /// `green` (Word's bright green).
    Green,
    /// `cyan` (Word's turquoise).
    Cyan,
    /// `magenta` (Word's pink).
    Magenta,
    /// `blue`.
    Blue,
    /// `red`.
    Red,
    /// `darkBlue`.
    DarkBlue,
    /// `darkCyan` (teal).
    DarkCyan,
    /// `darkGreen`.
    DarkGreen,
    /// `darkMagenta` (violet).
    DarkMagenta,
    /// `darkRed`.
    DarkRed,
    /// `darkYellow`.
    DarkYellow,
    /// `darkGray`.
    DarkGray,
    /// `lightGray`.
    LightGray,
    /// `black`.
    Black,
    /// `white`.
    White,
    /// A background shading (`w:shd`) of this red, green and blue.
    Rgb(u8, u8, u8),
}

/// Word's highlighter colours: (colour, Word's `w:highlight` value, red-green-blue).
const NAMED: [(HighlightColour, &str, [u8; 3]); 16] = [
    (HighlightColour::Yellow, "yellow", [0xFF, 0xFF, 0x00]),
    (HighlightColour::Green, "green", [0x00, 0xFF, 0x00]),
    (HighlightColour::Cyan, "cyan", [0x00, 0xFF, 0xFF]),
    (HighlightColour::Magenta, "magenta", [0xFF, 0x00, 0xFF]),
    (HighlightColour::Blue, "blue", [0x00, 0x00, 0xFF]),
    (HighlightColour::Red, "red", [0xFF, 0x00, 0x00]),
    (HighlightColour::DarkBlue, "darkBlue", [0x00, 0x00, 0x80]),
    (HighlightColour::DarkCyan, "darkCyan", [0x00, 0x80, 0x80]),
    (HighlightColour::DarkGreen, "darkGreen", [0x00, 0x80, 0x00]),
    (HighlightColour::DarkMagenta, "darkMagenta", [0x80, 0x00, 0x80]),
    (HighlightColour::DarkRed, "darkRed", [0x80, 0x00, 0x00]),
    (HighlightColour::DarkYellow, "darkYellow", [0x80, 0x80, 0x00]),
    (HighlightColour::DarkGray, "darkGray", [0x80, 0x80, 0x80]),
    (HighlightColour::LightGray, "lightGray", [0xC0, 0xC0, 0xC0]),
    (HighlightColour::Black, "black", [0x00, 0x00, 0x00]),
    (HighlightColour::White, "white", [0xFF, 0xFF, 0xFF]),
];

impl HighlightColour {
    /// Whether this is the default (yellow), which files leave unwritten.
    pub fn is_default(&self) -> bool {
        *self == HighlightColour::Yellow
    }

    /// The colour for Word's `w:highlight` value (any case), if it is one of Word's sixteen.
    pub fn from_word_name(name: &str) -> Option<HighlightColour> {
        NAMED.iter().find(|(_, n, _)| n.eq_ignore_ascii_case(name)).map(|(c, _, _)| *c)
    }

    /// The colour for a six-digit hex shading ("00FFFF", any case), if it is one.
    pub fn from_hex(hex: &str) -> Option<HighlightColour> {
        let hex = hex.trim_start_matches('#');
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(HighlightColour::Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// Word's `w:highlight` value, or `None` for a shading (written as `w:shd`).
    pub fn word_name(self) -> Option<&'static str> {
        NAMED.iter().find(|(c, _, _)| *c == self).map(|(_, n, _)| *n)
    }

    /// Red, green and blue.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            HighlightColour::Rgb(r, g, b) => [r, g, b],
            named => NAMED.iter().find(|(c, _, _)| *c == named).map(|(_, _, rgb)| *rgb).unwrap_or([0xFF; 3]),
        }
    }

    /// `RRGGBB` in upper case, as Word writes shadings.
    pub fn hex(self) -> String {
        let [r, g, b] = self.rgb();
        format!("{r:02X}{g:02X}{b:02X}")
    }

    /// The name used in card JSON, menus and messages: Word's name ("yellow", "darkBlue") or
    /// `#RRGGBB` for a shading.
    pub fn name(self) -> String {
        match self.word_name() {
            Some(n) => n.to_owned(),
            None => format!("#{}", self.hex()),
        }
    }

    /// The colour for a name as [`HighlightColour::name`] writes it.
    pub fn from_name(name: &str) -> Option<HighlightColour> {
        HighlightColour::from_word_name(name)
            .or_else(|| name.strip_prefix('#').and_then(HighlightColour::from_hex))
    }

    /// Word's sixteen highlighter colours, yellow first.
    pub fn named() -> impl Iterator<Item = HighlightColour> {
        NAMED.iter().map(|(c, _, _)| *c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_names_and_hex_shadings_read_back_to_the_same_colour() {
        for c in HighlightColour::named() {
            assert_eq!(HighlightColour::from_name(&c.name()), Some(c));
        }
        assert_eq!(HighlightColour::from_word_name("CYAN"), Some(HighlightColour::Cyan));
        assert_eq!(HighlightColour::from_hex("00ffcc"), Some(HighlightColour::Rgb(0, 0xFF, 0xCC)));
        assert_eq!(HighlightColour::Rgb(0, 0xFF, 0xCC).name(), "#00FFCC");
        assert_eq!(HighlightColour::from_hex("xyz"), None);
        assert_eq!(HighlightColour::from_word_name("none"), None);
    }
}
