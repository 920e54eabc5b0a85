//! Commitment changes read from the text alone, where neither clause encodes a commitment: the
//! deontic markers of two paired clauses, compared sentence by sentence.
//!
//! Each sentence is read first ([`deontic::read`]): only markers that bind someone count, so
//! "shall enter into force" or the "should" of "shall ensure that they should" never make a
//! change. Markers are compared within aligned sentences, never by their order in the clause,
//! so one sentence inserted with a "shall" shifts no other pairing: the sentences of the two
//! texts are aligned by their normalised text (Myers), the sentences of a changed run by the
//! word bigrams of what follows their first marker (most alike first, from a third), and only
//! then are the markers of two aligned sentences compared, their modalities aligned too
//! (Myers). A sentence only on one side
//! brings its markers as added or dropped. A marker dropped from a list's items and added to
//! its lead-in ("Each Party shall:"), or the reverse, is no change. A lead-in too long to be
//! read before each item (its conditions run on for lines) is read from the subject of its
//! last marker, and what comes before stands as a sentence of its own.
//!
//! Two texts whose markers are the same, in the same order, report nothing, even where a
//! marker moved from one sentence to the next: that look at the whole texts keeps the cost of
//! the many reworded clauses whose markers did not change.

use std::borrow::Cow;
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::commitment::modality_direction;
use super::commitment::{CommitmentChange, CommitmentDiff, CommitmentMatch, Excerpt};
use super::normalize::{dice, normalized, shingles};
use super::text::sentences;
use crate::deontic::Role;
use crate::{ClauseId, Modality, deontic};

/// The least similarity for two sentences of a changed run to be one sentence reworded.
const SENTENCE_FLOOR: f64 = 1.0 / 3.0;
/// Sentences per text past which the text counts as one sentence (its markers compared in
/// order): it bounds the alignment's work on hostile input.
const MAX_SENTENCES: usize = 2_000;
/// Pairs of sentences compared in one changed run, at most; past it the run is walked in
/// order ([`along`]).
const MAX_RUN_PAIRS: usize = 4_096;

/// A marker that binds, read in its sentence: what it expresses, where its words stand in the
/// sentence, and where its subject stands.
struct Bound {
    modality: Modality,
    marker: Range<usize>,
    subject: Option<Range<usize>>,
}

/// A sentence with the markers that bind in it: markers that bind no one ("shall enter into
/// force") or belong to another's commitment ("shall ensure that they should") are left out,
/// so that their changing is no change of an obligation (see [`deontic::read`]).
///
/// An item of a list is read with its lead-in before it ("Each Party shall: (b) publish the
/// measure;"), so that the lead-in binds the subject to each item, and an obligation that
/// moves between a lead-in and its items, or a sentence that becomes an item under a lead-in
/// of the same modal, changes nothing. An item with binding markers of its own is bound by
/// those, not by its lead-in's.
struct Sentence<'a> {
    text: Cow<'a, str>,
    markers: Vec<Bound>,
}

impl Sentence<'_> {
    fn excerpt(&self, m: &Bound) -> Excerpt {
        let subject = m.subject.clone().and_then(|r| self.text.get(r));
        match &self.text {
            // An item read with its lead-in: both, where they fit, since the marker may stand
            // in either.
            Cow::Owned(text) if text.len() <= Excerpt::MAX_LEN => {
                let marker = text.get(m.marker.clone()).unwrap_or_default();
                Excerpt::new(text, marker, m.modality, subject)
            }
            // Too long for both: the lead-in's sentence around the marker, in at most half
            // the excerpt, then as much of the item as fits, since the item says what the
            // lead-in binds to.
            Cow::Owned(text) => {
                let colon = text
                    .get(m.marker.end..)
                    .and_then(|rest| rest.find(": "))
                    .map(|i| m.marker.end + i + 1);
                let item = colon.map_or("", |c| text[c..].trim());
                match colon {
                    Some(colon) if !item.is_empty() => {
                        let lead = within(&text[..colon], m.marker.clone(), Excerpt::MAX_LEN / 4);
                        let lead = text[lead].trim();
                        // A lead-in cut short still ends with its colon, which tells where
                        // the item starts.
                        let cut = if lead.ends_with(':') { "" } else { "…:" };
                        let marker = text.get(m.marker.clone()).unwrap_or_default();
                        Excerpt::new(&format!("{lead}{cut} {item}"), marker, m.modality, subject)
                    }
                    _ => around(text, m.marker.clone(), m.modality, subject),
                }
            }
            text => around(text, m.marker.clone(), m.modality, subject),
        }
    }
}

/// The longest lead-in read before each of its items, in bytes: it bounds the copies.
const MAX_LEAD_IN: usize = 480;

/// Whether a sentence leads in a list: "Each Party shall:".
fn leads_in(s: &str) -> bool {
    s.trim_end().ends_with([':', '\u{2014}'])
}

/// Where the part of a lead-in read before each of its items starts: the whole lead-in when
/// it is at most [`MAX_LEAD_IN`] bytes long; else from the subject (or the marker) of its last
/// binding marker, when that part fits ("If imports increase so as to cause serious injury
/// ..., the other Party may, to the extent necessary:" binds its items by "the other Party
/// may"). `None` for a long lead-in whose last marker stands further back, or that has none.
fn lead_from(lead: &str, language: &str) -> Option<usize> {
    if lead.len() <= MAX_LEAD_IN {
        return Some(0);
    }
    let last = binding(lead, language).pop()?;
    let start = last
        .subject
        .map_or(last.marker.start, |s| s.start.min(last.marker.start));
    (lead.len() - start <= MAX_LEAD_IN).then_some(start)
}

/// The lead-in that ends a text ("... Each Party shall:"), if any: its last sentence, when that
/// ends with a colon, a dash or a comma and is at most [`MAX_LEAD_IN`] bytes long. It is asked
/// of a clause that items follow, where a comma at the end ("each Party shall, to the extent
/// practicable,") leads into them as a colon does.
pub(crate) fn trailing_lead_in(text: &str) -> Option<&str> {
    let body = text.trim_end();
    if !leads_in(body) && !body.ends_with(',') {
        return None;
    }
    // The lead-in's own colon or dash is not its start.
    let last = body.char_indices().next_back().map_or(0, |(i, _)| i);
    let floor = last.saturating_sub(MAX_LEAD_IN);
    let bytes = body.as_bytes();
    let start = memchr::memrchr3_iter(b'.', b';', b':', &bytes[floor..last])
        .map(|i| floor + i)
        .find(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        .map(|i| i + 1)
        .or_else(|| memchr::memrchr(b'\n', &bytes[floor..last]).map(|i| floor + i + 1));
    match start {
        Some(start) => body.get(start..).map(str::trim_start),
        None if body.len() <= MAX_LEAD_IN => Some(body),
        None => None,
    }
}

/// The text whose markers a clause contributes: read as an item of its parent's lead-in
/// (`lead`), and without the lead-in that ends it (`own_lead`, its [`trailing_lead_in`] when
/// it has children), since that lead-in binds its children, each of which reads it.
pub(crate) fn as_item<'t>(
    text: &'t str,
    lead: Option<&str>,
    own_lead: Option<&str>,
) -> Cow<'t, str> {
    let own = match own_lead {
        Some(l) => text.trim_end()[..text.trim_end().len() - l.len()].trim_end(),
        None => text,
    };
    match lead {
        Some(lead) if is_item(own) => Cow::Owned(format!("{lead} {own}")),
        _ => Cow::Borrowed(own),
    }
}

/// Whether a text is an item of a list that its lead-in binds: two words or more besides its
/// label, so that a stray "and" left between items binds no one, and an act rather than a
/// circumstance or a thing: an item that opens with "when", "the" or the like ("(b) when the
/// expropriation occurred") completes its lead-in's one commitment. An "and" or "or" that
/// the item before left at the start ("and (b) provide ...") is passed over.
fn is_item(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
        .skip_while(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
    let first = words.next();
    words.next().is_some()
        && first.is_some_and(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !NOT_AN_ACT.contains(&w.as_str())
        })
}

/// Words that open an item that is no act of its own.
const NOT_AN_ACT: &[&str] = &[
    "the", "a", "an", "any", "all", "its", "their", "when", "where", "if", "or", "and", "in", "on",
    "for", "with", "by", "at", "from", "as", "whether", "unless", "which", "that", "such", "each",
    "upon", "after", "before", "within", "during", "under",
];

/// The markers of a text, in its language (a BCP 47 tag), that bind.
fn binding(text: &str, language: &str) -> Vec<Bound> {
    deontic::read_in(text, language)
        .into_iter()
        .filter(|r| r.role == Role::Binds)
        .map(|r| Bound {
            modality: r.modality,
            marker: r.marker,
            subject: r.subject,
        })
        .collect()
}

/// The sentences of a text with their markers, each item of a list with its lead-in; past
/// [`MAX_SENTENCES`], the whole text as one.
fn read<'t>(text: &'t str, language: &str) -> Vec<Sentence<'t>> {
    let all = sentences(text);
    if all.len() > MAX_SENTENCES {
        return vec![Sentence {
            text: Cow::Borrowed(text),
            markers: binding(text, language),
        }];
    }
    let mut out = Vec::with_capacity(all.len());
    let mut k = 0;
    while k < all.len() {
        let whole = all[k];
        k += 1;
        let from = if !leads_in(whole) || k == all.len() {
            None
        } else {
            lead_from(whole, language)
        };
        let Some(from) = from else {
            out.push(Sentence {
                text: Cow::Borrowed(whole),
                markers: binding(whole, language),
            });
            continue;
        };
        let lead = &whole[from..];
        // Its items: up to the first that ends the sentence with a full stop. A stray "and"
        // between them stands alone; a lead-in with no item stands alone too.
        let first = out.len();
        let mut read_with_lead = false;
        while k < all.len() {
            let item = all[k];
            k += 1;
            if is_item(item) {
                let text = format!("{} {}", lead.trim_end(), item);
                let mut markers = binding(&text, language);
                let at = lead.trim_end().len();
                if markers.iter().any(|m| m.marker.start > at) {
                    markers.retain(|m| m.marker.start > at);
                }
                out.push(Sentence {
                    text: Cow::Owned(text),
                    markers,
                });
                read_with_lead = true;
            } else {
                out.push(Sentence {
                    text: Cow::Borrowed(item),
                    markers: binding(item, language),
                });
            }
            if item.trim_end().ends_with('.') {
                break;
            }
        }
        if !read_with_lead {
            out.insert(
                first,
                Sentence {
                    text: Cow::Borrowed(whole),
                    markers: binding(whole, language),
                },
            );
        } else if from > 0 {
            // What a long lead-in says before the part read with each item ("If imports
            // increase so as to cause serious injury, ...") stands as a sentence of its own,
            // with the markers that the whole lead-in's reading found in it.
            let mut markers = binding(whole, language);
            markers.retain(|m| m.marker.end <= from);
            out.insert(
                first,
                Sentence {
                    text: Cow::Borrowed(&whole[..from]),
                    markers,
                },
            );
        }
    }
    out
}

/// A change found in a clause pair.
struct Found {
    change: CommitmentChange,
    old: Option<Excerpt>,
    new: Option<Excerpt>,
}

/// Compares the markers of two paired clauses' texts and appends what changed to `out`.
/// `languages` are the two texts' language tags: each text is read in its own
/// ([`deontic::read_in`]).
pub(crate) fn inferred(
    old_id: Option<&ClauseId>,
    new_id: Option<&ClauseId>,
    [old_text, new_text]: [&str; 2],
    [old_language, new_language]: [&str; 2],
    out: &mut Vec<CommitmentDiff>,
) {
    // The same text reads the same: most pairs are unchanged.
    if old_text == new_text {
        return;
    }
    // Most reworded clauses keep their markers: a look at the whole texts settles them,
    // unless a list may have gained or lost items (its lead-in binds each one). English
    // texts are looked at by their markers alone, the fastest scan; others by their reading.
    let modalities = |text: &str, language: &str| -> Vec<Modality> {
        if deontic::is_english(language) {
            deontic::markers(text).iter().map(|m| m.modality).collect()
        } else {
            deontic::read_in(text, language)
                .iter()
                .map(|r| r.modality)
                .collect()
        }
    };
    let (ma, mb) = (
        modalities(old_text, old_language),
        modalities(new_text, new_language),
    );
    let lists = |t: &str| memchr::memchr(b':', t.as_bytes()).is_some() || t.contains('\u{2014}');
    if ma == mb && !(lists(old_text) || lists(new_text)) {
        return;
    }
    let (a, b) = (read(old_text, old_language), read(new_text, new_language));
    let mut found = Vec::new();
    if ma.is_empty() || mb.is_empty() {
        // A text with no marker (an added or removed clause has none on its missing side):
        // every marker that binds in the other is added or dropped.
        for x in &a {
            compare(Some(x), None, &mut found);
        }
        for y in &b {
            compare(None, Some(y), &mut found);
        }
    } else if a.len() == 1 && b.len() == 1 {
        // Two paired clauses of one sentence each: that sentence rewritten, however much
        // ("Each Party shall refrain from the use of force" against "Neither Party shall use
        // force"). A longer text pairs its sentences by their likeness only.
        compare(Some(&a[0]), Some(&b[0]), &mut found);
    } else {
        for (x, y) in align(&a, &b) {
            compare(x.map(|i| &a[i]), y.map(|j| &b[j]), &mut found);
        }
    }
    out.extend(found.into_iter().map(|f| CommitmentDiff {
        old_clause: old_id.cloned(),
        new_clause: new_id.cloned(),
        old: None,
        new: None,
        old_index: None,
        new_index: None,
        old_excerpt: f.old,
        new_excerpt: f.new,
        old_obligors: Vec::new(),
        new_obligors: Vec::new(),
        matched_by: Some(CommitmentMatch::Text),
        changes: vec![f.change],
    }));
}

/// The excerpt of a marker: the sentence around it (a sentence ends at ".", ";", ":", "!" or
/// "?" before white space, or at a line end) and its words. It looks no further than half of
/// [`Excerpt::MAX_LEN`] bytes either way, so that the marker stays in a cut sentence and a text
/// of markers without a sentence end stays linear.
fn around(text: &str, range: Range<usize>, modality: Modality, subject: Option<&str>) -> Excerpt {
    let sentence = within(text, range.clone(), Excerpt::MAX_LEN / 2);
    Excerpt::new(&text[sentence], &text[range], modality, subject)
}

/// Where the sentence around `range` starts and ends, at most `half` bytes either way.
fn within(text: &str, range: Range<usize>, half: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let ends_at =
        |i: usize| bytes[i] == b'\n' || bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
    // Half the excerpt's length either way, so that a cut sentence still holds its marker.
    let floor = range.start.saturating_sub(half);
    let ceiling = (range.end + half).min(text.len());
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
    start..end
}

/// The sentences of the two texts, aligned: pairs, and sentences of one side alone, in order.
fn align(a: &[Sentence<'_>], b: &[Sentence<'_>]) -> Vec<(Option<usize>, Option<usize>)> {
    let (ka, kb): (Vec<_>, Vec<_>) = (
        a.iter().map(|s| normalized(&s.text)).collect(),
        b.iter().map(|s| normalized(&s.text)).collect(),
    );
    // A changed run pairs its sentences by their acts: what follows the first binding marker,
    // so that a subject and a modal that open many sentences ("Each Party shall") do not
    // decide.
    fn act(s: &Sentence<'_>) -> String {
        let from = s.markers.first().map_or(0, |m| m.marker.end);
        normalized(s.text.get(from..).unwrap_or_default()).into_owned()
    }
    let (pa, pb): (Vec<_>, Vec<_>) = (a.iter().map(act).collect(), b.iter().map(act).collect());
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
                &pa[old_index..old_index + old_len],
                &pb[new_index..new_index + new_len],
                old_index,
                new_index,
            )),
        }
    }
    out
}

/// A changed run: its sentences paired most alike first (at least [`SENTENCE_FLOOR`]), without
/// crossing, or along the run when it is too long for that ([`MAX_RUN_PAIRS`]); the rest
/// alone.
fn run<S: AsRef<str>>(
    xs: &[S],
    ys: &[S],
    x0: usize,
    y0: usize,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let (sx, sy): (Vec<Vec<u64>>, Vec<Vec<u64>>) = (
        xs.iter().map(|s| shingles(s.as_ref())).collect(),
        ys.iter().map(|s| shingles(s.as_ref())).collect(),
    );
    if xs.len() * ys.len() <= MAX_RUN_PAIRS {
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
        pairs = along(&sx, &sy);
    }
    pairs.sort_unstable();
    let mut out = Vec::new();
    let gap = |out: &mut Vec<(Option<usize>, Option<usize>)>, i: usize, pi: usize, j, pj| {
        out.extend((i..pi).map(|k| (Some(x0 + k), None)));
        out.extend((j..pj).map(|k| (None, Some(y0 + k))));
    };
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in pairs {
        gap(&mut out, i, pi, j, pj);
        out.push((Some(x0 + pi), Some(y0 + pj)));
        (i, j) = (pi + 1, pj + 1);
    }
    gap(&mut out, i, xs.len(), j, ys.len());
    out
}

/// How far [`along`] looks ahead on either side for a sentence inserted or removed.
const LOOK_AHEAD: usize = 2;

/// The pairs of a changed run too long to compare every sentence with every other: walked in
/// order, each sentence paired with the most alike of the next few of the other side (at
/// least [`SENTENCE_FLOOR`]), those passed over standing alone. A run reworded in place, the
/// usual edit, pairs as a full comparison would pair it; unrelated sentences never pair. The
/// work is linear: at most `2 * LOOK_AHEAD + 1` comparisons a step.
/// `sx` and `sy` are the bigrams of the two sides' sentences.
fn along(sx: &[Vec<u64>], sy: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < sx.len() && j < sy.len() {
        let here = dice(&sx[i], &sy[j]);
        let mut best: Option<(f64, usize, usize)> =
            (here >= SENTENCE_FLOOR).then_some((here, i, j));
        if best.is_none() {
            let ahead = (1..=LOOK_AHEAD)
                .flat_map(|k| [(i, j + k), (i + k, j)])
                .filter(|&(x, y)| x < sx.len() && y < sy.len());
            for (x, y) in ahead {
                let d = dice(&sx[x], &sy[y]);
                if d >= SENTENCE_FLOOR && best.is_none_or(|b| d > b.0) {
                    best = Some((d, x, y));
                }
            }
        }
        match best {
            Some((_, x, y)) => {
                pairs.push((x, y));
                (i, j) = (x + 1, y + 1);
            }
            None => (i, j) = (i + 1, j + 1),
        }
    }
    pairs
}

/// The markers of two aligned sentences (or of one alone), compared within them: their
/// modalities aligned (Myers), so that one marker inserted shifts no other pairing.
fn compare(x: Option<&Sentence<'_>>, y: Option<&Sentence<'_>>, found: &mut Vec<Found>) {
    let none: &[Bound] = &[];
    let (mx, my) = (
        x.map_or(none, |s| &s.markers),
        y.map_or(none, |s| &s.markers),
    );
    let (kx, ky): (Vec<Modality>, Vec<Modality>) = (
        mx.iter().map(|m| m.modality).collect(),
        my.iter().map(|m| m.modality).collect(),
    );
    if kx == ky {
        return;
    }
    let dropped = |i: usize, found: &mut Vec<Found>| {
        if let Some(s) = x {
            found.push(Found {
                change: CommitmentChange::Dropped,
                old: Some(s.excerpt(&mx[i])),
                new: None,
            });
        }
    };
    let added = |j: usize, found: &mut Vec<Found>| {
        if let Some(s) = y {
            found.push(Found {
                change: CommitmentChange::Added,
                old: None,
                new: Some(s.excerpt(&my[j])),
            });
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &kx, &ky) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len).for_each(|i| dropped(i, found)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (new_index..new_index + new_len).for_each(|j| added(j, found)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Both sentences hold markers wherever a marker is replaced.
                let (Some(sx), Some(sy)) = (x, y) else {
                    continue;
                };
                for k in 0..old_len.min(new_len) {
                    let (p, q) = (&mx[old_index + k], &my[new_index + k]);
                    found.push(Found {
                        change: CommitmentChange::Modality {
                            old: p.modality,
                            new: q.modality,
                            direction: modality_direction(p.modality, q.modality),
                        },
                        old: Some(sx.excerpt(p)),
                        new: Some(sy.excerpt(q)),
                    });
                }
                (old_index + new_len.min(old_len)..old_index + old_len)
                    .for_each(|i| dropped(i, found));
                (new_index + old_len.min(new_len)..new_index + new_len)
                    .for_each(|j| added(j, found));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str) -> Excerpt {
        let m = deontic::markers(text).into_iter().next().expect("a marker");
        around(text, m.range, m.modality, None)
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
