//! Importing Word files in the real window: File → Import Word files… (several at once, or a
//! typed folder where no dialog exists) and files dropped on the window; a progress bar while
//! they are read, the report with where the decks were saved, and the decks in the library.
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use casebook::ui::{CasebookApp, Command, Picked, Request};
use common::ui::{app_in, app_with_picks, harness, settle, until_files_read};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn shared(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs").join(name)
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut Harness<'_, CasebookApp>, paths: &[PathBuf]) {
    for p in paths {
        h.input_mut().dropped_files.push(Arc::new(Dropped(p.clone())));
    }
    h.run_steps(1);
}

#[test]
fn import_by_the_menu_reads_several_files_shows_the_report_and_the_decks_join_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let picks = vec![Picked::Paths(vec![shared("1nc.docx"), shared("neg-5.docx")])];
    let mut h = harness(app_with_picks(dir.path(), picks));
    let before = h.state().decks().len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run_steps(1);
    until_files_read(&mut h);
    h.get_by_label("Import Word files");
    let folder = h.state().desk().user_deck_dir();
    h.get_by_label(&format!("Decks are saved in {}", folder.display()));
    let line = h.get_by_label_contains("✔ 1nc.docx: 20 cards");
    let label = line.accesskit_node().value().unwrap_or_default();
    assert!(label.contains(&folder.join("1nc.deck.ron").display().to_string()), "{label}");
    h.get_by_label_contains("✔ neg-5.docx: 16 cards");
    h.get_by_label_contains("2 of 2 files imported · 36 cards");
    assert_eq!(h.state().decks().len(), before + 2);
    assert!(folder.join("neg-5.deck.ron").is_file());
    h.get_by_label("Close").click();
    settle(&mut h);
    assert!(h.query_by_label("Import Word files").is_none());
    assert!(h.state().desk().word_import().is_none());
    assert!(
        h.state().status().starts_with("Imported 2 of 2 Word files (36 cards)"),
        "{}",
        h.state().status()
    );
}

#[test]
fn the_menu_entry_without_a_file_dialog_takes_a_typed_folder_of_word_files() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::copy(shared("neg-4.docx"), docs.join("neg-4.docx")).unwrap();
    std::fs::write(docs.join("~$neg-4.docx"), b"Word lock file").unwrap();
    let mut h = harness(app_in(dir.path(), vec![None]));
    h.state_mut().queue(Request::Command(Command::ImportWord));
    settle(&mut h);
    h.get_by_label("Import Word files (a .docx file, or a folder of them)");
    h.get_by_label("Path").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path").type_text(&docs.display().to_string());
    settle(&mut h);
    h.get_by_label("OK").click();
    until_files_read(&mut h);
    h.get_by_label_contains("✔ neg-4.docx: 28 cards");
    assert!(h.query_by_label_contains("~$neg-4.docx").is_none(), "Word's lock file is not a document");
}

#[test]
fn dropped_word_files_are_imported_with_a_bad_one_reported_and_a_dropped_deck_opens() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.docx");
    std::fs::write(&bad, b"not a zip").unwrap();
    let deck = casebook::bundled::deck("asian-nato-aff").unwrap();
    let mut renamed = deck.clone();
    renamed.id = "dropped-deck".into();
    renamed.title = "Dropped deck".into();
    let deck_path = dir.path().join("dropped-deck.deck.ron");
    casebook::format::save_deck(&renamed, &deck_path).unwrap();
    let mut h = harness(app_in(dir.path(), vec![]));
    drop_files(&mut h, &[shared("neg-3.docx"), bad, deck_path]);
    until_files_read(&mut h);
    h.get_by_label_contains("✔ neg-3.docx: 54 cards");
    h.get_by_label_contains("✖ broken.docx: not a Word .docx file");
    h.get_by_label_contains("1 of 2 files imported");
    let ids: Vec<&str> = h.state().decks().iter().map(|d| d.id.as_str()).collect();
    assert!(ids.contains(&"neg-3") && ids.contains(&"dropped-deck"), "{ids:?}");
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.state().desk().word_import().is_none(), "Escape closes a finished report");
}

#[test]
fn the_reader_shows_an_imported_card_with_its_cite_as_written_and_says_there_is_no_source_text_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(app_with_picks(dir.path(), vec![Picked::Paths(vec![shared("1nc.docx")])]));
    h.get_by_label("Library").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    settle(&mut h);
    h.get_by_label_contains("✔ Quote verbatim from its stored source");
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    until_files_read(&mut h);
    h.get_by_label("Close").click();
    settle(&mut h);
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text("Protection means to command");
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    settle(&mut h);
    h.get_by_label_contains("No stored source text");
    h.get_by_label_contains("Johanna Matanich");
    assert!(h.query_by_label_contains("n.d.").is_none(), "the cite as written, not one built from guesses");
}

#[test]
fn casebook_open_with_a_word_file_imports_it_into_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let config = casebook::ui::AppConfig {
        recovery_dir: dir.path().join("recovery"),
        picker: Box::new(casebook::ui::ScriptedPicker::default()),
        prefs: casebook::ui::Prefs::default(),
        index_cache: None,
    };
    let app = CasebookApp::with_file(config, Some(shared("neg-5.docx")));
    let mut h = harness(app);
    until_files_read(&mut h);
    h.get_by_label_contains("✔ neg-5.docx: 16 cards");
    assert!(h.state().decks().iter().any(|d| d.id == "neg-5"));
}
