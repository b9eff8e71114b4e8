//! `casebook search QUERY [--library DIR]... [--limit N] [--json]`: the library's search from
//! the command line, over the decks and Word files under the given folders (the bundled decks
//! when none is given). Prints `deck › block › tag — cite` per hit, best first, or card JSON.
//!
//! It uses the window's index cache (`$XDG_CACHE_HOME/casebook/library`): an unchanged file is
//! not read again, so a second search of a large library answers at once. Only the files of the
//! hits shown as JSON are read in full.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use crate::model::Deck;
use crate::search::cache::IndexCache;
use crate::search::{Filter, LibraryIndex, Segment};
use crate::workspace;

/// Where each segment's cards can be read in full.
enum Origin {
    Bundled(Deck),
    File(PathBuf),
}

/// Every deck under `folders` indexed (through the cache), with where to read each one and one
/// message per file that failed; the bundled decks when no folder is given. Progress goes to
/// `err`.
fn library(folders: &[PathBuf], err: &mut dyn Write) -> (Vec<Arc<Segment>>, Vec<Origin>, Vec<String>) {
    if folders.is_empty() {
        let decks: Vec<Deck> = crate::bundled::decks().into_iter().filter_map(Result::ok).collect();
        let segments = decks.iter().map(|d| Arc::new(Segment::of_deck(d))).collect();
        return (segments, decks.into_iter().map(Origin::Bundled).collect(), Vec::new());
    }
    let cache = IndexCache::user();
    let mut segments = Vec::new();
    let mut origins = Vec::new();
    let mut problems = Vec::new();
    let mut cache_problem = None;
    for folder in folders {
        let (files, unreadable) = workspace::scan_folder_for(folder, true, workspace::is_library_file);
        problems
            .extend(unreadable.into_iter().map(|(f, e)| format!("{}: cannot read folder: {e}", f.display())));
        let total = files.len();
        let read = workspace::read_all_indexed_with(&files, Some(folder), cache.as_ref(), &mut |done| {
            let _ = write!(err, "\rindexing {}: {done} of {total} files", folder.display());
        });
        let mut cached = 0;
        for (file, result) in files.iter().zip(read) {
            match result {
                Ok(read) => {
                    cached += usize::from(read.from_cache);
                    cache_problem = cache_problem.or(read.cache_problem);
                    segments.push(read.segment);
                    origins.push(Origin::File(file.clone()));
                }
                Err(why) if why.contains(&file.display().to_string()) => problems.push(why),
                Err(why) => problems.push(format!("{}: {why}", file.display())),
            }
        }
        let _ = write!(err, " ({cached} unchanged)");
        let _ = writeln!(err);
    }
    problems.extend(cache_problem);
    (segments, origins, problems)
}

pub(super) fn search(
    query: &str,
    folders: &[PathBuf],
    limit: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (segments, origins, problems) = library(folders, err);
    for p in &problems {
        let _ = writeln!(err, "{p}");
    }
    let index = LibraryIndex::of_segments(segments);
    let parsed = crate::search::parse(query);
    for why in &parsed.ignored {
        let _ = writeln!(err, "casebook: ignored {why}");
    }
    let hits = index.ranked(&Filter { query: query.to_owned(), ..Filter::default() });
    let _ = writeln!(err, "{} of {} cards match", hits.len(), index.len());
    let shown: Vec<_> = hits.iter().take(limit).map(|h| index.position(h)).collect();
    if !json {
        for h in hits.iter().take(limit) {
            let (segment, row) = (&index.segments()[index.position(h).deck], index.row(h.card));
            let block = &segment.blocks[row.block as usize];
            let _ = writeln!(out, "{} › {block} › {} — {}", segment.deck_title, row.tag, row.cite);
        }
        return u8::from(hits.is_empty());
    }
    // Card JSON needs whole cards: read the hits' files (each once).
    let mut read: std::collections::HashMap<usize, Deck> = std::collections::HashMap::new();
    for pos in &shown {
        if let Origin::File(path) = &origins[pos.deck]
            && !read.contains_key(&pos.deck)
        {
            match workspace::read_library_file(path) {
                Ok(file) => {
                    read.insert(pos.deck, file.deck);
                }
                Err(why) => {
                    let _ = writeln!(err, "{}: not shown: {why}", path.display());
                }
            }
        }
    }
    let mut cards = Vec::new();
    for pos in shown {
        let deck = match &origins[pos.deck] {
            Origin::Bundled(deck) => deck,
            Origin::File(_) => match read.get(&pos.deck) {
                Some(deck) => deck,
                None => continue,
            },
        };
        let Some(row) = index.row_at(pos) else { continue };
        match deck.blocks.get(pos.block).and_then(|b| b.cards.get(pos.card)).filter(|c| c.id == row.id) {
            Some(card) => cards.push((deck.id.as_str(), card, deck.source(&card.source))),
            None => {
                let _ = writeln!(err, "card {} changed on disk since it was indexed; not shown", row.id);
            }
        }
    }
    let _ = out.write_all(&crate::export::json::cards_json(cards));
    u8::from(hits.is_empty())
}
