//! The text the example prints: a terminal view over the negotiation's data. Shared with the
//! snapshot test (`tests/security_guarantees.rs`), which pins it.

use std::fmt::Write;

use pactum::diff::{CommitmentChange, Options, compare_in};
use pactum::validate::Report;
use pactum::{
    Clause, Commitment, Negotiation, PartyId, PartyRef, Proposal, TextBasis, UnknownPartyError,
};

const WIDTH: usize = 96;

/// Renders the whole view.
pub(crate) fn render(n: &Negotiation, validation: &Report) -> Result<String, UnknownPartyError> {
    let mut out = String::new();
    heading(&mut out, &n.title, '=');
    if let Some(description) = &n.description {
        wrap(&mut out, "", description);
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "Validation: {}",
        validation.to_string().lines().last().unwrap_or_default()
    );
    for problem in validation.problems() {
        wrap(&mut out, "  ", &problem.to_string());
    }
    parties(&mut out, n);
    meetings(&mut out, n);
    proposals(&mut out, n);
    commitments_by_party(&mut out, n)?;
    groups_resolved(&mut out, n)?;
    for answer in ["us-answer-2022-01-26", "nato-answer-2022-01-26"] {
        asked_and_offered(&mut out, n, "ru-nato-2021-12-17", answer);
    }
    Ok(out)
}

fn heading(out: &mut String, title: &str, underline: char) {
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{}",
        underline.to_string().repeat(title.chars().count())
    );
}

fn section(out: &mut String, title: &str) {
    out.push('\n');
    heading(out, title, '-');
}

/// Greedy word wrap: the first line starts with `first`, the others with as many spaces.
fn wrap(out: &mut String, first: &str, text: &str) {
    wrap_units(out, first, text.split_whitespace(), " ");
}

/// Wraps units that must not be split (a unit may hold spaces), joined by `sep`.
fn wrap_units<'a>(
    out: &mut String,
    first: &str,
    units: impl IntoIterator<Item = &'a str>,
    sep: &str,
) {
    let indent = " ".repeat(first.chars().count());
    let mut line = first.to_owned();
    let mut empty = true;
    for unit in units {
        if !empty && line.chars().count() + sep.chars().count() + unit.chars().count() > WIDTH {
            let _ = writeln!(out, "{}{}", line, sep.trim_end());
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push_str(sep);
        }
        line.push_str(unit);
        empty = false;
    }
    let _ = writeln!(out, "{line}");
}

fn ids(ids: &[PartyId]) -> String {
    ids.iter()
        .map(PartyId::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

fn parties(out: &mut String, n: &Negotiation) {
    section(out, &format!("Parties ({})", n.parties().len()));
    let members: std::collections::HashSet<&PartyId> = n
        .parties()
        .flat_map(|p| p.members.iter().map(|m| &m.party))
        .collect();
    let id_width = n
        .parties()
        .map(|p| p.id().as_str().len())
        .max()
        .unwrap_or(0);
    // Members are shown under their alliance, grouped by accession date, not one row each.
    for party in n.parties().filter(|p| !members.contains(p.id())) {
        let mut kind = party.kind.to_string();
        if !party.members.is_empty() {
            kind.push_str(&format!(", {} members", party.members.len()));
        }
        let _ = writeln!(
            out,
            "  {:id_width$}  {:50}  {kind}",
            party.id().as_str(),
            party.name
        );
        let mut dates: Vec<_> = party.members.iter().map(|m| m.since).collect();
        dates.dedup();
        for since in dates {
            let joined: Vec<&str> = party
                .members
                .iter()
                .filter(|m| m.since == since)
                .map(|m| m.party.as_str())
                .collect();
            wrap(
                out,
                &format!("  {:id_width$}    joined {since}:  ", ""),
                &joined.join(" "),
            );
        }
    }
    let names: Vec<String> = n
        .parties()
        .filter(|p| members.contains(p.id()))
        .map(|p| format!("{} {}", p.id(), p.name))
        .collect();
    if !names.is_empty() {
        out.push('\n');
        wrap_units(out, "  Members: ", names.iter().map(String::as_str), ", ");
    }
}

fn meetings(out: &mut String, n: &Negotiation) {
    for m in n.meetings() {
        section(out, &format!("Meeting: {}, {}", m.forum, m.date));
        let field =
            |out: &mut String, name: &str, value: &str| wrap(out, &format!("  {name:<12}"), value);
        if let Some(place) = &m.place {
            field(out, "Place", place);
        }
        if let Some(chair) = &m.chair {
            field(out, "Chair", &person(&chair.name, chair.role.as_deref()));
        }
        let _ = writeln!(out, "  Delegations");
        for d in &m.delegations {
            let label = format!("    {:6}", d.party.as_str());
            let mut lines: Vec<String> = d
                .delegates
                .iter()
                .map(|p| person(&p.name, p.role.as_deref()))
                .collect();
            lines.extend(d.note.clone());
            for (i, line) in lines.iter().enumerate() {
                wrap(out, if i == 0 { &label } else { "          " }, line);
            }
        }
        let agenda: Vec<&str> = m.agenda.iter().map(|p| p.as_str()).collect();
        field(out, "Agenda", &agenda.join(", "));
        if let Some(outcome) = &m.outcome {
            field(out, "Outcome", outcome);
        }
    }
}

fn person(name: &str, role: Option<&str>) -> String {
    match role {
        Some(role) => format!("{name}, {role}"),
        None => name.to_owned(),
    }
}

fn proposals(out: &mut String, n: &Negotiation) {
    section(out, &format!("Proposals ({})", n.proposals().len()));
    for p in n.proposals() {
        let date = p
            .date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        let _ = writeln!(out, "  {}", p.id());
        wrap(out, "    Title       ", &p.title);
        let _ = writeln!(
            out,
            "    Put by      {} on {date}; status: {}",
            p.proposer, p.status
        );
        let bound: Vec<String> = p.parties.iter().map(PartyRef::to_string).collect();
        let _ = writeln!(out, "    Would bind  {}", bound.join(", "));
        if let Some(answered) = &p.answers {
            let _ = writeln!(out, "    Answers     {answered}");
        }
        let translation = p
            .translated_from
            .as_ref()
            .map_or_else(String::new, |l| format!(", translated from {l}"));
        wrap(
            out,
            "    Text        ",
            &format!("{}{translation}; {}", p.language, contents(p)),
        );
        let _ = writeln!(
            out,
            "    Known       {} ({})",
            p.provenance.completeness,
            counted(p.provenance.sources.len(), "source")
        );
        if let Some(note) = &p.provenance.note {
            wrap(out, "    Note        ", note);
        }
    }
}

/// "1 clause", "2 clauses".
fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn contents(p: &Proposal) -> String {
    let count = |basis: TextBasis| {
        p.walk()
            .filter(|c| c.text_basis == basis && !c.text.is_empty())
            .count()
    };
    let mut parts = vec![format!(
        "{}, {}",
        counted(p.preamble.len(), "recital"),
        counted(p.walk().count(), "clause")
    )];
    for (basis, word) in [
        (TextBasis::Verbatim, "verbatim"),
        (TextBasis::Truncated, "truncated"),
        (TextBasis::QuotedInPart, "quoted in part"),
        (TextBasis::Summary, "summarised"),
    ] {
        let k = count(basis);
        if k > 0 {
            parts.push(format!("{k} {word}"));
        }
    }
    parts.join(", ")
}

/// "Article 1, paragraph 2" for an unnumbered paragraph; the number where there is one; the
/// id where there is neither.
fn label(p: &Proposal, target: &Clause) -> String {
    fn find(clauses: &[Clause], target: &Clause, trail: &mut Vec<String>) -> bool {
        for (i, c) in clauses.iter().enumerate() {
            trail.push(
                c.number
                    .clone()
                    .unwrap_or_else(|| format!("paragraph {}", i + 1)),
            );
            if std::ptr::eq(c, target) || find(c.children(), target, trail) {
                return true;
            }
            trail.pop();
        }
        false
    }
    let mut trail = Vec::new();
    if find(&p.clauses, target, &mut trail) && (target.number.is_some() || trail.len() > 1) {
        trail.join(", ")
    } else {
        target.id.to_string()
    }
}

/// Proposal, clause and commitment ids: what makes two parties' bindings the same.
type BindingKey<'a> = (&'a str, &'a str, &'a str);

fn commitments_by_party(out: &mut String, n: &Negotiation) -> Result<(), UnknownPartyError> {
    section(out, "Commitments by party (groups resolved to states)");
    // Parties bound by exactly the same commitments are listed together.
    let mut groups: Vec<(Vec<BindingKey<'_>>, Vec<PartyId>)> = Vec::new();
    for party in n.parties() {
        let bindings = n.bindings(party.id().as_str())?;
        let key: Vec<BindingKey<'_>> = bindings
            .iter()
            .map(|b| {
                (
                    b.proposal.id().as_str(),
                    b.clause.id.as_str(),
                    b.commitment.id.as_str(),
                )
            })
            .collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(party.id().clone()),
            None => groups.push((key, vec![party.id().clone()])),
        }
    }
    for (key, members) in &groups {
        out.push('\n');
        if key.is_empty() {
            wrap(out, "  bound by no commitment: ", &ids(members));
            continue;
        }
        if members.len() == 1 {
            let name = n.party(members[0].as_str()).map_or("", |p| p.name.as_str());
            let _ = writeln!(out, "  {} {name}", members[0]);
        } else {
            wrap(
                out,
                &format!("  {} parties bound the same way: ", members.len()),
                &ids(members),
            );
        }
        let bindings = n.bindings(members[0].as_str())?;
        let mut last_proposal = "";
        for b in bindings {
            let proposal = b.proposal.id().as_str();
            if proposal != last_proposal {
                let _ = writeln!(out, "    {proposal}");
                last_proposal = proposal;
            }
            let mut line = action(b.clause, b.commitment);
            if !b.commitment.scope.areas.is_empty() {
                line.push_str(&format!(" [in: {}]", b.commitment.scope.areas.join("; ")));
            }
            if !b.commitment.conditions.is_empty() {
                line.push_str(&format!(" [if: {}]", b.commitment.conditions.join("; ")));
            }
            if !b.commitment.exceptions.is_empty() {
                line.push_str(&format!(
                    " [unless: {}]",
                    b.commitment.exceptions.join("; ")
                ));
            }
            let force = match b.commitment.force {
                pactum::LegalForce::Political => ", political",
                _ => "",
            };
            let _ = writeln!(
                out,
                "      {}: {}{force}",
                label(b.proposal, b.clause),
                b.commitment.modality
            );
            wrap(out, "        ", &line);
        }
    }
    Ok(())
}

/// Each group obligor with a date of its own, against the group on the proposal's date: who is
/// bound and who is left out.
fn groups_resolved(out: &mut String, n: &Negotiation) -> Result<(), UnknownPartyError> {
    section(out, "Groups bound as of a date of their own");
    let mut any = false;
    for p in n.proposals() {
        for clause in p.walk() {
            for c in &clause.commitments {
                for obligor in &c.obligors {
                    let PartyRef::MembersOf {
                        alliance,
                        as_of: Some(as_of),
                    } = obligor
                    else {
                        continue;
                    };
                    any = true;
                    let bound = n.resolve(obligor, p.date)?;
                    let whole = n.resolve(&PartyRef::members_of(alliance.clone(), None), p.date)?;
                    let left_out: Vec<PartyId> = whole
                        .iter()
                        .filter(|m| !bound.contains(m))
                        .cloned()
                        .collect();
                    let on = p.date.map_or_else(|| "today".to_owned(), |d| d.to_string());
                    let _ = writeln!(
                        out,
                        "  {} {}, commitment {}",
                        p.id(),
                        label(p, clause),
                        c.id
                    );
                    let all = n.obligors_of(p, c)?;
                    let rows = [
                        (
                            format!("bound ({})", bound.len()),
                            format!("members of {alliance} on {as_of}: {}", ids(&bound)),
                        ),
                        (
                            format!("not bound ({})", left_out.len()),
                            format!(
                                "members of {alliance} on {on} that joined later: {}",
                                ids(&left_out)
                            ),
                        ),
                        (format!("all obligors ({})", all.len()), ids(&all)),
                    ];
                    for (name, value) in rows {
                        wrap(out, &format!("    {name:<18}  "), &value);
                    }
                }
            }
        }
    }
    if !any {
        let _ = writeln!(out, "  none");
    }
    Ok(())
}

/// "a" or "an" before a word.
fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// What a commitment binds to do, with the truncation mark where its clause's source stops
/// at the end of it: the data never completes a text the source cut.
fn action(clause: &Clause, c: &Commitment) -> String {
    let cut = clause.text_basis == TextBasis::Truncated
        && clause.text.trim_end().ends_with(c.action.trim_end());
    if cut {
        format!("{} … (the source stops here)", c.action.trim_end())
    } else {
        c.action.clone()
    }
}

/// A commitment as "prohibition, by RU, members of NATO: deploy ...".
fn stated(clause: Option<&Clause>, c: &Commitment) -> String {
    let by: Vec<String> = c.obligors.iter().map(PartyRef::to_string).collect();
    let what = clause.map_or_else(|| c.action.clone(), |clause| action(clause, c));
    format!("{}, by {}: {}", c.modality, by.join(", "), what)
}

/// The comparison of a draft with an answer, commitments first: each commitment the draft
/// asked for, with what the answer offers instead (and which way that moves it), those left
/// unanswered, and those new in the answer.
fn asked_and_offered(out: &mut String, n: &Negotiation, draft: &str, answer: &str) {
    let (Some(old), Some(new)) = (n.proposal(draft), n.proposal(answer)) else {
        return;
    };
    let diff = compare_in(n, old, new, &Options::default());
    section(
        out,
        &format!(
            "What {} asked in {draft}, and what {answer} offers instead",
            old.proposer
        ),
    );
    let label_old = |id: &pactum::ClauseId| {
        old.clause(id.as_str())
            .map_or_else(|| id.to_string(), |c| label(old, c))
    };
    let label_new = |id: &pactum::ClauseId| {
        new.clause(id.as_str())
            .map_or_else(|| id.to_string(), |c| label(new, c))
    };
    // The clauses a change's commitments stand in, for their truncation marks.
    let asked_in = |c: &pactum::diff::CommitmentDiff| {
        c.old_clause.as_ref().and_then(|id| old.clause(id.as_str()))
    };
    let offered_in = |c: &pactum::diff::CommitmentDiff| {
        c.new_clause.as_ref().and_then(|id| new.clause(id.as_str()))
    };
    let mut unanswered = Vec::new();
    let mut new_ones = Vec::new();
    for c in &diff.commitments {
        match (&c.old, &c.new) {
            (Some(asked), Some(offered)) => {
                let place = match (&c.old_clause, &c.new_clause) {
                    (Some(o), Some(nc)) => format!("{} -> {}", label_old(o), label_new(nc)),
                    _ => String::new(),
                };
                let _ = writeln!(out, "  {place}");
                wrap(out, "    asked:    ", &stated(asked_in(c), asked));
                wrap(out, "    offered:  ", &stated(offered_in(c), offered));
                // A change of kind ("a prohibition becomes an offer") comes first; what
                // moved in each field of the commitment is the detail.
                let kind = c.changes.iter().find_map(|k| match k {
                    CommitmentChange::Modality {
                        old,
                        new,
                        direction,
                    } => Some(format!(
                        "the {old} becomes {} {new} ({direction})",
                        a_or_an(&new.to_string())
                    )),
                    _ => None,
                });
                let moves: Vec<String> = c
                    .changes
                    .iter()
                    .filter(|k| !matches!(k, CommitmentChange::Modality { .. }))
                    .filter_map(|k| k.direction().map(|d| format!("{} {d}", k.name())))
                    .collect();
                match kind {
                    Some(kind) => {
                        wrap(out, "    so:       ", &kind);
                        if !moves.is_empty() {
                            wrap(out, "    and:      ", &moves.join(", "));
                        }
                    }
                    None => wrap(out, "    so:       ", &moves.join(", ")),
                }
            }
            (Some(asked), None) if c.changes == [CommitmentChange::Dropped] => {
                let place = c.old_clause.as_ref().map(&label_old).unwrap_or_default();
                unanswered.push(format!("{place}: {}", stated(asked_in(c), asked)));
            }
            (None, Some(offered)) if c.changes == [CommitmentChange::Added] => {
                let place = c.new_clause.as_ref().map(&label_new).unwrap_or_default();
                new_ones.push(format!("{place}: {}", stated(offered_in(c), offered)));
            }
            _ => {}
        }
    }
    for (title, list) in [
        ("Not answered", unanswered),
        ("New in the answer", new_ones),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "  {title}:");
            for item in list {
                wrap(out, "    - ", &item);
            }
        }
    }
}
