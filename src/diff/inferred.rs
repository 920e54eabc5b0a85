//! Commitment changes read from the text alone, where neither clause encodes a commitment: the
//! deontic markers of two paired clauses, compared sentence by sentence.
//!
//! Markers are compared within aligned sentences, never by their order in the clause, so one
//! sentence inserted with a "shall" shifts no other pairing: the sentences of the two texts are
//! aligned by their normalised text (Myers), the sentences of a changed run by their word
//! bigrams (most alike first, from a third), and only then are the markers of two aligned
//! sentences compared, in order within the sentence. A sentence only on one side brings its
//! markers as added or dropped.
//!
//! Two texts whose markers are the same, in the same order, report nothing, even where a
//! marker moved from one sentence to the next: that look at the whole texts keeps the cost of
//! the many reworded clauses whose markers did not change.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::commitment::modality_direction;
use super::commitment::{CommitmentChange, CommitmentDiff, CommitmentMatch, Excerpt};
use super::normalize::{dice, normalized, shingles};
use super::text::sentences;
use crate::{ClauseId, Modality, deontic};

/// The least similarity for two sentences of a changed run to be one sentence reworded.
const SENTENCE_FLOOR: f64 = 1.0 / 3.0;
/// Sentences per text past which the text counts as one sentence (its markers compared in
/// order): it bounds the alignment's work on hostile input.
const MAX_SENTENCES: usize = 2_000;
/// Pairs of sentences compared in one changed run, at most; past it they pair in order.
const MAX_RUN_PAIRS: usize = 4_096;

/// A sentence with its markers: (modality, where the marker's words stand in the sentence).
struct Sentence<'a> {
    text: &'a str,
    markers: Vec<(Modality, Range<usize>)>,
}

/// The sentences of a text with their markers; past [`MAX_SENTENCES`], the whole text as one.
fn read(text: &str) -> Vec<Sentence<'_>> {
    fn one(s: &str) -> Sentence<'_> {
        Sentence {
            text: s,
            markers: deontic::markers(s)
                .into_iter()
                .map(|m| (m.modality, m.range))
                .collect(),
        }
    }
    let all = sentences(text);
    if all.len() > MAX_SENTENCES {
        return vec![one(text)];
    }
    all.into_iter().map(one).collect()
}

/// Compares the markers of two paired clauses' texts and appends what changed to `out`.
pub(crate) fn inferred(
    old_id: Option<&ClauseId>,
    new_id: Option<&ClauseId>,
    old_text: &str,
    new_text: &str,
    out: &mut Vec<CommitmentDiff>,
) {
    // Most reworded clauses keep their markers: a look at the whole texts settles them.
    let (ma, mb) = (deontic::markers(old_text), deontic::markers(new_text));
    if ma
        .iter()
        .map(|m| m.modality)
        .eq(mb.iter().map(|m| m.modality))
    {
        return;
    }
    let mut push = |change: CommitmentChange, old: Option<Excerpt>, new: Option<Excerpt>| {
        out.push(CommitmentDiff {
            old_clause: old_id.cloned(),
            new_clause: new_id.cloned(),
            old: None,
            new: None,
            old_index: None,
            new_index: None,
            old_excerpt: old,
            new_excerpt: new,
            old_obligors: Vec::new(),
            new_obligors: Vec::new(),
            matched_by: Some(CommitmentMatch::Text),
            changes: vec![change],
        });
    };
    // A text with no marker (an added or removed clause has none on its missing side): every
    // marker of the other is added or dropped, with the sentence around it.
    if ma.is_empty() || mb.is_empty() {
        for m in &ma {
            push(
                CommitmentChange::Dropped,
                Some(around(old_text, m.range.clone())),
                None,
            );
        }
        for m in &mb {
            push(
                CommitmentChange::Added,
                None,
                Some(around(new_text, m.range.clone())),
            );
        }
        return;
    }
    let (a, b) = (read(old_text), read(new_text));
    for (x, y) in align(&a, &b) {
        compare(x.map(|i| &a[i]), y.map(|j| &b[j]), &mut push);
    }
}

/// The excerpt of a marker: the sentence around it (a sentence ends at ".", ";", ":", "!" or
/// "?" before white space, or at a line end) and its words. It looks no further than half of
/// [`Excerpt::MAX_LEN`] bytes either way, so that the marker stays in a cut sentence and a text
/// of markers without a sentence end stays linear.
fn around(text: &str, range: Range<usize>) -> Excerpt {
    let bytes = text.as_bytes();
    let ends_at =
        |i: usize| bytes[i] == b'\n' || bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
    // Half the excerpt's length either way, so that a cut sentence still holds its marker.
    let floor = range.start.saturating_sub(Excerpt::MAX_LEN / 2);
    let ceiling = (range.end + Excerpt::MAX_LEN / 2).min(text.len());
    // The sentence ends before and after, found with memchr: two sets of three bytes each.
    let (back, ahead) = (&bytes[floor..range.start], &bytes[range.end..ceiling]);
    let last = memchr::memrchr3_iter(b'.', b';', b'\n', back)
        .map(|i| floor + i)
        .find(|&i| ends_at(i))
        .max(
            memchr::memrchr3_iter(b':', b'!', b'?', back)
                .map(|i| floor + i)
                .find(|&i| ends_at(i)),
        );
    let next = [
        memchr::memchr3_iter(b'.', b';', b'\n', ahead)
            .map(|i| range.end + i)
            .find(|&i| ends_at(i)),
        memchr::memchr3_iter(b':', b'!', b'?', ahead)
            .map(|i| range.end + i)
            .find(|&i| ends_at(i)),
    ]
    .into_iter()
    .flatten()
    .min();
    let mut start = last.map_or(floor, |i| i + 1);
    let mut end = next.map_or(ceiling, |i| i + 1);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Excerpt::new(&text[start..end], &text[range.clone()])
}

/// The sentences of the two texts, aligned: pairs, and sentences of one side alone, in order.
fn align(a: &[Sentence<'_>], b: &[Sentence<'_>]) -> Vec<(Option<usize>, Option<usize>)> {
    let (ka, kb): (Vec<_>, Vec<_>) = (
        a.iter().map(|s| normalized(s.text)).collect(),
        b.iter().map(|s| normalized(s.text)).collect(),
    );
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.extend((0..len).map(|k| (Some(old_index + k), Some(new_index + k)))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend((old_index..old_index + old_len).map(|i| (Some(i), None))),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend((new_index..new_index + new_len).map(|j| (None, Some(j)))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => out.extend(run(
                &ka[old_index..old_index + old_len],
                &kb[new_index..new_index + new_len],
                old_index,
                new_index,
            )),
        }
    }
    out
}

/// A changed run: its sentences paired most alike first (at least [`SENTENCE_FLOOR`]), without
/// crossing; the rest alone.
fn run<S: AsRef<str>>(
    xs: &[S],
    ys: &[S],
    x0: usize,
    y0: usize,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if xs.len() * ys.len() <= MAX_RUN_PAIRS {
        let (sx, sy): (Vec<Vec<u64>>, Vec<Vec<u64>>) = (
            xs.iter().map(|s| shingles(s.as_ref())).collect(),
            ys.iter().map(|s| shingles(s.as_ref())).collect(),
        );
        let mut open = vec![(0, xs.len(), 0, ys.len())];
        while let Some((i0, i1, j0, j1)) = open.pop() {
            let mut best: Option<(f64, usize, usize)> = None;
            for (i, x) in sx.iter().enumerate().take(i1).skip(i0) {
                for (j, y) in sy.iter().enumerate().take(j1).skip(j0) {
                    let d = dice(x, y);
                    if d >= SENTENCE_FLOOR && best.is_none_or(|b| d > b.0) {
                        best = Some((d, i, j));
                    }
                }
            }
            if let Some((_, i, j)) = best {
                pairs.push((i, j));
                open.push((i0, i, j0, j));
                open.push((i + 1, i1, j + 1, j1));
            }
        }
    } else {
        pairs.extend((0..xs.len().min(ys.len())).map(|k| (k, k)));
    }
    pairs.sort_unstable();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in pairs {
        out.extend((i..pi).map(|k| (Some(x0 + k), None)));
        out.extend((j..pj).map(|k| (None, Some(y0 + k))));
        out.push((Some(x0 + pi), Some(y0 + pj)));
        (i, j) = (pi + 1, pj + 1);
    }
    out.extend((i..xs.len()).map(|k| (Some(x0 + k), None)));
    out.extend((j..ys.len()).map(|k| (None, Some(y0 + k))));
    out
}

/// The markers of two aligned sentences (or of one alone), compared in order within them.
fn compare(
    x: Option<&Sentence<'_>>,
    y: Option<&Sentence<'_>>,
    push: &mut impl FnMut(CommitmentChange, Option<Excerpt>, Option<Excerpt>),
) {
    let none: &[(Modality, Range<usize>)] = &[];
    let (mx, my) = (
        x.map_or(none, |s| &s.markers),
        y.map_or(none, |s| &s.markers),
    );
    let same = mx.iter().map(|m| m.0).eq(my.iter().map(|m| m.0));
    if same {
        return;
    }
    let excerpt = |s: Option<&Sentence<'_>>, m: &(Modality, Range<usize>)| {
        s.map(|s| around(s.text, m.1.clone()))
    };
    for (p, q) in mx.iter().zip(my) {
        if p.0 != q.0 {
            push(
                CommitmentChange::Modality {
                    old: p.0,
                    new: q.0,
                    direction: modality_direction(p.0, q.0),
                },
                excerpt(x, p),
                excerpt(y, q),
            );
        }
    }
    for p in mx.iter().skip(my.len()) {
        push(CommitmentChange::Dropped, excerpt(x, p), None);
    }
    for q in my.iter().skip(mx.len()) {
        push(CommitmentChange::Added, None, excerpt(y, q));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str) -> Excerpt {
        let m = deontic::markers(text).into_iter().next().expect("a marker");
        around(text, m.range)
    }

    #[test]
    fn the_sentence_around_a_marker() {
        let e =
            excerpt("Scope. Under Article 5.7 each Party shall notify the other; then it waits.");
        assert_eq!(
            e.sentence,
            "Under Article 5.7 each Party shall notify the other;"
        );
        assert_eq!(e.marker, "shall");
        // A line end ends a sentence; a text without any end is cut at the bound.
        let e = excerpt("Heading\nThe Parties may consult");
        assert_eq!(e.sentence, "The Parties may consult");
        let long = format!("{} shall {}", "word ".repeat(100), "more ".repeat(100));
        let e = excerpt(&long);
        assert!(
            e.sentence.len() <= Excerpt::MAX_LEN + "…".len(),
            "{}",
            e.sentence.len()
        );
        assert!(e.sentence.contains(" shall "), "{}", e.sentence);
    }
}
