//! Where a card comes from, in the real window (#22.2, #22.5): a hit names its file and folder,
//! exact copies in several files are one hit ("also in N files"), the reader says file, folder
//! and Pocket › Hat › Block; and the clash map counts only this debate's decks, not every file
//! imported.
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};

use casebook::export::{ExportOptions, ExportSide, Format, Target, export};
use casebook::model::{CaseSide, Deck};
use casebook::ui::{AppConfig, CasebookApp, Command, PathFor, Prefs, Request, ScriptedPicker};
use common::ui::{app_in, harness, settle, until_files_read};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// `deck` as a Word file at `path` (its folders made).
fn word_file(path: &Path, deck: &Deck) -> PathBuf {
    let options = ExportOptions { side: ExportSide::Both, full: true, wpm: None, answers: false };
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, export(Format::Docx, Target::Deck(deck), &options).unwrap()).unwrap();
    path.to_owned()
}

/// A neg deck of another topic: every block and card renamed.
fn off_topic() -> Deck {
    let mut deck = casebook::bundled::deck("asian-nato-neg").unwrap();
    for (b, block) in deck.blocks.iter_mut().enumerate() {
        block.title = format!("Last year's off-case {b}");
        for card in &mut block.cards {
            card.id = format!("old-{}", card.id);
            card.tag = format!("Last year: {}", card.tag);
        }
    }
    deck
}

fn labels_containing(h: &egui_kittest::Harness<'_, CasebookApp>, part: &str) -> Vec<String> {
    h.query_all_by_label_contains(part)
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
        .collect()
}

#[test]
fn a_hit_names_its_file_and_folder_and_exact_copies_are_one_hit_read_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    let neg = casebook::bundled::deck("asian-nato-neg").unwrap();
    let first = word_file(&team.join("2025/camp/1nc.docx"), &neg);
    std::fs::create_dir_all(team.join("2026/states")).unwrap();
    std::fs::copy(&first, team.join("2026/states/1nc.docx")).unwrap();
    let app = CasebookApp::new(AppConfig {
        recovery_dir: dir.path().join("recovery"),
        picker: Box::new(ScriptedPicker::default()),
        prefs: Prefs { library_folders: vec![team.clone()], ..Prefs::default() },
        index_cache: None,
    });
    let mut h = harness(app);
    until_files_read(&mut h);
    if h.query_by_label("Close").is_some() {
        h.get_by_label("Close").click();
        settle(&mut h);
    }
    let tag = neg.blocks[1].cards[0].tag.clone();
    h.get_by_label("Library").focus();
    h.get_by_label("Library").type_text(&format!("tag:\"{tag}\""));
    settle(&mut h);
    // Three copies (the bundled deck and the two files): one hit, saying the others.
    let rows = labels_containing(&h, &tag);
    let hits: Vec<&String> = rows.iter().filter(|l| l.contains(" — ")).collect();
    assert_eq!(hits.len(), 1, "exact copies collapse into one hit: {rows:?}");
    let place = labels_containing(&h, "also in 2 files");
    assert_eq!(place.len(), 1, "the line under the hit says where else it is: {rows:?}");

    // A hit of one file only names its file and folder, and the reader says where it sits.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    settle(&mut h);
    h.get_by_label("Library").type_text("deck:1nc");
    settle(&mut h);
    let rows = labels_containing(&h, "from team › 2025/camp/1nc.docx");
    assert!(!rows.is_empty(), "the line under the deck's heading names team › 2025/camp/1nc.docx");
    // The first card of the list: the first card of the first file.
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    for _ in 0..20 {
        settle(&mut h);
        if h.query_by_label_contains("From team › 2025/camp/1nc.docx").is_some() {
            break;
        }
    }
    let from = labels_containing(&h, "From team › 2025/camp/1nc.docx");
    assert_eq!(from.len(), 1, "the reader says where the card comes from");
    assert!(from[0].contains(&neg.blocks[0].display_title()), "{}", from[0]);
}

#[test]
fn the_clash_map_counts_this_debates_decks_not_every_imported_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = word_file(&dir.path().join("old/1NC.docx"), &off_topic());
    let mut h = harness(app_in(dir.path(), vec![]));
    h.state_mut().queue(Request::Command(Command::OpenExample));
    settle(&mut h);
    let count = |h: &egui_kittest::Harness<'_, CasebookApp>| {
        h.state().desk().clash(CaseSide::Aff.into()).map_or(0, |(_, map)| map.len())
    };
    let before = count(&h);
    assert!(before > 0);
    h.state_mut().queue(Request::PathGiven(PathFor::ImportWord, old));
    settle(&mut h);
    until_files_read(&mut h);
    h.get_by_label("Close").click();
    settle(&mut h);
    assert!(h.state().decks().iter().any(|d| d.id == "1nc"), "imported");
    assert_eq!(count(&h), before, "an imported file of another topic adds no positions");
    let map = h.state().desk().clash(CaseSide::Aff.into()).unwrap().1.clone();
    assert!(map.iter().all(|a| !a.argument.title.starts_with("Last year")));
    assert!(map.iter().all(|a| !casebook::clash::is_answer_heading(&a.argument.title)), "no answer block");

    // Ticked as this topic in the clash map, its blocks become positions; one undo takes it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    settle(&mut h);
    h.get_by_label_contains("This topic's decks").click();
    settle(&mut h);
    h.get_by_label_contains("(1nc)").click();
    settle(&mut h);
    assert!(count(&h) > before, "the ticked deck's blocks are positions now");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(count(&h), before);
}
