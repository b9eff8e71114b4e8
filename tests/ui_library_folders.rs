//! Library folders in the real window: a folder of decks and Word files remembered in the
//! preferences is read at start with the library's progress window, and its cards are found by
//! the search language as you type, with the hit count.
#![cfg(feature = "gui")]

mod common;

use std::path::PathBuf;

use casebook::search::cache::IndexCache;
use casebook::ui::{AppConfig, CasebookApp, Prefs, ScriptedPicker};
use common::ui::{harness, settle, until_files_read};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn shared(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs").join(name)
}

/// The library's "N of M cards" line.
fn shown_count(h: &Harness<'_, CasebookApp>) -> String {
    h.query_all_by_label_contains(" of ")
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
        .find(|l| l.ends_with(" cards") && l.split(' ').next().is_some_and(|w| w.parse::<usize>().is_ok()))
        .unwrap_or_default()
}

#[test]
fn a_remembered_library_folder_is_read_at_start_and_searched_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("tub");
    std::fs::create_dir_all(folder.join("2024")).unwrap();
    std::fs::copy(shared("neg-2.docx"), folder.join("2024").join("neg-2.docx")).unwrap();
    std::fs::copy(shared("1nc.docx"), folder.join("1nc.docx")).unwrap();
    let app = |folder: &std::path::Path| {
        CasebookApp::new(AppConfig {
            recovery_dir: dir.path().join("recovery"),
            picker: Box::new(ScriptedPicker::default()),
            prefs: Prefs { library_folders: vec![folder.to_owned()], ..Prefs::default() },
            index_cache: Some(IndexCache::at(dir.path().join("cache"))),
        })
    };
    let mut h = harness(app(&folder));
    until_files_read(&mut h);
    h.get_by_label("Library folders");
    h.get_by_label_contains("2 of 2 files indexed · 88 cards");
    h.get_by_label("Close").click();
    settle(&mut h);
    let all = 88 + casebook::bundled::decks().into_iter().map(|d| d.unwrap().card_count()).sum::<usize>();
    assert!(shown_count(&h).contains(&format!("{all} of {all} cards")), "{}", shown_count(&h));
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text("tag:water -cessation");
    settle(&mut h);
    let count = shown_count(&h);
    assert!(count.contains(&format!(" of {all} cards")) && !count.starts_with(&all.to_string()), "{count}");
    h.get_by_label("Library").type_text(" \"protection means\"");
    settle(&mut h);
    assert!(
        shown_count(&h).starts_with(&format!("0 of {all}")),
        "the exclusion and the phrase both hold: {}",
        shown_count(&h)
    );

    // The files are indexed, not read: the first hit's file is read when its card is shown.
    // Ctrl+F selects the old query: what is typed replaces it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut h);
    h.get_by_label("Library").type_text("tag:water");
    settle(&mut h);
    // A library folder's Word file is named by its place: `neg-2-…`, `1nc-…`.
    let read = |id: &str| id.starts_with("neg-2-") || id.starts_with("1nc-");
    assert!(h.state().decks().iter().all(|d| !read(&d.id)), "nothing read yet");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowDown);
    settle(&mut h);
    let key = h.state().selection_card().expect("the first hit is selected");
    let (_, card) = h.state().desk().card(&key).expect("its file was read when it was shown");
    assert!(card.tag.to_lowercase().contains("water"), "{}", card.tag);
    h.get_by_label(&card.tag);

    // A restart takes the unchanged files from the index cache.
    let mut again = harness(app(&folder));
    until_files_read(&mut again);
    again.get_by_label_contains("2 unchanged since last indexed");
}
