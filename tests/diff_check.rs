//! A diff is checked where it is read and where it is applied: a diff that breaks an invariant,
//! or a patch that lies about the proposal, is refused with an error that says where and what,
//! never a panic and never a quietly wrong result.
#![cfg(feature = "serde")]

use pactum::diff::{
    ClauseChangeKind, CommitmentChange, DIFF_FORMAT_VERSION, Diff, Options, PatchErrorKind, compare,
};
use pactum::{Clause, Commitment, Modality, Proposal};

fn clause(id: &str, number: &str, text: &str) -> Clause {
    Clause::new(id.parse().unwrap(), text).with_number(number)
}

/// A draft of four articles, and the same with Article 2 reworded.
fn pair() -> (Proposal, Proposal) {
    let mut a = Proposal::new("a".parse().unwrap(), "Draft", "A".parse().unwrap());
    a.clauses = (1..=4)
        .map(|n| {
            clause(
                &format!("art-{n}"),
                &format!("Article {n}"),
                &format!("The Parties shall consult on matter {n}."),
            )
        })
        .collect();
    let mut b = a.clone();
    b.clauses[1].text = "The Parties shall consult on matter two, promptly.".into();
    (a, b)
}

fn json(d: &Diff) -> serde_json::Value {
    serde_json::to_value(d).unwrap()
}

fn read(v: serde_json::Value) -> Result<Diff, String> {
    serde_json::from_value::<Diff>(v).map_err(|e| e.to_string())
}

#[test]
fn a_diff_is_written_with_its_version_and_reads_back() {
    let (a, b) = pair();
    let d = compare(&a, &b, &Options::default());
    let written = serde_json::to_string_pretty(&d).unwrap();
    // Without brackets, as before they came (1.1, DIFF_FORMAT_VERSION, added them).
    assert_eq!(DIFF_FORMAT_VERSION, "1.1");
    assert!(written.starts_with("{\n  \"pactum_diff\": \"1.0\","));
    assert_eq!(serde_json::from_str::<Diff>(&written).unwrap(), d);
    assert_eq!(d.check(), Ok(()));
}

#[test]
fn diffs_without_a_version_or_of_another_major_version_are_refused() {
    let (a, b) = pair();
    let mut v = json(&compare(&a, &b, &Options::default()));
    v.as_object_mut().unwrap().remove("pactum_diff");
    assert!(
        read(v.clone())
            .unwrap_err()
            .contains("missing field `pactum_diff`")
    );
    v["pactum_diff"] = "2.0".into();
    assert!(
        read(v.clone())
            .unwrap_err()
            .contains("unsupported diff format version `2.0`")
    );
    // A version of a megabyte is quoted in a few dozen bytes.
    v["pactum_diff"] = "9".repeat(1 << 20).into();
    let e = read(v.clone()).unwrap_err();
    assert!(e.len() < 512 && e.contains("999…`"), "{} bytes", e.len());
    v["pactum_diff"] = "1.3".into();
    assert!(read(v).is_ok(), "a later minor version reads");
}

#[test]
fn an_entry_with_neither_side_is_refused_where_it_stands() {
    let (a, b) = pair();
    let mut v = json(&compare(&a, &b, &Options::default()));
    let entry = v["clauses"][2].as_object_mut().unwrap();
    entry.remove("old");
    entry.remove("new");
    let e = read(v).unwrap_err();
    assert!(e.starts_with("$.clauses[2]: an entry with neither"), "{e}");
}

#[test]
fn a_moved_clause_without_its_new_place_is_refused() {
    let (a, b) = pair();
    let mut v = json(&compare(&a, &b, &Options::default()));
    v["clauses"][3]["kinds"] = serde_json::json!(["moved"]);
    v["clauses"][3].as_object_mut().unwrap().remove("new");
    let e = read(v).unwrap_err();
    assert!(
        e.starts_with("$.clauses[3].kinds[0]: `moved` does not fit an entry with only an old side"),
        "{e}"
    );
}

#[test]
fn places_that_are_no_tree_are_refused() {
    let (a, b) = pair();
    let base = json(&compare(&a, &b, &Options::default()));
    let mut orphan = base.clone();
    orphan["clauses"][1]["new"]["parent"] = "nowhere".into();
    let e = read(orphan).unwrap_err();
    assert!(
        e.contains("the parent `nowhere` is no new clause of the diff"),
        "{e}"
    );
    let mut gap = base.clone();
    gap["clauses"][3]["old"]["index"] = 7.into();
    assert!(
        read(gap)
            .unwrap_err()
            .contains("sibling places leave a gap or repeat")
    );
    let mut cycle = base;
    cycle["clauses"][0]["new"]["parent"] = "art-2".into();
    cycle["clauses"][1]["new"]["parent"] = "art-1".into();
    cycle["clauses"][0]["new"]["index"] = 0.into();
    cycle["clauses"][1]["new"]["index"] = 0.into();
    cycle["clauses"][2]["new"]["index"] = 0.into();
    cycle["clauses"][3]["new"]["index"] = 1.into();
    let e = read(cycle.clone()).unwrap_err();
    assert!(e.contains("its own ancestor"), "{e}\n{cycle}");
}

#[test]
fn a_patch_that_names_one_clause_twice_is_refused_not_applied() {
    let (a, b) = pair();
    // Article 4's entry replaced by a copy of Article 3's, keeping Article 4's new place:
    // Article 4's text would vanish unchecked.
    let mut d = compare(&a, &b, &Options::default());
    let four_new = d.clauses[3].new.clone();
    d.clauses[3] = d.clauses[2].clone();
    d.clauses[3].new = four_new;
    let e = d.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::Unaccounted);
    assert!(
        e.problem()
            .contains("`art-3` is named by an earlier entry too"),
        "{e}"
    );
    // Read from JSON, the same lie is refused on reading.
    let e = read(json(&d)).unwrap_err();
    assert!(
        e.contains("the old clause id `art-3` is used by an earlier entry too"),
        "{e}"
    );
}

#[test]
fn a_patch_that_leaves_a_clause_out_names_it() {
    let (a, b) = pair();
    let mut d = compare(&a, &b, &Options::default());
    d.clauses.remove(3);
    let e = d.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::Unaccounted);
    assert!(e.problem().contains("(first: `art-4`)"), "{e}");
}

#[test]
fn children_inside_an_added_clauses_content_are_refused_not_dropped() {
    let a = pair().0;
    let mut b = a.clone();
    b.clauses.push(clause("art-5", "Article 5", "New."));
    let mut d = compare(&a, &b, &Options::default());
    let added = d
        .clauses
        .iter_mut()
        .find(|c| c.is(ClauseChangeKind::Added))
        .unwrap();
    let content = added.clause.as_mut().unwrap();
    content
        .push_child(clause("art-5.p-1", "1.", "Lost?"))
        .unwrap();
    let e = d.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::MalformedEntry);
    assert!(e.problem().contains("holds 1 children"), "{e}");
    assert!(
        d.check()
            .unwrap_err()
            .message()
            .contains("holds no children")
    );
}

#[test]
fn an_edited_patch_that_repeats_a_commitment_id_is_refused() {
    let (mut a, mut b) = pair();
    let k = |action: &str| {
        let mut c = Commitment::new("k1".parse().unwrap(), Modality::Obligation, action);
        c.obligors = vec![pactum::PartyRef::party("A".parse().unwrap())];
        c
    };
    a.clauses[0].commitments = vec![k("consult")];
    b.clauses[0].commitments = vec![k("consult"), {
        let mut c = k("report");
        c.id = "k2".parse().unwrap();
        c
    }];
    let mut d = compare(&a, &b, &Options::default());
    assert_eq!(d.apply(&a).unwrap(), b);
    let added = d
        .commitments
        .iter_mut()
        .find(|c| c.changes == [CommitmentChange::Added])
        .unwrap();
    added.new.as_mut().unwrap().id = "k1".parse().unwrap();
    let e = d.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::DuplicateCommitmentId);
    assert!(e.problem().contains("`k1` is used twice"), "{e}");
}

/// Two drafts whose first clause holds the commitments `old` and `new`.
fn with_commitments(old: Vec<Commitment>, new: Vec<Commitment>) -> (Proposal, Proposal) {
    let (mut a, mut b) = pair();
    a.clauses[0].commitments = old;
    b.clauses[0].commitments = new;
    (a, b)
}

fn commitment(id: &str, action: &str) -> Commitment {
    let mut c = Commitment::new(id.parse().unwrap(), Modality::Obligation, action);
    c.obligors = vec![pactum::PartyRef::party("A".parse().unwrap())];
    c
}

#[test]
fn commitment_changes_live_in_one_place_and_apply_rebuilds_from_it() {
    let (x, y, z) = (
        commitment("k1", "consult each other"),
        commitment("k2", "report every year to the council"),
        commitment("k3", "refrain from deploying forces"),
    );
    let mut y2 = y.clone();
    y2.modality = Modality::Recommendation;
    let (a, b) = with_commitments(vec![x.clone(), y, z.clone()], vec![z, y2, x]);
    let d = compare(&a, &b, &Options::default());
    // The clause entry says the clause changed, but holds no copy of its commitments.
    let json = serde_json::to_value(&d).unwrap();
    assert!(json["clauses"][0].get("commitments").is_none(), "{json}");
    assert!(d.clauses[0].is(ClauseChangeKind::Modified));
    // k2 changed modality; of the equal k1 and k3, one is listed as moved so that apply can
    // put them back in their new order.
    let names: Vec<Vec<&str>> = d
        .commitments
        .iter()
        .map(|c| c.changes.iter().map(|k| k.name()).collect())
        .collect();
    assert_eq!(names, [vec!["modality"], vec!["moved"]], "{names:?}");
    assert_eq!(d.apply(&a).unwrap(), b);
    assert_eq!(d.invert().apply(&b).unwrap(), a);
}

#[test]
fn reordered_obligors_and_changed_ids_are_changes_not_silence() {
    let x = commitment("k1", "consult each other");
    let mut x2 = x.clone();
    x2.obligors
        .push(pactum::PartyRef::party("B".parse().unwrap()));
    let mut x3 = x2.clone();
    x3.obligors.reverse();
    x3.id = "k9".parse().unwrap();
    let (a, b) = with_commitments(vec![x2], vec![x3]);
    let d = compare(&a, &b, &Options::default());
    let names: Vec<&str> = d.commitments[0].changes.iter().map(|k| k.name()).collect();
    assert_eq!(names, ["obligors"]);
    assert_eq!(
        d.commitments[0].changes[0].direction(),
        Some(pactum::diff::Direction::Neutral)
    );
    assert_eq!(d.apply(&a).unwrap(), b);
}

#[test]
fn a_removed_clauses_commitments_are_dropped_entries_and_must_all_be_there() {
    let (mut a, b) = pair();
    a.clauses[3].commitments = vec![commitment("k1", "consult"), commitment("k2", "report")];
    let mut b = b;
    b.clauses.remove(3);
    let mut d = compare(&a, &b, &Options::default());
    let removed = d
        .clauses
        .iter()
        .find(|c| c.is(ClauseChangeKind::Removed))
        .unwrap();
    assert!(removed.clause.as_ref().unwrap().commitments.is_empty());
    let dropped = d
        .commitments
        .iter()
        .filter(|c| c.changes == [CommitmentChange::Dropped])
        .count();
    assert_eq!(dropped, 2);
    assert_eq!(d.apply(&a).unwrap(), b);
    assert_eq!(d.invert().apply(&b).unwrap(), a);
    d.commitments.pop();
    let e = d.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::Unaccounted);
    assert!(
        e.problem().contains("no entry drops its commitment `k2`"),
        "{e}"
    );
}

#[test]
fn commitment_entries_that_lie_are_refused() {
    let (a, b) = with_commitments(
        vec![commitment("k1", "consult each other")],
        vec![{
            let mut c = commitment("k1", "consult each other");
            c.modality = Modality::Recommendation;
            c
        }],
    );
    let d = compare(&a, &b, &Options::default());
    assert_eq!(d.apply(&a).unwrap(), b);

    // The old commitment is not the one in the proposal.
    let mut lie = d.clone();
    lie.commitments[0].old.as_mut().unwrap().action = "something else".into();
    assert_eq!(lie.apply(&a).unwrap_err().kind(), PatchErrorKind::Mismatch);

    // A place past the end of the clause's list.
    let mut lie = d.clone();
    lie.commitments[0].new_index = Some(5);
    let e = lie.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::MalformedEntry);

    // An index without its commitment.
    let mut lie = d.clone();
    lie.commitments[0].new = None;
    assert_eq!(
        lie.apply(&a).unwrap_err().kind(),
        PatchErrorKind::MalformedEntry
    );
    assert!(lie.check().unwrap_err().message().contains("index"));

    // An entry for a clause that no clause entry stands for.
    let mut lie = d.clone();
    let k = lie.commitments[0].clone();
    let mut extra = k.clone();
    extra.old = None;
    extra.old_index = None;
    extra.new_clause = Some("nowhere".parse().unwrap());
    lie.commitments.push(extra);
    assert_eq!(
        lie.apply(&a).unwrap_err().kind(),
        PatchErrorKind::MalformedEntry
    );
    assert!(lie.check().is_err());

    // Content of an added clause that carries commitments itself.
    let mut b2 = b.clone();
    b2.clauses
        .push(pactum::Clause::new("art-9".parse().unwrap(), "New."));
    b2.clauses[4].commitments = vec![commitment("k5", "notify")];
    let mut d2 = compare(&a, &b2, &Options::default());
    assert_eq!(d2.apply(&a).unwrap(), b2);
    let added = d2
        .clauses
        .iter_mut()
        .find(|c| c.is(ClauseChangeKind::Added))
        .unwrap();
    added.clause.as_mut().unwrap().commitments = vec![commitment("k5", "notify")];
    let e = d2.apply(&a).unwrap_err();
    assert_eq!(e.kind(), PatchErrorKind::MalformedEntry);
    assert!(e.problem().contains("holds commitments"), "{e}");
}

#[test]
fn a_partys_view_reads_back_but_does_not_apply() {
    let n = pactum::format::from_str(include_str!("../examples/data/security-guarantees.json"))
        .unwrap();
    let old = n.proposal("ru-nato-2021-12-17").unwrap();
    let new = n.proposal("us-answer-2022-01-26").unwrap();
    let view = pactum::diff::compare_in(&n, old, new, &Options::default()).for_party("US");
    assert_eq!(view.party.as_ref().map(|p| p.as_str()), Some("US"));
    let back: Diff = serde_json::from_value(json(&view)).unwrap();
    assert_eq!(back, view);
    assert_eq!(view.apply(old).unwrap_err().kind(), PatchErrorKind::View);
}

#[test]
fn renderers_do_not_panic_on_a_hand_built_diff_that_breaks_the_invariants() {
    let (a, b) = pair();
    let mut d = compare(&a, &b, &Options::default());
    d.clauses[3].kinds = [ClauseChangeKind::Moved].into();
    d.clauses[3].new = None;
    assert!(d.check().is_err());
    let _ = pactum::render::text(&d);
    let _ = pactum::render::markdown(&d);
}
