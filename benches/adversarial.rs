//! How long the adversarial comparisons of `tests/adversarial.rs` take with the default work
//! budgets: two drafts of 10,000 identical clauses, a 1 MB clause against a reworded copy,
//! 100,000 tiny clauses against an edited copy, a draft of 10,000 clauses against its own
//! reversal, and one clause of 2,000 and of 20,000 commitments whose ids all changed (ids on,
//! as by default; the tests check ids off as well). Then 20,000 clauses whose ids and texts
//! share the low 12 bits of the fixed hash the maps used before they were seeded, so that a
//! table of 32,768 buckets puts them in 8 (`keys_colliding_20k`), beside as many keys of the
//! same shape taken as they come (`keys_plain_20k`): with seeded maps the two take the same
//! time. The group `old_hasher` shows that the keys collide: inserted into a map with the old
//! hasher, they take far longer than the plain ones. Last, `brackets_20k`: a clause of 20,000
//! optional spans and one of 20,000 alternatives alike, against the same words without
//! brackets, every bracket looked for in the other text within its work budget.
//!
//! ```text
//! cargo bench --bench adversarial
//! ```

// criterion_group! and criterion_main! generate functions that cannot carry docs.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use pactum::diff::{Options, compare};
use pactum::{Clause, Proposal};

mod support;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    let cases: [(&str, Proposal, Proposal); 9] = [
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
        {
            let (old, new) = support::keyed(20_000, true);
            let mask = (1 << support::COLLIDING_BITS) - 1;
            assert!(
                old.walk()
                    .all(|c| support::old_fx(c.id.as_str()) & mask == 0)
            );
            ("keys_colliding_20k", old, new)
        },
        {
            let (old, new) = support::keyed(20_000, false);
            ("keys_plain_20k", old, new)
        },
        {
            let draft = |id: &str, texts: [String; 2], bracketed: bool| {
                let mut p = Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap());
                for (i, t) in texts.into_iter().enumerate() {
                    let mut c = Clause::new(format!("art-{i}").parse().unwrap(), t);
                    c.bracketed = bracketed;
                    p = p.with_clause(c);
                }
                p
            };
            let old = draft(
                "old",
                [
                    format!("They act {}now.", "[x] ".repeat(20_000)),
                    format!("They act {}.", "[x]{A}".repeat(20_000)),
                ],
                true,
            );
            let new = draft(
                "new",
                [
                    format!("They act {}now.", "x ".repeat(20_000)),
                    "They act x.".to_owned(),
                ],
                false,
            );
            ("brackets_20k", old, new)
        },
    ];
    let options = Options::default();
    for (name, old, new) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| std::hint::black_box(compare(old, new, &options)))
        });
    }
    group.finish();

    // That the colliding keys do collide: a map with the old fixed hasher fills with them
    // far more slowly than with the plain keys.
    let mut group = c.benchmark_group("old_hasher");
    group.sample_size(10);
    type OldMap<'k> =
        std::collections::HashMap<&'k str, usize, std::hash::BuildHasherDefault<support::OldFx>>;
    for (name, collide) in [("insert_colliding_20k", true), ("insert_plain_20k", false)] {
        let keys = support::keys(20_000, collide);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut map = OldMap::default();
                for (k, key) in keys.iter().enumerate() {
                    map.insert(key.as_str(), k);
                }
                std::hint::black_box(map)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
