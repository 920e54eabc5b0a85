//! Lines: the text cut at every line break, cleaned, and the page furniture among them.

use std::borrow::Cow;

use crate::diff::align::{FxMap, Seeded};

use super::classify::Kind;

/// The text's lines, trimmed, with tabs and non-breaking spaces as plain spaces.
pub(super) struct Lines<'a> {
    pub(super) text: Vec<Cow<'a, str>>,
    /// Whether a form feed (a page break) stood on the line.
    pub(super) page_break: Vec<bool>,
}

/// Cuts `input` at LF, CRLF and a bare CR alike: each is one line break.
pub(super) fn split<'a>(input: &'a str) -> Lines<'a> {
    // Most texts are ASCII without tabs or form feeds: one pass over the whole text says so,
    // and spares every line the search for the tab and the non-breaking spaces (U+00A0,
    // U+202F, U+2007), which looks at each character.
    let plain = input.is_ascii() && memchr::memchr2(b'\t', b'\x0c', input.as_bytes()).is_none();
    let bytes = input.as_bytes();
    let mut text = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut page_break = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    let mut push = |line: &'a str| {
        let (line, feed) = if plain {
            (Cow::Borrowed(line.trim()), false)
        } else {
            clean(line)
        };
        text.push(line);
        page_break.push(feed);
    };
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if at < start {
            // The LF of a CRLF, already taken with its CR.
            continue;
        }
        push(&input[start..at]);
        start = at + 1;
        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            start += 1;
        }
    }
    push(&input[start..]);
    Lines { text, page_break }
}

/// A line with tabs and non-breaking spaces made spaces and form feeds taken out, trimmed, and
/// whether it held a form feed.
fn clean(line: &str) -> (Cow<'_, str>, bool) {
    const SPACES: [char; 4] = ['\t', '\u{a0}', '\u{202f}', '\u{2007}'];
    let feed = line.contains('\x0c');
    let line = if feed || line.contains(SPACES) {
        Cow::Owned(
            line.replace(SPACES, " ")
                .replace('\x0c', " ")
                .trim()
                .to_owned(),
        )
    } else {
        Cow::Borrowed(line.trim())
    };
    (line, feed)
}

/// A page number alone on a line: "12", "- 4 -", "Page 3", "Page 3 of 9", and "7-1" (page 1
/// of chapter 7).
pub(super) fn page_number(t: &str) -> bool {
    // "Page 123 of 456" is the longest form.
    if t.len() > 20 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let core = lower.trim_matches(|c: char| c == '-' || c == '\u{2013}' || c.is_whitespace());
    let is_num = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    if is_num(core) {
        return true;
    }
    if let Some((chapter, page)) = core.split_once('-') {
        let short = |s: &str| is_num(s) && s.len() <= 3;
        return short(chapter) && short(page);
    }
    if let Some(rest) = core.strip_prefix("page") {
        let mut parts = rest.split_whitespace();
        return match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(n), None, None, None) => is_num(n),
            (Some(n), Some("of"), Some(m), None) => is_num(n) && is_num(m),
            _ => false,
        };
    }
    false
}

/// Why a line is page furniture, if it is: a page number, or a running header or footer
/// repeated with page-layout evidence. `kinds` tell which lines are structure.
///
/// A line repeated three times or more is a running header or footer only if the text shows
/// pages: most of its repeats stand within three lines of a page number or a page break, or it
/// repeats four times or more at regular intervals of a page's length. Even then a repeat stays where it is a clause's only text (between a
/// heading and the next heading), so that clauses that happen to say the same thing keep it.
pub(super) fn furniture(lines: &Lines<'_>, kinds: &[Kind]) -> Vec<Option<&'static str>> {
    let n = lines.text.len();
    let mut out: Vec<Option<&'static str>> = vec![None; n];
    for (i, t) in lines.text.iter().enumerate() {
        // "- 4 -" reads as a bullet too.
        if !t.is_empty() && matches!(kinds[i], Kind::Text | Kind::Point(_)) && page_number(t) {
            out[i] = Some("a page number");
        }
    }

    // Repeats: lines of two words and twelve characters or more, but short, counted by a
    // 64-bit hash of their text, so that a text of a hundred thousand lines is counted with
    // keys of eight bytes (a collision could only add a line to a count, and the checks below
    // still stand).
    // One seeded state for the whole text: equal lines get equal digests.
    let state = Seeded::default();
    let hash = |t: &str| std::hash::BuildHasher::hash_one(&state, t.as_bytes()) | 1;
    let could_repeat = |i: usize, t: &str| {
        (12..=320).contains(&t.len())
            && (t.len() <= 80 || t.chars().count() <= 80)
            && t.as_bytes().contains(&b' ')
            && matches!(kinds[i], Kind::Text)
            && out[i].is_none()
    };
    let hashes: Vec<u64> = lines
        .text
        .iter()
        .enumerate()
        .map(|(i, t)| if could_repeat(i, t) { hash(t) } else { 0 })
        .collect();
    let mut seen: FxMap<u64, u32> = FxMap::with_capacity_and_hasher(n / 4, Default::default());
    for &h in hashes.iter().filter(|h| **h != 0) {
        *seen.entry(h).or_default() += 1;
    }
    seen.retain(|_, count| *count >= 3);
    if seen.is_empty() {
        return out;
    }
    // Where each repeated line stands, for the lines repeated at all.
    let mut at: FxMap<u64, Vec<usize>> = FxMap::default();
    for (i, h) in hashes.iter().enumerate() {
        if *h != 0 && seen.contains_key(h) {
            at.entry(*h).or_default().push(i);
        }
    }
    // Page numbers are the only furniture found so far.
    let near_page_mark = |i: usize| {
        let (lo, hi) = (i.saturating_sub(3), (i + 3).min(n - 1));
        lines.page_break[i]
            || (lo..=hi).any(|j| j != i && (lines.page_break[j] || out[j].is_some()))
    };
    let mut repeated = Vec::new();
    for (_, places) in at {
        let marked = places.iter().filter(|&&i| near_page_mark(i)).count();
        let gaps = places.windows(2).map(|w| w[1] - w[0]);
        let (min, max) = gaps.fold((usize::MAX, 0), |(lo, hi), g| (lo.min(g), hi.max(g)));
        // Four repeats or more, a page apart: twenty to a hundred and fifty lines, varying by
        // half at most.
        let regular = places.len() >= 4 && min >= 20 && max <= 150 && max <= min + min / 2;
        if marked * 2 >= places.len() || regular {
            repeated.extend(places);
        }
    }
    for i in repeated {
        if !only_text(lines, kinds, i) {
            out[i] = Some("repeated on every page: a running header or footer");
        }
    }
    out
}

/// Whether line `i` is a clause's only text: a heading before it and a heading (or the end)
/// after it, blank lines aside.
fn only_text(lines: &Lines<'_>, kinds: &[Kind], i: usize) -> bool {
    let before = (0..i).rev().find(|&j| !lines.text[j].is_empty());
    let after = (i + 1..lines.text.len()).find(|&j| !lines.text[j].is_empty());
    before.is_some_and(|j| matches!(kinds[j], Kind::Heading(_)))
        && after.is_none_or(|j| matches!(kinds[j], Kind::Heading(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_counts_once() {
        let lines = split("a\nb\r\nc\rd\r\r\ne");
        assert_eq!(lines.text, ["a", "b", "c", "d", "", "e"]);
        let lines = split("a\u{a0}b\t\x0cc\n");
        assert_eq!(lines.text, ["a b  c", ""]);
        assert_eq!(lines.page_break, [true, false]);
    }

    #[test]
    fn page_numbers() {
        for t in ["12", "- 4 -", "Page 3", "page 3 of 9", "7-1", "12-104"] {
            assert!(page_number(t), "{t}");
        }
        for t in [
            "Article 1",
            "12 States",
            "Page one",
            "1997-2001-3",
            "7-1234",
        ] {
            assert!(!page_number(t), "{t}");
        }
    }
}
