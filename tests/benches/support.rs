//! What the benchmarks share: the process's resident memory, and a team's library of real size: the shared real Verbatim files' cards and
//! the bundled cards tiled into decks of 400 (a large Verbatim file each), every copy with a
//! unique id and a made-up word per copy in its tag and text, so words are not all shared.

use std::path::Path;

use casebook::docx_import::{DeckOptions, import_word_file};
use casebook::model::{Block, Card, Deck};

/// The cards to tile: every bundled card and every card of the shared Word files.
fn seed_cards() -> Vec<(Card, Option<casebook::model::Source>)> {
    let mut decks: Vec<Deck> = casebook::bundled::decks().into_iter().filter_map(Result::ok).collect();
    let shared = std::env::var_os("CASEBOOK_VERBATIM_DOCS")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs"), Into::into);
    if let Ok(dir) = std::fs::read_dir(&shared) {
        for path in dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "docx")) {
            if let Ok(w) = import_word_file(&path, &DeckOptions::from_file_name(&path)) {
                decks.push(w.deck);
            }
        }
    }
    decks.iter().flat_map(|d| d.cards().map(move |c| (c.clone(), d.source(&c.source).cloned()))).collect()
}

/// `n` cards in decks of 400 (a large Verbatim file each), every copy with a unique id and a
/// made-up word per copy in its tag and text, so words are not all shared.
pub fn library(n: usize) -> Vec<Deck> {
    let seeds = seed_cards();
    let mut decks = Vec::new();
    let mut i = 0;
    while i < n {
        let mut deck = Deck::empty(format!("file-{}", decks.len()), format!("File {}", decks.len()), "");
        let mut block = Block::new("Block", Vec::new());
        for _ in 0..400.min(n - i) {
            let (seed, source) = &seeds[i % seeds.len()];
            let mut card = seed.clone();
            card.id = format!("c{i}");
            let word = format!("zq{}x", i / seeds.len());
            card.tag = format!("{} {word}", card.tag);
            card.text = format!("{} {word}", card.text);
            if let Some(source) = source
                && !deck.sources.iter().any(|s| s.id == source.id)
            {
                deck.sources.push(source.clone());
            }
            block.cards.push(card);
            i += 1;
        }
        deck.blocks.push(block);
        decks.push(deck);
    }
    decks
}

/// This process's resident memory in MB (0 where /proc is not there).
pub fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}
