//! The notation read into a [`Bracketed`]: a recursive descent bounded by
//! [`MAX_BRACKET_DEPTH`], so hostile input cannot exhaust the stack.

use super::{
    Bracket, BracketError, BracketErrorKind as E, BracketKind, Bracketed, Choice,
    MAX_BRACKET_DEPTH, Segment, escapable,
};
use crate::PartyId;

/// The longest label of a clause-level option ("1", "A", "2bis"), in bytes.
const MAX_LABEL: usize = 16;

pub(super) fn parse(text: &str) -> Result<Bracketed, BracketError> {
    let mut p = Parser { text, at: 0 };
    let mut segments = p.sequence(0)?;
    if p.at < text.len() {
        // `sequence` stops only at the end or at a `]`.
        return Err(BracketError::new(E::Unopened, p.at));
    }
    as_options(&mut segments);
    Ok(Bracketed { segments })
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl Parser<'_> {
    /// Plain runs and brackets up to an unescaped `]` (left for the caller) or the end.
    fn sequence(&mut self, depth: usize) -> Result<Vec<Segment>, BracketError> {
        let bytes = self.text.as_bytes();
        let mut segments = Vec::new();
        let mut run = String::new();
        while self.at < bytes.len() {
            let next = memchr::memchr3(b'[', b']', b'\\', &bytes[self.at..])
                .map_or(bytes.len(), |i| self.at + i);
            run.push_str(&self.text[self.at..next]);
            self.at = next;
            match bytes.get(next) {
                None | Some(b']') => break,
                Some(b'\\') => match bytes.get(next + 1) {
                    Some(&c) if escapable(c) => {
                        run.push(char::from(c));
                        self.at += 2;
                    }
                    // A backslash before anything else is itself.
                    _ => {
                        run.push('\\');
                        self.at += 1;
                    }
                },
                Some(_) => {
                    if !run.is_empty() {
                        segments.push(Segment::Text(std::mem::take(&mut run)));
                    }
                    segments.push(Segment::Bracket(self.bracket(depth + 1)?));
                }
            }
        }
        if !run.is_empty() {
            segments.push(Segment::Text(run));
        }
        Ok(segments)
    }

    /// Brackets side by side from a `[`: one optional span, or alternatives.
    fn bracket(&mut self, depth: usize) -> Result<Bracket, BracketError> {
        let offset = self.at;
        let mut choices = Vec::new();
        while self.text.as_bytes().get(self.at) == Some(&b'[') {
            let open = self.at;
            if depth > MAX_BRACKET_DEPTH {
                return Err(BracketError::new(E::TooDeep, open));
            }
            self.at += 1;
            let segments = self.sequence(depth)?;
            if self.at >= self.text.len() {
                return Err(BracketError::new(E::Unclosed, open));
            }
            self.at += 1;
            let blank = segments
                .iter()
                .all(|s| matches!(s, Segment::Text(t) if t.trim().is_empty()));
            if blank {
                return Err(BracketError::new(E::Empty, open));
            }
            let supporters = self.supporters()?;
            choices.push(Choice {
                label: None,
                segments,
                supporters,
            });
        }
        let kind = if choices.len() == 1 {
            BracketKind::Optional
        } else {
            BracketKind::Alternatives
        };
        Ok(Bracket {
            kind,
            choices,
            offset,
        })
    }

    /// `{A, B}` right after a bracket, if there.
    fn supporters(&mut self) -> Result<Vec<PartyId>, BracketError> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.at) != Some(&b'{') {
            return Ok(Vec::new());
        }
        let open = self.at;
        let close = memchr::memchr(b'}', &bytes[open..])
            .map(|i| open + i)
            .ok_or(BracketError::new(E::Supporters, open))?;
        let inner = &self.text[open + 1..close];
        if inner.trim().is_empty() {
            return Err(BracketError::new(E::Supporters, open));
        }
        let mut out = Vec::new();
        let mut at = open + 1;
        for part in inner.split(',') {
            let start = at + (part.len() - part.trim_start().len());
            let id = part
                .trim()
                .parse()
                .map_err(|_| BracketError::new(E::InvalidSupporter, start))?;
            out.push(id);
            at += part.len() + 1;
        }
        self.at = close + 1;
        Ok(out)
    }
}

/// Alternatives that are the whole text, each opening with "Option L:", are the clause's
/// options: the labels move out of the text.
fn as_options(segments: &mut [Segment]) {
    let [Segment::Bracket(b)] = segments else {
        return;
    };
    if b.kind != BracketKind::Alternatives {
        return;
    }
    let labels: Option<Vec<(String, usize)>> = b.choices.iter().map(label).collect();
    let Some(labels) = labels else {
        return;
    };
    b.kind = BracketKind::Options;
    for (c, (label, cut)) in b.choices.iter_mut().zip(labels) {
        c.label = Some(label);
        if let Some(Segment::Text(t)) = c.segments.first_mut() {
            t.drain(..cut);
            if t.is_empty() {
                c.segments.remove(0);
            }
        }
    }
}

/// The label of a choice that opens with "Option L:" and says something after it, and the
/// bytes to cut from its first run.
fn label(c: &Choice) -> Option<(String, usize)> {
    let Some(Segment::Text(t)) = c.segments.first() else {
        return None;
    };
    let rest = t.strip_prefix("Option ")?;
    let colon = rest.find(':')?;
    let label = &rest[..colon];
    let word =
        !label.is_empty() && label.len() <= MAX_LABEL && label.chars().all(char::is_alphanumeric);
    let after = &rest[colon + 1..];
    let body = after.trim_start();
    let says = !body.trim().is_empty() || c.segments.len() > 1;
    (word && says).then(|| (label.to_owned(), t.len() - body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Segment {
        Segment::Text(s.to_owned())
    }

    fn error(s: &str) -> (E, usize) {
        let e = parse(s).unwrap_err();
        (e.kind(), e.offset())
    }

    #[test]
    fn plain_text_is_one_run_with_escapes_resolved() {
        let b = parse(r"Footnote \[9\], a brace \{ and a \\ and \x.").unwrap();
        assert_eq!(
            b.segments,
            [text(r"Footnote [9], a brace { and a \ and \x.")]
        );
        assert_eq!(parse("").unwrap().segments, []);
    }

    #[test]
    fn brackets_side_by_side_are_alternatives_and_alone_optional() {
        let b = parse("a [b] c [d]{X}[e] f").unwrap();
        let kinds: Vec<_> = b.brackets().map(|b| (b.kind, b.offset)).collect();
        assert_eq!(
            kinds,
            [(BracketKind::Optional, 2), (BracketKind::Alternatives, 8)]
        );
        let Segment::Bracket(alt) = &b.segments[3] else {
            panic!("{b:?}")
        };
        assert_eq!(alt.choices[0].supporters, ["X".parse::<PartyId>().unwrap()]);
        assert!(alt.choices[1].supporters.is_empty());
        // A space between two brackets makes two optional spans.
        assert_eq!(parse("[a] [b]").unwrap().brackets().count(), 2);
    }

    #[test]
    fn nested_brackets_are_listed_in_the_order_they_open() {
        let b = parse("[a [b][c] d] [e [f]]").unwrap();
        let offsets: Vec<usize> = b.brackets().map(|b| b.offset).collect();
        assert_eq!(offsets, [0, 3, 13, 16]);
        assert_eq!(b.plain(), "a b d e f");
    }

    #[test]
    fn whole_text_alternatives_with_labels_are_options() {
        let b =
            parse("[Option 1: The Parties shall act.]{A}[Option 2b:  They may [act]{B}.]").unwrap();
        let Segment::Bracket(o) = &b.segments[0] else {
            panic!()
        };
        assert_eq!(o.kind, BracketKind::Options);
        assert_eq!(o.choices[0].label.as_deref(), Some("1"));
        assert_eq!(o.choices[0].plain(), "The Parties shall act.");
        assert_eq!(o.choices[1].label.as_deref(), Some("2b"));
        assert_eq!(o.choices[1].plain(), "They may act.");
        // Written back canonically, and read the same.
        let again = parse(&b.to_string()).unwrap();
        assert_eq!(again.to_string(), b.to_string());
        // Not the whole text, or a choice without a label: alternatives.
        let b = parse("x [Option 1: a][Option 2: b]").unwrap();
        assert!(b.brackets().all(|b| b.kind == BracketKind::Alternatives));
        let b = parse("[Option 1: a][b]").unwrap();
        assert!(b.brackets().all(|b| b.kind == BracketKind::Alternatives));
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(error("a [b"), (E::Unclosed, 2));
        assert_eq!(error("a [b [c] d"), (E::Unclosed, 2));
        assert_eq!(error("a ]b"), (E::Unopened, 2));
        assert_eq!(error("a [b]]"), (E::Unopened, 5));
        assert_eq!(error("a [ ] b"), (E::Empty, 2));
        assert_eq!(error("[a][]"), (E::Empty, 3));
        assert_eq!(error("[a]{B"), (E::Supporters, 3));
        assert_eq!(error("[a]{ }"), (E::Supporters, 3));
        assert_eq!(error("[a]{B, not an id}"), (E::InvalidSupporter, 7));
        let deep = "[".repeat(MAX_BRACKET_DEPTH) + "x" + &"]".repeat(MAX_BRACKET_DEPTH);
        assert!(parse(&deep).is_ok());
        let deeper = format!("a [{deep}]");
        assert_eq!(error(&deeper), (E::TooDeep, 2 + MAX_BRACKET_DEPTH));
        // Far past the bound: refused at the first level past it, the stack untouched.
        let hostile = "[".repeat(100_000);
        assert_eq!(error(&hostile), (E::TooDeep, MAX_BRACKET_DEPTH));
    }
}
