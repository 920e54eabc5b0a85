//! Replays the fuzz targets' committed corpus (`tests/fuzz/seeds/`): the seeds written by hand
//! and the inputs the fuzzer kept (minimised), among them every input that once failed. Each
//! is run through the same checks as under the fuzzer (`tests/fuzz/checks.rs`).
#![cfg(feature = "serde")]

#[path = "fuzz/checks.rs"]
mod checks;

fn replay(target: &str, check: impl Fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/seeds")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("the seeds directory reads") {
        let path = entry.expect("an entry").path();
        let bytes = std::fs::read(&path).expect("a seed reads");
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(
            outcome.is_ok(),
            "{target}: {} fails its check",
            path.display()
        );
        n += 1;
    }
    assert!(n >= 3, "{target}: only {n} seeds");
}

#[test]
fn read_validate() {
    replay("read_validate", checks::read_validate);
}

#[test]
fn import_text() {
    replay("import_text", |bytes| {
        checks::import_text(bytes);
    });
}

#[test]
fn compare_apply() {
    replay("compare_apply", checks::compare_apply);
}

#[test]
fn diff_json() {
    replay("diff_json", checks::diff_json);
}

#[test]
fn brackets() {
    replay("brackets", checks::brackets);
}

#[test]
fn merge() {
    replay("merge", checks::merge);
}
