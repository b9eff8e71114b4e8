//! Frame-time benchmark: the window with a 10,000-card library and a 300-item case.
//!
//! Runs the real app in egui_kittest (CPU side of a frame: layout, filtering, widgets; no GPU
//! painting) and reports median and p95 frame times for: idle frames, scrolling the library,
//! a search filter applied, and scrolling the case. Run with `cargo bench --bench frame_time`.
//!
//! First, in child processes, the window with a library folder of real-size cards (the shared
//! Verbatim files tiled): its first start and a restart from the index cache, each with the time
//! until the library is usable, idle and scrolling frames, and resident memory.

use std::path::Path;
use std::time::{Duration, Instant};

use casebook::model::{Block, Deck, Item, Section, SectionKind};
use casebook::ui::{AppConfig, CasebookApp, PathFor, Prefs, Request, ScriptedPicker};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "support.rs"]
mod support;
use support::resident_mb;

/// Decks of 1,000 cards in the library; `DECKS=50` measures a 50,000-card library (#14.6).
fn decks() -> usize {
    std::env::var("DECKS").ok().and_then(|v| v.parse().ok()).unwrap_or(10)
}
const CARDS_PER_DECK: usize = 1000;
const CASE_ITEMS: usize = 300;

/// Ten decks of 1,000 cards each, made from the bundled cards under new ids.
fn big_library(dir: &Path) -> Vec<(Deck, std::path::PathBuf)> {
    let bundled: Vec<Deck> = casebook::bundled::decks().into_iter().map(|d| d.expect("bundled")).collect();
    let cards: Vec<_> = bundled.iter().flat_map(|d| d.cards().cloned()).collect();
    let sources: Vec<_> = bundled.iter().flat_map(|d| d.sources.clone()).collect();
    let mut sources_unique = Vec::new();
    for s in sources {
        if !sources_unique.iter().any(|u: &casebook::model::Source| u.id == s.id) {
            sources_unique.push(s);
        }
    }
    (0..decks())
        .map(|d| {
            let blocks = (0..CARDS_PER_DECK / 50)
                .map(|b| Block {
                    title: format!("Block {b}"),
                    cards: (0..50)
                        .map(|c| {
                            let mut card = cards[(d * 7 + b * 50 + c) % cards.len()].clone();
                            card.id = format!("bench-{d}-{b}-{c}");
                            card
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect();
            let deck = Deck {
                version: casebook::format::CURRENT_VERSION,
                id: format!("bench-{d}"),
                title: format!("Benchmark deck {d}"),
                resolution: casebook::model::RESOLUTION.into(),
                description: String::new(),
                sources: sources_unique.clone(),
                blocks,
                imported_from: None,
            };
            let path = dir.join(format!("bench-{d}.deck.ron"));
            casebook::format::save_deck(&deck, &path).expect("save deck");
            (deck, path)
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Frame `i` of a scroll at `point`: 50 frames of wheel up, then 50 down, and so on.
fn wheel(h: &mut Harness<'_, CasebookApp>, point: egui::Pos2, i: usize) {
    h.hover_at(point);
    let dy = if (i / 50).is_multiple_of(2) { -120.0 } else { 120.0 };
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
}

fn measure(
    name: &str,
    h: &mut Harness<'_, CasebookApp>,
    frames: usize,
    mut before: impl FnMut(&mut Harness<'_, CasebookApp>, usize),
) {
    let mut times = Vec::with_capacity(frames);
    for i in 0..frames {
        before(h, i);
        let start = Instant::now();
        h.step();
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{name:<28} median {:>6.2} ms   p95 {:>6.2} ms   max {:>6.2} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3
    );
}

/// The child process of the library-folder scenario (#14.6): the window started with `folder` as
/// a library folder and the index cache in `cache`; prints how long until the library is usable,
/// the frame times idle and scrolling, and the resident memory.
fn folder_phase(name: &str, folder: &Path, cache: &Path) {
    let app = CasebookApp::new(AppConfig {
        recovery_dir: cache.join("recovery"),
        picker: Box::new(ScriptedPicker::default()),
        prefs: Prefs { library_folders: vec![folder.to_owned()], ..Prefs::default() },
        index_cache: Some(casebook::search::cache::IndexCache::at(cache)),
    });
    let start = Instant::now();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut CasebookApp| app.show(ui), app);
    h.step();
    // A real window draws at the display's rate (60 Hz) while files are read, not flat out.
    while h.state().desk().word_import().is_none_or(|j| !j.is_finished()) {
        std::thread::sleep(Duration::from_millis(16));
        h.step();
    }
    let usable = start.elapsed();
    let cards = h.state().desk().index().len();
    println!(
        "{name}: {cards} real-size cards, {} files on the shelf, usable in {:.2} s ({})",
        h.state().desk().shelved_files(),
        usable.as_secs_f64(),
        h.state().status()
    );
    measure(&format!("{name}: idle frame"), &mut h, 200, |_, _| {});
    let library_point = egui::pos2(170.0, 500.0);
    measure(&format!("{name}: scrolling"), &mut h, 200, |h, i| wheel(h, library_point, i));
    println!("{name}: resident memory with the library open {:.0} MB", resident_mb());
}

fn main() {
    if let Ok(name) = std::env::var("FRAME_TIME_PHASE") {
        let var = |v: &str| std::path::PathBuf::from(std::env::var_os(v).expect("phase variables"));
        folder_phase(&name, &var("FRAME_TIME_FOLDER"), &var("FRAME_TIME_CACHE"));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // A library folder of real-size cards (1,000 per deck-size unit of `DECKS`), in a fresh
    // window, then in another as a restart.
    let folder = dir.path().join("team library");
    std::fs::create_dir_all(&folder).expect("library folder");
    for deck in support::library(decks() * CARDS_PER_DECK) {
        casebook::format::save_deck(&deck, &folder.join(format!("{}.deck.ron", deck.id))).expect("saved");
    }
    let me = std::env::current_exe().expect("own path");
    for phase in ["library folder, first start", "library folder, restart"] {
        let out = std::process::Command::new(&me)
            .env("FRAME_TIME_PHASE", phase)
            .env("FRAME_TIME_FOLDER", &folder)
            .env("FRAME_TIME_CACHE", dir.path().join("cache"))
            .output()
            .expect("phase runs");
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
    let library = big_library(dir.path());
    let mut session = casebook::desk::fresh_session();
    session.aff.sections.clear();
    for s in 0..CASE_ITEMS / 30 {
        let mut section = Section::new(format!("Contention {}", s + 1), SectionKind::Contention);
        for (deck, _) in library.iter().take(1) {
            for card in deck.cards().skip(s * 30).take(30) {
                let source = deck.source(&card.source).expect("source").clone();
                section.items.push(Item::Card { deck: deck.id.clone(), card: card.clone(), source });
            }
        }
        session.aff.sections.push(section);
    }
    session.decks = library
        .iter()
        .map(|(d, p)| casebook::model::DeckRef {
            path: p.file_name().unwrap().to_string_lossy().into_owned(),
            id: d.id.clone(),
            fingerprint: casebook::format::deck_fingerprint(d),
        })
        .collect();
    let session_path = dir.path().join("bench.session.ron");
    casebook::format::save_session(&session, &session_path).expect("save session");

    let mut app = CasebookApp::new(AppConfig {
        recovery_dir: dir.path().join("recovery"),
        picker: Box::new(ScriptedPicker::default()),
        prefs: Prefs::default(),
        index_cache: None,
    });
    app.queue(Request::PathGiven(PathFor::OpenSession, session_path));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut CasebookApp| app.show(ui), app);
    h.run_steps(5);
    let cards: usize = h.state().decks().iter().map(|d| d.card_count()).sum();
    let items: usize = h.state().session().aff.sections.iter().map(|s| s.items.len()).sum();
    println!("library: {cards} cards in {} decks; affirmative case: {items} items", h.state().decks().len());
    assert!(cards >= 10_000 && items == CASE_ITEMS);

    measure("idle frame", &mut h, 200, |_, _| {});
    let library_point = egui::pos2(170.0, 500.0);
    measure("scrolling the library", &mut h, 200, |h, i| wheel(h, library_point, i));
    let case_point = egui::pos2(1150.0, 500.0);
    measure("scrolling the 300-item case", &mut h, 200, |h, i| wheel(h, case_point, i));
    h.get_by_label("Library").focus();
    h.step();
    h.get_by_label("Library").type_text("china");
    let start = Instant::now();
    h.step();
    println!(
        "{:<28} {:>6.2} ms (one frame: re-filter {cards} cards)",
        "typing a search word",
        start.elapsed().as_secs_f64() * 1e3
    );
    measure("idle with a search filter", &mut h, 200, |_, _| {});
}
