//! Cutting cards from sources, the way a debater does it: open an article (bundled, a file, or
//! pasted), select a passage, cut it into a card that quotes it exactly and cites it.

use std::path::Path;

use casebook::bundled::{self, SOURCE_TEXTS};
use casebook::cutting::{
    self, CutError, MAX_SOURCE_FILE_BYTES, SourceDoc, condense, cut_card, html_to_source_text,
    selection_snap, suggest_id, today,
};
use casebook::export::cite::{cite_line, cite_parts};
use casebook::model::Side;
use casebook::model::verbatim::{find_in_source, is_verbatim, normalize_source};
use proptest::prelude::*;

fn asset(file: &str) -> String {
    std::fs::read_to_string(Path::new("assets/sources").join(file)).unwrap()
}

/// Character offsets of the `n`-th (0-based) paragraph of `doc`.
fn paragraph(doc: &SourceDoc, n: usize) -> (usize, usize) {
    let before: usize = doc.text.split("\n\n").take(n).map(|p| p.chars().count() + 2).sum();
    (before, before + doc.text.split("\n\n").nth(n).unwrap().chars().count())
}

#[test]
fn cutting_a_passage_from_a_bundled_source_gives_a_verbatim_card() {
    for bundled in SOURCE_TEXTS {
        let raw = asset(bundled.file);
        let doc = SourceDoc::read_bundled(bundled.id).unwrap();
        assert_eq!(doc.text, normalize_source(&raw), "{}", bundled.id);
        let paragraphs = doc.text.split("\n\n").count();
        let mut existing: Vec<String> = Vec::new();
        // Every paragraph, every pair of paragraphs, and a sloppy mid-word selection.
        for n in 0..paragraphs {
            let (start, end) = paragraph(&doc, n);
            let (_, next_end) = paragraph(&doc, (n + 1).min(paragraphs - 1));
            let (sloppy_start, sloppy_end) = selection_snap(&doc.text, start + 3, end.saturating_sub(2));
            for (start, end) in [(start, end), (start, next_end), (sloppy_start, sloppy_end)] {
                let tag = format!("Paragraph {} of {}", n + 1, bundled.id);
                let id = suggest_id(&doc, &tag, &existing);
                let cut = cut_card(&doc, start, end, id.clone(), tag, Side::Either).unwrap();
                assert!(is_verbatim(&cut.card.text, &raw), "{id}: {:?}", cut.card.text);
                assert_eq!(cut.card.source, bundled.id);
                let slice: String = doc.text.chars().skip(cut.start).take(cut.end - cut.start).collect();
                assert_eq!(cut.card.text, slice);
                assert!(!existing.contains(&cut.card.id), "ids are unique");
                existing.push(cut.card.id);
            }
        }
        assert_eq!(existing.len(), paragraphs * 3);
    }
}

#[test]
fn recutting_every_bundled_card_from_its_source_gives_the_same_quote_and_locator() {
    for deck in bundled::decks().into_iter().map(Result::unwrap) {
        for card in deck.blocks.iter().flat_map(|b| &b.cards) {
            let doc = SourceDoc::read_bundled(&card.source).unwrap();
            let start = find_in_source(&card.text, &doc.text).unwrap();
            let end = start + card.text.chars().count();
            let cut = cut_card(&doc, start, end, card.id.clone(), card.tag.clone(), card.side).unwrap();
            assert_eq!(cut.card.text, card.text, "{}", card.id);
            assert_eq!(cut.card.locator, card.locator, "{}", card.id);
            assert_eq!(deck.sources.iter().find(|s| s.id == card.source), Some(&doc.source));
        }
    }
}

#[test]
fn a_cut_card_is_cited_with_its_sources_facts_even_without_author_or_date() {
    let kim = SourceDoc::read_bundled("kim-2025").unwrap();
    assert_eq!(cite_parts(&kim.source).short, "Kim 25");
    assert!(cite_line(&kim.source).contains("[Ju Hyung Kim, President, Security Management Institute"));
    assert!(!cite_line(&kim.source).contains("accessed"), "no access date is invented for bundled texts");

    let mishcon = SourceDoc::read_bundled("mishcon-nd").unwrap();
    assert_eq!(cite_parts(&mishcon.source).short, "Mishcon de Reya n.d.");
    assert!(cite_line(&mishcon.source).contains("Mishcon de Reya, n.d., https://mishcon.com/"));

    // A web page with a publication but no byline or date: cited by the publication, "n.d.".
    let page = "<title>Gray-zone coercion | Sea Notes</title><meta property=og:site_name content='Sea Notes'>\
                <p>Coast guards now do the work of navies.</p>";
    let doc = SourceDoc::from_contents(page, cutting::SourceFormat::Html, "gray-zone");
    assert_eq!(
        cite_line(&doc.source),
        format!("Sea Notes n.d., \"Gray-zone coercion,\" Sea Notes, n.d., accessed {}", today())
    );
}

const PDF_COPY: &str = "\
Alliance Politics in the Indo-Pacific
Since the end of the Korean War, Washington has managed its Asian
commitments through separate bilateral treaties rather than a collec-
tive defense pact. The US-
Japan alliance, the US-South Korea alliance and the treaties with the
Philippines and Australia form what analysts call the hub-and-
spoke system.
Critics argue that the system leaves each partner alone in a crisis,
and that a multilateral framework would let members pool intelli-
gence, share logistics and coordinate their responses to gray-zone
coercion at sea. A self-
styled “Asian NATO” would need non-
aligned India, which has long resisted such blocs.
";

#[test]
fn pasting_from_a_pdf_joins_hard_wraps_and_removes_hyphenation() {
    assert_eq!(
        condense(PDF_COPY),
        "Alliance Politics in the Indo-Pacific\n\n\
         Since the end of the Korean War, Washington has managed its Asian commitments through \
         separate bilateral treaties rather than a collective defense pact. The US-Japan alliance, the \
         US-South Korea alliance and the treaties with the Philippines and Australia form what analysts \
         call the hub-and-spoke system.\n\n\
         Critics argue that the system leaves each partner alone in a crisis, and that a multilateral \
         framework would let members pool intelligence, share logistics and coordinate their responses \
         to gray-zone coercion at sea. A self-styled “Asian NATO” would need non-aligned India, which \
         has long resisted such blocs."
    );
    let doc = SourceDoc::from_pasted(&PDF_COPY.replace('\n', "\r\n"));
    assert_eq!(doc.text, condense(PDF_COPY));
}

const WEB_COPY: &str = "Is Asia Ready for a NATO-Style Bloc?  \r\n\r\n\
    Published\u{a0}19 September 2024\u{a0}\r\n\r\n\
    Talk of an “Asian NATO” has returned.  Japan’s new prime minister wants  a collective\u{a0}defense \
    framework,\tand  several capitals are listening.   \r\n\r\n\r\n\
    \tBut the region’s militaries use different equipment, doctrines and languages,\u{200b} and \
    interoperability would take a decade of joint exercises to build, by most estimates.\r\n\
    Beijing, for its part, calls any such bloc a relic of the Cold War and warns of consequences for \
    the countries that join it, starting with trade.\r\n";

#[test]
fn pasting_from_a_web_page_collapses_spaces_and_keeps_paragraphs() {
    assert_eq!(
        condense(WEB_COPY),
        "Is Asia Ready for a NATO-Style Bloc?\n\n\
         Published 19 September 2024\n\n\
         Talk of an “Asian NATO” has returned. Japan’s new prime minister wants a collective defense \
         framework, and several capitals are listening.\n\n\
         But the region’s militaries use different equipment, doctrines and languages, and \
         interoperability would take a decade of joint exercises to build, by most estimates.\n\n\
         Beijing, for its part, calls any such bloc a relic of the Cold War and warns of consequences for \
         the countries that join it, starting with trade."
    );
}

/// Hard-wraps `text` at `width` characters like a PDF, breaking long lowercase words with a hyphen.
fn pdf_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for paragraph in normalize_source(text).split("\n\n") {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > width {
                let room = width.saturating_sub(len + 2);
                let breakable = word.chars().all(|c| c.is_ascii_lowercase()) && word.len() >= 8;
                if breakable && room >= 4 {
                    let cut = room.min(word.len() - 4);
                    out.push_str(&format!("{line} {}-\n", &word[..cut]));
                    line = word[cut..].to_owned();
                    continue;
                }
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

#[test]
fn a_hard_wrapped_hyphenated_copy_of_each_bundled_article_condenses_back_to_the_article() {
    for bundled in SOURCE_TEXTS {
        // Narrow columns to full-page lines.
        for width in [50, 56, 64, 72, 80, 96, 110] {
            let wrapped = pdf_wrap(bundled.text, width);
            assert!(
                wrapped.contains("-\n") || width > 100,
                "{} {width}: some line ends hyphenated",
                bundled.id
            );
            assert_eq!(
                condense(&wrapped),
                normalize_source(bundled.text),
                "{} at {width} columns",
                bundled.id
            );
        }
        // Pasted as is (one paragraph per line), each article keeps its paragraphs too.
        assert_eq!(condense(bundled.text), normalize_source(bundled.text), "{}", bundled.id);
    }
}

const ARTICLE_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Asia needs a NATO-style alliance to combat China &#8211; China Factor</title>
<meta name="author" content="Ju Hyung Kim">
<meta property="article:published_time" content="2025-08-29T06:00:00+00:00">
<meta property="og:site_name" content="China Factor">
<link rel="canonical" href="https://chinafactor.news/2025/08/29/asia-needs-a-nato-style-alliance-to-combat-china">
<script>window.dataLayer = []; if (a < b && c > d) { track("<p>not text</p>"); }</script>
<style>.nav > li { display: inline }</style>
</head>
<body class="post">
<header class="site"><a href="/">China Factor</a><nav><ul><li><a href="/news">News</a></li><li>Opinion</li></ul></nav></header>
<main><article>
<h1>Asia needs a NATO-style alliance to combat China</h1>
<p class="byline">By <a href="/author/kim">Ju Hyung Kim</a> &middot; August 29, 2025</p>
<p>Asia faces rising security challenges from China&rsquo;s assertiveness, North Korea&#x2019;s nuclear
   program and regional coercion, prompting debate over a NATO-style&nbsp;alliance.</p>
<!-- ad slot --><div class="ad"><noscript><img src="ad.gif"></noscript></div>
<p>SEATO only had three Asian participants &ndash; Thailand, Pakistan and the Philippines &ndash; and
was dominated by Western powers.<br>It was disbanded in 1977.</p>
<blockquote>&ldquo;A swift collective response is crucial,&rdquo; he writes.</blockquote>
<aside><h3>Related</h3><ul><li>Is Asia ready?</li></ul></aside>
</article></main>
<footer><p>&copy; 2025 China Factor</p><script>footer()</script></footer>
</body></html>"#;

#[test]
fn opening_a_saved_article_page_gives_its_text_and_cite_without_markup() {
    let page = html_to_source_text(ARTICLE_PAGE);
    assert_eq!(page.title.as_deref(), Some("Asia needs a NATO-style alliance to combat China"));
    assert_eq!(
        page.text,
        "Asia needs a NATO-style alliance to combat China\n\n\
         By Ju Hyung Kim · August 29, 2025\n\n\
         Asia faces rising security challenges from China’s assertiveness, North Korea’s nuclear program \
         and regional coercion, prompting debate over a NATO-style alliance.\n\n\
         SEATO only had three Asian participants – Thailand, Pakistan and the Philippines – and was \
         dominated by Western powers.\n\nIt was disbanded in 1977.\n\n\
         “A swift collective response is crucial,” he writes."
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kim.HTML");
    std::fs::write(&path, ARTICLE_PAGE).unwrap();
    let doc = SourceDoc::read_file(&path).unwrap();
    assert_eq!(doc.source.id, "kim-2025");
    assert_eq!(doc.source.title, "Asia needs a NATO-style alliance to combat China");
    assert_eq!(doc.source.authors[0].name, "Ju Hyung Kim");
    assert_eq!(doc.source.publication, "China Factor");
    assert_eq!(doc.source.date.as_deref(), Some("2025-08-29"));
    assert!(doc.source.url.starts_with("https://chinafactor.news/2025/08/29/"));
    assert_eq!(doc.source.accessed, Some(today()));
    assert!(doc.text.contains("NATO-style alliance."), "a no-break space is a space");

    let start = doc.text.find("SEATO").unwrap();
    let start = doc.text[..start].chars().count();
    let (start, end) = selection_snap(&doc.text, start, start + 60);
    let cut = cut_card(&doc, start, end, "kim-seato".into(), "SEATO was Western".into(), Side::Aff).unwrap();
    assert_eq!(cut.card.text, "SEATO only had three Asian participants – Thailand, Pakistan");
    assert!(is_verbatim(&cut.card.text, &doc.text));
    assert_eq!(cut.card.locator.as_deref(), Some("para. 4"));
}

#[test]
fn opening_text_and_markdown_files_prefills_the_cite_from_what_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("Kim 2025 notes.txt");
    std::fs::write(&txt, "\u{feff}Line one.\nLine  two.\n").unwrap();
    let doc = SourceDoc::read_file(&txt).unwrap();
    assert_eq!(doc.text, "Line one.\n\nLine two.");
    assert_eq!((doc.source.id.as_str(), doc.source.title.as_str()), ("kim-2025-notes", "Kim 2025 notes"));
    assert_eq!(doc.source.accessed, Some(today()));

    let md = dir.path().join("brief.md");
    std::fs::write(&md, "# The Quad works\n\nThe **Quad** is _informal_ and\nflexible.\n").unwrap();
    let doc = SourceDoc::read_file(&md).unwrap();
    assert_eq!(doc.source.title, "The Quad works");
    assert_eq!(doc.text, "The Quad works\n\nThe Quad is informal and flexible.");

    let bundled = SOURCE_TEXTS[0];
    let from_disk = SourceDoc::read_file(&Path::new("assets/sources").join(bundled.file)).unwrap();
    assert_eq!(from_disk.text, SourceDoc::read_bundled(bundled.id).unwrap().text);
}

#[test]
fn bad_files_give_clear_errors_that_name_them() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let error = |path: &Path| SourceDoc::read_file(path).unwrap_err().to_string();

    let missing = error(&at("missing.txt"));
    assert!(
        missing.starts_with(&at("missing.txt").display().to_string()) && missing.contains("no such file")
    );

    std::fs::write(at("article.pdf"), b"%PDF-1.7").unwrap();
    let pdf = error(&at("article.pdf"));
    assert!(pdf.contains("article.pdf") && pdf.contains("'.pdf' files") && pdf.contains("paste"), "{pdf}");
    assert!(error(&at("README")).contains("without an extension"));

    std::fs::write(at("latin1.txt"), b"Caf\xe9 au lait\nna\xefve").unwrap();
    let latin1 = error(&at("latin1.txt"));
    assert!(latin1.contains("latin1.txt:1:4: not UTF-8 text (byte 0xE9 at offset 3)"), "{latin1}");

    std::fs::write(at("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert!(error(&at("image.txt")).contains("image.txt:1:1: not UTF-8"));
    std::fs::write(at("nul.md"), b"text\n\0\0\0").unwrap();
    assert!(error(&at("nul.md")).contains("nul.md:2:1: contains a NUL byte"));

    std::fs::write(at("huge.txt"), vec![b'a'; MAX_SOURCE_FILE_BYTES as usize + 1]).unwrap();
    let huge = error(&at("huge.txt"));
    assert!(huge.contains("huge.txt") && huge.contains("larger than 8 MiB"), "{huge}");

    std::fs::create_dir(at("folder.txt")).unwrap();
    assert!(error(&at("folder.txt")).contains("is a folder"));
    std::fs::write(at("empty.html"), "<html><script>x()</script></html>").unwrap();
    assert!(error(&at("empty.html")).contains("no text"));
    assert!(SourceDoc::read_bundled("nope").unwrap_err().to_string().contains("kim-2025"));
}

#[test]
fn source_errors_say_which_problem_it_is() {
    use casebook::cutting::SourceError;
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    std::fs::write(at("nul.md"), b"text\n\0").unwrap();
    std::fs::create_dir(at("folder.txt")).unwrap();
    assert!(matches!(SourceDoc::read_file(&at("gone.txt")), Err(SourceError::Io { .. })));
    assert!(matches!(SourceDoc::read_file(&at("a.pdf")), Err(SourceError::UnsupportedFormat { .. })));
    assert!(matches!(SourceDoc::read_file(&at("folder.txt")), Err(SourceError::Folder { .. })));
    assert!(matches!(
        SourceDoc::read_file(&at("nul.md")),
        Err(SourceError::NotText { line: 2, column: 1, .. })
    ));
    assert!(matches!(SourceDoc::read_bundled("nope"), Err(SourceError::NoSuchBundled { .. })));
}

#[test]
fn a_selection_outside_the_text_or_of_nothing_is_refused() {
    let doc = SourceDoc::from_pasted("One sentence.\n\nAnother.");
    let cut = |s, e| cut_card(&doc, s, e, "id".into(), "Tag".into(), Side::Aff);
    assert_eq!(cut(0, 100).unwrap_err(), CutError::OutOfRange { start: 0, end: 100, len: 23 });
    assert_eq!(cut(13, 15), Err(CutError::EmptySelection));
    assert_eq!(cut(0, 23).unwrap().card.text, "One sentence.\n\nAnother.");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn html_markdown_and_paste_import_never_panic(
        parts in prop::collection::vec(prop_oneof![
            Just("<".to_owned()), Just(">".to_owned()), Just("</".to_owned()), Just("<p>".to_owned()),
            Just("<script>".to_owned()), Just("</nav>".to_owned()), Just("<!--".to_owned()), Just("&".to_owned()),
            Just("&#x".to_owned()), Just("'".to_owned()), Just("\"".to_owned()), Just("=".to_owned()),
            Just("<![CDATA[".to_owned()), Just("**".to_owned()), Just("_".to_owned()), Just("[".to_owned()),
            Just("](".to_owned()), Just("`".to_owned()), Just("-\n".to_owned()), Just("\u{ad}".to_owned()),
            "[a-zA-Z0-9 #;/\n]{0,8}", any::<String>(),
        ], 0..40),
        bytes in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let input = parts.concat() + &String::from_utf8_lossy(&bytes);
        let page = html_to_source_text(&input);
        prop_assert!(!page.text.contains("\n\n\n"));
        cutting::markdown_to_source_text(&input);
        let condensed = condense(&input);
        prop_assert_eq!(normalize_source(&condensed), condensed);
    }

    #[test]
    fn any_cut_of_any_pasted_text_is_verbatim(
        text in "[a-zé’ .,\n-]{0,120}", a in 0usize..130, b in 0usize..130, snap in any::<bool>(),
    ) {
        let doc = SourceDoc::from_pasted(&text);
        let (a, b) = if snap { selection_snap(&doc.text, a, b) } else { (a, b) };
        prop_assert!(!snap || (a <= doc.char_len() && b <= doc.char_len()));
        match cut_card(&doc, a, b, "id".into(), "Tag".into(), Side::Neg) {
            Ok(cut) => {
                prop_assert!(is_verbatim(&cut.card.text, &doc.text));
                let slice: String = doc.text.chars().skip(cut.start).take(cut.end - cut.start).collect();
                prop_assert_eq!(&cut.card.text, &slice);
                prop_assert_eq!(cut.card.text.trim(), cut.card.text.as_str());
            }
            Err(CutError::OutOfRange { .. }) => prop_assert!(a.max(b) > doc.char_len()),
            Err(e) => prop_assert_eq!(e, CutError::EmptySelection),
        }
    }
}
