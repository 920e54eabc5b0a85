//! Steps over groups of siblings under paired parents: the gaps between anchors, numbers as
//! evidence, and order between languages.
//!
//! Clauses already paired in parallel places are anchors, as unique lines are in patience
//! diff; between two anchors, the clauses still unpaired on each side are the only candidates
//! for each other, so a lower similarity pairs them.

use super::similar::{has_text, whole};
use super::{Alignment, FxMap, Node};
use crate::diff::MatchedBy;
use crate::diff::normalize::dice;

/// Pairs compared in one gap, at most; a larger gap is left to the other steps. It bounds the
/// work per gap (a pair of articles is one Dice of their bigrams), and gaps that large have
/// no order left to trust.
pub(super) const GAP_WORK: usize = 1_024;

/// The children of each clause (`Some(parent)`) and the clauses at the top (`None`) of both
/// drafts, in order. The trees do not change while clauses pair, so the steps over siblings
/// share one.
pub(super) struct Siblings {
    old: FxMap<Option<usize>, Vec<usize>>,
    new: FxMap<Option<usize>, Vec<usize>>,
}

impl Siblings {
    pub(super) fn new(old: &[Node<'_>], new: &[Node<'_>]) -> Siblings {
        let children = |nodes: &[Node<'_>]| {
            let mut out: FxMap<Option<usize>, Vec<usize>> = FxMap::default();
            for (i, node) in nodes.iter().enumerate() {
                out.entry(node.parent).or_default().push(i);
            }
            out
        };
        Siblings {
            old: children(old),
            new: children(new),
        }
    }
}

/// Calls `step` on every group of siblings under paired parents, and at the top: the new
/// children, the old children, and the old parent. Parents are done before their children, so
/// a pair made in one group lets the group below it be visited.
fn groups(
    a: &mut Alignment,
    siblings: &Siblings,
    mut step: impl FnMut(&mut Alignment, &[usize], &[usize], Option<usize>),
) {
    let empty = Vec::new();
    let tops = std::iter::once(None).chain((0..a.new_to_old.len()).map(Some));
    for np in tops {
        let Some(op) = a.old_place(np) else {
            continue;
        };
        let (ns, os) = (
            siblings.new.get(&np).unwrap_or(&empty),
            siblings.old.get(&op).unwrap_or(&empty),
        );
        if !ns.is_empty() && !os.is_empty() {
            step(a, ns, os, op);
        }
    }
}

/// Pairs, in every group of siblings under paired parents (and at the top), the unpaired
/// clauses between consecutive anchors whose whole texts are at least `floor` alike: the most
/// alike first, then the same in the parts of the gap before and after it, so that pairs never
/// cross. A pair made here anchors the level below.
pub(super) fn gaps(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    siblings: &Siblings,
    floor: f64,
) {
    groups(a, siblings, |a, ns, os, op| {
        // Anchors: children paired with children of the paired parent, kept where their old
        // places increase (a moved clause is no anchor).
        let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
        for (k, &n) in ns.iter().enumerate() {
            let Some(o) = a.new_to_old[n] else { continue };
            if old[o].parent != op {
                continue;
            }
            let at = old[o].index;
            if bounds.last().is_some_and(|&(_, last)| at + 1 > last) {
                bounds.push((k + 1, at + 1));
            }
        }
        bounds.push((ns.len() + 1, os.len() + 1));
        for w in bounds.windows(2) {
            // The children strictly between two anchors (positions shifted by one).
            let gap_new: Vec<usize> = ns[w[0].0..w[1].0 - 1]
                .iter()
                .copied()
                .filter(|&n| a.new_to_old[n].is_none() && has_text(new, n))
                .collect();
            let gap_old: Vec<usize> = os[w[0].1..w[1].1 - 1]
                .iter()
                .copied()
                .filter(|&o| a.old_to_new[o].is_none() && has_text(old, o))
                .collect();
            if gap_new.is_empty() || gap_old.is_empty() || gap_new.len() * gap_old.len() > GAP_WORK
            {
                continue;
            }
            // The anchors around the gap, on each side.
            let before = |k: usize| k.checked_sub(1);
            let anchors: Vec<&[u64]> = [
                before(w[0].0)
                    .and_then(|k| ns.get(k))
                    .map(|&n| whole(new, n)),
                ns.get(w[1].0 - 1).map(|&n| whole(new, n)),
                before(w[0].1)
                    .and_then(|k| os.get(k))
                    .map(|&o| whole(old, o)),
                os.get(w[1].1 - 1).map(|&o| whole(old, o)),
            ]
            .into_iter()
            .flatten()
            .collect();
            fill(a, old, new, (&gap_old, &gap_new, &anchors), floor);
        }
    });
}

/// What a displayed number says whatever its language: the number without its keyword, in
/// lower case. "Article 4.2" and "Artículo 4.2" are "4.2", "(b)" is "b", "13 bis" stays "13 bis".
pub(super) fn number_key(number: &str) -> Option<String> {
    let mut words = number.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let keyword = first.chars().count() >= 3 && first.chars().all(char::is_alphabetic);
    let key = if keyword && !rest.is_empty() {
        rest.join(" ")
    } else {
        number.to_owned()
    };
    let key = key
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (!key.is_empty()).then_some(key)
}

/// Numbers as evidence: in every group of siblings under paired parents, a free clause pairs
/// with the free sibling of the other draft that bears its number (the keyword aside), when
/// their whole texts are at least `floor` alike (any, with a floor of 0), and their kinds do not
/// differ. Such pairs say [`MatchedBy::Number`].
pub(super) fn numbers(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    siblings: &Siblings,
    floor: f64,
) {
    let key = |node: &Node<'_>| node.clause.number.as_deref().and_then(number_key);
    groups(a, siblings, |a, ns, os, _| {
        let mut by_key: FxMap<String, usize> = FxMap::default();
        for &o in os {
            if a.old_to_new[o].is_none() {
                if let Some(k) = key(&old[o]) {
                    by_key.entry(k).or_insert(o);
                }
            }
        }
        if by_key.is_empty() {
            return;
        }
        for &n in ns {
            if a.new_to_old[n].is_some() {
                continue;
            }
            let Some(&o) = key(&new[n]).and_then(|k| by_key.get(&k)) else {
                continue;
            };
            let kinds_differ = matches!(
                (old[o].clause.kind, new[n].clause.kind),
                (Some(x), Some(y)) if x != y
            );
            if a.old_to_new[o].is_some() || kinds_differ {
                continue;
            }
            if floor <= 0.0 || alike_beyond_neighbours(old, new, os, ns, o, n, floor) {
                a.pair(n, o, MatchedBy::Number);
            }
        }
    });
}

/// Whether `o` and `n` (of the sibling lists `os` and `ns`) are at least `floor` alike, and more
/// alike, by [`BEYOND_ANCHORS`], than either is with the siblings just before and after it.
fn alike_beyond_neighbours(
    old: &[Node<'_>],
    new: &[Node<'_>],
    os: &[usize],
    ns: &[usize],
    o: usize,
    n: usize,
    floor: f64,
) -> bool {
    let (x, y) = (whole(old, o), whole(new, n));
    let d = dice(x, y);
    let around = |nodes: &[Node<'_>], list: &[usize], i: usize, text: &[u64]| {
        let k = nodes[i].index;
        [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|k| list.get(k))
            .map(|&j| dice(text, whole(nodes, j)))
            .fold(0.0, f64::max)
    };
    d >= floor && d >= around(old, os, o, x).max(around(new, ns, n, y)) + BEYOND_ANCHORS
}

/// In order: in every group of siblings under paired parents, when the free clauses without a
/// number are as many on both sides, they pair in order ([`MatchedBy::Position`]). Used only
/// between drafts in different languages, where nothing else says which is which.
pub(super) fn in_order(a: &mut Alignment, old: &[Node<'_>], new: &[Node<'_>], siblings: &Siblings) {
    let unnumbered = |node: &Node<'_>| node.clause.number.as_deref().and_then(number_key).is_none();
    groups(a, siblings, |a, ns, os, _| {
        let free_new: Vec<usize> = ns
            .iter()
            .copied()
            .filter(|&n| a.new_to_old[n].is_none() && unnumbered(&new[n]))
            .collect();
        let free_old: Vec<usize> = os
            .iter()
            .copied()
            .filter(|&o| a.old_to_new[o].is_none() && unnumbered(&old[o]))
            .collect();
        if free_new.len() == free_old.len() {
            for (n, o) in free_new.into_iter().zip(free_old) {
                a.pair(n, o, MatchedBy::Position);
            }
        }
    });
}

/// What a pair in a gap must share beyond what each shares with the anchors around the gap:
/// words a whole template repeats ("... shall, in accordance with its laws and regulations,
/// ...") make neighbours alike too, so two different provisions that share only those do not
/// pair at the gap's low floor.
const BEYOND_ANCHORS: f64 = 0.1;

/// Pairs the most alike clauses of a gap, then recurses on each side of that pair. A pair
/// counts only when its similarity is at least `floor` and exceeds, by [`BEYOND_ANCHORS`],
/// the similarity of either clause with any anchor around the gap.
fn fill(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    (gap_old, gap_new, anchors): (&[usize], &[usize], &[&[u64]]),
    floor: f64,
) {
    let baseline = |text: &[u64]| {
        anchors
            .iter()
            .map(|anchor| dice(text, anchor))
            .fold(0.0, f64::max)
    };
    let old_base: Vec<f64> = gap_old.iter().map(|&o| baseline(whole(old, o))).collect();
    let new_base: Vec<f64> = gap_new.iter().map(|&n| baseline(whole(new, n))).collect();
    let scores: Vec<Vec<f64>> = gap_new
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            gap_old
                .iter()
                .enumerate()
                .map(|(j, &o)| {
                    let d = dice(whole(old, o), whole(new, n));
                    if d >= old_base[j].max(new_base[i]) + BEYOND_ANCHORS {
                        d
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect();
    // Ranges of the gap still open, as (new from, new to, old from, old to).
    let mut open = vec![(0, gap_new.len(), 0, gap_old.len())];
    while let Some((n0, n1, o0, o1)) = open.pop() {
        let mut best: Option<(f64, usize, usize)> = None;
        for (i, row) in scores.iter().enumerate().take(n1).skip(n0) {
            for (j, &d) in row.iter().enumerate().take(o1).skip(o0) {
                if d >= floor && best.is_none_or(|b| d > b.0) {
                    best = Some((d, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { continue };
        a.pair(gap_new[i], gap_old[j], MatchedBy::Context);
        open.push((n0, i, o0, j));
        open.push((i + 1, n1, j + 1, o1));
    }
}
