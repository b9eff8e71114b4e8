//! HTML import: an article page's title, citation facts and text, without markup.
//!
//! A small forgiving scanner, not a full HTML parser: it never fails and never panics, whatever the
//! input (a property test feeds it random bytes).
//!
//! - **Text** comes from the page with block elements (`p`, `div`, `br`, `li`, `h1`–`h6`,
//!   `blockquote`, `section`, `article`, tables rows, …) as paragraph breaks and whitespace
//!   collapsed as a browser would. Character references are decoded; soft hyphens and zero-width
//!   spaces go. `pre` keeps its line breaks (as paragraph breaks).
//! - **Dropped**: the content of `head`, `script`, `style`, `noscript`, `template`, `textarea`,
//!   `iframe`, `svg`, `math`, `nav`, `aside`, `button`, `select`, and of `header`/`footer` outside an
//!   `article` or `main` (the site's banner and footer; an article's own header, with its headline
//!   and byline, is kept).
//! - **Title**: `<title>` (or `og:title`), but the first `<h1>` when the title only adds the site's
//!   name to it ("Headline | Site"); a trailing " | Publication" is also cut when the publication is
//!   known. Without either, the first `<h1>`.
//! - **Citation facts** from `<meta>`: authors (`author`, `article:author`, `citation_author`,
//!   `dc.creator`; a leading "By" is dropped), publication (`og:site_name`), date
//!   (`article:published_time`, `citation_publication_date`, `date`, `dc.date`, else the first
//!   `<time datetime>`; kept only as a valid `YYYY[-MM[-DD]]`), URL (`<link rel=canonical>`, else
//!   `og:url`). Nothing is invented: an unknown fact stays empty.
//!
//! Limits: no CSS, so text hidden by styles is kept; unclosed dropped elements (`<nav>` without
//! `</nav>`) drop the rest of the page, as a browser would nest it.

use super::ImportedText;
use super::entities::decode_entities;
use super::html_page::{Page, collapse};

/// Elements whose content is raw text up to their end tag, dropped (or, for `title`, captured).
const RAW: &[&str] = &["script", "style", "noscript", "textarea", "iframe", "xmp", "title"];
/// Reads an HTML page: its title, citation facts (from `<meta>`) and text (paragraphs joined by
/// `"\n\n"`). Never fails: malformed markup is read as well as it can be.
pub fn html_to_source_text(html: &str) -> ImportedText {
    let mut page = Page::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = html[i..].find('<').map(|p| p + i) else {
            page.text(&html[i..]);
            break;
        };
        page.text(&html[i..lt]);
        i = markup(html, lt, &mut page);
    }
    page.finish()
}

/// Reads the markup starting at `lt` (a `<`); returns where text resumes.
fn markup(html: &str, lt: usize, page: &mut Page) -> usize {
    let rest = &html[lt..];
    let after = |needle: &str, from: usize| {
        rest[from..].find(needle).map_or(html.len(), |p| lt + from + p + needle.len())
    };
    if rest.starts_with("<!--") {
        return after("-->", 4);
    }
    if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
        let end = cdata.find("]]>").unwrap_or(cdata.len());
        page.text(&cdata[..end]);
        return after("]]>", 9);
    }
    let next = rest.as_bytes().get(1).copied();
    if matches!(next, Some(b'!' | b'?')) {
        return after(">", 1);
    }
    let closing = next == Some(b'/');
    let name_start = lt + 1 + usize::from(closing);
    if !html.as_bytes().get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        if closing {
            return after(">", 1); // `</ >` and the like: a bogus comment
        }
        page.text("<");
        return lt + 1;
    }
    let name_len = html[name_start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
        .count();
    let name = html[name_start..name_start + name_len].to_ascii_lowercase();
    let (attrs, self_closing, end) = attributes(html, name_start + name_len);
    if closing {
        page.close(&name);
        return end;
    }
    page.open(&name, &attrs, self_closing);
    if RAW.contains(&name.as_str()) && !self_closing {
        let close = format!("</{name}");
        let content_end = find_ascii_ci(html, end, &close).unwrap_or(html.len());
        if name == "title" && page.title.is_none() {
            page.title = Some(collapse(&decode_entities(&html[end..content_end])));
        }
        page.close(&name);
        return html[content_end..].find('>').map_or(html.len(), |p| content_end + p + 1);
    }
    end
}

/// Parses attributes from `from` up to the tag's `>`: lowercased names with decoded values,
/// whether the tag ends in `/>`, and the position after the `>` (the end of input if there is none).
fn attributes(html: &str, from: usize) -> (Vec<(String, String)>, bool, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return (attrs, self_closing, b.len());
        }
        if b[i] == b'>' {
            return (attrs, self_closing, i + 1);
        }
        self_closing = false;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == start {
            i += 1; // a stray `=`: skip it
            continue;
        }
        let name = html[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v_start, v_end, next) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..].find(q as char).map_or(b.len(), |p| i + 1 + p);
                    (i + 1, end, (end + 1).min(b.len()))
                }
                _ => {
                    let len =
                        html[i..].bytes().take_while(|c| !c.is_ascii_whitespace() && *c != b'>').count();
                    (i, i + len, i + len)
                }
            };
            value = decode_entities(&html[v_start..v_end]);
            i = next;
        }
        attrs.push((name, value));
    }
}

/// Position of `needle` (lowercase ASCII) in `html` at or after `from`, ignoring ASCII case.
fn find_ascii_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = &html.as_bytes()[from..];
    let n = needle.as_bytes();
    hay.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n)).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_come_from_block_elements_and_whitespace_collapses() {
        let page = html_to_source_text(
            "<body><p>One\n   two</p><div>Three<br>Four</div><ul><li>a</li><li>b</li></ul>",
        );
        assert_eq!(page.text, "One two\n\nThree\n\nFour\n\na\n\nb");
        let inline = html_to_source_text("<p>The <em>hub</em>-and-<b>spoke</b> <a href='#'>system</a>.</p>");
        assert_eq!(inline.text, "The hub-and-spoke system.");
    }

    #[test]
    fn scripts_styles_navigation_and_comments_are_dropped() {
        let page = html_to_source_text(
            "<head><style>p{}</style><script>var a = '<p>no</p>';</script></head><body><nav><a>Home</a>\
             </nav><!-- <p>hidden</p> --><p>Kept</p><aside>Related</aside><SCRIPT>x</SCRIPT><p>Also</p>",
        );
        assert_eq!(page.text, "Kept\n\nAlso");
    }

    #[test]
    fn malformed_markup_is_read_as_well_as_possible() {
        assert_eq!(html_to_source_text("a < b and c<d").text, "a < b and c");
        assert_eq!(html_to_source_text("<p>Unclosed <b>bold").text, "Unclosed bold");
        assert_eq!(html_to_source_text("<p title='x>y'>Quoted</p>").text, "Quoted");
        assert_eq!(html_to_source_text("<p>Text<script>never closed").text, "Text");
        assert_eq!(html_to_source_text("<!-- open comment <p>x").text, "");
        assert_eq!(html_to_source_text("</ >x<").text, "x<");
        assert_eq!(html_to_source_text("<pre>line one\nline two</pre>").text, "line one\n\nline two");
    }
}
