//! Peak memory of comparing drafts, each case in a fresh process under `/usr/bin/time -v`
//! (GNU time, which reports the process's peak resident set), against pactum's bound: at most
//! three times the size of the input files plus 64 MiB.
//!
//! ```text
//! cargo bench --bench memory [-- [--check] [CASE ...]]
//! ```
//!
//! The cases ([`CASES`]): `scale`, two drafts of 100,000 clauses (the scale bench's), compared
//! by the library; `long-clauses`, 2,000 clauses of 5,000 words each against a copy with a
//! tenth of the words of every clause reworded, by the library and (`long-clauses-example`)
//! through `compare --format json`, the example, which cargo builds first; `big-clause`,
//! one clause of 14 MB against a copy with a tenth of its words reworded, by the library. The
//! input is the two drafts as JSON files; the library reads, parses and compares them in a
//! process of its own. With `--check` the run fails when a case goes over its bound: `.ci/run`
//! runs it so.
//!
//! `--write-case CASE DIR` writes a case's two drafts to `DIR` (`old.json`, `new.json`), for a
//! heap profiler to run the step `compare` on.
//!
//! The binary also runs one step alone, for counting instructions, which do not depend on
//! the machine's load (the growth from 10,000 to 100,000 clauses should be about 10x):
//!
//! ```text
//! BIN=$(ls target/release/deps/memory-* | grep -v '\.d$')
//! $BIN --write 10000 /tmp/drafts-10k
//! valgrind --tool=callgrind --toggle-collect='pactum::diff::compare::compare' $BIN --step diff /tmp/drafts-10k
//! ```
//!
//! (steps: `read`, `parse`, `validate`, `diff`, `diff-no-ids`, `apply`; toggle `pactum::format::from_slice`,
//! `pactum::validate::validate`, `'*Diff*apply'` for the others). The steps `import-dense` and
//! `import-wrapped` import the import bench's generated 10 MB text (toggle
//! `pactum::import::text::text`; the directory is not read).

// Benches carry no docs of their own beyond this header.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pactum::diff::{Options, compare};
use pactum::{Proposal, format};

mod support;

fn files(dir: &Path) -> [PathBuf; 2] {
    [dir.join("old.json"), dir.join("new.json")]
}

/// One step, in this process: what it holds stays alive until the process ends.
fn step(step: &str, dir: &Path) {
    // The import of the import bench's generated 10 MB text, which needs no files.
    if let Some(shape) = step.strip_prefix("import-") {
        let text = support::treaty(10 << 20, shape == "dense");
        let imported = pactum::import::text(&text, &support::import_options());
        std::hint::black_box(&imported);
        std::mem::forget(imported);
        return;
    }
    if step == "compare" {
        // As a program would: each file read and parsed, its bytes dropped, then compared.
        let docs: Vec<_> = files(dir)
            .iter()
            .map(|f| {
                let bytes = std::fs::read(f).expect("the generated files read");
                format::from_slice(&bytes).expect("a generated file parses")
            })
            .collect();
        let old = docs[0].proposals().next().expect("a proposal");
        let new = docs[1].proposals().next().expect("a proposal");
        std::hint::black_box(compare(old, new, &Options::default()));
        return;
    }
    let bytes: Vec<Vec<u8>> = files(dir)
        .iter()
        .map(|f| std::fs::read(f).expect("the generated files read"))
        .collect();
    if step == "read" {
        std::hint::black_box(&bytes);
        return;
    }
    let docs: Vec<_> = bytes
        .iter()
        .map(|b| format::from_slice(b).expect("a generated file parses"))
        .collect();
    let old = docs[0].proposals().next().expect("a proposal");
    let new = docs[1].proposals().next().expect("a proposal");
    match step {
        "parse" => {
            std::hint::black_box(&docs);
        }
        "validate" => {
            std::hint::black_box(pactum::validate::validate(&docs[0]));
        }
        "diff" => {
            std::hint::black_box(compare(old, new, &Options::default()));
        }
        "diff-no-ids" => {
            std::hint::black_box(compare(old, new, &Options::default().without_ids()));
        }
        "apply" => {
            let diff = compare(old, new, &Options::default());
            assert_eq!(diff.apply(old).as_ref(), Ok(new));
        }
        _ => panic!(
            "steps: read, parse, validate, diff, diff-no-ids, apply, compare, import-dense, \
             import-wrapped"
        ),
    }
}

/// Writes the two drafts of `n` clauses to `dir`.
fn write(n: usize, dir: &Path) {
    let old = support::draft(n, 1);
    let new = support::edited(&old, 2);
    write_pair(&old, &new, dir);
}

/// Writes two drafts to `dir` as JSON files.
fn write_pair(old: &Proposal, new: &Proposal, dir: &Path) {
    std::fs::create_dir_all(dir).expect("a directory for the drafts");
    let [old_file, new_file] = files(dir);
    std::fs::write(old_file, format::to_string(&support::document(old))).unwrap();
    std::fs::write(new_file, format::to_string(&support::document(new))).unwrap();
}

/// A case: its name, how its two drafts are made, and whether the example compares them
/// (else the library does).
struct Case {
    name: &'static str,
    drafts: fn() -> (Proposal, Proposal),
    example: bool,
}

/// The cases of the hostile-input review, and the scale bench's drafts.
const LONG_N: usize = 2_000;
const CASES: [Case; 4] = [
    Case {
        name: "scale",
        drafts: || {
            let old = support::draft(100_000, 1);
            let new = support::edited(&old, 2);
            (old, new)
        },
        example: false,
    },
    Case {
        name: "long-clauses",
        drafts: || support::long_clauses(LONG_N, 5_000),
        example: false,
    },
    Case {
        name: "long-clauses-example",
        drafts: || support::long_clauses(LONG_N, 5_000),
        example: true,
    },
    Case {
        name: "big-clause",
        drafts: || support::big_clause(14 << 20),
        example: false,
    },
];

/// The `compare` example, built (or found up to date) by cargo, beside this binary's `deps`
/// directory.
fn example() -> PathBuf {
    let me = std::env::current_exe().expect("this binary");
    let release = me
        .parent()
        .and_then(Path::parent)
        .expect("the bench runs from target/<profile>/deps");
    let path = release.join("examples").join("compare");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .args(["build", "--release", "--example", "compare"])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the compare example builds");
    path
}

/// The peak resident set of `command` run under GNU time, in KiB.
fn peak(command: &[&std::ffi::OsStr]) -> u64 {
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .args(command)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("/usr/bin/time runs (Debian package `time`)");
    // The example exits with 1 when the drafts differ, as diff(1) does.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{command:?} failed: {out:?}"
    );
    let report = String::from_utf8_lossy(&out.stderr);
    report
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.parse().ok())
        .expect("GNU time reports the maximum resident set size")
}

/// The peak resident set of one step of this binary on `dir`, in KiB.
fn peak_of_step(step: &str, dir: &Path) -> u64 {
    let me = std::env::current_exe().expect("this binary");
    peak(&[me.as_ref(), "--step".as_ref(), step.as_ref(), dir.as_ref()])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--step", name, dir] => return step(name, Path::new(dir)),
        ["--write", n, dir] => {
            return write(n.parse().expect("a number of clauses"), Path::new(dir));
        }
        ["--write-case", name, dir] => {
            let case = CASES
                .iter()
                .find(|c| c.name == *name)
                .expect("a case's name");
            let (old, new) = (case.drafts)();
            return write_pair(&old, &new, Path::new(dir));
        }
        _ => {}
    }
    // `cargo bench` passes `--bench`; names among the arguments choose cases.
    let check = args.iter().any(|a| a == "--check");
    let chosen: Vec<&Case> = CASES
        .iter()
        .filter(|c| {
            !args.iter().any(|a| CASES.iter().any(|k| k.name == a))
                || args.contains(&c.name.to_owned())
        })
        .collect();
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!("| case | input (two JSON files) | peak RSS | bound (3 x input + 64 MiB) | |");
    println!("|---|---:|---:|---:|---|");
    let mut over = Vec::new();
    for case in chosen {
        let dir = std::env::temp_dir().join(format!(
            "pactum-memory-{}-{}",
            case.name,
            std::process::id()
        ));
        let (old, new) = (case.drafts)();
        write_pair(&old, &new, &dir);
        drop((old, new));
        let [old_file, new_file] = files(&dir);
        let input = (std::fs::metadata(&old_file).unwrap().len()
            + std::fs::metadata(&new_file).unwrap().len())
            / 1024;
        let rss = if case.example {
            let example = example();
            peak(&[
                example.as_ref(),
                old_file.as_ref(),
                new_file.as_ref(),
                "--format".as_ref(),
                "json".as_ref(),
            ])
        } else {
            peak_of_step("compare", &dir)
        };
        let _ = std::fs::remove_dir_all(&dir);
        let bound = 3 * input + 64 * 1024;
        let verdict = if rss <= bound { "within" } else { "OVER" };
        if rss > bound {
            over.push(case.name);
        }
        println!(
            "| {} | {:.1} MiB | {:.1} MiB | {:.1} MiB | {verdict} |",
            case.name,
            mib(input),
            mib(rss),
            mib(bound)
        );
    }
    if check && !over.is_empty() {
        eprintln!("memory: over the bound: {}", over.join(", "));
        std::process::exit(1);
    }
}
