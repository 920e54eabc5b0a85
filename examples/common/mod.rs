//! What the examples share: the options that say how to import a text, loading a file as a
//! pactum document or a text, and a draft's articles by number.

// Each example uses the part it needs.
#![allow(dead_code)]

use std::collections::HashMap;
use std::process::ExitCode;

use lexopt::ValueExt;
use pactum::import::{self, ImportOptions, Loaded};
use pactum::{Clause, Proposal};

/// The import options given on the command line: `--parties FILE.json`, `--proposer ID`.
#[derive(Debug, Default)]
pub(crate) struct ImportArgs {
    /// A pactum JSON file whose parties a text may name (all of them bound by it).
    pub(crate) parties: Option<String>,
    /// Who put the text forward (else the first party).
    pub(crate) proposer: Option<String>,
    /// How a text's square brackets read (`--brackets auto|on|off`).
    pub(crate) brackets: pactum::import::BracketMode,
}

impl ImportArgs {
    /// Import options for a proposal with id `id`: the parties of `--parties`, the proposer of
    /// `--proposer` (else the first party, else a placeholder).
    pub(crate) fn options(&self, id: &str) -> Result<ImportOptions, String> {
        let id = id
            .parse()
            .or_else(|_| "text".parse())
            .map_err(|e| format!("{e}"))?;
        let mut options = ImportOptions::new(id, "unknown".parse().map_err(|e| format!("{e}"))?);
        if let Some(file) = &self.parties {
            let n = read_file(file)?;
            options.parties = n.parties().cloned().collect();
            if let Some(first) = options.parties.first() {
                options.proposer = first.id().clone();
            }
        }
        if let Some(id) = &self.proposer {
            options.proposer = id.parse().map_err(|e| format!("--proposer: {e}"))?;
        }
        options.brackets = self.brackets;
        Ok(options)
    }

    /// Loads `path` as a pactum document or a text, a text's proposal taking its id from the
    /// file's name.
    pub(crate) fn load(&self, path: &str) -> Result<Loaded, String> {
        let stem: String = std::path::Path::new(path)
            .file_stem()
            .map(|s| {
                s.to_string_lossy()
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            '-'
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let options = self.options(stem.trim_matches('-'))?;
        import::load(path, &options).map_err(|e| match e {
            // "cannot read PATH: why" names the file already.
            import::LoadError::Io { .. } => chain(&e),
            _ => format!("{path}: {}", chain(&e)),
        })
    }

    /// The first proposal of `path`, loaded as by [`ImportArgs::load`].
    pub(crate) fn first_proposal(&self, path: &str) -> Result<Proposal, String> {
        let loaded = self.load(path)?;
        let p = loaded.negotiation.proposals().next().cloned();
        p.ok_or_else(|| format!("{path} holds no proposal"))
    }
}

/// `OLD NEW GOLD.tsv` from the command line, as the examples that score a comparison against a
/// gold list take them: the three files' names, the two drafts (as `ImportArgs::default()`
/// loads them) and the gold list's text.
pub(crate) struct GoldRun {
    pub(crate) files: [String; 3],
    pub(crate) old: Proposal,
    pub(crate) new: Proposal,
    pub(crate) gold: String,
}

impl GoldRun {
    /// Reads the command line; `None` when it asked for help (`help` printed).
    pub(crate) fn from_args(usage: &str, help: &str) -> Result<Option<Self>, String> {
        use lexopt::prelude::*;
        let mut parser = lexopt::Parser::from_env();
        let mut files = Vec::new();
        while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
            match arg {
                Short('h') | Long("help") => {
                    print(help)?;
                    return Ok(None);
                }
                Value(v) => files.push(v.string().map_err(|e| e.to_string())?),
                other => return Err(format!("{}\n{usage}", other.unexpected())),
            }
        }
        let Ok(files) = <[String; 3]>::try_from(files) else {
            return Err(usage.to_owned());
        };
        let args = ImportArgs::default();
        let (old, new) = (
            args.first_proposal(&files[0])?,
            args.first_proposal(&files[1])?,
        );
        let gold = std::fs::read_to_string(&files[2]).map_err(|e| format!("{}: {e}", files[2]))?;
        Ok(Some(GoldRun {
            files,
            old,
            new,
            gold,
        }))
    }
}

/// The articles of a draft by normalised number (the first clause that bears each number).
pub(crate) struct Outline<'a> {
    by_number: HashMap<String, &'a Clause>,
}

impl<'a> Outline<'a> {
    pub(crate) fn new(p: &'a Proposal) -> Self {
        let mut by_number = HashMap::new();
        for c in p.walk() {
            if let Some(n) = &c.number {
                by_number.entry(normal(n)).or_insert(c);
            }
        }
        Outline { by_number }
    }

    /// The clause numbered `number`, or an error that names the `side` ("old", "new").
    pub(crate) fn get(&self, number: &str, side: &str) -> Result<&'a Clause, String> {
        self.by_number
            .get(&normal(number))
            .copied()
            .ok_or_else(|| format!("the {side} draft has no clause numbered `{number}`"))
    }
}

/// The value of an option that takes one, as a string.
pub(crate) fn value(parser: &mut lexopt::Parser) -> Result<String, String> {
    parser
        .value()
        .map_err(|e| e.to_string())?
        .string()
        .map_err(|e| e.to_string())
}

/// An example's exit status: its run's own, or 2 with the message on stderr, after the
/// example's name.
pub(crate) fn exit(name: &str, run: Result<ExitCode, String>) -> ExitCode {
    run.unwrap_or_else(|message| {
        eprintln!("{name}: {message}");
        ExitCode::from(2)
    })
}

/// Standard output for the examples, as Unix tools treat it: a reader that stops early
/// (`| head -1`) ends the output quietly, with the exit status the run would have had; any
/// other failure to write is kept for [`Out::finish`] to report.
pub(crate) struct Out {
    stdout: std::io::StdoutLock<'static>,
    /// Whether writing has stopped: the reader went away, or an error was kept.
    stopped: bool,
    error: Option<std::io::Error>,
}

impl Out {
    pub(crate) fn new() -> Out {
        Out {
            stdout: std::io::stdout().lock(),
            stopped: false,
            error: None,
        }
    }

    /// Flushes the output; the error that stopped it, if any, other than a closed pipe.
    pub(crate) fn finish(mut self) -> Result<(), String> {
        if !self.stopped {
            let result = std::io::Write::flush(&mut self.stdout);
            self.keep(result);
        }
        match self.error {
            Some(e) => Err(format!("cannot write to standard output: {e}")),
            None => Ok(()),
        }
    }

    fn keep(&mut self, result: std::io::Result<()>) {
        if let Err(e) = result {
            self.stopped = true;
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                self.error = Some(e);
            }
        }
    }
}

impl std::fmt::Write for Out {
    /// Never fails: once the reader has gone or writing failed, the rest is dropped, and
    /// [`Out::finish`] says why.
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if !self.stopped {
            let result = std::io::Write::write_all(&mut self.stdout, s.as_bytes());
            self.keep(result);
        }
        Ok(())
    }
}

impl std::io::Write for Out {
    /// As the `fmt::Write` side: never fails, and [`Out::finish`] says why it stopped.
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.stopped {
            let result = self.stdout.write_all(buf);
            self.keep(result);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes `text` to standard output as [`Out`] does, and finishes.
pub(crate) fn print(text: &str) -> Result<(), String> {
    let mut out = Out::new();
    std::fmt::Write::write_str(&mut out, text).map_err(|e| e.to_string())?;
    out.finish()
}

/// The `--help` text: `help` as it is, after the example's name.
pub(crate) fn help(text: &str) -> Result<ExitCode, String> {
    print(text)?;
    Ok(ExitCode::SUCCESS)
}

/// The message for an option value that is not one of `choices`.
/// The value of `--brackets`.
pub(crate) fn bracket_mode(
    value: &str,
    usage: &str,
) -> Result<pactum::import::BracketMode, String> {
    pactum::import::BracketMode::from_name(value)
        .ok_or_else(|| not_one_of("--brackets", value, "auto, on or off", usage))
}

pub(crate) fn not_one_of(option: &str, value: &str, choices: &str, usage: &str) -> String {
    format!("{option} takes {choices}, not `{value}`\n{usage}")
}

/// Reads a pactum JSON file; the error with its causes, after the file's name where the
/// message does not name it already ("cannot read PATH: ..." does).
pub(crate) fn read_file(path: &str) -> Result<pactum::Negotiation, String> {
    pactum::format::read_file(path).map_err(|e| match e.io_error() {
        Some(_) => chain(&e),
        None => format!("{path}: {}", chain(&e)),
    })
}

/// An error with its causes, as a program shows it: "cannot read x.json: No such file or
/// directory (os error 2)". A library error's message leaves its source out, to be shown here
/// once.
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

/// Text compared case and spacing aside: lower-case, one space between words.
pub(crate) fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
