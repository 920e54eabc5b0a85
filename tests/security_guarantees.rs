//! The bundled 2021-22 scenario: it validates, resolves as the texts say, links answers to the
//! articles they answer, quotes its sources word for word, and renders as pinned.
#![cfg(feature = "serde")]

#[path = "../examples/security_guarantees/report.rs"]
mod report;

use pactum::{Negotiation, PartyId, TextBasis, format};

const BUNDLED: &str = include_str!("../examples/data/security-guarantees.json");

fn scenario() -> Negotiation {
    format::from_str(BUNDLED).unwrap()
}

fn ids(ids: &[PartyId]) -> Vec<&str> {
    ids.iter().map(PartyId::as_str).collect()
}

const MEMBERS_1997: [&str; 16] = [
    "BE", "CA", "DK", "FR", "IS", "IT", "LU", "NL", "NO", "PT", "GB", "US", "GR", "TR", "DE", "ES",
];
const JOINED_LATER: [&str; 14] = [
    "CZ", "HU", "PL", "BG", "EE", "LV", "LT", "RO", "SK", "SI", "AL", "HR", "ME", "MK",
];

#[test]
fn the_bundled_data_validates_without_errors_or_warnings() {
    let report = scenario().validate();
    assert!(report.is_clean(), "{report}");
}

#[test]
fn the_bundled_file_is_in_canonical_form() {
    assert_eq!(format::to_string(&scenario()), BUNDLED);
}

#[test]
fn nato_has_thirty_members_sixteen_of_them_in_1997() {
    let n = scenario();
    let nato = n.party("NATO").unwrap();
    assert_eq!(nato.members.len(), 30);
    let in_1997: Vec<&str> = nato
        .members_on(jiff::civil::date(1997, 5, 27))
        .map(PartyId::as_str)
        .collect();
    assert_eq!(in_1997, MEMBERS_1997);
}

#[test]
fn article_4_binds_russia_and_the_members_of_1997_only() {
    let n = scenario();
    let draft = n.proposal("ru-nato-2021-12-17").unwrap();
    let art4 = draft.clause("art-4").unwrap();
    let obligors = n.obligors_of(draft, &art4.commitments[0]).unwrap();
    let mut expected = vec!["RU"];
    expected.extend(MEMBERS_1997);
    assert_eq!(ids(&obligors), expected);
    for later in JOINED_LATER {
        assert!(
            !obligors.iter().any(|p| p == later),
            "{later} joined after 27 May 1997"
        );
    }
    assert_eq!(art4.commitments[0].exceptions.len(), 1);
}

#[test]
fn article_6_binds_all_thirty_members_and_not_russia() {
    let n = scenario();
    let draft = n.proposal("ru-nato-2021-12-17").unwrap();
    let art6 = draft.clause("art-6").unwrap();
    let obligors = n.obligors_of(draft, &art6.commitments[0]).unwrap();
    let mut expected: Vec<&str> = MEMBERS_1997.to_vec();
    expected.extend(JOINED_LATER);
    assert_eq!(ids(&obligors), expected);
    assert!(!obligors.iter().any(|p| p == "RU"));
    assert_eq!(art6.commitments[0].modality, pactum::Modality::Prohibition);
}

#[test]
fn the_answers_link_to_the_articles_they_answer() {
    let n = scenario();
    let links = |proposal: &str| -> Vec<(String, Vec<String>)> {
        n.proposal(proposal)
            .unwrap()
            .walk()
            .map(|c| {
                (
                    c.id.to_string(),
                    c.answers.iter().map(ToString::to_string).collect(),
                )
            })
            .collect()
    };
    let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        links("us-answer-2022-01-26"),
        [
            ("ssd-missile-talks".into(), v(&["art-5"])),
            ("tomahawk-transparency".into(), v(&["art-4", "art-5"])),
            ("ukraine-mutual-restraint".into(), v(&["art-4", "art-5"])),
            ("open-door".into(), v(&["art-6"])),
            ("indivisibility".into(), v(&["art-1.p-1"])),
            ("indivisibility-talks".into(), v(&["art-1.p-1"])),
            ("de-escalation-first".into(), v(&[])),
        ]
    );
    assert_eq!(
        links("nato-answer-2022-01-26"),
        [
            ("de-escalate".into(), v(&[])),
            ("open-door".into(), v(&["art-6"]))
        ]
    );
    for answer in ["us-answer-2022-01-26", "nato-answer-2022-01-26"] {
        assert_eq!(
            n.proposal(answer).unwrap().answers.as_ref().unwrap(),
            "ru-nato-2021-12-17"
        );
    }
}

#[test]
fn the_meeting_is_as_reported() {
    let n = scenario();
    let m = n.meeting("nrc-2022-01-12").unwrap();
    assert_eq!(
        (m.forum.as_str(), m.date.to_string()),
        ("NATO-Russia Council", "2022-01-12".to_owned())
    );
    assert_eq!(m.chair.as_ref().unwrap().name, "Jens Stoltenberg");
    let ru = &m.delegations[0];
    assert_eq!(ru.party, "RU");
    assert_eq!(ru.delegates[1].name, "Alexander Fomin");
    assert_eq!(
        ru.delegates[1].role.as_deref(),
        Some("Deputy Defence Minister, Colonel General")
    );
    assert_eq!(
        ids_of(&m.agenda),
        ["ru-nato-2021-12-17", "ru-us-2021-12-17"]
    );
}

fn ids_of(ids: &[pactum::ProposalId]) -> Vec<&str> {
    ids.iter().map(|p| p.as_str()).collect()
}

/// Folds white space, so that text broken across lines in a source compares with one line.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parts of a text that claim to be the source's words: the whole text, or for a text
/// quoted in part, each passage inside double quotation marks (the whole text when it has none).
fn quoted_parts(text: &str, basis: TextBasis) -> Vec<String> {
    match basis {
        TextBasis::Summary => Vec::new(),
        TextBasis::QuotedInPart if text.contains('"') => text
            .split('"')
            .skip(1)
            .step_by(2)
            .map(fold)
            .filter(|q| !q.is_empty())
            .collect(),
        _ => vec![fold(text)],
    }
}

#[test]
fn every_quoted_text_stands_word_for_word_in_the_sources() {
    let sources = fold(
        &[
            include_str!("data/sources/ru-nato-draft-2021-12-17.txt"),
            include_str!("data/sources/ru-us-draft-2021-12-17.txt"),
            include_str!("data/sources/responses-2022-01-26.txt"),
        ]
        .join("\n"),
    );
    let n = scenario();
    let mut checked = 0;
    for p in n.proposals() {
        assert!(
            sources.contains(&fold(&p.title)) || p.answers.is_some(),
            "title of {}",
            p.id()
        );
        let recitals = p.preamble.iter().map(|r| (&r.text, r.text_basis));
        let clauses = p.walk().map(|c| (&c.text, c.text_basis));
        for (text, basis) in recitals.chain(clauses) {
            for part in quoted_parts(text, basis) {
                assert!(
                    sources.contains(&part),
                    "{}: not in the sources: {part:?}",
                    p.id()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 25, "only {checked} texts checked");
}

#[test]
fn the_example_output_is_pinned() {
    let n = scenario();
    let text = report::render(&n, &n.validate()).unwrap();
    insta::assert_snapshot!(text);
}

#[test]
fn the_example_says_what_groups_parties_what_changes_kind_and_where_a_source_stops() {
    let n = scenario();
    let text = report::render(&n, &n.validate()).unwrap();
    // Parties are grouped because they are bound the same way; the US is apart because the
    // answers bind it too.
    assert_eq!(
        text.matches("15 parties bound the same way: BE CA DK FR IS IT LU NL NO PT GB GR TR DE ES")
            .count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("  bound by no commitment: UA BY OSCE"),
        "{text}"
    );
    // A change of kind leads; the field details follow it.
    let so = "    so:       the prohibition becomes an offer (lifting)\n    and:      obligors";
    assert_eq!(text.matches(so).count(), 2, "{text}");
    // The truncated Article 1, paragraph 3 shows where its source stops, in each list of a
    // party's commitments (and, wrapped, where it is asked).
    let cut = "create conditions or situations … (the source stops here)";
    assert_eq!(text.matches(cut).count(), 4, "{text}");
}

#[test]
fn one_clause_is_counted_as_one() {
    let mut n = scenario();
    let answer = n.proposal_mut("nato-answer-2022-01-26").unwrap();
    answer.clauses.truncate(1);
    let text = report::render(&n, &n.validate()).unwrap();
    assert!(text.contains("en; 0 recitals, 1 clause, "), "{text}");
    assert!(!text.contains("1 clauses"), "{text}");
}
