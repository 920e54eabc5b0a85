//! The text redline.

use std::fmt::{self, Write};

use super::{
    Labels, and_list, changed, commitment_groups, counts, describe, field_changes, kinds,
    parties_list_refs, sides, values,
};
use crate::diff::{ClauseChangeKind, Diff, RecitalChange, TextChange, TextOp};

/// The text redline: a summary, proposal changes, the preamble, a per-clause change table,
/// moves (apart from edits), splits and merges, then each changed text with deletions as
/// `[-...-]` and insertions as `{+...+}`.
pub fn text(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = write_text(&mut out, diff);
    out
}

impl fmt::Display for Diff {
    /// The text redline, written straight to the formatter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_text(f, self)
    }
}

fn redline(t: &TextChange) -> String {
    t.ops
        .iter()
        .map(|op| match op {
            TextOp::Equal(s) => s.clone(),
            TextOp::Delete(s) => format!("[-{s}-]"),
            TextOp::Insert(s) => format!("{{+{s}+}}"),
        })
        .collect()
}

fn write_text(out: &mut impl Write, diff: &Diff) -> fmt::Result {
    let labels = Labels::new(diff);
    writeln!(
        out,
        "Comparison of {} (old) with {} (new)",
        diff.old, diff.new
    )?;
    writeln!(out, "  {}", counts(diff))?;
    writeln!(
        out,
        "  similarity {:.2}{}",
        diff.summary.similarity,
        if diff.approximate {
            " (some texts compared coarsely: work budget)"
        } else {
            ""
        }
    )?;

    if !diff.commitments.is_empty() {
        writeln!(out, "\nCommitments, by party")?;
        let (groups, unattributed) = commitment_groups(diff);
        for (parties, list) in &groups {
            writeln!(out, "\n  {}", parties_list_refs(parties))?;
            for &i in list {
                let (head, lines) = describe(&labels, &diff.commitments[i], "->");
                writeln!(out, "    {head}")?;
                for line in lines {
                    writeln!(out, "      {line}")?;
                }
            }
        }
        if !unattributed.is_empty() {
            writeln!(out, "\n  no party named (no commitment encoded)")?;
            for i in unattributed {
                let (head, lines) = describe(&labels, &diff.commitments[i], "->");
                writeln!(out, "    {head}")?;
                for line in lines {
                    writeln!(out, "      {line}")?;
                }
            }
        }
    }
    if !diff.proposal.is_empty() {
        writeln!(out, "\nProposal")?;
        for change in &diff.proposal {
            let (field, old, new) = values(change);
            writeln!(out, "  {field}: {old} -> {new}")?;
        }
    }
    if !diff.preamble.is_empty() {
        writeln!(out, "\nPreamble")?;
        for (i, r) in diff.preamble.iter().enumerate() {
            match r {
                RecitalChange::Unchanged { .. } => {}
                RecitalChange::Added { recital } => {
                    writeln!(out, "  {:>3} added    {{+{}+}}", i + 1, recital.text)?
                }
                RecitalChange::Removed { recital } => {
                    writeln!(out, "  {:>3} removed  [-{}-]", i + 1, recital.text)?
                }
                RecitalChange::Modified { text, .. } => {
                    writeln!(out, "  {:>3} modified {}", i + 1, redline(text))?
                }
            }
        }
    }

    let rows: Vec<[String; 4]> = changed(diff)
        .map(|c| {
            let (old, new) = sides(&labels, c);
            [
                old,
                new,
                kinds(c),
                c.matched_by
                    .map_or_else(String::new, |m| format!("{m} {:.2}", c.similarity)),
            ]
        })
        .collect();
    if !rows.is_empty() {
        writeln!(out, "\nClauses")?;
        let header = ["old", "new", "change", "paired by"];
        let width = |k: usize| {
            rows.iter()
                .map(|r| r[k].chars().count())
                .chain([header[k].len()])
                .max()
                .unwrap_or(0)
        };
        let (w0, w1, w2) = (width(0), width(1), width(2));
        writeln!(
            out,
            "  {:w0$}  {:w1$}  {:w2$}  {}",
            header[0], header[1], header[2], header[3]
        )?;
        for r in &rows {
            writeln!(out, "  {:w0$}  {:w1$}  {:w2$}  {}", r[0], r[1], r[2], r[3])?;
        }
    }

    let moves: Vec<String> = diff
        .clauses
        .iter()
        .filter(|c| c.is(ClauseChangeKind::Moved) || c.is(ClauseChangeKind::Reparented))
        // A checked diff pairs every moved clause; one built by hand may not, and is shown
        // without it rather than refused.
        .filter_map(|c| Some((c, c.new.as_ref()?)))
        .map(|(c, n)| format!("  {}: {}", labels.pair(c, "->"), labels.destination(n)))
        .collect();
    if !moves.is_empty() {
        writeln!(out, "\nMoves")?;
        for m in moves {
            writeln!(out, "{m}")?;
        }
    }

    if !diff.splits.is_empty() || !diff.merges.is_empty() {
        writeln!(out, "\nSplits and merges")?;
        for s in &diff.splits {
            let parts = and_list(s.new.iter().map(|id| labels.of(id, false)));
            writeln!(
                out,
                "  {} split into {parts} ({:.0}% covered)",
                labels.of(&s.old, true),
                s.coverage * 100.0
            )?;
        }
        for m in &diff.merges {
            let parts = and_list(m.old.iter().map(|id| labels.of(id, true)));
            writeln!(
                out,
                "  {parts} merged into {} ({:.0}% covered)",
                labels.of(&m.new, false),
                m.coverage * 100.0
            )?;
        }
    }

    let mut texts = String::new();
    for c in changed(diff) {
        let body = match (&c.text, &c.clause) {
            (Some(t), _) => Some(redline(t)),
            (None, Some(clause)) if c.is(ClauseChangeKind::Added) && !clause.text.is_empty() => {
                Some(format!("{{+{}+}}", clause.text))
            }
            (None, Some(clause)) if c.is(ClauseChangeKind::Removed) && !clause.text.is_empty() => {
                Some(format!("[-{}-]", clause.text))
            }
            _ => None,
        };
        let fields = field_changes(c, "->");
        if body.is_none() && fields.is_empty() {
            continue;
        }
        writeln!(texts, "\n  {} ({})", labels.pair(c, "->"), kinds(c))?;
        for line in body.into_iter().chain(fields) {
            writeln!(texts, "    {line}")?;
        }
    }
    if !texts.is_empty() {
        write!(out, "\nTexts\n{texts}")?;
    }
    Ok(())
}
