//! What a deck keeps around its cards, as a Verbatim file does: the Pocket and Hat headings above
//! its blocks, and the debater's own lines (analytics, undertags, loose text) among a block's cards.

use serde::{Deserialize, Serialize};

use super::Mark;

/// The two heading levels above a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HeadingLevel {
    /// Verbatim's Pocket (Heading 1): the largest division, e.g. "1NC" or "Aff – Asian NATO".
    Pocket,
    /// Verbatim's Hat (Heading 2): a group of blocks, e.g. "Case" or "Off-case".
    Hat,
}

/// A Pocket or Hat heading that opens just before a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// Pocket or Hat.
    pub level: HeadingLevel,
    /// The heading as written.
    pub title: String,
}

/// What kind of line an aside is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AsideKind {
    /// The debater's own argument (Verbatim's Analytic style, or a tag with no cite or text).
    Analytic,
    /// A note under a tag or block (Verbatim's Undertag style).
    Undertag,
    /// Any other paragraph outside a card (e.g. a line under a block heading).
    Text,
}

impl AsideKind {
    /// Lowercase name used in card JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            AsideKind::Analytic => "analytic",
            AsideKind::Undertag => "undertag",
            AsideKind::Text => "text",
        }
    }
}

/// A line of the debater's own among a block's cards: never evidence, never a card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aside {
    /// The index of the card it stands before (the number of cards: after the last).
    pub before: usize,
    /// Analytic, undertag or text.
    pub kind: AsideKind,
    /// The line as written.
    pub text: String,
    /// Underline, highlight and emphasis over `text`, as on a card.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

impl Aside {
    /// An aside of `kind` with no marks, before card `before`.
    pub fn new(before: usize, kind: AsideKind, text: impl Into<String>) -> Self {
        Aside { before, kind, text: text.into(), marks: Vec::new() }
    }
}

/// Keeps asides in place when a card is inserted at `index`: the first `take` of the asides now
/// standing before `index` stand before the new card, the rest before the card they stood before.
/// With [`shift_for_removal`] this makes card insertion and removal exact inverses.
pub fn shift_for_insertion(asides: &mut [Aside], index: usize, take: usize) {
    let mut seen = 0;
    for a in asides.iter_mut() {
        if a.before == index {
            if seen >= take {
                a.before += 1;
            }
            seen += 1;
        } else if a.before > index {
            a.before += 1;
        }
    }
}

/// Keeps asides in place when the card at `index` is removed: those before it now stand before
/// the card that followed it. Returns how many stood before the removed card, for the inverse.
pub fn shift_for_removal(asides: &mut [Aside], index: usize) -> usize {
    let mut own = 0;
    for a in asides.iter_mut() {
        if a.before == index {
            own += 1;
        } else if a.before > index {
            a.before -= 1;
        }
    }
    own
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(asides: &[Aside]) -> Vec<(usize, &str)> {
        asides.iter().map(|a| (a.before, a.text.as_str())).collect()
    }

    #[test]
    fn removal_then_insertion_with_its_count_puts_every_aside_back() {
        let original = vec![
            Aside::new(0, AsideKind::Text, "a"),
            Aside::new(1, AsideKind::Analytic, "b"),
            Aside::new(1, AsideKind::Analytic, "c"),
            Aside::new(2, AsideKind::Undertag, "d"),
            Aside::new(3, AsideKind::Analytic, "e"),
        ];
        for index in 0..3 {
            let mut asides = original.clone();
            let own = shift_for_removal(&mut asides, index);
            shift_for_insertion(&mut asides, index, own);
            assert_eq!(positions(&asides), positions(&original), "card {index}");
        }
        for (index, take) in [(0, 0), (0, 1), (1, 2), (3, 1)] {
            let mut asides = original.clone();
            shift_for_insertion(&mut asides, index, take);
            shift_for_removal(&mut asides, index);
            assert_eq!(positions(&asides), positions(&original), "insert at {index} taking {take}");
        }
    }
}
