//! pactum's generators, used through the public API only, exactly as a downstream crate would.
#![cfg(feature = "proptest")]

use pactum::strategy::{self, Limits};
use pactum::validate::{ProblemKind, Severity};
use pactum::{
    ClauseId, CommitmentId, MeetingId, Modality, Negotiation, PartyId, PartyRef, ProposalId,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestError, TestRunner};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PACTUM_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn ids(n: &Negotiation) -> Vec<PartyRef> {
    n.parties()
        .filter(|p| p.members.is_empty())
        .map(|p| PartyRef::party(p.id().clone()))
        .collect()
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn every_generated_negotiation_validates_clean(n in strategy::negotiation(Limits::default())) {
        let report = n.validate();
        prop_assert!(report.is_clean(), "{}", report);
    }

    #[test]
    fn generated_texts_carry_the_markers_of_their_commitments(n in strategy::negotiation(Limits::default())) {
        for p in n.proposals() {
            for c in p.walk() {
                let found = pactum::deontic::modalities(&c.text);
                for k in &c.commitments {
                    prop_assert!(k.modality == Modality::Statement || found.contains(&k.modality), "{}: {:?}", c.text, k.modality);
                }
                prop_assert!(!c.text.is_empty());
            }
        }
    }

    #[test]
    fn a_generated_proposal_fits_its_negotiation(
        (n, p) in strategy::negotiation(Limits::small()).prop_flat_map(|n| {
            let p = strategy::proposal(&n, "fresh".parse().unwrap(), Limits::default());
            (Just(n), p)
        })
    ) {
        let mut n = n;
        n.add_proposal(p).unwrap();
        prop_assert!(n.validate().is_clean(), "{}", n.validate());
    }

    #[test]
    fn generated_clauses_commitments_parties_and_meetings_fit(
        (n, clause, commitment, alliance, meeting) in strategy::negotiation(Limits::small()).prop_flat_map(|n| {
            let bound = n.proposals().next().unwrap().parties.clone();
            let members: Vec<PartyId> = ids(&n).iter().map(|r| r.named_party().clone()).collect();
            (
                Just(n.clone()),
                strategy::clause(&n, bound.clone(), "zz".parse().unwrap(), Limits::default()),
                strategy::commitment(&n, bound, "k".parse().unwrap()),
                strategy::party("ZZA".parse().unwrap(), members),
                strategy::meeting(&n, "zz-m".parse().unwrap()),
            )
        })
    ) {
        let mut n = n;
        // The clause's ids are unique under its own id.
        let mut seen = std::collections::HashSet::new();
        prop_assert!(clause.walk().all(|c| seen.insert(c.id.clone())));
        prop_assert!(clause.walk().all(|c| c.id == "zz" || c.id.as_str().starts_with("zz.")));
        prop_assert!(!commitment.obligors.is_empty());
        let first = n.proposals().next().unwrap().id().clone();
        let p = n.proposal_mut(first.as_str()).unwrap();
        p.clauses.push(clause);
        // A summary has no markers, so any commitment fits its text.
        let holder = pactum::Clause::new("zz-k".parse().unwrap(), "A summary.")
            .with_text_basis(pactum::TextBasis::Summary)
            .with_commitment(commitment);
        p.clauses.push(holder);
        n.add_party(alliance).unwrap();
        n.add_meeting(meeting).unwrap();
        prop_assert!(n.validate().is_clean(), "{}", n.validate());
    }

    #[test]
    fn every_injected_problem_is_reported_with_its_kind_at_its_location(
        bad in strategy::invalid_negotiation(Limits::small())
    ) {
        let report = bad.negotiation.validate();
        prop_assert!(
            report.problems().iter().any(|p| p.kind == bad.kind && p.location == bad.location),
            "expected {} at {}, got:\n{}", bad.kind, bad.location, report
        );
        let errors: Vec<_> = report.errors().map(|p| (p.kind, p.location.clone())).collect();
        match bad.kind.severity() {
            Severity::Error => prop_assert_eq!(errors, vec![(bad.kind, bad.location.clone())]),
            _ => prop_assert_eq!(errors, vec![]),
        }
    }

    #[test]
    fn validation_never_panics_and_is_deterministic(n in chaos()) {
        let first = n.validate();
        prop_assert_eq!(n.validate(), first);
    }

    /// Comparison, rendering and patching take whatever they are given: duplicate ids,
    /// dangling links, any text. A patch may refuse; nothing may panic.
    #[test]
    fn comparing_rendering_and_patching_never_panic(n in chaos()) {
        let ps: Vec<_> = n.proposals().collect();
        for a in &ps {
            for b in &ps {
                for options in [pactum::diff::Options::default(), pactum::diff::Options::default().without_ids()] {
                    let d = pactum::diff::compare_in(&n, a, b, &options);
                    let _ = pactum::render::text(&d);
                    let _ = pactum::render::markdown(&d);
                    let _ = d.for_party("A0");
                    if let Ok(rebuilt) = d.apply(a) {
                        prop_assert_eq!(&rebuilt, *b);
                    }
                    let _ = d.invert().apply(b);
                }
            }
        }
    }
}

#[cfg(feature = "serde")]
mod with_serde {
    use super::*;
    use pactum::format;

    proptest! {
        #![proptest_config(config(96))]

        #[test]
        fn round_trip_value_and_bytes(n in strategy::negotiation(Limits::default())) {
            let written = format::to_string(&n);
            let read = format::from_str(&written).unwrap();
            prop_assert_eq!(&read, &n);
            prop_assert_eq!(format::to_string(&read), written);
        }

        #[test]
        fn every_refusal_is_reported_with_its_kind_at_its_path(bad in strategy::unreadable_document(Limits::small())) {
            let err = format::from_slice(&bad.bytes).unwrap_err();
            prop_assert_eq!((err.kind(), err.path()), (bad.kind, bad.path.as_str()), "{}", err);
        }
    }

    #[test]
    fn every_refusal_of_the_reader_is_covered() {
        for &kind in &strategy::REFUSALS {
            let mut runner = TestRunner::new(Config {
                cases: 8,
                failure_persistence: None,
                ..Config::default()
            });
            runner
                .run(
                    &strategy::unreadable_document_of(kind, Limits::small()),
                    |bad| {
                        let err = format::from_slice(&bad.bytes).unwrap_err();
                        prop_assert_eq!(
                            (err.kind(), err.path()),
                            (kind, bad.path.as_str()),
                            "{}",
                            err
                        );
                        Ok(())
                    },
                )
                .unwrap();
        }
    }
}

#[test]
fn every_problem_kind_is_covered_by_an_injection() {
    for &kind in ProblemKind::ALL {
        let mut runner = TestRunner::new(Config {
            cases: 8,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(
                &strategy::invalid_negotiation_of(kind, Limits::small()),
                |bad| {
                    let report = bad.negotiation.validate();
                    prop_assert!(
                        report
                            .problems()
                            .iter()
                            .any(|p| p.kind == kind && p.location == bad.location),
                        "expected {} at {}, got:\n{}",
                        kind,
                        bad.location,
                        report
                    );
                    Ok(())
                },
            )
            .unwrap();
    }
}

#[test]
fn a_failing_case_shrinks_to_a_small_document() {
    // A property that fails as soon as any clause has a child: the minimal counterexample is
    // one proposal whose one clause has one child.
    let mut runner = TestRunner::new(Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy::negotiation(Limits::default()), |n| {
        prop_assert!(
            n.proposals()
                .all(|p| p.walk().all(|c| c.children().is_empty()))
        );
        Ok(())
    });
    let Err(TestError::Fail(_, minimal)) = result else {
        panic!("the property should fail: {result:?}")
    };
    assert_eq!(minimal.proposals().len(), 1, "{minimal:#?}");
    let p = minimal.proposals().next().unwrap();
    assert_eq!(p.clauses.len(), 1, "{p:#?}");
    assert_eq!(p.walk().count(), 2, "{p:#?}");
    assert!(
        minimal.parties().len() <= 2,
        "{:?}",
        minimal.parties().map(|p| p.id()).collect::<Vec<_>>()
    );
    assert!(minimal.meetings().next().is_none());
}

#[test]
fn arbitrary_ids_are_valid_ids() {
    let mut runner = TestRunner::deterministic();
    for _ in 0..256 {
        let (p, q, c, k, m) = any::<(PartyId, ProposalId, ClauseId, CommitmentId, MeetingId)>()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        assert_eq!(p.as_str().parse::<PartyId>().unwrap(), p);
        assert!(q.as_str().parse::<ProposalId>().is_ok());
        assert!(c.as_str().parse::<ClauseId>().is_ok());
        assert!(k.as_str().parse::<CommitmentId>().is_ok());
        assert!(m.as_str().parse::<MeetingId>().is_ok());
    }
}

/// Negotiations with no regard for the rules: ids that repeat, references to anything, any
/// text. Validation must report and never panic.
fn chaos() -> impl Strategy<Value = Negotiation> {
    use pactum::{Clause, Commitment, Membership, Party, PartyKind, Proposal, Scope, Status};
    let small_id = || "[A-C][0-2]?";
    let party_ref = move || {
        prop_oneof![
            small_id().prop_map(|s| PartyRef::party(s.parse().unwrap())),
            (small_id(), proptest::option::of(0..30_000i32)).prop_map(|(s, d)| {
                PartyRef::members_of(
                    s.parse().unwrap(),
                    d.map(|d| {
                        jiff::civil::date(1950, 1, 1).saturating_add(jiff::Span::new().days(d))
                    }),
                )
            }),
        ]
    };
    let commitment = (
        small_id(),
        vec(party_ref(), 0..3),
        any::<Modality>(),
        any::<Scope>(),
    )
        .prop_map(|(id, obligors, modality, scope)| {
            let mut c = Commitment::new(id.parse().unwrap(), modality, "act");
            c.obligors = obligors;
            c.scope = scope;
            c
        });
    let text = prop_oneof![
        Just(String::new()),
        "[a-z ]{0,20}",
        Just("They shall not, may or should act.".to_owned())
    ];
    let leaf = (
        small_id(),
        proptest::option::of("(Article )?[0-9ivx]{1,3}[.)]?"),
        text,
        vec(commitment, 0..3),
        vec(small_id(), 0..2),
    )
        .prop_map(|(id, number, text, commitments, answers)| {
            let mut c = Clause::new(id.parse().unwrap(), text);
            c.number = number;
            c.commitments = commitments;
            c.answers = answers.into_iter().map(|a| a.parse().unwrap()).collect();
            c
        });
    let tree = leaf.prop_recursive(3, 24, 4, |inner| {
        (inner.clone(), vec(inner, 0..4)).prop_map(|(mut parent, children)| {
            for child in children {
                let _ = parent.push_child(child);
            }
            parent
        })
    });
    let proposal = (
        small_id(),
        small_id(),
        vec(party_ref(), 0..3),
        proptest::option::of(small_id()),
        proptest::option::of(small_id()),
        vec(tree, 0..4),
        proptest::option::of(0..30_000i32),
        any::<Status>(),
    )
        .prop_map(
            |(id, proposer, parties, answers, supersedes, clauses, day, status)| {
                let mut p = Proposal::new(id.parse().unwrap(), "t", proposer.parse().unwrap());
                p.parties = parties;
                p.answers = answers.map(|a| a.parse().unwrap());
                p.supersedes = supersedes.map(|s| s.parse().unwrap());
                p.clauses = clauses;
                p.date = day.map(|d| {
                    jiff::civil::date(1950, 1, 1).saturating_add(jiff::Span::new().days(d))
                });
                p.status = status;
                p
            },
        );
    let party = (
        small_id(),
        any::<PartyKind>(),
        vec(
            (small_id(), 0..30_000i32, proptest::option::of(0..30_000i32)),
            0..3,
        ),
    )
        .prop_map(|(id, kind, members)| {
            let mut p = Party::new(id.parse().unwrap(), "p", kind);
            let day =
                |d: i32| jiff::civil::date(1950, 1, 1).saturating_add(jiff::Span::new().days(d));
            p.members = members
                .into_iter()
                .map(|(m, since, until)| {
                    let mut m = Membership::new(m.parse().unwrap(), day(since));
                    m.until = until.map(day);
                    m
                })
                .collect();
            p
        });
    (vec(party, 0..6), vec(proposal, 0..4)).prop_map(|(parties, proposals)| {
        let mut n = Negotiation::new("chaos");
        for p in parties {
            let _ = n.add_party(p);
        }
        for p in proposals {
            let _ = n.add_proposal(p);
        }
        n
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A clause given the longest id an id may have still has valid, distinct ids all the way
    /// down (its children's ids would otherwise pass the limit).
    #[test]
    fn a_clause_with_the_longest_id_gets_valid_descendants(
        (n, clause) in strategy::negotiation(Limits::small()).prop_flat_map(|n| {
            let bound = n.proposals().next().unwrap().parties.clone();
            let id: pactum::ClauseId = "z".repeat(pactum::id::MAX_ID_LEN).parse().unwrap();
            (Just(n.clone()), strategy::clause(&n, bound, id, Limits::default()))
        })
    ) {
        let _ = n;
        let mut seen = std::collections::HashSet::new();
        prop_assert!(clause.walk().all(|c| seen.insert(c.id.clone())));
        prop_assert!(clause.walk().all(|c| c.id.as_str().len() <= pactum::id::MAX_ID_LEN));
    }
}
