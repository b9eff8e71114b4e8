//! The state of an HTML page being read: its paragraphs, which elements are being dropped, and the
//! title and citation facts found so far (see [`super::html`] for the rules).

use super::ImportedText;
use super::condense::is_invisible;
use super::entities::decode_entities;
use crate::model::source::is_valid_date;

/// Elements whose content is not article text.
const DROPPED: &[&str] = &["head", "nav", "aside", "template", "svg", "button", "select", "math"];
/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];
/// Elements that start and end a paragraph.
const BLOCKS: &str = "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote section article main header \
    footer figure figcaption table tr caption pre hr address details summary body form fieldset legend";

/// Whether `name` is one of [`BLOCKS`].
fn is_block(name: &str) -> bool {
    BLOCKS.split_whitespace().any(|b| b == name)
}

/// Single-spaced, trimmed.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What has been read so far.
#[derive(Default)]
pub(super) struct Page {
    paragraphs: Vec<String>,
    current: String,
    /// Open dropped elements (their names), innermost last.
    skipping: Vec<String>,
    /// Open `article`/`main` elements: inside one, `header` and `footer` are content.
    content_depth: usize,
    pre_depth: usize,
    /// The first `<h1>`'s text while it is being read, then kept.
    h1: Option<String>,
    h1_open: bool,
    /// The first `<title>`, set by the scanner.
    pub(super) title: Option<String>,
    og_title: Option<String>,
    authors: Vec<String>,
    publication: Option<String>,
    meta_date: Option<String>,
    time_date: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

impl Page {
    /// Text between tags (entities not yet decoded).
    pub(super) fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        if self.h1_open {
            self.h1.get_or_insert_with(String::new).push_str(&decoded);
        }
        if !self.skipping.is_empty() {
            return;
        }
        for c in decoded.chars() {
            if c == '\n' && self.pre_depth > 0 {
                self.paragraph_break();
            } else if c.is_whitespace() {
                self.current.push(' ');
            } else if !is_invisible(c) {
                self.current.push(c);
            }
        }
    }

    fn paragraph_break(&mut self) {
        let paragraph = collapse(&self.current);
        self.current.clear();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph);
        }
    }

    fn dropped(&self, name: &str) -> bool {
        DROPPED.contains(&name) || (matches!(name, "header" | "footer") && self.content_depth == 0)
    }

    /// An opening tag with its attributes.
    pub(super) fn open(&mut self, name: &str, attrs: &[(String, String)], self_closing: bool) {
        let attr = |key: &str| attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim());
        match name {
            "meta" => {
                self.meta(attr("name").or(attr("property")).unwrap_or(""), attr("content").unwrap_or(""))
            }
            "link"
                if attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) =>
            {
                self.canonical =
                    self.canonical.take().or(attr("href").filter(|h| !h.is_empty()).map(str::to_owned));
            }
            "time" if self.time_date.is_none() => self.time_date = attr("datetime").and_then(date_prefix),
            "h1" if self.h1.is_none() => self.h1_open = true,
            "article" | "main" => self.content_depth += 1,
            "pre" => self.pre_depth += 1,
            "td" | "th" => self.current.push(' '),
            _ => {}
        }
        if is_block(name) && self.skipping.is_empty() {
            self.paragraph_break();
        }
        if self.dropped(name) && !self_closing && !VOID.contains(&name) {
            self.skipping.push(name.to_owned());
        }
    }

    /// A closing tag (or the end of a raw-text element).
    pub(super) fn close(&mut self, name: &str) {
        if let Some(pos) = self.skipping.iter().rposition(|n| n == name) {
            self.skipping.truncate(pos);
        }
        match name {
            "h1" => self.h1_open = false,
            "article" | "main" => self.content_depth = self.content_depth.saturating_sub(1),
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            _ => {}
        }
        if is_block(name) && self.skipping.is_empty() {
            self.paragraph_break();
        }
    }

    fn meta(&mut self, key: &str, content: &str) {
        let content = collapse(content);
        if content.is_empty() {
            return;
        }
        match key.to_ascii_lowercase().as_str() {
            "og:title" => self.og_title = self.og_title.take().or(Some(content)),
            "og:site_name" => self.publication = self.publication.take().or(Some(content)),
            "og:url" => self.og_url = self.og_url.take().or(Some(content)),
            "author" | "article:author" | "citation_author" | "dc.creator" | "dc.creator.personalname" => {
                let name = strip_by(&content);
                let is_url = name.starts_with("http://") || name.starts_with("https://");
                if !is_url && !name.is_empty() && !self.authors.iter().any(|a| a == name) {
                    self.authors.push(name.to_owned());
                }
            }
            "article:published_time"
            | "citation_publication_date"
            | "citation_date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "pubdate" => {
                self.meta_date = self.meta_date.take().or_else(|| date_prefix(&content));
            }
            _ => {}
        }
    }

    /// The page as read.
    pub(super) fn finish(mut self) -> ImportedText {
        self.paragraph_break();
        let h1 = self.h1.as_deref().map(collapse).filter(|h| !h.is_empty());
        let title = self.title.filter(|t| !t.is_empty()).or(self.og_title);
        let title = match (title, h1) {
            (Some(t), Some(h)) if t.len() > h.len() && t.to_lowercase().contains(&h.to_lowercase()) => {
                Some(h)
            }
            (Some(t), _) => Some(strip_site_suffix(&t, self.publication.as_deref())),
            (None, h) => h,
        };
        ImportedText {
            title,
            text: self.paragraphs.join("\n\n"),
            authors: self.authors,
            publication: self.publication,
            date: self.meta_date.or(self.time_date),
            url: self.canonical.or(self.og_url),
        }
    }
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(name: &str) -> &str {
    match name.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => name[3..].trim(),
        _ => name,
    }
}

/// "Headline | Site" → "Headline" when `publication` is "Site" (also with " - ", " – ", " — ").
fn strip_site_suffix(title: &str, publication: Option<&str>) -> String {
    let Some(publication) = publication else { return title.to_owned() };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(publication).and_then(|t| t.strip_suffix(sep))
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
    }
    title.to_owned()
}

/// The `YYYY-MM-DD`, `YYYY-MM` or `YYYY` a date-time starts with (`/` read as `-`), if valid.
pub(crate) fn date_prefix(value: &str) -> Option<String> {
    let value = value.trim().replace('/', "-");
    [10, 7, 4].into_iter().find_map(|len| {
        let head = value.get(..len)?;
        let clean_end = value[len..].chars().next().is_none_or(|c| !c.is_ascii_digit() && c != '-');
        (clean_end && is_valid_date(head)).then(|| head.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cutting::html_to_source_text;

    #[test]
    fn an_articles_own_header_is_kept_but_the_site_header_is_not() {
        let page = html_to_source_text(
            "<header>Site banner</header><article><header><h1>Headline</h1><p>By Jane Doe</p></header>\
             <p>Body.</p><footer>Filed under Asia</footer></article><footer>© Site</footer>",
        );
        assert_eq!(page.text, "Headline\n\nBy Jane Doe\n\nBody.\n\nFiled under Asia");
        assert_eq!(page.title.as_deref(), Some("Headline"));
    }

    #[test]
    fn title_prefers_the_headline_when_the_title_adds_the_site_name() {
        let page = html_to_source_text(
            "<title>Asia needs an alliance | China Factor</title><h1>Asia needs an alliance</h1>",
        );
        assert_eq!(page.title.as_deref(), Some("Asia needs an alliance"));
        let page = html_to_source_text(
            "<title>Is Asia ready? &ndash; thinktank.pk</title><meta property='og:site_name' content='thinktank.pk'>",
        );
        assert_eq!(page.title.as_deref(), Some("Is Asia ready?"));
        assert_eq!(page.publication.as_deref(), Some("thinktank.pk"));
    }

    #[test]
    fn citation_facts_come_from_meta_tags() {
        let page = html_to_source_text(
            r#"<meta name="author" content="By Ju Hyung Kim"><meta property="article:published_time"
               content="2025-08-29T08:00:00+00:00"><link rel="canonical" href="https://x.org/a?b=1&amp;c=2">
               <meta property="og:url" content="https://other"><time datetime="2020-01-01">"#,
        );
        assert_eq!(page.authors, vec!["Ju Hyung Kim".to_owned()]);
        assert_eq!(page.date.as_deref(), Some("2025-08-29"));
        assert_eq!(page.url.as_deref(), Some("https://x.org/a?b=1&c=2"));
    }

    #[test]
    fn dates_are_kept_only_when_valid() {
        assert_eq!(date_prefix("2023/12/15").as_deref(), Some("2023-12-15"));
        assert_eq!(date_prefix("2024-09").as_deref(), Some("2024-09"));
        assert_eq!(date_prefix("2024-13-01"), None);
        assert_eq!(date_prefix("20240101"), None);
        assert_eq!(date_prefix("Sept 2024"), None);
    }
}
