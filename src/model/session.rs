//! Sessions: the working state of prep that a debater saves, reopens and hands on.

use serde::{Deserialize, Serialize};

use super::{Case, CaseSide, Item, Section};

/// Reading speed assumed when nothing else is said (Verbatim's estimate).
pub const DEFAULT_WPM: u32 = 250;

/// The reading speeds a session accepts, in words per minute.
pub const WPM_RANGE: std::ops::RangeInclusive<u32> = 50..=600;

/// A deck a session uses: where it was, which one, and what it contained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckRef {
    /// Path relative to the session file, or `bundled:ID` for a deck shipped with Casebook.
    pub path: String,
    /// The deck's id.
    pub id: String,
    /// [`super::fingerprint`] of the deck when the session was last saved; a different value on
    /// load means the deck changed since.
    pub fingerprint: String,
}

/// A saved prep session: both cases, the decks they draw on, and the debater's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// File format version; always first in the file.
    pub version: u32,
    /// The resolution being debated.
    pub resolution: String,
    /// Decks the cases draw on.
    #[serde(default)]
    pub decks: Vec<DeckRef>,
    /// The affirmative case.
    pub aff: Case,
    /// The negative case.
    pub neg: Case,
    /// Reading speed for time estimates, in words per minute.
    pub wpm: u32,
    /// Free notes: opponents, judges, reminders.
    #[serde(default)]
    pub notes: String,
    /// What counts as read aloud besides highlighted text (tags and short cites by default);
    /// written only when not the default.
    #[serde(default, skip_serializing_if = "super::timing::Counting::is_default")]
    pub counting: super::timing::Counting,
    /// Tournament rounds with their speech documents (format version 5); written only when
    /// there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<super::Round>,
    /// The decks whose arguments are this debate's positions (format version 7), by id; absent
    /// for the default: the bundled decks and the decks the session uses ([`Session::in_topic`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Vec<String>>,
}

impl Session {
    /// An empty session on `resolution` at the current format version.
    pub fn new(resolution: impl Into<String>) -> Self {
        Session {
            version: super::CURRENT_VERSION,
            resolution: resolution.into(),
            decks: Vec::new(),
            aff: Case::new(CaseSide::Aff),
            neg: Case::new(CaseSide::Neg),
            wpm: DEFAULT_WPM,
            notes: String::new(),
            counting: Default::default(),
            rounds: Vec::new(),
            topic: None,
        }
    }

    /// The case for `side`.
    pub fn case(&self, side: CaseSide) -> &Case {
        match side {
            CaseSide::Aff => &self.aff,
            CaseSide::Neg => &self.neg,
        }
    }

    /// The case for `side`, mutably.
    pub fn case_mut(&mut self, side: CaseSide) -> &mut Case {
        match side {
            CaseSide::Aff => &mut self.aff,
            CaseSide::Neg => &mut self.neg,
        }
    }

    /// Every item of both cases in reading order (affirmative first), then of every round's
    /// speech documents, each with its section.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        let speeches = self.rounds.iter().flat_map(|r| &r.speeches).flat_map(|s| &s.sections);
        [&self.aff, &self.neg]
            .into_iter()
            .flat_map(|case| &case.sections)
            .chain(speeches)
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }

    /// Every item of both cases and of the rounds' speech documents, mutably.
    pub fn items_mut(&mut self) -> impl Iterator<Item = &mut Item> {
        let speeches = self.rounds.iter_mut().flat_map(|r| &mut r.speeches).flat_map(|s| &mut s.sections);
        [&mut self.aff, &mut self.neg]
            .into_iter()
            .flat_map(|case| &mut case.sections)
            .chain(speeches)
            .flat_map(|section| &mut section.items)
    }

    /// The decks of this debate when the user has not chosen them: the `bundled` decks and every
    /// deck the session uses (its deck list, and the decks of its cases' and speeches' cards).
    pub fn default_topic(&self, bundled: &[&str]) -> Vec<String> {
        let mut ids: Vec<String> = bundled.iter().map(|s| (*s).to_owned()).collect();
        let used = self.decks.iter().map(|d| d.id.as_str());
        let carded = self.items().filter_map(|(_, item)| match item {
            Item::Card { deck, .. } => Some(deck.as_str()),
            Item::Analytic { .. } => None,
        });
        for id in used.chain(carded) {
            if !ids.iter().any(|d| d == id) {
                ids.push(id.to_owned());
            }
        }
        ids
    }

    /// The decks of this debate: those the user ticked, else [`Session::default_topic`].
    pub fn topic_decks(&self, bundled: &[&str]) -> Vec<String> {
        self.topic.clone().unwrap_or_else(|| self.default_topic(bundled))
    }

    /// The deck reference with `id`, if the session uses that deck.
    pub fn deck_ref(&self, id: &str) -> Option<&DeckRef> {
        self.decks.iter().find(|d| d.id == id)
    }
}
