//! Semantic checks that a well-formed file must also pass: unique ids, references that resolve,
//! marks inside the text, non-empty tags, plausible dates, conflict marks that name a card of the
//! deck. Each problem names the card (or source, section) and where in the file it is.

use std::collections::HashSet;

use crate::model::provenance::is_rfc3339_like;
use crate::model::{Card, Deck, Item, Session, Source, WPM_RANGE, marks::check_marks, source::is_valid_date};

use super::Problem;

/// Where `needle` first occurs in `text` as 1-based line:col; 1:1 if absent.
fn locate(text: &str, needle: &str) -> (usize, usize) {
    match text.find(needle) {
        Some(at) => {
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        }
        None => (1, 1),
    }
}

fn at_id(text: &str, id: &str, message: String) -> Problem {
    let (line, col) = locate(text, &format!("id: {id:?}"));
    Problem::at(line, col, message)
}

fn check_source(source: &Source, text: &str, out: &mut Vec<Problem>) {
    let id = &source.id;
    if id.trim().is_empty() {
        out.push(Problem::whole_file(format!("source {:?} has an empty id", source.title)));
    }
    if source.title.trim().is_empty() {
        out.push(at_id(text, id, format!("source {id:?}: empty title")));
    }
    if let Some(d) = source.date.as_deref().filter(|d| !is_valid_date(d)) {
        out.push(at_id(text, id, format!("source {id:?}: date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD")));
    }
    if let Some(d) = source.accessed.as_deref().filter(|d| !is_valid_date(d)) {
        out.push(at_id(text, id, format!("source {id:?}: access date {d:?} is not YYYY-MM-DD")));
    }
}

/// Checks one card on its own: id, tag, text, marks, provenance dates, cut position.
fn check_card(card: &Card, text: &str, out: &mut Vec<Problem>) {
    let id = &card.id;
    if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
        out.push(at_id(text, id, format!("card {id:?}: id must be non-empty with no spaces")));
    }
    if card.tag.trim().is_empty() {
        out.push(at_id(text, id, format!("card {id:?}: empty tag")));
    }
    if card.text.trim().is_empty() {
        out.push(at_id(text, id, format!("card {id:?}: no quoted text")));
    }
    if let Some(why) = check_marks(&card.marks, card.char_len()) {
        out.push(at_id(text, id, format!("card {id:?}: {why}")));
    }
    let p = &card.provenance;
    for (what, date) in [("created_at", &p.created_at), ("changed_at", &p.changed_at)] {
        if !date.is_empty() && !is_rfc3339_like(date) {
            out.push(at_id(
                text,
                id,
                format!("card {id:?}: {what} {date:?} is not an RFC 3339 time like 2026-11-22T19:41:07Z"),
            ));
        }
    }
    if let Some(cut) = card.cut_from.filter(|c| c.start > c.end) {
        out.push(at_id(text, id, format!("card {id:?}: cut_from {}..{} is reversed", cut.start, cut.end)));
    }
}

/// Every semantic problem of a deck; `text` is the file text, for positions.
pub fn validate_deck(deck: &Deck, text: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    if deck.id.trim().is_empty() {
        out.push(Problem::whole_file("the deck has an empty id"));
    }
    let mut source_ids = HashSet::new();
    for source in &deck.sources {
        check_source(source, text, &mut out);
        if !source_ids.insert(source.id.as_str()) {
            out.push(at_id(text, &source.id, format!("source {:?}: duplicate source id", source.id)));
        }
    }
    let mut card_ids = HashSet::new();
    for block in &deck.blocks {
        if block.title.trim().is_empty() {
            out.push(Problem::whole_file("a block has an empty title"));
        }
        for card in &block.cards {
            check_card(card, text, &mut out);
            if !card_ids.insert(card.id.as_str()) {
                out.push(at_id(text, &card.id, format!("card {:?}: duplicate card id", card.id)));
            }
            if !source_ids.contains(card.source.as_str()) {
                out.push(at_id(
                    text,
                    &card.id,
                    format!(
                        "card {:?}: cites source {:?}, which the deck does not list",
                        card.id, card.source
                    ),
                ));
            }
        }
    }
    for card in deck.cards() {
        let Some(conflict) = &card.conflict else { continue };
        if conflict.with == card.id {
            out.push(at_id(text, &card.id, format!("card {:?}: marked as conflicting with itself", card.id)));
        } else if !card_ids.contains(conflict.with.as_str()) {
            out.push(at_id(
                text,
                &card.id,
                format!(
                    "card {:?}: marked as conflicting with card {:?}, which the deck does not hold",
                    card.id, conflict.with
                ),
            ));
        }
    }
    out
}

/// Every semantic problem of a session; `text` is the file text, for positions.
pub fn validate_session(session: &Session, text: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    if !WPM_RANGE.contains(&session.wpm) {
        out.push(Problem::whole_file(format!(
            "reading speed {} words per minute is outside {}..{}",
            session.wpm,
            WPM_RANGE.start(),
            WPM_RANGE.end()
        )));
    }
    let mut deck_ids = HashSet::new();
    for d in &session.decks {
        if !deck_ids.insert(d.id.as_str()) {
            out.push(Problem::whole_file(format!("deck {:?} is listed twice", d.id)));
        }
    }
    for (section, item) in session.items() {
        let Item::Card { deck, card, source } = item else { continue };
        check_card(card, text, &mut out);
        check_source(source, text, &mut out);
        if !deck_ids.contains(deck.as_str()) {
            out.push(at_id(
                text,
                &card.id,
                format!(
                    "card {:?} in {:?}: points at deck {deck:?}, which the session does not list",
                    card.id, section.title
                ),
            ));
        }
        if source.id != card.source {
            out.push(at_id(
                text,
                &card.id,
                format!("card {:?}: cites source {:?} but carries {:?}", card.id, card.source, source.id),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_reports_one_based_line_and_column() {
        assert_eq!(locate("a\n  id: \"x\"", "id: \"x\""), (2, 3));
        assert_eq!(locate("abc", "zzz"), (1, 1));
    }
}
