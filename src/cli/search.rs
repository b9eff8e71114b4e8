//! `casebook search QUERY [--library DIR]... [--limit N] [--json]`: the library's search from
//! the command line, over the decks and Word files under the given folders (the bundled decks
//! when none is given). Prints `deck › block › tag — cite` per hit, best first (with the file
//! when two hits' decks share a title), or card JSON.
//!
//! It uses the search engine's index in the cache folder (`$XDG_CACHE_HOME/casebook/index`):
//! the files are stat'ed, only new or changed files are read, and a hit prints from the index
//! alone. Only the files of the hits shown as JSON are read in full.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use crate::model::Deck;
use crate::search::Filter;
use crate::search::engine::{Engine, Progress, Row, store};
use crate::workspace;

/// The engine for `folders` brought up to date (the bundled decks, in memory, for none), and the
/// bundled decks when they are what is searched. Progress and problems go to `err`.
fn engine(folders: &[PathBuf], err: &mut dyn Write) -> Result<(Engine, Vec<Deck>), String> {
    if folders.is_empty() {
        let decks: Vec<Deck> = crate::bundled::decks().into_iter().filter_map(Result::ok).collect();
        let engine = Engine::of_decks(&decks).map_err(|e| e.to_string())?;
        return Ok((engine, decks));
    }
    let cache = store::user_cache_dir();
    let mut engine = Engine::open_or_in_ram(cache.as_deref()).map_err(|e| e.to_string())?;
    let mut progress = |p: Progress<'_>| {
        let _ = write!(err, "\rindexing {}: {} of {} files", p.root.display(), p.done, p.total);
        if p.finished {
            let _ = writeln!(err, " ({} unchanged)", p.unchanged);
        }
    };
    let reports =
        engine.update(folders, &workspace::LibraryReader, &mut progress).map_err(|e| e.to_string())?;
    for problem in reports.iter().flat_map(|r| &r.problems) {
        let _ = writeln!(err, "{problem}");
    }
    Ok((engine, Vec::new()))
}

pub(super) fn search(
    query: &str,
    folders: &[PathBuf],
    limit: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (mut engine, bundled) = match engine(folders, err) {
        Ok(ready) => ready,
        Err(why) => {
            let _ = writeln!(err, "casebook: {why}");
            return 2;
        }
    };
    for note in engine.take_notes() {
        let _ = writeln!(err, "casebook: {note}");
    }
    let found = match engine.search(&Filter { query: query.to_owned(), ..Filter::default() }, limit) {
        Ok(found) => found,
        Err(why) => {
            let _ = writeln!(err, "casebook: {why}");
            return 2;
        }
    };
    for why in &found.ignored {
        let _ = writeln!(err, "casebook: ignored {why}");
    }
    let _ = writeln!(err, "{} of {} cards match", found.matched, found.total);
    let none = u8::from(found.matched == 0);
    if json {
        print_json(&found.rows, &bundled, out, err);
    } else {
        print_lines(&found.rows, out);
    }
    none
}

/// `deck › block › tag — cite` per row, with the file's path when another shown row's deck has
/// the same title in another file.
fn print_lines(rows: &[Row], out: &mut dyn Write) {
    let mut files_per_title: HashMap<&str, std::collections::HashSet<(&str, &str)>> = HashMap::new();
    for r in rows {
        files_per_title.entry(&r.deck_title).or_default().insert((&r.root, &r.file));
    }
    for r in rows {
        let _ = write!(out, "{} › {} › {} — {}", r.deck_title, r.block_title, r.tag, r.cite);
        if files_per_title.get(r.deck_title.as_str()).is_some_and(|f| f.len() > 1) {
            let _ = write!(out, " ({})", r.file);
        }
        if !r.also.is_empty() {
            let files: Vec<&str> = r.also.iter().map(|a| a.file.as_str()).collect();
            let n = files.len();
            let _ = write!(out, " (also in {n} file{}: {})", if n == 1 { "" } else { "s" }, files.join("; "));
        }
        let _ = writeln!(out);
    }
}

/// Card JSON of the rows, reading each hit's file once (the bundled decks are in memory).
fn print_json(rows: &[Row], bundled: &[Deck], out: &mut dyn Write, err: &mut dyn Write) {
    let mut read: HashMap<PathBuf, Option<Deck>> = HashMap::new();
    for row in rows {
        let Some(path) = row.path() else { continue };
        if read.contains_key(&path) {
            continue;
        }
        let deck = match workspace::read_library_file_in(std::path::Path::new(&row.root), &path) {
            Ok(file) => Some(file.deck),
            Err(why) => {
                let _ = writeln!(err, "{}: not shown: {why}", path.display());
                None
            }
        };
        read.insert(path, deck);
    }
    let mut cards = Vec::new();
    for row in rows {
        let deck = match row.path() {
            Some(path) => read.get(&path).and_then(Option::as_ref),
            None => bundled.iter().find(|d| d.id == row.deck_id),
        };
        let Some(deck) = deck else { continue };
        // Where it was indexed; else by id (the file moved its cards since).
        let card = (deck.blocks.get(row.block).and_then(|b| b.cards.get(row.card)))
            .filter(|c| c.id == row.card_id)
            .or_else(|| deck.cards().find(|c| c.id == row.card_id));
        match card {
            Some(card) => cards.push((deck.id.as_str(), card, deck.source(&card.source))),
            None => {
                let _ = writeln!(err, "card {} changed on disk since it was indexed; not shown", row.card_id);
            }
        }
    }
    let _ = out.write_all(&crate::export::json::cards_json(cards));
}
