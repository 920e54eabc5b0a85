//! Validates a pactum JSON file, or a treaty text, and prints every problem with where it is.
//!
//! ```text
//! cargo run --example validate -- FILE [--format text|json] [--parties PARTIES.json] [--proposer ID]
//! ```
//!
//! A text (`.txt`, `.md`, or any file that does not start with `{`) is imported first: the
//! example prints the structure found and the import report, then validates the proposal. The
//! parties a text names come from `--parties` (a pactum JSON file whose parties are taken, all
//! of them as the bound parties), its proposer from `--proposer` (else the first party).
//!
//! Exit status: 0 when there is no error (warnings allowed), 1 when validation found errors,
//! 2 when the file cannot be read or parsed (the located error goes to stderr) or the arguments
//! are wrong.

use std::process::ExitCode;

use pactum::import::ImportReport;
use pactum::{Clause, Negotiation};

mod common;

const USAGE: &str =
    "usage: validate FILE [--format text|json] [--parties PARTIES.json] [--proposer ID]";

enum Output {
    Text,
    Json,
}

fn main() -> ExitCode {
    common::exit("validate", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut file = None;
    let mut output = Output::Text;
    let mut args = common::ImportArgs::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("parties") => args.parties = Some(common::value(&mut parser)?),
            Long("proposer") => args.proposer = Some(common::value(&mut parser)?),
            Long("format") => {
                output = match common::value(&mut parser)?.as_str() {
                    "text" => Output::Text,
                    "json" => Output::Json,
                    other => {
                        return Err(format!(
                            "--format takes text or json, not {other:?}\n{USAGE}"
                        ));
                    }
                }
            }
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) if file.is_none() => file = Some(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_owned())?;
    let loaded = args.load(&file)?;
    let negotiation = &loaded.negotiation;
    if let (Some(import), Output::Text) = (&loaded.report, &output) {
        print_import(negotiation, import);
    }
    let report = loaded.validate();
    match output {
        Output::Json => {
            let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            println!("{json}");
        }
        Output::Text => {
            println!(
                "{file}: {}, {}, {}",
                count(negotiation.parties().len(), "party", "parties"),
                count(negotiation.proposals().len(), "proposal", "proposals"),
                count(negotiation.meetings().len(), "meeting", "meetings"),
            );
            println!("{report}");
            if loaded.parties_missing {
                println!(
                    "(no parties given: the proposer and the parties bound are not checked; give them with --parties FILE.json)"
                );
            }
        }
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The structure an import found, and its report.
fn print_import(n: &Negotiation, report: &ImportReport) {
    fn tree(c: &Clause, depth: usize) {
        let label = [c.number.as_deref(), c.heading.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let text: String = c.text.chars().take(60).collect();
        let more = if c.text.chars().count() > 60 {
            "..."
        } else {
            ""
        };
        println!("  {}{} [{}] {text}{more}", "  ".repeat(depth), label, c.id);
        for k in c.children() {
            tree(k, depth + 1);
        }
    }
    for p in n.proposals() {
        println!(
            "Imported \"{}\": {} recitals, {} clauses",
            p.title,
            p.preamble.len(),
            p.walk().count()
        );
        for c in &p.clauses {
            tree(c, 0);
        }
    }
    println!("Import report:");
    for line in report.to_string().lines() {
        println!("  {line}");
    }
}
