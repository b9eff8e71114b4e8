//! Imports the real Verbatim files in ../shared/verbatim-docs/ (never copied into this
//! repository) and checks that no card is lost: the Tag paragraphs are counted here by a
//! separate, simple scan of document.xml and compared with the importer's cards and analytics.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use casebook::docx_import::{HighlightColor, ImportedDoc, MarkKind, import_docx};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs")
}

fn docx_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(docs_dir())
        .expect("../shared/verbatim-docs exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    files
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    zip.by_name(name).expect("part").read_to_string(&mut text).expect("utf-8");
    text
}

fn val(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Style ids whose style is Heading4 / named "heading 4" / first alias "Tag", and those that are
/// headings 1–3 (which a direct outline level does not turn into a tag).
fn tag_styles(styles_xml: &str) -> (Vec<String>, Vec<String>) {
    let mut reader = Reader::from_str(styles_xml);
    let mut id = String::new();
    let mut facts: HashMap<String, Vec<String>> = HashMap::new();
    loop {
        match reader.read_event().expect("styles xml") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:style" => id = val(&e, b"w:styleId").unwrap_or_default(),
                b"w:name" | b"w:aliases" => {
                    let v = val(&e, b"w:val").unwrap_or_default().to_lowercase();
                    facts.entry(id.clone()).or_default().push(v.split(',').next().unwrap_or("").to_owned());
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let is = |id: &str, f: &[String], n: &str, alias: &str| {
        id.eq_ignore_ascii_case(&n.replace(' ', "")) || f.iter().any(|x| x == n || x == alias)
    };
    let tags =
        facts.iter().filter(|(id, f)| is(id, f, "heading 4", "tag")).map(|(id, _)| id.clone()).collect();
    let heads = facts
        .iter()
        .filter(|(id, f)| {
            is(id, f, "heading 1", "pocket")
                || is(id, f, "heading 2", "hat")
                || is(id, f, "heading 3", "block")
        })
        .map(|(id, _)| id.clone())
        .collect();
    (tags, heads)
}

/// Non-blank paragraphs that are tags: Tag style, or a direct outline level 3 on a non-heading.
fn count_tags(document_xml: &str, styles_xml: &str) -> usize {
    let (tags, heads) = tag_styles(styles_xml);
    let mut reader = Reader::from_str(document_xml);
    let (mut style, mut outline3, mut text, mut in_t, mut in_del) =
        (None::<String>, false, String::new(), false, 0);
    let mut count = 0;
    loop {
        match reader.read_event().expect("document xml") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:p" => (style, outline3, text) = (None, false, String::new()),
                b"w:pStyle" => style = val(&e, b"w:val"),
                b"w:outlineLvl" => outline3 = val(&e, b"w:val").as_deref() == Some("3"),
                b"w:t" => in_t = true,
                b"w:del" => in_del += 1,
                _ => {}
            },
            Event::Text(t) if in_t && in_del == 0 => text.push_str(&t.decode().expect("utf-8")),
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:del" => in_del -= 1,
                b"w:p" => {
                    let s = style.as_deref().unwrap_or("");
                    let tag = tags.iter().any(|t| t == s) || (outline3 && !heads.iter().any(|h| h == s));
                    if tag && !text.trim().is_empty() {
                        count += 1;
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    count
}

fn import(path: &PathBuf) -> (Vec<u8>, ImportedDoc) {
    let bytes = std::fs::read(path).expect("read docx");
    let doc = import_docx(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (bytes, doc)
}

#[test]
fn every_real_file_imports_without_losing_a_card() {
    let files = docx_files();
    assert_eq!(files.len(), 7, "the seven Verbatim files");
    for path in &files {
        let (bytes, doc) = import(path);
        let expected = count_tags(&part(&bytes, "word/document.xml"), &part(&bytes, "word/styles.xml"));
        let r = &doc.report;
        assert!(expected > 0, "{}", path.display());
        assert_eq!(r.cards + r.tag_analytics, expected, "{}: {r:#?}", path.display());
        assert_eq!(r.tags, expected, "{}", path.display());
        assert!(r.cards > 0 && r.cards_without_cite < r.cards, "{}: {r:#?}", path.display());
        for card in doc.cards() {
            assert!(!card.tag.is_empty(), "{}", path.display());
            let len = card.text.chars().count();
            assert!(card.marks.iter().all(|m| m.start < m.end && m.end <= len), "{}", card.tag);
            let model = card.model_marks();
            assert_eq!(casebook::model::marks::check_marks(&model, len), None, "{}", card.tag);
        }
    }
}

#[test]
fn first_1nc_card_has_its_tag_cite_underline_and_highlights() {
    let (_, doc) = import(&docs_dir().join("1nc.docx"));
    let card = doc.cards().next().expect("a card");
    assert_eq!(card.tag, "Protection means to command a cessation of use.");
    let cite = card.cite.as_ref().expect("cite");
    assert_eq!(cite.short, "Matanich 96");
    assert_eq!(cite.last_name.as_deref(), Some("Matanich"));
    assert_eq!(cite.year.as_deref(), Some("96"));
    assert!(cite.raw.starts_with("Johanna Matanich 96, ARTICLE: A Treaty Comes of Age"));
    let underlined: Vec<String> = card
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Underline)
        .map(|m| card.text.chars().skip(m.start).take(m.end - m.start).collect())
        .collect();
    assert!(
        underlined
            .iter()
            .any(|u| u
                .contains("UNCLOS creates the obligation to protect and preserve the marine environment"))
    );
    let highlighted = card.highlighted_text();
    for words in ["conservation connotes", "conservative use", "command a cessation of use"] {
        assert!(highlighted.contains(words), "{words} in {highlighted}");
    }
    let cyan = MarkKind::Highlight(HighlightColor::Named("cyan".into()));
    assert!(card.marks.iter().any(|m| m.kind == cyan));
}

#[test]
fn real_files_keep_the_headings_and_colours_they_hold() {
    let (_, neg2) = import(&docs_dir().join("neg-2.docx"));
    // Ten Hat paragraphs, two of them blank.
    assert_eq!((neg2.report.pockets, neg2.report.hats), (4, 8));
    let green = MarkKind::Highlight(HighlightColor::Named("green".into()));
    assert!(neg2.cards().any(|c| c.marks.iter().any(|m| m.kind == green)));
    let (_, neg) = import(&docs_dir().join("neg.docx"));
    assert!(neg.cards().any(|c| c.tag.starts_with("North Korea will denuclearize")), "outline level 3 tags");
    let (_, neg6) = import(&docs_dir().join("neg-6.docx"));
    assert_eq!(neg6.report.footnote_refs, 1);
}

#[test]
fn every_real_file_becomes_a_deck_that_loads_back_with_every_card_tag_cite_text_and_colour() {
    use casebook::docx_import::{DeckOptions, to_deck};
    use casebook::format;
    for path in &docx_files() {
        let (bytes, doc) = import(path);
        let options = DeckOptions::from_file_name(path);
        let (deck, report) = to_deck(&doc, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let expected = count_tags(&part(&bytes, "word/document.xml"), &part(&bytes, "word/styles.xml"));
        let analytics_from_tags = doc.report.tag_analytics;
        assert_eq!(deck.card_count() + analytics_from_tags, expected, "{}", path.display());
        assert_eq!(report.cards, deck.card_count());
        let imported: Vec<_> = doc.cards().collect();
        for (card, source) in deck.cards().zip(&imported) {
            assert_eq!(card.tag, source.tag);
            assert_eq!(card.text, source.text);
            assert_eq!(card.marks, source.model_marks());
            let raw = source.cite.as_ref().map(|c| c.raw.trim().to_owned());
            assert_eq!(card.cite_line.as_ref().map(|c| c.text.clone()), raw, "{}", card.tag);
            if let (Some(line), Some(cite)) = (&card.cite_line, &source.cite) {
                assert!(
                    cite.short.is_empty()
                        || line.short().starts_with(cite.short.split_whitespace().next().unwrap()),
                    "{:?} vs {:?}",
                    line.short(),
                    cite.short
                );
            }
        }
        let aside_count: usize = deck.blocks.iter().map(|b| b.asides.len()).sum();
        assert_eq!(aside_count, report.analytics + report.undertags + report.texts);
        let text = format::deck_to_string(&deck).unwrap();
        let again = format::parse_deck(&text, path).unwrap();
        assert_eq!(again, deck, "{}", path.display());
        let pockets = deck
            .blocks
            .iter()
            .flat_map(|b| &b.headings)
            .filter(|h| h.level == casebook::model::HeadingLevel::Pocket);
        assert_eq!(pockets.count(), doc.report.pockets, "{}", path.display());
    }
}
