//! Commitments: who is bound, towards whom, to do or not do what, where, when and on what
//! condition.

use std::fmt;

use jiff::civil::Date;

use crate::id::{CommitmentId, PartyId};

/// One undertaking a clause creates, as typed data rather than prose.
///
/// "The Russian Federation and all the Parties that were member States of \[NATO\] as of 27 May
/// 1997 ... shall not deploy military forces and weaponry on the territory of any of the other
/// States in Europe ..." becomes:
///
/// ```
/// use jiff::civil::date;
/// use pactum::{Commitment, Modality, PartyRef};
///
/// let c = Commitment::new(
///     "no-additional-deployment".parse()?,
///     Modality::Prohibition,
///     "deploy military forces and weaponry on the territory of any of the other States in Europe \
///      in addition to the forces stationed on that territory as of 27 May 1997",
/// )
/// .with_obligor(PartyRef::party("RU".parse()?))
/// .with_obligor(PartyRef::members_of("NATO".parse()?, Some(date(1997, 5, 27))))
/// .with_area("Europe")
/// .with_exception("with the consent of all the Parties, in exceptional cases, to eliminate a \
///                  threat to security of one or more Parties");
/// assert_eq!(c.modality.marker(), "shall not");
/// # Ok::<(), pactum::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Commitment {
    /// Unique within its clause.
    pub id: CommitmentId,
    /// Who is bound. A commitment needs at least one obligor (validation checks it).
    pub obligors: Vec<PartyRef>,
    /// Towards whom, where the text says.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub beneficiaries: Vec<PartyRef>,
    /// Must, must not, may, should, ...
    pub modality: Modality,
    /// What the obligors are bound to do (or not to do), in the words of the text where
    /// possible, without the deontic marker: "deploy land-based intermediate- and short-range
    /// missiles ...".
    pub action: String,
    /// Where and when the commitment applies.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Scope::is_unbounded")
    )]
    pub scope: Scope,
    /// What must hold for the commitment to apply.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub conditions: Vec<String>,
    /// When the commitment does not apply.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub exceptions: Vec<String>,
    /// Legally binding or political.
    pub force: LegalForce,
    /// Whether a person encoded the commitment or a tool inferred it from the text.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Origin::is_annotated")
    )]
    pub origin: Origin,
}

impl Commitment {
    /// A legally binding, annotated commitment with no obligors yet (add them with
    /// [`with_obligor`](Self::with_obligor)), no beneficiaries and an unbounded scope.
    pub fn new(id: CommitmentId, modality: Modality, action: impl Into<String>) -> Self {
        Commitment {
            id,
            obligors: Vec::new(),
            beneficiaries: Vec::new(),
            modality,
            action: action.into(),
            scope: Scope::default(),
            conditions: Vec::new(),
            exceptions: Vec::new(),
            force: LegalForce::LegallyBinding,
            origin: Origin::Annotated,
        }
    }

    /// Adds an obligor.
    #[must_use]
    pub fn with_obligor(mut self, obligor: PartyRef) -> Self {
        self.obligors.push(obligor);
        self
    }

    /// Adds a beneficiary.
    #[must_use]
    pub fn with_beneficiary(mut self, beneficiary: PartyRef) -> Self {
        self.beneficiaries.push(beneficiary);
        self
    }

    /// Adds a geographic area to the scope.
    #[must_use]
    pub fn with_area(mut self, area: impl Into<String>) -> Self {
        self.scope.areas.push(area.into());
        self
    }

    /// Adds a condition.
    #[must_use]
    pub fn with_condition(mut self, condition: impl Into<String>) -> Self {
        self.conditions.push(condition.into());
        self
    }

    /// Adds an exception.
    #[must_use]
    pub fn with_exception(mut self, exception: impl Into<String>) -> Self {
        self.exceptions.push(exception.into());
        self
    }

    /// Sets the legal force.
    #[must_use]
    pub fn with_force(mut self, force: LegalForce) -> Self {
        self.force = force;
        self
    }

    /// Sets the first day the commitment applies.
    #[must_use]
    pub fn with_from(mut self, from: Date) -> Self {
        self.scope.from = Some(from);
        self
    }

    /// Sets the last day the commitment applies.
    #[must_use]
    pub fn with_until(mut self, until: Date) -> Self {
        self.scope.until = Some(until);
        self
    }

    /// Sets whether the commitment was encoded by a person or inferred from the text.
    #[must_use]
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

/// A reference to who is bound or who benefits: one party, or the members of an alliance at a
/// date.
///
/// In JSON a party is its id as a string (`"RU"`) and a group is an object
/// (`{"members_of": "NATO", "as_of": "1997-05-27"}`; without `as_of`, the members on the
/// proposal's date).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PartyRef {
    /// One party.
    Party(PartyId),
    /// The members of an alliance or organization.
    MembersOf {
        /// The alliance or organization.
        alliance: PartyId,
        /// The day on which membership counts ("as of 27 May 1997"). `None` means the date of
        /// the proposal, or the current members where the proposal has no date.
        as_of: Option<Date>,
    },
}

impl PartyRef {
    /// One party.
    pub fn party(id: PartyId) -> Self {
        PartyRef::Party(id)
    }

    /// The members of `alliance` on `as_of` (see [`PartyRef::MembersOf`]).
    pub fn members_of(alliance: PartyId, as_of: Option<Date>) -> Self {
        PartyRef::MembersOf { alliance, as_of }
    }

    /// The party this reference names: the party itself, or the alliance.
    pub fn named_party(&self) -> &PartyId {
        match self {
            PartyRef::Party(id) | PartyRef::MembersOf { alliance: id, .. } => id,
        }
    }
}

impl fmt::Display for PartyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartyRef::Party(id) => write!(f, "{id}"),
            PartyRef::MembersOf {
                alliance,
                as_of: None,
            } => write!(f, "members of {alliance}"),
            PartyRef::MembersOf {
                alliance,
                as_of: Some(d),
            } => {
                write!(f, "members of {alliance} as of {d}")
            }
        }
    }
}

string_enum! {
    /// The deontic modality of a commitment: what kind of "ought" it is.
    ///
    /// Real drafts and answers use more than the four textbook modalities: a written answer "is
    /// prepared to" discuss (an offer) or "continues to support" (a statement of position).
    pub enum Modality {
        /// Must do: "shall", "must", "undertake to", "commit themselves to".
        Obligation => "obligation",
        /// Must not do: "shall not", "must not", "refrain from".
        Prohibition => "prohibition",
        /// May do: "may", "can".
        Permission => "permission",
        /// Ought to do: "should".
        Recommendation => "recommendation",
        /// Ought not to do: "should not".
        Discouragement => "discouragement",
        /// Willing to do, if the other side agrees: "is prepared to", "is ready to".
        Offer => "offer",
        /// A position stated, binding to no act: "reaffirm", "continues to support".
        Statement => "statement",
    }
}

impl Modality {
    /// The usual English marker: "shall", "shall not", "may", ...
    pub fn marker(self) -> &'static str {
        match self {
            Modality::Obligation => "shall",
            Modality::Prohibition => "shall not",
            Modality::Permission => "may",
            Modality::Recommendation => "should",
            Modality::Discouragement => "should not",
            Modality::Offer => "is prepared to",
            Modality::Statement => "states",
        }
    }
}

/// Where and when a commitment applies. The default is everywhere, always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Scope {
    /// Geographic areas, in the text's words: "Europe", "territory of Ukraine".
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub areas: Vec<String>,
    /// The first day the commitment applies.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::serde_glue::opt_date"
        )
    )]
    pub from: Option<Date>,
    /// The last day the commitment applies.
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

impl Scope {
    /// No areas and no time bounds.
    pub fn is_unbounded(&self) -> bool {
        self.areas.is_empty() && self.from.is_none() && self.until.is_none()
    }
}

string_enum! {
    /// Whether breaking a commitment breaks the law or only a promise.
    pub enum LegalForce {
        /// A treaty obligation under international law.
        LegallyBinding => "legally_binding",
        /// A political undertaking: a statement, a declaration, an offer in a letter.
        Political => "political",
    }
}

string_enum! {
    /// Who put a commitment into the data.
    #[derive(Default)]
    pub enum Origin {
        /// Encoded by a person reading the text.
        #[default]
        Annotated => "annotated",
        /// Inferred by a tool from a deontic marker in the text.
        Inferred => "inferred",
    }
}

impl Origin {
    /// Whether this is [`Origin::Annotated`].
    pub fn is_annotated(&self) -> bool {
        matches!(self, Origin::Annotated)
    }
}
