//! `casebook export` to Markdown, HTML, text and .docx as a user runs it: standard output or an
//! atomically replaced file, `--side`, `--full` and `--answers`, and clear refusals that leave
//! nothing behind.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SESSION: &str = "assets/examples/asian-nato.session.ron";
const DECK: &str = "decks/asian-nato-aff-answers.deck.ron";

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Names of the files in `dir` (to prove no temporary or partial file is left).
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn exporting_the_example_session_as_markdown_prints_the_outline() {
    let out = casebook(&["export", SESSION, "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("# 1AC: An Asian collective defense alliance\n"), "{text}");
    assert!(text.contains("\n# 1NC: Against an Asian NATO\n"));
    assert!(text.contains("**Kim 25** [Ju Hyung Kim"));
    assert!(!text.contains("<mark>"), "an outline has no card text");
}

#[test]
fn full_export_prints_card_text_with_marks_in_each_text_format() {
    for (format, mark) in [("markdown", "<mark>"), ("html", "<mark>"), ("text", "==")] {
        let out = casebook(&["export", DECK, "--format", format, "--full"]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(stdout(&out).contains(mark), "{format}");
        assert!(stdout(&out).contains("SEATO’s failure should not deter Asia"), "{format}");
    }
}

#[test]
fn format_aliases_md_and_txt_work() {
    let md = casebook(&["export", DECK, "--format", "md"]);
    assert_eq!(md.stdout, casebook(&["export", DECK, "--format", "markdown"]).stdout);
    let txt = casebook(&["export", DECK, "--format", "txt"]);
    assert_eq!(txt.stdout, casebook(&["export", DECK, "--format", "text"]).stdout);
}

#[test]
fn side_neg_exports_only_the_negative_case() {
    let out = casebook(&["export", SESSION, "--format", "text", "--side", "neg"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("1NC: Against an Asian NATO\n"));
    assert!(!stdout(&out).contains("1AC:"));
}

#[test]
fn docx_without_an_output_file_is_refused_with_exit_2_and_nothing_printed() {
    let out = casebook(&["export", SESSION, "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no binary on the terminal");
    assert!(stderr(&out).contains("give -o FILE.docx"), "{}", stderr(&out));
}

#[test]
fn docx_written_with_o_is_a_word_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("1ac.docx");
    let out = casebook(&[
        "export",
        SESSION,
        "--format",
        "docx",
        "--full",
        "--side",
        "aff",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let bytes = fs::read(&path).expect("docx written");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip package");
    assert_eq!(files_in(dir.path()), vec!["1ac.docx"], "no temporary file left");
}

#[test]
fn exporting_docx_twice_writes_identical_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.docx"), dir.path().join("b.docx"));
    for path in [&a, &b] {
        let out = casebook(&["export", SESSION, "--format", "docx", "--full", "-o", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert!(fs::read(&a).expect("a") == fs::read(&b).expect("b"), "same session, same bytes");
}

#[test]
fn an_output_path_without_an_extension_gets_the_formats_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("1ac");
    let out = casebook(&["export", DECK, "--format", "markdown", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("1ac.md"), "says where it wrote: {}", stderr(&out));
    assert_eq!(files_in(dir.path()), vec!["1ac.md"]);
    let expected = casebook(&["export", DECK, "--format", "markdown"]).stdout;
    assert_eq!(fs::read(dir.path().join("1ac.md")).expect("read"), expected);
}

#[test]
fn an_existing_output_file_is_replaced_whole_without_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("deck.html");
    fs::write(&path, "old contents that are longer than nothing at all".repeat(2000)).expect("seed");
    let out = casebook(&["export", DECK, "--format", "html", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = casebook(&["export", DECK, "--format", "html"]).stdout;
    assert_eq!(fs::read(&path).expect("read"), expected, "the file holds exactly the new export");
    assert_eq!(files_in(dir.path()), vec!["deck.html"], "no .bak and no temporary file");
}

#[test]
fn exporting_a_missing_file_exits_1_and_creates_no_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("gone.session.ron");
    for format in ["markdown", "html", "text", "docx"] {
        let target = dir.path().join(format!("out.{format}"));
        let out = casebook(&[
            "export",
            missing.to_str().unwrap(),
            "--format",
            format,
            "-o",
            target.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(stderr(&out).contains("gone.session.ron"), "{format}: {}", stderr(&out));
        assert!(stderr(&out).contains("cannot open"), "{format}: {}", stderr(&out));
    }
    assert!(files_in(dir.path()).is_empty(), "nothing written: {:?}", files_in(dir.path()));
}

#[test]
fn exporting_an_invalid_file_exits_1_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("broken.deck.ron");
    fs::write(&bad, "(\n    version: 2,\n    id: \"x\",\n    title: 7,\n)").expect("write bad deck");
    let not_casebook = dir.path().join("notes.txt");
    fs::write(&not_casebook, "hello").expect("write notes");
    let target = dir.path().join("out.md");
    fs::write(&target, "previous export").expect("seed");
    for format in ["markdown", "html", "text", "docx"] {
        let out =
            casebook(&["export", bad.to_str().unwrap(), "--format", format, "-o", target.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(stderr(&out).contains("broken.deck.ron:4:"), "{format}: {}", stderr(&out));
        let out = casebook(&[
            "export",
            not_casebook.to_str().unwrap(),
            "--format",
            format,
            "-o",
            target.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(stderr(&out).contains("not a Casebook file"), "{format}: {}", stderr(&out));
    }
    assert_eq!(fs::read_to_string(&target).expect("read"), "previous export", "left untouched");
    assert_eq!(files_in(dir.path()), vec!["broken.deck.ron", "notes.txt", "out.md"]);
}

#[test]
fn side_with_json_and_unknown_values_are_usage_errors() {
    let out = casebook(&["export", SESSION, "--format", "json", "--side", "aff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--side"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        casebook(&["export", SESSION, "--format", "markdown", "--side", "left"]).status.code(),
        Some(2)
    );
    assert_eq!(casebook(&["export", SESSION, "--format", "pdf"]).status.code(), Some(2));
}

#[test]
fn json_export_is_unchanged() {
    let out = casebook(&["export", SESSION, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let session = casebook::format::load_session(Path::new(SESSION)).expect("session loads");
    assert_eq!(out.stdout, casebook::export::json::session_json(&session));
}

#[test]
fn answers_print_under_their_card_only_when_asked_in_every_outline_format() {
    use casebook::model::{AnswerHow, AnswerLink, AnswerTarget};
    let dir = tempfile::tempdir().unwrap();
    let mut deck = common::deck();
    deck.blocks[1].cards[0].answers = vec![
        AnswerLink { target: AnswerTarget::Label("seato failed".into()), how: AnswerHow::Denies },
        AnswerLink {
            target: AnswerTarget::Block { deck: "neg".into(), title: "Taiwan trap".into() },
            how: AnswerHow::NoLink,
        },
    ];
    let path = dir.path().join("test-aff.deck.ron");
    casebook::format::save_deck(&deck, &path).unwrap();
    let line = "answers: seato failed (denies); Taiwan trap (no link)";
    for format in ["markdown", "text", "html"] {
        let with = casebook(&["export", path.to_str().unwrap(), "--format", format, "--answers"]);
        assert_eq!(with.status.code(), Some(0), "{}", stderr(&with));
        assert_eq!(stdout(&with).matches(line).count(), 1, "{format}: {}", stdout(&with));
        let without = casebook(&["export", path.to_str().unwrap(), "--format", format]);
        assert!(!stdout(&without).contains("answers:"), "{format} prints links only when asked");
    }
    let docx = dir.path().join("out.docx");
    let o = casebook(&[
        "export",
        path.to_str().unwrap(),
        "--format",
        "docx",
        "--answers",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = casebook(&["export", path.to_str().unwrap(), "--format", "json"]);
    assert!(stdout(&text).contains("\"how\": \"no link\""), "{}", stdout(&text));
}
