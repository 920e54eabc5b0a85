//! Growth with size: reading the JSON format, validating, and importing the same draft as
//! text, at 1,000, 10,000 and 100,000 clauses (the diff and its apply at those sizes are in
//! `benches/diff.rs`).
//!
//! ```text
//! cargo bench --bench scale
//! ```

// criterion_group! and criterion_main! generate functions that cannot carry docs.
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pactum::import;
use pactum::{Proposal, format, validate};

mod support;

/// The draft as a plain text: "Article 1", its sentence, then its numbered paragraphs.
fn as_text(p: &Proposal) -> String {
    let mut out = String::from("A generated agreement\n\n");
    for article in &p.clauses {
        out.push_str(article.number.as_deref().unwrap_or("Article"));
        out.push('\n');
        out.push_str(&article.text);
        out.push_str("\n\n");
        for para in article.children() {
            out.push_str(para.number.as_deref().unwrap_or("-"));
            out.push(' ');
            out.push_str(&para.text);
            out.push_str("\n\n");
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let options = support::import_options();
    let mut group = c.benchmark_group("scale");
    for n in [1_000usize, 10_000, 100_000] {
        if n >= 100_000 {
            group.sample_size(10);
        }
        let draft = support::draft(n, 1);
        let document = support::document(&draft);
        let json = format::to_string(&document).into_bytes();
        let text = as_text(&draft);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("parse", n), &json, |b, json| {
            b.iter_with_large_drop(|| format::from_slice(json).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("validate", n), &document, |b, d| {
            b.iter(|| std::hint::black_box(validate::validate(d)))
        });
        group.bench_with_input(BenchmarkId::new("import", n), &text, |b, text| {
            b.iter_with_large_drop(|| import::text(text, &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
