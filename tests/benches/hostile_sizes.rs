//! Hostile-size benchmark (#13.9): each input shape that used to take quadratic time, measured at
//! two sizes. The printed ratio is time(large) / time(small); linear work gives about the size
//! ratio, quadratic work its square. Run with `cargo bench --bench hostile_sizes`; the README's
//! "Files" section quotes the figures.

use std::path::Path;
use std::time::{Duration, Instant};

use casebook::export::{ExportOptions, Format, Target};
use casebook::format;
use casebook::model::{
    Block, Card, Deck, DeckRef, Item, Mark, MarkKind, Section, SectionKind, Session, Source,
};

fn base_card() -> (Card, Source) {
    let deck = casebook::bundled::deck("asian-nato-aff").expect("bundled");
    let card = deck.cards().next().expect("a card").clone();
    let source = deck.source(&card.source).expect("its source").clone();
    (card, source)
}

/// One card of `n` highlight marks, one per other character.
fn many_marks(n: usize) -> Deck {
    let (mut card, source) = base_card();
    card.text = "ab".repeat(n);
    card.marks = (0..n).map(|i| Mark::new(MarkKind::Highlight, 2 * i, 2 * i + 1)).collect();
    Deck { sources: vec![source], blocks: vec![Block::new("B", vec![card])], ..deck("marks") }
}

fn deck(id: &str) -> Deck {
    Deck::empty(id, "Bench", casebook::model::RESOLUTION)
}

/// `n` cards (each with its own source when `own_sources`), as a deck.
fn many_cards(n: usize, own_sources: bool, empty_tags: bool) -> Deck {
    let (card, source) = base_card();
    let mut d = deck("cards");
    let cards = (0..n)
        .map(|i| {
            let mut c = card.clone();
            c.id = format!("c{i}");
            if own_sources {
                c.source = format!("s{i}");
            }
            if empty_tags {
                c.tag = String::new();
            }
            c
        })
        .collect();
    d.sources = if own_sources {
        (0..n).map(|i| Source { id: format!("s{i}"), ..source.clone() }).collect()
    } else {
        vec![source]
    };
    d.blocks = vec![Block::new("B", cards)];
    d
}

fn time(f: impl Fn()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn report(shape: &str, small: usize, large: usize, f: impl Fn(usize)) {
    let (a, b) = (time(|| f(small)), time(|| f(large)));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
    println!(
        "{shape}: {small} → {large} ({}x): {:.3} s → {:.3} s, ratio {ratio:.1}",
        large / small,
        a.as_secs_f64(),
        b.as_secs_f64()
    );
}

fn export(format: Format, d: &Deck) {
    let options = ExportOptions { full: true, ..ExportOptions::default() };
    casebook::export::export(format, Target::Deck(d), &options).expect("export");
}

/// A session of `items` card items drawing on a deck file of `cards` cards, checked by `validate`.
fn validate_session(dir: &Path, cards: usize, items: usize) {
    let mut big = many_cards(cards, false, false);
    for c in big.blocks.iter_mut().flat_map(|b| b.cards.iter_mut()) {
        (c.text, c.marks, c.labels, c.note, c.tag) =
            ("Short.".into(), Vec::new(), Vec::new(), None, "T".into());
    }
    big.sources[0].authors.clear();
    format::save_deck(&big, &dir.join("big.deck.ron")).expect("save deck");
    let mut s = Session::new(casebook::model::RESOLUTION);
    s.decks.push(DeckRef { path: "big.deck.ron".into(), id: big.id.clone(), fingerprint: String::new() });
    let mut section = Section::new("C1", SectionKind::Contention);
    let cards: Vec<&Card> = big.cards().collect();
    for i in 0..items {
        let card = cards[(i * 7919) % cards.len()].clone();
        section.items.push(Item::Card { deck: big.id.clone(), source: big.sources[0].clone(), card });
    }
    s.aff.sections.push(section);
    let path = dir.join("s.session.ron");
    format::save_session(&s, &path).expect("save session");
    let command = casebook::cli::Command::Validate { paths: vec![path], lint: false };
    let code = casebook::cli::run(command, &mut std::io::sink(), &mut std::io::sink());
    assert_eq!(code, 0, "the bench session validates");
}

fn main() {
    let dir = tempfile::tempdir().expect("temp folder");
    report("one card, many marks: export JSON", 10_000, 40_000, |n| export(Format::Json, &many_marks(n)));
    report("one card, many marks: export HTML", 10_000, 40_000, |n| export(Format::Html, &many_marks(n)));
    report("many empty tags: validate", 2_500, 10_000, |n| {
        let text = format::deck_to_string(&many_cards(n, false, true)).expect("encode");
        assert!(format::parse_deck(&text, Path::new("b.deck.ron")).is_err());
    });
    report("many sources: export JSON", 10_000, 50_000, |n| {
        export(Format::Json, &many_cards(n, true, false))
    });
    report("session items over a 20,000-card deck: validate", 1_000, 10_000, |n| {
        validate_session(dir.path(), 20_000, n)
    });
}
