//! `casebook search QUERY [--library DIR]... [--limit N] [--json]`: the library's search from
//! the command line, over the decks and Word files under the given folders (the bundled decks
//! when none is given). Prints `deck › block › tag — cite` per hit, best first, or card JSON.

use std::io::Write;
use std::path::PathBuf;

use crate::model::Deck;
use crate::search::{Filter, LibraryIndex};
use crate::workspace;

/// Every deck under `folders` (Word files read as decks), with one message per file that failed;
/// the bundled decks when no folder is given. Progress goes to `err`.
fn library(folders: &[PathBuf], err: &mut dyn Write) -> (Vec<Deck>, Vec<String>) {
    if folders.is_empty() {
        let decks = crate::bundled::decks().into_iter().filter_map(Result::ok).collect();
        return (decks, Vec::new());
    }
    let mut decks = Vec::new();
    let mut problems = Vec::new();
    for folder in folders {
        let (files, unreadable) = workspace::scan_folder_for(folder, true, workspace::is_library_file);
        problems
            .extend(unreadable.into_iter().map(|(f, e)| format!("{}: cannot read folder: {e}", f.display())));
        for (n, file) in files.iter().enumerate() {
            match workspace::read_library_file(file) {
                Ok(read) => decks.push(read.deck),
                // A deck file's message names its path and line; a Word file's does not.
                Err(why) if crate::docx_import::is_word_document(file) => {
                    problems.push(format!("{}: {why}", file.display()))
                }
                Err(why) => problems.push(why),
            }
            let _ = write!(err, "\rindexing {}: {} of {} files", folder.display(), n + 1, files.len());
        }
        let _ = writeln!(err);
    }
    (decks, problems)
}

pub(super) fn search(
    query: &str,
    folders: &[PathBuf],
    limit: usize,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let (decks, problems) = library(folders, err);
    for p in &problems {
        let _ = writeln!(err, "{p}");
    }
    let index = LibraryIndex::build(&decks);
    let parsed = crate::search::parse(query);
    for why in &parsed.ignored {
        let _ = writeln!(err, "casebook: ignored {why}");
    }
    let hits = index.ranked(&Filter { query: query.to_owned(), ..Filter::default() });
    let cards = decks.iter().map(Deck::card_count).sum::<usize>();
    let _ = writeln!(err, "{} of {cards} cards match", hits.len());
    let shown = hits.iter().take(limit).map(|h| index.position(h)).map(|p| {
        let deck = &decks[p.deck];
        let block = &deck.blocks[p.block];
        (deck, block, &block.cards[p.card])
    });
    if json {
        let bytes = crate::export::json::cards_json(
            shown.map(|(deck, _, card)| (deck.id.as_str(), card, deck.source(&card.source))),
        );
        let _ = out.write_all(&bytes);
    } else {
        for (deck, block, card) in shown {
            let cite = card.short_cite(deck.source(&card.source));
            let _ = writeln!(out, "{} › {} › {} — {cite}", deck.title, block.display_title(), card.tag);
        }
    }
    u8::from(hits.is_empty())
}
