//! Commitments read from text that moved: dropped in one place and added in another, the same
//! commitment. A paragraph restructured, a sentence split, or a provision reworded where the
//! outline changed makes such pairs; they are no change of obligation, so both entries go.
//!
//! Two passes, each on the entries of a whole comparison (a provision often moves between the
//! paragraphs of an article, or to an article that pairs with another):
//! 1. the same modality and the same verb after the marker (its first five letters, past "be",
//!    "inter alia" and adverbs in "-ly", so that "notify" and "be notified" meet), in sentences alike
//!    enough to be one sentence reworded (a third of their word bigrams, Dice);
//! 2. the same modality and the same subject as written, past "the", "its" and the like
//!    ("The ruling shall establish ..."
//!    against "The ruling shall set out ..."), with what follows the marker more alike
//!    ([`SUBJECT_FLOOR`]): the subject is not counted twice, and the verb differs.

use super::commitment::{CommitmentChange, CommitmentDiff, CommitmentMatch, Excerpt};
use super::normalize::{dice, normalized, shingles};
use crate::Modality;

/// The least likeness of two sentences whose verbs match.
const VERB_FLOOR: f64 = 1.0 / 3.0;
/// The least likeness of what follows the marker in two sentences whose subjects match but
/// verbs differ.
const SUBJECT_FLOOR: f64 = 0.4;
/// Added commitments looked at per dropped one, at most: it bounds the work on hostile input.
const MAX_CANDIDATES: usize = 64;

/// Removes the entries of commitments that moved (see the module docs).
pub(crate) fn net_moves(out: &mut Vec<CommitmentDiff>) {
    net(out, verb_key, |e| e.sentence.as_str(), VERB_FLOOR);
    net(out, subject_key, after_marker, SUBJECT_FLOOR);
}

/// What follows the marker in its sentence.
fn after_marker(e: &Excerpt) -> &str {
    e.sentence
        .find(e.marker.as_str())
        .map_or(e.sentence.as_str(), |at| &e.sentence[at + e.marker.len()..])
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
            !matches!(w.as_str(), "be" | "inter" | "alia") && !(w.len() >= 7 && w.ends_with("ly"))
        })?;
    Some((e.modality, verb.chars().take(5).collect()))
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

/// One pass: each dropped entry meets the most alike added one of its key (comparing the
/// `part` of their sentences), at least `floor` alike; both go.
fn net(
    out: &mut Vec<CommitmentDiff>,
    key: fn(&Excerpt) -> Option<(Modality, String)>,
    part: fn(&Excerpt) -> &str,
    floor: f64,
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
        let sh = shingles(&normalized(part(e)));
        let best = added[from..]
            .iter()
            .take_while(|(x, _)| *x == k)
            .filter(|(_, j)| !gone[*j])
            .take(MAX_CANDIDATES)
            .filter_map(|&(_, j)| {
                let other = out[j].new_excerpt.as_ref()?;
                let d = dice(&sh, &shingles(&normalized(part(other))));
                (d >= floor).then_some((d, j))
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
