//! Commitments and clause trees: their shapes, drawn by proptest, and the values built from
//! them with texts that state exactly the commitments they record.

use std::sync::Arc;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

use super::Limits;
use super::vocabulary::{ActionSeed, CONDITIONS, EXCEPTIONS, TOPICS, action_seed, day};
use crate::id::{ClauseId, CommitmentId};
use crate::{
    Clause, ClauseKind, Commitment, LegalForce, Modality, Negotiation, PartyRef, TextBasis,
};

#[derive(Debug, Clone)]
struct CommitmentShape {
    modality: Modality,
    action: ActionSeed,
    obligors: Vec<Index>,
    beneficiary: Option<Index>,
    scoped: bool,
    condition: Option<usize>,
    exception: Option<usize>,
    force: LegalForce,
    period: Option<(i32, i32)>,
}

fn commitment_shape() -> impl Strategy<Value = CommitmentShape> {
    (
        any::<Modality>(),
        action_seed(),
        vec(any::<Index>(), 1..3),
        proptest::option::weighted(0.3, any::<Index>()),
        any::<bool>(),
        proptest::option::weighted(0.2, 0..CONDITIONS.len()),
        proptest::option::weighted(0.2, 0..EXCEPTIONS.len()),
        any::<LegalForce>(),
        proptest::option::weighted(0.2, (20_000..27_000i32, 0..4_000i32)),
    )
        .prop_map(
            |(
                modality,
                action,
                obligors,
                beneficiary,
                scoped,
                condition,
                exception,
                force,
                period,
            )| {
                CommitmentShape {
                    modality,
                    action,
                    obligors,
                    beneficiary,
                    scoped,
                    condition,
                    exception,
                    force,
                    period,
                }
            },
        )
}

#[derive(Debug, Clone)]
pub(super) struct ClauseShape {
    commitments: Vec<CommitmentShape>,
    filler: Option<usize>,
    heading: Option<usize>,
    basis: TextBasis,
    answer: Option<Index>,
    children: Vec<ClauseShape>,
}

type NodeParts = (
    Vec<CommitmentShape>,
    Option<usize>,
    Option<usize>,
    TextBasis,
    Option<Index>,
);

pub(super) fn clause_shape(limits: &Limits) -> BoxedStrategy<ClauseShape> {
    let max_commitments = limits.max_commitments;
    let node = move || -> BoxedStrategy<NodeParts> {
        (
            vec(commitment_shape(), 0..=max_commitments),
            proptest::option::of(0..TOPICS.len()),
            proptest::option::weighted(0.3, 0..TOPICS.len()),
            any::<TextBasis>(),
            proptest::option::weighted(0.5, any::<Index>()),
        )
            .boxed()
    };
    let leaf = node()
        .prop_map(
            |(commitments, filler, heading, basis, answer)| ClauseShape {
                commitments,
                filler,
                heading,
                basis,
                answer,
                children: Vec::new(),
            },
        )
        .boxed();
    let mut level = leaf;
    for _ in 1..limits.depth() {
        level = (node(), vec(level, 0..=limits.children()))
            .prop_map(
                |((commitments, filler, heading, basis, answer), children)| ClauseShape {
                    commitments,
                    filler,
                    heading,
                    basis,
                    answer,
                    children,
                },
            )
            .boxed();
    }
    level
}

/// What a proposal's texts need to know of the parties: the references it binds and how to
/// name each in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Cast {
    bound: Vec<PartyRef>,
    names: Vec<String>,
}

impl Cast {
    pub(super) fn new(n: &Negotiation, bound: Vec<PartyRef>) -> Self {
        let names = bound
            .iter()
            .map(|r| {
                let name = n
                    .party(r.named_party().as_str())
                    .map_or_else(|| r.named_party().to_string(), |p| p.name.clone());
                match r {
                    PartyRef::Party(_) => name,
                    PartyRef::MembersOf { .. } => format!("the member States of the {name}"),
                }
            })
            .collect();
        Cast { bound, names }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Builds a commitment and the sentence that states it.
fn build_commitment(
    shape: &CommitmentShape,
    id: CommitmentId,
    cast: &Cast,
) -> (Commitment, String) {
    let mut chosen: Vec<usize> = shape
        .obligors
        .iter()
        .map(|i| i.index(cast.bound.len()))
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    let (phrase, area) = shape.action.phrase();
    let mut c = Commitment::new(id, shape.modality, phrase.clone());
    c.obligors = chosen.iter().map(|&i| cast.bound[i].clone()).collect();
    if let Some(b) = &shape.beneficiary {
        c.beneficiaries
            .push(cast.bound[b.index(cast.bound.len())].clone());
    }
    if let (true, Some(area)) = (shape.scoped, area) {
        c.scope.areas.push(area.to_owned());
    }
    if let Some((start, length)) = shape.period {
        c.scope.from = Some(day(start));
        c.scope.until = Some(day(start + length));
    }
    c.conditions
        .extend(shape.condition.map(|i| CONDITIONS[i].to_owned()));
    c.exceptions
        .extend(shape.exception.map(|i| EXCEPTIONS[i].to_owned()));
    c.force = shape.force;

    let all = chosen.len() == cast.bound.len() && chosen.len() > 1;
    let (subject, plural) = if all {
        ("The Parties".to_owned(), true)
    } else {
        let names: Vec<&str> = chosen.iter().map(|&i| cast.names[i].as_str()).collect();
        let plural = names.len() > 1 || matches!(cast.bound[chosen[0]], PartyRef::MembersOf { .. });
        (capitalize(&names.join(" and ")), plural)
    };
    let verb = match shape.modality {
        Modality::Obligation => "shall",
        Modality::Prohibition => "shall not",
        Modality::Permission => "may",
        Modality::Recommendation => "should",
        Modality::Discouragement => "should not",
        Modality::Offer if plural => "are prepared to",
        Modality::Offer => "is prepared to",
        Modality::Statement if plural => "reaffirm the aim to",
        _ => "reaffirms the aim to",
    };
    let mut sentence = format!("{subject} {verb} {phrase}");
    for condition in &c.conditions {
        sentence.push_str(&format!(", {condition}"));
    }
    for exception in &c.exceptions {
        sentence.push_str(&format!(", except {exception}"));
    }
    sentence.push('.');
    (c, sentence)
}

/// The displayed number of the `index`-th sibling at `level` (1 for top level).
fn number(level: usize, index: usize) -> String {
    const ROMAN: [&str; 26] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
    ];
    match level {
        1 => format!("Article {}", index + 1),
        2 => format!("{}.", index + 1),
        3 => format!("({})", char::from(b'a' + (index % 26) as u8)),
        4 => format!("({})", ROMAN[index % 26]),
        _ => format!("{})", index + 1),
    }
}

/// Builds a clause tree; ids are `prefix`, `prefix.1`, `prefix.1.2`, ..., so they are unique
/// under `prefix`. Answer links go to `answered` clause ids, when given.
pub(super) fn build_clause(
    shape: &ClauseShape,
    id: &str,
    level: usize,
    index: usize,
    cast: &Cast,
    answered: &[ClauseId],
) -> Clause {
    let mut sentences = Vec::new();
    let mut commitments = Vec::new();
    for (k, c) in shape.commitments.iter().enumerate() {
        let cid = CommitmentId::new(format!("k{}", k + 1)).expect("a valid id");
        let (commitment, sentence) = build_commitment(c, cid, cast);
        commitments.push(commitment);
        sentences.push(sentence);
    }
    if let Some(topic) = shape.filler.or(if sentences.is_empty() {
        Some(index % TOPICS.len())
    } else {
        None
    }) {
        sentences.push(format!("This provision concerns {}.", TOPICS[topic]));
    }
    let mut clause = Clause::new(ClauseId::new(id).expect("a valid id"), sentences.join(" "))
        .with_number(number(level, index));
    clause.commitments = commitments;
    clause.heading = shape.heading.map(|t| capitalize(TOPICS[t]));
    clause.kind = Some(match level {
        0 => ClauseKind::Article,
        1 => ClauseKind::Paragraph,
        _ => ClauseKind::Point,
    });
    // A summary has no deontic markers of its own, so only clauses without commitments are
    // summaries.
    clause.text_basis = match shape.basis {
        TextBasis::Summary if !clause.commitments.is_empty() => TextBasis::Verbatim,
        basis => basis,
    };
    if let (Some(link), false) = (&shape.answer, answered.is_empty()) {
        clause
            .answers
            .push(answered[link.index(answered.len())].clone());
    }
    for (i, child) in shape.children.iter().enumerate() {
        let child = build_clause(child, &child_id(id, i), level + 1, i, cast, answered);
        clause
            .push_child(child)
            .expect("the limits keep the depth within MAX_CLAUSE_DEPTH");
    }
    clause
}

/// The id of a clause's `i`th child: its parent's id and its number ("art-3.2"); where that
/// would pass [`MAX_ID_LEN`](crate::id::MAX_ID_LEN) (a long id given to [`clause`]), the
/// parent's id is replaced by a short digest of it, so ids stay valid and distinct.
fn child_id(parent: &str, i: usize) -> String {
    let id = format!("{parent}.{}", i + 1);
    if id.len() <= crate::id::MAX_ID_LEN {
        return id;
    }
    use std::hash::{Hash, Hasher};
    // The default hasher's keys are fixed: the same id gives the same digest in every run.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    parent.hash(&mut h);
    format!("x{:016x}.{}", h.finish(), i + 1)
}

/// One commitment binding some of `parties` (at least one; the list must not be empty), with an
/// action from a legal vocabulary.
pub fn commitment(
    n: &Negotiation,
    parties: Vec<PartyRef>,
    id: CommitmentId,
) -> BoxedStrategy<Commitment> {
    assert!(!parties.is_empty(), "a commitment needs parties to bind");
    let cast = Arc::new(Cast::new(n, parties));
    commitment_shape()
        .prop_map(move |shape| build_commitment(&shape, id.clone(), &cast).0)
        .boxed()
}

/// A clause tree with id `id` whose descendants' ids are `id.1`, `id.1.2`, ..., with
/// commitments binding some of `parties` (which must not be empty) and texts that state those
/// commitments with their deontic markers. The clause itself is unnumbered, so that it fits
/// among any siblings; its descendants are numbered "1.", "(a)", "(i)", ...
pub fn clause(
    n: &Negotiation,
    parties: Vec<PartyRef>,
    id: ClauseId,
    limits: Limits,
) -> BoxedStrategy<Clause> {
    assert!(!parties.is_empty(), "a clause needs parties to bind");
    let cast = Arc::new(Cast::new(n, parties));
    clause_shape(&limits)
        .prop_map(move |shape| {
            let mut clause = build_clause(&shape, id.as_str(), 1, 0, &cast, &[]);
            clause.number = None;
            clause
        })
        .boxed()
}
