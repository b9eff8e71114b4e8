//! The engine's tokenizer: words exactly as [`crate::search::words::fold`] makes them (lowercase,
//! accents folded, decomposed accents dropped, split at everything that is not a letter or
//! digit), so a query's folded words are the index's terms.

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use crate::search::words::fold_char;

/// The name the engine's text fields give their tokenizer.
pub const FOLD: &str = "casebook_fold";

/// Words longer than this many bytes are not indexed (a pasted blob without spaces is no word
/// anyone searches for, and tantivy refuses terms near 64 KB).
const MAX_WORD_BYTES: usize = 200;

/// Splits text into folded words (see the module documentation).
#[derive(Clone, Copy, Debug, Default)]
pub struct FoldTokenizer;

/// The words of one text, produced one at a time.
pub struct FoldStream<'a> {
    text: &'a str,
    /// Byte position in `text` of the next character to read.
    at: usize,
    /// Byte position of the character `folded` came from.
    char_start: usize,
    /// That character folded (one character may fold to several, even to two words).
    folded: Vec<char>,
    /// How much of `folded` is used.
    used: usize,
    scratch: String,
    token: Token,
}

impl Tokenizer for FoldTokenizer {
    type TokenStream<'a> = FoldStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldStream<'a> {
        FoldStream {
            text,
            at: 0,
            char_start: 0,
            folded: Vec::new(),
            used: 0,
            scratch: String::new(),
            token: Token::default(),
        }
    }
}

impl FoldStream<'_> {
    /// Reads the next word into the token; false at the end of the text.
    fn next_word(&mut self) -> bool {
        let mut word = String::new();
        let (mut start, mut end) = (0, 0);
        loop {
            let Some(&f) = self.folded.get(self.used) else {
                let Some(c) = self.text[self.at..].chars().next() else { break };
                self.char_start = self.at;
                self.at += c.len_utf8();
                self.scratch.clear();
                fold_char(c, &mut self.scratch);
                self.folded.clear();
                self.folded.extend(self.scratch.chars());
                self.used = 0;
                continue;
            };
            self.used += 1;
            if f == ' ' {
                if word.is_empty() {
                    continue;
                }
                break;
            }
            if word.is_empty() {
                start = self.char_start;
            }
            word.push(f);
            end = self.at;
        }
        if word.is_empty() {
            return false;
        }
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.text = word;
        true
    }
}

impl TokenStream for FoldStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if !self.next_word() {
                return false;
            }
            if self.token.text.len() <= MAX_WORD_BYTES {
                return true;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The analyzer to register under [`FOLD`].
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::from(FoldTokenizer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn tokens_are_the_folded_words_in_order() {
        for text in [
            "½ and ⅓",
            "Paweł BEHRENDT’s “Asian NATO”",
            "Erdog\u{306}an — re\u{301}sume\u{301}, ﬁnal",
            "",
            " ,, ",
            "a",
        ] {
            let want = crate::search::words::words(text);
            let got: Vec<String> = tokens(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(got, want, "{text:?}");
        }
        let positions: Vec<usize> = tokens("one two, three").into_iter().map(|(_, p)| p).collect();
        assert_eq!(positions, vec![0, 1, 2]);
    }

    #[test]
    fn a_blob_without_spaces_is_not_a_word() {
        let blob = "x".repeat(MAX_WORD_BYTES + 1);
        let got: Vec<String> = tokens(&format!("before {blob} after")).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, vec!["before", "after"]);
    }
}
