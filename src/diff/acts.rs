//! What follows a deontic marker, read as an act: its words past adverbs, list labels and an
//! aside, with words glued by text extraction taken apart, and the keys and bigrams by which
//! two acts are compared ([`super::moved`] nets commitments by them).

use std::borrow::Cow;
use std::ops::Range;

use super::normalize::WORD_BYTE;
use crate::deontic;

/// A verb's first four bytes, lower-cased.
pub(super) type Verb = [u8; 4];
/// The first four bytes of an act's first three words, lower-cased: its key.
pub(super) type Act = [u8; 12];

/// How far after a marker its act is read, in bytes: enough words to tell one act from
/// another.
pub(super) const ACT_LEN: usize = 120;

/// What follows a marker in its sentence: up to the sentence's end (".", ";" or ":" before
/// white space, or a line end), at most [`ACT_LEN`] bytes.
pub(super) fn act(text: &str, marker: Range<usize>) -> &str {
    let rest = cut(&text[marker.end..], ACT_LEN);
    let bytes = rest.as_bytes();
    let stop = memchr::memchr3_iter(b'.', b';', b':', bytes)
        .find(|&i| bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        .map_or(rest.len(), |i| i + 1);
    let stop = memchr::memchr(b'\n', &bytes[..stop]).unwrap_or(stop);
    &rest[..stop]
}

/// The first `len` bytes of `text` at most, at a character boundary.
pub(super) fn cut(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A list label's word: "a", "ii", "iv".
fn is_label(w: &str) -> bool {
    w.len() == 1 || (w.len() <= 4 && w.bytes().all(|c| matches!(c, b'i' | b'v' | b'x')))
}

/// The words of an act past "be", "inter alia", adverbs and list labels, each glued word
/// taken apart as [`unglue`] does.
pub(super) fn act_words(act: &str) -> impl Iterator<Item = &str> {
    act_words_in(words(act))
}

/// [`act_words`] of words already split.
pub(super) fn act_words_in<'w>(
    words: impl Iterator<Item = &'w str>,
) -> impl Iterator<Item = &'w str> {
    let mut parts = [""; 3];
    let mut pending = 0..0;
    let mut words = words;
    // Each word as its parts ([`unglue`]): a word too short to be glued as it is, without
    // the work of taking it apart.
    std::iter::from_fn(move || {
        loop {
            if let Some(k) = pending.next() {
                return Some(parts[k]);
            }
            let w = words.next()?;
            if w.len() < GLUED_LEN || !may_be_glued(w.as_bytes()) {
                return Some(w);
            }
            let mut n = 0;
            for part in unglue(w) {
                parts[n] = part;
                n += 1;
            }
            pending = 0..n;
        }
    })
    .filter(|w| {
        let skip = matches!(w.len(), 2 | 4 | 5)
            && ["be", "inter", "alia"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s));
        !(skip || is_label(w) || deontic::is_adverb(w))
    })
}

/// The word bigrams of an act, each word read as its first four bytes lower-cased, so that
/// inflection does not count: "permit financial services suppliers" and "permit a financial
/// service supplier" share "fina serv" and "serv supp". Glued words are taken apart first
/// ([`unglue`]). Sorted and distinct, as [`shingles`] gives them.
pub(super) fn act_shingles(act: &str) -> Vec<u64> {
    let act = &*without_aside(act);
    let key = |word: &str| u64::from(u32::from_le_bytes(four(word)));
    let mut out = Vec::with_capacity(act.len() / 4);
    let mut previous: Option<u64> = None;
    let mut push = |word: u64| {
        if let Some(p) = previous.replace(word) {
            out.push(p << 32 | word);
        }
    };
    // Byte by byte, as `four` reads each word: no slicing, no decoding. An act that is not
    // ASCII, or holds a word that may be glued, is read word by word instead.
    let mut fast = act.is_ascii();
    if fast {
        let bytes = act.as_bytes();
        let (mut word, mut len) = (0u32, 0usize);
        for (i, &b) in bytes.iter().enumerate() {
            let lower = WORD_BYTE[usize::from(b)];
            if lower != 0 {
                if len < 4 {
                    word |= u32::from(lower) << (8 * len);
                }
                len += 1;
            } else if len > 0 {
                if len >= GLUED_LEN && may_be_glued(&bytes[i - len..i]) {
                    fast = false;
                    break;
                }
                push(u64::from(word));
                (word, len) = (0, 0);
            }
        }
        if fast && len > 0 {
            if len >= GLUED_LEN && may_be_glued(&bytes[bytes.len() - len..]) {
                fast = false;
            } else {
                push(u64::from(word));
            }
        }
    }
    if !fast {
        previous = None;
        out.clear();
        words(act).flat_map(unglue).for_each(|w| {
            if let Some(p) = previous.replace(key(w)) {
                out.push(p << 32 | key(w));
            }
        });
    }
    if out.is_empty() {
        out.extend(previous);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The shortest word that may be two glued together.
const GLUED_LEN: usize = 6;
/// The short words text extraction glues to the end of a longer one.
const GLUED_TAILS: [&[u8]; 5] = [b"the", b"for", b"and", b"to", b"of"];

/// Whether a word opens with "be" glued to a participle ("bemaintained", "betaken").
#[inline(always)]
fn glued_be(b: &[u8]) -> bool {
    let n = b.len();
    b[..2].eq_ignore_ascii_case(b"be")
        && (b[n - 2..].eq_ignore_ascii_case(b"ed") || b[n - 2..].eq_ignore_ascii_case(b"en"))
}

/// Whether a word of at least [`GLUED_LEN`] bytes may be glued: a quick test of its ends
/// before [`glue_points`] does the work.
#[inline(always)]
fn may_be_glued(b: &[u8]) -> bool {
    glued_be(b)
        || GLUED_TAILS
            .iter()
            .any(|t| b[b.len() - t.len()..].eq_ignore_ascii_case(t))
}

/// Where a glued word's parts meet: the end of a leading "be" (or 0), the start of a
/// trailing short word (or the word's length). See [`unglue`].
fn glue_points(b: &[u8]) -> (usize, usize) {
    let n = b.len();
    if n < GLUED_LEN || !may_be_glued(b) {
        return (0, n);
    }
    let head = if glued_be(b) { 2 } else { 0 };
    let tail = GLUED_TAILS
        .iter()
        .find(|t| n >= head + t.len() + 4 && b[n - t.len()..].eq_ignore_ascii_case(t))
        .map_or(n, |t| n - t.len());
    (head, tail)
}

/// A word as its parts, where text extraction glued a short word to it: "be" before a
/// participle ("bemaintained"), "to", "the", "of", "for" or "and" after a longer word
/// ("notifiedto", "conditionfor"). A word that merely ends that way ("thereof",
/// "command") is taken apart alike in both drafts, so its likeness does not change.
fn unglue(word: &str) -> impl Iterator<Item = &str> {
    let (head, tail) = glue_points(word.as_bytes());
    (head > 0)
        .then(|| &word[..head])
        .into_iter()
        .chain(Some(&word[head..tail]))
        .chain((tail < word.len()).then(|| &word[tail..]))
}

/// The runs of letters and digits of `text`, in order. ASCII bytes are read as they are, and
/// only other characters decoded: acts are read in every text of both drafts (`split` on a
/// character predicate costs about 5 million more instructions of the 10,000-clause diff).
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The width of the character at `i`, and whether it belongs to a word.
    let at = move |i: usize| match bytes[i] {
        b if b.is_ascii() => (1, b.is_ascii_alphanumeric()),
        _ => text[i..]
            .chars()
            .next()
            .map_or((1, false), |c| (c.len_utf8(), c.is_alphanumeric())),
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (width, word) = at(i);
            if word {
                break;
            }
            i += width;
        }
        let start = i;
        while i < bytes.len() {
            let (width, word) = at(i);
            if !word {
                break;
            }
            i += width;
        }
        (i > start).then(|| &text[start..i])
    })
}

/// A word's first four bytes, lower-cased.
pub(super) fn four(word: &str) -> [u8; 4] {
    let mut out = [0u8; 4];
    for (v, b) in out.iter_mut().zip(word.bytes()) {
        *v = b.to_ascii_lowercase();
    }
    out
}

/// The verb at the start of an act, its first four bytes lower-cased.
pub(super) fn verb_of(act: &str) -> Option<Verb> {
    act_words(&without_aside(act)).next().map(four)
}

/// The verb and the two words after it: what a sentence elsewhere must share to be read
/// whole.
pub(super) fn act_key(act: &str) -> Option<Act> {
    key_of(act_words(&without_aside(act)))
}

/// The most words of an aside that [`without_aside`] passes over.
const ASIDE_WORDS: usize = 10;

/// The words that open an aside: a circumstance, a condition or a manner ("where
/// appropriate", "in accordance with its laws", "upon request"). A verb does not: "maintain,
/// introduce or reintroduce" is a list of acts.
const ASIDE_OPENERS: &[&str] = &[
    "after",
    "as",
    "at",
    "before",
    "by",
    "consistent",
    "except",
    "for",
    "if",
    "in",
    "including",
    "inter",
    "notwithstanding",
    "on",
    "prior",
    "pursuant",
    "subject",
    "through",
    "to",
    "under",
    "unless",
    "upon",
    "when",
    "where",
    "whenever",
    "with",
    "within",
    "without",
];

/// An act without the aside set off by commas at its start or after its verb, so that "shall,
/// where appropriate, provide information" and "shall provide, within a reasonable period,
/// information" read as "provide information": drafts add and drop such asides, and the act
/// stays; and two acts that share only an aside ("in accordance with its laws and
/// regulations") do not meet. An aside opens with one of [`ASIDE_OPENERS`] and holds at most
/// [`ASIDE_WORDS`] words and no ";" or ":". A list label
/// before the verb ("(b) provide, ...") is passed over.
pub(super) fn without_aside(act: &str) -> Cow<'_, str> {
    let t = act.trim_start();
    let t = match t.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((label, rest))
            if label.len() <= 5 && label.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            rest.trim_start()
        }
        _ => t,
    };
    let bytes = t.as_bytes();
    let open = match bytes.first() {
        Some(b',') => 0,
        _ => {
            let end = bytes
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len());
            if end == 0 || bytes.get(end) != Some(&b',') {
                return Cow::Borrowed(act);
            }
            end
        }
    };
    let rest = &t[open + 1..];
    let Some(close) = memchr::memchr3(b',', b';', b':', rest.as_bytes()) else {
        return Cow::Borrowed(act);
    };
    let aside = &rest[..close];
    let n = aside.split_whitespace().count();
    let opens = aside
        .split_whitespace()
        .next()
        .is_some_and(|w| ASIDE_OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)));
    // An aside that ends the act ("shall, to the extent practicable," before a list that
    // text extraction set apart) is all the act there is: it stays.
    let after = rest[close + 1..].trim_start();
    if rest.as_bytes()[close] != b',' || !opens || n > ASIDE_WORDS || after.is_empty() {
        return Cow::Borrowed(act);
    }
    Cow::Owned(format!("{} {after}", &t[..open]))
}

/// The key of an act's words: the first four bytes of its first three.
pub(super) fn key_of<'w>(mut words: impl Iterator<Item = &'w str>) -> Option<Act> {
    let mut key = [0u8; 12];
    key[..4].copy_from_slice(&four(words.next()?));
    key[4..8].copy_from_slice(&four(words.next().unwrap_or_default()));
    key[8..].copy_from_slice(&four(words.next().unwrap_or_default()));
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::normalize::{dice, shingles};

    #[test]
    fn acts_compare_by_their_words_first_letters() {
        let (x, y) = (
            "permit financial services suppliers of the other Party",
            "permit a financial service supplier of another Party",
        );
        // "fina serv", "serv supp", "supp of": inflection does not count, where plain word
        // bigrams share only "of the"-like pairs.
        let by_letters = dice(&act_shingles(x), &act_shingles(y));
        let by_words = dice(&shingles(x), &shingles(y));
        assert!(
            by_letters > 0.4 && by_words < 0.1,
            "{by_letters} {by_words}"
        );
        // The byte-by-byte reading of ASCII gives what the general one gives.
        let general: Vec<u64> = {
            let w: Vec<u64> = words("Permit financial, services!")
                .map(|w| u64::from(u32::from_le_bytes(four(w))))
                .collect();
            let mut out: Vec<u64> = w.windows(2).map(|p| p[0] << 32 | p[1]).collect();
            out.sort_unstable();
            out
        };
        assert_eq!(act_shingles("Permit financial, services!"), general);
        assert_eq!(act_shingles("notify").len(), 1);
        assert!(act_shingles(" - ").is_empty());
    }

    #[test]
    fn an_aside_after_the_marker_or_the_verb_is_passed_over() {
        let plain = act_key("provide information on the status");
        assert!(plain.is_some());
        for act in [
            ", where appropriate, provide information on the status",
            " provide, within a reasonable period of time, information on the status",
            " (b) provide, upon request, information on the status",
        ] {
            assert_eq!(act_key(act), plain, "{act}");
        }
        // A list of verbs is no aside, nor is a clause too long, nor one that ends the act.
        assert_eq!(
            without_aside("maintain, introduce or reintroduce subsidies"),
            "maintain, introduce or reintroduce subsidies"
        );
        let long = ", in accordance with the procedures that the Committee shall set out in \
                    its first decision, publish";
        assert_eq!(without_aside(long), long);
        assert_eq!(
            without_aside(", to the extent practicable,"),
            ", to the extent practicable,"
        );
    }

    #[test]
    fn glued_words_are_taken_apart() {
        fn parts(w: &str) -> Vec<&str> {
            unglue(w).collect()
        }
        assert_eq!(parts("bemaintained"), ["be", "maintained"]);
        assert_eq!(parts("notifiedto"), ["notified", "to"]);
        assert_eq!(parts("conditionfor"), ["condition", "for"]);
        assert_eq!(parts("betaken"), ["be", "taken"]);
        // Short words and words that do not end so stay whole.
        assert_eq!(parts("into"), ["into"]);
        assert_eq!(parts("notify"), ["notify"]);
        assert_eq!(parts("Ботаника"), ["Ботаника"]);
        // So a glued act keys and compares as the act written apart.
        let (glued, apart) = (
            "bemaintained exceptto the extent and for such timeas may",
            "be maintained except to the extent and for such time as may",
        );
        assert_eq!(act_key(glued), act_key(apart));
        assert!(dice(&act_shingles(glued), &act_shingles(apart)) > 0.7);
        // The ASCII path reads glued words as the general one does.
        let general = |text: &str| {
            let w: Vec<u64> = words(text)
                .flat_map(unglue)
                .map(|w| u64::from(u32::from_le_bytes(four(w))))
                .collect();
            let mut out: Vec<u64> = w.windows(2).map(|p| p[0] << 32 | p[1]).collect();
            out.sort_unstable();
            out
        };
        assert_eq!(
            act_shingles("bemaintained notifiedto Party"),
            general("bemaintained notifiedto Party")
        );
        assert_eq!(
            act_shingles("é notifiedto Party"),
            general("é notifiedto Party")
        );
    }
}
