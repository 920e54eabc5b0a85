//! Text normalisation, tokens and shingles: what "the same text" and "similar text" mean.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The text as compared: Unicode NFKC, curly quotes made straight, dashes made hyphens,
/// non-breaking and other spaces made plain, words hyphenated across a line break joined (the
/// hyphen dropped before a lower-case letter, kept before a capital or a digit), runs of white
/// space folded to one space, no space at either end.
///
/// ```
/// use pactum::diff::normalize;
///
/// assert_eq!(
///     normalize("The \u{201c}Parties\u{201d}\u{a0}shall  not \u{2014} in any man-\n  ner"),
///     "The \"Parties\" shall not - in any manner",
/// );
/// ```
pub fn normalize(text: &str) -> String {
    let text: Cow<'_, str> = if text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    };
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if c == '-' && !space && out.chars().next_back().is_some_and(char::is_alphabetic) {
            // "man-\n  ner": a hyphen, then white space holding a line break, then a lower-case
            // letter is a word broken across lines.
            let mut look = chars.clone();
            let mut newline = false;
            while let Some(&w) = look.peek() {
                if !w.is_whitespace() {
                    break;
                }
                newline |= w == '\n' || w == '\r';
                look.next();
            }
            match look.peek() {
                Some(n) if newline && n.is_lowercase() => {
                    chars = look;
                    continue;
                }
                // "NATO-\nRussia": a real hyphen that happens to end a line.
                Some(n) if newline && n.is_alphanumeric() => {
                    out.push('-');
                    chars = look;
                    continue;
                }
                _ => {}
            }
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Splits a text into tokens for word-level diffs: runs of letters and digits, runs of white
/// space, and single other characters. Concatenated, the tokens give the text back.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if current.is_some_and(|p| p != k || k == Class::Other) {
            out.push(&text[start..i]);
            start = i;
        }
        current = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The sorted, distinct byte 5-grams of the lower-cased normalised text, each packed into a
/// u64 (so two shingles are equal exactly when their bytes are).
pub(crate) fn shingles(normalized: &str) -> Vec<u64> {
    const K: usize = 5;
    let lower: Cow<'_, str> =
        if normalized.bytes().any(|b| b.is_ascii_uppercase()) || !normalized.is_ascii() {
            Cow::Owned(normalized.to_lowercase())
        } else {
            Cow::Borrowed(normalized)
        };
    let bytes = lower.as_bytes();
    let pack = |w: &[u8]| {
        w.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)) | ((w.len() as u64) << 56)
    };
    let mut out: Vec<u64> = if bytes.len() < K {
        if bytes.is_empty() {
            Vec::new()
        } else {
            vec![pack(bytes)]
        }
    } else {
        bytes.windows(K).map(pack).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// How many elements two sorted, distinct lists share.
pub(crate) fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The Dice coefficient of two shingle sets: 2|A∩B| / (|A|+|B|); 1 for two empty sets.
pub(crate) fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared(a, b) as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(normalize("  a \t b\n\nc  "), "a b c");
        assert_eq!(
            normalize("\u{2018}x\u{2019} \u{201c}y\u{201d}"),
            "'x' \"y\""
        );
        assert_eq!(normalize("a\u{2013}b \u{2014} c"), "a-b - c");
        assert_eq!(
            normalize("non\u{a0}breaking\u{202f}space"),
            "non breaking space"
        );
        assert_eq!(normalize("inter-\nmediate"), "intermediate");
        assert_eq!(normalize("inter- \r\n  mediate"), "intermediate");
        // A hyphen before a capital or on one line stays.
        assert_eq!(normalize("NATO-\nRussia"), "NATO-Russia");
        assert_eq!(normalize("short-range"), "short-range");
        assert_eq!(normalize("- item"), "- item");
        // NFKC: the ligature and the full-width letter fold.
        assert_eq!(normalize("\u{fb01}nal \u{ff21}"), "final A");
        // Composed and decomposed forms are one.
        assert_eq!(normalize("e\u{301}"), normalize("\u{e9}"));
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn tokens_give_the_text_back() {
        let text = "The Parties, \"shall\"  not\tdeploy—x.";
        let t = tokens(text);
        assert_eq!(t.concat(), text);
        assert_eq!(t[..4], ["The", " ", "Parties", ","]);
        assert!(t.contains(&"  "));
    }

    #[test]
    fn dice_of_shingles() {
        let a = shingles("the parties shall not deploy");
        assert_eq!(dice(&a, &a), 1.0);
        let b = shingles("The Parties shall not deploy");
        assert_eq!(dice(&a, &b), 1.0, "case does not count");
        let c = shingles("something else entirely here");
        assert!(dice(&a, &c) < 0.1);
        assert_eq!(shingles("ab"), shingles("AB"));
        assert_eq!(dice(&[], &[]), 1.0);
        assert_eq!(dice(&a, &[]), 0.0);
    }
}
