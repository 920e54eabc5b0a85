//! Commitments read from text that moved: dropped in one place and added in another, the same
//! commitment. A paragraph restructured, a sentence split, or a provision reworded where the
//! outline changed makes such pairs; they are no change of obligation, so both entries go.
//!
//! Three passes, the first two on the entries of a whole comparison (a provision often moves
//! between the paragraphs of an article, or to an article that pairs with another):
//! 1. the same modality and the same verb after the marker (its first four letters, past
//!    "be", list labels, "inter alia", adverbs and an aside set off by commas, "where
//!    appropriate" or "in accordance with its laws", so that "take" and "be taken" meet and
//!    two acts do not meet by their asides alone), with what
//!    follows the marker alike enough to be one act reworded (a third of its word bigrams,
//!    Dice; the subject is left out, since "Each Party shall" opens many sentences), or whole
//!    sentences alike enough to be one provision ([`WHOLE_FLOOR`]);
//! 2. the same modality and the same subject as written, past "the", "its" and the like
//!    ("The ruling shall establish ..." against "The ruling shall set out ..."), with what
//!    follows the marker more alike ([`SUBJECT_FLOOR`]): the verb differs;
//! 3. within one pair of clauses, the same modality, subject and verb, with what follows the
//!    marker a fifth alike ([`CLAUSE_FLOOR`]) or the words of one all among the other's: the
//!    commitment reworded in its provision ("shall be impartial and independent" against
//!    "shall be impartial"), which the text comparison shows.
//!
//! Then [`net_standing`] removes what is added or dropped though its like stands anywhere in
//! the other draft. Each entry's bigrams are computed once; a sentence of the other draft is
//! read whole only where its marker is followed by the verb and the two words after it of
//! some entry.

use std::borrow::Cow;
use std::ops::Range;

use super::commitment::{
    CommitmentChange, CommitmentDiff, CommitmentMatch, Excerpt, modality_direction,
};
use super::normalize::{WORD_BYTE, dice, normalized, shingles};
use crate::{ClauseId, Modality, deontic};

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
/// Comparisons in all while looking for commitments that still stand, at most; past it, the
/// rest are kept as they are.
const STANDS_WORK: usize = 1 << 18;
/// How far after a marker its act is read, in bytes: enough words to tell one act from
/// another.
const ACT_LEN: usize = 120;
/// The items read after a lead-in in the same text, at most, and how far after it, in bytes:
/// they bound the work on a text of semicolons.
const MAX_ITEMS: usize = 16;
const ITEMS_LEN: usize = 2048;

/// A verb's first four bytes, lower-cased.
type Verb = [u8; 4];
/// The first four bytes of an act's first three words, lower-cased: its key.
type Act = [u8; 12];

/// A lone added or dropped commitment read from text, ready to be compared.
struct Lone<K> {
    entry: usize,
    key: K,
    /// The bigrams of what follows its marker, and of its whole sentence (left empty where
    /// no whole sentence is compared).
    act: Vec<u64>,
    all: Vec<u64>,
}

/// The excerpt of a lone added (or dropped) entry: an entry read from text with that one
/// change.
fn lone<'d>(c: &'d CommitmentDiff, change: &CommitmentChange) -> Option<&'d Excerpt> {
    if c.matched_by != Some(CommitmentMatch::Text) || c.changes.as_slice() != [change.clone()] {
        return None;
    }
    match change {
        CommitmentChange::Added => c.new_excerpt.as_ref(),
        _ => c.old_excerpt.as_ref(),
    }
}

/// The lone entries of `change`, keyed and sorted by key; with the bigrams of their whole
/// sentences where `whole` asks for them.
fn lones<K: Ord>(
    out: &[CommitmentDiff],
    change: &CommitmentChange,
    key: impl Fn(&Excerpt) -> Option<K>,
    act_of: impl Fn(&Excerpt) -> Option<Cow<'_, str>>,
    whole: bool,
) -> Vec<Lone<K>> {
    let keys = keyed(out, change, &key);
    shingled(out, change, keys, &act_of, whole)
}

/// The lone added and dropped entries as [`lones`] gives them, but only those whose key the
/// other side has too: the others cannot meet, so their bigrams are not computed.
fn paired_lones<K: Ord>(
    out: &[CommitmentDiff],
    key: impl Fn(&Excerpt) -> Option<K>,
    act_of: impl Fn(&Excerpt) -> Option<Cow<'_, str>>,
    whole: bool,
) -> [Vec<Lone<K>>; 2] {
    let changes = [&CommitmentChange::Added, &CommitmentChange::Dropped];
    let [mut added, mut dropped] = changes.map(|change| keyed(out, change, &key));
    // Entries whose key the other side lacks.
    let alone = |x: &[(K, usize)], y: &[(K, usize)]| -> Vec<bool> {
        x.iter()
            .map(|(k, _)| y.binary_search_by(|(other, _)| other.cmp(k)).is_err())
            .collect()
    };
    let (added_alone, dropped_alone) = (alone(&added, &dropped), alone(&dropped, &added));
    retain(&mut added, &added_alone);
    retain(&mut dropped, &dropped_alone);
    [
        shingled(out, changes[0], added, &act_of, whole),
        shingled(out, changes[1], dropped, &act_of, whole),
    ]
}

/// The keys of the lone entries of `change`, with their entries, sorted.
fn keyed<K: Ord>(
    out: &[CommitmentDiff],
    change: &CommitmentChange,
    key: impl Fn(&Excerpt) -> Option<K>,
) -> Vec<(K, usize)> {
    let mut found: Vec<(K, usize)> = out
        .iter()
        .enumerate()
        .filter_map(|(entry, c)| Some((key(lone(c, change)?)?, entry)))
        .collect();
    found.sort();
    found
}

/// Keyed entries with the bigrams of their acts (and of their whole sentences where `whole`
/// asks for them), in the order of their keys.
fn shingled<K: Ord>(
    out: &[CommitmentDiff],
    change: &CommitmentChange,
    keys: Vec<(K, usize)>,
    act_of: impl Fn(&Excerpt) -> Option<Cow<'_, str>>,
    whole: bool,
) -> Vec<Lone<K>> {
    keys.into_iter()
        .filter_map(|(key, entry)| {
            let e = lone(&out[entry], change)?;
            Some(Lone {
                entry,
                key,
                act: act_shingles(cut(&act_of(e)?, ACT_LEN)),
                all: if whole {
                    shingles(&normalized(&e.sentence))
                } else {
                    Vec::new()
                },
            })
        })
        .collect()
}

/// The run of `sorted` with this key.
fn with_key<'l, K: Ord>(sorted: &'l [Lone<K>], key: &K) -> &'l [Lone<K>] {
    let from = sorted.partition_point(|l| l.key < *key);
    let to = from + sorted[from..].partition_point(|l| l.key == *key);
    &sorted[from..to]
}

/// Removes the entries of commitments that moved (see the module docs).
pub(crate) fn net_moves(out: &mut Vec<CommitmentDiff>) {
    net(out, verb_key, VERB_FLOOR, WHOLE_FLOOR);
    // With another verb, whole sentences alike are not enough.
    net(out, subject_key, SUBJECT_FLOOR, f64::INFINITY);
    net_in_clause(out);
    net_modality(out);
}

/// The least likeness of what follows the markers of a dropped and an added commitment of one
/// pair of clauses, one subject, one verb and one modality, for the two to be one commitment
/// reworded (unless the words of one hold all the words of the other).
const CLAUSE_FLOOR: f64 = 0.2;

/// Removes a dropped and an added commitment of one pair of clauses with the same subject,
/// verb and modality, what follows their markers at least [`CLAUSE_FLOOR`] alike or the words
/// of one all among the words of the other ("Such tribunals shall be impartial and
/// independent" against "Such tribunals shall be impartial"): within one provision, that is
/// the commitment reworded, which the text comparison shows, not one commitment gone and
/// another come.
fn net_in_clause(out: &mut Vec<CommitmentDiff>) {
    type Key = (ClauseId, ClauseId, Modality, String, Verb);
    let keyed = |change: &CommitmentChange| -> Vec<(Key, usize)> {
        let mut found: Vec<(Key, usize)> = out
            .iter()
            .enumerate()
            .filter_map(|(entry, c)| {
                let e = lone(c, change)?;
                let (_, subject) = subject_key(e)?;
                let key = (
                    c.old_clause.clone()?,
                    c.new_clause.clone()?,
                    e.modality,
                    subject,
                    verb_of(after_marker(e))?,
                );
                Some((key, entry))
            })
            .collect();
        found.sort();
        found
    };
    let (added, dropped) = (
        keyed(&CommitmentChange::Added),
        keyed(&CommitmentChange::Dropped),
    );
    if added.is_empty() || dropped.is_empty() {
        return;
    }
    // What follows the marker: its bigrams, and its words (first four letters).
    let act = |entry: usize| {
        let c = &out[entry];
        let e = c.old_excerpt.as_ref().or(c.new_excerpt.as_ref());
        let act = e.map(after_marker).unwrap_or_default();
        let act = cut(act, ACT_LEN);
        let mut words: Vec<Verb> = act_words(&without_aside(act)).map(four).collect();
        words.sort_unstable();
        words.dedup();
        (act_shingles(act), words)
    };
    let contains = |long: &[Verb], short: &[Verb]| {
        !short.is_empty() && short.iter().all(|w| long.binary_search(w).is_ok())
    };
    let mut gone = vec![false; out.len()];
    let mut by_entry = dropped.clone();
    by_entry.sort_by_key(|&(_, entry)| entry);
    for (key, d) in by_entry {
        let from = added.partition_point(|(k, _)| *k < key);
        let (da, dw) = act(d);
        let meets = added[from..]
            .iter()
            .take_while(|(k, _)| *k == key)
            .filter(|&&(_, a)| !gone[a])
            .take(MAX_CANDIDATES)
            .find(|&&(_, a)| {
                let (aa, aw) = act(a);
                dice(&da, &aa) >= CLAUSE_FLOOR || contains(&aw, &dw) || contains(&dw, &aw)
            });
        if let Some(&(_, a)) = meets {
            gone[d] = true;
            gone[a] = true;
        }
    }
    retain(out, &gone);
}

/// The least likeness of what follows the marker in a dropped and an added commitment of
/// one subject and verb but another modality, for the two to be one commitment whose
/// modality changed: as high as for a commitment that stands still, since the two do not
/// even share their marker.
const MODALITY_FLOOR: f64 = 0.5;

/// Makes one modality change of a dropped and an added commitment of the same subject and
/// verb, their acts at least [`MODALITY_FLOOR`] alike, and another modality: "The Board
/// shall meet for the first time within a year" dropped in one article and "The Board may
/// meet for the first time within two years" added in another is one obligation lifted, not
/// one dropped and a permission added.
fn net_modality(out: &mut Vec<CommitmentDiff>) {
    let key = |e: &Excerpt| {
        let (_, subject) = subject_key(e)?;
        Some((subject, verb_of(after_marker(e))?))
    };
    let [added, dropped] = paired_lones(out, key, whole_act, false);
    if added.is_empty() {
        return;
    }
    let mut gone = vec![false; out.len()];
    let mut by_entry: Vec<&Lone<_>> = dropped.iter().collect();
    by_entry.sort_by_key(|l| l.entry);
    let modality = |entry: usize, out: &[CommitmentDiff]| {
        let c = &out[entry];
        c.old_excerpt
            .as_ref()
            .or(c.new_excerpt.as_ref())
            .map(|e| e.modality)
    };
    for d in by_entry {
        let old = modality(d.entry, out);
        let best = with_key(&added, &d.key)
            .iter()
            .filter(|a| !gone[a.entry] && modality(a.entry, out) != old)
            .take(MAX_CANDIDATES)
            .map(|a| (dice(&d.act, &a.act), a.entry))
            .filter(|&(x, _)| x >= MODALITY_FLOOR)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        let Some((_, j)) = best else {
            continue;
        };
        let added = out[j].clone();
        let (Some(old), Some(new)) = (old, added.new_excerpt.as_ref().map(|e| e.modality)) else {
            continue;
        };
        let c = &mut out[d.entry];
        c.new_clause = added.new_clause;
        c.new_obligors = added.new_obligors;
        c.new_excerpt = added.new_excerpt;
        c.changes = vec![CommitmentChange::Modality {
            old,
            new,
            direction: modality_direction(old, new),
        }];
        gone[j] = true;
    }
    retain(out, &gone);
}

/// Removes the added commitments whose like stands in the old draft, and the dropped ones
/// whose like stands in the new draft: the same modality, the same verb and two words after
/// it, what follows the marker at least [`STANDS_FLOOR`] alike. A commitment merged into a
/// clause that pairs with another, or written twice in one draft and once in the other, is
/// not new or gone. Runs after [`net_moves`], on what it left.
///
/// A commitment read from an item of a list with its lead-in ("The Board shall: (c) publish
/// a yearly report") stands too where the other draft has the like item under a lead-in of
/// the same modality ("The tasks of the Board shall include: (c) publishing a yearly
/// report"), as a child of the lead-in's clause or in the same text: the list was rewritten
/// around it, the commitment is the same.
///
/// `texts` are the clause texts of both drafts, each with the lead-in of its parent (the
/// lead-in that binds it as an item, if any) and whether it stands in the old draft and in
/// the new: a text that two paired clauses share is read once for both.
///
/// A text is read in its draft's language (`languages`: the old draft's, the new draft's; a
/// text in both reads in the old one's).
pub(crate) fn net_standing<'t>(
    out: &mut Vec<CommitmentDiff>,
    texts: impl Iterator<Item = Standing<'t>>,
    languages: [&str; 2],
) {
    let key = |e: &Excerpt| Some((e.modality, act_key(after_marker(e))?));
    let item_key = |e: &Excerpt| Some((e.modality, act_key(item_of(e)?)?));
    let acts = [&CommitmentChange::Added, &CommitmentChange::Dropped]
        .map(|change| lones(out, change, key, whole_act, false));
    let items = [&CommitmentChange::Added, &CommitmentChange::Dropped].map(|change| {
        lones(
            out,
            change,
            item_key,
            |e| item_of(e).map(Cow::Borrowed),
            false,
        )
    });
    if acts.iter().chain(&items).all(Vec::is_empty) {
        return;
    }
    let mut search = Search {
        gone: vec![false; out.len()],
        work: 0,
    };
    let mut found = Vec::new();
    for t in texts {
        let lists = [t.looks_for(&acts), t.looks_for(&items)];
        if lists.iter().flatten().all(|l| l.is_empty()) {
            continue;
        }
        let language = if t.in_old { languages[0] } else { languages[1] };
        // The text as an item of its parent's lead-in: the lead-in's last marker binds it.
        if let Some(lead) = t.lead {
            found.clear();
            deontic::markers_in_into(lead, language, &mut found);
            if let Some(m) = found.last() {
                let lead_act = act(lead, m.range.clone());
                if !search.meet_item(&lists, m.modality, lead_act, t.text) {
                    break;
                }
            }
        }
        found.clear();
        deontic::markers_in_into(t.text, language, &mut found);
        for m in &found {
            let act = act(t.text, m.range.clone());
            if !search.meet(&lists[0], m.modality, act) {
                break;
            }
            // A lead-in in the same text: the items that follow it.
            if act.ends_with([':', '\u{2014}']) {
                let rest = &t.text[m.range.end + act.len()..];
                for item in items_in(rest) {
                    if !search.meet_item(&lists, m.modality, act, item) {
                        break;
                    }
                }
            }
        }
        if search.work >= STANDS_WORK {
            break;
        }
    }
    retain(out, &search.gone);
}

/// A clause text for [`net_standing`] to read.
pub(crate) struct Standing<'t> {
    pub(crate) text: &'t str,
    /// The lead-in of the clause's parent ("Each Party shall:"), which binds it as an item.
    pub(crate) lead: Option<&'t str>,
    pub(crate) in_old: bool,
    pub(crate) in_new: bool,
}

impl Standing<'_> {
    /// The lists of added and dropped entries to look for in this text: an added commitment
    /// is looked for in the old draft, a dropped one in the new.
    fn looks_for<'l, K>(&self, lists: &'l [Vec<Lone<K>>; 2]) -> [&'l [Lone<K>]; 2] {
        [(self.in_old, &lists[0]), (self.in_new, &lists[1])]
            .map(|(on, list)| if on { list.as_slice() } else { &[] })
    }
}

/// The entries to look for in one text: added ones, dropped ones.
type Lists<'l> = [&'l [Lone<(Modality, Act)>]; 2];

/// The entries found standing so far, and the comparisons made.
struct Search {
    gone: Vec<bool>,
    work: usize,
}

impl Search {
    /// Marks the entries of `lists` that `act`, of `modality`, stands for; false once the
    /// work budget is spent.
    fn meet(&mut self, lists: &Lists<'_>, modality: Modality, act: &str) -> bool {
        self.meet_parts(lists, modality, "", act)
    }

    /// As [`Search::meet`], for an act written in two parts: a lead-in's act and an item
    /// (the first part may be empty). The two are joined only where an entry of their key
    /// is found, which is rare.
    fn meet_parts(&mut self, lists: &Lists<'_>, modality: Modality, lead: &str, act: &str) -> bool {
        if lists.iter().all(|l| l.is_empty()) {
            return true;
        }
        let key = if lead.is_empty() {
            act_key(act)
        } else {
            let (lead, act) = (without_aside(lead), without_aside(act));
            key_of(act_words_in(words(&lead).chain(words(&act))))
        };
        let Some(key) = key else {
            return true;
        };
        let mut sh: Option<Vec<u64>> = None;
        for list in lists {
            for l in with_key(list, &(modality, key)) {
                if self.gone[l.entry] {
                    continue;
                }
                if self.work >= STANDS_WORK {
                    return false;
                }
                self.work += 1;
                let sh = sh.get_or_insert_with(|| {
                    if lead.is_empty() {
                        act_shingles(cut(act, ACT_LEN))
                    } else {
                        act_shingles(cut(&format!("{} {act}", lead.trim()), ACT_LEN))
                    }
                });
                if dice(sh, &l.act) >= STANDS_FLOOR {
                    self.gone[l.entry] = true;
                }
            }
        }
        true
    }

    /// Marks the entries that an item bound by a lead-in of `modality` stands for: item
    /// entries (`lists[1]`) by the item, other entries (`lists[0]`) by the lead-in's act and
    /// the item read together ("grant to the residents of the other Party: (a) access to its
    /// courts" stands for "grant to the residents of another Party access to its courts").
    /// False once the work budget is spent.
    fn meet_item(
        &mut self,
        lists: &[Lists<'_>; 2],
        modality: Modality,
        lead_act: &str,
        item: &str,
    ) -> bool {
        self.meet(&lists[1], modality, item)
            && self.meet_parts(&lists[0], modality, lead_act, cut(item, ACT_LEN))
    }
}

/// The item of an excerpt read as an item with its lead-in: what follows the last colon (or
/// dash) after its marker ("The Board shall: publish a yearly report" gives "publish a yearly
/// report").
fn item_of(e: &Excerpt) -> Option<&str> {
    let rest = after_marker(e);
    let bytes = rest.as_bytes();
    let at = memchr::memrchr_iter(b':', bytes)
        .find(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        .map(|i| i + 1)
        .or_else(|| rest.rfind('\u{2014}').map(|i| i + '\u{2014}'.len_utf8()))?;
    let item = rest[at..].trim();
    (!item.is_empty()).then_some(item)
}

/// The items after a lead-in in the same text: its parts between semicolons up to the
/// sentence's end (a full stop before white space), at most [`MAX_ITEMS`] of them, within
/// [`ITEMS_LEN`] bytes.
fn items_in(rest: &str) -> impl Iterator<Item = &str> {
    let rest = cut(rest, ITEMS_LEN);
    let bytes = rest.as_bytes();
    let end = memchr::memchr_iter(b'.', bytes)
        .find(|&i| bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        .map_or(rest.len(), |i| i + 1);
    rest[..end]
        .split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .take(MAX_ITEMS)
}

/// Removes the items of `out` that `gone` marks, by position.
fn retain<T>(out: &mut Vec<T>, gone: &[bool]) {
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// What follows a marker in its sentence: up to the sentence's end (".", ";" or ":" before
/// white space, or a line end), at most [`ACT_LEN`] bytes.
fn act(text: &str, marker: Range<usize>) -> &str {
    let rest = cut(&text[marker.end..], ACT_LEN);
    let bytes = rest.as_bytes();
    let stop = memchr::memchr3_iter(b'.', b';', b':', bytes)
        .find(|&i| bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        .map_or(rest.len(), |i| i + 1);
    let stop = memchr::memchr(b'\n', &bytes[..stop]).unwrap_or(stop);
    &rest[..stop]
}

/// The first `len` bytes of `text` at most, at a character boundary.
fn cut(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A list label's word: "a", "ii", "iv".
fn is_label(w: &str) -> bool {
    w.len() == 1 || (w.len() <= 4 && w.bytes().all(|c| matches!(c, b'i' | b'v' | b'x')))
}

/// The words of an act past "be", "inter alia", adverbs and list labels, each glued word
/// taken apart as [`unglue`] does.
fn act_words(act: &str) -> impl Iterator<Item = &str> {
    act_words_in(words(act))
}

/// [`act_words`] of words already split.
fn act_words_in<'w>(words: impl Iterator<Item = &'w str>) -> impl Iterator<Item = &'w str> {
    let mut parts = [""; 3];
    let mut pending = 0..0;
    let mut words = words;
    // Each word as its parts ([`unglue`]): a word too short to be glued as it is, without
    // the work of taking it apart.
    std::iter::from_fn(move || {
        loop {
            if let Some(k) = pending.next() {
                return Some(parts[k]);
            }
            let w = words.next()?;
            if w.len() < GLUED_LEN || !may_be_glued(w.as_bytes()) {
                return Some(w);
            }
            let mut n = 0;
            for part in unglue(w) {
                parts[n] = part;
                n += 1;
            }
            pending = 0..n;
        }
    })
    .filter(|w| {
        let skip = matches!(w.len(), 2 | 4 | 5)
            && ["be", "inter", "alia"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s));
        !(skip || is_label(w) || deontic::is_adverb(w))
    })
}

/// The word bigrams of an act, each word read as its first four bytes lower-cased, so that
/// inflection does not count: "permit financial services suppliers" and "permit a financial
/// service supplier" share "fina serv" and "serv supp". Glued words are taken apart first
/// ([`unglue`]). Sorted and distinct, as [`shingles`] gives them.
fn act_shingles(act: &str) -> Vec<u64> {
    let act = &*without_aside(act);
    let key = |word: &str| u64::from(u32::from_le_bytes(four(word)));
    let mut out = Vec::with_capacity(act.len() / 4);
    let mut previous: Option<u64> = None;
    let mut push = |word: u64| {
        if let Some(p) = previous.replace(word) {
            out.push(p << 32 | word);
        }
    };
    // Byte by byte, as `four` reads each word: no slicing, no decoding. An act that is not
    // ASCII, or holds a word that may be glued, is read word by word instead.
    let mut fast = act.is_ascii();
    if fast {
        let bytes = act.as_bytes();
        let (mut word, mut len) = (0u32, 0usize);
        for (i, &b) in bytes.iter().enumerate() {
            let lower = WORD_BYTE[usize::from(b)];
            if lower != 0 {
                if len < 4 {
                    word |= u32::from(lower) << (8 * len);
                }
                len += 1;
            } else if len > 0 {
                if len >= GLUED_LEN && may_be_glued(&bytes[i - len..i]) {
                    fast = false;
                    break;
                }
                push(u64::from(word));
                (word, len) = (0, 0);
            }
        }
        if fast && len > 0 {
            if len >= GLUED_LEN && may_be_glued(&bytes[bytes.len() - len..]) {
                fast = false;
            } else {
                push(u64::from(word));
            }
        }
    }
    if !fast {
        previous = None;
        out.clear();
        words(act).flat_map(unglue).for_each(|w| {
            if let Some(p) = previous.replace(key(w)) {
                out.push(p << 32 | key(w));
            }
        });
    }
    if out.is_empty() {
        out.extend(previous);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The shortest word that may be two glued together.
const GLUED_LEN: usize = 6;
/// The short words text extraction glues to the end of a longer one.
const GLUED_TAILS: [&[u8]; 5] = [b"the", b"for", b"and", b"to", b"of"];

/// Whether a word opens with "be" glued to a participle ("bemaintained", "betaken").
#[inline(always)]
fn glued_be(b: &[u8]) -> bool {
    let n = b.len();
    b[..2].eq_ignore_ascii_case(b"be")
        && (b[n - 2..].eq_ignore_ascii_case(b"ed") || b[n - 2..].eq_ignore_ascii_case(b"en"))
}

/// Whether a word of at least [`GLUED_LEN`] bytes may be glued: a quick test of its ends
/// before [`glue_points`] does the work.
#[inline(always)]
fn may_be_glued(b: &[u8]) -> bool {
    glued_be(b)
        || GLUED_TAILS
            .iter()
            .any(|t| b[b.len() - t.len()..].eq_ignore_ascii_case(t))
}

/// Where a glued word's parts meet: the end of a leading "be" (or 0), the start of a
/// trailing short word (or the word's length). See [`unglue`].
fn glue_points(b: &[u8]) -> (usize, usize) {
    let n = b.len();
    if n < GLUED_LEN || !may_be_glued(b) {
        return (0, n);
    }
    let head = if glued_be(b) { 2 } else { 0 };
    let tail = GLUED_TAILS
        .iter()
        .find(|t| n >= head + t.len() + 4 && b[n - t.len()..].eq_ignore_ascii_case(t))
        .map_or(n, |t| n - t.len());
    (head, tail)
}

/// A word as its parts, where text extraction glued a short word to it: "be" before a
/// participle ("bemaintained"), "to", "the", "of", "for" or "and" after a longer word
/// ("notifiedto", "conditionfor"). A word that merely ends that way ("thereof",
/// "command") is taken apart alike in both drafts, so its likeness does not change.
fn unglue(word: &str) -> impl Iterator<Item = &str> {
    let (head, tail) = glue_points(word.as_bytes());
    (head > 0)
        .then(|| &word[..head])
        .into_iter()
        .chain(Some(&word[head..tail]))
        .chain((tail < word.len()).then(|| &word[tail..]))
}

/// The runs of letters and digits of `text`, in order. ASCII bytes are read as they are, and
/// only other characters decoded: acts are read in every text of both drafts (`split` on a
/// character predicate costs about 5 million more instructions of the 10,000-clause diff).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The width of the character at `i`, and whether it belongs to a word.
    let at = move |i: usize| match bytes[i] {
        b if b.is_ascii() => (1, b.is_ascii_alphanumeric()),
        _ => text[i..]
            .chars()
            .next()
            .map_or((1, false), |c| (c.len_utf8(), c.is_alphanumeric())),
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (width, word) = at(i);
            if word {
                break;
            }
            i += width;
        }
        let start = i;
        while i < bytes.len() {
            let (width, word) = at(i);
            if !word {
                break;
            }
            i += width;
        }
        (i > start).then(|| &text[start..i])
    })
}

/// A word's first four bytes, lower-cased.
fn four(word: &str) -> [u8; 4] {
    let mut out = [0u8; 4];
    for (v, b) in out.iter_mut().zip(word.bytes()) {
        *v = b.to_ascii_lowercase();
    }
    out
}

/// The verb at the start of an act, its first four bytes lower-cased.
fn verb_of(act: &str) -> Option<Verb> {
    act_words(&without_aside(act)).next().map(four)
}

/// The verb and the two words after it: what a sentence elsewhere must share to be read
/// whole.
fn act_key(act: &str) -> Option<Act> {
    key_of(act_words(&without_aside(act)))
}

/// The most words of an aside that [`without_aside`] passes over.
const ASIDE_WORDS: usize = 10;

/// The words that open an aside: a circumstance, a condition or a manner ("where
/// appropriate", "in accordance with its laws", "upon request"). A verb does not: "maintain,
/// introduce or reintroduce" is a list of acts.
const ASIDE_OPENERS: &[&str] = &[
    "after",
    "as",
    "at",
    "before",
    "by",
    "consistent",
    "except",
    "for",
    "if",
    "in",
    "including",
    "inter",
    "notwithstanding",
    "on",
    "prior",
    "pursuant",
    "subject",
    "through",
    "to",
    "under",
    "unless",
    "upon",
    "when",
    "where",
    "whenever",
    "with",
    "within",
    "without",
];

/// An act without the aside set off by commas at its start or after its verb, so that "shall,
/// where appropriate, provide information" and "shall provide, within a reasonable period,
/// information" read as "provide information": drafts add and drop such asides, and the act
/// stays; and two acts that share only an aside ("in accordance with its laws and
/// regulations") do not meet. An aside opens with one of [`ASIDE_OPENERS`] and holds at most
/// [`ASIDE_WORDS`] words and no ";" or ":". A list label
/// before the verb ("(b) provide, ...") is passed over.
fn without_aside(act: &str) -> Cow<'_, str> {
    let t = act.trim_start();
    let t = match t.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((label, rest))
            if label.len() <= 5 && label.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            rest.trim_start()
        }
        _ => t,
    };
    let bytes = t.as_bytes();
    let open = match bytes.first() {
        Some(b',') => 0,
        _ => {
            let end = bytes
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len());
            if end == 0 || bytes.get(end) != Some(&b',') {
                return Cow::Borrowed(act);
            }
            end
        }
    };
    let rest = &t[open + 1..];
    let Some(close) = memchr::memchr3(b',', b';', b':', rest.as_bytes()) else {
        return Cow::Borrowed(act);
    };
    let aside = &rest[..close];
    let n = aside.split_whitespace().count();
    let opens = aside
        .split_whitespace()
        .next()
        .is_some_and(|w| ASIDE_OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)));
    // An aside that ends the act ("shall, to the extent practicable," before a list that
    // text extraction set apart) is all the act there is: it stays.
    let after = rest[close + 1..].trim_start();
    if rest.as_bytes()[close] != b',' || !opens || n > ASIDE_WORDS || after.is_empty() {
        return Cow::Borrowed(act);
    }
    Cow::Owned(format!("{} {after}", &t[..open]))
}

/// The key of an act's words: the first four bytes of its first three.
fn key_of<'w>(mut words: impl Iterator<Item = &'w str>) -> Option<Act> {
    let mut key = [0u8; 12];
    key[..4].copy_from_slice(&four(words.next()?));
    key[4..8].copy_from_slice(&four(words.next().unwrap_or_default()));
    key[8..].copy_from_slice(&four(words.next().unwrap_or_default()));
    Some(key)
}

/// The modality and the verb after the marker.
fn verb_key(e: &Excerpt) -> Option<(Modality, Verb)> {
    Some((e.modality, verb_of(after_marker(e))?))
}

/// The modality and the subject as written, lower-cased, past leading determiners ("Its
/// judicial authorities" and "the judicial authorities" are one subject).
fn subject_key(e: &Excerpt) -> Option<(Modality, String)> {
    let subject = e.subject.as_ref()?.to_lowercase();
    let subject = subject
        .split_whitespace()
        .skip_while(|w| matches!(*w, "the" | "its" | "their" | "a" | "an" | "such"))
        .collect::<Vec<_>>()
        .join(" ");
    Some((e.modality, subject))
}

/// What follows the marker in its sentence, as the act to compare: for an item read with a
/// lead-in too long for both to be compared, the lead-in's first three words and the item,
/// since two items of one list differ only in their items.
fn whole_act(e: &Excerpt) -> Option<Cow<'_, str>> {
    let act = after_marker(e);
    Some(match item_of(e) {
        Some(item) if act.len() > ACT_LEN => {
            // The lead-in's verb and the two words after it: what its key holds.
            let end = words(act)
                .take(3)
                .last()
                .map_or(0, |w| w.as_ptr() as usize - act.as_ptr() as usize + w.len());
            Cow::Owned(format!("{} {item}", act[..end].trim()))
        }
        _ => Cow::Borrowed(act),
    })
}

/// What follows the marker in its sentence.
fn after_marker(e: &Excerpt) -> &str {
    e.sentence
        .find(e.marker.as_str())
        .map_or(e.sentence.as_str(), |at| &e.sentence[at + e.marker.len()..])
}

/// One pass: each dropped entry meets the most alike added one of its key, what follows
/// their markers at least `floor` alike or their whole sentences at least `whole` alike; both
/// go.
fn net<K: Ord>(
    out: &mut Vec<CommitmentDiff>,
    key: fn(&Excerpt) -> Option<K>,
    floor: f64,
    whole: f64,
) {
    // Whole sentences are compared only where a floor is set for them.
    let [added, dropped] = paired_lones(out, key, whole_act, whole.is_finite());
    if added.is_empty() {
        return;
    }
    let mut gone = vec![false; out.len()];
    let mut by_entry: Vec<&Lone<K>> = dropped.iter().collect();
    // In document order, so that the first dropped entry meets its partner first.
    by_entry.sort_by_key(|l| l.entry);
    for d in by_entry {
        let best = with_key(&added, &d.key)
            .iter()
            .filter(|a| !gone[a.entry])
            .take(MAX_CANDIDATES)
            .filter_map(|a| {
                let (x, w) = (dice(&d.act, &a.act), dice(&d.all, &a.all));
                (x >= floor || w >= whole).then_some((x.max(w), a.entry))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((_, j)) = best {
            gone[d.entry] = true;
            gone[j] = true;
        }
    }
    retain(out, &gone);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_compare_by_their_words_first_letters() {
        let (x, y) = (
            "permit financial services suppliers of the other Party",
            "permit a financial service supplier of another Party",
        );
        // "fina serv", "serv supp", "supp of": inflection does not count, where plain word
        // bigrams share only "of the"-like pairs.
        let by_letters = dice(&act_shingles(x), &act_shingles(y));
        let by_words = dice(&shingles(x), &shingles(y));
        assert!(
            by_letters > 0.4 && by_words < 0.1,
            "{by_letters} {by_words}"
        );
        // The byte-by-byte reading of ASCII gives what the general one gives.
        let general: Vec<u64> = {
            let w: Vec<u64> = words("Permit financial, services!")
                .map(|w| u64::from(u32::from_le_bytes(four(w))))
                .collect();
            let mut out: Vec<u64> = w.windows(2).map(|p| p[0] << 32 | p[1]).collect();
            out.sort_unstable();
            out
        };
        assert_eq!(act_shingles("Permit financial, services!"), general);
        assert_eq!(act_shingles("notify").len(), 1);
        assert!(act_shingles(" - ").is_empty());
    }

    #[test]
    fn an_aside_after_the_marker_or_the_verb_is_passed_over() {
        let plain = act_key("provide information on the status");
        assert!(plain.is_some());
        for act in [
            ", where appropriate, provide information on the status",
            " provide, within a reasonable period of time, information on the status",
            " (b) provide, upon request, information on the status",
        ] {
            assert_eq!(act_key(act), plain, "{act}");
        }
        // A list of verbs is no aside, nor is a clause too long, nor one that ends the act.
        assert_eq!(
            without_aside("maintain, introduce or reintroduce subsidies"),
            "maintain, introduce or reintroduce subsidies"
        );
        let long = ", in accordance with the procedures that the Committee shall set out in \
                    its first decision, publish";
        assert_eq!(without_aside(long), long);
        assert_eq!(
            without_aside(", to the extent practicable,"),
            ", to the extent practicable,"
        );
    }

    #[test]
    fn glued_words_are_taken_apart() {
        fn parts(w: &str) -> Vec<&str> {
            unglue(w).collect()
        }
        assert_eq!(parts("bemaintained"), ["be", "maintained"]);
        assert_eq!(parts("notifiedto"), ["notified", "to"]);
        assert_eq!(parts("conditionfor"), ["condition", "for"]);
        assert_eq!(parts("betaken"), ["be", "taken"]);
        // Short words and words that do not end so stay whole.
        assert_eq!(parts("into"), ["into"]);
        assert_eq!(parts("notify"), ["notify"]);
        assert_eq!(parts("Ботаника"), ["Ботаника"]);
        // So a glued act keys and compares as the act written apart.
        let (glued, apart) = (
            "bemaintained exceptto the extent and for such timeas may",
            "be maintained except to the extent and for such time as may",
        );
        assert_eq!(act_key(glued), act_key(apart));
        assert!(dice(&act_shingles(glued), &act_shingles(apart)) > 0.7);
        // The ASCII path reads glued words as the general one does.
        let general = |text: &str| {
            let w: Vec<u64> = words(text)
                .flat_map(unglue)
                .map(|w| u64::from(u32::from_le_bytes(four(w))))
                .collect();
            let mut out: Vec<u64> = w.windows(2).map(|p| p[0] << 32 | p[1]).collect();
            out.sort_unstable();
            out
        };
        assert_eq!(
            act_shingles("bemaintained notifiedto Party"),
            general("bemaintained notifiedto Party")
        );
        assert_eq!(
            act_shingles("é notifiedto Party"),
            general("é notifiedto Party")
        );
    }

    #[test]
    fn an_item_is_read_after_its_lead_in() {
        let e = Excerpt::new(
            "The Board shall, among others: publish a yearly report;",
            "shall",
            Modality::Obligation,
            Some("The Committee"),
        );
        assert_eq!(item_of(&e), Some("publish a yearly report;"));
        let plain = Excerpt::new(
            "Each Party shall notify.",
            "shall",
            Modality::Obligation,
            None,
        );
        assert_eq!(item_of(&plain), None);
        let items: Vec<&str> = items_in(" (a) publish; (b) notify. Other text; more").collect();
        assert_eq!(items, ["(a) publish", "(b) notify."]);
        assert_eq!(items_in(&"x;".repeat(100)).count(), MAX_ITEMS);
    }

    #[test]
    fn two_items_of_a_long_lead_in_compare_by_their_items() {
        let lead = format!(
            "The Parties shall cooperate {}in the following fields:",
            "with due regard to their laws and programmes, ".repeat(3)
        );
        let excerpt = |item: &str| {
            Excerpt::new(
                &format!("{lead} {item}"),
                "shall",
                Modality::Obligation,
                Some("The Parties"),
            )
        };
        let (x, y) = (
            excerpt("(b) protection of geographical indications;"),
            excerpt("(c) exchange of customs data between authorities;"),
        );
        let act = |e: &Excerpt| act_shingles(cut(&whole_act(e).unwrap(), ACT_LEN));
        assert!(dice(&act(&x), &act(&y)) < VERB_FLOOR);
        // A short lead-in is compared whole, with its item.
        let short = Excerpt::new(
            "Each Party shall: (a) publish its laws;",
            "shall",
            Modality::Obligation,
            None,
        );
        assert_eq!(whole_act(&short).unwrap(), ": (a) publish its laws;");
    }
}
