//! Validation: every problem of a negotiation or a proposal, in one report.
//!
//! Validation never stops at the first problem and never panics: it walks the whole value and
//! returns a [`Report`] of [`Problem`]s, each with a stable [`ProblemKind`], a [`Severity`], a
//! [`Location`] (a path by ids) and a message, in a stable order.
//!
//! | kind | severity | what |
//! |---|---|---|
//! | `unknown_party` | error | a proposer, bound party, obligor, beneficiary, delegation or alliance member that is not among the parties |
//! | `unknown_proposal` | error | an answers or supersedes link, or a meeting's agenda item, that is not among the proposals |
//! | `unknown_clause` | error | a clause answer link to a clause the answered proposal lacks |
//! | `answer_link_without_target` | error | a clause answers clauses but its proposal answers no proposal |
//! | `link_cycle` | error | proposals that answer or supersede each other in a circle |
//! | `membership_cycle` | error | alliances that are members of each other in a circle |
//! | `no_obligor` | error | a commitment that binds nobody |
//! | `empty_clause` | error | a clause with no text and no children |
//! | `too_few_parties` | error | a proposal binding fewer than two parties |
//! | `answers_later_proposal` | error | a proposal that answers one dated after it |
//! | `duplicate_clause_id` | error | two clauses of one proposal with one id |
//! | `duplicate_commitment_id` | error | two commitments of one clause with one id |
//! | `invalid_date_range` | error | a membership or a commitment's time bounds that end before they start |
//! | `duplicate_number` | warning | two sibling clauses with one displayed number |
//! | `numbering_gap` | warning | sibling numbers that skip (1, 2, 4) |
//! | `numbering_disorder` | warning | sibling numbers out of order (1, 3, 2) |
//! | `obligor_not_party` | warning | an obligor that is neither a party to the proposal nor a member of one |
//! | `uncommitted_deontic_text` | warning | a clause whose text holds "shall", "may", "refrain from", ... but records no commitment |
//! | `modality_contradicts_text` | warning | a commitment whose modality is not among its clause's text markers |
//! | `unbalanced_bracket` | error | a bracketed text with a `[` never closed or a `]` never opened |
//! | `empty_bracket` | error | a bracketed text with `[]` or a bracket of spaces |
//! | `bracket_too_deep` | error | brackets nested deeper than [`MAX_BRACKET_DEPTH`](crate::brackets::MAX_BRACKET_DEPTH) |
//! | `invalid_supporters` | error | supporters after a bracket (`{RU, US}`) unclosed, empty or not party ids |
//! | `identical_options` | warning | two choices of one bracket with the same text |
//!
//! A problem of a [bracketed](crate::Clause::bracketed) text stands at `text[N]`, where N is
//! the byte of the text at which the bracket at fault opens; a supporter that is not a party
//! of the negotiation is an `unknown_party` there.
//!
//! Numbering is compared among siblings of one style: "Article 1", "Article 2" and "(a)", "(b)"
//! and "(i)", "(ii)" are each a sequence; a number in another style starts a new one.
//!
//! Checks that need the other elements of a negotiation (references, membership, resolution of
//! groups) run in [`Negotiation::validate`](crate::Negotiation::validate);
//! [`Proposal::validate`](crate::Proposal::validate) runs those that need only the proposal,
//! counting a group of members as two parties.
//!
//! ```
//! use pactum::validate::ProblemKind;
//! use pactum::{Clause, PartyRef, Proposal};
//!
//! let draft = Proposal::new("d".parse()?, "A draft", "A".parse()?)
//!     .with_party(PartyRef::party("A".parse()?))
//!     .with_party(PartyRef::party("B".parse()?))
//!     .with_clause(Clause::new("art-1".parse()?, "The Parties shall consult.").with_number("Article 1"))
//!     .with_clause(Clause::new("art-2".parse()?, "Summary.").with_number("Article 3"));
//! let report = draft.validate();
//! let kinds: Vec<_> = report.problems().iter().map(|p| p.kind).collect();
//! assert_eq!(kinds, [ProblemKind::UncommittedDeonticText, ProblemKind::NumberingGap]);
//! assert!(!report.has_errors());
//! # Ok::<(), pactum::IdError>(())
//! ```

mod report;
mod rules;

pub use report::{Key, Location, Problem, ProblemKind, Report, Severity, Step, ValidationError};

use crate::{Negotiation, Proposal};

/// Every problem of a negotiation: references, membership, links and each proposal's own rules.
pub fn validate(negotiation: &Negotiation) -> Report {
    let mut checker = rules::Checker {
        context: Some(negotiation),
        report: Report::default(),
    };
    checker.negotiation(negotiation);
    checker.report
}

/// The problems of one proposal that can be found without its negotiation; locations start at
/// `$` as if the proposal were the document.
pub fn validate_proposal(proposal: &Proposal) -> Report {
    let mut checker = rules::Checker {
        context: None,
        report: Report::default(),
    };
    checker.proposal(proposal, &rules::Path::Root);
    checker.report
}

impl Negotiation {
    /// Shorthand for [`validate`].
    pub fn validate(&self) -> Report {
        validate(self)
    }
}

impl Proposal {
    /// Shorthand for [`validate_proposal`].
    pub fn validate(&self) -> Report {
        validate_proposal(self)
    }
}
