//! Ranking and matching of the word index on a small hand-made corpus.

use super::super::query::parse;
use super::*;

fn corpus() -> WordIndex {
    let mut index = WordIndex::default();
    let cards = [
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
    ];
    for c in &cards {
        index.add(c);
    }
    index
}

fn ids(index: &WordIndex, q: &str) -> Vec<usize> {
    index.search(&parse(q)).into_iter().map(|h| h.card).collect()
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
    let typed = |q: &str| -> Vec<usize> {
        index.search(&super::super::query::parse_as_typed(q)).into_iter().map(|h| h.card).collect()
    };
    assert_eq!(typed("chin"), vec![1, 2, 4, 0], "a word being typed matches the words it begins");
    assert_eq!(ids(&index, "chin"), Vec::<usize>::new(), "a finished word matches whole words only");
}
