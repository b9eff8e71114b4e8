//! Older file versions and how they become the current model.
//!
//! Version 1 (the first draft format) differs from version 2 at the top level only:
//! - a deck had no `description`;
//! - a session kept its cases as a list `cases: [..]` instead of `aff` and `neg`, named the reading
//!   speed `words_per_minute`, and had no `notes`.
//!
//!
//! Version 2 differs from version 3 only by fields version 3 added to cards, all of which default
//! when absent: `provenance` (unknown), `conflict` (none), `cut_from` (none) and `quote_edited`
//! (false). A version-2 file therefore parses into the current structs; migrating it only stamps
//! the version (and version-1 files get the same defaults on the way).
//!
//! Version 3 differs from version 4 the same way: version 4 added fields that default when absent
//! — a highlight mark's `colour` (yellow), a card's `cite_line` (none), a block's `headings`
//! and `asides` (none), a source's `stated_year` (none) — and let a block title be empty (cards
//! under a Pocket or Hat with no Block heading). A version-3 file parses into the current structs
//! and migrating it only stamps the version.
//!
//! Version 4 differs from version 5 the same way: version 5 added a session's `rounds` (none when
//! absent), each with its speech documents, marked points and prep time. Decks are unchanged.
//!
//! Version 5 differs from version 6 the same way: version 6 added a card's `answers` (the
//! arguments it answers and how; none when absent), in decks and in sessions' card snapshots.
//!
//! Version 6 differs from version 7 the same way: version 7 added a deck's `imported_from` (the
//! Word file `casebook import` wrote it from; none when absent) and a session's `topic` (the
//! decks whose arguments are the debate's positions; the default when absent).
//!
//! Each migration is a pure function from the old struct to the new one; it never guesses data.

use serde::Deserialize;

use crate::model::{Block, Case, CaseSide, Deck, DeckRef, Session, Source};

use super::Problem;

/// A version-1 deck file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeckV1 {
    #[allow(dead_code)]
    version: u32,
    id: String,
    title: String,
    resolution: String,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    blocks: Vec<Block>,
}

/// A version-1 session file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SessionV1 {
    #[allow(dead_code)]
    version: u32,
    resolution: String,
    #[serde(default)]
    decks: Vec<DeckRef>,
    #[serde(default)]
    cases: Vec<Case>,
    words_per_minute: u32,
}

/// Version 1 → current: the description starts empty.
pub(crate) fn deck_from_v1(old: DeckV1) -> Deck {
    Deck {
        version: super::CURRENT_VERSION,
        id: old.id,
        title: old.title,
        resolution: old.resolution,
        description: String::new(),
        sources: old.sources,
        blocks: old.blocks,
        imported_from: None,
    }
}

/// Version 1 → current: the case list is split by side; a side with no case gets an empty one.
pub(crate) fn session_from_v1(old: SessionV1) -> Result<Session, Problem> {
    let mut aff = None;
    let mut neg = None;
    for case in old.cases {
        let slot = match case.side {
            CaseSide::Aff => &mut aff,
            CaseSide::Neg => &mut neg,
        };
        if slot.is_some() {
            return Err(Problem::whole_file(format!(
                "version 1 session has two {} cases; a session holds one per side",
                case.side.name()
            )));
        }
        *slot = Some(case);
    }
    Ok(Session {
        version: super::CURRENT_VERSION,
        resolution: old.resolution,
        decks: old.decks,
        aff: aff.unwrap_or_else(|| Case::new(CaseSide::Aff)),
        neg: neg.unwrap_or_else(|| Case::new(CaseSide::Neg)),
        wpm: old.words_per_minute,
        notes: String::new(),
        counting: Default::default(),
        rounds: Vec::new(),
        topic: None,
    })
}

/// Version 2 to 6 → current: the fields added since are already at their defaults; stamp the
/// version.
pub(crate) fn deck_from_v2(mut deck: Deck) -> Deck {
    deck.version = super::CURRENT_VERSION;
    deck
}

/// Version 2, 3 or 4 → current: the fields added since are at their defaults; stamp the version.
pub(crate) fn session_from_v2(mut session: Session) -> Session {
    session.version = super::CURRENT_VERSION;
    session
}
