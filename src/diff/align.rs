//! Pairing the clauses of two drafts: by answer links, by id, by identical text, by similar
//! text found through an index, and by structure; then moves by a weighted longest increasing
//! subsequence.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalize::{dice, normalized, shared, shingles};
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
    pub(crate) normalized: Cow<'a, str>,
    /// The text's bigrams, computed when first needed: most clauses pair by identical text and
    /// never need them.
    shingles: OnceCell<Vec<u64>>,
}

impl Node<'_> {
    pub(crate) fn shingles(&self) -> &[u64] {
        self.shingles.get_or_init(|| shingles(&self.normalized))
    }

    /// The bigrams that go into an index and look candidates up: about one in four, chosen by
    /// value (so both sides choose the same ones), or all of a short text. Similarity is still
    /// computed on all of them.
    fn sample(&self) -> impl Iterator<Item = u64> + '_ {
        let all = self.shingles();
        let keep_all = all.len() < 64;
        all.iter()
            .copied()
            .filter(move |&s| keep_all || s.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 62 == 0)
    }
}

/// A fast, deterministic hasher for the maps of alignment (FxHash's multiply-rotate): their
/// keys are ours, not an attacker's choice of collisions against a seeded hash, and the maps
/// are on the hot path.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick the bucket, depending on the low bits of
        // the input only (ids that start alike would share buckets); a final mix spreads them.
        let h = (self.0 ^ (self.0 >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

pub(crate) fn flatten(p: &Proposal) -> Vec<Node<'_>> {
    let mut out: Vec<Node<'_>> = Vec::with_capacity(p.walk().count());
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
            normalized: normalized(&clause.text),
            shingles: OnceCell::new(),
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

/// Posting lists longer than this are not used to find candidates: a bigram that common
/// ("the P", "shall") says little about which clause is which.
const MAX_POSTINGS: usize = 256;
/// The rarest bigrams of a clause (among those some other clause has) that find its
/// candidates, read until their postings add up to [`MAX_POSTINGS`]. This bounds the work per
/// clause, so the cost stays near-linear in the number of clauses.
const RARE: usize = 32;
/// Candidates scored exactly per clause, at most: the ones sharing the most rare bigrams.
const MAX_CANDIDATES: usize = 8;
/// Candidate parts looked at per clause when looking for splits and merges.
const MAX_PARTS: usize = 8;

/// An inverted index from bigrams to the clauses that hold them: one sorted array of
/// (bigram, clause) pairs and a map from each bigram to its run in the array.
struct ShingleIndex {
    pairs: Vec<(u64, u32)>,
    runs: FxMap<u64, (u32, u32)>,
}

impl ShingleIndex {
    fn new<'n, 'a: 'n>(nodes: impl Iterator<Item = (usize, &'n Node<'a>)>) -> Self {
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for (i, node) in nodes {
            pairs.extend(node.sample().map(|s| (s, i as u32)));
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
    fn candidates(&self, query: &Node<'_>, counter: &mut Counter, limit: usize) -> Vec<usize> {
        let mut lists: Vec<&[(u64, u32)]> = query
            .sample()
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
        if found.len() > limit {
            found.select_nth_unstable_by(limit, best);
            found.truncate(limit);
        }
        found.sort_unstable_by(best);
        found.into_iter().map(|(node, _)| node).collect()
    }
}

/// Counts per clause in a dense array, cleared by remembering which entries were touched.
struct Counter {
    counts: Vec<u32>,
    touched: Vec<usize>,
}

impl Counter {
    fn new(nodes: usize) -> Self {
        Counter {
            counts: vec![0; nodes],
            touched: Vec::new(),
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

    // 3. Identical normalised text, first come first paired. Old clauses with one text are
    // chained in document order: the map holds each chain's next and last link.
    const END: usize = usize::MAX;
    let mut chains: FxMap<&str, (usize, usize)> =
        FxMap::with_capacity_and_hasher(old.len(), Default::default());
    let mut next = vec![END; old.len()];
    for (o, node) in old.iter().enumerate() {
        if a.old_to_new[o].is_none() && !node.normalized.is_empty() {
            let chain = chains.entry(node.normalized.as_ref()).or_insert((o, o));
            if chain.1 != o {
                next[chain.1] = o;
                chain.1 = o;
            }
        }
    }
    for (n, node) in new.iter().enumerate() {
        if a.new_to_old[n].is_some() || node.normalized.is_empty() {
            continue;
        }
        if let Some(chain) = chains.get_mut(node.normalized.as_ref()) {
            while chain.0 != END {
                let o = chain.0;
                chain.0 = next[o];
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
        let index = ShingleIndex::new(old_free.iter().map(|&o| (o, &old[o])));
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        let mut counter = Counter::new(old.len());
        for &n in &new_free {
            let sh = new[n].shingles();
            for o in index.candidates(&new[n], &mut counter, MAX_CANDIDATES) {
                a.candidates_scored += 1;
                let d = dice(sh, old[o].shingles());
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
            let mut votes: FxMap<usize, usize> = FxMap::default();
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
                    && dice(old[o].shingles(), new[n].shingles())
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

    // 6. Position: a clause with no text in all its subtree (an article whose text is not
    // known, a heading alone, a part that only holds such headings) has nothing to compare, so
    // those still unpaired pair in order among the children of paired parents, or at the top.
    // Going in document order, a parent is decided before its children. A draft compared with
    // itself then pairs every clause.
    let textless = |nodes: &[Node<'_>]| -> Vec<bool> {
        (0..nodes.len())
            .map(|i| {
                nodes[i..i + nodes[i].size]
                    .iter()
                    .all(|k| k.normalized.is_empty())
            })
            .collect()
    };
    let old_textless = textless(old);
    let mut old_free: FxMap<Option<usize>, Vec<usize>> = FxMap::default();
    for (o, node) in old.iter().enumerate() {
        if a.old_to_new[o].is_none() && old_textless[o] {
            old_free.entry(node.parent).or_default().push(o);
        }
    }
    if !old_free.is_empty() {
        let new_textless = textless(new);
        let mut taken: FxMap<Option<usize>, usize> = FxMap::default();
        for (n, node) in new.iter().enumerate() {
            if a.new_to_old[n].is_some() || !new_textless[n] {
                continue;
            }
            // The old parent the new one is paired with; at the top, the top.
            let parent = match node.parent {
                None => None,
                Some(p) => match a.new_to_old[p] {
                    Some(o) => Some(o),
                    None => continue,
                },
            };
            let Some(list) = old_free.get(&parent) else {
                continue;
            };
            let k = taken.entry(parent).or_default();
            if let Some(&o) = list.get(*k) {
                *k += 1;
                a.pair(n, o, MatchedBy::Position);
            }
        }
    }

    for (n, node) in new.iter().enumerate() {
        if let Some(o) = a.new_to_old[n] {
            a.similarity[n] = if old[o].normalized == node.normalized {
                1.0
            } else {
                dice(old[o].shingles(), node.shingles())
            };
        }
    }
    a
}

fn first_by_id<'a>(nodes: &[Node<'a>]) -> FxMap<&'a ClauseId, usize> {
    let mut map = FxMap::with_capacity_and_hasher(nodes.len(), Default::default());
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
    // A whole its own partner already covers, to the threshold, was not split.
    let covered = |w: usize, p: usize| {
        let sh = wholes[w].shingles();
        shared(sh, parts[p].shingles()) as f64 >= threshold * sh.len() as f64
    };
    let candidates_whole: Vec<usize> = (0..wholes.len())
        .filter(|&w| {
            !wholes[w].normalized.is_empty()
                && match whole_to_part[w] {
                    None => true,
                    Some(p) => similarity_of(w) < 1.0 && !covered(w, p),
                }
        })
        .collect();
    let free_parts: Vec<usize> = (0..parts.len())
        .filter(|&p| part_to_whole[p].is_none() && !parts[p].normalized.is_empty())
        .collect();
    if candidates_whole.is_empty() || free_parts.is_empty() {
        return Vec::new();
    }
    let index = ShingleIndex::new(free_parts.iter().map(|&p| (p, &parts[p])));
    let mut counter = Counter::new(parts.len());
    let mut out = Vec::new();
    let mut used = vec![false; parts.len()];
    for &w in &candidates_whole {
        let wsh = wholes[w].shingles();
        let mut pool: Vec<usize> = index
            .candidates(&wholes[w], &mut counter, MAX_PARTS)
            .into_iter()
            .filter(|&p| !used[p])
            .collect();
        pool.extend(whole_to_part[w]);
        // A part must take at least half of its own bigrams from the whole.
        let mut ranked: Vec<(usize, usize)> = pool
            .into_iter()
            .filter(|p| !parts[*p].normalized.is_empty())
            .map(|p| (shared(wsh, parts[p].shingles()), p))
            .filter(|&(s, p)| s * 2 >= parts[p].shingles().len())
            .collect();
        ranked.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
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
            let mut u: Vec<u64> = parts[p1]
                .shingles()
                .iter()
                .chain(parts[p2].shingles())
                .copied()
                .collect();
            u.sort_unstable();
            u.dedup();
            u
        };
        let coverage = shared(wsh, &union) as f64 / wsh.len().max(1) as f64;
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
