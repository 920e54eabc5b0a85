//! The redlines, pinned by snapshots: a hand-made pair with every kind of change, and the
//! bundled Russian draft against the US answer.

use pactum::diff::{Options, compare};
use pactum::render::{markdown, text};
use pactum::{Clause, Proposal, Recital, Status};

fn clause(id: &str, number: &str, text: &str) -> Clause {
    Clause::new(id.parse().unwrap(), text).with_number(number)
}

fn article(id: &str, number: &str, paragraphs: Vec<Clause>) -> Clause {
    let mut c = clause(id, number, "");
    for p in paragraphs {
        c.push_child(p).unwrap();
    }
    c
}

/// Every kind of change at once: a removal with renumbering, a move, a reparenting, a
/// rewording, an addition, a split, a typographic change, a heading, proposal fields and the
/// preamble.
fn pair() -> (Proposal, Proposal) {
    let mut old = Proposal::new(
        "draft-1".parse().unwrap(),
        "Agreement on Restraint",
        "A".parse().unwrap(),
    );
    old.preamble = vec![
        Recital::new("determined to prevent dangerous military activity"),
        Recital::new("recalling the Charter of the United Nations"),
    ];
    old.clauses = vec![
        clause("a1", "Article 1", "The Parties shall consult one another at the request of any Party."),
        article("a2", "Article 2", vec![
            clause("a2.1", "1.", "The Parties shall not deploy intermediate-range missiles in Europe."),
            clause("a2.2", "2.", "Each Party shall notify the others of exercises involving more than ten thousand troops."),
        ]),
        clause("a3", "Article 3", "The Parties shall establish a telephone hotline. The hotline shall be tested every month.").with_heading("Hotline"),
        clause("a4", "Article 4", "No Party shall station \"forces\" on the territory of another without its consent."),
        clause("a5", "Article 5", "This Agreement enters into force on the day of its signature."),
    ];
    let mut new = Proposal::new(
        "draft-2".parse().unwrap(),
        "Agreement on Mutual Restraint",
        "A".parse().unwrap(),
    );
    new.status = Status::Tabled;
    new.preamble = vec![
        Recital::new("determined to prevent dangerous military activity and incidents"),
        Recital::new("guided by the Helsinki Final Act"),
    ];
    new.clauses = vec![
        article(
            "b1",
            "Article 1",
            vec![clause(
                "b1.1",
                "1.",
                "The Parties should not deploy intermediate-range missiles in Europe.",
            )],
        ),
        clause(
            "b2",
            "Article 2",
            "The Parties shall establish a telephone hotline.",
        )
        .with_heading("Communication"),
        clause(
            "b3",
            "Article 3",
            "The hotline shall be tested every month.",
        ),
        clause(
            "b4",
            "Article 4",
            "Each Party shall notify the others of exercises involving more than ten thousand troops.",
        ),
        clause(
            "b5",
            "Article 5",
            "This Agreement enters into force on the day of its signature.",
        ),
        clause(
            "b6",
            "Article 6",
            "No Party shall station \u{201c}forces\u{201d} on the territory of another without its consent.",
        ),
        clause(
            "b7",
            "Article 7",
            "Either Party may withdraw from this Agreement on six months' notice.",
        ),
    ];
    (old, new)
}

#[test]
fn text_redline_of_every_kind() {
    let (old, new) = pair();
    let out = text(&compare(&old, &new, &Options::default().without_ids()));
    // The word that changed is marked, and the clause points at its commitment change.
    assert!(
        out.contains(
            "The Parties [-shall-]{+should+} not deploy intermediate-range missiles in Europe.\n    1 commitment change, listed above"
        ),
        "{out}"
    );
    assert!(out.contains("modality: prohibition -> discouragement (weakening)"));
    // A change read from the text names its sentence and marker.
    assert!(out.contains(
        "dropped: \"shall\" in \"The Parties shall consult one another at the request of any Party.\""
    ));
    // A commitment that moved with the split (dropped from Article 3, added in the new
    // Article 3) is no change of obligation.
    assert!(!out.contains("\"shall\" in \"The hotline shall be tested every month.\""));
    // An added clause brings the commitments its text expresses.
    assert!(out.contains("added: \"may\" in \"Either Party may withdraw"));
    // It names what the marker expresses and its subject as written.
    assert!(out.contains("notice.\" (permission, subject \"Either Party\")"));
    assert!(out.contains("Article 3 split into Article 2 and Article 3"));
    insta::assert_snapshot!(out);
}

#[test]
fn markdown_redline_of_every_kind() {
    let (old, new) = pair();
    let out = markdown(&compare(&old, &new, &Options::default().without_ids()));
    assert!(
        out.contains("The Parties <del>shall</del><ins>should</ins> not deploy"),
        "{out}"
    );
    assert!(out.contains("- 1 commitment change, listed above"));
    insta::assert_snapshot!(out);
}

#[test]
fn display_is_the_text_redline() {
    let (old, new) = pair();
    let d = compare(&old, &new, &Options::default());
    assert_eq!(d.to_string(), text(&d));
}

#[cfg(feature = "serde")]
mod scenario {
    use super::*;

    fn drafts() -> (Proposal, Proposal) {
        let n = pactum::format::from_str(include_str!("../examples/data/security-guarantees.json"))
            .unwrap();
        (
            n.proposal("ru-nato-2021-12-17").unwrap().clone(),
            n.proposal("us-answer-2022-01-26").unwrap().clone(),
        )
    }

    #[test]
    fn text_redline_of_the_russian_draft_against_the_us_answer() {
        let (old, new) = drafts();
        insta::assert_snapshot!(text(&compare(&old, &new, &Options::default())));
    }

    #[test]
    fn markdown_redline_of_the_russian_draft_against_the_us_answer() {
        let (old, new) = drafts();
        insta::assert_snapshot!(markdown(&compare(&old, &new, &Options::default())));
    }

    #[test]
    fn each_commitment_change_is_listed_once() {
        let (old, new) = drafts();
        let n = pactum::format::from_str(include_str!("../examples/data/security-guarantees.json"))
            .unwrap();
        let diff = pactum::diff::compare_in(&n, &old, &new, &Options::default());
        let out = text(&diff);
        // The 29 states of NATO's 2020 membership besides the US are listed by the changes whose obligors
        // lose them, once each, not once per group of parties the changes concern.
        let states = "BE CA DK FR IS IT LU NL NO PT GB GR TR DE ES CZ HU PL BG EE LV LT RO SK SI \
                      AL HR ME MK";
        let losing = diff
            .commitments
            .iter()
            .filter(|c| {
                c.changes.iter().any(|k| {
                    matches!(k, pactum::diff::CommitmentChange::Obligors { parties_removed, .. }
                        if parties_removed.iter().any(|p| p == "MK"))
                })
            })
            .count();
        assert_eq!(out.matches(states).count(), losing, "{out}");
        assert_eq!(losing, 3);
        // Each change is one entry, however many parties it concerns.
        assert_eq!(
            out.matches("Article 1, art-1.p-2 [peaceful-settlement]")
                .count(),
            1,
            "{out}"
        );
    }
}

#[test]
fn with_its_drafts_a_diff_labels_clauses_by_number_and_heading() {
    use pactum::render::Comparison;
    let mut old = Proposal::new("v1".parse().unwrap(), "Draft", "A".parse().unwrap());
    let mut art = Clause::new("a4".parse().unwrap(), "")
        .with_number("Article 4")
        .with_heading("Military activity");
    art.push_child(
        Clause::new(
            "a4.1".parse().unwrap(),
            "The Parties shall not deploy forces.",
        )
        .with_number("1."),
    )
    .unwrap();
    old.clauses = vec![
        art,
        Clause::new("x".parse().unwrap(), "An unnumbered closing text.")
            .with_heading("Final words"),
    ];
    let mut new = Proposal::new("v2".parse().unwrap(), "Draft", "A".parse().unwrap());
    new.clauses = old.clauses.clone();
    new.clauses[0].heading = Some("Military activities".into());
    new.clauses[1].text = "An unnumbered closing text, reworded.".into();
    let d = compare(&old, &new, &Options::default());
    let view = Comparison::new(&d, &old, &new).unwrap();
    let text = view.text();
    assert!(
        text.contains(
            "Article 4 (Military activity) -> Article 4 (Military activities) (modified)"
        ),
        "{text}"
    );
    assert!(text.contains("Final words (modified)"), "{text}");
    assert!(
        !text.contains(" x "),
        "no id where a heading exists: {text}"
    );
    assert_eq!(view.to_string(), text);
    assert!(view.markdown().contains("### Final words (modified)"));
    // The diff alone labels by number, and by id where there is none.
    let alone = pactum::render::text(&d);
    assert!(alone.contains("  x (modified)"), "{alone}");
    // Drafts that are not the diff's are refused.
    assert_eq!(
        Comparison::new(&d, &new, &old).unwrap_err().to_string(),
        "the diff compares `v1`, not `v2`"
    );
}

#[test]
fn numbers_read_as_words_do() {
    use pactum::{Completeness, Provenance, Source};
    // One source is "1 source"; drafts with nothing in common are 0.00 alike, never -0.00.
    let mut old = Proposal::new("v1".parse().unwrap(), "Draft", "RU".parse().unwrap())
        .with_clause(clause("a", "Article 1", "The Parties shall consult."));
    old.provenance = Provenance::new(Completeness::Excerpt).with_source(Source::new("a"));
    let mut new = Proposal::new("v2".parse().unwrap(), "Draft", "RU".parse().unwrap()).with_clause(
        clause("b", "Article 1", "Completely different words here now."),
    );
    new.provenance = Provenance::new(Completeness::Full)
        .with_source(Source::new("a"))
        .with_source(Source::new("b"));
    let d = compare(&old, &new, &Options::default().without_ids());
    assert_eq!(d.summary.similarity, 0.0);
    assert!(d.summary.similarity.is_sign_positive());
    for out in [text(&d), markdown(&d)] {
        assert!(out.contains("(1 source)"), "{out}");
        assert!(out.contains("(2 sources)"), "{out}");
        assert!(!out.contains("-0.00"), "{out}");
        assert!(out.contains("similarity 0.00"), "{out}");
    }
}

#[test]
fn changes_read_from_the_text_are_listed_once_under_their_clause() {
    use pactum::diff::compare_in;
    use pactum::{Negotiation, Party, PartyKind, PartyRef};
    let mut n = Negotiation::new("t");
    for (id, name) in [("AR", "Arcadia"), ("BO", "Borduria"), ("CU", "Cumbria")] {
        n.add_party(Party::new(id.parse().unwrap(), name, PartyKind::State))
            .unwrap();
    }
    let draft = |id: &str, words: &str| {
        let mut p = Proposal::new(id.parse().unwrap(), "Draft", "AR".parse().unwrap())
            .with_clause(clause("art-1", "Article 1", words));
        p.parties = ["AR", "BO", "CU"]
            .iter()
            .map(|p| PartyRef::party(p.parse().unwrap()))
            .collect();
        p
    };
    // Three changes in one clause, each binding all three parties.
    let d = compare_in(
        &n,
        &draft(
            "v1",
            "Each Party shall notify the others. Each Party shall publish its laws. Each Party \
             may inspect the records.",
        ),
        &draft(
            "v2",
            "Each Party should notify the others. Each Party shall publish its laws. Each Party \
             shall inspect the records. Each Party shall keep records for five years.",
        ),
        &Options::default(),
    );
    let out = markdown(&d);
    // One heading for the clause, whatever the number of changes or parties.
    assert_eq!(out.matches("- **Article 1**").count(), 1, "{out}");
    assert_eq!(out.matches("shall\" → \"should\"").count(), 1, "{out}");
    assert_eq!(out.matches("binds AR BO CU").count(), 3, "{out}");
    assert!(!out.contains("## Commitments, by party"), "{out}");
    // The summary counts them, with their directions.
    assert!(
        out.contains(
            "**Commitments:** 3 changes read from the text: 1 added, 2 of modality \
             (1 weakening, 1 imposition)."
        ),
        "{out}"
    );
    let t = text(&d);
    assert!(
        t.contains("  commitments: 3 changes read from the text: 1 added"),
        "{t}"
    );
}

#[test]
fn the_summary_puts_changes_of_substance_before_changes_of_place() {
    let (old, new) = pair();
    let out = text(&compare(&old, &new, &Options::default()));
    let summary = out.lines().nth(1).unwrap();
    assert_eq!(
        summary,
        "  3 modified, 2 added, 1 removed, 1 split; 4 renumbered, 1 moved, 1 reparented (3 \
         with no other change); 0 unchanged"
    );
}

#[test]
fn changed_only_lists_the_clauses_whose_content_changed() {
    use pactum::render::Comparison;
    let (old, new) = pair();
    let diff = compare(&old, &new, &Options::default());
    let all = Comparison::new(&diff, &old, &new).unwrap();
    let view = all.changed_only();
    let (full, short) = (all.text(), view.text());
    let line = "3 clauses that only changed place (renumbered, moved or reparented) not listed";
    assert!(short.contains(line), "{short}");
    assert!(!full.contains(line), "{full}");
    // Every clause of the short view is in the full one, and fewer rows are listed.
    assert!(short.lines().count() < full.lines().count());
    assert!(view.markdown().contains(line));
}

#[test]
fn with_its_drafts_the_summary_counts_articles_apart() {
    use pactum::render::Comparison;
    let (old, new) = pair();
    let diff = compare(&old, &new, &Options::default());
    let view = Comparison::new(&diff, &old, &new).unwrap();
    let line = view
        .text()
        .lines()
        .find(|l| l.starts_with("  articles: "))
        .map(str::to_owned);
    // Without the drafts, the kinds of paired clauses are not known: no such line.
    assert!(!text(&diff).contains("articles: "));
    let line = line.expect("an articles line");
    // The fixture gives no clause a kind: its top-level clauses are its articles (one of
    // the three modified clauses is a paragraph).
    assert_eq!(
        line,
        "  articles: 5 changed in substance (2 modified, 2 added, 1 removed), 3 only changed \
         place, 0 unchanged"
    );
}

#[test]
fn modal_words_that_change_no_commitment_get_one_line() {
    use pactum::{Commitment, Modality, PartyRef};
    // The encoded commitment stays an obligation while the text's modal word changes: the
    // annotation is what counts, and the redline says in one line that the words moved.
    let draft = |id: &str, text: &str| {
        let c = Commitment::new(
            "c".parse().unwrap(),
            Modality::Obligation,
            "notify the other Party",
        )
        .with_obligor(PartyRef::party("A".parse().unwrap()));
        Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap())
            .with_clause(clause("art-1", "Article 1", text).with_commitment(c))
    };
    let old = draft("v1", "Each Party shall notify the other Party.");
    let new = draft("v2", "Each Party should notify the other Party.");
    let d = compare(&old, &new, &Options::default());
    assert!(d.commitments.is_empty(), "{:?}", d.commitments);
    let out = text(&d);
    assert_eq!(
        out.matches("modal words changed; no commitment change listed")
            .count(),
        1,
        "{out}"
    );
    // A text whose modal words stay the same gets no such line.
    let same = draft("v3", "Each Party shall notify the other Party promptly.");
    let out = text(&compare(&old, &same, &Options::default()));
    assert!(!out.contains("modal words changed"), "{out}");
}

#[test]
fn a_commitment_change_says_itself_in_words() {
    use pactum::diff::CommitmentChange;
    use pactum::{Commitment, CommitmentId, Modality, PartyRef};
    let commitment = |modality| {
        Commitment::new(CommitmentId::from_static("k"), modality, "deploy missiles")
            .with_obligor(PartyRef::party("A".parse().unwrap()))
    };
    let draft = |id: &str, modality| {
        Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap()).with_clause(
            clause("a1", "Article 1", "The Parties shall not deploy missiles.")
                .with_commitment(commitment(modality)),
        )
    };
    let d = compare(
        &draft("v1", Modality::Prohibition),
        &draft("v2", Modality::Permission),
        &Options::default(),
    );
    let [c] = d.commitments.as_slice() else {
        panic!("{:?}", d.commitments)
    };
    assert_eq!(
        c.to_string(),
        "a1 [k]: modality: prohibition -> permission (lifting); was prohibition: deploy missiles; now permission: deploy missiles"
    );
    assert_eq!(
        c.changes[0].to_string(),
        "modality: prohibition -> permission (lifting)"
    );
    assert_eq!(CommitmentChange::Added.to_string(), "added");
    // The commitment changes alone, as the redline lists them.
    let alone = pactum::render::commitments(&d);
    assert!(
        alone.contains("each change once, with whom it binds"),
        "{alone}"
    );
    assert!(!alone.contains("Clauses"), "{alone}");
}

/// Every `href="#x"` of a page has an element with `id="x"`.
fn links_resolve(page: &str) -> Result<(), String> {
    for part in page.split("href=\"#").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        if !page.contains(&format!("id=\"{target}\"")) {
            return Err(format!("no element with id `{target}`"));
        }
    }
    Ok(())
}

#[test]
fn the_html_page_is_one_document_with_both_texts_side_by_side() {
    let (mut old, new) = pair();
    // Another tag of the same language: the drafts pair by content, each side keeps its tag.
    old.language = "en-GB".to_owned();
    let d = compare(&old, &new, &Options::default());
    let view = pactum::render::Comparison::new(&d, &old, &new).unwrap();
    let page = view.html(&pactum::render::HtmlOptions::default());
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.trim_end().ends_with("</html>"));
    // Nothing is fetched: no external resource of any kind.
    for outside in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    // Old and new in two columns, each with its draft's language; words marked in place.
    assert!(page.contains("<div class=\"sbs\"><div class=\"old\" lang=\"en-GB\">"));
    assert!(page.contains("<div class=\"new\" lang=\"en\">"));
    assert!(page.contains("<del>") && page.contains("<ins>"));
    // The contents link to the entries below, and every link lands.
    assert!(page.contains("<table class=\"contents\">"));
    assert!(page.contains("<a href=\"#c-"));
    links_resolve(&page).unwrap();
    // A split links its parts.
    let splits = &page[page.find("id=\"c-splits-and-merges\"").expect("splits")..];
    assert!(
        splits[..splits.find("</p>").unwrap()].contains("<a href=\"#c-"),
        "{splits}"
    );
    // Colour is never the only sign.
    assert!(
        page.contains("text-decoration: line-through")
            && page.contains("text-decoration: underline")
    );
    assert!(page.contains("prefers-color-scheme: dark") && page.contains("@media print"));
}

#[test]
fn the_html_page_shows_a_drafts_markup_as_text_and_runs_none_of_it() {
    let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
    ];
    let old = Proposal::new("o".parse().unwrap(), "Draft", "A".parse().unwrap())
        .with_clause(clause("a1", "Article 1", "The Parties shall consult."));
    let mut new = old.clone();
    new.clauses[0].text = format!("The Parties shall consult. {}", hostile.join(" "));
    new.clauses
        .push(clause("a2", hostile[1], hostile[0]).with_heading(hostile[2]));
    let d = compare(&old, &new, &Options::default());
    let view = pactum::render::Comparison::new(&d, &old, &new).unwrap();
    let page = view.html(&pactum::render::HtmlOptions::default().with_title(hostile[0]));
    // One script, the page's own; no element or attribute from the drafts.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains("href=\"javascript:"), "{page}");
    assert!(!page.contains("<a href=\"javascript"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    links_resolve(&page).unwrap();
}

#[cfg(feature = "serde")]
#[test]
fn the_html_page_of_one_party_lists_only_its_commitments_and_says_so() {
    let data = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/security-guarantees.json"
    ))
    .unwrap();
    let n = pactum::format::from_str(&data).unwrap();
    let (old, new) = (
        n.proposal("ru-nato-2021-12-17").unwrap(),
        n.proposal("us-answer-2022-01-26").unwrap(),
    );
    let d = pactum::diff::compare_in(&n, old, new, &Options::default());
    let view = pactum::render::Comparison::new(&d, old, new).unwrap();
    let all = view.html(&pactum::render::HtmlOptions::default());
    let ru = view.html(&pactum::render::HtmlOptions::default().with_party("RU"));
    assert!(ru.contains("The view of <strong>RU</strong>"));
    let items = |page: &str| page.matches("<li data-parties=").count();
    assert!(items(&ru) > 0 && items(&ru) <= items(&all));
    // Every commitment change says whom it concerns, for the page's party filter.
    for part in ru.split("<li data-parties=\"").skip(1) {
        let parties = &part[..part.find('"').unwrap()];
        assert!(parties.split(' ').any(|p| p == "RU"), "{parties}");
    }
}

#[test]
fn the_html_page_folds_each_run_of_unchanged_clauses_into_one_line() {
    let texts = [
        "The Parties shall consult one another.",
        "Each Party shall notify the other of exercises.",
        "The Parties shall establish a hotline.",
        "The hotline shall be tested every month.",
        "This Agreement shall enter into force on signature.",
    ];
    let old = Proposal::new("o".parse().unwrap(), "Draft", "A".parse().unwrap());
    let old = texts.iter().enumerate().fold(old, |p, (i, t)| {
        p.with_clause(clause(&format!("a{i}"), &format!("Article {}", i + 1), t))
    });
    let mut new = old.clone();
    new.clauses[2].text = "The Parties should establish a hotline.".into();
    let d = compare(&old, &new, &Options::default());
    let view = pactum::render::Comparison::new(&d, &old, &new).unwrap();
    let page = view.html(&pactum::render::HtmlOptions::default());
    let runs: Vec<&str> = page
        .split("<details class=\"unchanged\"><summary>")
        .skip(1)
        .map(|part| &part[..part.find("</summary>").unwrap()])
        .collect();
    assert_eq!(
        runs,
        [
            "2 clauses unchanged: Article 1 to Article 2",
            "2 clauses unchanged: Article 4 to Article 5"
        ]
    );
    // Their texts are there, to be opened.
    assert!(page.contains("This Agreement shall enter into force on signature."));
    // The text redline lists no unchanged clause.
    assert!(!view.text().contains("enter into force"));
}
