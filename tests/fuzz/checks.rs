#![allow(dead_code)] // each target uses one check
//! What each fuzz target checks, shared by the targets (`fuzz_targets/`) and by the replay of
//! the committed corpus in `cargo test` (`tests/fuzz_replay.rs`). Each check either returns or
//! panics, and a panic is a bug: bad input must come back as a typed error.

use std::path::Path;

use pactum::brackets::{Bracketed, Tally};
use pactum::diff::{self, Options};
use pactum::import::{self, ImportOptions, LoadError};
use pactum::{Party, PartyKind, Proposal, format, render, validate};

/// Bytes read as a pactum JSON document: refused with a located error, or read, validated,
/// and written back to a document that reads as the same negotiation.
pub(crate) fn read_validate(bytes: &[u8]) {
    let Ok(negotiation) = format::from_slice(bytes) else {
        return;
    };
    let report = validate::validate(&negotiation);
    for problem in report.problems() {
        // Every location names a place in the document.
        assert!(problem.location.to_string().starts_with('$'));
    }
    let written = format::to_string(&negotiation);
    let back = format::from_str(&written).expect("a written document reads back");
    assert_eq!(back, negotiation, "a written document reads back the same");
}

fn options() -> ImportOptions {
    let mut options =
        ImportOptions::new("fuzz".parse().expect("an id"), "A".parse().expect("an id"));
    options.parties = vec![
        Party::new("A".parse().expect("an id"), "State A", PartyKind::State),
        Party::new("B".parse().expect("an id"), "State B", PartyKind::State),
    ];
    options
}

/// Imports bytes as a text (refused only as a text: empty or not UTF-8), then validates the
/// result.
pub(crate) fn import_text(bytes: &[u8]) -> Option<Proposal> {
    let loaded = match import::load_bytes(Path::new("fuzz.txt"), bytes, &options()) {
        Ok(loaded) => loaded,
        Err(LoadError::Text(_)) => return None,
        Err(e) => panic!("a .txt file is refused as something else than a text: {e}"),
    };
    let _ = validate::validate(&loaded.negotiation);
    let proposal = loaded
        .negotiation
        .proposals()
        .next()
        .expect("an import holds a proposal")
        .clone();
    assert!(!proposal.clauses.is_empty(), "an import holds a clause");
    Some(proposal)
}

/// Two drafts (the bytes split at the first 0xFF, which UTF-8 never holds), read as JSON
/// documents (their first proposals) where both read, else imported as texts, and compared,
/// ids on and off: the diff applied to the old draft gives the new one and its inverse goes
/// back (or both refuse, where a draft repeats a clause id), and the views render.
pub(crate) fn compare_apply(bytes: &[u8]) {
    let split = bytes.iter().position(|&b| b == 0xFF).unwrap_or(bytes.len());
    let (old, new) = (&bytes[..split], bytes.get(split + 1..).unwrap_or_default());
    let first = |n: &pactum::Negotiation| n.proposals().next().cloned();
    let pair = match (format::from_slice(old), format::from_slice(new)) {
        (Ok(a), Ok(b)) => first(&a).zip(first(&b)),
        _ => import_text(old).zip(import_text(new)),
    };
    let Some((old, new)) = pair else {
        return;
    };
    // A patch addresses clauses by id: with an id repeated in either draft (a validation
    // error), applying must refuse, saying so, rather than guess.
    let unique = |p: &Proposal| {
        let mut seen = std::collections::HashSet::new();
        p.walk().all(|c| seen.insert(&c.id))
    };
    let patchable = unique(&old) && unique(&new);
    for options in [Options::default(), Options::default().without_ids()] {
        let d = diff::compare(&old, &new, &options);
        let back = d.invert();
        if patchable {
            assert_eq!(d.apply(&old).expect("the diff applies"), new);
            assert_eq!(back.apply(&new).expect("the inverse applies"), old);
        } else {
            for refused in [d.apply(&old), back.apply(&new)] {
                let e = refused.expect_err("a repeated clause id is refused");
                assert!(e.to_string().contains("used twice"), "{e}");
            }
        }
        let _ = render::text(&d);
        let _ = render::markdown(&d);
    }
}

/// Bytes read as a diff: refused with a located error, or read (and so checked), applied to
/// the proposals of a small document and inverted (a misfit is a `PatchError`, never a panic),
/// rendered in every view, and written back to a diff that reads the same.
pub(crate) fn diff_json(bytes: &[u8]) {
    let Ok(d) = serde_json::from_slice::<diff::Diff>(bytes) else {
        return;
    };
    d.check().expect("a diff that reads is checked");
    let seeds = format::from_str(include_str!("../data/small.json")).expect("the seeds read");
    for p in seeds.proposals() {
        if let Ok(new) = d.apply(p) {
            let _ = d.invert().apply(&new);
        }
    }
    for view in [d.clone(), d.invert()]
        .into_iter()
        .chain(d.parties().first().map(|p| d.for_party(p.as_str())))
    {
        let _ = render::text(&view);
        let _ = render::markdown(&view);
    }
    let written = serde_json::to_string(&d).expect("a diff writes");
    let back: diff::Diff = serde_json::from_str(&written).expect("a written diff reads back");
    assert_eq!(back, d, "a written diff reads back the same");
}

/// Bytes read as bracketed texts in the notation (split at the first 0xFF into an old and a
/// new one): each refused with a located error or read, written back canonically and read the
/// same; as clauses, written to JSON and read back the same, validated, compared, the diff
/// applied and inverted, and rendered.
pub(crate) fn brackets(bytes: &[u8]) {
    let split = bytes.iter().position(|&b| b == 0xFF).unwrap_or(bytes.len());
    let texts = [&bytes[..split], bytes.get(split + 1..).unwrap_or_default()];
    let mut clauses = Vec::new();
    for raw in texts {
        let Ok(text) = std::str::from_utf8(raw) else {
            return;
        };
        match Bracketed::parse(text) {
            Ok(b) => {
                let canonical = b.to_string();
                let again = Bracketed::parse(&canonical).expect("a written notation reads");
                assert_eq!(again.to_string(), canonical, "the notation is canonical");
                assert_eq!(again.segments.len(), b.segments.len());
                let _ = Tally::of(&b);
            }
            Err(e) => assert!(e.offset() <= text.len(), "an error points into the text"),
        }
        clauses.push(pactum::Clause::new("art-1".parse().expect("an id"), text).with_brackets());
    }
    let proposal = |id: &str, c: &pactum::Clause| {
        Proposal::new(
            id.parse().expect("an id"),
            "Draft",
            "A".parse().expect("an id"),
        )
        .with_clause(c.clone())
    };
    let (old, new) = (proposal("v1", &clauses[0]), proposal("v2", &clauses[1]));
    let mut n = pactum::Negotiation::new("Brackets");
    n.add_party(Party::new(
        "A".parse().expect("an id"),
        "State A",
        PartyKind::State,
    ))
    .expect("a new party");
    n.add_proposal(old.clone()).expect("a new proposal");
    let _ = validate::validate(&n);
    let written = format::to_string(&n);
    let back = format::from_str(&written).expect("a written document reads back");
    assert_eq!(back, n, "a written document reads back the same");
    let d = diff::compare(&old, &new, &Options::default());
    assert_eq!(d.apply(&old).expect("the diff applies"), new);
    assert_eq!(d.invert().apply(&new).expect("the inverse applies"), old);
    let _ = render::text(&d);
    let _ = render::markdown(&d);
    let _ = render::html(&d, &render::HtmlOptions::default());
}

/// Three drafts (the bytes split at the first two 0xFF bytes), read as JSON documents where all
/// three read, else imported as texts, and merged: refused only for a repeated clause id, else
/// every bracket the merge wrote is a text conflict, resolving for each side leaves nothing
/// bracketed that the merge bracketed, and the resolution is a diff that applies and inverts.
pub(crate) fn merge(bytes: &[u8]) {
    let mut parts = bytes.splitn(3, |&b| b == 0xFF);
    let [base, ours, theirs] = [(); 3].map(|()| parts.next().unwrap_or_default());
    let first = |n: &pactum::Negotiation| n.proposals().next().cloned();
    let drafts = match (
        format::from_slice(base),
        format::from_slice(ours),
        format::from_slice(theirs),
    ) {
        (Ok(a), Ok(b), Ok(c)) => first(&a).zip(first(&b)).zip(first(&c)),
        _ => import_text(base)
            .zip(import_text(ours))
            .zip(import_text(theirs)),
    };
    let Some(((base, ours), theirs)) = drafts else {
        return;
    };
    let options = pactum::merge::Options::new("merged".parse().expect("an id"));
    let merged = match pactum::merge::three_way(&base, &ours, &theirs, &options) {
        Ok(m) => m,
        Err(e) => {
            assert!(e.to_string().contains("more than once"), "{e}");
            return;
        }
    };
    let before =
        Tally::of_proposal(&base) + Tally::of_proposal(&ours) + Tally::of_proposal(&theirs);
    if before.is_empty() {
        use pactum::merge::ConflictKind as K;
        let written = merged
            .conflicts
            .iter()
            .filter(|c| matches!(c.kind, K::Text | K::Options | K::Optional))
            .count();
        assert_eq!(Tally::of_proposal(&merged.proposal).brackets, written);
    }
    for side in ["ours", "theirs"] {
        let how = pactum::merge::Resolution::Side(side.parse().expect("an id"));
        let resolved = pactum::merge::resolve(&merged.proposal, &how);
        assert!(
            resolved
                .walk()
                .all(|c| !c.bracketed || c.brackets().is_some_and(|b| b.is_err()))
        );
        let d = diff::compare(
            &merged.proposal,
            &resolved,
            &Options::default().without_ids(),
        );
        if let Ok(back) = d.apply(&merged.proposal) {
            assert_eq!(back, resolved);
        }
    }
}
