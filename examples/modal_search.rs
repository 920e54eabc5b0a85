//! Finds candidate modality changes by a plain sentence search, independent of pactum's
//! reading, and says which of them the comparison reports: the recall side of an audit.
//!
//! ```text
//! cargo run --release --example modal_search -- OLD NEW GOLD.tsv
//! ```
//!
//! OLD and NEW are treaty texts or pactum JSON files (texts are imported; the comparison runs
//! with ids off); GOLD.tsv pairs articles by number as for `align_eval`. For each gold pair,
//! each sentence of the old article that holds a modal word ("shall", "must", "will", "may",
//! "should", with "not") is matched to the most alike sentence of the new article (Dice of
//! word bigrams); where they are at least 0.6 alike and their modal words differ ("will" and
//! "must" read as "shall"), the pair is printed with `reported` when some commitment change of
//! the comparison quotes either sentence's first 40 bytes, `not reported` otherwise. Judging
//! which candidates are real changes of obligation is left to the reader. Exit status: 0, or
//! 2 when a file cannot be read or a gold article is not in its draft.

use std::collections::HashSet;
use std::process::ExitCode;

use pactum::Clause;
use pactum::diff::{Options, compare};

mod common;

const USAGE: &str = "usage: modal_search OLD NEW GOLD.tsv";
const HELP: &str = "\
modal_search: modality changes found by a sentence search, and which of them are reported

usage: modal_search OLD NEW GOLD.tsv

Pairs each sentence with a modal word in a gold article of OLD with the most alike sentence
of its counterpart in NEW (Dice of word bigrams at least 0.6), lists the pairs whose modal
words differ, and says which of them the comparison reports. GOLD.tsv is as align_eval
takes it.

options:
  -h, --help  this help

exit status: 0, or 2 when a file cannot be read or a gold article is not in its draft, or
the arguments are wrong.
";

/// The least likeness of two sentences for one to be the other rewritten.
const FLOOR: f64 = 0.6;

fn main() -> ExitCode {
    common::exit("modal_search", run().map(|()| ExitCode::SUCCESS))
}

/// The sentences of an article's whole text: split after ".", ";" or ":" before a space.
fn sentences(c: &Clause) -> Vec<String> {
    let text = c
        .walk()
        .map(|k| k.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if word.ends_with(['.', ';', ':']) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn bigrams(s: &str) -> HashSet<(String, String)> {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

fn dice(x: &HashSet<(String, String)>, y: &HashSet<(String, String)>) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    2.0 * x.intersection(y).count() as f64 / (x.len() + y.len()) as f64
}

/// The modal words of a sentence, in order, "will" and "must" read as "shall", each with
/// "not" when it follows.
fn modals(s: &str) -> Vec<String> {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let modal = match w.as_str() {
            "shall" | "must" | "will" => "shall",
            "may" | "should" => w.as_str(),
            _ => continue,
        };
        let not = words.get(k + 1).is_some_and(|n| n == "not");
        out.push(if not {
            format!("{modal} not")
        } else {
            modal.to_owned()
        });
    }
    out
}

fn run() -> Result<(), String> {
    let Some(common::GoldRun { old, new, gold, .. }) = common::GoldRun::from_args(USAGE, HELP)?
    else {
        return Ok(());
    };
    let diff = compare(&old, &new, &Options::default().without_ids());
    // The sentences the comparison quotes, by their first 40 bytes.
    let quoted: Vec<&str> = diff
        .commitments
        .iter()
        .flat_map(|c| [c.old_excerpt.as_ref(), c.new_excerpt.as_ref()])
        .flatten()
        .map(|e| e.sentence.as_str())
        .collect();
    let reported = |s: &str| {
        let mut end = s.len().min(40);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let head = common::normal(&s[..end]);
        quoted.iter().any(|q| common::normal(q).contains(&head))
    };
    let (old_outline, new_outline) = (common::Outline::new(&old), common::Outline::new(&new));
    let (mut found, mut seen) = (0, 0);
    let mut out = String::new();
    for line in gold.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let (Some(a), Some(b)) = (fields.next(), fields.next()) else {
            continue;
        };
        let (x, y) = (old_outline.get(a, "old")?, new_outline.get(b, "new")?);
        let theirs: Vec<(String, HashSet<(String, String)>)> = sentences(y)
            .into_iter()
            .map(|s| {
                let b = bigrams(&s);
                (s, b)
            })
            .collect();
        for s in sentences(x) {
            let ms = modals(&s);
            if ms.is_empty() {
                continue;
            }
            let bs = bigrams(&s);
            let best = theirs
                .iter()
                .map(|(t, tb)| (dice(&bs, tb), t))
                .max_by(|p, q| p.0.total_cmp(&q.0));
            let Some((d, t)) = best.filter(|(d, _)| *d >= FLOOR) else {
                continue;
            };
            if modals(t) == ms {
                continue;
            }
            seen += 1;
            let hit = reported(&s) || reported(t);
            found += usize::from(hit);
            out.push_str(&format!(
                "{a} -> {b} ({d:.2}): {}\n  old: {s}\n  new: {t}\n",
                if hit { "reported" } else { "not reported" }
            ));
        }
    }
    common::print(&format!(
        "{seen} sentence pairs whose modal words differ, {found} of them reported\n{out}"
    ))
}
