//! The validation report: problems with a kind, a severity, a location and a message.

use std::fmt;

/// Where in a negotiation a problem is: a path from the root `$` through fields, by id where
/// the element has one and by index where it has not.
///
/// ```
/// use pactum::validate::Location;
///
/// let at = Location::root()
///     .id("proposals", "ru-nato")
///     .id("clauses", "art-4")
///     .id("commitments", "no-deployment")
///     .index("obligors", 1);
/// assert_eq!(at.to_string(), r#"$.proposals["ru-nato"].clauses["art-4"].commitments["no-deployment"].obligors[1]"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    steps: Vec<Step>,
}

/// One step of a [`Location`]: a field, and which element of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Step {
    /// The field's JSON name: `proposals`, `clauses`, `children`, `text`.
    pub field: &'static str,
    /// Which element, for a list.
    pub key: Option<Key>,
}

/// Which element of a list a [`Step`] goes to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Key {
    /// The element with this id.
    Id(String),
    /// The element at this index (for elements without an id, or whose id is not unique).
    Index(usize),
}

impl Location {
    /// The root: the whole document.
    pub fn root() -> Self {
        Location::default()
    }

    /// This location, then a field.
    #[must_use]
    pub fn field(&self, field: &'static str) -> Self {
        self.with(Step { field, key: None })
    }

    /// This location, then the element of a list field with this id.
    #[must_use]
    pub fn id(&self, field: &'static str, id: impl fmt::Display) -> Self {
        self.with(Step {
            field,
            key: Some(Key::Id(id.to_string())),
        })
    }

    /// This location, then the element of a list field at this index.
    #[must_use]
    pub fn index(&self, field: &'static str, index: usize) -> Self {
        self.with(Step {
            field,
            key: Some(Key::Index(index)),
        })
    }

    /// The steps from the root.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub(crate) fn from_steps(steps: Vec<Step>) -> Self {
        Location { steps }
    }

    fn with(&self, step: Step) -> Self {
        let mut steps = Vec::with_capacity(self.steps.len() + 1);
        steps.extend_from_slice(&self.steps);
        steps.push(step);
        Location { steps }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for step in &self.steps {
            write!(f, ".{}", step.field)?;
            match &step.key {
                Some(Key::Id(id)) => write!(f, "[{id:?}]")?,
                Some(Key::Index(i)) => write!(f, "[{i}]")?,
                None => {}
            }
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Severity {
    /// The data is wrong: a reference goes nowhere, a rule of the model is broken.
    Error,
    /// The data is suspicious but may be right: the source text itself may have a gap in its
    /// numbering.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! problem_kinds {
    ($($(#[$doc:meta])* $variant:ident => $code:literal, $severity:ident;)*) => {
        /// What a problem is: a stable, machine-readable kind (new kinds may be added).
        ///
        /// Each kind has one [`Severity`] and a snake_case code, used in JSON and in the text
        /// report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ProblemKind {
            $($(#[$doc])* $variant,)*
        }

        impl ProblemKind {
            /// Every kind, errors first.
            pub const ALL: &'static [ProblemKind] = &[$(ProblemKind::$variant,)*];

            /// The stable snake_case code: `unknown_party`.
            pub fn code(self) -> &'static str {
                match self {
                    $(ProblemKind::$variant => $code,)*
                }
            }

            /// How bad a problem of this kind is.
            pub fn severity(self) -> Severity {
                match self {
                    $(ProblemKind::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

problem_kinds! {
    /// A reference to a party the negotiation does not have: a proposer, a bound party, an
    /// obligor, a beneficiary, a delegation, an alliance member.
    UnknownParty => "unknown_party", Error;
    /// A reference to a proposal the negotiation does not have: an answers or supersedes link,
    /// a meeting's agenda.
    UnknownProposal => "unknown_proposal", Error;
    /// A clause's answer link names a clause the answered proposal does not have.
    UnknownClause => "unknown_clause", Error;
    /// A clause answers clauses, but its proposal answers no proposal.
    AnswerLinkWithoutTarget => "answer_link_without_target", Error;
    /// Proposals that answer or supersede each other in a circle.
    LinkCycle => "link_cycle", Error;
    /// Alliances that are members of each other in a circle.
    MembershipCycle => "membership_cycle", Error;
    /// A commitment that binds nobody.
    NoObligor => "no_obligor", Error;
    /// A clause with no text and no children.
    EmptyClause => "empty_clause", Error;
    /// A proposal that would bind fewer than two parties.
    TooFewParties => "too_few_parties", Error;
    /// A proposal that answers one dated after it.
    AnswersLaterProposal => "answers_later_proposal", Error;
    /// Two clauses of one proposal with one id.
    DuplicateClauseId => "duplicate_clause_id", Error;
    /// Two commitments of one clause with one id.
    DuplicateCommitmentId => "duplicate_commitment_id", Error;
    /// A period that ends before it starts: a membership, a commitment's time bounds.
    InvalidDateRange => "invalid_date_range", Error;
    /// Two sibling clauses with one displayed number.
    DuplicateNumber => "duplicate_number", Warning;
    /// Sibling numbers that skip: Article 2 after Article 4's predecessor was 1.
    NumberingGap => "numbering_gap", Warning;
    /// Sibling numbers out of order: Article 3 after Article 5.
    NumberingDisorder => "numbering_disorder", Warning;
    /// An obligor that is neither a party to the proposal nor a member of one.
    ObligorNotParty => "obligor_not_party", Warning;
    /// A clause whose text holds a deontic marker but which records no commitment.
    UncommittedDeonticText => "uncommitted_deontic_text", Warning;
    /// A commitment whose modality is not among the deontic markers of its clause's text.
    ModalityContradictsText => "modality_contradicts_text", Warning;
    /// A bracketed text with a `[` never closed or a `]` never opened.
    UnbalancedBracket => "unbalanced_bracket", Error;
    /// A bracketed text with `[]`, or a bracket of spaces only.
    EmptyBracket => "empty_bracket", Error;
    /// Brackets nested deeper than [`MAX_BRACKET_DEPTH`](crate::brackets::MAX_BRACKET_DEPTH).
    BracketTooDeep => "bracket_too_deep", Error;
    /// A list of supporters after a bracket that is unclosed, empty, or not of party ids.
    InvalidSupporters => "invalid_supporters", Error;
    /// Two choices of one bracket with the same text: nothing left to choose between them.
    IdenticalOptions => "identical_options", Warning;
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ProblemKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One problem found by validation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("{severity}[{kind}] {location}: {message}")]
#[non_exhaustive]
pub struct Problem {
    /// What the problem is.
    pub kind: ProblemKind,
    /// How bad it is (always `kind.severity()`).
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong, in words, lower-case and without trailing punctuation.
    pub message: String,
}

impl Problem {
    /// A problem of `kind` at `location`.
    pub fn new(kind: ProblemKind, location: Location, message: impl Into<String>) -> Self {
        Problem {
            kind,
            severity: kind.severity(),
            location,
            message: message.into(),
        }
    }
}

/// Every problem validation found, in a stable order: parties, then proposals (each with its
/// clauses depth first), then meetings, each in document order.
///
/// ```
/// use pactum::{validate::ProblemKind, Negotiation, Proposal};
///
/// let mut n = Negotiation::new("t");
/// n.add_proposal(Proposal::new("p".parse()?, "A draft", "XX".parse()?)).unwrap();
/// let report = n.validate();
/// assert!(report.has_errors());
/// let kinds: Vec<_> = report.problems().iter().map(|p| p.kind).collect();
/// assert_eq!(kinds, [ProblemKind::UnknownParty, ProblemKind::TooFewParties]);
/// assert_eq!(
///     report.problems()[0].to_string(),
///     r#"error[unknown_party] $.proposals["p"].proposer: unknown party `XX`"#
/// );
/// # Ok::<(), pactum::IdError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Report {
    errors: usize,
    warnings: usize,
    problems: Vec<Problem>,
}

impl Report {
    pub(crate) fn push(&mut self, problem: Problem) {
        match problem.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        self.problems.push(problem);
    }

    /// Keeps the problems that `keep` accepts, and counts again.
    pub(crate) fn retain(&mut self, keep: impl FnMut(&Problem) -> bool) {
        self.problems.retain(keep);
        self.errors = self.errors().count();
        self.warnings = self.problems.len() - self.errors;
    }

    /// Every problem, in the report's order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The problems of severity error.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> + '_ {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    /// The problems of severity warning.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> + '_ {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.warnings
    }

    /// Whether there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Whether there is no problem at all.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// `Ok` with the warnings when there is no error, else the report as an error.
    pub fn into_result(self) -> Result<Vec<Problem>, ValidationError> {
        if self.has_errors() {
            Err(ValidationError { report: self })
        } else {
            Ok(self.problems)
        }
    }
}

impl fmt::Display for Report {
    /// One line per problem, then a count: `2 errors, 1 warning`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        write!(
            f,
            "{}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning")
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A report with at least one error, as an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("validation found {}: first, {}", plural(report.errors, "error"), report.errors().next().map_or_else(String::new, ToString::to_string))]
pub struct ValidationError {
    report: Report,
}

impl ValidationError {
    /// The whole report, warnings included.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The whole report.
    pub fn into_report(self) -> Report {
        self.report
    }
}
