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
    insta::assert_snapshot!(text(&compare(
        &old,
        &new,
        &Options::default().without_ids()
    )));
}

#[test]
fn markdown_redline_of_every_kind() {
    let (old, new) = pair();
    insta::assert_snapshot!(markdown(&compare(
        &old,
        &new,
        &Options::default().without_ids()
    )));
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
}
