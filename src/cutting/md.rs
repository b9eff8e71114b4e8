//! Markdown import: the text of a `.md` file without its markup, conservatively.
//!
//! Removed: heading markers (`# `, setext underlines), thematic breaks, blockquote `>`, bullet
//! markers (`- `, `* `, `+ `, task boxes), code fences and backticks, table separator rows and
//! pipes, emphasis delimiters (`*`, `**`, `_`, `__`, `~~`) that open before a word and close after
//! one, link and reference markup (`[text](url)` → `text`), images, reference definitions,
//! backslash escapes, and YAML front matter (whose `title`, `author` and `date` are read).
//!
//! Kept as written: brackets that are not links (an editor's `[the US]` in a quote), numbers of
//! ordered lists, intraword `_` and `*` (`snake_case`, `2*3`), HTML tags.
//!
//! Paragraphs: blank lines separate them; lines inside one are soft-wrapped and joined with a
//! space; headings, list items, table rows, code lines and hard breaks (two trailing spaces or `\`)
//! stand alone. The title is the front matter's `title`, else the first level-1 heading.

use super::ImportedText;
use super::html_page::date_prefix;

/// How far (in characters) a closing delimiter or bracket is looked for, which keeps malformed
/// input linear.
const WINDOW: usize = 1000;
/// Deepest nesting of emphasis and links that is unwrapped.
const MAX_NESTING: usize = 16;

/// Reads a Markdown document: its title, front-matter facts and plain text (paragraphs joined by
/// `"\n\n"`).
pub fn markdown_to_source_text(md: &str) -> ImportedText {
    let md = md.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = md.split('\n').collect();
    let mut doc = Doc::default();
    front_matter(&mut lines, &mut doc.imported);
    for line in lines {
        doc.line(line);
    }
    doc.flush();
    doc.imported.text = doc.paragraphs.join("\n\n");
    doc.imported
}

/// Removes YAML front matter (`---` … `---`) from `lines`, reading `title`, `author` and `date`.
fn front_matter(lines: &mut Vec<&str>, imported: &mut ImportedText) {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return;
    }
    let Some(end) = lines.iter().skip(1).position(|l| matches!(l.trim(), "---" | "...")) else { return };
    for line in &lines[1..=end] {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim() {
            "title" => imported.title = Some(value.to_owned()),
            "author" => imported.authors.push(value.to_owned()),
            "date" => imported.date = date_prefix(value),
            _ => {}
        }
    }
    lines.drain(..=end + 1);
}

#[derive(Default)]
struct Doc {
    imported: ImportedText,
    paragraphs: Vec<String>,
    current: Vec<String>,
    fence: Option<&'static str>,
}

impl Doc {
    fn flush(&mut self) {
        if !self.current.is_empty() {
            let text = strip_inline(&self.current.join(" "));
            self.push(text);
            self.current.clear();
        }
    }

    fn push(&mut self, paragraph: String) {
        let paragraph = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph);
        }
    }

    fn line(&mut self, line: &str) {
        let t = line.trim();
        if let Some(fence) = self.fence {
            if t.starts_with(fence) {
                self.fence = None;
            } else {
                self.push(t.to_owned());
            }
            return;
        }
        if let Some(fence) = ["```", "~~~"].into_iter().find(|f| t.starts_with(f)) {
            self.flush();
            self.fence = Some(fence);
            return;
        }
        let rule_of =
            |c: char| t.chars().filter(|&x| x != ' ').count() >= 3 && t.chars().all(|x| x == c || x == ' ');
        if !self.current.is_empty() && !t.is_empty() && t.chars().all(|c| c == '=') {
            let heading = strip_inline(&self.current.join(" "));
            self.current.clear();
            self.imported.title.get_or_insert_with(|| heading.clone());
            self.push(heading);
            return;
        }
        if rule_of('-') || rule_of('*') || rule_of('_') {
            self.flush(); // a setext level-2 underline or a thematic break
            return;
        }
        let mut t = t;
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.trim_start();
        }
        if t.is_empty() {
            self.flush();
            return;
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with(' ')) {
            self.flush();
            let heading = strip_inline(t[hashes..].trim().trim_end_matches('#').trim());
            if hashes == 1 && self.imported.title.is_none() && !heading.is_empty() {
                self.imported.title = Some(heading.clone());
            }
            self.push(heading);
            return;
        }
        if is_reference_definition(t) || (t.starts_with('|') && t.chars().all(|c| "|-: ".contains(c))) {
            return;
        }
        if t.starts_with('|') {
            self.flush();
            let cells: Vec<&str> = t.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
            self.push(strip_inline(&cells.join(" ")));
            return;
        }
        if let Some(item) = ["- ", "* ", "+ "].into_iter().find_map(|m| t.strip_prefix(m)) {
            self.flush();
            let item =
                ["[ ] ", "[x] ", "[X] "].into_iter().find_map(|b| item.strip_prefix(b)).unwrap_or(item);
            self.current.push(item.to_owned());
            return;
        }
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if (1..=9).contains(&digits) && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")) {
            self.flush();
        }
        let hard_break = line.ends_with("  ") || t.ends_with('\\');
        self.current.push(t.strip_suffix('\\').unwrap_or(t).to_owned());
        if hard_break {
            self.flush();
        }
    }
}

/// `[id]: https://…` (a link reference definition).
fn is_reference_definition(t: &str) -> bool {
    let Some((label, target)) = t.split_once("]:") else { return false };
    let target = target.trim_start();
    label.starts_with('[')
        && !label[1..].contains(']')
        && (target.contains("://") || target.starts_with(['/', '<', '#']))
}

/// One paragraph without inline markup.
fn strip_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    strip_range(&chars, 0, chars.len(), 0, &mut out);
    out
}

fn strip_range(c: &[char], mut i: usize, end: usize, depth: usize, out: &mut String) {
    while i < end {
        let ch = c[i];
        match ch {
            '\\' if i + 1 < end && c[i + 1].is_ascii_punctuation() => {
                out.push(c[i + 1]);
                i += 2;
            }
            '`' => {
                let run = run_len(c, i, end);
                match find_run(c, i + run, end, '`', run, |_| true) {
                    Some(close) => {
                        let inner: String = c[i + run..close].iter().collect();
                        out.push_str(
                            inner.strip_prefix(' ').and_then(|s| s.strip_suffix(' ')).unwrap_or(&inner),
                        );
                        i = close + run;
                    }
                    None => {
                        out.extend(&c[i..i + run]);
                        i += run;
                    }
                }
            }
            '!' | '[' if depth < MAX_NESTING => {
                let open = if ch == '!' { i + 1 } else { i };
                match c.get(open).filter(|&&b| b == '[').and_then(|_| link(c, open, end)) {
                    Some((text_end, after)) => {
                        if ch == '[' {
                            strip_range(c, open + 1, text_end, depth + 1, out);
                        }
                        i = after;
                    }
                    None => {
                        out.push(ch);
                        i += 1;
                    }
                }
            }
            '*' | '_' | '~' => {
                let run = run_len(c, i, end);
                let usable = if ch == '~' { run == 2 } else { run <= 3 };
                let opens = i.checked_sub(1).is_none_or(|p| !c[p].is_alphanumeric())
                    && c.get(i + run).is_some_and(|n| !n.is_whitespace());
                let closes = |j: usize| {
                    !c[j - 1].is_whitespace() && c.get(j + run).is_none_or(|n| !n.is_alphanumeric())
                };
                let close = (usable && opens && depth < MAX_NESTING)
                    .then(|| find_run(c, i + run, end, ch, run, closes))
                    .flatten();
                match close {
                    Some(close) => {
                        strip_range(c, i + run, close, depth + 1, out);
                        i = close + run;
                    }
                    None => {
                        out.extend(&c[i..i + run]);
                        i += run;
                    }
                }
            }
            _ => {
                out.push(ch);
                i += 1;
            }
        }
    }
}

/// Length of the run of `c[i]` starting at `i`.
fn run_len(c: &[char], i: usize, end: usize) -> usize {
    c[i..end].iter().take_while(|&&x| x == c[i]).count()
}

/// The start of the first run of exactly `run` × `ch` after `from` (and not at it) that `accept`s.
fn find_run(
    c: &[char],
    from: usize,
    end: usize,
    ch: char,
    run: usize,
    accept: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut j = from;
    while j < end.min(from + WINDOW) {
        if c[j] == ch {
            let len = run_len(c, j, end);
            if len == run && j > from && accept(j) {
                return Some(j);
            }
            j += len;
        } else {
            j += 1;
        }
    }
    None
}

/// For `[` at `open`: the position of its `]` and the position after the link's `(…)` or `[…]`.
fn link(c: &[char], open: usize, end: usize) -> Option<(usize, usize)> {
    let close = matching(c, open, end, '[', ']')?;
    match c.get(close + 1) {
        Some('(') => Some((close, matching(c, close + 1, end, '(', ')')? + 1)),
        Some('[') => Some((close, matching(c, close + 1, end, '[', ']')? + 1)),
        _ => None,
    }
}

/// The bracket closing the one at `open`, skipping nested pairs and escapes, within [`WINDOW`].
fn matching(c: &[char], open: usize, end: usize, left: char, right: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = open;
    while j < end.min(open + WINDOW) {
        match c[j] {
            '\\' => j += 1,
            x if x == left => depth += 1,
            x if x == right => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_emphasis_and_links_lose_their_markup() {
        let doc = markdown_to_source_text(
            "# Asia needs an alliance\n\nThe **hub-and-spoke** system is *disjointed*, says\n[Kim](https://x.org) \
             in `2025`.\n\n## Regional emergencies\n\n> A ~~weak~~ quote\\*.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("Asia needs an alliance"));
        assert_eq!(
            doc.text,
            "Asia needs an alliance\n\nThe hub-and-spoke system is disjointed, says Kim in 2025.\n\n\
             Regional emergencies\n\nA weak quote*."
        );
    }

    #[test]
    fn markup_look_alikes_stay() {
        let doc = markdown_to_source_text("snake_case and 2*3*4 and a * b * c, and [the US] said _so.\n");
        assert_eq!(doc.text, "snake_case and 2*3*4 and a * b * c, and [the US] said _so.");
    }

    #[test]
    fn lists_front_matter_images_and_rules() {
        let doc = markdown_to_source_text(
            "---\ntitle: \"SEATO\"\nauthor: Jane Doe\ndate: 2024-09-19\n---\nIntro\n===\n\n- one\n* [x] two\n\
             1. three\n\n***\n![chart](c.png) After\n\n[1]: https://x.org\n| a | b |\n|---|---|\n| c | d |\n",
        );
        assert_eq!(doc.title.as_deref(), Some("SEATO"));
        assert_eq!(doc.authors, vec!["Jane Doe".to_owned()]);
        assert_eq!(doc.date.as_deref(), Some("2024-09-19"));
        assert_eq!(doc.text, "Intro\n\none\n\ntwo\n\n1. three\n\nAfter\n\na b\n\nc d");
    }

    #[test]
    fn code_fences_keep_lines() {
        let doc = markdown_to_source_text("```rust\nlet *a* = 1;\n\nb\n```\nafter");
        assert_eq!(doc.text, "let *a* = 1;\n\nb\n\nafter");
    }
}
