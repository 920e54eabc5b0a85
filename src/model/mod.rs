//! The typed domain: parties, proposals, clauses, commitments, meetings and the negotiation
//! that holds them.

pub(crate) mod clause;
pub(crate) mod commitment;
pub(crate) mod meeting;
pub(crate) mod negotiation;
pub(crate) mod party;
pub(crate) mod proposal;
pub(crate) mod provenance;
