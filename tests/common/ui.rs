//! Helpers for driving the real window with egui_kittest.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::path::PathBuf;

use casebook::ui::{AppConfig, CasebookApp, Prefs, ScriptedPicker};
use egui_kittest::Harness;

/// A window with the bundled decks, recovery files in `dir`, and a picker answering `picks`.
pub fn app_in(dir: &std::path::Path, picks: Vec<Option<PathBuf>>) -> CasebookApp {
    CasebookApp::new(AppConfig {
        recovery_dir: dir.join("recovery"),
        picker: Box::new(ScriptedPicker::paths(picks)),
        prefs: Prefs::default(),
        index_cache: None,
    })
}

/// A window like [`app_in`] whose file dialogs answer `picks` (cancel, no dialog, a path).
pub fn app_with_picks(dir: &std::path::Path, picks: Vec<casebook::ui::Picked>) -> CasebookApp {
    CasebookApp::new(AppConfig {
        recovery_dir: dir.join("recovery"),
        picker: Box::new(ScriptedPicker(VecDeque::from(picks))),
        prefs: Prefs::default(),
        index_cache: None,
    })
}

/// A harness around `app` at a desktop window size.
pub fn harness(app: CasebookApp) -> Harness<'static, CasebookApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut CasebookApp| app.show(ui), app);
    settle(&mut h);
    h
}

/// Runs a few frames: enough for queued actions to apply and the layout to settle.
pub fn settle(h: &mut Harness<'_, CasebookApp>) {
    h.run_steps(4);
}

/// The tag of the first card of the first bundled deck.
pub fn first_tag(app: &CasebookApp) -> String {
    app.decks()[0].blocks[0].cards[0].tag.clone()
}

/// A window like [`app_in`] with the given theme.
pub fn app_with_theme(dir: &std::path::Path, theme: casebook::ui::Theme) -> CasebookApp {
    CasebookApp::new(AppConfig {
        recovery_dir: dir.join("recovery"),
        picker: Box::new(ScriptedPicker::default()),
        prefs: Prefs { theme, ..Prefs::default() },
        index_cache: None,
    })
}

/// Selects characters `start..end` of the text field `id_source` (as a mouse selection would).
pub fn select_text(ctx: &egui::Context, id_source: &str, start: usize, end: usize) {
    let id = egui::Id::unique(id_source);
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(egui::text_selection::CCursorRange::two(
        egui::text::CCursor::new(start),
        egui::text::CCursor::new(end),
    )));
    state.store(ctx, id);
}

/// Drags with the mouse from `from` to `to` in small steps, as a hand would, and drops.
pub fn drag_and_drop(h: &mut Harness<'_, CasebookApp>, from: egui::Pos2, to: egui::Pos2) {
    h.drag_at(from);
    h.run_steps(2);
    for step in 1..=5 {
        h.hover_at(from + (to - from) * (step as f32 / 5.0));
        h.run_steps(1);
    }
    h.drop_at(to);
    settle(h);
}

/// Finds the case row of the card (or analytic) `text`: "A  tag — Kim 25" (a side marker, two
/// spaces), not the library row (indented) nor the row's buttons ("Remove …", "Drag …").
pub fn case_row(text: String) -> impl Fn(&egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    move |n| {
        n.label().is_some_and(|l| {
            let mut c = l.chars();
            let marked = c.next().is_some_and(|x| x != ' ') && c.next() == Some(' ') && c.next() == Some(' ');
            (marked || l.starts_with("✏ ")) && l.contains(&text)
        })
    }
}

/// Opens the Cut tab on the bundled Kim article and returns its normalised text, the one the
/// source field shows (selections are character offsets into it).
pub fn open_kim_source(h: &mut Harness<'_, CasebookApp>) -> String {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Cut from source").click();
    settle(h);
    h.get_by_label("Bundled source").click();
    settle(h);
    h.get_by_label("kim-2025-asia-needs-nato-style-alliance.txt").click();
    settle(h);
    let source = casebook::bundled::SOURCE_TEXTS.iter().find(|s| s.id == "kim-2025").expect("bundled Kim");
    casebook::model::verbatim::normalize_source(source.text)
}

/// The ids of the cards (or the words of the analytics) in section `section` of the
/// affirmative case.
pub fn aff_items(app: &CasebookApp, section: usize) -> Vec<String> {
    app.session().aff.sections[section]
        .items
        .iter()
        .map(|i| match i {
            casebook::model::Item::Card { card, .. } => card.id.clone(),
            casebook::model::Item::Analytic { text, .. } => text.clone(),
        })
        .collect()
}

/// Runs frames until a Word import or library read has started and read every file (at most 30 s).
pub fn until_files_read(h: &mut Harness<'_, CasebookApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    for _ in 0..10 {
        if h.state().desk().word_import().is_some() {
            break;
        }
        h.run_steps(1);
    }
    while h.state().desk().word_import().is_some_and(|j| !j.is_finished()) {
        assert!(std::time::Instant::now() < deadline, "the files were not read");
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    settle(h);
}
