//! Documents with one known problem each, and where it must be reported.

use jiff::ToSpan;
use jiff::civil::date;
use proptest::prelude::*;
use proptest::sample::Index;

use super::{Limits, negotiation};
use crate::id::{ClauseId, CommitmentId, PartyId, ProposalId};
use crate::validate::{Location, ProblemKind};
use crate::{
    Clause, Commitment, Membership, Modality, Negotiation, Party, PartyKind, PartyRef, Proposal,
};

/// A negotiation with one injected problem, and where validation must report it.
///
/// For a problem of severity error, it is the only error of the report; a warning may come
/// with other warnings that the injection causes (an obligor left outside a proposal that binds
/// too few parties, say), never with an error.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InvalidNegotiation {
    /// The negotiation.
    pub negotiation: Negotiation,
    /// The kind of problem injected.
    pub kind: ProblemKind,
    /// Where validation must report it.
    pub location: Location,
}

/// A valid negotiation within `limits` with one problem of each kind of
/// [`ProblemKind::ALL`] injected (one kind per value, every kind covered).
///
/// ```
/// use pactum::strategy::{self, Limits};
/// use proptest::prelude::*;
///
/// proptest!(|(bad in strategy::invalid_negotiation(Limits::small()))| {
///     let report = bad.negotiation.validate();
///     prop_assert!(report.problems().iter().any(|p| p.kind == bad.kind && p.location == bad.location));
/// });
/// ```
pub fn invalid_negotiation(limits: Limits) -> BoxedStrategy<InvalidNegotiation> {
    proptest::sample::select(ProblemKind::ALL)
        .prop_flat_map(move |kind| invalid_negotiation_of(kind, limits.clone()))
        .boxed()
}

/// Like [`invalid_negotiation`], with a problem of the given kind.
pub fn invalid_negotiation_of(
    kind: ProblemKind,
    limits: Limits,
) -> BoxedStrategy<InvalidNegotiation> {
    (negotiation(limits), any::<Index>())
        .prop_map(move |(mut n, which)| {
            let location = inject(&mut n, kind, &which);
            InvalidNegotiation {
                negotiation: n,
                kind,
                location,
            }
        })
        .boxed()
}

fn id<T: std::str::FromStr>(s: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().expect("a valid id")
}

/// Makes sure the first clause of `p` has a commitment: adds a statement, which no text
/// contradicts, when it has none.
fn ensure_commitment(p: &mut Proposal) {
    let first = &mut p.clauses[0];
    if first.commitments.is_empty() {
        let c = Commitment::new(id("zz-k"), Modality::Statement, "consult one another")
            .with_obligor(PartyRef::party(p.proposer.clone()));
        first.commitments.push(c);
    }
}

fn filler(clause_id: &str) -> Clause {
    Clause::new(id(clause_id), "This provision concerns arms control.")
}

/// Injects a problem of `kind` into `n` and returns where validation must report it.
fn inject(n: &mut Negotiation, kind: ProblemKind, which: &Index) -> Location {
    let ids: Vec<ProposalId> = n.proposals().map(|p| p.id().clone()).collect();
    let pid = ids[which.index(ids.len())].clone();
    let at = Location::root().id("proposals", &pid);
    let p = n.proposal_mut(pid.as_str()).expect("the proposal exists");
    let first = at.id("clauses", &p.clauses[0].id);
    let top = p.clauses.len();
    let answering =
        |p: &Proposal, answers: Option<ProposalId>, links: Vec<ClauseId>, shift: i64| {
            let mut a = Proposal::new(id("zz-answer"), "An answer", p.proposer.clone());
            a.parties = p.parties.clone();
            a.date = p.date.map(|d| d.saturating_add(shift.days()));
            a.answers = answers;
            let mut clause = filler("a1");
            clause.answers = links;
            a.clauses.push(clause);
            a
        };
    match kind {
        ProblemKind::UnknownParty => {
            p.proposer = id("ZZ");
            at.field("proposer")
        }
        ProblemKind::UnknownProposal => {
            p.supersedes = Some(id("zz-missing"));
            at.field("supersedes")
        }
        ProblemKind::UnknownClause => {
            let a = answering(p, Some(pid.clone()), vec![id("zz-missing")], 0);
            n.add_proposal(a).expect("zz-answer is a new id");
            Location::root()
                .id("proposals", "zz-answer")
                .id("clauses", "a1")
                .index("answers", 0)
        }
        ProblemKind::AnswerLinkWithoutTarget => {
            let a = answering(p, None, vec![p.clauses[0].id.clone()], 0);
            n.add_proposal(a).expect("zz-answer is a new id");
            Location::root()
                .id("proposals", "zz-answer")
                .id("clauses", "a1")
                .field("answers")
        }
        ProblemKind::LinkCycle => {
            p.supersedes = Some(pid.clone());
            at.field("supersedes")
        }
        ProblemKind::MembershipCycle => {
            let states: Vec<PartyId> = n.parties().take(2).map(|p| p.id().clone()).collect();
            let since = date(2000, 1, 1);
            let [a, b] = [&states[0], &states[1]];
            n.party_mut(a.as_str())
                .expect("exists")
                .members
                .push(Membership::new(b.clone(), since));
            n.party_mut(b.as_str())
                .expect("exists")
                .members
                .push(Membership::new(a.clone(), since));
            Location::root().id("parties", a).index("members", 0)
        }
        ProblemKind::NoObligor => {
            ensure_commitment(p);
            let c = &mut p.clauses[0].commitments[0];
            c.obligors.clear();
            first.id("commitments", &c.id).field("obligors")
        }
        ProblemKind::EmptyClause => {
            p.clauses.push(Clause::new(id("zz-empty"), ""));
            at.id("clauses", "zz-empty")
        }
        ProblemKind::TooFewParties => {
            p.parties = vec![PartyRef::party(p.proposer.clone())];
            at.field("parties")
        }
        ProblemKind::AnswersLaterProposal => {
            let a = answering(p, Some(pid.clone()), Vec::new(), -1);
            n.add_proposal(a).expect("zz-answer is a new id");
            Location::root()
                .id("proposals", "zz-answer")
                .field("answers")
        }
        ProblemKind::DuplicateClauseId => {
            let twin = p.clauses[0].id.clone();
            p.clauses
                .push(Clause::new(twin, "This provision concerns arms control."));
            at.index("clauses", top).field("id")
        }
        ProblemKind::DuplicateCommitmentId => {
            ensure_commitment(p);
            let twin = p.clauses[0].commitments[0].clone();
            p.clauses[0].commitments.push(twin);
            first
                .index("commitments", p.clauses[0].commitments.len() - 1)
                .field("id")
        }
        ProblemKind::InvalidDateRange => {
            ensure_commitment(p);
            let c = &mut p.clauses[0].commitments[0];
            c.scope.from = Some(date(2001, 1, 2));
            c.scope.until = Some(date(2001, 1, 1));
            first.id("commitments", &c.id).field("scope")
        }
        ProblemKind::DuplicateNumber => {
            let number = p.clauses[0]
                .number
                .clone()
                .unwrap_or_else(|| "Article 1".to_owned());
            p.clauses[0].number = Some(number.clone());
            p.clauses.push(filler("zz-dup").with_number(number));
            at.id("clauses", "zz-dup").field("number")
        }
        ProblemKind::NumberingGap => {
            p.clauses
                .push(filler("zz-gap").with_number(format!("Article {}", top + 2)));
            at.id("clauses", "zz-gap").field("number")
        }
        ProblemKind::NumberingDisorder => {
            p.clauses.push(filler("zz-zero").with_number("Article 0"));
            at.id("clauses", "zz-zero").field("number")
        }
        ProblemKind::ObligorNotParty => {
            ensure_commitment(p);
            let c = &mut p.clauses[0].commitments[0];
            c.obligors.push(PartyRef::party(id("ZZ")));
            let location = first
                .id("commitments", &c.id)
                .index("obligors", c.obligors.len() - 1);
            n.add_party(Party::new(id("ZZ"), "Zembla", PartyKind::State))
                .expect("ZZ is a new id");
            location
        }
        ProblemKind::UncommittedDeonticText => {
            p.clauses.push(Clause::new(
                id("zz-text"),
                "The Parties shall consult one another on arms control.",
            ));
            at.id("clauses", "zz-text").field("text")
        }
        ProblemKind::ModalityContradictsText => {
            let c = Commitment::new(
                id::<CommitmentId>("k1"),
                Modality::Permission,
                "consult one another",
            )
            .with_obligor(PartyRef::party(p.proposer.clone()));
            p.clauses.push(
                Clause::new(id("zz-mod"), "The Parties shall consult one another.")
                    .with_commitment(c),
            );
            at.id("clauses", "zz-mod")
                .id("commitments", "k1")
                .field("modality")
        }
        // Bracketed texts: the problem stands at the byte where the fault is.
        ProblemKind::UnbalancedBracket => {
            bracketed(p, &at, "This provision [concerns arms control.", "[")
        }
        ProblemKind::EmptyBracket => {
            bracketed(p, &at, "This provision [] concerns arms control.", "[")
        }
        ProblemKind::BracketTooDeep => {
            let deep = crate::brackets::MAX_BRACKET_DEPTH + 1;
            let text = format!("This {}arms{} control.", "[".repeat(deep), "]".repeat(deep));
            let past = format!("{}a", "[".repeat(deep - crate::brackets::MAX_BRACKET_DEPTH));
            bracketed(p, &at, &text, &past)
        }
        ProblemKind::InvalidSupporters => bracketed(
            p,
            &at,
            "This provision [concerns]{not an id} arms control.",
            "not",
        ),
        ProblemKind::IdenticalOptions => bracketed(
            p,
            &at,
            "This provision [concerns][concerns] arms control.",
            "[",
        ),
    }
}

/// Adds a bracketed clause with `text`, and gives the location of the byte where `fault`
/// first stands in it.
fn bracketed(p: &mut Proposal, at: &Location, text: &str, fault: &str) -> Location {
    let offset = text.find(fault).expect("the fault is in the text");
    p.clauses
        .push(Clause::new(id("zz-brackets"), text).with_brackets());
    at.id("clauses", "zz-brackets").index("text", offset)
}

#[cfg(feature = "serde")]
pub use unreadable::{UnreadableDocument, unreadable_document, unreadable_document_of};

#[cfg(feature = "serde")]
mod unreadable {
    use proptest::prelude::*;
    use proptest::sample::Index;
    use serde_json::{Value, json};

    use super::super::{Limits, negotiation};
    use crate::MAX_CLAUSE_DEPTH;
    use crate::format::{self, ReadErrorKind};

    /// Bytes the reader must refuse, with the error kind and the path it must report.
    #[derive(Debug, Clone)]
    #[non_exhaustive]
    pub struct UnreadableDocument {
        /// The bytes to read.
        pub bytes: Vec<u8>,
        /// The kind of [`ReadError`](crate::format::ReadError) the reader must return.
        pub kind: ReadErrorKind,
        /// The path it must report (empty for problems with the bytes or the syntax).
        pub path: String,
    }

    /// The refusals [`unreadable_document`] covers: every kind a reader of bytes can return.
    /// ([`ReadErrorKind::Io`] needs a file; [`ReadErrorKind::InvalidValue`] is kept for values
    /// no current field can hold.)
    pub const REFUSALS: [ReadErrorKind; 15] = [
        ReadErrorKind::Empty,
        ReadErrorKind::InvalidUtf8,
        ReadErrorKind::Syntax,
        ReadErrorKind::UnexpectedEof,
        ReadErrorKind::WrongType,
        ReadErrorKind::UnknownField,
        ReadErrorKind::MissingField,
        ReadErrorKind::DuplicateField,
        ReadErrorKind::UnknownVariant,
        ReadErrorKind::InvalidId,
        ReadErrorKind::InvalidDate,
        ReadErrorKind::DuplicateId,
        ReadErrorKind::TooDeep,
        ReadErrorKind::UnsupportedVersion,
        ReadErrorKind::InvalidBrackets,
    ];

    /// A valid document within `limits`, written by [`format::to_string`], then broken in one
    /// way of each kind of [`REFUSALS`] (one kind per value).
    ///
    /// ```
    /// use pactum::strategy::{self, Limits};
    /// use proptest::prelude::*;
    ///
    /// proptest!(|(bad in strategy::unreadable_document(Limits::small()))| {
    ///     let err = pactum::format::from_slice(&bad.bytes).unwrap_err();
    ///     prop_assert_eq!((err.kind(), err.path()), (bad.kind, bad.path.as_str()));
    /// });
    /// ```
    pub fn unreadable_document(limits: Limits) -> BoxedStrategy<UnreadableDocument> {
        proptest::sample::select(&REFUSALS[..])
            .prop_flat_map(move |kind| unreadable_document_of(kind, limits.clone()))
            .boxed()
    }

    /// Like [`unreadable_document`], broken in the way of the given kind, which must be one of
    /// [`REFUSALS`].
    pub fn unreadable_document_of(
        kind: ReadErrorKind,
        limits: Limits,
    ) -> BoxedStrategy<UnreadableDocument> {
        assert!(REFUSALS.contains(&kind), "{kind:?} is not among REFUSALS");
        (negotiation(limits), any::<Index>(), any::<Index>())
            .prop_map(move |(n, which, cut)| {
                let text = format::to_string(&n);
                let (bytes, path) = break_document(&text, kind, &which, &cut);
                UnreadableDocument { bytes, kind, path }
            })
            .boxed()
    }

    fn break_document(
        text: &str,
        kind: ReadErrorKind,
        which: &Index,
        cut: &Index,
    ) -> (Vec<u8>, String) {
        let mut doc: Value = serde_json::from_str(text).expect("a written document is JSON");
        let parties = doc["parties"].as_array().map_or(0, Vec::len);
        let proposals = doc["proposals"].as_array().map_or(0, Vec::len);
        let party = which.index(parties.max(1));
        let proposal = which.index(proposals.max(1));
        let raw = |s: String, path: &str| (s.into_bytes(), path.to_owned());
        let first_party = doc["parties"][0]["id"].clone();
        let mut set = |pointer: String, value: Value, path: String| {
            *doc.pointer_mut(&pointer).expect("the pointer exists") = value;
            (serde_json::to_vec(&doc).expect("a value serializes"), path)
        };
        match kind {
            ReadErrorKind::Empty => raw([" ", "", "\n\t \r\n"][cut.index(3)].to_owned(), ""),
            ReadErrorKind::InvalidUtf8 => {
                let at = text.find("\"title\": \"").expect("a document has a title") + 10;
                let mut bytes = text.as_bytes().to_vec();
                bytes.insert(at, 0xff);
                (bytes, String::new())
            }
            ReadErrorKind::Syntax => raw(text.replacen(',', "", 1), ""),
            ReadErrorKind::UnexpectedEof => {
                // Any proper prefix of the object that keeps its first byte and drops its
                // closing brace; generated texts are ASCII, so every cut is a char boundary.
                let end = 1 + cut.index(text.trim_end().len() - 1);
                raw(text[..end].to_owned(), "")
            }
            ReadErrorKind::WrongType => set(
                format!("/parties/{party}/name"),
                json!(7),
                format!("$.parties[{party}].name"),
            ),
            ReadErrorKind::UnknownField => {
                doc["proposals"][proposal]["zz_extra"] = json!(1);
                (
                    serde_json::to_vec(&doc).expect("a value serializes"),
                    format!("$.proposals[{proposal}].zz_extra"),
                )
            }
            ReadErrorKind::MissingField => {
                doc["proposals"][proposal]
                    .as_object_mut()
                    .expect("an object")
                    .remove("title");
                (
                    serde_json::to_vec(&doc).expect("a value serializes"),
                    format!("$.proposals[{proposal}]"),
                )
            }
            ReadErrorKind::DuplicateField => {
                raw(text.replacen('{', "{\"title\": \"twice\",", 1), "$")
            }
            ReadErrorKind::UnknownVariant => set(
                format!("/parties/{party}/kind"),
                json!("empire"),
                format!("$.parties[{party}].kind"),
            ),
            ReadErrorKind::InvalidId => set(
                format!("/proposals/{proposal}/id"),
                json!("not an id"),
                format!("$.proposals[{proposal}].id"),
            ),
            ReadErrorKind::InvalidDate => set(
                format!("/proposals/{proposal}/date"),
                json!("2021-02-30"),
                format!("$.proposals[{proposal}].date"),
            ),
            ReadErrorKind::DuplicateId => set(
                "/parties/1/id".to_owned(),
                first_party,
                "$.parties[1].id".to_owned(),
            ),
            ReadErrorKind::TooDeep => {
                let mut chain = json!({"id": "zz-leaf", "text": "t"});
                for level in 1..=MAX_CLAUSE_DEPTH {
                    chain = json!({"id": format!("zz-{level}"), "text": "t", "children": [chain]});
                }
                let clauses = doc["proposals"][proposal]["clauses"]
                    .as_array_mut()
                    .expect("an array");
                clauses.push(chain);
                let at = clauses.len() - 1;
                (
                    serde_json::to_vec(&doc).expect("a value serializes"),
                    format!("$.proposals[{proposal}].clauses[{at}]"),
                )
            }
            ReadErrorKind::UnsupportedVersion => {
                set("/pactum".to_owned(), json!("2.0"), "$.pactum".to_owned())
            }
            ReadErrorKind::InvalidBrackets => {
                // Two brackets side by side would read back as one set of alternatives.
                let text = json!(["a", {"optional": {"text": "b"}}, {"optional": {"text": "c"}}]);
                let clauses = doc["proposals"][proposal]["clauses"]
                    .as_array_mut()
                    .expect("an array");
                clauses.push(json!({"id": "zz-brackets", "text": text}));
                let at = clauses.len() - 1;
                (
                    serde_json::to_vec(&doc).expect("a value serializes"),
                    format!("$.proposals[{proposal}].clauses[{at}].text"),
                )
            }
            ReadErrorKind::Io | ReadErrorKind::InvalidValue => {
                unreachable!("{kind:?} is not among REFUSALS")
            }
        }
    }
}

#[cfg(feature = "serde")]
pub use unreadable::REFUSALS;
