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

/// What happened to one bracket (see the [module docs](self)).
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

/// A bracket as a change names it: where it opens in its text, its kind, and its choices as
/// plain words (each at most 240 bytes, cut with "…").
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct BracketRef {
    /// The byte of its text where the bracket opens.
    pub offset: usize,
    /// What it offers.
    pub kind: BracketKind,
    /// Its choices' words, nested brackets kept in their first choice.
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
                .map(|c| crate::quote::cut(&c.plain(), MAX_CHOICE))
                .collect(),
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
        run(old, new, &mut out);
    }
    out
}

/// The changes of one changed run (see the module docs).
fn run(old: &[Item<'_>], new: &[Item<'_>], out: &mut Vec<BracketChange>) {
    fn brackets<'a>(items: &[Item<'a>]) -> Vec<&'a Bracket> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Bracket(b) => Some(*b),
                Item::Word(_) => None,
            })
            .collect()
    }
    let (bo, bn) = (brackets(old), brackets(new));
    let paired = bo.len().min(bn.len());
    for b in &bo[paired..] {
        out.push(match kept(b, new) {
            Some(kept) => BracketChange::Resolved {
                bracket: BracketRef::of(b),
                kept,
            },
            None => BracketChange::Removed {
                bracket: BracketRef::of(b),
            },
        });
    }
    for b in &bn[paired..] {
        out.push(match kept(b, old) {
            Some(kept) => BracketChange::Reopened {
                bracket: BracketRef::of(b),
                kept,
            },
            None => BracketChange::Added {
                bracket: BracketRef::of(b),
            },
        });
    }
}

/// The choice of `b` whose words stand in a row among the plain words of `run`, the one with
/// the most words first (so that "shall not" wins over "shall").
fn kept(b: &Bracket, run: &[Item<'_>]) -> Option<usize> {
    let words: Vec<&str> = run
        .iter()
        .filter_map(|i| match i {
            Item::Word(w) => Some(bare(w)),
            Item::Bracket(_) => None,
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in b.choices.iter().enumerate() {
        let plain = c.plain();
        let choice: Vec<&str> = plain
            .split_whitespace()
            .map(bare)
            .filter(|w| !w.is_empty())
            .collect();
        let found = !choice.is_empty()
            && choice.len() <= words.len()
            && words.windows(choice.len()).any(|w| w == choice.as_slice());
        if found && best.is_none_or(|(n, _)| choice.len() > n) {
            best = Some((choice.len(), i));
        }
    }
    best.map(|(_, i)| i)
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
