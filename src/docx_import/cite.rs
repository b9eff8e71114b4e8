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
/// extended over later bold runs separated from it only by whitespace, and cut after its first
/// date token.
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
        Some((s, e)) => up_to_date(chars[s..e].iter().collect::<String>().trim()).to_owned(),
        None => String::new(),
    };
    let (last_name, year) = parse_short(&short);
    CiteLine { raw: para.text.clone(), short, last_name, year, marks: para.marks.clone() }
}

/// The year a date token states: the token itself when it is 1, 2 or 4 digits after an
/// optional apostrophe ("25", "’17", "2019"), or the last part of a full numeric date
/// ("10-28-21", "3/6/2021"); "10/10" (month and day, or month and year) states none.
fn year_of(token: &str) -> Option<String> {
    let t = token.trim_start_matches(['’', '\'', '‘']);
    let t = t.trim_end_matches([',', '.', ';', ':', ')', ']']);
    let digits = |p: &str, lens: &[usize]| lens.contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    if digits(t, &[1, 2, 4]) {
        return Some(t.to_owned());
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [m, d, y] if digits(m, &[1, 2]) && digits(d, &[1, 2]) && digits(y, &[2, 4]) => Some((*y).to_owned()),
        _ => None,
    }
}

/// A token that states the date: it has a digit ("25", "’17", "10/10") or says "nd"/"n.d.".
fn is_date_token(token: &str) -> bool {
    let bare = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    token.chars().any(|c| c.is_ascii_digit()) || bare == "nd" || bare == "n.d"
}

/// The bold group cut after its first date token: a fully bold cite paragraph gives
/// "Nachbar 19", not the whole paragraph.
fn up_to_date(short: &str) -> &str {
    let mut from = 0;
    for token in short.split_whitespace() {
        let at = short.get(from..).and_then(|rest| rest.find(token)).map_or(from, |i| from + i);
        from = at + token.len();
        if is_date_token(token) {
            let head = short.get(..from).unwrap_or(short);
            return head.trim_end_matches([',', ';', ':', '–', '—', '-']).trim_end();
        }
    }
    short
}

/// Byte index of the first ASCII-case-insensitive occurrence of `needle` (ASCII) in `hay`.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The first author's family name and the year a short cite states.
///
/// The name is what comes before the first date token, cut at " and ", " et al", " et.", ",",
/// "&" or " no date", and its last word; the year is what the date token states (see
/// `year_of`: "Kim 25" → 25, "Chow 10-28-21" → 21; "AFP 10/10" and "‘ND" state no year).
pub(crate) fn parse_short(short: &str) -> (Option<String>, Option<String>) {
    let tokens: Vec<&str> = short.split_whitespace().collect();
    let date = tokens.iter().position(|t| is_date_token(t));
    let name = tokens[..date.unwrap_or(tokens.len())].join(" ");
    let cut = [" and ", " et al", " et.", ",", "&", " no date"]
        .iter()
        .filter_map(|sep| find_ascii_ci(&name, sep))
        .min()
        .unwrap_or(name.len());
    let first_author = name.get(..cut).unwrap_or(&name);
    let last_name = first_author
        .split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty());
    let year = date.and_then(|i| tokens.get(i)).and_then(|t| year_of(t));
    (last_name, year)
}
