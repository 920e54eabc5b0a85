//! The serde glue of the model: how a clause, a party reference and a date read and write.
//! The model's types point here (`#[serde(with = "crate::serde_glue::date")]`); the
//! document itself, its version and its errors are [`crate::format`]'s.

use std::cell::RefCell;
use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::brackets::json::TextIn;
use crate::format::ReadErrorKind;
use crate::id::{ClauseId, PartyId};
use crate::model::clause::{Clause, NestingError};
use crate::model::commitment::{Commitment, PartyRef};
use crate::model::provenance::Source;
use crate::model::provenance::TextBasis;

use crate::quote::{MAX_QUOTED, cut};

thread_local! {
    /// The last error of pactum's own that a reader raised on this thread, with its kind.
    static OWN: RefCell<Option<(ReadErrorKind, String)>> = const { RefCell::new(None) };
}

/// An error of pactum's own wording for serde to carry, its kind noted beside it: serde's
/// errors hold only a message, and [`crate::format`] reads the kind back from this note
/// (when the message it gets is this one) instead of from the words.
pub(crate) fn own_error<E: de::Error>(kind: ReadErrorKind, message: impl fmt::Display) -> E {
    let message = message.to_string();
    let error = E::custom(&message);
    OWN.with(|own| *own.borrow_mut() = Some((kind, message)));
    error
}

/// The kind of the last error [`own_error`] noted on this thread, if its message is
/// `message`; the note is cleared either way.
pub(crate) fn own_kind(message: &str) -> Option<ReadErrorKind> {
    OWN.with(|own| own.borrow_mut().take())
        .and_then(|(kind, noted)| (noted == message).then_some(kind))
}

/// Forgets any note [`own_error`] left, before a document is read.
pub(crate) fn forget_own() {
    OWN.with(|own| *own.borrow_mut() = None);
}

impl Serialize for Clause {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // A bracketed text is written as segments where they give back its very notation (it
        // is canonical, as the importer and `Bracketed`'s `Display` write it); any other, and
        // one that cannot be read, is written as it stands, with the flag, so that it reads
        // back byte for byte.
        let parsed = self
            .brackets()
            .map(|read| read.ok().filter(|text| text.to_string() == self.text));
        let mut st = s.serialize_struct("Clause", 12)?;
        st.serialize_field("id", &self.id)?;
        if let Some(number) = &self.number {
            st.serialize_field("number", number)?;
        }
        if let Some(heading) = &self.heading {
            st.serialize_field("heading", heading)?;
        }
        if let Some(kind) = &self.kind {
            st.serialize_field("kind", kind)?;
        }
        if self.deleted {
            st.serialize_field("deleted", &true)?;
        }
        match &parsed {
            Some(Some(text)) => {
                st.serialize_field("text", &crate::brackets::json::Segments(&text.segments))?;
            }
            Some(None) => {
                st.serialize_field("text", &self.text)?;
                st.serialize_field("bracketed", &true)?;
            }
            None => st.serialize_field("text", &self.text)?,
        }
        if !self.text_basis.is_verbatim() {
            st.serialize_field("text_basis", &self.text_basis)?;
        }
        if !self.sources.is_empty() {
            st.serialize_field("sources", &self.sources)?;
        }
        if !self.commitments.is_empty() {
            st.serialize_field("commitments", &self.commitments)?;
        }
        if !self.answers.is_empty() {
            st.serialize_field("answers", &self.answers)?;
        }
        if !self.children().is_empty() {
            st.serialize_field("children", self.children())?;
        }
        st.end()
    }
}

impl<'de> Deserialize<'de> for Clause {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let repr = ClauseRepr::deserialize(d)?;
        Clause::try_from(repr).map_err(|e| match e {
            ReprError::Nesting(e) => own_error(ReadErrorKind::TooDeep, e),
            ReprError::Flag => own_error(
                ReadErrorKind::InvalidBrackets,
                "invalid bracketed text: `bracketed` goes only with a text written as a string",
            ),
        })
    }
}

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
    text: TextIn,
    /// Only with a text written as a string: a notation that could not be read when written.
    #[serde(default)]
    bracketed: Option<bool>,
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
    type Error = ReprError;

    fn try_from(r: ClauseRepr) -> Result<Self, ReprError> {
        let (text, bracketed) = match (r.text, r.bracketed) {
            (TextIn::Plain(text), flag) => (text, flag.unwrap_or(false)),
            (TextIn::Bracketed(text), None) => (text, true),
            (TextIn::Bracketed(_), Some(_)) => return Err(ReprError::Flag),
        };
        let mut head = Clause::new(r.id, text);
        head.bracketed = bracketed;
        head.number = r.number;
        head.heading = r.heading;
        head.kind = r.kind;
        head.deleted = r.deleted;
        head.text_basis = r.text_basis;
        head.sources = r.sources;
        head.commitments = r.commitments;
        head.answers = r.answers;
        Clause::from_parts(head, r.children).map_err(ReprError::Nesting)
    }
}

/// Why a clause read from JSON cannot be made.
pub(crate) enum ReprError {
    Nesting(NestingError),
    /// `bracketed` beside a text written as segments, which is bracketed already.
    Flag,
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
                s.parse()
                    .map(PartyRef::Party)
                    .map_err(|e| own_error(ReadErrorKind::InvalidId, e))
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
        let shown = cut(&s, MAX_QUOTED);
        match s.parse::<Date>() {
            Ok(day) if shaped => Ok(DateValue(day)),
            Ok(_) => Err(own_error(
                ReadErrorKind::InvalidDate,
                format_args!("invalid date `{shown}`: expected YYYY-MM-DD"),
            )),
            Err(e) => Err(own_error(
                ReadErrorKind::InvalidDate,
                format_args!("invalid date `{shown}`: {e}"),
            )),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_noted_kind_answers_only_for_its_own_message_and_once() {
        let _: serde_json::Error = own_error(ReadErrorKind::InvalidDate, "invalid date `x`");
        assert_eq!(own_kind("invalid date `y`"), None);
        // The note went with the first question.
        assert_eq!(own_kind("invalid date `x`"), None);
        let _: serde_json::Error = own_error(ReadErrorKind::InvalidDate, "invalid date `x`");
        assert_eq!(
            own_kind("invalid date `x`"),
            Some(ReadErrorKind::InvalidDate)
        );
    }
}
