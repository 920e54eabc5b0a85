//! The main job on bundled data: the 2021-22 negotiation on "security guarantees".
//!
//! ```text
//! cargo run --example security_guarantees [-- FILE.json] [--help]
//! ```
//!
//! Loads and validates `examples/data/security-guarantees.json` (or FILE.json), then prints the
//! parties, the meeting, each proposal with its status, date and provenance, and per party the
//! commitments each proposal would bind it to, with groups such as "the member States of NATO
//! as of 27 May 1997" resolved to states. Exits 0 when the data validates without errors, 1 when
//! it has errors (printed to stderr), 2 when it cannot be read.

use std::process::ExitCode;

#[path = "../common/mod.rs"]
mod common;
mod report;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/security-guarantees.json"
);
const USAGE: &str = "usage: security_guarantees [FILE.json]";
const HELP: &str = "\
security_guarantees: the 2021-22 negotiation on \"security guarantees\", party by party

usage: security_guarantees [FILE.json]

Loads and validates the bundled negotiation (examples/data/security-guarantees.json), or
FILE.json, a pactum JSON document, then prints the parties, the meeting, each proposal with
its status, date and provenance, and per party the commitments each proposal would bind it
to, with groups such as \"the member States of NATO as of 27 May 1997\" resolved to states.

options:
  -h, --help  this help

exit status: 0 when the data validates without errors, 1 when it has errors (printed to
stderr), 2 when it cannot be read or the arguments are wrong.
";

fn main() -> ExitCode {
    common::exit("security_guarantees", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut file = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) if file.is_none() => file = Some(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let path = file.unwrap_or_else(|| BUNDLED.to_owned());
    let negotiation = common::read_file(&path)?;
    let validation = negotiation.validate();
    if validation.has_errors() {
        eprintln!("security_guarantees: {path} does not validate:\n{validation}");
        return Ok(ExitCode::from(1));
    }
    match report::render(&negotiation, &validation) {
        Ok(text) => {
            common::print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("security_guarantees: {e}");
            Ok(ExitCode::from(1))
        }
    }
}
