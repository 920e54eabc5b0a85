//! The invariants of a diff, checked: what [`compare`](super::compare) always makes, and what
//! reading a diff from JSON demands before anyone applies or renders it.

use std::collections::HashSet;

use super::align::{FxMap, Seeded};
use super::{ClauseChangeKind, ClauseDiff, Diff, Placement};
use crate::ClauseId;

/// A diff that breaks one of its invariants, with where (`$.clauses[3].new`) and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct DiffError {
    path: String,
    message: String,
}

impl DiffError {
    fn at(path: impl Into<String>, message: impl Into<String>) -> DiffError {
        DiffError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Where in the diff: a path such as `$.clauses[3].new` or `$.splits[0].old`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, lower-case and without trailing punctuation.
    pub fn message(&self) -> &str {
        &self.message
    }
}

type IdSet<'a> = HashSet<&'a ClauseId, Seeded>;

impl Diff {
    /// Checks the diff's invariants, which every diff [`compare`](super::compare) makes holds
    /// and which reading a diff from JSON checks before it returns one:
    ///
    /// - every clause entry has a side, and its kinds fit its sides (an added clause has only a
    ///   new side and carries its content, a removed one only an old side and its content,
    ///   every other kind both sides);
    /// - clause ids are distinct on each side;
    /// - on each side, the places form a tree: every parent is a clause of that side, siblings
    ///   are numbered from 0 without a gap or a repeat, and no clause is its own ancestor
    ///   (except in a party's view, which keeps only some clauses);
    /// - splits, merges and commitment changes name clauses of the right side;
    /// - a commitment change that holds an old or a new commitment says where it stands in its
    ///   clause (`old_index`, `new_index`), and no two name one place.
    ///
    /// [`apply`](Diff::apply) checks, besides, that the diff fits the proposal it is applied to.
    pub fn check(&self) -> Result<(), DiffError> {
        let mut old_ids: IdSet<'_> =
            HashSet::with_capacity_and_hasher(self.clauses.len(), Default::default());
        let mut new_ids: IdSet<'_> =
            HashSet::with_capacity_and_hasher(self.clauses.len(), Default::default());
        for (i, c) in self.clauses.iter().enumerate() {
            let at = format!("$.clauses[{i}]");
            entry(c, &at)?;
            for (side, ids, name) in [(&c.old, &mut old_ids, "old"), (&c.new, &mut new_ids, "new")]
            {
                if let Some(p) = side {
                    if !ids.insert(&p.id) {
                        return Err(DiffError::at(
                            format!("{at}.{name}.id"),
                            format!(
                                "the {name} clause id `{}` is used by an earlier entry too",
                                p.id
                            ),
                        ));
                    }
                }
            }
        }
        // A party's view keeps only some clauses: its places are parts of the two trees.
        if self.party.is_none() {
            tree(self.clauses.iter().map(|c| c.old.as_ref()), "old")?;
            tree(self.clauses.iter().map(|c| c.new.as_ref()), "new")?;
        }
        let known = |ids: &IdSet<'_>, id: &ClauseId, path: String, side: &str| {
            if ids.contains(id) {
                Ok(())
            } else {
                Err(DiffError::at(
                    path,
                    format!("no {side} clause `{id}` in the diff"),
                ))
            }
        };
        for (i, s) in self.splits.iter().enumerate() {
            known(&old_ids, &s.old, format!("$.splits[{i}].old"), "old")?;
            for (k, id) in s.new.iter().enumerate() {
                known(&new_ids, id, format!("$.splits[{i}].new[{k}]"), "new")?;
            }
        }
        for (i, m) in self.merges.iter().enumerate() {
            for (k, id) in m.old.iter().enumerate() {
                known(&old_ids, id, format!("$.merges[{i}].old[{k}]"), "old")?;
            }
            known(&new_ids, &m.new, format!("$.merges[{i}].new"), "new")?;
        }
        let mut places: HashSet<(bool, &ClauseId, usize), Seeded> = HashSet::default();
        for (i, k) in self.commitments.iter().enumerate() {
            for (clause, ids, index, commitment, name) in [
                (&k.old_clause, &old_ids, k.old_index, k.old.is_some(), "old"),
                (&k.new_clause, &new_ids, k.new_index, k.new.is_some(), "new"),
            ] {
                let at = format!("$.commitments[{i}]");
                if let Some(id) = clause {
                    known(ids, id, format!("{at}.{name}_clause"), name)?;
                }
                if commitment != index.is_some() {
                    return Err(DiffError::at(
                        format!("{at}.{name}_index"),
                        format!("the {name} commitment and its index come together"),
                    ));
                }
                let Some(index) = index else { continue };
                let Some(id) = clause else {
                    return Err(DiffError::at(
                        format!("{at}.{name}_clause"),
                        format!(
                            "{} {name} commitment with no {name} clause",
                            if name == "old" { "an" } else { "a" }
                        ),
                    ));
                };
                if !places.insert((name == "new", id, index)) {
                    return Err(DiffError::at(
                        format!("{at}.{name}_index"),
                        format!(
                            "place {index} of the {name} clause `{id}` is taken by an earlier entry"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// One entry's sides against its kinds.
fn entry(c: &ClauseDiff, at: &str) -> Result<(), DiffError> {
    use ClauseChangeKind as K;
    let (old, new) = (c.old.is_some(), c.new.is_some());
    let want = match (old, new) {
        (false, false) => {
            return Err(DiffError::at(
                at,
                "an entry with neither an old nor a new side",
            ));
        }
        (false, true) => K::Added,
        (true, false) => K::Removed,
        (true, true) => K::Unchanged,
    };
    for (k, kind) in c.kinds.iter().enumerate() {
        let fits = match kind {
            K::Added | K::Removed => kind == want,
            _ => want == K::Unchanged,
        };
        if !fits {
            let sides = match (old, new) {
                (true, true) => "both sides",
                (true, false) => "only an old side",
                _ => "only a new side",
            };
            return Err(DiffError::at(
                format!("{at}.kinds[{k}]"),
                format!("`{kind}` does not fit an entry with {sides}"),
            ));
        }
    }
    if c.kinds.is_empty() && want != K::Unchanged {
        return Err(DiffError::at(
            format!("{at}.kinds"),
            format!("an unpaired clause is `{}`", want.as_str()),
        ));
    }
    if want != K::Unchanged && c.clause.is_none() {
        return Err(DiffError::at(
            format!("{at}.clause"),
            "an added or removed clause carries its content",
        ));
    }
    if let Some(content) = &c.clause {
        if !content.children().is_empty() {
            return Err(DiffError::at(
                format!("{at}.clause"),
                "a clause's content holds no children: each child has an entry of its own",
            ));
        }
    }
    Ok(())
}

/// Whether the places of one side form a tree.
fn tree<'a>(
    places: impl Iterator<Item = Option<&'a Placement>>,
    side: &str,
) -> Result<(), DiffError> {
    let places: Vec<(usize, &Placement)> = places
        .enumerate()
        .filter_map(|(i, p)| Some((i, p?)))
        .collect();
    let parent_of: FxMap<&ClauseId, Option<&ClauseId>> = places
        .iter()
        .map(|(_, p)| (&p.id, p.parent.as_ref()))
        .collect();
    // Problems are reported at the first entry that shows one, in the diff's order.
    for &(i, p) in &places {
        if let Some(parent) = &p.parent {
            if !parent_of.contains_key(parent) {
                return Err(DiffError::at(
                    format!("$.clauses[{i}].{side}.parent"),
                    format!("the parent `{parent}` is no {side} clause of the diff"),
                ));
            }
        }
    }
    let mut siblings: FxMap<Option<&ClauseId>, Vec<(usize, usize)>> = FxMap::default();
    for &(i, p) in &places {
        siblings
            .entry(p.parent.as_ref())
            .or_default()
            .push((p.index, i));
    }
    let mut first_bad: Option<usize> = None;
    for list in siblings.values_mut() {
        list.sort_unstable();
        if let Some((_, &(_, i))) = list.iter().enumerate().find(|(k, (index, _))| k != index) {
            first_bad = Some(first_bad.map_or(i, |b| b.min(i)));
        }
    }
    if let Some(i) = first_bad {
        return Err(DiffError::at(
            format!("$.clauses[{i}].{side}.index"),
            "sibling places leave a gap or repeat",
        ));
    }
    // No clause is its own ancestor: each chain is walked once, marking what it reached.
    let mut done: HashSet<&ClauseId, Seeded> = HashSet::default();
    for &start in parent_of.keys() {
        let mut chain: Vec<&ClauseId> = Vec::new();
        let mut at = Some(start);
        while let Some(id) = at {
            if done.contains(id) {
                break;
            }
            if chain.contains(&id) || chain.len() > crate::MAX_CLAUSE_DEPTH {
                return Err(DiffError::at(
                    format!("$.clauses (the {side} clause `{id}`)"),
                    "the clause is its own ancestor, or nests deeper than a clause may",
                ));
            }
            chain.push(id);
            at = parent_of.get(id).copied().flatten();
        }
        done.extend(chain);
    }
    Ok(())
}

/// The version of the diff's JSON format, written as `"pactum_diff"`. Readers of major version
/// 1 read any `1.x` diff whose fields they know.
///
/// Diffs written before the format carried a version have no `"pactum_diff"` field: they are
/// refused ("missing field `pactum_diff`"), since their shape is not checked; compare the two
/// drafts again to get a diff of this format.
///
/// Version 1.1 added brackets ([`Diff::brackets`], [`ClauseDiff::brackets`](super::ClauseDiff::brackets),
/// [`ClauseDiff::bracketed`](super::ClauseDiff::bracketed)); a diff of drafts without bracketed
/// clauses is written as 1.0, as before.
pub const DIFF_FORMAT_VERSION: &str = "1.1";

/// The version a diff without brackets is written as.
#[cfg(feature = "serde")]
const UNBRACKETED_VERSION: &str = "1.0";

/// The version field of a diff: written as [`DIFF_FORMAT_VERSION`] when the diff holds
/// brackets (else as 1.0), read as any `1.x`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Version {
    pub(crate) brackets: bool,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if self.brackets {
            DIFF_FORMAT_VERSION
        } else {
            UNBRACKETED_VERSION
        })
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = String::deserialize(d)?;
        match v.split_once('.') {
            Some(("1", minor))
                if !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Ok(Version {
                    brackets: !minor.trim_start_matches('0').is_empty(),
                })
            }
            _ => Err(serde::de::Error::custom(format!(
                "unsupported diff format version `{}`: this reader reads 1.x (written as {DIFF_FORMAT_VERSION})",
                crate::quote::cut(&v, crate::quote::MAX_QUOTED)
            ))),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Diff {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Diff::serialize(self, s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Diff {
    /// Reads a diff and [checks](Diff::check) it: a diff that breaks an invariant is refused
    /// with the [`DiffError`]'s path and message.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let diff = Diff::deserialize(d)?;
        diff.check().map_err(serde::de::Error::custom)?;
        Ok(diff)
    }
}
