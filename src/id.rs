//! Identifiers: [`PartyId`], [`ProposalId`], [`ClauseId`], [`CommitmentId`], [`MeetingId`].
//!
//! Every id is a newtype over a string with one syntax, checked when the id is made:
//!
//! - 1 to [`MAX_ID_LEN`] bytes;
//! - the first character an ASCII letter or digit;
//! - the rest ASCII letters, digits, `-`, `_` or `.`.
//!
//! So `RU`, `NATO`, `ru-nato-2021-12-17`, `art-4` and `art-4.p-2` are ids; `""`, `-x`, `Art 4`
//! and `Article№4` are not. Ids are case-sensitive, serialize as plain strings and parse back
//! with `FromStr`; they borrow as `&str`, so maps keyed by ids can be
//! queried with string slices.
//!
//! Ids are shared, not copied: cloning one (as a diff does for every clause it reports) costs a
//! reference count, not an allocation.
//!
//! A clause id is the clause's identity, not its displayed number: a renumbered clause keeps its
//! id (the distinction Akoma Ntoso draws between `wId` and `eId`).

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// The longest id, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// Why a string is not an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} `{input}`: {reason}")]
pub struct IdError {
    what: &'static str,
    input: String,
    reason: IdErrorReason,
}

impl IdError {
    /// Which kind of id was being made, e.g. `"party id"`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The rejected input (shortened to a few hundred bytes if it was longer).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What is wrong with it.
    pub fn reason(&self) -> &IdErrorReason {
        &self.reason
    }
}

/// What is wrong with a string that was meant to be an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdErrorReason {
    /// The string is empty.
    #[error("an id cannot be empty")]
    Empty,
    /// The string is longer than [`MAX_ID_LEN`] bytes.
    #[error("an id has at most {MAX_ID_LEN} bytes, this one has {len}")]
    TooLong {
        /// The length found, in bytes.
        len: usize,
    },
    /// A character that ids do not allow.
    #[error("character {character:?} at byte {index} is not allowed{}", if *.index == 0 { " at the start (use a letter or digit)" } else { " (use letters, digits, '-', '_' or '.')" })]
    InvalidCharacter {
        /// The offending character.
        character: char,
        /// Its byte offset in the input.
        index: usize,
    },
}

fn check(what: &'static str, s: &str) -> Result<(), IdError> {
    let fail = |reason| {
        // Keep errors small even when the input is a hostile megabyte.
        let mut end = s.len().min(256);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        Err(IdError {
            what,
            input: s[..end].to_owned(),
            reason,
        })
    };
    if s.is_empty() {
        return fail(IdErrorReason::Empty);
    }
    if s.len() > MAX_ID_LEN {
        return fail(IdErrorReason::TooLong { len: s.len() });
    }
    for (index, character) in s.char_indices() {
        let ok = character.is_ascii_alphanumeric()
            || (index > 0 && matches!(character, '-' | '_' | '.'));
        if !ok {
            return fail(IdErrorReason::InvalidCharacter { character, index });
        }
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// See the [module docs](crate::id) for the syntax.
        ///
        /// ```
        #[doc = concat!("use pactum::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id: ", stringify!($name), " = \"", $example, "\".parse()?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(\"no spaces\".parse::<", stringify!($name), ">().is_err());")]
        /// # Ok::<(), pactum::IdError>(())
        /// ```
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Makes an id, checking its syntax. The text is copied once, into the shared
            /// buffer that clones of the id point to.
            pub fn new(s: impl AsRef<str>) -> Result<Self, IdError> {
                let s = s.as_ref();
                check($what, s)?;
                Ok(Self(Arc::from(s)))
            }

            /// Makes an id from a string literal, for ids written in the program's own
            /// code, as `http::HeaderName::from_static` does: no `?` at every call.
            ///
            /// ```
            #[doc = concat!("let id = pactum::", stringify!($name), "::from_static(\"", $example, "\");")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            /// ```
            ///
            /// # Panics
            ///
            /// When `s` is not an id: a literal that is not one is a bug in the program, not
            /// bad input. Ids that come from input go through [`new`](Self::new) or `parse`,
            /// which return an [`IdError`].
            #[track_caller]
            pub fn from_static(s: &'static str) -> Self {
                match check($what, s) {
                    Ok(()) => Self(Arc::from(s)),
                    Err(e) => panic!("{e}"),
                }
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;

            fn from_str(s: &str) -> Result<Self, IdError> {
                check($what, s)?;
                Ok(Self(Arc::from(s)))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;

            fn try_from(s: &str) -> Result<Self, IdError> {
                s.parse()
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;

            fn try_from(s: String) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        // Sound because the derived Hash, Eq and Ord of a one-field `Arc<str>` newtype agree
        // with those of `str`.
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::new(s).map_err(|e| {
                    crate::serde_glue::own_error(crate::format::ReadErrorKind::InvalidId, e)
                })
            }
        }
    };
}

id_type!(
    /// Identifies a [`Party`](crate::Party): a short code such as `RU`, `US`, `NATO` or `UA`.
    PartyId,
    "party id",
    "NATO"
);
id_type!(
    /// Identifies a [`Proposal`](crate::Proposal) within a [`Negotiation`](crate::Negotiation).
    ProposalId,
    "proposal id",
    "ru-nato-2021-12-17"
);
id_type!(
    /// Identifies a [`Clause`](crate::Clause) within its proposal, whatever its displayed number.
    ClauseId,
    "clause id",
    "art-4.p-2"
);
id_type!(
    /// Identifies a [`Commitment`](crate::Commitment) within its clause.
    CommitmentId,
    "commitment id",
    "no-deployment"
);
id_type!(
    /// Identifies a [`Meeting`](crate::Meeting) within a [`Negotiation`](crate::Negotiation).
    MeetingId,
    "meeting id",
    "nrc-2022-01-12"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_makes_the_same_id_as_parsing() {
        assert_eq!(PartyId::from_static("RU"), "RU".parse::<PartyId>().unwrap());
        assert_eq!(ClauseId::from_static("art-4.p-2").as_str(), "art-4.p-2");
    }

    #[test]
    #[should_panic(expected = "invalid clause id `Art 4`")]
    fn a_literal_that_is_no_id_is_a_bug_that_says_why() {
        let _ = ClauseId::from_static("Art 4");
    }

    #[test]
    fn accepts_the_documented_syntax() {
        for ok in [
            "RU",
            "NATO",
            "a",
            "art-4.p-2",
            "x_y",
            "0",
            &"a".repeat(MAX_ID_LEN),
        ] {
            assert!(PartyId::new(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_with_the_reason_and_where() {
        let e = ClauseId::new("").unwrap_err();
        assert_eq!(e.reason(), &IdErrorReason::Empty);
        let e = ClauseId::new("-x").unwrap_err();
        assert_eq!(
            e.reason(),
            &IdErrorReason::InvalidCharacter {
                character: '-',
                index: 0
            }
        );
        let e = ClauseId::new("Art 4").unwrap_err();
        assert_eq!(
            e.reason(),
            &IdErrorReason::InvalidCharacter {
                character: ' ',
                index: 3
            }
        );
        assert_eq!(
            e.to_string(),
            "invalid clause id `Art 4`: character ' ' at byte 3 is not allowed (use letters, digits, '-', '_' or '.')"
        );
        let e = ClauseId::new("é").unwrap_err();
        assert_eq!(
            e.reason(),
            &IdErrorReason::InvalidCharacter {
                character: 'é',
                index: 0
            }
        );
        let long = "a".repeat(MAX_ID_LEN + 1);
        let e = ClauseId::new(long).unwrap_err();
        assert_eq!(
            e.reason(),
            &IdErrorReason::TooLong {
                len: MAX_ID_LEN + 1
            }
        );
    }

    #[test]
    fn hostile_input_is_shortened_in_the_error() {
        let e = PartyId::new("é".repeat(10_000)).unwrap_err();
        assert!(e.input().len() <= 256);
    }
}
