//! Word-level changes inside a clause, within a deterministic work budget.

use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::normalize::tokens;
use super::{Granularity, TextOp};

/// How much text comparison is left: counted in tokens, so that results never depend on how
/// busy the machine is. The optional deadline is the one exception, and is off by default.
#[derive(Debug)]
pub(crate) struct Budget {
    pub(crate) per_text: usize,
    pub(crate) total: usize,
    pub(crate) deadline: Option<Instant>,
}

impl Budget {
    /// Takes `n` tokens of work if there are that many left.
    fn take(&mut self, n: usize) -> bool {
        if n > self.per_text || n > self.total || self.deadline.is_some_and(|d| Instant::now() >= d)
        {
            return false;
        }
        self.total -= n;
        true
    }
}

/// The changes from `old` to `new`: by words where the budget allows, else by sentences (with
/// words inside each changed run of sentences where it still allows), else as one replacement.
pub(crate) fn diff_text(old: &str, new: &str, budget: &mut Budget) -> (Vec<TextOp>, Granularity) {
    let (a, b) = (tokens(old), tokens(new));
    if budget.take(a.len() + b.len()) {
        return (ops(&a, &b), Granularity::Word);
    }
    let (sa, sb) = (sentences(old), sentences(new));
    if budget.take(sa.len() + sb.len()) {
        let mut out = Vec::new();
        for op in capture_diff_slices(Algorithm::Myers, &sa, &sb) {
            match op {
                DiffOp::Equal { old_index, len, .. } => push(
                    &mut out,
                    TextOp::Equal(sa[old_index..old_index + len].concat()),
                ),
                DiffOp::Delete {
                    old_index, old_len, ..
                } => {
                    push(
                        &mut out,
                        TextOp::Delete(sa[old_index..old_index + old_len].concat()),
                    );
                }
                DiffOp::Insert {
                    new_index, new_len, ..
                } => {
                    push(
                        &mut out,
                        TextOp::Insert(sb[new_index..new_index + new_len].concat()),
                    );
                }
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    let (x, y) = (
                        sa[old_index..old_index + old_len].concat(),
                        sb[new_index..new_index + new_len].concat(),
                    );
                    let (tx, ty) = (tokens(&x), tokens(&y));
                    if budget.take(tx.len() + ty.len()) {
                        for op in ops(&tx, &ty) {
                            push(&mut out, op);
                        }
                    } else {
                        push(&mut out, TextOp::Delete(x));
                        push(&mut out, TextOp::Insert(y));
                    }
                }
            }
        }
        return (out, Granularity::Sentence);
    }
    let mut out = Vec::new();
    push(&mut out, TextOp::Delete(old.to_owned()));
    push(&mut out, TextOp::Insert(new.to_owned()));
    (out, Granularity::Whole)
}

fn ops(a: &[&str], b: &[&str]) -> Vec<TextOp> {
    cleanup(raw_ops(a, b))
}

/// Folds an equal run into the changes around it when it is no longer than the change on
/// either side (as diff-match-patch's semantic cleanup does), so that two unrelated sentences
/// show as one deletion and one insertion, not as a word soup held together by spaces and
/// "the".
fn cleanup(ops: Vec<TextOp>) -> Vec<TextOp> {
    let weight = |ops: &[TextOp]| -> usize {
        let (mut d, mut i) = (0, 0);
        for op in ops.iter().take_while(|op| !matches!(op, TextOp::Equal(_))) {
            match op {
                TextOp::Delete(t) => d += t.chars().count(),
                TextOp::Insert(t) => i += t.chars().count(),
                TextOp::Equal(_) => {}
            }
        }
        d.max(i)
    };
    let mut out = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let mut before = 0;
    for (k, op) in ops.iter().enumerate() {
        match op {
            TextOp::Delete(t) => {
                before = before.max(del.chars().count() + t.chars().count());
                del.push_str(t);
            }
            TextOp::Insert(t) => {
                before = before.max(ins.chars().count() + t.chars().count());
                ins.push_str(t);
            }
            TextOp::Equal(t) => {
                let after = weight(&ops[k + 1..]);
                let len = t.chars().count();
                if before > 0 && after > 0 && len <= before && len <= after {
                    del.push_str(t);
                    ins.push_str(t);
                    before = before.max(del.chars().count().max(ins.chars().count()));
                } else {
                    push(&mut out, TextOp::Delete(std::mem::take(&mut del)));
                    push(&mut out, TextOp::Insert(std::mem::take(&mut ins)));
                    push(&mut out, TextOp::Equal(t.clone()));
                    before = 0;
                }
            }
        }
    }
    push(&mut out, TextOp::Delete(del));
    push(&mut out, TextOp::Insert(ins));
    out
}

fn raw_ops(a: &[&str], b: &[&str]) -> Vec<TextOp> {
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => push(
                &mut out,
                TextOp::Equal(a[old_index..old_index + len].concat()),
            ),
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(
                &mut out,
                TextOp::Delete(a[old_index..old_index + old_len].concat()),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(
                &mut out,
                TextOp::Insert(b[new_index..new_index + new_len].concat()),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(
                    &mut out,
                    TextOp::Delete(a[old_index..old_index + old_len].concat()),
                );
                push(
                    &mut out,
                    TextOp::Insert(b[new_index..new_index + new_len].concat()),
                );
            }
        }
    }
    out
}

/// Appends an op, merging it into the last one when they are of one kind; empty ops vanish.
fn push(out: &mut Vec<TextOp>, op: TextOp) {
    if op.text().is_empty() {
        return;
    }
    match (out.last_mut(), op) {
        (Some(TextOp::Equal(a)), TextOp::Equal(b))
        | (Some(TextOp::Delete(a)), TextOp::Delete(b))
        | (Some(TextOp::Insert(a)), TextOp::Insert(b)) => {
            a.push_str(&b);
        }
        (_, op) => out.push(op),
    }
}

/// Sentences with the white space after them: concatenated, they give the text back.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'.' | b';' | b':' | b'!' | b'?' | b'\n') {
            let mut end = i + 1;
            while end < bytes.len() && bytes[end].is_ascii_whitespace() {
                end += 1;
            }
            if end > i + 1 || end == bytes.len() || bytes[i] == b'\n' {
                out.push(&text[start..end]);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(per_text: usize, total: usize) -> Budget {
        Budget {
            per_text,
            total,
            deadline: None,
        }
    }

    fn apply(ops: &[TextOp]) -> (String, String) {
        let mut old = String::new();
        let mut new = String::new();
        for op in ops {
            match op {
                TextOp::Equal(t) => {
                    old.push_str(t);
                    new.push_str(t);
                }
                TextOp::Delete(t) => old.push_str(t),
                TextOp::Insert(t) => new.push_str(t),
            }
        }
        (old, new)
    }

    #[test]
    fn words_change_where_they_change() {
        let (ops, g) = diff_text(
            "The Parties shall not deploy.",
            "The Parties should not deploy.",
            &mut budget(100, 1000),
        );
        assert_eq!(g, Granularity::Word);
        assert_eq!(
            ops,
            [
                TextOp::Equal("The Parties ".into()),
                TextOp::Delete("shall".into()),
                TextOp::Insert("should".into()),
                TextOp::Equal(" not deploy.".into())
            ]
        );
    }

    #[test]
    fn over_the_word_budget_sentences_are_compared_then_words_inside() {
        let old = "One sentence here. Two is long and stays. Three ends.";
        let new = "One sentence here. Two is long and stays. Three finishes.";
        let mut b = budget(12, 1000);
        let (ops, g) = diff_text(old, new, &mut b);
        assert_eq!(g, Granularity::Sentence);
        assert_eq!(apply(&ops), (old.to_owned(), new.to_owned()));
        assert!(ops.contains(&TextOp::Delete("ends".into())), "{ops:?}");
    }

    #[test]
    fn with_no_budget_left_the_text_is_replaced_whole() {
        let mut b = budget(100, 0);
        let (ops, g) = diff_text("a b", "a c", &mut b);
        assert_eq!(g, Granularity::Whole);
        assert_eq!(
            ops,
            [TextOp::Delete("a b".into()), TextOp::Insert("a c".into())]
        );
    }

    #[test]
    fn the_total_budget_is_spent() {
        let mut b = budget(100, 10);
        assert_eq!(diff_text("a b c", "a b d", &mut b).1, Granularity::Word);
        assert_eq!(b.total, 0);
        assert_ne!(diff_text("a b c", "a b d", &mut b).1, Granularity::Word);
    }

    #[test]
    fn unrelated_texts_are_one_deletion_and_one_insertion() {
        let (ops, _) = diff_text(
            "the Parties shall not deploy missiles",
            "The United States is ready to discuss",
            &mut budget(100, 1000),
        );
        assert_eq!(
            ops,
            [
                TextOp::Delete("the Parties shall not deploy missiles".into()),
                TextOp::Insert("The United States is ready to discuss".into())
            ]
        );
    }

    #[test]
    fn long_equal_runs_stay() {
        let (ops, _) = diff_text("a b c d e f g h", "x b c d e f g y", &mut budget(100, 1000));
        assert_eq!(ops[2], TextOp::Equal(" b c d e f g ".into()));
    }

    #[test]
    fn sentences_give_the_text_back() {
        let text = "First. Second; third:fourth.\nFifth? 3.5 stays";
        assert_eq!(sentences(text).concat(), text);
        assert_eq!(sentences(text)[0], "First. ");
    }
}
