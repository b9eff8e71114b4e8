//! Hostile-size benchmark (#13.9): each input shape that used to take quadratic time, measured at
//! two sizes. The printed ratio is time(large) / time(small); linear work gives about the size
//! ratio, quadratic work its square. Run with `cargo bench --bench hostile_sizes`; the README's
//! "Files" section quotes the figures.
//!
//! Then the many-tiny-cards Word file (#22.4): 876,000 cards in a 10.5 MB .docx, read as a
//! library file is read (bytes, import, deck, index) in a child process of its own, with the
//! time and the peak resident memory (VmHWM) against the size of its `word/document.xml`.

#[path = "../common/tiny_cards.rs"]
mod tiny_cards;

use std::path::Path;
use std::time::{Duration, Instant};

use casebook::docx_import::{
    DeckOptions, FREE_PARAGRAPHS, ImportLimits, MAX_PARAGRAPHS, XML_BYTES_PER_PARAGRAPH,
    import_docx_with_limits, into_deck,
};
use casebook::export::{ExportOptions, Format, Target};
use casebook::format;
use casebook::model::{
    Block, Card, Deck, DeckRef, Item, Mark, MarkKind, Section, SectionKind, Session, Source,
};

fn base_card() -> (Card, Source) {
    let deck = casebook::bundled::deck("asian-nato-aff").expect("bundled");
    let card = deck.cards().next().expect("a card").clone();
    let source = deck.source(&card.source).expect("its source").clone();
    (card, source)
}

/// One card of `n` highlight marks, one per other character.
fn many_marks(n: usize) -> Deck {
    let (mut card, source) = base_card();
    card.text = "ab".repeat(n);
    card.marks = (0..n).map(|i| Mark::new(MarkKind::Highlight, 2 * i, 2 * i + 1)).collect();
    Deck { sources: vec![source], blocks: vec![Block::new("B", vec![card])], ..deck("marks") }
}

fn deck(id: &str) -> Deck {
    Deck::empty(id, "Bench", casebook::model::RESOLUTION)
}

/// `n` cards (each with its own source when `own_sources`), as a deck.
fn many_cards(n: usize, own_sources: bool, empty_tags: bool) -> Deck {
    let (card, source) = base_card();
    let mut d = deck("cards");
    let cards = (0..n)
        .map(|i| {
            let mut c = card.clone();
            c.id = format!("c{i}");
            if own_sources {
                c.source = format!("s{i}");
            }
            if empty_tags {
                c.tag = String::new();
            }
            c
        })
        .collect();
    d.sources = if own_sources {
        (0..n).map(|i| Source { id: format!("s{i}"), ..source.clone() }).collect()
    } else {
        vec![source]
    };
    d.blocks = vec![Block::new("B", cards)];
    d
}

fn time(f: impl Fn()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn report(shape: &str, small: usize, large: usize, f: impl Fn(usize)) {
    let (a, b) = (time(|| f(small)), time(|| f(large)));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
    println!(
        "{shape}: {small} → {large} ({}x): {:.3} s → {:.3} s, ratio {ratio:.1}",
        large / small,
        a.as_secs_f64(),
        b.as_secs_f64()
    );
}

fn export(format: Format, d: &Deck) {
    let options = ExportOptions { full: true, ..ExportOptions::default() };
    casebook::export::export(format, Target::Deck(d), &options).expect("export");
}

/// A session of `items` card items drawing on a deck file of `cards` cards, checked by `validate`.
fn validate_session(dir: &Path, cards: usize, items: usize) {
    let mut big = many_cards(cards, false, false);
    for c in big.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()) {
        (c.text, c.marks, c.labels, c.note, c.tag) =
            ("Short.".into(), Vec::new(), Vec::new(), None, "T".into());
    }
    big.sources[0].authors.clear();
    format::save_deck(&big, &dir.join("big.deck.ron")).expect("save deck");
    let mut s = Session::new(casebook::model::RESOLUTION);
    s.decks.push(DeckRef { path: "big.deck.ron".into(), id: big.id.clone(), fingerprint: String::new() });
    let mut section = Section::new("C1", SectionKind::Contention);
    let cards: Vec<&Card> = big.cards().collect();
    for i in 0..items {
        let card = cards[(i * 7919) % cards.len()].clone();
        section.items.push(Item::Card { deck: big.id.clone(), source: big.sources[0].clone(), card });
    }
    s.aff.sections.push(section);
    let path = dir.join("s.session.ron");
    format::save_session(&s, &path).expect("save session");
    let command = casebook::cli::Command::Validate { paths: vec![path], lint: false };
    let code = casebook::cli::run(command, &mut std::io::sink(), &mut std::io::sink());
    assert_eq!(code, 0, "the bench session validates");
}

/// A field of `/proc/self/status` in kB (`VmRSS`, `VmHWM`), or 0 where there is none.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?.trim_start_matches(':').trim().strip_suffix("kB")?.trim().parse().ok()
        })
        .unwrap_or(0)
}

/// In a child process of its own: reads the library file at `path` as a library folder does
/// (bytes, import, deck, index) and prints the peak resident memory the read added in MB, the
/// seconds taken and what came of it, tab-separated. With `unlimited`, the paragraph limit is
/// lifted: what reading the whole file would cost.
fn child_read(path: &Path, unlimited: bool) {
    let before = status_kb("VmRSS");
    let start = Instant::now();
    let what = if unlimited {
        let limits = ImportLimits {
            free_paragraphs: usize::MAX,
            max_paragraphs: usize::MAX,
            ..ImportLimits::default()
        };
        let bytes = std::fs::read(path).expect("readable");
        let doc = import_docx_with_limits(&bytes, &limits).expect("imports");
        drop(bytes);
        let paragraphs = doc.report.paragraphs - doc.report.blank_paragraphs;
        let (deck, _) = into_deck(doc, &DeckOptions::from_file_name(path)).expect("a deck");
        let segment = casebook::search::Segment::of_deck(&deck);
        drop(deck);
        let per = (status_kb("VmHWM") - before) * 1024 / paragraphs.max(1) as u64;
        format!("read whole (limit lifted): {} cards indexed, {per} bytes per paragraph", segment.cards.len())
    } else {
        match casebook::workspace::read_indexed(path, None, None, false) {
            Ok(read) => format!("read: {} cards indexed", read.segment.cards.len()),
            Err(why) => format!("refused: {why}"),
        }
    };
    let secs = start.elapsed().as_secs_f64();
    println!("{}\t{secs:.2}\t{what}", (status_kb("VmHWM") - before) / 1024);
}

/// Reads a Word file of `n` tiny cards (each padded with `pad` more bytes of XML, with or without
/// its `word` of text) in a child process and prints the figures.
fn tiny_cards(dir: &Path, n: usize, pad: usize, word: bool, unlimited: bool) {
    let (bytes, xml) = tiny_cards::tiny_cards_shaped(n, pad, word);
    let path = dir.join(format!("tiny-{n}.docx"));
    std::fs::write(&path, &bytes).expect("write the file");
    let exe = std::env::current_exe().expect("this program");
    let mut child = std::process::Command::new(exe);
    child.env("HOSTILE_CHILD", &path);
    if unlimited {
        child.env("HOSTILE_UNLIMITED", "1");
    }
    let out = child.output().expect("child runs");
    let out = String::from_utf8_lossy(&out.stdout);
    let mut fields = out.trim().splitn(3, '\t');
    let (peak, secs, what) =
        (fields.next().unwrap_or("?"), fields.next().unwrap_or("?"), fields.next().unwrap_or("?"));
    let ratio = peak.parse::<f64>().map_or(0.0, |mb| mb * f64::from(1 << 20) / xml as f64);
    println!(
        "{n} tiny cards ({:.1} MB .docx, {:.1} MB XML, {} bytes of XML per card): {secs} s, peak +{peak} MB \
         ({ratio:.1}x the XML); {what}",
        bytes.len() as f64 / 1e6,
        xml as f64 / 1e6,
        xml / n.max(1),
    );
    let _ = std::fs::remove_file(&path);
}

fn main() {
    if let Some(path) = std::env::var_os("HOSTILE_CHILD") {
        return child_read(Path::new(&path), std::env::var_os("HOSTILE_UNLIMITED").is_some());
    }
    let dir = tempfile::tempdir().expect("temp folder");
    if std::env::var_os("HOSTILE_WORD_ONLY").is_none() {
        other_shapes(dir.path());
    }
    // The file of #22.4, as a library folder reads it: refused at the paragraph limit.
    tiny_cards(dir.path(), 876_000, 0, true, false);
    // What reading it whole would take (the fixed cost per paragraph the limit is made of).
    tiny_cards(dir.path(), 876_000, 0, true, true);
    // The most tiny cards a file may hold, padded to the fewest bytes of XML that allow them:
    // the worst memory per byte of XML a Word file can cost within the limits.
    let n = (MAX_PARAGRAPHS - FREE_PARAGRAPHS) / 3;
    tiny_cards(dir.path(), n, 3 * XML_BYTES_PER_PARAGRAPH - 260, true, false);
    // The same with cards of a tag and a cite only (a card and a source per two paragraphs).
    let n = (MAX_PARAGRAPHS - FREE_PARAGRAPHS) / 2;
    tiny_cards(dir.path(), n, 2 * XML_BYTES_PER_PARAGRAPH - 220, false, false);
}

/// The once-quadratic shapes of #13.9.
fn other_shapes(dir: &Path) {
    report("one card, many marks: export JSON", 10_000, 40_000, |n| export(Format::Json, &many_marks(n)));
    report("one card, many marks: export HTML", 10_000, 40_000, |n| export(Format::Html, &many_marks(n)));
    report("many empty tags: validate", 2_500, 10_000, |n| {
        let text = format::deck_to_string(&many_cards(n, false, true)).expect("encode");
        assert!(format::parse_deck(&text, Path::new("b.deck.ron")).is_err());
    });
    report("many sources: export JSON", 10_000, 50_000, |n| {
        export(Format::Json, &many_cards(n, true, false))
    });
    report("session items over a 20,000-card deck: validate", 1_000, 10_000, |n| {
        validate_session(dir, 20_000, n)
    });
}
