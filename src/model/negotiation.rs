//! The container: a negotiation's parties, proposals and meetings, so that references between
//! them can be checked and resolved.

use indexmap::IndexMap;
use indexmap::map::Entry;
use jiff::civil::Date;

use crate::id::{MeetingId, PartyId, ProposalId};
use crate::model::clause::Clause;
use crate::model::commitment::{Commitment, PartyRef};
use crate::model::meeting::Meeting;
use crate::model::party::Party;
use crate::model::proposal::Proposal;

/// A negotiation, or a dossier of one: its parties, the proposals exchanged and the meetings
/// held, each keyed by id in insertion order.
///
/// Because each collection is keyed by id, a negotiation never holds two parties, proposals or
/// meetings with one id: [`add_party`](Self::add_party) and its siblings refuse a duplicate, and
/// so does the JSON reader.
///
/// ```
/// use jiff::civil::date;
/// use pactum::{Negotiation, Party, PartyKind, PartyRef};
///
/// let mut n = Negotiation::new("Security guarantees, 2021-22");
/// n.add_party(Party::new("BE".parse()?, "Belgium", PartyKind::State))?;
/// n.add_party(Party::new("PL".parse()?, "Poland", PartyKind::State))?;
/// n.add_party(
///     Party::new("NATO".parse()?, "North Atlantic Treaty Organization", PartyKind::Alliance)
///         .with_member("BE".parse()?, date(1949, 4, 4))
///         .with_member("PL".parse()?, date(1999, 3, 12)),
/// )?;
/// assert!(n.add_party(Party::new("BE".parse()?, "Belgium", PartyKind::State)).is_err());
///
/// let in_1997 = PartyRef::members_of("NATO".parse()?, Some(date(1997, 5, 27)));
/// assert_eq!(n.resolve(&in_1997, None)?, ["BE"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Negotiation {
    /// What the negotiation is about.
    pub title: String,
    /// A longer description.
    pub description: Option<String>,
    pub(crate) parties: IndexMap<PartyId, Party>,
    pub(crate) proposals: IndexMap<ProposalId, Proposal>,
    pub(crate) meetings: IndexMap<MeetingId, Meeting>,
}

/// An id that is already taken in a [`Negotiation`]. The refused value is given back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("duplicate {collection} id `{id}`")]
pub struct DuplicateIdError<T> {
    collection: &'static str,
    id: String,
    value: Box<T>,
}

impl<T> DuplicateIdError<T> {
    /// The id that is taken.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The value that was refused.
    pub fn into_value(self) -> T {
        *self.value
    }
}

/// A [`PartyRef`] that names a party the negotiation does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown party `{0}`")]
pub struct UnknownPartyError(PartyId);

impl UnknownPartyError {
    /// The party named that the negotiation does not have.
    pub fn party(&self) -> &PartyId {
        &self.0
    }
}

fn insert<K: std::hash::Hash + Eq + std::fmt::Display, V>(
    map: &mut IndexMap<K, V>,
    collection: &'static str,
    key: K,
    value: V,
) -> Result<(), DuplicateIdError<V>> {
    match map.entry(key) {
        Entry::Occupied(e) => Err(DuplicateIdError {
            collection,
            id: e.key().to_string(),
            value: Box::new(value),
        }),
        Entry::Vacant(e) => {
            e.insert(value);
            Ok(())
        }
    }
}

impl Negotiation {
    /// An empty negotiation.
    pub fn new(title: impl Into<String>) -> Self {
        Negotiation {
            title: title.into(),
            ..Negotiation::default()
        }
    }

    /// Adds a party, unless one with its id is there already.
    pub fn add_party(&mut self, party: Party) -> Result<(), DuplicateIdError<Party>> {
        insert(&mut self.parties, "party", party.id().clone(), party)
    }

    /// Adds a proposal, unless one with its id is there already.
    pub fn add_proposal(&mut self, proposal: Proposal) -> Result<(), DuplicateIdError<Proposal>> {
        insert(
            &mut self.proposals,
            "proposal",
            proposal.id().clone(),
            proposal,
        )
    }

    /// Adds a meeting, unless one with its id is there already.
    pub fn add_meeting(&mut self, meeting: Meeting) -> Result<(), DuplicateIdError<Meeting>> {
        insert(&mut self.meetings, "meeting", meeting.id().clone(), meeting)
    }

    /// The party with this id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.get(id)
    }

    /// The party with this id, to edit.
    pub fn party_mut(&mut self, id: &str) -> Option<&mut Party> {
        self.parties.get_mut(id)
    }

    /// Removes the party with this id, keeping the others in order.
    pub fn remove_party(&mut self, id: &str) -> Option<Party> {
        self.parties.shift_remove(id)
    }

    /// The parties, in insertion order.
    pub fn parties(&self) -> impl ExactSizeIterator<Item = &Party> + '_ {
        self.parties.values()
    }

    /// The proposal with this id.
    pub fn proposal(&self, id: &str) -> Option<&Proposal> {
        self.proposals.get(id)
    }

    /// The proposal with this id, to edit.
    pub fn proposal_mut(&mut self, id: &str) -> Option<&mut Proposal> {
        self.proposals.get_mut(id)
    }

    /// Removes the proposal with this id, keeping the others in order.
    pub fn remove_proposal(&mut self, id: &str) -> Option<Proposal> {
        self.proposals.shift_remove(id)
    }

    /// The proposals, in insertion order.
    pub fn proposals(&self) -> impl ExactSizeIterator<Item = &Proposal> + '_ {
        self.proposals.values()
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.get(id)
    }

    /// The meeting with this id, to edit.
    pub fn meeting_mut(&mut self, id: &str) -> Option<&mut Meeting> {
        self.meetings.get_mut(id)
    }

    /// Removes the meeting with this id, keeping the others in order.
    pub fn remove_meeting(&mut self, id: &str) -> Option<Meeting> {
        self.meetings.shift_remove(id)
    }

    /// The meetings, in insertion order.
    pub fn meetings(&self) -> impl ExactSizeIterator<Item = &Meeting> + '_ {
        self.meetings.values()
    }

    /// The concrete parties a reference stands for.
    ///
    /// A party stands for itself. The members of an alliance are those on the reference's own
    /// `as_of` date, else on `date` (pass the proposal's date), else the current members; members
    /// are listed as the alliance lists them and are not expanded further.
    pub fn resolve(
        &self,
        party: &PartyRef,
        date: Option<Date>,
    ) -> Result<Vec<PartyId>, UnknownPartyError> {
        let named = party.named_party();
        let Some(found) = self.parties.get(named) else {
            return Err(UnknownPartyError(named.clone()));
        };
        Ok(match party {
            PartyRef::Party(id) => vec![id.clone()],
            PartyRef::MembersOf { as_of, .. } => match as_of.or(date) {
                Some(day) => found.members_on(day).cloned().collect(),
                None => found.current_members().cloned().collect(),
            },
        })
    }

    /// The concrete parties a list of references stands for, each once, in first-mention order;
    /// `date` is as for [`resolve`](Self::resolve).
    pub fn resolve_all<'a>(
        &self,
        parties: impl IntoIterator<Item = &'a PartyRef>,
        date: Option<Date>,
    ) -> Result<Vec<PartyId>, UnknownPartyError> {
        let mut out = indexmap::IndexSet::new();
        for party in parties {
            out.extend(self.resolve(party, date)?);
        }
        Ok(out.into_iter().collect())
    }

    /// The concrete parties a commitment of `proposal` binds: its obligors resolved, each group
    /// on its own `as_of` date, else on the proposal's date.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use pactum::{Commitment, Modality, Negotiation, Party, PartyKind, PartyRef, Proposal};
    ///
    /// let mut n = Negotiation::new("t");
    /// for (id, since) in [("BE", date(1949, 4, 4)), ("PL", date(1999, 3, 12))] {
    ///     n.add_party(Party::new(id.parse()?, id, PartyKind::State))?;
    /// }
    /// n.add_party(
    ///     Party::new("NATO".parse()?, "NATO", PartyKind::Alliance)
    ///         .with_member("BE".parse()?, date(1949, 4, 4))
    ///         .with_member("PL".parse()?, date(1999, 3, 12)),
    /// )?;
    /// let draft = Proposal::new("d".parse()?, "t", "BE".parse()?).with_date(date(2021, 12, 17));
    /// let all = Commitment::new("c".parse()?, Modality::Prohibition, "enlarge")
    ///     .with_obligor(PartyRef::members_of("NATO".parse()?, None));
    /// assert_eq!(n.obligors_of(&draft, &all)?, ["BE", "PL"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligors_of(
        &self,
        proposal: &Proposal,
        commitment: &Commitment,
    ) -> Result<Vec<PartyId>, UnknownPartyError> {
        self.resolve_all(&commitment.obligors, proposal.date)
    }

    /// Every commitment of every proposal that would bind `party`, in document order: proposals
    /// in insertion order, clauses depth first.
    pub fn bindings(&self, party: &str) -> Result<Vec<Binding<'_>>, UnknownPartyError> {
        let mut out = Vec::new();
        for proposal in self.proposals() {
            for clause in proposal.walk() {
                for commitment in &clause.commitments {
                    if self
                        .obligors_of(proposal, commitment)?
                        .iter()
                        .any(|p| p == party)
                    {
                        out.push(Binding {
                            proposal,
                            clause,
                            commitment,
                        });
                    }
                }
            }
        }
        Ok(out)
    }
}

/// A commitment with the clause and proposal it stands in, as [`Negotiation::bindings`] lists
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Binding<'a> {
    /// The proposal.
    pub proposal: &'a Proposal,
    /// The clause that creates the commitment.
    pub clause: &'a Clause,
    /// The commitment.
    pub commitment: &'a Commitment,
}
