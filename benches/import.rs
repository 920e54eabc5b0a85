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

/// Wraps a paragraph at 80 columns, as text copied from a PDF or a web page is.
fn wrapped(out: &mut String, first: &str, paragraph: &str) {
    let mut line = String::from(first);
    for word in paragraph.split(' ') {
        if line.len() + 1 + word.len() > 80 && !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        } else if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push_str("\n\n");
}

/// A treaty text of about `bytes` bytes: articles of three numbered paragraphs of two to four
/// sentences, wrapped at 80 columns, some with lettered points (`dense` instead puts one
/// sentence on each line, one clause per sentence: the worst case, a commitment every 150
/// bytes).
fn treaty(bytes: usize, dense: bool) -> String {
    let mut rng = support::Rng::new(7);
    let mut out = String::from(
        "Agreement on Generated Measures\n\nThe Parties, determined to test, noting the need for speed, have agreed as follows:\n\n",
    );
    let mut article = 0;
    let mut serial = 0;
    while out.len() < bytes {
        article += 1;
        out.push_str(&format!("Article {article}\n"));
        for p in 1..=3 {
            let sentences = if dense { 1 } else { 2 + rng.below(3) };
            let paragraph: Vec<String> = (0..sentences)
                .map(|_| {
                    serial += 1;
                    support::sentence(&mut rng, serial)
                })
                .collect();
            if dense {
                out.push_str(&format!("{p}. {}\n", paragraph[0]));
            } else {
                wrapped(&mut out, &format!("{p}."), &paragraph.join(" "));
            }
            if rng.chance(30) {
                for letter in ['a', 'b'] {
                    serial += 1;
                    let point = support::sentence(&mut rng, serial);
                    if dense {
                        out.push_str(&format!("({letter}) {point}\n"));
                    } else {
                        wrapped(&mut out, &format!("({letter})"), &point);
                    }
                }
            }
        }
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = support::import_options();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for (shape, dense) in [("wrapped", false), ("dense", true)] {
        for mb in [1usize, 10] {
            let text = treaty(mb << 20, dense);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(shape, format!("{mb}MB")),
                &text,
                |b, text| b.iter_with_large_drop(|| import::text(text, &options).unwrap()),
            );
        }
    }
    let text = treaty(10 << 20, true);
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
