//! Three-way merge: two revisions of one draft become the next negotiating text.
//!
//! When two delegations each revise a common draft, the chair's next text keeps what only one
//! side changed and brackets what the two changed differently, each option attributed to the
//! side that wants it ([`crate::brackets`]). [`three_way`] does that from `diff(base, ours)`
//! and `diff(base, theirs)`: clauses are paired once, by each diff, never again.
//!
//! ```
//! use pactum::merge::{self, ConflictKind, Options};
//! use pactum::{Clause, Proposal};
//!
//! let draft = |id: &str, texts: &[&str]| {
//!     let mut p = Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap());
//!     for (i, t) in texts.iter().enumerate() {
//!         p = p.with_clause(Clause::new(format!("art-{}", i + 1).parse().unwrap(), *t));
//!     }
//!     p
//! };
//! let base = draft("base", &["The Parties shall consult each other.", "Each Party may withdraw."]);
//! let ours = draft("a", &["The Parties should consult each other.", "Each Party may withdraw."]);
//! let theirs = draft("b", &["The Parties must consult each other.", "Each Party may withdraw at any time."]);
//!
//! let options = Options::new("next".parse()?).with_sides("A".parse()?, "B".parse()?);
//! let merged = merge::three_way(&base, &ours, &theirs, &options)?;
//! let p = &merged.proposal;
//! // What only one side changed is taken; what both changed differently is bracketed.
//! assert_eq!(p.clauses[0].text, "The Parties [should]{A}[must]{B} consult each other.");
//! assert!(p.clauses[0].bracketed);
//! assert_eq!(p.clauses[1].text, "Each Party may withdraw at any time.");
//! assert_eq!(merged.conflicts.len(), 1);
//! assert_eq!(merged.conflicts[0].kind, ConflictKind::Text);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is merged, and how
//!
//! Every clause, commitment and proposal field is merged three ways: a value that one side
//! left as the base had it takes the other side's value, and a value both sides changed alike
//! is taken once. Where both changed it differently:
//!
//! - **a clause's text**: the words both changed differently become inline alternatives, ours
//!   first (`[our words]{OURS}[their words]{THEIRS}`), the rest of each side's edits applied;
//!   where the disputed words cover more than half the clause, or a text is bracketed already,
//!   the clause becomes two options (`[Option 1: ...]{OURS}[Option 2: ...]{THEIRS}`);
//! - **a clause removed by one side and changed by the other** (its content, or its place)
//!   stays, as an optional bracketed clause (`[its text]{THE SIDE THAT KEPT IT}`); a clause
//!   removed whose child stays is kept with it, so a parent removed while a child is edited
//!   keeps both;
//! - **a clause moved by both sides to different parents** stays under its base parent;
//! - **a number, a heading, an id or another field** changed differently keeps its base value
//!   (a renumbering against a renumbering keeps the base number);
//! - **a clause both sides added under one id and parent** is one clause: taken once where
//!   alike, else its two texts as options and, for another field, the lesser value;
//! - **the order of a clause's children**: a clause one side moved among its siblings goes
//!   where that side put it; clauses both sides added at one place are all kept, the run whose
//!   first clause's text sorts first before the other, so that the order does not depend on
//!   which side is ours; a clause both sides moved to different places stays where it was;
//! - **a commitment** both sides changed is merged field by field (modality from one side,
//!   obligors from the other) and listed for review in
//!   [`Merged::commitment_conflicts`], apart from the text's brackets; a field both changed
//!   differently keeps its base value.
//!
//! A clause one side split while the other edited it: the part that keeps the clause's
//! identity in the splitting side's diff merges with the edit (bracketed where they differ);
//! the other parts come in as that side's additions.
//!
//! Each conflict is listed in [`Merged::conflicts`] with where it is and what each side had.
//! Every text bracket the merge writes is one conflict, and one conflict of kind
//! [`ConflictKind::Text`], [`ConflictKind::Options`] or [`ConflictKind::Optional`].

mod clause;
mod resolve;
mod seq;
mod text;
mod tree;

use tree::{Draft, Merger, Revision};

/// Maps and sets keyed by what the drafts hold: seeded, as everywhere in pactum.
type Map<K, V> = std::collections::HashMap<K, V, crate::diff::align::Seeded>;
type Set<K> = std::collections::HashSet<K, crate::diff::align::Seeded>;

pub use resolve::{Resolution, resolve};

use jiff::civil::Date;

use crate::diff;
use crate::{ClauseId, Commitment, PartyId, Proposal, ProposalId};

/// What [`three_way`] needs besides the three drafts: who stands behind each side, and the
/// merged proposal's id and, where given, its title, proposer and date (else merged from the
/// drafts like any other field).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The party whose revision is "ours": its brackets are attributed to it.
    pub ours: PartyId,
    /// The party whose revision is "theirs".
    pub theirs: PartyId,
    /// The merged proposal's id.
    pub id: ProposalId,
    /// The merged proposal's title; `None` merges the drafts' titles.
    pub title: Option<String>,
    /// The merged proposal's proposer (the chair); `None` merges the drafts' proposers.
    pub proposer: Option<PartyId>,
    /// The merged proposal's date; `None` merges the drafts' dates.
    pub date: Option<Date>,
    /// How the two diffs are made.
    pub diff: diff::Options,
}

impl Options {
    /// Options for a merged proposal `id`, its sides attributed to `ours` and `theirs`.
    pub fn new(id: ProposalId) -> Self {
        Options {
            ours: PartyId::from_static("ours"),
            theirs: PartyId::from_static("theirs"),
            id,
            title: None,
            proposer: None,
            date: None,
            diff: diff::Options::default(),
        }
    }

    /// Names the parties behind the two sides.
    #[must_use]
    pub fn with_sides(mut self, ours: PartyId, theirs: PartyId) -> Self {
        self.ours = ours;
        self.theirs = theirs;
        self
    }

    /// Sets the merged proposal's title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the merged proposal's proposer.
    #[must_use]
    pub fn with_proposer(mut self, proposer: PartyId) -> Self {
        self.proposer = Some(proposer);
        self
    }

    /// Sets the merged proposal's date.
    #[must_use]
    pub fn with_date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }
}

/// A merge: the next text, and what the two sides disagreed on.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Merged {
    /// The merged proposal, disputed words in brackets.
    pub proposal: Proposal,
    /// Where the two sides disagreed, in a stable order: proposal fields, clause ids, clause
    /// contents in the base's order (added clauses after), then the order of children.
    pub conflicts: Vec<Conflict>,
    /// Commitments both sides changed, for review.
    pub commitment_conflicts: Vec<CommitmentConflict>,
}

impl Merged {
    /// Whether the two sides agreed on everything they both touched.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.commitment_conflicts.is_empty()
    }
}

string_enum! {
    /// What kind of disagreement a [`Conflict`] is.
    pub enum ConflictKind {
        /// Words both sides changed differently: inline alternatives in the text.
        Text => "text",
        /// Texts too far apart for alternatives: the clause became two options.
        Options => "options",
        /// A clause one side removed and the other kept and changed: an optional clause.
        Optional => "optional",
        /// A clause both sides moved to different parents: it stays under its base parent.
        Moved => "moved",
        /// A clause field (number, heading, ...) both sides changed differently: base kept.
        Field => "field",
        /// A proposal field both sides changed differently: base kept.
        Proposal => "proposal",
        /// A clause both sides moved to different places among its siblings: it stays where
        /// the base had it (the conflict names its parent).
        Order => "order",
        /// A clause one side removed, kept without brackets (it has no text) because a clause
        /// under it stays.
        Kept => "kept",
    }
}

/// One disagreement: where it is, and what each side had there.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Conflict {
    /// What kind it is.
    pub kind: ConflictKind,
    /// The merged clause it is in; `None` for a proposal field.
    pub clause: Option<ClauseId>,
    /// The field: `text`, `number`, `heading`, `parent`, `children`, a proposal field.
    pub field: &'static str,
    /// For a bracket, the byte of the merged text where it opens.
    pub offset: Option<usize>,
    /// What ours had (`None`: ours removed it).
    pub ours: Option<String>,
    /// What theirs had (`None`: theirs removed it).
    pub theirs: Option<String>,
}

/// A commitment both sides changed differently: merged field by field, listed for review.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CommitmentConflict {
    /// The merged clause.
    pub clause: ClauseId,
    /// The commitment as ours had it (`None`: ours dropped it).
    pub ours: Option<Commitment>,
    /// The commitment as theirs had it (`None`: theirs dropped it).
    pub theirs: Option<Commitment>,
    /// The fields both changed differently, which keep their base values.
    pub fields: Vec<&'static str>,
}

/// Why three drafts cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// A clause id used twice in one draft: the diffs name clauses by id, so the merge could
    /// not tell the two apart.
    #[error("clause id `{id}` is used more than once in the {draft} draft")]
    DuplicateClauseId {
        /// Which draft: `base`, `ours` or `theirs`.
        draft: &'static str,
        /// The id.
        id: ClauseId,
    },
}

/// The three-way merge of two revisions of `base` (see the [module docs](self)).
///
/// # Errors
///
/// A draft that uses one clause id twice ([`MergeError::DuplicateClauseId`]).
pub fn three_way(
    base: &Proposal,
    ours: &Proposal,
    theirs: &Proposal,
    options: &Options,
) -> Result<Merged, MergeError> {
    let drafts = [
        Draft::new(base, "base")?,
        Draft::new(ours, "ours")?,
        Draft::new(theirs, "theirs")?,
    ];
    let diffs = [
        diff::compare(base, ours, &options.diff),
        diff::compare(base, theirs, &options.diff),
    ];
    let revisions = [
        Revision::new(&drafts[0], &drafts[1], &diffs[0]),
        Revision::new(&drafts[0], &drafts[2], &diffs[1]),
    ];
    let mut m = Merger {
        base: &drafts[0],
        sides: [&drafts[1], &drafts[2]],
        revisions,
        parties: [&options.ours, &options.theirs],
        alias: Map::default(),
        twin: Map::default(),
        conflicts: Vec::new(),
        commitment_conflicts: Vec::new(),
    };
    let mut proposal = m.fields(base, [ours, theirs], options);
    proposal.clauses = m.clauses();
    Ok(Merged {
        proposal,
        conflicts: m.conflicts,
        commitment_conflicts: m.commitment_conflicts,
    })
}
