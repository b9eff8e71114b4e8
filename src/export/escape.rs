//! The one markup escaper, for the HTML page and the XML parts of a .docx.

/// What escaped text goes into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// HTML text and attribute values: `'` becomes `&#39;`; every other character is kept.
    Html,
    /// XML 1.0 content and attribute values: `'` becomes `&apos;`; tabs and line breaks become
    /// spaces and the control characters XML cannot hold are dropped.
    Xml,
}

/// Escapes `& < > " '` in `text` for `markup`.
pub fn escape_markup(text: &str, markup: Markup) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (c, markup) {
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('"', _) => out.push_str("&quot;"),
            ('\'', Markup::Html) => out.push_str("&#39;"),
            ('\'', Markup::Xml) => out.push_str("&apos;"),
            ('\t' | '\n' | '\r', Markup::Xml) => out.push(' '),
            (c, Markup::Xml) if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            (c, _) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_xml_differ_only_in_the_apostrophe_and_control_characters() {
        let text = "<a href=\"x\">Tom & Jerry's</a>";
        assert_eq!(
            escape_markup(text, Markup::Html),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(
            escape_markup(text, Markup::Xml),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
        assert_eq!(escape_markup("a\tb\nc\u{1}d\u{FFFF}", Markup::Xml), "a b cd");
        assert_eq!(escape_markup("a\tb\nc", Markup::Html), "a\tb\nc");
    }
}
