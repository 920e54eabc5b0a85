//! A corpus of bad and unusual input (`tests/data/hostile/`), each file with its expected
//! outcome in `tests/data/hostile/EXPECTED`: the exact error kind and location, the exact
//! validation problems, or acceptance. Inputs too big to commit (100,000 levels of nesting, a
//! 50 MB clause) are generated here. Nothing may panic, abort or overflow the stack.
#![cfg(feature = "serde")]

use std::path::Path;

use pactum::import::{self, ImportOptions, LoadError};
use pactum::{Party, PartyKind, format, validate};

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile")
}

fn problems(n: &pactum::Negotiation) -> String {
    let report = validate::validate(n);
    if report.problems().is_empty() {
        return "valid".to_owned();
    }
    report
        .problems()
        .iter()
        .map(|p| format!("{} at {}", p.kind.code(), p.location))
        .collect::<Vec<_>>()
        .join("; ")
}

fn options() -> ImportOptions {
    let mut options = ImportOptions::new("t".parse().unwrap(), "A".parse().unwrap());
    options.parties = vec![
        Party::new("A".parse().unwrap(), "State A", PartyKind::State),
        Party::new("B".parse().unwrap(), "State B", PartyKind::State),
    ];
    options
}

/// What happens to a file, in one line: how the manifest states it.
fn outcome(name: &str, bytes: &[u8]) -> String {
    if name.ends_with(".json") {
        return match format::from_slice(bytes) {
            // Syntax errors have no path: only the line and column say where.
            Err(e) if e.path().is_empty() => format!(
                "refused: {:?} (line {}, column {})",
                e.kind(),
                e.line(),
                e.column()
            ),
            Err(e) => format!(
                "refused: {:?} at {} (line {}, column {})",
                e.kind(),
                e.path(),
                e.line(),
                e.column()
            ),
            Ok(n) => format!("read, {}", problems(&n)),
        };
    }
    match import::load_bytes(Path::new(name), bytes, &options()) {
        Err(LoadError::Text(e)) => format!("refused: {e}"),
        Err(e) => format!("refused otherwise: {e}"),
        Ok(loaded) => {
            let p = loaded.negotiation.proposals().next().expect("one proposal");
            let report = loaded.report.expect("a text's report");
            format!(
                "imported: {} clauses, {} set aside, {}",
                p.clauses.len(),
                report.set_aside.len(),
                problems(&loaded.negotiation)
            )
        }
    }
}

#[test]
fn every_input_has_its_expected_outcome() {
    let manifest = std::fs::read_to_string(dir().join("EXPECTED")).expect("the manifest reads");
    let mut expected = std::collections::BTreeMap::new();
    for line in manifest
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (name, outcome) = line.split_once(": ").expect("`name: outcome`");
        assert!(
            expected
                .insert(name.to_owned(), outcome.to_owned())
                .is_none(),
            "{name} twice in the manifest"
        );
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "EXPECTED" {
            files.push(name);
        }
    }
    files.sort();
    let mut wrong = Vec::new();
    for name in &files {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let got = outcome(name, &bytes);
        match expected.remove(name) {
            Some(want) if want == got => {}
            Some(want) => wrong.push(format!("{name}:\n  expected {want}\n  got      {got}")),
            None => wrong.push(format!("{name}: not in the manifest; got\n{name}: {got}")),
        }
    }
    for name in expected.keys() {
        wrong.push(format!("{name}: in the manifest, but no such file"));
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert!(files.len() >= 40, "only {} inputs", files.len());
}

/// `valid.json` with `value` in place of the draft's title.
fn with_title(value: &str) -> Vec<u8> {
    let base = std::fs::read_to_string(dir().join("valid.json")).unwrap();
    let title = "\"title\": \"Draft\"";
    assert!(base.contains(title));
    base.replacen(title, &format!("\"title\": {value}"), 1)
        .into_bytes()
}

#[test]
fn arrays_nested_100000_levels_deep_are_refused_where_they_start() {
    // The format is strict, so the reader refuses the first bracket rather than descend.
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let e = format::from_slice(&with_title(&deep)).unwrap_err();
    assert_eq!(e.kind(), format::ReadErrorKind::WrongType, "{e}");
    assert_eq!(e.path(), "$.proposals[0].title");
}

#[test]
fn clauses_nested_100000_levels_deep_are_refused_without_overflow() {
    let depth = 100_000;
    let mut doc = String::from(
        "{\"pactum\": \"1.0\", \"title\": \"t\", \"parties\": [], \"proposals\": [{\"id\": \"p\", \"title\": \"t\", \"proposer\": \"A\", \"parties\": [], \"status\": \"tabled\", \"language\": \"en\", \"provenance\": {\"completeness\": \"full\"}, \"clauses\": [",
    );
    for k in 0..depth {
        doc.push_str(&format!(
            "{{\"id\": \"c{k}\", \"text\": \"t\", \"children\": ["
        ));
    }
    doc.push_str(&"]}".repeat(depth));
    doc.push_str("]}]}");
    // The JSON parser's recursion limit stops the descent long before the stack would.
    let e = format::from_slice(doc.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), format::ReadErrorKind::TooDeep, "{e}");
}

#[test]
fn a_50_mb_clause_reads_validates_and_writes() {
    let sentence = "The Parties shall notify each other of exercises in the border region. ";
    let text = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
    assert!(text.len() >= 50 * 1024 * 1024);
    let doc = std::fs::read_to_string(dir().join("valid.json"))
        .unwrap()
        .replacen(
            "\"text\": \"This Agreement enters into force on signature.\"",
            &format!("\"text\": \"{text}\""),
            1,
        );
    assert!(doc.len() > text.len(), "the clause holds the text");
    let n = format::from_slice(doc.as_bytes()).unwrap();
    // The text holds markers the clause does not record: one warning, for the one clause.
    let report = validate::validate(&n);
    let codes: Vec<&str> = report.problems().iter().map(|p| p.kind.code()).collect();
    assert_eq!(codes, ["uncommitted_deontic_text"]);
    let written = format::to_string(&n);
    assert_eq!(format::from_str(&written).unwrap(), n);
}

#[test]
fn a_text_of_100000_brackets_imports_validates_and_compares_within_its_bounds() {
    // Evidence first (a bracket with its supporters), then brackets far past the nesting
    // bound, then thousands side by side.
    let mut text = String::from("Article 1\n\nThe Parties [shall]{A}[should]{B} act ");
    text.push_str(&"[".repeat(100_000));
    text.push_str("\n\nArticle 2\n\nThey act ");
    text.push_str(&"[x] ".repeat(20_000));
    text.push_str("now.\n\nArticle 3\n\nThey act ");
    text.push_str(&"[x]{A}".repeat(20_000));
    text.push_str(".\n");
    let (p, _) = import::text(&text, &options()).unwrap();
    let n = {
        let mut n = pactum::Negotiation::new("t");
        for party in options().parties {
            n.add_party(party).unwrap();
        }
        n.add_proposal(p.clone()).unwrap();
        n
    };
    let report = validate::validate(&n);
    let kinds: Vec<&str> = report
        .problems()
        .iter()
        .map(|p| p.kind.code())
        .take(5)
        .collect();
    // Article 3 is one bracket of 20,000 alternatives alike: one problem.
    assert_eq!(kinds, ["bracket_too_deep", "identical_options"]);
    // Against a plain copy of itself, every bracket of article 2 resolved or removed, in a
    // bounded search.
    let mut plain = p.clone();
    for c in &mut plain.clauses {
        c.bracketed = false;
        c.text = c.text.replace(['[', ']', '\\'], "");
    }
    let d = pactum::diff::compare(&p, &plain, &pactum::diff::Options::default());
    assert_eq!(d.apply(&p).unwrap(), plain);
    let t = d.brackets.unwrap();
    assert_eq!((t.old.brackets, t.new.brackets), (20_001, 0));
    assert_eq!(t.old.unreadable, 1);
}
