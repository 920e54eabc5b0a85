//! Bracketed text: the negotiating text as data.
//!
//! In a negotiation the working draft is a bracketed text. Words still disputed stand in
//! square brackets, and each option may name the delegations that want it. pactum keeps such a
//! clause's text in one notation, marked by [`Clause::bracketed`](crate::Clause::bracketed),
//! and reads it into a [`Bracketed`] view on demand:
//!
//! | notation | what it is | [`BracketKind`] |
//! |---|---|---|
//! | `[with the consent of all the Parties]` | an optional span: in or out | `optional` |
//! | `[shall][should]` | inline alternatives: brackets side by side, nothing between | `alternatives` |
//! | `[Option 1: ...][Option 2: ...]` as the whole text | clause-level options, each with its label | `options` |
//! | `[shall]{RU}[should]{US, NATO}` | who supports an option: party ids in braces right after its bracket | |
//! | `\[9\]`, `\{`, `\}`, `\\` | a literal bracket, brace or backslash | |
//!
//! Brackets nest (`[shall [not]][should]`), at most [`MAX_BRACKET_DEPTH`] levels.
//!
//! **Why a notation in the text, not segments in the clause.** Every other part of pactum
//! (the text comparison, the deontic reading, the renderings) reads a clause's text as a
//! string, and a bracketed text is still text: a change inside a bracket is a text change like
//! any other, and `[shall][should]` holds both markers. Keeping the notation in
//! [`Clause::text`](crate::Clause::text) lets all of it work unchanged, while the flag keeps
//! the literal brackets of every other text (footnote markers `[9]`, `[deleted]`) literal: a
//! document without bracketed clauses reads, validates and writes exactly as before. The
//! notation can be wrong (an unclosed bracket): [`Bracketed::parse`] says where, and
//! validation reports it. In the JSON format a bracketed text is written as structured
//! segments, so a reader needs no escape rules (see [`mod@crate::format`]); only a notation
//! that is not in the canonical form this module writes (`{A,B}` for `{A, B}`), or that cannot
//! be read, is kept there as a string, so that it reads back byte for byte.
//!
//! ```
//! use pactum::brackets::{Bracketed, BracketKind, Segment};
//!
//! let text = Bracketed::parse("The Parties [shall]{RU}[should]{US, NATO} refrain from \\[9\\] it.")?;
//! let Segment::Bracket(b) = &text.segments[1] else { unreachable!() };
//! assert_eq!(b.kind, BracketKind::Alternatives);
//! assert_eq!(b.choices[1].plain(), "should");
//! assert_eq!(b.choices[1].supporters.len(), 2);
//! // The literal brackets of the footnote marker are text.
//! assert_eq!(text.segments[2], Segment::Text(" refrain from [9] it.".into()));
//! // Written back, the notation is the same.
//! assert_eq!(text.to_string(), "The Parties [shall]{RU}[should]{US, NATO} refrain from \\[9\\] it.");
//! # Ok::<(), pactum::brackets::BracketError>(())
//! ```

#[cfg(feature = "serde")]
pub(crate) mod json;
mod parse;
mod tally;

use std::fmt;

use crate::PartyId;

pub use tally::{Tally, TallyChange};

/// How deep brackets may nest, counting a bracket in plain text as level 1.
///
/// Real bracketed texts nest two or three levels (`[shall [, subject to [national] law,]]`).
/// Eight leaves room for any of them and bounds the parser's recursion on hostile input.
pub const MAX_BRACKET_DEPTH: usize = 8;

/// A bracketed text read from the notation: plain runs and brackets, in order.
///
/// Built by [`Bracketed::parse`]; written back to the notation by its `Display`, which gives
/// the canonical form (`to_string` then `parse` gives the same value).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Bracketed {
    /// The text, a plain run or a bracket at a time. No two plain runs stand side by side.
    pub segments: Vec<Segment>,
}

/// A piece of a bracketed text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// Plain text, escapes resolved: `[9]` here is a literal footnote marker.
    Text(String),
    /// A disputed piece: an optional span, alternatives or clause-level options.
    Bracket(Bracket),
}

string_enum! {
    /// What a bracket offers.
    pub enum BracketKind {
        /// One span, in or out: `[with the consent of all the Parties]`.
        Optional => "optional",
        /// Two or more wordings for one place: `[shall][should]`.
        Alternatives => "alternatives",
        /// Two or more wordings of the whole clause, each labelled: `[Option 1: ...][Option 2: ...]`.
        Options => "options",
    }
}

/// A disputed piece of text: its kind and its choices (one for an optional span).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Bracket {
    /// What the bracket offers.
    pub kind: BracketKind,
    /// The choices, in the order of the text.
    pub choices: Vec<Choice>,
    /// Where the bracket starts in the notation, in bytes (its first `[`).
    pub offset: usize,
}

/// One choice of a bracket: its text, its label for a clause-level option, and who supports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Choice {
    /// The option's label ("1" in "Option 1: ..."); only options have one.
    pub label: Option<String>,
    /// The choice's text, which may hold brackets of its own.
    pub segments: Vec<Segment>,
    /// The parties that support it, as written; empty when none is named.
    pub supporters: Vec<PartyId>,
}

impl Choice {
    /// The choice's text with every bracket inside it kept whole in its first choice: what
    /// the words would be if nested disputes went the first way. Used to compare choices and
    /// to see which one a later draft kept.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        plain_into(&self.segments, &mut out);
        out
    }
}

/// Whether a backslash before byte `b` escapes it: the notation's brackets, braces and the
/// backslash itself. Before any other byte a backslash is itself.
pub(crate) fn escapable(b: u8) -> bool {
    matches!(b, b'[' | b']' | b'{' | b'}' | b'\\')
}

fn plain_into(segments: &[Segment], out: &mut String) {
    for s in segments {
        match s {
            Segment::Text(t) => out.push_str(t),
            Segment::Bracket(b) => {
                if let Some(c) = b.choices.first() {
                    plain_into(&c.segments, out);
                }
            }
        }
    }
}

/// A bracketed text that cannot be read: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{kind} at byte {offset}")]
pub struct BracketError {
    kind: BracketErrorKind,
    offset: usize,
}

impl BracketError {
    pub(crate) fn new(kind: BracketErrorKind, offset: usize) -> Self {
        BracketError { kind, offset }
    }

    /// What is wrong.
    pub fn kind(&self) -> BracketErrorKind {
        self.kind
    }

    /// Where, in bytes from the start of the text: the bracket or brace at fault.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// What is wrong with a bracketed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BracketErrorKind {
    /// A `[` never closed.
    Unclosed,
    /// A `]` with no `[` open.
    Unopened,
    /// `[]`, or a bracket that holds only spaces.
    Empty,
    /// A bracket nested deeper than [`MAX_BRACKET_DEPTH`].
    TooDeep,
    /// A `{` after a bracket never closed, or `{}`.
    Supporters,
    /// A supporter that is not a valid party id.
    InvalidSupporter,
}

impl fmt::Display for BracketErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BracketErrorKind::Unclosed => "unclosed bracket",
            BracketErrorKind::Unopened => "closing bracket with none open",
            BracketErrorKind::Empty => "empty bracket",
            BracketErrorKind::TooDeep => "brackets nested too deep",
            BracketErrorKind::Supporters => "unclosed or empty list of supporters",
            BracketErrorKind::InvalidSupporter => "supporter is not a valid party id",
        })
    }
}

impl Bracketed {
    /// Reads the notation (see the [module docs](self)).
    ///
    /// ```
    /// use pactum::brackets::{Bracketed, BracketErrorKind};
    ///
    /// let err = Bracketed::parse("The Parties [shall refrain").unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (BracketErrorKind::Unclosed, 12));
    /// ```
    pub fn parse(text: &str) -> Result<Bracketed, BracketError> {
        parse::parse(text)
    }

    /// Every bracket of the text, nested ones too, in the order they open.
    pub fn brackets(&self) -> impl Iterator<Item = &Bracket> {
        fn top(segments: &[Segment]) -> impl Iterator<Item = &Bracket> {
            segments.iter().filter_map(|s| match s {
                Segment::Bracket(b) => Some(b),
                Segment::Text(_) => None,
            })
        }
        // Level by level, then by where each opens: no recursion on a deep text.
        let mut all: Vec<&Bracket> = Vec::new();
        let mut level: Vec<&Bracket> = top(&self.segments).collect();
        while !level.is_empty() {
            let next = level
                .iter()
                .flat_map(|b| b.choices.iter().flat_map(|c| top(&c.segments)))
                .collect();
            all.append(&mut level);
            level = next;
        }
        all.sort_by_key(|b| b.offset);
        all.into_iter()
    }

    /// The text with each bracket kept in its first choice (see [`Choice::plain`]).
    pub fn plain(&self) -> String {
        let mut out = String::new();
        plain_into(&self.segments, &mut out);
        out
    }
}

/// `text` as plain words in the notation: its brackets, braces and backslashes escaped, so
/// that it reads back as one run of text.
///
/// ```
/// use pactum::brackets::{escape, Bracketed, Segment};
///
/// let text = escape("a footnote [9] and a brace {x}");
/// assert_eq!(text, r"a footnote \[9\] and a brace \{x\}");
/// assert_eq!(Bracketed::parse(&text)?.segments, [Segment::Text("a footnote [9] and a brace {x}".into())]);
/// # Ok::<(), pactum::brackets::BracketError>(())
/// ```
pub fn escape(text: &str) -> String {
    Bracketed {
        segments: vec![Segment::Text(text.to_owned())],
    }
    .to_string()
}

impl fmt::Display for Bracketed {
    /// The canonical notation: `[`, `]`, `{`, `}` and `\` of plain text escaped with `\`,
    /// supporters as `{A, B}`, options as `[Option L: ...]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_segments(&self.segments, f)
    }
}

fn write_segments(segments: &[Segment], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for s in segments {
        match s {
            Segment::Text(t) => {
                for part in t.split_inclusive(['[', ']', '{', '}', '\\']) {
                    match part.char_indices().last() {
                        Some((at, c @ ('[' | ']' | '{' | '}' | '\\'))) => {
                            f.write_str(&part[..at])?;
                            write!(f, "\\{c}")?;
                        }
                        _ => f.write_str(part)?,
                    }
                }
            }
            Segment::Bracket(b) => {
                for c in &b.choices {
                    f.write_str("[")?;
                    if let Some(label) = &c.label {
                        write!(f, "Option {label}: ")?;
                    }
                    write_segments(&c.segments, f)?;
                    f.write_str("]")?;
                    if !c.supporters.is_empty() {
                        f.write_str("{")?;
                        for (i, p) in c.supporters.iter().enumerate() {
                            if i > 0 {
                                f.write_str(", ")?;
                            }
                            f.write_str(p.as_str())?;
                        }
                        f.write_str("}")?;
                    }
                }
            }
        }
    }
    Ok(())
}
