//! Words as search sees them: lowercase, common Latin accents folded to ASCII ("Paweł" and
//! "pawel" are one word), split at everything that is not a letter or digit.

/// ASCII for a lowercase accented Latin letter, if it is one.
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ą' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ę' | 'ě' | 'ē' => "e",
        'ì'..='ï' | 'ī' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ő' | 'ō' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù'..='ü' | 'ů' | 'ű' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// `text` lowercased with accents folded; every character that is not a letter or digit becomes
/// a space (apostrophes too: "China’s" is "china s", as the index splits it). Decomposed text
/// folds as composed text does: "e" followed by a combining acute accent is "e", one word.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Appends `c` folded to `out`: lowercase ASCII letters and digits as they are, common Latin
/// letters from the table, any other letter through its compatibility decomposition (NFKD) with
/// the combining marks dropped ("ğ", "ș", "ė", and "ﬁ" as "fi"); a combining mark alone adds
/// nothing (so a decomposed accent does not split its word), anything else a space. The one
/// folding shared by the query words and the search engine's tokenizer.
pub fn fold_char(c: char, out: &mut String) {
    // Most text is ASCII: no case tables, no accent table.
    if c.is_ascii() {
        out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
        return;
    }
    if unicode_normalization::char::is_combining_mark(c) {
        return;
    }
    for c in c.to_lowercase() {
        if let Some(ascii) = fold_accent(c) {
            out.push_str(ascii);
            continue;
        }
        let mut any = false;
        unicode_normalization::char::decompose_compatible(c, |d| {
            any = true;
            if unicode_normalization::char::is_combining_mark(d) {
                return;
            }
            for d in d.to_lowercase() {
                match d {
                    d if d.is_ascii() => out.push(if d.is_ascii_alphanumeric() { d } else { ' ' }),
                    d if d.is_alphanumeric() => out.push(d),
                    _ => out.push(' '),
                }
            }
        });
        if !any {
            out.push(if c.is_alphanumeric() { c } else { ' ' });
        }
    }
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

/// The character ranges of `text`'s words that are one of `wanted` (folded words), for showing
/// a search's matches; with `prefix`, a word beginning with the last wanted word matches too.
pub fn match_ranges(text: &str, wanted: &[String], prefix: bool) -> Vec<(usize, usize)> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = None;
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
    for i in 0..=chars.len() {
        let inside = chars.get(i).is_some_and(|&c| is_word(c));
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word: String = fold(&chars[s..i].iter().collect::<String>()).split_whitespace().collect();
                let last = wanted.len() - 1;
                let hit = wanted
                    .iter()
                    .enumerate()
                    .any(|(k, w)| *w == word || (prefix && k == last && word.starts_with(w.as_str())));
                if hit {
                    out.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(words("Paweł BEHRENDT’s “Asian NATO”"), vec!["pawel", "behrendt", "s", "asian", "nato"]);
        assert_eq!(words("Ñandú 2019-2024"), vec!["nandu", "2019", "2024"]);
        assert!(words("  —  ").is_empty());
    }

    #[test]
    fn letters_outside_the_table_and_decomposed_accents_fold_too() {
        assert_eq!(words("Erdoğan București Țară Lietuvė"), vec!["erdogan", "bucuresti", "tara", "lietuve"]);
        // The same words typed with combining marks (NFD), as macOS and some PDFs give them.
        assert_eq!(
            words("Erdog\u{306}an Bucures\u{326}ti re\u{301}sume\u{301}"),
            vec!["erdogan", "bucuresti", "resume"]
        );
        assert_eq!(words("ﬁnal ＮＡＴＯ"), vec!["final", "nato"]);
        assert_eq!(fold("Ñandú"), fold("N\u{303}andu\u{301}"));
    }

    #[test]
    fn matches_are_found_as_whole_words_ignoring_case_and_accents() {
        let wanted = vec!["china".to_owned(), "pawel".to_owned()];
        assert_eq!(match_ranges("China’s Paweł, not Chinatown", &wanted, false), vec![(0, 5), (8, 13)]);
        let typed = vec!["chin".to_owned()];
        assert_eq!(match_ranges("China’s Chinatown", &typed, true), vec![(0, 5), (8, 17)]);
        assert!(match_ranges("anything", &[], true).is_empty());
    }
}
