//! `casebook import`, and `export` / `validate` of Word files, as a user or script runs them:
//! one deck and one report line per file, exit codes, and bad files that write nothing.

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn shared_docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs")
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#
    )
}

fn para(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn docx_of(document_xml: &[u8]) -> Vec<u8> {
    zip_of(&[("word/document.xml", document_xml)])
}

fn one_card() -> Vec<u8> {
    let body = [
        para("Heading4", "A tag"),
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Kim 25</w:t></w:r><w:r><w:t xml:space="preserve"> (Ju Hyung Kim)</w:t></w:r></w:p>"#.to_owned(),
        para("Normal", "The card text."),
    ]
    .concat();
    docx_of(document(&body).as_bytes())
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Every bad input of issue #12 point 9, by name, with words its message must hold.
fn bad_inputs() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut legacy = OLE_MAGIC.to_vec();
    legacy.extend([0u8; 4096]);
    let mut encrypted = OLE_MAGIC.to_vec();
    encrypted.extend([0u8; 512]);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        encrypted.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        encrypted.extend([0u8; 64]);
    }
    let bomb = document(&"<w:p/>".repeat(400_000));
    let dtd = format!(
        r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>{}"#,
        document(&para("Normal", "&a;"))
    );
    let deep = document(&format!("{}{}", "<w:sdt>".repeat(300), "</w:sdt>".repeat(300)));
    let mut bad_utf8 = document(&para("Normal", "caf")).into_bytes();
    let at = bad_utf8.windows(3).position(|w| w == b"caf").unwrap() + 3;
    bad_utf8.insert(at, 0xFF);
    vec![
        ("not_a_zip", b"plain text, not a package".to_vec(), "not a zip"),
        ("zip_without_document", zip_of(&[("word/styles.xml", b"<x/>")]), "word/document.xml"),
        ("legacy_doc", legacy, "Word 97"),
        ("password_protected", encrypted, "password"),
        ("zip_bomb", docx_of(bomb.as_bytes()), "zip bomb"),
        ("dtd", docx_of(dtd.as_bytes()), "DTD"),
        ("deep_nesting", docx_of(deep.as_bytes()), "deeper than"),
        ("invalid_utf8", docx_of(&bad_utf8), "word/document.xml is not valid UTF-8"),
        ("empty_document", docx_of(document("").as_bytes()), "empty"),
        (
            "headings_without_cards",
            docx_of(document(&[para("Heading1", "1AC"), para("Heading3", "Block")].concat()).as_bytes()),
            "no cards",
        ),
    ]
}

#[test]
fn import_of_the_shared_folder_writes_one_deck_and_one_report_line_per_file() {
    let out = tempfile::tempdir().unwrap();
    let o = casebook(&["import", shared_docs().to_str().unwrap(), "-o", out.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<String> = text(&o.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 7, "{lines:?}");
    for line in &lines {
        assert!(line.contains(" cards, ") && line.contains(" blocks"), "{line}");
    }
    assert!(lines.iter().any(|l| l.contains("neg-6.docx") && l.contains("footnotes")), "{lines:?}");
    let decks: Vec<_> = fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(decks.len(), 7);
    let v = casebook(&["validate", out.path().to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}{}", text(&v.stdout), text(&v.stderr));
}

#[test]
fn import_names_the_deck_from_the_file_and_takes_resolution_side_id_and_title() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Neg – Taiwan Trap.docx");
    fs::write(&file, one_card()).unwrap();
    let o = casebook(&["import", file.to_str().unwrap(), "-o", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let deck = casebook::format::load_deck(&dir.path().join("neg-taiwan-trap.deck.ron")).unwrap();
    assert_eq!((deck.title.as_str(), deck.card_count()), ("Neg – Taiwan Trap", 1));
    assert_eq!(deck.cards().next().unwrap().side, casebook::model::Side::Neg);
    let o = casebook(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "--id",
        "tt",
        "--title",
        "Taiwan",
        "--resolution",
        "Resolved: X.",
        "--side",
        "either",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let deck = casebook::format::load_deck(&dir.path().join("tt.deck.ron")).unwrap();
    assert_eq!((deck.title.as_str(), deck.resolution.as_str()), ("Taiwan", "Resolved: X."));
}

#[test]
fn a_bad_file_among_good_ones_exits_1_and_the_good_ones_are_still_written() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.docx"), one_card()).unwrap();
    fs::write(dir.path().join("bad.docx"), b"not a zip").unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let o = casebook(&["import", dir.path().to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("bad.docx: not a Word .docx file"), "{}", text(&o.stderr));
    assert!(out.join("good.deck.ron").is_file());
    assert!(!out.join("bad.deck.ron").exists());
}

#[test]
fn each_bad_input_gets_its_message_writes_nothing_and_leaves_the_old_deck_alone() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, words) in bad_inputs() {
        let file = dir.path().join(format!("{name}.docx"));
        fs::write(&file, &bytes).unwrap();
        let existing = dir.path().join(format!("{}.deck.ron", name.replace('_', "-")));
        fs::write(&existing, "my old deck").unwrap();
        let o = casebook(&["import", file.to_str().unwrap(), "-o", dir.path().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = text(&o.stderr);
        assert!(err.contains(words), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(fs::read_to_string(&existing).unwrap(), "my old deck", "{name}");
        let v = casebook(&["validate", file.to_str().unwrap()]);
        assert_eq!(v.status.code(), Some(1), "{name}");
        assert!(
            text(&v.stdout).starts_with(&format!("{}:1:1: ", file.display())),
            "{name}: {}",
            text(&v.stdout)
        );
    }
}

#[test]
fn export_reads_a_word_file_directly_and_validate_says_what_an_import_would_drop() {
    let path = shared_docs().join("neg-6.docx");
    let o = casebook(&["export", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(json.to_string().contains("cards"), "card JSON");
    let v = casebook(&["validate", path.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0));
    assert!(text(&v.stderr).contains("footnotes (text not imported): 1"), "{}", text(&v.stderr));
}

#[test]
fn id_or_title_with_several_files_and_a_missing_output_folder_are_usage_errors() {
    let docs = shared_docs();
    let o = casebook(&["import", docs.to_str().unwrap(), "--id", "x", "-o", "."]);
    assert_eq!(o.status.code(), Some(2));
    let o = casebook(&["import", docs.join("1nc.docx").to_str().unwrap(), "-o", "/no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(Path::new("/no/such/folder").symlink_metadata().is_err());
}
