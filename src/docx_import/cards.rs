//! Card structure: paragraphs in, outline out.
//!
//! A card is a Tag paragraph, then its cite (the first non-blank paragraph after the tag, when
//! [`is_cite`] accepts it), then every paragraph up to the next heading, tag or analytic. A tag
//! with neither cite nor text is an analytic. Undertags between a tag and its cite are the card's
//! notes; an undertag after the cite or text ends the card and stands alone. Casebook's own
//! non-card lines (`CasebookIntro`, `CasebookSummary`, `CasebookText`) never join a card. Blank
//! paragraphs are counted and skipped; they never end a card or take the cite's place.

use super::cite::{cite_line, is_cite};
use super::report::ImportReport;
use super::types::{ImportedCard, Mark, Node, Para, ParaRole};

/// A card being gathered.
struct Pending {
    tag: Para,
    notes: Vec<Para>,
    cite: Option<Para>,
    /// The paragraph after the tag has been looked at for a cite.
    cite_checked: bool,
    text: String,
    chars: usize,
    marks: Vec<Mark>,
    paragraph_starts: Vec<usize>,
}

impl Pending {
    fn new(tag: Para) -> Self {
        Pending {
            tag,
            notes: Vec::new(),
            cite: None,
            cite_checked: false,
            text: String::new(),
            chars: 0,
            marks: Vec::new(),
            paragraph_starts: Vec::new(),
        }
    }

    fn push_text(&mut self, para: Para) {
        if !self.paragraph_starts.is_empty() {
            self.text.push_str("\n\n");
            self.chars += 2;
        }
        let offset = self.chars;
        self.paragraph_starts.push(offset);
        self.chars += para.char_len();
        self.text.push_str(&para.text);
        self.marks.extend(para.marks.into_iter().map(|m| Mark {
            start: m.start + offset,
            end: m.end + offset,
            kind: m.kind,
        }));
    }
}

/// Paragraph styles Casebook's own export gives lines that are not card text (the deck's title
/// lines, summaries, loose text): such a line never joins a card.
const CASEBOOK_LINES: [&str; 3] = ["CasebookIntro", "CasebookSummary", "CasebookText"];

/// Builds the outline one paragraph at a time.
#[derive(Default)]
pub(crate) struct OutlineBuilder {
    nodes: Vec<Node>,
    pending: Option<Pending>,
}

impl OutlineBuilder {
    /// Takes the next paragraph in document order.
    pub(crate) fn push(&mut self, para: Para, report: &mut ImportReport) {
        if para.is_blank() {
            report.blank_paragraphs += 1;
            return;
        }
        match para.role {
            ParaRole::Pocket | ParaRole::Hat | ParaRole::Block => {
                self.finish(report);
                let text = para.text.trim().to_owned();
                self.nodes.push(match para.role {
                    ParaRole::Pocket => {
                        report.pockets += 1;
                        Node::Pocket(text)
                    }
                    ParaRole::Hat => {
                        report.hats += 1;
                        Node::Hat(text)
                    }
                    _ => {
                        report.blocks += 1;
                        Node::Block(text)
                    }
                });
            }
            ParaRole::Tag => {
                self.finish(report);
                report.tags += 1;
                self.pending = Some(Pending::new(para.trimmed()));
            }
            ParaRole::Analytic => {
                self.finish(report);
                report.analytics += 1;
                self.nodes.push(Node::Analytic(para.trimmed()));
            }
            ParaRole::Undertag => {
                report.undertags += 1;
                match self.pending.as_mut() {
                    // Under the tag, before the cite, where Verbatim puts it: the card's note.
                    Some(p) if !p.cite_checked => p.notes.push(para.trimmed()),
                    // After the cite or text, it is not about that card: a line of its own.
                    _ => {
                        self.finish(report);
                        self.nodes.push(Node::Undertag(para.trimmed()));
                    }
                }
            }
            ParaRole::Body if para.style.as_deref().is_some_and(|s| CASEBOOK_LINES.contains(&s)) => {
                self.finish(report);
                report.loose_paragraphs += 1;
                self.nodes.push(Node::Paragraph(para));
            }
            ParaRole::Cite | ParaRole::Body => match self.pending.as_mut() {
                Some(p) if !p.cite_checked => {
                    p.cite_checked = true;
                    if is_cite(&para) {
                        p.cite = Some(para.trimmed());
                    } else {
                        p.push_text(para);
                    }
                }
                Some(p) => p.push_text(para),
                None => {
                    report.loose_paragraphs += 1;
                    self.nodes.push(Node::Paragraph(para));
                }
            },
        }
    }

    /// Closes the card being gathered, if any.
    fn finish(&mut self, report: &mut ImportReport) {
        let Some(mut p) = self.pending.take() else { return };
        if p.cite.is_none() && p.paragraph_starts.is_empty() {
            report.tag_analytics += 1;
            report.analytics += 1;
            self.nodes.push(Node::Analytic(p.tag));
            self.nodes.extend(p.notes.into_iter().map(Node::Undertag));
            return;
        }
        report.cards += 1;
        if p.cite.is_none() {
            report.cards_without_cite += 1;
        }
        // Joining paragraphs grew these by doubling; the card is kept as it is now.
        p.text.shrink_to_fit();
        p.marks.shrink_to_fit();
        p.paragraph_starts.shrink_to_fit();
        self.nodes.push(Node::Card(ImportedCard {
            tag: p.tag.text,
            tag_marks: p.tag.marks,
            cite: p.cite.as_ref().map(cite_line),
            notes: p.notes,
            text: p.text,
            marks: p.marks,
            paragraph_starts: p.paragraph_starts,
        }));
    }

    /// The finished outline.
    pub(crate) fn finish_outline(mut self, report: &mut ImportReport) -> Vec<Node> {
        self.finish(report);
        self.nodes
    }
}
