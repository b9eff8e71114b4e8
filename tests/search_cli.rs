//! `casebook search` as a script runs it: ranked `deck › block › tag — cite` lines, card JSON,
//! the search language over the bundled decks and over a folder of real Word files.

use std::path::PathBuf;
use std::process::{Command, Output};

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("run casebook")
}

fn lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn search_over_the_bundled_decks_ranks_tag_matches_first_and_says_how_many_matched() {
    let o = casebook(&["search", "seato", "--limit", "3"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let hits = lines(&o);
    assert_eq!(hits.len(), 3);
    assert!(hits[0].to_lowercase().split(" › ").nth(2).unwrap().contains("seato"), "{hits:?}");
    assert!(hits.iter().all(|h| h.contains(" › ") && h.contains(" — ")), "{hits:?}");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains(" of 103 cards match"), "{err}");
}

#[test]
fn fields_years_sides_and_exclusions_narrow_the_hits() {
    let all = lines(&casebook(&["search", "china", "--limit", "200"])).len();
    let neg = lines(&casebook(&["search", "china side:neg", "--limit", "200"])).len();
    let tag = lines(&casebook(&["search", "tag:china", "--limit", "200"])).len();
    let not_kim = lines(&casebook(&["search", "china -cite:kim", "--limit", "200"])).len();
    assert!(neg < all && tag < all && not_kim < all, "{all} {neg} {tag} {not_kim}");
    let old = casebook(&["search", "china year:1990..2000"]);
    assert_eq!(old.status.code(), Some(1), "no bundled article is that old");
    assert!(lines(&old).is_empty());
}

#[test]
fn a_folder_of_word_files_is_searched_and_json_gives_the_cards() {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs");
    let o = casebook(&["search", "\"water protection\"", "--library", docs.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let cards = json["cards"].as_array().unwrap();
    assert!(!cards.is_empty());
    for card in cards {
        let all = format!("{} {} {}", card["tag"], card["text"], card["cite"]["raw"]).to_lowercase();
        assert!(all.contains("water protection"), "{all}");
    }
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("7 of 7 files"), "{err}");
}
