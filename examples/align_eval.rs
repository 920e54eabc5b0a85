//! Scores how a comparison pairs articles against a gold list of article pairs.
//!
//! ```text
//! cargo run --release --example align_eval -- OLD NEW GOLD.tsv
//! ```
//!
//! OLD and NEW are treaty texts or pactum JSON files; texts are imported and compared with ids
//! off. `GOLD.tsv` has a header line, then one pair a line: the old article's number, the new
//! article's number (as written, case and spaces aside), and anything after (a title).
//!
//! For each gold pair (old article A, new article B):
//! - found: A's clause is paired with B's clause;
//! - shape: A is paired with a clause inside B, or B with one inside A;
//! - wrong: A is paired with a clause outside B's subtree, or B with one outside A's;
//! - unpaired: neither of the above, A or B left without a partner;
//! - identical: A and B hold the same text (their subtrees, after normalisation), and it
//!   counts as reported unchanged when A and B are paired and the diff reports no change of
//!   words inside either (a change of spaces or quotes only, `typographic_only`, is none).
//!
//! Pairs whose whole texts share less than 0.3 of their word bigrams (Dice) are counted apart.
//! Prints the figures and the pairs that were not found. Exit status: 0, or 2 when a file
//! cannot be read or a gold article is not in its draft.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use pactum::diff::{Options, compare};
use pactum::{Clause, ClauseId};

mod common;

const USAGE: &str = "usage: align_eval OLD NEW GOLD.tsv";
const HELP: &str = "\
align_eval: scores how a comparison pairs articles against a gold list of article pairs

usage: align_eval OLD NEW GOLD.tsv

OLD and NEW are treaty texts or pactum JSON files; texts are imported and compared with ids
off. GOLD.tsv has a header line, then one pair a line: the old article's number, the new
article's number (as written, case and spaces aside), and anything after (a title). Prints
the pairs found, paired with a part (shape), paired wrongly and left unpaired, the identical
articles reported unchanged, and the pairs that were not found.

options:
  -h, --help  this help

exit status: 0, or 2 when a file cannot be read or a gold article is not in its draft, or
the arguments are wrong.
";

fn main() -> ExitCode {
    common::exit("align_eval", run().map(|()| ExitCode::SUCCESS))
}

/// A clause's whole text: its own and its descendants', normalised.
fn whole(c: &Clause) -> String {
    common::normal(
        &c.walk()
            .map(|k| k.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Dice of the word bigrams of two texts.
fn dice(a: &str, b: &str) -> f64 {
    let bigrams = |s: &str| -> HashSet<(String, String)> {
        let words: Vec<&str> = s.split_whitespace().collect();
        words
            .windows(2)
            .map(|w| (w[0].to_owned(), w[1].to_owned()))
            .collect()
    };
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    2.0 * x.intersection(&y).count() as f64 / (x.len() + y.len()) as f64
}

fn subtree(c: &Clause) -> HashSet<&ClauseId> {
    c.walk().map(|k| &k.id).collect()
}

fn run() -> Result<(), String> {
    let Some(common::GoldRun {
        files: [old_file, new_file, gold_file],
        old,
        new,
        gold,
    }) = common::GoldRun::from_args(USAGE, HELP)?
    else {
        return Ok(());
    };
    let diff = compare(&old, &new, &Options::default().without_ids());

    let (old_outline, new_outline) = (common::Outline::new(&old), common::Outline::new(&new));
    let mut old_to_new: HashMap<&ClauseId, &ClauseId> = HashMap::new();
    let mut new_to_old: HashMap<&ClauseId, &ClauseId> = HashMap::new();
    // Ids are per draft: an old and a new clause may share one.
    let (mut old_changed, mut new_changed): (HashSet<&ClauseId>, HashSet<&ClauseId>) =
        Default::default();
    for c in &diff.clauses {
        if let (Some(o), Some(n)) = (&c.old, &c.new) {
            old_to_new.insert(&o.id, &n.id);
            new_to_old.insert(&n.id, &o.id);
        }
        // A change of spaces or quotes only is no text change here: the texts are compared
        // after normalisation.
        let words = c.text.as_ref().is_some_and(|t| !t.typographic_only);
        if words || c.clause.is_some() {
            old_changed.extend(c.old.iter().map(|p| &p.id));
            new_changed.extend(c.new.iter().map(|p| &p.id));
        }
    }

    let (mut pairs, mut found, mut shape, mut wrong, mut unpaired) = (0, 0, 0, 0, 0);
    let (mut identical, mut identical_unchanged, mut low, mut low_found) = (0, 0, 0, 0);
    let mut not_imported = 0;
    let mut missed = Vec::new();
    for line in gold.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut cells = line.split('\t');
        let (Some(a_number), Some(b_number)) = (cells.next(), cells.next()) else {
            return Err(format!("{gold_file}: a line without two numbers: {line:?}"));
        };
        // An article the import did not make a clause of is counted apart: the import's
        // measure (`import_eval`) says why.
        let (a, b) = match (
            old_outline.get(a_number, "old"),
            new_outline.get(b_number, "new"),
        ) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(why), _) | (_, Err(why)) => {
                not_imported += 1;
                missed.push(format!("{a_number} -> {b_number}: {why}"));
                continue;
            }
        };
        let (a_tree, b_tree) = (subtree(a), subtree(b));
        let (a_text, b_text) = (whole(a), whole(b));
        let alike = dice(&a_text, &b_text);
        let is_found = old_to_new.get(&a.id) == Some(&&b.id);
        if alike < 0.3 {
            low += 1;
            low_found += usize::from(is_found);
            continue;
        }
        pairs += 1;
        let a_partner = old_to_new.get(&a.id);
        let b_partner = new_to_old.get(&b.id);
        if is_found {
            found += 1;
        } else if a_partner.is_some_and(|n| b_tree.contains(n))
            || b_partner.is_some_and(|o| a_tree.contains(o))
        {
            shape += 1;
            missed.push(format!(
                "{a_number} -> {b_number}: paired with a part of its counterpart"
            ));
        } else if a_partner.is_some() || b_partner.is_some() {
            wrong += 1;
            missed.push(format!("{a_number} -> {b_number}: paired elsewhere"));
        } else {
            unpaired += 1;
            missed.push(format!("{a_number} -> {b_number}: unpaired"));
        }
        if a_text == b_text {
            identical += 1;
            let changed: Vec<&str> = a_tree
                .iter()
                .filter(|id| old_changed.contains(*id))
                .chain(b_tree.iter().filter(|id| new_changed.contains(*id)))
                .map(|id| id.as_str())
                .collect();
            let quiet = changed.is_empty();
            identical_unchanged += usize::from(quiet && is_found);
            if !quiet && is_found {
                missed.push(format!(
                    "{a_number} -> {b_number}: identical, but reported changed in {}",
                    changed.join(", ")
                ));
            }
        }
    }
    let share = |n: usize| {
        if pairs == 0 {
            100.0
        } else {
            100.0 * n as f64 / pairs as f64
        }
    };
    let mut out = format!(
        "{old_file} -> {new_file}: {pairs} gold pairs: found {found} ({:.1}%), shape {shape}, wrong {wrong}, unpaired {unpaired}; identical {identical}, reported unchanged {identical_unchanged}; {low} pairs under 0.3 Dice apart ({low_found} found)",
        share(found)
    );
    if not_imported > 0 {
        out.push_str(&format!("; {not_imported} pairs not imported as clauses"));
    }
    out.push('\n');
    for m in &missed {
        out.push_str(&format!("  {m}\n"));
    }
    common::print(&out)
}
