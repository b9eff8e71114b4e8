//! Rounds in the session file (#15.1) and the caselist disclosure from the command line (#15.6):
//! the example session's sample round, checks on load, `export --round N --format caselist`.

use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "assets/examples/asian-nato.session.ron";

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_example_session_has_a_sample_round_with_a_1ac_a_1nc_and_a_marked_card() {
    let session = casebook::format::load_session(Path::new(EXAMPLE)).unwrap();
    let round = &session.rounds[0];
    assert_eq!(round.label(), "Example Invitational R1 vs Sample Prep CD");
    let ac = round.speech("1AC").unwrap();
    assert_eq!(ac.sections, session.aff.sections, "the 1AC is the affirmative case, copied");
    assert_eq!(round.speech("1NC").unwrap().sections, session.neg.sections);
    let mark = &ac.marked[0];
    let card = ac.sections.iter().flat_map(|s| s.cards()).find(|c| c.id == mark.card).unwrap();
    assert!(mark.offset > 0 && mark.offset < card.text.chars().count());
    assert_eq!(round.prep_used, [0, 95]);
}

#[test]
fn a_round_naming_a_speech_its_format_lacks_or_a_mark_past_its_card_is_refused_on_load() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let label = Path::new("bad.session.ron");
    let bad_speech = text.replacen("name: \"2NR\"", "name: \"3NR\"", 1);
    let why = casebook::format::parse_session(&bad_speech, label).unwrap_err().to_string();
    assert!(why.contains("\"3NR\" is not a speech of Policy"), "{why}");
    let twice = text.replacen("name: \"2NR\"", "name: \"2AR\"", 1);
    let why = casebook::format::parse_session(&twice, label).unwrap_err().to_string();
    assert!(why.contains("listed twice"), "{why}");
    let past = text.replacen("offset: 142", "offset: 999999", 1);
    let why = casebook::format::parse_session(&past, label).unwrap_err().to_string();
    assert!(why.contains("past the end of its text"), "{why}");
    let elsewhere = text.replacen("card: \"pechko-hub-spoke-different-era\"", "card: \"no-such-card\"", 1);
    let why = casebook::format::parse_session(&elsewhere, label).unwrap_err().to_string();
    assert!(why.contains("does not hold"), "{why}");
}

#[test]
fn caselist_export_gives_cite_entries_and_names_the_open_source_file() {
    let o = casebook(&["export", EXAMPLE, "--round", "1", "--format", "caselist"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(md.starts_with("# Example Invitational R1 vs Sample Prep CD\n"), "{md}");
    assert!(md.contains("\n# 1AC — "), "one entry for the aff's 1AC: {md}");
    assert!(!md.contains("\n# 1NC"), "the 1NC is the other side's");
    assert!(md.contains(" AND ") && md.contains("**"));
    assert!(stderr(&o).contains("open-source file name: ExampleHigh-AB-Aff-ExampleInvitational-Round1.docx"));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("disclosure.md");
    let o =
        casebook(&["export", EXAMPLE, "--round", "1", "--format", "caselist", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
}

#[test]
fn caselist_export_without_a_round_or_of_a_missing_round_says_what_is_wrong() {
    let o = casebook(&["export", EXAMPLE, "--format", "caselist"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs --round N"));
    let o = casebook(&["export", EXAMPLE, "--round", "2", "--format", "caselist"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has 1 round; there is no round 2"), "{}", stderr(&o));
    let o = casebook(&["export", EXAMPLE, "--round", "0", "--format", "caselist"]);
    assert_eq!(o.status.code(), Some(1));
    let o = casebook(&["export", EXAMPLE, "--round", "1", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--round goes with --format caselist"));
}

#[test]
fn a_speech_exports_through_a_profile_saying_what_it_removed_under_the_debaters_file_name() {
    let o = casebook(&[
        "export",
        EXAMPLE,
        "--round",
        "1",
        "--speech",
        "1ac",
        "--profile",
        "send",
        "--format",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("send doc of the 1AC: removed "), "{}", stderr(&o));
    let md = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(md.contains("Speech 1AC Example Invitational R1 vs Sample Prep CD"));
    assert!(!md.contains("Analytic"), "a send doc has no analytics");

    let o = casebook(&[
        "export",
        EXAMPLE,
        "--round",
        "1",
        "--speech",
        "1AC",
        "--profile",
        "marked",
        "--format",
        "text",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("[MARKED 3:32]"));

    // A folder as -o takes the debaters' file name.
    let dir = tempfile::tempdir().unwrap();
    let o = casebook(&[
        "export",
        EXAMPLE,
        "--round",
        "1",
        "--speech",
        "1NC",
        "--profile",
        "judge",
        "--format",
        "docx",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("Speech 1NC Example Invitational R1 vs Sample Prep CD.docx").is_file());

    let o = casebook(&["export", EXAMPLE, "--round", "1", "--speech", "3AC", "--format", "text"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has no speech \"3AC\"; it has 1AC, 1NC"), "{}", stderr(&o));
    let o = casebook(&["export", EXAMPLE, "--speech", "1AC", "--format", "text"]);
    assert_eq!(o.status.code(), Some(2), "--speech needs --round");
}
