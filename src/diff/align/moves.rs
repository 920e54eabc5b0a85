//! Which paired clauses moved among their siblings.

use super::{Alignment, FxMap, Node};

/// The paired clauses that moved among their siblings: within each group of clauses that share
/// a parent on both sides, those outside the heaviest increasing subsequence of old positions
/// taken in new order. A clause weighs as many clauses as its subtree holds, so a moved
/// paragraph is reported rather than the article around it. Among subsequences of equal
/// weight, the one built from the clauses that came first in the old draft is kept: each step
/// prefers that predecessor, and the subsequence ends at that clause.
pub(crate) fn moved(old: &[Node<'_>], new: &[Node<'_>], a: &Alignment) -> Vec<bool> {
    let mut groups: FxMap<Option<usize>, Vec<(usize, usize, usize)>> = FxMap::default();
    for (n, node) in new.iter().enumerate() {
        let Some(o) = a.new_to_old[n] else { continue };
        let same_parent = match (old[o].parent, node.parent) {
            (None, None) => true,
            (Some(op), Some(np)) => a.old_to_new[op] == Some(np),
            _ => false,
        };
        if same_parent {
            groups
                .entry(node.parent)
                .or_default()
                .push((n, old[o].index, node.size));
        }
    }
    let mut out = vec![false; new.len()];
    for members in groups.values() {
        let keep = heaviest_increasing(members);
        for (i, &(n, _, _)) in members.iter().enumerate() {
            if !keep[i] {
                out[n] = true;
            }
        }
    }
    out
}

/// For `(new, old position, weight)` in new order: which belong to the heaviest subsequence
/// whose old positions increase (see [`moved`] for the tie-break). O(k log k) with a Fenwick
/// tree over old positions.
fn heaviest_increasing(items: &[(usize, usize, usize)]) -> Vec<bool> {
    let mut positions: Vec<usize> = items.iter().map(|i| i.1).collect();
    positions.sort_unstable();
    positions.dedup();
    let rank = |p: usize| positions.partition_point(|&x| x < p);
    // Fenwick tree of the best (weight, earliest old position as a negative, item) ending at a
    // rank.
    type Best = (usize, std::cmp::Reverse<usize>, usize);
    let mut tree: Vec<Option<Best>> = vec![None; positions.len() + 1];
    let query = |tree: &Vec<Option<Best>>, mut i: usize| {
        let mut best: Option<Best> = None;
        while i > 0 {
            if let Some(b) = tree[i] {
                if best.is_none_or(|c| (b.0, b.1) > (c.0, c.1)) {
                    best = Some(b);
                }
            }
            i &= i - 1;
        }
        best
    };
    let mut total = vec![0usize; items.len()];
    let mut previous = vec![usize::MAX; items.len()];
    for (k, &(_, position, weight)) in items.iter().enumerate() {
        let r = rank(position);
        let before = query(&tree, r);
        total[k] = weight + before.map_or(0, |b| b.0);
        previous[k] = before.map_or(usize::MAX, |b| b.2);
        let entry = (total[k], std::cmp::Reverse(position), k);
        let mut i = r + 1;
        while i < tree.len() {
            if tree[i].is_none_or(|c| (entry.0, entry.1) > (c.0, c.1)) {
                tree[i] = Some(entry);
            }
            i += i & i.wrapping_neg();
        }
    }
    let mut keep = vec![false; items.len()];
    let end =
        (0..items.len()).max_by(|&x, &y| total[x].cmp(&total[y]).then(items[y].1.cmp(&items[x].1)));
    let mut k = end.unwrap_or(usize::MAX);
    while k != usize::MAX {
        keep[k] = true;
        k = previous[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_moved_clause_is_one_move() {
        // New order holds old positions 0, 2, 3, 4, 1: only the last is out of order.
        let items: Vec<(usize, usize, usize)> = [0, 2, 3, 4, 1]
            .iter()
            .enumerate()
            .map(|(n, &o)| (n, o, 1))
            .collect();
        assert_eq!(heaviest_increasing(&items), [true, true, true, true, false]);
    }

    #[test]
    fn weight_keeps_the_big_clause_in_place() {
        // Two clauses swap; the second (old position 0) weighs 10, so the first is the mover.
        let items = [(0, 1, 1), (1, 0, 10)];
        assert_eq!(heaviest_increasing(&items), [false, true]);
    }

    #[test]
    fn equal_weights_keep_the_clause_that_came_first_in_the_old_draft() {
        let items = [(0, 1, 1), (1, 0, 1)];
        assert_eq!(heaviest_increasing(&items), [false, true]);
    }

    #[test]
    fn a_reversal_keeps_one() {
        let items: Vec<(usize, usize, usize)> = (0..5).map(|n| (n, 4 - n, 1)).collect();
        assert_eq!(
            heaviest_increasing(&items).iter().filter(|k| **k).count(),
            1
        );
    }
}
