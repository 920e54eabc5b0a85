//! Meetings: where drafts were tabled and discussed.

use jiff::civil::Date;

use crate::id::{MeetingId, PartyId, ProposalId};
use crate::model::provenance::Source;

/// A meeting at which proposals were tabled or discussed.
///
/// The id is fixed at construction because a [`Negotiation`](crate::Negotiation) keys its
/// meetings by it; every other field is public. Build it with [`Meeting::new`].
///
/// ```
/// use jiff::civil::date;
/// use pactum::{Delegate, Delegation, Meeting};
///
/// let mut nrc = Meeting::new("nrc-2022-01-12".parse()?, "NATO-Russia Council", date(2022, 1, 12));
/// nrc.place = Some("NATO Headquarters, Brussels, Belgium".into());
/// nrc.delegations.push(
///     Delegation::new("RU".parse()?)
///         .with_delegate(Delegate::new("Alexander Fomin").with_role("Deputy Defence Minister, Colonel General")),
/// );
/// nrc.agenda.push("ru-nato-2021-12-17".parse()?);
/// # Ok::<(), pactum::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Meeting {
    id: MeetingId,
    /// The body that met: "NATO-Russia Council".
    pub forum: String,
    /// Where it met.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub place: Option<String>,
    /// The day it met.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::date"))]
    pub date: Date,
    /// Who chaired it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub chair: Option<Delegate>,
    /// The delegations that took part.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub delegations: Vec<Delegation>,
    /// The proposals tabled or discussed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub agenda: Vec<ProposalId>,
    /// What came of it, as reported.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub outcome: Option<String>,
    /// Where the facts about the meeting come from.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<Source>,
}

impl Meeting {
    /// A meeting with no place, chair, delegations, agenda, outcome or sources.
    pub fn new(id: MeetingId, forum: impl Into<String>, date: Date) -> Self {
        Meeting {
            id,
            forum: forum.into(),
            place: None,
            date,
            chair: None,
            delegations: Vec::new(),
            agenda: Vec::new(),
            outcome: None,
            sources: Vec::new(),
        }
    }

    /// The meeting's id.
    pub fn id(&self) -> &MeetingId {
        &self.id
    }

    /// Sets the place.
    #[must_use]
    pub fn with_place(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// Sets who chaired the meeting.
    #[must_use]
    pub fn with_chair(mut self, chair: Delegate) -> Self {
        self.chair = Some(chair);
        self
    }

    /// Adds a party's delegation.
    #[must_use]
    pub fn with_delegation(mut self, delegation: Delegation) -> Self {
        self.delegations.push(delegation);
        self
    }

    /// Adds a proposal to the agenda.
    #[must_use]
    pub fn with_agenda_item(mut self, proposal: ProposalId) -> Self {
        self.agenda.push(proposal);
        self
    }

    /// Sets what came of the meeting.
    #[must_use]
    pub fn with_outcome(mut self, outcome: impl Into<String>) -> Self {
        self.outcome = Some(outcome.into());
        self
    }

    /// Adds a source that reports the meeting.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }
}

/// One party's delegation to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Delegation {
    /// The party represented.
    pub party: PartyId,
    /// The people in it, head first.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub delegates: Vec<Delegate>,
    /// Anything else reported: "all 30 Allies took part".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Delegation {
    /// A delegation with no delegates listed.
    pub fn new(party: PartyId) -> Self {
        Delegation {
            party,
            delegates: Vec::new(),
            note: None,
        }
    }

    /// Adds a delegate.
    #[must_use]
    pub fn with_delegate(mut self, delegate: Delegate) -> Self {
        self.delegates.push(delegate);
        self
    }

    /// Sets what else is reported of the delegation.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A person at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Delegate {
    /// The person's name.
    pub name: String,
    /// Office and rank: "Deputy Defence Minister, Colonel General".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub role: Option<String>,
}

impl Delegate {
    /// A delegate with no role given.
    pub fn new(name: impl Into<String>) -> Self {
        Delegate {
            name: name.into(),
            role: None,
        }
    }

    /// Sets the role.
    #[must_use]
    pub fn with_role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }
}
