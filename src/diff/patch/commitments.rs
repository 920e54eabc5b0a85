//! Each clause's commitments rebuilt from [`Diff::commitments`](super::super::Diff), the one
//! record of what changed in them.

use super::super::CommitmentDiff;
use super::super::align::FxMap;
use super::{Fail, PatchError, PatchErrorKind};
use crate::{ClauseId, Commitment};

/// The entries of `Diff::commitments` that place or take a commitment (those with an index),
/// by the clause they stand in. Entries read from the text alone (no index) describe a text
/// change and play no part here.
pub(super) struct Lists<'a> {
    entries: &'a [CommitmentDiff],
    by_old: FxMap<&'a ClauseId, Vec<usize>>,
    by_new: FxMap<&'a ClauseId, Vec<usize>>,
    used: Vec<bool>,
}

impl<'a> Lists<'a> {
    pub(super) fn new(fail: &Fail<'_>, entries: &'a [CommitmentDiff]) -> Result<Self, PatchError> {
        let mut lists = Lists {
            entries,
            by_old: FxMap::default(),
            by_new: FxMap::default(),
            used: vec![false; entries.len()],
        };
        for (i, e) in entries.iter().enumerate() {
            let malformed = |problem: &str| {
                fail.at(
                    PatchErrorKind::MalformedEntry,
                    format!("commitments[{i}]"),
                    problem,
                )
            };
            if e.old.is_some() != e.old_index.is_some() || e.new.is_some() != e.new_index.is_some()
            {
                return Err(malformed(
                    "a commitment and its index come together: one is missing",
                ));
            }
            match (&e.old_clause, e.old_index) {
                (Some(id), Some(_)) => lists.by_old.entry(id).or_default().push(i),
                (None, Some(_)) => return Err(malformed("an old commitment with no old clause")),
                _ => {}
            }
            match (&e.new_clause, e.new_index) {
                (Some(id), Some(_)) => lists.by_new.entry(id).or_default().push(i),
                (None, Some(_)) => return Err(malformed("a new commitment with no new clause")),
                _ => {}
            }
            if e.old_index.is_none() && e.new_index.is_none() {
                lists.used[i] = true;
            }
        }
        Ok(lists)
    }

    /// The commitments of one clause of the result (`new`), or none for a removed clause: the
    /// old clause's list without what the entries take, with what they place at their index,
    /// the rest kept in order in the free places. Every entry is checked against the list.
    pub(super) fn rebuild(
        &mut self,
        fail: &Fail<'_>,
        old: Option<(&ClauseId, &[Commitment])>,
        new: Option<&ClauseId>,
    ) -> Result<Vec<Commitment>, PatchError> {
        let (old_id, old_list) = old.map_or((None, &[][..]), |(id, l)| (Some(id), l));
        let mut kept = vec![true; old_list.len()];
        for &i in old_id
            .and_then(|id| self.by_old.get(id))
            .into_iter()
            .flatten()
        {
            let e = &self.entries[i];
            let name = format!("commitments[{i}]");
            if e.new.is_some() && e.new_clause.as_ref() != new {
                return Err(fail.at(
                    PatchErrorKind::MalformedEntry,
                    name,
                    "it pairs commitments of two clauses that the clause entries do not pair",
                ));
            }
            let Some(at) = e.old_index else { continue };
            match old_list.get(at) {
                Some(found) if Some(found) == e.old.as_deref() => {}
                found => {
                    return Err(fail.at(
                        PatchErrorKind::Mismatch,
                        name,
                        format!(
                            "expected commitment {:?} at {at}, found {:?}",
                            e.old.as_ref().map(|c| &c.id),
                            found.map(|c| &c.id)
                        ),
                    ));
                }
            }
            if !kept[at] {
                return Err(fail.at(
                    PatchErrorKind::Unaccounted,
                    name,
                    format!("the old commitment at {at} is named by an earlier entry too"),
                ));
            }
            kept[at] = false;
            self.used[i] = true;
        }
        let mut placed: Vec<(usize, usize)> = Vec::new();
        for &i in new.and_then(|id| self.by_new.get(id)).into_iter().flatten() {
            let e = &self.entries[i];
            if e.old.is_some() && e.old_clause.as_ref() != old_id {
                return Err(fail.at(
                    PatchErrorKind::MalformedEntry,
                    format!("commitments[{i}]"),
                    "it pairs commitments of two clauses that the clause entries do not pair",
                ));
            }
            if let Some(at) = e.new_index {
                placed.push((at, i));
                self.used[i] = true;
            }
        }
        let rest = kept.iter().filter(|k| **k).count();
        if new.is_none() {
            if let Some(at) = kept.iter().position(|k| *k) {
                return Err(fail.at(
                    PatchErrorKind::Unaccounted,
                    format!("clause {}", old_id.map_or("", |id| id.as_str())),
                    format!(
                        "the clause is removed, but no entry drops its commitment `{}`",
                        old_list[at].id
                    ),
                ));
            }
            return Ok(Vec::new());
        }
        let mut slots: Vec<Option<&Commitment>> = vec![None; rest + placed.len()];
        for (at, i) in placed {
            let len = slots.len();
            match (slots.get_mut(at), &self.entries[i].new) {
                (Some(slot @ None), Some(c)) => *slot = Some(c),
                _ => {
                    return Err(fail.at(
                        PatchErrorKind::MalformedEntry,
                        format!("commitments[{i}]"),
                        format!("it places a commitment at {at}, taken or past the clause's {len}"),
                    ));
                }
            }
        }
        let mut rest = old_list
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c);
        // The free places are exactly as many as the kept commitments, so each finds one.
        Ok(slots
            .into_iter()
            .filter_map(|slot| slot.or_else(|| rest.next()))
            .cloned()
            .collect())
    }

    /// Checks that every entry found its clause.
    pub(super) fn finish(&self, fail: &Fail<'_>) -> Result<(), PatchError> {
        match self.used.iter().position(|u| !u) {
            Some(i) => Err(fail.at(
                PatchErrorKind::MalformedEntry,
                format!("commitments[{i}]"),
                "it names a clause that no clause entry of the diff stands for that way",
            )),
            None => Ok(()),
        }
    }
}
