//! Splits and merges: a clause whose text is now spread over several clauses of the other side.

use super::Node;
use super::index::{Counter, MAX_PARTS, ShingleIndex};
use crate::diff::normalize::shared;

/// Clauses of one side whose text is now spread over two or more clauses of the other side:
/// each `(whole, parts, coverage)`, the parts in document order. `whole` must be removed or
/// changed, at least one part must be unpaired, each part must take most of its text from
/// `whole` and add to what the others cover, and together they must cover `threshold` of its
/// shingles. Parts are looked for among [`MAX_PARTS`] candidates.
pub(crate) fn spread(
    wholes: &[Node<'_>],
    parts: &[Node<'_>],
    whole_to_part: &[Option<usize>],
    part_to_whole: &[Option<usize>],
    similarity_of: impl Fn(usize) -> f64,
    threshold: f64,
) -> Vec<(usize, Vec<usize>, f64)> {
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
    let index = ShingleIndex::new(free_parts.iter().map(|&p| (p, parts[p].shingles())));
    let mut counter = Counter::new(parts.len());
    let mut out = Vec::new();
    let mut used = vec![false; parts.len()];
    for &w in &candidates_whole {
        let wsh = wholes[w].shingles();
        let mut pool: Vec<usize> = index
            .candidates(wholes[w].shingles(), &mut counter, MAX_PARTS)
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
        // Parts are taken most shared first, each one only if it covers bigrams the ones before
        // did not, until together they cover the threshold.
        let mut union: Vec<u64> = Vec::new();
        let mut chosen: Vec<usize> = Vec::new();
        let mut coverage = 0.0;
        for &(_, p) in &ranked {
            let next = merged(&union, parts[p].shingles());
            let more = shared(wsh, &next) as f64 / wsh.len().max(1) as f64;
            if more <= coverage {
                continue;
            }
            (union, coverage) = (next, more);
            chosen.push(p);
            if coverage >= threshold {
                break;
            }
        }
        if chosen.len() < 2
            || coverage < threshold
            || chosen.iter().all(|&p| part_to_whole[p].is_some())
        {
            continue;
        }
        chosen.sort_unstable();
        for &p in &chosen {
            if part_to_whole[p].is_none() {
                used[p] = true;
            }
        }
        out.push((w, chosen, coverage));
    }
    out
}

/// The union of two sorted, distinct lists, sorted and distinct.
fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::merged;

    #[test]
    fn merged_lists_stay_sorted_and_distinct() {
        assert_eq!(merged(&[1, 3, 5], &[2, 3, 6, 9]), [1, 2, 3, 5, 6, 9]);
        assert_eq!(merged(&[], &[4]), [4]);
        assert_eq!(merged(&[4], &[]), [4]);
        assert!(merged(&[], &[]).is_empty());
    }
}
