//! The engine's schema: one tantivy document per card, with the card's parts as folded text
//! fields (positions kept, for phrases), the facts filters look at as raw terms and numbers, and
//! what a result row shows stored, so a hit prints without reading its file.

use tantivy::TantivyDocument;
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::model::{Card, Deck, HeadingLevel, Side, Source};
use crate::search::cuts::{sentence_hashes, text_hash};

use super::tokenizer::FOLD;

/// The schema's fields (see [`schema`]).
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// The tag (folded text, stored).
    pub tag: Field,
    /// The highlighted (read-aloud) words.
    pub highlighted: Field,
    /// The whole cite: names, credentials, title, publication.
    pub cite: Field,
    /// The short cite and author names ("Kim 25 Ju Hyung Kim").
    pub short: Field,
    /// The labels (folded text).
    pub labels: Field,
    /// Each label as written (raw term, for the label filter).
    pub label: Field,
    /// The card's whole text.
    pub text: Field,
    /// The deck's id and title (folded text, for `deck:`).
    pub deck: Field,
    /// The deck's id (raw, stored).
    pub deck_id: Field,
    /// The deck's title (stored only).
    pub deck_title: Field,
    /// "aff", "neg" or "either" (raw term).
    pub side: Field,
    /// The cite's year (fast field), absent when unknown.
    pub year: Field,
    /// The library folder the file was found under (raw, stored).
    pub root: Field,
    /// The file's path relative to that folder (raw, stored).
    pub file: Field,
    /// Folder and relative path joined by a NUL (raw): deletes one file's cards.
    pub file_key: Field,
    /// The card's id (raw, stored).
    pub card_id: Field,
    /// The id of the source it quotes (raw, stored).
    pub source: Field,
    /// The card's block, numbered from 0 in its deck (stored).
    pub block: Field,
    /// The card's place in its block, from 0 (stored).
    pub card: Field,
    /// The block's title as shown (stored).
    pub block_title: Field,
    /// Pocket › Hat › Block (stored).
    pub block_path: Field,
    /// The short cite as a result row shows it ("Kim 25", stored).
    pub cite_shown: Field,
    /// Hash of the folded text (indexed, fast, stored): equal for exact duplicates.
    pub text_hash: Field,
    /// Hash of the card's exact text and marks ([`crate::search::cuts::cut_hash`]), stored:
    /// exact copies in several files are one hit.
    pub cut_hash: Field,
    /// Hashes of the card's sentences (indexed u64 terms, see [`crate::search::cuts`]).
    pub sentences: Field,
}

/// The engine's schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let folded = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(FOLD)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored_only = TextOptions::default().set_stored();
    let fields = Fields {
        tag: b.add_text_field("tag", folded.clone().set_stored()),
        highlighted: b.add_text_field("highlighted", folded.clone()),
        cite: b.add_text_field("cite", folded.clone()),
        short: b.add_text_field("short", folded.clone()),
        labels: b.add_text_field("labels", folded.clone()),
        label: b.add_text_field("label", STRING),
        text: b.add_text_field("text", folded.clone()),
        deck: b.add_text_field("deck", folded),
        deck_id: b.add_text_field("deck_id", STRING | STORED),
        deck_title: b.add_text_field("deck_title", stored_only.clone()),
        side: b.add_text_field("side", STRING),
        year: b.add_u64_field("year", INDEXED | tantivy::schema::FAST | STORED),
        root: b.add_text_field("root", STRING | STORED),
        file: b.add_text_field("file", STRING | STORED),
        file_key: b.add_text_field("file_key", STRING),
        card_id: b.add_text_field("card_id", STRING | STORED),
        source: b.add_text_field("source", STRING | STORED),
        block: b.add_u64_field("block", STORED),
        card: b.add_u64_field("card", STORED),
        block_title: b.add_text_field("block_title", stored_only.clone()),
        block_path: b.add_text_field("block_path", stored_only.clone()),
        cite_shown: b.add_text_field("cite_shown", stored_only),
        text_hash: b.add_u64_field("text_hash", INDEXED | tantivy::schema::FAST | STORED),
        cut_hash: b.add_u64_field("cut_hash", STORED),
        sentences: b.add_u64_field("sentences", INDEXED),
    };
    (b.build(), fields)
}

/// The raw term that names one file of one library folder.
pub fn file_key(root: &str, file: &str) -> String {
    format!("{root}\0{file}")
}

/// The term a side is indexed as.
pub fn side_term(side: Side) -> &'static str {
    match side {
        Side::Aff => "aff",
        Side::Neg => "neg",
        Side::Either => "either",
    }
}

/// One document per card of `deck`, found as `file` under the library folder `root`.
pub fn deck_docs(fields: &Fields, deck: &Deck, root: &str, file: &str) -> Vec<TantivyDocument> {
    let mut out = Vec::with_capacity(deck.card_count());
    let (mut pocket, mut hat) = (String::new(), String::new());
    let deck_words = format!("{} {}", deck.id, deck.title);
    for (b, block) in deck.blocks.iter().enumerate() {
        for h in &block.headings {
            match h.level {
                HeadingLevel::Pocket => {
                    pocket.clone_from(&h.title);
                    hat.clear();
                }
                HeadingLevel::Hat => hat.clone_from(&h.title),
            }
        }
        let title = block.display_title();
        let path: Vec<&str> =
            [pocket.as_str(), hat.as_str(), title.as_str()].into_iter().filter(|p| !p.is_empty()).collect();
        let path = path.join(" › ");
        for (c, card) in block.cards.iter().enumerate() {
            let mut doc = card_doc(fields, card, deck.source(&card.source));
            doc.add_text(fields.deck, &deck_words);
            doc.add_text(fields.deck_id, &deck.id);
            doc.add_text(fields.deck_title, &deck.title);
            doc.add_text(fields.root, root);
            doc.add_text(fields.file, file);
            doc.add_text(fields.file_key, file_key(root, file));
            doc.add_u64(fields.block, b as u64);
            doc.add_u64(fields.card, c as u64);
            doc.add_text(fields.block_title, &title);
            doc.add_text(fields.block_path, &path);
            out.push(doc);
        }
    }
    out
}

/// A card's own fields (what does not depend on its deck or file).
fn card_doc(fields: &Fields, card: &Card, source: Option<&Source>) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    let (short, cite) = crate::search::searched_cites(card, source);
    doc.add_text(fields.tag, &card.tag);
    doc.add_text(fields.highlighted, card.highlighted_text());
    doc.add_text(fields.cite, &cite);
    doc.add_text(fields.short, &short);
    doc.add_text(fields.labels, card.labels.join(" "));
    for label in &card.labels {
        doc.add_text(fields.label, label);
    }
    doc.add_text(fields.text, &card.text);
    doc.add_text(fields.side, side_term(card.side));
    if let Some(year) = crate::search::card_year(card, source) {
        doc.add_u64(fields.year, u64::from(year));
    }
    doc.add_text(fields.card_id, &card.id);
    doc.add_text(fields.source, &card.source);
    doc.add_text(fields.cite_shown, card.short_cite(source));
    doc.add_u64(fields.text_hash, text_hash(&card.text));
    doc.add_u64(fields.cut_hash, crate::search::cuts::cut_hash(card));
    for s in sentence_hashes(&card.text) {
        doc.add_u64(fields.sentences, s);
    }
    doc
}
