//! The engine on a small hand-made corpus: the search language's meaning, ranking, and the
//! on-disk index's life (persist, reopen, a changed or deleted file, corruption, planted files,
//! a crashed or a live writer). Every cache folder is a temporary one.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use super::*;
use crate::model::{Block, Card, CiteLine, Mark, MarkKind, Side, Source};
use crate::search::Filter;

fn card(id: &str, tag: &str, side: Side, cite: &str, text: &str) -> Card {
    let mut c = Card::new(id, tag, side, "src", text);
    let bold = cite.split(',').next().unwrap_or(cite).chars().count();
    c.cite_line = Some(CiteLine { text: cite.into(), bold: vec![(0, bold)], marks: Vec::new() });
    c
}

/// `card` with `word` highlighted (its first occurrence in the text).
fn highlighted(mut c: Card, word: &str) -> Card {
    let at = c.text.find(word).map(|b| c.text[..b].chars().count()).unwrap_or(0);
    c.marks.push(Mark::new(MarkKind::Highlight, at, at + word.chars().count()));
    c
}

/// A source with no date, so each card's year is its cite line's.
fn source() -> Source {
    Source {
        id: "src".into(),
        title: "Title".into(),
        authors: Vec::new(),
        note: String::new(),
        publication: "Outlet".into(),
        date: None,
        url: String::new(),
        accessed: None,
    }
}

fn corpus() -> Vec<Deck> {
    let mut asia = Deck::empty("asia-aff", "Asia Aff", "");
    asia.sources.push(source());
    asia.blocks.push(Block::new(
        "Alliances",
        vec![
            highlighted(
                card(
                    "a1",
                    "Asian NATO fails",
                    Side::Aff,
                    "Kim 2024, China Factor",
                    "A collective defense pact cannot form in Asia. Nuclear war risk rises.",
                ),
                "collective",
            ),
            card("a2", "Deterrence holds", Side::Neg, "Lee 2019", "Nuclear warming of relations is slow."),
            card(
                "a3",
                "Background",
                Side::Either,
                "Park 2010",
                "Erdoğan visited Bucures\u{326}ti in spring.",
            ),
            card(
                "a4",
                "Seato history",
                Side::Aff,
                "Smith 2022",
                "SEATO collapsed; defense collective failed.",
            ),
        ],
    ));
    let mut trade = Deck::empty("trade-neg", "Trade Neg", "");
    trade.sources.push(source());
    trade.blocks.push(Block::new(
        "Tariffs",
        vec![card("t1", "Tariffs bite", Side::Neg, "Wu 2021", "China tariffs.")],
    ));
    vec![asia, trade]
}

fn ids(engine: &Engine, filter: Filter) -> Vec<String> {
    let found = engine.search(&filter, 100).unwrap_or_else(|e| panic!("{e}"));
    found.rows.into_iter().map(|r| r.card_id).collect()
}

fn q(engine: &Engine, query: &str) -> Vec<String> {
    ids(engine, Filter { query: query.into(), ..Filter::default() })
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn the_search_language_means_what_it_says() {
    let engine = Engine::of_decks(&corpus()).unwrap();
    assert_eq!(q(&engine, "\"collective defense\""), vec!["a1"], "a phrase is words in order");
    assert_eq!(sorted(q(&engine, "collective defense")), vec!["a1", "a4"]);
    assert_eq!(q(&engine, "collective -seato"), vec!["a1"]);
    assert_eq!(q(&engine, "collective -\"defense collective\""), vec!["a1"]);
    assert_eq!(q(&engine, "tag:deterrence"), vec!["a2"]);
    assert!(q(&engine, "tag:nuclear").is_empty(), "the word is in texts, not tags");
    assert_eq!(q(&engine, "highlighted:collective"), vec!["a1"]);
    assert_eq!(q(&engine, "cite:factor"), vec!["a1"]);
    assert!(q(&engine, "factor").is_empty(), "a plain word skips the whole cite");
    assert_eq!(q(&engine, "china"), vec!["t1"], "not the publication China Factor");
    assert_eq!(q(&engine, "author:lee"), vec!["a2"]);
    assert_eq!(sorted(q(&engine, "year:2019..2022")), vec!["a2", "a4", "t1"]);
    assert_eq!(q(&engine, "year:..2015"), vec!["a3"]);
    assert_eq!(sorted(q(&engine, "-year:2011..")), vec!["a3"]);
    assert_eq!(sorted(q(&engine, "side:aff")), vec!["a1", "a3", "a4"], "either side counts for both");
    let neg = ids(&engine, Filter { side: Some(Side::Neg), ..Filter::default() });
    assert_eq!(sorted(neg), vec!["a2", "a3", "t1"]);
    assert_eq!(q(&engine, "deck:trade"), vec!["t1"]);
    assert_eq!(sorted(q(&engine, "deck:\"asia aff\" -side:neg")), vec!["a1", "a4"]);
    assert_eq!(q(&engine, "").len(), 5, "an empty query is every card");
    let found = engine.search(&Filter { query: "year:soon".into(), ..Filter::default() }, 2).unwrap();
    assert_eq!((found.rows.len(), found.matched, found.total), (2, 5, 5));
    assert_eq!(found.ignored.len(), 1);
}

#[test]
fn accents_fold_in_text_and_query_composed_or_decomposed() {
    let engine = Engine::of_decks(&corpus()).unwrap();
    for query in ["erdogan", "Erdoğan", "Erdog\u{306}an", "bucurești", "Bucures\u{326}ti", "BUCURESTI"] {
        assert_eq!(q(&engine, query), vec!["a3"], "{query}");
    }
}

#[test]
fn only_the_last_word_being_typed_matches_words_it_begins() {
    let engine = Engine::of_decks(&corpus()).unwrap();
    let typed = |query: &str| {
        sorted(ids(&engine, Filter { query: query.into(), as_typed: true, ..Filter::default() }))
    };
    assert_eq!(typed("nuclear war"), vec!["a1", "a2"], "war begins warming");
    assert_eq!(typed("nuclear war "), vec!["a1"], "a space ends the word");
    assert_eq!(q(&engine, "nuclear war"), vec!["a1"], "not typed: whole words");
    assert!(typed("nucl war").is_empty(), "only the last word is a prefix");
    assert!(typed("\"nuclear war\"").contains(&"a1".to_owned()));
    assert_eq!(typed("tag:deter"), vec!["a2"]);
}

#[test]
fn a_tag_hit_ranks_above_highlighted_above_text_and_newer_first_among_equals() {
    let mut deck = Deck::empty("rank", "Rank", "");
    deck.sources.push(source());
    deck.blocks.push(Block::new(
        "B",
        vec![
            card("text", "Other words", Side::Either, "A 2020", "Quokka appears only in the text here."),
            highlighted(
                card("hl", "More words", Side::Either, "B 2020", "Quokka appears only in the text here."),
                "Quokka",
            ),
            card("tag", "Quokka alliance", Side::Either, "C 2020", "Nothing about it appears in this text."),
            // Equal scores (same length, same words but one), not exact copies.
            card("old", "Same tag", Side::Either, "Old 2018", "Equal wallaby text one."),
            card("new", "Same tag", Side::Either, "New 2023", "Equal wallaby text two."),
        ],
    ));
    let engine = Engine::of_decks(&[deck]).unwrap();
    assert_eq!(q(&engine, "quokka"), vec!["tag", "hl", "text"]);
    assert_eq!(q(&engine, "wallaby"), vec!["new", "old"]);
}

/// A library folder with two deck files: (folder, first file, second file).
fn library(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let folder = dir.join("team");
    std::fs::create_dir_all(&folder).unwrap();
    let decks = corpus();
    let (first, second) = (folder.join("asia.deck.ron"), folder.join("trade.deck.ron"));
    crate::format::save_deck(&decks[0], &first).unwrap();
    crate::format::save_deck(&decks[1], &second).unwrap();
    (folder, first, second)
}

fn update(engine: &mut Engine, folder: &Path) -> RootReport {
    let mut reports =
        engine.update(&[folder.to_owned()], &crate::workspace::LibraryReader, &mut |_| {}).unwrap();
    reports.remove(0)
}

#[test]
fn the_index_persists_a_changed_file_is_indexed_alone_and_a_deleted_file_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, first, second) = library(dir.path());
    let mut engine = Engine::open(&cache).unwrap();
    let r = update(&mut engine, &folder);
    assert_eq!((r.files, r.unchanged), (2, 0));
    assert_eq!(q(&engine, "").len(), 5);
    assert!(engine.take_notes().is_empty());
    drop(engine);

    let mut engine = Engine::open(&cache).unwrap();
    assert_eq!(q(&engine, "tariffs").len(), 1, "the cards are there before any update");
    let r = update(&mut engine, &folder);
    assert_eq!((r.files, r.unchanged), (2, 2), "nothing is read again");
    let row = &engine.search(&Filter { query: "tariffs".into(), ..Filter::default() }, 1).unwrap().rows[0];
    assert_eq!(
        (row.deck_title.as_str(), row.block_path.as_str(), row.cite.as_str()),
        ("Trade Neg", "Tariffs", "Wu 2021")
    );
    assert_eq!(row.path(), Some(folder.canonicalize().unwrap().join("trade.deck.ron")));

    let mut deck = crate::format::load_deck(&first).unwrap();
    deck.blocks[0].cards[1].tag = "Quetzal replaced the tag".into();
    crate::format::save_deck(&deck, &first).unwrap();
    let r = update(&mut engine, &folder);
    assert_eq!((r.files, r.unchanged), (2, 1), "only the changed file is read");
    assert!(q(&engine, "tag:deterrence").is_empty());
    assert_eq!(q(&engine, "quetzal"), vec!["a2"]);
    assert_eq!(q(&engine, "").len(), 5, "its old cards left");

    // Touched by a sync (the same bytes, a new time): hashed, not parsed, and its cards stay.
    let bytes = std::fs::read(&second).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&second, &bytes).unwrap();
    let r = update(&mut engine, &folder);
    assert_eq!((r.files, r.unchanged), (2, 2), "the same bytes are unchanged");
    assert_eq!(q(&engine, "tariffs"), vec!["t1"], "a touched file keeps its cards");

    std::fs::remove_file(&second).unwrap();
    let r = update(&mut engine, &folder);
    assert_eq!((r.files, r.unchanged), (1, 1));
    assert!(q(&engine, "tariffs").is_empty());
    drop(engine);
    let engine = Engine::open(&cache).unwrap();
    assert_eq!(q(&engine, "").len(), 4, "the deletion was committed");
}

#[test]
fn another_folder_is_searched_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _, _) = library(dir.path());
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    let mut engine = Engine::open(&dir.path().join("cache")).unwrap();
    update(&mut engine, &folder);
    update(&mut engine, &other);
    assert!(q(&engine, "").is_empty(), "the first folder's cards are not searched");
}

#[test]
fn a_corrupt_or_older_index_is_rebuilt_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, _, _) = library(dir.path());
    let mut engine = Engine::open(&cache).unwrap();
    update(&mut engine, &folder);
    drop(engine);
    std::fs::write(cache.join("index/meta.json"), b"{ not json").unwrap();
    let mut engine = Engine::open(&cache).unwrap();
    let notes = engine.take_notes();
    assert!(notes.iter().any(|n| n.contains("rebuilt")), "{notes:?}");
    let r = update(&mut engine, &folder);
    assert_eq!((r.files, r.unchanged), (2, 0), "every file indexed again");
    assert_eq!(q(&engine, "").len(), 5);
    drop(engine);

    std::fs::write(cache.join("index/VERSION"), "casebook-index 0\n").unwrap();
    let mut engine = Engine::open(&cache).unwrap();
    assert!(engine.take_notes().iter().any(|n| n.contains("older layout")));
    assert!(q(&engine, "").is_empty());
    drop(engine);
    let mut engine = Engine::open(&cache).unwrap();
    assert!(engine.take_notes().is_empty(), "rebuilt once, then trusted");
}

#[test]
fn the_old_cache_folder_goes_but_a_symlink_there_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    std::fs::create_dir_all(cache.join("library")).unwrap();
    std::fs::write(cache.join("library/entry"), b"old").unwrap();
    store::remove_old_cache(&cache);
    assert!(!cache.join("library").exists());

    let victim = dir.path().join("victim");
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(victim.join("keep"), b"keep").unwrap();
    std::os::unix::fs::symlink(&victim, cache.join("library")).unwrap();
    store::remove_old_cache(&cache);
    assert_eq!(std::fs::read(victim.join("keep")).unwrap(), b"keep");
}

#[test]
fn nothing_is_written_through_a_planted_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, _, _) = library(dir.path());
    let victim = dir.path().join("victim");
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(victim.join("file"), b"keep").unwrap();
    drop(Engine::open(&cache).unwrap());
    // A symlink where tantivy's lock file goes.
    std::os::unix::fs::symlink(victim.join("file"), cache.join("index/.tantivy-writer.lock")).unwrap();
    let mut engine = Engine::open(&cache).unwrap();
    assert!(engine.take_notes().iter().any(|n| n.contains("symlink")));
    update(&mut engine, &folder);
    assert_eq!(q(&engine, "").len(), 5);
    assert_eq!(std::fs::read(victim.join("file")).unwrap(), b"keep");
    assert!(std::fs::symlink_metadata(victim.join("file")).unwrap().file_type().is_file());
    drop(engine);

    // The index folder itself a symlink: refused; in memory instead, said once.
    std::fs::remove_dir_all(cache.join("index")).unwrap();
    std::os::unix::fs::symlink(&victim, cache.join("index")).unwrap();
    assert!(matches!(Engine::open(&cache), Err(EngineError::NotAFolder(_))));
    let mut engine = Engine::open_or_in_ram(Some(&cache)).unwrap();
    assert_eq!(engine.take_notes().len(), 1);
    assert!(engine.dir().is_none());
    update(&mut engine, &folder);
    assert_eq!(q(&engine, "").len(), 5);
    let names: Vec<_> = std::fs::read_dir(&victim).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("file")], "nothing written in the symlink's target");
}

/// Runs `f` on a thread; fails the test if it takes longer than a minute (a hang).
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    receive.recv_timeout(Duration::from_secs(60)).expect("finished without hanging")
}

#[test]
fn a_planted_fifo_is_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, _, _) = library(dir.path());
    drop(Engine::open(&cache).unwrap());
    for name in ["VERSION", ".tantivy-meta.lock"] {
        let path = cache.join("index").join(name);
        let _ = std::fs::remove_file(&path);
        let made = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(made.success());
    }
    let (cache2, folder2) = (cache.clone(), folder.clone());
    let (notes, cards) = within_a_minute(move || {
        let mut engine = Engine::open(&cache2).unwrap();
        update(&mut engine, &folder2);
        (engine.take_notes(), q(&engine, "").len())
    });
    assert!(notes.iter().any(|n| n.contains("rebuilt")), "{notes:?}");
    assert_eq!(cards, 5);
}

#[test]
fn a_crashed_writers_lock_files_do_not_block_and_a_live_writer_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let (folder, first, _) = library(dir.path());
    let mut engine = Engine::open(&cache).unwrap();
    update(&mut engine, &folder);
    drop(engine);
    // What a killed writer leaves: its lock files, with no process holding them.
    for name in [".tantivy-writer.lock", ".tantivy-meta.lock"] {
        std::fs::write(cache.join("index").join(name), b"").unwrap();
    }
    let mut deck = crate::format::load_deck(&first).unwrap();
    deck.blocks[0].cards[0].tag = "Ocelot tag".into();
    crate::format::save_deck(&deck, &first).unwrap();
    let (cache2, folder2) = (cache.clone(), folder.clone());
    let found = within_a_minute(move || {
        let mut engine = Engine::open(&cache2).unwrap();
        update(&mut engine, &folder2);
        q(&engine, "ocelot")
    });
    assert_eq!(found, vec!["a1"]);

    // A live writer (another casebook): the index is searched as it was, and said so.
    let held = Index::open_in_dir(cache.join("index")).unwrap();
    let writer = held.writer_with_num_threads::<tantivy::TantivyDocument>(1, 15_000_000).unwrap();
    deck.blocks[0].cards[0].tag = "Pangolin tag".into();
    crate::format::save_deck(&deck, &first).unwrap();
    let mut engine = Engine::open(&cache).unwrap();
    update(&mut engine, &folder);
    assert!(engine.take_notes().iter().any(|n| n.contains("could not be updated")));
    assert_eq!(q(&engine, "ocelot"), vec!["a1"], "searched as it was");
    drop(writer);
    update(&mut engine, &folder);
    assert_eq!(q(&engine, "pangolin"), vec!["a1"], "updated once the writer is gone");
}

#[test]
fn exact_copies_in_other_files_are_one_hit_listing_them() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, first, _) = library(dir.path());
    std::fs::create_dir_all(folder.join("copy")).unwrap();
    std::fs::copy(&first, folder.join("copy/asia.deck.ron")).unwrap();
    let mut engine = Engine::open(&dir.path().join("cache")).unwrap();
    update(&mut engine, &folder);
    let found = engine.search(&Filter { query: "tariffs".into(), ..Filter::default() }, 20).unwrap();
    let copied = engine.search(&Filter { query: "collective".into(), ..Filter::default() }, 20).unwrap();
    assert_eq!(copied.rows.len(), 2, "two asia cards say it, each in two files");
    assert!(copied.rows.iter().all(|r| r.also.len() == 1 && r.also[0].file != r.file));
    assert_eq!(copied.matched, 4, "matches count every copy; hits count each once");
    assert!(found.rows.iter().all(|r| r.also.is_empty()), "a card in one file lists no copies");
}
