//! Three-way merge of one clause's text, from the word changes the two diffs already hold.
//!
//! Each diff's runs become edits of the base text (a span of it replaced by other words). Edits
//! of one side that touch no edit of the other are applied; edits of both sides that overlap
//! or touch form one disputed stretch, taken once where both sides made it the same, and else
//! written as inline alternatives, ours first: `[our words]{OURS}[their words]{THEIRS}`, or an
//! optional span where one side deleted what the other rewrote. Where the disputed stretches
//! cover more than half the base text, or a text is bracketed already or was compared coarser
//! than word by word, the clause becomes two options, ours first: alternatives scattered
//! over most of a clause are harder to read than the two clauses.

use crate::PartyId;
use crate::brackets::escape;
use crate::diff::{Granularity, TextChange, TextOp};

/// One side's text: the clause text, whether it is in the bracket notation, and its diff
/// from the base (`None` when it did not change).
pub(super) struct Side<'a> {
    pub(super) text: &'a str,
    pub(super) bracketed: bool,
    pub(super) change: Option<&'a TextChange>,
    pub(super) party: &'a PartyId,
}

/// A merged text: the text, whether it is in the notation, and the disputed stretches, each
/// with where its bracket opens and what each side wrote.
pub(super) struct Merged {
    pub(super) text: String,
    pub(super) bracketed: bool,
    pub(super) disputes: Vec<Dispute>,
}

/// A bracket the merge wrote, and what each side wrote there.
pub(super) struct Dispute {
    pub(super) offset: usize,
    pub(super) options: bool,
    pub(super) ours: String,
    pub(super) theirs: String,
}

/// A span of the base text replaced by `with`.
#[derive(Debug, Clone, PartialEq)]
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

/// The edits of a change, in order; `None` when it was not compared word by word.
fn edits(change: &TextChange) -> Option<Vec<Edit>> {
    if change.granularity != Granularity::Word {
        return None;
    }
    let mut out: Vec<Edit> = Vec::new();
    let mut at = 0;
    for op in &change.ops {
        let (len, with) = match op {
            TextOp::Equal(s) => {
                at += s.len();
                continue;
            }
            TextOp::Delete(s) => (s.len(), ""),
            TextOp::Insert(s) => (0, s.as_str()),
        };
        match out.last_mut() {
            // A deletion and an insertion side by side are one replacement.
            Some(last) if last.end == at => {
                last.end += len;
                last.with.push_str(with);
            }
            _ => out.push(Edit {
                start: at,
                end: at + len,
                with: with.to_owned(),
            }),
        }
        at += len;
    }
    Some(out)
}

/// `base[start..end]` with `edits` (all within it) applied.
fn apply(base: &str, start: usize, end: usize, edits: &[Edit]) -> String {
    let mut out = String::new();
    let mut at = start;
    for e in edits {
        out.push_str(&base[at..e.start]);
        out.push_str(&e.with);
        at = e.end;
    }
    out.push_str(&base[at..end]);
    out
}

/// Merges the text of one clause.
pub(super) fn merge(
    base: &str,
    base_bracketed: bool,
    ours: &Side<'_>,
    theirs: &Side<'_>,
) -> Merged {
    let clean = |side: &Side<'_>| Merged {
        text: side.text.to_owned(),
        bracketed: side.bracketed,
        disputes: Vec::new(),
    };
    let same = |side: &Side<'_>| side.text == base && side.bracketed == base_bracketed;
    if same(ours) {
        return clean(theirs);
    }
    if same(theirs) || (ours.text == theirs.text && ours.bracketed == theirs.bracketed) {
        return clean(ours);
    }
    let plain = !(base_bracketed || ours.bracketed || theirs.bracketed);
    let both = ours
        .change
        .and_then(edits)
        .zip(theirs.change.and_then(edits))
        .filter(|_| plain);
    let Some((eo, et)) = both else {
        return options(ours, theirs);
    };
    // Stretches: runs of edits of either side that overlap or touch.
    let mut out = String::new();
    let mut disputes = Vec::new();
    let (mut i, mut j, mut at) = (0, 0, 0);
    let mut disputed = 0;
    while i < eo.len() || j < et.len() {
        let first = match (eo.get(i), et.get(j)) {
            (Some(a), Some(b)) if b.start < a.start => b,
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        let (start, mut end) = (first.start, first.end);
        let (from_o, from_t) = (i, j);
        loop {
            let grown = if eo.get(i).is_some_and(|e| e.start <= end) {
                end = end.max(eo[i].end);
                i += 1;
                true
            } else if et.get(j).is_some_and(|e| e.start <= end) {
                end = end.max(et[j].end);
                j += 1;
                true
            } else {
                false
            };
            if !grown {
                break;
            }
        }
        out.push_str(&escape(&base[at..start]));
        let (so, st) = (
            apply(base, start, end, &eo[from_o..i]),
            apply(base, start, end, &et[from_t..j]),
        );
        if i == from_o || j == from_t || so == st {
            // One side alone, or both alike.
            out.push_str(&escape(if i == from_o { &st } else { &so }));
        } else if so.trim().is_empty() && st.trim().is_empty() {
            // Only white space apart: the lesser, whichever side wrote it.
            out.push_str(&escape(so.as_str().min(st.as_str())));
        } else {
            // The words both versions open and close with stand outside the bracket:
            // "at least [ten]{A}[five]{B} nautical miles".
            let (head, tail) = shared(&so, &st);
            let (mo, mt) = (&so[head..so.len() - tail], &st[head..st.len() - tail]);
            if mo.trim().is_empty() && mt.trim().is_empty() {
                // Apart only by white space once the shared words are out: as above.
                out.push_str(&escape(so.as_str().min(st.as_str())));
                at = end;
                continue;
            }
            disputed += end - start;
            out.push_str(&escape(&so[..head]));
            let offset = out.len();
            write_alternatives(&mut out, mo, ours.party, mt, theirs.party);
            out.push_str(&escape(&so[so.len() - tail..]));
            disputes.push(Dispute {
                offset,
                options: false,
                ours: mo.to_owned(),
                theirs: mt.to_owned(),
            });
        }
        at = end;
    }
    out.push_str(&escape(&base[at..]));
    if disputes.is_empty() {
        // Every edit applied; no notation needed.
        return Merged {
            text: unescape(&out),
            bracketed: false,
            disputes,
        };
    }
    if disputed * 2 > base.len() {
        return options(ours, theirs);
    }
    Merged {
        text: out,
        bracketed: true,
        disputes,
    }
}

/// The bytes two different texts share at their start and at their end, each ending or
/// starting at white space, so that a bracket holds whole words; the two never overlap.
fn shared(a: &str, b: &str) -> (usize, usize) {
    let common = |x: &mut dyn Iterator<Item = (char, char)>| {
        x.take_while(|(p, q)| p == q)
            .map(|(p, _)| p.len_utf8())
            .sum::<usize>()
    };
    let mut head = common(&mut a.chars().zip(b.chars()));
    // Back to the last white space within the shared start (or none).
    head = a[..head].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let room = a.len().min(b.len()) - head;
    let mut tail = common(&mut a.chars().rev().zip(b.chars().rev())).min(room);
    // Forward to the first white space within the shared end.
    let end = &a[a.len() - tail..];
    tail = end.find(char::is_whitespace).map_or(0, |i| tail - i);
    (head, tail)
}

/// `[ours]{A}[theirs]{B}`, or an optional span where one side wrote nothing there.
fn write_alternatives(out: &mut String, ours: &str, a: &PartyId, theirs: &str, b: &PartyId) {
    for (words, party) in [(ours, a), (theirs, b)] {
        if !words.trim().is_empty() {
            out.push('[');
            out.push_str(&escape(words));
            out.push_str("]{");
            out.push_str(party.as_str());
            out.push('}');
        }
    }
}

/// The two texts as the clause's options, ours first; a text that is empty is left out, the
/// other standing as an optional span.
fn options(ours: &Side<'_>, theirs: &Side<'_>) -> Merged {
    let body = |side: &Side<'_>| {
        if side.bracketed {
            side.text.to_owned()
        } else {
            escape(side.text)
        }
    };
    let (o, t) = (ours.text.trim(), theirs.text.trim());
    let mut text = String::new();
    if o.is_empty() || t.is_empty() {
        let side = if o.is_empty() { theirs } else { ours };
        text.push('[');
        text.push_str(&body(side));
        text.push_str("]{");
        text.push_str(side.party.as_str());
        text.push('}');
    } else {
        for (n, side) in [ours, theirs].into_iter().enumerate() {
            text.push_str(&format!("[Option {}: ", n + 1));
            text.push_str(body(side).trim_start());
            text.push_str("]{");
            text.push_str(side.party.as_str());
            text.push('}');
        }
    }
    Merged {
        text,
        bracketed: true,
        disputes: vec![Dispute {
            offset: 0,
            options: true,
            ours: ours.text.to_owned(),
            theirs: theirs.text.to_owned(),
        }],
    }
}

/// A notation with nothing bracketed back to plain text.
fn unescape(notation: &str) -> String {
    crate::brackets::Bracketed::parse(notation)
        .map(|b| b.plain())
        .unwrap_or_else(|_| notation.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{Options, compare};
    use crate::{Clause, Proposal};

    fn change(a: &str, b: &str) -> Option<TextChange> {
        let p = |id: &str, t: &str| {
            Proposal::new(id.parse().unwrap(), "D", "A".parse().unwrap())
                .with_clause(Clause::new("c".parse().unwrap(), t))
        };
        compare(&p("a", a), &p("b", b), &Options::default()).clauses[0]
            .text
            .clone()
    }

    fn m(base: &str, o: &str, t: &str) -> (String, bool, usize) {
        let (co, ct) = (change(base, o), change(base, t));
        let (a, b): (PartyId, PartyId) = ("A".parse().unwrap(), "B".parse().unwrap());
        fn side<'a>(text: &'a str, change: &'a Option<TextChange>, party: &'a PartyId) -> Side<'a> {
            Side {
                text,
                bracketed: false,
                change: change.as_ref(),
                party,
            }
        }
        let got = merge(base, false, &side(o, &co, &a), &side(t, &ct, &b));
        (got.text, got.bracketed, got.disputes.len())
    }

    #[test]
    fn edits_of_one_side_and_alike_edits_merge_cleanly() {
        let base = "The Parties shall consult each other on measures every year.";
        assert_eq!(
            m(
                base,
                "The Parties shall promptly consult each other on measures every year.",
                "The Parties shall consult each other on all measures every year."
            ),
            (
                "The Parties shall promptly consult each other on all measures every year.".into(),
                false,
                0
            )
        );
    }

    #[test]
    fn words_changed_differently_become_alternatives_ours_first() {
        let base = "The Parties shall consult each other on measures every year.";
        let (text, bracketed, n) = m(
            base,
            "The Parties should consult each other on measures every year.",
            "The Parties must consult each other on measures every year.",
        );
        assert_eq!(
            text,
            "The Parties [should]{A}[must]{B} consult each other on measures every year."
        );
        assert!(bracketed && n == 1);
        // Deleted on one side, rewritten on the other: an optional span.
        let (text, _, _) = m(
            base,
            "The Parties shall consult each other on measures.",
            "The Parties shall consult each other on measures every month.",
        );
        assert_eq!(
            text,
            "The Parties shall consult each other on measures[ every month]{B}."
        );
    }

    #[test]
    fn texts_that_diverge_become_options() {
        let (text, _, n) = m(
            "They act.",
            "Each Party shall notify the other.",
            "The Council decides.",
        );
        assert_eq!(
            text,
            "[Option 1: Each Party shall notify the other.]{A}[Option 2: The Council decides.]{B}"
        );
        assert_eq!(n, 1);
    }
}
