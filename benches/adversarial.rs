//! How long the adversarial comparisons of `tests/adversarial.rs` take with the default work
//! budgets: two drafts of 10,000 identical clauses, a 1 MB clause against a reworded copy,
//! 100,000 tiny clauses against an edited copy, a draft of 10,000 clauses against its own
//! reversal, and one clause of 2,000 and of 20,000 commitments whose ids all changed (ids on,
//! as by default; the tests check ids off as well).
//!
//! ```text
//! cargo bench --bench adversarial
//! ```

// criterion_group! and criterion_main! generate functions that cannot carry docs.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use pactum::Proposal;
use pactum::diff::{Options, compare};

mod support;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    let cases: [(&str, Proposal, Proposal); 6] = [
        (
            "identical_10k",
            support::identical(10_000, "old"),
            support::identical(10_000, "new"),
        ),
        {
            let (old, new) = support::big_clause(1 << 20);
            ("reworded_1MB_clause", old, new)
        },
        {
            let (old, new) = support::tiny(100_000);
            ("tiny_100k", old, new)
        },
        {
            let old = support::draft(10_000, 3);
            let new = support::reversed(&old);
            ("reversed_10k", old, new)
        },
        {
            let (old, new) = support::many_commitments(2_000);
            ("commitments_2k_in_one_clause", old, new)
        },
        {
            let (old, new) = support::many_commitments(20_000);
            ("commitments_20k_in_one_clause", old, new)
        },
    ];
    let options = Options::default();
    for (name, old, new) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| std::hint::black_box(compare(old, new, &options)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
