//! Counting brackets: the figure negotiators track from one draft to the next.

use super::{BracketKind, Bracketed};
use crate::{Clause, Proposal};

/// How many brackets and choices a text, a clause or a draft holds.
///
/// Every bracket counts, nested ones too. A draft's tally sums its clauses'; a bracketed
/// clause whose notation cannot be read counts in [`unreadable`](Self::unreadable), not as
/// zero brackets.
///
/// ```
/// use pactum::brackets::{Bracketed, Tally};
///
/// let t = Tally::of(&Bracketed::parse("The Parties [shall][should] act [promptly].")?);
/// assert_eq!((t.brackets, t.optional, t.alternatives, t.choices), (2, 1, 1, 3));
/// # Ok::<(), pactum::brackets::BracketError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Tally {
    /// Open brackets of every kind: the points still disputed.
    pub brackets: usize,
    /// Of which optional spans.
    pub optional: usize,
    /// Of which sets of inline alternatives.
    pub alternatives: usize,
    /// Of which sets of clause-level options.
    pub options: usize,
    /// Choices in all brackets (an optional span is one).
    pub choices: usize,
    /// Clauses that hold at least one bracket (0 or 1 for a clause).
    pub clauses: usize,
    /// Bracketed clauses whose notation cannot be read (see [`Bracketed::parse`]).
    pub unreadable: usize,
}

impl Tally {
    /// The tally of one bracketed text.
    pub fn of(text: &Bracketed) -> Tally {
        let mut t = Tally::default();
        for b in text.brackets() {
            t.brackets += 1;
            t.choices += b.choices.len();
            match b.kind {
                BracketKind::Optional => t.optional += 1,
                BracketKind::Alternatives => t.alternatives += 1,
                BracketKind::Options => t.options += 1,
            }
        }
        t.clauses = usize::from(t.brackets > 0);
        t
    }

    /// The tally of a clause's own text (not its children's): zero for a clause that is not
    /// [bracketed](Clause::bracketed).
    pub fn of_clause(clause: &Clause) -> Tally {
        match clause.brackets() {
            None => Tally::default(),
            Some(Ok(text)) => Tally::of(&text),
            Some(Err(_)) => Tally {
                unreadable: 1,
                ..Tally::default()
            },
        }
    }

    /// The tally of a whole draft: every clause, children included.
    pub fn of_proposal(proposal: &Proposal) -> Tally {
        proposal
            .clauses
            .iter()
            .flat_map(Clause::walk)
            .map(Tally::of_clause)
            .fold(Tally::default(), |a, b| a + b)
    }

    /// Whether nothing is bracketed and nothing is unreadable.
    pub fn is_empty(&self) -> bool {
        *self == Tally::default()
    }
}

impl std::ops::Add for Tally {
    type Output = Tally;

    fn add(self, o: Tally) -> Tally {
        Tally {
            brackets: self.brackets + o.brackets,
            optional: self.optional + o.optional,
            alternatives: self.alternatives + o.alternatives,
            options: self.options + o.options,
            choices: self.choices + o.choices,
            clauses: self.clauses + o.clauses,
            unreadable: self.unreadable + o.unreadable,
        }
    }
}

/// The tallies of two drafts: progress is fewer brackets.
///
/// ```
/// use pactum::brackets::{Bracketed, Tally, TallyChange};
///
/// let old = Tally::of(&Bracketed::parse("[a][b] and [c]")?);
/// let new = Tally::of(&Bracketed::parse("a and [c]")?);
/// let change = TallyChange { old, new };
/// assert_eq!(change.brackets(), -1);
/// # Ok::<(), pactum::brackets::BracketError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct TallyChange {
    /// The old draft's tally.
    pub old: Tally,
    /// The new draft's tally.
    pub new: Tally,
}

impl TallyChange {
    /// Brackets gained (positive) or closed (negative).
    pub fn brackets(&self) -> i64 {
        signed(self.new.brackets) - signed(self.old.brackets)
    }

    /// Choices gained or dropped.
    pub fn choices(&self) -> i64 {
        signed(self.new.choices) - signed(self.old.choices)
    }
}

fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
