//! Imports a treaty text and writes it as a pactum JSON document, so that it can be corrected
//! by hand once and compared as JSON from then on.
//!
//! ```text
//! cargo run --example import -- FILE [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off] > draft.json
//! ```
//!
//! The document (a negotiation that holds the imported proposal, with the parties of
//! `--parties`) goes to stdout; the import report (what was recognised, guessed, set aside and
//! kept as text, line by line) goes to stderr. Inferred commitments need the parties: without
//! `--parties` a text imports with its structure and no commitments.
//!
//! Exit status: 0 on success, 2 when the file cannot be read, is not UTF-8, is empty, or is
//! neither a pactum document nor a treaty text, or the arguments are wrong.

use std::process::ExitCode;

mod common;

const USAGE: &str =
    "usage: import FILE [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off]";
const HELP: &str = "\
import: imports a treaty text and writes it as a pactum JSON document

usage: import FILE [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off] > draft.json

FILE is a treaty text (.txt, .md, or anything that does not start with `{`) or a pactum JSON
document. The document goes to standard output; the import report (what was recognised,
guessed, set aside and kept as text, line by line) goes to standard error. Commitments are
read from the text only for the parties given.

options:
  --parties PARTIES.json  a pactum document whose parties the text names (all of them bound)
  --proposer ID           who put the text forward (else the first party)
  --brackets auto|on|off  how a text's square brackets read: as a negotiating
                          text's (on), literally (off), or by the evidence (auto)
  -h, --help              this help

exit status: 0 on success, 2 when the file cannot be read, is not UTF-8, is empty, or is
neither a pactum document nor a treaty text, or the arguments are wrong.
";

fn main() -> ExitCode {
    common::exit("import", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut file = None;
    let mut args = common::ImportArgs::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("parties") => args.parties = Some(common::value(&mut parser)?),
            Long("proposer") => args.proposer = Some(common::value(&mut parser)?),
            Long("brackets") => {
                args.brackets = common::bracket_mode(&common::value(&mut parser)?, USAGE)?;
            }
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) if file.is_none() => file = Some(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_owned())?;
    let loaded = args.load(&file)?;
    if let Some(report) = &loaded.report {
        eprint!("{report}");
    }
    common::print(&pactum::format::to_string(&loaded.negotiation))?;
    Ok(ExitCode::SUCCESS)
}
