//! What of a card is read aloud, word by word: the words inside its highlights, as character
//! ranges of its text. Read mode steps through them and marks where reading stopped.

use super::{Card, MarkKind};

/// The words of `card` inside a highlight, in order, as character ranges `(start, end)` of its
/// text; a word cut by a highlight's edge counts for its highlighted part. Linear in the text
/// and the marks.
pub fn read_words(card: &Card) -> Vec<(usize, usize)> {
    let chars: Vec<char> = card.text.chars().collect();
    let highlights = card.marks.iter().filter(|m| m.kind == MarkKind::Highlight).map(|m| (m.start, m.end));
    let lit = covered(chars.len(), highlights);
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        let in_word = lit[i] && !c.is_whitespace();
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, chars.len()));
    }
    words
}

/// Which of `len` characters some range `(start, end)` covers, however the ranges overlap or
/// run past the end: one sweep over their ends, linear in `len` and the ranges.
pub fn covered(len: usize, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<bool> {
    let mut delta = vec![0i64; len + 1];
    for (start, end) in ranges {
        let (start, end) = (start.min(len), end.min(len));
        if start < end {
            delta[start] += 1;
            delta[end] -= 1;
        }
    }
    let mut depth = 0;
    delta[..len]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mark;
    use crate::model::card::sample_card;

    fn highlight(start: usize, end: usize) -> Mark {
        Mark { kind: MarkKind::Highlight, start, end, colour: Default::default() }
    }

    #[test]
    fn read_words_are_the_highlighted_words_in_order_as_they_time() {
        let card = sample_card("c");
        let words = read_words(&card);
        let text: Vec<char> = card.text.chars().collect();
        let read: Vec<String> = words.iter().map(|&(s, e)| text[s..e].iter().collect()).collect();
        assert_eq!(read.join(" "), card.highlighted_text());
        assert_eq!(words.len(), card.highlighted_words());
    }

    #[test]
    fn overlapping_marks_and_marks_past_the_end_count_each_word_once() {
        let mut card = sample_card("c");
        card.text = "one two three four".into();
        card.marks = vec![highlight(0, 7), highlight(4, 13), highlight(10, 500)];
        assert_eq!(read_words(&card), vec![(0, 3), (4, 7), (8, 13), (14, 18)]);
        card.marks = vec![highlight(5, 6)];
        assert_eq!(read_words(&card), vec![(5, 6)], "a word cut by the highlight reads its lit part");
        card.marks.clear();
        assert!(read_words(&card).is_empty());
    }
}
