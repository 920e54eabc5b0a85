//! The diff as a patch: apply rebuilds the new proposal exactly, invert goes back, and a diff
//! that does not fit fails whole, naming the change.

use pactum::diff::{Options, compare};
use pactum::{Clause, Proposal, Recital, Status};

fn clause(id: &str, number: &str, text: &str) -> Clause {
    Clause::new(id.parse().unwrap(), text).with_number(number)
}

fn pair() -> (Proposal, Proposal) {
    let mut a = Proposal::new("a".parse().unwrap(), "Draft", "A".parse().unwrap());
    a.preamble = vec![
        Recital::new("determined to prevent incidents"),
        Recital::new("recalling the Charter"),
    ];
    let mut art = clause("a1", "Article 1", "");
    art.push_child(clause(
        "a1.1",
        "1.",
        "The Parties shall consult one another.",
    ))
    .unwrap();
    art.push_child(clause("a1.2", "2.", "Each Party shall notify exercises."))
        .unwrap();
    a.clauses = vec![
        art,
        clause(
            "a2",
            "Article 2",
            "This Agreement enters into force on signature.",
        ),
    ];
    let mut b = Proposal::new("b".parse().unwrap(), "Draft, revised", "A".parse().unwrap());
    b.status = Status::Tabled;
    b.preamble = vec![Recital::new("determined to prevent incidents at sea")];
    let mut art = clause("x1", "Article 1", "");
    art.push_child(clause(
        "x1.1",
        "1.",
        "Each Party shall notify large exercises.",
    ))
    .unwrap();
    b.clauses = vec![
        clause("x0", "Article 1", "The Parties should consult one another."),
        art,
    ];
    b.clauses[1].number = Some("Article 2".into());
    (a, b)
}

#[test]
fn apply_and_invert_on_a_hand_made_pair() {
    let (a, b) = pair();
    for options in [Options::default(), Options::default().without_ids()] {
        let d = compare(&a, &b, &options);
        assert_eq!(d.apply(&a).unwrap(), b);
        assert_eq!(d.invert().apply(&b).unwrap(), a);
        assert_eq!(d.invert().invert(), d);
    }
}

#[test]
fn a_diff_applied_elsewhere_fails_whole_and_says_where() {
    let (a, b) = pair();
    let d = compare(&a, &b, &Options::default().without_ids());
    let err = d.apply(&b).unwrap_err();
    assert_eq!(err.change(), "proposal.id");

    let mut changed = a.clone();
    changed.title = "Another title".into();
    let err = d.apply(&changed).unwrap_err();
    assert_eq!(err.change(), "proposal.title");
    assert!(err.problem().contains("Another title"), "{err}");

    let mut changed = a.clone();
    changed.clauses[1].text = "Something else.".into();
    let err = d.apply(&changed).unwrap_err();
    assert!(err.change().starts_with("clauses["), "{err}");
    assert!(
        err.to_string()
            .starts_with("the diff does not fit `a`: clauses["),
        "{err}"
    );

    let mut extra = a.clone();
    extra.clauses.push(clause("a9", "Article 9", "Extra."));
    assert_eq!(d.apply(&extra).unwrap_err().change(), "clauses");

    let mut fewer = a.clone();
    fewer.preamble.pop();
    assert!(
        d.apply(&fewer)
            .unwrap_err()
            .change()
            .starts_with("preamble")
    );

    let mut moved = a.clone();
    moved.clauses.swap(0, 1);
    assert!(d.apply(&moved).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn a_diff_read_back_from_json_applies_the_same() {
    let (a, b) = pair();
    let d = compare(&a, &b, &Options::default());
    let json = serde_json::to_string(&d).unwrap();
    let back: pactum::diff::Diff = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    assert_eq!(back.apply(&a).unwrap(), b);
}

#[cfg(feature = "proptest")]
mod properties {
    use super::*;
    use pactum::strategy::{self, Limits};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any two generated proposals, related or not, both ways, ids on and off.
        #[test]
        fn apply_rebuilds_and_invert_goes_back(n in strategy::negotiation(Limits::default())) {
            let ps: Vec<&Proposal> = n.proposals().collect();
            for a in &ps {
                for b in &ps {
                    for options in [Options::default(), Options::default().without_ids()] {
                        let d = compare(a, b, &options);
                        prop_assert_eq!(&d.apply(a).unwrap(), *b);
                        prop_assert_eq!(&d.invert().apply(b).unwrap(), *a);
                        prop_assert_eq!(&d.invert().invert(), &d);
                        if a.id() == b.id() {
                            prop_assert!(!d.has_changes());
                        }
                    }
                }
            }
        }
    }

    #[cfg(feature = "serde")]
    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn json_round_trips_apply_the_same(n in strategy::negotiation(Limits::default())) {
            let ps: Vec<&Proposal> = n.proposals().collect();
            let (a, b) = (ps[0], ps[ps.len() - 1]);
            let d = compare(a, b, &Options::default().without_ids());
            let back: pactum::diff::Diff = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
            prop_assert_eq!(&back, &d);
            prop_assert_eq!(&back.apply(a).unwrap(), b);
        }
    }
}

#[test]
fn a_change_of_kind_or_a_deletion_is_a_modification_that_applies_and_inverts() {
    let mut a = Proposal::new("a".parse().unwrap(), "Draft", "A".parse().unwrap());
    a.clauses = vec![
        clause("a1", "Article 1", "The Parties shall consult.")
            .with_kind(pactum::ClauseKind::Article),
    ];
    let mut b = a.clone();
    b.clauses[0].kind = Some(pactum::ClauseKind::Annex);
    b.clauses[0].deleted = true;
    let d = compare(&a, &b, &Options::default());
    let c = &d.clauses[0];
    assert!(c.is(pactum::diff::ClauseChangeKind::Modified));
    assert_eq!(
        c.kind.as_ref().map(|k| (k.old, k.new)),
        Some((
            Some(pactum::ClauseKind::Article),
            Some(pactum::ClauseKind::Annex)
        ))
    );
    assert_eq!(
        c.deleted.as_ref().map(|k| (k.old, k.new)),
        Some((false, true))
    );
    assert_eq!(d.apply(&a).unwrap(), b);
    assert_eq!(d.invert().apply(&b).unwrap(), a);
    assert!(d.to_string().contains("kind: article -> annex"), "{d}");
}
