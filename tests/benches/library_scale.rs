//! Library at team scale (#14.6): 50,000 cards of real size, tiled from the bundled decks and the
//! shared real Verbatim files (unique ids, words varied per copy), indexed and searched; the same
//! queries timed with `rg -i` over the same text written as files, in the same run.
//!
//! `cargo bench --bench library_scale` (set `CARDS=N` for another size). Prints the index time in
//! memory; then, with the library written as deck files, a fresh process's first index of them
//! (read, indexed, cached) and another's restart from the cache, each with its resident memory;
//! then each query's p50/p95 over 50 runs on the restarted index (top 200, ranking included),
//! rg's median time per query over the same text written as files, and the ratio.
//!
//! Then the command line as a script runs it, each a WHOLE PROCESS (exec to exit): the release
//! `casebook search QUERY --library DIR --limit 20` on the search engine's on-disk index (its
//! first run builds the index; the median of 15 later runs per query, and the peak resident memory
//! of one more run under `/usr/bin/time`), against `rg -i` over the same text and against a
//! minimal tantivy program over the same cards ([`tantivy_baseline`]: a plain default schema,
//! top 20), with the ratios and the targets (≤ 20 ms, ≥ 3× faster than rg, ≤ 100 MB).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use casebook::model::Deck;
use casebook::search::cache::IndexCache;
use casebook::search::{Filter, LibraryIndex};

#[path = "support.rs"]
mod support;
#[path = "tantivy_baseline.rs"]
mod tantivy_baseline;
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
        if name == "tantivy" {
            baseline_phase(&var("LIBRARY_SCALE_DIR"), &var("LIBRARY_SCALE_CACHE"));
            return;
        }
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
    write_text_files(&decks, &text_dir);
    if !rg {
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
    println!();
    whole_processes(&library_dir, &text_dir, dir.path(), rg);
}

/// The minimal tantivy program's process: indexes the text files under `text_dir` into `index`
/// when it holds no index, then prints the top 20 of `LIBRARY_SCALE_QUERY` (when set).
fn baseline_phase(text_dir: &Path, index: &Path) {
    if !index.join("meta.json").exists()
        && let Err(e) = tantivy_baseline::index(text_dir, index)
    {
        eprintln!("{e}");
        std::process::exit(2);
    }
    if let Ok(query) = std::env::var("LIBRARY_SCALE_QUERY") {
        match tantivy_baseline::search(index, &query) {
            Ok(n) => eprintln!("{n} hits"),
            Err(e) => eprintln!("{e}"),
        }
    }
}

/// The peak resident memory in MB that `/usr/bin/time -f %M` wrote as the last line of `stderr`.
fn peak_mb(stderr: &[u8]) -> Option<f64> {
    let err = String::from_utf8_lossy(stderr);
    err.lines().last().and_then(|l| l.trim().parse::<f64>().ok()).map(|kb| kb / 1024.0)
}

/// A process to run: program, arguments, environment.
struct Proc {
    program: std::path::PathBuf,
    args: Vec<String>,
    envs: Vec<(&'static str, std::ffi::OsString)>,
}

impl Proc {
    fn command(&self, timed: bool) -> Command {
        let mut c = if timed {
            let mut c = Command::new("/usr/bin/time");
            c.args(["-f", "%M"]).arg(&self.program);
            c
        } else {
            Command::new(&self.program)
        };
        c.args(&self.args).envs(self.envs.iter().map(|(k, v)| (k, v)));
        c
    }

    /// The median wall time of `runs` runs (exec to exit), the last run's stderr, and the peak
    /// resident memory in MB of one more run under /usr/bin/time (when it is there).
    fn measure(&self, runs: usize) -> (Duration, String, Option<f64>) {
        let mut times = Vec::new();
        let mut stderr = String::new();
        for _ in 0..runs {
            let start = Instant::now();
            let out = self.command(false).output().expect("process runs");
            times.push(start.elapsed());
            stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        times.sort();
        let peak = Path::new("/usr/bin/time")
            .exists()
            .then(|| self.command(true).output().ok())
            .flatten()
            .and_then(|out| peak_mb(&out.stderr));
        (times[times.len() / 2], stderr, peak)
    }
}

/// `casebook search` and the minimal tantivy program as whole processes over the library, against
/// `rg -i` over the same text.
fn whole_processes(library_dir: &Path, text_dir: &Path, work: &Path, rg: bool) {
    const RUNS: usize = 15;
    let cache = work.join("engine-cache");
    let casebook = |q: &str| Proc {
        program: env!("CARGO_BIN_EXE_casebook").into(),
        args: vec![
            "search".into(),
            q.into(),
            "--library".into(),
            library_dir.display().to_string(),
            "--limit".into(),
            "20".into(),
        ],
        envs: vec![("XDG_CACHE_HOME", cache.clone().into_os_string())],
    };
    let me = std::env::current_exe().expect("own path");
    let baseline_index = work.join("tantivy-baseline");
    let baseline = |q: Option<&str>| Proc {
        program: me.clone(),
        args: Vec::new(),
        envs: [
            Some(("LIBRARY_SCALE_PHASE", "tantivy".into())),
            Some(("LIBRARY_SCALE_DIR", text_dir.as_os_str().to_owned())),
            Some(("LIBRARY_SCALE_CACHE", baseline_index.clone().into_os_string())),
            q.map(|q| ("LIBRARY_SCALE_QUERY", q.into())),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    // The first run, under /usr/bin/time when it is there: its peak is the indexing's.
    let timed = Path::new("/usr/bin/time").exists();
    let start = Instant::now();
    let out = casebook("china").command(timed).output().expect("casebook runs");
    let first = start.elapsed();
    let first_peak = timed.then(|| peak_mb(&out.stderr)).flatten();
    let (again, _, _) = casebook("china").measure(1);
    println!(
        "casebook search, whole process: first run (builds the on-disk index) {:.2} s, peak {:.0} MB; \
         the next {:.0} ms",
        first.as_secs_f64(),
        first_peak.unwrap_or(0.0),
        ms(again)
    );
    let start = Instant::now();
    let _ = baseline(None).command(false).output();
    println!("minimal tantivy program: indexed the same cards in {:.2} s", start.elapsed().as_secs_f64());
    println!(
        "{:<28} {:>6} {:>9} {:>8} {:>11} {:>8} {:>8} {:>9} {:>10}",
        "query (top 20)",
        "hits",
        "casebook",
        "peak MB",
        "tantivy ms",
        "peak MB",
        "rg ms",
        "rg ratio",
        "vs tantivy"
    );
    let (mut worst_ms, mut worst_peak, mut worst_ratio) = (0.0f64, 0.0f64, f64::INFINITY);
    for q in QUERIES {
        let (t, stderr, peak) = casebook(q).measure(RUNS);
        let hits = stderr
            .lines()
            .find_map(|l| l.strip_suffix(" cards match"))
            .and_then(|l| l.split(" of ").next())
            .unwrap_or("?")
            .to_owned();
        let (b, _, b_peak) = baseline(Some(q)).measure(RUNS);
        let rg_ms = if rg {
            let mut times: Vec<Duration> = (0..5).filter_map(|_| rg_time(text_dir, q)).collect();
            times.sort();
            times.get(times.len() / 2).map(|d| ms(*d))
        } else {
            None
        };
        let ratio = rg_ms.map(|r| r / ms(t).max(0.001));
        worst_ms = worst_ms.max(ms(t));
        worst_peak = worst_peak.max(peak.unwrap_or(0.0));
        worst_ratio = worst_ratio.min(ratio.unwrap_or(f64::INFINITY));
        println!(
            "{q:<28} {hits:>6} {:>9.1} {:>8.0} {:>11.1} {:>8.0} {:>8} {:>9} {:>9.1}x",
            ms(t),
            peak.unwrap_or(0.0),
            ms(b),
            b_peak.unwrap_or(0.0),
            rg_ms.map_or("-".into(), |r| format!("{r:.1}")),
            ratio.map_or("-".into(), |r| format!("{r:.1}x")),
            ms(t) / ms(b).max(0.001)
        );
    }
    let ok = |pass: bool| if pass { "met" } else { "MISSED" };
    println!(
        "targets: median <= 20 ms: worst {worst_ms:.1} ms ({}); >= 3x faster than rg -i: worst {worst_ratio:.1}x ({}); \
         peak RSS <= 100 MB: worst {worst_peak:.0} MB ({})",
        ok(worst_ms <= 20.0),
        ok(worst_ratio >= 3.0),
        ok(worst_peak <= 100.0)
    );
}
