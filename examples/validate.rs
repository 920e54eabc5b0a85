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

use pactum::format;
use pactum::import::{ImportOptions, ImportReport};
use pactum::{Clause, Negotiation};

const USAGE: &str =
    "usage: validate FILE [--format text|json] [--parties PARTIES.json] [--proposer ID]";

enum Output {
    Text,
    Json,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("validate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    let mut file = None;
    let mut output = Output::Text;
    let mut parties_file: Option<String> = None;
    let mut proposer: Option<String> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                output = match args.next().as_deref() {
                    Some("text") => Output::Text,
                    Some("json") => Output::Json,
                    other => {
                        return Err(format!(
                            "--format takes text or json, not {other:?}\n{USAGE}"
                        ));
                    }
                }
            }
            "--parties" => {
                parties_file = Some(
                    args.next()
                        .ok_or_else(|| format!("--parties takes a file\n{USAGE}"))?,
                )
            }
            "--proposer" => {
                proposer = Some(
                    args.next()
                        .ok_or_else(|| format!("--proposer takes a party id\n{USAGE}"))?,
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument `{arg}`\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_owned())?;
    let mut options = ImportOptions::new(
        "text".parse().map_err(|e| format!("{e}"))?,
        "unknown".parse().map_err(|e| format!("{e}"))?,
    );
    if let Some(parties) = &parties_file {
        let n = format::read_file(parties).map_err(|e| format!("{parties}: {e}"))?;
        options.parties = n.parties().cloned().collect();
        if let Some(first) = options.parties.first() {
            options.proposer = first.id().clone();
        }
    }
    if let Some(id) = &proposer {
        options.proposer = id.parse().map_err(|e| format!("--proposer: {e}"))?;
    }
    let loaded = pactum::import::load(&file, &options).map_err(|e| format!("{file}: {e}"))?;
    let negotiation = loaded.negotiation;
    if let (Some(import), Output::Text) = (&loaded.report, &output) {
        print_import(&negotiation, import);
    }
    let report = negotiation.validate();
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
    for note in &report.recognised {
        println!("  line {:>4}  recognised  {}", note.line, note.what);
    }
    for note in &report.guessed {
        println!("  line {:>4}  guessed     {}", note.line, note.what);
    }
    for s in &report.set_aside {
        println!(
            "  line {:>4}  set aside   {:?}: {}",
            s.line, s.text, s.reason
        );
    }
}
