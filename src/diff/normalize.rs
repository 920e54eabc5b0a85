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
    normalized(text).into_owned()
}

/// Whether `text` is already in normal form: ASCII, single spaces only, no space at either end,
/// no hyphen before white space. Most clause texts are, and then need no copy.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Passes the compiler vectorises (no early exit). A byte past ASCII, or white space other
    // than the plain space (tab, line feed, vertical tab, form feed, return):
    let odd = bytes.iter().fold(false, |odd, &c| {
        odd | (c >= 0x80) | (c.wrapping_sub(b'\t') < 5)
    });
    // two spaces, or a hyphen before a space:
    let pair = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |pair, (&a, &b)| {
            pair | ((b == b' ') & ((a == b' ') | (a == b'-')))
        });
    !odd && !pair && !text.starts_with(' ') && !text.ends_with(' ')
}

/// [`normalize`], borrowing the text when it is already normal.
pub(crate) fn normalized(text: &str) -> Cow<'_, str> {
    if is_plain(text) {
        return Cow::Borrowed(text);
    }
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
    Cow::Owned(out)
}

/// Splits a text into tokens for word-level diffs: runs of letters and digits, runs of white
/// space, and single other characters. Concatenated, the tokens give the text back.
#[cfg(test)]
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    token_iter(text).collect()
}

/// The tokens of [`tokens`], one at a time: a text's tokens can be counted before any list of
/// them is made.
pub(crate) fn token_iter(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (_, c) = chars.next()?;
        if c.is_alphanumeric() {
            while chars.next_if(|(_, c)| c.is_alphanumeric()).is_some() {}
        } else if c.is_whitespace() {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        }
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        let token = &text[start..end];
        start = end;
        Some(token)
    })
}

/// FNV-1a's starting value and multiplier.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

/// A word's hash, compared without case: FNV-1a over the lower-cased bytes, fixed, so the
/// same text always gives the same set.
pub(crate) fn word_hash(word: &str) -> u64 {
    fn fnv(word: &str) -> u64 {
        word.bytes().fold(FNV_OFFSET, |h, b| {
            (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
        })
    }
    if word.is_ascii() {
        fnv(word)
    } else {
        fnv(&word.to_lowercase())
    }
}

/// The sorted, distinct word bigrams of the normalised text (words being runs of letters and
/// digits, compared without case), each hashed to a u64; the one word of a one-word text.
pub(crate) fn shingles(normalized: &str) -> Vec<u64> {
    shingles_masked(normalized, &[])
}

/// [`shingles`] with the words whose hashes `masked` holds (sorted) read as one placeholder
/// word: names that differ between two drafts for no substantive reason.
pub(crate) fn shingles_masked(normalized: &str, masked: &[u64]) -> Vec<u64> {
    /// The placeholder's hash.
    const NAME: u64 = 0x6e61_6d65_6e61_6d65;
    let mut out = Vec::with_capacity(normalized.len() / 5);
    let mut previous = None;
    let mut push = |h: u64| {
        let word = if !masked.is_empty() && masked.binary_search(&h).is_ok() {
            NAME
        } else {
            h
        };
        if let Some(p) = previous.replace(word) {
            out.push(u64::rotate_left(p, 17) ^ word.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        }
    };
    word_hashes(normalized, &mut push);
    let Some(last) = previous else {
        return out;
    };
    if out.is_empty() {
        out.push(last);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `f` with the [`word_hash`] of each word of `text` in order, words being runs of
/// letters and digits.
fn word_hashes(text: &str, f: &mut impl FnMut(u64)) {
    if !text.is_ascii() {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .for_each(|w| f(word_hash(w)));
        return;
    }
    // Most texts are ASCII: hash byte by byte, as `word_hash` does, with no slicing.
    let mut hash = FNV_OFFSET;
    let mut word = false;
    for &b in text.as_bytes() {
        let lower = WORD_BYTE[usize::from(b)];
        if lower != 0 {
            hash = (hash ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
            word = true;
        } else if word {
            f(hash);
            hash = FNV_OFFSET;
            word = false;
        }
    }
    if word {
        f(hash);
    }
}

/// For each byte, its lower case if it is an ASCII letter or digit, else 0.
pub(crate) static WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// How many elements two sorted, distinct lists share.
pub(crate) fn shared(a: &[u64], b: &[u64]) -> usize {
    // Branch-free merge: which side advances is data, not a jump the processor must guess.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
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
    fn plain_texts_are_borrowed_and_others_are_not() {
        assert!(matches!(
            normalized("The Parties shall act."),
            Cow::Borrowed(_)
        ));
        for text in ["a  b", " a", "a ", "a\tb", "man- ner", "caf\u{e9}"] {
            assert!(matches!(normalized(text), Cow::Owned(_)), "{text:?}");
        }
        assert_eq!(normalized("man- ner"), "man- ner");
    }

    #[test]
    fn every_white_space_but_the_space_is_not_plain() {
        // The vertical tab and form feed are white space, folded like the others.
        for text in ["a\u{b}b", "a\u{c}b", "a\rb", "a\nb", "a- b"] {
            assert!(matches!(normalized(text), Cow::Owned(_)), "{text:?}");
        }
        assert_eq!(normalize("a\u{b}b"), "a b");
        assert!(matches!(normalized("a-b c"), Cow::Borrowed(_)));
    }

    #[test]
    fn ascii_words_hash_as_any_other_word() {
        // The byte-by-byte path for ASCII texts must give the hashes the general path gives.
        let text = "The Parties' 2 zones, (a) NATO-Russia; x";
        let mut fast = Vec::new();
        word_hashes(text, &mut |h| fast.push(h));
        let general: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        assert_eq!(fast, general);
        assert_eq!(fast.len(), 8);
        // A non-ASCII text takes the general path, and its ASCII words hash alike.
        let mut mixed = Vec::new();
        word_hashes("the zone caf\u{e9}", &mut |h| mixed.push(h));
        assert_eq!(
            mixed,
            [word_hash("the"), word_hash("zone"), word_hash("CAF\u{c9}")]
        );
    }

    #[test]
    fn tokens_give_the_text_back() {
        let text = "The Parties, \"shall\"  not\tdeploy—x.";
        let t = tokens(text);
        assert_eq!(tokens("  lead").concat(), "  lead");
        assert_eq!(t.concat(), text);
        assert_eq!(t[..6], ["The", " ", "Parties", ",", " ", "\""]);
        assert_eq!(tokens("  lead"), ["  ", "lead"]);
    }

    #[test]
    fn dice_of_word_bigrams() {
        let a = shingles("the parties shall not deploy");
        assert_eq!(a.len(), 4);
        assert_eq!(dice(&a, &a), 1.0);
        let b = shingles("The Parties, shall not deploy.");
        assert_eq!(dice(&a, &b), 1.0, "case and punctuation do not count");
        // One word of five changed: two bigrams of four lost.
        let c = shingles("the parties should not deploy");
        assert_eq!(dice(&a, &c), 0.5);
        let d = shingles("something else entirely here");
        assert_eq!(dice(&a, &d), 0.0);
        assert_eq!(shingles("Article").len(), 1);
        assert!(shingles("").is_empty() && shingles(" - ").is_empty());
        assert_eq!(dice(&[], &[]), 1.0);
        assert_eq!(dice(&a, &[]), 0.0);
    }
}
