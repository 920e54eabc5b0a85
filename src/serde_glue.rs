//! The serde glue of the model: how a clause, a party reference and a date read and write.
//! The model's types point here (`#[serde(with = "crate::serde_glue::date")]`); the
//! document itself, its version and its errors are [`crate::format`]'s.

use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::id::{ClauseId, PartyId};
use crate::model::clause::{Clause, NestingError};
use crate::model::commitment::{Commitment, PartyRef};
use crate::model::provenance::Source;
use crate::model::provenance::TextBasis;

/// A clause as it stands in JSON, before the nesting bound is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClauseRepr {
    id: ClauseId,
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    heading: Option<String>,
    #[serde(default)]
    kind: Option<crate::ClauseKind>,
    #[serde(default)]
    deleted: bool,
    text: String,
    #[serde(default)]
    text_basis: TextBasis,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    commitments: Vec<Commitment>,
    #[serde(default)]
    answers: Vec<ClauseId>,
    #[serde(default)]
    children: Vec<Clause>,
}

impl TryFrom<ClauseRepr> for Clause {
    type Error = NestingError;

    fn try_from(r: ClauseRepr) -> Result<Self, NestingError> {
        let mut head = Clause::new(r.id, r.text);
        head.number = r.number;
        head.heading = r.heading;
        head.kind = r.kind;
        head.deleted = r.deleted;
        head.text_basis = r.text_basis;
        head.sources = r.sources;
        head.commitments = r.commitments;
        head.answers = r.answers;
        Clause::from_parts(head, r.children)
    }
}

impl Serialize for PartyRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PartyRef::Party(id) => id.serialize(s),
            PartyRef::MembersOf { alliance, as_of } => {
                let mut m = s.serialize_map(Some(if as_of.is_some() { 2 } else { 1 }))?;
                m.serialize_entry("members_of", alliance)?;
                if let Some(day) = as_of {
                    m.serialize_entry("as_of", &day.to_string())?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for PartyRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PartyRef;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a party id or {"members_of": ID, "as_of": DATE}"#)
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<PartyRef, E> {
                s.parse().map(PartyRef::Party).map_err(E::custom)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PartyRef, A::Error> {
                const FIELDS: &[&str] = &["members_of", "as_of"];
                let mut alliance: Option<PartyId> = None;
                let mut as_of: Option<Date> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "members_of" if alliance.is_some() => {
                            return Err(de::Error::duplicate_field("members_of"));
                        }
                        "members_of" => alliance = Some(map.next_value()?),
                        "as_of" if as_of.is_some() => {
                            return Err(de::Error::duplicate_field("as_of"));
                        }
                        "as_of" => as_of = Some(map.next_value::<DateValue>()?.0),
                        other => return Err(de::Error::unknown_field(other, FIELDS)),
                    }
                }
                let alliance = alliance.ok_or_else(|| de::Error::missing_field("members_of"))?;
                Ok(PartyRef::MembersOf { alliance, as_of })
            }
        }
        d.deserialize_any(V)
    }
}

/// A calendar date read from its ISO 8601 string, with our own error wording.
struct DateValue(Date);

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // jiff also reads date-times; a calendar date is exactly YYYY-MM-DD.
        let shaped = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
        match s.parse::<Date>() {
            Ok(day) if shaped => Ok(DateValue(day)),
            Ok(_) => Err(de::Error::custom(format_args!(
                "invalid date `{s}`: expected YYYY-MM-DD"
            ))),
            Err(e) => Err(de::Error::custom(format_args!("invalid date `{s}`: {e}"))),
        }
    }
}

/// `#[serde(with)]` for a required date.
pub(crate) mod date {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(day: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(day)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        DateValue::deserialize(d).map(|v| v.0)
    }
}

/// `#[serde(with)]` for an optional date.
pub(crate) mod opt_date {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(day: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => s.collect_str(day),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Option::<DateValue>::deserialize(d).map(|v| v.map(|v| v.0))
    }
}
