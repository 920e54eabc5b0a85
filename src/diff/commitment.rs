//! What changed in the commitments: who is bound, to what, how strongly, where and when.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::normalize::{dice, normalized, shingles};
use super::{Change, MatchedBy, TextChange};

/// Old commitments that share a bigram with a new one's action, read for it at most per
/// bigram: a bigram held by more says little. It bounds the pairing's work in a clause of
/// thousands of commitments.
const MAX_POSTINGS: usize = 256;
/// Candidates compared with each new commitment, those that share the most bigrams first.
const MAX_CANDIDATES: usize = 16;
use crate::{
    ClauseId, Commitment, CommitmentId, LegalForce, Modality, Negotiation, PartyId, PartyRef,
    Proposal,
};

string_enum! {
    /// Which way a change moves a commitment, on the scale of the [module docs](super#commitments).
    ///
    /// Every direction has an inverse ([`Direction::inverse`]): comparing the drafts the other
    /// way round turns each change into its inverse.
    pub enum Direction {
        /// Binds more firmly: "should" became "shall", an exception was removed.
        Strengthening => "strengthening",
        /// Binds less firmly: "shall" became "should", a condition was added.
        Weakening => "weakening",
        /// The opposite act: "shall" became "shall not", or the reverse.
        Reversal => "reversal",
        /// A prohibition or a duty gone: "shall not" or "shall" became "may".
        Lifting => "lifting",
        /// A prohibition or a duty imposed where there was a choice: "may" became "shall not"
        /// or "shall".
        Imposition => "imposition",
        /// Reaches further: more parties bound, more areas, a longer period.
        Widening => "widening",
        /// Reaches less far: fewer parties, fewer areas, a shorter period.
        Narrowing => "narrowing",
        /// Both at once: some areas added and others removed.
        Mixed => "mixed",
        /// Neither firmer nor looser, neither wider nor narrower: the same parties named
        /// another way, an offer for a permission.
        Neutral => "neutral",
    }
}

impl Direction {
    /// The direction of the same change seen from the other draft.
    pub fn inverse(self) -> Direction {
        match self {
            Direction::Strengthening => Direction::Weakening,
            Direction::Weakening => Direction::Strengthening,
            Direction::Reversal => Direction::Reversal,
            Direction::Lifting => Direction::Imposition,
            Direction::Imposition => Direction::Lifting,
            Direction::Widening => Direction::Narrowing,
            Direction::Narrowing => Direction::Widening,
            Direction::Mixed => Direction::Mixed,
            Direction::Neutral => Direction::Neutral,
        }
    }
}

/// Whether a modality forbids (negative) or asks for, allows or offers (positive), and how
/// firmly: 3 binding, 2 recommended, 1 allowed or offered, 0 a statement.
fn scale(m: Modality) -> (bool, u8) {
    match m {
        Modality::Obligation => (false, 3),
        Modality::Prohibition => (true, 3),
        Modality::Recommendation => (false, 2),
        Modality::Discouragement => (true, 2),
        Modality::Offer | Modality::Permission => (false, 1),
        Modality::Statement => (false, 0),
    }
}

/// The direction of a change of modality (see the module docs for the scale).
pub fn modality_direction(old: Modality, new: Modality) -> Direction {
    let ((old_neg, old_s), (new_neg, new_s)) = (scale(old), scale(new));
    match (old_neg, new_neg) {
        // "May" to "shall": a duty where there was a choice.
        (false, false) if old_s == 1 && new_s == 3 => Direction::Imposition,
        (false, false) if old_s == 3 && new_s == 1 => Direction::Lifting,
        (false, false) | (true, true) if new_s > old_s => Direction::Strengthening,
        (false, false) | (true, true) if new_s < old_s => Direction::Weakening,
        // Same level, other kind (an offer against a permission): neither firmer nor looser.
        (false, false) | (true, true) => Direction::Neutral,
        (true, false) if new_s >= 2 => Direction::Reversal,
        (false, true) if old_s >= 2 => Direction::Reversal,
        (true, false) => Direction::Lifting,
        (false, true) => Direction::Imposition,
    }
}

string_enum! {
    /// How two commitments were paired.
    pub enum CommitmentMatch {
        /// One commitment id.
        Id => "id",
        /// Alike actions (Dice of word bigrams at least 0.5, or 0.25 with the same obligors).
        Similarity => "similarity",
        /// The only ones left in two clauses paired by an answer link, in order.
        Answer => "answer",
        /// Read from the two texts, sentence by sentence (no commitment was encoded).
        Text => "text",
    }
}

/// One commitment compared: a pair, or one that was added or dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct CommitmentDiff {
    /// The clause of the old draft it stands in.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub old_clause: Option<ClauseId>,
    /// The clause of the new draft it stands in.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub new_clause: Option<ClauseId>,
    /// The old commitment (none when added or inferred from text).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub old: Option<Box<Commitment>>,
    /// The new commitment (none when dropped or inferred from text).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub new: Option<Box<Commitment>>,
    /// Where the old commitment stands in its clause's list, counting from 0: set exactly when
    /// `old` is.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub old_index: Option<usize>,
    /// Where the new commitment stands in its clause's list, counting from 0: set exactly when
    /// `new` is. With `old_index`, this is what [`Diff::apply`](super::Diff::apply) rebuilds
    /// each clause's list from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub new_index: Option<usize>,
    /// Who the old commitment binds, groups resolved to parties as far as the negotiation
    /// allows.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub old_obligors: Vec<PartyId>,
    /// Who the new commitment binds, resolved likewise.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub new_obligors: Vec<PartyId>,
    /// For a change read from the text, the old sentence and its marker.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub old_excerpt: Option<Excerpt>,
    /// For a change read from the text, the new sentence and its marker.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub new_excerpt: Option<Excerpt>,
    /// How the two were paired; none when added or dropped.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub matched_by: Option<CommitmentMatch>,
    /// What changed. Empty when the two differ only in their id or origin, which `old` and
    /// `new` show.
    pub changes: Vec<CommitmentChange>,
}

impl CommitmentDiff {
    /// Whether the change was inferred from deontic markers in the text rather than from
    /// encoded commitments.
    pub fn inferred(&self) -> bool {
        self.matched_by == Some(CommitmentMatch::Text)
    }

    /// Every party the old or the new commitment binds, in first-mention order.
    pub fn parties(&self) -> Vec<&PartyId> {
        let mut out: Vec<&PartyId> = Vec::new();
        for p in self.old_obligors.iter().chain(&self.new_obligors) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// Whether the change concerns `party`: it is bound, or was.
    pub fn concerns(&self, party: &str) -> bool {
        self.old_obligors
            .iter()
            .chain(&self.new_obligors)
            .any(|p| p == party)
    }
}

/// Where in a clause's text a change read from the text stands: the sentence (cut to
/// [`Excerpt::MAX_LEN`] bytes, at a character boundary, with "…" where it was cut), the
/// marker's words as written, what they express and their subject as written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Excerpt {
    /// The sentence, or its first [`Excerpt::MAX_LEN`] bytes.
    pub sentence: String,
    /// The marker's words as the text writes them: "shall not", "Should".
    pub marker: String,
    /// What the marker expresses, read in its sentence ("No Party shall" forbids).
    pub modality: Modality,
    /// The marker's subject as the text writes it, when the sentence names one before the
    /// marker: who is bound in the active voice ("Each Party", "the Republic of X"), what is
    /// acted on in the passive ("Benefits shall not be suspended").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub subject: Option<String>,
}

impl Excerpt {
    /// The longest sentence kept whole, in bytes.
    pub const MAX_LEN: usize = 240;

    pub(crate) fn new(
        sentence: &str,
        marker: &str,
        modality: Modality,
        subject: Option<&str>,
    ) -> Excerpt {
        let sentence = sentence.trim();
        let sentence = if sentence.len() <= Self::MAX_LEN {
            sentence.to_owned()
        } else {
            let mut end = Self::MAX_LEN;
            while !sentence.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}…", &sentence[..end])
        };
        Excerpt {
            sentence,
            marker: marker.to_owned(),
            modality,
            subject: subject.map(str::to_owned),
        }
    }
}

/// One thing that changed about a commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum CommitmentChange {
    /// A commitment only in the new draft.
    Added,
    /// A commitment only in the old draft.
    Dropped,
    /// "shall" became "should", and the like.
    Modality {
        /// The old modality.
        old: Modality,
        /// The new modality.
        new: Modality,
        /// Which way it moved.
        direction: Direction,
    },
    /// Who is bound.
    Obligors {
        /// References only in the new commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        added: Vec<PartyRef>,
        /// References only in the old commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        removed: Vec<PartyRef>,
        /// Parties bound now and not before, groups resolved.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        parties_added: Vec<PartyId>,
        /// Parties bound before and not now, groups resolved.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        parties_removed: Vec<PartyId>,
        /// Widening when more parties are bound, narrowing when fewer, mixed when both,
        /// neutral when the same parties are named another way.
        direction: Direction,
    },
    /// Towards whom.
    Beneficiaries {
        /// References only in the new commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        added: Vec<PartyRef>,
        /// References only in the old commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        removed: Vec<PartyRef>,
        /// Widening, narrowing, mixed, or neutral when neither.
        direction: Direction,
    },
    /// What the obligors are bound to do, reworded.
    Action {
        /// The words that changed.
        text: TextChange,
    },
    /// Where and when it applies.
    Scope {
        /// Areas only in the new scope.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        areas_added: Vec<String>,
        /// Areas only in the old scope.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        areas_removed: Vec<String>,
        /// The first day, when it moved.
        #[cfg_attr(
            feature = "serde",
            serde(
                default,
                skip_serializing_if = "Option::is_none",
                with = "opt_date_change"
            )
        )]
        from: Option<Change<Option<Date>>>,
        /// The last day, when it moved.
        #[cfg_attr(
            feature = "serde",
            serde(
                default,
                skip_serializing_if = "Option::is_none",
                with = "opt_date_change"
            )
        )]
        until: Option<Change<Option<Date>>>,
        /// Widening when it reaches further, narrowing when less far, mixed when both.
        direction: Direction,
    },
    /// What must hold for it to apply.
    Conditions {
        /// Conditions only in the new commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        added: Vec<String>,
        /// Conditions only in the old commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        removed: Vec<String>,
        /// A condition added weakens, one removed strengthens; mixed when both.
        direction: Direction,
    },
    /// When it does not apply.
    Exceptions {
        /// Exceptions only in the new commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        added: Vec<String>,
        /// Exceptions only in the old commitment.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        removed: Vec<String>,
        /// An exception added weakens, one removed strengthens; mixed when both.
        direction: Direction,
    },
    /// The same commitment at another place in its clause's list, the others kept in order.
    Moved,
    /// Legally binding or political.
    Force {
        /// The old force.
        old: LegalForce,
        /// The new force.
        new: LegalForce,
        /// Binding to political weakens; political to binding strengthens.
        direction: Direction,
    },
}

impl CommitmentChange {
    /// The direction of the change, where it has one.
    pub fn direction(&self) -> Option<Direction> {
        match self {
            CommitmentChange::Modality { direction, .. }
            | CommitmentChange::Obligors { direction, .. }
            | CommitmentChange::Beneficiaries { direction, .. }
            | CommitmentChange::Scope { direction, .. }
            | CommitmentChange::Conditions { direction, .. }
            | CommitmentChange::Exceptions { direction, .. }
            | CommitmentChange::Force { direction, .. } => Some(*direction),
            CommitmentChange::Added
            | CommitmentChange::Dropped
            | CommitmentChange::Action { .. }
            | CommitmentChange::Moved => None,
        }
    }

    /// The change's name: `modality`, `obligors`, ...
    pub fn name(&self) -> &'static str {
        match self {
            CommitmentChange::Added => "added",
            CommitmentChange::Dropped => "dropped",
            CommitmentChange::Modality { .. } => "modality",
            CommitmentChange::Obligors { .. } => "obligors",
            CommitmentChange::Beneficiaries { .. } => "beneficiaries",
            CommitmentChange::Action { .. } => "action",
            CommitmentChange::Scope { .. } => "scope",
            CommitmentChange::Conditions { .. } => "conditions",
            CommitmentChange::Exceptions { .. } => "exceptions",
            CommitmentChange::Force { .. } => "force",
            CommitmentChange::Moved => "moved",
        }
    }
}

#[cfg(feature = "serde")]
mod opt_date_change {
    use super::{Change, Date};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Repr {
        #[serde(with = "crate::serde_glue::opt_date")]
        old: Option<Date>,
        #[serde(with = "crate::serde_glue::opt_date")]
        new: Option<Date>,
    }

    pub(super) fn serialize<S: Serializer>(
        c: &Option<Change<Option<Date>>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        c.as_ref()
            .map(|c| Repr {
                old: c.old,
                new: c.new,
            })
            .serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Change<Option<Date>>>, D::Error> {
        Ok(Option::<Repr>::deserialize(d)?.map(|r| Change {
            old: r.old,
            new: r.new,
        }))
    }
}

/// Resolves obligors to parties: through the negotiation when there is one, else plain party
/// references stand for themselves and groups name their alliance.
pub(crate) struct Resolver<'a> {
    pub(crate) negotiation: Option<&'a Negotiation>,
}

impl Resolver<'_> {
    /// The parties a subject as written names: a party of the negotiation by its name or an
    /// alias ("the Republic of X", "the EU Party" where "EU" is an alias), else any of the
    /// proposal's parties for "Each Party", "the Parties", "either Party", "the requesting
    /// Party" and the like (each of them may be the one bound); none for a subject that names
    /// no party ("The Committee", "Such measures").
    pub(crate) fn subject(&self, subject: &str, proposal: &Proposal) -> Vec<PartyId> {
        let words: Vec<String> = subject
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let names = |name: &str| {
            let name: Vec<String> = name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            !name.is_empty() && words.windows(name.len()).any(|w| w == name.as_slice())
        };
        let mut out: Vec<PartyId> = Vec::new();
        if let Some(n) = self.negotiation {
            for p in n.parties() {
                if (names(&p.name) || p.aliases.iter().any(|a| names(a))) && !out.contains(p.id()) {
                    out.push(p.id().clone());
                }
            }
        }
        if out.is_empty() && words.iter().any(|w| PARTY_WORDS.contains(&w.as_str())) {
            out = self.resolve(&proposal.parties, proposal);
        }
        out
    }

    fn resolve(&self, refs: &[PartyRef], proposal: &Proposal) -> Vec<PartyId> {
        let mut out: Vec<PartyId> = Vec::new();
        for r in refs {
            let found = match self.negotiation {
                Some(n) => n
                    .resolve(r, proposal.date)
                    .unwrap_or_else(|_| vec![r.named_party().clone()]),
                None => vec![r.named_party().clone()],
            };
            for p in found {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// The word "party" in the languages read ([`deontic::read_in`](crate::deontic::read_in)),
/// lower-case, in the forms a subject takes: a subject that holds one ("Each Party", "Las
/// Partes", "Каждая Сторона") stands for the proposal's parties.
const PARTY_WORDS: &[&str] = &[
    "party",
    "parties",
    "parte",
    "partes",
    "partie",
    "сторона",
    "стороны",
    "сторон",
    "сторони",
    "сторін",
];

fn set_change<T: Ord + Clone>(old: &[T], new: &[T]) -> (Vec<T>, Vec<T>) {
    let (a, b): (BTreeSet<&T>, BTreeSet<&T>) = (old.iter().collect(), new.iter().collect());
    (
        new.iter().filter(|x| !a.contains(x)).cloned().collect(),
        old.iter().filter(|x| !b.contains(x)).cloned().collect(),
    )
}

/// Widening when something was added, narrowing when something was removed, mixed when both,
/// neutral when neither (the same items in another order or repeated).
fn reach(added: bool, removed: bool) -> Direction {
    match (added, removed) {
        (true, true) => Direction::Mixed,
        (true, false) => Direction::Widening,
        (false, true) => Direction::Narrowing,
        (false, false) => Direction::Neutral,
    }
}

/// A condition or exception added weakens, one removed strengthens.
fn restriction(added: bool, removed: bool) -> Direction {
    match (added, removed) {
        (true, true) => Direction::Mixed,
        (true, false) => Direction::Weakening,
        (false, true) => Direction::Strengthening,
        (false, false) => Direction::Neutral,
    }
}

/// The changes between two paired commitments, in a fixed order. Every field of what binds
/// whom gives a change when it differs, so a reordered list of obligors is a neutral change,
/// not none. The id and the origin are bookkeeping: they give none.
fn changes(
    old: &Commitment,
    new: &Commitment,
    old_parties: &[PartyId],
    new_parties: &[PartyId],
    budget: &mut super::text::Budget,
) -> Vec<CommitmentChange> {
    let mut out = Vec::new();
    if old.modality != new.modality {
        out.push(CommitmentChange::Modality {
            old: old.modality,
            new: new.modality,
            direction: modality_direction(old.modality, new.modality),
        });
    }
    let (parties_added, parties_removed) = set_change(old_parties, new_parties);
    if old.obligors != new.obligors || !parties_added.is_empty() || !parties_removed.is_empty() {
        let (added, removed) = set_change(&old.obligors, &new.obligors);
        // A reworded reference that binds the same parties ("RU" for "members of ...") is
        // neither wider nor narrower.
        let direction = reach(!parties_added.is_empty(), !parties_removed.is_empty());
        out.push(CommitmentChange::Obligors {
            added,
            removed,
            parties_added,
            parties_removed,
            direction,
        });
    }
    if old.beneficiaries != new.beneficiaries {
        let (added, removed) = set_change(&old.beneficiaries, &new.beneficiaries);
        let direction = reach(!added.is_empty(), !removed.is_empty());
        out.push(CommitmentChange::Beneficiaries {
            added,
            removed,
            direction,
        });
    }
    if old.action != new.action {
        let (ops, granularity) = super::text::diff_text(&old.action, &new.action, budget);
        let typographic_only = normalized(&old.action) == normalized(&new.action);
        out.push(CommitmentChange::Action {
            text: TextChange {
                ops,
                granularity,
                typographic_only,
            },
        });
    }
    if old.scope != new.scope {
        let (areas_added, areas_removed) = set_change(&old.scope.areas, &new.scope.areas);
        let from = Change::of(&old.scope.from, &new.scope.from);
        let until = Change::of(&old.scope.until, &new.scope.until);
        // No area means everywhere and no bound means always, so adding the first area or a
        // bound narrows, and removing the last widens.
        let (mut widen, mut narrow) = (false, false);
        match (old.scope.areas.is_empty(), new.scope.areas.is_empty()) {
            (true, false) => narrow = true,
            (false, true) => widen = true,
            _ => {
                widen |= !areas_added.is_empty();
                narrow |= !areas_removed.is_empty();
            }
        }
        if let Some(c) = &from {
            match (c.old, c.new) {
                (Some(a), Some(b)) if b < a => widen = true,
                (Some(_), None) => widen = true,
                _ => narrow = true,
            }
        }
        if let Some(c) = &until {
            match (c.old, c.new) {
                (Some(a), Some(b)) if b > a => widen = true,
                (Some(_), None) => widen = true,
                _ => narrow = true,
            }
        }
        out.push(CommitmentChange::Scope {
            areas_added,
            areas_removed,
            from,
            until,
            direction: reach(widen, narrow),
        });
    }
    if old.conditions != new.conditions {
        let (added, removed) = set_change(&old.conditions, &new.conditions);
        let direction = restriction(!added.is_empty(), !removed.is_empty());
        out.push(CommitmentChange::Conditions {
            added,
            removed,
            direction,
        });
    }
    if old.exceptions != new.exceptions {
        let (added, removed) = set_change(&old.exceptions, &new.exceptions);
        let direction = restriction(!added.is_empty(), !removed.is_empty());
        out.push(CommitmentChange::Exceptions {
            added,
            removed,
            direction,
        });
    }
    if old.force != new.force {
        let direction = match new.force {
            LegalForce::Political => Direction::Weakening,
            LegalForce::LegallyBinding => Direction::Strengthening,
        };
        out.push(CommitmentChange::Force {
            old: old.force,
            new: new.force,
            direction,
        });
    }
    out
}

/// Everything a clause pair (or an unpaired clause) brings to the comparison of commitments.
pub(crate) struct Side<'a> {
    pub(crate) proposal: &'a Proposal,
    pub(crate) clause: Option<(&'a ClauseId, &'a str, &'a [Commitment])>,
    /// The lead-in that ends the parent's text ("Each Party shall:"), which binds the clause
    /// as one of its items.
    pub(crate) lead: Option<&'a str>,
    /// The lead-in that ends the clause's own text when it has children, to which it hands
    /// its markers.
    pub(crate) own_lead: Option<&'a str>,
}

/// Compares the commitments of a clause pair, or lists those of an unpaired clause as added or
/// dropped.
pub(crate) fn compare_commitments(
    old: Side<'_>,
    new: Side<'_>,
    matched_by: Option<MatchedBy>,
    resolver: &Resolver<'_>,
    budget: &mut super::text::Budget,
    out: &mut Vec<CommitmentDiff>,
) {
    let empty: &[Commitment] = &[];
    let (old_id, old_text, old_list) = old
        .clause
        .map_or((None, "", empty), |(id, t, l)| (Some(id), t, l));
    let (new_id, new_text, new_list) = new
        .clause
        .map_or((None, "", empty), |(id, t, l)| (Some(id), t, l));
    let base = |old_c: Option<&Commitment>, new_c: Option<&Commitment>| CommitmentDiff {
        old_clause: old_id.cloned(),
        new_clause: new_id.cloned(),
        old: old_c.cloned().map(Box::new),
        new: new_c.cloned().map(Box::new),
        old_index: None,
        new_index: None,
        old_excerpt: None,
        new_excerpt: None,
        old_obligors: old_c
            .map(|c| resolver.resolve(&c.obligors, old.proposal))
            .unwrap_or_default(),
        new_obligors: new_c
            .map(|c| resolver.resolve(&c.obligors, new.proposal))
            .unwrap_or_default(),
        matched_by: None,
        changes: Vec::new(),
    };

    if old_list.is_empty() && new_list.is_empty() {
        // Read from the text: a pair's markers compared, an added or removed clause's markers
        // added or dropped.
        if old_id.is_some() || new_id.is_some() {
            let (old_text, new_text) = (
                super::inferred::as_item(old_text, old.lead, old.own_lead),
                super::inferred::as_item(new_text, new.lead, new.own_lead),
            );
            let before = out.len();
            super::inferred::inferred(
                old_id,
                new_id,
                [&old_text, &new_text],
                [&old.proposal.language, &new.proposal.language],
                out,
            );
            // Who each change read from text binds, from its subject as written.
            for d in &mut out[before..] {
                let subject = |e: &Option<Excerpt>| e.as_ref().and_then(|e| e.subject.clone());
                if let Some(s) = subject(&d.old_excerpt) {
                    d.old_obligors = resolver.subject(&s, old.proposal);
                }
                if let Some(s) = subject(&d.new_excerpt) {
                    d.new_obligors = resolver.subject(&s, new.proposal);
                }
            }
        }
        return;
    }

    let mut pairs: Vec<(usize, usize, CommitmentMatch)> = Vec::new();
    let mut old_free: Vec<bool> = vec![true; old_list.len()];
    let mut new_free: Vec<bool> = vec![true; new_list.len()];
    // Old commitments by id, each id's in order (a list may repeat one: validation says so).
    // The ids come from the input: std's map is seeded.
    let mut by_id: std::collections::HashMap<&CommitmentId, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (o, c) in old_list.iter().enumerate() {
        by_id.entry(&c.id).or_default().push_back(o);
    }
    for (n, c) in new_list.iter().enumerate() {
        if let Some(o) = by_id
            .get_mut(&c.id)
            .and_then(std::collections::VecDeque::pop_front)
        {
            old_free[o] = false;
            new_free[n] = false;
            pairs.push((o, n, CommitmentMatch::Id));
        }
    }
    // The rest pair by their actions' bigrams, each computed once; candidates come from an
    // index of the old actions' bigrams, so that a clause of thousands of commitments costs
    // a bounded number of comparisons per commitment, not one per pair.
    let old_sh: Vec<Vec<u64>> = old_list
        .iter()
        .enumerate()
        .map(|(o, c)| {
            if old_free[o] {
                shingles(&normalized(&c.action))
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut postings: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    for (o, sh) in old_sh.iter().enumerate() {
        for &s in sh {
            postings.entry(s).or_default().push(o);
        }
    }
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut shared: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
    for (n, nc) in new_list.iter().enumerate().filter(|(n, _)| new_free[*n]) {
        let nsh = shingles(&normalized(&nc.action));
        shared.clear();
        for s in &nsh {
            match postings.get(s) {
                // A bigram that most actions share says little, and reading it costs most.
                Some(list) if list.len() <= MAX_POSTINGS => {
                    for &o in list {
                        *shared.entry(o).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        let mut candidates: Vec<(u32, usize)> = shared.iter().map(|(&o, &k)| (k, o)).collect();
        candidates.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, o) in candidates.iter().take(MAX_CANDIDATES) {
            let oc = &old_list[o];
            let d = dice(&old_sh[o], &nsh);
            if d >= 0.5 || (d >= 0.25 && oc.obligors == nc.obligors) {
                scored.push((d, o, n));
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)).then(x.1.cmp(&y.1)));
    for (_, o, n) in scored {
        if old_free[o] && new_free[n] {
            old_free[o] = false;
            new_free[n] = false;
            pairs.push((o, n, CommitmentMatch::Similarity));
        }
    }
    if matched_by == Some(MatchedBy::Link) {
        let rest_old: Vec<usize> = (0..old_list.len()).filter(|&o| old_free[o]).collect();
        let rest_new: Vec<usize> = (0..new_list.len()).filter(|&n| new_free[n]).collect();
        for (&o, &n) in rest_old.iter().zip(&rest_new) {
            old_free[o] = false;
            new_free[n] = false;
            pairs.push((o, n, CommitmentMatch::Answer));
        }
    }
    pairs.sort_by_key(|&(_, n, _)| n);
    // Equal commitments are left out, and apply puts them back in their old order. One that
    // comes before an earlier left-out one in the old list has moved, so it is listed.
    let mut last_unlisted = None;
    for (o, n, how) in pairs {
        let mut d = base(Some(&old_list[o]), Some(&new_list[n]));
        d.old_index = Some(o);
        d.new_index = Some(n);
        d.changes = changes(
            &old_list[o],
            &new_list[n],
            &d.old_obligors,
            &d.new_obligors,
            budget,
        );
        d.matched_by = Some(how);
        // A pair that differs only in id or origin is listed with no change, so that apply
        // rebuilds it; `old` and `new` show the difference.
        if d.changes.is_empty() && old_list[o] == new_list[n] {
            if last_unlisted.is_some_and(|last| o < last) {
                d.changes.push(CommitmentChange::Moved);
            } else {
                last_unlisted = Some(o);
                continue;
            }
        }
        out.push(d);
    }
    for (o, c) in old_list.iter().enumerate().filter(|(o, _)| old_free[*o]) {
        let mut d = base(Some(c), None);
        d.old_index = Some(o);
        d.new_clause = new_id.cloned();
        d.changes.push(CommitmentChange::Dropped);
        out.push(d);
    }
    for (n, c) in new_list.iter().enumerate().filter(|(n, _)| new_free[*n]) {
        let mut d = base(None, Some(c));
        d.new_index = Some(n);
        d.changes.push(CommitmentChange::Added);
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;
    use Modality::*;

    #[test]
    fn the_scale_of_modalities() {
        assert_eq!(modality_direction(Obligation, Recommendation), Weakening);
        assert_eq!(
            modality_direction(Recommendation, Obligation),
            Strengthening
        );
        assert_eq!(modality_direction(Prohibition, Permission), Lifting);
        assert_eq!(modality_direction(Permission, Prohibition), Imposition);
        assert_eq!(modality_direction(Obligation, Prohibition), Reversal);
        assert_eq!(modality_direction(Prohibition, Obligation), Reversal);
        assert_eq!(modality_direction(Permission, Obligation), Imposition);
        assert_eq!(modality_direction(Obligation, Permission), Lifting);
        assert_eq!(modality_direction(Offer, Obligation), Imposition);
        assert_eq!(
            modality_direction(Permission, Recommendation),
            Strengthening
        );
        assert_eq!(modality_direction(Prohibition, Discouragement), Weakening);
        assert_eq!(modality_direction(Discouragement, Recommendation), Reversal);
        assert_eq!(modality_direction(Prohibition, Statement), Lifting);
        assert_eq!(modality_direction(Offer, Permission), Neutral);
        for a in Modality::ALL {
            for b in Modality::ALL {
                assert_eq!(
                    modality_direction(*b, *a),
                    modality_direction(*a, *b).inverse(),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn every_direction_has_an_inverse_that_undoes_it() {
        for d in Direction::ALL {
            assert_eq!(d.inverse().inverse(), *d);
        }
    }
}
