//! Proposals: draft agreements and written answers, each put forward by one party.

use jiff::civil::Date;

use crate::id::{PartyId, ProposalId};
use crate::model::clause::Clause;
use crate::model::commitment::PartyRef;
use crate::model::provenance::{Completeness, Provenance, TextBasis};

/// A draft agreement, or a written answer to one, as put forward by one party.
///
/// The id is fixed at construction because a [`Negotiation`](crate::Negotiation) keys its
/// proposals by it; every other field is public. The struct is `#[non_exhaustive]`: build it with
/// [`Proposal::new`] and set fields or use the `with_*` methods.
///
/// ```
/// use jiff::civil::date;
/// use pactum::{Clause, PartyRef, Proposal, Status};
///
/// let mut draft = Proposal::new("ru-nato".parse()?, "Agreement on Measures ...", "RU".parse()?)
///     .with_party(PartyRef::party("RU".parse()?))
///     .with_party(PartyRef::members_of("NATO".parse()?, None))
///     .with_date(date(2021, 12, 17));
/// draft.status = Status::Tabled;
/// draft.clauses.push(Clause::new("art-6".parse()?, "All member States ...").with_number("Article 6"));
/// assert!(draft.clause("art-6").is_some());
/// # Ok::<(), pactum::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Proposal {
    id: ProposalId,
    /// The title as the text gives it.
    pub title: String,
    /// The party that put the proposal forward.
    pub proposer: PartyId,
    /// The parties the agreement would bind (for an answer: the parties it addresses).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub parties: Vec<PartyRef>,
    /// The day it was published or handed over.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::serde_glue::opt_date"
        )
    )]
    pub date: Option<Date>,
    /// Where it stands.
    pub status: Status,
    /// The proposal this one answers.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub answers: Option<ProposalId>,
    /// The proposal this one replaces.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub supersedes: Option<ProposalId>,
    /// The recitals before the first article.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub preamble: Vec<Recital>,
    /// Whether the clause ids were derived from the text's numbering (as the importer makes
    /// them: `art-4`, `art-4.p-2`) rather than given as identities. Such ids say nothing of
    /// which clause is which across drafts, so [`compare`](crate::diff::compare) does not
    /// pair clauses by them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub ids_from_numbering: bool,
    /// The top-level clauses, in order; each holds its own children.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub clauses: Vec<Clause>,
    /// The language of the text, as a BCP 47 tag: `en`, `ru`.
    pub language: String,
    /// The language of the original, when this text is a translation.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub translated_from: Option<String>,
    /// Where the text comes from and how much of it is known.
    pub provenance: Provenance,
}

impl Proposal {
    /// A drafted proposal in English with no parties, date, links, preamble or clauses, and
    /// provenance [`Completeness::Full`] with no sources.
    pub fn new(id: ProposalId, title: impl Into<String>, proposer: PartyId) -> Self {
        Proposal {
            id,
            title: title.into(),
            proposer,
            parties: Vec::new(),
            date: None,
            status: Status::Drafted,
            answers: None,
            supersedes: None,
            preamble: Vec::new(),
            ids_from_numbering: false,
            clauses: Vec::new(),
            language: "en".to_owned(),
            translated_from: None,
            provenance: Provenance::new(Completeness::Full),
        }
    }

    /// The proposal's id.
    pub fn id(&self) -> &ProposalId {
        &self.id
    }

    /// Adds a party the agreement would bind.
    #[must_use]
    pub fn with_party(mut self, party: PartyRef) -> Self {
        self.parties.push(party);
        self
    }

    /// Sets the date.
    #[must_use]
    pub fn with_date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Adds a top-level clause.
    #[must_use]
    pub fn with_clause(mut self, clause: Clause) -> Self {
        self.clauses.push(clause);
        self
    }

    /// Sets where the proposal stands.
    #[must_use]
    pub fn with_status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }

    /// Sets the proposal this one answers.
    #[must_use]
    pub fn with_answers(mut self, proposal: ProposalId) -> Self {
        self.answers = Some(proposal);
        self
    }

    /// Sets the proposal this one replaces.
    #[must_use]
    pub fn with_supersedes(mut self, proposal: ProposalId) -> Self {
        self.supersedes = Some(proposal);
        self
    }

    /// Adds a recital to the preamble.
    #[must_use]
    pub fn with_recital(mut self, recital: Recital) -> Self {
        self.preamble.push(recital);
        self
    }

    /// Sets the language of the text, a BCP 47 tag (`en`, `ru`).
    #[must_use]
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = language.into();
        self
    }

    /// Sets the language of the original, for a translation.
    #[must_use]
    pub fn with_translated_from(mut self, language: impl Into<String>) -> Self {
        self.translated_from = Some(language.into());
        self
    }

    /// Sets where the text comes from and how much of it is known.
    #[must_use]
    pub fn with_provenance(mut self, provenance: Provenance) -> Self {
        self.provenance = provenance;
        self
    }

    /// Every clause, depth first, parents before children.
    pub fn walk(&self) -> impl Iterator<Item = &Clause> + '_ {
        self.clauses.iter().flat_map(Clause::walk)
    }

    /// The first clause with this id, anywhere in the tree.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.walk().find(|c| c.id == id)
    }
}

string_enum! {
    /// Where a proposal stands.
    pub enum Status {
        /// Written, not yet put to the other side.
        Drafted => "drafted",
        /// Handed over or published for the other side.
        Tabled => "tabled",
        /// Being discussed.
        UnderNegotiation => "under_negotiation",
        /// Accepted by the other side.
        Accepted => "accepted",
        /// Rejected by the other side.
        Rejected => "rejected",
        /// Taken back by its proposer.
        Withdrawn => "withdrawn",
        /// Replaced by a later proposal.
        Superseded => "superseded",
    }
}

/// One recital of a preamble: "reaffirming their commitment to the purposes and principles of
/// the Charter of the United Nations".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Recital {
    /// The text.
    pub text: String,
    /// How the text is known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "TextBasis::is_verbatim")
    )]
    pub text_basis: TextBasis,
}

impl Recital {
    /// A verbatim recital.
    pub fn new(text: impl Into<String>) -> Self {
        Recital {
            text: text.into(),
            text_basis: TextBasis::Verbatim,
        }
    }

    /// Sets how the text is known.
    #[must_use]
    pub fn with_text_basis(mut self, basis: TextBasis) -> Self {
        self.text_basis = basis;
        self
    }
}
