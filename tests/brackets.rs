//! Bracketed text: the notation, the JSON format, and documents without brackets left as they
//! were. Texts here are made up for the tests.
#![cfg(feature = "serde")]

use pactum::brackets::{BracketErrorKind, BracketKind, Bracketed, Segment, Tally};
use pactum::format::{self, ReadErrorKind};
use pactum::{Clause, Negotiation, Party, PartyKind, PartyRef, Proposal};

fn draft(clauses: Vec<Clause>) -> Negotiation {
    let mut p = Proposal::new("d".parse().unwrap(), "Draft", "A".parse().unwrap())
        .with_party(PartyRef::party("A".parse().unwrap()))
        .with_party(PartyRef::party("B".parse().unwrap()));
    for c in clauses {
        p = p.with_clause(c);
    }
    let mut n = Negotiation::new("Brackets");
    for id in ["A", "B"] {
        n.add_party(Party::new(id.parse().unwrap(), id, PartyKind::State))
            .unwrap();
    }
    n.add_proposal(p).unwrap();
    n
}

fn clause(id: &str, text: &str) -> Clause {
    Clause::new(id.parse().unwrap(), text)
}

/// A document around one clause whose `text` is the given JSON.
fn document(text: &str) -> String {
    format!(
        r#"{{ "pactum": "1.2", "title": "t", "proposals": [ {{ "id": "d", "title": "Draft",
  "proposer": "A", "status": "drafted", "language": "en", "provenance": {{ "completeness": "full" }},
  "clauses": [ {{ "id": "art-1", "text": {text} }} ] }} ] }}"#
    )
}

#[test]
fn a_bracketed_text_is_written_as_segments_and_reads_back_the_same() {
    let text = "[Option 1: The Parties [shall]{A}[should]{B} consult \\[9\\] [promptly].]{A}\
                [Option 2: Each Party may consult.]{B}";
    let n = draft(vec![clause("art-1", text).with_brackets()]);
    let json = format::to_string(&n);
    assert!(json.contains(r#""pactum": "1.2""#), "{json}");
    // Structured: the JSON holds no notation, so a reader needs no escape rules.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let written = &value["proposals"][0]["clauses"][0]["text"];
    assert_eq!(written[0]["options"][0]["label"], "1");
    assert_eq!(written[0]["options"][0]["supporters"][0], "A");
    let inner = &written[0]["options"][0]["text"];
    assert_eq!(inner[0], "The Parties ");
    assert_eq!(inner[1]["alternatives"][1]["text"], "should");
    assert_eq!(inner[2], " consult [9] ");
    assert_eq!(inner[3]["optional"]["text"], "promptly");
    assert!(
        value["proposals"][0]["clauses"][0]
            .get("bracketed")
            .is_none()
    );
    let back = format::from_str(&json).unwrap();
    assert_eq!(back, n);
    assert_eq!(format::to_string(&back), json);
}

#[test]
fn a_document_without_brackets_writes_as_before() {
    // Literal brackets in an ordinary text stay text, and the version stays 1.1.
    let n = draft(vec![clause("art-1", "Article 7 [deleted] and a note [9].")]);
    let json = format::to_string(&n);
    assert!(json.contains(r#""pactum": "1.1""#), "{json}");
    assert!(json.contains(r#""text": "Article 7 [deleted] and a note [9].""#));
    let back = format::from_str(&json).unwrap();
    assert!(!back.proposal("d").unwrap().clauses[0].bracketed);
    assert_eq!(format::to_string(&back), json);
}

#[test]
fn an_unreadable_notation_is_kept_with_its_flag() {
    let n = draft(vec![
        clause("art-1", "The Parties [shall consult.").with_brackets(),
    ]);
    let json = format::to_string(&n);
    assert!(
        json.contains(r#""text": "The Parties [shall consult.","#),
        "{json}"
    );
    assert!(json.contains(r#""bracketed": true"#));
    let back = format::from_str(&json).unwrap();
    assert_eq!(back, n);
    let c = &back.proposal("d").unwrap().clauses[0];
    let err = c.brackets().unwrap().unwrap_err();
    assert_eq!((err.kind(), err.offset()), (BracketErrorKind::Unclosed, 12));
}

#[test]
fn a_notation_not_in_canonical_form_is_kept_byte_for_byte() {
    // Written as a string with its flag: segments would give back "{A, B}" and "\\}".
    for text in [
        "The Parties [shall]{A,B}[should] act.",
        "A brace } stands [here].",
    ] {
        let n = draft(vec![clause("art-1", text).with_brackets()]);
        let json = format::to_string(&n);
        assert!(json.contains(r#""bracketed": true"#), "{json}");
        let back = format::from_str(&json).unwrap();
        assert_eq!(back, n);
        // The view reads it all the same.
        let c = &back.proposal("d").unwrap().clauses[0];
        assert_eq!(c.brackets().unwrap().unwrap().brackets().count(), 1);
    }
}

#[test]
fn segments_the_notation_cannot_hold_are_refused_where_they_are() {
    let cases = [
        // Side by side, two optional spans would read back as alternatives.
        (
            r#"["a ", {"optional": {"text": "b"}}, {"optional": {"text": "c"}}]"#,
            "side by side",
        ),
        (
            r#"[{"alternatives": [{"text": "only one"}]}]"#,
            "two choices",
        ),
        (
            r#"["x ", {"options": [{"label": "1", "text": "a"}, {"label": "2", "text": "b"}]}]"#,
            "whole text",
        ),
        (
            r#"[{"options": [{"text": "a"}, {"label": "2", "text": "b"}]}]"#,
            "needs a label",
        ),
        (
            r#"[{"optional": {"label": "1", "text": "a"}}]"#,
            "only options have labels",
        ),
        (r#"["a ", {"optional": {"text": "  "}}]"#, "empty choice"),
        (
            r#"[{"optional": {"text": "a"}, "alternatives": []}]"#,
            "one key",
        ),
    ];
    for (text, says) in cases {
        let err = format::from_str(&document(text)).unwrap_err();
        assert_eq!(err.kind(), ReadErrorKind::InvalidBrackets, "{text}: {err}");
        assert!(
            err.path().starts_with("$.proposals[0].clauses[0].text"),
            "{text}: {err}"
        );
        assert!(err.to_string().contains(says), "{text}: {err}");
    }
    // Too deep: nine levels of optional spans.
    let mut text = r#""x""#.to_owned();
    for _ in 0..9 {
        text = format!(r#"[{{"optional": {{"text": {text}}}}}]"#);
    }
    let err = format::from_str(&document(&text)).unwrap_err();
    assert_eq!(err.kind(), ReadErrorKind::InvalidBrackets, "{err}");
    // A supporter must be a party id; a segment must be text or a bracket.
    let err = format::from_str(&document(
        r#"[{"optional": {"text": "a", "supporters": ["no id"]}}]"#,
    ))
    .unwrap_err();
    assert_eq!(err.kind(), ReadErrorKind::InvalidId, "{err}");
    let err = format::from_str(&document(r#"[{"bracket": {"text": "a"}}]"#)).unwrap_err();
    assert_eq!(err.kind(), ReadErrorKind::UnknownField, "{err}");
    // `bracketed` goes only with a string.
    let doc = document(r#"["a"], "bracketed": true"#);
    let err = format::from_str(&doc).unwrap_err();
    assert_eq!(err.kind(), ReadErrorKind::InvalidBrackets, "{err}");
}

#[test]
fn the_view_reads_kinds_supporters_and_plain_text() {
    let b = Bracketed::parse("The Parties [shall]{A, B}[should] act [promptly] [and [fully]].")
        .unwrap();
    let kinds: Vec<BracketKind> = b.brackets().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BracketKind::Alternatives,
            BracketKind::Optional,
            BracketKind::Optional,
            BracketKind::Optional
        ]
    );
    assert_eq!(b.plain(), "The Parties shall act promptly and fully.");
    let t = Tally::of(&b);
    assert_eq!(
        (t.brackets, t.optional, t.alternatives, t.choices),
        (4, 3, 1, 5)
    );
    let Segment::Bracket(first) = &b.segments[1] else {
        panic!("{b:?}")
    };
    assert_eq!(first.choices[0].supporters.len(), 2);
    assert_eq!(
        b.to_string(),
        "The Parties [shall]{A, B}[should] act [promptly] [and [fully]]."
    );
}

#[test]
fn a_drafts_tally_counts_every_clause_and_the_unreadable_apart() {
    let mut article = clause("art-1", "Plain [9] text.");
    article
        .push_child(clause("art-1.1", "[a][b] and [c]").with_brackets())
        .unwrap();
    article
        .push_child(clause("art-1.2", "[unclosed").with_brackets())
        .unwrap();
    let n = draft(vec![article, clause("art-2", "x [y]").with_brackets()]);
    let t = Tally::of_proposal(n.proposal("d").unwrap());
    assert_eq!(
        (t.brackets, t.choices, t.clauses, t.unreadable),
        (3, 4, 2, 1)
    );
}

#[cfg(feature = "proptest")]
mod generated {
    use pactum::brackets::Bracketed;
    use pactum::format;
    use pactum::import::{self, BracketMode, ImportOptions};
    use pactum::strategy;
    use proptest::prelude::*;

    fn parties() -> Vec<pactum::PartyId> {
        vec!["A".parse().unwrap(), "B".parse().unwrap()]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn the_notation_reads_back(text in strategy::bracketed_text(parties())) {
            let notation = text.to_string();
            prop_assert_eq!(&Bracketed::parse(&notation).unwrap(), &text);
        }

        #[test]
        fn json_round_trips_and_validates(c in strategy::bracketed_clause("art-1".parse().unwrap(), parties())) {
            let n = super::draft(vec![c]);
            let json = format::to_string(&n);
            let back = format::from_str(&json).unwrap();
            prop_assert_eq!(&back, &n);
            prop_assert_eq!(format::to_string(&back), json);
            let report = back.validate();
            prop_assert!(
                !report.problems().iter().any(|p| p.location.to_string().contains(".text[")),
                "{}", report
            );
        }

        #[test]
        fn the_notation_imports_as_written(text in strategy::bracketed_text(parties())) {
            let notation = text.to_string();
            let input = format!("Article 1\n\n{notation}\n");
            let mut options = ImportOptions::new("d".parse().unwrap(), "A".parse().unwrap());
            options.brackets = BracketMode::On;
            let (p, _) = import::text(&input, &options).unwrap();
            let c = &p.clauses[0];
            prop_assert_eq!(&c.text, &notation);
            // Plain words with no bracket and no escape need no notation.
            let plain = !notation.contains(['[', '\\']);
            prop_assert_eq!(c.bracketed, !plain);
        }
    }
}

mod import {
    use pactum::import::{self, BracketMode, ImportOptions};

    fn read(text: &str, mode: BracketMode) -> (pactum::Proposal, import::ImportReport) {
        let mut options = ImportOptions::new("d".parse().unwrap(), "A".parse().unwrap());
        options.brackets = mode;
        import::text(text, &options).unwrap()
    }

    const NEGOTIATING: &str = "Article 1\n\nThe Parties [shall]{A}[should]{B} consult [9] \
                               [within thirty days].\n\nArticle 2\n\nEach Party may withdraw.\n\n\
                               Article 3\n\nOption 1: The Council decides.\nOption 2: The \
                               Parties decide [jointly].\n\nArticle 4\n\n[deleted]\n";

    #[test]
    fn auto_reads_a_negotiating_text_by_its_evidence_and_says_so() {
        let (p, report) = read(NEGOTIATING, BracketMode::Auto);
        let c = &p.clauses[0];
        assert!(c.bracketed);
        // The footnote marker stays literal: escaped in the notation.
        assert_eq!(
            c.text,
            "The Parties [shall]{A}[should]{B} consult \\[9\\] [within thirty days]."
        );
        // A clause without brackets stays plain; a deleted provision keeps its text.
        assert!(!p.clauses[1].bracketed);
        assert!(p.clauses[3].deleted && !p.clauses[3].bracketed);
        // Options on their lines become the clause's options.
        let options = p.clauses[2].brackets().unwrap().unwrap();
        let b = options.brackets().next().unwrap();
        assert_eq!(b.kind, pactum::brackets::BracketKind::Options);
        assert_eq!(b.choices[1].plain(), "The Parties decide jointly.");
        let said = report.to_string();
        assert!(
            said.contains("brackets read as a negotiating text's: 2 with supporters, 1 side by side, 2 options"),
            "{said}"
        );
        assert!(said.contains("1 brackets kept literal"), "{said}");
    }

    #[test]
    fn auto_leaves_a_finished_texts_brackets_literal() {
        let text = "Article 1\n\nThe Parties shall consult [9] on [the] matter.\n";
        let (p, report) = read(text, BracketMode::Auto);
        assert!(!p.clauses[0].bracketed);
        assert_eq!(
            p.clauses[0].text,
            "The Parties shall consult [9] on [the] matter."
        );
        assert!(!report.to_string().contains("bracket"), "{report}");
        // Forced on, the same text is a negotiating text; the footnote stays literal.
        let (p, report) = read(text, BracketMode::On);
        assert!(p.clauses[0].bracketed);
        assert_eq!(
            p.clauses[0].text,
            "The Parties shall consult \\[9\\] on [the] matter."
        );
        assert!(
            report.to_string().contains("as asked (brackets on)"),
            "{report}"
        );
        // Forced off, even the evidence leaves brackets literal.
        let (p, _) = read(NEGOTIATING, BracketMode::Off);
        assert!(p.walk().all(|c| !c.bracketed));
    }

    #[test]
    fn the_importer_writes_the_notation_canonically() {
        let (p, _) = read(
            "Article 1\n\nThey [act]{A,B} [now]{ B }.\n",
            BracketMode::On,
        );
        assert_eq!(p.clauses[0].text, "They [act]{A, B} [now]{B}.");
    }

    #[test]
    fn slashes_make_alternatives_and_faults_are_reported_for_validation() {
        let text = "Article 1\n\nThe Parties [shall/should] act [promptly.\n";
        let (p, report) = read(text, BracketMode::On);
        let c = &p.clauses[0];
        assert!(c.bracketed);
        assert_eq!(c.text, "The Parties [shall][should] act [promptly.");
        assert!(
            report
                .to_string()
                .contains("bracketed text cannot be read: unclosed bracket at byte 32"),
            "{report}"
        );
        let problems = p.validate();
        assert!(
            problems
                .problems()
                .iter()
                .any(|pr| pr.location.to_string() == r#"$.clauses["art-1"].text[32]"#),
            "{problems}"
        );
    }
}

mod diff {
    use pactum::diff::{BracketChange, Options, compare};
    use pactum::{Clause, Proposal};
    #[cfg(feature = "proptest")]
    use {pactum::strategy, proptest::prelude::*};

    fn proposal(id: &str, texts: &[&str]) -> Proposal {
        let mut p = Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap());
        for (i, t) in texts.iter().enumerate() {
            let c = Clause::new(format!("art-{}", i + 1).parse().unwrap(), *t)
                .with_number(format!("Article {}", i + 1))
                .with_brackets();
            p = p.with_clause(c);
        }
        p
    }

    #[test]
    fn brackets_resolved_added_and_counted() {
        let old = proposal(
            "v1",
            &[
                "The Parties [shall]{A}[should]{B} consult [promptly] \\[9\\].",
                "[Option 1: The Council decides.]{A}[Option 2: Each Party may withdraw.]{B}",
                "Nothing is disputed here.",
            ],
        );
        let new = proposal(
            "v2",
            &[
                "The Parties shall consult [promptly] [in writing] \\[9\\].",
                "Each Party may withdraw.",
                "Nothing is disputed here.",
            ],
        );
        let d = compare(&old, &new, &Options::default());
        let tally = d.brackets.expect("the drafts are bracketed");
        assert_eq!((tally.old.brackets, tally.new.brackets), (3, 2));
        assert_eq!(tally.brackets(), -1);
        let art = |i: usize| d.clauses[i].brackets.as_ref().expect("brackets changed");
        let names: Vec<&str> = art(0).changes.iter().map(BracketChange::name).collect();
        assert_eq!(names, ["resolved", "added"]);
        match &art(1).changes[..] {
            [BracketChange::Resolved { bracket, kept }] => {
                assert_eq!(*kept, 1);
                assert_eq!(bracket.choices[1], "Each Party may withdraw.");
            }
            other => panic!("{other:?}"),
        }
        assert!(d.clauses[2].brackets.is_none());
        // A patch still: applied, and inverted with each change its inverse.
        assert_eq!(d.apply(&old).unwrap(), new);
        let back = d.invert();
        assert_eq!(back.apply(&new).unwrap(), old);
        let names: Vec<&str> = back.clauses[0]
            .brackets
            .as_ref()
            .unwrap()
            .changes
            .iter()
            .map(BracketChange::name)
            .collect();
        assert_eq!(names, ["reopened", "removed"]);
        // The views say it.
        let text = d.to_string();
        assert!(
            text.contains("brackets 3 -> 2 (optional 1 -> 2, alternatives 1 -> 0, options 1 -> 0)"),
            "{text}"
        );
        assert!(
            text.contains("Article 1: resolved [shall][should], kept \"shall\""),
            "{text}"
        );
    }

    #[test]
    fn the_diff_format_is_1_1_only_with_brackets() {
        let old = proposal("v1", &["They [shall][should] act."]);
        let new = proposal("v2", &["They shall act."]);
        let json = serde_json::to_string(&compare(&old, &new, &Options::default())).unwrap();
        assert!(json.starts_with(r#"{"pactum_diff":"1.1""#), "{json}");
        let back: pactum::diff::Diff = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        let plain = |id: &str, t: &str| {
            Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap())
                .with_clause(Clause::new("art-1".parse().unwrap(), t))
        };
        let d = compare(
            &plain("v1", "They act [9]."),
            &plain("v2", "They act."),
            &Options::default(),
        );
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.starts_with(r#"{"pactum_diff":"1.0""#), "{json}");
        assert!(!json.contains("bracket"), "{json}");
    }

    #[cfg(feature = "proptest")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_bracketed_diff_applies_and_inverts(
            a in strategy::bracketed_clause("art-1".parse().unwrap(), vec!["A".parse().unwrap()]),
            b in strategy::bracketed_clause("art-1".parse().unwrap(), vec!["B".parse().unwrap()]),
        ) {
            let old = Proposal::new("v1".parse().unwrap(), "Draft", "A".parse().unwrap()).with_clause(a);
            let new = Proposal::new("v2".parse().unwrap(), "Draft", "A".parse().unwrap()).with_clause(b);
            let d = compare(&old, &new, &Options::default());
            prop_assert_eq!(&d.apply(&old).unwrap(), &new);
            prop_assert_eq!(&d.invert().apply(&new).unwrap(), &old);
            prop_assert_eq!(&d.invert().invert(), &d);
            let t = d.brackets.unwrap();
            let per_clause = |new: bool| d.clauses.iter().map(|c| c.brackets.as_ref().map_or(0, |b| if new { b.tally.new.brackets } else { b.tally.old.brackets })).sum::<usize>();
            // A clause whose brackets did not change has no entry; else its tallies add up.
            if d.clauses.iter().any(|c| c.brackets.is_some()) {
                prop_assert_eq!(per_clause(false), t.old.brackets);
                prop_assert_eq!(per_clause(true), t.new.brackets);
            }
        }
    }
}
