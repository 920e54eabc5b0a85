//! Parties: the states, organizations and alliances that negotiate and are bound.

use jiff::civil::Date;

use crate::id::PartyId;

/// A state, an international organization, an alliance or another actor in a negotiation.
///
/// Fields are public for reading and editing; the id is fixed at construction because a
/// [`Negotiation`](crate::Negotiation) keys its parties by it. The struct is
/// `#[non_exhaustive]`, so build it with [`Party::new`] and the `with_*` methods: adding a field
/// later breaks no caller.
///
/// ```
/// use jiff::civil::date;
/// use pactum::{Party, PartyKind};
///
/// let nato = Party::new("NATO".parse()?, "North Atlantic Treaty Organization", PartyKind::Alliance)
///     .with_alias("NATO")
///     .with_member("BE".parse()?, date(1949, 4, 4))
///     .with_member("MK".parse()?, date(2020, 3, 27));
/// assert_eq!(nato.members_on(date(1997, 5, 27)).count(), 1);
/// # Ok::<(), pactum::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Party {
    id: PartyId,
    /// The party's name, e.g. "Russian Federation".
    pub name: String,
    /// What kind of actor it is.
    pub kind: PartyKind,
    /// Other names the texts use for it ("Russia", "the Alliance").
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub aliases: Vec<String>,
    /// For an alliance or organization: its members and when each joined.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub members: Vec<Membership>,
}

impl Party {
    /// Makes a party with no aliases and no members.
    pub fn new(id: PartyId, name: impl Into<String>, kind: PartyKind) -> Self {
        Party {
            id,
            name: name.into(),
            kind,
            aliases: Vec::new(),
            members: Vec::new(),
        }
    }

    /// The party's id.
    pub fn id(&self) -> &PartyId {
        &self.id
    }

    /// Adds an alias.
    #[must_use]
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Adds a member that joined on `since` and is still a member.
    #[must_use]
    pub fn with_member(mut self, party: PartyId, since: Date) -> Self {
        self.members.push(Membership::new(party, since));
        self
    }

    /// Adds a membership, ended or not.
    #[must_use]
    pub fn with_membership(mut self, membership: Membership) -> Self {
        self.members.push(membership);
        self
    }

    /// The members on `date`, in the order they are listed.
    pub fn members_on(&self, date: Date) -> impl Iterator<Item = &PartyId> + '_ {
        self.members
            .iter()
            .filter(move |m| m.is_member_on(date))
            .map(|m| &m.party)
    }

    /// The members that have not left, in the order they are listed.
    pub fn current_members(&self) -> impl Iterator<Item = &PartyId> + '_ {
        self.members
            .iter()
            .filter(|m| m.until.is_none())
            .map(|m| &m.party)
    }
}

string_enum! {
    /// What kind of actor a [`Party`] is.
    pub enum PartyKind {
        /// A sovereign state.
        State => "state",
        /// An international organization, such as the OSCE or the United Nations.
        Organization => "organization",
        /// A military or political alliance, such as NATO or the CSTO.
        Alliance => "alliance",
        /// Anything else: a delegation, a group of states, a non-state actor.
        Other => "other",
    }
}

/// One party's membership of an alliance or organization.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Membership {
    /// The member.
    pub party: PartyId,
    /// The day it became a member.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_glue::date"))]
    pub since: Date,
    /// The day it stopped being a member, if it has.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::serde_glue::opt_date"
        )
    )]
    pub until: Option<Date>,
}

impl Membership {
    /// A membership from `since` that has not ended.
    pub fn new(party: PartyId, since: Date) -> Self {
        Membership {
            party,
            since,
            until: None,
        }
    }

    /// Sets the day the membership ended (the party was no longer a member that day).
    #[must_use]
    pub fn with_until(mut self, until: Date) -> Self {
        self.until = Some(until);
        self
    }

    /// Whether the party was a member on `date`: from `since` on, up to but not including
    /// `until`.
    pub fn is_member_on(&self, date: Date) -> bool {
        self.since <= date && self.until.is_none_or(|until| date < until)
    }
}
