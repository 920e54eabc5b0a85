//! The semantic diff: each classification and direction on a hand-made pair, the scenario's
//! classifications, and directions that reverse when the drafts are swapped.

use jiff::civil::date;
use pactum::diff::{
    CommitmentChange as K, CommitmentMatch, Direction, Excerpt, Options, compare, compare_in,
};
use pactum::{
    Clause, Commitment, LegalForce, Modality, Negotiation, Party, PartyKind, PartyRef, Proposal,
};

fn party(id: &str) -> PartyRef {
    PartyRef::party(id.parse().unwrap())
}

fn commitment(modality: Modality) -> Commitment {
    Commitment::new("c".parse().unwrap(), modality, "deploy missiles in Europe")
        .with_obligor(party("A"))
        .with_obligor(party("B"))
}

/// A one-clause proposal holding `c`, with a text that states its modality so that nothing is
/// inferred beside it.
fn holding(id: &str, c: Commitment) -> Proposal {
    let text = format!(
        "The Parties {} deploy missiles in Europe.",
        c.modality.marker()
    );
    Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap()).with_clause(
        Clause::new("art-1".parse().unwrap(), text)
            .with_number("Article 1")
            .with_commitment(c),
    )
}

/// The commitment changes of comparing two versions of one commitment.
fn changes(old: Commitment, new: Commitment) -> Vec<K> {
    let d = compare(
        &holding("v1", old),
        &holding("v2", new),
        &Options::default(),
    );
    assert!(d.commitments.len() <= 1, "{:?}", d.commitments);
    d.commitments.into_iter().flat_map(|c| c.changes).collect()
}

fn directions(changes: &[K]) -> Vec<(&'static str, Option<Direction>)> {
    changes.iter().map(|k| (k.name(), k.direction())).collect()
}

#[test]
fn modality_changes_each_way() {
    use Direction::*;
    use Modality::*;
    for (old, new, direction) in [
        (Obligation, Recommendation, Weakening),
        (Recommendation, Obligation, Strengthening),
        // "May" to "shall" lays a duty where there was a choice.
        (Permission, Obligation, Imposition),
        (Obligation, Permission, Lifting),
        (Obligation, Prohibition, Reversal),
        (Prohibition, Obligation, Reversal),
        (Prohibition, Permission, Lifting),
        (Permission, Prohibition, Imposition),
        (Prohibition, Discouragement, Weakening),
    ] {
        assert_eq!(
            changes(commitment(old), commitment(new)),
            [K::Modality {
                old,
                new,
                direction
            }],
            "{old} -> {new}"
        );
    }
}

#[test]
fn obligors_and_beneficiaries() {
    let more = commitment(Modality::Obligation).with_obligor(party("C"));
    assert_eq!(
        directions(&changes(commitment(Modality::Obligation), more.clone())),
        [("obligors", Some(Direction::Widening))]
    );
    assert_eq!(
        directions(&changes(more, commitment(Modality::Obligation))),
        [("obligors", Some(Direction::Narrowing))]
    );
    let towards = commitment(Modality::Obligation).with_beneficiary(party("C"));
    assert_eq!(
        directions(&changes(commitment(Modality::Obligation), towards)),
        [("beneficiaries", Some(Direction::Widening))]
    );
}

#[test]
fn group_obligors_are_resolved_to_the_states_they_add() {
    let mut n = Negotiation::new("t");
    let mut nato = Party::new("NATO".parse().unwrap(), "NATO", PartyKind::Alliance);
    for (id, since) in [
        ("BE", date(1949, 4, 4)),
        ("PL", date(1999, 3, 12)),
        ("EE", date(2004, 3, 29)),
    ] {
        n.add_party(Party::new(id.parse().unwrap(), id, PartyKind::State))
            .unwrap();
        nato = nato.with_member(id.parse().unwrap(), since);
    }
    n.add_party(nato).unwrap();
    let members = |as_of| {
        Commitment::new("c".parse().unwrap(), Modality::Prohibition, "deploy forces")
            .with_obligor(PartyRef::members_of("NATO".parse().unwrap(), as_of))
    };
    let mut old = holding("v1", members(Some(date(1997, 5, 27))));
    let mut new = holding("v2", members(None));
    old.date = Some(date(2021, 12, 17));
    new.date = Some(date(2021, 12, 17));
    let d = compare_in(&n, &old, &new, &Options::default());
    let [
        K::Obligors {
            parties_added,
            parties_removed,
            direction,
            ..
        },
    ] = d.commitments[0].changes.as_slice()
    else {
        panic!("{:?}", d.commitments)
    };
    assert_eq!(
        parties_added.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        ["PL", "EE"]
    );
    assert!(parties_removed.is_empty());
    assert_eq!(*direction, Direction::Widening);
    assert_eq!(d.commitments[0].old_obligors, ["BE"]);
    // Without the negotiation, the group cannot be resolved, only named.
    let d = compare(&old, &new, &Options::default());
    assert_eq!(d.commitments[0].old_obligors, ["NATO"]);
}

#[test]
fn scope_conditions_exceptions_and_force() {
    use Direction::*;
    let base = commitment(Modality::Prohibition);
    let mut two_areas = base.clone();
    two_areas.scope.areas = vec!["Europe".into(), "Arctic".into()];
    let mut europe = base.clone();
    europe.scope.areas = vec!["Europe".into()];
    assert_eq!(
        directions(&changes(base.clone(), europe.clone())),
        [("scope", Some(Narrowing))],
        "a first area bounds an unbounded scope"
    );
    assert_eq!(
        directions(&changes(europe.clone(), two_areas.clone())),
        [("scope", Some(Widening))]
    );
    assert_eq!(
        directions(&changes(two_areas, europe.clone())),
        [("scope", Some(Narrowing))]
    );
    let mut later = base.clone();
    later.scope.until = Some(date(2030, 1, 1));
    let mut longer = base.clone();
    longer.scope.until = Some(date(2040, 1, 1));
    assert_eq!(
        directions(&changes(later.clone(), longer)),
        [("scope", Some(Widening))]
    );
    assert_eq!(
        directions(&changes(base.clone(), later)),
        [("scope", Some(Narrowing))]
    );

    let conditioned = base.clone().with_condition("subject to reciprocity");
    assert_eq!(
        directions(&changes(base.clone(), conditioned.clone())),
        [("conditions", Some(Weakening))]
    );
    assert_eq!(
        directions(&changes(conditioned, base.clone())),
        [("conditions", Some(Strengthening))]
    );
    let excepted = base
        .clone()
        .with_exception("with the consent of all the Parties");
    assert_eq!(
        directions(&changes(base.clone(), excepted.clone())),
        [("exceptions", Some(Weakening))]
    );
    assert_eq!(
        directions(&changes(excepted, base.clone())),
        [("exceptions", Some(Strengthening))]
    );
    let political = base.clone().with_force(LegalForce::Political);
    assert_eq!(
        directions(&changes(base.clone(), political.clone())),
        [("force", Some(Weakening))]
    );
    assert_eq!(
        directions(&changes(political, base)),
        [("force", Some(Strengthening))]
    );
}

#[test]
fn reworded_actions_are_paired_and_shown() {
    let old = commitment(Modality::Prohibition);
    let mut new = old.clone();
    new.id = "other-id".parse().unwrap();
    new.action = "deploy nuclear missiles in Europe".into();
    let d = compare(
        &holding("v1", old),
        &holding("v2", new),
        &Options::default(),
    );
    assert_eq!(
        d.commitments[0].matched_by,
        Some(CommitmentMatch::Similarity)
    );
    let [K::Action { text }] = d.commitments[0].changes.as_slice() else {
        panic!("{:?}", d.commitments)
    };
    assert_eq!(text.new_text(), "deploy nuclear missiles in Europe");
}

#[test]
fn commitments_added_and_dropped() {
    let old = holding("v1", commitment(Modality::Obligation));
    let mut new = old.clone();
    new.clauses[0].commitments.push(
        Commitment::new(
            "d".parse().unwrap(),
            Modality::Obligation,
            "exchange threat assessments",
        )
        .with_obligor(party("A")),
    );
    let d = compare(&old, &new, &Options::default());
    assert_eq!(directions(&d.commitments[0].changes), [("added", None)]);
    assert_eq!(d.commitments[0].new_obligors, ["A"]);
    let d = compare(&new, &old, &Options::default());
    assert_eq!(directions(&d.commitments[0].changes), [("dropped", None)]);
    // A removed clause drops its commitments.
    let empty = Proposal::new("v3".parse().unwrap(), "Draft", "A".parse().unwrap());
    let d = compare(&old, &empty, &Options::default());
    assert_eq!(directions(&d.commitments[0].changes), [("dropped", None)]);
    assert_eq!(d.commitments[0].old_clause.as_ref().unwrap(), "art-1");
}

#[test]
fn without_commitments_a_changed_marker_is_inferred_from_the_text() {
    let old = text(
        "v1",
        "The Parties shall not deploy missiles. They shall consult.",
    );
    let d = compare(
        &old,
        &text(
            "v2",
            "The Parties should not deploy missiles. They shall consult.",
        ),
        &Options::default(),
    );
    assert_eq!(d.commitments.len(), 1);
    assert!(d.commitments[0].inferred());
    assert_eq!(
        d.commitments[0].changes,
        [K::Modality {
            old: Modality::Prohibition,
            new: Modality::Discouragement,
            direction: Direction::Weakening
        }]
    );
    // "shall not" became "shall": a reversal.
    let d = compare(
        &old,
        &text(
            "v2",
            "The Parties shall deploy missiles. They shall consult.",
        ),
        &Options::default(),
    );
    assert_eq!(
        d.commitments[0].changes[0].direction(),
        Some(Direction::Reversal)
    );
    // A marker dropped: the prohibition of the first sentence. Markers are compared within
    // aligned sentences, so the second sentence's "shall" is not taken for the first's
    // (compared in order over the clause, they once gave a reversal and a dropped marker).
    let d = compare(
        &old,
        &text("v2", "The Parties deploy missiles. They shall consult."),
        &Options::default(),
    );
    assert_eq!(
        directions(
            &d.commitments
                .iter()
                .flat_map(|c| c.changes.clone())
                .collect::<Vec<_>>()
        ),
        [("dropped", None)]
    );
    let dropped = d.commitments[0].old_excerpt.as_ref().unwrap();
    assert_eq!(dropped.marker, "shall not");
    assert_eq!(dropped.sentence, "The Parties shall not deploy missiles.");
    assert!(
        compare(&old, &old, &Options::default())
            .commitments
            .is_empty()
    );
}

#[test]
fn a_diff_seen_from_one_party() {
    let old = holding("v1", commitment(Modality::Obligation));
    let mut new = old.clone();
    new.clauses[0].commitments[0].modality = Modality::Recommendation;
    new.clauses[0].text = "The Parties should deploy missiles in Europe.".into();
    new.clauses.push(
        Clause::new("art-2".parse().unwrap(), "C may inspect.").with_commitment(
            Commitment::new("e".parse().unwrap(), Modality::Permission, "inspect")
                .with_obligor(party("C")),
        ),
    );
    let d = compare(&old, &new, &Options::default());
    assert_eq!(
        d.parties().iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        ["A", "B", "C"]
    );
    let c_only = d.for_party("C");
    assert_eq!(c_only.commitments.len(), 1);
    assert_eq!(c_only.clauses.len(), 1);
    assert_eq!(c_only.clauses[0].id(), "art-2");
    assert!(d.for_party("Z").commitments.is_empty());
}

#[cfg(feature = "serde")]
mod scenario {
    use super::*;
    use pactum::diff::Diff;

    fn scenario() -> Negotiation {
        pactum::format::from_str(include_str!("../examples/data/security-guarantees.json")).unwrap()
    }

    fn find<'a>(d: &'a Diff, old: &str) -> &'a pactum::diff::CommitmentDiff {
        d.commitments
            .iter()
            .find(|c| c.old.as_ref().is_some_and(|o| o.id == old))
            .unwrap_or_else(|| panic!("no change of {old}"))
    }

    #[test]
    fn what_russia_asked_and_what_the_us_answer_offers_instead() {
        let n = scenario();
        let d = compare_in(
            &n,
            n.proposal("ru-nato-2021-12-17").unwrap(),
            n.proposal("us-answer-2022-01-26").unwrap(),
            &Options::default(),
        );
        // Article 6's prohibition on enlargement, answered by support for the open door.
        let art6 = find(&d, "no-enlargement");
        assert_eq!(art6.new.as_ref().unwrap().id, "support-open-door");
        assert_eq!(art6.matched_by, Some(CommitmentMatch::Answer));
        assert!(art6.changes.contains(&K::Modality {
            old: Modality::Prohibition,
            new: Modality::Statement,
            direction: Direction::Lifting
        }));
        assert!(art6.changes.iter().any(|k| matches!(
            k,
            K::Force {
                direction: Direction::Weakening,
                ..
            }
        )));
        // The missiles article, answered by an offer of arms-control talks.
        let missiles = find(&d, "no-intermediate-missiles");
        assert_eq!(
            missiles.new.as_ref().unwrap().id,
            "missile-arms-control-talks"
        );
        assert!(missiles.changes.contains(&K::Modality {
            old: Modality::Prohibition,
            new: Modality::Offer,
            direction: Direction::Lifting
        }));
        // Article 4, answered by a transparency mechanism offered on a condition of reciprocity.
        let art4 = find(&d, "no-additional-deployment");
        assert_eq!(
            art4.new.as_ref().unwrap().id,
            "tomahawk-transparency-mechanism"
        );
        assert!(art4.changes.iter().any(|k| matches!(
            k,
            K::Conditions {
                direction: Direction::Weakening,
                ..
            }
        )));
        assert_eq!(
            art4.old_obligors.len(),
            17,
            "Russia and the 16 members of 1997"
        );
        // The mutual restraint in Ukraine binds Russia and the United States anew.
        let added = d
            .commitments
            .iter()
            .find(|c| {
                c.new
                    .as_ref()
                    .is_some_and(|n| n.id == "no-offensive-systems-in-ukraine")
            })
            .unwrap();
        assert_eq!(added.changes, [K::Added]);
        assert_eq!(added.new_obligors, ["RU", "US"]);
        // What changed for the United States.
        let us = d.for_party("US");
        assert!(us.commitments.iter().all(|c| c.concerns("US")));
        assert!(us.commitments.len() >= 5);
    }

    #[test]
    fn what_the_nato_answer_offers_instead() {
        let n = scenario();
        let d = compare_in(
            &n,
            n.proposal("ru-nato-2021-12-17").unwrap(),
            n.proposal("nato-answer-2022-01-26").unwrap(),
            &Options::default(),
        );
        let art6 = find(&d, "no-enlargement");
        assert_eq!(art6.new.as_ref().unwrap().id, "reaffirm-open-door");
        assert!(art6.changes.contains(&K::Modality {
            old: Modality::Prohibition,
            new: Modality::Statement,
            direction: Direction::Lifting
        }));
        let call = d
            .commitments
            .iter()
            .find(|c| {
                c.new
                    .as_ref()
                    .is_some_and(|n| n.id == "russia-to-de-escalate")
            })
            .unwrap();
        assert_eq!(call.changes, [K::Added]);
        assert_eq!(call.new_obligors, ["RU"]);
    }
}

#[cfg(feature = "proptest")]
mod swapping {
    use super::*;
    use pactum::diff::Diff;
    use pactum::strategy::{self, Limits};
    use proptest::prelude::*;

    /// Applies `f` to every clause of a tree (children are reached by taking and giving them
    /// back, as the nesting bound requires).
    fn each_clause(c: &mut Clause, f: &mut impl FnMut(&mut Clause)) {
        f(c);
        let mut children = c.take_children();
        for child in &mut children {
            each_clause(child, f);
        }
        for child in children {
            c.push_child(child).unwrap();
        }
    }

    /// A copy of `p` with its commitments changed as `edits` say, ids kept, so that the pairing
    /// does not depend on which draft is old.
    fn edited(p: &Proposal, edits: &[(u8, Modality)]) -> Proposal {
        let mut q = p.clone();
        let mut k = 0;
        for clause in &mut q.clauses {
            each_clause(clause, &mut |c| {
                for commitment in &mut c.commitments {
                    let (what, modality) = edits[k % edits.len()];
                    k += 1;
                    match what % 6 {
                        0 => commitment.modality = modality,
                        1 => commitment.force = LegalForce::Political,
                        2 => commitment.scope.areas.push("the Arctic".into()),
                        3 => commitment.conditions.push("subject to reciprocity".into()),
                        4 => commitment.exceptions.clear(),
                        _ => {}
                    }
                }
            });
        }
        q
    }

    fn signature(d: &Diff, invert: bool) -> Vec<(String, &'static str, Option<Direction>)> {
        let mut out: Vec<_> = d
            .commitments
            .iter()
            .flat_map(|c| {
                let id = c
                    .new
                    .as_ref()
                    .or(c.old.as_ref())
                    .map_or_else(String::new, |k| k.id.to_string());
                c.changes.iter().map(move |k| {
                    let name = match (k.name(), invert) {
                        ("added", true) => "dropped",
                        ("dropped", true) => "added",
                        (name, _) => name,
                    };
                    (
                        id.clone(),
                        name,
                        k.direction().map(|d| if invert { d.inverse() } else { d }),
                    )
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn swapping_old_and_new_reverses_every_direction(
            n in strategy::negotiation(Limits::default()),
            edits in proptest::collection::vec((any::<u8>(), any::<Modality>()), 1..8),
        ) {
            for p in n.proposals() {
                let q = edited(p, &edits);
                let forward = compare_in(&n, p, &q, &Options::default());
                let backward = compare_in(&n, &q, p, &Options::default());
                prop_assert_eq!(signature(&forward, false), signature(&backward, true));
            }
        }
    }
}

/// A one-clause proposal with this text and no commitment encoded.
fn text(id: &str, t: &str) -> Proposal {
    Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap())
        .with_clause(Clause::new("art-1".parse().unwrap(), t).with_number("Article 1"))
}

#[test]
fn an_inserted_sentence_with_a_marker_shifts_no_other_pairing() {
    // Unannotated text: a new sentence with "shall" comes before an unchanged prohibition.
    let old = text(
        "v1",
        "The panel shall issue its report within ninety days. Benefits shall not be suspended while the panel sits.",
    );
    let new = text(
        "v2",
        "The panel shall issue its report within ninety days. The Parties shall publish its report. Benefits shall not be suspended while the panel sits.",
    );
    let d = compare(&old, &new, &Options::default());
    let changes: Vec<&K> = d.commitments.iter().flat_map(|c| &c.changes).collect();
    // One commitment added, and nothing reversed.
    assert_eq!(changes, [&K::Added], "{:?}", d.commitments);
    let added = d.commitments[0].new_excerpt.as_ref().unwrap();
    assert_eq!(added.sentence, "The Parties shall publish its report.");
    assert_eq!(added.marker, "shall");
    assert_eq!(added.modality, pactum::Modality::Obligation);
    assert_eq!(added.subject.as_deref(), Some("The Parties"));
    // "Shall be final and binding" binds no one: inserting it changes no commitment.
    let status = text(
        "v2",
        "The panel shall issue its report within ninety days. Its report shall be final and binding. Benefits shall not be suspended while the panel sits.",
    );
    let d = compare(&old, &status, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // A reworded sentence still pairs with its old self, and its marker change is one change.
    let reworded = text(
        "v3",
        "The panel should issue its report within ninety days. Benefits shall not be suspended while the panel is sitting.",
    );
    let d = compare(&old, &reworded, &Options::default());
    let changes: Vec<&K> = d.commitments.iter().flat_map(|c| &c.changes).collect();
    assert_eq!(
        changes,
        [&K::Modality {
            old: Modality::Obligation,
            new: Modality::Recommendation,
            direction: Direction::Weakening
        }]
    );
    let (x, y) = (
        d.commitments[0].old_excerpt.as_ref().unwrap(),
        d.commitments[0].new_excerpt.as_ref().unwrap(),
    );
    assert_eq!((x.marker.as_str(), y.marker.as_str()), ("shall", "should"));
}

#[test]
fn a_text_of_many_sentences_is_compared_within_bounds() {
    // More sentences than the alignment reads one by one: the texts count as one sentence
    // each, and the result is still right on this simple change.
    let body = "The Parties shall meet. ".repeat(2_500);
    let old = text("v1", &body);
    let new = text("v2", &format!("{body}The Parties should report."));
    let d = compare(&old, &new, &Options::default());
    let changes: Vec<&K> = d.commitments.iter().flat_map(|c| &c.changes).collect();
    assert_eq!(changes, [&K::Added]);
    let excerpt = d.commitments[0].new_excerpt.as_ref().unwrap();
    assert!(excerpt.sentence.len() <= pactum::diff::Excerpt::MAX_LEN + "…".len());
}

#[test]
fn a_long_run_of_sentences_reworded_in_place_pairs_along_the_run() {
    // 300 sentences, each reworded: more pairs than the run compares one by one. Walked in
    // order, each sentence meets its reworded self; only the one whose modal changed and the
    // one inserted report anything, however many sentences there are.
    let acts = ["publish", "notify", "review", "inspect", "report"];
    let sentence = |k: usize, modal: &str, tail: &str| {
        format!(
            "Each Party {modal} {} the register of item {k} of its {tail} list. ",
            acts[k % acts.len()]
        )
    };
    let old: String = (0..300).map(|k| sentence(k, "shall", "yearly")).collect();
    let new: String = (0..300)
        .flat_map(|k| {
            let modal = if k == 150 { "may" } else { "shall" };
            let mut s = sentence(k, modal, "annual");
            if k == 200 {
                s.push_str("The Parties shall meet each spring to settle the calendar. ");
            }
            [s]
        })
        .collect();
    let d = compare(&text("v1", &old), &text("v2", &new), &Options::default());
    assert_eq!(names(&d), ["modality", "added"], "{:?}", d.commitments);
}

#[test]
fn one_prohibition_written_two_ways_is_no_change() {
    let old = text(
        "v1",
        "A Party may not increase any customs duty on an originating good.",
    );
    let new = text(
        "v2",
        "Neither Party may increase any customs duty on an originating good.",
    );
    let d = compare(&old, &new, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    let new = text(
        "v2",
        "No Party shall increase any customs duty on an originating good.",
    );
    assert!(
        compare(&old, &new, &Options::default())
            .commitments
            .is_empty()
    );
}

#[test]
fn added_and_removed_clauses_bring_the_commitments_their_text_expresses() {
    let old = text("v1", "The Parties shall consult each other.");
    let mut new = old.clone();
    new.clauses.push(
        Clause::new(
            "art-2".parse().unwrap(),
            "Either Party may withdraw on notice.",
        )
        .with_number("Article 2"),
    );
    let d = compare(&old, &new, &Options::default());
    let [added] = d.commitments.as_slice() else {
        panic!("{:?}", d.commitments)
    };
    assert_eq!(added.changes, [K::Added]);
    assert_eq!(added.new_clause.as_ref().unwrap(), "art-2");
    assert_eq!(added.new_excerpt.as_ref().unwrap().marker, "may");
    // And the other way round, dropped.
    let d = compare(&new, &old, &Options::default());
    assert_eq!(d.commitments[0].changes, [K::Dropped]);
    assert_eq!(d.commitments[0].old_clause.as_ref().unwrap(), "art-2");
}

/// A draft of articles given as (number, text, paragraphs), no commitment encoded.
fn outline(id: &str, articles: &[(&str, &str, &[&str])]) -> Proposal {
    let mut p = Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap());
    for (k, (number, text, items)) in articles.iter().enumerate() {
        let mut a = Clause::new(format!("art-{k}").parse().unwrap(), *text).with_number(*number);
        for (j, item) in items.iter().enumerate() {
            a.push_child(
                Clause::new(format!("art-{k}-{j}").parse().unwrap(), *item)
                    .with_number(format!("({})", (b'a' + j as u8) as char)),
            )
            .unwrap();
        }
        p.clauses.push(a);
    }
    p
}

fn names(d: &pactum::diff::Diff) -> Vec<String> {
    d.commitments
        .iter()
        .flat_map(|c| &c.changes)
        .map(|k| k.name().to_owned())
        .collect()
}

#[test]
fn a_lead_in_binds_its_item_clauses() {
    let items: &[&str] = &["(a) notify the other Party;", "(b) publish the measure."];
    let moved: &[&str] = &[
        "(a) shall notify the other Party;",
        "(b) shall publish the measure.",
    ];
    // The modal moves from the lead-in to each item: no change.
    let old = outline("v1", &[("Article 1", "Each Party shall:", items)]);
    let new = outline("v2", &[("Article 1", "Each Party:", moved)]);
    let d = compare(&old, &new, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    let d = compare(&new, &old, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // An item added under the lead-in adds a commitment, and names the lead-in.
    let more: &[&str] = &[
        items[0],
        "(b) publish the measure;",
        "(c) consult the other Party.",
    ];
    let new = outline("v3", &[("Article 1", "Each Party shall:", more)]);
    let d = compare(&old, &new, &Options::default());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
    let added = d.commitments[0].new_excerpt.as_ref().unwrap();
    assert_eq!(
        added.sentence,
        "Each Party shall: (c) consult the other Party."
    );
    assert_eq!(added.subject.as_deref(), Some("Each Party"));
    // The lead-in weakened: each item's commitment weakens.
    let new = outline("v4", &[("Article 1", "Each Party should:", items)]);
    let d = compare(&old, &new, &Options::default());
    assert_eq!(names(&d), ["modality", "modality"], "{:?}", d.commitments);
}

#[test]
fn an_item_that_opens_with_the_and_of_the_item_before_is_still_an_item() {
    // Extraction left the "and" that ends item (a) at the start of item (b). Item (b) is
    // still bound by the lead-in, so the same list under another lead-in is no change.
    let old = outline(
        "v1",
        &[(
            "Article 1",
            "Each Party shall:",
            &[
                "(a) publish its proposed regulations in advance;",
                "and (b) give the other Party an opportunity to comment on them.",
            ],
        )],
    );
    let new = outline(
        "v2",
        &[(
            "Article 1",
            "Each Party shall, to the extent practicable:",
            &[
                "(a) publish its proposed regulations in advance; and",
                "(b) give the other Party an opportunity to comment on them.",
            ],
        )],
    );
    let d = compare(&old, &new, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // A stray "and" alone between items still binds no one.
    let stray = outline(
        "v3",
        &[(
            "Article 1",
            "Each Party shall:",
            &["(a) publish its proposed regulations in advance;", "and"],
        )],
    );
    let d = compare(&stray, &new, &Options::default());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
}

#[test]
fn a_commitment_moved_between_paragraphs_is_no_change() {
    // Article 2's second sentence moves to a new Article 3 (ids differ, so nothing pairs the
    // two by id): the same obligation, moved.
    let old = outline(
        "v1",
        &[
            ("Article 1", "The Parties shall set up a hotline.", &[]),
            (
                "Article 2",
                "Each Party shall name a contact point. The contact points shall meet once a year to review the hotline.",
                &[],
            ),
        ],
    );
    let new = outline(
        "v2",
        &[
            ("Article 1", "The Parties shall set up a hotline.", &[]),
            ("Article 2", "Each Party shall name a contact point.", &[]),
            (
                "Article 3",
                "The contact points shall meet every year to review the hotline.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &new, &Options::default().without_ids());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // Another act in its place is a change: the verb differs.
    let other = outline(
        "v3",
        &[
            ("Article 1", "The Parties shall set up a hotline.", &[]),
            ("Article 2", "Each Party shall name a contact point.", &[]),
            (
                "Article 3",
                "The contact points shall report every year on the hotline.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &other, &Options::default().without_ids());
    assert_eq!(names(&d), ["dropped", "added"], "{:?}", d.commitments);
    // The same subject, another verb, and what follows alike: reworded where it moved.
    let old = outline(
        "v1",
        &[(
            "Article 1",
            "The panel shall meet in Geneva. The report shall establish the findings of fact, the applicability of the provisions of this Agreement and the reasons for them.",
            &[],
        )],
    );
    let new = outline(
        "v2",
        &[
            ("Article 1", "The panel shall meet in Geneva.", &[]),
            (
                "Article 2",
                "The report shall set out the findings of fact, the applicability of the provisions of this Agreement and the reasons for its findings.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &new, &Options::default().without_ids());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
}

#[test]
fn a_change_read_from_text_binds_the_parties_its_subject_names() {
    let mut n = Negotiation::new("t");
    n.add_party(
        Party::new(
            "AR".parse().unwrap(),
            "Republic of Arcadia",
            PartyKind::State,
        )
        .with_alias("Arcadia"),
    )
    .unwrap();
    n.add_party(Party::new(
        "BO".parse().unwrap(),
        "Borduria",
        PartyKind::State,
    ))
    .unwrap();
    let draft = |id: &str, words: &str| {
        let mut p = text(id, words);
        p.parties = vec![party("AR"), party("BO")];
        p
    };
    let obligors = |old: &str, new: &str| -> Vec<String> {
        let d = compare_in(
            &n,
            &draft("v1", old),
            &draft("v2", new),
            &Options::default(),
        );
        assert_eq!(d.commitments.len(), 1, "{:?}", d.commitments);
        d.commitments[0]
            .new_obligors
            .iter()
            .map(|p| p.to_string())
            .collect()
    };
    // A party by name or alias; "Each Party" is any of the proposal's parties; a body none.
    assert_eq!(
        obligors(
            "Arcadia may open a consulate.",
            "Arcadia shall open a consulate."
        ),
        ["AR"]
    );
    assert_eq!(
        obligors(
            "Each Party may open a consulate.",
            "Each Party shall open a consulate."
        ),
        ["AR", "BO"]
    );
    assert!(
        obligors(
            "The Committee may meet in spring.",
            "The Committee shall meet in spring."
        )
        .is_empty()
    );
    // So a party's view keeps the changes that bind it.
    let d = compare_in(
        &n,
        &draft("v1", "Arcadia may open a consulate."),
        &draft("v2", "Arcadia shall open a consulate."),
        &Options::default(),
    );
    assert_eq!(d.for_party("AR").commitments.len(), 1);
    assert!(d.for_party("BO").commitments.is_empty());
}

#[test]
fn a_commitment_that_stands_elsewhere_is_not_added() {
    let old = outline(
        "v1",
        &[
            (
                "Article 1",
                "The Parties shall meet once a year to review this Agreement.",
                &[],
            ),
            ("Article 2", "Each Party shall publish its laws.", &[]),
        ],
    );
    // Article 3 repeats Article 1's commitment, which stands unchanged: nothing is added.
    let again = outline(
        "v2",
        &[
            (
                "Article 1",
                "The Parties shall meet once a year to review this Agreement.",
                &[],
            ),
            ("Article 2", "Each Party shall publish its laws.", &[]),
            (
                "Article 3",
                "In addition, the Parties shall meet once a year to review this Agreement.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &again, &Options::default().without_ids());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // A new act in Article 3 is added.
    let other = outline(
        "v3",
        &[
            (
                "Article 1",
                "The Parties shall meet once a year to review this Agreement.",
                &[],
            ),
            ("Article 2", "Each Party shall publish its laws.", &[]),
            (
                "Article 3",
                "The Parties shall exchange data on trade every month.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &other, &Options::default().without_ids());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
}

#[test]
fn an_aside_neither_hides_nor_makes_a_commitment_that_stands() {
    let old = outline(
        "v1",
        &[
            (
                "Article 1",
                "The Parties shall cooperate on customs matters. Each Party shall, in \
                 accordance with the procedures set out in Annex 3, publish a yearly report \
                 on its tariffs.",
                &[],
            ),
            (
                "Article 2",
                "Each Party shall, in accordance with its laws and regulations, protect the \
                 data it receives.",
                &[],
            ),
        ],
    );
    // The report moves to an article of its own, without its aside and with its subject
    // written another way: it stands, nothing changes.
    let moved = outline(
        "v2",
        &[
            (
                "Article 1",
                "The Parties shall cooperate on customs matters.",
                &[],
            ),
            (
                "Article 2",
                "Each Party shall, in accordance with its laws and regulations, protect the \
                 data it receives.",
                &[],
            ),
            (
                "Article 3",
                "Every Party shall publish a yearly report on its tariffs.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &moved, &Options::default().without_ids());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // A new act that shares only the aside with a commitment of the old draft is added.
    let mut other = old.clone();
    other.clauses.push(
        Clause::new(
            "art-9".parse().unwrap(),
            "Each Party shall, in accordance with its laws and regulations, train its customs \
             officers.",
        )
        .with_number("Article 3"),
    );
    let d = compare(&old, &other, &Options::default().without_ids());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
}

#[test]
fn a_lead_in_that_ends_with_a_comma_binds_its_items() {
    // Text extraction may end a lead-in with the comma before its list.
    let items: &[&str] = &[
        "publish in advance the rules it proposes to adopt;",
        "give interested persons a chance to comment on them.",
    ];
    let old = outline(
        "v1",
        &[(
            "Article 1",
            "Each Party shall, to the extent practicable,",
            items,
        )],
    );
    let new = outline(
        "v2",
        &[(
            "Article 1",
            "Each Party shall, to the extent practicable:",
            items,
        )],
    );
    let d = compare(&old, &new, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // The items are bound: a lead-in of "may" instead is a change of each.
    let may = outline(
        "v3",
        &[(
            "Article 1",
            "Each Party may, to the extent practicable,",
            items,
        )],
    );
    let d = compare(&old, &may, &Options::default());
    assert_eq!(names(&d), ["modality", "modality"], "{:?}", d.commitments);
}

#[test]
fn a_commitment_reworded_within_its_clause_is_no_change() {
    let old = text(
        "v1",
        "Such tribunals shall be impartial and independent of the authorities that enforce \
         customs law in each Party. Each Party shall publish its rules.",
    );
    // Only the permission is new: the tribunals' duty is reworded in its own clause.
    let new = text(
        "v2",
        "Such tribunals shall be impartial. Each Party shall publish its rules. The \
         Committee may meet.",
    );
    let d = compare(&old, &new, &Options::default());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
    // Another subject is another commitment.
    let other = text(
        "v3",
        "The panels shall be impartial. Each Party shall publish its rules. The Committee may \
         meet.",
    );
    let d = compare(&old, &other, &Options::default());
    let mut found = names(&d);
    found.sort();
    assert_eq!(found, ["added", "added", "dropped"], "{:?}", d.commitments);
}

#[test]
fn an_item_under_a_rewritten_lead_in_stands() {
    // The committee's functions become its duties, item by item, and one item gains a list
    // of its own: each duty stood in the old draft as an item under a lead-in of "shall".
    let old = outline(
        "v1",
        &[
            (
                "Article 1",
                "The functions of the Committee shall include:",
                &[
                    "(a) publishing a yearly report on the use of tariff quotas;",
                    "(b) reviewing the operation of this Chapter every two years.",
                ],
            ),
            ("Article 2", "Each Party shall publish its laws.", &[]),
        ],
    );
    let rewritten = |lead: &str| {
        outline(
            "v2",
            &[
                ("Article 1", "The Committee is hereby established.", &[]),
                ("Article 2", "Each Party shall publish its laws.", &[]),
                (
                    "Article 3",
                    lead,
                    &[
                        "(a) publish a yearly report on the use of tariff quotas;",
                        "(b) review the operation of this Chapter every two years.",
                    ],
                ),
            ],
        )
    };
    let d = compare(
        &old,
        &rewritten("The Committee shall, among others:"),
        &Options::default().without_ids(),
    );
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    // Under a lead-in of "may" the items are permissions, which stood nowhere.
    let d = compare(
        &old,
        &rewritten("The Committee may, among others:"),
        &Options::default().without_ids(),
    );
    assert_eq!(names(&d), ["added", "added"], "{:?}", d.commitments);
}

#[test]
fn glued_words_do_not_hide_a_commitment_that_stands() {
    // The prohibition moves to a new article, where text extraction glued words at line
    // ends and the measure is named anew: the same prohibition. Only the new article's other
    // commitment is added.
    let records = "Each Party shall keep records of its imports of each product for five years.";
    let old = outline(
        "v1",
        &[
            (
                "Article 1",
                "The Parties shall cooperate on trade remedies.",
                &[],
            ),
            (
                "Article 2",
                &format!(
                    "{records} No safeguard measure shall be maintained longer than needed to \
                     repair serious harm to the domestic industry."
                ),
                &[],
            ),
        ],
    );
    let new = outline(
        "v2",
        &[
            (
                "Article 1",
                "The Parties shall cooperate on trade remedies.",
                &[],
            ),
            ("Article 2", records, &[]),
            (
                "Article 3",
                "Each Party shall notify the other Party of any investigation it opens, within \
                 ten days. No emergency measure shall bemaintained longer than neededto repair \
                 serious harmto the domestic industry.",
                &[],
            ),
        ],
    );
    let d = compare(&old, &new, &Options::default().without_ids());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
    let added = d.commitments[0].new_excerpt.as_ref().unwrap();
    assert!(added.sentence.contains("notify"), "{added:?}");
}

#[test]
fn a_long_item_shows_its_lead_in_and_its_own_words() {
    // Lead-in and item are too long to show whole: the excerpt keeps the marker and the
    // start of the item, which says what is added.
    let lead = format!(
        "For this purpose, the Parties shall cooperate between their Governments and, {} where \
         necessary and appropriate, encourage cooperation in the following fields:",
        "having regard to their respective laws, policies and programmes, ".repeat(3)
    );
    let old = outline(
        "v1",
        &[("Article 1", &lead, &["(a) trade and investment promotion;"])],
    );
    let new = outline(
        "v2",
        &[(
            "Article 1",
            &lead,
            &[
                "(a) trade and investment promotion;",
                "(b) protection of geographical indications and of traditional knowledge held by indigenous communities.",
            ],
        )],
    );
    let d = compare(&old, &new, &Options::default());
    assert_eq!(names(&d), ["added"], "{:?}", d.commitments);
    let added = d.commitments[0].new_excerpt.as_ref().unwrap();
    assert!(
        added.sentence.len() <= Excerpt::MAX_LEN + '…'.len_utf8(),
        "{added:?}"
    );
    assert!(added.sentence.contains("shall cooperate"), "{added:?}");
    assert!(
        added.sentence.contains("(b) protection of geographical"),
        "{added:?}"
    );
}

#[test]
fn a_moved_commitment_whose_modality_changed_is_one_change() {
    // The meeting provision moves to a new article and "shall" becomes "may": one
    // obligation lifted, not one dropped and a permission added.
    let records = "Each Party shall keep records of its imports of each product for five years.";
    let old = outline(
        "v1",
        &[
            (
                "Article 1",
                &format!(
                    "{records} The Committee shall hold its first meeting within one year after \
                     the entry into force of this Agreement."
                ),
                &[],
            ),
            (
                "Article 2",
                "The Parties shall cooperate on trade remedies.",
                &[],
            ),
        ],
    );
    // The provision moves to a new Article 3, as written here.
    let moved = |article_3: &str| {
        outline(
            "v2",
            &[
                ("Article 1", records, &[]),
                (
                    "Article 2",
                    "The Parties shall cooperate on trade remedies.",
                    &[],
                ),
                ("Article 3", article_3, &[]),
            ],
        )
    };
    let new = moved(
        "The Committee may hold its first meeting within two years after the entry into force \
         of this Agreement.",
    );
    let d = compare(&old, &new, &Options::default().without_ids());
    assert_eq!(names(&d), ["modality"], "{:?}", d.commitments);
    assert_eq!(
        d.commitments[0].changes[0].direction(),
        Some(Direction::Lifting)
    );
    assert_eq!(d.commitments[0].new_clause.as_ref().unwrap(), "art-2");
    // Another subject is another commitment.
    let other = moved(
        "Each Party may hold its first meeting within two years after the entry into force of \
         this Agreement.",
    );
    let d = compare(&old, &other, &Options::default().without_ids());
    let mut got = names(&d);
    got.sort();
    assert_eq!(got, ["added", "dropped"], "{:?}", d.commitments);
}
