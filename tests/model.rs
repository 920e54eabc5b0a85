//! The model's own rules: nesting bound, keyed collections, builders.

use jiff::civil::date;
use pactum::{Clause, MAX_CLAUSE_DEPTH, Meeting, Negotiation, Party, PartyKind, Proposal};

fn clause(id: &str) -> Clause {
    Clause::new(id.parse().unwrap(), "Text.")
}

/// A chain of `levels` clauses, each the only child of the one before.
fn chain(levels: usize) -> Clause {
    let mut c = clause(&format!("c{levels}"));
    for level in (1..levels).rev() {
        c = clause(&format!("c{level}")).with_child(c).unwrap();
    }
    c
}

#[test]
fn nesting_stops_at_the_maximum_and_gives_the_child_back() {
    let full = chain(MAX_CLAUSE_DEPTH);
    assert_eq!(full.depth(), MAX_CLAUSE_DEPTH);
    let mut top = clause("top");
    let err = top.push_child(full.clone()).unwrap_err();
    assert_eq!(err.parent().as_str(), "top");
    assert_eq!(err.depth(), MAX_CLAUSE_DEPTH + 1);
    assert!(
        err.to_string()
            .starts_with("clause nesting too deep: adding clause `c1` under clause `top`"),
        "{err}"
    );
    assert_eq!(err.into_child(), full);
    assert!(top.children().is_empty());
    assert_eq!(top.depth(), 1);
    assert!(top.replace_child(0, chain(MAX_CLAUSE_DEPTH)).is_err());
    assert!(top.insert_child(0, chain(MAX_CLAUSE_DEPTH - 1)).is_ok());
    assert_eq!(top.depth(), MAX_CLAUSE_DEPTH);
}

#[test]
fn depth_follows_every_change_of_children() {
    let mut top = clause("top");
    top.push_child(chain(3)).unwrap();
    top.push_child(clause("leaf")).unwrap();
    assert_eq!(top.depth(), 4);
    let removed = top.remove_child(0).unwrap();
    assert_eq!(removed.depth(), 3);
    assert_eq!(top.depth(), 2);
    assert_eq!(
        top.replace_child(0, chain(5)).unwrap().unwrap().id.as_str(),
        "leaf"
    );
    assert_eq!(top.depth(), 6);
    assert_eq!(top.take_children().len(), 1);
    assert_eq!(top.depth(), 1);
    assert!(top.remove_child(3).is_none());
    // An index past the end appends.
    assert!(top.replace_child(9, clause("x")).unwrap().is_none());
    top.insert_child(99, clause("y")).unwrap();
    let ids: Vec<&str> = top.walk().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["top", "x", "y"]);
}

#[test]
fn walk_is_depth_first_parents_first() {
    let tree = clause("a")
        .with_child(clause("a1").with_child(clause("a1x")).unwrap())
        .unwrap()
        .with_child(clause("a2"))
        .unwrap();
    let mut p = Proposal::new("p".parse().unwrap(), "t", "X".parse().unwrap());
    p.clauses.push(tree);
    p.clauses.push(clause("b"));
    let ids: Vec<&str> = p.walk().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "a1", "a1x", "a2", "b"]);
    assert_eq!(p.clause("a1x").unwrap().id.as_str(), "a1x");
    assert!(p.clause("zz").is_none());
}

#[test]
fn a_negotiation_refuses_duplicate_ids_and_gives_the_value_back() {
    let mut n = Negotiation::new("t");
    n.add_party(Party::new(
        "RU".parse().unwrap(),
        "Russian Federation",
        PartyKind::State,
    ))
    .unwrap();
    let err = n
        .add_party(Party::new(
            "RU".parse().unwrap(),
            "Russia again",
            PartyKind::State,
        ))
        .unwrap_err();
    assert_eq!(err.to_string(), "duplicate party id `RU`");
    assert_eq!(err.into_value().name, "Russia again");
    assert_eq!(n.party("RU").unwrap().name, "Russian Federation");

    n.add_proposal(Proposal::new(
        "p".parse().unwrap(),
        "t",
        "RU".parse().unwrap(),
    ))
    .unwrap();
    assert!(
        n.add_proposal(Proposal::new(
            "p".parse().unwrap(),
            "t2",
            "RU".parse().unwrap()
        ))
        .is_err()
    );
    n.add_meeting(Meeting::new("m".parse().unwrap(), "NRC", date(2022, 1, 12)))
        .unwrap();
    assert!(
        n.add_meeting(Meeting::new("m".parse().unwrap(), "NRC", date(2022, 1, 13)))
            .is_err()
    );
    assert_eq!(n.remove_proposal("p").unwrap().title, "t");
    assert!(n.proposals().next().is_none());
    assert!(n.remove_meeting("m").is_some());
    assert!(n.remove_party("RU").is_some());
}

#[test]
fn order_of_insertion_is_kept_after_removal() {
    let mut n = Negotiation::new("t");
    for code in ["A", "B", "C", "D"] {
        n.add_party(Party::new(code.parse().unwrap(), code, PartyKind::State))
            .unwrap();
    }
    n.remove_party("B");
    let ids: Vec<&str> = n.parties().map(|p| p.id().as_str()).collect();
    assert_eq!(ids, ["A", "C", "D"]);
}

#[test]
fn membership_is_half_open() {
    let mut m = pactum::Membership::new("GB".parse().unwrap(), date(1973, 1, 1));
    m.until = Some(date(2020, 1, 31));
    assert!(!m.is_member_on(date(1972, 12, 31)));
    assert!(m.is_member_on(date(1973, 1, 1)));
    assert!(m.is_member_on(date(2020, 1, 30)));
    assert!(!m.is_member_on(date(2020, 1, 31)));
}

#[test]
fn an_unknown_party_is_named_by_its_error() {
    let n = pactum::Negotiation::new("t");
    let e = n
        .resolve(
            &pactum::PartyRef::party(pactum::PartyId::from_static("XX")),
            None,
        )
        .unwrap_err();
    assert_eq!(e.party().as_str(), "XX");
    assert_eq!(e.to_string(), "unknown party `XX`");
}

#[test]
fn every_settable_field_has_a_builder() {
    use pactum::{
        Completeness, Delegate, Delegation, ProposalId, Provenance, Recital, Source, Status,
        TextBasis,
    };
    let p = Proposal::new(ProposalId::from_static("b"), "Answer", "A".parse().unwrap())
        .with_status(Status::Tabled)
        .with_answers(ProposalId::from_static("a"))
        .with_supersedes(ProposalId::from_static("a0"))
        .with_recital(Recital::new("Recalling").with_text_basis(TextBasis::Summary))
        .with_language("ru")
        .with_translated_from("en")
        .with_provenance(Provenance::new(Completeness::Partial));
    assert_eq!(p.status, Status::Tabled);
    assert_eq!(p.answers.as_ref().map(|id| id.as_str()), Some("a"));
    assert_eq!(p.supersedes.as_ref().map(|id| id.as_str()), Some("a0"));
    assert_eq!(p.preamble[0].text_basis, TextBasis::Summary);
    assert_eq!(
        (p.language.as_str(), p.translated_from.as_deref()),
        ("ru", Some("en"))
    );
    assert_eq!(p.provenance.completeness, Completeness::Partial);

    let m = Meeting::new(
        "m".parse().unwrap(),
        "NATO-Russia Council",
        date(2022, 1, 12),
    )
    .with_place("Brussels")
    .with_chair(Delegate::new("The Secretary General"))
    .with_delegation(Delegation::new("A".parse().unwrap()).with_note("all took part"))
    .with_agenda_item(ProposalId::from_static("b"))
    .with_outcome("no agreement")
    .with_source(Source::new("a report"));
    assert_eq!(m.place.as_deref(), Some("Brussels"));
    assert_eq!(
        m.chair.as_ref().map(|d| d.name.as_str()),
        Some("The Secretary General")
    );
    assert_eq!(m.delegations[0].note.as_deref(), Some("all took part"));
    assert_eq!(m.agenda.len(), 1);
    assert_eq!(m.outcome.as_deref(), Some("no agreement"));
    assert_eq!(m.sources.len(), 1);
}

#[test]
fn a_clause_debugs_as_its_fields_without_bookkeeping() {
    let shown = format!("{:?}", chain(2));
    assert!(shown.contains("children: [Clause {"), "{shown}");
    assert!(!shown.contains("depth"), "{shown}");
}

#[test]
fn parties_and_commitments_have_builders_for_their_dates() {
    use pactum::{Commitment, CommitmentId, Membership, Modality, Origin, PartyId};
    let p = Party::new(PartyId::from_static("X"), "Bloc", PartyKind::Alliance).with_membership(
        Membership::new(PartyId::from_static("A"), date(1990, 1, 1)).with_until(date(2000, 1, 1)),
    );
    assert_eq!(p.members[0].until, Some(date(2000, 1, 1)));
    assert!(!p.members[0].is_member_on(date(2000, 1, 1)));
    let c = Commitment::new(
        CommitmentId::from_static("k"),
        Modality::Obligation,
        "notify",
    )
    .with_from(date(2022, 1, 1))
    .with_until(date(2022, 12, 31))
    .with_origin(Origin::Inferred);
    assert_eq!(
        (c.scope.from, c.scope.until),
        (Some(date(2022, 1, 1)), Some(date(2022, 12, 31)))
    );
    assert_eq!(c.origin, Origin::Inferred);
}
