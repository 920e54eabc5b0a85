//! The JSON format: round trips, determinism, and a located error of each kind.
#![cfg(feature = "serde")]

use pactum::format::{self, FORMAT_VERSION, ReadError, ReadErrorKind};
use pactum::{Clause, MAX_CLAUSE_DEPTH};

const SMALL: &str = include_str!("data/small.json");

fn read_err(text: &str) -> ReadError {
    format::from_str(text).expect_err("the document should be refused")
}

/// The small document with one piece of text replaced, which must occur exactly once.
fn small_with(from: &str, to: &str) -> String {
    assert_eq!(
        SMALL.matches(from).count(),
        1,
        "{from:?} must occur once in small.json"
    );
    SMALL.replacen(from, to, 1)
}

fn assert_err(text: &str, kind: ReadErrorKind, path: &str) -> ReadError {
    let e = read_err(text);
    assert_eq!((e.kind(), e.path()), (kind, path), "{e}");
    assert!(
        e.line() >= 1 && e.column() >= 1,
        "{e}: a position is expected"
    );
    e
}

#[test]
fn reads_every_part_of_the_small_document() {
    let n = format::from_str(SMALL).unwrap();
    assert_eq!(n.parties().len(), 4);
    assert_eq!(n.proposals().len(), 2);
    assert_eq!(n.meetings().len(), 1);
    let draft = n.proposal("draft").unwrap();
    assert_eq!(
        draft.clauses[0].children()[0].commitments[0]
            .exceptions
            .len(),
        1
    );
    assert_eq!(draft.preamble.len(), 2);
    assert!(n.validate().is_clean(), "{}", n.validate());
}

#[test]
fn write_then_read_gives_the_same_value_and_bytes() {
    let n = format::from_str(SMALL).unwrap();
    let written = format::to_string(&n);
    assert!(
        written.starts_with("{\n  \"pactum\": \"1.1\",\n"),
        "{written}"
    );
    assert!(written.ends_with("}\n"));
    let again = format::from_str(&written).unwrap();
    assert_eq!(again, n);
    assert_eq!(format::to_string(&again), written);
    let mut bytes = Vec::new();
    format::to_writer(&mut bytes, &n).unwrap();
    assert_eq!(bytes, written.as_bytes());
}

#[test]
fn defaults_are_left_out_when_writing() {
    let written = format::to_string(&format::from_str(SMALL).unwrap());
    assert!(
        !written.contains("\"verbatim\""),
        "the default text basis is not written"
    );
    assert!(
        !written.contains("\"annotated\""),
        "the default origin is not written"
    );
    assert!(!written.contains("null"));
    assert!(!written.contains("[]"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{SMALL}");
    assert_eq!(
        format::from_str(&with_bom).unwrap(),
        format::from_str(SMALL).unwrap()
    );
}

#[test]
fn empty_input() {
    for empty in ["", "  \n\t", "\u{feff}"] {
        assert_eq!(read_err(empty).kind(), ReadErrorKind::Empty);
    }
}

#[test]
fn invalid_utf8_names_the_byte() {
    let mut bytes = b"{\n  \"pactum\": \"1.0\", \"title\": \"".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\" }");
    let e = format::from_slice(&bytes).unwrap_err();
    assert_eq!(e.kind(), ReadErrorKind::InvalidUtf8);
    assert_eq!((e.line(), e.column()), (2, 30));
    assert_eq!(e.message(), "invalid UTF-8 at byte 31");
}

#[test]
fn syntax_errors_have_a_position_but_no_path() {
    let e = assert_err(
        &small_with("\"title\": \"A small", "\"title\" \"A small"),
        ReadErrorKind::Syntax,
        "",
    );
    assert_eq!(e.line(), 3);
    assert_err(
        "{\"pactum\": \"1.0\", \"title\": \"a\u{0}b\"}",
        ReadErrorKind::Syntax,
        "",
    );
    assert_err("nonsense", ReadErrorKind::Syntax, "");
    assert_err(&format!("{SMALL} trailing"), ReadErrorKind::Syntax, "");
}

#[test]
fn truncated_json() {
    let cut = &SMALL[..SMALL.len() / 2];
    assert_err(cut, ReadErrorKind::UnexpectedEof, "");
}

#[test]
fn wrong_types() {
    let e = assert_err(
        &small_with("\"kind\": \"alliance\"", "\"kind\": 3"),
        ReadErrorKind::WrongType,
        "$.parties[3].kind",
    );
    assert!(e.message().starts_with("invalid type: integer `3`"), "{e}");
    assert_err(
        &small_with("\"aliases\": [\"A-land\"]", "\"aliases\": \"A-land\""),
        ReadErrorKind::WrongType,
        "$.parties[0].aliases",
    );
    assert_err(
        &small_with("\"agenda\": [\"draft\"]", "\"agenda\": [7]"),
        ReadErrorKind::WrongType,
        "$.meetings[0].agenda[0]",
    );
    assert_err(
        &small_with(
            "\"obligors\": [\"B\"],\n              \"beneficiaries\"",
            "\"obligors\": [true],\n              \"beneficiaries\"",
        ),
        ReadErrorKind::WrongType,
        "$.proposals[1].clauses[0].commitments[0].obligors[0]",
    );
}

#[test]
fn unknown_fields_are_refused_everywhere() {
    assert_err(
        &small_with("\"description\":", "\"descripton\":"),
        ReadErrorKind::UnknownField,
        "$.descripton",
    );
    let e = assert_err(
        &small_with(
            "\"heading\": \"Restraint\",",
            "\"heading\": \"Restraint\", \"colour\": \"red\",",
        ),
        ReadErrorKind::UnknownField,
        "$.proposals[0].clauses[0].colour",
    );
    assert!(e.message().starts_with("unknown field `colour`"), "{e}");
    assert_err(
        &small_with(
            "{ \"members_of\": \"AL\", \"as_of\": \"1997-05-27\" }",
            "{ \"members_of\": \"AL\", \"since\": \"1997-05-27\" }",
        ),
        ReadErrorKind::UnknownField,
        "$.proposals[0].clauses[0].children[0].commitments[0].obligors[1]",
    );
    assert_err(
        &small_with(
            "\"note\": \"hand-made\"",
            "\"note\": \"hand-made\", \"extra\": 1",
        ),
        ReadErrorKind::UnknownField,
        "$.proposals[0].provenance.extra",
    );
}

#[test]
fn missing_and_duplicate_fields() {
    assert_err(
        &small_with("\"forum\": \"The Council\",", ""),
        ReadErrorKind::MissingField,
        "$.meetings[0]",
    );
    assert_err(
        &small_with("\"pactum\": \"1.1\",", ""),
        ReadErrorKind::MissingField,
        "$",
    );
    assert_err(
        &small_with(
            "\"forum\": \"The Council\",",
            "\"forum\": \"The Council\", \"forum\": \"Again\",",
        ),
        ReadErrorKind::DuplicateField,
        "$.meetings[0]",
    );
}

#[test]
fn unknown_enum_values() {
    let e = assert_err(
        &small_with("\"kind\": \"alliance\"", "\"kind\": \"empire\""),
        ReadErrorKind::UnknownVariant,
        "$.parties[3].kind",
    );
    assert!(
        e.message()
            .contains("expected one of `state`, `organization`, `alliance`, `other`"),
        "{e}"
    );
    assert_err(
        &small_with("\"modality\": \"offer\"", "\"modality\": \"shall\""),
        ReadErrorKind::UnknownVariant,
        "$.proposals[1].clauses[0].commitments[0].modality",
    );
}

#[test]
fn malformed_ids() {
    let e = assert_err(
        &small_with("\"id\": \"art-2\"", "\"id\": \"Article 2\""),
        ReadErrorKind::InvalidId,
        "$.proposals[0].clauses[1].id",
    );
    assert_eq!(
        e.message(),
        "invalid clause id `Article 2`: character ' ' at byte 7 is not allowed (use letters, digits, '-', '_' or '.')"
    );
    assert_err(
        &small_with("\"proposer\": \"B\"", "\"proposer\": \"\""),
        ReadErrorKind::InvalidId,
        "$.proposals[1].proposer",
    );
    assert_err(
        &small_with("\"agenda\": [\"draft\"]", "\"agenda\": [\"-draft\"]"),
        ReadErrorKind::InvalidId,
        "$.meetings[0].agenda[0]",
    );
    assert_err(
        &small_with("\"id\": \"council\"", "\"id\": \"coun cil\""),
        ReadErrorKind::InvalidId,
        "$.meetings[0].id",
    );
    assert_err(
        &small_with("\"id\": \"talks\"", "\"id\": \"t@lks\""),
        ReadErrorKind::InvalidId,
        "$.proposals[1].clauses[0].commitments[0].id",
    );
    assert_err(
        &small_with(
            "\"parties\": [\"A\", { \"members_of\": \"AL\" }]",
            "\"parties\": [\"A\", { \"members_of\": \"A L\" }]",
        ),
        ReadErrorKind::InvalidId,
        "$.proposals[0].parties[1].members_of",
    );
}

#[test]
fn impossible_and_malformed_dates() {
    let e = assert_err(
        &small_with("\"date\": \"2022-01-12\"", "\"date\": \"2022-02-30\""),
        ReadErrorKind::InvalidDate,
        "$.meetings[0].date",
    );
    assert!(e.message().starts_with("invalid date `2022-02-30`"), "{e}");
    assert_err(
        &small_with("\"since\": \"2004-03-29\"", "\"since\": \"29/03/2004\""),
        ReadErrorKind::InvalidDate,
        "$.parties[3].members[1].since",
    );
    assert_err(
        &small_with("\"date\": \"2021-12-17\"", "\"date\": \"2021-12-17T10:00\""),
        ReadErrorKind::InvalidDate,
        "$.proposals[0].date",
    );
    assert_err(
        &small_with("\"as_of\": \"1997-05-27\"", "\"as_of\": \"1997-13-27\""),
        ReadErrorKind::InvalidDate,
        "$.proposals[0].clauses[0].children[0].commitments[0].obligors[1].as_of",
    );
    assert_err(
        &small_with("\"until\": \"2031-12-31\"", "\"until\": \"2031-12-32\""),
        ReadErrorKind::InvalidDate,
        "$.proposals[0].clauses[0].children[0].commitments[0].scope.until",
    );
}

#[test]
fn duplicate_ids_in_keyed_collections() {
    let e = assert_err(
        &small_with(
            "\"id\": \"C\", \"name\": \"State C\"",
            "\"id\": \"A\", \"name\": \"State C\"",
        ),
        ReadErrorKind::DuplicateId,
        "$.parties[2].id",
    );
    assert_eq!(
        e.message(),
        "duplicate party id `A`: element 2 repeats element 0"
    );
    assert_err(
        &small_with("\"id\": \"answer\"", "\"id\": \"draft\""),
        ReadErrorKind::DuplicateId,
        "$.proposals[1].id",
    );
    let meetings = SMALL.rfind("  ]\n}").unwrap();
    let council = &SMALL[SMALL.find("    {\n      \"id\": \"council\"").unwrap()..meetings];
    let twice = format!(
        "{},\n{}{}",
        &SMALL[..meetings].trim_end(),
        council.trim_end(),
        &SMALL[meetings..]
    );
    assert_err(&twice, ReadErrorKind::DuplicateId, "$.meetings[1].id");
}

fn nested_clause_json(depth: usize) -> String {
    let mut json = String::new();
    for level in 1..depth {
        json.push_str(&format!(
            "{{\"id\": \"c{level}\", \"text\": \"t\", \"children\": ["
        ));
    }
    json.push_str("{\"id\": \"leaf\", \"text\": \"t\"}");
    json.push_str(&"]}".repeat(depth - 1));
    format!(
        "{{\"pactum\": \"1.0\", \"title\": \"t\", \"proposals\": [{{\"id\": \"p\", \"title\": \"t\", \"proposer\": \"A\", \"status\": \"drafted\", \"language\": \"en\", \"provenance\": {{\"completeness\": \"full\"}}, \"clauses\": [{json}]}}]}}"
    )
}

#[test]
fn clause_nesting_is_bounded_when_read() {
    let ok = format::from_str(&nested_clause_json(MAX_CLAUSE_DEPTH)).unwrap();
    assert_eq!(
        ok.proposal("p").unwrap().clauses[0].depth(),
        MAX_CLAUSE_DEPTH
    );
    let e = assert_err(
        &nested_clause_json(MAX_CLAUSE_DEPTH + 1),
        ReadErrorKind::TooDeep,
        "$.proposals[0].clauses[0]",
    );
    assert!(e.message().starts_with("clause nesting too deep"), "{e}");
}

#[test]
fn deep_json_is_refused_without_overflowing_the_stack() {
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // Where the format has no room for nesting, the second bracket is already the wrong type
    // (the first is read as a party written as an array of its fields, as serde allows).
    let json = format!("{{\"pactum\": \"1.0\", \"title\": \"t\", \"parties\": {deep}}}");
    assert_err(&json, ReadErrorKind::WrongType, "$.parties[0][0]");
    // An unknown field is refused at its name, before its value is looked at.
    let json = format!("{{\"pactum\": \"1.0\", \"title\": \"t\", \"unknown\": {deep}}}");
    assert_err(&json, ReadErrorKind::UnknownField, "$.unknown");
    // Deeply nested clauses meet the parser's limit before our bound.
    assert_eq!(
        read_err(&nested_clause_json(2_000)).kind(),
        ReadErrorKind::TooDeep
    );
    assert_eq!(
        read_err(&nested_clause_json(100_000)).kind(),
        ReadErrorKind::TooDeep
    );
}

#[test]
fn a_newer_major_version_is_refused_before_anything_else() {
    let newer = small_with("\"pactum\": \"1.1\"", "\"pactum\": \"2.0\"")
        .replace("\"aliases\"", "\"new_in_v2\"");
    let e = assert_err(&newer, ReadErrorKind::UnsupportedVersion, "$.pactum");
    assert!(e.message().contains("this reader reads 1.x"), "{e}");
    assert_err(
        &small_with("\"pactum\": \"1.1\"", "\"pactum\": \"one\""),
        ReadErrorKind::UnsupportedVersion,
        "$.pactum",
    );
    let minor = small_with("\"pactum\": \"1.1\"", "\"pactum\": \"1.7\"");
    assert!(
        format::from_str(&minor).is_ok(),
        "a later minor version with known fields is read"
    );
    let older = small_with("\"pactum\": \"1.1\"", "\"pactum\": \"1.0\"");
    assert_eq!(
        format::from_str(&older).unwrap(),
        format::from_str(SMALL).unwrap(),
        "a 1.0 document, written before clause kinds and deleted marks, reads as before"
    );
    assert_eq!(FORMAT_VERSION, "1.2");
}

#[test]
fn an_unreadable_file_is_an_io_error() {
    let e = format::read_file("tests/data/no-such-file.json").unwrap_err();
    assert_eq!(e.kind(), ReadErrorKind::Io);
    assert_eq!((e.line(), e.column()), (0, 0));
    // The cause is the error's source, kept whole, and not repeated in its message.
    assert_eq!(e.to_string(), "cannot read tests/data/no-such-file.json");
    let io = e.io_error().expect("the I/O error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    let source = std::error::Error::source(&e).expect("a source");
    assert_eq!(source.to_string(), io.to_string());
    assert_eq!(e.clone(), e);
}

#[test]
fn errors_display_path_message_and_position() {
    let e = read_err(&small_with("\"kind\": \"alliance\"", "\"kind\": 3"));
    assert_eq!(
        e.to_string(),
        format!(
            "at $.parties[3].kind: {} (line {}, column {})",
            e.message(),
            e.line(),
            e.column()
        )
    );
}

#[test]
fn a_built_clause_serializes_without_its_cached_depth() {
    let clause = Clause::new("a".parse().unwrap(), "x")
        .with_child(Clause::new("b".parse().unwrap(), "y"))
        .unwrap();
    let json = serde_json::to_string(&clause).unwrap();
    assert_eq!(
        json,
        r#"{"id":"a","text":"x","children":[{"id":"b","text":"y"}]}"#
    );
    let back: Clause = serde_json::from_str(&json).unwrap();
    assert_eq!(back, clause);
}

#[test]
fn clause_kinds_and_deleted_marks_round_trip() {
    let json = |clause: &str| {
        format!(
            "{{\"pactum\": \"1.1\", \"title\": \"t\", \"proposals\": [{{\"id\": \"p\", \"title\": \"t\", \"proposer\": \"A\", \"status\": \"drafted\", \"language\": \"en\", \"provenance\": {{\"completeness\": \"full\"}}, \"clauses\": [{clause}]}}]}}"
        )
    };
    let n = format::from_str(&json(
        r#"{"id": "art-7", "number": "Article 7", "kind": "article", "deleted": true, "text": "[deleted]"}"#,
    ))
    .unwrap();
    let c = &n.proposal("p").unwrap().clauses[0];
    assert_eq!(c.kind, Some(pactum::ClauseKind::Article));
    assert!(c.deleted);
    let written = format::to_string(&n);
    assert!(written.contains("\"kind\": \"article\",\n") && written.contains("\"deleted\": true,"));
    assert_eq!(format::from_str(&written).unwrap(), n);
    // Absent, they are none and false, and are not written.
    let plain = format::from_str(&json(r#"{"id": "art-7", "text": "t"}"#)).unwrap();
    let written = format::to_string(&plain);
    assert!(!written.contains("\"kind\"") && !written.contains("\"deleted\""));
    // An unknown kind is a located error.
    let e =
        format::from_str(&json(r#"{"id": "art-7", "kind": "verse", "text": "t"}"#)).unwrap_err();
    assert_eq!(e.path(), "$.proposals[0].clauses[0].kind");
}

/// serde's own errors carry only their words, so their kinds are read from them: each wording
/// is pinned here, so that a serde release that changes one fails this test instead of
/// changing a kind silently. (pactum's own errors say their kinds without words.)
#[test]
fn the_serde_wordings_that_decide_kinds_are_pinned() {
    let doc = |rest: &str| format!(r#"{{ "pactum": "1.1", "title": "t"{rest} }}"#);
    let cases = [
        (
            doc(r#", "parties": 3"#),
            ReadErrorKind::WrongType,
            "invalid type:",
        ),
        // An array where an object belongs: serde reads structs from arrays too.
        (
            doc(r#", "parties": [[]]"#),
            ReadErrorKind::WrongType,
            "invalid length 0",
        ),
        (
            doc(r#", "partys": []"#),
            ReadErrorKind::UnknownField,
            "unknown field",
        ),
        (
            r#"{ "pactum": "1.1" }"#.to_owned(),
            ReadErrorKind::MissingField,
            "missing field",
        ),
        (
            doc(r#", "title": "u""#),
            ReadErrorKind::DuplicateField,
            "duplicate field",
        ),
        (
            doc(r#", "parties": [{ "id": "A", "name": "A", "kind": "empire" }]"#),
            ReadErrorKind::UnknownVariant,
            "unknown variant",
        ),
    ];
    for (json, kind, words) in cases {
        let e = format::from_str(&json).unwrap_err();
        assert_eq!(e.kind(), kind, "{json}: {e}");
        assert!(e.message().starts_with(words), "{json}: {e}");
    }
}

#[test]
fn pactum_s_own_errors_keep_their_kinds_whatever_their_words() {
    // An id, a date, a repeated id, a version: each kind comes from the reader that refused
    // the value, with its message as written.
    let cases = [
        (
            r#"{ "pactum": "1.1", "title": "t", "parties": [{ "id": "A B", "name": "A", "kind": "state" }] }"#,
            ReadErrorKind::InvalidId,
        ),
        (
            r#"{ "pactum": "1.1", "title": "t", "meetings": [{ "id": "m", "forum": "f", "date": "2022-02-30" }] }"#,
            ReadErrorKind::InvalidDate,
        ),
        (
            r#"{ "pactum": "2.0", "title": "t" }"#,
            ReadErrorKind::UnsupportedVersion,
        ),
    ];
    for (json, kind) in cases {
        let e = format::from_str(json).unwrap_err();
        assert_eq!(e.kind(), kind, "{json}: {e}");
        assert!(!e.message().contains('\u{1}'), "{e}");
    }
}

/// A message quotes at most a few dozen bytes of any input value, with a marker where it cut,
/// and keeps its kind: a ten-megabyte field name, id, date or enum value gives a message of a
/// few hundred bytes.
#[test]
fn messages_stay_small_whatever_the_input() {
    let long = "x".repeat(10 << 20);
    let cases = [
        (
            format!(r#"{{ "pactum": "1.1", "title": "t", "{long}": 1 }}"#),
            ReadErrorKind::UnknownField,
        ),
        (
            format!(
                r#"{{ "pactum": "1.1", "title": "t", "parties": [{{ "id": "{long}", "name": "A", "kind": "state" }}] }}"#
            ),
            ReadErrorKind::InvalidId,
        ),
        (
            format!(
                r#"{{ "pactum": "1.1", "title": "t", "meetings": [{{ "id": "m", "forum": "f", "date": "{long}" }}] }}"#
            ),
            ReadErrorKind::InvalidDate,
        ),
        (
            format!(
                r#"{{ "pactum": "1.1", "title": "t", "parties": [{{ "id": "A", "name": "A", "kind": "{long}" }}] }}"#
            ),
            ReadErrorKind::UnknownVariant,
        ),
        (
            format!(r#"{{ "pactum": "{long}", "title": "t" }}"#),
            ReadErrorKind::UnsupportedVersion,
        ),
    ];
    for (json, kind) in cases {
        let e = format::from_str(&json).unwrap_err();
        assert_eq!(
            e.kind(),
            kind,
            "{}",
            &e.to_string()[..200.min(e.to_string().len())]
        );
        let shown = e.to_string();
        assert!(
            shown.len() < 1024,
            "{} bytes: {}",
            shown.len(),
            &shown[..300]
        );
        assert!(shown.contains("xxx…"), "{shown}");
    }
}
