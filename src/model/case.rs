//! Cases: the ordered outline a debater reads in a speech.

use serde::{Deserialize, Serialize};

use super::{Card, Source};

/// The side a case argues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseSide {
    /// The affirmative case.
    Aff,
    /// The negative case.
    Neg,
}

impl CaseSide {
    /// Lowercase name used in card JSON and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            CaseSide::Aff => "aff",
            CaseSide::Neg => "neg",
        }
    }
}

/// What a section of a case is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SectionKind {
    /// An affirmative contention (or advantage).
    Contention,
    /// A negative off-case position (disadvantage, counterplan, kritik).
    OffCase,
    /// Answers to the other side's arguments.
    Answers,
    /// Anything else: framework, overview, observation.
    Other,
}

/// One entry of a section: a card or the debater's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    clippy::large_enum_variant,
    reason = "items live in Vecs of a few hundred; boxing would only add indirection"
)]
pub enum Item {
    /// A card from a deck, with a snapshot so the session opens without the deck.
    Card {
        /// Id of the deck the card came from (listed in the session's `decks`).
        deck: String,
        /// The card as it was when added or last updated; `card.id` is the reference.
        card: Card,
        /// The card's source as it was then.
        source: Source,
    },
    /// An analytic: the debater's own argument, read aloud but not evidence.
    Analytic {
        /// What the debater says.
        text: String,
        /// The arguments it answers, and how (format version 6); written only when any.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        answers: Vec<super::AnswerLink>,
    },
}

impl Item {
    /// An analytic that answers nothing yet.
    pub fn analytic(text: impl Into<String>) -> Item {
        Item::Analytic { text: text.into(), answers: Vec::new() }
    }
}

/// A contention, off-case position or answer block: an ordered list of items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Heading, e.g. "Contention 1: Hub-and-spoke fails".
    pub title: String,
    /// What the section is for.
    pub kind: SectionKind,
    /// Cards and analytics in reading order.
    #[serde(default)]
    pub items: Vec<Item>,
}

impl Section {
    /// An empty section.
    pub fn new(title: impl Into<String>, kind: SectionKind) -> Self {
        Section { title: title.into(), kind, items: Vec::new() }
    }

    /// The cards in this section, in order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.items.iter().filter_map(|i| match i {
            Item::Card { card, .. } => Some(card),
            Item::Analytic { .. } => None,
        })
    }
}

/// An affirmative or negative case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Which side this case argues.
    pub side: CaseSide,
    /// Title, e.g. "1AC: An Asian collective defense alliance".
    pub title: String,
    /// Length of the speech the case is built for, in seconds (e.g. 480 for an 8-minute constructive).
    pub speech_seconds: u32,
    /// Contentions, off-case positions and answer blocks in reading order.
    #[serde(default)]
    pub sections: Vec<Section>,
}

impl Case {
    /// An empty case for `side`, sized for an 8-minute policy constructive.
    pub fn new(side: CaseSide) -> Self {
        let title = match side {
            CaseSide::Aff => "Affirmative case",
            CaseSide::Neg => "Negative case",
        };
        Case { side, title: title.to_owned(), speech_seconds: 480, sections: Vec::new() }
    }

    /// Every card item in reading order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.sections.iter().flat_map(|s| s.cards())
    }
}
