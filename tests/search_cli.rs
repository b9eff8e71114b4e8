//! `casebook search` as a script runs it: ranked `deck › block › tag — cite` lines, card JSON,
//! the search language over the bundled decks and over a folder of real Word files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs casebook with its index cache in `cache` (never the user's own).
fn casebook_cached(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("run casebook")
}

fn casebook(args: &[&str]) -> Output {
    let cache = tempfile::tempdir().unwrap();
    casebook_cached(cache.path(), args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout).lines().map(str::to_owned).collect()
}

/// How many cards the bundled decks hold.
fn bundled_cards() -> usize {
    casebook::bundled::decks().into_iter().map(|d| d.expect("bundled deck").card_count()).sum()
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
    assert!(err.contains(&format!(" of {} cards match", bundled_cards())), "{err}");
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

/// A library folder with two deck files: (folder, first file, second file).
fn team_folder(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let folder = dir.join("team");
    std::fs::create_dir_all(&folder).unwrap();
    let deck = |id: &str, tag: &str| {
        let mut deck = casebook::bundled::deck("asian-nato-neg").unwrap();
        deck.id = id.into();
        deck.blocks[0].cards[0].tag = tag.into();
        deck
    };
    let (first, second) = (folder.join("first.deck.ron"), folder.join("second.deck.ron"));
    casebook::format::save_deck(&deck("team-first", "Zanzibar first tag"), &first).unwrap();
    casebook::format::save_deck(&deck("team-second", "Zanzibar second tag"), &second).unwrap();
    (folder, first, second)
}

#[test]
fn the_index_persists_a_changed_file_is_read_again_and_a_deleted_one_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, first, second) = team_folder(dir.path());
    let search = |q: &str| casebook_cached(&cache, &["search", q, "--library", folder.to_str().unwrap()]);

    let o = search("zanzibar");
    assert_eq!(lines(&o).len(), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("2 of 2 files (0 unchanged)"), "{}", stderr(&o));
    assert!(cache.join("casebook/index/meta.json").is_file(), "the index is on disk in the cache folder");

    // Reopened: nothing is read again.
    let o = search("zanzibar");
    assert_eq!(lines(&o).len(), 2);
    assert!(stderr(&o).contains("2 of 2 files (2 unchanged)"), "{}", stderr(&o));

    // A changed file is read again; the other still comes from the cache.
    let mut deck = casebook::format::load_deck(&first).unwrap();
    deck.blocks[0].cards[0].tag = "Quetzal replaced the tag".into();
    casebook::format::save_deck(&deck, &first).unwrap();
    let o = search("zanzibar");
    assert_eq!(lines(&o).len(), 1, "{:?}", lines(&o));
    assert!(stderr(&o).contains("(1 unchanged)"), "{}", stderr(&o));
    assert_eq!(lines(&search("quetzal")).len(), 1);

    // A deleted file's cards are gone.
    std::fs::remove_file(&second).unwrap();
    let o = search("zanzibar");
    assert_eq!(o.status.code(), Some(1));
    assert!(lines(&o).is_empty());
}

#[test]
fn a_corrupt_index_cache_is_rebuilt_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, _, _) = team_folder(dir.path());
    let search = || casebook_cached(&cache, &["search", "zanzibar", "--library", folder.to_str().unwrap()]);
    assert_eq!(lines(&search()).len(), 2);
    let meta = cache.join("casebook/index/meta.json");
    let mut bytes = std::fs::read(&meta).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&meta, bytes).unwrap();
    let o = search();
    assert_eq!(lines(&o).len(), 2, "the library still answers");
    let err = stderr(&o);
    assert!(err.contains("the search index was rebuilt"), "{err}");
    let o = search();
    assert!(stderr(&o).contains("(2 unchanged)"), "rebuilt, then trusted: {}", stderr(&o));
}

#[test]
fn an_index_cache_that_cannot_be_written_is_said_once_and_the_search_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _, _) = team_folder(dir.path());
    // A file where the cache folder should be: no one can create the folder.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "not a folder").unwrap();
    let o = casebook_cached(&blocked, &["search", "zanzibar", "--library", folder.to_str().unwrap()]);
    assert_eq!(lines(&o).len(), 2);
    let err = stderr(&o);
    assert_eq!(err.matches("cannot write the index cache").count(), 1, "{err}");
}

#[test]
fn hostile_queries_a_huge_one_and_only_punctuation_answer_without_error() {
    let long = "china ".repeat(2_000);
    let o = casebook(&["search", &long]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    let o = casebook(&["search", "!!! ??? ... ,,, \"\" -- :"]);
    assert_eq!(o.status.code(), Some(0), "only punctuation is an empty query: every card");
    let n = bundled_cards();
    assert!(stderr(&o).contains(&format!("{n} of {n} cards match")), "{}", stderr(&o));
}
