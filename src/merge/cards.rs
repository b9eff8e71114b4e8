//! Card-level three-way merge: what becomes of one card id given its base, ours and theirs
//! versions. Never drops an edit: a card changed on one side and deleted on the other is kept, and
//! two different edits of one card are both kept as a conflicting pair.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::model::{Card, Conflict, ConflictSide};

/// What the merge does with one card id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The card is gone (deleted on one side and unchanged on the other, or deleted on both).
    Drop,
    /// One version survives.
    Keep(Box<Card>),
    /// Both sides changed (or added) the card differently: both versions are kept.
    Conflict {
        /// Our version; keeps the id.
        ours: Box<Card>,
        /// Their version; gets a new id when the pair is built.
        theirs: Box<Card>,
    },
}

/// Decides the fate of one card id; `notes` gets a line for every decision a teammate should know
/// about (an edit kept over a deletion, a conflict).
pub(crate) fn merge_card(
    base: Option<&Card>,
    ours: Option<&Card>,
    theirs: Option<&Card>,
    notes: &mut Vec<String>,
) -> Outcome {
    match (base, ours, theirs) {
        (_, None, None) => Outcome::Drop,
        (None, Some(one), None) | (None, None, Some(one)) => Outcome::Keep(Box::new(one.clone())),
        (Some(b), Some(o), None) => {
            if o == b {
                Outcome::Drop
            } else {
                notes.push(format!("card {:?}: theirs deleted it but ours changed it; kept ours", o.id));
                Outcome::Keep(Box::new(o.clone()))
            }
        }
        (Some(b), None, Some(t)) => {
            if t == b {
                Outcome::Drop
            } else {
                notes.push(format!("card {:?}: ours deleted it but theirs changed it; kept theirs", t.id));
                Outcome::Keep(Box::new(t.clone()))
            }
        }
        (base, Some(o), Some(t)) => merge_both(base, o, t),
    }
}

/// Both sides hold the card: take the side that changed it, or the shared content, or conflict.
fn merge_both(base: Option<&Card>, o: &Card, t: &Card) -> Outcome {
    if o == t {
        return Outcome::Keep(Box::new(o.clone()));
    }
    if let Some(b) = base {
        if o == b {
            return Outcome::Keep(Box::new(t.clone()));
        }
        if t == b {
            return Outcome::Keep(Box::new(o.clone()));
        }
        // Sides that agree on everything but what the card answers merge its links as a set:
        // a link either side added stays, one either side removed goes.
        let unlinked = |c: &Card| Card { answers: Vec::new(), ..c.clone() };
        if o.answers != t.answers && unlinked(o).same_content(&unlinked(t)) {
            let mut card = later(o, t).clone();
            card.answers = crate::model::answers::merge_links(&b.answers, &o.answers, &t.answers);
            return Outcome::Keep(Box::new(card));
        }
        // Both differ from the base. Whoever changed the content wins over a side that only
        // changed history (provenance, cut position).
        match (!o.same_content(b), !t.same_content(b)) {
            (true, false) => return Outcome::Keep(Box::new(o.clone())),
            (false, true) => return Outcome::Keep(Box::new(t.clone())),
            _ => {}
        }
    }
    if o.same_content(t) {
        Outcome::Keep(Box::new(later(o, t).clone()))
    } else {
        Outcome::Conflict { ours: Box::new(o.clone()), theirs: Box::new(t.clone()) }
    }
}

/// Of two versions with the same content, the one changed last (by `changed_at`, then
/// `changed_by`, then the whole card), so the choice does not depend on which side is which.
fn later<'a>(a: &'a Card, b: &'a Card) -> &'a Card {
    let key = |c: &Card| (c.provenance.changed_at.clone(), c.provenance.changed_by.clone());
    let order = key(a).cmp(&key(b)).then_with(|| {
        let text = |c: &Card| ron::to_string(c).unwrap_or_default();
        text(a).cmp(&text(b))
    });
    if order == Ordering::Less { b } else { a }
}

/// Hands out ids for the second version of conflicting cards: `{id}~theirs`, or, when that is
/// taken, `{id}~theirs-{8 hex digits of the content fingerprint}` (then `-2`, `-3`, …). Ids of
/// every input card, and every id a conflict mark names, count as taken.
pub(crate) struct IdPool {
    taken: BTreeSet<String>,
}

impl IdPool {
    /// A pool where `taken` ids are never handed out.
    pub(crate) fn new(taken: impl IntoIterator<Item = String>) -> Self {
        IdPool { taken: taken.into_iter().collect() }
    }

    /// A fresh id for their version of `card`.
    pub(crate) fn theirs_id(&mut self, card: &Card) -> String {
        let mut id = format!("{}~theirs", card.id);
        if self.taken.contains(&id) {
            let fp = card.content_fingerprint();
            let short = fp.rsplit(':').next().unwrap_or(&fp);
            let stem = format!("{}~theirs-{}", card.id, &short[..short.len().min(8)]);
            id = stem.clone();
            let mut n = 2;
            while self.taken.contains(&id) {
                id = format!("{stem}-{n}");
                n += 1;
            }
        }
        self.taken.insert(id.clone());
        id
    }
}

/// The two cards of a conflicting pair, pointing at each other: ours keeps its id, theirs gets
/// one from `pool`.
pub(crate) fn conflict_pair(ours: &Card, theirs: &Card, pool: &mut IdPool) -> (Card, Card) {
    let theirs_id = pool.theirs_id(theirs);
    let mut o = ours.clone();
    o.conflict = Some(Conflict { with: theirs_id.clone(), side: ConflictSide::Ours });
    let mut t = theirs.clone();
    t.id = theirs_id;
    t.conflict = Some(Conflict { with: ours.id.clone(), side: ConflictSide::Theirs });
    (o, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::card::sample_card;

    fn edited(tag: &str) -> Card {
        let mut c = sample_card("c");
        c.tag = tag.to_owned();
        c
    }

    #[test]
    fn one_sided_changes_and_deletions() {
        let b = sample_card("c");
        let o = edited("ours");
        let mut n = Vec::new();
        assert_eq!(merge_card(Some(&b), Some(&o), Some(&b), &mut n), Outcome::Keep(Box::new(o.clone())));
        assert_eq!(merge_card(Some(&b), Some(&b), Some(&o), &mut n), Outcome::Keep(Box::new(o.clone())));
        assert_eq!(merge_card(Some(&b), Some(&b), None, &mut n), Outcome::Drop);
        assert_eq!(merge_card(Some(&b), None, None, &mut n), Outcome::Drop);
        assert!(n.is_empty());
        assert_eq!(merge_card(Some(&b), None, Some(&o), &mut n), Outcome::Keep(Box::new(o.clone())));
        assert_eq!(n.len(), 1, "an edit kept over a deletion is reported");
    }

    #[test]
    fn different_edits_conflict_and_equal_content_does_not() {
        let b = sample_card("c");
        let (o, t) = (edited("ours"), edited("theirs"));
        let mut n = Vec::new();
        assert!(matches!(merge_card(Some(&b), Some(&o), Some(&t), &mut n), Outcome::Conflict { .. }));
        assert!(matches!(merge_card(None, Some(&o), Some(&t), &mut n), Outcome::Conflict { .. }));
        let mut o2 = o.clone();
        o2.provenance.changed_at = "2026-01-02T00:00:00Z".into();
        assert_eq!(merge_card(Some(&b), Some(&o), Some(&o2), &mut n), Outcome::Keep(Box::new(o2.clone())));
        assert_eq!(merge_card(Some(&b), Some(&o2), Some(&o), &mut n), Outcome::Keep(Box::new(o2)));
    }

    #[test]
    fn links_added_on_both_sides_of_one_card_are_both_kept_and_a_removed_one_goes() {
        use crate::model::{AnswerHow, AnswerLink, AnswerTarget};
        let link = |l: &str| AnswerLink { target: AnswerTarget::Label(l.into()), how: AnswerHow::Denies };
        let mut b = sample_card("c");
        b.answers = vec![link("seato")];
        let (mut o, mut t) = (b.clone(), b.clone());
        o.answers = vec![link("seato"), link("taiwan trap")];
        t.answers = vec![link("escalation")];
        let mut n = Vec::new();
        let Outcome::Keep(merged) = merge_card(Some(&b), Some(&o), Some(&t), &mut n) else {
            panic!("links merge without a conflict")
        };
        assert_eq!(merged.answers, [link("escalation"), link("taiwan trap")]);
        // A text edit on one side and a link on the other still conflict (both kept, none lost).
        let mut text = b.clone();
        text.tag = "retagged".into();
        assert!(matches!(merge_card(Some(&b), Some(&o), Some(&text), &mut n), Outcome::Conflict { .. }));
    }

    #[test]
    fn pair_ids_avoid_taken_ones_and_point_at_each_other() {
        let card = sample_card("c");
        let mut pool = IdPool::new(["c".to_owned(), "c~theirs".to_owned()]);
        let (o, t) = conflict_pair(&card, &edited("x"), &mut pool);
        assert!(t.id.starts_with("c~theirs-") && t.id.len() == "c~theirs-".len() + 8, "{}", t.id);
        assert_eq!(o.conflict.as_ref().unwrap().with, t.id);
        assert_eq!(t.conflict.as_ref().unwrap().with, "c");
        let again = pool.theirs_id(&edited("x"));
        assert_eq!(again, format!("{}-2", t.id));
    }
}
