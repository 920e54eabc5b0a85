//! Views over a [`Diff`]: a text redline for terminals and a Markdown
//! redline. Both are renderings of the same data and add nothing to it.
//!
//! ```
//! use pactum::diff::{compare, Options};
//! use pactum::{Clause, Proposal};
//!
//! let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
//!     .with_clause(Clause::new("a".parse()?, "The Parties shall consult.").with_number("Article 1"));
//! let new = Proposal::new("v2".parse()?, "Draft", "A".parse()?)
//!     .with_clause(Clause::new("a".parse()?, "The Parties should consult.").with_number("Article 1"));
//! let diff = compare(&old, &new, &Options::default());
//! assert!(pactum::render::text(&diff).contains("The Parties [-shall-]{+should+} consult."));
//! assert!(pactum::render::markdown(&diff).contains("The Parties <del>shall</del><ins>should</ins> consult."));
//! # Ok::<(), pactum::IdError>(())
//! ```

mod brackets;
mod commitments;
mod html;
mod markdown;
mod text;
mod walk;

pub use brackets::brackets;
use commitments::commitment_summary;
pub use commitments::commitments;
pub use html::{HtmlOptions, html, write_html};
pub use markdown::markdown;
pub use text::text;

/// A diff with the two proposals it was made from: what a renderer needs beyond the diff.
///
/// A diff says what changed. A reader also wants to know what a clause is called ("Article 4
/// (Military activity)"), and a side-by-side view needs the text of the clauses that did not
/// change and each draft's language. Copying all of that into every diff would double a
/// diff's size and give a stored diff more to keep in step with its drafts; the drafts hold
/// it already. So renderers take the proposals beside the diff, checked to be the ones it was
/// made from. A diff alone still renders ([`text`], [`markdown`]), labelling clauses by number,
/// or by id where a clause has no number.
///
/// ```
/// use pactum::diff::{compare, Options};
/// use pactum::render::Comparison;
/// use pactum::{Clause, Proposal};
///
/// let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?).with_clause(
///     Clause::new("a".parse()?, "The Parties shall consult.").with_number("Article 4").with_heading("Consultations"),
/// );
/// let mut new = old.clone();
/// new.clauses[0].text = "The Parties should consult.".into();
/// let diff = compare(&old, &new, &Options::default());
/// let view = Comparison::new(&diff, &old, &new).expect("the drafts of the diff");
/// assert!(view.text().contains("Article 4 (Consultations) (modified)"));
/// assert!(pactum::render::text(&diff).contains("Article 4 (modified)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    diff: &'a Diff,
    old: &'a Proposal,
    new: &'a Proposal,
    changed_only: bool,
}

/// Proposals that are not the ones a diff was made from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the diff compares `{expected}`, not `{found}`")]
pub struct WrongProposal {
    expected: String,
    found: String,
}

impl<'a> Comparison<'a> {
    /// The diff with its old and new proposals, whose ids must be the diff's.
    pub fn new(
        diff: &'a Diff,
        old: &'a Proposal,
        new: &'a Proposal,
    ) -> Result<Self, WrongProposal> {
        for (expected, found) in [(&diff.old, old.id()), (&diff.new, new.id())] {
            if expected != found {
                return Err(WrongProposal {
                    expected: expected.to_string(),
                    found: found.to_string(),
                });
            }
        }
        Ok(Comparison {
            diff,
            old,
            new,
            changed_only: false,
        })
    }

    /// The same view listing, in its clause table, moves and texts, only the clauses whose
    /// content changed (modified, added or removed): on a long comparison, what a reader
    /// reads first. It says how many clauses only changed place.
    ///
    /// ```
    /// use pactum::diff::{compare, Options};
    /// use pactum::render::Comparison;
    /// use pactum::{Clause, Proposal};
    ///
    /// let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
    ///     .with_clause(Clause::new("a".parse()?, "The Parties shall consult.").with_number("Article 1"))
    ///     .with_clause(Clause::new("b".parse()?, "Each Party may withdraw.").with_number("Article 2"));
    /// let mut new = old.clone();
    /// new.clauses[0].text = "The Parties should consult.".into();
    /// new.clauses[1].number = Some("Article 3".into());
    /// let diff = compare(&old, &new, &Options::default());
    /// let view = Comparison::new(&diff, &old, &new)?.changed_only();
    /// assert!(view.text().contains("Article 1 (modified)"));
    /// assert!(view.text().contains("1 clause that only changed place"));
    /// assert!(!view.text().contains("Article 2 -> Article 3"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn changed_only(self) -> Self {
        Comparison {
            changed_only: true,
            ..self
        }
    }

    /// The diff.
    pub fn diff(&self) -> &'a Diff {
        self.diff
    }

    /// The proposal the diff starts from.
    pub fn old(&self) -> &'a Proposal {
        self.old
    }

    /// The proposal the diff leads to.
    pub fn new_proposal(&self) -> &'a Proposal {
        self.new
    }

    /// The text redline, with clauses labelled by number and heading.
    pub fn text(&self) -> String {
        text::text_of(self.diff, Some((self.old, self.new)), self.changed_only)
    }

    /// The Markdown redline, with clauses labelled by number and heading.
    pub fn markdown(&self) -> String {
        markdown::markdown_of(self.diff, Some((self.old, self.new)), self.changed_only)
    }
}

impl std::fmt::Display for Comparison<'_> {
    /// The text redline, written straight to the formatter.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        walk::walk(
            f,
            self.diff,
            Some((self.old, self.new)),
            &text::Text,
            self.changed_only,
        )
    }
}

use std::collections::HashMap;

use crate::diff::{ClauseChangeKind, ClauseDiff, Diff, Placement};
use crate::{ClauseId, Proposal};

/// Labels of clauses on either side, with their parents: "Article 2, 1." for a numbered
/// paragraph, "Article 4 (Military activity)" where the heading is known, the id only for a
/// clause with neither number nor heading.
struct Labels<'a> {
    old: HashMap<&'a ClauseId, &'a Placement>,
    new: HashMap<&'a ClauseId, &'a Placement>,
    /// (parent, index) on the new side, to name a clause's new neighbour.
    new_at: HashMap<(Option<&'a ClauseId>, usize), &'a Placement>,
    /// Headings by id on each side, from the proposals when a [`Comparison`] gives them.
    old_headings: HashMap<&'a ClauseId, &'a str>,
    new_headings: HashMap<&'a ClauseId, &'a str>,
    /// Clauses whose text is bracketed, on each side (old, new): their sentences show without
    /// the notation's escapes.
    bracketed: [std::collections::HashSet<&'a ClauseId>; 2],
}

impl<'a> Labels<'a> {
    /// No labels known: every clause is labelled by its id.
    fn empty() -> Labels<'static> {
        Labels {
            old: HashMap::new(),
            new: HashMap::new(),
            new_at: HashMap::new(),
            old_headings: HashMap::new(),
            new_headings: HashMap::new(),
            bracketed: Default::default(),
        }
    }

    fn new(diff: &'a Diff, proposals: Option<(&'a Proposal, &'a Proposal)>) -> Self {
        let mut l = Labels {
            old: HashMap::new(),
            new: HashMap::new(),
            new_at: HashMap::new(),
            old_headings: HashMap::new(),
            new_headings: HashMap::new(),
            bracketed: Default::default(),
        };
        for c in &diff.clauses {
            let sides = brackets::sides(c);
            for (k, p) in [&c.old, &c.new].into_iter().enumerate() {
                if let Some(p) = p.as_ref().filter(|_| sides[k]) {
                    l.bracketed[k].insert(&p.id);
                }
            }
            if let Some(p) = &c.old {
                l.old.entry(&p.id).or_insert(p);
            }
            if let Some(p) = &c.new {
                l.new.entry(&p.id).or_insert(p);
                l.new_at.entry((p.parent.as_ref(), p.index)).or_insert(p);
            }
        }
        if let Some((old, new)) = proposals {
            for (proposal, headings) in [(old, &mut l.old_headings), (new, &mut l.new_headings)] {
                for c in proposal.walk() {
                    if let Some(h) = c.heading.as_deref().filter(|h| !h.is_empty()) {
                        headings.entry(&c.id).or_insert(h);
                    }
                }
            }
        }
        l
    }

    /// `text` from the clause `id` of one side as a view shows it: a bracketed clause's
    /// without the notation's escapes.
    fn shown<'t>(
        &self,
        text: &'t str,
        id: Option<&ClauseId>,
        old_side: bool,
    ) -> std::borrow::Cow<'t, str> {
        let side = usize::from(!old_side);
        match id {
            Some(id) if self.bracketed[side].contains(id) => brackets::shown(text).into(),
            _ => text.into(),
        }
    }

    /// A clause's own label: its number, with its heading where known; the heading alone;
    /// or, where there is neither, its id.
    fn own(&self, p: &Placement, old_side: bool) -> String {
        let headings = if old_side {
            &self.old_headings
        } else {
            &self.new_headings
        };
        match (&p.number, headings.get(&p.id)) {
            (Some(n), Some(h)) => format!("{n} ({h})"),
            (Some(n), None) => n.clone(),
            (None, Some(h)) => (*h).to_owned(),
            (None, None) => p.id.to_string(),
        }
    }

    /// The placement's label with its numbered ancestors: "Article 2, 1.".
    fn path(&self, p: &Placement, old_side: bool) -> String {
        let side = if old_side { &self.old } else { &self.new };
        let mut parts = vec![self.own(p, old_side)];
        let mut parent = p.parent.as_ref();
        // Ids repeat in invalid documents; the depth bound keeps this walk finite regardless.
        for _ in 0..crate::MAX_CLAUSE_DEPTH {
            let Some(up) = parent.and_then(|id| side.get(id)) else {
                break;
            };
            if let Some(number) = &up.number {
                parts.push(number.clone());
            }
            parent = up.parent.as_ref();
        }
        parts.reverse();
        parts.join(", ")
    }

    /// The label of the clause with this id on one side, or the id.
    fn of(&self, id: &ClauseId, old_side: bool) -> String {
        let side = if old_side { &self.old } else { &self.new };
        side.get(id)
            .map_or_else(|| id.to_string(), |p| self.path(p, old_side))
    }

    /// "Article 4 -> Article 3" (with `arrow` between), or the one label.
    fn pair(&self, c: &ClauseDiff, arrow: &str) -> String {
        match (&c.old, &c.new) {
            (Some(o), Some(n)) => {
                let (a, b) = (self.path(o, true), self.path(n, false));
                if a == b {
                    b
                } else {
                    format!("{a} {arrow} {b}")
                }
            }
            (Some(o), None) => self.path(o, true),
            (None, Some(n)) => self.path(n, false),
            (None, None) => String::new(),
        }
    }

    /// Where a moved or reparented clause went: "after Article 5", "first under Article 2".
    fn destination(&self, n: &Placement) -> String {
        let parent = n
            .parent
            .as_ref()
            .and_then(|id| self.new.get(id))
            .map(|p| self.path(p, false));
        match (
            n.index
                .checked_sub(1)
                .and_then(|i| self.new_at.get(&(n.parent.as_ref(), i))),
            parent,
        ) {
            (Some(before), _) => format!("now after {}", self.path(before, false)),
            (None, Some(parent)) => format!("now first under {parent}"),
            (None, None) => "now first".to_owned(),
        }
    }
}

/// The old and new labels of a clause, "-" for a missing side.
fn sides(labels: &Labels<'_>, c: &ClauseDiff) -> (String, String) {
    (
        c.old
            .as_ref()
            .map_or_else(|| "-".to_owned(), |p| labels.path(p, true)),
        c.new
            .as_ref()
            .map_or_else(|| "-".to_owned(), |p| labels.path(p, false)),
    )
}

/// "A", "A and B", "A, B and C".
fn and_list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn kinds(c: &ClauseDiff) -> String {
    if c.kinds.is_empty() {
        return ClauseChangeKind::Unchanged.as_str().to_owned();
    }
    c.kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a clause's content changed: modified, added or removed.
fn substantive(c: &ClauseDiff) -> bool {
    c.is(ClauseChangeKind::Modified)
        || c.is(ClauseChangeKind::Added)
        || c.is(ClauseChangeKind::Removed)
}

/// Whether a clause only changed place: renumbered, moved or reparented, and nothing else.
fn only_place(c: &ClauseDiff) -> bool {
    !substantive(c)
        && (c.is(ClauseChangeKind::Renumbered)
            || c.is(ClauseChangeKind::Moved)
            || c.is(ClauseChangeKind::Reparented))
}

/// "1 clause", "2 clauses".
fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// "3 modified", "2 added" for each count that is not zero, in order.
fn nonzero(counts: &[(usize, &str)]) -> Vec<String> {
    counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect()
}

/// The clause counts, what changed in substance first, then what only changed place: "3
/// modified, 2 added, 1 removed; 4 renumbered, 1 moved (2 with no other change); 5
/// unchanged", with the counts that are not zero.
fn counts(diff: &Diff) -> String {
    let s = &diff.summary;
    let substance = nonzero(&[
        (s.modified, "modified"),
        (s.added, "added"),
        (s.removed, "removed"),
        (s.splits, "split"),
        (s.merges, "merged"),
    ]);
    let place = nonzero(&[
        (s.renumbered, "renumbered"),
        (s.moved, "moved"),
        (s.reparented, "reparented"),
    ]);
    // Clauses whose place changed and nothing else: no change a reader needs to read.
    let only_place = diff.clauses.iter().filter(|c| only_place(c)).count();
    let mut out = Vec::new();
    if !substance.is_empty() {
        out.push(substance.join(", "));
    }
    if !place.is_empty() {
        out.push(match only_place {
            0 => place.join(", "),
            n => format!("{} ({n} with no other change)", place.join(", ")),
        });
    }
    if out.is_empty() {
        out.push("no clause changes".to_owned());
    }
    out.push(format!("{} unchanged", s.unchanged));
    out.join("; ")
}

/// The articles counted apart from their paragraphs, with the drafts: "12 changed in
/// substance (5 modified, 4 added, 3 removed), 2 only changed place, 40 unchanged". A clause
/// is an article by its kind; in drafts that give no clause a kind (older JSON), the
/// top-level clauses are the articles. None without the drafts, or when no clause is one.
fn article_counts(diff: &Diff, proposals: Option<(&Proposal, &Proposal)>) -> Option<String> {
    use crate::ClauseKind;
    let (old, new) = proposals?;
    let kinds = |p: &'_ Proposal| -> HashMap<ClauseId, Option<ClauseKind>> {
        p.walk().map(|c| (c.id.clone(), c.kind)).collect()
    };
    let (old_kinds, new_kinds) = (kinds(old), kinds(new));
    let any_kind = old_kinds
        .values()
        .chain(new_kinds.values())
        .any(Option::is_some);
    let is_article = |c: &ClauseDiff| {
        let side = |p: &Option<Placement>, kinds: &HashMap<ClauseId, Option<ClauseKind>>| {
            p.as_ref().is_some_and(|p| {
                if any_kind {
                    kinds.get(&p.id).copied().flatten() == Some(ClauseKind::Article)
                } else {
                    p.parent.is_none()
                }
            })
        };
        side(&c.new, &new_kinds) || side(&c.old, &old_kinds)
    };
    let articles: Vec<&ClauseDiff> = diff.clauses.iter().filter(|c| is_article(c)).collect();
    if articles.is_empty() {
        return None;
    }
    let count = |kind: ClauseChangeKind| articles.iter().filter(|c| c.is(kind)).count();
    let (modified, added, removed) = (
        count(ClauseChangeKind::Modified),
        count(ClauseChangeKind::Added),
        count(ClauseChangeKind::Removed),
    );
    let unchanged = count(ClauseChangeKind::Unchanged);
    let substance = modified + added + removed;
    let place = articles.iter().filter(|c| only_place(c)).count();
    let parts = nonzero(&[
        (modified, "modified"),
        (added, "added"),
        (removed, "removed"),
    ]);
    let mut out = format!("{substance} changed in substance");
    if !parts.is_empty() {
        out.push_str(&format!(" ({})", parts.join(", ")));
    }
    if place > 0 {
        out.push_str(&format!(", {place} only changed place"));
    }
    out.push_str(&format!(", {unchanged} unchanged"));
    Some(out)
}

/// The clauses with something to show: every kind but unchanged.
fn changed(diff: &Diff) -> impl Iterator<Item = &ClauseDiff> {
    diff.clauses
        .iter()
        .filter(|c| !c.is(ClauseChangeKind::Unchanged))
}

/// A proposal change as its field and its old and new values in words.
fn values(change: &crate::diff::ProposalChange) -> (&'static str, String, String) {
    use crate::diff::ProposalChange as P;
    fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
        v.as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string)
    }
    fn list(v: &[crate::PartyRef]) -> String {
        if v.is_empty() {
            "none".to_owned()
        } else {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
    fn provenance(p: &crate::Provenance) -> String {
        let n = p.sources.len();
        let noun = if n == 1 { "source" } else { "sources" };
        format!("{} ({n} {noun})", p.completeness)
    }
    let (old, new) = match change {
        P::Title { old, new } | P::Language { old, new } => {
            (format!("{old:?}"), format!("{new:?}"))
        }
        P::Proposer { old, new } => (old.to_string(), new.to_string()),
        P::Parties { old, new } => (list(old), list(new)),
        P::Date { old, new } => (opt(old), opt(new)),
        P::Status { old, new } => (old.to_string(), new.to_string()),
        P::Answers { old, new } | P::Supersedes { old, new } => (opt(old), opt(new)),
        P::TranslatedFrom { old, new } => (opt(old), opt(new)),
        P::Provenance { old, new } => (provenance(old), provenance(new)),
        P::IdsFromNumbering { old, new } => (old.to_string(), new.to_string()),
    };
    (change.field(), old, new)
}

/// The changes of a paired clause's other fields, in words: "heading: Hotline -> Communication".
fn field_changes(c: &ClauseDiff, arrow: &str) -> Vec<String> {
    fn opt(v: &Option<String>) -> String {
        v.as_ref()
            .map_or_else(|| "none".to_owned(), |s| format!("{s:?}"))
    }
    let mut out = Vec::new();
    if let Some(h) = &c.heading {
        out.push(format!("heading: {} {arrow} {}", opt(&h.old), opt(&h.new)));
    }
    if let Some(k) = &c.kind {
        let name = |k: Option<crate::ClauseKind>| k.map_or("none", |k| k.as_str());
        out.push(format!("kind: {} {arrow} {}", name(k.old), name(k.new)));
    }
    if let Some(d) = &c.deleted {
        let state = |d: bool| if d { "deleted" } else { "in force" };
        out.push(format!("{} {arrow} {}", state(d.old), state(d.new)));
    }
    if let Some(b) = &c.text_basis {
        out.push(format!("text basis: {} {arrow} {}", b.old, b.new));
    }
    if let Some(a) = &c.answers {
        let ids = |v: &[ClauseId]| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                v.iter()
                    .map(ClauseId::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        out.push(format!("answers: {} {arrow} {}", ids(&a.old), ids(&a.new)));
    }
    if let Some(s) = &c.sources {
        out.push(format!("sources: {} {arrow} {}", s.old.len(), s.new.len()));
    }
    out
}
