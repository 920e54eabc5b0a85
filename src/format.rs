//! The JSON format: one documented shape, versioned, read strictly and written
//! deterministically.
//!
//! # The shape
//!
//! A document is one [`Negotiation`]: an object with the format version under `"pactum"`, a
//! `title`, an optional `description`, and arrays of `parties`, `proposals` and `meetings`
//! (each optional, empty when absent). Every name is snake_case; ids are strings (see
//! [`crate::id`]); dates are ISO 8601 calendar dates (`"2022-01-12"`); enums are snake_case
//! strings (`"prohibition"`, `"under_negotiation"`). Fields that are empty or take their default
//! are left out when writing and may be left out when reading. A party reference is a party id
//! (`"RU"`) or a group (`{"members_of": "NATO", "as_of": "1997-05-27"}`).
//!
//! ```
//! let json = r#"{
//!   "pactum": "1.0",
//!   "title": "An example",
//!   "parties": [
//!     { "id": "A", "name": "State A", "kind": "state" },
//!     { "id": "B", "name": "State B", "kind": "state" },
//!     { "id": "AL", "name": "An alliance", "kind": "alliance",
//!       "members": [ { "party": "B", "since": "1999-03-12" } ] }
//!   ],
//!   "proposals": [
//!     {
//!       "id": "draft-1",
//!       "title": "Agreement on an example",
//!       "proposer": "A",
//!       "parties": [ "A", { "members_of": "AL" } ],
//!       "date": "2021-12-17",
//!       "status": "tabled",
//!       "preamble": [ { "text": "determined to prevent dangerous military activity" } ],
//!       "clauses": [
//!         {
//!           "id": "art-1",
//!           "number": "Article 1",
//!           "heading": "Restraint",
//!           "text": "The Parties shall not deploy missiles in Europe.",
//!           "commitments": [
//!             {
//!               "id": "no-missiles",
//!               "obligors": [ "A", { "members_of": "AL", "as_of": "1997-05-27" } ],
//!               "modality": "prohibition",
//!               "action": "deploy missiles",
//!               "scope": { "areas": [ "Europe" ] },
//!               "exceptions": [ "with the consent of all the Parties" ],
//!               "force": "legally_binding"
//!             }
//!           ],
//!           "children": [
//!             { "id": "art-1.p-1", "number": "1.", "text": "Summary of a paragraph.", "text_basis": "summary" }
//!           ]
//!         }
//!       ],
//!       "language": "en",
//!       "translated_from": "ru",
//!       "provenance": {
//!         "completeness": "partial",
//!         "sources": [ { "citation": "Ministry of Foreign Affairs", "url": "https://example.org/draft" } ],
//!         "note": "the text stops inside Article 1"
//!       }
//!     }
//!   ],
//!   "meetings": [
//!     {
//!       "id": "m-1",
//!       "forum": "A Council",
//!       "place": "Brussels",
//!       "date": "2022-01-12",
//!       "chair": { "name": "A Chair", "role": "Secretary General" },
//!       "delegations": [ { "party": "A", "delegates": [ { "name": "A Minister", "role": "Deputy Foreign Minister" } ] } ],
//!       "agenda": [ "draft-1" ],
//!       "outcome": "no agreement"
//!     }
//!   ]
//! }"#;
//! let n = pactum::format::from_str(json)?;
//! assert_eq!(n.proposal("draft-1").unwrap().clauses[0].children().len(), 1);
//! // Writing is pretty and deterministic; reading back gives the same value.
//! let written = pactum::format::to_string(&n);
//! assert_eq!(pactum::format::from_str(&written)?, n);
//! assert_eq!(pactum::format::to_string(&pactum::format::from_str(&written)?), written);
//! # Ok::<(), pactum::format::ReadError>(())
//! ```
//!
//! Field by field:
//!
//! | object | fields (required in bold) |
//! |---|---|
//! | document | **`pactum`**, **`title`**, `description`, `parties`, `proposals`, `meetings` |
//! | party | **`id`**, **`name`**, **`kind`** (`state`, `organization`, `alliance`, `other`), `aliases`, `members` |
//! | membership | **`party`**, **`since`**, `until` |
//! | proposal | **`id`**, **`title`**, **`proposer`**, `parties`, `date`, **`status`**, `answers`, `supersedes`, `preamble`, `ids_from_numbering` (`true` when the clause ids come from the numbering, as an import makes them), `clauses`, **`language`**, `translated_from`, **`provenance`** |
//! | recital | **`text`**, `text_basis` |
//! | clause | **`id`**, `number`, `heading`, `kind` (`part`, `title`, `chapter`, `section`, `subsection`, `article`, `paragraph`, `point`, `annex`, `appendix`, `protocol`, `schedule`, `heading`), `deleted` (`true` for a deleted provision's placeholder), **`text`** (a string, or for a bracketed text an array of segments: see Versions), `bracketed`, `text_basis` (`verbatim`, `truncated`, `quoted_in_part`, `summary`), `sources`, `commitments`, `answers`, `children` |
//! | commitment | **`id`**, **`obligors`**, `beneficiaries`, **`modality`**, **`action`**, `scope` (`areas`, `from`, `until`), `conditions`, `exceptions`, **`force`** (`legally_binding`, `political`), `origin` (`annotated`, `inferred`) |
//! | provenance | **`completeness`** (`full`, `partial`, `excerpt`), `sources`, `note` |
//! | source | **`citation`**, `url` |
//! | meeting | **`id`**, **`forum`**, `place`, **`date`**, `chair`, `delegations`, `agenda`, `outcome`, `sources` |
//! | delegation | **`party`**, `delegates`, `note` |
//! | delegate | **`name`**, `role` |
//!
//! # Versions
//!
//! The version is `MAJOR.MINOR`, now [`FORMAT_VERSION`]. A reader of major version 1 reads any
//! `1.x` document whose fields it knows and refuses any other major version with
//! [`ReadErrorKind::UnsupportedVersion`], before looking at the rest of the document.
//!
//! Version 1.1 added two optional clause fields, `kind` and `deleted`, and the optional
//! proposal field `ids_from_numbering`. A 1.0 document reads as before (it has none of them);
//! a reader of 1.0 refuses a document that uses them, naming the unknown field.
//!
//! Version 1.2 added bracketed texts ([`crate::brackets`]): a clause's `text` may be an array
//! of segments, each a string or a bracket, `{"optional": CHOICE}`, `{"alternatives": [CHOICE,
//! ...]}` or `{"options": [CHOICE, ...]}`, where a choice is `{"label": "1", "text": TEXT,
//! "supporters": ["RU"]}` (its `text` a string or an array of segments again, `label` only for
//! options, `supporters` optional). The segments are written where they give back the clause's
//! very notation, as the importer and [`Bracketed`](crate::brackets::Bracketed)'s `Display`
//! write it (`{A, B}`, every literal bracket escaped); a notation written otherwise, or one
//! that cannot be read, is written as a string with `"bracketed": true` beside it, so that it
//! reads back byte for byte and validation can say what is wrong. A document without
//! bracketed clauses is written as 1.1, byte for byte as before.
//!
//! ```
//! let json = r#"{ "pactum": "1.2", "title": "t", "proposals": [ { "id": "d", "title": "Draft",
//!   "proposer": "A", "status": "drafted", "language": "en", "provenance": { "completeness": "full" },
//!   "clauses": [ { "id": "art-1", "text": [ "The Parties ",
//!     { "alternatives": [ { "text": "shall", "supporters": ["A"] }, { "text": "should" } ] },
//!     " consult." ] } ] } ] }"#;
//! let n = pactum::format::from_str(json)?;
//! let clause = &n.proposal("d").unwrap().clauses[0];
//! assert!(clause.bracketed);
//! assert_eq!(clause.text, "The Parties [shall]{A}[should] consult.");
//! # Ok::<(), pactum::format::ReadError>(())
//! ```
//!
//! # Strict reading
//!
//! [`from_slice`] refuses what the types cannot hold, with a [`ReadError`] that says what is
//! wrong ([`ReadErrorKind`]), where (a path such as `$.proposals[0].clauses[2].id`) and at which
//! line and column: malformed JSON, wrong types, unknown fields (nothing is silently dropped),
//! impossible dates, malformed ids, duplicate ids, clauses nested deeper than
//! [`MAX_CLAUSE_DEPTH`](crate::MAX_CLAUSE_DEPTH), invalid UTF-8. A UTF-8 byte-order mark is
//! accepted and ignored.
//!
//! One leniency comes from serde itself: an object may also be written as an array of its
//! field values in declaration order. pactum never writes that form, and it holds the same data.

use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use indexmap::IndexMap;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::id::{MeetingId, PartyId, ProposalId};
use crate::{Meeting, Negotiation, Party, Proposal};

/// The version of the JSON format this crate writes.
pub const FORMAT_VERSION: &str = "1.2";

/// The version written for a document without bracketed clauses: what it was before they came,
/// so that such a document writes exactly as before and readers of 1.1 still read it.
const UNBRACKETED_VERSION: &str = "1.1";
const FORMAT_MAJOR: u32 = 1;

/// Reads a document from bytes.
///
/// ```
/// use pactum::format::{from_slice, ReadErrorKind};
///
/// let err = from_slice(br#"{"pactum": "1.0", "title": "t", "parties": [{"id": "R U"}]}"#).unwrap_err();
/// assert_eq!(err.kind(), ReadErrorKind::InvalidId);
/// assert_eq!(err.path(), "$.parties[0].id");
/// assert_eq!((err.line(), err.column()), (1, 57));
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<Negotiation, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            let column = 1 + valid.iter().rev().take_while(|&&b| b != b'\n').count();
            return Err(ReadError {
                kind: ReadErrorKind::InvalidUtf8,
                path: String::new(),
                line,
                column,
                message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                io: None,
            });
        }
    };
    if text.trim().is_empty() {
        return Err(ReadError {
            kind: ReadErrorKind::Empty,
            path: String::new(),
            line: 1,
            column: 1,
            message: "the document is empty".to_owned(),
            io: None,
        });
    }
    // The version decides how to read everything else, so it is checked before the rest can
    // fail on fields a newer version added.
    parse::<VersionProbe>(text)?;
    parse::<Negotiation>(text)
}

/// Reads a document from a string.
pub fn from_str(text: &str) -> Result<Negotiation, ReadError> {
    from_slice(text.as_bytes())
}

/// Reads a document from a file.
pub fn read_file(path: impl AsRef<Path>) -> Result<Negotiation, ReadError> {
    let path = path.as_ref();
    match std::fs::read(path) {
        Ok(bytes) => from_slice(&bytes),
        Err(e) => Err(ReadError {
            kind: ReadErrorKind::Io,
            path: String::new(),
            line: 0,
            column: 0,
            message: format!("cannot read {}", path.display()),
            io: Some(IoCause(std::sync::Arc::new(e))),
        }),
    }
}

/// Writes a document as pretty JSON (two-space indent, a final newline).
///
/// The output depends only on the value: parties, proposals and meetings in insertion order,
/// fields in declaration order, empty and default fields left out. So
/// `from_str(&to_string(&v)) == Ok(v)` and writing what was read gives the same bytes.
pub fn to_string(negotiation: &Negotiation) -> String {
    let mut out = serde_json::to_string_pretty(negotiation)
        .expect("pactum values always serialize: every map key is a string");
    out.push('\n');
    out
}

/// Writes a document as pretty JSON to `writer`; see [`to_string`].
pub fn to_writer(
    mut writer: impl std::io::Write,
    negotiation: &Negotiation,
) -> std::io::Result<()> {
    writer.write_all(to_string(negotiation).as_bytes())
}

fn parse<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, ReadError> {
    crate::serde_glue::forget_own();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(ReadError::from_serde)?;
    de.end()
        .map_err(|e| ReadError::from_json(String::new(), e))?;
    Ok(value)
}

/// Why a document could not be read, and where.
///
/// The [`kind`](Self::kind) is stable and machine-readable; the path and the 1-based line and
/// column point at the problem (the column of the byte just past it, as serde_json counts;
/// 0 where no position applies, as for an unreadable file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}{}", display_path(path), display_position(*line, *column))]
pub struct ReadError {
    kind: ReadErrorKind,
    path: String,
    line: usize,
    column: usize,
    message: String,
    /// Why a file could not be read: the error's source, not repeated in its message.
    #[source]
    io: Option<IoCause>,
}

/// The I/O error behind a file that could not be read, shared so that a [`ReadError`] stays
/// `Clone`. Two are equal when their kinds and messages are: `std::io::Error` has no equality
/// of its own.
#[derive(Debug, Clone)]
struct IoCause(std::sync::Arc<std::io::Error>);

impl PartialEq for IoCause {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoCause {}

impl std::fmt::Display for IoCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoCause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// A message with every stretch of input it quotes between backticks cut to
/// [`MAX_QUOTED`](crate::quote::MAX_QUOTED)
/// bytes, at most eight such stretches, and serde's own words between them kept up to 512
/// bytes each.
fn bounded(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    for (i, part) in message.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(&crate::quote::cut(part, 512));
        } else if i > 16 {
            out.push('…');
            break;
        } else {
            out.push('`');
            out.push_str(&crate::quote::cut(part, crate::quote::MAX_QUOTED));
            out.push('`');
        }
    }
    out
}

fn display_path(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("at {path}: ")
    }
}

fn display_position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" (line {line}, column {column})")
    }
}

impl ReadError {
    /// What kind of problem it is.
    pub fn kind(&self) -> ReadErrorKind {
        self.kind
    }

    /// Where in the document, as a path from the root `$`: `$.proposals[0].clauses[2].id`.
    /// Empty when the problem is with the document as a whole (its bytes, its syntax).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The 1-based line, or 0 when there is no position.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, or 0 when there is no position.
    pub fn column(&self) -> usize {
        self.column
    }

    /// The message alone, without path or position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For a file that could not be read ([`ReadErrorKind::Io`]), the I/O error: also the
    /// error's [`source`](std::error::Error::source), not repeated in its message.
    pub fn io_error(&self) -> Option<&std::io::Error> {
        self.io.as_ref().map(|cause| &*cause.0)
    }

    fn from_serde(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let mut path = String::from("$");
        for segment in e.path() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                serde_path_to_error::Segment::Map { key } => {
                    path.push('.');
                    path.push_str(&crate::quote::cut(key, crate::quote::MAX_QUOTED));
                }
                serde_path_to_error::Segment::Enum { variant } => {
                    path.push('.');
                    path.push_str(variant);
                }
                serde_path_to_error::Segment::Unknown => path.push_str(".?"),
            }
        }
        Self::from_json(path, e.into_inner())
    }

    fn from_json(path: String, e: serde_json::Error) -> Self {
        let (line, column) = (e.line(), e.column());
        let full = e.to_string();
        let suffix = format!(" at line {line} column {column}");
        let raw = full.strip_suffix(&suffix).unwrap_or(&full);
        let message = bounded(raw);
        let kind = match e.classify() {
            serde_json::error::Category::Io => ReadErrorKind::Io,
            serde_json::error::Category::Eof => ReadErrorKind::UnexpectedEof,
            serde_json::error::Category::Syntax if message == "recursion limit exceeded" => {
                ReadErrorKind::TooDeep
            }
            serde_json::error::Category::Syntax => ReadErrorKind::Syntax,
            // pactum's own errors say their kind; serde's say only their words.
            serde_json::error::Category::Data => crate::serde_glue::own_kind(raw)
                .unwrap_or_else(|| ReadErrorKind::from_serde_message(&message)),
        };
        // A syntax error is about the bytes, not about a field: the path serde reports then is
        // only where the parser happened to be.
        let path = match kind {
            ReadErrorKind::Syntax | ReadErrorKind::UnexpectedEof => String::new(),
            // Keyed collections find a repeated id once the element is read, when the path is
            // the collection's again: the element comes from the message (written by
            // `KeyedSeq` below).
            ReadErrorKind::DuplicateId => match message
                .split_once(": element ")
                .and_then(|(_, rest)| rest.split_once(' '))
                .and_then(|(index, _)| index.parse::<usize>().ok())
            {
                Some(index) => format!("{path}[{index}].id"),
                None => path,
            },
            _ => path,
        };
        ReadError {
            kind,
            path,
            line,
            column,
            message,
            io: None,
        }
    }
}

/// The kinds of [`ReadError`], stable across releases (new kinds may be added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The file could not be read.
    Io,
    /// No document: the input is empty or only white space.
    Empty,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// Not JSON: a stray character, a missing comma, a control character in a string.
    Syntax,
    /// The JSON stops before the document ends.
    UnexpectedEof,
    /// A value of the wrong JSON type: a number where a string belongs, an array where an
    /// object belongs.
    WrongType,
    /// A field the format does not have. Refused, so that nothing is silently dropped.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field appears twice in one object.
    DuplicateField,
    /// An enum value the format does not have: `"kind": "empire"`.
    UnknownVariant,
    /// A malformed id (see [`crate::id`]).
    InvalidId,
    /// Not a calendar date, or an impossible one: `"2022-02-30"`.
    InvalidDate,
    /// Two parties, proposals or meetings with one id.
    DuplicateId,
    /// Clauses nested deeper than [`MAX_CLAUSE_DEPTH`](crate::MAX_CLAUSE_DEPTH), or JSON nested
    /// deeper than the parser's limit.
    TooDeep,
    /// A format version this reader does not read.
    UnsupportedVersion,
    /// A bracketed text whose segments the notation cannot hold: two brackets side by side,
    /// an empty choice, options that are not the whole text (see [`crate::brackets`]).
    InvalidBrackets,
    /// Any other value the types cannot hold.
    InvalidValue,
}

impl ReadErrorKind {
    /// The kind of one of serde's own errors, from its words: serde's errors carry nothing
    /// else. Each wording is pinned by a test (`tests/format.rs`), so that a serde release that
    /// changes one fails there instead of changing a kind silently.
    fn from_serde_message(message: &str) -> Self {
        let starts = |p: &str| message.starts_with(p);
        // serde reads a struct from an array of its fields too, and says "invalid length" when
        // an array stands where an object belongs and has not enough elements: a wrong type.
        let array_for_object = starts("invalid length") && message.contains("expected struct");
        if starts("invalid type:") || array_for_object {
            ReadErrorKind::WrongType
        } else if starts("unknown field") {
            ReadErrorKind::UnknownField
        } else if starts("missing field") {
            ReadErrorKind::MissingField
        } else if starts("duplicate field") {
            ReadErrorKind::DuplicateField
        } else if starts("unknown variant") {
            ReadErrorKind::UnknownVariant
        } else {
            ReadErrorKind::InvalidValue
        }
    }
}

/// A format version, checked as it is read.
struct FormatVersion;

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let shown = crate::quote::cut(&s, crate::quote::MAX_QUOTED);
        let major = s.split_once('.').and_then(|(major, minor)| {
            minor.parse::<u32>().ok()?;
            major.parse::<u32>().ok()
        });
        match major {
            Some(FORMAT_MAJOR) => Ok(FormatVersion),
            Some(_) => Err(crate::serde_glue::own_error(
                ReadErrorKind::UnsupportedVersion,
                format_args!(
                    "unsupported format version `{shown}`: this reader reads {FORMAT_MAJOR}.x (written as {FORMAT_VERSION})"
                ),
            )),
            None => Err(crate::serde_glue::own_error(
                ReadErrorKind::UnsupportedVersion,
                format_args!(
                    "unsupported format version `{shown}`: a version is MAJOR.MINOR, such as {FORMAT_VERSION}"
                ),
            )),
        }
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    #[allow(dead_code)] // read for its check only
    pactum: Option<FormatVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NegotiationRepr {
    #[allow(dead_code)] // read for its check only
    pactum: FormatVersion,
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, deserialize_with = "parties")]
    parties: IndexMap<PartyId, Party>,
    #[serde(default, deserialize_with = "proposals")]
    proposals: IndexMap<ProposalId, Proposal>,
    #[serde(default, deserialize_with = "meetings")]
    meetings: IndexMap<MeetingId, Meeting>,
}

impl<'de> Deserialize<'de> for Negotiation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = NegotiationRepr::deserialize(d)?;
        Ok(Negotiation {
            title: r.title,
            description: r.description,
            parties: r.parties,
            proposals: r.proposals,
            meetings: r.meetings,
        })
    }
}

impl Serialize for Negotiation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Values<'a, K, V>(&'a IndexMap<K, V>);
        impl<K, V: Serialize> Serialize for Values<'_, K, V> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.values())
            }
        }
        let mut st = s.serialize_struct("Negotiation", 6)?;
        let bracketed = self
            .proposals
            .values()
            .flat_map(|p| p.clauses.iter().flat_map(crate::Clause::walk))
            .any(|c| c.bracketed);
        let version = if bracketed {
            FORMAT_VERSION
        } else {
            UNBRACKETED_VERSION
        };
        st.serialize_field("pactum", version)?;
        st.serialize_field("title", &self.title)?;
        if let Some(description) = &self.description {
            st.serialize_field("description", description)?;
        }
        st.serialize_field("parties", &Values(&self.parties))?;
        st.serialize_field("proposals", &Values(&self.proposals))?;
        if !self.meetings.is_empty() {
            st.serialize_field("meetings", &Values(&self.meetings))?;
        }
        st.end()
    }
}

/// A sequence of values read into a map keyed by each value's id, refusing a repeated id at
/// the element that repeats it.
struct KeyedSeq<K, V> {
    collection: &'static str,
    key: fn(&V) -> &K,
    marker: PhantomData<(K, V)>,
}

impl<'de, K, V> Visitor<'de> for KeyedSeq<K, V>
where
    K: std::hash::Hash + Eq + Clone + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = IndexMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {}", self.collection)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut map = IndexMap::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(value) = seq.next_element::<V>()? {
            let key = (self.key)(&value).clone();
            let index = map.len();
            if let Some(first) = map.get_index_of(&key) {
                return Err(crate::serde_glue::own_error(
                    ReadErrorKind::DuplicateId,
                    format_args!(
                        "duplicate {} id `{key}`: element {index} repeats element {first}",
                        self.collection
                    ),
                ));
            }
            map.insert(key, value);
        }
        Ok(map)
    }
}

fn keyed<'de, D, K, V>(
    d: D,
    collection: &'static str,
    key: fn(&V) -> &K,
) -> Result<IndexMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: std::hash::Hash + Eq + Clone + fmt::Display,
    V: Deserialize<'de>,
{
    d.deserialize_seq(KeyedSeq {
        collection,
        key,
        marker: PhantomData,
    })
}

fn parties<'de, D: Deserializer<'de>>(d: D) -> Result<IndexMap<PartyId, Party>, D::Error> {
    keyed(d, "party", Party::id)
}

fn proposals<'de, D: Deserializer<'de>>(d: D) -> Result<IndexMap<ProposalId, Proposal>, D::Error> {
    keyed(d, "proposal", Proposal::id)
}

fn meetings<'de, D: Deserializer<'de>>(d: D) -> Result<IndexMap<MeetingId, Meeting>, D::Error> {
    keyed(d, "meeting", Meeting::id)
}
