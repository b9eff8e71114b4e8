//! Frame-time benchmark: the window with a 10,000-card library and a 300-item case.
//!
//! Runs the real app in egui_kittest (CPU side of a frame: layout, filtering, widgets; no GPU
//! painting) and reports median and p95 frame times for: idle frames, scrolling the library,
//! a search filter applied, and scrolling the case. Run with `cargo bench --bench frame_time`.

use std::path::Path;
use std::time::{Duration, Instant};

use casebook::model::{Block, Deck, Item, Section, SectionKind};
use casebook::ui::{AppConfig, CasebookApp, PathFor, Prefs, Request, ScriptedPicker};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
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
    measure("scrolling the library", &mut h, 200, |h, i| {
        h.hover_at(library_point);
        let dy = if (i / 50) % 2 == 0 { -120.0 } else { 120.0 };
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    });
    let case_point = egui::pos2(1150.0, 500.0);
    measure("scrolling the 300-item case", &mut h, 200, |h, i| {
        h.hover_at(case_point);
        let dy = if (i / 50) % 2 == 0 { -120.0 } else { 120.0 };
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    });
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
