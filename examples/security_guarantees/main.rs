//! The main job on bundled data: the 2021-22 negotiation on "security guarantees".
//!
//! ```text
//! cargo run --example security_guarantees [-- FILE.json]
//! ```
//!
//! Loads and validates `examples/data/security-guarantees.json` (or FILE.json), then prints the
//! parties, the meeting, each proposal with its status, date and provenance, and per party the
//! commitments each proposal would bind it to, with groups such as "the member States of NATO
//! as of 27 May 1997" resolved to states. Exits 0 when the data validates without errors, 1 when
//! it has errors (printed to stderr), 2 when it cannot be read.

use std::process::ExitCode;

mod report;

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/security-guarantees.json"
);

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| BUNDLED.to_owned());
    let negotiation = match pactum::format::read_file(&path) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("security_guarantees: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let validation = negotiation.validate();
    if validation.has_errors() {
        eprintln!("security_guarantees: {path} does not validate:\n{validation}");
        return ExitCode::from(1);
    }
    match report::render(&negotiation, &validation) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("security_guarantees: {e}");
            ExitCode::from(1)
        }
    }
}
