//! Merges two revisions of one draft into the next negotiating text, as `git merge-file` does
//! for lines: what only one side changed is taken, what both changed differently is bracketed
//! and attributed.
//!
//! ```text
//! cargo run --example merge -- BASE OURS THEIRS [--ours PARTY] [--theirs PARTY] [--format text|markdown|json|html]
//! ```
//!
//! BASE, OURS and THEIRS are pactum JSON files (a file with several proposals takes the one
//! meant after a `#`) or treaty texts, in any mix; texts are imported, and their clauses pair
//! by content. Options are attributed to `--ours` and `--theirs` (default "ours" and
//! "theirs"). Exit status: 0 on a clean merge, 1 when conflicts remain (their counts go to
//! standard error), 2 on trouble.

use std::fmt::Write;
use std::process::ExitCode;

use pactum::merge::{self, ConflictKind, Merged, Options};
use pactum::{Clause, PartyId, Proposal};

mod common;

const USAGE: &str = "usage: merge BASE OURS THEIRS [--ours PARTY] [--theirs PARTY] [--format text|markdown|json|html]";
const HELP: &str = "\
merge: merges two revisions of one draft into the next negotiating text

usage: merge BASE OURS THEIRS [--ours PARTY] [--theirs PARTY] [--format text|markdown|json|html]

BASE, OURS and THEIRS are pactum JSON files (FILE#ID for one proposal of several) or treaty
texts, in any mix. What only one side changed is taken; what both changed differently is
bracketed, each option attributed to its side.

options:
  --ours PARTY     the party behind OURS (default: ours)
  --theirs PARTY   the party behind THEIRS (default: theirs)
  --format F       text (the default): the merged clauses, then the conflicts;
                   markdown: the same in Markdown; json: the merged proposal and the
                   conflicts; html: a redline of the base against the merge
  -h, --help       this help

exit status: 0 on a clean merge, 1 when conflicts remain (counted on stderr), 2 on trouble.
";

enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

fn main() -> ExitCode {
    common::exit("merge", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut files = Vec::new();
    let (mut ours, mut theirs) = ("ours".to_owned(), "theirs".to_owned());
    let mut format = Format::Text;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("ours") => ours = common::value(&mut parser)?,
            Long("theirs") => theirs = common::value(&mut parser)?,
            Long("format") => {
                format = match common::value(&mut parser)?.as_str() {
                    "text" => Format::Text,
                    "markdown" => Format::Markdown,
                    "json" => Format::Json,
                    "html" => Format::Html,
                    other => {
                        return Err(common::not_one_of(
                            "--format",
                            other,
                            "text, markdown, json or html",
                            USAGE,
                        ));
                    }
                }
            }
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let [base, a, b] = <[String; 3]>::try_from(files).map_err(|_| USAGE.to_owned())?;
    let party = |s: &str, flag: &str| -> Result<PartyId, String> {
        s.parse().map_err(|e| format!("{flag}: {e}"))
    };
    let mut options = Options::new("merged".parse().map_err(|e| format!("{e}"))?)
        .with_sides(party(&ours, "--ours")?, party(&theirs, "--theirs")?);
    // Drafts read from texts carry ids from their numbering: pair clauses by content.
    options.diff = pactum::diff::Options::default().without_ids();
    let args = common::ImportArgs::default();
    let (base, a, b) = (
        args.first_proposal(&base)?,
        args.first_proposal(&a)?,
        args.first_proposal(&b)?,
    );
    let merged = merge::three_way(&base, &a, &b, &options).map_err(|e| e.to_string())?;
    let mut out = common::Out::new();
    let io = |e: std::fmt::Error| e.to_string();
    match format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&merged).map_err(|e| e.to_string())?;
            writeln!(out, "{json}").map_err(io)?;
        }
        Format::Html => {
            let diff = pactum::diff::compare(&base, &merged.proposal, &options.diff);
            let html = pactum::render::html(
                &diff,
                &pactum::render::HtmlOptions::default()
                    .with_title("The merged text against the base"),
            );
            write!(out, "{html}").map_err(io)?;
        }
        Format::Text => write_text(&mut out, &merged, false).map_err(io)?,
        Format::Markdown => write_text(&mut out, &merged, true).map_err(io)?,
    }
    out.finish()?;
    if merged.is_clean() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut counts: Vec<String> = ConflictKind::ALL
        .iter()
        .filter_map(|&k| {
            let n = merged.conflicts.iter().filter(|c| c.kind == k).count();
            (n > 0).then(|| format!("{n} {k}"))
        })
        .collect();
    if !merged.commitment_conflicts.is_empty() {
        counts.push(format!("{} commitment", merged.commitment_conflicts.len()));
    }
    let total = merged.conflicts.len() + merged.commitment_conflicts.len();
    let noun = if total == 1 { "conflict" } else { "conflicts" };
    eprintln!("merge: {total} {noun} ({})", counts.join(", "));
    Ok(ExitCode::from(1))
}

/// The merged clauses, then the conflicts; in Markdown with `markdown`.
fn write_text(out: &mut impl Write, m: &Merged, markdown: bool) -> std::fmt::Result {
    let p: &Proposal = &m.proposal;
    let (h1, h2, item) = if markdown {
        ("# ", "\n## ", "- ")
    } else {
        ("", "\n", "  ")
    };
    writeln!(out, "{h1}{}", p.title)?;
    writeln!(out, "{h2}Text")?;
    let mut stack: Vec<(&Clause, usize)> = p.clauses.iter().rev().map(|c| (c, 0)).collect();
    while let Some((c, depth)) = stack.pop() {
        let number = c.number.as_deref().unwrap_or(c.id.as_str());
        let indent = "  ".repeat(depth);
        let text = if markdown {
            escape_md(&c.text)
        } else {
            c.text.clone()
        };
        writeln!(out, "{indent}{item}{number} {text}")?;
        stack.extend(c.children().iter().rev().map(|k| (k, depth + 1)));
    }
    if !m.conflicts.is_empty() {
        writeln!(out, "{h2}Conflicts")?;
        for c in &m.conflicts {
            let at = c.clause.as_ref().map_or("the proposal", |id| id.as_str());
            let side = |v: &Option<String>| {
                v.as_deref()
                    .map_or("removed".to_owned(), |s| format!("{s:?}"))
            };
            writeln!(
                out,
                "{item}{at}: {} ({}): ours {}, theirs {}",
                c.kind,
                c.field,
                side(&c.ours),
                side(&c.theirs)
            )?;
        }
    }
    if !m.commitment_conflicts.is_empty() {
        writeln!(out, "{h2}Commitment conflicts")?;
        for c in &m.commitment_conflicts {
            let id = c
                .ours
                .as_ref()
                .or(c.theirs.as_ref())
                .map_or("?", |k| k.id.as_str());
            let fields = if c.fields.is_empty() {
                "merged field by field".to_owned()
            } else {
                format!("base kept for {}", c.fields.join(", "))
            };
            writeln!(
                out,
                "{item}{}: commitment {id} changed by both: {fields}",
                c.clause
            )?;
        }
    }
    Ok(())
}

fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '[' | ']' | '*' | '_' | '`' | '\\' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
