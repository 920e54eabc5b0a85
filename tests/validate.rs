//! Validation: each problem kind, found at its location, in a stable order.
#![cfg(feature = "serde")]

use jiff::civil::date;
use pactum::validate::{Location, ProblemKind, Report, Severity};
use pactum::{Clause, Commitment, Membership, Modality, Negotiation, PartyRef, Proposal, format};

fn small() -> Negotiation {
    format::from_str(include_str!("data/small.json")).unwrap()
}

fn draft(n: &mut Negotiation) -> &mut Proposal {
    n.proposal_mut("draft").unwrap()
}

fn answer(n: &mut Negotiation) -> &mut Proposal {
    n.proposal_mut("answer").unwrap()
}

fn problems(report: &Report) -> Vec<(ProblemKind, String)> {
    report
        .problems()
        .iter()
        .map(|p| (p.kind, p.location.to_string()))
        .collect()
}

/// Validates and asserts that exactly these problems were found, in this order.
fn expect(n: &Negotiation, expected: &[(ProblemKind, &str)]) {
    let report = n.validate();
    let expected: Vec<(ProblemKind, String)> =
        expected.iter().map(|(k, l)| (*k, l.to_string())).collect();
    assert_eq!(problems(&report), expected, "\n{report}");
    for p in report.problems() {
        assert_eq!(p.severity, p.kind.severity());
        assert!(!p.message.is_empty() && !p.message.ends_with('.'), "{p}");
        assert!(!p.message.starts_with(char::is_uppercase), "{p}");
    }
}

fn id<T: std::str::FromStr>(s: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().unwrap()
}

const C1: &str =
    r#"$.proposals["draft"].clauses["art-1"].children["art-1.p-1"].commitments["no-deployment"]"#;

#[test]
fn the_small_document_is_clean() {
    expect(&small(), &[]);
}

#[test]
fn unknown_parties_everywhere_a_party_is_named() {
    let mut n = small();
    n.party_mut("AL")
        .unwrap()
        .members
        .push(Membership::new(id("ZZ"), date(2000, 1, 1)));
    draft(&mut n).proposer = id("Z1");
    draft(&mut n).parties.push(PartyRef::party(id("Z2")));
    let c = &mut draft(&mut n).clauses[0];
    let mut p1 = c.remove_child(0).unwrap();
    p1.commitments[0]
        .obligors
        .push(PartyRef::members_of(id("Z3"), None));
    p1.commitments[0]
        .beneficiaries
        .push(PartyRef::party(id("Z4")));
    c.insert_child(0, p1).unwrap();
    n.meeting_mut("council").unwrap().delegations[0].party = id("Z5");
    expect(
        &n,
        &[
            (
                ProblemKind::UnknownParty,
                r#"$.parties["AL"].members[2].party"#,
            ),
            (
                ProblemKind::UnknownParty,
                r#"$.proposals["draft"].proposer"#,
            ),
            (
                ProblemKind::UnknownParty,
                r#"$.proposals["draft"].parties[2]"#,
            ),
            (ProblemKind::UnknownParty, &format!("{C1}.obligors[2]")),
            (ProblemKind::UnknownParty, &format!("{C1}.beneficiaries[1]")),
            (
                ProblemKind::UnknownParty,
                r#"$.meetings["council"].delegations[0].party"#,
            ),
        ],
    );
}

#[test]
fn unknown_proposals_and_clauses() {
    let mut n = small();
    answer(&mut n).clauses[1].answers.push(id("art-9"));
    answer(&mut n).supersedes = Some(id("nothing"));
    n.meeting_mut("council")
        .unwrap()
        .agenda
        .push(id("elsewhere"));
    expect(
        &n,
        &[
            (
                ProblemKind::UnknownProposal,
                r#"$.proposals["answer"].supersedes"#,
            ),
            (
                ProblemKind::UnknownClause,
                r#"$.proposals["answer"].clauses["b-2"].answers[1]"#,
            ),
            (
                ProblemKind::UnknownProposal,
                r#"$.meetings["council"].agenda[1]"#,
            ),
        ],
    );
    let mut n = small();
    answer(&mut n).answers = Some(id("gone"));
    expect(
        &n,
        &[(
            ProblemKind::UnknownProposal,
            r#"$.proposals["answer"].answers"#,
        )],
    );
}

#[test]
fn answer_links_need_an_answered_proposal() {
    let mut n = small();
    answer(&mut n).answers = None;
    expect(
        &n,
        &[
            (
                ProblemKind::AnswerLinkWithoutTarget,
                r#"$.proposals["answer"].clauses["b-1"].answers"#,
            ),
            (
                ProblemKind::AnswerLinkWithoutTarget,
                r#"$.proposals["answer"].clauses["b-2"].answers"#,
            ),
        ],
    );
}

#[test]
fn link_cycles_are_reported_once() {
    let mut n = small();
    draft(&mut n).supersedes = Some(id("answer"));
    expect(
        &n,
        &[(ProblemKind::LinkCycle, r#"$.proposals["draft"].supersedes"#)],
    );
    let report = n.validate();
    assert_eq!(
        report.problems()[0].message,
        "proposals answer or supersede each other in a cycle: draft -> answer -> draft"
    );

    let mut n = small();
    answer(&mut n).supersedes = Some(id("answer"));
    expect(
        &n,
        &[(
            ProblemKind::LinkCycle,
            r#"$.proposals["answer"].supersedes"#,
        )],
    );
}

#[test]
fn membership_cycles() {
    let mut n = small();
    n.party_mut("B")
        .unwrap()
        .members
        .push(Membership::new(id("AL"), date(2000, 1, 1)));
    expect(
        &n,
        &[(ProblemKind::MembershipCycle, r#"$.parties["B"].members[0]"#)],
    );
    assert_eq!(
        n.validate().problems()[0].message,
        "membership cycle: B -> AL -> B"
    );
}

#[test]
fn a_commitment_without_obligor() {
    let mut n = small();
    answer(&mut n).clauses[0].commitments[0].obligors.clear();
    expect(
        &n,
        &[(
            ProblemKind::NoObligor,
            r#"$.proposals["answer"].clauses["b-1"].commitments["talks"].obligors"#,
        )],
    );
}

#[test]
fn an_empty_clause() {
    let mut n = small();
    answer(&mut n)
        .clauses
        .push(Clause::new(id("b-3"), " \n").with_number("3."));
    expect(
        &n,
        &[(
            ProblemKind::EmptyClause,
            r#"$.proposals["answer"].clauses["b-3"]"#,
        )],
    );
}

#[test]
fn too_few_parties() {
    let mut n = small();
    answer(&mut n).parties = vec![PartyRef::party(id("B")), PartyRef::party(id("B"))];
    expect(
        &n,
        &[(
            ProblemKind::TooFewParties,
            r#"$.proposals["answer"].parties"#,
        )],
    );
    // A group counts its members on the proposal's date: before C joined, the alliance had one.
    let mut n = small();
    answer(&mut n).parties = vec![PartyRef::members_of(id("AL"), Some(date(2000, 1, 1)))];
    answer(&mut n).clauses.iter_mut().for_each(|c| {
        c.commitments
            .iter_mut()
            .for_each(|c| c.obligors = vec![PartyRef::party(id("B"))])
    });
    expect(
        &n,
        &[(
            ProblemKind::TooFewParties,
            r#"$.proposals["answer"].parties"#,
        )],
    );
}

#[test]
fn an_answer_dated_before_what_it_answers() {
    let mut n = small();
    answer(&mut n).date = Some(date(2021, 12, 1));
    expect(
        &n,
        &[(
            ProblemKind::AnswersLaterProposal,
            r#"$.proposals["answer"].answers"#,
        )],
    );
}

#[test]
fn duplicate_ids_in_a_proposal_are_addressed_by_index() {
    let mut n = small();
    let twin =
        Clause::new(id("art-1.p-1"), "A second paragraph with a reused id.").with_number("3.");
    draft(&mut n).clauses[0].push_child(twin).unwrap();
    let c = answer(&mut n).clauses[0].commitments[0].clone();
    answer(&mut n).clauses[0].commitments.push(c);
    expect(
        &n,
        &[
            (
                ProblemKind::DuplicateClauseId,
                r#"$.proposals["draft"].clauses["art-1"].children[2].id"#,
            ),
            (
                ProblemKind::DuplicateCommitmentId,
                r#"$.proposals["answer"].clauses["b-1"].commitments[1].id"#,
            ),
        ],
    );
}

#[test]
fn periods_that_end_before_they_start() {
    let mut n = small();
    n.party_mut("AL").unwrap().members[0].until = Some(date(1949, 4, 4));
    let c = &mut draft(&mut n).clauses[0];
    let mut p1 = c.remove_child(0).unwrap();
    p1.commitments[0].scope.until = Some(date(2021, 1, 1));
    c.insert_child(0, p1).unwrap();
    expect(
        &n,
        &[
            (
                ProblemKind::InvalidDateRange,
                r#"$.parties["AL"].members[0].until"#,
            ),
            (ProblemKind::InvalidDateRange, &format!("{C1}.scope")),
        ],
    );
}

#[test]
fn numbering_warnings() {
    let mut n = small();
    let c = &mut answer(&mut n).clauses;
    c[1].number = Some("1.".into());
    expect(
        &n,
        &[(
            ProblemKind::DuplicateNumber,
            r#"$.proposals["answer"].clauses["b-2"].number"#,
        )],
    );

    let mut n = small();
    answer(&mut n).clauses[1].number = Some("4.".into());
    expect(
        &n,
        &[(
            ProblemKind::NumberingGap,
            r#"$.proposals["answer"].clauses["b-2"].number"#,
        )],
    );

    let mut n = small();
    answer(&mut n).clauses[0].number = Some("3.".into());
    expect(
        &n,
        &[(
            ProblemKind::NumberingDisorder,
            r#"$.proposals["answer"].clauses["b-2"].number"#,
        )],
    );
}

#[test]
fn numbering_styles_are_sequences_of_their_own() {
    let numbered = |numbers: &[&str]| {
        let mut p = Proposal::new(id("p"), "t", id("A"))
            .with_party(PartyRef::party(id("A")))
            .with_party(PartyRef::party(id("B")));
        for (i, number) in numbers.iter().enumerate() {
            p.clauses
                .push(Clause::new(id(&format!("c{i}")), "Text.").with_number(*number));
        }
        p.validate()
            .problems()
            .iter()
            .map(|p| p.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(numbered(&["Article 1", "Article 2", "Article 3"]), []);
    assert_eq!(
        numbered(&[
            "(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)"
        ]),
        []
    );
    assert_eq!(numbered(&["(i)", "(ii)", "(iii)", "(iv)", "(v)"]), []);
    assert_eq!(numbered(&["I", "II", "III"]), []);
    assert_eq!(numbered(&["4.1", "4.2", "Annex 1", "Annex 2"]), []);
    assert_eq!(numbered(&["Part One", "Part Two"]), []);
    assert_eq!(numbered(&["(a)", "(c)"]), [ProblemKind::NumberingGap]);
    assert_eq!(numbered(&["(ii)", "(i)"]), [ProblemKind::NumberingDisorder]);
    assert_eq!(
        numbered(&["Article 1", "article  1"]),
        [ProblemKind::DuplicateNumber]
    );
}

#[test]
fn an_obligor_outside_the_proposal() {
    let mut n = small();
    answer(&mut n).clauses[0].commitments[0]
        .obligors
        .push(PartyRef::party(id("C")));
    expect(
        &n,
        &[(
            ProblemKind::ObligorNotParty,
            r#"$.proposals["answer"].clauses["b-1"].commitments["talks"].obligors[1]"#,
        )],
    );
    // Members of a bound group are parties to the proposal; so is the group of a bound alliance.
    let mut n = small();
    answer(&mut n).parties.push(PartyRef::party(id("AL")));
    answer(&mut n).clauses[0].commitments[0]
        .obligors
        .push(PartyRef::party(id("C")));
    answer(&mut n).clauses[0].commitments[0]
        .obligors
        .push(PartyRef::members_of(id("AL"), None));
    expect(&n, &[]);
}

#[test]
fn deontic_text_and_commitments_must_agree() {
    let mut n = small();
    answer(&mut n)
        .clauses
        .push(Clause::new(id("b-3"), "State B shall consider the proposal.").with_number("3."));
    expect(
        &n,
        &[(
            ProblemKind::UncommittedDeonticText,
            r#"$.proposals["answer"].clauses["b-3"].text"#,
        )],
    );

    let mut n = small();
    answer(&mut n).clauses[0].commitments[0].modality = Modality::Obligation;
    expect(
        &n,
        &[(
            ProblemKind::ModalityContradictsText,
            r#"$.proposals["answer"].clauses["b-1"].commitments["talks"].modality"#,
        )],
    );

    // A statement of position has no marker, so no text contradicts it.
    let mut n = small();
    answer(&mut n).clauses[0].commitments.push(
        Commitment::new(id("position"), Modality::Statement, "a view")
            .with_obligor(PartyRef::party(id("B"))),
    );
    expect(&n, &[]);
}

#[test]
fn bracketed_texts_are_read_and_their_faults_located_by_byte() {
    let push = |text: &str| {
        let mut n = small();
        answer(&mut n).clauses.push(
            Clause::new(id("b-3"), text)
                .with_number("3.")
                .with_brackets(),
        );
        n
    };
    let at = |byte: usize| format!(r#"$.proposals["answer"].clauses["b-3"].text[{byte}]"#);
    // Sound: supporters that are parties, two different choices, literal brackets escaped.
    expect(
        &push(r"A [review]{A}[report]{B} \[9\] follows [each year]."),
        &[],
    );
    // The same text, not marked as bracketed, is plain text with literal brackets.
    let mut n = small();
    answer(&mut n)
        .clauses
        .push(Clause::new(id("b-3"), "A review [in full follows.").with_number("3."));
    expect(&n, &[]);
    expect(
        &push("A review [in full follows."),
        &[(ProblemKind::UnbalancedBracket, &at(9))],
    );
    expect(
        &push("A review] follows."),
        &[(ProblemKind::UnbalancedBracket, &at(8))],
    );
    expect(
        &push("A review [ ] follows."),
        &[(ProblemKind::EmptyBracket, &at(9))],
    );
    let deep = format!("A {}review{}", "[".repeat(9), "]".repeat(9));
    expect(&push(&deep), &[(ProblemKind::BracketTooDeep, &at(10))]);
    expect(
        &push("A [review]{A, no id} follows."),
        &[(ProblemKind::InvalidSupporters, &at(14))],
    );
    expect(
        &push("A [review]{A}[report]{ZZ} follows."),
        &[(ProblemKind::UnknownParty, &at(2))],
    );
    expect(
        &push("A review [in full]{A} [[yearly]{A}[yearly]{B}] follows."),
        &[(ProblemKind::IdenticalOptions, &at(23))],
    );
    let report = push("A [review]{A}[review]{B} follows.").validate();
    let p = &report.problems()[0];
    assert_eq!(p.severity, Severity::Warning);
    assert!(p.message.contains("choices 1 and 2"), "{p}");
}

#[test]
fn every_kind_is_covered_by_these_tests() {
    // Each kind must stand first in some expected (kind, location) pair of this file.
    let source: String = include_str!("validate.rs").split_whitespace().collect();
    let untested: Vec<&str> = ProblemKind::ALL
        .iter()
        .filter(|k| !source.contains(&format!("(ProblemKind::{k:?},")))
        .map(|k| k.code())
        .collect();
    assert_eq!(untested, Vec::<&str>::new());
}

#[test]
fn the_order_is_stable_and_follows_the_document() {
    let mut n = small();
    n.meeting_mut("council")
        .unwrap()
        .agenda
        .push(id("elsewhere"));
    answer(&mut n).clauses[0].commitments[0].obligors.clear();
    n.party_mut("AL")
        .unwrap()
        .members
        .push(Membership::new(id("ZZ"), date(2000, 1, 1)));
    let first = problems(&n.validate());
    assert_eq!(
        first.iter().map(|p| p.0.code()).collect::<Vec<_>>(),
        ["unknown_party", "no_obligor", "unknown_proposal"]
    );
    for _ in 0..5 {
        assert_eq!(problems(&n.validate()), first);
    }
}

#[test]
fn the_report_serializes_to_json() {
    let mut n = small();
    answer(&mut n).clauses[1].number = Some("1.".into());
    answer(&mut n).clauses[0].commitments[0].obligors.clear();
    let report = n.validate();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "errors": 1,
            "warnings": 1,
            "problems": [
                {
                    "kind": "no_obligor",
                    "severity": "error",
                    "location": "$.proposals[\"answer\"].clauses[\"b-1\"].commitments[\"talks\"].obligors",
                    "message": "the commitment binds nobody"
                },
                {
                    "kind": "duplicate_number",
                    "severity": "warning",
                    "location": "$.proposals[\"answer\"].clauses[\"b-2\"].number",
                    "message": "number `1.` is used by an earlier sibling too"
                }
            ]
        })
    );
    assert_eq!(report.errors().count(), 1);
    assert_eq!(
        report.warnings().next().unwrap().severity,
        Severity::Warning
    );
    let err = report.clone().into_result().unwrap_err();
    assert!(
        err.to_string()
            .starts_with("validation found 1 error: first, error[no_obligor]"),
        "{err}"
    );
    assert!(report.to_string().ends_with("1 error, 1 warning"));
}

#[test]
fn a_proposal_alone_is_checked_for_what_it_holds() {
    let n = small();
    let draft = n.proposal("draft").unwrap();
    assert!(draft.validate().is_clean(), "{}", draft.validate());
    let mut lonely = draft.clone();
    lonely.parties.truncate(1);
    let report = lonely.validate();
    assert_eq!(
        problems(&report),
        [(ProblemKind::TooFewParties, "$.parties".to_owned())]
    );
    assert_eq!(Location::root().field("parties").to_string(), "$.parties");
}

#[test]
fn resolution_against_membership_dates() {
    let n = small();
    let al = id("AL");
    assert_eq!(
        n.resolve(&PartyRef::members_of(al, Some(date(1997, 5, 27))), None)
            .unwrap(),
        ["B"]
    );
    assert_eq!(
        n.resolve(
            &PartyRef::members_of(id("AL"), None),
            Some(date(2022, 1, 1))
        )
        .unwrap(),
        ["B", "C"]
    );
    assert_eq!(
        n.resolve(&PartyRef::members_of(id("AL"), None), None)
            .unwrap(),
        ["B", "C"]
    );
    let draft = n.proposal("draft").unwrap();
    assert_eq!(
        n.resolve_all(&draft.parties, draft.date).unwrap(),
        ["A", "B", "C"]
    );
    assert!(n.resolve(&PartyRef::party(id("ZZ")), None).is_err());
}

#[test]
fn a_message_quotes_a_long_number_in_a_few_dozen_bytes() {
    let mut n = small();
    let long = format!("{}.", "1".repeat(1 << 20));
    let c = &mut answer(&mut n).clauses;
    c[0].number = Some(long.clone());
    c[1].number = Some(long);
    let report = n.validate();
    let p = report
        .problems()
        .iter()
        .find(|p| p.kind == ProblemKind::DuplicateNumber)
        .expect("the repeated number");
    assert!(p.message.len() < 256, "{} bytes", p.message.len());
    assert!(p.message.contains("111…`"), "{}", p.message);
}
