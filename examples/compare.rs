//! Compares two proposals clause by clause and prints a redline.
//!
//! ```text
//! cargo run --example compare -- OLD NEW [--format text|markdown|html|json] [--no-ids] [--party ID]
//!     [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off] [--changed-only | --all]
//! ```
//!
//! OLD and NEW are pactum JSON files or treaty texts (`.txt`, `.md`, or anything that does not
//! start with `{`), in any mix; a text is imported (see `pactum::import`) with the parties of
//! `--parties` (a pactum JSON file), so that its commitments name them, and then clauses pair by
//! content, as with `--no-ids`, since an imported text's ids come from its numbering.
//! A JSON file that holds several proposals takes the one meant after a `#`:
//! `negotiation.json#ru-nato-2021-12-17`; a file with one proposal needs none.
//! With no arguments, the bundled Russian draft agreement of 17 December 2021 is compared with
//! the written answer of the United States of 26 January 2022.
//!
//! Commitment changes come first, each once with whom it binds, with groups ("the members of
//! NATO as of 27 May 1997") resolved through the new file's negotiation. `--party ID` shows
//! only the changes that concern one party.
//!
//! `--changed-only` lists only the clauses whose content changed (modified, added or removed)
//! and says how many others only changed place; `--all` lists every changed clause. The
//! Markdown redline of a comparison where more than [`LONG`] clauses changed is changed-only
//! unless `--all` is given: a reader of a long comparison wants its substance first. The text
//! redline lists every clause unless asked.
//!
//! Exit status, as diff(1): 0 when the proposals do not differ, 1 when they do, 2 on trouble (a
//! missing file, a parse error, an unknown id), with a message on stderr.

use std::fmt::Write;
use std::process::ExitCode;

use pactum::Negotiation;
use pactum::diff::{Options, compare_in};

mod common;

const USAGE: &str = "usage: compare OLD[#ID] NEW[#ID] [--format text|markdown|html|json] [--no-ids] [--party ID] [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off] [--changed-only | --all]";
const HELP: &str = "\
compare: compares two proposals clause by clause and prints a redline

usage: compare OLD[#ID] NEW[#ID] [--format text|markdown|html|json] [--no-ids] [--party ID]
               [--parties PARTIES.json] [--proposer ID] [--brackets auto|on|off] [--changed-only | --all]

OLD and NEW are pactum JSON files or treaty texts (.txt, .md, or anything that does not
start with `{`), in any mix. A JSON file that holds several proposals takes the one meant
after a `#`: negotiation.json#ru-nato-2021-12-17. A text is imported, and its clauses pair
by content, since its ids come from its numbering. With no files, the bundled Russian draft
of 17 December 2021 is compared with the US written answer of 26 January 2022.

options:
  --format text|markdown|html|json
                               the redline as text (the default), Markdown, a self-contained
                               HTML page (old and new side by side), or the diff as JSON
  --no-ids                     pair clauses by content only, not by their ids
  --party ID                   only the changes that concern one party
  --parties PARTIES.json       a pactum document whose parties a text names (all of them bound)
  --proposer ID                who put a text forward (else the first party)
  --brackets auto|on|off       how a text's square brackets read: as a negotiating
                               text's (on), literally (off), or by the evidence (auto)
  --changed-only               list only the clauses whose content changed (the default of a
                               Markdown redline of more than 100 changed clauses)
  --all                        list every changed clause
  -h, --help                   this help

exit status, as diff(1): 0 when the proposals do not differ, 1 when they do, 2 on trouble
(a missing file, a parse error, an unknown id), with a message on stderr.
";
/// Changed clauses above which the Markdown redline lists only those whose content changed,
/// unless `--all` is given: about the size of one long chapter.
const LONG: usize = 100;
const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/security-guarantees.json"
);

enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

fn main() -> ExitCode {
    common::exit("compare", run())
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut files = Vec::new();
    let mut format = Format::Text;
    let mut options = Options::default();
    let mut party: Option<String> = None;
    // None: the format's default.
    let mut changed_only: Option<bool> = None;
    let mut args = common::ImportArgs::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("parties") => args.parties = Some(common::value(&mut parser)?),
            Long("proposer") => args.proposer = Some(common::value(&mut parser)?),
            Long("brackets") => {
                args.brackets = common::bracket_mode(&common::value(&mut parser)?, USAGE)?;
            }
            Long("format") => {
                format = match common::value(&mut parser)?.as_str() {
                    "text" => Format::Text,
                    "markdown" => Format::Markdown,
                    "html" => Format::Html,
                    "json" => Format::Json,
                    other => {
                        return Err(common::not_one_of(
                            "--format",
                            other,
                            "text, markdown, html or json",
                            USAGE,
                        ));
                    }
                }
            }
            Long("no-ids") => options = options.without_ids(),
            Long("changed-only") => changed_only = Some(true),
            Long("all") => changed_only = Some(false),
            Long("party") => party = Some(common::value(&mut parser)?),
            Short('h') | Long("help") => return common::help(HELP),
            Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let (old_spec, new_spec) = match files.as_slice() {
        [] => {
            eprintln!(
                "compare: no files given; comparing the bundled Russian draft agreement (ru-nato-2021-12-17) with the US written answer (us-answer-2022-01-26)"
            );
            (
                format!("{BUNDLED}#ru-nato-2021-12-17"),
                format!("{BUNDLED}#us-answer-2022-01-26"),
            )
        }
        [old, new] => (old.clone(), new.clone()),
        _ => return Err(format!("expected two files, got {}\n{USAGE}", files.len())),
    };
    // An imported text's ids come from its numbering: the comparison does not pair by them.
    // Each draft stays in the document it came in: a copy would double the memory.
    let (old_document, old_at) = load(&old_spec, &args)?;
    let (negotiation, new_at) = load(&new_spec, &args)?;
    let old = old_document.proposals().nth(old_at).expect("loaded");
    let new = negotiation.proposals().nth(new_at).expect("loaded");
    let mut diff = compare_in(&negotiation, old, new, &options);
    if let Some(party) = &party {
        if negotiation.party(party).is_none() {
            return Err(format!("unknown party `{party}` in {new_spec}"));
        }
        diff = diff.for_party(party);
    }
    let mut out = common::Out::new();
    let written = if let Format::Json = format {
        // Streamed: the JSON of a large diff is larger than the drafts.
        serde_json::to_writer_pretty(&mut out, &diff)
            .map_err(|e| e.to_string())
            .and_then(|()| writeln!(out).map_err(|e| e.to_string()))
    } else {
        // Rendered with the drafts beside the diff, so that clauses are labelled with their
        // headings.
        let mut view =
            pactum::render::Comparison::new(&diff, old, new).map_err(|e| e.to_string())?;
        let long = diff
            .clauses
            .iter()
            .filter(|c| !c.is(pactum::diff::ClauseChangeKind::Unchanged))
            .count()
            > LONG;
        if changed_only.unwrap_or(matches!(format, Format::Markdown) && long) {
            view = view.changed_only();
        }
        match format {
            Format::Markdown => write!(out, "{}", view.markdown()),
            Format::Html => {
                let mut options = pactum::render::HtmlOptions::default();
                if let Some(party) = &party {
                    options = options.with_party(party.clone());
                }
                write!(out, "{}", view.html(&options))
            }
            Format::Text | Format::Json => write!(out, "{view}"),
        }
        .map_err(|e| e.to_string())
    };
    written?;
    out.finish()?;
    Ok(if diff.has_changes() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads `FILE` or `FILE#ID` and picks the proposal.
fn load(spec: &str, args: &common::ImportArgs) -> Result<(Negotiation, usize), String> {
    let (path, id) = match spec.rsplit_once('#') {
        Some((path, id)) => (path, Some(id)),
        None => (spec, None),
    };
    let loaded = args.load(path)?;
    let negotiation = loaded.negotiation;
    let ids = || {
        negotiation
            .proposals()
            .map(|p| p.id().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let at = match id {
        Some(id) => negotiation
            .proposals()
            .position(|p| p.id().as_str() == id)
            .ok_or_else(|| format!("{path} has no proposal `{id}`; it has: {}", ids()))?,
        None if negotiation.proposals().len() == 1 => 0,
        None => {
            return Err(format!(
                "{path} holds {} proposals; name one as {path}#ID, one of: {}",
                negotiation.proposals().len(),
                ids()
            ));
        }
    };
    Ok((negotiation, at))
}
