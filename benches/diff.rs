//! The diff on generated drafts of 1,000, 10,000 and 100,000 clauses (5% reworded, 2% moved,
//! 2% added, 2% removed, renumbered after the first removal), ids off and on, beside the
//! baseline: serde_json parsing the same two documents into `serde_json::Value`; applying
//! the diff to the old draft to rebuild the new one; rendering the comparison as an HTML
//! page (`render::html`); and the three-way merge of two revisions of the old draft (the new
//! one, and another edit of the old with other seeds), ids off, beside one diff (`ids_off`).
//!
//! ```text
//! cargo bench --bench diff
//! ```

// criterion_group! and criterion_main! generate functions that cannot carry docs.
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pactum::diff::{Options, compare};

mod support;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    for n in [1_000usize, 10_000, 100_000] {
        let old = support::draft(n, 1);
        let new = support::edited(&old, 2);
        let jsons = [
            pactum::format::to_string(&support::document(&old)).into_bytes(),
            pactum::format::to_string(&support::document(&new)).into_bytes(),
        ];
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(
            BenchmarkId::new("baseline_json_value", n),
            &jsons,
            |b, jsons| {
                b.iter(|| {
                    for json in jsons {
                        std::hint::black_box(
                            serde_json::from_slice::<serde_json::Value>(json).unwrap(),
                        );
                    }
                })
            },
        );
        for (name, options) in [
            ("ids_off", Options::default().without_ids()),
            ("ids_on", Options::default()),
        ] {
            group.bench_with_input(BenchmarkId::new(name, n), &(&old, &new), |b, (old, new)| {
                b.iter(|| std::hint::black_box(compare(old, new, &options)))
            });
        }
        let diff = compare(&old, &new, &Options::default().without_ids());
        assert_eq!(
            diff.apply(&old).as_ref(),
            Ok(&new),
            "the bench's diff must rebuild its target"
        );
        group.bench_with_input(
            BenchmarkId::new("apply", n),
            &(&diff, &old),
            |b, (diff, old)| b.iter(|| std::hint::black_box(diff.apply(old).unwrap())),
        );
        // Two revisions merged: two diffs and a walk over the clauses.
        let theirs = support::edited(&old, 3);
        let mut merge_options = pactum::merge::Options::new("merged".parse().unwrap());
        merge_options.diff = Options::default().without_ids();
        group.bench_with_input(
            BenchmarkId::new("merge", n),
            &(&old, &new, &theirs),
            |b, (old, new, theirs)| {
                b.iter(|| {
                    std::hint::black_box(
                        pactum::merge::three_way(old, new, theirs, &merge_options).unwrap(),
                    )
                })
            },
        );
        // The HTML page of the comparison, with its drafts: what a reader of it waits for
        // beside the diff.
        let view = pactum::render::Comparison::new(&diff, &old, &new).expect("its drafts");
        let options = pactum::render::HtmlOptions::default();
        group.bench_with_input(BenchmarkId::new("render_html", n), &view, |b, view| {
            b.iter(|| std::hint::black_box(view.html(&options)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
