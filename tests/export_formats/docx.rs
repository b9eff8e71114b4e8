//! The .docx read back as a zip of XML parts: what a teammate with Word and Verbatim gets.

use super::export_xml::{self, Element};
use super::*;

const PARTS: [&str; 8] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/settings.xml",
];

fn session_docx(full: bool) -> Vec<u8> {
    run(Format::Docx, Target::Session(&session()), &opts(full))
}

fn style_of(p: &Element) -> &str {
    p.child("w:pPr").and_then(|ppr| ppr.child("w:pStyle")).and_then(|s| s.attr("w:val")).unwrap_or("")
}

fn runs(p: &Element) -> Vec<&Element> {
    p.children_named("w:r").collect()
}

fn run_prop<'a>(r: &'a Element, name: &str) -> Option<&'a Element> {
    r.child("w:rPr").and_then(|rpr| rpr.child(name))
}

/// `word/styles.xml` of `bytes`, parsed.
fn styles_of(bytes: &[u8]) -> Element {
    export_xml::parse(&export_xml::part(bytes, "word/styles.xml")).expect("styles.xml parses")
}

/// The style with id `id`.
fn style<'a>(styles: &'a Element, id: &str) -> &'a Element {
    styles
        .children_named("w:style")
        .find(|s| s.attr("w:styleId") == Some(id))
        .unwrap_or_else(|| panic!("no style {id}"))
}

/// The element at `path` below `e`.
fn at<'a>(e: &'a Element, path: &[&str]) -> Option<&'a Element> {
    path.iter().try_fold(e, |at, name| at.child(name))
}

/// The `w:val` of the element at `path` below `e`.
fn val(e: &Element, path: &[&str]) -> Option<String> {
    at(e, path).and_then(|v| v.attr("w:val")).map(str::to_owned)
}

#[test]
fn docx_is_a_zip_of_the_word_parts_with_fixed_timestamps() {
    let bytes = session_docx(true);
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let entries = export_xml::unzip(&bytes);
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, PARTS);
    for entry in &entries {
        assert_eq!(entry.time, (1980, 1, 1, 0, 0, 0), "{} carries the fixed zip-epoch time", entry.name);
        export_xml::parse(&entry.text)
            .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", entry.name));
    }
    let core = export_xml::part(&bytes, "docProps/core.xml");
    assert!(!core.contains("dcterms:created") && !core.contains("dcterms:modified"), "no clock in the file");
}

#[test]
fn docx_defines_verbatims_styles() {
    let styles = styles_of(&session_docx(false));
    let style = |id: &str| style(&styles, id);
    for (level, alias) in ["Pocket", "Hat", "Block", "Tag"].iter().enumerate() {
        let s = style(&format!("Heading{}", level + 1));
        assert_eq!(s.attr("w:type"), Some("paragraph"));
        assert_eq!(val(s, &["w:name"]).as_deref(), Some(format!("heading {}", level + 1).as_str()));
        assert_eq!(val(s, &["w:aliases"]).as_deref(), Some(*alias));
        assert_eq!(val(s, &["w:pPr", "w:outlineLvl"]), Some(level.to_string()), "{alias} outline level");
        assert!(s.child("w:rPr").and_then(|r| r.child("w:b")).is_some(), "{alias} is bold");
    }
    assert!(style("Heading1").child("w:pPr").and_then(|p| p.child("w:pageBreakBefore")).is_some());
    assert_eq!(val(style("Heading4"), &["w:rPr", "w:sz"]).as_deref(), Some("26"), "Tag is 13 pt");
    let cite = style("Style13ptBold");
    assert_eq!(cite.attr("w:type"), Some("character"));
    assert_eq!(val(cite, &["w:name"]).as_deref(), Some("Style 13 pt Bold"));
    assert_eq!(val(cite, &["w:aliases"]).as_deref(), Some("Cite"));
    assert_eq!(val(cite, &["w:rPr", "w:sz"]).as_deref(), Some("26"));
    let underline = style("StyleUnderline");
    assert_eq!(underline.attr("w:type"), Some("character"));
    assert_eq!(val(underline, &["w:name"]).as_deref(), Some("Style Underline"));
    assert_eq!(val(underline, &["w:rPr", "w:u"]).as_deref(), Some("single"));
    let emphasis = style("Emphasis");
    assert_eq!(emphasis.attr("w:type"), Some("character"));
    assert!(emphasis.child("w:rPr").and_then(|r| r.child("w:b")).is_some());
    let fonts = styles.all("w:rFonts");
    assert!(fonts.iter().all(|f| f.attr("w:ascii") == Some("Calibri")) && !fonts.is_empty(), "Calibri");
}

#[test]
fn docx_styles_follow_verbatims_template_and_flag_their_own() {
    let styles = styles_of(&session_docx(false));
    let style = |id: &str| style(&styles, id);
    for (id, role) in [("Heading1", "Pocket"), ("Heading2", "Hat"), ("Heading3", "Block")] {
        let s = style(id);
        assert!(at(s, &["w:pPr", "w:pageBreakBefore"]).is_some(), "{role} starts a new page");
        assert_eq!(val(s, &["w:pPr", "w:jc"]).as_deref(), Some("center"), "{role} is centred");
    }
    assert!(at(style("Heading4"), &["w:pPr", "w:pageBreakBefore"]).is_none(), "a Tag follows on");

    // Word's own styles are restyled, never flagged; every other one is Verbatim's or ours.
    let built_in =
        ["Normal", "DefaultParagraphFont", "Heading1", "Heading2", "Heading3", "Heading4", "Emphasis"];
    let mut flagged = Vec::new();
    for s in styles.children_named("w:style") {
        let id = s.attr("w:styleId").expect("every style has an id");
        let custom = s.attr("w:customStyle") == Some("1");
        assert_eq!(custom, !built_in.contains(&id), "{id}: custom-style flag");
        if custom {
            flagged.push(id);
        }
    }
    for id in ["Style13ptBold", "StyleUnderline", "Analytic", "CasebookSummary"] {
        assert!(flagged.contains(&id), "{id} is flagged as a custom style: {flagged:?}");
    }

    assert_eq!(
        val(style("Style13ptBold"), &["w:rPr", "w:u"]).as_deref(),
        Some("none"),
        "Cite: underline off"
    );
    let underline_bold = at(style("StyleUnderline"), &["w:rPr", "w:b"]).expect("Underline sets bold");
    assert_eq!(underline_bold.attr("w:val"), Some("0"), "Underline: bold off");
    let border = at(style("Emphasis"), &["w:rPr", "w:bdr"]).expect("Emphasis has a box");
    let border: Vec<_> = ["w:val", "w:sz", "w:space", "w:color"].iter().map(|a| border.attr(a)).collect();
    assert_eq!(border, [Some("single"), Some("8"), Some("0"), Some("auto")], "Verbatim's thin box");
}

#[test]
fn docx_of_the_session_has_pockets_blocks_tags_cites_and_highlighting() {
    let s = session();
    let doc =
        export_xml::parse(&export_xml::part(&session_docx(true), "word/document.xml")).expect("document.xml");
    let paragraphs = doc.all("w:p");
    let with_style = |id: &str| -> Vec<String> {
        paragraphs.iter().filter(|p| style_of(p) == id).map(|p| p.text()).collect()
    };
    assert_eq!(
        with_style("Heading1"),
        vec![s.aff.title.clone(), s.neg.title.clone()],
        "each case is a Pocket"
    );
    let sections: Vec<String> =
        [&s.aff, &s.neg].iter().flat_map(|c| &c.sections).map(|x| x.title.clone()).collect();
    assert_eq!(with_style("Heading3"), sections, "each section is a Block");
    let cards = session_cards(&s);
    let tags: Vec<String> = cards.iter().map(|(c, _)| c.tag.clone()).collect();
    assert_eq!(with_style("Heading4"), tags, "each card is a Tag");
    let analytic_texts: Vec<String> = [&s.aff, &s.neg]
        .iter()
        .flat_map(|c| c.sections.iter().flat_map(|x| &x.items))
        .filter_map(|i| match i {
            Item::Analytic { text, .. } => Some(text.trim().to_owned()),
            Item::Card { .. } => None,
        })
        .collect();
    assert_eq!(with_style("Analytic"), analytic_texts, "analytics stand apart from cards");

    let tag_at: Vec<usize> =
        (0..paragraphs.len()).filter(|&i| style_of(paragraphs[i]) == "Heading4").collect();
    for (n, &at) in tag_at.iter().enumerate() {
        let (card, source) = cards[n];
        // A card's note stands right under its tag, in Verbatim's Undertag style.
        let note = card.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let at = match note {
            Some(note) => {
                assert_eq!(style_of(paragraphs[at + 1]), "Undertag", "note of {}", card.id);
                assert_eq!(paragraphs[at + 1].text(), note, "note of {}", card.id);
                at + 1
            }
            None => at,
        };
        let cite = paragraphs[at + 1];
        let first = runs(cite)[0];
        assert_eq!(
            run_prop(first, "w:rStyle").and_then(|s| s.attr("w:val")),
            Some("Style13ptBold"),
            "{}",
            card.id
        );
        assert_eq!(first.text(), format!("{} {}", source.cite_name(), source.cite_year()));
        assert_eq!(cite.text(), cite_line(source));

        // The card's text paragraphs run until the next heading or analytic.
        let text_paragraphs: Vec<&Element> =
            paragraphs[at + 2..].iter().take_while(|p| style_of(p).is_empty()).copied().collect();
        let mut read_aloud = String::new();
        let mut unread_small = true;
        for p in &text_paragraphs {
            for r in runs(p) {
                let highlighted = run_prop(r, "w:highlight").and_then(|h| h.attr("w:val")) == Some("yellow");
                if highlighted {
                    read_aloud.push_str(&r.text());
                } else {
                    read_aloud.push(' ');
                }
                if r.child("w:rPr").is_none_or(|rpr| rpr.children.is_empty()) {
                    unread_small = false;
                }
            }
            read_aloud.push(' ');
        }
        assert_eq!(squash(&read_aloud), card.highlighted_text(), "highlighting of {}", card.id);
        assert!(unread_small, "every run of {} is styled, unread text at 8 pt", card.id);
        let all_text: String = text_paragraphs.iter().map(|p| p.text()).collect::<Vec<_>>().join("\n\n");
        assert_eq!(all_text, card.text, "text of {}", card.id);
    }
    let small = doc.all("w:sz").iter().filter(|s| s.attr("w:val") == Some("16")).count();
    assert!(small > 0, "unread text is shrunk to 8 pt");
    let underlined = doc.all("w:rStyle").iter().filter(|s| s.attr("w:val") == Some("StyleUnderline")).count();
    assert!(underlined > 0, "underlined text uses the Underline style");
}

#[test]
fn docx_outline_has_tags_and_cites_but_no_card_text() {
    let doc = export_xml::parse(&export_xml::part(&session_docx(false), "word/document.xml"))
        .expect("document.xml");
    assert!(doc.all("w:highlight").is_empty(), "no card text, so no highlighting");
    let tags = doc.all("w:p").iter().filter(|p| style_of(p) == "Heading4").count();
    assert_eq!(tags, session_cards(&session()).len(), "one Tag per card");
    let cites = doc.all("w:rStyle").iter().filter(|s| s.attr("w:val") == Some("Style13ptBold")).count();
    assert_eq!(cites, tags, "one Cite per card");
    assert!(doc.all("w:t").iter().all(|t| t.attr("xml:space") == Some("preserve")));
}

/// The session or the deck exported as an outline and in full, with its cards in reading order
/// and the lines under its Pockets (the resolution, a deck's description).
struct Exported {
    name: &'static str,
    outline: Vec<u8>,
    full: Vec<u8>,
    cards: Vec<Card>,
    intro: Vec<String>,
}

fn exported_targets() -> [Exported; 2] {
    let (s, d) = (session(), deck());
    let docx = |target: Target<'_>, full: bool| run(Format::Docx, target, &opts(full));
    let deck_intro =
        [d.resolution.clone(), d.description.clone()].into_iter().filter(|l| !l.trim().is_empty());
    [
        Exported {
            name: "session",
            outline: docx(Target::Session(&s), false),
            full: docx(Target::Session(&s), true),
            cards: session_cards(&s).into_iter().map(|(c, _)| c.clone()).collect(),
            intro: vec![s.resolution.clone(); 2],
        },
        Exported {
            name: "deck",
            outline: docx(Target::Deck(&d), false),
            full: docx(Target::Deck(&d), true),
            cards: d.cards().cloned().collect(),
            intro: deck_intro.collect(),
        },
    ]
}

#[test]
fn docx_gives_every_line_but_cites_and_card_text_a_style_of_its_own() {
    for Exported { name, outline, full: full_bytes, intro, .. } in exported_targets() {
        for (full, bytes) in [(false, outline), (true, full_bytes)] {
            let paragraphs = docx_paragraphs(&bytes);
            let styles = styles_of(&bytes);
            for (id, _) in paragraphs.iter().filter(|(s, _)| !s.is_empty()) {
                assert_eq!(style(&styles, id).attr("w:type"), Some("paragraph"), "{name}: {id} is defined");
            }
            let with_style = |id: &str| -> Vec<String> {
                paragraphs.iter().filter(|(s, _)| s == id).map(|(_, t)| t.clone()).collect()
            };
            assert_eq!(with_style("CasebookIntro"), intro, "{name} full={full}");
            let pockets_and_blocks = with_style("Heading1").len() + with_style("Heading3").len();
            assert_eq!(with_style("CasebookSummary").len(), pockets_and_blocks, "{name} full={full}");
            // `Normal` only for the paragraph right after a tag and its note (its cite) and, in
            // full, the card text after it up to the next paragraph with a style.
            let (mut cite_next, mut in_card) = (false, false);
            for (style, text) in &paragraphs {
                match style.as_str() {
                    "" if cite_next => cite_next = false,
                    "" => assert!(full && in_card, "{name} full={full}: Normal but not card text: {text:?}"),
                    "Heading4" => (cite_next, in_card) = (true, true),
                    "Undertag" => {
                        assert!(cite_next, "{name} full={full}: a note away from its tag: {text:?}")
                    }
                    _ => (cite_next, in_card) = (false, false),
                }
            }
        }
    }
}

/// Cards as simple Verbatim readers cut them (verbatim-parser's rule): a card runs from one Tag
/// to the next whatever headings lie between; lines in styles of their own right under the tag
/// are its undertags, the first `Normal` paragraph after the tag is its cite, and every later
/// `Normal` paragraph is its text. Gives each tag with its text paragraphs.
pub(super) fn tag_to_tag_cards(paragraphs: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let mut cards: Vec<(String, Vec<String>)> = Vec::new();
    let mut cite_seen = false;
    for (style, text) in paragraphs {
        if style == "Heading4" {
            cards.push((text.clone(), Vec::new()));
            cite_seen = false;
            continue;
        }
        if let Some((_, body)) = cards.last_mut()
            && style.is_empty()
        {
            if cite_seen {
                body.push(text.clone());
            }
            cite_seen = true;
        }
    }
    cards
}

#[test]
fn a_tag_to_tag_verbatim_reader_finds_each_card_and_nothing_else() {
    for Exported { name, outline, full, cards, intro } in exported_targets() {
        let tags: Vec<String> = cards.iter().map(|c| c.tag.clone()).collect();
        let read = tag_to_tag_cards(&docx_paragraphs(&outline));
        assert_eq!(read.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>(), tags, "{name}");
        for (tag, body) in &read {
            assert!(body.is_empty(), "{name} outline: a card made of {tag:?} and {body:?}");
        }
        let read = tag_to_tag_cards(&docx_paragraphs(&full));
        assert_eq!(read.len(), cards.len(), "{name}");
        for ((tag, body), card) in read.iter().zip(&cards) {
            assert!(!body.iter().any(|p| intro.contains(p)), "{name}: the resolution joins {tag:?}");
            assert_eq!(squash(&body.join(" ")), squash(&card.text), "{name}: text of {}", card.id);
        }
    }
}

#[test]
fn casebook_reads_its_own_docx_back_card_for_card() {
    use casebook::docx_import::{Node, import_docx};
    for Exported { name, outline, full: full_bytes, cards, intro } in exported_targets() {
        for (full, bytes) in [(false, outline), (true, full_bytes)] {
            let doc = import_docx(&bytes).unwrap_or_else(|e| panic!("{name} full={full}: {e}"));
            let read: Vec<_> = doc.cards().collect();
            let tags: Vec<&str> = read.iter().map(|c| c.tag.as_str()).collect();
            assert_eq!(tags, cards.iter().map(|c| c.tag.as_str()).collect::<Vec<_>>(), "{name} full={full}");
            for (got, card) in read.iter().zip(&cards) {
                assert!(got.cite.is_some(), "{name} full={full}: cite of {}", card.id);
                assert!(
                    !intro.iter().any(|l| got.text.contains(l.as_str())),
                    "{name}: resolution in {}",
                    card.id
                );
                let expected = if full { squash(&card.text) } else { String::new() };
                assert_eq!(squash(&got.text), expected, "{name} full={full}: text of {}", card.id);
            }
            // What is neither heading nor card nor analytic is read as loose text; a reader that
            // takes Normal text after a tag for card text must be able to tell it apart.
            let loose: Vec<_> = doc
                .outline
                .iter()
                .filter_map(|n| match n {
                    Node::Paragraph(p) => Some((p.style.clone().unwrap_or_default(), p.text.clone())),
                    _ => None,
                })
                .collect();
            assert!(!loose.is_empty(), "{name}: the intro and summary lines are read");
            for (style, text) in &loose {
                assert!(
                    style.starts_with("Casebook"),
                    "{name} full={full}: {text:?} is read back in {style:?}, not a Casebook style"
                );
            }
            let intro_read: Vec<&str> =
                loose.iter().filter(|(s, _)| s == "CasebookIntro").map(|(_, t)| t.as_str()).collect();
            assert_eq!(intro_read, intro, "{name} full={full}");
        }
    }
}
