//! Step 4 of the alignment (clauses paired by similar text: whole clauses first, then each
//! clause by its own text) and the levels repair after step 5.

use super::conflicts::{self, Edge};
use super::gaps::GAP_WORK;
use super::index::{Counter, MAX_CANDIDATES, ShingleIndex};
use super::{Alignment, FxMap, Node};
use crate::diff::MatchedBy;
use crate::diff::normalize::{dice, shingles_masked};

/// What a pair gains, for ranking only, when its parents are paired with each other (or both
/// stand at the top): between two equally alike candidates, the one in the parallel place
/// wins. It is small, so that it only breaks near-ties: boilerplate repeated under many
/// articles pairs under the right article.
const PARENT_BONUS: f64 = 0.02;
/// What a pair gains when the clauses just before them are paired with each other.
const NEIGHBOUR_BONUS: f64 = 0.01;
/// The least similarity for a pair whose parents are paired, but not with each other: a
/// clause that moved to another article or chapter. Templates repeat their boilerplate in
/// every chapter ("the functions of the Sub-Committee shall be:"), so a moderately alike
/// clause elsewhere is more often a sibling provision than the same one moved; a clause that
/// really moved is usually moved whole.
const MOVED_FLOOR: f64 = 0.75;

/// The most clauses a subtree may hold to be compared whole in step 4a. An article with its
/// paragraphs and points stays well under it; a chapter or a part goes over, and pairs in the
/// structure step through its articles, at no cost of comparing whole chapters.
const MAX_WHOLE: usize = 128;

/// The bigrams of a clause's whole subtree: its own text and its descendants', in document
/// order. A clause without children is its own text.
pub(super) fn whole<'n>(nodes: &'n [Node<'_>], i: usize) -> &'n [u64] {
    let node = &nodes[i];
    if node.size == 1 {
        return node.shingles();
    }
    node.whole.get_or_init(|| {
        let mut text = String::new();
        for k in &nodes[i..i + node.size] {
            if !k.normalized.is_empty() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&k.normalized);
            }
        }
        shingles_masked(&text, node.masked)
    })
}

/// Whether a clause has text anywhere in its subtree.
pub(super) fn has_text(nodes: &[Node<'_>], i: usize) -> bool {
    nodes[i..i + nodes[i].size]
        .iter()
        .any(|k| !k.normalized.is_empty())
}

/// Whether two clauses stand in parallel places: their parents are paired with each other, or
/// both stand at the top.
fn parallel(a: &Alignment, old: &[Node<'_>], new: &[Node<'_>], o: usize, n: usize) -> bool {
    a.old_place(new[n].parent) == Some(old[o].parent)
}

/// Whether a pair would cross the outline: the nearest paired ancestors of the two (the top
/// counts as paired with the top) are not paired with each other. A clause that would move
/// from one chapter to another, or from one article to another, crosses; one whose article
/// is not paired yet does not, if the chapters around it are.
fn crossing(a: &Alignment, old: &[Node<'_>], new: &[Node<'_>], o: usize, n: usize) -> bool {
    let mut op = old[o].parent;
    while let Some(p) = op.filter(|&p| a.old_to_new[p].is_none()) {
        op = old[p].parent;
    }
    let mut np = new[n].parent;
    while let Some(p) = np.filter(|&p| a.new_to_old[p].is_none()) {
        np = new[p].parent;
    }
    match (op, np) {
        (None, None) => false,
        (Some(op), np) => a.old_to_new[op] != np,
        (None, Some(_)) => true,
    }
}

/// Whether a pair of this similarity may be made where it stands.
fn fits(a: &Alignment, old: &[Node<'_>], new: &[Node<'_>], o: usize, n: usize, d: f64) -> bool {
    d >= MOVED_FLOOR || !crossing(a, old, new, o, n)
}

/// How a pair stands in the two outlines: its context bonus.
fn context(a: &Alignment, old: &[Node<'_>], new: &[Node<'_>], o: usize, n: usize) -> f64 {
    let mut bonus = 0.0;
    if parallel(a, old, new, o, n) {
        bonus += PARENT_BONUS;
    }
    // The clause just before each in document order.
    if o > 0 && n > 0 && a.new_to_old[n - 1] == Some(o - 1) {
        bonus += NEIGHBOUR_BONUS;
    }
    bonus
}

/// The free clauses of one side that step 4a compares whole: (with children, without).
fn free(nodes: &[Node<'_>], taken: impl Fn(usize) -> bool) -> (Vec<usize>, Vec<usize>) {
    (0..nodes.len())
        .filter(|&i| !taken(i) && nodes[i].size <= MAX_WHOLE && has_text(nodes, i))
        .partition(|&i| nodes[i].size > 1)
}

/// Scores each of `news` whole against its candidates in `index`, above `threshold`.
fn score_wholes(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    news: &[usize],
    index: &ShingleIndex,
    threshold: f64,
    counter: &mut Counter,
) -> Vec<Scored> {
    let mut scored = Vec::new();
    for &n in news {
        let sh = whole(new, n);
        for o in index.candidates(sh, counter, MAX_CANDIDATES) {
            a.candidates_scored += 1;
            let d = dice(sh, whole(old, o));
            if d >= threshold && own_texts_agree(old, new, o, n, threshold) {
                scored.push((d + context(a, old, new, o, n), d, n, o));
            }
        }
    }
    scored
}

/// Whether two clauses compared whole do not contradict their own texts: where both have text
/// of their own, it must be alike too (to the threshold). Otherwise two articles would pair
/// through a paragraph moved from one to the other while their own texts differ.
fn own_texts_agree(old: &[Node<'_>], new: &[Node<'_>], o: usize, n: usize, threshold: f64) -> bool {
    let (x, y) = (&old[o], &new[n]);
    x.normalized.is_empty()
        || y.normalized.is_empty()
        || dice(x.shingles(), y.shingles()) >= threshold
}

/// 4a. Whole clauses: a clause with children is compared by the text of its whole subtree
/// with the free clauses of the other side that have children. An article whose first
/// paragraph lost its number (and joined the article's own text) then pairs with its
/// counterpart rather than with that paragraph. Its parts are paired after, where they can be.
pub(super) fn wholes(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    threshold: f64,
    counter: &mut Counter,
) {
    let (old_containers, _) = free(old, |o| a.old_to_new[o].is_some());
    let (new_containers, _) = free(new, |n| a.new_to_old[n].is_some());
    if old_containers.is_empty() || new_containers.is_empty() {
        return;
    }
    let index = ShingleIndex::new(old_containers.iter().map(|&o| (o, whole(old, o))));
    let scored = score_wholes(a, old, new, &new_containers, &index, threshold, counter);
    assign(a, old, new, scored, |a, o, n, d| fits(a, old, new, o, n, d));
}

/// 4e. Whole clauses across shapes: a clause with children against one without, so that an
/// article written as one paragraph in one draft and as a lead-in with paragraphs in the other
/// pairs as one article. Only in parallel places (children of paired parents, or both at the
/// top): elsewhere an article would pair with the paragraph that holds most of its
/// counterpart's text. Within a group of siblings, at most [`GAP_WORK`] pairs are scored; a
/// larger group is left to the other steps.
pub(super) fn across_shapes(a: &mut Alignment, old: &[Node<'_>], new: &[Node<'_>], threshold: f64) {
    let taken_old = |o: usize| a.old_to_new[o].is_some();
    let taken_new = |n: usize| a.new_to_old[n].is_some();
    let (old_containers, old_leaves) = free(old, taken_old);
    let (new_containers, new_leaves) = free(new, taken_new);
    if (old_containers.is_empty() || new_leaves.is_empty())
        && (old_leaves.is_empty() || new_containers.is_empty())
    {
        return;
    }
    // The free clauses of each side by parent, containers and leaves apart.
    let by_parent = |nodes: &[Node<'_>], list: &[usize]| {
        let mut map: FxMap<Option<usize>, Vec<usize>> = FxMap::default();
        for &i in list {
            map.entry(nodes[i].parent).or_default().push(i);
        }
        map
    };
    let (old_c, old_l) = (by_parent(old, &old_containers), by_parent(old, &old_leaves));
    let (new_c, new_l) = (by_parent(new, &new_containers), by_parent(new, &new_leaves));
    let mut scored: Vec<Scored> = Vec::new();
    for (news, olds) in [(&new_l, &old_c), (&new_c, &old_l)] {
        for (np, group) in news {
            let Some(op) = a.old_place(*np) else {
                continue;
            };
            let Some(candidates) = olds.get(&op) else {
                continue;
            };
            if group.len() * candidates.len() > GAP_WORK {
                continue;
            }
            for &n in group {
                for &o in candidates {
                    a.candidates_scored += 1;
                    let d = dice(whole(old, o), whole(new, n));
                    if d >= threshold {
                        scored.push((d + context(a, old, new, o, n), d, n, o));
                    }
                }
            }
        }
    }
    assign(a, old, new, scored, |_, _, _, _| true);
}

/// 4d. Each clause by its own text. Clauses of one side with the same text form a group, found
/// and scored once; new clauses are shared out to old groups best first, and each share pairs
/// with the group's members in parallel places first, then in document order. So a hundred
/// identical clauses changed alike pair in order, and no cap on candidates starves them.
pub(super) fn own_texts(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    threshold: f64,
    counter: &mut Counter,
) {
    let groups = |nodes: &[Node<'_>], taken: &dyn Fn(usize) -> bool| {
        let mut by_text: FxMap<&str, usize> = FxMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            if taken(i) || node.normalized.is_empty() {
                continue;
            }
            let g = *by_text.entry(node.normalized.as_ref()).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[g].push(i);
        }
        members
    };
    let old_groups = groups(old, &|o| a.old_to_new[o].is_some());
    let new_groups = groups(new, &|n| a.new_to_old[n].is_some());
    if old_groups.is_empty() || new_groups.is_empty() {
        return;
    }
    let index = ShingleIndex::new(
        old_groups
            .iter()
            .enumerate()
            .map(|(g, m)| (g, old[m[0]].shingles())),
    );
    // Candidates are scored group against group, ranked with the context of their first
    // members; a group pair then pairs its members still free, in order.
    let mut scored: Vec<Scored> = Vec::new();
    for (h, members) in new_groups.iter().enumerate() {
        let sh = new[members[0]].shingles();
        for g in index.candidates(sh, counter, MAX_CANDIDATES) {
            a.candidates_scored += 1;
            let d = dice(sh, old[old_groups[g][0]].shingles());
            if d >= threshold {
                let rank = d + context(a, old, new, old_groups[g][0], members[0]);
                scored.push((rank, d, h, g));
            }
        }
    }
    sort(&mut scored);
    // Conflicts between single clauses are resolved for the best total; a run of equal clauses
    // pairs as a run, best first.
    let edges: Vec<Edge> = scored.iter().map(|&(r, _, h, g)| (r, h, g)).collect();
    let (keep, approximate) = conflicts::resolve(&edges, |e| {
        let (h, g) = (edges[e].1, edges[e].2);
        new_groups[h].len() > 1
            || old_groups[g].len() > 1
            || !parallel(a, old, new, old_groups[g][0], new_groups[h][0])
    });
    a.approximate |= approximate;
    // First, which new clauses go to which old group: best first, as many as the group has
    // left. Then each old group's share pairs with its members in document order, so that a
    // run of alike clauses pairs in order whatever the scores of its members.
    let mut next_new = vec![0; new_groups.len()];
    let mut left_old: Vec<usize> = old_groups.iter().map(Vec::len).collect();
    let mut shares: Vec<Vec<(usize, f64)>> = vec![Vec::new(); old_groups.len()];
    for ((_, d, h, g), _) in scored.into_iter().zip(keep).filter(|(_, k)| *k) {
        let take = (new_groups[h].len() - next_new[h]).min(left_old[g]);
        let members = &new_groups[h][next_new[h]..next_new[h] + take];
        shares[g].extend(members.iter().map(|&n| (n, d)));
        next_new[h] += take;
        left_old[g] -= take;
    }
    for (g, mut share) in shares.into_iter().enumerate() {
        share.sort_unstable_by_key(|&(n, _)| n);
        pair_run(a, old, new, &old_groups[g], &share, MatchedBy::Similarity);
    }
}

/// Pairs a run of alike clauses: `news` (with their similarity) with `olds`, both in document
/// order. A clause pairs first with one whose parent is paired with its own parent (the
/// boilerplate of one article with the same article's); the rest pair in order. Linear in the
/// size of the run.
pub(super) fn pair_run(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    olds: &[usize],
    news: &[(usize, f64)],
    how: MatchedBy,
) {
    // One against one, the common case, needs no map.
    if let ([(n, d)], [o]) = (news, olds) {
        if a.new_to_old[*n].is_none() && a.old_to_new[*o].is_none() && fits(a, old, new, *o, *n, *d)
        {
            a.pair(*n, *o, how);
        }
        return;
    }
    let mut by_parent: FxMap<Option<usize>, std::collections::VecDeque<usize>> = FxMap::default();
    for &o in olds.iter().filter(|&&o| a.old_to_new[o].is_none()) {
        by_parent.entry(old[o].parent).or_default().push_back(o);
    }
    for &(n, d) in news {
        if a.new_to_old[n].is_some() {
            continue;
        }
        let Some(parent) = a.old_place(new[n].parent) else {
            continue;
        };
        let Some(o) = by_parent.get_mut(&parent).and_then(|q| q.pop_front()) else {
            continue;
        };
        if fits(a, old, new, o, n, d) {
            a.pair(n, o, how);
        }
    }
    let mut k = 0;
    for &(n, d) in news {
        if a.new_to_old[n].is_some() {
            continue;
        }
        while k < olds.len() && a.old_to_new[olds[k]].is_some() {
            k += 1;
        }
        let Some(&o) = olds.get(k) else { break };
        k += 1;
        if fits(a, old, new, o, n, d) {
            a.pair(n, o, how);
        }
    }
}

/// Levels (after step 5): a clause paired with a part of its counterpart pairs with the
/// counterpart. When a clause's partner sits inside an unpaired clause that stands in the
/// clause's own place (their parents paired with each other, or both at the top), the two are
/// one provision written in two shapes: an article of one paragraph against an article whose text is in
/// numbered paragraphs, or an article whose first paragraph lost its number. The clause
/// pairs with the enclosing clause, and the part is left to stand alone; its children keep
/// their partners.
pub(super) fn levels(a: &mut Alignment, old: &[Node<'_>], new: &[Node<'_>], threshold: f64) {
    // The two whole texts must be alike too (half the threshold): a part is most of the
    // provision, not a paragraph that two different articles happen to share.
    let alike = |o: usize, n: usize| dice(whole(old, o), whole(new, n)) >= threshold / 2.0;
    // One pass over the pairs as they stand: a repair never feeds another, so that a pair
    // moved up does not pull its children's pairs up after it.
    let pairs: Vec<(usize, usize)> = (0..new.len())
        .filter_map(|n| a.new_to_old[n].map(|o| (o, n)))
        .collect();
    let (mut old_touched, mut new_touched) = (vec![false; old.len()], vec![false; new.len()]);
    for (o, n) in pairs {
        if old_touched[o] || new_touched[n] {
            continue;
        }
        let up = match (new[n].parent, old[o].parent) {
            (Some(q), _)
                if a.new_to_old[q].is_none()
                    && !new_touched[q]
                    && parallel(a, old, new, o, q)
                    && alike(o, q) =>
            {
                Some((o, q))
            }
            (_, Some(p))
                if a.old_to_new[p].is_none()
                    && !old_touched[p]
                    && parallel(a, old, new, p, n)
                    && alike(p, n) =>
            {
                Some((p, n))
            }
            _ => None,
        };
        if let Some((to_o, to_n)) = up {
            a.unpair(n);
            a.pair(to_n, to_o, MatchedBy::Structure);
            for x in [o, to_o] {
                old_touched[x] = true;
            }
            for x in [n, to_n] {
                new_touched[x] = true;
            }
        }
    }
}

/// A candidate pair: its rank (similarity with context), its similarity, new, old.
type Scored = (f64, f64, usize, usize);

/// Best rank first; ties in new, then old, document order.
fn sort(scored: &mut [Scored]) {
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
}

/// Pairs the best one-to-one choice of each conflict group (see [`conflicts`]), best-ranked
/// first, where `fits(alignment, old, new, similarity)` allows it; then, best first, any
/// other candidate whose clauses are both still free (one that `fits` refused left them so).
fn assign(
    a: &mut Alignment,
    old: &[Node<'_>],
    new: &[Node<'_>],
    mut scored: Vec<Scored>,
    fits: impl Fn(&Alignment, usize, usize, f64) -> bool,
) {
    sort(&mut scored);
    let edges: Vec<Edge> = scored.iter().map(|&(r, _, n, o)| (r, n, o)).collect();
    let (keep, approximate) =
        conflicts::resolve(&edges, |e| !parallel(a, old, new, edges[e].2, edges[e].1));
    a.approximate |= approximate;
    let chosen = scored.iter().zip(&keep).filter(|(_, k)| **k);
    let rest = scored.iter().zip(&keep).filter(|(_, k)| !**k);
    for (&(_, d, n, o), _) in chosen.chain(rest) {
        if a.new_to_old[n].is_none() && a.old_to_new[o].is_none() && fits(a, o, n, d) {
            a.pair(n, o, MatchedBy::Similarity);
        }
    }
}
