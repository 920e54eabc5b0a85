//! Adversarial comparisons: each runs within the diff's deterministic work budgets (token
//! counts, never time), and the test asserts that the result is right, or that it says it is
//! approximate. How long each takes is measured by `cargo bench --bench adversarial`.

use pactum::Proposal;
use pactum::diff::{Diff, Granularity, Options, compare};

#[path = "../benches/support/mod.rs"]
mod support;

/// The diff rebuilds `new` from `old` and its inverse goes back: the result is right even
/// where a budget made it coarse.
fn round_trips(d: &Diff, old: &Proposal, new: &Proposal) {
    assert_eq!(d.apply(old).as_ref(), Ok(new));
    assert_eq!(d.invert().apply(new).as_ref(), Ok(old));
}

fn both_ways() -> [Options; 2] {
    [Options::default(), Options::default().without_ids()]
}

#[test]
fn ten_thousand_identical_clauses_pair_in_order() {
    let old = support::identical(10_000, "old");
    let new = support::identical(10_000, "new");
    for options in both_ways() {
        let d = compare(&old, &new, &options);
        assert_eq!(d.summary.unchanged, 10_000);
        assert_eq!(d.summary.moved + d.summary.modified + d.summary.added, 0);
        assert!(!d.approximate);
        round_trips(&d, &old, &new);
    }
}

#[test]
fn a_1_mb_clause_against_a_reworded_copy_is_compared_by_sentences() {
    let (old, new) = support::big_clause(1 << 20);
    for options in both_ways() {
        let d = compare(&old, &new, &options);
        assert_eq!(d.summary.modified, 1);
        // Far above the word budget (20,000 tokens): sentence by sentence, and said so.
        let text = d.clauses[0].text.as_ref().expect("a text change");
        assert_eq!(text.granularity, Granularity::Sentence);
        assert!(d.approximate);
        round_trips(&d, &old, &new);
    }
}

#[test]
fn a_tight_budget_replaces_texts_whole_and_says_so() {
    let (old, new) = support::big_clause(64 << 10);
    let mut options = Options::default();
    options.word_budget = 100;
    options.total_budget = 100;
    let d = compare(&old, &new, &options);
    let text = d.clauses[0].text.as_ref().expect("a text change");
    assert_eq!(text.granularity, Granularity::Whole);
    assert!(d.approximate);
    round_trips(&d, &old, &new);
}

#[test]
fn a_hundred_thousand_tiny_clauses() {
    let (old, new) = support::tiny(100_000);
    // The edits `tiny` makes, counted from its rules: removed clauses take their additions
    // and rewordings with them.
    let count = |every: usize| {
        (0..100_000)
            .filter(|k| k % every == every - 1 && k % 50 != 49)
            .count()
    };
    for options in both_ways() {
        let d = compare(&old, &new, &options);
        assert_eq!(d.summary.removed, 2_000);
        assert_eq!(d.summary.added, count(90));
        assert_eq!(d.summary.modified, count(70));
        assert!(!d.approximate);
        round_trips(&d, &old, &new);
    }
}

#[test]
fn a_draft_against_its_own_reversal() {
    let old = support::draft(10_000, 3);
    let new = support::reversed(&old);
    for options in both_ways() {
        let d = compare(&old, &new, &options);
        // Every article but one moves; nothing else changes.
        assert_eq!(d.summary.moved, old.clauses.len() - 1);
        assert_eq!(d.summary.added + d.summary.removed + d.summary.modified, 0);
        round_trips(&d, &old, &new);
    }
}

#[test]
fn two_thousand_commitments_in_one_clause_pair_by_their_actions() {
    let (old, new) = support::many_commitments(2_000);
    let d = compare(&old, &new, &Options::default());
    let count = |f: &dyn Fn(&pactum::diff::CommitmentChange) -> bool| {
        d.commitments
            .iter()
            .filter(|c| c.changes.iter().any(f))
            .count()
    };
    use pactum::diff::CommitmentChange as K;
    // Every 25th is gone; the others pair by their actions (the ids all changed), the
    // reworded ones with a change of action.
    assert_eq!(count(&|k| matches!(k, K::Dropped)), 2_000 / 25);
    assert_eq!(count(&|k| matches!(k, K::Added)), 0);
    assert!(count(&|k| matches!(k, K::Action { .. })) >= 150);
    round_trips(&d, &old, &new);
}

/// The maps keyed by input are seeded afresh for every map, so no map's order may reach a
/// result: the same comparison and the same import give the same bytes every time.
#[cfg(feature = "serde")]
#[test]
fn results_do_not_depend_on_the_seeds_of_the_maps() {
    let old = support::draft(3_000, 5);
    let new = support::edited(&old, 6);
    let json = |options: &Options| serde_json::to_string(&compare(&old, &new, options)).unwrap();
    for options in both_ways() {
        let first = json(&options);
        for _ in 0..3 {
            assert_eq!(json(&options), first);
        }
    }
    // Repeated texts (runs, repeated lines) in a draft and in an imported text.
    let (a, b) = (
        support::identical(2_000, "old"),
        support::identical(2_000, "new"),
    );
    let first = serde_json::to_string(&compare(&a, &b, &Options::default().without_ids())).unwrap();
    assert_eq!(
        serde_json::to_string(&compare(&a, &b, &Options::default().without_ids())).unwrap(),
        first
    );
    let text: String = (1..=300)
        .map(|i| format!("Article {i}\n\nEach Party shall notify the other Party.\nPage header of the draft\n\n"))
        .collect();
    let options = pactum::import::ImportOptions::new("t".parse().unwrap(), "A".parse().unwrap());
    let import = || {
        let (p, report) = pactum::import::text(&text, &options).unwrap();
        (serde_json::to_string(&p).unwrap(), report.to_string())
    };
    let first = import();
    assert_eq!(import(), first);
}
