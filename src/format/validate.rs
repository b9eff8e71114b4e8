//! Semantic checks that a well-formed file must also pass: unique ids, references that resolve,
//! marks inside the text, non-empty tags, plausible dates, conflict marks that name a card of the
//! deck. Each problem names the card (or source, section) and where in the file it is.
//!
//! Linear in the file: the `id: "…"` places are indexed once, and line and column are worked out
//! only for the first [`MAX_PROBLEMS`] problems; the rest are counted in one closing line.

use std::collections::{HashMap, HashSet};

use crate::model::provenance::is_rfc3339_like;
use crate::model::{Card, Deck, Item, Session, Source, WPM_RANGE, marks::check_marks, source::is_valid_date};

use super::Problem;
use super::ids::{check_deck_id, first_invisible, is_blank};

/// Problems reported per file; beyond this only their number is given.
pub const MAX_PROBLEMS: usize = 50;

const ID_FIELD: &str = "id: \"";

/// Where each `id: "…"` of a file is, and the file's line starts.
struct Locator<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    ids: HashMap<&'t str, Vec<usize>>,
}

impl<'t> Locator<'t> {
    fn new(text: &'t str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut ids: HashMap<&str, Vec<usize>> = HashMap::new();
        for (at, _) in text.match_indices(ID_FIELD) {
            let rest = &text[at + ID_FIELD.len()..];
            let end = rest.find(['"', '\\', '\n']).unwrap_or(rest.len());
            ids.entry(&rest[..end]).or_default().push(at);
        }
        Locator { text, line_starts, ids }
    }

    /// 1-based line and column (in characters) of byte `at`.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= at);
        let start = self.line_starts[line - 1];
        (line, self.text[start..at].chars().count() + 1)
    }

    /// Byte offset of the `nth` (0-based; the last if fewer) `id: "ID"` of the file.
    fn id_at(&self, id: &str, nth: usize) -> Option<usize> {
        let places = self.ids.get(id)?;
        places.get(nth).or(places.last()).copied()
    }
}

/// The problems found so far, with positions for the first [`MAX_PROBLEMS`].
struct Out<'t> {
    at: Locator<'t>,
    problems: Vec<Problem>,
    more: usize,
}

impl Out<'_> {
    fn full(&mut self) -> bool {
        if self.problems.len() < MAX_PROBLEMS {
            return false;
        }
        self.more += 1;
        true
    }

    fn whole_file(&mut self, message: impl FnOnce() -> String) {
        if !self.full() {
            self.problems.push(Problem::whole_file(message()));
        }
    }

    /// A problem at the `nth` `id: "ID"`, `shift` characters into the id.
    fn at_id(&mut self, id: &str, nth: usize, shift: Option<usize>, message: impl FnOnce() -> String) {
        if self.full() {
            return;
        }
        let (line, col) = match self.at.id_at(id, nth) {
            Some(at) => {
                let (line, col) = self.at.line_col(at);
                (line, col + shift.map_or(0, |s| ID_FIELD.len() + s))
            }
            None => (1, 1),
        };
        self.problems.push(Problem::at(line, col, message()));
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            let more = self.more;
            self.problems.push(Problem::whole_file(format!(
                "and {more} more problems; only the first {MAX_PROBLEMS} are listed"
            )));
        }
        self.problems
    }
}

fn check_source(source: &Source, nth: usize, out: &mut Out) {
    let id = &source.id;
    if is_blank(id) {
        out.whole_file(|| format!("source {:?} has an empty id", source.title));
    }
    if is_blank(&source.title) && is_blank(&source.note) {
        out.at_id(id, nth, None, || {
            format!("source {id:?}: empty title (give the title, or a note saying why there is none)")
        });
    }
    if let Some(d) = source.date.as_deref().filter(|d| !is_valid_date(d)) {
        out.at_id(id, nth, None, || format!("source {id:?}: date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    if let Some(d) = source.accessed.as_deref().filter(|d| !is_valid_date(d)) {
        out.at_id(id, nth, None, || format!("source {id:?}: access date {d:?} is not YYYY-MM-DD"));
    }
}

/// Checks a block's Pocket/Hat headings and asides: titled, in order, marks inside their text.
fn check_outline(block: &crate::model::Block, out: &mut Out) {
    if block.headings.iter().any(|h| is_blank(&h.title)) {
        out.whole_file(|| format!("block {:?}: a Pocket or Hat heading has an empty title", block.title));
    }
    let mut last = 0;
    for (n, aside) in block.asides.iter().enumerate() {
        let kind = aside.kind.name();
        let n = n + 1;
        if aside.before > block.cards.len() || aside.before < last {
            out.whole_file(|| {
                format!(
                    "block {:?}: aside {n} ({kind}) stands before card {} (the block has {} cards; \
                     asides go in order)",
                    block.title,
                    aside.before,
                    block.cards.len()
                )
            });
        }
        last = aside.before;
        if is_blank(&aside.text) {
            out.whole_file(|| format!("block {:?}: aside {n} is an empty {kind}", block.title));
        }
        if let Some(why) = check_marks(&aside.marks, aside.text.chars().count()) {
            out.whole_file(|| format!("block {:?}: aside {n} ({kind}): {why}", block.title));
        }
    }
}

/// Checks one card on its own: id, tag, text, marks, provenance dates, cut position.
fn check_card(card: &Card, nth: usize, out: &mut Out) {
    let id = &card.id;
    if is_blank(id) || id.chars().any(char::is_whitespace) {
        out.at_id(id, nth, None, || format!("card {id:?}: id must be non-empty with no spaces"));
    } else if let Some((at, name)) = first_invisible(id) {
        out.at_id(id, nth, Some(at), || {
            format!("card {id:?}: the id contains {name} at character {}", at + 1)
        });
    }
    if is_blank(&card.tag) {
        out.at_id(id, nth, None, || format!("card {id:?}: empty tag"));
    }
    if is_blank(&card.text) && card.cite_line.is_none() {
        out.at_id(id, nth, None, || format!("card {id:?}: no quoted text"));
    }
    if let Some(why) = check_marks(&card.tag_marks, card.tag.chars().count()) {
        out.at_id(id, nth, None, || format!("card {id:?}: tag {why}"));
    }
    if let Some(why) = card.cite_line.as_ref().and_then(|c| c.problem()) {
        out.at_id(id, nth, None, || format!("card {id:?}: {why}"));
    }
    if let Some(why) = check_marks(&card.marks, card.char_len()) {
        out.at_id(id, nth, None, || format!("card {id:?}: {why}"));
    }
    let p = &card.provenance;
    for (what, date) in [("created_at", &p.created_at), ("changed_at", &p.changed_at)] {
        if !date.is_empty() && !is_rfc3339_like(date) {
            out.at_id(id, nth, None, || {
                format!("card {id:?}: {what} {date:?} is not an RFC 3339 time like 2026-11-22T19:41:07Z")
            });
        }
    }
    if let Some(cut) = card.cut_from.filter(|c| c.start > c.end) {
        out.at_id(id, nth, None, || format!("card {id:?}: cut_from {}..{} is reversed", cut.start, cut.end));
    }
    check_answers(card, nth, out);
}

/// A card's links: each names something (no blank label, deck, card or block), once.
fn check_answers(card: &Card, nth: usize, out: &mut Out) {
    let id = &card.id;
    for why in link_problems(&card.answers) {
        out.at_id(id, nth, None, || format!("card {id:?}: {why}"));
    }
}

/// What is wrong with a list of answer links: one that names nothing, one given twice.
fn link_problems(links: &[crate::model::AnswerLink]) -> Vec<String> {
    use crate::model::AnswerTarget;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for link in links {
        let blank = match &link.target {
            AnswerTarget::Card { deck, card } => is_blank(deck) || is_blank(card),
            AnswerTarget::Block { deck, title } => is_blank(deck) || is_blank(title),
            AnswerTarget::Label(label) => is_blank(label),
        };
        if blank {
            out.push("an answer link names nothing".to_owned());
        } else if !seen.insert(&link.target) {
            out.push(format!("answers {:?} twice", link.target.describe()));
        }
    }
    out
}

/// Counts occurrences, so a duplicate is reported at itself rather than at the first.
fn bump<'a>(seen: &mut HashMap<&'a str, usize>, id: &'a str) -> usize {
    let n = seen.entry(id).or_insert(0);
    *n += 1;
    *n - 1
}

/// Every semantic problem of a deck; `text` is the file text, for positions.
pub fn validate_deck(deck: &Deck, text: &str) -> Vec<Problem> {
    let mut out = Out { at: Locator::new(text), problems: Vec::new(), more: 0 };
    if is_blank(&deck.id) {
        out.whole_file(|| "the deck has an empty id".into());
    } else if let Err(why) = check_deck_id(&deck.id) {
        let shift = first_invisible(&deck.id).map(|(at, _)| at);
        out.at_id(&deck.id, 0, shift, || format!("{why} (deck ids become file names)"));
    }
    // `id: "X"` places in file order: the deck's, then sources', then cards'.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    bump(&mut seen, &deck.id);
    let mut source_ids = HashSet::new();
    for source in &deck.sources {
        let nth = bump(&mut seen, &source.id);
        check_source(source, nth, &mut out);
        if !source_ids.insert(source.id.as_str()) {
            out.at_id(&source.id, nth, None, || format!("source {:?}: duplicate source id", source.id));
        }
    }
    let mut card_ids = HashSet::new();
    for block in &deck.blocks {
        if is_blank(&block.title) && !block.title.is_empty() {
            out.whole_file(|| "a block title is only spaces (leave it empty for no Block heading)".into());
        }
        check_outline(block, &mut out);
        for card in &block.cards {
            let nth = bump(&mut seen, &card.id);
            check_card(card, nth, &mut out);
            if !card_ids.insert(card.id.as_str()) {
                out.at_id(&card.id, nth, None, || format!("card {:?}: duplicate card id", card.id));
            }
            if !source_ids.contains(card.source.as_str()) {
                out.at_id(&card.id, nth, None, || {
                    format!(
                        "card {:?}: cites source {:?}, which the deck does not list",
                        card.id, card.source
                    )
                });
            }
        }
    }
    for card in deck.cards() {
        let Some(conflict) = &card.conflict else { continue };
        if conflict.with == card.id {
            out.at_id(&card.id, 0, None, || format!("card {:?}: marked as conflicting with itself", card.id));
        } else if !card_ids.contains(conflict.with.as_str()) {
            out.at_id(&card.id, 0, None, || {
                format!(
                    "card {:?}: marked as conflicting with card {:?}, which the deck does not hold",
                    card.id, conflict.with
                )
            });
        }
    }
    out.finish()
}

/// Every semantic problem of a session; `text` is the file text, for positions.
pub fn validate_session(session: &Session, text: &str) -> Vec<Problem> {
    let mut out = Out { at: Locator::new(text), problems: Vec::new(), more: 0 };
    if !WPM_RANGE.contains(&session.wpm) {
        out.whole_file(|| {
            format!(
                "reading speed {} words per minute is outside {}..{}",
                session.wpm,
                WPM_RANGE.start(),
                WPM_RANGE.end()
            )
        });
    }
    let mut deck_ids = HashSet::new();
    for d in &session.decks {
        if let Err(why) = check_deck_id(&d.id) {
            out.at_id(&d.id, 0, first_invisible(&d.id).map(|(at, _)| at), || {
                format!("deck reference: {why}")
            });
        }
        if !deck_ids.insert(d.id.as_str()) {
            out.whole_file(|| format!("deck {:?} is listed twice", d.id));
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for d in &session.decks {
        bump(&mut seen, &d.id);
    }
    for (section, item) in session.items() {
        let (deck, card, source) = match item {
            Item::Card { deck, card, source } => (deck, card, source),
            Item::Analytic { text, answers } => {
                let words: String = text.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
                for why in link_problems(answers) {
                    out.whole_file(|| format!("analytic {words:?} in {:?}: {why}", section.title));
                }
                continue;
            }
        };
        let nth = bump(&mut seen, &card.id);
        check_card(card, nth, &mut out);
        let source_nth = bump(&mut seen, &source.id);
        check_source(source, source_nth, &mut out);
        if !deck_ids.contains(deck.as_str()) {
            out.at_id(&card.id, nth, None, || {
                format!(
                    "card {:?} in {:?}: points at deck {deck:?}, which the session does not list",
                    card.id, section.title
                )
            });
        }
        if source.id != card.source {
            out.at_id(&card.id, nth, None, || {
                format!("card {:?}: cites source {:?} but carries {:?}", card.id, card.source, source.id)
            });
        }
    }
    let mut topic = HashSet::new();
    for id in session.topic.iter().flatten() {
        let why = check_deck_id(id).err().or_else(|| (!topic.insert(id)).then(|| "listed twice".to_owned()));
        if let Some(why) = why {
            out.whole_file(|| format!("topic deck {id:?}: {why}"));
        }
    }
    check_rounds(session, &mut out);
    out.finish()
}

/// A round's speeches must be speeches of its format, each named once; a marked point must name
/// a card of its speech and stop within its text.
fn check_rounds(session: &Session, out: &mut Out<'_>) {
    for (r, round) in session.rounds.iter().enumerate() {
        let which = || format!("round {} ({})", r + 1, round.label());
        let mut names = HashSet::new();
        for speech in &round.speeches {
            if round.format.speech(&speech.name).is_none() {
                out.whole_file(|| {
                    format!("{}: {:?} is not a speech of {}", which(), speech.name, round.format.name())
                });
            }
            if !names.insert(speech.name.to_ascii_lowercase()) {
                out.whole_file(|| format!("{}: speech {:?} is listed twice", which(), speech.name));
            }
            for mark in &speech.marked {
                let card = speech.sections.iter().flat_map(|s| s.cards()).find(|c| c.id == mark.card);
                match card {
                    None => out.whole_file(|| {
                        format!(
                            "{}: {} is marked in card {:?}, which it does not hold",
                            which(),
                            speech.name,
                            mark.card
                        )
                    }),
                    Some(card) if mark.offset > card.text.chars().count() => out.whole_file(|| {
                        format!(
                            "{}: the mark in card {:?} of the {} is past the end of its text",
                            which(),
                            mark.card,
                            speech.name
                        )
                    }),
                    Some(_) => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_reports_one_based_line_and_column() {
        let at = Locator::new("a\n  id: \"x\"\n id: \"x\"");
        assert_eq!(at.line_col(at.id_at("x", 0).unwrap()), (2, 3));
        assert_eq!(at.line_col(at.id_at("x", 1).unwrap()), (3, 2));
        assert_eq!(at.line_col(at.id_at("x", 7).unwrap()), (3, 2));
        assert_eq!(at.id_at("zzz", 0), None);
    }
}
