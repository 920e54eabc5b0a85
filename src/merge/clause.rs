//! What each merged clause says: its fields, text and commitments three ways, or as one side
//! kept or added it.

use super::tree::{Key, Made, Merger, Node, merge3, shown};
use super::{CommitmentConflict, ConflictKind, Map, seq, text};
use crate::{Clause, ClauseId, Commitment};

impl Merger<'_, '_> {
    /// The merged clause of `k`, without children, with its id settled.
    pub(super) fn content(
        &mut self,
        nodes: &Map<Key, Node>,
        k: Key,
        ids: &Map<Key, ClauseId>,
    ) -> Clause {
        let node = &nodes[&k];
        let id = ids[&k].clone();
        if let Some([a, b]) = node.moved {
            let sides = [
                Some(Self::parent_name(a, ids)),
                Some(Self::parent_name(b, ids)),
            ];
            self.conflict(ConflictKind::Moved, &id, "parent", None, sides);
        }
        let mut clause = match node.made {
            Made::Both(b, o, t) => self.both(b, o, t, &id),
            Made::One(s, i) => {
                let mut c = self.sides[s].clauses[i].head();
                c.id = id.clone();
                self.optional(&mut c, Some(s));
                c
            }
            Made::Kept(b) => {
                // Kept for a clause under it: as the side that still has it gives it, else
                // as the base had it.
                let kept = (0..2).find_map(|s| Some((s, self.revisions[s].of_base[b]?)));
                let mut c = match kept {
                    Some((s, i)) => self.sides[s].clauses[i].head(),
                    None => self.base.clauses[b].head(),
                };
                c.id = id.clone();
                self.optional(&mut c, kept.map(|(s, _)| s));
                c
            }
            Made::Added(0, i) => match self.twin.get(&i) {
                Some(&j) => self.twins(i, j, &id),
                None => self.sides[0].clauses[i].head(),
            },
            Made::Added(s, i) => self.sides[s].clauses[i].head(),
        };
        clause.id = id;
        clause
    }

    /// A clause one side removed and the other kept: its text an optional bracket attributed
    /// to the side `keeper` that kept it (to no one where neither did: kept for a clause
    /// under it).
    fn optional(&mut self, clause: &mut Clause, keeper: Option<usize>) {
        let had = |s: usize| (keeper == Some(s)).then(|| clause.text.clone());
        let sides = [had(0), had(1)];
        if clause.text.trim().is_empty() {
            self.conflict(ConflictKind::Kept, &clause.id.clone(), "text", None, sides);
            return;
        }
        let body = if clause.bracketed {
            clause.text.trim().to_owned()
        } else {
            crate::brackets::escape(clause.text.trim())
        };
        clause.text = match keeper {
            Some(s) => format!("[{body}]{{{}}}", self.parties[s]),
            None => format!("[{body}]"),
        };
        clause.bracketed = true;
        self.conflict(
            ConflictKind::Optional,
            &clause.id.clone(),
            "text",
            Some(0),
            sides,
        );
    }

    /// A clause both sides added under one id and parent: each field as both have it, or,
    /// where they differ, the text as two options and another field as the lesser value
    /// (whichever side has it), with a conflict.
    fn twins(&mut self, i: usize, j: usize, id: &ClauseId) -> Clause {
        let none = Clause::new(id.clone(), "");
        let sides = [self.sides[0].clauses[i], self.sides[1].clauses[j]];
        self.merged(id, &none, sides, [None, None], true)
    }

    /// A base clause both sides kept: each field three ways.
    fn both(&mut self, b: usize, o: usize, t: usize, id: &ClauseId) -> Clause {
        let sides = [self.sides[0].clauses[o], self.sides[1].clauses[t]];
        let changes = [self.revisions[0].text[b], self.revisions[1].text[b]];
        self.merged(id, self.base.clauses[b], sides, changes, false)
    }

    /// Each field of a clause three ways from `cb`, the text by the sides' `changes` from it. A
    /// field both sides changed differently keeps the base value, or, with `lesser` (no base
    /// to keep), takes the lesser of the two, whichever side has it; either way a conflict.
    fn merged(
        &mut self,
        id: &ClauseId,
        cb: &Clause,
        [co, ct]: [&Clause; 2],
        changes: [Option<&crate::diff::TextChange>; 2],
        lesser: bool,
    ) -> Clause {
        let mut c = cb.head();
        macro_rules! field {
            ($($name:ident),*) => {$(
                match merge3(&cb.$name, &co.$name, &ct.$name) {
                    Ok(v) => c.$name = v,
                    Err((x, y)) => {
                        let (x, y) = (shown(&x), shown(&y));
                        if lesser {
                            c.$name = if y < x { ct.$name.clone() } else { co.$name.clone() };
                        }
                        self.conflict(ConflictKind::Field, id, stringify!($name), None, [Some(x), Some(y)]);
                    }
                }
            )*};
        }
        field!(number, heading, kind, deleted, text_basis, sources, answers);
        let [so, st] = [(0, co), (1, ct)].map(|(s, clause)| text::Side {
            text: &clause.text,
            bracketed: clause.bracketed,
            change: changes[s],
            party: self.parties[s],
        });
        let merged = text::merge(&cb.text, cb.bracketed, &so, &st);
        c.text = merged.text;
        c.bracketed = merged.bracketed;
        for d in merged.disputes {
            let kind = if d.options {
                ConflictKind::Options
            } else {
                ConflictKind::Text
            };
            let sides = [Some(d.ours), Some(d.theirs)];
            self.conflict(kind, id, "text", Some(d.offset), sides);
        }
        c.commitments = self.commitments(id, cb, co, ct);
        c
    }

    /// A clause's commitments, by id, three ways; their order merged as a sequence.
    pub(super) fn commitments(
        &mut self,
        id: &ClauseId,
        cb: &Clause,
        co: &Clause,
        ct: &Clause,
    ) -> Vec<Commitment> {
        let by_id = |c: &Clause| -> Vec<crate::CommitmentId> {
            c.commitments.iter().map(|k| k.id.clone()).collect()
        };
        let find = |c: &Clause, k: &crate::CommitmentId| -> Option<Commitment> {
            c.commitments.iter().find(|x| &x.id == k).cloned()
        };
        let (order, _) = seq::merge(&by_id(cb), &by_id(co), &by_id(ct), |k| k.clone());
        let mut out: Vec<Commitment> = Vec::new();
        for k in order {
            if out.iter().any(|x| x.id == k) {
                continue;
            }
            let (b, o, t) = (find(cb, &k), find(co, &k), find(ct, &k));
            let merged = match merge3(&b, &o, &t) {
                Ok(v) => v,
                Err((o, t)) => {
                    let (value, fields) = match (&b, &o, &t) {
                        (Some(b), Some(x), Some(y)) => {
                            let (v, f) = commitment_fields(b, x, y);
                            (Some(v), f)
                        }
                        // Added differently by both: the lesser, whichever side it is; or
                        // dropped by one and changed by the other: kept, changed.
                        (None, Some(x), Some(y)) => (
                            Some(if shown(x) <= shown(y) { x } else { y }.clone()),
                            vec![],
                        ),
                        (_, Some(x), None) | (_, None, Some(x)) => (Some(x.clone()), vec![]),
                        (_, None, None) => (None, vec![]),
                    };
                    self.commitment_conflicts.push(CommitmentConflict {
                        clause: id.clone(),
                        ours: o,
                        theirs: t,
                        fields,
                    });
                    value
                }
            };
            out.extend(merged);
        }
        out
    }
}

/// A commitment both sides changed: each field three ways, a field both changed differently
/// keeping its base value; and those fields.
fn commitment_fields(
    b: &Commitment,
    o: &Commitment,
    t: &Commitment,
) -> (Commitment, Vec<&'static str>) {
    let mut c = b.clone();
    let mut fields = Vec::new();
    macro_rules! field {
        ($($name:ident),*) => {$(
            match merge3(&b.$name, &o.$name, &t.$name) {
                Ok(v) => c.$name = v,
                Err(_) => fields.push(stringify!($name)),
            }
        )*};
    }
    field!(
        obligors,
        beneficiaries,
        modality,
        action,
        scope,
        conditions,
        exceptions,
        force,
        origin
    );
    (c, fields)
}
