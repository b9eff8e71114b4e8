//! Verbatim checks: is a card's quoted text a passage of its source, word for word?
//!
//! Whitespace is normalised (runs of spaces collapse, lines are trimmed), and every line break in
//! the source is a paragraph break, which a card writes as one blank line. Nothing else is
//! forgiven: a changed word, a dropped sentence or a moved paragraph break fails the check.

/// The source text in the form cards quote: paragraphs of single-spaced words, joined by `"\n\n"`.
pub fn normalize_source(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A card text with whitespace normalised inside each paragraph.
pub fn normalize_quote(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Where the quote starts in the normalised source (a character offset), if it is verbatim.
pub fn find_in_source(quote: &str, normalized_source: &str) -> Option<usize> {
    let quote = normalize_quote(quote);
    if quote.is_empty() {
        return None;
    }
    normalized_source.find(&quote).map(|byte| normalized_source[..byte].chars().count())
}

/// Whether `quote` is a verbatim passage of `source` (raw source text).
pub fn is_verbatim(quote: &str, source: &str) -> bool {
    find_in_source(quote, &normalize_source(source)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Title\n\nFirst  paragraph one. Sentence two. \nSecond paragraph.\n";

    #[test]
    fn whitespace_and_line_breaks_are_normalised() {
        assert!(is_verbatim("Sentence two.\n\nSecond paragraph.", SOURCE));
        assert!(is_verbatim("First paragraph one.", SOURCE));
    }

    #[test]
    fn changed_words_dropped_text_and_moved_breaks_fail() {
        assert!(!is_verbatim("First paragraph 1.", SOURCE));
        assert!(!is_verbatim("First paragraph one. Second paragraph.", SOURCE), "paragraph break lost");
        assert!(!is_verbatim("paragraph one.\n\nSentence two.", SOURCE), "break invented");
        assert!(!is_verbatim("", SOURCE));
    }
}
