//! The Markdown redline: a style of the [walk](super::walk).

use std::fmt::{self, Write};

use super::walk::{Item, Recital, Row, Style, rendered};
use super::{commitment_summary, counts};
use crate::Proposal;
use crate::diff::Diff;

/// The Markdown redline: the same sections as [`text`](super::text), with a change table and
/// deletions and insertions as `<del>` and `<ins>`.
pub fn markdown(diff: &Diff) -> String {
    markdown_of(diff, None, false)
}

pub(super) fn markdown_of(
    diff: &Diff,
    proposals: Option<(&Proposal, &Proposal)>,
    changed_only: bool,
) -> String {
    rendered(diff, proposals, &Markdown, changed_only)
}

/// GitHub-flavoured Markdown with inline `<del>` and `<ins>`.
struct Markdown;

impl Style for Markdown {
    const ARROW: &'static str = "→";

    /// Escapes what Markdown or HTML would read as markup.
    fn escape(&self, s: &str) -> String {
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

    fn deleted(&self, s: &str) -> String {
        format!("<del>{s}</del>")
    }

    fn inserted(&self, s: &str) -> String {
        format!("<ins>{s}</ins>")
    }

    fn title(&self, out: &mut dyn Write, diff: &Diff, articles: Option<&str>) -> fmt::Result {
        writeln!(out, "# Comparison of `{}` with `{}`\n", diff.old, diff.new)?;
        writeln!(
            out,
            "**Summary:** {}; similarity {:.2}.",
            counts(diff),
            diff.summary.similarity
        )?;
        if let Some(line) = articles {
            writeln!(out, "\n**Articles:** {}.", self.escape(line))?;
        }
        if let Some(line) = commitment_summary(diff) {
            writeln!(out, "\n**Commitments:** {}.", self.escape(&line))?;
        }
        if diff.approximate {
            writeln!(
                out,
                "\nSome texts were compared by sentences or as a whole: a work budget was reached."
            )?;
        }
        Ok(())
    }

    fn section(&self, out: &mut dyn Write, name: &str, nested: bool) -> fmt::Result {
        // A nested section's first heading brings its own blank line.
        writeln!(out, "\n## {name}{}", if nested { "" } else { "\n" })
    }

    fn group(&self, out: &mut dyn Write, title: &str, items: &[Item]) -> fmt::Result {
        let mut chars = title.chars();
        let title: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        writeln!(out, "\n### {}\n", self.escape(&title))?;
        for Item { head, lines, .. } in items {
            writeln!(out, "- **{}**", self.escape(head))?;
            for line in lines {
                writeln!(out, "  - {}", self.escape(line))?;
            }
        }
        Ok(())
    }

    fn fields(&self, out: &mut dyn Write, rows: &[(&str, String, String)]) -> fmt::Result {
        writeln!(out, "| Field | Old | New |")?;
        writeln!(out, "|---|---|---|")?;
        for (field, old, new) in rows {
            writeln!(
                out,
                "| {field} | {} | {} |",
                self.escape(old),
                self.escape(new)
            )?;
        }
        Ok(())
    }

    fn recital(&self, out: &mut dyn Write, number: usize, change: Recital<'_>) -> fmt::Result {
        match change {
            Recital::Added(text) => {
                writeln!(out, "{number}. added: <ins>{}</ins>", self.escape(text))
            }
            Recital::Removed(text) => {
                writeln!(out, "{number}. removed: <del>{}</del>", self.escape(text))
            }
            Recital::Modified(text) => writeln!(out, "{number}. modified: {}", self.redline(text)),
        }
    }

    fn table(&self, out: &mut dyn Write, rows: &[Row]) -> fmt::Result {
        writeln!(out, "| Old | New | Change | Paired by | Similarity |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        let side = |s: &str| {
            if s == "-" {
                "—".to_owned()
            } else {
                self.escape(s)
            }
        };
        for r in rows {
            let (by, similarity) = r
                .matched
                .as_ref()
                .map_or_else(Default::default, |(m, s)| (m.clone(), format!("{s:.2}")));
            writeln!(
                out,
                "| {} | {} | {} | {by} | {similarity} |",
                side(&r.old),
                side(&r.new),
                r.kinds,
            )?;
        }
        Ok(())
    }

    fn item(&self, out: &mut dyn Write, line: &str) -> fmt::Result {
        writeln!(out, "- {line}")
    }

    fn entry(
        &self,
        out: &mut dyn Write,
        label: &str,
        kinds: &str,
        body: Option<&str>,
        fields: &[String],
    ) -> fmt::Result {
        writeln!(out, "\n### {} ({kinds})\n", self.escape(label))?;
        if let Some(body) = body {
            writeln!(out, "{body}")?;
        }
        if !fields.is_empty() {
            writeln!(out)?;
            for f in fields {
                writeln!(out, "- {}", self.escape(f))?;
            }
        }
        Ok(())
    }
}
