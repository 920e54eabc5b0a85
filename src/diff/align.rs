//! Pairing the clauses of two drafts: by answer links, by id, by identical text, by similar
//! text found through an index, and by structure; then moves by a weighted longest increasing
//! subsequence.

use std::collections::HashMap;

use super::normalize::{dice, normalize, shared, shingles};
use super::{MatchedBy, Options};
use crate::{Clause, ClauseId, Proposal};

/// A clause with where it stands, flattened in document order (parents before children).
#[derive(Debug)]
pub(crate) struct Node<'a> {
    pub(crate) clause: &'a Clause,
    pub(crate) parent: Option<usize>,
    /// Position among its siblings.
    pub(crate) index: usize,
    /// Clauses in its subtree, itself included.
    pub(crate) size: usize,
    pub(crate) normalized: String,
}

pub(crate) fn flatten(p: &Proposal) -> Vec<Node<'_>> {
    let mut out: Vec<Node<'_>> = Vec::new();
    // (clause, parent, index), pushed in reverse so that they pop in document order.
    let mut stack: Vec<(&Clause, Option<usize>, usize)> = p
        .clauses
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c, None, i))
        .collect();
    while let Some((clause, parent, index)) = stack.pop() {
        let me = out.len();
        out.push(Node {
            clause,
            parent,
            index,
            size: 1,
            normalized: normalize(&clause.text),
        });
        stack.extend(
            clause
                .children()
                .iter()
                .enumerate()
                .rev()
                .map(|(i, c)| (c, Some(me), i)),
        );
    }
    // Children come after their parent, so one backward pass sums subtree sizes.
    for i in (0..out.len()).rev() {
        if let Some(parent) = out[i].parent {
            out[parent].size += out[i].size;
        }
    }
    out
}

/// Which old clause each new clause is paired with, how, and how alike the two are.
#[derive(Debug)]
pub(crate) struct Alignment {
    pub(crate) new_to_old: Vec<Option<usize>>,
    pub(crate) old_to_new: Vec<Option<usize>>,
    pub(crate) method: Vec<Option<MatchedBy>>,
    pub(crate) similarity: Vec<f64>,
    /// Candidate pairs the index looked at, for the record of the work done.
    pub(crate) candidates_scored: usize,
}

impl Alignment {
    fn pair(&mut self, new: usize, old: usize, how: MatchedBy) {
        self.new_to_old[new] = Some(old);
        self.old_to_new[old] = Some(new);
        self.method[new] = Some(how);
    }
}

/// Posting lists longer than this are not used to find candidates: a shingle that common
/// ("the P", "shall") says little about which clause is which, and skipping it keeps the cost
/// near-linear in the number of clauses.
const MAX_POSTINGS: usize = 256;
/// Candidates scored exactly per clause, at most: the ones sharing the most rare shingles.
const MAX_CANDIDATES: usize = 32;

pub(crate) fn align(
    old_p: &Proposal,
    new_p: &Proposal,
    old: &[Node<'_>],
    new: &[Node<'_>],
    options: &Options,
) -> Alignment {
    let mut a = Alignment {
        new_to_old: vec![None; new.len()],
        old_to_new: vec![None; old.len()],
        method: vec![None; new.len()],
        similarity: vec![0.0; new.len()],
        candidates_scored: 0,
    };

    // 1. Answer links, in whichever direction the proposals answer each other.
    if options.match_links {
        if new_p.answers.as_ref() == Some(old_p.id()) {
            let by_id = first_by_id(old);
            for (n, node) in new.iter().enumerate() {
                if let Some(o) = node
                    .clause
                    .answers
                    .iter()
                    .filter_map(|id| by_id.get(id))
                    .copied()
                    .find(|&o| a.old_to_new[o].is_none())
                {
                    a.pair(n, o, MatchedBy::Link);
                }
            }
        } else if old_p.answers.as_ref() == Some(new_p.id()) {
            let by_id = first_by_id(new);
            for (o, node) in old.iter().enumerate() {
                if let Some(n) = node
                    .clause
                    .answers
                    .iter()
                    .filter_map(|id| by_id.get(id))
                    .copied()
                    .find(|&n| a.new_to_old[n].is_none())
                {
                    a.pair(n, o, MatchedBy::Link);
                }
            }
        }
    }

    // 2. Shared ids.
    if options.match_ids {
        let by_id = first_by_id(old);
        for (n, node) in new.iter().enumerate() {
            if a.new_to_old[n].is_some() {
                continue;
            }
            if let Some(&o) = by_id.get(&node.clause.id) {
                if a.old_to_new[o].is_none() {
                    a.pair(n, o, MatchedBy::Id);
                }
            }
        }
    }

    // 3. Identical normalised text, first come first paired.
    let mut by_text: HashMap<&str, std::collections::VecDeque<usize>> = HashMap::new();
    for (o, node) in old.iter().enumerate() {
        if a.old_to_new[o].is_none() && !node.normalized.is_empty() {
            by_text
                .entry(node.normalized.as_str())
                .or_default()
                .push_back(o);
        }
    }
    for (n, node) in new.iter().enumerate() {
        if a.new_to_old[n].is_some() || node.normalized.is_empty() {
            continue;
        }
        if let Some(queue) = by_text.get_mut(node.normalized.as_str()) {
            while let Some(o) = queue.pop_front() {
                if a.old_to_new[o].is_none() {
                    a.pair(n, o, MatchedBy::Text);
                    break;
                }
            }
        }
    }

    // 4. Similar text, through an index of the clauses still unpaired.
    let old_free: Vec<usize> = (0..old.len())
        .filter(|&o| a.old_to_new[o].is_none() && !old[o].normalized.is_empty())
        .collect();
    let new_free: Vec<usize> = (0..new.len())
        .filter(|&n| a.new_to_old[n].is_none() && !new[n].normalized.is_empty())
        .collect();
    if !old_free.is_empty() && !new_free.is_empty() {
        let old_sh: HashMap<usize, Vec<u64>> = old_free
            .iter()
            .map(|&o| (o, shingles(&old[o].normalized)))
            .collect();
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        for &o in &old_free {
            for &s in &old_sh[&o] {
                index.entry(s).or_default().push(o);
            }
        }
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &n in &new_free {
            let sh = shingles(&new[n].normalized);
            counts.clear();
            for s in &sh {
                if let Some(list) = index.get(s).filter(|l| l.len() <= MAX_POSTINGS) {
                    for &o in list {
                        *counts.entry(o).or_default() += 1;
                    }
                }
            }
            let mut candidates: Vec<(usize, usize)> =
                counts.iter().map(|(&o, &c)| (c, o)).collect();
            candidates.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            for &(_, o) in candidates.iter().take(MAX_CANDIDATES) {
                a.candidates_scored += 1;
                let d = dice(&sh, &old_sh[&o]);
                if d >= options.similarity_threshold {
                    scored.push((d, n, o));
                }
            }
        }
        // Most alike first; ties in new, then old, document order.
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, n, o) in scored {
            if a.new_to_old[n].is_none() && a.old_to_new[o].is_none() {
                a.pair(n, o, MatchedBy::Similarity);
            }
        }
    }

    // 5. Structure: an unpaired clause is paired with the unpaired parent of its children's
    // partners when their texts are both empty (articles that only hold paragraphs) or alike.
    // Candidates score the children they share over the children either has (Jaccard), best
    // first; rounds repeat so that parts follow their articles, articles their paragraphs.
    loop {
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        for n in 0..new.len() {
            if a.new_to_old[n].is_some() || new[n].clause.children().is_empty() {
                continue;
            }
            let mut votes: HashMap<usize, usize> = HashMap::new();
            for (c, child) in new.iter().enumerate().skip(n + 1).take(new[n].size - 1) {
                if child.parent == Some(n) {
                    if let Some(parent) = a.new_to_old[c].and_then(|o| old[o].parent) {
                        *votes.entry(parent).or_default() += 1;
                    }
                }
            }
            for (o, shared) in votes {
                if a.old_to_new[o].is_some() {
                    continue;
                }
                let both_empty = old[o].normalized.is_empty() && new[n].normalized.is_empty();
                if !both_empty
                    && dice(&shingles(&old[o].normalized), &shingles(&new[n].normalized))
                        < options.similarity_threshold / 2.0
                {
                    continue;
                }
                let union =
                    old[o].clause.children().len() + new[n].clause.children().len() - shared;
                scored.push((shared as f64 / union as f64, n, o));
            }
        }
        if scored.is_empty() {
            break;
        }
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut paired = false;
        for (_, n, o) in scored {
            if a.new_to_old[n].is_none() && a.old_to_new[o].is_none() {
                a.pair(n, o, MatchedBy::Structure);
                paired = true;
            }
        }
        if !paired {
            break;
        }
    }

    for (n, node) in new.iter().enumerate() {
        if let Some(o) = a.new_to_old[n] {
            a.similarity[n] = if old[o].normalized == node.normalized {
                1.0
            } else {
                dice(&shingles(&old[o].normalized), &shingles(&node.normalized))
            };
        }
    }
    a
}

fn first_by_id<'a>(nodes: &[Node<'a>]) -> HashMap<&'a ClauseId, usize> {
    let mut map = HashMap::with_capacity(nodes.len());
    for (i, node) in nodes.iter().enumerate() {
        map.entry(&node.clause.id).or_insert(i);
    }
    map
}

/// The paired clauses that moved among their siblings: within each group of clauses that share
/// a parent on both sides, those outside the heaviest increasing subsequence of old positions
/// taken in new order. A clause weighs as many clauses as its subtree holds, so a moved
/// paragraph is reported rather than the article around it. Among subsequences of equal
/// weight, the one built from the clauses that came first in the old draft is kept: each step
/// prefers that predecessor, and the subsequence ends at that clause.
pub(crate) fn moved(old: &[Node<'_>], new: &[Node<'_>], a: &Alignment) -> Vec<bool> {
    let mut groups: HashMap<Option<usize>, Vec<(usize, usize, usize)>> = HashMap::new();
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

/// Clauses of one side whose text is now spread over two clauses of the other side: each
/// `(whole, [part, part], coverage)`. `whole` must be removed or changed, at least one part must
/// be unpaired, each part must take most of its text from `whole`, and together they must cover
/// `threshold` of its shingles.
pub(crate) fn spread(
    wholes: &[Node<'_>],
    parts: &[Node<'_>],
    whole_to_part: &[Option<usize>],
    part_to_whole: &[Option<usize>],
    similarity_of: impl Fn(usize) -> f64,
    threshold: f64,
) -> Vec<(usize, [usize; 2], f64)> {
    let candidates_whole: Vec<usize> = (0..wholes.len())
        .filter(|&w| {
            !wholes[w].normalized.is_empty()
                && (whole_to_part[w].is_none() || similarity_of(w) < 1.0)
        })
        .collect();
    let free_parts: Vec<usize> = (0..parts.len())
        .filter(|&p| part_to_whole[p].is_none() && !parts[p].normalized.is_empty())
        .collect();
    if candidates_whole.is_empty() || free_parts.is_empty() {
        return Vec::new();
    }
    let mut part_sh: HashMap<usize, Vec<u64>> = free_parts
        .iter()
        .map(|&p| (p, shingles(&parts[p].normalized)))
        .collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for &p in &free_parts {
        for &s in &part_sh[&p] {
            index.entry(s).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    let mut used = vec![false; parts.len()];
    for &w in &candidates_whole {
        let wsh = shingles(&wholes[w].normalized);
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for s in &wsh {
            if let Some(list) = index.get(s).filter(|l| l.len() <= MAX_POSTINGS) {
                for &p in list {
                    *counts.entry(p).or_default() += 1;
                }
            }
        }
        let mut pool: Vec<usize> = counts.keys().copied().filter(|&p| !used[p]).collect();
        if let Some(partner) = whole_to_part[w] {
            part_sh
                .entry(partner)
                .or_insert_with(|| shingles(&parts[partner].normalized));
            pool.push(partner);
        }
        let mut ranked: Vec<(usize, usize)> = pool
            .into_iter()
            .filter(|p| !parts[*p].normalized.is_empty())
            .map(|p| (shared(&wsh, &part_sh[&p]), p))
            .filter(|&(s, p)| s * 2 >= part_sh[&p].len())
            .collect();
        ranked.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        ranked.truncate(MAX_CANDIDATES);
        let Some(&[(_, p1), (_, p2)]) = ranked
            .get(..2)
            .map(|s| <&[_; 2]>::try_from(s).expect("two"))
        else {
            continue;
        };
        if part_to_whole[p1].is_some() && part_to_whole[p2].is_some() {
            continue;
        }
        let union: Vec<u64> = {
            let mut u: Vec<u64> = part_sh[&p1].iter().chain(&part_sh[&p2]).copied().collect();
            u.sort_unstable();
            u.dedup();
            u
        };
        let coverage = shared(&wsh, &union) as f64 / wsh.len().max(1) as f64;
        if coverage >= threshold {
            let (a, b) = if p1 < p2 { (p1, p2) } else { (p2, p1) };
            for p in [a, b] {
                if part_to_whole[p].is_none() {
                    used[p] = true;
                }
            }
            out.push((w, [a, b], coverage));
        }
    }
    out
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
