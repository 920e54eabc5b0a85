//! Brackets in the views: bracketed texts shown in the usual notation (`[shall]{RU}[should]`,
//! the notation's escapes resolved, so that a literal "\[9\]" shows as "[9]"), and the
//! brackets section: the tallies of the two drafts, then what happened to each bracket.

use std::fmt::{self, Write};

use super::Labels;
use super::walk::Style;
use crate::brackets::{BracketKind, Tally, escapable};
use crate::diff::{BracketChange, BracketRef, ClauseDiff, Diff, TextChange, TextOp};

/// Which bytes of a notation are escaping backslashes, to be left out when it is shown.
fn escapes(text: &str) -> Vec<bool> {
    let bytes = text.as_bytes();
    let mut drop = vec![false; bytes.len()];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1).copied().is_some_and(escapable) {
            drop[i] = true;
            i += 2;
        } else {
            i += 1;
        }
    }
    drop
}

/// A bracketed text as shown: its escapes resolved.
pub(super) fn shown(text: &str) -> String {
    let drop = escapes(text);
    text.char_indices()
        .filter(|&(i, _)| !drop[i])
        .map(|(_, c)| c)
        .collect()
}

/// Whether each side of a changed clause is bracketed: from the flag's change, or, where it did
/// not change, from whether the clause's brackets were compared at all.
pub(super) fn sides(c: &ClauseDiff) -> [bool; 2] {
    match (&c.bracketed, &c.clause) {
        (Some(change), _) => [change.old, change.new],
        (None, Some(clause)) => [clause.bracketed; 2],
        (None, None) => [c.brackets.is_some(); 2],
    }
}

/// A text change of a clause bracketed on either side, its escapes resolved on each side
/// that is bracketed. A backslash is told apart by the text of its own side, so an escape
/// split between two runs is still resolved.
pub(super) fn shown_change(t: &TextChange, [old, new]: [bool; 2]) -> TextChange {
    let drops = [
        old.then(|| escapes(&t.old_text())),
        new.then(|| escapes(&t.new_text())),
    ];
    let mut at = [0usize; 2];
    let mut ops = Vec::with_capacity(t.ops.len());
    for op in &t.ops {
        let (text, on) = match op {
            TextOp::Equal(s) => (s, [true, true]),
            TextOp::Delete(s) => (s, [true, false]),
            TextOp::Insert(s) => (s, [false, true]),
        };
        let mut kept = String::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let dropped = (0..2).any(|side| {
                on[side]
                    && drops[side]
                        .as_ref()
                        .is_some_and(|d| d.get(at[side] + i).copied().unwrap_or(false))
            });
            if !dropped {
                kept.push(c);
            }
        }
        for side in 0..2 {
            if on[side] {
                at[side] += text.len();
            }
        }
        ops.push(match op {
            TextOp::Equal(_) => TextOp::Equal(kept),
            TextOp::Delete(_) => TextOp::Delete(kept),
            TextOp::Insert(_) => TextOp::Insert(kept),
        });
    }
    TextChange {
        ops,
        granularity: t.granularity,
        typographic_only: t.typographic_only,
    }
}

/// The brackets section of the text redline alone: the two drafts' tallies, then what
/// happened to each bracket, clause by clause. Empty when neither draft is bracketed.
///
/// ```
/// use pactum::diff::{compare, Options};
/// use pactum::{Clause, Proposal};
///
/// let draft = |id: &str, text: &str| {
///     Proposal::new(id.parse().unwrap(), "Draft", "A".parse().unwrap())
///         .with_clause(Clause::new("a".parse().unwrap(), text).with_number("Article 1").with_brackets())
/// };
/// let old = draft("v1", "The Parties [shall]{A}[should]{B} consult [promptly].");
/// let new = draft("v2", "The Parties shall consult [promptly].");
/// let text = pactum::render::brackets(&compare(&old, &new, &Options::default()));
/// assert!(text.contains("brackets 2 -> 1 (optional 1 -> 1, alternatives 1 -> 0)"), "{text}");
/// assert!(text.contains("Article 1: resolved [shall][should], kept \"shall\""), "{text}");
/// ```
pub fn brackets(diff: &Diff) -> String {
    let labels = Labels::new(diff, None);
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = section(&mut out, diff, &labels, &super::text::Text);
    out
}

/// The brackets section: the two drafts' tallies, then each clause's bracket changes.
pub(super) fn section<S: Style>(
    out: &mut dyn Write,
    diff: &Diff,
    labels: &Labels<'_>,
    style: &S,
) -> fmt::Result {
    let Some(t) = diff.brackets else {
        return Ok(());
    };
    style.section(out, "Brackets", false)?;
    style.item(out, &style.escape(&tally_line(t.old, t.new, S::ARROW)))?;
    for c in &diff.clauses {
        let Some(b) = &c.brackets else {
            continue;
        };
        let label = labels.pair(c, S::ARROW);
        // A clause added or removed, or past the word budget: its tallies say what changed.
        if b.changes.is_empty() && b.tally.old.brackets != b.tally.new.brackets {
            let line = format!(
                "{label}: brackets {} {} {}",
                b.tally.old.brackets,
                S::ARROW,
                b.tally.new.brackets
            );
            style.item(out, &style.escape(&line))?;
        }
        for change in &b.changes {
            let line = format!("{label}: {}", describe(change));
            style.item(out, &style.escape(&line))?;
        }
    }
    Ok(())
}

/// "brackets 3 -> 2 (optional 1 -> 2, alternatives 1 -> 0, options 1 -> 0); choices 6 -> 2".
fn tally_line(old: Tally, new: Tally, arrow: &str) -> String {
    let parts: Vec<String> = [
        (old.optional, new.optional, "optional"),
        (old.alternatives, new.alternatives, "alternatives"),
        (old.options, new.options, "options"),
    ]
    .iter()
    .filter(|(a, b, _)| *a + *b > 0)
    .map(|(a, b, name)| format!("{name} {a} {arrow} {b}"))
    .collect();
    let mut line = format!("brackets {} {arrow} {}", old.brackets, new.brackets);
    if !parts.is_empty() {
        line.push_str(&format!(" ({})", parts.join(", ")));
    }
    line.push_str(&format!(
        "; choices {} {arrow} {}; clauses with brackets {} {arrow} {}",
        old.choices, new.choices, old.clauses, new.clauses
    ));
    if old.unreadable + new.unreadable > 0 {
        line.push_str(&format!(
            "; unreadable {} {arrow} {}",
            old.unreadable, new.unreadable
        ));
    }
    line
}

/// "resolved [shall][should], kept \"should\"".
fn describe(change: &BracketChange) -> String {
    let b = change.bracket();
    let choice = |i: usize| {
        b.choices
            .get(i)
            .map_or_else(String::new, |c| format!("\"{}\"", short(c)))
    };
    match change {
        BracketChange::Resolved { kept, .. } => {
            format!("resolved {}, kept {}", notation(b), choice(*kept))
        }
        BracketChange::Reopened { kept, .. } => {
            format!(
                "reopened {}, where the old text had {}",
                notation(b),
                choice(*kept)
            )
        }
        other => format!("{} {}", other.name(), notation(b)),
    }
}

/// A bracket written back in short: "[shall][should]", "[Option 1: ...][Option 2: ...]".
fn notation(b: &BracketRef) -> String {
    b.choices
        .iter()
        .enumerate()
        .map(|(i, c)| match b.kind {
            BracketKind::Options => format!("[Option {}: {}]", i + 1, short(c)),
            _ => format!("[{}]", short(c)),
        })
        .collect()
}

/// A choice cut to 60 bytes for a line of the section.
fn short(s: &str) -> String {
    crate::quote::cut(s, 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_resolved_even_split_between_runs() {
        assert_eq!(shown(r"a \[9\] [b]{X} \\ \x"), r"a [9] [b]{X} \ \x");
        let t = TextChange {
            ops: vec![
                TextOp::Equal("a \\".into()),
                TextOp::Delete("[9\\]".into()),
                TextOp::Insert("[10\\]".into()),
            ],
            granularity: crate::diff::Granularity::Word,
            typographic_only: false,
        };
        let got = shown_change(&t, [true, true]);
        assert_eq!(got.old_text(), "a [9]");
        assert_eq!(got.new_text(), "a [10]");
        // A side that is not bracketed keeps its backslashes, but in a run both sides share,
        // which shows as the bracketed side reads it.
        assert_eq!(shown_change(&t, [false, true]).old_text(), "a [9\\]");
    }
}
