//! Validates a pactum JSON file and prints every problem with where it is.
//!
//! ```text
//! cargo run --example validate -- FILE.json [--format text|json]
//! ```
//!
//! Exit status: 0 when there is no error (warnings allowed), 1 when validation found errors,
//! 2 when the file cannot be read or parsed (the located error goes to stderr) or the arguments
//! are wrong.

use std::process::ExitCode;

use pactum::format;

const USAGE: &str = "usage: validate FILE.json [--format text|json]";

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
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("unexpected argument `{arg}`\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| USAGE.to_owned())?;
    let negotiation = format::read_file(&file).map_err(|e| format!("{file}: {e}"))?;
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
