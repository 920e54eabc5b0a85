//! Clauses: articles, paragraphs and points, nested, each with its identity, its displayed
//! number, its text and the commitments it creates.

use crate::id::ClauseId;
use crate::model::commitment::Commitment;
use crate::model::provenance::{Source, TextBasis};

/// How deep clauses may nest, counting a top-level clause as level 1.
///
/// Real agreements nest part, chapter, section, article, paragraph, point and sub-point: seven
/// levels. Sixteen leaves room for any real text while keeping every recursive walk over a
/// clause tree (comparison, validation, serialization, even `Drop`) far from the stack's limit.
/// The bound is enforced wherever clauses are built ([`Clause::push_child`]) or read (the JSON
/// reader), so a value that breaks it cannot exist.
pub const MAX_CLAUSE_DEPTH: usize = 16;

/// An article, a paragraph or a point of a proposal.
///
/// A clause's identity is its [`ClauseId`], which stays when the clause is renumbered; its
/// displayed [`number`](Self::number) is just text ("Article 4", "2(b)") and may be absent.
///
/// Children are kept behind methods so that the nesting bound [`MAX_CLAUSE_DEPTH`] holds for
/// every clause: [`push_child`](Self::push_child) refuses a child that would break it. Every
/// other field is public. The struct is `#[non_exhaustive]`: build it with [`Clause::new`].
///
/// ```
/// use pactum::{Clause, TextBasis};
///
/// let mut article = Clause::new("art-1".parse()?, "").with_number("Article 1");
/// article.push_child(Clause::new(
///     "art-1.p-1".parse()?,
///     "The Parties shall guide in their relations by the principles of cooperation, equal \
///      and indivisible security.",
/// ))?;
/// let mut cut = Clause::new("art-1.p-3".parse()?, "The Parties shall not create conditions or situations");
/// cut.text_basis = TextBasis::Truncated;
/// article.push_child(cut)?;
/// assert_eq!(article.children().len(), 2);
/// assert_eq!(article.depth(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// Debug by hand: the derived depth is bookkeeping, not part of the clause.
#[derive(Clone, PartialEq, Eq, Hash)]
// Serialize and Deserialize by hand (`serde_glue`): the nesting bound is checked as a clause
// is read, and a bracketed text is written as segments.
#[non_exhaustive]
pub struct Clause {
    /// Unique within the proposal, across the whole tree.
    pub id: ClauseId,
    /// The displayed number, if the clause has one: "Article 4", "2.", "(b)".
    pub number: Option<String>,
    /// The heading, if any: "Non-enlargement".
    pub heading: Option<String>,
    /// What kind of division this is (article, paragraph, annex ...), when known: importers set
    /// it, renderers use it for labels.
    pub kind: Option<ClauseKind>,
    /// Whether the clause is a placeholder for a deleted or repealed provision ("Article 7
    /// \[deleted\]"): it keeps its place and number, and its text says so.
    pub deleted: bool,
    /// The clause's own text, without its children's. May be empty when it has children.
    /// When [`bracketed`](Self::bracketed), written in the bracket notation.
    pub text: String,
    /// Whether [`text`](Self::text) is a negotiating text in the bracket notation of
    /// [`crate::brackets`] (`[shall][should]`): false for every other text, whose brackets
    /// (`[9]`, `[deleted]`) are literal. [`brackets`](Self::brackets) reads it. The JSON format
    /// writes a bracketed text as an array of segments (see [`crate::format`]).
    pub bracketed: bool,
    /// How the text is known.
    pub text_basis: TextBasis,
    /// Where the text comes from, when it is not (only) the proposal's own sources.
    pub sources: Vec<Source>,
    /// The commitments the clause creates.
    pub commitments: Vec<Commitment>,
    /// The clauses of the answered proposal that this clause answers (see
    /// [`Proposal::answers`](crate::Proposal::answers)).
    pub answers: Vec<ClauseId>,
    children: Vec<Clause>,
    /// Levels in this clause's subtree, itself included: 1 for a leaf. Derived from `children`
    /// and kept in step by every method that changes them.
    depth: u8,
}

impl std::fmt::Debug for Clause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clause")
            .field("id", &self.id)
            .field("number", &self.number)
            .field("heading", &self.heading)
            .field("kind", &self.kind)
            .field("deleted", &self.deleted)
            .field("text", &self.text)
            .field("bracketed", &self.bracketed)
            .field("text_basis", &self.text_basis)
            .field("sources", &self.sources)
            .field("commitments", &self.commitments)
            .field("answers", &self.answers)
            .field("children", &self.children)
            .finish()
    }
}

/// A child clause that would nest deeper than [`MAX_CLAUSE_DEPTH`]. The refused clause is given
/// back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "clause nesting too deep: adding clause `{}` under clause `{parent}` makes {depth} levels, more than the maximum of {MAX_CLAUSE_DEPTH}",
    child.id
)]
pub struct NestingError {
    parent: ClauseId,
    depth: usize,
    child: Box<Clause>,
}

impl NestingError {
    /// The clause that was to receive the child.
    pub fn parent(&self) -> &ClauseId {
        &self.parent
    }

    /// How many levels the parent's subtree would have had.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The refused child, so that nothing is lost.
    pub fn into_child(self) -> Clause {
        *self.child
    }
}

impl Clause {
    /// A verbatim clause with no number, heading, commitments or children.
    pub fn new(id: ClauseId, text: impl Into<String>) -> Self {
        Clause {
            id,
            number: None,
            heading: None,
            kind: None,
            deleted: false,
            text: text.into(),
            bracketed: false,
            text_basis: TextBasis::Verbatim,
            sources: Vec::new(),
            commitments: Vec::new(),
            answers: Vec::new(),
            children: Vec::new(),
            depth: 1,
        }
    }

    /// Sets the displayed number.
    #[must_use]
    pub fn with_number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Sets the heading.
    #[must_use]
    pub fn with_heading(mut self, heading: impl Into<String>) -> Self {
        self.heading = Some(heading.into());
        self
    }

    /// Marks the text as written in the bracket notation (see [`Clause::bracketed`]).
    ///
    /// ```
    /// use pactum::Clause;
    /// use pactum::brackets::Tally;
    ///
    /// let c = Clause::new("art-1".parse()?, "The Parties [shall]{RU}[should]{US} consult.").with_brackets();
    /// assert_eq!(Tally::of_clause(&c).alternatives, 1);
    /// # Ok::<(), pactum::IdError>(())
    /// ```
    #[must_use]
    pub fn with_brackets(mut self) -> Self {
        self.bracketed = true;
        self
    }

    /// The text read as a bracketed text: `None` when the clause is not
    /// [bracketed](Self::bracketed), else what [`Bracketed::parse`](crate::brackets::Bracketed::parse)
    /// gives.
    pub fn brackets(
        &self,
    ) -> Option<Result<crate::brackets::Bracketed, crate::brackets::BracketError>> {
        self.bracketed
            .then(|| crate::brackets::Bracketed::parse(&self.text))
    }

    /// Sets the kind.
    #[must_use]
    pub fn with_kind(mut self, kind: ClauseKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets how the text is known.
    #[must_use]
    pub fn with_text_basis(mut self, basis: TextBasis) -> Self {
        self.text_basis = basis;
        self
    }

    /// Adds a commitment.
    #[must_use]
    pub fn with_commitment(mut self, commitment: Commitment) -> Self {
        self.commitments.push(commitment);
        self
    }

    /// Adds a link to a clause of the answered proposal.
    #[must_use]
    pub fn with_answer(mut self, clause: ClauseId) -> Self {
        self.answers.push(clause);
        self
    }

    /// Adds a child and returns the clause, or gives the child back inside the error when the
    /// tree would nest deeper than [`MAX_CLAUSE_DEPTH`].
    pub fn with_child(mut self, child: Clause) -> Result<Self, NestingError> {
        self.push_child(child)?;
        Ok(self)
    }

    /// The child clauses, in order.
    pub fn children(&self) -> &[Clause] {
        &self.children
    }

    /// Levels in this clause's subtree, itself included: 1 for a clause with no children.
    pub fn depth(&self) -> usize {
        usize::from(self.depth)
    }

    /// Appends a child, unless the tree would nest deeper than [`MAX_CLAUSE_DEPTH`].
    pub fn push_child(&mut self, child: Clause) -> Result<(), NestingError> {
        let len = self.children.len();
        self.insert_child(len, child)
    }

    /// Inserts a child at `index` (clamped to the number of children), unless the tree would
    /// nest deeper than [`MAX_CLAUSE_DEPTH`].
    pub fn insert_child(&mut self, index: usize, child: Clause) -> Result<(), NestingError> {
        let depth = child.depth() + 1;
        if depth > MAX_CLAUSE_DEPTH {
            return Err(NestingError {
                parent: self.id.clone(),
                depth,
                child: Box::new(child),
            });
        }
        let index = index.min(self.children.len());
        self.children.insert(index, child);
        self.depth = self.depth.max(depth as u8);
        Ok(())
    }

    /// Removes and returns the child at `index`, if there is one.
    pub fn remove_child(&mut self, index: usize) -> Option<Clause> {
        if index >= self.children.len() {
            return None;
        }
        let child = self.children.remove(index);
        self.recompute_depth();
        Some(child)
    }

    /// Replaces the child at `index`; gives `new` back inside the error when it would nest too
    /// deep. An `index` past the end appends.
    pub fn replace_child(
        &mut self,
        index: usize,
        new: Clause,
    ) -> Result<Option<Clause>, NestingError> {
        if index >= self.children.len() {
            return self.push_child(new).map(|()| None);
        }
        let depth = new.depth() + 1;
        if depth > MAX_CLAUSE_DEPTH {
            return Err(NestingError {
                parent: self.id.clone(),
                depth,
                child: Box::new(new),
            });
        }
        let old = std::mem::replace(&mut self.children[index], new);
        self.recompute_depth();
        Ok(Some(old))
    }

    /// Removes and returns all children.
    pub fn take_children(&mut self) -> Vec<Clause> {
        self.depth = 1;
        std::mem::take(&mut self.children)
    }

    /// Makes room for `n` more children.
    pub(crate) fn reserve_children(&mut self, n: usize) {
        self.children.reserve_exact(n);
    }

    /// The clause without its children: what a diff records of an added or removed clause,
    /// whose children have entries of their own.
    pub(crate) fn head(&self) -> Clause {
        let mut h = Clause::new(self.id.clone(), self.text.clone());
        h.number = self.number.clone();
        h.heading = self.heading.clone();
        h.text_basis = self.text_basis;
        h.sources = self.sources.clone();
        h.commitments = self.commitments.clone();
        h.answers = self.answers.clone();
        h.kind = self.kind;
        h.deleted = self.deleted;
        h.bracketed = self.bracketed;
        h
    }

    /// This clause and all its descendants, depth first, parents before children.
    pub fn walk(&self) -> impl Iterator<Item = &Clause> + '_ {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(next.children.iter().rev());
            Some(next)
        })
    }

    fn recompute_depth(&mut self) {
        self.depth = 1 + self.children.iter().map(|c| c.depth).max().unwrap_or(0);
    }

    /// Builds a clause from its parts, checking the nesting bound; for the reader.
    #[cfg(feature = "serde")]
    pub(crate) fn from_parts(
        mut head: Clause,
        children: Vec<Clause>,
    ) -> Result<Clause, NestingError> {
        head.children.reserve_exact(children.len());
        for child in children {
            head.push_child(child)?;
        }
        Ok(head)
    }
}

string_enum! {
    /// What kind of division of a text a clause is.
    ///
    /// The larger divisions are listed from the outside in, as treaties usually nest them: a
    /// part holds titles, a title chapters, a chapter sections, a section sub-sections, and any
    /// of them articles. Articles hold paragraphs, paragraphs hold points. Annexes, appendices,
    /// protocols and schedules stand beside the body.
    pub enum ClauseKind {
        /// "Part One".
        Part => "part",
        /// "Title II".
        Title => "title",
        /// "Chapter 3".
        Chapter => "chapter",
        /// "Section A".
        Section => "section",
        /// "Sub-section 1".
        Subsection => "subsection",
        /// "Article 4", "Art. 5".
        Article => "article",
        /// A numbered or unnumbered paragraph of an article: "1.", "2)".
        Paragraph => "paragraph",
        /// A lettered, Roman-numbered or bulleted point: "(a)", "(iv)", "-".
        Point => "point",
        /// "Annex I".
        Annex => "annex",
        /// "Appendix 2".
        Appendix => "appendix",
        /// "Protocol 1".
        Protocol => "protocol",
        /// "Schedule A".
        Schedule => "schedule",
        /// A heading with no keyword, such as a Markdown heading "## Final provisions".
        Heading => "heading",
    }
}
