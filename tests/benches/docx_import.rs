//! Word import speed and memory (#12): `cargo bench --bench docx_import`.
//!
//! Reads a generated 400-card Verbatim file (the bundled decks' cards tiled to real size and
//! written by Casebook's own .docx exporter, with unique tags) and every file in
//! `../shared/verbatim-docs/`, and reports per file: size, cards, median time, files/s, cards/s
//! and the peak resident memory one import adds (measured in a child process of its own),
//! against the size of the document's XML.

use std::time::{Duration, Instant};

use casebook::export::{ExportOptions, ExportSide, Format, Target, export};
use casebook::model::{Block, Deck};

/// A field of `/proc/self/status` in kB (`VmRSS`, `VmHWM`), or 0 where there is none.
fn status_kb(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?.trim_start_matches(':').trim().strip_suffix("kB")?.trim().parse().ok()
        })
        .unwrap_or(0)
}

/// In a child process of its own: the peak resident memory one import adds, in bytes.
fn child_peak(path: &str) {
    let bytes = std::fs::read(path).expect("readable");
    let before = status_kb("VmRSS");
    let doc = casebook::docx_import::import_docx(&bytes).expect("imports");
    let peak = status_kb("VmHWM");
    drop(doc);
    println!("{}", (peak.saturating_sub(before)) * 1024);
}

fn peak_of(path: &std::path::Path) -> usize {
    let exe = std::env::current_exe().expect("this program");
    let out = std::process::Command::new(exe).env("DOCX_BENCH_CHILD", path).output().expect("child runs");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0)
}

/// A deck of `cards` real-size cards: the bundled cards, tiled, each with its own id and tag.
fn tiled_deck(cards: usize) -> Deck {
    let bundled: Vec<Deck> =
        casebook::bundled::decks().into_iter().map(|d| d.expect("bundled deck")).collect();
    let all: Vec<(&Deck, &casebook::model::Card)> =
        bundled.iter().flat_map(|d| d.cards().map(move |c| (d, c))).collect();
    let mut deck = Deck::empty("bench-400", "Benchmark file", casebook::model::RESOLUTION);
    for d in &bundled {
        for s in &d.sources {
            if deck.source(&s.id).is_none() {
                deck.sources.push(s.clone());
            }
        }
    }
    for n in 0..cards {
        if n % 20 == 0 {
            deck.blocks.push(Block::new(format!("Block {}", n / 20 + 1), Vec::new()));
        }
        let (_, card) = all[n % all.len()];
        let mut card = card.clone();
        card.id = format!("{}-{n}", card.id);
        card.tag = format!("{} ({n})", card.tag);
        deck.blocks.last_mut().expect("a block").cards.push(card);
    }
    deck
}

fn document_xml_size(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    zip.by_name("word/document.xml").map(|f| f.size() as usize).unwrap_or(0)
}

fn measure(name: &str, path: &std::path::Path) {
    let bytes = &std::fs::read(path).expect("readable")[..];
    let xml = document_xml_size(bytes);
    let mut times = Vec::new();
    let mut deck_times = Vec::new();
    let mut cards = 0;
    let options = casebook::docx_import::DeckOptions::from_file_name(path);
    for _ in 0..15 {
        let start = Instant::now();
        let doc = casebook::docx_import::import_docx(bytes).expect("imports");
        times.push(start.elapsed());
        cards = doc.cards().count();
        // The whole import as the CLI and window do it: read, convert, and check the deck by
        // saving and re-parsing it.
        let start = Instant::now();
        let doc = casebook::docx_import::import_docx(bytes).expect("imports");
        let (deck, _) = casebook::docx_import::to_deck(&doc, &options).expect("a deck");
        deck_times.push(start.elapsed());
        assert_eq!(deck.card_count(), cards);
    }
    let peak = peak_of(path);
    times.sort();
    deck_times.sort();
    let median = times[times.len() / 2];
    let to_deck = deck_times[deck_times.len() / 2];
    let secs = to_deck.as_secs_f64();
    println!(
        "{name:<16} {:>5.0} KB {:>4} cards  read {:>6.1} ms  to a checked deck {:>6.1} ms  {:>6.1} files/s {:>7.0} cards/s  peak +{:>5.1} MB = {:.1}x its {:.1} MB of XML",
        bytes.len() as f64 / 1024.0,
        cards,
        ms(median),
        ms(to_deck),
        1.0 / secs,
        cards as f64 / secs,
        peak as f64 / 1e6,
        peak as f64 / xml.max(1) as f64,
        xml as f64 / 1e6,
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    if let Ok(path) = std::env::var("DOCX_BENCH_CHILD") {
        return child_peak(&path);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // 400 cards is a large real file; 1,000 of the bundled cards make the 2 MB a real 400-card
    // file reaches with Verbatim's heavier run formatting.
    for cards in [400, 1000] {
        let deck = tiled_deck(cards);
        let options = ExportOptions { side: ExportSide::Both, full: true, wpm: None, answers: false };
        let generated = export(Format::Docx, Target::Deck(&deck), &options).expect("exports");
        let name = format!("generated-{cards}");
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, generated).expect("written");
        measure(&name, &path);
    }
    let shared = std::env::var_os("CASEBOOK_VERBATIM_DOCS").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs"),
        Into::into,
    );
    let mut files: Vec<_> = std::fs::read_dir(&shared)
        .map(|d| {
            d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "docx")).collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        println!("({} not found: only the generated file was measured)", shared.display());
    }
    for path in files {
        measure(&path.file_name().unwrap_or_default().to_string_lossy(), &path);
    }
}
