//! Caselist disclosure of a round (#15.6): what openCaselist takes. One cite entry per speech
//! document of the debater's side that holds cards (the largest heading used), titled by the
//! speech and its sections (at most [`MAX_TITLE_CHARS`] characters); in it each section's title,
//! each card's tag as a heading, its cite in bold, and its text without highlighting cut to the
//! first and last [`CITE_WORDS`] words with `AND` between (a card of up to twice that is whole).
//! The open-source file is named `School-Team-Aff|Neg-Tournament-RoundN.docx`.

use crate::model::{Item, Round};

use super::cite::card_cite;
use super::markdown::escape;

/// The longest entry title openCaselist accepts.
pub const MAX_TITLE_CHARS: usize = 127;
/// Words kept at each end of a card's text.
pub const CITE_WORDS: usize = 15;

/// One cite entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteEntry {
    /// Its title (at most [`MAX_TITLE_CHARS`] characters).
    pub title: String,
    /// Its Markdown.
    pub markdown: String,
}

/// A card's text as a cite entry gives it: the first and last [`CITE_WORDS`] words with `AND`
/// between, or the whole text (words single-spaced) when it has at most twice that many.
pub fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 2 * CITE_WORDS {
        return words.join(" ");
    }
    format!("{} AND {}", words[..CITE_WORDS].join(" "), words[words.len() - CITE_WORDS..].join(" "))
}

/// `title` cut to [`MAX_TITLE_CHARS`] characters (an ellipsis marks the cut).
pub fn entry_title(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() <= MAX_TITLE_CHARS {
        return title;
    }
    let mut cut: String = title.chars().take(MAX_TITLE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// The cite entries of `round`: one per speech of the debater's side that holds a card.
pub fn entries(round: &Round) -> Vec<CiteEntry> {
    let mut out = Vec::new();
    for speech in &round.speeches {
        let side = round.format.speech(&speech.name).map(|s| s.side);
        let has_card = speech.sections.iter().any(|s| s.cards().next().is_some());
        if side != Some(round.side) || !has_card {
            continue;
        }
        let sections: Vec<&str> = speech
            .sections
            .iter()
            .filter(|s| s.cards().next().is_some())
            .map(|s| s.title.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let title = match sections.is_empty() {
            true => speech.name.clone(),
            false => format!("{} — {}", speech.name, sections.join(", ")),
        };
        let mut md = String::new();
        for section in &speech.sections {
            if section.cards().next().is_none() {
                continue;
            }
            md.push_str(&format!("## {}\n\n", escape(section.title.trim())));
            for item in &section.items {
                let Item::Card { card, source, .. } = item else { continue };
                md.push_str(&format!("#### {}\n\n", escape(card.tag.trim())));
                let cite = card_cite(card, Some(source));
                let line: String = cite
                    .0
                    .iter()
                    .map(|(text, bold)| match bold {
                        true if !text.trim().is_empty() => format!("**{}**", escape(text.trim())),
                        _ => escape(text),
                    })
                    .collect();
                if !line.trim().is_empty() {
                    md.push_str(&format!("{}\n\n", line.trim()));
                }
                md.push_str(&format!("{}\n\n", escape(&shorten(&card.text))));
            }
        }
        out.push(CiteEntry { title: entry_title(&title), markdown: md });
    }
    out
}

/// The whole disclosure of a round as one Markdown text: each entry under its title.
pub fn markdown(round: &Round) -> Vec<u8> {
    let mut md = format!("# {}\n\n", escape(&round.label()));
    for entry in entries(round) {
        md.push_str(&format!("# {}\n\n{}", escape(&entry.title), entry.markdown));
    }
    md.into_bytes()
}

/// The open-source file's name: `School-Team-Aff-Tournament-Round3.docx` (each part's spaces and
/// punctuation dropped; a round without a number keeps its name: `Round-Octas`).
pub fn open_source_name(round: &Round) -> String {
    let part = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let (school, team) = (part(&round.school), part(&round.team));
    let side = if round.side == crate::model::CaseSide::Aff { "Aff" } else { "Neg" };
    let digits: String = round.round.chars().filter(char::is_ascii_digit).collect();
    let round_part =
        if digits.is_empty() { format!("Round-{}", part(&round.round)) } else { format!("Round{digits}") };
    let pieces: Vec<String> = [school, team, side.to_owned(), part(&round.tournament), round_part]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}.docx", pieces.join("-"))
}

#[cfg(test)]
#[path = "caselist_tests.rs"]
mod tests;
