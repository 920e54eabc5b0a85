//! Brackets in an imported text: whether they are a negotiating text's, and the clause texts
//! written in the notation of [`crate::brackets`] when they are.
//!
//! The evidence that a text is bracketed for negotiation, not for footnotes: a bracket with
//! its supporters (`[shall]{RU}`), two brackets side by side (`[shall][should]`), or options
//! (`[Option 1: ...`, or a paragraph that opens "Option 1:"). Footnote markers and editorial
//! words in brackets ("[9]", "[deleted]") are never evidence, and stay literal either way.

use memchr::memmem;

use super::{ImportReport, Note};
use crate::brackets::escapable;

string_enum! {
    /// How [`text`](super::text) reads square brackets ([`ImportOptions::brackets`](super::ImportOptions::brackets)).
    #[derive(Default)]
    pub enum BracketMode {
        /// As a negotiating text's where the text shows it (brackets with supporters,
        /// brackets side by side, options), literal otherwise; the report says which.
        #[default]
        Auto => "auto",
        /// Always as a negotiating text's (but for footnote markers and editorial words).
        On => "on",
        /// Always literal, as in a finished text.
        Off => "off",
    }
}

/// Words that an editor, not a delegation, puts in brackets.
const EDITORIAL: [&str; 8] = [
    "deleted",
    "reserved",
    "sic",
    "omitted",
    "repealed",
    "intentionally omitted",
    "...",
    "\u{2026}",
];

/// How many of each kind of evidence a text holds.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    supporters: usize,
    pairs: usize,
    options: usize,
}

impl Evidence {
    /// The evidence in the lines of a text.
    pub(super) fn of<S: AsRef<str>>(lines: &[S]) -> Evidence {
        let mut e = Evidence::default();
        for line in lines {
            let line = line.as_ref();
            let bytes = line.as_bytes();
            for at in memchr::memchr2_iter(b']', b'}', bytes) {
                if escaped(bytes, at) || (bytes[at] == b']' && literal_before(line, at)) {
                    continue;
                }
                match (bytes[at], bytes.get(at + 1)) {
                    (b']', Some(b'{')) => e.supporters += 1,
                    // After a bracket, or after the supporters that close one.
                    (_, Some(b'[')) if !literal_after(line, at + 1) => e.pairs += 1,
                    _ => {}
                }
            }
            e.options += memmem::find_iter(bytes, b"[Option ").count();
            if option_at(line, 0).is_some() {
                e.options += 1;
            }
        }
        e
    }

    fn any(&self) -> bool {
        self.supporters + self.pairs + self.options > 0
    }
}

/// Decides whether the text's brackets are a negotiating text's, and says so in the report.
pub(super) fn decide(mode: BracketMode, evidence: &Evidence, report: &mut ImportReport) -> bool {
    let found = format!(
        "{} with supporters, {} side by side, {} options",
        evidence.supporters, evidence.pairs, evidence.options
    );
    match mode {
        BracketMode::Off => false,
        BracketMode::On => {
            report.recognised.push(Note {
                line: 1,
                what: "brackets read as a negotiating text's, as asked (brackets on)".to_owned(),
            });
            true
        }
        BracketMode::Auto if evidence.any() => {
            report.guessed.push(Note {
                line: 1,
                what: format!("brackets read as a negotiating text's: {found}"),
            });
            true
        }
        BracketMode::Auto => false,
    }
}

/// A clause text in the notation, when it holds a bracket that is not literal: footnote
/// markers and editorial words escaped, `[A/B]` written as `[A][B]`, a text of options
/// ("Option 1: ... Option 2: ...") bracketed option by option. `None` when nothing is
/// bracketed and nothing escaped: such a text is plain. Also counts the brackets kept literal.
pub(super) fn notation(text: &str, literal: &mut usize) -> Option<String> {
    let text = options(text);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut any = false;
    let mut from = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'[', b'\\', &bytes[at..]).map(|i| at + i) {
        if bytes[i] == b'\\' {
            // An escape stays as written, and says the text is in the notation; `\/` is a
            // slash that splits nothing.
            any |= bytes.get(i + 1).copied().is_some_and(escapable);
            // A backslash that ends the text escapes nothing.
            at = (i + 2).min(bytes.len());
            continue;
        }
        // The bracket's content when nothing nests in it.
        let close = memchr::memchr2(b'[', b']', &bytes[i + 1..])
            .map(|k| i + 1 + k)
            .filter(|&k| bytes[k] == b']');
        let Some(close) = close else {
            any = true;
            at = i + 1;
            continue;
        };
        let inner = &text[i + 1..close];
        out.push_str(&text[from..i]);
        if is_literal(inner) {
            *literal += 1;
            out.push_str("\\[");
            out.push_str(inner);
            out.push_str("\\]");
        } else {
            any = true;
            out.push_str(&slashed(inner));
        }
        from = close + 1;
        at = close + 1;
    }
    out.push_str(&text[from..]);
    // A `]` with none open is a fault the notation reports, not a literal bracket.
    let stray =
        !any && memchr::memchr(b']', out.as_bytes()).is_some_and(|k| !escaped(out.as_bytes(), k));
    (any || stray).then_some(out)
}

/// `[A/B]` as `[A][B]`: alternatives written with slashes; `\/` is a slash.
fn slashed(inner: &str) -> String {
    let mut parts = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'/') => {
                parts.last_mut().expect("a part").push('/');
                chars.next();
            }
            '/' => parts.push(String::new()),
            c => parts.last_mut().expect("a part").push(c),
        }
    }
    if parts.len() > 1 && parts.iter().all(|p| !p.trim().is_empty()) {
        parts.iter().map(|p| format!("[{}]", p.trim())).collect()
    } else {
        format!("[{}]", parts.join("/"))
    }
}

/// A text of options, "Option 1: ... Option 2: ...", with each option bracketed; options
/// bracketed already on lines of their own ("[Option 1: ...]{A}", then "[Option 2: ...]") stand
/// side by side, as the notation wants them.
fn options(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with("[Option ") {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = memmem::find(rest.as_bytes(), b" [Option ") {
            let before = rest[..at].trim_end();
            out.push_str(before);
            if !before.ends_with([']', '}']) {
                out.push_str(&rest[before.len()..at]);
                out.push(' ');
            }
            rest = &rest[at + 1..];
        }
        out.push_str(rest);
        return out.into();
    }
    let Some(first) = option_at(text, 0) else {
        return text.into();
    };
    let mut starts = vec![0];
    let mut at = first;
    while let Some(k) = memmem::find(&text.as_bytes()[at..], b" Option ").map(|k| at + k + 1) {
        if let Some(end) = option_at(text, k) {
            starts.push(k);
            at = end;
        } else {
            at = k + 1;
        }
    }
    if starts.len() < 2 {
        return text.into();
    }
    starts.push(text.len());
    let mut out = String::with_capacity(text.len() + 2 * starts.len());
    for w in starts.windows(2) {
        out.push('[');
        out.push_str(text[w[0]..w[1]].trim_end());
        out.push(']');
    }
    out.into()
}

/// Where the body of an option starts, if "Option L:" stands at `at`.
fn option_at(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?.strip_prefix("Option ")?;
    let colon = rest.find(':')?;
    let label = &rest[..colon];
    let word = !label.is_empty() && label.len() <= 16 && label.chars().all(char::is_alphanumeric);
    word.then_some(at + "Option ".len() + colon + 1)
}

/// A footnote marker or an editorial word: "9", "deleted", "...".
fn is_literal(inner: &str) -> bool {
    let t = inner.trim();
    (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        || EDITORIAL.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// Whether the `]` at `close` ends a literal bracket.
fn literal_before(line: &str, close: usize) -> bool {
    line[..close]
        .rfind('[')
        .is_some_and(|open| is_literal(&line[open + 1..close]))
}

/// Whether the `[` at `open` starts a literal bracket.
fn literal_after(line: &str, open: usize) -> bool {
    line[open + 1..]
        .find(']')
        .is_some_and(|k| is_literal(&line[open + 1..open + 1 + k]))
}

/// Whether the byte at `at` follows an odd run of backslashes.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<String>, usize) {
        let mut literal = 0;
        (notation(text, &mut literal), literal)
    }

    #[test]
    fn evidence_is_supporters_pairs_and_options_never_footnotes() {
        let e = Evidence::of(&["The Parties [shall]{A} act [9][10] [deleted]"]);
        assert_eq!((e.supporters, e.pairs, e.options), (1, 0, 0));
        let e = Evidence::of(&[
            "[shall][should] and [a]{B}[b]",
            "Option 1: x",
            "[Option 2: y]",
        ]);
        assert_eq!((e.supporters, e.pairs, e.options), (1, 2, 2));
        let e = Evidence::of(&["Footnotes [9][10], \\[a\\]\\[b\\] and [deleted][sic]."]);
        assert!(!e.any());
    }

    #[test]
    fn texts_in_the_notation() {
        assert_eq!(read("No brackets."), (None, 0));
        assert_eq!(read("A note [9] and [deleted]."), (None, 2));
        assert_eq!(
            read("They [shall/should] act [9]."),
            (Some("They [shall][should] act \\[9\\].".to_owned()), 1)
        );
        assert_eq!(
            read("They act [and\\/or] [with consent]{A}."),
            (Some("They act [and/or] [with consent]{A}.".to_owned()), 0)
        );
        assert_eq!(
            read("[Option 1: They act.]{A} [Option 2: They may act.] [Option 3: x]"),
            (
                Some("[Option 1: They act.]{A}[Option 2: They may act.][Option 3: x]".to_owned()),
                0
            )
        );
        assert_eq!(
            read("Option 1: They act. Option 2: They may [act]."),
            (
                Some("[Option 1: They act.][Option 2: They may [act].]".to_owned()),
                0
            )
        );
        // A fault is kept for validation to report.
        assert_eq!(read("They [act."), (Some("They [act.".to_owned()), 0));
        assert_eq!(read("They act]."), (Some("They act].".to_owned()), 0));
        // A backslash at the very end (found by the fuzzer).
        assert_eq!(read("They [act] \\"), (Some("They [act] \\".to_owned()), 0));
    }
}
