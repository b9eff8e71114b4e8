//! Ids that may become file names, and characters a reader cannot see.
//!
//! A deck id is one safe path component: 1 to [`ID_MAX_CHARS`] characters from `A`–`Z`, `a`–`z`,
//! `0`–`9`, `-`, `_` and `.`, not starting with `.` (so never `.`, `..` or a hidden file). No `/`,
//! `\`, NUL, control or invisible characters. Decks whose id breaks this do not load.

/// The longest deck id accepted, in characters.
pub const ID_MAX_CHARS: usize = 100;

/// The name of `c` when a reader cannot see it (control, zero-width, direction and other format
/// characters); `None` for ordinary characters, spaces included.
pub fn invisible_char_name(c: char) -> Option<String> {
    let name = match c {
        '\u{200b}' => "a zero-width space",
        '\u{200c}' => "a zero-width non-joiner",
        '\u{200d}' => "a zero-width joiner",
        '\u{2060}' => "a word joiner",
        '\u{feff}' => "a zero-width no-break space (byte-order mark)",
        '\u{00ad}' => "a soft hyphen",
        '\u{200e}' | '\u{200f}' | '\u{061c}' => "a text-direction mark",
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => "a text-direction override",
        '\u{180e}' | '\u{2061}'..='\u{2064}' | '\u{034f}' | '\u{115f}' | '\u{1160}' | '\u{3164}' => {
            "an invisible character"
        }
        c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => "a control character",
        _ => return None,
    };
    Some(format!("{name} (U+{:04X})", u32::from(c)))
}

/// Whether `s` shows nothing: only whitespace and invisible characters (a tag of zero-width
/// spaces is as empty as an empty tag).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || invisible_char_name(c).is_some())
}

/// The first invisible character of `s`: its 0-based character index and name.
pub(crate) fn first_invisible(s: &str) -> Option<(usize, String)> {
    s.chars().enumerate().find_map(|(i, c)| invisible_char_name(c).map(|n| (i, n)))
}

/// Why `id` is not a safe deck id, or `Ok` when it is one (see the module documentation).
pub fn check_deck_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("the deck id is empty".into());
    }
    if let Some((at, name)) = first_invisible(id) {
        return Err(format!("the deck id contains {name} at character {}", at + 1));
    }
    let count = id.chars().count();
    if count > ID_MAX_CHARS {
        return Err(format!("the deck id is {count} characters long; at most {ID_MAX_CHARS} are allowed"));
    }
    if id.starts_with('.') {
        return Err("the deck id starts with '.'; ids are file names and may not be hidden or `..`".into());
    }
    if let Some((at, c)) =
        id.chars().enumerate().find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "the deck id has {c:?} at character {}; deck ids use only letters A-Z and a-z, digits, \
             '-', '_' and '.'",
            at + 1
        ));
    }
    Ok(())
}

/// A file-name stem for the deck `id` that is always one safe path component: the id itself
/// when it is a safe id, else its safe characters (others as `_`, at most 40) followed by `-` and
/// a hash of the whole id, so distinct ids never share a name. Append `.deck.ron` to it.
pub fn file_name_for_id(id: &str) -> String {
    if check_deck_id(id).is_ok() {
        return id.to_owned();
    }
    let safe: String = id
        .chars()
        .filter(|c| !c.is_control() && invisible_char_name(*c).is_none())
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') { c } else { '_' })
        .take(40)
        .collect();
    let hash = crate::model::fingerprint(id.as_bytes());
    let hash = hash.rsplit(':').next().unwrap_or_default();
    format!("{}{hash}", if safe.is_empty() { "deck-".to_owned() } else { format!("{safe}-") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids_pass_and_unsafe_ones_say_why() {
        for good in ["asian-nato-aff", "A_1.2", &"x".repeat(ID_MAX_CHARS)] {
            assert_eq!(check_deck_id(good), Ok(()), "{good}");
        }
        let why = |id: &str| check_deck_id(id).unwrap_err();
        assert!(why("../../x").contains("starts with '.'"));
        assert!(why("a/b").contains("'/' at character 2"));
        assert!(why("a\\b").contains("'\\\\' at character 2"));
        assert!(why("a\0b").contains("control character (U+0000) at character 2"));
        assert!(why("ab\u{200b}").contains("zero-width space (U+200B) at character 3"));
        assert!(why(&"x".repeat(ID_MAX_CHARS + 1)).contains("at most 100"));
        assert!(why("").contains("empty"));
    }

    #[test]
    fn file_names_from_ids_are_one_safe_component_and_distinct() {
        assert_eq!(file_name_for_id("asian-nato-aff"), "asian-nato-aff");
        let hostile = ["../../../somewhere/pwned", "..", ".", "a/b", "a\\b", "\0", "\u{202e}x", "", "é"];
        let mut seen = std::collections::HashSet::new();
        for id in hostile {
            let name = file_name_for_id(id);
            assert_eq!(check_deck_id(&name), Ok(()), "{id:?} -> {name:?}");
            assert!(seen.insert(name), "{id:?} shares a name");
        }
        assert!(file_name_for_id(&"y/".repeat(500)).len() < 80);
    }

    #[test]
    fn zero_width_only_text_is_blank() {
        assert!(is_blank("\u{200b}\u{200d} \u{feff}"));
        assert!(!is_blank("a\u{200b}"));
    }
}
