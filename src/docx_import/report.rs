//! What an import read, kept and dropped: nothing of the text is lost without a count here.

/// Counts gathered while importing. Kept content is in the outline; everything the outline
/// cannot hold (images, footnote and comment bodies, deletions…) is counted so the user can be
/// told what to check in Word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Paragraphs read from the body, text boxes and table cells, blank ones included.
    pub paragraphs: usize,
    /// Paragraphs with no text or only whitespace (skipped; they carry nothing).
    pub blank_paragraphs: usize,
    /// Pocket headings.
    pub pockets: usize,
    /// Hat headings.
    pub hats: usize,
    /// Block headings.
    pub blocks: usize,
    /// Tag paragraphs with text (each became a card or an analytic).
    pub tags: usize,
    /// Cards (tags followed by a cite or text).
    pub cards: usize,
    /// Cards whose tag was not followed by a cite paragraph.
    pub cards_without_cite: usize,
    /// Tags with neither cite nor text, imported as analytics.
    pub tag_analytics: usize,
    /// Analytic nodes in all: Analytic-styled paragraphs plus `tag_analytics`.
    pub analytics: usize,
    /// Undertag paragraphs (inside cards as notes, or alone).
    pub undertags: usize,
    /// Paragraphs outside any card, kept as [`super::Node::Paragraph`].
    pub loose_paragraphs: usize,
    /// Tables (`w:tbl`); their cell paragraphs are kept in the outline in reading order.
    pub tables: usize,
    /// Text boxes (`w:txbxContent`); their paragraphs are kept after the anchoring paragraph.
    pub text_boxes: usize,
    /// Pictures, drawings and embedded objects without text (`w:drawing`, `w:pict`,
    /// `w:object`); not representable, counted only.
    pub images: usize,
    /// Footnote references; the footnote text (word/footnotes.xml) is not imported.
    pub footnote_refs: usize,
    /// Endnote references; the endnote text (word/endnotes.xml) is not imported.
    pub endnote_refs: usize,
    /// Comment references; the comment text (word/comments.xml) is not imported.
    pub comment_refs: usize,
    /// Tracked insertions (`w:ins`, `w:moveTo`); their text is kept.
    pub tracked_insertions: usize,
    /// Tracked deletions (`w:del`, `w:moveFrom`); their text is dropped.
    pub tracked_deletions: usize,
    /// Characters of tracked-deleted text dropped.
    pub deleted_chars: usize,
    /// Field instructions (`w:instrText`) dropped; field results are kept.
    pub field_instructions: usize,
    /// Symbols (`w:sym`) kept as their character.
    pub symbols: usize,
    /// Symbols in a symbol font's private-use range, which have no portable character; dropped.
    pub unmapped_symbols: usize,
    /// Soft hyphens (`w:softHyphen`) dropped (they only show at a line end).
    pub soft_hyphens: usize,
    /// Characters of text kept in the outline (paragraph text, before trimming).
    pub text_chars: usize,
}

impl ImportReport {
    /// One line per kind of content the outline does not hold, e.g. "footnotes (text not
    /// imported): 2", for telling the user what to check in Word; empty when nothing was left
    /// out. Tracked deletions and field instructions are not listed: Word does not show them
    /// either.
    pub fn not_imported(&self) -> Vec<String> {
        [
            (self.images, "pictures or embedded objects"),
            (self.footnote_refs, "footnotes (text not imported)"),
            (self.endnote_refs, "endnotes (text not imported)"),
            (self.comment_refs, "comments"),
            (self.unmapped_symbols, "symbol-font characters with no standard character"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{what}: {n}"))
        .collect()
    }
}
