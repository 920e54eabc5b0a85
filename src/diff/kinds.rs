//! The kinds of change of one clause, as a small set.

use std::fmt;

use super::ClauseChangeKind;

/// What happened to one clause: a set of [`ClauseChangeKind`]s, empty when nothing did.
///
/// A paired clause can be modified, renumbered, moved and reparented at once; an unpaired one
/// is added or removed. The set holds no [`Unchanged`](ClauseChangeKind::Unchanged): an empty
/// set is an unchanged clause, and [`contains`](Self::contains) says so. It iterates in the
/// order of [`ClauseChangeKind`], and reads and writes as a list of kind names (`[]` for an
/// unchanged clause, which is left out of the JSON).
///
/// ```
/// use pactum::diff::{ChangeKinds, ClauseChangeKind as K};
///
/// let mut kinds = ChangeKinds::new();
/// assert!(kinds.contains(K::Unchanged));
/// kinds.insert(K::Renumbered);
/// kinds.insert(K::Modified);
/// assert_eq!(kinds.iter().collect::<Vec<_>>(), [K::Modified, K::Renumbered]);
/// assert_eq!(kinds, [K::Modified, K::Renumbered]);
/// assert!(!kinds.contains(K::Unchanged));
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ChangeKinds(u8);

impl ChangeKinds {
    /// The empty set: an unchanged clause.
    pub const fn new() -> Self {
        ChangeKinds(0)
    }

    fn bit(kind: ClauseChangeKind) -> u8 {
        match ClauseChangeKind::ALL.iter().position(|k| *k == kind) {
            // `Unchanged` is the absence of every other kind.
            Some(0) | None => 0,
            Some(i) => 1 << (i - 1),
        }
    }

    /// Adds a kind; adding [`Unchanged`](ClauseChangeKind::Unchanged) changes nothing.
    pub fn insert(&mut self, kind: ClauseChangeKind) {
        self.0 |= Self::bit(kind);
    }

    /// Whether the set holds `kind`; for [`Unchanged`](ClauseChangeKind::Unchanged), whether
    /// it is empty.
    pub fn contains(&self, kind: ClauseChangeKind) -> bool {
        match Self::bit(kind) {
            0 => self.0 == 0,
            bit => self.0 & bit != 0,
        }
    }

    /// Whether nothing happened to the clause.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// How many kinds the set holds.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// The kinds, in the order of [`ClauseChangeKind`].
    pub fn iter(self) -> impl Iterator<Item = ClauseChangeKind> {
        ClauseChangeKind::ALL
            .iter()
            .copied()
            .filter(move |k| Self::bit(*k) != 0 && self.contains(*k))
    }
}

impl FromIterator<ClauseChangeKind> for ChangeKinds {
    fn from_iter<I: IntoIterator<Item = ClauseChangeKind>>(kinds: I) -> Self {
        let mut set = ChangeKinds::new();
        for k in kinds {
            set.insert(k);
        }
        set
    }
}

impl<const N: usize> From<[ClauseChangeKind; N]> for ChangeKinds {
    fn from(kinds: [ClauseChangeKind; N]) -> Self {
        kinds.into_iter().collect()
    }
}

impl<const N: usize> PartialEq<[ClauseChangeKind; N]> for ChangeKinds {
    fn eq(&self, other: &[ClauseChangeKind; N]) -> bool {
        *self == ChangeKinds::from(*other)
    }
}

impl fmt::Debug for ChangeKinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ChangeKinds {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ChangeKinds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let kinds = Vec::<ClauseChangeKind>::deserialize(d)?;
        Ok(kinds.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClauseChangeKind as K;

    #[test]
    fn every_kind_has_a_bit_of_its_own() {
        let all: ChangeKinds = K::ALL.iter().copied().collect();
        assert_eq!(all.len(), K::ALL.len() - 1);
        assert_eq!(all.iter().count(), K::ALL.len() - 1);
        assert!(!all.contains(K::Unchanged));
        assert_eq!(ChangeKinds::from([K::Unchanged]), ChangeKinds::new());
        assert_eq!(
            format!("{:?}", ChangeKinds::from([K::Moved, K::Added])),
            "{Moved, Added}"
        );
    }
}
