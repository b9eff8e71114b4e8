//! Clash: what a card (or a block of answers) answers, and how. An argument is another card, a
//! block, or a named argument label ("taiwan trap"); a link says how the answer meets it.

use serde::{Deserialize, Serialize};

/// How an answer meets the argument it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AnswerHow {
    /// Says the argument is false.
    Denies,
    /// Says the argument helps the other side.
    Turns,
    /// Grants it and says something else matters more.
    Outweighs,
    /// Grants some of it and says it matters less.
    Mitigates,
    /// Says the plan does not cause what the argument claims.
    NoLink,
}

impl AnswerHow {
    /// Every way, for menus.
    pub const ALL: [AnswerHow; 5] =
        [AnswerHow::Denies, AnswerHow::Turns, AnswerHow::Outweighs, AnswerHow::Mitigates, AnswerHow::NoLink];

    /// The word debaters use ("no link").
    pub fn name(self) -> &'static str {
        match self {
            AnswerHow::Denies => "denies",
            AnswerHow::Turns => "turns",
            AnswerHow::Outweighs => "outweighs",
            AnswerHow::Mitigates => "mitigates",
            AnswerHow::NoLink => "no link",
        }
    }
}

/// The argument an answer answers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AnswerTarget {
    /// A card, by its deck's id and its own.
    Card {
        /// The deck's id.
        deck: String,
        /// The card's id.
        card: String,
    },
    /// A block, by its deck's id and its heading.
    Block {
        /// The deck's id.
        deck: String,
        /// The block's heading.
        title: String,
    },
    /// A named argument, matched against cards' labels (lowercase).
    Label(String),
}

impl AnswerTarget {
    /// What exports and lists call it: the label, the block's heading, or `deck/card`.
    pub fn describe(&self) -> String {
        match self {
            AnswerTarget::Card { deck, card } => format!("{deck}/{card}"),
            AnswerTarget::Block { title, .. } => title.clone(),
            AnswerTarget::Label(label) => label.clone(),
        }
    }
}

/// One link: this answers `target`, the way `how` says.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLink {
    /// The argument answered.
    pub target: AnswerTarget,
    /// How.
    pub how: AnswerHow,
}

/// Three-way merge of a card's links as a set: what either side added since `base` is in, what
/// either side removed is out; the result is sorted. Linear in the links (after sorting).
pub fn merge_links(base: &[AnswerLink], ours: &[AnswerLink], theirs: &[AnswerLink]) -> Vec<AnswerLink> {
    use std::collections::BTreeSet;
    let set = |l: &[AnswerLink]| l.iter().cloned().collect::<BTreeSet<_>>();
    let (b, o, t) = (set(base), set(ours), set(theirs));
    let mut out: BTreeSet<AnswerLink> = b.intersection(&o).filter(|l| t.contains(*l)).cloned().collect();
    out.extend(o.difference(&b).cloned());
    out.extend(t.difference(&b).cloned());
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(name: &str, how: AnswerHow) -> AnswerLink {
        AnswerLink { target: AnswerTarget::Label(name.into()), how }
    }

    #[test]
    fn links_merge_as_sets_keeping_each_sides_additions_and_removals() {
        let base = [label("taiwan trap", AnswerHow::Denies), label("escalation", AnswerHow::Turns)];
        let ours = [label("taiwan trap", AnswerHow::Denies), label("seato", AnswerHow::NoLink)];
        let theirs = [
            label("taiwan trap", AnswerHow::Denies),
            label("escalation", AnswerHow::Turns),
            label("cost", AnswerHow::Outweighs),
        ];
        let merged = merge_links(&base, &ours, &theirs);
        assert_eq!(
            merged,
            [
                label("cost", AnswerHow::Outweighs),
                label("seato", AnswerHow::NoLink),
                label("taiwan trap", AnswerHow::Denies)
            ]
        );
        assert_eq!(merge_links(&base, &base, &base), {
            let mut b = base.to_vec();
            b.sort();
            b
        });
    }

    #[test]
    fn a_link_round_trips_through_ron_and_describes_itself() {
        let link = AnswerLink {
            target: AnswerTarget::Block { deck: "asian-nato-neg".into(), title: "Taiwan trap".into() },
            how: AnswerHow::NoLink,
        };
        let text = ron::to_string(&link).unwrap();
        assert_eq!(ron::from_str::<AnswerLink>(&text).unwrap(), link);
        assert_eq!(link.target.describe(), "Taiwan trap");
        assert_eq!(AnswerHow::NoLink.name(), "no link");
    }
}
