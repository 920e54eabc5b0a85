//! The Markdown redline.

use std::fmt::{self, Write};

use super::{
    Labels, and_list, changed, commitment_groups, counts, describe, field_changes, kinds,
    parties_list_refs, sides, values,
};
use crate::diff::{ClauseChangeKind, Diff, RecitalChange, TextChange, TextOp};

/// Escapes what Markdown or HTML would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '*' | '_' | '`' | '[' | ']' | '#' | '~' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn redline(t: &TextChange) -> String {
    t.ops
        .iter()
        .map(|op| match op {
            TextOp::Equal(s) => escape(s),
            TextOp::Delete(s) => format!("<del>{}</del>", escape(s)),
            TextOp::Insert(s) => format!("<ins>{}</ins>", escape(s)),
        })
        .collect()
}

/// The Markdown redline: the same sections as [`text`](super::text), with a change table and
/// deletions and insertions as `<del>` and `<ins>`.
pub fn markdown(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = write_markdown(&mut out, diff);
    out
}

fn write_markdown(out: &mut impl Write, diff: &Diff) -> fmt::Result {
    let labels = Labels::new(diff);
    writeln!(out, "# Comparison of `{}` with `{}`\n", diff.old, diff.new)?;
    writeln!(
        out,
        "**Summary:** {}; similarity {:.2}.",
        counts(diff),
        diff.summary.similarity
    )?;
    if diff.approximate {
        writeln!(
            out,
            "\nSome texts were compared by sentences or as a whole: a work budget was reached."
        )?;
    }
    if !diff.commitments.is_empty() {
        writeln!(out, "\n## Commitments, by party")?;
        let (groups, unattributed) = commitment_groups(diff);
        let sections = groups
            .iter()
            .map(|(parties, list)| (parties_list_refs(parties), list.clone()))
            .chain((!unattributed.is_empty()).then(|| {
                (
                    "No party named (no commitment encoded)".to_owned(),
                    unattributed,
                )
            }));
        for (title, list) in sections {
            writeln!(out, "\n### {}\n", escape(&title))?;
            for i in list {
                let (head, lines) = describe(&labels, &diff.commitments[i], "→");
                writeln!(out, "- **{}**", escape(&head))?;
                for line in lines {
                    writeln!(out, "  - {}", escape(&line))?;
                }
            }
        }
    }
    if !diff.proposal.is_empty() {
        writeln!(out, "\n## Proposal\n")?;
        writeln!(out, "| Field | Old | New |")?;
        writeln!(out, "|---|---|---|")?;
        for change in &diff.proposal {
            let (field, old, new) = values(change);
            writeln!(out, "| {field} | {} | {} |", escape(&old), escape(&new))?;
        }
    }
    if !diff.preamble.is_empty() {
        writeln!(out, "\n## Preamble\n")?;
        for (i, r) in diff.preamble.iter().enumerate() {
            match r {
                RecitalChange::Unchanged { .. } => {}
                RecitalChange::Added { recital } => writeln!(
                    out,
                    "{}. added: <ins>{}</ins>",
                    i + 1,
                    escape(&recital.text)
                )?,
                RecitalChange::Removed { recital } => writeln!(
                    out,
                    "{}. removed: <del>{}</del>",
                    i + 1,
                    escape(&recital.text)
                )?,
                RecitalChange::Modified { text, .. } => {
                    writeln!(out, "{}. modified: {}", i + 1, redline(text))?
                }
            }
        }
    }
    let rows: Vec<_> = changed(diff).collect();
    if !rows.is_empty() {
        writeln!(out, "\n## Clauses\n")?;
        writeln!(out, "| Old | New | Change | Paired by | Similarity |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for c in rows {
            let (old, new) = sides(&labels, c);
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                if old == "-" {
                    "—".to_owned()
                } else {
                    escape(&old)
                },
                if new == "-" {
                    "—".to_owned()
                } else {
                    escape(&new)
                },
                kinds(c),
                c.matched_by.map_or_else(String::new, |m| m.to_string()),
                c.matched_by
                    .map_or_else(String::new, |_| format!("{:.2}", c.similarity)),
            )?;
        }
    }
    let moves: Vec<_> = diff
        .clauses
        .iter()
        .filter(|c| c.is(ClauseChangeKind::Moved) || c.is(ClauseChangeKind::Reparented))
        // A checked diff pairs every moved clause; one built by hand may not, and is shown
        // without it rather than refused.
        .filter_map(|c| Some((c, c.new.as_ref()?)))
        .collect();
    if !moves.is_empty() {
        writeln!(out, "\n## Moves\n")?;
        for (c, n) in moves {
            writeln!(
                out,
                "- {}: {}",
                escape(&labels.pair(c, "→")),
                escape(&labels.destination(n))
            )?;
        }
    }
    if !diff.splits.is_empty() || !diff.merges.is_empty() {
        writeln!(out, "\n## Splits and merges\n")?;
        for s in &diff.splits {
            let parts = and_list(s.new.iter().map(|id| escape(&labels.of(id, false))));
            writeln!(
                out,
                "- {} split into {parts} ({:.0}% covered)",
                escape(&labels.of(&s.old, true)),
                s.coverage * 100.0
            )?;
        }
        for m in &diff.merges {
            let parts = and_list(m.old.iter().map(|id| escape(&labels.of(id, true))));
            writeln!(
                out,
                "- {parts} merged into {} ({:.0}% covered)",
                escape(&labels.of(&m.new, false)),
                m.coverage * 100.0
            )?;
        }
    }
    let mut texts = String::new();
    for c in changed(diff) {
        let body = match (&c.text, &c.clause) {
            (Some(t), _) => Some(redline(t)),
            (None, Some(clause)) if c.is(ClauseChangeKind::Added) && !clause.text.is_empty() => {
                Some(format!("<ins>{}</ins>", escape(&clause.text)))
            }
            (None, Some(clause)) if c.is(ClauseChangeKind::Removed) && !clause.text.is_empty() => {
                Some(format!("<del>{}</del>", escape(&clause.text)))
            }
            _ => None,
        };
        let fields = field_changes(c, "→");
        if body.is_none() && fields.is_empty() {
            continue;
        }
        writeln!(
            texts,
            "\n### {} ({})\n",
            escape(&labels.pair(c, "→")),
            kinds(c)
        )?;
        if let Some(body) = body {
            writeln!(texts, "{body}")?;
        }
        if !fields.is_empty() {
            writeln!(texts)?;
            for f in fields {
                writeln!(texts, "- {}", escape(&f))?;
            }
        }
    }
    if !texts.is_empty() {
        write!(out, "\n## Texts\n{texts}")?;
    }
    Ok(())
}
