//! The diff the other way round.

use super::super::{
    Change, ClauseChangeKind, ClauseDiff, CommitmentChange, CommitmentDiff, Diff, Merge,
    ProposalChange, RecitalChange, Split, Summary, TextChange, TextOp,
};

impl Diff {
    /// The diff from the new proposal to the old one: every change the other way round, every
    /// direction inverted. `d.invert().invert() == d`.
    #[must_use]
    pub fn invert(&self) -> Diff {
        let summary = &self.summary;
        Diff {
            version: self.version,
            old: self.new.clone(),
            new: self.old.clone(),
            party: self.party.clone(),
            commitments: self.commitments.iter().map(invert_commitment).collect(),
            proposal: self.proposal.iter().map(invert_proposal).collect(),
            preamble: self
                .preamble
                .iter()
                .map(|r| match r {
                    RecitalChange::Unchanged { recital } => RecitalChange::Unchanged {
                        recital: recital.clone(),
                    },
                    RecitalChange::Added { recital } => RecitalChange::Removed {
                        recital: recital.clone(),
                    },
                    RecitalChange::Removed { recital } => RecitalChange::Added {
                        recital: recital.clone(),
                    },
                    RecitalChange::Modified { old, new, text } => RecitalChange::Modified {
                        old: new.clone(),
                        new: old.clone(),
                        text: invert_text(text),
                    },
                })
                .collect(),
            clauses: self.clauses.iter().map(invert_clause).collect(),
            splits: self
                .merges
                .iter()
                .map(|m| Split {
                    old: m.new.clone(),
                    new: m.old.clone(),
                    coverage: m.coverage,
                })
                .collect(),
            merges: self
                .splits
                .iter()
                .map(|s| Merge {
                    old: s.new.clone(),
                    new: s.old.clone(),
                    coverage: s.coverage,
                })
                .collect(),
            brackets: self.brackets.map(|t| crate::brackets::TallyChange {
                old: t.new,
                new: t.old,
            }),
            summary: Summary {
                old_clauses: summary.new_clauses,
                new_clauses: summary.old_clauses,
                added: summary.removed,
                removed: summary.added,
                splits: summary.merges,
                merges: summary.splits,
                ..summary.clone()
            },
            approximate: self.approximate,
        }
    }
}

fn swap<T: Clone>(c: &Change<T>) -> Change<T> {
    Change {
        old: c.new.clone(),
        new: c.old.clone(),
    }
}

fn invert_text(t: &TextChange) -> TextChange {
    TextChange {
        ops: t
            .ops
            .iter()
            .map(|op| match op {
                TextOp::Equal(s) => TextOp::Equal(s.clone()),
                TextOp::Delete(s) => TextOp::Insert(s.clone()),
                TextOp::Insert(s) => TextOp::Delete(s.clone()),
            })
            .collect(),
        granularity: t.granularity,
        typographic_only: t.typographic_only,
    }
}

fn invert_clause(c: &ClauseDiff) -> ClauseDiff {
    ClauseDiff {
        kinds: c
            .kinds
            .iter()
            .map(|k| match k {
                ClauseChangeKind::Added => ClauseChangeKind::Removed,
                ClauseChangeKind::Removed => ClauseChangeKind::Added,
                k => k,
            })
            .collect(),
        old: c.new.clone(),
        new: c.old.clone(),
        matched_by: c.matched_by,
        similarity: c.similarity,
        text: c.text.as_ref().map(invert_text),
        heading: c.heading.as_ref().map(swap),
        number: c.number.as_ref().map(swap),
        kind: c.kind.as_ref().map(swap),
        deleted: c.deleted.as_ref().map(swap),
        bracketed: c.bracketed.as_ref().map(swap),
        brackets: c.brackets.as_ref().map(|b| {
            let mut b = b.clone();
            b.tally = crate::brackets::TallyChange {
                old: b.tally.new,
                new: b.tally.old,
            };
            b.changes = b
                .changes
                .iter()
                .map(super::super::BracketChange::inverse)
                .collect();
            b
        }),
        text_basis: c.text_basis.as_ref().map(swap),
        sources: c.sources.as_ref().map(swap),
        answers: c.answers.as_ref().map(swap),
        clause: c.clause.clone(),
    }
}

fn invert_proposal(c: &ProposalChange) -> ProposalChange {
    use ProposalChange as P;
    match c {
        P::Title { old, new } => P::Title {
            old: new.clone(),
            new: old.clone(),
        },
        P::Proposer { old, new } => P::Proposer {
            old: new.clone(),
            new: old.clone(),
        },
        P::Parties { old, new } => P::Parties {
            old: new.clone(),
            new: old.clone(),
        },
        P::Date { old, new } => P::Date {
            old: *new,
            new: *old,
        },
        P::Status { old, new } => P::Status {
            old: *new,
            new: *old,
        },
        P::Answers { old, new } => P::Answers {
            old: new.clone(),
            new: old.clone(),
        },
        P::Supersedes { old, new } => P::Supersedes {
            old: new.clone(),
            new: old.clone(),
        },
        P::Language { old, new } => P::Language {
            old: new.clone(),
            new: old.clone(),
        },
        P::TranslatedFrom { old, new } => P::TranslatedFrom {
            old: new.clone(),
            new: old.clone(),
        },
        P::Provenance { old, new } => P::Provenance {
            old: new.clone(),
            new: old.clone(),
        },
        P::IdsFromNumbering { old, new } => P::IdsFromNumbering {
            old: *new,
            new: *old,
        },
    }
}

fn invert_commitment(c: &CommitmentDiff) -> CommitmentDiff {
    use CommitmentChange as K;
    CommitmentDiff {
        old_clause: c.new_clause.clone(),
        new_clause: c.old_clause.clone(),
        old: c.new.clone(),
        new: c.old.clone(),
        old_index: c.new_index,
        new_index: c.old_index,
        old_excerpt: c.new_excerpt.clone(),
        new_excerpt: c.old_excerpt.clone(),
        old_obligors: c.new_obligors.clone(),
        new_obligors: c.old_obligors.clone(),
        matched_by: c.matched_by,
        changes: c
            .changes
            .iter()
            .map(|k| match k {
                K::Added => K::Dropped,
                K::Dropped => K::Added,
                K::Modality {
                    old,
                    new,
                    direction,
                } => K::Modality {
                    old: *new,
                    new: *old,
                    direction: direction.inverse(),
                },
                K::Obligors {
                    added,
                    removed,
                    parties_added,
                    parties_removed,
                    direction,
                } => K::Obligors {
                    added: removed.clone(),
                    removed: added.clone(),
                    parties_added: parties_removed.clone(),
                    parties_removed: parties_added.clone(),
                    direction: direction.inverse(),
                },
                K::Beneficiaries {
                    added,
                    removed,
                    direction,
                } => K::Beneficiaries {
                    added: removed.clone(),
                    removed: added.clone(),
                    direction: direction.inverse(),
                },
                K::Action { text } => K::Action {
                    text: invert_text(text),
                },
                K::Scope {
                    areas_added,
                    areas_removed,
                    from,
                    until,
                    direction,
                } => K::Scope {
                    areas_added: areas_removed.clone(),
                    areas_removed: areas_added.clone(),
                    from: from.as_ref().map(swap),
                    until: until.as_ref().map(swap),
                    direction: direction.inverse(),
                },
                K::Conditions {
                    added,
                    removed,
                    direction,
                } => K::Conditions {
                    added: removed.clone(),
                    removed: added.clone(),
                    direction: direction.inverse(),
                },
                K::Exceptions {
                    added,
                    removed,
                    direction,
                } => K::Exceptions {
                    added: removed.clone(),
                    removed: added.clone(),
                    direction: direction.inverse(),
                },
                K::Force {
                    old,
                    new,
                    direction,
                } => K::Force {
                    old: *new,
                    new: *old,
                    direction: direction.inverse(),
                },
                K::Moved => K::Moved,
            })
            .collect(),
    }
}
