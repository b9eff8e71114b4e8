//! The fuzz harness (#13.11), on stable Rust: every loader (deck, session, Word import) and merge,
//! fed byte-level and structure-aware mutations of real files, plus the checked-in corpus of every
//! input that ever failed (`tests/fuzz_corpus/`, replayed first).
//!
//! Invariants: no panic; no hang (a time budget per input, a hang detector, not a speed target);
//! load → save → load gives the same deck or session and the same bytes; merge never loses a card.
//!
//! Structure-aware mutations exist for decks (and their merge), sessions and Word files (hostile
//! decks written by the exporter). The suite runs a few seconds of each. A long run:
//! `CASEBOOK_FUZZ_SECONDS=3600 CASEBOOK_FUZZ_SEED=$RANDOM cargo test --release --test fuzz -- --nocapture`.
//! A failing input is written to `tests/fuzz_corpus/` (named by its kind and hash): check it in
//! with the fix, so it is replayed for ever.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook::format;
use casebook::model::{Card, Deck, Mark, MarkKind};

/// Longest one input may take before it counts as a hang.
const BUDGET: Duration = Duration::from_secs(5);

/// xorshift64*: a small deterministic generator, so a failure replays from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Snippets hostile files are made of.
const SNIPPETS: &[&str] = &[
    "\r\n",
    "\r",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "../",
    "/",
    "\\",
    "\"",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "r#\"",
    "\"#",
    "\0",
    "version: 9,",
    "version: 1,",
    "id: \"x\",",
    "99999999999999999999",
    "-1",
    "Some(",
    "None",
    "((((((((((((((((",
    "DeckV1",
    "start: 3, end: 1",
    "\n\n",
];

/// One byte-level mutation of `bytes`.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len();
    match rng.below(5) {
        0 if len > 0 => {
            let i = rng.below(len);
            bytes[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(64)).min(len);
            bytes.drain(start..end);
        }
        2 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(256)).min(len);
            let chunk = bytes[start..end].to_vec();
            let at = rng.below(len);
            bytes.splice(at..at, chunk);
        }
        3 => {
            let at = rng.below(len + 1);
            bytes.splice(at..at, rng.pick(SNIPPETS).bytes());
        }
        _ => bytes.truncate(rng.below(len + 1)),
    }
}

/// One structure-aware mutation of a deck: hostile ids, marks, tags, duplicates, line endings.
fn mutate_deck(rng: &mut Rng, deck: &mut Deck) {
    let ncards = deck.card_count();
    if ncards == 0 {
        return;
    }
    let (b, c) = {
        let b = rng.below(deck.blocks.len());
        (b, rng.below(deck.blocks[b].cards.len().max(1)))
    };
    let Some(card) = deck.blocks[b].cards.get_mut(c) else { return };
    let snippet = rng.pick(SNIPPETS).to_string();
    match rng.below(9) {
        0 => card.id.push_str(&snippet),
        1 => {
            let len = card.char_len() + 2;
            let (s, e) = (rng.below(len), rng.below(len));
            let kind = *rng.pick(&MarkKind::ALL);
            card.marks.push(Mark::new(kind, s, e));
        }
        2 => card.tag = rng.pick(&["", " ", "\u{200b}", "\u{200b}\u{200d}", "ok"]).to_string(),
        3 => {
            let copy: Card = card.clone();
            deck.blocks[b].cards.push(copy);
        }
        4 => {
            const ENDINGS: [&str; 3] = ["\r\n", "\n\u{200b}", "\n"];
            let ending = ENDINGS[rng.below(ENDINGS.len())];
            card.text = card.text.replace('\n', ending);
        }
        5 => card.source.push_str(&snippet),
        6 => deck.id.push_str(&snippet),
        7 => {
            let at = rng.below(card.text.chars().count() + 1);
            let byte = card.text.char_indices().nth(at).map_or(card.text.len(), |(i, _)| i);
            card.text.insert_str(byte, &snippet);
        }
        _ => {
            let last = deck.blocks.len() - 1;
            deck.blocks.swap(0, last);
        }
    }
}

/// Runs `check` on `input`, failing (and saving the input to the corpus) on a panic or a hang.
fn guarded(kind: &str, input: &[u8], check: impl FnOnce(&[u8]) -> Result<(), String>) {
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| check(input)));
    let problem = match outcome {
        Ok(Ok(())) if start.elapsed() <= BUDGET => return,
        Ok(Ok(())) => format!("took {:?}, more than the {BUDGET:?} budget", start.elapsed()),
        Ok(Err(why)) => why,
        Err(_) => "panicked".to_owned(),
    };
    let name = format!("{kind}-{}", casebook::model::fingerprint(input).replace(':', "-"));
    let path = corpus_dir().join(&name);
    let _ = std::fs::write(&path, input);
    panic!("{kind} input {} {problem}; saved as {}: check it in with the fix", name, path.display());
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus")
}

/// Deck loader: no panic; when it loads, save → load is the same deck and the same bytes.
fn check_deck(bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    let Ok(deck) = format::parse_deck(&text, Path::new("f.deck.ron")) else { return Ok(()) };
    let saved = format::deck_to_string(&deck).map_err(|e| format!("does not encode: {e}"))?;
    let again = format::parse_deck(&saved, Path::new("f.deck.ron"))
        .map_err(|e| format!("saved form does not load: {e}"))?;
    if again != format::canonical_deck(&deck) {
        return Err("load → save → load changed the deck".into());
    }
    if format::deck_to_string(&again).ok().as_deref() != Some(saved.as_str()) {
        return Err("saving twice gave different bytes".into());
    }
    Ok(())
}

/// Session loader: as for decks.
fn check_session(bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    let Ok(session) = format::parse_session(&text, Path::new("f.session.ron")) else { return Ok(()) };
    let saved = format::session_to_string(&session).map_err(|e| format!("does not encode: {e}"))?;
    let again = format::parse_session(&saved, Path::new("f.session.ron"))
        .map_err(|e| format!("saved form does not load: {e}"))?;
    if again != format::canonical_session(&session) {
        return Err("load → save → load changed the session".into());
    }
    Ok(())
}

/// Word import: no panic, no hang; errors are fine, but what imports becomes a deck the loader
/// accepts (or is refused for having no cards).
fn check_docx(bytes: &[u8]) -> Result<(), String> {
    use casebook::docx_import::{DeckError, DeckOptions, import_docx, to_deck};
    if let Ok(doc) = import_docx(bytes) {
        match to_deck(&doc, &DeckOptions::from_file_name(Path::new("f.docx"))) {
            Ok((deck, _)) => {
                let saved = format::deck_to_string(&deck).map_err(|e| e.to_string())?;
                let again = format::parse_deck(&saved, Path::new("f.deck.ron"))
                    .map_err(|e| format!("a saved import does not load back: {e}"))?;
                if again != deck {
                    return Err("a saved import loads back different".into());
                }
            }
            Err(DeckError::NoCards(_)) => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    Ok(())
}

/// Merge of two loadable decks as both added (empty base): every card of either side survives,
/// by content (a conflicting pair keeps both, theirs under another id).
fn check_merge(ours: &Deck, theirs: &Deck) -> Result<(), String> {
    let base = Deck::empty("", "", "");
    let result = casebook::merge::merge_decks(&base, ours, theirs);
    let have: std::collections::HashSet<(&str, &str)> =
        result.deck.cards().map(|c| (c.tag.as_str(), c.text.as_str())).collect();
    for card in ours.cards().chain(theirs.cards()) {
        if !have.contains(&(card.tag.as_str(), card.text.as_str())) {
            return Err(format!("merge lost card {:?}", card.id));
        }
    }
    Ok(())
}

/// A saved merge input: our deck text, NUL, their deck text.
fn check_merge_pair(bytes: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    let Some((ours, theirs)) = text.split_once('\0') else { return Ok(()) };
    match (format::parse_deck(ours, Path::new("o")), format::parse_deck(theirs, Path::new("t"))) {
        (Ok(ours), Ok(theirs)) => check_merge(&ours, &theirs),
        _ => Ok(()),
    }
}

fn seconds() -> f64 {
    std::env::var("CASEBOOK_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1.5)
}

fn seed(salt: u64) -> Rng {
    let seed = std::env::var("CASEBOOK_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed);
    Rng((seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1)
}

/// Byte-level mutation loop over `seeds` for `check`, for the configured time.
fn byte_loop(kind: &str, seeds: &[Vec<u8>], salt: u64, check: fn(&[u8]) -> Result<(), String>) {
    let mut rng = seed(salt);
    let until = Instant::now() + Duration::from_secs_f64(seconds());
    while Instant::now() < until {
        let mut input = rng.pick(seeds).clone();
        for _ in 0..1 + rng.below(4) {
            mutate_bytes(&mut rng, &mut input);
        }
        guarded(kind, &input, check);
    }
}

fn bundled_texts() -> Vec<Vec<u8>> {
    casebook::bundled::DECK_FILES.iter().map(|(_, t)| t.as_bytes().to_vec()).collect()
}

#[test]
fn the_corpus_of_every_input_that_ever_failed_passes() {
    let mut n = 0;
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/fuzz_corpus") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let check: fn(&[u8]) -> Result<(), String> = match name.split('-').next() {
            Some("deck") => check_deck,
            Some("session") => check_session,
            Some("docx") => check_docx,
            Some("merge") => check_merge_pair,
            _ => continue,
        };
        guarded(&name, &bytes, check);
        n += 1;
    }
    assert!(n >= 10, "the corpus holds the inputs of #13");
}

#[test]
fn fuzz_deck_loader_bytes() {
    byte_loop("deck", &bundled_texts(), 1, check_deck);
}

#[test]
fn fuzz_session_loader_bytes() {
    let text = format::session_to_string(&common::session()).unwrap().into_bytes();
    byte_loop("session", &[text], 2, check_session);
}

#[test]
fn fuzz_word_import_bytes() {
    let deck = casebook::bundled::deck("asian-nato-neg-answers").unwrap();
    let docx = casebook::export::export(
        casebook::export::Format::Docx,
        casebook::export::Target::Deck(&deck),
        &casebook::export::ExportOptions { full: true, ..Default::default() },
    )
    .unwrap();
    byte_loop("docx", &[docx], 3, check_docx);
}

#[test]
fn fuzz_decks_by_structure_and_merge_them() {
    let decks: Vec<Deck> = casebook::bundled::decks().into_iter().map(|d| d.unwrap()).collect();
    let mut rng = seed(4);
    let until = Instant::now() + Duration::from_secs_f64(seconds());
    while Instant::now() < until {
        let mut deck = rng.pick(&decks).clone();
        for _ in 0..1 + rng.below(3) {
            mutate_deck(&mut rng, &mut deck);
        }
        let Ok(text) = format::deck_to_string(&deck) else { continue };
        guarded("deck", text.as_bytes(), check_deck);
        let Ok(ours) = format::parse_deck(&text, Path::new("o.deck.ron")) else { continue };
        let mut theirs = ours.clone();
        mutate_deck(&mut rng, &mut theirs);
        let theirs_text = format::deck_to_string(&theirs).unwrap_or_default();
        if let Ok(theirs) = format::parse_deck(&theirs_text, Path::new("t.deck.ron")) {
            let pair = format!("{text}\u{0}{theirs_text}");
            guarded("merge", pair.as_bytes(), |_| check_merge(&ours, &theirs));
        }
    }
}

/// One structure-aware mutation of a session: hostile deck references (absolute paths, `..`,
/// unknown bundled ids), hostile card snapshots (through [`mutate_deck`]), repeated and emptied
/// sections, extreme reading speeds and speech lengths, line endings in analytics.
fn mutate_session(rng: &mut Rng, session: &mut casebook::model::Session) {
    use casebook::model::{CaseSide, Item};
    let snippet = rng.pick(SNIPPETS).to_string();
    let side = if rng.below(2) == 0 { CaseSide::Aff } else { CaseSide::Neg };
    match rng.below(8) {
        0 => {
            if let Some(r) = session.decks.first_mut() {
                r.path = rng
                    .pick(&["/etc/shadow", "../../x.deck.ron", "bundled:../nope", "", "a\u{0}b"])
                    .to_string();
            }
        }
        1 => {
            if let Some(r) = session.decks.first_mut() {
                r.id.push_str(&snippet);
            }
        }
        2 => {
            // Mutate one card snapshot as a deck card would be.
            let case = session.case_mut(side);
            let Some(Item::Card { card, .. }) =
                case.sections.iter_mut().flat_map(|s| s.items.iter_mut()).next()
            else {
                return;
            };
            let mut deck = Deck::empty("snapshot", "Snapshot", "r");
            deck.blocks.push(casebook::model::Block::new("b", vec![card.clone()]));
            mutate_deck(rng, &mut deck);
            if let Some(changed) = deck.blocks.iter().flat_map(|b| b.cards.iter()).next() {
                *card = changed.clone();
            }
        }
        3 => {
            let case = session.case_mut(side);
            if let Some(s) = case.sections.first().cloned() {
                case.sections.push(s);
            }
        }
        4 => session.case_mut(side).sections.iter_mut().for_each(|s| s.items.clear()),
        5 => session.wpm = *rng.pick(&[0, 1, 49, 601, u32::MAX]),
        6 => session.case_mut(side).speech_seconds = *rng.pick(&[0, 1, u32::MAX]),
        _ => {
            let text = format!("line one\r\nline{snippet}two");
            if let Some(s) = session.case_mut(side).sections.first_mut() {
                s.items.push(Item::analytic(text));
            }
        }
    }
}

#[test]
fn fuzz_sessions_by_structure() {
    let (name, text) = casebook::bundled::EXAMPLE_SESSION;
    let example = format::parse_session(text, Path::new(name)).unwrap();
    let mut rng = seed(5);
    let until = Instant::now() + Duration::from_secs_f64(seconds());
    while Instant::now() < until {
        let mut session = example.clone();
        for _ in 0..1 + rng.below(3) {
            mutate_session(&mut rng, &mut session);
        }
        let Ok(text) = format::session_to_string(&session) else { continue };
        guarded("session", text.as_bytes(), check_session);
    }
}

#[test]
fn fuzz_word_import_by_structure() {
    // Structurally hostile decks (ids, marks past the text, zero-width tags, CRLF, duplicates)
    // written as Word files by the exporter, then read back.
    let decks: Vec<Deck> = casebook::bundled::decks().into_iter().map(|d| d.unwrap()).collect();
    let options = casebook::export::ExportOptions { full: true, ..Default::default() };
    let mut rng = seed(6);
    let until = Instant::now() + Duration::from_secs_f64(seconds());
    while Instant::now() < until {
        let mut deck = rng.pick(&decks).clone();
        for _ in 0..1 + rng.below(3) {
            mutate_deck(&mut rng, &mut deck);
        }
        let target = casebook::export::Target::Deck(&deck);
        let Ok(docx) = casebook::export::export(casebook::export::Format::Docx, target, &options) else {
            continue;
        };
        guarded("docx", &docx, check_docx);
    }
}
