//! A realistic library of Word files for the scale benchmark (#22, point 6): Verbatim-style
//! .docx files written by Casebook's own exporter in nested `season-YYYY-YY/tournament-NN/`
//! folders, each named from the same ~12 debate file names (`1NC.docx`, `2AC Blocks.docx`,
//! `K.docx`, …) so names clash in every tournament, each of 100–400 cards.
//!
//! The cards are made from real text: the tags, cite lines and texts of the bundled decks and,
//! when `CASEBOOK_VERBATIM_DOCS` names a folder (else `../shared/verbatim-docs` when there), the
//! cards of its Word files. Each card is varied so no two are byte copies: its sentences are
//! shuffled and mixed with another card's, about one word in ten is swapped for a word drawn
//! from the same texts, its cite gets another author and year, and its length is drawn from the
//! real cards' lengths. Underline and highlight are recomputed on word boundaries of the new
//! text. The exporter's package is deflated as Word's are. Everything follows from a fixed seed:
//! the same size gives the same files.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use casebook::docx_import::{DeckOptions, import_word_file};
use casebook::export::{ExportOptions, Format, Target, export};
use casebook::model::{Block, Card, CiteLine, Deck, Mark, MarkKind, Side};

/// The debate file names reused in every tournament folder.
const FILE_NAMES: [&str; 12] =
    ["1NC", "2NC", "1NR", "2NR", "1AC", "2AC Blocks", "1AR", "K", "CP", "DA", "T", "Case Neg"];

/// Block titles a file's cards are grouped under.
const BLOCKS: [&str; 8] =
    ["Uniqueness", "Links", "Impacts", "A2: Perm", "Internal Links", "Framing", "Solvency", "Extensions"];

/// Tournament folders per season.
const TOURNAMENTS: usize = 12;

/// A small deterministic PRNG (xorshift64*), so the library needs no crate.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value; mixed so near seeds diverge at once).
    pub fn new(seed: u64) -> Self {
        Rng((seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One real card the library's cards are varied from.
struct Seed {
    tag: String,
    cite: String,
    sentences: Vec<String>,
    side: Side,
}

/// The real text the library is made from: cards, a word pool, author names, card lengths.
pub struct Seeds {
    cards: Vec<Seed>,
    words: Vec<String>,
    names: Vec<String>,
    lengths: Vec<usize>,
}

/// Sentences of a card text (split after `. `, `? `, `! ` and at paragraph breaks).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let mut rest = para.trim();
        while !rest.is_empty() {
            let cut = ['.', '?', '!']
                .iter()
                .filter_map(|p| rest.find(&format!("{p} ")).map(|i| i + 1))
                .min()
                .unwrap_or(rest.len());
            out.push(rest[..cut].trim().to_owned());
            rest = rest[cut..].trim_start();
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

impl Seeds {
    /// The bundled decks' cards and those of the Word files in `CASEBOOK_VERBATIM_DOCS` (or the
    /// shared Verbatim folder beside the repository), with how many Word files were read.
    pub fn load() -> (Seeds, usize) {
        let mut decks: Vec<Deck> = casebook::bundled::decks().into_iter().filter_map(Result::ok).collect();
        let folder = std::env::var_os("CASEBOOK_VERBATIM_DOCS")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/verbatim-docs"));
        let mut word_files = 0;
        let mut paths: Vec<PathBuf> =
            std::fs::read_dir(&folder).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        paths.sort();
        for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"))) {
            if let Ok(w) = import_word_file(path, &DeckOptions::from_file_name(path)) {
                decks.push(w.deck);
                word_files += 1;
            }
        }
        let mut seeds =
            Seeds { cards: Vec::new(), words: Vec::new(), names: Vec::new(), lengths: Vec::new() };
        for deck in &decks {
            for card in deck.cards() {
                let cite = match &card.cite_line {
                    Some(line) => line.text.clone(),
                    None => casebook::export::cite::card_cite(card, deck.source(&card.source)).line(),
                };
                let sentences = sentences(&card.text);
                if sentences.is_empty() || card.tag.trim().is_empty() {
                    continue;
                }
                seeds.lengths.push(card.text.chars().count());
                if let Some(name) =
                    cite.split_whitespace().next().filter(|n| n.chars().all(char::is_alphabetic))
                {
                    seeds.names.push(name.to_owned());
                }
                let words = card
                    .text
                    .split_whitespace()
                    .filter(|w| w.len() > 3 && w.chars().all(char::is_alphabetic));
                seeds.words.extend(words.map(str::to_owned));
                seeds.cards.push(Seed { tag: card.tag.clone(), cite, sentences, side: card.side });
            }
        }
        for list in [&mut seeds.words, &mut seeds.names] {
            list.sort();
            list.dedup();
        }
        assert!(!seeds.cards.is_empty() && !seeds.names.is_empty(), "no real cards to vary");
        (seeds, word_files)
    }

    /// How many real cards the library is varied from.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    /// The real cards' text lengths in characters: median and mean.
    pub fn lengths(&self) -> (usize, usize) {
        let mut sorted = self.lengths.clone();
        sorted.sort();
        (sorted[sorted.len() / 2], sorted.iter().sum::<usize>() / sorted.len())
    }

    /// `s` with about one word in ten swapped for one of the pool.
    fn swap_words(&self, s: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(s.len() + 16);
        for (i, w) in s.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let plain = w.len() > 3 && w.chars().all(char::is_alphabetic);
            match plain && rng.below(10) == 0 {
                true => out.push_str(&self.words[rng.below(self.words.len())]),
                false => out.push_str(w),
            }
        }
        out
    }

    /// Card number `n` of the library, varied from real card `n % len` (or, with `salt`, others).
    pub fn card(&self, n: u64, salt: u64) -> Card {
        let mut rng = Rng::new(n ^ salt.rotate_left(32));
        let seed = &self.cards[(n as usize + salt as usize) % self.cards.len()];
        let other = &self.cards[rng.below(self.cards.len())];
        let target = self.lengths[rng.below(self.lengths.len())].max(80);
        // Sentences of the card and of another, shuffled, until the drawn length is reached.
        let mut pool: Vec<&String> = seed.sentences.iter().chain(&other.sentences).collect();
        for i in (1..pool.len()).rev() {
            pool.swap(i, rng.below(i + 1));
        }
        let mut text = String::with_capacity(target + 200);
        let mut in_para = 0;
        while text.len() < target {
            let sentence = self.swap_words(pool[rng.below(pool.len())], &mut rng);
            if !text.is_empty() {
                text.push_str(if in_para >= 4 && rng.below(3) == 0 { "\n\n" } else { " " });
            }
            in_para = if text.ends_with('\n') { 0 } else { in_para + 1 };
            text.push_str(&sentence);
        }
        // One more word swapped in every card, so a short card of one sentence is varied too.
        let plain: Vec<usize> = (text.match_indices(' ').map(|(i, _)| i + 1))
            .filter(|&i| {
                text[i..].split(' ').next().is_some_and(|w| w.len() > 3 && w.chars().all(char::is_alphabetic))
            })
            .collect();
        if !plain.is_empty() {
            let at = plain[rng.below(plain.len())];
            let end = text[at..].find(' ').map_or(text.len(), |e| at + e);
            text.replace_range(at..end, &self.words[rng.below(self.words.len())]);
        }
        let tag = self.swap_words(&seed.tag, &mut rng);
        let name = &self.names[rng.below(self.names.len())];
        let short = format!("{name} {:02}", (rng.below(30) + 96) % 100);
        let rest =
            seed.cite.split_once(' ').map(|(_, r)| r.split_once(' ').map_or(r, |(_, r)| r)).unwrap_or("");
        let cite = format!("{short} {rest}, p. {}", rng.below(400) + 1).trim().to_owned();
        let side = if rng.below(4) == 0 { Side::Either } else { seed.side };
        let mut card = Card::new(format!("c{n}"), tag, side, "", text);
        card.marks = marks(&card.text, &mut rng);
        card.cite_line =
            Some(CiteLine { text: cite, bold: vec![(0, short.chars().count())], marks: Vec::new() });
        card
    }
}

/// Underlined runs of 3–12 words with highlighted runs of 1–4 words inside, on word boundaries,
/// never across a paragraph break; offsets in characters.
fn marks(text: &str, rng: &mut Rng) -> Vec<Mark> {
    // Words as (start, end, paragraph), in characters.
    let mut words = Vec::new();
    let (mut start, mut para, mut prev_newline) = (None, 0, false);
    for (i, c) in text.chars().chain([' ']).enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, i, para));
                start = None;
            }
            _ => {}
        }
        if c == '\n' && prev_newline {
            para += 1;
        }
        prev_newline = c == '\n';
    }
    let mut marks = Vec::new();
    let mut i = rng.below(6);
    while i < words.len() {
        let mut end = (i + 3 + rng.below(10)).min(words.len());
        end = (i..end).take_while(|&j| words[j].2 == words[i].2).last().map_or(i + 1, |j| j + 1);
        marks.push(Mark::new(MarkKind::Underline, words[i].0, words[end - 1].1));
        let mut h = i + rng.below(3);
        while h < end {
            let h_end = (h + 1 + rng.below(4)).min(end);
            marks.push(Mark::new(MarkKind::Highlight, words[h].0, words[h_end - 1].1));
            h = h_end + 1 + rng.below(4);
        }
        i = end + 2 + rng.below(9);
    }
    marks.sort();
    marks
}

/// One Word file of the library: where it goes, its first card's number and its card count.
#[derive(Clone, Debug)]
pub struct FilePlan {
    /// Its path relative to the library folder.
    pub path: PathBuf,
    /// The library number of its first card.
    pub first: u64,
    /// Its cards.
    pub cards: usize,
}

/// The files of a library of `n` cards: 100–400 cards each (drawn per file), named from
/// [`FILE_NAMES`] in `season-YYYY-YY/tournament-NN/` folders, newest season first.
pub fn plan(n: usize) -> Vec<FilePlan> {
    let mut files = Vec::new();
    let mut first = 0;
    while first < n {
        let i = files.len();
        let cards = (100 + Rng::new(i as u64 ^ 0xF11E).below(301)).min(n - first);
        let (tournament, name) = (i / FILE_NAMES.len(), FILE_NAMES[i % FILE_NAMES.len()]);
        let year = 2024 - (tournament / TOURNAMENTS) as i64;
        let path = PathBuf::from(format!("season-{year}-{:02}", (year + 1).rem_euclid(100)))
            .join(format!("tournament-{:02}", tournament % TOURNAMENTS + 1))
            .join(format!("{name}.docx"));
        files.push(FilePlan { path, first: first as u64, cards });
        first += cards;
    }
    files
}

/// The deck of one planned file: its cards in blocks of 10–30.
pub fn deck(seeds: &Seeds, file: &FilePlan, salt: u64) -> Deck {
    let title = file.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut deck =
        Deck::empty(format!("f{}-{salt}", file.first), title, "Resolved: the library is realistic.");
    let mut rng = Rng::new(file.first ^ 0xB10C ^ salt);
    let mut n = file.first;
    let end = file.first + file.cards as u64;
    while n < end {
        let take = (10 + rng.below(21) as u64).min(end - n);
        let cards = (n..n + take).map(|k| seeds.card(k, salt)).collect();
        deck.blocks.push(Block::new(BLOCKS[rng.below(BLOCKS.len())], cards));
        n += take;
    }
    deck
}

/// The .docx package `stored` (Casebook's exporter stores its entries) with every entry deflated,
/// as Word writes them: the files have a Word file's size, and reading them costs the inflating.
fn deflated(stored: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut archive = zip::ZipArchive::new(Cursor::new(stored)).expect("the exporter's package");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let mut entry = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        entry.clear();
        file.read_to_end(&mut entry).expect("entry read");
        out.start_file(file.name().expect("an entry name").into_owned(), options).expect("entry started");
        out.write_all(&entry).expect("entry written");
    }
    out.finish().expect("package finished").into_inner()
}

/// Writes `deck` as a .docx at `path` (folders made), and its cards as one text file at
/// `text_path` (one card a line: tag, cite and text, tab-separated), the same text for rg;
/// the bytes of each.
pub fn write_file(deck: &Deck, path: &Path, text_path: &Path) -> (u64, u64) {
    let options = ExportOptions { full: true, ..ExportOptions::default() };
    let bytes = deflated(&export(Format::Docx, Target::Deck(deck), &options).expect("exported"));
    for p in [path, text_path] {
        std::fs::create_dir_all(p.parent().expect("in a folder")).expect("folder made");
    }
    std::fs::write(path, &bytes).expect("Word file written");
    let mut text = String::new();
    for card in deck.cards() {
        let cite = card.cite_line.as_ref().map_or("", |c| c.text.as_str());
        let line = format!("{}\t{cite}\t{}", card.tag, card.text);
        text.push_str(&line.replace(['\n', '\r'], " "));
        text.push('\n');
    }
    std::fs::write(text_path, &text).expect("text written");
    (bytes.len() as u64, text.len() as u64)
}

/// Writes the library of `files` under `library` (Word files) and `text` (the same cards as
/// text), one writer per core; the bytes of Word files and of text written.
pub fn write_library(seeds: &Seeds, files: &[FilePlan], library: &Path, text: &Path) -> (u64, u64) {
    let next = AtomicUsize::new(0);
    let (bytes, text_bytes) = (AtomicU64::new(0), AtomicU64::new(0));
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let text_path = text.join(&file.path).with_extension("txt");
                    let (b, t) = write_file(&deck(seeds, file, 0), &library.join(&file.path), &text_path);
                    bytes.fetch_add(b, Ordering::Relaxed);
                    text_bytes.fetch_add(t, Ordering::Relaxed);
                }
            });
        }
    });
    (bytes.into_inner(), text_bytes.into_inner())
}
