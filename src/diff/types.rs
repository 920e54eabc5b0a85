//! The diff's result types: plain data that serializes to JSON, with no comparison logic.

use jiff::civil::Date;

use super::check;
use super::{ChangeKinds, CommitmentDiff};
use crate::{
    Clause, ClauseId, PartyId, PartyRef, ProposalId, Provenance, Recital, Source, Status, TextBasis,
};

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
    pub(super) version: check::Version,
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
    /// commitment, in clause order. This is the one record of commitment changes: the clause
    /// entries do not repeat it, and [`Diff::apply`] rebuilds each clause's commitments from it
    /// (by `old_index` and `new_index`). Equal commitments at their old place are not listed.
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
    /// The brackets of the two drafts, counted ([`Tally::of_proposal`](crate::brackets::Tally::of_proposal)),
    /// when either holds a bracketed clause: the figure negotiators track.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub brackets: Option<crate::brackets::TallyChange>,
    /// Counts and an overall similarity.
    pub summary: Summary,
    /// Whether a work budget made the result coarser: some text compared by sentences or whole
    /// rather than word by word, or, when more than 64 of the best candidates for pairing one
    /// clause tied, some of them left unscored.
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
            version: self.version,
            old: self.old.clone(),
            new: self.new.clone(),
            party: PartyId::new(party).ok(),
            commitments,
            proposal: Vec::new(),
            preamble: Vec::new(),
            clauses,
            splits: Vec::new(),
            merges: Vec::new(),
            brackets: self.brackets,
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
    pub(super) fn of(old: &T, new: &T) -> Option<Self>
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
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::opt_date"))]
        old: Option<Date>,
        /// New date.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::opt_date"))]
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
    /// Whether the clause ids were derived from the numbering.
    IdsFromNumbering {
        /// Old mark.
        old: bool,
        /// New mark.
        new: bool,
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
            ProposalChange::IdsFromNumbering { .. } => "ids_from_numbering",
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
    /// How two clauses were paired (see the [module docs](super)).
    pub enum MatchedBy {
        /// An answer link.
        Link => "link",
        /// A shared id.
        Id => "id",
        /// Identical normalised text.
        Text => "text",
        /// Similar text.
        Similarity => "similarity",
        /// Their place: the only unpaired clauses between two pairs of neighbours, with
        /// texts somewhat alike (below the similarity threshold).
        Context => "context",
        /// Their number, at the same place: siblings under paired parents that bear one
        /// number (the keyword aside), with texts a little alike, or in different languages.
        Number => "number",
        /// Their children's partners.
        Structure => "structure",
        /// Their place: clauses with no text in all their subtree, in order under paired
        /// parents; between drafts in different languages, unnumbered clauses in order.
        Position => "position",
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
    /// Whether the text is [bracketed](crate::Clause::bracketed), when that changed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub bracketed: Option<Change<bool>>,
    /// For a clause bracketed in either draft whose text changed, or that was added or
    /// removed: its brackets compared.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub brackets: Option<Box<super::ClauseBrackets>>,
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
    /// For an added or removed clause, the clause itself without its children (each child has
    /// its own entry) and without its commitments (each is an added or dropped entry of
    /// [`Diff::commitments`]).
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
    /// Whether the two texts are equal after [`normalize`](super::normalize()): only quotes, dashes or spaces
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

#[cfg(all(test, target_pointer_width = "64"))]
mod tests {
    /// Every clause of both drafts has an entry, so its size is the diff's memory per clause.
    #[test]
    fn a_clause_entry_stays_small() {
        let size = std::mem::size_of::<super::ClauseDiff>();
        println!("ClauseDiff: {size} bytes");
        assert!(size <= 400, "ClauseDiff grew to {size} bytes");
        // Text comparisons of long clauses make many commitment entries before netting: the
        // commitments an entry compares are boxed, so that most entries, read from text,
        // carry two pointers instead.
        let size = std::mem::size_of::<super::CommitmentDiff>();
        println!("CommitmentDiff: {size} bytes");
        assert!(size <= 320, "CommitmentDiff grew to {size} bytes");
    }
}
