//! The compile-time fence between the application core and the window: no source file outside
//! `src/ui/` names egui, eframe, rfd or the window's other crates, or reaches into `ui`, except the
//! two lines that switch the window on, each right under `#[cfg(feature = "gui")]`.

use std::path::{Path, PathBuf};

/// Crates only the window may use.
const WINDOW_CRATES: [&str; 5] = ["egui", "eframe", "rfd", "wgpu", "winit"];
const GATE: &str = "#[cfg(feature = \"gui\")]";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if path != Path::new("src/ui") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn identifiers(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty())
}

/// Whether `line` (code, not a comment) names a window crate or the `ui` module.
fn names_the_window(line: &str) -> bool {
    let code = line.trim_start();
    if code.starts_with("//") {
        return false;
    }
    identifiers(code).any(|w| WINDOW_CRATES.contains(&w))
        || code.contains("crate::ui")
        || code.contains("super::ui")
        || code.contains("casebook::ui")
        || code
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0] == "mod" && w[1].trim_end_matches([';', '{']) == "ui")
}

/// The allowed lines: `pub mod ui;` in lib.rs directly under the gate, and the one `crate::ui::run`
/// call in cli.rs inside a function directly under the gate.
fn allowed(path: &Path, lines: &[&str], i: usize) -> bool {
    let line = lines[i].trim();
    let previous = |j: usize| j.checked_sub(1).map(|j| lines[j].trim());
    if path == Path::new("src/lib.rs") && line == "pub mod ui;" {
        return previous(i) == Some(GATE);
    }
    if path == Path::new("src/cli.rs") && line == "match crate::ui::run(file) {" {
        let Some(f) = (0..i).rev().find(|&j| lines[j].starts_with("fn ") || lines[j].starts_with("pub fn "))
        else {
            return false;
        };
        return previous(f) == Some(GATE);
    }
    false
}

#[test]
fn only_the_gated_switch_outside_src_ui_names_the_window() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    assert!(files.len() > 30, "found the sources: {files:?}");
    let mut offending = Vec::new();
    let mut switches = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read source");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !names_the_window(line) {
                continue;
            }
            if allowed(path, &lines, i) {
                switches += 1;
            } else {
                offending.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(offending.is_empty(), "the core names the window:\n{}", offending.join("\n"));
    assert_eq!(switches, 2, "`pub mod ui;` in lib.rs and `crate::ui::run` in cli.rs, each gated");
}

#[test]
fn the_check_sees_what_it_must_refuse() {
    assert!(names_the_window("use egui::Context;"));
    assert!(names_the_window("    let _ = crate::ui::run(None);"));
    assert!(names_the_window("pub mod ui;"));
    assert!(names_the_window("fn pick() -> Option<rfd::FileHandle> {"));
    assert!(!names_the_window("// the window (egui) is elsewhere"));
    assert!(!names_the_window("let build = \"gui\"; // a feature name"));
    assert!(!names_the_window("let ui_free = true;"));
    let lines = ["pub mod ui;"];
    assert!(!allowed(Path::new("src/lib.rs"), &lines, 0), "ungated");
    let lines = ["fn window() {", "    match crate::ui::run(file) {"];
    assert!(!allowed(Path::new("src/cli.rs"), &lines, 1), "ungated function");
    let lines = [GATE, "fn window() {", "    match crate::ui::run(file) {"];
    assert!(allowed(Path::new("src/cli.rs"), &lines, 2));
}
