//! Importing generated treaty texts of 1 MB and 10 MB (articles, numbered paragraphs, lettered
//! points, deontic sentences), in bytes per second.
//!
//! ```text
//! cargo bench --bench import
//! ```

// criterion_group! and criterion_main! generate functions that cannot carry docs.
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pactum::import::{self, ImportOptions};
use pactum::{Party, PartyKind};

mod support;

/// A treaty text of about `bytes` bytes.
fn treaty(bytes: usize) -> String {
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
            serial += 1;
            out.push_str(&format!("{p}. {}\n", support::sentence(&mut rng, serial)));
            if rng.chance(30) {
                for letter in ['a', 'b'] {
                    serial += 1;
                    out.push_str(&format!(
                        "({letter}) {}\n",
                        support::sentence(&mut rng, serial)
                    ));
                }
            }
        }
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut options = ImportOptions::new("bench".parse().unwrap(), "RU".parse().unwrap());
    options.parties = vec![
        Party::new(
            "RU".parse().unwrap(),
            "Russian Federation",
            PartyKind::State,
        ),
        Party::new("US".parse().unwrap(), "United States", PartyKind::State),
    ];
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for mb in [1usize, 10] {
        let text = treaty(mb << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("text", format!("{mb}MB")),
            &text,
            |b, text| b.iter(|| std::hint::black_box(import::text(text, &options).unwrap())),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
