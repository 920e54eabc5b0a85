//! Finding candidates fast: seeded maps for what comes from the input, and an inverted
//! index from word bigrams to the clauses that hold them.

use std::collections::HashMap;

/// The bigrams that go into an index and look candidates up: about one in four, chosen by
/// value (so both sides choose the same ones), or all of a short text. Similarity is still
/// computed on all of them.
fn sample(all: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let keep_all = all.len() < 64;
    all.iter()
        .copied()
        .filter(move |&s| keep_all || s.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 62 == 0)
}

/// Maps and sets keyed by what comes from the input (clause ids, normalised texts, line
/// digests): a fast hash with a seed of its own per map (foldhash), so that no input can be
/// made of keys that collide, as it could against a fixed hash. No map's order reaches any
/// output: every result is sorted or taken in document order.
pub(crate) type FxMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type FxSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
/// The hasher of [`FxMap`] and [`FxSet`].
pub(crate) type Seeded = foldhash::fast::RandomState;

/// Posting lists longer than this are not used to find candidates: a bigram that common
/// ("the P", "shall") says little about which clause is which.
pub(super) const MAX_POSTINGS: usize = 256;
/// The rarest bigrams of a clause (among those some other clause has) that find its
/// candidates, read until their postings add up to [`MAX_POSTINGS`]. This bounds the work per
/// clause, so the cost stays near-linear in the number of clauses.
pub(super) const RARE: usize = 32;
/// Candidates scored exactly per clause, at most: the ones sharing the most rare bigrams.
pub(super) const MAX_CANDIDATES: usize = 8;
/// Candidates scored besides the best [`MAX_CANDIDATES`] when they tie with the last of those,
/// at most; past it, the diff says it is approximate.
pub(super) const MAX_TIED: usize = 56;
/// Candidate parts looked at per clause when looking for splits and merges.
pub(super) const MAX_PARTS: usize = 8;

/// An inverted index from bigrams to the clauses that hold them: one sorted array of
/// (bigram, clause) pairs and a map from each bigram to its run in the array.
pub(super) struct ShingleIndex {
    pairs: Vec<(u64, u32)>,
    runs: FxMap<u64, (u32, u32)>,
}

impl ShingleIndex {
    /// An index of each `(node, bigrams)`.
    pub(super) fn new<'s>(nodes: impl Iterator<Item = (usize, &'s [u64])>) -> Self {
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for (i, shingles) in nodes {
            pairs.extend(sample(shingles).map(|s| (s, i as u32)));
        }
        pairs.sort_unstable();
        let mut runs = FxMap::default();
        let mut start = 0;
        while start < pairs.len() {
            let key = pairs[start].0;
            let end = start + pairs[start..].iter().take_while(|p| p.0 == key).count();
            runs.insert(key, (start as u32, end as u32));
            start = end;
        }
        ShingleIndex { pairs, runs }
    }

    fn postings(&self, shingle: u64) -> &[(u64, u32)] {
        self.runs
            .get(&shingle)
            .map_or(&[], |&(a, b)| &self.pairs[a as usize..b as usize])
    }

    /// The clauses that share the most of `query`'s rarest bigrams, best first (ties in
    /// document order), at most `limit`.
    pub(super) fn candidates(
        &self,
        query: &[u64],
        counter: &mut Counter,
        limit: usize,
    ) -> Vec<usize> {
        let mut lists: Vec<&[(u64, u32)]> = sample(query)
            .map(|s| self.postings(s))
            .filter(|l| !l.is_empty() && l.len() <= MAX_POSTINGS)
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut work = 0;
        for list in lists.iter().take(RARE) {
            work += list.len();
            if work > MAX_POSTINGS && work > list.len() {
                break;
            }
            for &(_, node) in *list {
                counter.add(node as usize);
            }
        }
        // Clauses that share a single rare bigram with the query are chance; two or more (all
        // a very short text has, if fewer) make a candidate.
        let least = lists.len().clamp(1, 2) as u32;
        let mut found: Vec<(usize, u32)> = counter
            .drain()
            .into_iter()
            .filter(|&(_, c)| c >= least)
            .collect();
        let best = |x: &(usize, u32), y: &(usize, u32)| y.1.cmp(&x.1).then(x.0.cmp(&y.0));
        if limit > 0 && found.len() > limit {
            found.select_nth_unstable_by(limit - 1, best);
            let edge = found[limit - 1].1;
            let top = found[..limit].iter().map(|&(_, c)| c).max().unwrap_or(edge);
            // The cap must not decide between candidates that tie at its edge: those are
            // scored too (context and order decide later), up to a budget. Below the best, an
            // edge that shares the least a candidate may share, or under two thirds of what the
            // best share, is chance: those tied are left out.
            let mut tied: Vec<(usize, u32)> =
                if edge == top || (edge > least && 3 * edge >= 2 * top) {
                    found[limit..]
                        .iter()
                        .copied()
                        .filter(|&(_, c)| c == edge)
                        .collect()
                } else {
                    Vec::new()
                };
            if tied.len() > MAX_TIED {
                tied.select_nth_unstable_by(MAX_TIED, best);
                tied.truncate(MAX_TIED);
                counter.cut = true;
            }
            found.truncate(limit);
            found.extend(tied);
        }
        found.sort_unstable_by(best);
        found.into_iter().map(|(node, _)| node).collect()
    }
}

/// Counts per clause in a dense array, cleared by remembering which entries were touched.
pub(super) struct Counter {
    counts: Vec<u32>,
    touched: Vec<usize>,
    /// Whether candidates that tied were left unscored past [`MAX_TIED`].
    pub(super) cut: bool,
}

impl Counter {
    pub(super) fn new(nodes: usize) -> Self {
        Counter {
            counts: vec![0; nodes],
            touched: Vec::new(),
            cut: false,
        }
    }

    fn add(&mut self, node: usize) {
        if self.counts[node] == 0 {
            self.touched.push(node);
        }
        self.counts[node] += 1;
    }

    fn drain(&mut self) -> Vec<(usize, u32)> {
        let out = self.touched.iter().map(|&n| (n, self.counts[n])).collect();
        for &n in &self.touched {
            self.counts[n] = 0;
        }
        self.touched.clear();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index of `nodes` clauses that each hold `shared` of the query's bigrams besides
    /// bigrams of their own, and one clause (the last) that holds `best` of them.
    fn index(nodes: usize, shared: u64, best: u64) -> ShingleIndex {
        let own = |i: usize| (1_000 + 100 * i as u64)..(1_000 + 100 * i as u64 + 10);
        let lists: Vec<Vec<u64>> = (0..nodes)
            .map(|i| (0..shared).chain(own(i)).collect())
            .chain(std::iter::once((0..best).collect()))
            .collect();
        ShingleIndex::new(lists.iter().enumerate().map(|(i, l)| (i, l.as_slice())))
    }

    #[test]
    fn candidates_that_tie_at_the_cap_are_all_kept() {
        let query: Vec<u64> = (0..6).collect();
        // 20 clauses share 4 bigrams, one shares 6: the cap of 8 would keep 7 of the 20.
        let found = index(20, 4, 6).candidates(&query, &mut Counter::new(21), MAX_CANDIDATES);
        assert_eq!(found.len(), 21);
        assert_eq!(found[0], 20, "the best first");
        // Past the budget, the diff is told. (70 clauses: the postings read stop at three of
        // the four shared bigrams, so that each of the 70 shares 3 and the best 4.)
        let query: Vec<u64> = (0..5).collect();
        let mut counter = Counter::new(71);
        let found = index(70, 4, 5).candidates(&query, &mut counter, MAX_CANDIDATES);
        assert_eq!(found.len(), MAX_CANDIDATES + MAX_TIED);
        assert!(counter.cut);
    }

    #[test]
    fn chance_candidates_below_the_best_are_cut_without_a_flag() {
        // Sharing 2 of 6 bigrams, where another shares all 6, is chance.
        let query: Vec<u64> = (0..6).collect();
        let mut counter = Counter::new(101);
        let found = index(100, 2, 6).candidates(&query, &mut counter, MAX_CANDIDATES);
        assert_eq!(found.len(), MAX_CANDIDATES);
        assert_eq!(found[0], 100);
        assert!(!counter.cut);
    }
}
