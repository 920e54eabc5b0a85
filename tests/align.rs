//! How clauses pair on the shapes that real template-built treaties take: runs of
//! near-duplicates, boilerplate repeated under many articles, one provision written in two
//! shapes, renumbered paragraphs that differ a lot. Fixtures are our own words.

use pactum::diff::{ClauseChangeKind, ClauseDiff, Diff, MatchedBy, Options, compare};
use pactum::{Clause, Proposal};

fn clause(id: &str, number: &str, text: &str) -> Clause {
    Clause::new(id.parse().unwrap(), text).with_number(number)
}

fn with_children(mut c: Clause, children: Vec<Clause>) -> Clause {
    for k in children {
        c.push_child(k).unwrap();
    }
    c
}

fn proposal(id: &str, clauses: Vec<Clause>) -> Proposal {
    let mut p = Proposal::new(id.parse().unwrap(), "Agreement", "A".parse().unwrap());
    p.clauses = clauses;
    p
}

fn no_ids() -> Options {
    Options::default().without_ids()
}

/// The old clause each new clause is paired with, by id.
fn partner<'d>(d: &'d Diff, new: &str) -> Option<&'d str> {
    d.clauses
        .iter()
        .find(|c| c.new.as_ref().is_some_and(|p| p.id == new))
        .and_then(|c| c.old.as_ref())
        .map(|p| p.id.as_str())
}

fn count(d: &Diff, kind: ClauseChangeKind) -> usize {
    d.clauses.iter().filter(|c| c.is(kind)).count()
}

/// Every new clause `n{i}` is paired with old clause `o{i}`, and nothing moved.
fn assert_in_order(d: &Diff, n: usize) {
    for i in 0..n {
        assert_eq!(
            partner(d, &format!("n{i}")),
            Some(format!("o{i}").as_str()),
            "clause {i}"
        );
    }
    assert_eq!(count(d, ClauseChangeKind::Added), 0);
    assert_eq!(count(d, ClauseChangeKind::Removed), 0);
    assert_eq!(count(d, ClauseChangeKind::Moved), 0);
    assert!(!d.approximate);
}

#[test]
fn identical_clauses_changed_alike_pair_completely_in_order() {
    let text = "Each Party shall notify the other Party of any planned exercise";
    for n in [100, 250, 1000] {
        let old = (0..n)
            .map(|i| clause(&format!("o{i}"), &format!("Article {}", i + 1), text))
            .collect();
        let changed = text.replace("shall", "should");
        let new = (0..n)
            .map(|i| clause(&format!("n{i}"), &format!("Article {}", i + 1), &changed))
            .collect();
        let d = compare(&proposal("a", old), &proposal("b", new), &no_ids());
        assert_in_order(&d, n);
        assert_eq!(count(&d, ClauseChangeKind::Modified), n);
    }
}

#[test]
fn near_duplicates_with_one_word_changed_each_pair_completely_in_order() {
    let words = [
        "notify", "inform", "consult", "brief", "advise", "alert", "tell", "warn",
    ];
    let base = |i: usize| {
        format!(
            "Each Party shall notify the other Party of any planned exercise in zone {i} of the border area"
        )
    };
    for n in [100, 250, 1000] {
        let old = (0..n)
            .map(|i| clause(&format!("o{i}"), &format!("Article {}", i + 1), &base(i)))
            .collect();
        // One word changed in each, at a place that varies from clause to clause.
        let new = (0..n)
            .map(|i| {
                let mut w: Vec<String> = base(i).split(' ').map(str::to_owned).collect();
                let at = [2, 3, 9, 12, 15][i % 5];
                w[at] = words[i % words.len()].to_owned();
                clause(
                    &format!("n{i}"),
                    &format!("Article {}", i + 1),
                    &w.join(" "),
                )
            })
            .collect();
        let d = compare(&proposal("a", old), &proposal("b", new), &no_ids());
        assert_in_order(&d, n);
    }
}

/// An article of one sector: a lead-in every sector shares, and two points of its own.
fn sector(id: &str, number: &str, party: &str, items: [&str; 2]) -> Clause {
    with_children(
        clause(id, number, ""),
        vec![
            clause(
                &format!("{id}.1"),
                "1.",
                &format!(
                    "{party} shall carry out approximation of its legislation to the following acts of the Union within the time limits set out below:"
                ),
            ),
            clause(&format!("{id}.1.a"), "(a)", items[0]),
            clause(&format!("{id}.1.b"), "(b)", items[1]),
        ],
    )
}

#[test]
fn boilerplate_repeated_under_many_articles_pairs_under_its_own_article() {
    let sectors: [[&str; 2]; 6] = [
        [
            "the directive on the common system of value added tax, within four years",
            "the directive on administrative cooperation in direct taxation, within five years",
        ],
        [
            "the directive on the disclosure of company accounts, within three years",
            "the directive on cross-border mergers of limited companies, within six years",
        ],
        [
            "the regulation on the safety of toys placed on the market, within two years",
            "the directive on general product safety and market surveillance, within four years",
        ],
        [
            "the directive on the energy performance of buildings, within five years",
            "the directive on the labelling of household appliances, within three years",
        ],
        [
            "the directive on urban waste water treatment, within eight years",
            "the directive on the quality of water intended for drinking, within seven years",
        ],
        [
            "the regulation on the hygiene of foodstuffs of animal origin, within six years",
            "the directive on the protection of animals at the time of killing, within five years",
        ],
    ];
    let old: Vec<Clause> = sectors
        .iter()
        .enumerate()
        .map(|(i, items)| {
            sector(
                &format!("o{i}"),
                &format!("Article {}", i + 1),
                "Arcadia",
                *items,
            )
        })
        .collect();
    // The new draft names another party, lists the sectors in reverse order and rewords one
    // point in each.
    let new: Vec<Clause> = sectors
        .iter()
        .enumerate()
        .rev()
        .map(|(i, items)| {
            let reworded = items[1].replace("within", "no later than");
            sector(
                &format!("n{i}"),
                &format!("Article {}", 6 - i),
                "Borduria",
                [items[0], &reworded],
            )
        })
        .collect();
    let d = compare(&proposal("a", old), &proposal("b", new), &no_ids());
    for i in 0..sectors.len() {
        assert_eq!(
            partner(&d, &format!("n{i}")),
            Some(format!("o{i}").as_str())
        );
        // The shared lead-in pairs under its own article, not under another sector's.
        assert_eq!(
            partner(&d, &format!("n{i}.1")),
            Some(format!("o{i}.1").as_str()),
            "sector {i}"
        );
    }
}

#[test]
fn an_article_of_one_paragraph_pairs_with_the_same_article_in_paragraphs() {
    let parts = [
        "Each Party shall establish a contact point to facilitate communication on any matter covered by this Chapter.",
        "The contact points shall exchange information on the measures each Party adopts or maintains.",
    ];
    let old = proposal(
        "a",
        vec![
            clause(
                "o1",
                "Article 1",
                "The Parties reaffirm their commitment to the rule of law and to good governance.",
            ),
            clause("o2", "Article 2", &parts.join(" ")),
            clause(
                "o3",
                "Article 3",
                "This Agreement shall enter into force on the first day of the second month after ratification.",
            ),
        ],
    );
    let new = proposal(
        "b",
        vec![
            clause(
                "n1",
                "Article 1",
                "The Parties reaffirm their commitment to the rule of law and to good governance.",
            ),
            with_children(
                clause("n2", "Article 2", ""),
                vec![
                    clause("n2.1", "1.", parts[0]),
                    clause("n2.2", "2.", parts[1]),
                ],
            ),
            clause(
                "n3",
                "Article 3",
                "This Agreement shall enter into force on the first day of the second month after ratification.",
            ),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "n2"), Some("o2"));
    // Its paragraphs are new parts of the paired article.
    assert_eq!(partner(&d, "n2.1"), None);
    let d = compare(&new, &old, &no_ids());
    assert_eq!(partner(&d, "o2"), Some("n2"));
}

#[test]
fn an_article_whose_first_paragraph_lost_its_number_pairs_with_its_counterpart() {
    let p = [
        "Each Party shall ensure that its customs procedures are applied in a predictable and transparent manner.",
        "Each Party shall publish its customs laws and regulations promptly, including on the internet.",
        "Each Party shall designate enquiry points to answer questions from interested persons.",
    ];
    let old = proposal(
        "a",
        vec![with_children(
            clause("o1", "Article 1", ""),
            vec![
                clause("o1.1", "1.", p[0]),
                clause("o1.2", "2.", p[1]),
                clause("o1.3", "3.", p[2]),
            ],
        )],
    );
    // The new draft as an importer reads it when "1." is missing: the first paragraph is the
    // article's own text.
    let new = proposal(
        "b",
        vec![with_children(
            clause("n1", "Article 1", p[0]),
            vec![clause("n1.2", "2.", p[1]), clause("n1.3", "3.", p[2])],
        )],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "n1"), Some("o1"));
    assert_eq!(partner(&d, "n1.2"), Some("o1.2"));
}

#[test]
fn a_container_that_shares_one_short_child_with_an_unrelated_article_stays_apart() {
    let short = "This Article shall apply mutatis mutandis.";
    // Numbered apart, so that only the shared child speaks for the pair.
    let old = proposal(
        "a",
        vec![with_children(
            clause("o1", "Article 7", ""),
            vec![
                clause(
                    "o1.1",
                    "1.",
                    "The Parties shall cooperate on the protection of geographical indications for wines and spirits.",
                ),
                clause(
                    "o1.2",
                    "2.",
                    "Each Party shall maintain a register of protected names open to public inspection.",
                ),
                clause("o1.3", "3.", short),
            ],
        )],
    );
    let new = proposal(
        "b",
        vec![with_children(
            clause("n1", "Article 1", ""),
            vec![
                clause(
                    "n1.1",
                    "1.",
                    "A vessel flying the flag of one Party may call at the ports of the other Party open to foreign trade.",
                ),
                clause(
                    "n1.2",
                    "2.",
                    "Pilotage and towage services shall be available on fair and reasonable terms.",
                ),
                clause("n1.3", "3.", short),
            ],
        )],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "n1.3"), Some("o1.3"));
    assert_eq!(partner(&d, "n1"), None, "{d}");
}

#[test]
fn renumbered_provisions_between_paired_neighbours_pair_by_their_place() {
    // The middle article is rewritten (Dice about 0.35), its neighbours are the same: the
    // only unpaired articles between two pairs pair with each other.
    let old = proposal(
        "a",
        vec![
            clause(
                "o1",
                "Article 1",
                "The Parties shall consult each other at the request of either Party on any matter.",
            ),
            clause(
                "o2",
                "Article 2",
                "Where a Party considers that a measure of the other Party affects its trade interests, it may request consultations in writing.",
            ),
            clause(
                "o3",
                "Article 3",
                "This Agreement shall enter into force on the first day of the second month after ratification.",
            ),
        ],
    );
    let new = proposal(
        "b",
        vec![
            clause(
                "n1",
                "Article 1",
                "The Parties shall consult each other at the request of either Party on any matter.",
            ),
            clause(
                "n2",
                "Article 2",
                "A Party that considers a measure of the other Party to affect its interests may ask for consultations, giving its reasons in writing.",
            ),
            clause(
                "n3",
                "Article 3",
                "This Agreement shall enter into force on the first day of the second month after ratification.",
            ),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    let entry: &ClauseDiff = d
        .clauses
        .iter()
        .find(|c| c.new.as_ref().is_some_and(|p| p.id == "n2"))
        .unwrap();
    assert_eq!(entry.old.as_ref().map(|p| p.id.as_str()), Some("o2"));
    assert_eq!(entry.matched_by, Some(MatchedBy::Context));
    assert!(entry.similarity < 0.5, "{}", entry.similarity);
}

#[test]
fn two_translations_pair_point_by_point_by_their_numbers() {
    // One four-point text translated twice into English: each pair of points shares a quarter
    // to two fifths of its word bigrams, under the similarity threshold.
    let first = [
        "Each side shall refrain from deploying its armed forces in areas where such deployment could be perceived as a threat.",
        "The sides shall exchange information about military exercises held near their borders.",
        "Neither side shall station intermediate-range missiles within range of the territory of the other side.",
        "The sides shall set up a direct line of communication between their military commands.",
    ];
    let second = [
        "Each party shall not deploy its armed forces in regions where the other party could perceive such a deployment as a threat.",
        "The parties shall exchange information about the military exercises they hold close to their borders.",
        "No party shall place intermediate-range missiles where they can reach the territory of the other party.",
        "The parties shall establish a direct line of communication between the commands of their armed forces.",
    ];
    let points = |prefix: &str, texts: &[&str; 4]| -> Vec<Clause> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| clause(&format!("{prefix}{i}"), &format!("{}.", i + 1), t))
            .collect()
    };
    let d = compare(
        &proposal("a", points("o", &first)),
        &proposal("b", points("n", &second)),
        &no_ids(),
    );
    for i in 0..4 {
        let entry = d
            .clauses
            .iter()
            .find(|c| {
                c.new
                    .as_ref()
                    .is_some_and(|p| p.id == format!("n{i}").as_str())
            })
            .unwrap();
        assert_eq!(
            entry.old.as_ref().map(|p| p.id.as_str()),
            Some(format!("o{i}").as_str()),
            "point {i}: {d}"
        );
        assert!(entry.is(ClauseChangeKind::Modified));
        assert!(matches!(
            entry.matched_by,
            Some(MatchedBy::Context | MatchedBy::Number)
        ));
    }
    // The first point (a quarter of its bigrams shared) pairs by its number alone.
    let first_point = d
        .clauses
        .iter()
        .find(|c| c.new.as_ref().is_some_and(|p| p.id == "n0"))
        .unwrap();
    assert_eq!(first_point.matched_by, Some(MatchedBy::Number));
}

#[test]
fn drafts_in_two_languages_pair_by_outline_only() {
    let article = |id: &str, number: &str, text: &str, points: [&str; 2]| {
        with_children(
            clause(id, number, text),
            points
                .iter()
                .enumerate()
                .map(|(i, t)| clause(&format!("{id}.{i}"), &format!("({})", ["a", "b"][i]), t))
                .collect(),
        )
    };
    let mut en = proposal(
        "en",
        vec![
            article(
                "e1",
                "Article 1",
                "The Parties shall cooperate in the following fields:",
                ["trade in goods;", "customs procedures."],
            ),
            article(
                "e2",
                "Article 2",
                "This Agreement applies to the territory of Arcadia.",
                ["2024", "Borduria"],
            ),
        ],
    );
    en.language = "en".into();
    let mut es = proposal(
        "es",
        vec![
            article(
                "s1",
                "Artículo 1",
                "Las Partes cooperarán en los siguientes ámbitos:",
                ["comercio de mercancías;", "procedimientos aduaneros."],
            ),
            // A bare number and a name that the English text also holds, in other places:
            // they must not pair anything.
            article(
                "s2",
                "Artículo 2",
                "El presente Acuerdo se aplica al territorio de Arcadia.",
                ["Borduria", "2024"],
            ),
        ],
    );
    es.language = "es".into();
    let d = compare(&en, &es, &no_ids());
    for (e, s) in [
        ("e1", "s1"),
        ("e2", "s2"),
        ("e1.0", "s1.0"),
        ("e1.1", "s1.1"),
        ("e2.0", "s2.0"),
        ("e2.1", "s2.1"),
    ] {
        assert_eq!(partner(&d, s), Some(e), "{s}");
    }
    for c in &d.clauses {
        assert!(
            matches!(c.matched_by, Some(MatchedBy::Number)),
            "{:?} paired by {:?}",
            c.new,
            c.matched_by
        );
        // Never reported unchanged: the texts are in two languages.
        assert!(!c.kinds.is_empty(), "{:?}", c.new);
    }
}

#[test]
fn an_article_split_into_three_is_one_split_with_its_coverage() {
    let parts = [
        "Each Party shall notify the other Party in writing of any planned military exercise involving more than nine thousand troops.",
        "The notification shall be given at least forty-two days in advance and shall state the purpose, the area and the duration of the exercise.",
        "Observers from the other Party shall be invited to every exercise notified under this Agreement and shall be given access to the area.",
    ];
    let old = proposal(
        "a",
        vec![
            clause(
                "o1",
                "Article 1",
                "The Parties reaffirm their commitment to the peaceful settlement of disputes.",
            ),
            clause("o2", "Article 2", &parts.join(" ")),
        ],
    );
    let new = proposal(
        "b",
        vec![
            clause(
                "n1",
                "Article 1",
                "The Parties reaffirm their commitment to the peaceful settlement of disputes.",
            ),
            clause("n2", "Article 2", parts[0]),
            clause("n3", "Article 3", parts[1]),
            clause("n4", "Article 4", parts[2]),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    let [split] = d.splits.as_slice() else {
        panic!("{:?}", d.splits)
    };
    assert_eq!(split.old, "o2");
    let ids: Vec<&str> = split.new.iter().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["n2", "n3", "n4"]);
    assert!(split.coverage >= 0.8, "{}", split.coverage);
    // The other way round, the three are merged into one.
    let d = compare(&new, &old, &no_ids());
    let [merge] = d.merges.as_slice() else {
        panic!("{:?}", d.merges)
    };
    assert_eq!(merge.old.len(), 3);
}

#[test]
fn two_provisions_that_share_only_template_words_do_not_pair_in_a_gap() {
    // Every article opens with the same template words; the middle one is replaced by another
    // provision. The two share 0.44 of their bigrams, as much as each shares with its
    // neighbours: nothing of their own.
    let opening = "Each Party shall, in accordance with its laws and regulations,";
    let text = |rest: &str| format!("{opening} {rest}");
    let old = proposal(
        "a",
        vec![
            clause(
                "o1",
                "Article 1",
                &text("publish its tariff schedules and every later change to them without delay."),
            ),
            clause(
                "o2",
                "Article 2",
                &text(
                    "protect migratory birds that nest along coastal wetlands during the breeding season.",
                ),
            ),
            clause(
                "o3",
                "Article 3",
                &text(
                    "designate a contact point to answer enquiries from traders of the other Party.",
                ),
            ),
        ],
    );
    let new = proposal(
        "b",
        vec![
            clause(
                "n1",
                "Article 1",
                &text("publish its tariff schedules and every later change to them without delay."),
            ),
            clause(
                "n2",
                "Article 2",
                &text(
                    "fund scholarships for engineering students who come from remote rural provinces.",
                ),
            ),
            clause(
                "n3",
                "Article 3",
                &text(
                    "designate a contact point to answer enquiries from traders of the other Party.",
                ),
            ),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "n2"), None, "{d}");
    assert_eq!(count(&d, ClauseChangeKind::Added), 1);
    assert_eq!(count(&d, ClauseChangeKind::Removed), 1);
}

#[test]
fn a_cap_on_tied_candidates_says_the_diff_is_approximate() {
    // A hundred old clauses that differ only in their last word, and one new clause that
    // shares the rest with each of them alike: which one it continues is anybody's guess,
    // and more candidates tie than the work budget scores.
    let old: Vec<Clause> = (0..100)
        .map(|i| {
            clause(
                &format!("o{i}"),
                &format!("Article {}", i + 1),
                &format!(
                    "Each Party shall report every planned exercise to the commission, item{i}"
                ),
            )
        })
        .collect();
    let new = vec![clause(
        "n0",
        "Article 1",
        "Each Party shall report every planned exercise to the commission, later",
    )];
    let d = compare(&proposal("a", old.clone()), &proposal("b", new), &no_ids());
    assert!(d.approximate, "{d}");
    // Sixty are few enough to score them all.
    let d = compare(
        &proposal("a", old[..60].to_vec()),
        &proposal(
            "b",
            vec![clause(
                "n0",
                "Article 1",
                "Each Party shall report every planned exercise to the commission, later",
            )],
        ),
        &no_ids(),
    );
    assert!(!d.approximate, "{d}");
}

#[test]
fn clauses_that_differ_only_in_the_party_they_name_pair() {
    // Each draft's preamble introduces its own party; the short clause that moved shares only
    // "shall notify" with its counterpart, unless the names are masked in pairing.
    let draft = |id: &str, name: &str, clauses: Vec<Clause>| {
        let mut p = proposal(id, clauses);
        p.preamble = vec![pactum::Recital::new(format!(
            "The Government of Ruritania and the Republic of {name}"
        ))];
        p
    };
    let old = draft(
        "v1",
        "Arcadia",
        vec![
            clause("a", "Article 1", "Arcadia shall notify Arcadia."),
            clause(
                "b",
                "Article 2",
                "The Parties shall meet once a year in the capital.",
            ),
            clause(
                "c",
                "Article 3",
                "Ruritania may inspect its own depots at any time.",
            ),
        ],
    );
    let new = draft(
        "v2",
        "Borduria",
        vec![
            clause(
                "x",
                "Article 1",
                "Ruritania may inspect its own depots at any time.",
            ),
            clause(
                "y",
                "Article 2",
                "The Parties shall meet once a year in the capital.",
            ),
            clause("z", "Article 3", "Borduria shall notify Borduria."),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "z"), Some("a"), "{:#?}", d.clauses);
    assert_eq!(partner(&d, "x"), Some("c"));
    // Pairing masks the names; the text comparison still shows them.
    let z = d
        .clauses
        .iter()
        .find(|c| c.new.as_ref().is_some_and(|p| p.id == "z"));
    let ops = format!("{:?}", z.and_then(|c| c.text.as_ref()));
    assert!(ops.contains("Borduria") && ops.contains("Arcadia"), "{ops}");
}

#[test]
fn competing_candidates_pair_for_the_best_total_not_first_come() {
    // New "a" is most like old "x" (about 0.91) and less like old "y" (0.77); new "b" is like
    // "x" only (0.59; 0.27 with "y"). Best first pairs a with x and leaves b and y alone (b
    // stands before a, y after x: no gap holds both). The best one-to-one choice pairs both.
    let x = "Each Party shall notify the other Party in writing of any planned military \
             exercise near the common border at least thirty days in advance";
    let y = "Each Party shall notify the other Party in writing of any planned military \
             exercise at sea at least ten days in advance of its start";
    let a = "Each Party shall notify the other Party in writing of any planned military \
             exercise near the common border at least ten days in advance";
    let b = "Both Parties shall publish a yearly calendar listing any planned military \
             exercise near the common border at least thirty days in advance";
    let old = proposal("v1", vec![clause("x", "", x), clause("y", "", y)]);
    let new = proposal("v2", vec![clause("b", "", b), clause("a", "", a)]);
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "b"), Some("x"));
    assert_eq!(partner(&d, "a"), Some("y"));
    assert_eq!(count(&d, ClauseChangeKind::Added), 0);
    assert_eq!(count(&d, ClauseChangeKind::Removed), 0);
    assert!(!d.approximate);
}

#[test]
fn an_article_whose_only_paragraph_moved_out_is_not_paired_by_that_paragraph_alone() {
    // Article 1 goes; its one paragraph moves under the first part of Article 2, which is
    // split in two. The two articles share their only child and the opening "The Parties shall
    // not", nothing else: Article 1 is removed, and Article 2's first part stays with it.
    let moved = "Each Party shall withdraw such armaments within thirty days of the entry into force of this Agreement.";
    let first = "The Parties shall not conduct flights of strategic bombers close to the airspace of the other Party.";
    let second = "The Parties shall not conduct exercises of naval forces in the zones agreed under this Article.";
    let closing = "The Parties shall consult through the established channels on any question arising from this Agreement.";
    let old = proposal(
        "a",
        vec![
            with_children(
                clause(
                    "o1",
                    "Article 1",
                    "The Parties shall not station heavy armaments within fifty kilometres of the line of contact.",
                ),
                vec![clause("o1.1", "1.", moved)],
            ),
            clause("o2", "Article 2", &format!("{first} {second}")),
            clause("o3", "Article 3", closing),
        ],
    );
    let new = proposal(
        "b",
        vec![
            with_children(
                clause("n1", "Article 1", first),
                vec![clause("n1.1", "1.", moved)],
            ),
            clause("n2", "Article 2", second),
            clause("n3", "Article 3", closing),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_ne!(partner(&d, "n1"), Some("o1"), "{d}");
    assert_eq!(partner(&d, "n1.1"), Some("o1.1"));
    assert!(
        d.clauses
            .iter()
            .any(|c| c.old.as_ref().is_some_and(|p| p.id == "o1")
                && c.kinds == [ClauseChangeKind::Removed]),
        "{d}"
    );
    let [split] = d.splits.as_slice() else {
        panic!("{:?}", d.splits)
    };
    assert_eq!(split.old, "o2");
}

#[test]
fn an_article_whose_paragraphs_part_ways_pairs_with_the_one_whose_own_text_answers() {
    // Article 1's two paragraphs part: one stays with Article 1 (now "shall not" for "should
    // not"), the other moves under the first part of Article 2, split in two. Each new article
    // shares one of Article 1's two paragraphs; its own text decides.
    let kept = "Each Party should give notice of such exercises no later than forty-two days before they begin.";
    let moved =
        "Observers of the other Party should be invited to attend every exercise so notified.";
    let first = "The Parties should not send warships into coastal waters.";
    let second = "The Parties should not fly aircraft at low altitude.";
    let old = proposal(
        "a",
        vec![
            with_children(
                clause(
                    "o1",
                    "Article 1",
                    "The Parties should not hold large exercises in border zones.",
                ),
                vec![clause("o1.1", "1.", kept), clause("o1.2", "2.", moved)],
            ),
            clause("o2", "Article 2", &format!("{first} {second}")),
        ],
    );
    let new = proposal(
        "b",
        vec![
            with_children(
                clause("n1", "Article 1", first),
                vec![clause("n1.1", "1.", moved)],
            ),
            clause("n2", "Article 2", second),
            with_children(
                clause(
                    "n3",
                    "Article 3",
                    "The Parties shall not hold large exercises in border zones.",
                ),
                vec![clause("n3.1", "1.", kept)],
            ),
        ],
    );
    let d = compare(&old, &new, &no_ids());
    assert_eq!(partner(&d, "n3"), Some("o1"), "{d}");
    assert_ne!(partner(&d, "n1"), Some("o1"));
}
