//! Peak memory of reading two drafts of 100,000 clauses from JSON and comparing them, beside
//! the size of the two files and the memory the two parsed documents take.
//!
//! ```text
//! cargo bench --bench memory [-- CLAUSES]
//! ```
//!
//! Each step runs in a fresh process of this binary under `/usr/bin/time -v` (GNU time), which
//! reports the process's peak resident set: `read` (the two files' bytes), `parse` (and the
//! two parsed documents), `diff` (and their comparison, ids on, as by default). The parsed
//! documents take `parse - read`; the target is a `diff - read` of at most three times that.
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
use std::process::Command;

use pactum::diff::{Options, compare};
use pactum::format;

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
            "steps: read, parse, validate, diff, diff-no-ids, apply, import-dense, import-wrapped"
        ),
    }
}

/// Writes the two drafts of `n` clauses to `dir`.
fn write(n: usize, dir: &Path) {
    std::fs::create_dir_all(dir).expect("a directory for the drafts");
    let old = support::draft(n, 1);
    let new = support::edited(&old, 2);
    let [old_file, new_file] = files(dir);
    std::fs::write(old_file, format::to_string(&support::document(&old))).unwrap();
    std::fs::write(new_file, format::to_string(&support::document(&new))).unwrap();
}

/// The peak resident set of `step`, in KiB, from GNU time.
fn peak(step: &str, dir: &Path) -> u64 {
    let me = std::env::current_exe().expect("this binary");
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(me)
        .args(["--step", step])
        .arg(dir)
        .output()
        .expect("/usr/bin/time runs (Debian package `time`)");
    assert!(out.status.success(), "step {step} failed: {out:?}");
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
        _ => {}
    }
    // `cargo bench` passes `--bench`; a number among the arguments sets the size.
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("pactum-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    write(n, &dir);
    let [old_file, new_file] = files(&dir);
    let size = |f: &Path| std::fs::metadata(f).unwrap().len() / 1024;
    let sizes = (size(&old_file), size(&new_file));
    let (read, parse, diff) = (peak("read", &dir), peak("parse", &dir), peak("diff", &dir));
    let _ = std::fs::remove_dir_all(&dir);
    let parsed = parse.saturating_sub(read);
    let compared = diff.saturating_sub(read);
    println!("{n} clauses: files {} KiB + {} KiB", sizes.0, sizes.1);
    println!("peak RSS: read {read} KiB, parse {parse} KiB, parse + diff {diff} KiB");
    println!(
        "parsed documents {parsed} KiB; parse + diff {compared} KiB = {:.2}x the parsed documents (target <= 3x)",
        compared as f64 / parsed.max(1) as f64
    );
}
