//! The text redline: a style of the [walk](super::walk).

use std::fmt::{self, Write};

use super::walk::{Item, Recital, Row, Style, rendered, walk};
use super::{commitment_summary, counts};
use crate::Proposal;
use crate::diff::Diff;

/// The text redline: a summary, proposal changes, the preamble, a per-clause change table,
/// moves (apart from edits), splits and merges, then each changed text with deletions as
/// `[-...-]` and insertions as `{+...+}`.
pub fn text(diff: &Diff) -> String {
    text_of(diff, None, false)
}

pub(super) fn text_of(
    diff: &Diff,
    proposals: Option<(&Proposal, &Proposal)>,
    changed_only: bool,
) -> String {
    rendered(diff, proposals, &Text, changed_only)
}

impl fmt::Display for Diff {
    /// The text redline, written straight to the formatter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        walk(f, self, None, &Text, false)
    }
}

/// Plain text for a terminal: indented sections, aligned columns.
pub(super) struct Text;

impl Style for Text {
    const ARROW: &'static str = "->";

    fn escape(&self, s: &str) -> String {
        s.to_owned()
    }

    fn deleted(&self, s: &str) -> String {
        format!("[-{s}-]")
    }

    fn inserted(&self, s: &str) -> String {
        format!("{{+{s}+}}")
    }

    fn title(&self, out: &mut dyn Write, diff: &Diff, articles: Option<&str>) -> fmt::Result {
        writeln!(
            out,
            "Comparison of {} (old) with {} (new)",
            diff.old, diff.new
        )?;
        writeln!(out, "  {}", counts(diff))?;
        if let Some(line) = articles {
            writeln!(out, "  articles: {line}")?;
        }
        if let Some(line) = commitment_summary(diff) {
            writeln!(out, "  commitments: {line}")?;
        }
        writeln!(
            out,
            "  similarity {:.2}{}",
            diff.summary.similarity,
            if diff.approximate {
                " (some texts compared coarsely: work budget)"
            } else {
                ""
            }
        )
    }

    fn section(&self, out: &mut dyn Write, name: &str, _nested: bool) -> fmt::Result {
        writeln!(out, "\n{name}")
    }

    fn group(&self, out: &mut dyn Write, title: &str, items: &[Item]) -> fmt::Result {
        writeln!(out, "\n  {title}")?;
        for Item { head, lines, .. } in items {
            writeln!(out, "    {head}")?;
            for line in lines {
                writeln!(out, "      {line}")?;
            }
        }
        Ok(())
    }

    fn fields(&self, out: &mut dyn Write, rows: &[(&str, String, String)]) -> fmt::Result {
        for (field, old, new) in rows {
            writeln!(out, "  {field}: {old} -> {new}")?;
        }
        Ok(())
    }

    fn recital(&self, out: &mut dyn Write, number: usize, change: Recital<'_>) -> fmt::Result {
        match change {
            Recital::Added(text) => writeln!(out, "  {number:>3} added    {{+{text}+}}"),
            Recital::Removed(text) => writeln!(out, "  {number:>3} removed  [-{text}-]"),
            Recital::Modified(text) => {
                writeln!(out, "  {number:>3} modified {}", self.redline(text))
            }
        }
    }

    fn table(&self, out: &mut dyn Write, rows: &[Row]) -> fmt::Result {
        let rows: Vec<[String; 4]> = rows
            .iter()
            .map(|r| {
                [
                    r.old.clone(),
                    r.new.clone(),
                    r.kinds.clone(),
                    r.matched
                        .as_ref()
                        .map_or_else(String::new, |(m, s)| format!("{m} {s:.2}")),
                ]
            })
            .collect();
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
        Ok(())
    }

    fn item(&self, out: &mut dyn Write, line: &str) -> fmt::Result {
        writeln!(out, "  {line}")
    }

    fn entry(
        &self,
        out: &mut dyn Write,
        label: &str,
        kinds: &str,
        body: Option<&str>,
        fields: &[String],
    ) -> fmt::Result {
        writeln!(out, "\n  {label} ({kinds})")?;
        for line in body.into_iter().chain(fields.iter().map(String::as_str)) {
            writeln!(out, "    {line}")?;
        }
        Ok(())
    }
}
