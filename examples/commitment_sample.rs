//! Draws a reproducible random sample of the commitment changes a comparison reports, for
//! judging them by hand.
//!
//! ```text
//! cargo run --release --example commitment_sample -- [--sample N] [--seed S] OLD NEW [OLD NEW ...]
//! ```
//!
//! Each OLD NEW pair (treaty texts or pactum JSON files; texts are imported) is compared with
//! ids off. All the commitment changes of all pairs are counted by kind, then N of them
//! (default 40) are drawn with the seed S (default 1): each change gets a key from the seed
//! and what it says (its pair, its clauses, its kind and the excerpts on each side), and the N smallest
//! keys are printed, with the clause numbers and the sentences on each side. The same files
//! and seed always give the same sample; and a change keeps its key when others come or go,
//! so a sample judged once needs only its new changes judged after the reading improves.
//! Exit status: 0, or 2 when a file cannot be read.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::process::ExitCode;

use pactum::diff::{CommitmentChange, CommitmentDiff, Excerpt, Options, compare};
use pactum::{ClauseId, Proposal};

mod common;

const USAGE: &str = "usage: commitment_sample [--sample N] [--seed S] OLD NEW [OLD NEW ...]";
const HELP: &str = "\
commitment_sample: a reproducible random sample of the commitment changes a comparison reports

usage: commitment_sample [--sample N] [--seed S] OLD NEW [OLD NEW ...]

Each OLD NEW pair (treaty texts or pactum JSON files; texts are imported) is compared with
ids off. All the commitment changes are counted by kind, then N of them are drawn with the
seed S and printed with the clause numbers and the sentences on each side. A change keeps
its place in a sample when others come or go.

options:
  --sample N  how many changes to draw (default 40)
  --seed S    the seed (default 1)
  -h, --help  this help

exit status: 0, or 2 when a file cannot be read or the arguments are wrong.
";

fn main() -> ExitCode {
    common::exit("commitment_sample", run().map(|()| ExitCode::SUCCESS))
}

/// SplitMix64 of the seed and a change's content: a fixed, well-mixed key for each change,
/// so the sample needs no random source.
fn key(seed: u64, content: &str) -> u64 {
    // FNV-1a folds the content to one number.
    let content = content.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut z = seed
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(content)
        .wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A clause's number (or id) in its draft.
fn label(p: &Proposal, id: Option<&ClauseId>) -> String {
    id.map_or_else(
        || "-".to_owned(),
        |id| {
            p.clause(id.as_str())
                .and_then(|c| c.number.clone())
                .unwrap_or_else(|| id.to_string())
        },
    )
}

fn excerpt(e: Option<&Excerpt>) -> String {
    e.map_or_else(
        || "-".to_owned(),
        |e| {
            let subject = e
                .subject
                .as_ref()
                .map_or_else(String::new, |s| format!(", subject \"{s}\""));
            format!(
                "\"{}\" ({}{subject}) in \"{}\"",
                e.marker, e.modality, e.sentence
            )
        },
    )
}

fn describe(change: &CommitmentChange) -> String {
    match change {
        CommitmentChange::Modality {
            old,
            new,
            direction,
        } => format!("modality {old} -> {new} ({direction})"),
        other => other.name().to_owned(),
    }
}

fn run() -> Result<(), String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut sample, mut seed) = (40usize, 1u64);
    let mut files = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("sample") => {
                sample = common::value(&mut parser)?
                    .parse()
                    .map_err(|e| format!("--sample: {e}"))?;
            }
            Long("seed") => {
                seed = common::value(&mut parser)?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?;
            }
            Long("help") | Short('h') => return common::print(HELP),
            Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    if files.is_empty() || files.len() % 2 != 0 {
        return Err(USAGE.to_owned());
    }
    let args = common::ImportArgs::default();
    // Every change of every pair: (key, pair, entry, change).
    let mut drafts = Vec::new();
    let mut diffs: Vec<Vec<CommitmentDiff>> = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut all = Vec::new();
    let mut occurrences: BTreeMap<String, usize> = BTreeMap::new();
    for (p, pair) in files.chunks(2).enumerate() {
        let (old, new) = (
            args.first_proposal(&pair[0])?,
            args.first_proposal(&pair[1])?,
        );
        let diff = compare(&old, &new, &Options::default().without_ids());
        for (e, c) in diff.commitments.iter().enumerate() {
            for (k, change) in c.changes.iter().enumerate() {
                *kinds.entry(change.name().to_owned()).or_default() += 1;
                let mut content = format!(
                    "{p}\n{}\n{}\n{}\n{}\n{}",
                    label(&old, c.old_clause.as_ref()),
                    label(&new, c.new_clause.as_ref()),
                    describe(change),
                    excerpt(c.old_excerpt.as_ref()),
                    excerpt(c.new_excerpt.as_ref())
                );
                // The same change twice in one clause: each its own key.
                let seen = occurrences.entry(content.clone()).or_insert(0usize);
                content.push_str(&format!("\n{seen}"));
                *seen += 1;
                all.push((key(seed, &content), p, e, k));
            }
        }
        drafts.push((old, new));
        diffs.push(diff.commitments);
    }
    let total: usize = kinds.values().sum();
    let counts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let pairs = drafts.len();
    let mut out = common::Out::new();
    let io = |e: std::fmt::Error| e.to_string();
    if counts.is_empty() {
        writeln!(out, "no commitment changes in {pairs} pairs").map_err(io)?;
    } else {
        writeln!(
            out,
            "{total} commitment changes in {pairs} pairs: {}",
            counts.join(", ")
        )
        .map_err(io)?;
    }
    all.sort_unstable();
    for (n, &(_, p, e, k)) in all.iter().take(sample).enumerate() {
        let c = &diffs[p][e];
        let (old, new) = &drafts[p];
        writeln!(
            out,
            "\n{}. pair {} ({} -> {}): {}\n   old: {}\n   new: {}",
            n + 1,
            p + 1,
            label(old, c.old_clause.as_ref()),
            label(new, c.new_clause.as_ref()),
            describe(&c.changes[k]),
            excerpt(c.old_excerpt.as_ref()),
            excerpt(c.new_excerpt.as_ref())
        )
        .map_err(io)?;
    }
    out.finish()
}
