//! Real treaty layouts, reproduced in our own words (`tests/data/texts/layouts/`): one
//! agreement as `same-line` ("ARTICLE 1.2 Title"), `next-line` ("Article 1.2", then the title)
//! and `untitled`, with the traps of real texts: cross-references that start a line (to an
//! earlier article, to the next one, to another treaty's "Article IX:3", to "Chapter Two" and
//! "Annex 9.37"), a title wrapped onto a second line, an inserted "2.3 bis", a deleted article
//! and chapter-numbered page numbers ("3-1").

use std::collections::BTreeMap;

use pactum::import::{self, ImportOptions, ImportReport};
use pactum::{Clause, ClauseKind, Proposal};

const LAYOUTS: [&str; 3] = ["same-line", "next-line", "untitled"];

fn text(layout: &str) -> String {
    let path = format!(
        "{}/tests/data/texts/layouts/{layout}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("the fixture reads")
}

fn import(layout: &str) -> (Proposal, ImportReport) {
    let options = ImportOptions::new("river".parse().unwrap(), "AR".parse().unwrap());
    import::text(&text(layout), &options).expect("the fixture imports")
}

/// (number, title) of every article the fixture holds.
fn articles() -> Vec<(String, String)> {
    include_str!("data/texts/layouts/articles.tsv")
        .lines()
        .skip(1)
        .map(|l| {
            let (n, t) = l.split_once('\t').unwrap();
            (n.to_lowercase(), t.to_lowercase())
        })
        .collect()
}

fn by_number(p: &Proposal) -> BTreeMap<String, Vec<&Clause>> {
    let mut out: BTreeMap<String, Vec<&Clause>> = BTreeMap::new();
    for c in p.walk() {
        if let Some(n) = &c.number {
            out.entry(n.to_lowercase()).or_default().push(c);
        }
    }
    out
}

#[test]
fn every_article_is_one_clause_with_its_number_and_title() {
    for layout in LAYOUTS {
        let (p, _) = import(layout);
        let found = by_number(&p);
        for (number, title) in articles() {
            let clauses = &found[&number];
            assert_eq!(clauses.len(), 1, "{layout}: {number}");
            let c = clauses[0];
            assert_eq!(c.kind, Some(ClauseKind::Article), "{layout}: {number}");
            let heading = c.heading.as_deref().unwrap_or_default().to_lowercase();
            if layout == "untitled" {
                assert_eq!(heading, "", "{layout}: {number}");
            } else {
                assert_eq!(heading, title, "{layout}: {number}");
            }
            assert!(
                !c.text.to_lowercase().starts_with(&title) || title.is_empty(),
                "{layout}: the title of {number} stays out of its text"
            );
        }
        let articles = p
            .walk()
            .filter(|c| c.kind == Some(ClauseKind::Article))
            .count();
        assert_eq!(
            articles, 11,
            "{layout}: no line that is not a heading opens one"
        );
    }
}

#[test]
fn the_outline_nests_chapters_articles_and_the_annex() {
    for layout in LAYOUTS {
        let (p, _) = import(layout);
        let top: Vec<(Option<ClauseKind>, String)> = p
            .clauses
            .iter()
            .map(|c| (c.kind, c.number.clone().unwrap_or_default().to_lowercase()))
            .collect();
        assert_eq!(
            top,
            [
                (Some(ClauseKind::Chapter), "chapter one".to_owned()),
                (Some(ClauseKind::Chapter), "chapter two".to_owned()),
                (Some(ClauseKind::Chapter), "chapter three".to_owned()),
                (Some(ClauseKind::Annex), "annex i".to_owned()),
            ],
            "{layout}"
        );
        let two = &p.clauses[1];
        let ids: Vec<&str> = two.children().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "art-2-1",
                "art-2-2",
                "art-2-3",
                "art-2-3-bis",
                "art-2-4",
                "art-2-5"
            ],
            "{layout}"
        );
        assert_eq!(p.title, "Agreement on the Navigation of the Northern River");
        assert_eq!(p.preamble.len(), 4, "{layout}");
    }
}

#[test]
fn the_three_layouts_hold_the_same_text() {
    let texts = |p: &Proposal| -> Vec<(String, String)> {
        p.walk()
            .map(|c| (c.id.to_string(), c.text.clone()))
            .collect()
    };
    let same = texts(&import("same-line").0);
    for layout in ["next-line", "untitled"] {
        assert_eq!(texts(&import(layout).0), same, "{layout}");
    }
}

#[test]
fn references_that_start_a_line_stay_in_their_paragraph_and_are_reported() {
    for layout in LAYOUTS {
        let (p, report) = import(layout);
        let kept: Vec<String> = report
            .kept_as_text
            .iter()
            .map(|s| {
                s.text
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            kept,
            ["Article IX:3", "Chapter Two", "Article 2.2.", "Annex 9.37"],
            "{layout}"
        );
        // Each is kept with the reason it is not a heading.
        assert!(
            report
                .kept_as_text
                .iter()
                .all(|s| s.reason.starts_with("not a heading: "))
        );
        let next = report
            .kept_as_text
            .iter()
            .find(|s| s.text == "Article 2.2.")
            .unwrap();
        assert!(
            next.reason
                .contains("the line before does not end a sentence"),
            "{}",
            next.reason
        );
        let found = by_number(&p);
        assert!(
            found["article 2.1"][0]
                .text
                .contains("permitted under Article 2.2. The Parties")
        );
        let p2 = &found["article 1.2"][0].children()[1];
        assert!(
            p2.text
                .contains("described in Chapter Two (Navigation and Pilotage) where the safety"),
            "{}",
            p2.text
        );
    }
}

#[test]
fn page_numbers_are_set_aside_and_a_deleted_article_stays() {
    for layout in LAYOUTS {
        let (p, report) = import(layout);
        let set_aside: Vec<&str> = report.set_aside.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(set_aside, ["3-1", "3-2", "3-3"], "{layout}");
        let found = by_number(&p);
        let deleted = found["article 2.4"][0];
        assert!(deleted.deleted, "{layout}");
        assert_eq!(deleted.text, "[Deleted]");
        assert_eq!(
            p.walk().filter(|c| c.deleted).count(),
            1,
            "{layout}: only the deleted article"
        );
    }
}
