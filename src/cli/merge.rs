//! `casebook merge BASE OURS THEIRS [-o OUT]`: a card-level three-way merge of deck files, as
//! a git merge driver runs it.

use std::io::Write;
use std::path::Path;

use crate::format::{self, LoadError};
use crate::model::Deck;

/// The common ancestor of a merge. An empty file stands for no ancestor (git passes one when both
/// branches added the same file), so both sides count as added.
fn load_base(path: &Path) -> Result<Deck, LoadError> {
    let text = format::read_text(path)?;
    if !text.trim().is_empty() {
        return format::parse_deck(&text, path);
    }
    Ok(Deck::empty("", "", ""))
}

/// Merges three deck files into `target`. A file that does not load, or a result that would not
/// load back, writes nothing and exits 2; otherwise the result is written atomically (without a
/// `.bak`: under git it would litter the work tree, and git keeps every version anyway) and the
/// exit code is 0 when clean, 1 when cards conflict or a change of theirs was overridden.
pub(super) fn merge(base: &Path, ours: &Path, theirs: &Path, target: &Path, err: &mut dyn Write) -> u8 {
    let mut decks = Vec::new();
    let mut failed = false;
    for (i, path) in [base, ours, theirs].into_iter().enumerate() {
        let loaded = if i == 0 { load_base(path) } else { format::load_deck(path) };
        match loaded {
            Ok(deck) => decks.push(deck),
            Err(e) => {
                failed = true;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    if failed {
        let _ = writeln!(err, "casebook: nothing merged; {} is unchanged", target.display());
        return 2;
    }
    let result = crate::merge::merge_decks(&decks[0], &decks[1], &decks[2]);
    let checked = format::deck_to_string(&result.deck).map_err(|e| e.to_string()).and_then(|text| {
        if text.len() as u64 > format::MAX_FILE_BYTES {
            return Err("the merged deck would be larger than Casebook reads; split the deck".to_owned());
        }
        format::parse_deck(&text, target).map(|_| text).map_err(|e| e.to_string())
    });
    let text = match checked {
        Ok(text) => text,
        Err(why) => {
            let _ = writeln!(err, "casebook: the merge would not give a valid deck, so nothing was written:");
            let _ = writeln!(err, "{why}");
            return 2;
        }
    };
    if let Err(e) = format::write_atomic_no_backup(target, text.as_bytes()) {
        let _ = writeln!(err, "{e}");
        return 2;
    }
    for line in &result.report {
        let _ = writeln!(err, "{}: {line}", target.display());
    }
    let _ = writeln!(
        err,
        "merged {} cards into {}: {} conflicting, {} overridden",
        result.deck.card_count(),
        target.display(),
        result.conflicts.len(),
        result.overridden.len()
    );
    u8::from(!result.is_clean())
}
