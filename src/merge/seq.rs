//! Three-way merge of a sequence: the order of a clause's children, of its commitments.
//!
//! Each revision is compared with the base (Myers): the base elements it keeps in order stand
//! where the base has them; every other element of the revision (one it added, or a base
//! element it moved) is an insertion after the nearest kept element before it (its anchor).
//! The merge walks the base, each element followed by the insertions both revisions anchored
//! there: one revision's alone, both revisions' once where alike, else both runs, in the order
//! of their first elements' `rank`, so that it does not depend on which side is which. A base
//! element that one revision moved goes where that revision put it; one that both moved to
//! different places stays where the base had it, and that is the one conflict. Elements are
//! not dropped here: what stays is decided clause by clause, and the caller filters.

use std::collections::HashMap;
use std::hash::Hash;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// Where a revision put its insertions: after which base element (`None`: at the start).
type Anchor = Option<usize>;

/// One revision read against the base.
struct Read<K> {
    /// The runs of insertions, by anchor, in the revision's order.
    runs: HashMap<Anchor, Vec<K>>,
    /// For a base element the revision moved, where it put it.
    moved: HashMap<usize, Anchor>,
}

fn read<K: Clone + Eq + Hash + Ord>(base: &[K], side: &[K], at: &HashMap<&K, usize>) -> Read<K> {
    // For each element of the revision, the base element it stands for, if kept there.
    let mut is_kept = vec![None; side.len()];
    for op in capture_diff_slices(Algorithm::Patience, base, side) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                is_kept[new_index + k] = Some(old_index + k);
            }
        }
    }
    let mut runs: HashMap<Anchor, Vec<K>> = HashMap::new();
    let mut moved = HashMap::new();
    let mut anchor: Anchor = None;
    for (i, k) in side.iter().enumerate() {
        match is_kept[i] {
            Some(b) => anchor = Some(b),
            None => {
                if let Some(&b) = at.get(k) {
                    moved.insert(b, anchor);
                }
                runs.entry(anchor).or_default().push(k.clone());
            }
        }
    }
    Read { runs, moved }
}

/// The merged sequence, and whether both revisions moved one element to different places.
pub(super) fn merge<K, R>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    rank: impl Fn(&K) -> R,
) -> (Vec<K>, bool)
where
    K: Clone + Eq + Hash + Ord,
    R: Ord,
{
    let at: HashMap<&K, usize> = base.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let sides = [read(base, ours, &at), read(base, theirs, &at)];
    let mut conflict = false;
    // Base elements moved by both to different places stay; their insertions are skipped.
    let mut stays = vec![false; base.len()];
    let mut goes = vec![false; base.len()];
    for b in 0..base.len() {
        match (sides[0].moved.get(&b), sides[1].moved.get(&b)) {
            (Some(x), Some(y)) if x != y => {
                stays[b] = true;
                conflict = true;
            }
            (Some(_), _) | (_, Some(_)) => goes[b] = true,
            // Not moved; left in place, or removed by a side (decided by the caller).
            (None, None) => {}
        }
    }
    let skip = |k: &K| at.get(k).is_some_and(|&b| stays[b]);
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    let emit = |anchor: Anchor, out: &mut Vec<K>| {
        let runs: Vec<Vec<K>> = sides
            .iter()
            .filter_map(|s| s.runs.get(&anchor))
            .map(|run| run.iter().filter(|k| !skip(k)).cloned().collect::<Vec<K>>())
            .filter(|run| !run.is_empty())
            .collect();
        match runs.as_slice() {
            [] => {}
            [one] => out.extend(one.iter().cloned()),
            [a, b] if a == b => out.extend(a.iter().cloned()),
            [a, b] => {
                let (first, second) = if rank(&a[0]) <= rank(&b[0]) {
                    (a, b)
                } else {
                    (b, a)
                };
                out.extend(first.iter().cloned());
                out.extend(second.iter().filter(|k| !first.contains(k)).cloned());
            }
            _ => unreachable!("two sides at most"),
        }
    };
    emit(None, &mut out);
    for (b, k) in base.iter().enumerate() {
        if !goes[b] {
            out.push(k.clone());
        }
        emit(Some(b), &mut out);
    }
    (out, conflict)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(b: &str, o: &str, t: &str) -> (String, bool) {
        let v = |s: &str| s.chars().collect::<Vec<char>>();
        let (out, conflict) = merge(&v(b), &v(o), &v(t), |c| *c);
        let mut seen = std::collections::HashSet::new();
        (
            out.into_iter().filter(|c| seen.insert(*c)).collect(),
            conflict,
        )
    }

    #[test]
    fn one_sided_and_identical_changes_merge_cleanly() {
        assert_eq!(m("abc", "abc", "axbc"), ("axbc".into(), false));
        assert_eq!(m("abc", "abxc", "abxc"), ("abxc".into(), false));
        // Moved by one side, and an insertion beside an element the other removes (kept
        // here: the caller drops what is removed).
        assert_eq!(m("abc", "bca", "abc"), ("bca".into(), false));
        assert_eq!(m("abc", "anbc", "ac"), ("anbc".into(), false));
    }

    #[test]
    fn both_sides_inserting_at_one_place_keep_both_in_rank_order() {
        assert_eq!(m("abc", "abyc", "abxc"), ("abxyc".into(), false));
        assert_eq!(m("abc", "abxc", "abyc"), ("abxyc".into(), false));
    }

    #[test]
    fn an_element_moved_apart_by_both_stays() {
        assert_eq!(m("abcde", "bcdea", "bcade"), ("abcde".into(), true));
        // Moved alike: once.
        assert_eq!(m("abc", "bca", "bca"), ("bca".into(), false));
    }
}
