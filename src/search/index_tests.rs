//! Ranking and matching of the word index on a small hand-made corpus.

use super::super::query::{Query, parse, parse_as_typed};
use super::super::ranked::search;
use super::*;

fn cards() -> [CardText<'static>; 5] {
    [
        // 0: the word only in unread text, old cite
        CardText {
            tag: "Alliances deter",
            text: "china grows bolder",
            year: Some(2015),
            ..Default::default()
        },
        // 1: the word in the tag
        CardText { tag: "China backlash", text: "tension rises", year: Some(2015), ..Default::default() },
        // 2: the word highlighted, newer
        CardText {
            tag: "Escalation",
            text: "china will respond",
            highlighted: "china",
            year: Some(2024),
            side: Side::Neg,
            ..Default::default()
        },
        // 3: only in the cite's publication
        CardText {
            tag: "Quad works",
            text: "coordination",
            cite: "China Factor",
            year: Some(2025),
            side: Side::Aff,
            ..Default::default()
        },
        // 4: the word in the text, newer than 0
        CardText { tag: "Deterrence", text: "china grows bolder", year: Some(2020), ..Default::default() },
    ]
}

fn corpus() -> Words {
    let mut index = Words::new("test deck");
    for c in &cards() {
        index.add(c);
    }
    index.finish();
    index
}

fn run(decks: &[&Words], query: &Query) -> Vec<usize> {
    search(decks, query).into_iter().map(|h| h.card).collect()
}

fn ids(index: &Words, q: &str) -> Vec<usize> {
    run(&[index], &parse(q))
}

#[test]
fn tag_beats_highlighted_beats_unread_text_and_newer_cites_win_ties() {
    let index = corpus();
    assert_eq!(ids(&index, "china"), vec![1, 2, 4, 0]);
}

#[test]
fn fields_phrases_exclusions_and_filters() {
    let index = corpus();
    assert_eq!(ids(&index, "cite:china"), vec![3]);
    assert_eq!(ids(&index, "highlighted:china"), vec![2]);
    assert_eq!(ids(&index, "tag:china"), vec![1]);
    assert_eq!(ids(&index, "\"grows bolder\""), vec![4, 0]);
    assert_eq!(ids(&index, "\"bolder grows\""), Vec::<usize>::new());
    assert_eq!(ids(&index, "china -bolder"), vec![1, 2]);
    assert_eq!(ids(&index, "china year:2016..2030"), vec![2, 4]);
    assert_eq!(ids(&index, "side:neg china"), vec![1, 2, 4, 0], "cards for either side match both");
    assert_eq!(ids(&index, "side:aff coordination"), vec![3]);
    assert_eq!(ids(&index, "side:neg coordination"), Vec::<usize>::new());
    assert_eq!(ids(&index, "nowhere"), Vec::<usize>::new());
    assert_eq!(ids(&index, "").len(), 5, "an empty query lists every card");
    let typed = |q: &str| run(&[&index], &parse_as_typed(q));
    assert_eq!(typed("chin"), vec![1, 2, 4, 0], "a word being typed matches the words it begins");
    assert_eq!(ids(&index, "chin"), Vec::<usize>::new(), "a finished word matches whole words only");
}

#[test]
fn a_library_split_into_decks_ranks_as_one_index_would() {
    let whole = corpus();
    let (mut first, mut second) = (Words::new("first"), Words::new("second"));
    for (i, c) in cards().iter().enumerate() {
        if i < 2 {
            first.add(c)
        } else {
            second.add(c)
        };
    }
    first.finish();
    second.finish();
    for q in ["china", "\"grows bolder\"", "china -bolder", "cite:china", "side:neg china", ""] {
        assert_eq!(run(&[&first, &second], &parse(q)), ids(&whole, q), "{q}");
    }
    assert_eq!(run(&[&first, &second], &parse_as_typed("chin")), vec![1, 2, 4, 0]);
    assert_eq!(run(&[&first, &second], &parse("deck:second china")), vec![2, 4]);
}

#[test]
fn an_index_read_back_from_its_stored_parts_answers_the_same() {
    let index = corpus();
    let bytes = postcard::to_allocvec(&index).unwrap();
    let mut back: Words = postcard::from_bytes(&bytes).unwrap();
    back.prepare().unwrap();
    for q in ["china", "\"grows bolder\"", "tag:china", "china year:2016..2030"] {
        assert_eq!(ids(&back, q), ids(&index, q), "{q}");
    }
    assert_eq!(run(&[&back], &parse_as_typed("chin")), vec![1, 2, 4, 0]);
}

#[test]
fn a_damaged_stored_index_is_refused_not_trusted() {
    let index = corpus();
    let mut past = postcard::from_bytes::<Words>(&postcard::to_allocvec(&index).unwrap()).unwrap();
    past.seq.push(9_999);
    assert!(past.prepare().unwrap_err().contains("past the vocabulary"));
    let mut twice = postcard::from_bytes::<Words>(&postcard::to_allocvec(&index).unwrap()).unwrap();
    let (first, second) = (twice.ends[0] as usize, twice.ends[1] as usize);
    twice.vocab = format!("{0}{0}{1}", &twice.vocab[..first], &twice.vocab[second..]);
    twice.ends[1] = (2 * first) as u32;
    let shift = (2 * first) as i64 - second as i64;
    for e in &mut twice.ends[2..] {
        *e = (*e as i64 + shift) as u32;
    }
    assert!(twice.prepare().unwrap_err().contains("twice"));
    let mut order = postcard::from_bytes::<Words>(&postcard::to_allocvec(&index).unwrap()).unwrap();
    order.docs[1].parts.swap(0, 6);
    assert!(order.prepare().is_err());
    let mut unsorted = postcard::from_bytes::<Words>(&postcard::to_allocvec(&index).unwrap()).unwrap();
    unsorted.sorted.swap(0, 1);
    assert!(unsorted.prepare().unwrap_err().contains("sorted"));
    let mut short = postcard::from_bytes::<Words>(&postcard::to_allocvec(&index).unwrap()).unwrap();
    short.seq.pop();
    assert!(short.prepare().is_err());
}
