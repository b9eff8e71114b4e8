//! Cite paragraphs: recognising one, and reading the short cite ("Kim 25") at its start.

use super::types::{CiteLine, Mark, MarkKind, Para, ParaRole};

/// A bold or Cite-styled run must begin within this many characters of the paragraph start for
/// the paragraph to be a cite ("Johanna Matanich 96": the first name is often plain).
pub(crate) const CITE_LEAD_CHARS: usize = 40;

/// The paragraph right after a tag is its cite when it has the cite paragraph style or a bold or
/// Cite-styled run starting near its beginning.
pub(crate) fn is_cite(para: &Para) -> bool {
    para.role == ParaRole::Cite
        || first_bold(para).is_some_and(|m| m.start <= lead_ws(para) + CITE_LEAD_CHARS)
}

fn lead_ws(para: &Para) -> usize {
    para.text.chars().take_while(|c| c.is_whitespace()).count()
}

fn first_bold(para: &Para) -> Option<&Mark> {
    para.marks.iter().filter(|m| m.kind == MarkKind::Bold).min_by_key(|m| m.start)
}

/// Reads the cite line from a (trimmed) cite paragraph. The short cite is the first bold run,
/// extended over later bold runs separated from it only by whitespace.
pub(crate) fn cite_line(para: &Para) -> CiteLine {
    let chars: Vec<char> = para.text.chars().collect();
    let mut bolds: Vec<&Mark> = para.marks.iter().filter(|m| m.kind == MarkKind::Bold).collect();
    bolds.sort_by_key(|m| m.start);
    let mut range: Option<(usize, usize)> = None;
    for m in bolds {
        let end = m.end.min(chars.len());
        let start = m.start.min(end);
        match range {
            None => range = Some((start, end)),
            Some((s, e)) => {
                let joins = start <= e || chars[e..start].iter().all(|c| c.is_whitespace());
                if !joins {
                    break;
                }
                range = Some((s, end.max(e)));
            }
        }
    }
    let short: String = match range {
        Some((s, e)) => chars[s..e].iter().collect::<String>().trim().to_owned(),
        None => String::new(),
    };
    let (last_name, year) = parse_short(&short);
    CiteLine { raw: para.text.clone(), short, last_name, year, marks: para.marks.clone() }
}

/// The first author's family name and the year a short cite states.
///
/// The name is what comes before the first token with a digit (or a token like "’17"), cut at
/// " and ", " et al", ",", "&", " no date" or " n.d", and its last word; the year is that token when it is 1, 2 or 4
/// digits after an optional apostrophe ("Kim 25" → 25; "AFP 10/10" states no year).
pub(crate) fn parse_short(short: &str) -> (Option<String>, Option<String>) {
    let tokens: Vec<&str> = short.split_whitespace().collect();
    let first_num = tokens.iter().position(|t| t.chars().any(|c| c.is_ascii_digit()));
    let name_tokens = &tokens[..first_num.unwrap_or(tokens.len())];
    let name = name_tokens.join(" ");
    let lower = name.to_lowercase();
    let mut cut = name.len();
    for sep in [" and ", " et al", ",", "&", " no date", " n.d"] {
        if let Some(i) = lower.find(sep)
            && name.is_char_boundary(i)
        {
            cut = cut.min(i);
        }
    }
    let first_author = name.get(..cut).unwrap_or(&name);
    let last_name = first_author
        .split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty());
    let year = first_num.and_then(|i| tokens.get(i)).and_then(|t| {
        let t = t.trim_start_matches(['’', '\'', '‘']);
        let t = t.trim_end_matches([',', '.', ';', ':', ')', ']']);
        let ok = matches!(t.len(), 1 | 2 | 4) && t.chars().all(|c| c.is_ascii_digit());
        ok.then(|| t.to_owned())
    });
    (last_name, year)
}
