//! Commitments read from text that moved: dropped in one place and added in another, the same
//! commitment. A paragraph restructured, a sentence split, or a provision reworded where the
//! outline changed makes such pairs; they are no change of obligation, so both entries go.
//!
//! What follows each marker is read as an act (module `acts`: words past adverbs, labels and
//! an aside, glued words taken apart, keys and bigrams).
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

use super::acts::{
    ACT_LEN, Act, Verb, act, act_key, act_shingles, act_words, act_words_in, cut, four, key_of,
    verb_of, without_aside, words,
};
use super::commitment::{
    CommitmentChange, CommitmentDiff, CommitmentMatch, Excerpt, modality_direction,
};
use super::normalize::{dice, normalized, shingles};
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
/// The items read after a lead-in in the same text, at most, and how far after it, in bytes:
/// they bound the work on a text of semicolons.
const MAX_ITEMS: usize = 16;
const ITEMS_LEN: usize = 2048;

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
    // Each added entry's act is read once, when a dropped entry first looks at it.
    let mut acts: Vec<Option<(Vec<u64>, Vec<Verb>)>> = vec![None; added.len()];
    let mut by_entry = dropped;
    by_entry.sort_by_key(|&(_, entry)| entry);
    for (key, d) in by_entry {
        let from = added.partition_point(|(k, _)| *k < key);
        let (da, dw) = act(d);
        let candidates = (from..added.len())
            .take_while(|&i| added[i].0 == key)
            .filter(|&i| !gone[added[i].1])
            .take(MAX_CANDIDATES);
        let mut meets = None;
        for i in candidates {
            let (aa, aw) = acts[i].get_or_insert_with(|| act(added[i].1));
            if dice(&da, aa) >= CLAUSE_FLOOR || contains(aw, &dw) || contains(&dw, aw) {
                meets = Some(added[i].1);
                break;
            }
        }
        if let Some(a) = meets {
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
