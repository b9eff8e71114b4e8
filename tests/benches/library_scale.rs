//! Library at team scale (#14.6): 50,000 cards of real size, tiled from the bundled decks and the
//! shared real Verbatim files (unique ids, words varied per copy), indexed and searched; the same
//! queries timed with `rg -i` over the same text written as files, in the same run.
//!
//! `cargo bench --bench library_scale` (set `CARDS=N` for another size). Prints the index time in
//! memory; then, with the library written as deck files, a fresh process's first index of them
//! (read, indexed, cached) and another's restart from the cache, each with its resident memory;
//! then each query's p50/p95 over 50 runs on the restarted index (top 200, ranking included),
//! rg's median time per query over the same text written as files, and the ratio.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use casebook::model::Deck;
use casebook::search::cache::IndexCache;
use casebook::search::{Filter, LibraryIndex};

#[path = "support.rs"]
mod support;
use support::{library, resident_mb};

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

/// Indexes every deck file under `dir` through the cache in `cache` as the window and the
/// command line do; returns the index and how many files came from the cache.
fn index_folder(dir: &Path, cache: &Path) -> (LibraryIndex, usize) {
    let cache = IndexCache::at(cache);
    let (files, _) = casebook::workspace::scan_folder_for(dir, true, casebook::workspace::is_library_file);
    let read = casebook::workspace::read_all_indexed(&files, None, Some(&cache));
    let cached = read.iter().filter(|r| r.as_ref().is_ok_and(|r| r.from_cache)).count();
    let segments = read.into_iter().filter_map(Result::ok).map(|r| r.segment).collect();
    (LibraryIndex::of_segments(segments), cached)
}

/// The child process of a phase: indexes the deck files under `dir` with the cache in `cache`,
/// prints the time and resident memory, and (on restart) each query's p50/p95 as `query\tp50\tp95\thits`.
fn phase(name: &str, dir: &Path, cache: &Path) {
    let before = resident_mb();
    let start = Instant::now();
    let (index, cached) = index_folder(dir, cache);
    let took = start.elapsed();
    println!(
        "{name}: {} cards from {cached} cached files usable in {:.2} s; resident memory {:.0} MB (+{:.0} MB)",
        index.len(),
        took.as_secs_f64(),
        resident_mb(),
        resident_mb() - before
    );
    if name != "restart" {
        return;
    }
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
        println!("Q\t{q}\t{}\t{}\t{hits}", ms(p50), ms(p95));
    }
}

/// Runs this benchmark again as a child for one phase; its output lines.
fn run_phase(name: &str, dir: &Path, cache: &Path) -> Vec<String> {
    let me = std::env::current_exe().expect("own path");
    let out = Command::new(me)
        .env("LIBRARY_SCALE_PHASE", name)
        .env("LIBRARY_SCALE_DIR", dir)
        .env("LIBRARY_SCALE_CACHE", cache)
        .output()
        .expect("phase runs");
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

fn main() {
    if let Ok(name) = std::env::var("LIBRARY_SCALE_PHASE") {
        let var = |v: &str| std::path::PathBuf::from(std::env::var_os(v).expect("phase variables"));
        phase(&name, &var("LIBRARY_SCALE_DIR"), &var("LIBRARY_SCALE_CACHE"));
        return;
    }
    let n: usize = std::env::var("CARDS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
    let before = resident_mb();
    let decks = library(n);
    let cards: usize = decks.iter().map(Deck::card_count).sum();
    let start = Instant::now();
    let index = LibraryIndex::build(&decks);
    let built = start.elapsed();
    println!("{cards} cards in {} decks: indexed in memory in {:.2} s", decks.len(), built.as_secs_f64());
    println!(
        "resident memory with every deck and the index in memory: {:.0} MB (+{:.0} MB)",
        resident_mb(),
        resident_mb() - before
    );
    drop(index);

    // The library as files on disk, indexed by a fresh process, then by another as a restart.
    let dir = tempfile::tempdir().expect("temp dir");
    let library_dir = dir.path().join("library");
    std::fs::create_dir_all(&library_dir).expect("library folder");
    for deck in &decks {
        casebook::format::save_deck(deck, &library_dir.join(format!("{}.deck.ron", deck.id))).expect("saved");
    }
    let cache = dir.path().join("cache");
    for line in run_phase("first index", &library_dir, &cache) {
        println!("{line}");
    }
    let restart = run_phase("restart", &library_dir, &cache);
    for line in restart.iter().filter(|l| !l.starts_with("Q\t")) {
        println!("{line}");
    }

    let text_dir = dir.path().join("text");
    let rg = Command::new("rg").arg("--version").output().is_ok();
    if rg {
        write_text_files(&decks, &text_dir);
    } else {
        println!("(rg not found: install ripgrep to compare)");
    }
    println!("{:<28} {:>7} {:>9} {:>9} {:>9} {:>7}", "query", "hits", "p50 ms", "p95 ms", "rg ms", "ratio");
    for line in restart.iter().filter_map(|l| l.strip_prefix("Q\t")) {
        let f: Vec<&str> = line.split('\t').collect();
        let (q, p50, p95, hits) =
            (f[0], f[1].parse::<f64>().unwrap_or(0.0), f[2].parse::<f64>().unwrap_or(0.0), f[3]);
        let rg_ms = if rg {
            let mut rg_times: Vec<Duration> = (0..3).filter_map(|_| rg_time(&text_dir, q)).collect();
            rg_times.sort();
            rg_times.get(rg_times.len() / 2).map(|d| ms(*d))
        } else {
            None
        };
        let (rg_text, ratio) = match rg_ms {
            Some(r) => (format!("{r:.1}"), format!("{:.0}x", r / p95.max(0.001))),
            None => ("-".into(), "-".into()),
        };
        println!("{q:<28} {hits:>7} {p50:>9.2} {p95:>9.2} {rg_text:>9} {ratio:>7}");
    }
}
