//! The one markup escaper, for the HTML page and the XML parts of a .docx, and the one rule for
//! which control characters never reach either.

/// What escaped text goes into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// HTML text and attribute values: `'` becomes `&#39;`; tabs and line breaks are kept, a
    /// carriage return becomes a space and the other control characters are dropped.
    Html,
    /// XML 1.0 content and attribute values: `'` becomes `&apos;`; tabs and line breaks become
    /// spaces and the control characters XML cannot hold are dropped.
    Xml,
}

/// Whether `c` is a control character that no export writes: C0 controls other than tab, line
/// feed and carriage return (whitespace, which each markup handles), DEL and the C1 controls. A
/// form feed (U+000C) would break a printed page mid-paragraph; most of the rest XML cannot hold.
pub fn is_stray_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
}

/// Escapes `& < > " '` in `text` for `markup` and drops the control characters
/// [`is_stray_control`] names (see [`Markup`] for the whitespace).
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
            ('\t' | '\n' | '\r', Markup::Xml) | ('\r', Markup::Html) => out.push(' '),
            (c, _) if is_stray_control(c) => {}
            ('\u{FFFE}' | '\u{FFFF}', Markup::Xml) => {}
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

    #[test]
    fn no_control_character_reaches_html_or_xml() {
        let every: String = ('\u{0}'..='\u{A0}').collect();
        for markup in [Markup::Html, Markup::Xml] {
            let out = escape_markup(&every, markup);
            let kept: Vec<char> = out.chars().filter(|c| c.is_control()).collect();
            let allowed: &[char] = if markup == Markup::Html { &['\t', '\n'] } else { &[] };
            assert_eq!(kept, allowed, "{markup:?}");
            assert!(out.ends_with("~\u{A0}"), "{markup:?}: printable text is kept");
        }
        assert_eq!(escape_markup("page\u{C}break\u{85}", Markup::Html), "pagebreak");
        assert_eq!(escape_markup("a\rb\u{7F}", Markup::Html), "a b");
    }
}
