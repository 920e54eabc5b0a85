//! The comparison against ground truth: generated drafts with the exact edits made to them.
#![cfg(feature = "proptest")]

use std::collections::HashSet;

use pactum::ClauseId;
use pactum::diff::{ClauseChangeKind as K, CommitmentChange, Diff, MatchedBy, Options, compare};
use pactum::strategy::{Edit, EditedPair, edited_pair, templated_pair};
use proptest::prelude::*;

/// 128 cases, or `EDITS_CASES` of them: the rare edits that break a property show up over
/// 100,000 cases or so (`EDITS_CASES=100000 cargo test --release --all-features --test edits`).
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("EDITS_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(128),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn entry<'a>(d: &'a Diff, id: &ClauseId, new_side: bool) -> Option<&'a pactum::diff::ClauseDiff> {
    d.clauses.iter().find(|c| {
        if new_side {
            c.new.as_ref()
        } else {
            c.old.as_ref()
        }
        .is_some_and(|p| &p.id == id)
    })
}

/// Checks every edit is found as made, and nothing else is reported changed.
fn check(pair: &EditedPair, d: &Diff, ids: bool) -> Result<(), TestCaseError> {
    let touched: HashSet<&ClauseId> = pair.edits.iter().flat_map(Edit::clauses).collect();
    // In a templated pair, every clause names another party: that change alone is no edit.
    let only_renamed = |c: &pactum::diff::ClauseDiff| {
        let (Some((from, to)), Some(text)) = (&pair.renamed, &c.text) else {
            return false;
        };
        c.kinds == [K::Modified]
            && text.ops.iter().all(|op| match op {
                pactum::diff::TextOp::Equal(_) => true,
                pactum::diff::TextOp::Delete(w) => w.trim() == from,
                pactum::diff::TextOp::Insert(w) => w.trim() == to,
                _ => false,
            })
    };
    for c in &d.clauses {
        if c.kinds != [K::Unchanged] && !only_renamed(c) {
            let side_ids: Vec<&ClauseId> = c.old.iter().chain(&c.new).map(|p| &p.id).collect();
            prop_assert!(
                side_ids.iter().any(|id| touched.contains(id)),
                "{:?} reported {:?}, but no edit touched it",
                side_ids,
                c.kinds
            );
        }
    }
    for edit in &pair.edits {
        match edit {
            Edit::Inserted(id) => {
                prop_assert_eq!(
                    &entry(d, id, true).unwrap().kinds,
                    &pactum::diff::ChangeKinds::from([K::Added])
                )
            }
            Edit::Deleted(id) => {
                prop_assert_eq!(
                    &entry(d, id, false).unwrap().kinds,
                    &pactum::diff::ChangeKinds::from([K::Removed])
                )
            }
            Edit::Moved(id) => prop_assert!(
                entry(d, id, true).unwrap().is(K::Moved),
                "{:?} not moved",
                id
            ),
            Edit::Reparented(id) => prop_assert!(
                entry(d, id, true).unwrap().is(K::Reparented),
                "{:?} not reparented",
                id
            ),
            Edit::Renumbered(id) => prop_assert!(
                entry(d, id, true).unwrap().is(K::Renumbered),
                "{:?} not renumbered",
                id
            ),
            Edit::Reworded(id) => {
                let c = entry(d, id, true).unwrap();
                prop_assert!(c.is(K::Modified));
                // Paired right, with ids or without; without, by its text or, when its
                // children pair, by them.
                prop_assert_eq!(&c.old.as_ref().unwrap().id, id);
                if !ids {
                    prop_assert!(
                        matches!(
                            c.matched_by,
                            Some(MatchedBy::Similarity | MatchedBy::Structure)
                        ),
                        "{:?}",
                        c.matched_by
                    );
                }
            }
            Edit::Split { clause, second } => {
                prop_assert!(
                    d.splits
                        .iter()
                        .any(|s| &s.old == clause && s.new == [clause.clone(), second.clone()]),
                    "split of {:?} not found: {:?}",
                    clause,
                    d.splits
                );
            }
            Edit::Merged { clause, second } => {
                prop_assert!(
                    d.merges
                        .iter()
                        .any(|m| &m.new == clause && m.old == [clause.clone(), second.clone()]),
                    "merge into {:?} not found: {:?}",
                    clause,
                    d.merges
                );
            }
            Edit::ModalityChanged {
                clause, old, new, ..
            } => {
                prop_assert!(
                    d.commitments.iter().any(|c| c.new_clause.as_ref() == Some(clause)
                        && c.changes.iter().any(|k| matches!(k, CommitmentChange::Modality { old: o, new: n, .. } if o == old && n == new))),
                    "modality change of {:?} not found", clause
                );
            }
            _ => {}
        }
    }
    // No pair by similarity below the threshold.
    for c in &d.clauses {
        if c.matched_by == Some(MatchedBy::Similarity) {
            prop_assert!(c.similarity >= Options::default().similarity_threshold);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_edit_is_found_as_made_with_ids(pair in edited_pair(6)) {
        let d = compare(&pair.old, &pair.new, &Options::default());
        check(&pair, &d, true)?;
        prop_assert_eq!(&d.apply(&pair.old).unwrap(), &pair.new);
    }

    #[test]
    fn every_edit_is_found_as_made_without_ids(pair in edited_pair(6)) {
        let d = compare(&pair.old, &pair.new, &Options::default().without_ids());
        check(&pair, &d, false)?;
        prop_assert_eq!(&d.invert().apply(&pair.new).unwrap(), &pair.old);
    }

    #[test]
    fn every_edit_is_found_in_templated_drafts_with_ids(pair in templated_pair(6)) {
        let d = compare(&pair.old, &pair.new, &Options::default());
        check(&pair, &d, true)?;
        prop_assert_eq!(&d.apply(&pair.old).unwrap(), &pair.new);
    }

    #[test]
    fn every_edit_is_found_in_templated_drafts_without_ids(pair in templated_pair(6)) {
        let d = compare(&pair.old, &pair.new, &Options::default().without_ids());
        check(&pair, &d, false)?;
        prop_assert_eq!(&d.invert().apply(&pair.new).unwrap(), &pair.old);
    }

    #[test]
    fn the_edited_drafts_are_valid(pair in edited_pair(6)) {
        prop_assert!(!pair.old.validate().has_errors(), "{}", pair.old.validate());
        prop_assert!(!pair.new.validate().has_errors(), "{}", pair.new.validate());
    }
}
