//! Ids made unique within a deck: `base`, else `base-2`, `base-3`, … (the first free one).

use std::collections::{HashMap, HashSet};

/// The ids given so far, and for each base the suffix to try next, so a file of one tag repeated
/// a hundred thousand times costs constant time per id, not time growing with the repeats.
#[derive(Default)]
pub(crate) struct UniqueIds {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UniqueIds {
    /// `base` (cut to 60 characters, no trailing '-'), or `base-2`, `base-3`, …: the first not
    /// given yet, which it joins. Ids are never given back, so every suffix below the one a base
    /// last got is still taken and the search starts there.
    pub(crate) fn unique(&mut self, base: String) -> String {
        let base: String = base.chars().take(60).collect();
        let base = base.trim_end_matches('-').to_owned();
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        let with = |n: usize| if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let mut id = with(n);
        while self.taken.contains(&id) {
            n += 1;
            id = with(n);
        }
        self.taken.insert(id.clone());
        self.next.insert(base, n + 1);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_count_up_and_an_id_taken_by_another_base_is_skipped() {
        let mut ids = UniqueIds::default();
        let got: Vec<String> = ["tag", "tag", "tag-3", "tag", "tag", "other-"]
            .into_iter()
            .map(|b| ids.unique(b.to_owned()))
            .collect();
        assert_eq!(got, ["tag", "tag-2", "tag-3", "tag-4", "tag-5", "other"]);
    }

    #[test]
    fn a_hundred_thousand_repeats_take_linear_time() {
        let mut ids = UniqueIds::default();
        let start = std::time::Instant::now();
        for _ in 0..100_000 {
            ids.unique("tag".to_owned());
        }
        assert_eq!(ids.unique("tag".to_owned()), "tag-100001");
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
    }
}
