//! Word-level changes inside a clause, within a deterministic work budget.

use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::normalize::token_iter;
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

    /// The tokens of two texts, when the budget takes them all. They are counted first, up
    /// to what is left, so that a text past the budget costs no list of its tokens: memory
    /// stays bounded by the budget as the work does.
    fn tokens<'t>(&mut self, a: &'t str, b: &'t str) -> Option<(Vec<&'t str>, Vec<&'t str>)> {
        let limit = self.per_text.min(self.total);
        let collect = |text: &'t str, n: usize| {
            let mut out = Vec::with_capacity(n);
            out.extend(token_iter(text));
            out
        };
        // A token holds a byte at least: texts of fewer bytes than what is left fit, and are
        // split at once (most texts, in one pass).
        if a.len().saturating_add(b.len()) <= limit {
            let (x, y) = (collect(a, a.len() / 3), collect(b, b.len() / 3));
            return self.take(x.len() + y.len()).then_some((x, y));
        }
        // One past what is left is enough to know a text is over (`usize::MAX` means no
        // limit, and must not overflow).
        let na = token_iter(a).take(limit.saturating_add(1)).count();
        let nb = token_iter(b)
            .take(limit.saturating_sub(na).saturating_add(1))
            .count();
        if !self.take(na.saturating_add(nb)) {
            return None;
        }
        Some((collect(a, na), collect(b, nb)))
    }
}

/// The changes from `old` to `new`: by words where the budget allows, else by sentences (with
/// words inside each changed run of sentences where it still allows), else as one replacement.
pub(crate) fn diff_text(old: &str, new: &str, budget: &mut Budget) -> (Vec<TextOp>, Granularity) {
    if let Some((a, b)) = budget.tokens(old, new) {
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
                    if let Some((tx, ty)) = budget.tokens(&x, &y) {
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
    let chars = |op: &TextOp| op.text().chars().count();
    // The size of the change group that starts at each position: the larger of its deleted and
    // inserted characters, up to the next equal run. Computed once, back to front.
    let mut ahead = vec![(0usize, 0usize); ops.len() + 1];
    for k in (0..ops.len()).rev() {
        ahead[k] = match &ops[k] {
            TextOp::Equal(_) => (0, 0),
            TextOp::Delete(_) => (ahead[k + 1].0 + chars(&ops[k]), ahead[k + 1].1),
            TextOp::Insert(_) => (ahead[k + 1].0, ahead[k + 1].1 + chars(&ops[k])),
        };
    }
    let mut out = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let (mut del_chars, mut ins_chars) = (0, 0);
    for (k, op) in ops.iter().enumerate() {
        match op {
            TextOp::Delete(t) => {
                del_chars += chars(op);
                del.push_str(t);
            }
            TextOp::Insert(t) => {
                ins_chars += chars(op);
                ins.push_str(t);
            }
            TextOp::Equal(t) => {
                let before = del_chars.max(ins_chars);
                let after = ahead[k + 1].0.max(ahead[k + 1].1);
                let len = chars(op);
                if before > 0 && after > 0 && len <= before && len <= after {
                    del.push_str(t);
                    ins.push_str(t);
                    del_chars += len;
                    ins_chars += len;
                } else {
                    flush(&mut out, &mut del, &mut ins);
                    (del_chars, ins_chars) = (0, 0);
                    push(&mut out, TextOp::Equal(t.clone()));
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// Ends a change group: its deletion and its insertion, less what both start with up to a word
/// boundary and the white space both end with, which go back to the equal text around them
/// ("[-shall-]{+should+} not", not "[-shall -]{+should +}not"; "activity{+ and incidents+}",
/// not "[-activity-]{+activity and incidents+}").
fn flush(out: &mut Vec<TextOp>, del: &mut String, ins: &mut String) {
    if !del.is_empty() && !ins.is_empty() {
        let mut prefix = 0;
        let mut boundary = 0;
        let (mut a, mut b) = (del.chars().peekable(), ins.chars().peekable());
        while let (Some(x), Some(y)) = (a.next(), b.next()) {
            if x != y {
                break;
            }
            prefix += x.len_utf8();
            let next_is_word = |n: Option<&char>| n.is_some_and(|c| c.is_alphanumeric());
            if !x.is_alphanumeric() || (!next_is_word(a.peek()) && !next_is_word(b.peek())) {
                boundary = prefix;
            }
        }
        if boundary > 0 {
            push(out, TextOp::Equal(del[..boundary].to_owned()));
            del.drain(..boundary);
            ins.drain(..boundary);
        }
    }
    let common = del
        .chars()
        .rev()
        .zip(ins.chars().rev())
        .take_while(|(a, b)| a == b && a.is_whitespace())
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let tail = if del.is_empty() || ins.is_empty() {
        String::new()
    } else {
        del.split_off(del.len() - common)
    };
    if !tail.is_empty() {
        ins.truncate(ins.len() - common);
    }
    push(out, TextOp::Delete(std::mem::take(del)));
    push(out, TextOp::Insert(std::mem::take(ins)));
    push(out, TextOp::Equal(tail));
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
pub(crate) fn sentences(text: &str) -> Vec<&str> {
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
    fn a_budget_takes_exactly_the_tokens_counted() {
        // "a b" and "a c" are three tokens each.
        let mut b = budget(6, 6);
        assert!(b.tokens("a b", "a c").is_some());
        assert_eq!(b.total, 0);
        // One token over, on either side: refused, and nothing is taken.
        let mut b = budget(5, 100);
        assert!(b.tokens("a b", "a c").is_none());
        assert!(b.tokens("a b c", "a").is_none());
        assert_eq!(b.total, 100);
        // No limit at all counts without overflow.
        let mut b = budget(usize::MAX, usize::MAX);
        let (x, y) = b.tokens("a b", "a c").unwrap();
        assert_eq!((x.len(), y.len()), (3, 3));
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
        // Five tokens a side: "a", " ", "b", " ", "c".
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
    fn changes_end_at_word_boundaries() {
        let (ops, _) = diff_text(
            "prevent activity",
            "prevent activity and incidents",
            &mut budget(100, 1000),
        );
        assert_eq!(
            ops,
            [
                TextOp::Equal("prevent activity".into()),
                TextOp::Insert(" and incidents".into())
            ]
        );
        let (ops, _) = diff_text(
            "a hotline.",
            "a hotline. It is tested.",
            &mut budget(100, 1000),
        );
        assert_eq!(
            ops,
            [
                TextOp::Equal("a hotline.".into()),
                TextOp::Insert(" It is tested.".into())
            ]
        );
        let (ops, _) = diff_text("shall act", "should act", &mut budget(100, 1000));
        assert_eq!(ops[0], TextOp::Delete("shall".into()));
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
