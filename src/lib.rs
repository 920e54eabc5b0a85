//! pactum models treaty proposals — parties, drafts, clauses, the commitments they create and
//! the meetings where they were tabled — so that drafts can be checked and compared clause by
//! clause, commitments first.
//!
//! Text-diff tools see lines; negotiators need to see who is bound, to whom, to do what. pactum
//! keeps each clause's identity apart from its displayed number (a renumbered article is the
//! same article) and records commitments as typed data: obligors, beneficiaries, modality
//! ("shall", "shall not", "may", "should", ...), action, scope, conditions, exceptions and legal
//! force.
//!
//! # Build a negotiation and validate it
//!
//! ```
//! use pactum::jiff::civil::date;
//! use pactum::{
//!     Clause, ClauseId, Commitment, CommitmentId, Modality, Negotiation, Party, PartyId,
//!     PartyKind, PartyRef, Proposal, ProposalId, Status,
//! };
//!
//! // Ids written in code are checked once, with no `?` at every call; ids that come from input
//! // are parsed ("RU".parse()?) and refused with an `IdError` that says why.
//! let (ru, us) = (PartyId::from_static("RU"), PartyId::from_static("US"));
//! let mut n = Negotiation::new("Security guarantees");
//! n.add_party(Party::new(ru.clone(), "Russian Federation", PartyKind::State))?;
//! n.add_party(Party::new(us.clone(), "United States of America", PartyKind::State))?;
//!
//! let draft = Proposal::new(ProposalId::from_static("ru-us"), "Treaty on Security Guarantees", ru.clone())
//!     .with_party(PartyRef::party(ru.clone()))
//!     .with_party(PartyRef::party(us.clone()))
//!     .with_date(date(2021, 12, 17))
//!     .with_status(Status::Tabled)
//!     .with_clause(
//!         Clause::new(ClauseId::from_static("art-1"), "The Parties shall not deploy missiles in Europe.")
//!             .with_number("Article 1")
//!             .with_commitment(
//!                 Commitment::new(CommitmentId::from_static("no-missiles"), Modality::Prohibition, "deploy missiles")
//!                     .with_obligor(PartyRef::party(ru))
//!                     .with_obligor(PartyRef::party(us))
//!                     .with_area("Europe"),
//!             ),
//!     );
//! n.add_proposal(draft)?;
//!
//! let report = n.validate();
//! assert!(report.is_clean(), "{report}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Read and write the JSON format
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use pactum::format::{self, ReadErrorKind};
//!
//! let json = r#"{ "pactum": "1.0", "title": "t", "parties": [ { "id": "RU", "name": "Russia", "kind": "state" } ] }"#;
//! let n = format::from_str(json)?;
//! assert_eq!(n.party("RU").unwrap().name, "Russia");
//!
//! // Unknown fields are refused, not dropped, with where they are.
//! let err = format::from_str(r#"{ "pactum": "1.0", "title": "t", "partys": [] }"#).unwrap_err();
//! assert_eq!(err.kind(), ReadErrorKind::UnknownField);
//! assert_eq!(err.path(), "$.partys");
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The shape of the format, field by field, with a complete example, is in [`mod@format`].
//!
//! # Compare two drafts, commitments first
//!
//! ```
//! use pactum::diff::{compare, CommitmentChange, Direction, Options};
//! use pactum::{Clause, Commitment, Modality, PartyRef, Proposal};
//!
//! let draft = |id: &str, modality: Modality, text: &str| {
//!     let c = Commitment::new("no-missiles".parse().unwrap(), modality, "deploy missiles in Europe")
//!         .with_obligor(PartyRef::party("US".parse().unwrap()));
//!     Proposal::new(id.parse().unwrap(), "Draft", "RU".parse().unwrap())
//!         .with_clause(Clause::new("art-5".parse().unwrap(), text).with_number("Article 5").with_commitment(c))
//! };
//! let old = draft("v1", Modality::Prohibition, "The United States shall not deploy missiles in Europe.");
//! let new = draft("v2", Modality::Discouragement, "The United States should not deploy missiles in Europe.");
//! let diff = compare(&old, &new, &Options::default());
//! // Who is bound to what, and which way it moved.
//! assert_eq!(
//!     diff.commitments[0].changes,
//!     [CommitmentChange::Modality { old: Modality::Prohibition, new: Modality::Discouragement, direction: Direction::Weakening }]
//! );
//! // The diff is a patch, and a redline.
//! assert_eq!(diff.apply(&old).unwrap(), new);
//! assert!(diff.to_string().contains("[-shall-]{+should+}"));
//! ```
//!
//! [`diff`] explains how clauses are paired and what is reported; [`render`] draws redlines.
//!
//! # Read a draft from text
//!
//! ```
//! use pactum::import::{self, ImportOptions};
//!
//! let text = "Article 1\nThe Parties shall consult one another.\n\nArticle 2\n1. Each Party may withdraw.\n";
//! let (draft, report) = import::text(text, &ImportOptions::new("draft".parse()?, "RU".parse()?))?;
//! assert_eq!(draft.clauses.len(), 2);
//! assert_eq!(draft.clauses[1].children()[0].number.as_deref(), Some("1."));
//! assert!(report.set_aside.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Merge two revisions, bracketing what they dispute
//!
//! [`merge::three_way`] makes the next negotiating text of two revisions of one draft: what one
//! side changed is taken, what both changed differently stands in brackets
//! ([`brackets`]) attributed to each side, and [`merge::resolve`] settles the brackets.
//!
//! ```
//! use pactum::merge::{self, Options};
//! use pactum::{Clause, Proposal};
//!
//! let draft = |id: &str, text: &str| {
//!     Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap())
//!         .with_clause(Clause::new("art-1".parse().unwrap(), text))
//! };
//! let base = draft("base", "The Parties shall consult each other.");
//! let merged = merge::three_way(
//!     &base,
//!     &draft("a", "The Parties should consult each other."),
//!     &draft("b", "The Parties may consult each other."),
//!     &Options::new("next".parse()?),
//! )?;
//! assert_eq!(merged.proposal.clauses[0].text, "The Parties [should]{ours}[may]{theirs} consult each other.");
//! assert_eq!(merged.conflicts.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Property-test your own code over pactum's types
//!
//! With the `proptest` feature, the `strategy` module generates negotiations that validate clean, with
//! sentences that carry the deontic markers of their commitments, and documents broken in one
//! known way each. Failing cases shrink to small documents.
//!
//! ```
//! # #[cfg(feature = "proptest")] {
//! use pactum::strategy::{self, Limits};
//! use proptest::prelude::*;
//!
//! proptest!(|(n in strategy::negotiation(Limits::small()))| {
//!     // Your code here; pactum guarantees the input is valid.
//!     prop_assert!(!n.validate().has_errors());
//! });
//! # }
//! ```
//!
//! The `strategy` module's docs are the guide: which strategies take context, and how to
//! test your error handling with `strategy::invalid_negotiation`. (Without the feature the
//! module does not exist, so these names are not links here; docs.rs builds every feature.)
//!
//! # Crate features
//!
//! - **`serde`** (default): serde `Serialize`/`Deserialize` for the model, `Serialize` for
//!   reports, and the [`mod@format`] module (reads and writes pactum JSON through `serde_json`).
//! - **`proptest`**: strategies that generate valid negotiations and proposals, for property
//!   tests of your own code over pactum's types.
//!
//! # Design
//!
//! - **Identity is not numbering.** A [`ClauseId`] is unique within its proposal and never
//!   changes; the displayed [`number`](Clause::number) is text. Ids are newtypes with one
//!   documented syntax ([`id`]), serialized as strings.
//! - **Commitments are data.** Who is bound can be a party or a group defined by membership at
//!   a date ([`PartyRef::MembersOf`]): "the member States of NATO as of 27 May 1997" resolves
//!   against the membership dates ([`Negotiation::resolve`]).
//! - **How values are built.** Model structs are `#[non_exhaustive]` with public fields: read
//!   and assign them freely, build values with `new` and the `with_*` methods. A later release
//!   can add a field without breaking any caller. Ids of parties, proposals and meetings are set
//!   at construction and read with `id()`, because the [`Negotiation`] keys them; a clause's
//!   children are behind methods, because they carry the nesting bound.
//! - **Bounded nesting.** Clauses nest at most [`MAX_CLAUSE_DEPTH`] levels, enforced when
//!   clauses are built ([`Clause::push_child`]) and read, so no walk over a clause tree can
//!   overflow the stack.
//! - **Problems are reported, all of them.** Reading refuses what the types cannot hold with a
//!   located [`format::ReadError`]; [`validate`](validate::validate) collects every problem of a
//!   value into a [`Report`](validate::Report), errors and warnings, each with a path to where
//!   it is.
//! - **Data flows one way**: read or build, then validate, then compare and render. Every result
//!   is plain data that serializes.

#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

#[macro_use]
mod macros;

pub mod brackets;
pub mod deontic;
pub mod diff;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod format;
pub mod id;
pub mod import;
pub mod merge;
mod model;
mod numbering;
mod quote;
pub mod render;
#[cfg(feature = "serde")]
mod serde_glue;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategy;
pub mod validate;

// The README's examples run as doc tests, so the front door cannot drift from the code.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The calendar dates of the model (`jiff::civil::Date`, made with `jiff::civil::date`), so
/// that a program needs no dependency of its own to build a [`Proposal`] or a [`Meeting`]:
/// `pactum::jiff::civil::date(2021, 12, 17)`.
pub use jiff;

pub use id::{ClauseId, CommitmentId, IdError, IdErrorReason, MeetingId, PartyId, ProposalId};
pub use model::clause::{Clause, ClauseKind, MAX_CLAUSE_DEPTH, NestingError};
pub use model::commitment::{Commitment, LegalForce, Modality, Origin, PartyRef, Scope};
pub use model::meeting::{Delegate, Delegation, Meeting};
pub use model::negotiation::{Binding, DuplicateIdError, Negotiation, UnknownPartyError};
pub use model::party::{Membership, Party, PartyKind};
pub use model::proposal::{Proposal, Recital, Status};
pub use model::provenance::{Completeness, Provenance, Source, TextBasis};
