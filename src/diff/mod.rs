//! Comparing two drafts clause by clause.
//!
//! [`compare`] pairs the clauses of two proposals and returns a [`Diff`]: plain data that says,
//! for every clause of either draft, whether it is unchanged, modified, renumbered, moved,
//! reparented, added or removed, with word-level text changes, and which clauses were split or
//! merged; plus the changes to the proposal itself (title, status, bound parties, preamble) and
//! a [`Summary`].
//!
//! ```
//! use pactum::diff::{compare, ClauseChangeKind, Options};
//! use pactum::{Clause, Proposal};
//!
//! let clause = |id: &str, number: &str, text: &str| Clause::new(id.parse().unwrap(), text).with_number(number);
//! let old = Proposal::new("v1".parse()?, "Draft", "RU".parse()?)
//!     .with_clause(clause("a", "Article 1", "The Parties shall consult one another."))
//!     .with_clause(clause("b", "Article 2", "The Parties shall not deploy missiles in Europe."))
//!     .with_clause(clause("c", "Article 3", "This Agreement enters into force on signature."));
//! // Article 1 is gone, the rest renumbered, and "shall not" became "should not".
//! let new = Proposal::new("v2".parse()?, "Draft", "RU".parse()?)
//!     .with_clause(clause("x", "Article 1", "The Parties should not deploy missiles in Europe."))
//!     .with_clause(clause("y", "Article 2", "This Agreement enters into force on signature."));
//!
//! let diff = compare(&old, &new, &Options::default().without_ids());
//! assert_eq!(diff.summary.removed, 1);
//! assert_eq!(diff.summary.renumbered, 2);
//! assert_eq!(diff.summary.modified, 1);
//! let art2 = diff.clauses.iter().find(|c| c.new.as_ref().is_some_and(|p| p.id == "x")).unwrap();
//! assert_eq!(art2.kinds, [ClauseChangeKind::Modified, ClauseChangeKind::Renumbered]);
//! # Ok::<(), pactum::IdError>(())
//! ```
//!
//! # How clauses are paired
//!
//! In this order, each step pairing only clauses the steps before left unpaired:
//!
//! 1. **answer links**: when one proposal answers the other, a clause that names clauses it
//!    answers is paired with the first of them still free ([`Options::match_links`]);
//! 2. **ids**: clauses with one [`ClauseId`] ([`Options::match_ids`]; turn it off for drafts
//!    whose ids were derived from their numbering, such as imported texts);
//! 3. **identical text** after [`normalize`]: white space, non-breaking spaces, curly quotes,
//!    dashes, hyphenation across line breaks, Unicode NFKC;
//! 4. **similar text**: the Dice coefficient of the two texts' sets of word bigrams (word
//!    n-gram overlap, as treaty-text research measures it), at least
//!    [`Options::similarity_threshold`] (default 0.5: a clause with one word in six reworded
//!    scores about 0.65). Candidates come from an inverted index of bigrams, using only
//!    bigrams held by at most 256 clauses, reading the rarest first and no more than 256
//!    postings per clause, and scoring at most 8 candidates per clause, so the cost stays
//!    near-linear in the number of clauses; pairs are then taken most alike first;
//! 5. **structure**: a clause is paired with the parent of its children's partners when both
//!    texts are empty (articles that only hold paragraphs) or at least half as alike as the
//!    threshold; candidates are scored by the children they share over the children either
//!    has, best first, in rounds until none is left, so parts follow their articles.
//!
//! # What is reported
//!
//! A paired clause is **modified** when its text, heading, text basis, sources, answer links or
//! commitments changed (a change of quotes or spaces only is still a change, marked
//! [`TextChange::typographic_only`]); **renumbered** when its displayed number changed;
//! **reparented** when its parent is not its old parent's partner; **moved** when, among the
//! clauses that kept their parent, it is outside the heaviest increasing subsequence of old
//! positions (a clause weighs the clauses of its subtree; ties keep the clauses that came first
//! in the old draft), so one moved clause is one move and not a cascade. Kinds combine: a
//! clause moved and edited is both. Unpaired clauses are **added** or **removed**.
//!
//! A **split** is a removed or changed clause, not covered by its own partner alone, whose word
//! bigrams are covered, to at least [`Options::split_threshold`] (default 0.8), by two clauses
//! of the other draft, at least one of them unpaired and each taking at least half of its own
//! bigrams from it. A **merge** is the same the other way round.
//!
//! # Commitments
//!
//! Text tools say which words changed; [`Diff::commitments`] says who is now bound to what.
//! The commitments of each pair of clauses are paired by id, then by alike actions (word-bigram
//! Dice at least 0.5, or 0.25 with the same obligors), then, in clauses paired by an answer
//! link, the rest in order. Each pair is classified field by field ([`CommitmentChange`]), with
//! a [`Direction`] where one exists; a commitment only on one side is added or dropped (so are
//! the commitments of added and removed clauses). Obligors are resolved to parties, groups
//! included, when the diff is made with [`compare_in`].
//!
//! Modalities stand on a scale of firmness within two polarities:
//!
//! | firmness | asks for or allows | forbids |
//! |---|---|---|
//! | 3, binding | obligation ("shall") | prohibition ("shall not") |
//! | 2, recommended | recommendation ("should") | discouragement ("should not") |
//! | 1, allowed or offered | permission ("may"), offer ("is prepared to") | |
//! | 0, stated | statement ("reaffirms") | |
//!
//! Within one polarity, firmer is a **strengthening** and looser a **weakening**; between
//! polarities, "shall" against "shall not" (either firmness 2 or more on the asking side) is a
//! **reversal**, a prohibition that becomes a permission, offer or statement is a **lifting**,
//! and the opposite an **imposition**. More obligors, beneficiaries, areas or time is a
//! **widening**, less a **narrowing**; no area and no time bound mean everywhere and always, so
//! the first area narrows. A condition or exception added weakens, one removed strengthens;
//! legally binding to political weakens. Comparing the drafts the other way round turns every
//! direction into its [inverse](Direction::inverse).
//!
//! Where neither clause of a pair encodes a commitment, a change of the deontic markers of the
//! text ("shall" became "should", "shall not" dropped) is still reported as a modality change,
//! inferred from the text ([`CommitmentMatch::Text`]).
//!
//! # Work budgets
//!
//! Word-level changes come from `similar`'s Myers diff over tokens (words, spaces,
//! punctuation). A pair of texts with more than [`Options::word_budget`] tokens, or one met
//! after [`Options::total_budget`] tokens have been compared in this diff, is compared by
//! sentences (and by words inside each changed run of sentences, budget allowing), else
//! replaced whole; [`TextChange::granularity`] and [`Diff::approximate`] record it. Budgets
//! count tokens, not time, so a result never depends on machine load; [`Options::deadline`]
//! adds a wall-clock limit for callers who prefer one.

//!
//! # The JSON shape
//!
//! With the `serde` feature a [`Diff`] serializes to (and reads back from) JSON: snake_case
//! names, kinds as strings, text changes as runs of `{"equal": ...}`, `{"delete": ...}` and
//! `{"insert": ...}`, empty and absent fields left out:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use pactum::diff::{compare, Options};
//! use pactum::{Clause, Proposal};
//!
//! let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
//!     .with_clause(Clause::new("a".parse()?, "The Parties shall consult one another.").with_number("Article 1"));
//! let new = Proposal::new("v2".parse()?, "Draft", "A".parse()?)
//!     .with_clause(Clause::new("a".parse()?, "The Parties should consult one another.").with_number("Article 2"));
//! let json = serde_json::to_value(compare(&old, &new, &Options::default())).unwrap();
//! assert_eq!(json, serde_json::json!({
//!     "pactum_diff": "1.0",
//!     "old": "v1",
//!     "new": "v2",
//!     // No commitment was encoded, so the change of deontic marker is inferred from the text.
//!     "commitments": [{
//!         "old_clause": "a",
//!         "new_clause": "a",
//!         "matched_by": "text",
//!         "changes": [
//!             { "change": "modality", "old": "obligation", "new": "recommendation", "direction": "weakening" }
//!         ]
//!     }],
//!     "clauses": [{
//!         "kinds": ["modified", "renumbered"],
//!         "old": { "id": "a", "number": "Article 1", "index": 0 },
//!         "new": { "id": "a", "number": "Article 2", "index": 0 },
//!         "matched_by": "id",
//!         "similarity": 0.6,
//!         "text": {
//!             "ops": [
//!                 { "equal": "The Parties " },
//!                 { "delete": "shall" },
//!                 { "insert": "should" },
//!                 { "equal": " consult one another." }
//!             ],
//!             "granularity": "word",
//!             "typographic_only": false
//!         },
//!         "number": { "old": "Article 1", "new": "Article 2" }
//!     }],
//!     "summary": {
//!         "old_clauses": 1, "new_clauses": 1, "unchanged": 0, "modified": 1, "renumbered": 1,
//!         "moved": 0, "reparented": 0, "added": 0, "removed": 0, "splits": 0, "merges": 0,
//!         "proposal_fields": 0, "recitals": 0, "commitments": 1, "similarity": 0.6
//!     },
//!     "approximate": false
//! }));
//! # }
//! # Ok::<(), pactum::IdError>(())
//! ```
//!
//! A clause only in one draft carries that draft's `clause` (without its children, which have
//! entries of their own); a paired clause carries `text`, `heading`, `number`, `kind`,
//! `deleted`, `text_basis`, `sources`, `answers` and `commitments` as `{"old": ..., "new":
//! ...}` when they changed. A party's view ([`Diff::for_party`]) says whose it is in `party`.
//!
//! The diff format has a version of its own, `"pactum_diff"` ([`DIFF_FORMAT_VERSION`]).
//! Reading a diff [checks](Diff::check) it: an entry without a side, kinds that do not fit an
//! entry's sides, a repeated id, places that do not form a tree, or a split, merge or
//! commitment change that names a clause the diff does not have, are refused with the path
//! and the reason. A diff written before the format had a version has no `"pactum_diff"` and
//! is refused as such; compare the drafts again.
//! Proposal changes are `{"field": "title", "old": ..., "new": ...}`; recitals are
//! `{"change": "modified", "old": ..., "new": ..., "text": ...}` and the like.

pub(crate) mod align;
mod check;
mod commitment;
mod kinds;
mod normalize;
mod patch;
mod text;

use std::time::{Duration, Instant};

use jiff::civil::Date;

pub use check::{DIFF_FORMAT_VERSION, DiffError};
pub use commitment::{
    CommitmentChange, CommitmentDiff, CommitmentMatch, Direction, modality_direction,
};
pub use kinds::ChangeKinds;
pub use normalize::normalize;
pub use patch::{PatchError, PatchErrorKind};

use crate::{
    Clause, ClauseId, Commitment, Negotiation, PartyId, PartyRef, Proposal, ProposalId, Provenance,
    Recital, Source, Status, TextBasis,
};
use align::{Node, align, flatten, moved, spread};
use commitment::{Resolver, Side, compare_commitments};
use text::{Budget, diff_text};

/// How to compare.
///
/// ```
/// let options = pactum::diff::Options::default().without_ids();
/// assert!(!options.match_ids);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Pair clauses with one id (step 2). Default true.
    pub match_ids: bool,
    /// Pair clauses through answer links (step 1). Default true.
    pub match_links: bool,
    /// The least Dice similarity of word bigrams for pairing by similar text (step 4). Default
    /// 0.5.
    pub similarity_threshold: f64,
    /// The least coverage for a split or merge. Default 0.8.
    pub split_threshold: f64,
    /// Tokens (both texts together) above which a pair of texts is compared by sentences, not
    /// words. Default 20,000.
    pub word_budget: usize,
    /// Tokens compared in the whole diff after which texts are compared by sentences, then
    /// replaced whole. Default 20,000,000.
    pub total_budget: usize,
    /// A wall-clock limit on text comparison, after which texts are replaced whole. Off by
    /// default: results then depend on the machine.
    pub deadline: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            match_ids: true,
            match_links: true,
            similarity_threshold: 0.5,
            split_threshold: 0.8,
            word_budget: 20_000,
            total_budget: 20_000_000,
            deadline: None,
        }
    }
}

impl Options {
    /// The options with pairing by id turned off.
    #[must_use]
    pub fn without_ids(mut self) -> Self {
        self.match_ids = false;
        self
    }
}

/// The differences between two proposals, as data.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// The derived impls become `Diff::serialize` and `Diff::deserialize`, which the trait impls
// in `check.rs` call: reading checks the diff before it returns one.
#[cfg_attr(feature = "serde", serde(remote = "Self", deny_unknown_fields))]
#[non_exhaustive]
pub struct Diff {
    /// The diff format's version, written first as `"pactum_diff": "1.0"`.
    #[cfg_attr(feature = "serde", serde(rename = "pactum_diff"))]
    version: check::Version,
    /// The id of the old proposal.
    pub old: ProposalId,
    /// The id of the new proposal.
    pub new: ProposalId,
    /// For a party's view ([`Diff::for_party`]), the party. A view lists only the clauses
    /// that the party's commitment changes stand in, so its places need not form a tree, and
    /// it does not apply as a patch.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub party: Option<PartyId>,
    /// What changed in the commitments, first because it matters most: commitment by
    /// commitment, in clause order. Unchanged commitments are not listed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub commitments: Vec<CommitmentDiff>,
    /// Changes to the proposal's own fields, in declaration order.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub proposal: Vec<ProposalChange>,
    /// The preamble, recital by recital; empty when it did not change.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub preamble: Vec<RecitalChange>,
    /// Every clause of either draft, once: in the new draft's order, each removed clause after
    /// the clause that preceded it in the old draft.
    pub clauses: Vec<ClauseDiff>,
    /// Clauses whose text is now spread over two.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub splits: Vec<Split>,
    /// Pairs of clauses now joined in one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub merges: Vec<Merge>,
    /// Counts and an overall similarity.
    pub summary: Summary,
    /// Whether a work budget made some text comparison coarser than word by word.
    pub approximate: bool,
}

impl Diff {
    /// Whether the two proposals differ in anything compared.
    pub fn has_changes(&self) -> bool {
        !self.commitments.is_empty()
            || !self.proposal.is_empty()
            || !self.preamble.is_empty()
            || !self.splits.is_empty()
            || !self.merges.is_empty()
            || self.clauses.iter().any(|c| !c.kinds.is_empty())
    }
}

impl Diff {
    /// Every party a commitment change concerns (bound before, or now), in first-mention order.
    pub fn parties(&self) -> Vec<&PartyId> {
        let mut out: Vec<&PartyId> = Vec::new();
        for c in &self.commitments {
            for p in c.parties() {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// The diff seen from one party: the commitment changes that concern it, with their
    /// resolved obligors narrowed to that party, and the clauses they stand in. Proposal,
    /// preamble, split and merge changes are left out.
    pub fn for_party(&self, party: &str) -> Diff {
        let commitments: Vec<CommitmentDiff> = self
            .commitments
            .iter()
            .filter(|c| c.concerns(party))
            .map(|c| {
                let mut c = c.clone();
                c.old_obligors.retain(|p| p == party);
                c.new_obligors.retain(|p| p == party);
                c
            })
            .collect();
        let touches = |c: &ClauseDiff| {
            commitments.iter().any(|k| {
                c.old
                    .as_ref()
                    .is_some_and(|p| k.old_clause.as_ref() == Some(&p.id))
                    || c.new
                        .as_ref()
                        .is_some_and(|p| k.new_clause.as_ref() == Some(&p.id))
            })
        };
        let clauses = self
            .clauses
            .iter()
            .filter(|c| touches(c))
            .cloned()
            .collect();
        Diff {
            version: check::Version,
            old: self.old.clone(),
            new: self.new.clone(),
            party: PartyId::new(party).ok(),
            commitments,
            proposal: Vec::new(),
            preamble: Vec::new(),
            clauses,
            splits: Vec::new(),
            merges: Vec::new(),
            summary: self.summary.clone(),
            approximate: self.approximate,
        }
    }
}

/// A change of one value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Change<T> {
    /// The value in the old draft.
    pub old: T,
    /// The value in the new draft.
    pub new: T,
}

impl<T: PartialEq> Change<T> {
    fn of(old: &T, new: &T) -> Option<Self>
    where
        T: Clone,
    {
        (old != new).then(|| Change {
            old: old.clone(),
            new: new.clone(),
        })
    }
}

/// A change to one field of the proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "field", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum ProposalChange {
    /// The title.
    Title {
        /// Old title.
        old: String,
        /// New title.
        new: String,
    },
    /// Who put it forward.
    Proposer {
        /// Old proposer.
        old: PartyId,
        /// New proposer.
        new: PartyId,
    },
    /// The parties it would bind.
    Parties {
        /// Old parties.
        old: Vec<PartyRef>,
        /// New parties.
        new: Vec<PartyRef>,
    },
    /// The date.
    Date {
        /// Old date.
        #[cfg_attr(feature = "serde", serde(with = "crate::format::opt_date"))]
        old: Option<Date>,
        /// New date.
        #[cfg_attr(feature = "serde", serde(with = "crate::format::opt_date"))]
        new: Option<Date>,
    },
    /// The status.
    Status {
        /// Old status.
        old: Status,
        /// New status.
        new: Status,
    },
    /// The proposal it answers.
    Answers {
        /// Old link.
        old: Option<ProposalId>,
        /// New link.
        new: Option<ProposalId>,
    },
    /// The proposal it supersedes.
    Supersedes {
        /// Old link.
        old: Option<ProposalId>,
        /// New link.
        new: Option<ProposalId>,
    },
    /// The language of the text.
    Language {
        /// Old language.
        old: String,
        /// New language.
        new: String,
    },
    /// The language it was translated from.
    TranslatedFrom {
        /// Old original language.
        old: Option<String>,
        /// New original language.
        new: Option<String>,
    },
    /// Where the text comes from.
    Provenance {
        /// Old provenance.
        old: Provenance,
        /// New provenance.
        new: Provenance,
    },
}

impl ProposalChange {
    /// The field's JSON name: `title`, `status`, ...
    pub fn field(&self) -> &'static str {
        match self {
            ProposalChange::Title { .. } => "title",
            ProposalChange::Proposer { .. } => "proposer",
            ProposalChange::Parties { .. } => "parties",
            ProposalChange::Date { .. } => "date",
            ProposalChange::Status { .. } => "status",
            ProposalChange::Answers { .. } => "answers",
            ProposalChange::Supersedes { .. } => "supersedes",
            ProposalChange::Language { .. } => "language",
            ProposalChange::TranslatedFrom { .. } => "translated_from",
            ProposalChange::Provenance { .. } => "provenance",
        }
    }
}

/// One recital of the preamble, compared.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum RecitalChange {
    /// The same in both.
    Unchanged {
        /// The recital.
        recital: Recital,
    },
    /// Only in the new draft.
    Added {
        /// The recital.
        recital: Recital,
    },
    /// Only in the old draft.
    Removed {
        /// The recital.
        recital: Recital,
    },
    /// Reworded.
    Modified {
        /// The old recital.
        old: Recital,
        /// The new recital.
        new: Recital,
        /// The words that changed.
        text: TextChange,
    },
}

string_enum! {
    /// What happened to a clause. A paired clause can be several at once.
    pub enum ClauseChangeKind {
        /// Paired, and nothing changed.
        Unchanged => "unchanged",
        /// Paired; its text, heading, text basis, sources, answer links or commitments changed.
        Modified => "modified",
        /// Paired; its displayed number changed.
        Renumbered => "renumbered",
        /// Paired; it changed place among siblings that kept their parent.
        Moved => "moved",
        /// Paired; it now stands under another parent.
        Reparented => "reparented",
        /// Only in the new draft.
        Added => "added",
        /// Only in the old draft.
        Removed => "removed",
    }
}

string_enum! {
    /// How two clauses were paired (see the [module docs](self)).
    pub enum MatchedBy {
        /// An answer link.
        Link => "link",
        /// A shared id.
        Id => "id",
        /// Identical normalised text.
        Text => "text",
        /// Similar text.
        Similarity => "similarity",
        /// Their children's partners.
        Structure => "structure",
    }
}

string_enum! {
    /// How finely a text change was computed.
    pub enum Granularity {
        /// Word by word.
        Word => "word",
        /// Sentence by sentence (with words inside changed sentences where the budget allowed).
        Sentence => "sentence",
        /// The whole text replaced.
        Whole => "whole",
    }
}

/// Where a clause stands in one draft.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Placement {
    /// Its id.
    pub id: ClauseId,
    /// Its displayed number.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub number: Option<String>,
    /// Its parent's id; none at the top level.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub parent: Option<ClauseId>,
    /// Its position among its siblings, from 0.
    pub index: usize,
}

/// One clause of either draft, compared.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ClauseDiff {
    /// What happened to it; empty when nothing did (left out of the JSON).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "ChangeKinds::is_empty")
    )]
    pub kinds: ChangeKinds,
    /// Where it stood in the old draft; none when added.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub old: Option<Placement>,
    /// Where it stands in the new draft; none when removed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub new: Option<Placement>,
    /// How it was paired.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub matched_by: Option<MatchedBy>,
    /// How alike the two texts are, from 0 to 1 (0 when unpaired).
    pub similarity: f64,
    /// The text, when it changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub text: Option<TextChange>,
    /// The heading, when it changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub heading: Option<Change<Option<String>>>,
    /// The number, when it changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub number: Option<Change<Option<String>>>,
    /// The kind of division, when it changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub kind: Option<Change<Option<crate::ClauseKind>>>,
    /// Whether the clause is a deleted provision's placeholder, when that changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub deleted: Option<Change<bool>>,
    /// How the text is known, when that changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub text_basis: Option<Change<TextBasis>>,
    /// The sources, when they changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub sources: Option<Change<Vec<Source>>>,
    /// The answer links, when they changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub answers: Option<Change<Vec<ClauseId>>>,
    /// The commitments, when they changed (compared commitment by commitment in a later
    /// release; here as a whole).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub commitments: Option<Change<Vec<Commitment>>>,
    /// For an added or removed clause, the clause itself without its children (each child has
    /// its own entry).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub clause: Option<Box<Clause>>,
}

impl ClauseDiff {
    /// Whether the kinds include `kind`.
    pub fn is(&self, kind: ClauseChangeKind) -> bool {
        self.kinds.contains(kind)
    }

    /// The clause's id on the new side if it has one, else on the old.
    pub fn id(&self) -> &ClauseId {
        match (&self.new, &self.old) {
            (Some(p), _) | (None, Some(p)) => &p.id,
            (None, None) => unreachable!("a clause diff has at least one side"),
        }
    }
}

/// A text change, as runs of equal, deleted and inserted text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct TextChange {
    /// The runs; equal and deleted runs give the old text, equal and inserted the new.
    pub ops: Vec<TextOp>,
    /// How finely it was computed.
    pub granularity: Granularity,
    /// Whether the two texts are equal after [`normalize`]: only quotes, dashes or spaces
    /// changed.
    pub typographic_only: bool,
}

impl TextChange {
    /// The old text.
    pub fn old_text(&self) -> String {
        self.ops
            .iter()
            .filter(|op| !matches!(op, TextOp::Insert(_)))
            .map(TextOp::text)
            .collect()
    }

    /// The new text.
    pub fn new_text(&self) -> String {
        self.ops
            .iter()
            .filter(|op| !matches!(op, TextOp::Delete(_)))
            .map(TextOp::text)
            .collect()
    }
}

/// A run of text in a [`TextChange`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TextOp {
    /// In both texts.
    Equal(String),
    /// Only in the old text.
    Delete(String),
    /// Only in the new text.
    Insert(String),
}

impl TextOp {
    /// The run's text.
    pub fn text(&self) -> &str {
        match self {
            TextOp::Equal(t) | TextOp::Delete(t) | TextOp::Insert(t) => t,
        }
    }
}

/// One clause whose text is now spread over two.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Split {
    /// The clause of the old draft.
    pub old: ClauseId,
    /// The clauses of the new draft, two or more, in document order.
    pub new: Vec<ClauseId>,
    /// The share of the old clause's word bigrams found in the parts.
    pub coverage: f64,
}

/// Two clauses now joined in one.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Merge {
    /// The clauses of the old draft, two or more, in document order.
    pub old: Vec<ClauseId>,
    /// The clause of the new draft.
    pub new: ClauseId,
    /// The share of the new clause's word bigrams found in the parts.
    pub coverage: f64,
}

/// Counts of what changed, and how alike the drafts are.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Summary {
    /// Clauses of the old draft.
    pub old_clauses: usize,
    /// Clauses of the new draft.
    pub new_clauses: usize,
    /// Paired clauses with no change.
    pub unchanged: usize,
    /// Paired clauses whose content changed.
    pub modified: usize,
    /// Paired clauses whose number changed.
    pub renumbered: usize,
    /// Paired clauses that moved among their siblings.
    pub moved: usize,
    /// Paired clauses under another parent.
    pub reparented: usize,
    /// Clauses only in the new draft.
    pub added: usize,
    /// Clauses only in the old draft.
    pub removed: usize,
    /// Splits found.
    pub splits: usize,
    /// Merges found.
    pub merges: usize,
    /// Fields of the proposal that changed.
    pub proposal_fields: usize,
    /// Recitals added, removed or modified.
    pub recitals: usize,
    /// Commitments added, dropped or changed.
    pub commitments: usize,
    /// How alike the drafts are, from 0 (nothing in common) to 1 (the same clause texts): the
    /// similarity of each pair, weighted by the length of its two texts, over the length of
    /// all texts of both drafts.
    pub similarity: f64,
}

/// Compares two proposals clause by clause. Group obligors ("the members of NATO") stay
/// unresolved; [`compare_in`] resolves them through the negotiation.
pub fn compare(old: &Proposal, new: &Proposal, options: &Options) -> Diff {
    compare_with(None, old, new, options)
}

/// Compares two proposals of a negotiation clause by clause, resolving group obligors to the
/// parties they stand for, so that a commitment's change of obligors names the states added or
/// removed.
pub fn compare_in(
    negotiation: &Negotiation,
    old: &Proposal,
    new: &Proposal,
    options: &Options,
) -> Diff {
    compare_with(Some(negotiation), old, new, options)
}

fn compare_with(
    negotiation: Option<&Negotiation>,
    old: &Proposal,
    new: &Proposal,
    options: &Options,
) -> Diff {
    let resolver = Resolver { negotiation };
    let mut commitments = Vec::new();
    let old_nodes = flatten(old);
    let new_nodes = flatten(new);
    let alignment = align(old, new, &old_nodes, &new_nodes, options);
    let moves = moved(&old_nodes, &new_nodes, &alignment);
    let mut budget = Budget {
        per_text: options.word_budget,
        total: options.total_budget,
        deadline: options.deadline.map(|d| Instant::now() + d),
    };

    let placement = |nodes: &[Node<'_>], i: usize| Placement {
        id: nodes[i].clause.id.clone(),
        number: nodes[i].clause.number.clone(),
        parent: nodes[i].parent.map(|p| nodes[p].clause.id.clone()),
        index: nodes[i].index,
    };
    let mut clauses = Vec::with_capacity(old_nodes.len().max(new_nodes.len()));
    // Which nodes each entry of `clauses` stands for, for the commitments after.
    let mut sides: Vec<(Option<usize>, Option<usize>)> = Vec::with_capacity(clauses.capacity());
    let mut removed_from = 0;
    let mut emit_removed_before =
        |limit: usize,
         clauses: &mut Vec<ClauseDiff>,
         sides: &mut Vec<(Option<usize>, Option<usize>)>| {
            while removed_from < limit {
                if alignment.old_to_new[removed_from].is_none() {
                    sides.push((Some(removed_from), None));
                    clauses.push(unpaired(
                        ClauseChangeKind::Removed,
                        Some(placement(&old_nodes, removed_from)),
                        None,
                        old_nodes[removed_from].clause,
                    ));
                }
                removed_from += 1;
            }
        };
    for (n, node) in new_nodes.iter().enumerate() {
        let Some(o) = alignment.new_to_old[n] else {
            sides.push((None, Some(n)));
            clauses.push(unpaired(
                ClauseChangeKind::Added,
                None,
                Some(placement(&new_nodes, n)),
                node.clause,
            ));
            continue;
        };
        emit_removed_before(o, &mut clauses, &mut sides);
        sides.push((Some(o), Some(n)));
        let (a, b) = (old_nodes[o].clause, node.clause);
        let text = (a.text != b.text).then(|| {
            let (ops, granularity) = diff_text(&a.text, &b.text, &mut budget);
            TextChange {
                ops,
                granularity,
                typographic_only: old_nodes[o].normalized == node.normalized,
            }
        });
        let mut d = ClauseDiff {
            kinds: ChangeKinds::new(),
            old: Some(placement(&old_nodes, o)),
            new: Some(placement(&new_nodes, n)),
            matched_by: alignment.method[n],
            similarity: alignment.similarity[n],
            text,
            heading: Change::of(&a.heading, &b.heading),
            number: Change::of(&a.number, &b.number),
            kind: Change::of(&a.kind, &b.kind),
            deleted: Change::of(&a.deleted, &b.deleted),
            text_basis: Change::of(&a.text_basis, &b.text_basis),
            sources: Change::of(&a.sources, &b.sources),
            answers: Change::of(&a.answers, &b.answers),
            commitments: Change::of(&a.commitments, &b.commitments),
            clause: None,
        };
        let modified = d.text.is_some()
            || d.heading.is_some()
            || d.kind.is_some()
            || d.deleted.is_some()
            || d.text_basis.is_some()
            || d.sources.is_some()
            || d.answers.is_some()
            || d.commitments.is_some();
        let reparented = match (old_nodes[o].parent, node.parent) {
            (None, None) => false,
            (Some(op), Some(np)) => alignment.old_to_new[op] != Some(np),
            _ => true,
        };
        for (on, kind) in [
            (modified, ClauseChangeKind::Modified),
            (d.number.is_some(), ClauseChangeKind::Renumbered),
            (moves[n], ClauseChangeKind::Moved),
            (reparented, ClauseChangeKind::Reparented),
        ] {
            if on {
                d.kinds.insert(kind);
            }
        }
        clauses.push(d);
    }
    emit_removed_before(old_nodes.len(), &mut clauses, &mut sides);
    for &(o, n) in &sides {
        let (o, n_clause) = (
            o.map(|o| old_nodes[o].clause),
            n.map(|n| new_nodes[n].clause),
        );
        let how = n.and_then(|n| alignment.method[n]);
        compare_commitments(
            side(old, o),
            side(new, n_clause),
            how,
            &resolver,
            &mut budget,
            &mut commitments,
        );
    }

    let old_similarity =
        |o: usize| alignment.old_to_new[o].map_or(0.0, |n| alignment.similarity[n]);
    let new_similarity = |n: usize| alignment.similarity[n];
    let splits: Vec<Split> = spread(
        &old_nodes,
        &new_nodes,
        &alignment.old_to_new,
        &alignment.new_to_old,
        old_similarity,
        options.split_threshold,
    )
    .into_iter()
    .map(|(o, [a, b], coverage)| Split {
        old: old_nodes[o].clause.id.clone(),
        new: vec![
            new_nodes[a].clause.id.clone(),
            new_nodes[b].clause.id.clone(),
        ],
        coverage,
    })
    .collect();
    let merges: Vec<Merge> = spread(
        &new_nodes,
        &old_nodes,
        &alignment.new_to_old,
        &alignment.old_to_new,
        new_similarity,
        options.split_threshold,
    )
    .into_iter()
    .map(|(n, [a, b], coverage)| Merge {
        old: vec![
            old_nodes[a].clause.id.clone(),
            old_nodes[b].clause.id.clone(),
        ],
        new: new_nodes[n].clause.id.clone(),
        coverage,
    })
    .collect();

    let proposal = proposal_changes(old, new);
    let preamble = preamble_changes(&old.preamble, &new.preamble, options, &mut budget);
    let approximate = clauses
        .iter()
        .filter_map(|c| c.text.as_ref())
        .chain(preamble.iter().filter_map(|r| match r {
            RecitalChange::Modified { text, .. } => Some(text),
            _ => None,
        }))
        .any(|t| t.granularity != Granularity::Word);

    let mut summary = Summary {
        old_clauses: old_nodes.len(),
        new_clauses: new_nodes.len(),
        splits: splits.len(),
        merges: merges.len(),
        proposal_fields: proposal.len(),
        commitments: commitments.len(),
        recitals: preamble
            .iter()
            .filter(|r| !matches!(r, RecitalChange::Unchanged { .. }))
            .count(),
        ..Summary::default()
    };
    for c in &clauses {
        if c.kinds.is_empty() {
            summary.unchanged += 1;
        }
        for kind in c.kinds.iter() {
            *match kind {
                ClauseChangeKind::Unchanged => &mut summary.unchanged,
                ClauseChangeKind::Modified => &mut summary.modified,
                ClauseChangeKind::Renumbered => &mut summary.renumbered,
                ClauseChangeKind::Moved => &mut summary.moved,
                ClauseChangeKind::Reparented => &mut summary.reparented,
                ClauseChangeKind::Added => &mut summary.added,
                ClauseChangeKind::Removed => &mut summary.removed,
            } += 1;
        }
    }
    let length = |node: &Node<'_>| node.normalized.len().max(1) as f64;
    let total: f64 =
        old_nodes.iter().map(length).sum::<f64>() + new_nodes.iter().map(length).sum::<f64>();
    let alike: f64 = (0..new_nodes.len())
        .filter_map(|n| {
            alignment.new_to_old[n]
                .map(|o| alignment.similarity[n] * (length(&old_nodes[o]) + length(&new_nodes[n])))
        })
        .sum();
    summary.similarity = if total == 0.0 { 1.0 } else { alike / total };

    Diff {
        version: check::Version,
        old: old.id().clone(),
        new: new.id().clone(),
        party: None,
        commitments,
        proposal,
        preamble,
        clauses,
        splits,
        merges,
        summary,
        approximate,
    }
}

fn side<'a>(proposal: &'a Proposal, clause: Option<&'a Clause>) -> Side<'a> {
    Side {
        proposal,
        clause: clause.map(|c| (&c.id, c.text.as_str(), c.commitments.as_slice())),
    }
}

fn unpaired(
    kind: ClauseChangeKind,
    old: Option<Placement>,
    new: Option<Placement>,
    clause: &Clause,
) -> ClauseDiff {
    let head = clause.head();
    ClauseDiff {
        kinds: ChangeKinds::from([kind]),
        old,
        new,
        matched_by: None,
        similarity: 0.0,
        text: None,
        heading: None,
        number: None,
        kind: None,
        deleted: None,
        text_basis: None,
        sources: None,
        answers: None,
        commitments: None,
        clause: Some(Box::new(head)),
    }
}

fn proposal_changes(old: &Proposal, new: &Proposal) -> Vec<ProposalChange> {
    let mut out = Vec::new();
    macro_rules! field {
        ($variant:ident, $field:ident) => {
            if old.$field != new.$field {
                out.push(ProposalChange::$variant {
                    old: old.$field.clone(),
                    new: new.$field.clone(),
                });
            }
        };
    }
    field!(Title, title);
    field!(Proposer, proposer);
    field!(Parties, parties);
    field!(Date, date);
    field!(Status, status);
    field!(Answers, answers);
    field!(Supersedes, supersedes);
    field!(Language, language);
    field!(TranslatedFrom, translated_from);
    field!(Provenance, provenance);
    out
}

fn preamble_changes(
    old: &[Recital],
    new: &[Recital],
    options: &Options,
    budget: &mut Budget,
) -> Vec<RecitalChange> {
    if old == new {
        return Vec::new();
    }
    let a: Vec<String> = old.iter().map(|r| normalize(&r.text)).collect();
    let b: Vec<String> = new.iter().map(|r| normalize(&r.text)).collect();
    let mut out = Vec::new();
    let mut modified = |x: &Recital, y: &Recital, out: &mut Vec<RecitalChange>| {
        let (ops, granularity) = diff_text(&x.text, &y.text, budget);
        let typographic_only = normalize(&x.text) == normalize(&y.text);
        out.push(RecitalChange::Modified {
            old: x.clone(),
            new: y.clone(),
            text: TextChange {
                ops,
                granularity,
                typographic_only,
            },
        });
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        match op {
            similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    let (x, y) = (&old[old_index + k], &new[new_index + k]);
                    if x == y {
                        out.push(RecitalChange::Unchanged { recital: y.clone() });
                    } else {
                        modified(x, y, &mut out);
                    }
                }
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.extend(
                    old[old_index..old_index + old_len]
                        .iter()
                        .map(|r| RecitalChange::Removed { recital: r.clone() }),
                );
            }
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => {
                out.extend(
                    new[new_index..new_index + new_len]
                        .iter()
                        .map(|r| RecitalChange::Added { recital: r.clone() }),
                );
            }
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Reworded recitals pair in order while alike; the rest are removed and added.
                let pairs = old_len.min(new_len);
                for k in 0..pairs {
                    let (x, y) = (&old[old_index + k], &new[new_index + k]);
                    let alike = normalize::dice(
                        &normalize::shingles(&a[old_index + k]),
                        &normalize::shingles(&b[new_index + k]),
                    );
                    if alike >= options.similarity_threshold {
                        modified(x, y, &mut out);
                    } else {
                        out.push(RecitalChange::Removed { recital: x.clone() });
                        out.push(RecitalChange::Added { recital: y.clone() });
                    }
                }
                out.extend(
                    old[old_index + pairs..old_index + old_len]
                        .iter()
                        .map(|r| RecitalChange::Removed { recital: r.clone() }),
                );
                out.extend(
                    new[new_index + pairs..new_index + new_len]
                        .iter()
                        .map(|r| RecitalChange::Added { recital: r.clone() }),
                );
            }
        }
    }
    out
}
