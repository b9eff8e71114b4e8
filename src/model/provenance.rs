//! Provenance and merge state of a card: who made it, who last changed it, and whether it is one
//! of two versions a merge could not reconcile.
//!
//! Teams pass deck files around by synced folders, USB sticks, chat and git. Provenance tells a
//! teammate whose card this is; a [`Conflict`] marks the two versions of a card that two people
//! edited differently, so a merge never has to throw one away. The card's content fingerprint
//! ([`super::Card::content_fingerprint`]) is computed from its content and never stored.

use serde::{Deserialize, Serialize};

/// Who created a card and who last changed it, and when.
///
/// Names are the user's name as set once in preferences (empty when unknown, e.g. for cards
/// written before version 3 of the format). Times are RFC 3339 in UTC, e.g.
/// `"2026-11-22T19:41:07Z"`, or empty when unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Who cut the card.
    #[serde(default)]
    pub created_by: String,
    /// When the card was cut (RFC 3339 UTC or empty).
    #[serde(default)]
    pub created_at: String,
    /// Who last changed the card.
    #[serde(default)]
    pub changed_by: String,
    /// When the card was last changed (RFC 3339 UTC or empty).
    #[serde(default)]
    pub changed_at: String,
}

impl Provenance {
    /// A card just cut by `by` at `at`: created and last changed by the same person, then.
    pub fn created(by: impl Into<String>, at: impl Into<String>) -> Self {
        let (by, at) = (by.into(), at.into());
        Provenance { created_by: by.clone(), created_at: at.clone(), changed_by: by, changed_at: at }
    }

    /// Records that `by` changed the card at `at`; the creator stays. An unknown creator (a card
    /// from before provenance) is left unknown rather than guessed.
    pub fn record_change(&mut self, by: impl Into<String>, at: impl Into<String>) {
        self.changed_by = by.into();
        self.changed_at = at.into();
    }

    /// Whether nothing is known (a card written before version 3); such provenance is not saved.
    pub fn is_empty(&self) -> bool {
        *self == Provenance::default()
    }
}

/// Which side of a merge a conflicting version came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConflictSide {
    /// The version of the person merging (git's `%A`, "ours"); it keeps the card's id.
    Ours,
    /// The incoming version (git's `%B`, "theirs"); it gets a new id.
    Theirs,
}

impl ConflictSide {
    /// Lowercase name for messages.
    pub fn name(self) -> &'static str {
        match self {
            ConflictSide::Ours => "ours",
            ConflictSide::Theirs => "theirs",
        }
    }
}

/// Marks a card as one of two versions that a merge could not reconcile.
///
/// A conflicting pair is two cards in one deck that point at each other with `with`. The deck
/// stays valid; the debater keeps one version (or combines them) and clears the mark.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Id of the other version of this card, in the same deck.
    pub with: String,
    /// Which side of the merge this version came from.
    pub side: ConflictSide,
}

/// Where a card's quote was cut from: character offsets `start..end` (end exclusive) in the
/// normalised source text ([`super::verbatim::normalize_source`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CutFrom {
    /// First character of the quote in the normalised source.
    pub start: usize,
    /// One past the last character of the quote in the normalised source.
    pub end: usize,
}

/// Whether `s` looks like an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fraction of a
/// second, then `Z` or `±HH:MM` (`t`/`z`/space accepted as RFC 3339 allows).
pub fn is_rfc3339_like(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |range: std::ops::Range<usize>| b.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let num = |range: std::ops::Range<usize>| s.get(range).and_then(|d| d.parse::<u32>().ok()).unwrap_or(99);
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || !matches!(b[10], b'T' | b't' | b' ')
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    if !(1..=12).contains(&num(5..7))
        || !(1..=31).contains(&num(8..10))
        || num(11..13) > 23
        || num(14..16) > 59
        || num(17..19) > 60
    {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 9 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        "Z" | "z" => true,
        offset => {
            let o = offset.as_bytes();
            o.len() == 6
                && matches!(o[0], b'+' | b'-')
                && o[1..3].iter().all(u8::is_ascii_digit)
                && o[3] == b':'
                && o[4..6].iter().all(u8::is_ascii_digit)
                && offset[1..3].parse::<u32>().unwrap_or(99) <= 23
                && offset[4..6].parse::<u32>().unwrap_or(99) <= 59
        }
    }
}

/// The current time as [`super::calendar::rfc3339_utc`], for stamping provenance.
pub fn now_rfc3339() -> String {
    super::calendar::rfc3339_utc(std::time::SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_rfc3339() {
        assert!(is_rfc3339_like(&now_rfc3339()));
    }

    #[test]
    fn rfc3339_shapes_are_recognised() {
        for ok in ["2026-11-22T19:41:07Z", "2026-11-22t19:41:07.123z", "2026-11-22 19:41:07+09:00"] {
            assert!(is_rfc3339_like(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-11-22",
            "2026-13-22T19:41:07Z",
            "2026-11-22T25:41:07Z",
            "2026-11-22T19:41:07",
            "2026-11-22T19:41:07.Z",
            "2026-11-22T19:41:07+0900",
            "yesterday",
            "2026-11-22T19:41:07Zjunk",
        ] {
            assert!(!is_rfc3339_like(bad), "{bad}");
        }
    }

    #[test]
    fn a_change_keeps_the_creator() {
        let mut p = Provenance::created("Ana", "2026-01-01T00:00:00Z");
        p.record_change("Ben", "2026-01-02T00:00:00Z");
        assert_eq!((p.created_by.as_str(), p.changed_by.as_str()), ("Ana", "Ben"));
        assert_eq!(p.created_at, "2026-01-01T00:00:00Z");
        assert!(!p.is_empty());
        assert!(Provenance::default().is_empty());
    }
}
