//! One walk over a diff's sections, written through a [`Style`]: the text and Markdown
//! redlines are two styles of it, and an HTML redline would be a third.
//!
//! The walk decides what is said and in which order (summary, changes of encoded commitments
//! each once, commitment changes read from the text by clause, proposal fields, preamble,
//! change table, moves, splits and merges, redlined texts); a style decides how it looks
//! (headings, lists, tables, how deletions and insertions are marked, what is escaped). It
//! writes into any [`fmt::Write`], so `Display` streams.

use std::borrow::Cow;
use std::fmt::{self, Write};

use super::{
    Labels, and_list, article_counts, changed, counted, field_changes, kinds, sides, substantive,
    values,
};
use crate::Proposal;
use crate::diff::{ClauseChangeKind, ClauseDiff, Diff, RecitalChange, TextChange, TextOp};

/// How a recital changed, for [`Style::recital`].
pub(super) enum Recital<'a> {
    Added(&'a str),
    Removed(&'a str),
    Modified(&'a TextChange),
}

/// A row of the change table: old and new labels ("-" for a missing side), the kinds, and
/// how the pair was made with its similarity, if it was.
pub(super) struct Row {
    pub(super) old: String,
    pub(super) new: String,
    pub(super) kinds: String,
    pub(super) matched: Option<(String, f64)>,
    /// The label of the clause's entry in the texts section, if it has one: what a style
    /// that links to entries links to.
    pub(super) entry: Option<String>,
}

/// A commitment change in a group: its heading, its detail lines, and the parties it binds or
/// bound (by id), for a style that lets a reader pick one.
pub(super) struct Item {
    pub(super) head: String,
    pub(super) lines: Vec<String>,
    pub(super) parties: Vec<String>,
}

/// How a redline looks.
pub(super) trait Style {
    /// The arrow between an old and a new value.
    const ARROW: &'static str;
    /// Text as the style shows it: escaped where markup would read it.
    fn escape(&self, s: &str) -> String;
    /// A deletion, already escaped.
    fn deleted(&self, s: &str) -> String;
    /// An insertion, already escaped.
    fn inserted(&self, s: &str) -> String;
    /// The title and the summary; `articles` counts the articles apart, where they are known.
    fn title(&self, out: &mut dyn Write, diff: &Diff, articles: Option<&str>) -> fmt::Result;
    /// A section's heading; `nested` when the section's content starts with headings of its
    /// own (the commitment groups, the changed clauses).
    fn section(&self, out: &mut dyn Write, name: &str, nested: bool) -> fmt::Result;
    /// A group of commitment changes: its heading, then each change with its detail lines.
    fn group(&self, out: &mut dyn Write, title: &str, items: &[Item]) -> fmt::Result;
    /// The proposal's changed fields: (field, old, new).
    fn fields(&self, out: &mut dyn Write, rows: &[(&str, String, String)]) -> fmt::Result;
    /// One recital's change, numbered from 1.
    fn recital(&self, out: &mut dyn Write, number: usize, change: Recital<'_>) -> fmt::Result;
    /// The change table.
    fn table(&self, out: &mut dyn Write, rows: &[Row]) -> fmt::Result;
    /// An item of a plain list (moves, splits, merges).
    fn item(&self, out: &mut dyn Write, line: &str) -> fmt::Result;
    /// A changed clause: its label and kinds, its redlined text, its other field changes.
    fn entry(
        &self,
        out: &mut dyn Write,
        label: &str,
        kinds: &str,
        body: Option<&str>,
        fields: &[String],
    ) -> fmt::Result;

    /// `text` (already escaped) as a link to the entry of the clause labelled `to`, where the
    /// style has links.
    fn link(&self, text: &str, _to: &str) -> String {
        text.to_owned()
    }

    /// Whether the texts section shows the clauses that did not change, in runs between the
    /// changed ones ([`Style::unchanged`]), when the drafts are known.
    const FOLDS: bool = false;

    /// A run of clauses that did not change: each one's label and text.
    fn unchanged(&self, _out: &mut dyn Write, _run: &[(String, &str)]) -> fmt::Result {
        Ok(())
    }

    /// A text change, redlined.
    fn redline(&self, t: &TextChange) -> String {
        t.ops
            .iter()
            .map(|op| match op {
                TextOp::Equal(s) => self.escape(s),
                TextOp::Delete(s) => self.deleted(&self.escape(s)),
                TextOp::Insert(s) => self.inserted(&self.escape(s)),
            })
            .collect()
    }
}

/// The whole redline of `diff` in `style`, as a string (see [`walk`]).
pub(super) fn rendered<S: Style>(
    diff: &Diff,
    proposals: Option<(&Proposal, &Proposal)>,
    style: &S,
    changed_only: bool,
) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = walk(&mut out, diff, proposals, style, changed_only);
    out
}

/// Writes the whole redline of `diff` in `style`; with the proposals it was made from,
/// clauses are labelled with their headings too.
///
/// With `changed_only`, the clause table, the moves and the texts list only the clauses whose
/// content changed (modified, added or removed), and say how many others only changed place.
pub(super) fn walk<S: Style>(
    out: &mut dyn Write,
    diff: &Diff,
    proposals: Option<(&Proposal, &Proposal)>,
    style: &S,
    changed_only: bool,
) -> fmt::Result {
    let labels = Labels::new(diff, proposals);
    // The clauses listed below: all that changed, or only those whose content did.
    let shown = |c: &&ClauseDiff| !changed_only || substantive(c);
    let only_place = changed(diff).filter(|c| !shown(c)).count();
    style.title(out, diff, article_counts(diff, proposals).as_deref())?;

    super::commitments::sections(out, diff, &labels, style)?;
    super::brackets::section(out, diff, &labels, style)?;
    if !diff.proposal.is_empty() {
        style.section(out, "Proposal", false)?;
        let rows: Vec<(&str, String, String)> = diff.proposal.iter().map(values).collect();
        style.fields(out, &rows)?;
    }
    if !diff.preamble.is_empty() {
        style.section(out, "Preamble", false)?;
        for (i, r) in diff.preamble.iter().enumerate() {
            let change = match r {
                RecitalChange::Unchanged { .. } => continue,
                RecitalChange::Added { recital } => Recital::Added(&recital.text),
                RecitalChange::Removed { recital } => Recital::Removed(&recital.text),
                RecitalChange::Modified { text, .. } => Recital::Modified(text),
            };
            style.recital(out, i + 1, change)?;
        }
    }

    // How many commitment changes stand in each clause, to point at them from its entry; by
    // side and id, since an old and a new clause may share an id.
    let mut listed: std::collections::HashMap<(bool, &crate::ClauseId), usize> =
        std::collections::HashMap::new();
    for k in &diff.commitments {
        let key = match (&k.new_clause, &k.old_clause) {
            (Some(id), _) => (true, id),
            (None, Some(id)) => (false, id),
            (None, None) => continue,
        };
        *listed.entry(key).or_default() += 1;
    }
    let rows: Vec<Row> = changed(diff)
        .filter(shown)
        .map(|c| {
            let (old, new) = sides(&labels, c);
            Row {
                old,
                new,
                kinds: kinds(c),
                matched: c.matched_by.map(|m| (m.to_string(), c.similarity)),
                entry: has_entry(c, &listed).then(|| labels.pair(c, S::ARROW)),
            }
        })
        .collect();
    if !rows.is_empty() || only_place > 0 {
        style.section(out, "Clauses", false)?;
        if !rows.is_empty() {
            style.table(out, &rows)?;
        }
        if only_place > 0 {
            style.item(
                out,
                &format!(
                    "{} that only changed place (renumbered, moved or reparented) not listed",
                    counted(only_place, "clause")
                ),
            )?;
        }
    }

    // A checked diff pairs every moved clause; one built by hand may not, and is shown
    // without it rather than refused.
    let moves: Vec<String> = diff
        .clauses
        .iter()
        .filter(|c| c.is(ClauseChangeKind::Moved) || c.is(ClauseChangeKind::Reparented))
        .filter(shown)
        .filter_map(|c| Some((c, c.new.as_ref()?)))
        .map(|(c, n)| {
            let label = labels.pair(c, S::ARROW);
            let text = style.escape(&label);
            let text = if has_entry(c, &listed) {
                style.link(&text, &label)
            } else {
                text
            };
            format!("{text}: {}", style.escape(&labels.destination(n)))
        })
        .collect();
    if !moves.is_empty() {
        style.section(out, "Moves", false)?;
        for m in &moves {
            style.item(out, m)?;
        }
    }

    if !diff.splits.is_empty() || !diff.merges.is_empty() {
        style.section(out, "Splits and merges", false)?;
        // Each part links to its entry, where the style has links; the clauses by side and id,
        // looked up once each.
        let mut by_side: std::collections::HashMap<(bool, &crate::ClauseId), &ClauseDiff> =
            std::collections::HashMap::new();
        for c in &diff.clauses {
            for (new_side, p) in [(false, &c.old), (true, &c.new)] {
                if let Some(p) = p {
                    by_side.entry((new_side, &p.id)).or_insert(c);
                }
            }
        }
        let part = |id: &crate::ClauseId, old_side: bool| {
            let text = style.escape(&labels.of(id, old_side));
            match by_side.get(&(!old_side, id)) {
                Some(&c) if has_entry(c, &listed) => style.link(&text, &labels.pair(c, S::ARROW)),
                _ => text,
            }
        };
        for s in &diff.splits {
            let parts = and_list(s.new.iter().map(|id| part(id, false)));
            style.item(
                out,
                &format!(
                    "{} split into {parts} ({:.0}% covered)",
                    part(&s.old, true),
                    s.coverage * 100.0
                ),
            )?;
        }
        for m in &diff.merges {
            let parts = and_list(m.old.iter().map(|id| part(id, true)));
            style.item(
                out,
                &format!(
                    "{parts} merged into {} ({:.0}% covered)",
                    part(&m.new, false),
                    m.coverage * 100.0
                ),
            )?;
        }
    }

    // The new draft's clauses by id, for the text of those that did not change.
    let texts: std::collections::HashMap<&crate::ClauseId, Cow<'_, str>> = match proposals {
        Some((_, new)) if S::FOLDS => new
            .walk()
            .map(|c| {
                let text = if c.bracketed {
                    Cow::Owned(super::brackets::shown(&c.text))
                } else {
                    Cow::Borrowed(c.text.as_str())
                };
                (&c.id, text)
            })
            .collect(),
        _ => std::collections::HashMap::new(),
    };
    let mut run: Vec<(String, &str)> = Vec::new();
    let mut started = false;
    for c in &diff.clauses {
        if c.kinds.is_empty() {
            if let Some(p) = &c.new {
                if let Some(text) = texts.get(&p.id) {
                    run.push((labels.path(p, false), text));
                }
            }
            continue;
        }
        if !shown(&c) {
            continue;
        }
        if !run.is_empty() {
            if !started {
                style.section(out, "Texts", true)?;
                started = true;
            }
            style.unchanged(out, &run)?;
            run.clear();
        }
        if !has_entry(c, &listed) {
            continue;
        }
        // A bracketed text shows in the usual notation, its escapes resolved.
        let bracketed = super::brackets::sides(c);
        let whole = |clause: &crate::Clause| {
            if clause.bracketed {
                style.escape(&super::brackets::shown(&clause.text))
            } else {
                style.escape(&clause.text)
            }
        };
        let body = match (&c.text, &c.clause) {
            (Some(t), _) if bracketed.contains(&true) => {
                Some(style.redline(&super::brackets::shown_change(t, bracketed)))
            }
            (Some(t), _) => Some(style.redline(t)),
            (None, Some(clause)) if c.is(ClauseChangeKind::Added) && !clause.text.is_empty() => {
                Some(style.inserted(&whole(clause)))
            }
            (None, Some(clause)) if c.is(ClauseChangeKind::Removed) && !clause.text.is_empty() => {
                Some(style.deleted(&whole(clause)))
            }
            _ => None,
        };
        let mut fields = field_changes(c, S::ARROW);
        let here = side_key(c).and_then(|key| listed.get(&key));
        if let Some(n) = here {
            fields.push(format!(
                "{}, listed above",
                counted(*n, "commitment change")
            ));
        } else if let Some(t) = &c.text {
            // Its modal words changed but no commitment did (an encoded commitment kept, or
            // the same obligation written another way): one line, so that a reader of the
            // redline knows it was weighed.
            let (old, new) = (t.old_text(), t.new_text());
            if crate::deontic::modalities(&old) != crate::deontic::modalities(&new) {
                fields.push("modal words changed; no commitment change listed".to_owned());
            }
        }
        if !started {
            style.section(out, "Texts", true)?;
            started = true;
        }
        style.entry(
            out,
            &labels.pair(c, S::ARROW),
            &kinds(c),
            body.as_deref(),
            &fields,
        )?;
    }
    if !run.is_empty() && started {
        style.unchanged(out, &run)?;
    }
    Ok(())
}

/// Whether a changed clause gets an entry in the texts section: it has a text to show (a
/// change of words, or the text of a clause added or removed) or other changes to list. The
/// texts section writes exactly these; links go only to them.
fn has_entry(
    c: &ClauseDiff,
    listed: &std::collections::HashMap<(bool, &crate::ClauseId), usize>,
) -> bool {
    let whole = (c.is(ClauseChangeKind::Added) || c.is(ClauseChangeKind::Removed))
        && c.clause.as_ref().is_some_and(|k| !k.text.is_empty());
    c.text.is_some()
        || whole
        || side_key(c).is_some_and(|k| listed.contains_key(&k))
        || !field_changes(c, "->").is_empty()
}

/// A clause's key in the count of commitment changes by clause: its new side, or its old one
/// where it has no new one.
fn side_key(c: &ClauseDiff) -> Option<(bool, &crate::ClauseId)> {
    match (&c.new, &c.old) {
        (Some(p), _) => Some((true, &p.id)),
        (None, Some(p)) => Some((false, &p.id)),
        (None, None) => None,
    }
}
