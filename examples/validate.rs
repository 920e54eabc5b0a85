//! Validates a pactum JSON file, or a treaty text, and prints every problem with where it is.
//!
//! ```text
//! cargo run --example validate -- FILE [--format text|json] [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off]
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

use std::fmt::Write;
use std::process::ExitCode;

use pactum::import::ImportReport;
use pactum::{Clause, Negotiation};

mod common;

const USAGE: &str = "usage: validate FILE [--format text|json] [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off]";
const HELP: &str = "\
validate: checks a pactum document or a treaty text, and prints every problem with where it is

usage: validate FILE [--format text|json] [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off]

FILE is a pactum JSON document, or a treaty text (.txt, .md, or anything that does not start
with `{`), which is imported first: its structure and the import report are printed before
the problems found.

options:
  --format text|json      the report as text (the default) or as JSON
  --parties PARTIES.json  a pactum document whose parties a text names (all of them bound)
  --proposer ID           who put a text forward (else the first party)
  --brackets auto|on|off  how a text's square brackets read: as a negotiating
                          text's (on), literally (off), or by the evidence (auto)
  -h, --help              this help

exit status: 0 when there is no error (warnings allowed), 1 when validation found errors,
2 when the file cannot be read or parsed (the located error goes to stderr) or the arguments
are wrong.
";

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
            Long("brackets") => {
                args.brackets = common::bracket_mode(&common::value(&mut parser)?, USAGE)?;
            }
            Long("format") => {
                output = match common::value(&mut parser)?.as_str() {
                    "text" => Output::Text,
                    "json" => Output::Json,
                    other => {
                        return Err(common::not_one_of("--format", other, "text or json", USAGE));
                    }
                }
            }
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) if file.is_none() => file = Some(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_owned())?;
    let loaded = args.load(&file)?;
    let report = loaded.validate();
    let mut out = common::Out::new();
    match output {
        Output::Json => {
            let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            writeln!(out, "{json}").map_err(|e| e.to_string())?;
        }
        Output::Text => write_text(&mut out, &file, &loaded, &report).map_err(|e| e.to_string())?,
    }
    out.finish()?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The text report: the structure an import found and its report, if the file was a text,
/// then the problems.
fn write_text(
    out: &mut impl Write,
    file: &str,
    loaded: &pactum::import::Loaded,
    report: &pactum::validate::Report,
) -> std::fmt::Result {
    let negotiation = &loaded.negotiation;
    if let Some(import) = &loaded.report {
        write_import(out, negotiation, import)?;
    }
    writeln!(
        out,
        "{file}: {}, {}, {}",
        count(negotiation.parties().len(), "party", "parties"),
        count(negotiation.proposals().len(), "proposal", "proposals"),
        count(negotiation.meetings().len(), "meeting", "meetings"),
    )?;
    writeln!(out, "{report}")?;
    if loaded.parties_missing {
        writeln!(
            out,
            "(no parties given: the proposer and the parties bound are not checked; give them with --parties FILE.json)"
        )?;
    }
    Ok(())
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The structure an import found, and its report.
fn write_import(out: &mut impl Write, n: &Negotiation, report: &ImportReport) -> std::fmt::Result {
    fn tree(out: &mut impl Write, c: &Clause, depth: usize) -> std::fmt::Result {
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
        writeln!(
            out,
            "  {}{} [{}] {text}{more}",
            "  ".repeat(depth),
            label,
            c.id
        )?;
        for k in c.children() {
            tree(out, k, depth + 1)?;
        }
        Ok(())
    }
    for p in n.proposals() {
        writeln!(
            out,
            "Imported \"{}\": {} recitals, {} clauses",
            p.title,
            p.preamble.len(),
            p.walk().count()
        )?;
        for c in &p.clauses {
            tree(out, c, 0)?;
        }
    }
    writeln!(out, "Import report:")?;
    for line in report.to_string().lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}
