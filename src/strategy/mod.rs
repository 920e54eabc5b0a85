//! proptest strategies for pactum's types (feature `proptest`).
//!
//! # Property-testing your code with pactum's generators
//!
//! Programs that embed pactum can property-test their own code over realistic negotiations:
//! every value these strategies make validates with no problem at all, its texts are sentences
//! built from a legal vocabulary with deontic markers that agree with the encoded commitments,
//! and failing cases shrink to small documents.
//!
//! ```
//! use pactum::strategy::{self, Limits};
//! use proptest::prelude::*;
//!
//! /// Your code: here, count the clauses that bind someone.
//! fn binding_clauses(n: &pactum::Negotiation) -> usize {
//!     n.proposals().flat_map(|p| p.walk()).filter(|c| !c.commitments.is_empty()).count()
//! }
//!
//! proptest!(|(n in strategy::negotiation(Limits::small()))| {
//!     prop_assert!(n.validate().is_clean());
//!     let all: usize = n.proposals().map(|p| p.walk().count()).sum();
//!     prop_assert!(binding_clauses(&n) <= all);
//! });
//! ```
//!
//! Values that need context take it, so that what they make fits where it goes (as guppy's
//! strategies take a package graph):
//!
//! - [`negotiation`] makes a whole negotiation;
//! - [`party`] makes a state, or an alliance whose members are drawn from given parties;
//! - [`proposal`] makes a proposal for a given negotiation: proposer, bound parties and
//!   obligors among its parties, maybe answering or superseding one of its proposals;
//! - [`clause`] makes a clause tree whose ids are unique under a given id, binding the given
//!   parties; [`commitment`] makes one commitment binding some of them;
//! - [`meeting`] makes a meeting of a negotiation's parties about its proposals;
//! - [`bracketed_text`] and [`bracketed_clause`] make negotiating texts in brackets
//!   ([`crate::brackets`]): optional spans, alternatives and options, nested, with supporters
//!   drawn from given parties.
//!
//! Self-contained types implement [`Arbitrary`]: the ids, [`Modality`], [`LegalForce`],
//! [`TextBasis`], [`Status`], [`Completeness`], [`PartyKind`], [`Origin`] and [`Scope`].
//!
//! [`edited_pair`] makes a draft, an edited copy and the list of edits made: ground truth for
//! testing a comparison. [`templated_pair`] does the same with drafts built from a template:
//! clauses that share their opening words, near-duplicate articles, and another party named
//! in every clause of the new draft.
//!
//! With the `serde` feature too, [`invalid_negotiation`] and [`unreadable_document`] make
//! documents with one known problem each, together with the kind and location that
//! validation or the reader must report.

use std::sync::Arc;

use jiff::ToSpan;
use proptest::arbitrary::Arbitrary;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

mod brackets;
mod clauses;
mod edits;
mod invalid;
mod vocabulary;

pub use brackets::{bracketed_clause, bracketed_text};
pub use clauses::{clause, commitment};
pub use edits::{Edit, EditedPair, edited_pair, templated_pair};
pub use invalid::{InvalidNegotiation, invalid_negotiation, invalid_negotiation_of};
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub use invalid::{REFUSALS, UnreadableDocument, unreadable_document, unreadable_document_of};

use clauses::{Cast, ClauseShape, build_clause, clause_shape};
use vocabulary::{ALLIANCES, AREAS, FORUMS, PEOPLE, PLACES, RECITALS, STATES, TOPICS, day};

use crate::id::{ClauseId, CommitmentId, MeetingId, PartyId, ProposalId};
use crate::{
    Completeness, Delegate, Delegation, LegalForce, MAX_CLAUSE_DEPTH, Meeting, Membership,
    Modality, Negotiation, Origin, Party, PartyKind, PartyRef, Proposal, Provenance, Recital,
    Scope, Source, Status, TextBasis,
};

/// Bounds on the size and depth of what the strategies make.
///
/// ```
/// let mut limits = pactum::strategy::Limits::default();
/// limits.max_depth = 2;
/// limits.max_proposals = 2;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// States in a negotiation: at least 2, at most this.
    pub max_states: usize,
    /// Alliances in a negotiation, each with members among the states.
    pub max_alliances: usize,
    /// Proposals in a negotiation: at least 1, at most this.
    pub max_proposals: usize,
    /// Meetings in a negotiation.
    pub max_meetings: usize,
    /// Top-level clauses of a proposal: at least 1, at most this.
    pub max_clauses: usize,
    /// Levels of clauses, counting a top-level clause as 1; at most
    /// [`MAX_CLAUSE_DEPTH`].
    pub max_depth: usize,
    /// Children of one clause (at most 26, so that lettered points stay letters).
    pub max_children: usize,
    /// Commitments of one clause.
    pub max_commitments: usize,
    /// Recitals of a preamble.
    pub max_recitals: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_states: 6,
            max_alliances: 2,
            max_proposals: 4,
            max_meetings: 2,
            max_clauses: 5,
            max_depth: 3,
            max_children: 3,
            max_commitments: 2,
            max_recitals: 3,
        }
    }
}

impl Limits {
    /// Small documents, for fast tests: up to 4 states, 2 proposals of 3 clauses, 2 levels.
    pub fn small() -> Self {
        Limits {
            max_states: 4,
            max_alliances: 1,
            max_proposals: 2,
            max_meetings: 1,
            max_clauses: 3,
            max_depth: 2,
            max_children: 2,
            max_commitments: 2,
            max_recitals: 2,
        }
    }

    fn depth(&self) -> usize {
        self.max_depth.clamp(1, MAX_CLAUSE_DEPTH)
    }

    fn children(&self) -> usize {
        self.max_children.min(26)
    }
}

// ---------------------------------------------------------------------------------------------
// Self-contained types.

fn id_string() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9][a-zA-Z0-9._-]{0,15}"
}

macro_rules! arbitrary_id {
    ($($name:ident),*) => {$(
        impl Arbitrary for $name {
            type Parameters = ();
            type Strategy = BoxedStrategy<$name>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                id_string()
                    .prop_map(|s| $name::new(s).expect("the pattern makes valid ids"))
                    .boxed()
            }
        }
    )*};
}

arbitrary_id!(PartyId, ProposalId, ClauseId, CommitmentId, MeetingId);

macro_rules! arbitrary_enum {
    ($($name:ident),*) => {$(
        impl Arbitrary for $name {
            type Parameters = ();
            type Strategy = proptest::sample::Select<$name>;

            fn arbitrary_with((): ()) -> Self::Strategy {
                proptest::sample::select($name::ALL)
            }
        }
    )*};
}

arbitrary_enum!(
    Modality,
    LegalForce,
    TextBasis,
    Status,
    Completeness,
    PartyKind,
    Origin
);

impl Arbitrary for Scope {
    type Parameters = ();
    type Strategy = BoxedStrategy<Scope>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        (
            vec(0..AREAS.len(), 0..3),
            proptest::option::of((0..20_000i32, 0..4_000i32)),
        )
            .prop_map(|(areas, period)| {
                let mut scope = Scope {
                    areas: areas.into_iter().map(|i| AREAS[i].to_owned()).collect(),
                    ..Scope::default()
                };
                if let Some((start, length)) = period {
                    scope.from = Some(day(start));
                    scope.until = Some(day(start + length));
                }
                scope
            })
            .boxed()
    }
}

// ---------------------------------------------------------------------------------------------
// Parties.

#[derive(Debug, Clone)]
struct PartyShape {
    members: Vec<(Index, i32, Option<i32>)>,
}

fn party_shape(max_members: usize) -> impl Strategy<Value = PartyShape> {
    vec(
        (
            any::<Index>(),
            0..26_000i32,
            proptest::option::weighted(0.1, 1..4_000i32),
        ),
        0..=max_members,
    )
    .prop_map(|members| PartyShape { members })
}

fn build_party(
    id: PartyId,
    name: String,
    kind: PartyKind,
    shape: &PartyShape,
    candidates: &[PartyId],
) -> Party {
    let mut party = Party::new(id, name, kind);
    if candidates.is_empty() {
        return party;
    }
    for (who, since, left) in &shape.members {
        let member = &candidates[who.index(candidates.len())];
        if member == party.id() || party.members.iter().any(|m| m.party == *member) {
            continue;
        }
        let mut m = Membership::new(member.clone(), day(*since));
        m.until = left.map(|l| day(since + l));
        party.members.push(m);
    }
    party
}

/// A party with id `id`: a state when `candidates` is empty, else an alliance whose members are
/// drawn from `candidates` (which must exist where the party goes, and must not include
/// alliances that have it as a member, or membership would form a cycle).
pub fn party(id: PartyId, candidates: Vec<PartyId>) -> BoxedStrategy<Party> {
    let name = format!("Party {id}");
    let kind = if candidates.is_empty() {
        PartyKind::State
    } else {
        PartyKind::Alliance
    };
    party_shape(candidates.len())
        .prop_map(move |shape| build_party(id.clone(), name.clone(), kind, &shape, &candidates))
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Proposals.

#[derive(Debug, Clone)]
struct ProposalShape {
    proposer: Index,
    bound: Vec<Index>,
    group: Option<Index>,
    gap: i32,
    status: Status,
    links: (Option<Index>, Option<Index>),
    recitals: Vec<(usize, usize)>,
    clauses: Vec<ClauseShape>,
    translated: bool,
    completeness: Completeness,
}

fn proposal_shape(limits: &Limits) -> BoxedStrategy<ProposalShape> {
    (
        any::<Index>(),
        vec(any::<Index>(), 1..4),
        proptest::option::weighted(0.4, any::<Index>()),
        0..400i32,
        any::<Status>(),
        (
            proptest::option::weighted(0.5, any::<Index>()),
            proptest::option::weighted(0.2, any::<Index>()),
        ),
        vec(
            (0..RECITALS.len(), 0..TOPICS.len()),
            0..=limits.max_recitals,
        ),
        vec(clause_shape(limits), 1..=limits.max_clauses.max(1)),
        any::<bool>(),
        any::<Completeness>(),
    )
        .prop_map(
            |(
                proposer,
                bound,
                group,
                gap,
                status,
                links,
                recitals,
                clauses,
                translated,
                completeness,
            )| ProposalShape {
                proposer,
                bound,
                group,
                gap,
                status,
                links,
                recitals,
                clauses,
                translated,
                completeness,
            },
        )
        .boxed()
}

/// Builds a proposal that fits `n`: parties from its states and alliances, links to its
/// proposals, a date after every proposal it links to.
fn build_proposal(n: &Negotiation, id: ProposalId, shape: &ProposalShape) -> Proposal {
    let states: Vec<&PartyId> = n
        .parties()
        .filter(|p| p.members.is_empty())
        .map(Party::id)
        .collect();
    let alliances: Vec<&PartyId> = n
        .parties()
        .filter(|p| !p.members.is_empty())
        .map(Party::id)
        .collect();
    let earlier: Vec<&Proposal> = n.proposals().collect();

    let mut chosen: Vec<&PartyId> = shape
        .bound
        .iter()
        .map(|i| states[i.index(states.len())])
        .collect();
    let proposer = states[shape.proposer.index(states.len())];
    chosen.insert(0, proposer);
    // Two distinct states at least, so that the proposal binds two parties whatever the
    // alliances' membership on its date.
    if let Some(other) = states.iter().find(|s| **s != proposer) {
        chosen.push(other);
    }
    let mut bound: Vec<PartyRef> = Vec::new();
    for s in chosen {
        let r = PartyRef::party(s.clone());
        if !bound.contains(&r) {
            bound.push(r);
        }
    }
    if let (Some(g), false) = (&shape.group, alliances.is_empty()) {
        bound.push(PartyRef::members_of(
            alliances[g.index(alliances.len())].clone(),
            None,
        ));
    }
    let cast = Cast::new(n, bound.clone());

    let pick = |link: &Option<Index>| {
        link.as_ref()
            .filter(|_| !earlier.is_empty())
            .map(|i| earlier[i.index(earlier.len())])
    };
    let answers = pick(&shape.links.0);
    let supersedes = pick(&shape.links.1);
    let latest = [answers, supersedes]
        .into_iter()
        .flatten()
        .filter_map(|p| p.date)
        .max();
    let base = latest.unwrap_or_else(|| day(26_000));
    let answered: Vec<ClauseId> = answers
        .map(|p| p.walk().map(|c| c.id.clone()).collect())
        .unwrap_or_default();

    let mut p = Proposal::new(
        id,
        format!("Agreement on {}", TOPICS[shape.gap as usize % TOPICS.len()]),
        proposer.clone(),
    );
    p.parties = bound;
    p.date = Some(base.saturating_add(i64::from(shape.gap).days()));
    p.status = shape.status;
    p.answers = answers.map(|a| a.id().clone());
    p.supersedes = supersedes.map(|s| s.id().clone());
    p.preamble = shape
        .recitals
        .iter()
        .map(|&(r, t)| {
            let text = RECITALS[r];
            Recital::new(if text.ends_with(" of") || text.ends_with(" on") {
                format!("{text} {}", TOPICS[t])
            } else {
                text.to_owned()
            })
        })
        .collect();
    for (i, c) in shape.clauses.iter().enumerate() {
        p.clauses.push(build_clause(
            c,
            &format!("c{}", i + 1),
            1,
            i,
            &cast,
            &answered,
        ));
    }
    p.translated_from = shape.translated.then(|| "xx".to_owned());
    p.provenance = Provenance::new(shape.completeness)
        .with_source(Source::new("generated by pactum::strategy"));
    p
}

/// A proposal with id `id` that fits `n` (which must have two states, parties without members,
/// at least): proposer, bound parties and obligors among `n`'s parties, maybe answering or
/// superseding one of `n`'s proposals and dated after it, clause answer links to the answered
/// proposal's clauses. Added to `n` under an id `n` does not use yet, it keeps `n` valid.
pub fn proposal(n: &Negotiation, id: ProposalId, limits: Limits) -> BoxedStrategy<Proposal> {
    let states = n.parties().filter(|p| p.members.is_empty()).count();
    assert!(states >= 2, "a proposal needs two states to bind");
    let n = Arc::new(n.clone());
    proposal_shape(&limits)
        .prop_map(move |shape| build_proposal(&n, id.clone(), &shape))
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Meetings and negotiations.

#[derive(Debug, Clone)]
struct MeetingShape {
    forum: usize,
    place: Option<usize>,
    gap: i32,
    chair: Option<usize>,
    delegations: Vec<(Index, Vec<usize>)>,
    agenda: Vec<Index>,
}

fn meeting_shape() -> impl Strategy<Value = MeetingShape> {
    (
        0..FORUMS.len(),
        proptest::option::of(0..PLACES.len()),
        0..200i32,
        proptest::option::of(0..PEOPLE.len()),
        vec((any::<Index>(), vec(0..PEOPLE.len(), 0..3)), 0..4),
        vec(any::<Index>(), 0..3),
    )
        .prop_map(
            |(forum, place, gap, chair, delegations, agenda)| MeetingShape {
                forum,
                place,
                gap,
                chair,
                delegations,
                agenda,
            },
        )
}

fn person((name, role): (&str, &str)) -> Delegate {
    Delegate::new(name).with_role(role)
}

fn build_meeting(n: &Negotiation, id: MeetingId, shape: &MeetingShape) -> Meeting {
    let last = n
        .proposals()
        .filter_map(|p| p.date)
        .max()
        .unwrap_or_else(|| day(26_000));
    let mut m = Meeting::new(
        id,
        FORUMS[shape.forum],
        last.saturating_add(i64::from(shape.gap).days()),
    );
    m.place = shape.place.map(|i| PLACES[i].to_owned());
    m.chair = shape.chair.map(|i| person(PEOPLE[i]));
    let parties: Vec<&PartyId> = n.parties().map(Party::id).collect();
    for (who, people) in &shape.delegations {
        if parties.is_empty() {
            break;
        }
        let party = parties[who.index(parties.len())];
        if m.delegations.iter().any(|d| d.party == *party) {
            continue;
        }
        let mut d = Delegation::new(party.clone());
        d.delegates = people.iter().map(|&i| person(PEOPLE[i])).collect();
        m.delegations.push(d);
    }
    let proposals: Vec<&ProposalId> = n.proposals().map(Proposal::id).collect();
    for item in &shape.agenda {
        if proposals.is_empty() {
            break;
        }
        let p = proposals[item.index(proposals.len())];
        if !m.agenda.contains(p) {
            m.agenda.push(p.clone());
        }
    }
    m
}

/// A meeting with id `id` of `n`'s parties about `n`'s proposals, dated after its proposals.
pub fn meeting(n: &Negotiation, id: MeetingId) -> BoxedStrategy<Meeting> {
    let n = Arc::new(n.clone());
    meeting_shape()
        .prop_map(move |shape| build_meeting(&n, id.clone(), &shape))
        .boxed()
}

/// A whole negotiation within `limits`: 2 or more states, alliances of some of them, proposals
/// that answer and supersede earlier ones, meetings. It validates with no problem at all.
pub fn negotiation(limits: Limits) -> BoxedStrategy<Negotiation> {
    let max_states = limits.max_states.clamp(2, STATES.len());
    let max_alliances = limits.max_alliances.min(ALLIANCES.len());
    (
        2..=max_states,
        vec(party_shape(max_states), 0..=max_alliances),
        vec(proposal_shape(&limits), 1..=limits.max_proposals.max(1)),
        vec(meeting_shape(), 0..=limits.max_meetings),
    )
        .prop_map(|(states, alliances, proposals, meetings)| {
            let mut n = Negotiation::new("A generated negotiation");
            let ids: Vec<PartyId> = STATES[..states]
                .iter()
                .map(|(id, _)| PartyId::new(*id).expect("a valid id"))
                .collect();
            for (id, (_, name)) in ids.iter().zip(STATES) {
                let _ = n.add_party(Party::new(id.clone(), name, PartyKind::State));
            }
            for (shape, (id, name)) in alliances.iter().zip(ALLIANCES) {
                let party = build_party(
                    PartyId::new(id).expect("a valid id"),
                    name.to_owned(),
                    PartyKind::Alliance,
                    shape,
                    &ids,
                );
                // An alliance without members would count as a state for the proposals.
                if !party.members.is_empty() {
                    let _ = n.add_party(party);
                }
            }
            for (i, shape) in proposals.iter().enumerate() {
                let p = build_proposal(
                    &n,
                    ProposalId::new(format!("p{}", i + 1)).expect("a valid id"),
                    shape,
                );
                let _ = n.add_proposal(p);
            }
            for (i, shape) in meetings.iter().enumerate() {
                let m = build_meeting(
                    &n,
                    MeetingId::new(format!("m{}", i + 1)).expect("a valid id"),
                    shape,
                );
                let _ = n.add_meeting(m);
            }
            n
        })
        .boxed()
}
