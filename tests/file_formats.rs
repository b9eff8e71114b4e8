//! Deck and session files: round trips, stable bytes, migration from versions 1 and 2, and every
//! kind of bad input giving a `path:line:col` message while leaving the file on disk untouched.

mod common;

use std::fs;
use std::path::Path;

use casebook::format::{
    self, CURRENT_VERSION, deck_to_string, load_deck, load_session, parse_deck, save_deck, save_session,
    session_to_string,
};
use casebook::model::{
    AsideKind, Conflict, ConflictSide, CutFrom, HeadingLevel, HighlightColour, Mark, MarkKind, Provenance,
};

fn write(dir: &Path, name: &str, text: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Loads `text` as a deck from a temp file; returns the error text and checks the file is unchanged.
fn deck_error(text: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.deck.ron", text);
    let err = load_deck(&path).expect_err("the bad deck must not load");
    assert_eq!(fs::read(&path).unwrap(), text, "loading must never change the file");
    let lines = err.lines();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(line.starts_with(&format!("{}:", path.display())), "{line}");
    }
    lines.join("\n").replace(&path.display().to_string(), "PATH")
}

fn good_deck_text() -> String {
    deck_to_string(&common::deck()).unwrap()
}

#[test]
fn deck_survives_save_and_load_and_saves_to_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.deck.ron");
    save_deck(&common::deck(), &path).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = load_deck(&path).unwrap();
    assert_eq!(loaded, common::deck());
    save_deck(&loaded, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

#[test]
fn session_survives_save_and_load_and_saves_to_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.session.ron");
    save_session(&common::session(), &path).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = load_session(&path).unwrap();
    assert_eq!(loaded, common::session());
    save_session(&loaded, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    assert_eq!(fs::read(format::backup_path(&path)).unwrap(), first, "previous version kept as .bak");
}

#[test]
fn saved_text_is_diff_friendly_version_first_lf_only_real_newlines() {
    let text = good_deck_text();
    assert!(text.starts_with("(\n    version: 7,\n"), "{}", &text[..40]);
    assert!(!text.contains('\r'));
    assert!(!text.contains("\\n"), "paragraph breaks are real newlines, not escapes");
    assert!(text.contains("disjointed at best. Asia lacks"));
    assert!(text.lines().any(|l| l.trim() == "id: \"test-aff\","), "one field per line");
}

#[test]
fn non_canonical_marks_are_saved_in_canonical_order() {
    let mut deck = common::deck();
    deck.blocks[0].cards[0].marks.reverse();
    assert_eq!(deck_to_string(&deck).unwrap(), good_deck_text());
}

#[test]
fn version_1_deck_migrates_with_an_empty_description() {
    let text = fs::read_to_string("tests/fixtures/v1/old.deck.ron").unwrap();
    let deck = parse_deck(&text, Path::new("old.deck.ron")).unwrap();
    assert_eq!(deck.version, CURRENT_VERSION);
    assert_eq!(deck.id, "old-aff");
    assert_eq!(deck.description, "");
    assert_eq!(deck.card_count(), 1);
    assert!(deck_to_string(&deck).unwrap().starts_with("(\n    version: 7,"));
}

#[test]
fn version_1_session_migrates_case_list_and_reading_speed() {
    let path = Path::new("tests/fixtures/v1/old.session.ron");
    let session = format::parse_session(&fs::read_to_string(path).unwrap(), path).unwrap();
    assert_eq!(session.version, CURRENT_VERSION);
    assert_eq!(session.wpm, 280);
    assert_eq!(session.aff.title, "Old 1AC");
    assert_eq!(session.aff.sections[0].items.len(), 2);
    assert_eq!(session.neg.sections.len(), 0, "a missing side becomes an empty case");
    assert_eq!(session.notes, "");
}

/// The fixture text without its leading comment line.
fn fixture_body(path: &str) -> String {
    let text = fs::read_to_string(path).unwrap();
    text.split_once('\n').unwrap().1.to_owned()
}

#[test]
fn version_2_deck_migrates_with_unknown_provenance_and_only_its_version_line_changes() {
    let path = Path::new("tests/fixtures/v2/shared.deck.ron");
    let deck = parse_deck(&fs::read_to_string(path).unwrap(), path).unwrap();
    assert_eq!(deck.version, CURRENT_VERSION);
    assert_eq!(deck, common::deck());
    for card in deck.cards() {
        assert!(card.provenance.is_empty() && card.conflict.is_none() && card.cut_from.is_none());
        assert!(!card.quote_edited);
    }
    let v2 = fixture_body("tests/fixtures/v2/shared.deck.ron");
    assert_eq!(deck_to_string(&deck).unwrap(), v2.replacen("version: 2,", "version: 7,", 1));
}

#[test]
fn version_2_session_migrates_its_snapshots() {
    let path = Path::new("tests/fixtures/v2/prep.session.ron");
    let session = format::parse_session(&fs::read_to_string(path).unwrap(), path).unwrap();
    assert_eq!(session.version, CURRENT_VERSION);
    assert_eq!(session.aff, common::session().aff);
    let v2 = fixture_body("tests/fixtures/v2/prep.session.ron");
    assert_eq!(session_to_string(&session).unwrap(), v2.replacen("version: 2,", "version: 7,", 1));
}

#[test]
fn provenance_cut_position_and_conflict_marks_round_trip_and_show_only_when_set() {
    let mut deck = common::deck();
    let plain = deck_to_string(&deck).unwrap();
    assert!(!plain.contains("provenance") && !plain.contains("conflict") && !plain.contains("cut_from"));
    let card = &mut deck.blocks[0].cards[0];
    card.provenance = Provenance::created("Ana Lee", "2026-11-22T19:41:07Z");
    card.provenance.record_change("Ben Ito", "2026-11-23T08:00:00Z");
    card.cut_from = Some(CutFrom { start: 120, end: 400 });
    card.quote_edited = true;
    let mut copy = deck.blocks[1].cards[0].clone();
    copy.id = "kim-seato-lessons~theirs".into();
    copy.conflict = Some(Conflict { with: "kim-seato-lessons".into(), side: ConflictSide::Theirs });
    deck.blocks[1].cards[0].conflict =
        Some(Conflict { with: "kim-seato-lessons~theirs".into(), side: ConflictSide::Ours });
    deck.blocks[1].cards.push(copy);
    let text = deck_to_string(&deck).unwrap();
    assert!(text.contains("\n                        created_by: \"Ana Lee\",\n"), "{text}");
    assert!(text.contains("changed_at: \"2026-11-23T08:00:00Z\","), "{text}");
    assert!(text.contains("side: Theirs"), "{text}");
    let loaded = parse_deck(&text, Path::new("p.deck.ron")).unwrap();
    assert_eq!(loaded, deck);
    assert_eq!(deck_to_string(&loaded).unwrap(), text);
}

#[test]
fn bad_input_conflict_mark_naming_no_card_is_an_error() {
    let mut deck = common::deck();
    deck.blocks[0].cards[0].conflict =
        Some(Conflict { with: "gone~theirs".into(), side: ConflictSide::Ours });
    let text = deck_to_string(&deck).unwrap();
    let line = text.lines().position(|l| l.contains("id: \"kim-disjointed\"")).unwrap() + 1;
    let msg = deck_error(text.as_bytes());
    assert!(msg.starts_with(&format!("PATH:{line}:")), "{msg}");
    assert!(msg.contains("conflicting with card \"gone~theirs\", which the deck does not hold"), "{msg}");
}

#[test]
fn bad_input_provenance_time_that_is_not_rfc3339_is_an_error() {
    let mut deck = common::deck();
    deck.blocks[0].cards[0].provenance = Provenance::created("Ana", "last tuesday");
    let msg = deck_error(deck_to_string(&deck).unwrap().as_bytes());
    assert!(
        msg.contains("card \"kim-disjointed\": created_at \"last tuesday\" is not an RFC 3339 time"),
        "{msg}"
    );
}

#[test]
fn bad_input_truncated_file_reports_end_of_file() {
    let text = good_deck_text();
    let msg = deck_error(&text.as_bytes()[..text.len() / 2]);
    assert!(msg.contains("ends too early"), "{msg}");
}

#[test]
fn bad_input_empty_file_says_empty() {
    assert_eq!(deck_error(b""), "PATH:1:1: the file is empty; expected a Casebook deck");
    assert!(deck_error(b"\n  \n").contains("empty"));
}

#[test]
fn bad_input_unknown_field_is_an_error_with_line_and_column() {
    let text = good_deck_text().replace(
        "    title: \"Test affirmative\",",
        "    title: \"Test affirmative\",\n    colour: \"red\",",
    );
    let msg = deck_error(text.as_bytes());
    assert!(msg.starts_with("PATH:5:"), "{msg}");
    assert!(msg.contains("colour"), "{msg}");
}

#[test]
fn bad_input_wrong_type_names_the_place() {
    let text = good_deck_text().replace("version: 7,", "version: \"two\",");
    let msg = deck_error(text.as_bytes());
    assert!(msg.starts_with("PATH:2:"), "{msg}");
}

#[test]
fn bad_input_invalid_utf8_gives_line_and_column() {
    let mut bytes = b"(\n    version: 2,\n    id: \"a".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b"\",\n)");
    assert_eq!(
        deck_error(&bytes),
        "PATH:3:11: the file is not valid UTF-8 text (was it saved by a word processor?)"
    );
}

#[test]
fn bad_input_future_version_is_refused_with_advice() {
    let text = good_deck_text().replace("version: 7,", "version: 9,");
    let msg = deck_error(text.as_bytes());
    assert!(msg.contains("newer Casebook (format version 9)"), "{msg}");
    assert!(msg.contains("update Casebook"), "{msg}");
}

#[test]
fn bad_input_duplicate_card_id_names_the_card() {
    let text = good_deck_text().replace("kim-seato-lessons", "kim-disjointed");
    let msg = deck_error(text.as_bytes());
    assert!(msg.contains("card \"kim-disjointed\": duplicate card id"), "{msg}");
}

#[test]
fn bad_input_card_citing_unknown_source_names_both() {
    let mut deck = common::deck();
    deck.blocks[1].cards[0].source = "nobody-2020".into();
    let msg = deck_error(deck_to_string(&deck).unwrap().as_bytes());
    assert!(msg.contains("card \"kim-seato-lessons\": cites source \"nobody-2020\""), "{msg}");
}

#[test]
fn bad_input_dangling_case_item_points_at_unlisted_deck() {
    let mut session = common::session();
    session.decks.clear();
    let dir = tempfile::tempdir().unwrap();
    let text = session_to_string(&session).unwrap();
    let path = write(dir.path(), "s.session.ron", text.as_bytes());
    let err = load_session(&path).unwrap_err().to_string();
    assert!(err.contains("points at deck \"test-aff\", which the session does not list"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn bad_input_marks_out_of_range_and_overlapping() {
    let mut deck = common::deck();
    deck.blocks[0].cards[0].marks[0].end = 10_000;
    let msg = deck_error(deck_to_string(&deck).unwrap().as_bytes());
    assert!(msg.contains("lies outside the text"), "{msg}");
    let mut deck = common::deck();
    deck.blocks[0].cards[0].marks.push(Mark::new(MarkKind::Highlight, 10, 50));
    // Written without canonicalising, as a hand-edited or foreign file might be.
    let text = ron::ser::to_string(&deck).unwrap();
    let msg = deck_error(text.as_bytes());
    assert!(msg.contains("highlight marks 4..43 and 10..50 overlap"), "{msg}");
}

#[test]
fn bad_input_empty_tag_names_the_card_and_its_line() {
    let mut deck = common::deck();
    deck.blocks[0].cards[0].tag = "  ".into();
    let text = deck_to_string(&deck).unwrap();
    let line = text.lines().position(|l| l.contains("id: \"kim-disjointed\"")).unwrap() + 1;
    let msg = deck_error(text.as_bytes());
    assert!(msg.starts_with(&format!("PATH:{line}:")), "{msg}");
    assert!(msg.contains("card \"kim-disjointed\": empty tag"), "{msg}");
}

#[test]
fn bad_input_oversized_file_is_refused_before_parsing() {
    let mut text = good_deck_text().into_bytes();
    text.resize(format::MAX_FILE_BYTES as usize + 10, b' ');
    let msg = deck_error(&text);
    assert!(msg.contains("larger than 16 MiB"), "{msg}");
}

#[test]
fn bad_input_deep_nesting_is_refused() {
    let depth = 500;
    let text = format!("(version: 2, id: \"x\", x: {}1{})", "[".repeat(depth), "]".repeat(depth));
    let msg = deck_error(text.as_bytes());
    assert!(msg.contains("nested more than 64 levels"), "{msg}");
}

#[test]
fn bad_input_missing_file_says_so() {
    let err = load_deck(Path::new("/nonexistent/x.deck.ron")).unwrap_err().to_string();
    assert!(err.starts_with("/nonexistent/x.deck.ron:1:1: cannot open"), "{err}");
}

#[test]
fn version_3_deck_migrates_with_yellow_highlights_no_cite_line_and_only_its_version_line_changes() {
    let path = Path::new("tests/fixtures/v3/shared.deck.ron");
    let deck = parse_deck(&fs::read_to_string(path).unwrap(), path).unwrap();
    assert_eq!(deck.version, CURRENT_VERSION);
    let first = &deck.blocks[0].cards[0];
    assert_eq!(first.provenance.created_by, "Ana");
    assert!(first.quote_edited && first.cut_from.is_some());
    assert!(first.cite_line.is_none());
    assert!(first.marks.iter().all(|m| m.colour == HighlightColour::Yellow));
    assert!(deck.blocks.iter().all(|b| b.headings.is_empty() && b.asides.is_empty()));
    let v3 = fixture_body("tests/fixtures/v3/shared.deck.ron");
    let v3 = v3.split_once("(\n").map(|(_, rest)| format!("(\n{rest}")).unwrap();
    assert_eq!(deck_to_string(&deck).unwrap(), v3.replacen("version: 3,", "version: 7,", 1));
}

#[test]
fn version_3_session_migrates_keeping_what_counts_as_read() {
    let path = Path::new("tests/fixtures/v3/prep.session.ron");
    let session = format::parse_session(&fs::read_to_string(path).unwrap(), path).unwrap();
    assert_eq!(session.version, CURRENT_VERSION);
    assert!(!session.counting.cites && session.counting.tags && session.counting.colour.is_none());
    let v3 = fixture_body("tests/fixtures/v3/prep.session.ron");
    let v3 = v3.split_once("(\n").map(|(_, rest)| format!("(\n{rest}")).unwrap();
    assert_eq!(session_to_string(&session).unwrap(), v3.replacen("version: 3,", "version: 7,", 1));
}

#[test]
fn version_4_keeps_headings_asides_highlight_colours_and_the_cite_line_byte_for_byte() {
    let path = Path::new("tests/fixtures/v4/outline.deck.ron");
    let text = fs::read_to_string(path).unwrap();
    let deck = parse_deck(&text, path).unwrap();
    let block = &deck.blocks[0];
    let levels: Vec<(HeadingLevel, &str)> =
        block.headings.iter().map(|h| (h.level, h.title.as_str())).collect();
    assert_eq!(levels, vec![(HeadingLevel::Pocket, "1AC"), (HeadingLevel::Hat, "Inherency")]);
    let asides: Vec<(usize, AsideKind)> = block.asides.iter().map(|a| (a.before, a.kind)).collect();
    assert_eq!(asides, vec![(0, AsideKind::Analytic), (1, AsideKind::Undertag)]);
    assert_eq!(block.asides[0].marks[0].colour, HighlightColour::Rgb(0, 255, 255));
    let card = &block.cards[0];
    let colours: Vec<HighlightColour> =
        card.marks.iter().filter(|m| m.kind == MarkKind::Highlight).map(|m| m.colour).collect();
    assert_eq!(colours, vec![HighlightColour::Yellow, HighlightColour::Green]);
    assert_eq!(card.cite_line.as_ref().unwrap().short(), "Kim 25");
    let body = text.split_once("\n(\n").map(|(_, rest)| format!("(\n{rest}")).unwrap();
    assert_eq!(deck_to_string(&deck).unwrap(), body.replacen("version: 4,", "version: 7,", 1));
}

#[test]
fn version_4_refuses_an_aside_past_the_last_card_and_a_cite_line_bold_range_outside_it() {
    let path = Path::new("tests/fixtures/v4/outline.deck.ron");
    let text = fs::read_to_string(path).unwrap();
    let past = text.replace("before: 1,", "before: 5,");
    let err = parse_deck(&past, path).unwrap_err().to_string();
    assert!(err.contains("aside 2 (undertag) stands before card 5"), "{err}");
    let outside = text.replace("(0, 6),", "(0, 600),");
    let err = parse_deck(&outside, path).unwrap_err().to_string();
    assert!(err.contains("bold range 0..600"), "{err}");
}
