//! The index cache: a written segment reads back and answers the same; damaged, foreign or
//! old-layout cache files are refused with a reason; an unwritable folder is an error message.

use super::*;
use crate::search::{Filter, LibraryIndex};
use std::sync::Arc;

fn deck() -> crate::model::Deck {
    crate::bundled::deck("asian-nato-neg").expect("bundled deck")
}

fn key(path: &Path) -> FileKey {
    FileKey::new(path, 10, Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(5)), 42)
}

fn hits(segment: Segment, query: &str) -> Vec<crate::search::CardPos> {
    LibraryIndex::of_segments(vec![Arc::new(segment)])
        .filter(&Filter { query: query.into(), ..Filter::default() })
}

#[test]
fn a_written_segment_reads_back_with_its_key_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let cache = IndexCache::at(dir.path().join("cache"));
    let file = dir.path().join("neg.deck.ron");
    assert!(matches!(cache.read(&file), Cached::Missing));
    cache.write(&file, &key(&file), &Segment::of_deck(&deck())).unwrap();
    let Cached::Found(found, segment) = cache.read(&file) else { panic!("not found") };
    assert_eq!(found, key(&file));
    assert!(found.same_stamp(&file, 10, Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(5))));
    assert!(!found.same_stamp(&file, 11, Some(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(5))));
    assert!(!found.same_stamp(&file, 10, None), "without a time nothing is taken as unchanged");
    for q in ["seato", "\"collective defense\"", "tag:china", "side:neg alliance"] {
        assert_eq!(hits(*segment_clone(&cache, &file), q), hits(Segment::of_deck(&deck()), q), "{q}");
    }
    assert_eq!(segment.cards.len(), deck().card_count());
    assert!(matches!(cache.read(&dir.path().join("other.deck.ron")), Cached::Missing));
}

fn segment_clone(cache: &IndexCache, file: &Path) -> Box<Segment> {
    match cache.read(file) {
        Cached::Found(_, s) => s,
        _ => panic!("not found"),
    }
}

#[test]
fn damaged_foreign_and_old_layout_cache_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let cache = IndexCache::at(dir.path());
    let file = dir.path().join("neg.deck.ron");
    cache.write(&file, &key(&file), &Segment::of_deck(&deck())).unwrap();
    let entry = cache.entry_path(&file);
    let good = std::fs::read(&entry).unwrap();
    let refused = |bytes: &[u8]| -> String {
        std::fs::write(&entry, bytes).unwrap();
        match cache.read(&file) {
            Cached::Refused(why) => why,
            Cached::Found(..) => panic!("a damaged cache file was trusted"),
            Cached::Missing => panic!("a damaged cache file was taken as missing"),
        }
    };
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    assert!(refused(&flipped).contains("checksum"));
    assert!(refused(&good[..good.len() - 7]).contains("cut short"));
    assert!(refused(&good[..5]).contains("cut short"));
    let mut old = good.clone();
    old[8..12].copy_from_slice(&(VERSION + 1).to_le_bytes());
    assert!(refused(&old).contains("layout"));
    assert!(refused(b"(version: 4, id: \"deck\")").contains("not a Casebook index"));
    assert!(refused(&[]).contains("cut short"));
    // A payload that passes the checksum but does not decode, or decodes inconsistent.
    let mut garbage = good[..HEADER].to_vec();
    let payload = vec![0xff; 64];
    garbage[12..20].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    garbage[20..28].copy_from_slice(&content_hash(&payload).to_le_bytes());
    garbage.extend_from_slice(&payload);
    assert!(refused(&garbage).contains("damaged"));
    // Rewritten, it is trusted again.
    cache.write(&file, &key(&file), &Segment::of_deck(&deck())).unwrap();
    assert!(matches!(cache.read(&file), Cached::Found(..)));
}

#[test]
fn an_inconsistent_segment_that_passes_the_checksum_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cache = IndexCache::at(dir.path());
    let file = dir.path().join("neg.deck.ron");
    let mut segment = Segment::of_deck(&deck());
    segment.cards.pop();
    cache.write(&file, &key(&file), &segment).unwrap();
    let Cached::Refused(why) = cache.read(&file) else { panic!("trusted") };
    assert!(why.contains("inconsistent"), "{why}");
}

#[cfg(unix)]
#[test]
fn a_cache_folder_that_cannot_be_written_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the cache folder should be: it cannot be created, even by root.
    let blocked = dir.path().join("cache");
    std::fs::write(&blocked, "not a folder").unwrap();
    let cache = IndexCache::at(blocked.join("library"));
    let file = dir.path().join("neg.deck.ron");
    let why = cache.write(&file, &key(&file), &Segment::of_deck(&deck())).unwrap_err();
    assert!(why.contains("cannot write the index cache in") && why.contains("library"), "{why}");
    assert!(matches!(cache.read(&file), Cached::Missing | Cached::Refused(_)));
}
