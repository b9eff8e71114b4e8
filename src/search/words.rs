//! Words as search sees them: lowercase, common Latin accents folded to ASCII ("Paweł" and
//! "pawel" are one word), split at everything that is not a letter or digit.

/// ASCII for a lowercase accented Latin letter, if it is one.
pub(crate) fn fold_accent(c: char) -> Option<&'static str> {
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
/// a space (apostrophes too: "China’s" is "china s", as the index splits it).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold_accent(c) {
            Some(ascii) => out.push_str(ascii),
            None if c.is_alphanumeric() => out.push(c),
            None => out.push(' '),
        }
    }
    out
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
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
}
