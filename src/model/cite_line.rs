//! The cite as a Word file wrote it: the whole line, its bold part (the short cite a debater
//! reads) and its other marks.

use serde::{Deserialize, Serialize};

use super::Mark;

/// A cite line as written: "Kim 25 (Ju Hyung Kim, President, ...)", with the bold part(s) —
/// Verbatim's Cite style, normally the author's last name and the year — as character ranges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CiteLine {
    /// The whole line, trimmed.
    pub text: String,
    /// Bold character ranges `(start, end)` of `text`, in order, not overlapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bold: Vec<(usize, usize)>,
    /// Underline, highlight and emphasis over `text` (a cite line sometimes runs into the
    /// card's first words); written only when any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

impl CiteLine {
    /// The bold part(s) joined: the short cite a debater reads aloud ("Kim 25").
    pub fn short(&self) -> String {
        let chars: Vec<char> = self.text.chars().collect();
        let parts: Vec<String> = self
            .bold
            .iter()
            .map(|&(s, e)| chars[s.min(chars.len())..e.min(chars.len())].iter().collect::<String>())
            .collect();
        parts.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Why the bold ranges do not fit the text, if they do not.
    pub fn problem(&self) -> Option<String> {
        let len = self.text.chars().count();
        let mut last_end = 0;
        for &(s, e) in &self.bold {
            if s >= e || e > len || s < last_end {
                return Some(format!(
                    "cite line bold range {s}..{e} is empty, reversed, overlapping or outside the \
                     line ({len} characters)"
                ));
            }
            last_end = e;
        }
        super::marks::check_marks(&self.marks, len).map(|why| format!("cite line: {why}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cite_line_reads_its_bold_parts_and_checks_their_ranges() {
        let cite = CiteLine {
            text: "Ju Hyung Kim 25 (President)".into(),
            bold: vec![(9, 12), (13, 15)],
            marks: Vec::new(),
        };
        assert_eq!(cite.short(), "Kim 25");
        assert_eq!(cite.problem(), None);
        let bad = CiteLine { text: "Kim".into(), bold: vec![(0, 9)], marks: Vec::new() };
        assert!(bad.problem().unwrap().contains("outside"));
    }
}
