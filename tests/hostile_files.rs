//! Files from others are hostile (#13): each test makes the hostile file and checks the promise
//! of the README's "Files" section that it breaks today. Named after the numbered points.

mod common;
#[path = "common/tiny_cards.rs"]
mod tiny_cards;
#[path = "hostile_files/word_memory.rs"]
mod word_memory;

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use casebook::format;
use casebook::model::DeckRef;
use casebook::workspace::{self, DeckRefError};

/// Runs the command-line binary, killing it (and failing) if it has not finished in 20 s: a hang.
fn casebook(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run casebook");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("casebook {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success());
    assert!(ok, "mkfifo is needed for this test");
}

fn deck_text() -> String {
    format::deck_to_string(&common::deck()).unwrap()
}

#[test]
fn p1_a_planted_bak_symlink_is_replaced_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("bashrc");
    fs::write(&victim, "precious").unwrap();
    let path = dir.path().join("prep.session.ron");
    format::save_session(&common::session(), &path).unwrap();
    let bak = format::backup_path(&path);
    symlink(&victim, &bak).unwrap();
    format::save_session(&common::session(), &path).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious", "the link's target is untouched");
    assert!(!fs::symlink_metadata(&bak).unwrap().file_type().is_symlink(), "the link was replaced");
    assert_eq!(fs::read(&bak).unwrap(), fs::read(&path).unwrap());
}

#[test]
fn p2_a_traversal_deck_id_does_not_load_and_file_names_stay_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut deck = common::deck();
    deck.id = "../../../somewhere/pwned".into();
    let path = dir.path().join("shared.deck.ron");
    fs::write(&path, format::deck_to_string(&deck).unwrap()).unwrap();
    let err = format::load_deck(&path).unwrap_err().to_string();
    assert!(err.contains("shared.deck.ron:3:5: the deck id starts with '.'"), "{err}");
    let name = format::file_name_for_id(&deck.id);
    assert!(!name.contains('/') && !name.starts_with('.'), "{name}");
    assert_eq!(Path::new(&name).components().count(), 1);
}

fn reference(path: &str) -> DeckRef {
    DeckRef { path: path.into(), id: "test-aff".into(), fingerprint: String::new() }
}

#[test]
fn p3_absolute_and_escaping_deck_paths_are_refused_without_quoting_the_file() {
    let root = tempfile::tempdir().unwrap();
    let secret = root.path().join("secret.deck.ron");
    fs::write(&secret, "topsecretword (").unwrap();
    fs::create_dir(root.path().join("shared")).unwrap();
    let session = root.path().join("shared/prep.session.ron");
    symlink(&secret, root.path().join("shared/link.deck.ron")).unwrap();
    for path in [secret.to_str().unwrap(), "../secret.deck.ron", "link.deck.ron", "/etc/shadow"] {
        let err = workspace::resolve_deck_ref(&session, &reference(path)).unwrap_err();
        assert!(matches!(err, DeckRefError::Refused { .. }), "{path}: {err}");
        assert!(!err.to_string().contains("topsecretword"), "{err}");
    }
    // The command line refuses the same way.
    let mut s = common::session();
    s.decks[0].path = "../secret.deck.ron".into();
    format::save_session(&s, &session).unwrap();
    let out = casebook(&["validate", session.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("is refused"), "{}", text(&out.stdout));
    assert!(!text(&out.stdout).contains("topsecretword"));
    // Inside the folder still works, and so does a folder the caller allows (library, team).
    fs::write(root.path().join("shared/test.deck.ron"), deck_text()).unwrap();
    assert!(workspace::resolve_deck_ref(&session, &reference("test.deck.ron")).is_ok());
    let library = root.path().join("library");
    fs::create_dir(&library).unwrap();
    fs::write(library.join("lib.deck.ron"), deck_text()).unwrap();
    let absolute = reference(library.join("lib.deck.ron").to_str().unwrap());
    assert!(workspace::resolve_deck_ref(&session, &absolute).is_err());
    assert!(workspace::resolve_deck_ref_within(&session, &absolute, std::slice::from_ref(&library)).is_ok());
    let mut s = common::session();
    s.decks[0].path = absolute.path.clone();
    format::save_session(&s, &session).unwrap();
    let opened = workspace::open_session(&session).unwrap();
    assert!(
        opened.file_decks.is_empty() && opened.warnings[0].contains("is refused"),
        "{:?}",
        opened.warnings
    );
    let opened = workspace::open_session_within(&session, &[library]).unwrap();
    assert_eq!(opened.file_decks.len(), 1, "{:?}", opened.warnings);
}

#[test]
fn p2_a_session_naming_an_unsafe_deck_id_does_not_load() {
    let mut s = common::session();
    s.decks[0].id = "../x".into();
    let text = format::session_to_string(&s).unwrap();
    let err = format::parse_session(&text, Path::new("s.session.ron")).unwrap_err().to_string();
    assert!(err.contains("deck reference: the deck id starts with '.'"), "{err}");
}

#[test]
fn p4_a_fifo_deck_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.deck.ron");
    mkfifo(&fifo);
    let err = format::load_deck(&fifo).unwrap_err().to_string();
    assert!(err.contains("named pipe (FIFO); Casebook reads only regular files"), "{err}");
    let out = casebook(&["validate", dir.path().to_str().unwrap()]);
    assert!(text(&out.stdout).contains("named pipe"), "{}", text(&out.stdout));
    let out = casebook(&["export", fifo.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    // As a session's deck.
    let session = dir.path().join("prep.session.ron");
    let mut s = common::session();
    s.decks[0].path = "x.deck.ron".into();
    format::save_session(&s, &session).unwrap();
    let out = casebook(&["validate", session.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("named pipe"), "{}", text(&out.stdout));
}

#[test]
fn p4_folder_loops_are_walked_once_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.deck.ron"), deck_text()).unwrap();
    for name in ["self1", "self2", "self3"] {
        symlink(".", dir.path().join(name)).unwrap();
    }
    symlink("loop.deck.ron", dir.path().join("loop.deck.ron")).unwrap();
    let (files, errors) = workspace::scan_folder(dir.path(), None, true);
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors.iter().all(|(_, e)| e.to_string().contains("folder loop")));
    let out = casebook(&["validate", dir.path().to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("loop.deck.ron:1:1: a symbolic link loop"), "{stdout}");
    assert!(stdout.contains("folder loop"), "{stdout}");
    let out = casebook(&["validate", dir.path().join("loop.deck.ron").to_str().unwrap()]);
    assert!(text(&out.stdout).contains("a symbolic link loop"), "{}", text(&out.stdout));
}

#[test]
fn p5_a_crlf_copy_of_every_bundled_deck_reads_the_same_marked_words() {
    let dir = tempfile::tempdir().unwrap();
    for (name, original) in casebook::bundled::DECK_FILES {
        let path = dir.path().join(name);
        fs::write(&path, original.replace('\n', "\r\n")).unwrap();
        let crlf = format::load_deck(&path).unwrap();
        let lf = format::parse_deck(original, Path::new(name)).unwrap();
        for (a, b) in crlf.cards().zip(lf.cards()) {
            let words = |c: &casebook::model::Card| -> Vec<String> {
                let chars: Vec<char> = c.text.chars().collect();
                c.marks.iter().map(|m| chars[m.start..m.end].iter().collect()).collect()
            };
            assert_eq!(words(a), words(b), "{name}: card {}", a.id);
        }
        assert_eq!(crlf, lf, "{name}");
    }
}

#[test]
fn p6_export_over_its_own_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("a.deck.ron");
    fs::write(&deck, deck_text()).unwrap();
    let out = casebook(&["export", deck.to_str().unwrap(), "--format", "json", "-o", deck.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("refusing to write the export over its input"));
    assert_eq!(fs::read_to_string(&deck).unwrap(), deck_text());
}

#[test]
fn p6_output_to_a_device_a_symlink_a_0600_file_and_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("a.deck.ron");
    fs::write(&deck, deck_text()).unwrap();
    let export = |o: &str| casebook(&["export", deck.to_str().unwrap(), "--format", "json", "-o", o]);
    // A device node is written to, not replaced.
    assert_eq!(export("/dev/null").status.code(), Some(0));
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A symlink stays a link; its target gets the export.
    let target = dir.path().join("real.json");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    symlink(&target, &link).unwrap();
    assert_eq!(export(link.to_str().unwrap()).status.code(), Some(0));
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_ne!(fs::read_to_string(&target).unwrap(), "old", "target replaced");
    // Permissions survive the atomic replace.
    let private = dir.path().join("private.json");
    fs::write(&private, "old").unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(export(private.to_str().unwrap()).status.code(), Some(0));
    assert_eq!(fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);
    // `-` is standard output, and no file named `-` appears.
    let out = export("-");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("kim-disjointed"));
    assert!(!Path::new("-").exists());
    // A FIFO is written to directly.
    let fifo = dir.path().join("out.json");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    assert_eq!(export(fifo.to_str().unwrap()).status.code(), Some(0));
    assert!(reader.join().unwrap().contains("kim-disjointed"));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn p7_a_stale_temporary_file_is_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.deck.ron");
    // A save killed between create and rename, by a process that no longer exists.
    let stale = dir.path().join(".a.deck.ron.4000000000-0.tmp");
    fs::write(&stale, "half a deck").unwrap();
    let unrelated = dir.path().join(".b.deck.ron.4000000000-0.tmp");
    fs::write(&unrelated, "not ours to judge").unwrap();
    format::save_deck(&common::deck(), &path).unwrap();
    assert!(!stale.exists(), "stale temporary removed");
    assert!(unrelated.exists(), "another target's temporary is left alone");
}

#[test]
fn p8_a_deck_too_large_to_reopen_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.deck.ron");
    format::save_deck(&common::deck(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    let mut deck = common::deck();
    deck.description = "x".repeat(format::MAX_FILE_BYTES as usize);
    let err = format::save_deck(&deck, &path).unwrap_err();
    assert!(matches!(err, format::SaveError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("split the deck"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");
}

fn deck_error(text: &str) -> String {
    format::parse_deck(text, Path::new("d.deck.ron")).unwrap_err().to_string()
}

#[test]
fn p10_messages_name_no_internal_types() {
    let no_version = deck_text().replace("    version: 7,\n", "");
    let old_header = deck_text().replacen('(', "Deck(", 1);
    let bom = format!("\u{feff}{}", deck_text());
    assert!(format::parse_deck(&bom, Path::new("d.deck.ron")).is_ok(), "a byte-order mark is dropped");
    for (what, bad) in [("no version", no_version), ("old header", old_header)] {
        let err = deck_error(&bad);
        for internal in ["VersionProbe", "DeckV1", "SessionV1", "Probe"] {
            assert!(!err.contains(internal), "{what}: {err}");
        }
        assert!(err.contains("version") || err.contains("header"), "{what}: {err}");
    }
}

#[test]
fn p10_invisible_characters_duplicates_and_blank_tags_are_reported_where_they_are() {
    let mut deck = common::deck();
    deck.blocks[0].cards[0].id = "kim\u{200b}x".into();
    deck.blocks[1].cards[0].id = "kim\u{200b}x".into();
    deck.blocks[1].cards[0].tag = "\u{200b}\u{200d}".into();
    let text = format::deck_to_string(&deck).unwrap();
    let err = deck_error(&text);
    let line_of = |nth: usize| {
        text.lines().enumerate().filter(|(_, l)| l.contains("id: \"kim\u{200b}")).nth(nth).unwrap().0 + 1
    };
    let (first, second) = (line_of(0), line_of(1));
    let id_col = text.lines().nth(first - 1).unwrap().find("id:").unwrap() + 1;
    assert!(
        err.contains(&format!(":{first}:{}: card \"kim\\u{{200b}}x\": the id contains a zero-width space (U+200B) at character 4", id_col + 5 + 3)),
        "{err}"
    );
    assert!(
        err.contains(&format!(":{second}:{id_col}: card \"kim\\u{{200b}}x\": duplicate card id")),
        "{err}"
    );
    assert!(err.contains(&format!(":{second}:{id_col}: card \"kim\\u{{200b}}x\": empty tag")), "{err}");
}

#[test]
fn p10_problems_stop_at_the_documented_number_with_a_count_of_the_rest() {
    let mut deck = common::deck();
    let card = deck.blocks[0].cards[0].clone();
    deck.blocks[0].cards = (0..format::MAX_PROBLEMS + 30)
        .map(|i| casebook::model::Card { id: format!("c{i}"), tag: " ".into(), ..card.clone() })
        .collect();
    let err = deck_error(&format::deck_to_string(&deck).unwrap());
    assert_eq!(err.lines().count(), format::MAX_PROBLEMS + 1, "{err}");
    assert!(err.ends_with("and 30 more problems; only the first 50 are listed"), "{err}");
}

#[test]
fn p6_the_owner_of_a_replaced_file_survives_where_the_system_allows() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("a.deck.ron");
    fs::write(&deck, deck_text()).unwrap();
    let shared = dir.path().join("shared.json");
    fs::write(&shared, "old").unwrap();
    // Only root can give a file to someone else; elsewhere the file stays the user's own.
    let other = 4242;
    if std::os::unix::fs::chown(&shared, Some(other), Some(other)).is_err() {
        eprintln!("not root: the owner cannot be changed here, so this checks only that it stays");
    }
    let before = fs::metadata(&shared).unwrap();
    let out =
        casebook(&["export", deck.to_str().unwrap(), "--format", "json", "-o", shared.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = fs::metadata(&shared).unwrap();
    assert_ne!(fs::read_to_string(&shared).unwrap(), "old");
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()), "the owner is kept");
}

#[test]
fn p10_answer_links_that_name_nothing_or_repeat_are_refused_at_their_card() {
    use casebook::model::{AnswerHow, AnswerLink, AnswerTarget};
    let link = |target: AnswerTarget| AnswerLink { target, how: AnswerHow::Denies };
    let mut deck = common::deck();
    let card = &mut deck.blocks[0].cards[0];
    card.answers = vec![link(AnswerTarget::Label("   ".into()))];
    let id = card.id.clone();
    let err = deck_error(&format::deck_to_string(&deck).unwrap());
    assert!(err.contains(&format!("card {id:?}: an answer link names nothing")), "{err}");
    let seato = AnswerTarget::Card { deck: "neg".into(), card: "seato".into() };
    deck.blocks[0].cards[0].answers = vec![link(seato.clone()), link(seato)];
    let err = deck_error(&format::deck_to_string(&deck).unwrap());
    assert!(err.contains(&format!("card {id:?}: answers \"neg/seato\" twice")), "{err}");
    // One good link of each kind loads and saves to the same bytes.
    deck.blocks[0].cards[0].answers = vec![
        link(AnswerTarget::Label("taiwan trap".into())),
        link(AnswerTarget::Block { deck: "neg".into(), title: "Escalation".into() }),
        link(AnswerTarget::Card { deck: "neg".into(), card: "seato".into() }),
    ];
    let text = format::deck_to_string(&deck).unwrap();
    let back = format::parse_deck(&text, Path::new("d.deck.ron")).unwrap();
    assert_eq!(back, deck);
    assert_eq!(format::deck_to_string(&back).unwrap(), text);
}
