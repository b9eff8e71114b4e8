//! Paste cleanup, Verbatim's "condense": text copied from a PDF or a web page, made into clean
//! paragraphs without changing a word.
//!
//! The rules, in order:
//!
//! 1. Line endings: `\r\n`, `\r`, form feeds (PDF page breaks), vertical tabs, U+0085 and U+2028
//!    are line breaks; U+2029 is a paragraph break.
//! 2. Invisible characters go: soft hyphens (U+00AD), zero-width spaces, word joiners, byte-order
//!    marks and other control characters. Every kind of space (tab, no-break space, thin space…)
//!    becomes one plain space; runs collapse; lines are trimmed.
//! 3. **Blank lines are paragraph breaks.** They are the only breaks that are always kept.
//! 4. A block of lines between blank lines is *hard-wrapped* when none of its lines is longer than
//!    [`MAX_WRAPPED_LINE`] characters (PDF and e-mail copies wrap at 50–110). A block with a longer
//!    line is web copy with one paragraph per line: every line break in it is a paragraph break.
//! 5. In a hard-wrapped block, a line break is a paragraph break only when
//!    - the next line starts with a bullet (`•`, `◦`, `▪`, `‣`, `●`) or a number like `3.` or `3)`, or
//!    - the line stops short of the margin — under 80% of the block's longest line — and ends a
//!      sentence (`.`, `?`, `!` or `…`, optionally followed by closing quotes or brackets), or
//!    - the line stops well short — under two thirds of the longest line — and ends in a letter or
//!      digit while the next line starts with a capital letter, a digit or an opening quote (a
//!      heading or a byline before its text).
//!
//!    Every other line break joins the lines: with a space, or with nothing after a soft hyphen, a
//!    dash attached to its word (`alliance—` / `1950–`), or an end-of-line hyphen (rule 6).
//! 6. A line ending in a hyphen attached to a word (`collec-`) is either end-of-line hyphenation
//!    (the hyphen goes: `collective`) or a compound broken at its hyphen (`US-Japan`). The hyphen is
//!    **kept** when the hyphenated word appears elsewhere in the text on one line; else **dropped**
//!    when the joined word appears elsewhere; else kept when the next fragment starts with a capital
//!    or a digit (`US-Japan`, `COVID-19`), the fragment before already has a hyphen
//!    (`hub-and-spoke`), the fragment ends in a digit (`1950-1977`), or it is one of
//!    [`COMPOUND_PREFIXES`] (`self-`, `non-`, `well-`…); else dropped.
//!
//! Limits: a paragraph (or heading) whose last line happens to reach the margin is joined to the
//! next one, and a line cut short by a long capitalised word looks like a heading; short one-sentence
//! paragraphs separated by single line breaks look like wrapped text and may be joined. Page numbers
//! and running headers stay in the text (removing words is never guessed). The hyphen rule can be
//! wrong for a word whose two readings both exist (`re-sign`), when the document never uses it
//! elsewhere. Only layout changes: the words and their order never do.

use std::collections::HashSet;

/// The longest line (in characters) still taken as a hard wrap; longer lines are whole paragraphs.
pub const MAX_WRAPPED_LINE: usize = 150;

/// Word fragments that, before a line-end hyphen, mark a compound (`self-`, `non-`…) whose hyphen
/// is kept when the text gives no better evidence.
pub const COMPOUND_PREFIXES: &[&str] = &["cross", "half", "non", "quasi", "self", "well"];

/// Cleans pasted text: joins hard-wrapped lines, removes end-of-line hyphenation, soft hyphens and
/// doubled spaces, and keeps paragraph breaks. Paragraphs are joined by `"\n\n"`, with no leading
/// or trailing whitespace. See the module docs for the exact rules.
pub fn condense(text: &str) -> String {
    let lines: Vec<Line> = normalize_breaks(text).split('\n').map(Line::new).collect();
    let vocabulary = vocabulary(&lines);
    let mut paragraphs = Vec::new();
    for block in lines.split(|l| l.text.is_empty()) {
        condense_block(block, &vocabulary, &mut paragraphs);
    }
    paragraphs.join("\n\n")
}

/// One cleaned line of input.
struct Line {
    /// Single-spaced, trimmed, without invisible characters.
    text: String,
    /// Number of characters of `text`.
    chars: usize,
    /// The raw line ended in a soft hyphen: the word continues on the next line.
    soft_hyphen_end: bool,
}

impl Line {
    fn new(raw: &str) -> Line {
        let soft_hyphen_end = raw.trim_end_matches(char::is_whitespace).ends_with('\u{AD}');
        let mut text = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_whitespace() {
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
            } else if !is_invisible(c) {
                text.push(c);
            }
        }
        if text.ends_with(' ') {
            text.pop();
        }
        let chars = text.chars().count();
        Line { text, chars, soft_hyphen_end }
    }
}

/// Characters that carry no text: soft hyphen, zero-width space, word joiner, BOM, controls.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') || (c.is_control() && !c.is_whitespace())
}

/// Every line ending as `\n`; U+2029 (paragraph separator) as a blank line.
fn normalize_breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace(['\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}'], "\n")
        .replace('\u{2029}', "\n\n")
}

/// Every word of the text, lowercased, without surrounding punctuation (inner hyphens kept).
fn vocabulary(lines: &[Line]) -> HashSet<String> {
    lines
        .iter()
        .flat_map(|l| l.text.split(' '))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// How two consecutive lines of a hard-wrapped block go together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// A paragraph break.
    Break,
    /// One space.
    Space,
    /// Nothing between them (the line's last character stays).
    Tight,
    /// Nothing between them, and the line's final hyphen goes.
    Dehyphenate,
}

fn condense_block(block: &[Line], vocabulary: &HashSet<String>, out: &mut Vec<String>) {
    let Some(longest) = block.iter().map(|l| l.chars).max() else { return };
    if longest > MAX_WRAPPED_LINE {
        out.extend(block.iter().map(|l| l.text.clone()));
        return;
    }
    let mut paragraph = String::new();
    for (i, line) in block.iter().enumerate() {
        paragraph.push_str(&line.text);
        let Some(next) = block.get(i + 1) else { break };
        match join(line, next, longest, vocabulary) {
            Join::Break => out.push(std::mem::take(&mut paragraph)),
            Join::Space => paragraph.push(' '),
            Join::Tight => {}
            Join::Dehyphenate => {
                paragraph.pop();
            }
        }
    }
    out.push(paragraph);
}

fn join(line: &Line, next: &Line, longest: usize, vocabulary: &HashSet<String>) -> Join {
    if line.soft_hyphen_end {
        return Join::Tight;
    }
    if starts_list_item(&next.text) {
        return Join::Break;
    }
    let text = line.text.as_str();
    let mut rev = text.chars().rev();
    let last = rev.next();
    let before_last = rev.next();
    match last {
        Some('-' | '\u{2010}') => {
            return match before_last {
                None | Some(' ') => Join::Space,
                Some('-') => Join::Tight,
                Some(_) => hyphen_join(text, &next.text, vocabulary),
            };
        }
        Some('—' | '–') => return if before_last == Some(' ') { Join::Space } else { Join::Tight },
        _ => {}
    }
    let sentence_end = line.chars * 5 < longest * 4 && ends_sentence(text);
    let heading = line.chars * 3 < longest * 2
        && last.is_some_and(char::is_alphanumeric)
        && starts_like_a_paragraph(&next.text);
    if sentence_end || heading { Join::Break } else { Join::Space }
}

/// Decides rule 6 for a line ending in a hyphen attached to a word.
fn hyphen_join(line: &str, next: &str, vocabulary: &HashSet<String>) -> Join {
    let word = line.rsplit(' ').next().unwrap_or(line);
    let before = word[..word.len() - word.chars().last().map_or(0, char::len_utf8)]
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let after = next.split(' ').next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric());
    let (Some(b), Some(a)) = (before.chars().last(), after.chars().next()) else {
        return Join::Tight;
    };
    if !b.is_alphabetic() || !a.is_lowercase() {
        return Join::Tight;
    }
    let hyphenated = format!("{before}-{after}").to_lowercase();
    let joined = format!("{before}{after}").to_lowercase();
    if vocabulary.contains(&hyphenated) {
        Join::Tight
    } else if vocabulary.contains(&joined) {
        Join::Dehyphenate
    } else if before.contains('-') || COMPOUND_PREFIXES.contains(&before.to_lowercase().as_str()) {
        Join::Tight
    } else {
        Join::Dehyphenate
    }
}

/// Ends with `.`, `?`, `!` or `…`, optionally followed by closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    core.ends_with(['.', '?', '!', '…'])
}

/// Starts with a capital letter, a digit or an opening quote or bracket.
fn starts_like_a_paragraph(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘«(".contains(c))
}

/// A bullet, or a one- or two-digit number followed by `.` or `)` and a space.
fn starts_list_item(text: &str) -> bool {
    if text.starts_with(['•', '◦', '▪', '‣', '●']) {
        return true;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && (text[digits..].starts_with(". ") || text[digits..].starts_with(") "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wraps_join_and_blank_lines_stay_paragraph_breaks() {
        let pdf = "Asia faces rising security challenges from China's assertiveness,\nNorth Korea's \
                   nuclear program and regional coercion.\n\nThere have been endeavors in the past.";
        assert_eq!(
            condense(pdf),
            "Asia faces rising security challenges from China's assertiveness, North Korea's nuclear \
             program and regional coercion.\n\nThere have been endeavors in the past."
        );
    }

    #[test]
    fn end_of_line_hyphenation_goes_but_compounds_keep_their_hyphen() {
        let text = "an effective collec-\ntive defense with the US-\nJapan alliance and the hub-and-\n\
                    spoke system, a self-\nreliant posture and a mini-\nlateral forum; mini-lateral \
                    forums matter in the mid-\n1990s and in 1950-\n1977 for the";
        assert_eq!(
            condense(text),
            "an effective collective defense with the US-Japan alliance and the hub-and-spoke system, \
             a self-reliant posture and a mini-lateral forum; mini-lateral forums matter in the \
             mid-1990s and in 1950-1977 for the"
        );
    }

    #[test]
    fn the_text_itself_decides_ambiguous_hyphens() {
        // "cooperation" appears unbroken elsewhere, so the broken one loses its hyphen even after
        // the compound-looking "co".
        let text = "Deeper cooperation helps. They need co-\noperation at sea and wider cooperation.";
        assert!(condense(text).contains("need cooperation at sea"));
        let text = "A non-\naligned India. The non-aligned movement.";
        assert!(condense(text).starts_with("A non-aligned India."));
    }

    #[test]
    fn dashes_at_line_ends_join_without_inventing_spaces() {
        assert_eq!(condense("the alliance—\nwhich failed"), "the alliance—which failed");
        assert_eq!(condense("the alliance –\nwhich failed"), "the alliance – which failed");
        assert_eq!(condense("the alliance -\nwhich failed"), "the alliance - which failed");
    }

    #[test]
    fn soft_hyphens_nbsp_tabs_and_crlf_are_cleaned() {
        let web =
            "Asia\u{a0}\u{a0}faces  rising\tchallenges.   \r\n\r\nSEATO had col\u{ad}\r\nlapsed by 1977.";
        assert_eq!(condense(web), "Asia faces rising challenges.\n\nSEATO had collapsed by 1977.");
    }

    #[test]
    fn a_short_line_ending_a_sentence_ends_its_paragraph() {
        let text = "SEATO had only three Asian members and was dominated by Western powers\n\
                    like the United States and France.\n\
                    India, Indonesia and Vietnam opted not to join the pact, and it was\n\
                    disbanded in 1977.";
        assert_eq!(
            condense(text),
            "SEATO had only three Asian members and was dominated by Western powers like the United \
             States and France.\n\nIndia, Indonesia and Vietnam opted not to join the pact, and it \
             was disbanded in 1977."
        );
    }

    #[test]
    fn a_long_line_ending_a_sentence_is_only_a_wrap() {
        let text = "The alliance network is dense and it is growing faster every single year.\n\
                    Yet it lacks a codified arrangement for collective defense of any kind.";
        assert!(!condense(text).contains('\n'));
    }

    #[test]
    fn headings_and_bullets_start_paragraphs_in_wrapped_text() {
        let text = "Regional emergencies\nThe US alliances remain firm and Australia and the Philippines\n\
                    are strengthening their engagement with Washington:\n• AUKUS\n• the Quad";
        assert_eq!(
            condense(text),
            "Regional emergencies\n\nThe US alliances remain firm and Australia and the Philippines are \
             strengthening their engagement with Washington:\n\n• AUKUS\n\n• the Quad"
        );
    }

    #[test]
    fn long_lines_are_web_paragraphs_even_without_blank_lines() {
        let p1 = "a".repeat(10) + &" word".repeat(40);
        let p2 = "Second paragraph without a final stop and longer than any hard wrap would be ".repeat(3);
        let text = format!("{p1}\nHeading\n{p2}");
        assert_eq!(condense(&text), format!("{p1}\n\nHeading\n\n{}", p2.trim_end()));
    }

    #[test]
    fn empty_and_whitespace_only_input_gives_nothing() {
        assert_eq!(condense(""), "");
        assert_eq!(condense(" \n\r\n\t\u{a0}\n"), "");
    }
}
