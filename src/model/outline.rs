//! Outlines: the lists of sections a session holds — the two prepared cases and every speech
//! document of every round — named by position, so an edit can say which one it changes.

use super::{CaseSide, Section, Session};

/// One outline of a session: a prepared case, or speech `speech` of round `round`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outline {
    /// The affirmative or negative case.
    Case(CaseSide),
    /// A round's speech document, by the positions of the round and of the speech in it.
    Speech {
        /// The round's position in [`Session::rounds`].
        round: usize,
        /// The speech's position in the round's documents.
        speech: usize,
    },
}

impl From<CaseSide> for Outline {
    fn from(side: CaseSide) -> Self {
        Outline::Case(side)
    }
}

impl Outline {
    /// The case this outline is, if it is one.
    pub fn case(self) -> Option<CaseSide> {
        match self {
            Outline::Case(side) => Some(side),
            Outline::Speech { .. } => None,
        }
    }
}

impl Session {
    /// The sections of `outline`, if it exists.
    pub fn outline(&self, outline: Outline) -> Option<&Vec<Section>> {
        match outline {
            Outline::Case(side) => Some(&self.case(side).sections),
            Outline::Speech { round, speech } => {
                Some(&self.rounds.get(round)?.speeches.get(speech)?.sections)
            }
        }
    }

    /// The sections of `outline`, mutably, if it exists.
    pub fn outline_mut(&mut self, outline: Outline) -> Option<&mut Vec<Section>> {
        match outline {
            Outline::Case(side) => Some(&mut self.case_mut(side).sections),
            Outline::Speech { round, speech } => {
                Some(&mut self.rounds.get_mut(round)?.speeches.get_mut(speech)?.sections)
            }
        }
    }

    /// The speech length `outline` is measured against, in seconds.
    pub fn outline_seconds(&self, outline: Outline) -> Option<u32> {
        match outline {
            Outline::Case(side) => Some(self.case(side).speech_seconds),
            Outline::Speech { round, speech } => Some(self.rounds.get(round)?.speeches.get(speech)?.seconds),
        }
    }

    /// The side giving `outline`: the case's side, or the side of the speech in its format.
    pub fn outline_side(&self, outline: Outline) -> Option<CaseSide> {
        match outline {
            Outline::Case(side) => Some(side),
            Outline::Speech { round, speech } => {
                let round = self.rounds.get(round)?;
                let name = &round.speeches.get(speech)?.name;
                Some(round.format.speech(name).map_or(round.side, |s| s.side))
            }
        }
    }

    /// Every outline of the session: both cases, then each round's speeches in order.
    pub fn outlines(&self) -> impl Iterator<Item = Outline> + '_ {
        let speeches = self.rounds.iter().enumerate().flat_map(|(round, r)| {
            (0..r.speeches.len()).map(move |speech| Outline::Speech { round, speech })
        });
        [Outline::Case(CaseSide::Aff), Outline::Case(CaseSide::Neg)].into_iter().chain(speeches)
    }
}
