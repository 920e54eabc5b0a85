//! Brackets compared: what the new draft did with the old one's disputed text.
//!
//! The text comparison shows every word that changed, inside brackets as anywhere else. This
//! adds what negotiators track: which brackets came, went, were resolved or were opened again.
//! Each text is read as a sequence of words and brackets, a whole bracket one item, and the two
//! sequences are compared (Myers, with `similar`). A bracket that stands in both texts as it
//! was is no change. Where brackets of one side stand in a changed run:
//! - as many brackets of the old side as of the new stand in place of each other, in order:
//!   the bracket reworded, which the text comparison shows;
//! - an old bracket left over is **resolved** when the words of one of its choices stand in
//!   the new run (the most words first): the choice agreed; else it is **removed**, with its
//!   words;
//! - a new bracket left over is **reopened** when the words of one of its choices stand in the
//!   old run: agreed text disputed again; else it is **added**.
//!
//! So comparing the drafts the other way round turns each change into its inverse.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::Clause;
use crate::brackets::{Bracket, BracketKind, Bracketed, Segment, Tally, TallyChange};

/// The longest choice kept in a [`BracketRef`], in bytes: a reader sees which choice it is.
const MAX_CHOICE: usize = 240;
/// Items looked at, at most, while looking for the choices of a clause's brackets in the
/// other text: a text of thousands of brackets against thousands of words would look at
/// each word for each bracket. Past it, brackets left are removed or added, not resolved.
const MAX_WORK: usize = 1 << 22;

/// The brackets of one clause compared: its tallies in both drafts and what happened to each
/// bracket that did not stand as it was. Set on a [`ClauseDiff`](super::ClauseDiff) whose
/// clause is bracketed on either side and whose text changed, or that was added or removed:
/// so a view knows to show the text in the notation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ClauseBrackets {
    /// The clause's tallies in the old and the new draft (zero on a side where it is absent).
    pub tally: TallyChange,
    /// What happened to the brackets, in the order of the texts. Empty for a clause added or
    /// removed (its tally says it all) and for texts past the word budget.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub changes: Vec<BracketChange>,
}

/// What happened to one bracket.
///
/// Each text is read as a sequence of words and brackets, a whole bracket one item, and the
/// two are compared (Myers). A bracket that stands in both texts as it was is no change. In a
/// changed run, an old bracket is **resolved** where the words (and nested brackets) of one of
/// its choices stand in the new run, the choice with the most words first; a new bracket is
/// **reopened** where one of its choices stood in the old run; the brackets left on each side
/// stand in place of each other in order (reworded, as the text change shows), and those left
/// over are **removed** or **added**. Comparing the drafts the other way round turns each
/// change into its inverse.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum BracketChange {
    /// A bracket only in the new text, with words of its own: a new dispute.
    Added {
        /// The bracket, in the new text.
        bracket: BracketRef,
    },
    /// A bracket of the old text gone with its words.
    Removed {
        /// The bracket, in the old text.
        bracket: BracketRef,
    },
    /// A bracket of the old text whose choice `kept` stands in the new text as plain words:
    /// agreed.
    Resolved {
        /// The bracket, in the old text.
        bracket: BracketRef,
        /// Which choice was kept, from 0.
        kept: usize,
    },
    /// A bracket of the new text whose choice `kept` stood in the old text as plain words:
    /// agreed text disputed again.
    Reopened {
        /// The bracket, in the new text.
        bracket: BracketRef,
        /// Which choice the old text had, from 0.
        kept: usize,
    },
}

impl BracketChange {
    /// The change's name, as in JSON: `added`, `removed`, `resolved`, `reopened`.
    pub fn name(&self) -> &'static str {
        match self {
            BracketChange::Added { .. } => "added",
            BracketChange::Removed { .. } => "removed",
            BracketChange::Resolved { .. } => "resolved",
            BracketChange::Reopened { .. } => "reopened",
        }
    }

    /// The bracket the change is about.
    pub fn bracket(&self) -> &BracketRef {
        match self {
            BracketChange::Added { bracket }
            | BracketChange::Removed { bracket }
            | BracketChange::Resolved { bracket, .. }
            | BracketChange::Reopened { bracket, .. } => bracket,
        }
    }

    /// The same change seen from the other draft.
    pub(crate) fn inverse(&self) -> BracketChange {
        match self.clone() {
            BracketChange::Added { bracket } => BracketChange::Removed { bracket },
            BracketChange::Removed { bracket } => BracketChange::Added { bracket },
            BracketChange::Resolved { bracket, kept } => BracketChange::Reopened { bracket, kept },
            BracketChange::Reopened { bracket, kept } => BracketChange::Resolved { bracket, kept },
        }
    }
}

/// A bracket as a change names it: where it opens in its text, its kind, and its choices'
/// words (each at most 240 bytes, cut with "…").
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct BracketRef {
    /// The byte of its text where the bracket opens.
    pub offset: usize,
    /// What it offers.
    pub kind: BracketKind,
    /// Its choices' words, the brackets nested in them written as brackets without their
    /// supporters ("shall meet [twice a year][once a year]").
    pub choices: Vec<String>,
}

impl BracketRef {
    fn of(b: &Bracket) -> BracketRef {
        BracketRef {
            offset: b.offset,
            kind: b.kind,
            choices: b
                .choices
                .iter()
                .map(|c| {
                    let mut text = String::new();
                    words_of(&c.segments, &mut text);
                    crate::quote::cut(&text, MAX_CHOICE)
                })
                .collect(),
        }
    }
}

/// Segments as words, nested brackets in brackets, supporters and escapes left out.
fn words_of(segments: &[Segment], out: &mut String) {
    for s in segments {
        match s {
            Segment::Text(t) => out.push_str(t),
            Segment::Bracket(b) => {
                for c in &b.choices {
                    out.push('[');
                    words_of(&c.segments, out);
                    out.push(']');
                }
            }
        }
    }
}

/// One side of a clause: its tally and, when it reads, its brackets.
struct Side {
    tally: Tally,
    text: Option<Bracketed>,
}

fn side(clause: Option<&Clause>) -> Option<Side> {
    let clause = clause?;
    let text = clause.brackets()?.ok();
    Some(Side {
        tally: Tally::of_clause(clause),
        text,
    })
}

/// A word or a whole bracket of a text, as the comparison sees it.
#[derive(Clone, Copy)]
enum Item<'a> {
    Word(&'a str),
    Bracket(&'a Bracket),
}

/// The items of a text: its top-level words and brackets; a text that is not bracketed, or
/// does not read, is words only.
fn items<'a>(text: Option<&'a Bracketed>, raw: &'a str) -> Vec<Item<'a>> {
    let Some(text) = text else {
        return raw.split_whitespace().map(Item::Word).collect();
    };
    let mut out = Vec::new();
    for s in &text.segments {
        match s {
            Segment::Text(t) => out.extend(t.split_whitespace().map(Item::Word)),
            Segment::Bracket(b) => out.push(Item::Bracket(b)),
        }
    }
    out
}

/// What an item compares by: a word, or a bracket's whole notation.
fn key(item: &Item<'_>) -> String {
    match item {
        Item::Word(w) => (*w).to_owned(),
        Item::Bracket(b) => Bracketed {
            segments: vec![Segment::Bracket((*b).clone())],
        }
        .to_string(),
    }
}

/// The brackets of a pair of clauses compared, or of one clause added or removed; `None` when
/// neither side is bracketed or the texts are the same. Texts of more than `max_items` words
/// and brackets on either side get their tallies only.
pub(crate) fn compare_brackets(
    old: Option<&Clause>,
    new: Option<&Clause>,
    max_items: usize,
) -> Option<ClauseBrackets> {
    let (o, n) = (side(old), side(new));
    if o.is_none() && n.is_none() {
        return None;
    }
    let tally = TallyChange {
        old: o.as_ref().map(|s| s.tally).unwrap_or_default(),
        new: n.as_ref().map(|s| s.tally).unwrap_or_default(),
    };
    let mut changes = Vec::new();
    if let (Some(a), Some(b)) = (old, new) {
        let x = items(o.as_ref().and_then(|s| s.text.as_ref()), &a.text);
        let y = items(n.as_ref().and_then(|s| s.text.as_ref()), &b.text);
        if x.len() <= max_items && y.len() <= max_items {
            changes = compare_items(&x, &y);
        }
    }
    let same = matches!((old, new), (Some(a), Some(b)) if a.text == b.text);
    (!same).then_some(ClauseBrackets { tally, changes })
}

fn compare_items(x: &[Item<'_>], y: &[Item<'_>]) -> Vec<BracketChange> {
    let mut work = MAX_WORK;
    let (kx, ky): (Vec<String>, Vec<String>) =
        (x.iter().map(key).collect(), y.iter().map(key).collect());
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &kx, &ky) {
        let (old, new) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (&x[old_index..old_index + old_len], &y[..0]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (&x[..0], &y[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                &x[old_index..old_index + old_len],
                &y[new_index..new_index + new_len],
            ),
        };
        run(old, new, &mut work, &mut out);
    }
    out
}

/// The changes of one changed run (see the module docs).
fn run(old: &[Item<'_>], new: &[Item<'_>], work: &mut usize, out: &mut Vec<BracketChange>) {
    let (ko, kn) = (run_keys(old), run_keys(new));
    // What a resolution or a reopening takes of the other run: its words, and the brackets
    // nested in the kept choice, which stand as they were.
    let (mut used_old, mut used_new) = (vec![false; old.len()], vec![false; new.len()]);
    let mut left_old = Vec::new();
    for (i, item) in old.iter().enumerate() {
        let Item::Bracket(b) = item else { continue };
        match kept(b, &kn, &mut used_new, work) {
            Some(kept) => {
                used_old[i] = true;
                out.push(BracketChange::Resolved {
                    bracket: BracketRef::of(b),
                    kept,
                });
            }
            None => left_old.push(*b),
        }
    }
    let mut left_new = Vec::new();
    for (i, item) in new.iter().enumerate() {
        let Item::Bracket(b) = item else { continue };
        if used_new[i] {
            continue;
        }
        match kept(b, &ko, &mut used_old, work) {
            Some(kept) => out.push(BracketChange::Reopened {
                bracket: BracketRef::of(b),
                kept,
            }),
            None => left_new.push(*b),
        }
    }
    // The rest stand in place of each other, in order: reworded, as the text change shows.
    let paired = left_old.len().min(left_new.len());
    for b in &left_old[paired..] {
        out.push(BracketChange::Removed {
            bracket: BracketRef::of(b),
        });
    }
    for b in &left_new[paired..] {
        out.push(BracketChange::Added {
            bracket: BracketRef::of(b),
        });
    }
}

/// How items compare within a run: a word without its punctuation ("promptly." is
/// "promptly"; a bare mark is nothing), a bracket by its notation.
fn run_keys(items: &[Item<'_>]) -> Vec<Option<String>> {
    items
        .iter()
        .map(|i| match i {
            Item::Word(w) => Some(bare(w)).filter(|w| !w.is_empty()).map(str::to_owned),
            Item::Bracket(_) => Some(key(i)),
        })
        .collect()
}

/// The choice of `b` whose words and nested brackets stand in a row among the items of the
/// other run not used yet, the one with the most items first (so that "shall not" wins over
/// "shall"); the items it stands on are marked used. Each item looked at counts against
/// `work`; with none left, nothing is found.
fn kept(b: &Bracket, run: &[Option<String>], used: &mut [bool], work: &mut usize) -> Option<usize> {
    let mut spend = |cost: usize| match work.checked_sub(cost) {
        Some(left) => {
            *work = left;
            true
        }
        None => {
            *work = 0;
            false
        }
    };
    if !spend(run.len()) {
        return None;
    }
    // The run's items that count, with where each stands.
    let (at, keys): (Vec<usize>, Vec<&str>) = run
        .iter()
        .enumerate()
        .filter(|&(i, k)| k.is_some() && !used[i])
        .map(|(i, k)| (i, k.as_deref().unwrap_or_default()))
        .unzip();
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, c) in b.choices.iter().enumerate() {
        let choice: Vec<String> = run_keys(&items(
            Some(&Bracketed {
                segments: c.segments.clone(),
            }),
            "",
        ))
        .into_iter()
        .flatten()
        .collect();
        if choice.is_empty() || choice.len() > keys.len() {
            continue;
        }
        // Every window may be read to its end.
        if !spend(choice.len().saturating_mul(keys.len() - choice.len() + 1)) {
            return None;
        }
        let found = keys
            .windows(choice.len())
            .position(|w| w.iter().zip(&choice).all(|(a, b)| *a == b.as_str()));
        if let Some(from) = found {
            if best.is_none_or(|(n, _, _)| choice.len() > n) {
                best = Some((choice.len(), i, from));
            }
        }
    }
    let (n, i, from) = best?;
    for &k in &at[from..from + n] {
        used[k] = true;
    }
    Some(i)
}

/// A word without the punctuation around it: "promptly." is "promptly".
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(old: &str, new: &str) -> Vec<(&'static str, usize, Option<usize>)> {
        let a = Clause::new("a".parse().unwrap(), old).with_brackets();
        let b = Clause::new("a".parse().unwrap(), new).with_brackets();
        compare_brackets(Some(&a), Some(&b), 1000)
            .map(|c| c.changes)
            .unwrap_or_default()
            .iter()
            .map(|c| {
                let kept = match c {
                    BracketChange::Resolved { kept, .. } | BracketChange::Reopened { kept, .. } => {
                        Some(*kept)
                    }
                    _ => None,
                };
                (c.name(), c.bracket().offset, kept)
            })
            .collect()
    }

    #[test]
    fn resolved_removed_added_and_reopened() {
        // One choice agreed; an optional span agreed; one dropped with its words.
        assert_eq!(
            changes(
                "The Parties [shall][should] act [promptly]. [They may appeal.]",
                "The Parties should act promptly."
            ),
            [
                ("resolved", 12, Some(1)),
                ("resolved", 32, Some(0)),
                ("removed", 44, None)
            ]
        );
        // The other way round: each change its inverse.
        assert_eq!(
            changes(
                "The Parties should act promptly.",
                "The Parties [shall][should] act [promptly]. [They may appeal.]"
            ),
            [
                ("reopened", 12, Some(1)),
                ("reopened", 32, Some(0)),
                ("added", 44, None)
            ]
        );
        // The longest choice that stands wins.
        assert_eq!(
            changes("They [shall][shall not] act.", "They shall not act."),
            [("resolved", 5, Some(1))]
        );
        // A bracket that stands, or is reworded in place, is no bracket change.
        assert_eq!(
            changes("They [shall][should] act.", "They [shall][should] act now."),
            []
        );
        assert_eq!(
            changes("They [shall][should] act.", "They [shall][may] act."),
            []
        );
    }

    #[test]
    fn the_search_for_kept_choices_is_bounded() {
        let c = Clause::new("a".parse().unwrap(), "[x][y]").with_brackets();
        let b = c.brackets().unwrap().unwrap();
        let Segment::Bracket(b) = &b.segments[0] else {
            panic!()
        };
        let run = [Some("y".to_owned())];
        let mut used = [false];
        // One item to list, then a window of one item for each choice: 3.
        assert_eq!(kept(b, &run, &mut used, &mut 2), None);
        let mut work = 3;
        assert_eq!(kept(b, &run, &mut used, &mut work), Some(1));
        assert_eq!((work, used), (0, [true]));
    }

    #[test]
    fn tallies_alone_for_an_added_clause_and_none_without_brackets() {
        let c = Clause::new("a".parse().unwrap(), "x [y][z]").with_brackets();
        let got = compare_brackets(None, Some(&c), 1000).unwrap();
        assert_eq!((got.tally.old.brackets, got.tally.new.brackets), (0, 1));
        assert!(got.changes.is_empty());
        let plain = Clause::new("a".parse().unwrap(), "x [9]");
        assert_eq!(compare_brackets(Some(&plain), Some(&plain), 1000), None);
        assert_eq!(compare_brackets(Some(&c), Some(&c), 1000), None);
    }
}
