//! Library at team scale (#14.6): 50,000 cards of real size, tiled from the bundled decks and the
//! shared real Verbatim files (unique ids, words varied per copy), indexed and searched; the same
//! queries timed with `rg -i` over the same text written as files, in the same run.
//!
//! `cargo bench --bench library_scale` (set `CARDS=N` for another size). Prints the index time,
//! each query's p50/p95 over 50 runs (top 200, ranking included), rg's median time per query and
//! the ratio, and the resident memory of the process with the library indexed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use casebook::docx_import::{DeckOptions, import_word_file};
use casebook::model::{Block, Card, Deck};
use casebook::search::{Filter, LibraryIndex};

/// The cards to tile: every bundled card and every card of the shared Word files.
fn seed_cards() -> Vec<(Card, Option<casebook::model::Source>)> {
    let mut decks: Vec<Deck> = casebook::bundled::decks().into_iter().filter_map(Result::ok).collect();
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs");
    if let Ok(dir) = std::fs::read_dir(&shared) {
        for path in dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "docx")) {
            if let Ok(w) = import_word_file(&path, &DeckOptions::from_file_name(&path)) {
                decks.push(w.deck);
            }
        }
    }
    decks.iter().flat_map(|d| d.cards().map(move |c| (c.clone(), d.source(&c.source).cloned()))).collect()
}

/// `n` cards in decks of 400 (a large Verbatim file each), every copy with a unique id and a
/// made-up word per copy in its tag and text, so words are not all shared.
fn library(n: usize) -> Vec<Deck> {
    let seeds = seed_cards();
    let mut decks = Vec::new();
    let mut i = 0;
    while i < n {
        let mut deck = Deck::empty(format!("file-{}", decks.len()), format!("File {}", decks.len()), "");
        let mut block = Block::new("Block", Vec::new());
        for _ in 0..400.min(n - i) {
            let (seed, source) = &seeds[i % seeds.len()];
            let mut card = seed.clone();
            card.id = format!("c{i}");
            let word = format!("zq{}x", i / seeds.len());
            card.tag = format!("{} {word}", card.tag);
            card.text = format!("{} {word}", card.text);
            if let Some(source) = source
                && !deck.sources.iter().any(|s| s.id == source.id)
            {
                deck.sources.push(source.clone());
            }
            block.cards.push(card);
            i += 1;
        }
        deck.blocks.push(block);
        decks.push(deck);
    }
    decks
}

const QUERIES: [&str; 9] = [
    "china",
    "nuclear deterrence",
    "china taiwan war",
    "\"collective defense\"",
    "tag:alliance",
    "cite:kim",
    "china year:2019..2024",
    "alliance -seato side:aff",
    "highlighted:war",
];

fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Writes every card as a text file (tag, cite line, text), 400 cards to a folder like the decks.
fn write_text_files(decks: &[Deck], dir: &Path) {
    for deck in decks {
        let folder = dir.join(&deck.id);
        std::fs::create_dir_all(&folder).expect("folder");
        for card in deck.cards() {
            let cite = card.short_cite(deck.source(&card.source));
            std::fs::write(
                folder.join(format!("{}.txt", card.id)),
                format!("{}\n{cite}\n{}\n", card.tag, card.text),
            )
            .expect("written");
        }
    }
}

/// rg's time for a query: its words as one regex each, files must match all (a pipeline of -l).
fn rg_time(dir: &Path, query: &str) -> Option<Duration> {
    let words: Vec<String> = query
        .split_whitespace()
        .filter(|w| !w.starts_with('-') && !w.contains(':'))
        .map(|w| w.trim_matches('"').to_owned())
        .collect();
    let first = words.first()?;
    let start = Instant::now();
    let out = Command::new("rg").args(["-i", "-l", first]).arg(dir).output().ok()?;
    let mut files: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect();
    for w in &words[1..] {
        if files.is_empty() {
            break;
        }
        let out = Command::new("rg").args(["-i", "-l", w]).args(&files).output().ok()?;
        files = String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect();
    }
    Some(start.elapsed())
}

fn main() {
    let n: usize = std::env::var("CARDS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let before = resident_mb();
    let decks = library(n);
    let cards: usize = decks.iter().map(Deck::card_count).sum();
    let start = Instant::now();
    let index = LibraryIndex::build(&decks);
    let built = start.elapsed();
    println!("{cards} cards in {} decks: indexed in {:.2} s", decks.len(), built.as_secs_f64());
    println!(
        "resident memory with the library open: {:.0} MB (+{:.0} MB)",
        resident_mb(),
        resident_mb() - before
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let rg = Command::new("rg").arg("--version").output().is_ok();
    if rg {
        write_text_files(&decks, dir.path());
    } else {
        println!("(rg not found: install ripgrep to compare)");
    }
    println!("{:<28} {:>7} {:>9} {:>9} {:>9} {:>7}", "query", "hits", "p50 ms", "p95 ms", "rg ms", "ratio");
    for q in QUERIES {
        let filter = Filter { query: q.to_owned(), ..Filter::default() };
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..50 {
            let t = Instant::now();
            let ranked = index.ranked(&filter);
            let top: Vec<_> = ranked.iter().take(200).map(|h| index.position(h)).collect();
            times.push(t.elapsed());
            hits = ranked.len();
            std::hint::black_box(top);
        }
        times.sort();
        let (p50, p95) = (times[times.len() / 2], times[times.len() * 95 / 100]);
        let rg_ms = if rg {
            let mut rg_times: Vec<Duration> = (0..3).filter_map(|_| rg_time(dir.path(), q)).collect();
            rg_times.sort();
            rg_times.get(rg_times.len() / 2).map(|d| ms(*d))
        } else {
            None
        };
        let (rg_text, ratio) = match rg_ms {
            Some(r) => (format!("{r:.1}"), format!("{:.0}x", r / ms(p95).max(0.001))),
            None => ("-".into(), "-".into()),
        };
        println!("{q:<28} {hits:>7} {:>9.2} {:>9.2} {rg_text:>9} {ratio:>7}", ms(p50), ms(p95));
    }
}
