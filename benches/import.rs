//! Importing generated treaty texts of 1 MB and 10 MB (articles, numbered paragraphs, lettered
//! points, deontic sentences), in bytes per second: wrapped at 80 columns as copied from a PDF,
//! and dense, one clause per line.
//!
//! The import is timed without dropping what it returns (`iter_with_large_drop`): freeing a
//! large proposal is the caller's cost, whenever it is done with it, and it is measured
//! apart, as `import/drop/dense/10MB`.
//!
//! `import/hostile` times the shapes built to find a quadratic corner: one 12 MB article that
//! never ends a sentence (wrapped, and on one line), 100,000 headings that all read
//! "Article 1", and 10,000 points nested as deep as points go and back.
//!
//! ```text
//! cargo bench --bench import
//! ```

// criterion_group! and criterion_main! generate functions that cannot carry docs.
#![allow(missing_docs)]

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pactum::import;

mod support;

fn bench(c: &mut Criterion) {
    let options = support::import_options();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for (shape, dense) in [("wrapped", false), ("dense", true)] {
        for mb in [1usize, 10] {
            let text = support::treaty(mb << 20, dense);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(shape, format!("{mb}MB")),
                &text,
                |b, text| b.iter_with_large_drop(|| import::text(text, &options).unwrap()),
            );
        }
    }
    let text = support::treaty(10 << 20, true);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("drop/dense/10MB", |b| {
        b.iter_batched(
            || import::text(&text, &options).unwrap(),
            drop,
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The inputs most likely to find a quadratic corner: each must import in linear time.
fn hostile(c: &mut Criterion) {
    use support::hostile;
    let options = support::import_options();
    let mut group = c.benchmark_group("import/hostile");
    group.sample_size(10);
    let cases = [
        (
            "no-sentence-end/12MB",
            hostile::no_sentence_end(12 << 20, false),
        ),
        ("one-line/12MB", hostile::no_sentence_end(12 << 20, true)),
        ("equal-headings/100k", hostile::equal_headings(100_000)),
        ("nested-points/10k", hostile::nested_points(10_000)),
    ];
    for (name, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter_with_large_drop(|| import::text(text, &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench, hostile);
criterion_main!(benches);
