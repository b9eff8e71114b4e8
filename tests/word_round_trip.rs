//! Word round trips (issue #12 point 5): a deck exported to .docx and imported again is the same
//! deck — tags, cites as printed, text, marks with their colours, notes, blocks, headings and
//! asides — and every real Verbatim file in ../shared/verbatim-docs/, imported, exported to .docx
//! and imported again, keeps every card's tag, cite line, text and marks.

mod common;

use std::path::{Path, PathBuf};

use casebook::docx_import::{DeckOptions, import_docx, to_deck};
use casebook::export::{ExportOptions, ExportSide, Format, Target, export};
use casebook::model::{
    Aside, AsideKind, Block, Card, CiteLine, Deck, Heading, HeadingLevel, HighlightColour, Mark, MarkKind,
    Side,
};

fn to_docx(deck: &Deck) -> Vec<u8> {
    let options = ExportOptions { side: ExportSide::Both, full: true, wpm: None, answers: false };
    export(Format::Docx, Target::Deck(deck), &options).expect("exports")
}

fn reimport(bytes: &[u8], name: &str) -> Deck {
    let doc = import_docx(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let options = DeckOptions { side: Side::Either, ..DeckOptions::from_file_name(Path::new(name)) };
    to_deck(&doc, &options).unwrap_or_else(|e| panic!("{name}: {e}")).0
}

/// What a Word file can carry of a card: everything but its id, side, labels and structured source.
#[derive(Debug, PartialEq)]
struct Carried {
    tag: String,
    tag_marks: Vec<Mark>,
    cite: String,
    cite_bold: Vec<(usize, usize)>,
    cite_marks: Vec<Mark>,
    note: Option<String>,
    text: String,
    marks: Vec<Mark>,
}

fn carried(deck: &Deck, card: &Card) -> Carried {
    let runs = casebook::export::cite::card_cite(card, deck.source(&card.source));
    let (cite_bold, cite_marks) = match &card.cite_line {
        Some(line) => (line.bold.clone(), line.marks.clone()),
        None => {
            // A built cite: its bold runs as character ranges.
            let mut at = 0;
            let mut bold = Vec::new();
            for (text, is_bold) in &runs.0 {
                let len = text.chars().count();
                if *is_bold {
                    bold.push((at, at + len));
                }
                at += len;
            }
            (bold, Vec::new())
        }
    };
    Carried {
        tag: card.tag.clone(),
        tag_marks: card.tag_marks.clone(),
        cite: runs.line(),
        cite_bold,
        cite_marks,
        note: card.note.clone(),
        text: card.text.clone(),
        marks: casebook::model::normalize_marks(&card.marks),
    }
}

/// One block as a Word file carries it: headings, title, asides, cards.
type CarriedBlock = (Vec<Heading>, String, Vec<Aside>, Vec<Carried>);

/// The outline: per block its headings, title, asides and cards as carried.
fn outline(deck: &Deck) -> Vec<CarriedBlock> {
    deck.blocks
        .iter()
        .map(|b| {
            let asides = b
                .asides
                .iter()
                .map(|a| Aside { marks: casebook::model::normalize_marks(&a.marks), ..a.clone() })
                .collect();
            (b.headings.clone(), b.title.clone(), asides, b.cards.iter().map(|c| carried(deck, c)).collect())
        })
        .collect()
}

/// A deck with every version-4 feature: Pocket and Hat, an untitled block, asides of each kind
/// with marks, a tag with underlined words, a cite line with bold and highlighted words, a note,
/// highlights in two colours and a shading, a line break and a tab.
fn full_deck() -> Deck {
    let mut deck = casebook::bundled::deck("asian-nato-aff").unwrap();
    deck.blocks.truncate(3);
    let first = &mut deck.blocks[0];
    first.headings = vec![
        Heading { level: HeadingLevel::Pocket, title: "1AC".into() },
        Heading { level: HeadingLevel::Hat, title: "Inherency".into() },
    ];
    first.asides = vec![
        Aside {
            marks: vec![Mark::new(MarkKind::Underline, 0, 9)],
            ..Aside::new(0, AsideKind::Analytic, "Alliances without a clause fail.")
        },
        Aside::new(1, AsideKind::Undertag, "Read this before the SEATO answers."),
        Aside::new(first.cards.len(), AsideKind::Text, "A line after the last card."),
    ];
    let card = &mut first.cards[0];
    card.tag_marks = vec![Mark::new(MarkKind::Underline, 0, 8)];
    card.note = Some("Pair with the SEATO answers.".into());
    card.text = format!("First line\nsecond line\tafter a tab.\n\n{}", card.text);
    card.marks = vec![
        Mark::new(MarkKind::Underline, 0, 20),
        Mark::highlight(HighlightColour::Green, 0, 5),
        Mark::highlight(HighlightColour::Yellow, 6, 10),
        Mark::highlight(HighlightColour::Rgb(0x12, 0xAB, 0xEF), 11, 17),
        Mark::new(MarkKind::Emphasis, 11, 17),
    ];
    let second = &mut deck.blocks[0].cards[1];
    second.cite_line = Some(CiteLine {
        text: "Ju Hyung Kim 25 (President, Security Management Institute) Asia needs".into(),
        bold: vec![(9, 12), (13, 15)],
        marks: vec![Mark::new(MarkKind::Underline, 60, 69), Mark::highlight(HighlightColour::Cyan, 60, 64)],
    });
    let mut untitled = Block::new("", vec![deck.blocks[1].cards[0].clone()]);
    untitled.cards[0].id = "untitled-copy".into();
    untitled.headings = vec![Heading { level: HeadingLevel::Pocket, title: "1NC".into() }];
    deck.blocks.insert(2, untitled);
    deck
}

/// Compares two outlines block by block and card by card, naming the first difference.
fn assert_same(before: &Deck, after: &Deck, name: &str) {
    let (a, b) = (outline(before), outline(after));
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        assert_eq!(x.0, y.0, "{name}: headings of block {i} {:?}", x.1);
        assert_eq!(x.1, y.1, "{name}: title of block {i}");
        assert_eq!(x.2, y.2, "{name}: asides of block {i} {:?}", x.1);
        assert_eq!(x.3.len(), y.3.len(), "{name}: cards of block {i} {:?}", x.1);
        for (c, d) in x.3.iter().zip(&y.3) {
            let at = format!("{name}: block {i} {:?}, card {:?}", x.1, c.tag);
            assert_eq!((&c.tag, &c.tag_marks), (&d.tag, &d.tag_marks), "{at}: tag");
            assert_eq!(
                (&c.cite, &c.cite_bold, &c.cite_marks),
                (&d.cite, &d.cite_bold, &d.cite_marks),
                "{at}: cite"
            );
            assert_eq!(c.note, d.note, "{at}: note");
            assert_eq!(c.text, d.text, "{at}: text");
            assert_eq!(c.marks, d.marks, "{at}: marks");
        }
    }
    assert_eq!(a.len(), b.len(), "{name}: blocks");
}

#[test]
fn a_deck_with_every_version_4_feature_comes_back_from_word_unchanged() {
    let deck = full_deck();
    let back = reimport(&to_docx(&deck), "full.docx");
    assert_same(&deck, &back, "full");
}

#[test]
fn each_bundled_deck_comes_back_from_word_with_its_title_resolution_and_every_card() {
    for result in casebook::bundled::decks() {
        let deck = result.unwrap();
        let back = reimport(&to_docx(&deck), &format!("{}.docx", deck.id));
        assert_eq!((&back.title, &back.resolution), (&deck.title, &deck.resolution), "{}", deck.id);
        assert_eq!(back.description, deck.description, "{}", deck.id);
        assert_same(&deck, &back, &deck.id);
    }
}

/// The shared real Word files (none, the tests skipped, without `CASEBOOK_VERBATIM_DOCS`).
fn shared_files(test: &str) -> Vec<PathBuf> {
    let Some(dir) = common::verbatim_docs(test) else { return Vec::new() };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("../shared/verbatim-docs exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 7);
    files
}

#[test]
fn every_real_file_imported_and_exported_to_word_keeps_every_tag_cite_line_text_and_mark() {
    for path in shared_files("every_real_file_imported_and_exported_to_word") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let first = reimport(&std::fs::read(&path).unwrap(), &name);
        let again = reimport(&to_docx(&first), &name);
        assert_same(&first, &again, &name);
        assert_eq!(first.card_count(), again.card_count(), "{name}");
    }
}

#[test]
fn a_case_built_from_an_imported_file_exports_to_word_with_every_card_whole() {
    use casebook::model::Item;
    let Some(path) =
        shared_files("a_case_built_from_an_imported_file").into_iter().find(|p| p.ends_with("neg-2.docx"))
    else {
        return;
    };
    let deck = reimport(&std::fs::read(&path).unwrap(), "neg-2.docx");
    let mut session = casebook::desk::fresh_session();
    let picked: Vec<&Card> = deck.cards().step_by(7).collect();
    for card in &picked {
        let source = deck.source(&card.source).unwrap().clone();
        session.neg.sections[0].items.push(Item::Card {
            deck: deck.id.clone(),
            card: (*card).clone(),
            source,
        });
    }
    let options = ExportOptions { side: ExportSide::Neg, full: true, wpm: None, answers: false };
    let bytes = export(Format::Docx, Target::Session(&session), &options).expect("exports");
    let back = reimport(&bytes, "1nc.docx");
    let cards: Vec<&Card> = back.cards().collect();
    assert_eq!(cards.len(), picked.len());
    for (before, after) in picked.iter().zip(cards) {
        assert_eq!(carried(&deck, before), carried(&back, after), "{}", before.tag);
    }
}
