//! The layering the README promises, checked on the source text: views read the desk and push
//! requests; only the shell (app.rs, controller.rs) applies intents; no view touches files or
//! edits; no view imports the shell (so `src/ui/` has no import loop). That nothing outside
//! `src/ui/` names egui is `gui_fence.rs`.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn src(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(sub)
}

/// The shell: the window's entry point (`mod.rs`: `run`), its state (with the files dropped on
/// it) and its controller (with the controller's keyboard stepping of the selection, the
/// round's commands and read mode's keys).
const SHELL: [&str; 7] = [
    "app.rs",
    "app_drops.rs",
    "controller.rs",
    "controller_read.rs",
    "controller_round.rs",
    "controller_steps.rs",
    "mod.rs",
];

#[test]
fn no_view_imports_the_shell_so_the_ui_has_no_import_loop() {
    for file in rust_files(&src("ui")) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if SHELL.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for shell in ["super::app", "super::controller", "CasebookApp"] {
            assert!(!text.contains(shell), "{name} names the shell ({shell})");
        }
    }
}

#[test]
fn no_view_applies_an_edit_or_writes_a_file() {
    let forbidden = [
        "std::fs",
        "format::save",
        "write_atomic",
        "ops::Edit",
        "ops::History",
        "SessionOp",
        "DeckOp",
        "&mut Desk",
        ".apply(",
        "workspace::Recovery",
    ];
    for file in rust_files(&src("ui")) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if SHELL.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for word in forbidden {
            assert!(!text.contains(word), "{name} uses {word}: views only read the desk and push requests");
        }
    }
}

#[test]
fn no_state_keeps_an_egui_context() {
    for file in rust_files(&src("ui")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let kept =
                line.contains("Option<egui::Context>") || line.trim_end().ends_with(": egui::Context,");
            assert!(!kept, "{}: {line}", file.display());
        }
    }
}
