//! Commitments read from text that moved: dropped in one place and added in another, the same
//! commitment. A paragraph restructured, a sentence split, or a provision reworded where the
//! outline changed makes such pairs; they are no change of obligation, so both entries go.
//!
//! Two passes, each on the entries of a whole comparison (a provision often moves between the
//! paragraphs of an article, or to an article that pairs with another):
//! 1. the same modality and the same verb after the marker (its first four letters, past "be", list labels,
//!    "inter alia" and adverbs in "-ly", so that "take" and "be taken" meet), with what
//!    follows the marker alike enough to be one act reworded (a third of its word bigrams,
//!    Dice; the subject is left out, since "Each Party shall" opens many sentences), or whole
//!    sentences alike enough to be one provision ([`WHOLE_FLOOR`]);
//! 2. the same modality and the same subject as written, past "the", "its" and the like
//!    ("The ruling shall establish ..."
//!    against "The ruling shall set out ..."), with what follows the marker more alike
//!    ([`SUBJECT_FLOOR`]): the subject is not counted twice, and the verb differs.

use super::commitment::{CommitmentChange, CommitmentDiff, CommitmentMatch, Excerpt};
use super::inferred::around;
use super::normalize::{dice, normalized, shingles};
use crate::{Modality, deontic};

/// The least likeness of what follows the marker in two sentences whose verbs match.
const VERB_FLOOR: f64 = 1.0 / 3.0;
/// The least likeness of two whole sentences whose verbs match for them to meet whatever
/// follows their markers: the same provision with its act reworded.
const WHOLE_FLOOR: f64 = 0.6;
/// The least likeness of what follows the marker in two sentences whose subjects match but
/// verbs differ.
const SUBJECT_FLOOR: f64 = 0.4;
/// Added commitments looked at per dropped one, at most: it bounds the work on hostile input.
const MAX_CANDIDATES: usize = 64;

/// The least likeness of what follows the marker in a sentence elsewhere in the other draft,
/// of the same modality and verb, for an added or dropped commitment to count as standing
/// there still. (The subject is left out: "Each Party shall publish" opens many sentences.)
const STANDS_FLOOR: f64 = 0.5;
/// Sentences compared in all while looking for commitments that still stand, at most; past
/// it, the rest are kept as they are.
const STANDS_WORK: usize = 1 << 18;

/// Removes the entries of commitments that moved (see the module docs).
pub(crate) fn net_moves(out: &mut Vec<CommitmentDiff>) {
    net(out, verb_key, VERB_FLOOR, WHOLE_FLOOR);
    net(out, subject_key, SUBJECT_FLOOR, 2.0);
}

/// Removes the added commitments whose like stands in the old draft's `old` texts, and the
/// dropped ones whose like stands in the new draft's `new` texts: the same modality, the same
/// verb, what follows the marker at least [`STANDS_FLOOR`] alike. A commitment merged into a clause that
/// pairs with another, or written twice in one draft and once in the other, is not new or
/// gone. Runs after [`net_moves`], on what it left.
pub(crate) fn net_standing<'t>(
    out: &mut Vec<CommitmentDiff>,
    old: impl Iterator<Item = &'t str>,
    new: impl Iterator<Item = &'t str>,
) {
    let mut work = 0;
    let mut gone = vec![false; out.len()];
    standing(out, &CommitmentChange::Added, old, &mut gone, &mut work);
    standing(out, &CommitmentChange::Dropped, new, &mut gone, &mut work);
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// Marks in `gone` the entries of `change` (added or dropped) whose like stands in `texts`
/// (the other draft's).
fn standing<'t>(
    out: &[CommitmentDiff],
    change: &CommitmentChange,
    texts: impl Iterator<Item = &'t str>,
    gone: &mut [bool],
    work: &mut usize,
) {
    let excerpt = |c: &'_ CommitmentDiff| match change {
        CommitmentChange::Added => c.new_excerpt.clone(),
        _ => c.old_excerpt.clone(),
    };
    // (key, entry, bigrams) of the entries to look for, sorted by key.
    let mut wanted: Vec<((Modality, String), usize, Vec<u64>)> = out
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.matched_by == Some(CommitmentMatch::Text) && c.changes.as_slice() == [change.clone()]
        })
        .filter_map(|(i, c)| {
            let e = excerpt(c)?;
            Some((verb_key(&e)?, i, shingles(&normalized(after_marker(&e)))))
        })
        .collect();
    if wanted.is_empty() {
        return;
    }
    wanted.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    let mut found = Vec::new();
    for text in texts {
        found.clear();
        deontic::markers_into(text, &mut found);
        for m in &found {
            let e = around(text, m.range.clone(), m.modality, None);
            let Some(k) = verb_key(&e) else {
                continue;
            };
            let from = wanted.partition_point(|(x, _, _)| *x < k);
            if wanted.get(from).is_none_or(|(x, _, _)| *x != k) {
                continue;
            }
            let sh = shingles(&normalized(after_marker(&e)));
            for (_, i, other) in wanted[from..].iter().take_while(|(x, _, _)| *x == k) {
                if *work >= STANDS_WORK {
                    return;
                }
                *work += 1;
                if !gone[*i] && dice(&sh, other) >= STANDS_FLOOR {
                    gone[*i] = true;
                }
            }
        }
    }
}

/// What follows the marker in its sentence.
fn after_marker(e: &Excerpt) -> &str {
    e.sentence
        .find(e.marker.as_str())
        .map_or(e.sentence.as_str(), |at| &e.sentence[at + e.marker.len()..])
}

/// A list label's word: "a", "ii", "iv".
fn is_label(w: &str) -> bool {
    w.len() == 1 || (w.len() <= 4 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// The modality and the verb after the marker.
fn verb_key(e: &Excerpt) -> Option<(Modality, String)> {
    let rest = e
        .sentence
        .find(e.marker.as_str())
        .map_or("", |at| &e.sentence[at + e.marker.len()..]);
    let verb = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .find(|w| {
            !(matches!(w.as_str(), "be" | "inter" | "alia") || deontic::is_adverb(w) || is_label(w))
        })?;
    Some((e.modality, verb.chars().take(4).collect()))
}

/// The modality and the subject as written, lower-cased.
fn subject_key(e: &Excerpt) -> Option<(Modality, String)> {
    let subject = e.subject.as_ref()?.to_lowercase();
    // "Its judicial authorities" and "the judicial authorities" are one subject.
    let subject = subject
        .split_whitespace()
        .skip_while(|w| matches!(*w, "the" | "its" | "their" | "a" | "an" | "such"))
        .collect::<Vec<_>>()
        .join(" ");
    Some((e.modality, subject))
}

/// One pass: each dropped entry meets the most alike added one of its key, what follows
/// their markers at least `floor` alike or their whole sentences at least `whole` alike; both
/// go.
fn net(
    out: &mut Vec<CommitmentDiff>,
    key: fn(&Excerpt) -> Option<(Modality, String)>,
    floor: f64,
    whole: f64,
) {
    let lone = |c: &CommitmentDiff, change: &CommitmentChange| {
        c.matched_by == Some(CommitmentMatch::Text) && c.changes.as_slice() == [change.clone()]
    };
    let mut added: Vec<((Modality, String), usize)> = out
        .iter()
        .enumerate()
        .filter(|(_, c)| lone(c, &CommitmentChange::Added))
        .filter_map(|(i, c)| c.new_excerpt.as_ref().and_then(key).map(|k| (k, i)))
        .collect();
    if added.is_empty() {
        return;
    }
    added.sort_unstable();
    let mut gone = vec![false; out.len()];
    for i in 0..out.len() {
        if !lone(&out[i], &CommitmentChange::Dropped) {
            continue;
        }
        let Some(e) = out[i].old_excerpt.as_ref() else {
            continue;
        };
        let Some(k) = key(e) else {
            continue;
        };
        let from = added.partition_point(|(x, _)| *x < k);
        let (act, all) = (
            shingles(&normalized(after_marker(e))),
            shingles(&normalized(&e.sentence)),
        );
        let best = added[from..]
            .iter()
            .take_while(|(x, _)| *x == k)
            .filter(|(_, j)| !gone[*j])
            .take(MAX_CANDIDATES)
            .filter_map(|&(_, j)| {
                let other = out[j].new_excerpt.as_ref()?;
                let d = dice(&act, &shingles(&normalized(after_marker(other))));
                let w = dice(&all, &shingles(&normalized(&other.sentence)));
                (d >= floor || w >= whole).then_some((d.max(w), j))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((_, j)) = best {
            gone[i] = true;
            gone[j] = true;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}
