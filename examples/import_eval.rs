//! Scores a text import against the list of the text's articles: how many come out as exactly
//! one clause with the right number (and title), and how many clauses a line that is not a
//! heading opened.
//!
//! ```text
//! cargo run --release --example import_eval -- TEXT ARTICLES.tsv [--titles]
//! ```
//!
//! `ARTICLES.tsv` has a header line, then one article a line: its number as written
//! ("ARTICLE 1.2") and its title, separated by a tab. With `--titles` the heading must match
//! the title too (case aside). Numbers compare case-insensitively, spaces aside.
//!
//! Prints the figures and the articles that failed. Exit status: 0 when every article is right
//! and no clause was opened by a line that is not a heading, 1 otherwise, 2 when a file cannot
//! be read or imported or the arguments are wrong.

use std::collections::HashMap;
use std::process::ExitCode;

use pactum::{Clause, ClauseKind};

mod common;

const USAGE: &str = "usage: import_eval TEXT ARTICLES.tsv [--titles]";
const HELP: &str = "\
import_eval: scores a text import against the list of the text's articles

usage: import_eval TEXT ARTICLES.tsv [--titles]

ARTICLES.tsv has a header line, then one article a line: its number as written
(\"ARTICLE 1.2\") and its title, separated by a tab. An article is right when it comes out as
exactly one clause with its number (and, with --titles, its title, case aside). Prints the
figures and the articles that failed.

options:
  --titles    the heading must match the title too
  -h, --help  this help

exit status: 0 when every article is right and no clause was opened by a line that is not a
heading, 1 otherwise, 2 when a file cannot be read or imported or the arguments are wrong.
";

fn main() -> ExitCode {
    common::exit("import_eval", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut files = Vec::new();
    let mut titles = false;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("titles") => titles = true,
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let [text, list] = files.as_slice() else {
        return Err(USAGE.to_owned());
    };
    let loaded = common::ImportArgs::default().load(text)?;
    let list = std::fs::read_to_string(list).map_err(|e| format!("{list}: {e}"))?;
    let expected: Vec<(String, String)> = list
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (n, t) = l.split_once('\t').unwrap_or((l, ""));
            (common::normal(n), common::normal(t))
        })
        .collect();

    let mut articles: HashMap<String, Vec<&Clause>> = HashMap::new();
    let proposals = loaded.negotiation.proposals().collect::<Vec<_>>();
    for p in &proposals {
        for c in p.walk() {
            if c.kind == Some(ClauseKind::Article) {
                let n = common::normal(c.number.as_deref().unwrap_or_default());
                articles.entry(n).or_default().push(c);
            }
        }
    }
    let mut right = 0;
    let mut failures = Vec::new();
    for (number, title) in &expected {
        match articles.get(number).map(Vec::as_slice) {
            Some([one]) => {
                let heading = common::normal(one.heading.as_deref().unwrap_or_default());
                if !titles || heading == *title {
                    right += 1;
                } else {
                    failures.push(format!("{number}: heading {heading:?}, expected {title:?}"));
                }
            }
            Some(many) => failures.push(format!("{number}: {} clauses", many.len())),
            None => failures.push(format!("{number}: no clause")),
        }
    }
    let listed: std::collections::HashSet<&str> =
        expected.iter().map(|(n, _)| n.as_str()).collect();
    let mut false_opens = 0;
    for (number, clauses) in &articles {
        let extra = if listed.contains(number.as_str()) {
            clauses.len() - 1
        } else {
            clauses.len()
        };
        if extra > 0 {
            false_opens += extra;
            let lines: Vec<String> = clauses.iter().map(|c| c.id.to_string()).collect();
            failures.push(format!(
                "{number}: opened by a line that is not a listed heading ({})",
                lines.join(", ")
            ));
        }
    }
    failures.sort();
    let share = if expected.is_empty() {
        100.0
    } else {
        100.0 * right as f64 / expected.len() as f64
    };
    let mut out = format!(
        "{text}: {right} of {} articles right ({share:.1}%), {false_opens} clauses opened by a line that is not a heading\n",
        expected.len()
    );
    for f in &failures {
        out.push_str(&format!("  {f}\n"));
    }
    common::print(&out)?;
    Ok(if right == expected.len() && false_opens == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
