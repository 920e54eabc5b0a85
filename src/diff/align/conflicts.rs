//! Conflicts between candidate pairs, resolved one to one for the best total.
//!
//! Taking the best-ranked pair first is right while candidates do not compete. Where they do,
//! it can cost a pair: new clause A is most like old X and a little less like old Y, new B is
//! like X only. Best first pairs A with X and leaves B alone; A with Y and B with X pair both,
//! for a higher total. So the candidate pairs are split into **conflict groups** (the pairs
//! linked through a shared clause, directly or not), and within each group the one-to-one
//! choice of greatest total rank is taken. Best first stays where it is as good: the two differ
//! only where the best total is higher by more than rounding.
//!
//! Best first is known to be the best choice where it pairs each clause of one side with its
//! best partner (no choice can do better), as in a run of near-duplicates paired in order.
//! Elsewhere the best choice is found exactly, by dynamic programming over the subsets of the
//! smaller side of the group, for groups of at most [`MAX_SIDE`] clauses on that side, within
//! [`WORK`] steps per comparison. A larger group keeps best first, and the diff says it is
//! approximate.

use super::index::FxSet;

/// The most clauses the smaller side of a conflict group may hold for the best choice to be
/// computed: the search visits every subset of that side.
pub(super) const MAX_SIDE: usize = 10;
/// Steps of the search per comparison, at most (a step: one subset, one clause of the larger
/// side, one clause of the smaller). Past it, groups keep best first.
pub(super) const WORK: usize = 1 << 22;

/// A candidate pair: its rank, its new clause and its old clause.
pub(super) type Edge = (f64, usize, usize);

/// Which of `edges` (sorted best first) to keep: within each conflict group, the pairs of the
/// best one-to-one choice; the others are dropped. Edges that `frozen` marks (of a clause that
/// stands for a run of equal clauses, which pairs as a run) freeze their group as it is. Also
/// returns whether a group was too large or the work ran out, so that best first decided.
pub(super) fn resolve(edges: &[Edge], frozen: impl Fn(usize) -> bool) -> (Vec<bool>, bool) {
    let mut keep = vec![true; edges.len()];
    let mut approximate = false;
    let mut work = 0;
    for group in groups(edges) {
        if group.iter().any(|&e| frozen(e)) {
            continue;
        }
        let mut news: Vec<usize> = group.iter().map(|&e| edges[e].1).collect();
        let mut olds: Vec<usize> = group.iter().map(|&e| edges[e].2).collect();
        for side in [&mut news, &mut olds] {
            side.sort_unstable();
            side.dedup();
        }
        // One clause on a side: best first takes its best pair, which is the best choice.
        if news.len() < 2 || olds.len() < 2 {
            continue;
        }
        let total = |chosen: &[usize]| chosen.iter().map(|&e| edges[e].0).sum::<f64>();
        let greedy = total(&best_first(edges, &group));
        // No choice beats each clause of one side with its best partner: where best first
        // reaches that, it is the best choice, as in a run of near-duplicates in order.
        if greedy >= bound(edges, &group, &news, &olds) - 1e-9 {
            continue;
        }
        let (small, large) = (news.len().min(olds.len()), news.len().max(olds.len()));
        let cost = large.saturating_mul(small) << small.min(usize::BITS as usize - 1);
        if small > MAX_SIDE || work + cost > WORK {
            approximate = true;
            continue;
        }
        work += cost;
        let best = best_choice(edges, &group, &news, &olds);
        if total(&best) > greedy + 1e-9 {
            for &e in &group {
                keep[e] = false;
            }
            for &e in &best {
                keep[e] = true;
            }
        }
    }
    (keep, approximate)
}

/// The conflict groups of `edges`: the indices of the edges linked through a shared clause, each
/// group in the order of the edges, the groups in the order of their first edge.
fn groups(edges: &[Edge]) -> Vec<Vec<usize>> {
    // Union-find over clauses: new clause `n` is `2n`, old clause `o` is `2o + 1`.
    let top = edges
        .iter()
        .map(|e| 2 * e.1.max(e.2) + 2)
        .max()
        .unwrap_or(0);
    let mut parent: Vec<usize> = (0..top).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(_, n, o) in edges {
        let (x, y) = (root(&mut parent, 2 * n), root(&mut parent, 2 * o + 1));
        parent[x.max(y)] = x.min(y);
    }
    let mut index_of = vec![usize::MAX; top];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (e, &(_, n, _)) in edges.iter().enumerate() {
        let r = root(&mut parent, 2 * n);
        if index_of[r] == usize::MAX {
            index_of[r] = out.len();
            out.push(Vec::new());
        }
        out[index_of[r]].push(e);
    }
    out
}

/// A bound on the total of any one-to-one choice in `group`: each clause of one side with its
/// best partner, on the side where that sums to less.
fn bound(edges: &[Edge], group: &[usize], news: &[usize], olds: &[usize]) -> f64 {
    let (mut best_new, mut best_old) = (vec![0.0f64; news.len()], vec![0.0f64; olds.len()]);
    for &e in group {
        let (rank, n, o) = edges[e];
        if let (Ok(i), Ok(j)) = (news.binary_search(&n), olds.binary_search(&o)) {
            best_new[i] = best_new[i].max(rank);
            best_old[j] = best_old[j].max(rank);
        }
    }
    best_new.iter().sum::<f64>().min(best_old.iter().sum())
}

/// The edges of `group` best first takes: each whose clauses are both still free.
fn best_first(edges: &[Edge], group: &[usize]) -> Vec<usize> {
    let (mut news, mut olds): (FxSet<usize>, FxSet<usize>) = Default::default();
    let mut out = Vec::new();
    for &e in group {
        let (_, n, o) = edges[e];
        if !news.contains(&n) && !olds.contains(&o) {
            news.insert(n);
            olds.insert(o);
            out.push(e);
        }
    }
    out
}

/// The edges of `group` of the greatest total rank, one to one. The clauses of the smaller side
/// are bits of a subset; the clauses of the larger side are taken in turn, each pairing with one
/// clause of the subset not yet used, or with none. Ties keep the choice found first.
fn best_choice(edges: &[Edge], group: &[usize], news: &[usize], olds: &[usize]) -> Vec<usize> {
    let rows_are_new = news.len() <= olds.len();
    let (rows, cols) = if rows_are_new {
        (news, olds)
    } else {
        (olds, news)
    };
    // weight[c][r]: the edge between column c and row r, if any.
    let mut weight = vec![vec![None; rows.len()]; cols.len()];
    for &e in group {
        let (_, n, o) = edges[e];
        let (r, c) = if rows_are_new { (n, o) } else { (o, n) };
        if let (Ok(r), Ok(c)) = (rows.binary_search(&r), cols.binary_search(&c)) {
            weight[c][r] = Some(e);
        }
    }
    const NONE: u8 = u8::MAX;
    let full = 1usize << rows.len();
    let mut best = vec![f64::NEG_INFINITY; full];
    best[0] = 0.0;
    // took[c][mask]: the row column c took to reach `mask`, or NONE.
    let mut took: Vec<Vec<u8>> = Vec::with_capacity(cols.len());
    for row in &weight {
        let mut next = best.clone();
        let mut step = vec![NONE; full];
        for (mask, &so_far) in best.iter().enumerate() {
            if so_far == f64::NEG_INFINITY {
                continue;
            }
            for (r, e) in row.iter().enumerate() {
                let Some(e) = *e else { continue };
                if mask & (1 << r) != 0 {
                    continue;
                }
                let to = mask | (1 << r);
                let value = so_far + edges[e].0;
                if value > next[to] + 1e-12 {
                    next[to] = value;
                    step[to] = r as u8;
                }
            }
        }
        best = next;
        took.push(step);
    }
    let mut mask = (0..full).fold(0, |m, x| if best[x] > best[m] + 1e-12 { x } else { m });
    let mut out = Vec::new();
    for c in (0..cols.len()).rev() {
        let r = took[c][mask];
        if r != NONE {
            out.extend(weight[c][usize::from(r)]);
            mask ^= 1 << r;
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_best_first_would_lose_is_kept() {
        // New 0 is most like old 0 and a little less like old 1; new 1 is like old 0 only.
        let edges = [(0.9, 0, 0), (0.85, 0, 1), (0.8, 1, 0)];
        let (keep, approximate) = resolve(&edges, |_| false);
        assert_eq!(keep, [false, true, true]);
        assert!(!approximate);
    }

    #[test]
    fn best_first_stays_where_it_is_as_good() {
        let edges = [(0.9, 0, 0), (0.6, 1, 1), (0.7, 0, 1), (0.5, 1, 0)];
        // 0.9 + 0.6 against 0.7 + 0.5: best first is best.
        assert_eq!(resolve(&edges, |_| false).0, [true; 4]);
        // A tie keeps best first too.
        let tie = [(0.9, 0, 0), (0.5, 1, 1), (0.7, 0, 1), (0.7, 1, 0)];
        assert_eq!(resolve(&tie, |_| false).0, [true; 4]);
    }

    #[test]
    fn groups_are_resolved_apart_and_frozen_ones_left() {
        let edges = [
            (0.9, 0, 0),
            (0.85, 0, 1),
            (0.8, 1, 0),
            (0.9, 5, 7),
            (0.85, 5, 8),
            (0.8, 6, 7),
        ];
        assert_eq!(groups(&edges), [vec![0, 1, 2], vec![3, 4, 5]]);
        let (keep, _) = resolve(&edges, |e| e == 4);
        assert_eq!(keep, [false, true, true, true, true, true]);
    }

    #[test]
    fn the_best_choice_is_exact_on_a_chain() {
        // A chain where each clause's best partner is its neighbour's: best first takes
        // (0,0), (1,1), (2,2) = 2.7 (no (3,_) left); the best is the four diagonals below.
        let edges = [
            (0.9, 0, 0),
            (0.9, 1, 1),
            (0.9, 2, 2),
            (0.85, 0, 1),
            (0.85, 1, 2),
            (0.85, 2, 3),
            (0.85, 3, 0),
        ];
        let (keep, _) = resolve(&edges, |_| false);
        let total: f64 = edges
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(e, _)| e.0)
            .sum();
        assert!((total - 3.4).abs() < 1e-9, "{keep:?}");
    }

    #[test]
    fn a_group_too_large_keeps_best_first_and_says_so() {
        // The chain above, past the limit on both sides.
        let k = MAX_SIDE + 1;
        let mut edges: Vec<Edge> = (0..k).map(|i| (0.9, i, i)).collect();
        edges.extend((0..k).map(|i| (0.85, i, i + 1)));
        edges.push((0.85, k, 0));
        let (keep, approximate) = resolve(&edges, |_| false);
        assert!(keep.iter().all(|&k| k));
        assert!(approximate);
    }

    #[test]
    fn a_large_group_best_first_pairs_best_needs_no_search() {
        // Every new clause against every old one, each most like its own: past the limit,
        // but best first is known to be best.
        let n = MAX_SIDE + 1;
        let edges: Vec<Edge> = (0..n)
            .flat_map(|i| (0..n).map(move |j| (if i == j { 0.9 } else { 0.6 }, i, j)))
            .collect();
        let mut sorted = edges.clone();
        sorted.sort_by(|x, y| y.0.total_cmp(&x.0));
        let (keep, approximate) = resolve(&sorted, |_| false);
        assert!(keep.iter().all(|&k| k));
        assert!(!approximate);
    }
}
