//! Follows a bracketed negotiating text from round to round: how many brackets each round
//! holds, and which were resolved, removed, added or reopened since the one before.
//!
//! ```text
//! cargo run --example brackets -- [ROUND ...] [--brackets auto|on|off]
//! ```
//!
//! Each ROUND is a treaty text (its brackets read as the import finds them, `--brackets`
//! deciding: see `pactum::import::BracketMode`) or a pactum JSON file, in order. With none, the
//! three rounds of a made-up working text in `examples/data/brackets/` are followed (invented
//! delegations A and B; no real negotiation). Exit status: 0, or 2 on trouble.

use std::fmt::Write;
use std::process::ExitCode;

use pactum::brackets::Tally;
use pactum::diff::{Options, compare};

mod common;

const USAGE: &str = "usage: brackets [ROUND ...] [--brackets auto|on|off]";
const HELP: &str = "\
brackets: follows a bracketed negotiating text from round to round

usage: brackets [ROUND ...] [--brackets auto|on|off]

Each ROUND is a treaty text or a pactum JSON file, in order. For each, the brackets it holds;
from the second on, what happened to the brackets of the round before: resolved (a choice
kept), removed, added, reopened. With no rounds, the made-up working text of
examples/data/brackets/ is followed.

options:
  --brackets auto|on|off  how a text's square brackets read: as a negotiating
                          text's (on), literally (off), or by the evidence (auto)
  -h, --help              this help

exit status: 0, or 2 when a file cannot be read or the arguments are wrong.
";
const BUNDLED: [&str; 3] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/brackets/round-1.txt"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/brackets/round-2.txt"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/brackets/round-3.txt"
    ),
];

fn main() -> ExitCode {
    common::exit("brackets", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut files = Vec::new();
    let mut args = common::ImportArgs::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("brackets") => {
                args.brackets = common::bracket_mode(&common::value(&mut parser)?, USAGE)?;
            }
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    if files.is_empty() {
        files = BUNDLED.iter().map(|f| (*f).to_owned()).collect();
    }
    let mut out = common::Out::new();
    let io = |e: std::fmt::Error| e.to_string();
    let mut before = None;
    for (round, file) in files.iter().enumerate() {
        let draft = args.first_proposal(file)?;
        let name = std::path::Path::new(file)
            .file_name()
            .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
        let t = Tally::of_proposal(&draft);
        writeln!(
            out,
            "Round {} ({name}): {} in {} of {} clauses, {} choices{}",
            round + 1,
            count(t.brackets, "bracket"),
            t.clauses,
            draft.walk().count(),
            t.choices,
            if t.unreadable > 0 {
                format!(", {} unreadable (validate it to see where)", t.unreadable)
            } else {
                String::new()
            }
        )
        .map_err(io)?;
        if let Some(previous) = &before {
            // Imported texts take their ids from the numbering: pair clauses by content.
            let diff = compare(previous, &draft, &Options::default().without_ids());
            let section = pactum::render::brackets(&diff);
            // The section's heading and tally line are said above; its changes follow.
            for line in section.lines().skip(3) {
                writeln!(out, "{line}").map_err(io)?;
            }
        }
        before = Some(draft);
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
