//! The gold table of commitment changes read from text: old and new sentences in our own
//! words (`tests/data/commitments/gold.tsv`), each with the changes a reader expects. Each
//! pair is compared as two one-clause drafts with no commitment encoded, and the changes
//! reported are scored against the expected ones, per cause of error the table covers.
//!
//! `cargo test --test commitment_gold -- --nocapture` prints the figures.

use std::collections::BTreeMap;

use pactum::diff::{CommitmentChange, CommitmentDiff, Options, compare};
use pactum::{Clause, Proposal};

/// The least precision and recall per cause.
const FLOOR: f64 = 0.95;

struct Row {
    line: usize,
    cause: String,
    old: String,
    new: String,
    expected: Vec<String>,
}

fn rows() -> Vec<Row> {
    let text = include_str!("data/commitments/gold.tsv");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "line {}: four columns", i + 1);
            let expected = match f[3] {
                "none" => Vec::new(),
                list => list.split(", ").map(str::to_owned).collect(),
            };
            Row {
                line: i + 1,
                cause: f[0].to_owned(),
                old: f[1].to_owned(),
                new: f[2].to_owned(),
                expected,
            }
        })
        .collect()
}

/// A draft of one clause with this text and no commitment encoded; "-" is no clause.
fn draft(id: &str, text: &str) -> Proposal {
    let p = Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap());
    if text == "-" {
        return p;
    }
    p.with_clause(Clause::new("art-1".parse().unwrap(), text).with_number("Article 1"))
}

/// The changes of a diff's commitments in the table's words.
fn reported(commitments: &[CommitmentDiff]) -> Vec<String> {
    let mut out = Vec::new();
    for c in commitments {
        for change in &c.changes {
            let modality = |e: &Option<pactum::diff::Excerpt>| {
                e.as_ref()
                    .map_or_else(|| "?".to_owned(), |e| e.modality.to_string())
            };
            out.push(match change {
                CommitmentChange::Added => format!("added:{}", modality(&c.new_excerpt)),
                CommitmentChange::Dropped => format!("dropped:{}", modality(&c.old_excerpt)),
                CommitmentChange::Modality {
                    old,
                    new,
                    direction,
                } => format!("modality:{old}>{new}:{direction}"),
                other => other.name().to_owned(),
            });
        }
    }
    out
}

/// How many of `reported` are in `expected`, counting repeats.
fn matched(expected: &[String], reported: &[String]) -> usize {
    let mut left: Vec<&String> = expected.iter().collect();
    reported
        .iter()
        .filter(|r| {
            left.iter()
                .position(|e| e == r)
                .map(|i| left.swap_remove(i))
                .is_some()
        })
        .count()
}

#[derive(Default)]
struct Score {
    rows: usize,
    expected: usize,
    reported: usize,
    right: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.reported == 0 {
            1.0
        } else {
            self.right as f64 / self.reported as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.right as f64 / self.expected as f64
        }
    }
}

#[test]
fn commitment_changes_read_from_text_match_the_gold_table() {
    let rows = rows();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for row in &rows {
        let d = compare(
            &draft("v1", &row.old),
            &draft("v2", &row.new),
            &Options::default(),
        );
        // Every change read from text names its sentence and marker.
        for c in &d.commitments {
            assert!(
                c.old_excerpt.is_some() || c.new_excerpt.is_some(),
                "line {}: {c:?}",
                row.line
            );
        }
        let got = reported(&d.commitments);
        let right = matched(&row.expected, &got);
        if right != got.len() || right != row.expected.len() {
            misses.push(format!(
                "line {} ({}): expected {:?}, reported {:?}",
                row.line, row.cause, row.expected, got
            ));
        }
        for cause in [row.cause.as_str(), "all"] {
            let s = scores.entry(cause.to_owned()).or_default();
            s.rows += 1;
            s.expected += row.expected.len();
            s.reported += got.len();
            s.right += right;
        }
    }
    println!("| cause | pairs | expected changes | reported | right | precision | recall |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (cause, s) in &scores {
        println!(
            "| {cause} | {} | {} | {} | {} | {:.1}% | {:.1}% |",
            s.rows,
            s.expected,
            s.reported,
            s.right,
            100.0 * s.precision(),
            100.0 * s.recall()
        );
    }
    for m in &misses {
        println!("{m}");
    }
    for (cause, s) in &scores {
        assert!(
            s.precision() >= FLOOR && s.recall() >= FLOOR,
            "{cause}: precision {:.3}, recall {:.3}\n{}",
            s.precision(),
            s.recall(),
            misses.join("\n")
        );
    }
}
