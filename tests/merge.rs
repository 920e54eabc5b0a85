//! The three-way merge: each decided case, and its properties over generated drafts. Texts
//! here are made up for the tests.

use pactum::merge::{self, ConflictKind, Merged, Options, Resolution, resolve};
use pactum::{Clause, ClauseId, Commitment, Modality, PartyRef, Proposal};

fn id<T: std::str::FromStr>(s: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().unwrap()
}

/// A base draft: Article 1 with two paragraphs, then Articles 2 to 4, Article 3 with a
/// commitment.
fn base() -> Proposal {
    let mut a1 = Clause::new(
        id("art-1"),
        "The Parties shall consult each other on measures every year.",
    )
    .with_number("Article 1");
    a1.push_child(
        Clause::new(
            id("art-1.1"),
            "Each Party shall notify the other of exercises in advance.",
        )
        .with_number("1."),
    )
    .unwrap();
    a1.push_child(
        Clause::new(id("art-1.2"), "The Council shall meet twice a year.").with_number("2."),
    )
    .unwrap();
    let k = Commitment::new(
        id("k1"),
        Modality::Obligation,
        "settle disputes by negotiation",
    )
    .with_obligor(PartyRef::party(id("A")))
    .with_obligor(PartyRef::party(id("B")));
    Proposal::new(id("base"), "Draft", id("A"))
        .with_clause(a1)
        .with_clause(
            Clause::new(
                id("art-2"),
                "Each Party may withdraw from this Agreement on notice.",
            )
            .with_number("Article 2"),
        )
        .with_clause(
            Clause::new(
                id("art-3"),
                "The Parties shall settle disputes by negotiation.",
            )
            .with_number("Article 3")
            .with_commitment(k),
        )
        .with_clause(
            Clause::new(
                id("art-4"),
                "This Agreement enters into force on signature.",
            )
            .with_number("Article 4"),
        )
}

/// `p` with clause `at` changed by `f`.
fn with(p: &Proposal, at: &str, f: impl FnOnce(&mut Clause)) -> Proposal {
    let mut p = p.clone();
    let mut f = Some(f);
    assert!(
        edit(&mut p.clauses, &id(at), &mut |c| (f.take().unwrap())(c)),
        "{at}"
    );
    p
}

/// `p` without clause `at` (and what it holds).
fn without(p: &Proposal, at: &str) -> Proposal {
    fn cut(clauses: &mut Vec<Clause>, at: &ClauseId) -> Option<Clause> {
        if let Some(i) = clauses.iter().position(|c| &c.id == at) {
            return Some(clauses.remove(i));
        }
        for c in clauses.iter_mut() {
            let mut kids = c.take_children();
            let found = cut(&mut kids, at);
            for k in kids {
                c.push_child(k).unwrap();
            }
            if found.is_some() {
                return found;
            }
        }
        None
    }
    let mut p = p.clone();
    cut(&mut p.clauses, &id(at)).expect(at);
    p
}

fn text_of<'p>(m: &'p Merged, at: &str) -> &'p str {
    &m.proposal.clause(at).unwrap_or_else(|| panic!("{at}")).text
}

fn kinds(m: &Merged) -> Vec<(ConflictKind, Option<String>, &'static str)> {
    m.conflicts
        .iter()
        .map(|c| (c.kind, c.clause.as_ref().map(ToString::to_string), c.field))
        .collect()
}

#[test]
fn words_changed_apart_become_alternatives_and_far_apart_options() {
    let b = base();
    let ours = with(&b, "art-1", |c| {
        c.text = "The Parties shall consult each other on measures every month.".into()
    });
    let theirs = with(&b, "art-1", |c| {
        c.text = "The Parties shall consult each other on measures every week.".into()
    });
    let m = merged(&b, &ours, &theirs);
    assert_eq!(
        text_of(&m, "art-1"),
        "The Parties shall consult each other on measures every [month]{A}[week]{B}."
    );
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Text, Some("art-1".into()), "text")]
    );
    assert_eq!(m.conflicts[0].offset, text_of(&m, "art-1").find('['));
    let theirs = with(&b, "art-1", |c| {
        c.text = "Consultations take place at the request of either side.".into()
    });
    let m = merged(&b, &ours, &theirs);
    assert!(
        text_of(&m, "art-1").starts_with("[Option 1: The Parties shall consult"),
        "{}",
        text_of(&m, "art-1")
    );
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Options, Some("art-1".into()), "text")]
    );
}

#[test]
fn a_clause_removed_by_one_and_edited_by_the_other_is_optional() {
    let b = base();
    let ours = without(&b, "art-4");
    let theirs = with(&b, "art-4", |c| {
        c.text = "This Agreement enters into force on ratification.".into()
    });
    let m = merged(&b, &ours, &theirs);
    assert_eq!(
        text_of(&m, "art-4"),
        "[This Agreement enters into force on ratification.]{B}"
    );
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Optional, Some("art-4".into()), "text")]
    );
    assert_eq!(
        (
            m.conflicts[0].ours.as_deref(),
            m.conflicts[0].theirs.is_some()
        ),
        (None, true)
    );
    // Resolved for the side that removed it, it goes; for the other, it stays as edited.
    let r = resolve(&m.proposal, &Resolution::Side(id("A")));
    assert!(r.clause("art-4").is_none());
    let r = resolve(&m.proposal, &Resolution::Side(id("B")));
    assert_eq!(
        r.clause("art-4").unwrap().text,
        "This Agreement enters into force on ratification."
    );
    // Removed by one side and left alone by the other: removed.
    let m = merged(&b, &ours, &b);
    assert!(m.proposal.clause("art-4").is_none() && m.is_clean());
}

#[test]
fn a_parent_removed_while_a_child_is_edited_keeps_both() {
    let b = base();
    let ours = without(&b, "art-1");
    let theirs = with(&b, "art-1.1", |c| {
        c.text = "Each Party shall notify the other of all exercises in advance.".into()
    });
    let m = merged(&b, &ours, &theirs);
    assert_eq!(
        text_of(&m, "art-1"),
        "[The Parties shall consult each other on measures every year.]{B}"
    );
    assert_eq!(
        text_of(&m, "art-1.1"),
        "[Each Party shall notify the other of all exercises in advance.]{B}"
    );
    // The paragraph no one changed goes with its removal.
    assert!(m.proposal.clause("art-1.2").is_none());
    assert_eq!(m.proposal.clauses[0].children().len(), 1);
    assert_eq!(
        kinds(&m),
        [
            (ConflictKind::Optional, Some("art-1".into()), "text"),
            (ConflictKind::Optional, Some("art-1.1".into()), "text")
        ]
    );
}

#[test]
fn moves_against_moves_and_removals() {
    let b = base();
    let move_under = |p: &Proposal, what: &str, under: &str| {
        let moved = p.clause(what).unwrap().clone();
        let p = without(p, what);
        with(&p, under, |c| c.push_child(moved).unwrap())
    };
    // Moved under two different parents: it stays where it was.
    let ours = move_under(&b, "art-1.2", "art-2");
    let theirs = move_under(&b, "art-1.2", "art-3");
    let m = merged(&b, &ours, &theirs);
    let a1: Vec<&str> = m.proposal.clauses[0]
        .children()
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(a1, ["art-1.1", "art-1.2"]);
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Moved, Some("art-1.2".into()), "parent")]
    );
    assert_eq!(
        (
            m.conflicts[0].ours.as_deref(),
            m.conflicts[0].theirs.as_deref()
        ),
        (Some("art-2"), Some("art-3"))
    );
    // Moved by one, removed by the other: kept, optional, where the mover put it.
    let m = merged(&b, &ours, &without(&b, "art-1.2"));
    assert_eq!(
        m.proposal.clause("art-2").unwrap().children()[0]
            .id
            .as_str(),
        "art-1.2"
    );
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Optional, Some("art-1.2".into()), "text")]
    );
    // Moved among its siblings by one, removed by the other: the move changed nothing in it.
    let mut reordered = b.clone();
    reordered.clauses.swap(1, 3);
    let m = merged(&b, &reordered, &without(&b, "art-2"));
    assert!(
        m.proposal.clause("art-2").is_none() && m.is_clean(),
        "{:?}",
        m.conflicts
    );
}

#[test]
fn a_split_against_an_edit() {
    let b = base();
    // Ours cuts Article 2 in two; theirs rewords its end.
    let ours = {
        let p = with(&b, "art-2", |c| {
            c.text = "Each Party may withdraw from this Agreement.".into()
        });
        let mut p = p;
        p.clauses.insert(
            2,
            Clause::new(
                id("art-2a"),
                "Notice of withdrawal shall be given in writing.",
            )
            .with_number("Article 2a"),
        );
        p
    };
    let theirs = with(&b, "art-2", |c| {
        c.text = "Each Party may withdraw from this Agreement on six months' notice.".into()
    });
    let m = merged(&b, &ours, &theirs);
    // The part that keeps the id merges with the edit; the other part comes in.
    assert_eq!(
        text_of(&m, "art-2"),
        "Each Party may withdraw from this Agreement[ on six months' notice]{B}."
    );
    assert_eq!(
        text_of(&m, "art-2a"),
        "Notice of withdrawal shall be given in writing."
    );
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Text, Some("art-2".into()), "text")]
    );
}

#[test]
fn a_renumbering_against_a_renumbering_keeps_the_base_number() {
    let b = base();
    let ours = with(&b, "art-4", |c| c.number = Some("Article 5".into()));
    let theirs = with(&b, "art-4", |c| c.number = Some("Article 6".into()));
    let m = merged(&b, &ours, &theirs);
    assert_eq!(
        m.proposal.clause("art-4").unwrap().number.as_deref(),
        Some("Article 4")
    );
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Field, Some("art-4".into()), "number")]
    );
    // An id both sides changed apart: the base's kept, said.
    let ours = with(&b, "art-4", |c| c.id = id("art-4a"));
    let theirs = with(&b, "art-4", |c| c.id = id("art-4b"));
    let m = merged(&b, &ours, &theirs);
    assert!(m.proposal.clause("art-4").is_some());
    assert_eq!(
        kinds(&m),
        [(ConflictKind::Field, Some("art-4".into()), "id")]
    );
    let ours = with(&b, "art-4", |c| c.number = Some("Article 5".into()));
    // One side alone renumbers: taken.
    let m = merged(&b, &ours, &b);
    assert_eq!(
        m.proposal.clause("art-4").unwrap().number.as_deref(),
        Some("Article 5")
    );
}

#[test]
fn a_commitment_changed_by_both_merges_field_by_field_and_is_listed_apart() {
    let b = base();
    let ours = with(&b, "art-3", |c| {
        c.text = "The Parties should settle disputes by negotiation.".into();
        c.commitments[0].modality = Modality::Recommendation;
    });
    let theirs = with(&b, "art-3", |c| c.commitments[0].obligors.truncate(1));
    let m = merged(&b, &ours, &theirs);
    let k = &m.proposal.clause("art-3").unwrap().commitments[0];
    assert_eq!(
        (k.modality, k.obligors.len()),
        (Modality::Recommendation, 1)
    );
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.commitment_conflicts.len(), 1);
    assert!(m.commitment_conflicts[0].fields.is_empty());
    // The same field changed apart keeps its base value, and says which.
    let theirs = with(&b, "art-3", |c| {
        c.commitments[0].modality = Modality::Permission
    });
    let m = merged(&b, &ours, &theirs);
    let k = &m.proposal.clause("art-3").unwrap().commitments[0];
    assert_eq!(k.modality, Modality::Obligation);
    assert_eq!(m.commitment_conflicts[0].fields, ["modality"]);
}

#[test]
fn additions_at_one_place_are_both_kept_whichever_side_is_ours() {
    let b = base();
    let add = |p: &Proposal, at: &str, text: &str| {
        let mut p = p.clone();
        p.clauses.push(Clause::new(id(at), text));
        p
    };
    let ours = add(&b, "art-5", "Zeta: the last word.");
    let theirs = add(&b, "art-6", "Alpha: a first word.");
    let one = merged(&b, &ours, &theirs);
    let two = merged(&b, &theirs, &ours);
    let order = |m: &Merged| {
        m.proposal
            .clauses
            .iter()
            .map(|c| c.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        order(&one),
        ["art-1", "art-2", "art-3", "art-4", "art-6", "art-5"]
    );
    assert_eq!(order(&one), order(&two));
    assert!(one.is_clean());
    // One id added by both with two texts: one clause, two options.
    let theirs = add(&b, "art-5", "Alpha: a first word.");
    let m = merged(&b, &ours, &theirs);
    assert_eq!(
        text_of(&m, "art-5"),
        "[Option 1: Zeta: the last word.]{A}[Option 2: Alpha: a first word.]{B}"
    );
}

#[test]
fn a_draft_that_repeats_a_clause_id_is_refused() {
    let b = base();
    let mut bad = b.clone();
    bad.clauses.push(Clause::new(id("art-2"), "Again."));
    let err = merge::three_way(&b, &bad, &b, &options()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "clause id `art-2` is used more than once in the ours draft"
    );
}

fn options() -> Options {
    Options::new("merged".parse().unwrap()).with_sides("A".parse().unwrap(), "B".parse().unwrap())
}

fn merged(base: &Proposal, ours: &Proposal, theirs: &Proposal) -> Merged {
    merge::three_way(base, ours, theirs, &options()).unwrap()
}

/// `p` with the merged proposal's id, as the options set it.
#[cfg(feature = "proptest")]
fn as_merged(p: &Proposal) -> Proposal {
    let mut q = Proposal::new(
        "merged".parse().unwrap(),
        p.title.clone(),
        p.proposer.clone(),
    );
    q.parties = p.parties.clone();
    q.date = p.date;
    q.status = p.status;
    q.answers = p.answers.clone();
    q.supersedes = p.supersedes.clone();
    q.preamble = p.preamble.clone();
    q.ids_from_numbering = p.ids_from_numbering;
    q.clauses = p.clauses.clone();
    q.language = p.language.clone();
    q.translated_from = p.translated_from.clone();
    q.provenance = p.provenance.clone();
    q
}

#[cfg(feature = "proptest")]
use {
    pactum::brackets::{Bracketed, Segment, Tally},
    pactum::strategy,
    proptest::prelude::*,
};

/// A second revision of `base`, made in the test: words of some clauses replaced, some leaf
/// clauses removed, new clauses put after others; and the ids it touched.
#[cfg(feature = "proptest")]
fn revise(base: &Proposal, picks: &[(u8, prop::sample::Index)]) -> (Proposal, Vec<ClauseId>) {
    let mut p = base.clone();
    let mut touched = Vec::new();
    for (n, (what, at)) in picks.iter().enumerate() {
        let ids: Vec<ClauseId> = p.walk().map(|c| c.id.clone()).collect();
        let id = ids[at.index(ids.len())].clone();
        if touched.contains(&id) {
            continue;
        }
        match what % 3 {
            0 => {
                edit(&mut p.clauses, &id, &mut |c| {
                    let mut words: Vec<String> = c.text.split(' ').map(str::to_owned).collect();
                    let k = 3 + n % (words.len().saturating_sub(4).max(1));
                    if k < words.len() - 1 {
                        words[k] = format!("revised{n}");
                    }
                    c.text = words.join(" ");
                });
            }
            1 => {
                if !remove_leaf(&mut p.clauses, &id) {
                    continue;
                }
            }
            _ => {
                let new: ClauseId = format!("t-{n}").parse().unwrap();
                let text = format!("The Parties may consult added{n} on request.");
                insert_after(
                    &mut p.clauses,
                    &id,
                    &mut Some(Clause::new(new.clone(), text)),
                );
                touched.push(new);
            }
        }
        touched.push(id);
    }
    (p, touched)
}

fn edit(clauses: &mut [Clause], id: &ClauseId, f: &mut dyn FnMut(&mut Clause)) -> bool {
    for c in clauses.iter_mut() {
        if &c.id == id {
            f(c);
            return true;
        }
        let mut kids = c.take_children();
        let found = edit(&mut kids, id, f);
        for k in kids {
            c.push_child(k).unwrap();
        }
        if found {
            return true;
        }
    }
    false
}

#[cfg(feature = "proptest")]
fn remove_leaf(clauses: &mut Vec<Clause>, id: &ClauseId) -> bool {
    if let Some(i) = clauses
        .iter()
        .position(|c| &c.id == id && c.children().is_empty())
    {
        clauses.remove(i);
        return true;
    }
    for c in clauses.iter_mut() {
        let mut kids = c.take_children();
        let done = remove_leaf(&mut kids, id);
        for k in kids {
            c.push_child(k).unwrap();
        }
        if done {
            return true;
        }
    }
    false
}

#[cfg(feature = "proptest")]
fn insert_after(clauses: &mut Vec<Clause>, id: &ClauseId, new: &mut Option<Clause>) {
    if let Some(i) = clauses.iter().position(|c| &c.id == id) {
        clauses.insert(i + 1, new.take().unwrap());
        return;
    }
    for c in clauses.iter_mut() {
        if new.is_none() {
            return;
        }
        let mut kids = c.take_children();
        insert_after(&mut kids, id, new);
        for k in kids {
            c.push_child(k).unwrap();
        }
    }
}

#[cfg(feature = "proptest")]
/// A text with each bracket's choices in one order (by supporters, then words) and option
/// labels taken out: what stays the same when the two sides swap.
fn unordered(text: &str) -> String {
    fn walk(segments: &[Segment], out: &mut String) {
        for s in segments {
            match s {
                Segment::Text(t) => out.push_str(t),
                Segment::Bracket(b) => {
                    let mut choices: Vec<String> = b
                        .choices
                        .iter()
                        .map(|c| {
                            let mut inner = String::new();
                            walk(&c.segments, &mut inner);
                            format!("{:?}:{inner}", c.supporters)
                        })
                        .collect();
                    choices.sort();
                    out.push_str(&format!("<{}>", choices.join("|")));
                }
                _ => out.push('?'),
            }
        }
    }
    match Bracketed::parse(text) {
        Ok(b) => {
            let mut out = String::new();
            walk(&b.segments, &mut out);
            out
        }
        Err(_) => text.to_owned(),
    }
}

#[cfg(feature = "proptest")]
fn shape(p: &Proposal) -> Vec<(ClauseId, Option<String>, String)> {
    p.walk()
        .map(|c| (c.id.clone(), c.number.clone(), unordered(&c.text)))
        .collect()
}

#[cfg(feature = "proptest")]
/// The clauses an edited pair's edits touched, renumbering aside, and the parents that
/// received a clause (a paragraph moved or put into an article touches the article too).
fn touched_by(pair: &pactum::strategy::EditedPair) -> Vec<ClauseId> {
    let mut out: Vec<ClauseId> = pair
        .edits
        .iter()
        .filter(|e| !matches!(e, pactum::strategy::Edit::Renumbered(_)))
        .flat_map(|e| e.clauses().into_iter().cloned())
        .collect();
    let parent_of = |id: &ClauseId| {
        pair.new
            .walk()
            .find(|c| c.children().iter().any(|k| &k.id == id))
            .map(|c| c.id.clone())
    };
    let parents: Vec<ClauseId> = out.iter().filter_map(parent_of).collect();
    out.extend(parents);
    out
}

#[cfg(feature = "proptest")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_side_that_changed_nothing_gives_the_other(pair in strategy::edited_pair(6)) {
        let (b, a) = (&pair.old, &pair.new);
        let m = merged(b, a, b);
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        prop_assert_eq!(&m.proposal, &as_merged(a));
        let m = merged(b, b, a);
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        prop_assert_eq!(&m.proposal, &as_merged(a));
        let m = merged(b, a, a);
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        prop_assert_eq!(&m.proposal, &as_merged(a));
    }

    #[test]
    fn swapping_the_sides_swaps_the_options_and_nothing_else(
        pair in strategy::edited_pair(5),
        picks in prop::collection::vec((any::<u8>(), any::<prop::sample::Index>()), 0..5),
    ) {
        let (b, a) = (&pair.old, &pair.new);
        let (c, _) = revise(b, &picks);
        let c_draft = c.clone();
        let c2 = |id: &ClauseId, p: &Proposal| p.clause(id.as_str()).map(|x| &x.text).cloned();
        let one = merge::three_way(b, a, &c, &options()).unwrap();
        let swapped = Options::new("merged".parse().unwrap())
            .with_sides("B".parse().unwrap(), "A".parse().unwrap());
        let two = merge::three_way(b, &c, a, &swapped).unwrap();
        prop_assert_eq!(shape(&one.proposal), shape(&two.proposal));
        prop_assert_eq!(one.conflicts.len(), two.conflicts.len());
        for (x, y) in one.conflicts.iter().zip(&two.conflicts) {
            prop_assert_eq!((x.kind, &x.clause, x.field), (y.kind, &y.clause, y.field));
            prop_assert_eq!((&x.ours, &x.theirs), (&y.theirs, &y.ours));
        }
        // Resolved all for ours: ours' text wherever theirs left the base's, theirs' where ours
        // did; the resolution a diff that applies and inverts.
        let r = resolve(&one.proposal, &Resolution::Side("A".parse().unwrap()));
        for c in r.walk() {
            let (base_text, ours_text, theirs_text) = (
                b.clause(c.id.as_str()).map(|x| &x.text),
                a.clause(c.id.as_str()).map(|x| &x.text),
                c2(&c.id, &c_draft),
            );
            if base_text.is_some() && theirs_text.as_ref() == base_text {
                if let Some(o) = ours_text {
                    prop_assert_eq!(&c.text, o, "{}", c.id);
                }
            } else if base_text.is_some() && ours_text == base_text {
                if let Some(t) = &theirs_text {
                    prop_assert_eq!(&c.text, t, "{}", c.id);
                }
            }
        }
        let d = pactum::diff::compare(&one.proposal, &r, &pactum::diff::Options::default());
        prop_assert_eq!(&d.apply(&one.proposal).unwrap(), &r);
        prop_assert_eq!(&d.invert().apply(&r).unwrap(), &one.proposal);
        // Every bracket is a text conflict.
        let text_conflicts = one
            .conflicts
            .iter()
            .filter(|k| matches!(k.kind, ConflictKind::Text | ConflictKind::Options | ConflictKind::Optional))
            .count();
        prop_assert_eq!(Tally::of_proposal(&one.proposal).brackets, text_conflicts);
    }

    #[test]
    fn edits_of_disjoint_clauses_merge_without_conflict(
        pair in strategy::edited_pair(5),
        picks in prop::collection::vec((any::<u8>(), any::<prop::sample::Index>()), 0..5),
    ) {
        let (b, a) = (&pair.old, &pair.new);
        let ours_touched = touched_by(&pair);
        // Theirs revises only clauses ours left alone, away from ours' edits.
        let (c, theirs_touched) = revise(b, &picks);
        prop_assume!(theirs_touched.iter().all(|id| !ours_touched.contains(id)));
        let m = merged(b, a, &c);
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        // Each side's revised clauses stand as that side wrote them.
        for (side, touched) in [(a, &ours_touched), (&c, &theirs_touched)] {
            for id in touched.iter() {
                if let Some(want) = side.clause(id.as_str()) {
                    let got = m.proposal.clause(id.as_str());
                    prop_assert_eq!(got.map(|g| &g.text), Some(&want.text), "{}", id);
                }
            }
        }
    }
}
