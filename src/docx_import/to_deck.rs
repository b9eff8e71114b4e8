//! From an imported Word outline to a [`Deck`]: headings, blocks, cards, asides and sources.
//!
//! - Pocket and Hat headings wait for the next block and open it ([`crate::model::Block::headings`]);
//!   a Block heading starts a block; a card, analytic or loose paragraph after new headings and
//!   before any Block heading starts an untitled block, so nothing moves out of its place.
//! - A card keeps its tag, text, marks (highlights with their colour) and its cite line as
//!   written, bold ranges included. Cards with the same cite line share one [`Source`], which
//!   holds only what the cite's bold part states: the last name and, when written with four
//!   digits, the year. Nothing else is guessed; a note on the source says so.
//! - Undertags inside a card become its note; analytics, undertags and loose paragraphs outside
//!   cards become asides.
//! - Casebook's own export is read back as written: a Pocket followed by `CasebookIntro` lines is
//!   the deck title with its resolution and description; `CasebookSummary` lines (card counts
//!   and reading times, derived) are skipped.
//!
//! The resulting deck passes the checks the loader applies to deck files; what they would refuse
//! is an error, never a file.

use std::collections::{HashMap, HashSet};

use super::unique_ids::UniqueIds;
use std::path::Path;

use crate::cutting::kebab_case;
use crate::format;
use crate::model::{
    Aside, AsideKind, Author, Block, Card, CiteLine as ModelCiteLine, Deck, Heading, HeadingLevel, Side,
    Source,
};

use super::report::ImportReport;
use super::types::{CiteLine, ImportedCard, ImportedDoc, Mark, MarkKind, Node, Para, model_marks};

/// Style id of the resolution and description lines Casebook writes under a deck's title.
pub const INTRO_STYLE: &str = "CasebookIntro";
/// Style id of the derived summary lines (card counts, reading time) Casebook writes.
pub const SUMMARY_STYLE: &str = "CasebookSummary";

/// Note on every source made from a cite line.
pub const CITE_SOURCE_NOTE: &str = "From a Word cite line: only the last name and year in its bold part are known; the cite as written is on each card.";
/// Note on the source of cards that had no cite paragraph.
pub const NO_CITE_NOTE: &str = "The Word file gave these cards no cite.";

/// The tag of a card whose tag in the Word file shows nothing.
pub const NO_TAG: &str = "(no tag in the Word file)";

/// What the deck is called and argues, and who reads its cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeckOptions {
    /// Deck id (checked like any deck id).
    pub id: String,
    /// Title shown in the library.
    pub title: String,
    /// The resolution (empty when not given; a Casebook export states its own).
    pub resolution: String,
    /// Side of every card (Either unless the user says).
    pub side: Side,
}

impl DeckOptions {
    /// Id and title from a file name ("Neg – Taiwan Trap.docx" → "neg-taiwan-trap", "Neg –
    /// Taiwan Trap"), side from its words (aff, 1ac, 2ac, 1ar, 2ar / neg, 1nc, 2nc, 1nr, 2nr;
    /// Either when neither or both appear).
    pub fn from_file_name(path: &Path) -> DeckOptions {
        let stem = path.file_name().and_then(|n| n.to_str()).unwrap_or("imported");
        let stem = stem.strip_suffix(".docx").or_else(|| stem.strip_suffix(".DOCX")).unwrap_or(stem).trim();
        let id = kebab_case(stem);
        let id: String = id.chars().take(format::ID_MAX_CHARS).collect();
        let id = id.trim_end_matches('-').to_owned();
        let id = if format::check_deck_id(&id).is_ok() { id } else { "imported".to_owned() };
        let words: HashSet<&str> = id.split('-').collect();
        let aff = ["aff", "1ac", "2ac", "1ar", "2ar"].iter().any(|w| words.contains(w));
        let neg = ["neg", "1nc", "2nc", "1nr", "2nr"].iter().any(|w| words.contains(w));
        let side = match (aff, neg) {
            (true, false) => Side::Aff,
            (false, true) => Side::Neg,
            _ => Side::Either,
        };
        DeckOptions { id, title: stem.to_owned(), resolution: String::new(), side }
    }
}

/// What the conversion made, beyond the reader's own report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeckReport {
    /// Cards in the deck.
    pub cards: usize,
    /// Blocks in the deck (untitled ones included).
    pub blocks: usize,
    /// Asides of each kind: analytics, undertags, other text.
    pub analytics: usize,
    /// Undertag asides (undertags inside cards became notes and are not counted here).
    pub undertags: usize,
    /// Loose paragraphs kept as text asides.
    pub texts: usize,
    /// Notes (undertags inside cards) whose marks were not kept.
    pub note_marks_dropped: usize,
    /// Cards whose tag shows nothing (only invisible characters): tagged "(no tag in the Word file)".
    pub untagged: usize,
    /// Headings and lines of nothing visible (only zero-width or other invisible characters).
    pub invisible: usize,
}

/// Why an imported outline does not make a deck.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeckError {
    /// Headings or text, but not one card.
    #[error("the document has {0} but no cards (no Tag paragraph followed by a cite or text)")]
    NoCards(String),
    /// The converted deck fails the loader's checks.
    #[error("the imported deck would not load back: {0}")]
    Invalid(String),
}

/// Turns an imported outline into a deck that loads back exactly as built. It converts a copy of
/// the outline; [`into_deck`] takes the outline instead and needs no copy of it.
pub fn to_deck(doc: &ImportedDoc, options: &DeckOptions) -> Result<(Deck, DeckReport), DeckError> {
    into_deck(doc.clone(), options)
}

/// [`to_deck`], taking the imported document: each node's text moves into the deck, and the
/// outline's memory is given back as the deck grows, so the two are never both held whole.
pub fn into_deck(doc: ImportedDoc, options: &DeckOptions) -> Result<(Deck, DeckReport), DeckError> {
    let ImportedDoc { mut outline, report } = doc;
    let mut b = Builder::new(options);
    // Taken from the end of the reversed outline, so its buffer can shrink as it empties.
    outline.reverse();
    let mut first = true;
    while let Some(node) = outline.pop() {
        let casebook_title = first
            && matches!(node, Node::Pocket(_))
            && matches!(outline.last(), Some(Node::Paragraph(p)) if is_style(p, INTRO_STYLE) || is_style(p, SUMMARY_STYLE));
        first = false;
        match node {
            Node::Pocket(t) if casebook_title => b.deck.title = t,
            // A heading of nothing visible (zero-width spaces) heads nothing.
            Node::Pocket(t) | Node::Hat(t) if format::is_blank(&t) => b.report.invisible += 1,
            Node::Pocket(title) => b.headings.push(Heading { level: HeadingLevel::Pocket, title }),
            Node::Hat(title) => b.headings.push(Heading { level: HeadingLevel::Hat, title }),
            Node::Block(t) if format::is_blank(&t) => b.open_block(String::new()),
            Node::Block(t) => b.open_block(t),
            Node::Paragraph(p) if is_style(&p, SUMMARY_STYLE) => {}
            Node::Paragraph(p) if is_style(&p, INTRO_STYLE) && b.deck.blocks.is_empty() => b.intro(&p),
            Node::Paragraph(p) => b.aside(AsideKind::Text, &p),
            Node::Analytic(p) => b.aside(AsideKind::Analytic, &p),
            Node::Undertag(p) => b.aside(AsideKind::Undertag, &p),
            Node::Card(c) => b.card(c),
        }
        if outline.len() < outline.capacity() / 4 {
            outline.shrink_to_fit();
        }
    }
    drop(outline);
    b.finish(&report)
}

fn is_style(p: &Para, style: &str) -> bool {
    p.style.as_deref() == Some(style)
}

struct Builder {
    deck: Deck,
    side: Side,
    headings: Vec<Heading>,
    card_ids: UniqueIds,
    source_ids: UniqueIds,
    source_of_cite: HashMap<String, String>,
    intro_lines: usize,
    report: DeckReport,
}

impl Builder {
    fn new(options: &DeckOptions) -> Self {
        let mut deck = Deck::empty(options.id.clone(), options.title.clone(), options.resolution.clone());
        deck.blocks.clear();
        Builder {
            deck,
            side: options.side,
            headings: Vec::new(),
            card_ids: UniqueIds::default(),
            source_ids: UniqueIds::default(),
            source_of_cite: HashMap::new(),
            intro_lines: 0,
            report: DeckReport::default(),
        }
    }

    fn open_block(&mut self, title: String) {
        let mut block = Block::new(title, Vec::new());
        block.headings = std::mem::take(&mut self.headings);
        self.deck.blocks.push(block);
    }

    /// The block new content goes into: the current one, or a new untitled one when headings
    /// are waiting or no block has started.
    fn block(&mut self) -> &mut Block {
        if !self.headings.is_empty() || self.deck.blocks.is_empty() {
            self.open_block(String::new());
        }
        let last = self.deck.blocks.len() - 1;
        &mut self.deck.blocks[last]
    }

    /// A `CasebookIntro` line: the resolution, then the description's paragraphs.
    fn intro(&mut self, p: &Para) {
        let text = p.text.trim().to_owned();
        if self.intro_lines == 0 && self.deck.resolution.is_empty() {
            self.deck.resolution = text;
        } else if self.intro_lines == 0 {
            self.deck.description = text;
        } else {
            if !self.deck.description.is_empty() {
                self.deck.description.push_str("\n\n");
            }
            self.deck.description.push_str(&text);
        }
        self.intro_lines += 1;
    }

    fn aside(&mut self, kind: AsideKind, p: &Para) {
        let p = p.trimmed();
        if format::is_blank(&p.text) {
            self.report.invisible += 1;
            return;
        }
        match kind {
            AsideKind::Analytic => self.report.analytics += 1,
            AsideKind::Undertag => self.report.undertags += 1,
            AsideKind::Text => self.report.texts += 1,
        }
        let block = self.block();
        let before = block.cards.len();
        block.asides.push(Aside { before, kind, text: p.text.clone(), marks: model_marks(&p.marks) });
    }

    fn card(&mut self, c: ImportedCard) {
        if format::is_blank(&c.text) && c.cite.is_none() {
            // Nothing visible to quote and no cite: the tag is the debater's own line.
            let tag = Para {
                text: c.tag,
                marks: c.tag_marks,
                style: None,
                role: super::types::ParaRole::Analytic,
                in_table: false,
                in_text_box: false,
            };
            return self.aside(AsideKind::Analytic, &tag);
        }
        if c.notes.iter().any(|n| n.marks.iter().any(|m| m.kind.to_model().is_some())) {
            self.report.note_marks_dropped += 1;
        }
        let source = self.source_for(c.cite.as_ref());
        let id = self.card_id(&c.tag);
        let tagged = !format::is_blank(&c.tag);
        let tag = if tagged {
            c.tag
        } else {
            self.report.untagged += 1;
            NO_TAG.to_owned()
        };
        let mut card = Card::new(id, tag, self.side, source, c.text);
        card.marks = model_marks(&c.marks);
        if tagged {
            card.tag_marks = model_marks(&c.tag_marks);
        }
        let notes: Vec<String> =
            c.notes.iter().map(|n| n.text.trim().to_owned()).filter(|n| !n.is_empty()).collect();
        card.note = (!notes.is_empty()).then(|| notes.join("\n\n"));
        card.cite_line = c.cite.as_ref().map(model_cite);
        self.report.cards += 1;
        self.block().cards.push(card);
    }

    fn card_id(&mut self, tag: &str) -> String {
        let base = tag_words(tag);
        let base = if base.is_empty() { "card".to_owned() } else { base };
        self.card_ids.unique(base)
    }

    /// The source for a cite line: one per distinct line, holding only what its bold part states.
    fn source_for(&mut self, cite: Option<&CiteLine>) -> String {
        let key = cite.map(|c| c.raw.trim().to_owned()).unwrap_or_default();
        if let Some(id) = self.source_of_cite.get(&key) {
            return id.clone();
        }
        let source = match cite {
            None => Source {
                id: self.source_ids.unique("no-cite".to_owned()),
                title: String::new(),
                authors: Vec::new(),
                note: NO_CITE_NOTE.to_owned(),
                publication: String::new(),
                date: None,
                url: String::new(),
                accessed: None,
            },
            Some(c) => {
                let year =
                    c.year.as_deref().filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
                let base = match (&c.last_name, &c.year) {
                    (Some(n), Some(y)) => kebab_case(&format!("{n} {y}")),
                    (Some(n), None) => kebab_case(n),
                    _ => String::new(),
                };
                let base = if base.is_empty() { "cite".to_owned() } else { base };
                Source {
                    id: self.source_ids.unique(base),
                    title: String::new(),
                    authors: c
                        .last_name
                        .iter()
                        .map(|n| Author { name: n.clone(), qualifications: String::new() })
                        .collect(),
                    note: CITE_SOURCE_NOTE.to_owned(),
                    publication: String::new(),
                    date: year.map(str::to_owned),
                    url: String::new(),
                    accessed: None,
                }
            }
        };
        let id = source.id.clone();
        self.deck.sources.push(source);
        self.source_of_cite.insert(key, id.clone());
        id
    }

    fn finish(mut self, read: &ImportReport) -> Result<(Deck, DeckReport), DeckError> {
        if self.report.cards == 0 {
            let r = read;
            let what = format!(
                "{} headings, {} analytics and {} other paragraphs",
                r.pockets + r.hats + r.blocks,
                self.report.analytics,
                self.report.undertags + self.report.texts
            );
            return Err(DeckError::NoCards(what));
        }
        if !self.headings.is_empty() {
            // Headings at the very end open an empty untitled block, so they are kept.
            self.open_block(String::new());
        }
        self.report.blocks = self.deck.blocks.len();
        // The ids and cites seen are not needed any more: given back before the checks build theirs.
        let Builder { mut deck, report, card_ids, source_ids, source_of_cite, .. } = self;
        drop((card_ids, source_ids, source_of_cite));
        // The loader's own checks, on the deck in the canonical form a save writes (the file's
        // size is checked when it is saved; the fuzzer proves a saved import loads back).
        format::canonicalize_deck(&mut deck);
        if let Some(problem) = format::validate_deck(&deck, "").into_iter().next() {
            return Err(DeckError::Invalid(problem.message));
        }
        Ok((deck, report))
    }
}

/// The first few words of a tag in kebab case, for an id.
fn tag_words(tag: &str) -> String {
    const WORDS: usize = 5;
    kebab_case(tag).split('-').filter(|w| !w.is_empty()).take(WORDS).collect::<Vec<_>>().join("-")
}

/// The cite line as written (trimmed, as the reader gives it), with its bold ranges merged and
/// its other marks.
fn model_cite(cite: &CiteLine) -> ModelCiteLine {
    let lead = cite.raw.chars().take_while(|c| c.is_whitespace()).count();
    let text = cite.raw.trim().to_owned();
    let len = text.chars().count();
    let mut bold: Vec<(usize, usize)> = cite
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Bold)
        .map(|m| (m.start.saturating_sub(lead).min(len), m.end.saturating_sub(lead).min(len)))
        .filter(|(s, e)| s < e)
        .collect();
    bold.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(bold.len());
    for (s, e) in bold {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let shifted: Vec<Mark> = cite
        .marks
        .iter()
        .filter(|m| m.kind != MarkKind::Bold)
        .map(|m| Mark {
            kind: m.kind.clone(),
            start: m.start.saturating_sub(lead).min(len),
            end: m.end.saturating_sub(lead).min(len),
        })
        .collect();
    ModelCiteLine { text, bold: merged, marks: model_marks(&shifted) }
}
