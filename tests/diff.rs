//! Comparing drafts: each change kind on hand-made pairs, with the exact classification.

use pactum::diff::{
    ClauseChangeKind as K, ClauseDiff, Diff, Granularity, MatchedBy, Options, ProposalChange,
    RecitalChange, TextOp, compare,
};
use pactum::{Clause, Proposal, Recital, Status};

fn clause(id: &str, number: &str, text: &str) -> Clause {
    let c = Clause::new(id.parse().unwrap(), text);
    if number.is_empty() {
        c
    } else {
        c.with_number(number)
    }
}

fn proposal(id: &str, clauses: Vec<Clause>) -> Proposal {
    let mut p = Proposal::new(id.parse().unwrap(), "Agreement", "A".parse().unwrap());
    p.clauses = clauses;
    p
}

/// Distinct sentences, so that every clause can be told from every other by its text.
const TEXTS: [&str; 8] = [
    "The Parties shall settle their disputes by peaceful means.",
    "The Parties shall not deploy intermediate-range missiles in Europe.",
    "Each Party shall notify the others of exercises involving more than ten thousand troops.",
    "The Parties shall establish a telephone hotline between their defence ministries.",
    "No Party shall station forces on the territory of another without its consent.",
    "The Parties shall exchange threat assessments once a year.",
    "This Agreement enters into force on the day of its signature.",
    "This Agreement remains in force for an unlimited period.",
];

/// Articles 1..=n with the texts above, ids `a1`..; `prefix` makes the ids of a second draft
/// different, so that pairing must go by text.
fn articles(prefix: &str, texts: &[&str]) -> Vec<Clause> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            clause(
                &format!("{prefix}{}", i + 1),
                &format!("Article {}", i + 1),
                t,
            )
        })
        .collect()
}

fn by_new<'a>(d: &'a Diff, id: &str) -> &'a ClauseDiff {
    d.clauses
        .iter()
        .find(|c| c.new.as_ref().is_some_and(|p| p.id == id))
        .unwrap_or_else(|| panic!("no new clause {id}"))
}

fn by_old<'a>(d: &'a Diff, id: &str) -> &'a ClauseDiff {
    d.clauses
        .iter()
        .find(|c| c.old.as_ref().is_some_and(|p| p.id == id))
        .unwrap_or_else(|| panic!("no old clause {id}"))
}

fn kinds(d: &Diff) -> Vec<(String, Vec<K>)> {
    d.clauses
        .iter()
        .map(|c| {
            let kinds = if c.kinds.is_empty() {
                vec![K::Unchanged]
            } else {
                c.kinds.iter().collect()
            };
            (c.id().to_string(), kinds)
        })
        .collect()
}

fn no_ids() -> Options {
    Options::default().without_ids()
}

#[test]
fn a_draft_against_itself_has_no_changes() {
    let p = proposal("p", articles("a", &TEXTS));
    let d = compare(&p, &p, &Options::default());
    assert!(!d.has_changes());
    assert!(
        d.clauses
            .iter()
            .all(|c| c.kinds == [K::Unchanged] && c.text.is_none())
    );
    assert_eq!(d.summary.unchanged, TEXTS.len());
    assert_eq!(d.summary.similarity, 1.0);
    assert!(!d.approximate);
}

#[test]
fn a_reworded_clause_is_modified_with_its_words() {
    let old = proposal("p", articles("a", &TEXTS[..3]));
    let mut new = old.clone();
    new.clauses[1].text =
        "The Parties should not deploy intermediate-range missiles in Europe.".into();
    let d = compare(&old, &new, &Options::default());
    assert_eq!(
        kinds(&d),
        [
            ("a1".into(), vec![K::Unchanged]),
            ("a2".into(), vec![K::Modified]),
            ("a3".into(), vec![K::Unchanged])
        ]
    );
    let t = by_new(&d, "a2").text.as_ref().unwrap();
    assert_eq!(
        t.ops,
        [
            TextOp::Equal("The Parties ".into()),
            TextOp::Delete("shall".into()),
            TextOp::Insert("should".into()),
            TextOp::Equal(" not deploy intermediate-range missiles in Europe.".into())
        ]
    );
    assert_eq!(t.granularity, Granularity::Word);
    assert!(!t.typographic_only);
    assert_eq!(t.old_text(), TEXTS[1]);
    assert_eq!(t.new_text(), new.clauses[1].text);
}

#[test]
fn removing_the_first_article_is_one_removal_and_a_renumbering_cascade() {
    let old = proposal("p", articles("a", &TEXTS));
    let new = proposal("q", articles("b", &TEXTS[1..]));
    let d = compare(&old, &new, &no_ids());
    let s = &d.summary;
    assert_eq!(
        (s.removed, s.renumbered, s.modified, s.moved, s.added),
        (1, TEXTS.len() - 1, 0, 0, 0)
    );
    assert_eq!(by_old(&d, "a1").kinds, [K::Removed]);
    for i in 2..=TEXTS.len() {
        let c = by_old(&d, &format!("a{i}"));
        assert_eq!(c.kinds, [K::Renumbered], "a{i}");
        assert_eq!(c.matched_by, Some(MatchedBy::Text));
        assert_eq!(
            c.number.as_ref().unwrap().new.as_deref(),
            Some(format!("Article {}", i - 1).as_str())
        );
    }
    // Removed clauses stand where they stood.
    assert_eq!(d.clauses[0].id().as_str(), "a1");
}

#[test]
fn one_moved_clause_is_one_move() {
    let old = proposal("p", articles("a", &TEXTS[..5]));
    let mut new = old.clone();
    let second = new.clauses.remove(1);
    new.clauses.push(second);
    let d = compare(&old, &new, &Options::default());
    assert_eq!(d.summary.moved, 1);
    assert_eq!(by_new(&d, "a2").kinds, [K::Moved]);
    assert_eq!(by_new(&d, "a2").new.as_ref().unwrap().index, 4);
    assert_eq!(d.summary.unchanged, 4);
}

#[test]
fn a_moved_and_edited_clause_is_both() {
    let old = proposal("p", articles("a", &TEXTS[..4]));
    let mut new = old.clone();
    let mut first = new.clauses.remove(0);
    first.text = first.text.replace("peaceful means", "peaceful means only");
    first.number = Some("Article 4".into());
    for (i, c) in new.clauses.iter_mut().enumerate() {
        c.number = Some(format!("Article {}", i + 1));
    }
    new.clauses.push(first);
    let d = compare(&old, &new, &no_ids());
    assert_eq!(
        by_new(&d, "a1").kinds,
        [K::Modified, K::Renumbered, K::Moved]
    );
    assert_eq!(by_new(&d, "a1").matched_by, Some(MatchedBy::Similarity));
    assert_eq!(by_new(&d, "a2").kinds, [K::Renumbered]);
}

#[test]
fn a_paragraph_moved_into_another_article_is_reparented() {
    let art = |id: &str, n: &str, paras: Vec<Clause>| {
        let mut c = clause(id, n, "");
        for p in paras {
            c.push_child(p).unwrap();
        }
        c
    };
    let old = proposal(
        "p",
        vec![
            art(
                "a1",
                "Article 1",
                vec![
                    clause("a1.1", "1.", TEXTS[0]),
                    clause("a1.2", "2.", TEXTS[1]),
                ],
            ),
            art("a2", "Article 2", vec![clause("a2.1", "1.", TEXTS[2])]),
        ],
    );
    let new = proposal(
        "q",
        vec![
            art("x1", "Article 1", vec![clause("x1.1", "1.", TEXTS[0])]),
            art(
                "x2",
                "Article 2",
                vec![
                    clause("x2.1", "1.", TEXTS[2]),
                    clause("x2.2", "2.", TEXTS[1]),
                ],
            ),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(by_new(&d, "x2.2").kinds, [K::Reparented]);
    assert_eq!(
        by_new(&d, "x2.2")
            .old
            .as_ref()
            .unwrap()
            .parent
            .as_ref()
            .unwrap(),
        "a1"
    );
    // The articles, which hold no text, are paired through their paragraphs.
    assert_eq!(by_new(&d, "x1").matched_by, Some(MatchedBy::Structure));
    assert_eq!(by_new(&d, "x1").kinds, [K::Unchanged]);
    assert_eq!(by_new(&d, "x2").kinds, [K::Unchanged]);
    assert_eq!(d.summary.reparented, 1);
    assert_eq!(d.summary.moved, 0);
}

#[test]
fn added_and_removed_clauses() {
    let old = proposal("p", articles("a", &TEXTS[..3]));
    let mut new = proposal("q", articles("a", &[TEXTS[0], TEXTS[2]]));
    new.clauses.push(clause("a9", "Article 3", TEXTS[7]));
    let d = compare(&old, &new, &no_ids());
    assert_eq!(by_old(&d, "a2").kinds, [K::Removed]);
    assert_eq!(by_old(&d, "a2").clause.as_ref().unwrap().text, TEXTS[1]);
    assert_eq!(by_new(&d, "a9").kinds, [K::Added]);
    assert_eq!(by_new(&d, "a9").clause.as_ref().unwrap().text, TEXTS[7]);
    assert_eq!((d.summary.added, d.summary.removed), (1, 1));
}

#[test]
fn a_clause_split_in_two() {
    let whole = format!("{} {}", TEXTS[1], TEXTS[2]);
    let old = proposal(
        "p",
        vec![
            clause("a1", "Article 1", TEXTS[0]),
            clause("a2", "Article 2", &whole),
        ],
    );
    let new = proposal(
        "q",
        vec![
            clause("b1", "Article 1", TEXTS[0]),
            clause("b2", "Article 2", TEXTS[1]),
            clause("b3", "Article 3", TEXTS[2]),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(d.splits.len(), 1, "{d}");
    assert_eq!(d.splits[0].old, "a2");
    assert_eq!(
        d.splits[0]
            .new
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        ["b2", "b3"]
    );
    assert!(d.splits[0].coverage >= 0.8);
    assert!(d.merges.is_empty());
}

#[test]
fn two_clauses_merged_in_one() {
    let whole = format!("{} {}", TEXTS[1], TEXTS[2]);
    let old = proposal(
        "p",
        vec![
            clause("b1", "Article 1", TEXTS[0]),
            clause("b2", "Article 2", TEXTS[1]),
            clause("b3", "Article 3", TEXTS[2]),
        ],
    );
    let new = proposal(
        "q",
        vec![
            clause("a1", "Article 1", TEXTS[0]),
            clause("a2", "Article 2", &whole),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(d.merges.len(), 1, "{d}");
    assert_eq!(d.merges[0].new, "a2");
    assert_eq!(
        d.merges[0]
            .old
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        ["b2", "b3"]
    );
    assert!(d.splits.is_empty());
}

#[test]
fn no_split_without_coverage() {
    let old = proposal("p", vec![clause("a1", "Article 1", TEXTS[1])]);
    let new = proposal(
        "q",
        vec![
            clause("b1", "Article 1", TEXTS[5]),
            clause("b2", "Article 2", TEXTS[6]),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert!(d.splits.is_empty() && d.merges.is_empty());
}

#[test]
fn typographic_changes_are_marked_as_such() {
    let old = proposal(
        "p",
        vec![clause(
            "a1",
            "Article 1",
            "The \"Parties\" shall act - at once.",
        )],
    );
    let new = proposal(
        "q",
        vec![clause(
            "b1",
            "Article 1",
            "The \u{201c}Parties\u{201d}\u{a0}shall act \u{2014} at once.",
        )],
    );
    let d = compare(&old, &new, &no_ids());
    let c = by_new(&d, "b1");
    assert_eq!(c.matched_by, Some(MatchedBy::Text));
    assert_eq!(c.similarity, 1.0);
    assert!(c.text.as_ref().unwrap().typographic_only);
    assert_eq!(c.kinds, [K::Modified]);
}

#[test]
fn ids_pair_first_unless_turned_off() {
    let old = proposal(
        "p",
        vec![
            clause("x", "Article 1", TEXTS[0]),
            clause("y", "Article 2", TEXTS[1]),
        ],
    );
    // The ids are swapped: by id, both texts changed; by content, both moved.
    let new = proposal(
        "q",
        vec![
            clause("y", "Article 1", TEXTS[0]),
            clause("x", "Article 2", TEXTS[1]),
        ],
    );
    let d = compare(&old, &new, &Options::default());
    assert!(
        d.clauses
            .iter()
            .all(|c| c.matched_by == Some(MatchedBy::Id) && c.is(K::Modified))
    );
    let d = compare(&old, &new, &no_ids());
    assert!(
        d.clauses
            .iter()
            .all(|c| c.matched_by == Some(MatchedBy::Text) && c.kinds == [K::Unchanged]),
        "{d}"
    );
}

#[test]
fn answer_links_pair_first() {
    let draft = proposal("draft", articles("a", &TEXTS[..3]));
    let mut answer = proposal(
        "answer",
        vec![
            clause("r1", "", "We cannot accept a ban on missiles.")
                .with_answer("a2".parse().unwrap()),
            clause("r2", "", TEXTS[0]),
        ],
    );
    answer.answers = Some("draft".parse().unwrap());
    let d = compare(&draft, &answer, &Options::default());
    assert_eq!(by_new(&d, "r1").matched_by, Some(MatchedBy::Link));
    assert_eq!(by_new(&d, "r1").old.as_ref().unwrap().id, "a2");
    assert_eq!(by_new(&d, "r2").matched_by, Some(MatchedBy::Text));
    // The other way round, the old side's links are used.
    let d = compare(&answer, &draft, &Options::default());
    assert_eq!(by_new(&d, "a2").matched_by, Some(MatchedBy::Link));
    let mut off = Options::default();
    off.match_links = false;
    assert_ne!(
        compare(&draft, &answer, &off)
            .clauses
            .iter()
            .find(|c| c.id() == "r1")
            .unwrap()
            .matched_by,
        Some(MatchedBy::Link)
    );
}

#[test]
fn texts_below_the_threshold_are_never_paired() {
    let old = proposal("p", vec![clause("a1", "Article 1", TEXTS[1])]);
    let new = proposal("q", vec![clause("b1", "Article 1", TEXTS[3])]);
    let d = compare(&old, &new, &no_ids());
    assert_eq!((d.summary.added, d.summary.removed), (1, 1));
    let mut loose = no_ids();
    loose.similarity_threshold = 0.0;
    let d = compare(&old, &new, &loose);
    assert_eq!(
        d.clauses.len(),
        1,
        "a threshold of 0 pairs any candidate sharing a 5-gram"
    );
}

#[test]
fn headings_numbers_and_other_fields() {
    let old = proposal(
        "p",
        vec![clause("a1", "Article 1", TEXTS[0]).with_heading("Disputes")],
    );
    let mut new = old.clone();
    new.clauses[0].heading = Some("Settlement of disputes".into());
    new.clauses[0].number = Some("Article 2".into());
    new.clauses[0].text_basis = pactum::TextBasis::Summary;
    let d = compare(&old, &new, &Options::default());
    let c = &d.clauses[0];
    assert_eq!(c.kinds, [K::Modified, K::Renumbered]);
    assert_eq!(
        c.heading.as_ref().unwrap().new.as_deref(),
        Some("Settlement of disputes")
    );
    assert_eq!(
        c.text_basis.as_ref().unwrap().new,
        pactum::TextBasis::Summary
    );
    assert!(c.text.is_none());
}

#[test]
fn proposal_fields_and_the_preamble() {
    let mut old = proposal("p", articles("a", &TEXTS[..2]));
    old.preamble = vec![
        Recital::new("determined to prevent dangerous military activity"),
        Recital::new("noting the importance of transparency"),
        Recital::new("recalling the Charter"),
    ];
    let mut new = old.clone();
    new.title = "Agreement, revised".into();
    new.status = Status::Rejected;
    new.preamble = vec![
        Recital::new("determined to prevent dangerous military activity"),
        Recital::new("noting the great importance of transparency"),
        Recital::new("guided by the Helsinki Final Act"),
    ];
    let d = compare(&old, &new, &Options::default());
    let fields: Vec<&str> = d.proposal.iter().map(ProposalChange::field).collect();
    assert_eq!(fields, ["title", "status"]);
    assert!(matches!(
        &d.proposal[1],
        ProposalChange::Status {
            old: Status::Drafted,
            new: Status::Rejected
        }
    ));
    let shape: Vec<&str> = d
        .preamble
        .iter()
        .map(|r| match r {
            RecitalChange::Unchanged { .. } => "unchanged",
            RecitalChange::Added { .. } => "added",
            RecitalChange::Removed { .. } => "removed",
            RecitalChange::Modified { .. } => "modified",
            _ => "other",
        })
        .collect();
    assert_eq!(shape, ["unchanged", "modified", "removed", "added"]);
    assert_eq!(d.summary.recitals, 3);
    assert!(d.has_changes());
}

#[test]
fn overall_similarity() {
    let a = proposal("p", articles("a", &TEXTS[..4]));
    let b = proposal("q", articles("b", &TEXTS[4..]));
    assert_eq!(compare(&a, &b, &no_ids()).summary.similarity, 0.0);
    let half = proposal("q", articles("b", &TEXTS[..2]));
    let s = compare(&a, &half, &no_ids()).summary.similarity;
    assert!(s > 0.5 && s < 0.9, "{s}");
}

#[test]
fn work_budgets_make_results_coarser_and_say_so() {
    let old = proposal("p", vec![clause("a1", "Article 1", &TEXTS.join(" "))]);
    let mut new = old.clone();
    new.clauses[0].text = new.clauses[0].text.replace("hotline", "channel");
    let mut tight = Options::default();
    tight.word_budget = 40;
    let d = compare(&old, &new, &tight);
    let t = d.clauses[0].text.as_ref().unwrap();
    assert_eq!(t.granularity, Granularity::Sentence);
    assert!(d.approximate);
    assert_eq!(
        (t.old_text(), t.new_text()),
        (old.clauses[0].text.clone(), new.clauses[0].text.clone())
    );
    tight.total_budget = 0;
    let d = compare(&old, &new, &tight);
    assert_eq!(
        d.clauses[0].text.as_ref().unwrap().granularity,
        Granularity::Whole
    );
    let d = compare(&old, &new, &Options::default());
    assert!(!d.approximate);
}

#[test]
fn the_order_is_new_order_with_removed_clauses_where_they_stood() {
    let old = proposal("p", articles("a", &TEXTS[..4]));
    let new = proposal("q", articles("a", &[TEXTS[0], TEXTS[2], TEXTS[3]]));
    let d = compare(&old, &new, &no_ids());
    let order: Vec<&str> = d.clauses.iter().map(|c| c.id().as_str()).collect();
    assert_eq!(order, ["a1", "a2", "a2", "a3"]);
    assert_eq!(d.clauses[1].kinds, [K::Removed]);
}

#[cfg(feature = "serde")]
#[test]
fn the_diff_is_plain_data_that_round_trips_through_json() {
    let old = proposal("p", articles("a", &TEXTS[..4]));
    let mut new = proposal("q", articles("b", &TEXTS[1..]));
    new.clauses[0].text = new.clauses[0].text.replace("shall not", "should not");
    let d = compare(&old, &new, &no_ids());
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["old"], "p");
    assert_eq!(json["summary"]["removed"], 1);
    let modified = json["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kinds"] == serde_json::json!(["modified", "renumbered"]))
        .unwrap();
    assert_eq!(modified["matched_by"], "similarity");
    assert_eq!(
        modified["text"]["ops"][1],
        serde_json::json!({"delete": "shall"})
    );
    assert_eq!(modified["old"]["number"], "Article 2");
    let back: Diff = serde_json::from_value(json).unwrap();
    assert_eq!(back, d);
}

#[cfg(feature = "proptest")]
mod properties {
    use super::*;
    use pactum::strategy::{self, Limits};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn every_generated_proposal_against_itself_has_no_changes(n in strategy::negotiation(Limits::default())) {
            for p in n.proposals() {
                for options in [Options::default(), no_ids()] {
                    let d = compare(p, p, &options);
                    prop_assert!(!d.has_changes(), "{}", d);
                    prop_assert_eq!(d.summary.unchanged, p.walk().count());
                }
            }
        }

        #[test]
        fn every_clause_of_either_side_appears_once(n in strategy::negotiation(Limits::default())) {
            let ps: Vec<_> = n.proposals().collect();
            for a in &ps {
                for b in &ps {
                    let d = compare(a, b, &no_ids());
                    let olds = d.clauses.iter().filter(|c| c.old.is_some()).count();
                    let news = d.clauses.iter().filter(|c| c.new.is_some()).count();
                    prop_assert_eq!((olds, news), (a.walk().count(), b.walk().count()));
                }
            }
        }
    }
}

#[test]
fn a_text_repeated_at_three_levels_pairs_each_with_itself() {
    // An article, its first paragraph and its second paragraph all read alike.
    let same = "This provision concerns military doctrines.";
    let mut first = clause("c1.1", "1.", same);
    first.push_child(clause("c1.1.1", "(a)", TEXTS[0])).unwrap();
    first.push_child(clause("c1.1.2", "(b)", TEXTS[1])).unwrap();
    let mut article = clause("c1", "Article 1", same);
    article.push_child(first).unwrap();
    article.push_child(clause("c1.2", "2.", same)).unwrap();
    let p = proposal("p", vec![article]);
    let d = compare(&p, &p, &no_ids());
    assert!(!d.has_changes(), "{d}");
}
