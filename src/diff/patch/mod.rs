//! The diff as a patch: apply it to the old proposal to rebuild the new one, or invert it.

mod commitments;
mod invert;

use super::align::FxMap;
use super::{ClauseDiff, Diff, Placement, ProposalChange, RecitalChange};
use crate::{Clause, ClauseId, Proposal};

/// A diff that does not fit the proposal it is applied to. Nothing was changed: a patch
/// applies whole or not at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the diff does not fit `{proposal}`: {change}: {problem}")]
pub struct PatchError {
    proposal: String,
    kind: PatchErrorKind,
    change: String,
    problem: String,
}

/// What kind of misfit a [`PatchError`] is, for a program to match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PatchErrorKind {
    /// The diff was made from another proposal.
    WrongProposal,
    /// A value is not the one the change expects to replace (a field, a text, a recital).
    Mismatch,
    /// The diff names an old clause that the proposal does not have.
    MissingClause,
    /// The diff does not account for every old clause exactly once: one is left out, or named
    /// by two entries.
    Unaccounted,
    /// An entry is not whole: it has neither side, or an added or removed clause carries no
    /// content, or content with children (each child has its own entry).
    MalformedEntry,
    /// A clause id is used twice, in the proposal or in the result.
    DuplicateClauseId,
    /// The new places do not form a tree: siblings leave a gap or repeat, a parent is
    /// missing, or the clauses nest too deep.
    BadPlaces,
    /// A clause of the result would hold two commitments with one id.
    DuplicateCommitmentId,
    /// The diff is a party's view ([`Diff::for_party`]), which lists only some clauses.
    View,
}

impl PatchError {
    /// What kind of misfit it is.
    pub fn kind(&self) -> PatchErrorKind {
        self.kind
    }

    /// Which change did not fit: `clauses[3] (art-4)`, `proposal.title`, `preamble[1]`.
    pub fn change(&self) -> &str {
        &self.change
    }

    /// What was found instead of what the change expects.
    pub fn problem(&self) -> &str {
        &self.problem
    }
}

struct Fail<'a> {
    proposal: &'a Proposal,
}

impl Fail<'_> {
    fn at(
        &self,
        kind: PatchErrorKind,
        change: impl Into<String>,
        problem: impl Into<String>,
    ) -> PatchError {
        PatchError {
            proposal: self.proposal.id().to_string(),
            kind,
            change: change.into(),
            problem: problem.into(),
        }
    }
}

/// Checks that `current` is a change's `old` value.
fn expect<T: PartialEq + std::fmt::Debug>(
    fail: &Fail<'_>,
    change: &str,
    current: &T,
    old: &T,
) -> Result<(), PatchError> {
    if current == old {
        Ok(())
    } else {
        Err(fail.at(
            PatchErrorKind::Mismatch,
            change,
            format!("expected {old:?}, found {current:?}"),
        ))
    }
}

impl Diff {
    /// Applies the diff to `old`, which must be the proposal it was made from, and returns the
    /// new proposal, equal in every field to the one the diff was made to.
    ///
    /// Every change checks what it expects before anything is built (as JSON Patch's `test`
    /// operation does): the proposal's id and fields, each clause's place, number and content,
    /// each recital. The first change that does not fit is named in the error, and `old` is
    /// never half-changed. Clauses are addressed by id, so a diff between drafts that repeat a
    /// clause id (a `duplicate_clause_id` error of validation) does not apply: the error names
    /// the repeated id.
    ///
    /// ```
    /// use pactum::diff::{compare, Options};
    /// use pactum::{Clause, Proposal};
    ///
    /// let a = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
    ///     .with_clause(Clause::new("x".parse()?, "The Parties shall consult."));
    /// let mut b = a.clone();
    /// b.clauses[0].text = "The Parties should consult.".into();
    /// let diff = compare(&a, &b, &Options::default());
    /// assert_eq!(diff.apply(&a).unwrap(), b);
    /// assert_eq!(diff.invert().apply(&b).unwrap(), a);
    /// // Applied to what it was not made from, it fails whole.
    /// let err = diff.apply(&b).unwrap_err();
    /// assert_eq!(err.change(), "clauses[0] (x).text");
    /// # Ok::<(), pactum::IdError>(())
    /// ```
    pub fn apply(&self, old: &Proposal) -> Result<Proposal, PatchError> {
        let fail = Fail { proposal: old };
        if let Some(party) = &self.party {
            return Err(fail.at(
                PatchErrorKind::View,
                "party",
                format!("a view for `{party}` lists only some clauses; apply the whole diff"),
            ));
        }
        if old.id() != &self.old {
            return Err(fail.at(
                PatchErrorKind::WrongProposal,
                "proposal.id",
                format!("the diff was made from `{}`", self.old),
            ));
        }
        // The proposal's own fields.
        let mut new = Proposal::new(self.new.clone(), old.title.clone(), old.proposer.clone());
        new.parties = old.parties.clone();
        new.date = old.date;
        new.status = old.status;
        new.answers = old.answers.clone();
        new.supersedes = old.supersedes.clone();
        new.preamble = old.preamble.clone();
        new.language = old.language.clone();
        new.translated_from = old.translated_from.clone();
        new.ids_from_numbering = old.ids_from_numbering;
        new.provenance = old.provenance.clone();
        for change in &self.proposal {
            let name = format!("proposal.{}", change.field());
            match change {
                ProposalChange::Title { old: o, new: n } => {
                    expect(&fail, &name, &new.title, o)?;
                    new.title = n.clone();
                }
                ProposalChange::Proposer { old: o, new: n } => {
                    expect(&fail, &name, &new.proposer, o)?;
                    new.proposer = n.clone();
                }
                ProposalChange::Parties { old: o, new: n } => {
                    expect(&fail, &name, &new.parties, o)?;
                    new.parties = n.clone();
                }
                ProposalChange::Date { old: o, new: n } => {
                    expect(&fail, &name, &new.date, o)?;
                    new.date = *n;
                }
                ProposalChange::Status { old: o, new: n } => {
                    expect(&fail, &name, &new.status, o)?;
                    new.status = *n;
                }
                ProposalChange::Answers { old: o, new: n } => {
                    expect(&fail, &name, &new.answers, o)?;
                    new.answers = n.clone();
                }
                ProposalChange::Supersedes { old: o, new: n } => {
                    expect(&fail, &name, &new.supersedes, o)?;
                    new.supersedes = n.clone();
                }
                ProposalChange::Language { old: o, new: n } => {
                    expect(&fail, &name, &new.language, o)?;
                    new.language = n.clone();
                }
                ProposalChange::TranslatedFrom { old: o, new: n } => {
                    expect(&fail, &name, &new.translated_from, o)?;
                    new.translated_from = n.clone();
                }
                ProposalChange::Provenance { old: o, new: n } => {
                    expect(&fail, &name, &new.provenance, o)?;
                    new.provenance = n.clone();
                }
                ProposalChange::IdsFromNumbering { old: o, new: n } => {
                    expect(&fail, &name, &new.ids_from_numbering, o)?;
                    new.ids_from_numbering = *n;
                }
            }
        }

        // The preamble, recital by recital.
        if !self.preamble.is_empty() {
            let mut rebuilt = Vec::new();
            let mut at = 0;
            for (i, r) in self.preamble.iter().enumerate() {
                let name = format!("preamble[{i}]");
                let mut take = |expected: &crate::Recital| -> Result<(), PatchError> {
                    match old.preamble.get(at) {
                        Some(found) if found == expected => {
                            at += 1;
                            Ok(())
                        }
                        found => Err(fail.at(
                            PatchErrorKind::Mismatch,
                            name.clone(),
                            format!(
                                "expected recital {:?}, found {:?}",
                                expected.text,
                                found.map(|f| &f.text)
                            ),
                        )),
                    }
                };
                match r {
                    RecitalChange::Unchanged { recital } => {
                        take(recital)?;
                        rebuilt.push(recital.clone());
                    }
                    RecitalChange::Removed { recital } => take(recital)?,
                    RecitalChange::Modified { old: o, new: n, .. } => {
                        take(o)?;
                        rebuilt.push(n.clone());
                    }
                    RecitalChange::Added { recital } => rebuilt.push(recital.clone()),
                }
            }
            if at != old.preamble.len() {
                return Err(fail.at(
                    PatchErrorKind::Mismatch,
                    "preamble",
                    format!(
                        "the proposal has {} recitals, the diff accounts for {at}",
                        old.preamble.len()
                    ),
                ));
            }
            new.preamble = rebuilt;
        }

        // The clauses: every old clause must be accounted for, where the diff says it is.
        let mut by_id: FxMap<&ClauseId, (&Clause, Option<&ClauseId>, usize)> = FxMap::default();
        let mut count = 0;
        let mut stack: Vec<(&Clause, Option<&ClauseId>, usize)> = old
            .clauses
            .iter()
            .enumerate()
            .rev()
            .map(|(i, c)| (c, None, i))
            .collect();
        while let Some((c, parent, index)) = stack.pop() {
            count += 1;
            if by_id.insert(&c.id, (c, parent, index)).is_some() {
                return Err(fail.at(
                    PatchErrorKind::DuplicateClauseId,
                    format!("clause {}", c.id),
                    "the clause id is used twice; a patch needs unique ids",
                ));
            }
            stack.extend(
                c.children()
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, k)| (k, Some(&c.id), i)),
            );
        }
        // Each old clause is named once: a second entry for one clause would leave another
        // unaccounted for, so both are refused by name.
        let mut named: std::collections::HashSet<&ClauseId, super::align::Seeded> =
            std::collections::HashSet::with_capacity_and_hasher(count, Default::default());
        // A new id named twice is refused before anything is rebuilt, so that the commitments
        // of two clauses that share an id are never mixed up first.
        let mut placed: std::collections::HashSet<&ClauseId, super::align::Seeded> =
            std::collections::HashSet::with_capacity_and_hasher(count, Default::default());
        if let Some(place) = self
            .clauses
            .iter()
            .filter_map(|c| c.new.as_ref())
            .find(|place| !placed.insert(&place.id))
        {
            return Err(fail.at(
                PatchErrorKind::DuplicateClauseId,
                format!("clause {}", place.id),
                "the new clause id is used twice; a patch needs unique ids",
            ));
        }
        let mut heads: Vec<(&Placement, Clause)> = Vec::new();
        let mut lists = commitments::Lists::new(&fail, &self.commitments)?;
        for (i, c) in self.clauses.iter().enumerate() {
            let side = c.new.as_ref().or(c.old.as_ref());
            let Some(side) = side else {
                return Err(fail.at(
                    PatchErrorKind::MalformedEntry,
                    format!("clauses[{i}]"),
                    "a clause change with neither side",
                ));
            };
            let name = format!("clauses[{i}] ({})", side.id);
            let found = match &c.old {
                Some(p) => {
                    let Some(&(clause, parent, index)) = by_id.get(&p.id) else {
                        return Err(fail.at(
                            PatchErrorKind::MissingClause,
                            name,
                            format!("the proposal has no clause `{}`", p.id),
                        ));
                    };
                    if !named.insert(&p.id) {
                        return Err(fail.at(
                            PatchErrorKind::Unaccounted,
                            name,
                            format!("the old clause `{}` is named by an earlier entry too", p.id),
                        ));
                    }
                    if parent != p.parent.as_ref() || index != p.index || clause.number != p.number
                    {
                        return Err(fail.at(
                            PatchErrorKind::Mismatch,
                            name,
                            format!(
                                "expected it as {:?} at {} under {:?}, found {:?} at {} under {:?}",
                                p.number, p.index, p.parent, clause.number, index, parent
                            ),
                        ));
                    }
                    Some(clause)
                }
                None => None,
            };
            let content = |what: &str| -> Result<&Clause, PatchError> {
                let content = c.clause.as_deref().ok_or_else(|| {
                    fail.at(
                        PatchErrorKind::MalformedEntry,
                        name.clone(),
                        format!("{what} clause carries no content"),
                    )
                })?;
                if !content.commitments.is_empty() {
                    return Err(fail.at(
                        PatchErrorKind::MalformedEntry,
                        name.clone(),
                        format!(
                            "{what} clause's content holds commitments; each is an entry of `commitments`"
                        ),
                    ));
                }
                if !content.children().is_empty() {
                    return Err(fail.at(
                        PatchErrorKind::MalformedEntry,
                        name.clone(),
                        format!(
                            "{what} clause's content holds {} children; each child has an entry of its own",
                            content.children().len()
                        ),
                    ));
                }
                Ok(content)
            };
            match (found, &c.new) {
                (Some(clause), None) => {
                    // Removed: its content must be what the diff removes, and its commitments
                    // what the diff drops.
                    let expected = content("a removed")?;
                    let mut head = clause.head();
                    head.commitments =
                        lists.rebuild(&fail, Some((&clause.id, &clause.commitments)), None)?;
                    expect(&fail, &name, &head, expected)?;
                }
                (None, Some(place)) => {
                    let mut head = content("an added")?.head();
                    head.commitments = lists.rebuild(&fail, None, Some(&place.id))?;
                    heads.push((place, head));
                }
                (Some(clause), Some(place)) => {
                    let mut head = changed(&fail, &name, clause, c)?;
                    head.commitments = lists.rebuild(
                        &fail,
                        Some((&clause.id, &clause.commitments)),
                        Some(&place.id),
                    )?;
                    heads.push((place, head));
                }
                (None, None) => unreachable!("an entry without sides was refused above"),
            }
        }
        if named.len() != count {
            // Name the first old clause, in document order, that no entry accounts for.
            let missing = old
                .walk()
                .find(|c| !named.contains(&c.id))
                .map_or_else(String::new, |c| format!(" (first: `{}`)", c.id));
            return Err(fail.at(
                PatchErrorKind::Unaccounted,
                "clauses",
                format!(
                    "the proposal has {count} clauses, the diff accounts for {}{missing}",
                    named.len()
                ),
            ));
        }
        lists.finish(&fail)?;
        new.clauses = build(&fail, heads)?;
        Ok(new)
    }
}

/// A paired clause's new head: the old head with the diff's changes, each checked first.
fn changed(
    fail: &Fail<'_>,
    name: &str,
    clause: &Clause,
    c: &ClauseDiff,
) -> Result<Clause, PatchError> {
    let mut h = clause.head();
    h.id = c
        .new
        .as_ref()
        .map_or_else(|| h.id.clone(), |p| p.id.clone());
    if let Some(t) = &c.text {
        expect(fail, &format!("{name}.text"), &h.text, &t.old_text())?;
        h.text = t.new_text();
    }
    macro_rules! field {
        ($field:ident) => {
            if let Some(change) = &c.$field {
                expect(
                    fail,
                    &format!("{name}.{}", stringify!($field)),
                    &h.$field,
                    &change.old,
                )?;
                h.$field = change.new.clone();
            }
        };
    }
    field!(heading);
    field!(number);
    field!(kind);
    field!(deleted);
    field!(bracketed);
    field!(text_basis);
    field!(sources);
    field!(answers);
    Ok(h)
}

/// Builds the clause tree from each clause's head and place.
fn build(fail: &Fail<'_>, heads: Vec<(&Placement, Clause)>) -> Result<Vec<Clause>, PatchError> {
    let mut children: FxMap<Option<ClauseId>, Vec<(usize, Clause)>> = FxMap::default();
    let mut ids = std::collections::HashSet::with_hasher(super::align::Seeded::default());
    for (place, clause) in heads {
        let mut seen = std::collections::HashSet::with_capacity(clause.commitments.len());
        if let Some(k) = clause.commitments.iter().find(|k| !seen.insert(&k.id)) {
            return Err(fail.at(
                PatchErrorKind::DuplicateCommitmentId,
                format!("clause {}", place.id),
                format!("the commitment id `{}` is used twice in the clause", k.id),
            ));
        }
        if !ids.insert(&place.id) {
            return Err(fail.at(
                PatchErrorKind::DuplicateClauseId,
                format!("clause {}", place.id),
                "the new clause id is used twice; a patch needs unique ids",
            ));
        }
        children
            .entry(place.parent.clone())
            .or_default()
            .push((place.index, clause));
    }
    for list in children.values_mut() {
        list.sort_by_key(|(i, _)| *i);
        if list.iter().enumerate().any(|(k, (i, _))| k != *i) {
            return Err(fail.at(
                PatchErrorKind::BadPlaces,
                "clauses",
                "the new places of sibling clauses leave a gap or repeat",
            ));
        }
    }
    // Depth first from the top, children attached bottom-up so that every push checks the
    // nesting bound against a finished subtree.
    fn attach(
        fail: &Fail<'_>,
        children: &mut FxMap<Option<ClauseId>, Vec<(usize, Clause)>>,
        mut clause: Clause,
        depth: usize,
    ) -> Result<Clause, PatchError> {
        if depth > crate::MAX_CLAUSE_DEPTH {
            return Err(fail.at(
                PatchErrorKind::BadPlaces,
                format!("clause {}", clause.id),
                "the new clauses nest too deep",
            ));
        }
        let id = clause.id.clone();
        let kids = children.remove(&Some(id.clone())).unwrap_or_default();
        for (_, kid) in kids {
            let kid = attach(fail, children, kid, depth + 1)?;
            clause.push_child(kid).map_err(|e| {
                fail.at(
                    PatchErrorKind::BadPlaces,
                    format!("clause {id}"),
                    e.to_string(),
                )
            })?;
        }
        Ok(clause)
    }
    let top = children.remove(&None).unwrap_or_default();
    let mut out = Vec::with_capacity(top.len());
    for (_, clause) in top {
        out.push(attach(fail, &mut children, clause, 1)?);
    }
    if let Some(parent) = children.into_keys().flatten().min() {
        return Err(fail.at(
            PatchErrorKind::BadPlaces,
            "clauses",
            format!("clauses are placed under `{parent}`, which the new proposal does not have"),
        ));
    }
    Ok(out)
}
