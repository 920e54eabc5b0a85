//! Deontic markers in text: the words that make a sentence an obligation ("shall"), a
//! prohibition ("shall not", "refrain from"), a permission ("may") and so on.
//!
//! Validation uses them to warn about clauses whose text binds someone but whose data records
//! no commitment; comparison uses them to report "shall" becoming "should" even where nobody
//! encoded the commitments.
//!
//! [`markers`] and [`read`] read English. [`read_in`] reads a text in its language: French,
//! Spanish, Russian and Ukrainian by tables of their own (`deberá`, `doit`, `обязуется`,
//! `повинні`, their negations, the wording that binds no one, and the Russian obligation in
//! the present tense), any other language as English. On tables of 36 sentences per language
//! in our own words, half of which bind no one (`tests/deontic_languages.rs`), each language
//! reads every sentence right; those tables were written with the rules, so they show what the
//! rules cover, not how they fare on unseen text.
//!
//! ```
//! use pactum::deontic::markers;
//! use pactum::Modality;
//!
//! let found: Vec<Modality> = markers(
//!     "The Parties shall settle all disputes by peaceful means and refrain from the use of force. \
//!      Forces stationed as of 27 May 1997 may stay.",
//! )
//! .iter()
//! .map(|m| m.modality)
//! .collect();
//! // "May" the month is not a marker; "may stay" is.
//! assert_eq!(found, [Modality::Obligation, Modality::Prohibition, Modality::Permission]);
//! ```

mod languages;
mod reading;
mod rules;

pub use languages::read_in;
pub(crate) use languages::{is_english, markers_in_into};
pub use reading::{Reading, Role, read};
pub use rules::Rule;
pub(crate) use rules::is_adverb;

use std::cell::OnceCell;
use std::ops::Range;

use crate::Modality;

/// A deontic marker found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Marker {
    /// What the marker expresses.
    pub modality: Modality,
    /// Where it stands, in bytes of the text.
    pub range: Range<usize>,
}

/// A word lower-cased into a small buffer: markers are short ASCII words, so a longer or
/// non-ASCII word keeps an empty key (it is never a marker) and nothing is allocated.
#[derive(Clone, Copy)]
struct Key {
    bytes: [u8; 12],
    len: u8,
}

impl Key {
    fn new(word: &str) -> Self {
        let mut bytes = [0u8; 12];
        if word.len() > bytes.len() || !word.is_ascii() {
            return Key { bytes, len: 0 };
        }
        for (b, c) in bytes.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        Key {
            bytes,
            len: word.len() as u8,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// Which ASCII bytes belong to a word: letters, digits and the apostrophe. Bytes from 0x80
/// start or continue other characters, which are decoded.
static WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'';
        b += 1;
    }
    table
};

/// The next word at or after byte `from`: letters, digits and apostrophes only, so "Party's"
/// is one word; its byte range. ASCII is scanned in tight loops, other characters decoded.
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let ascii_word = |b: u8| WORD[usize::from(b)];
    // Whether the character starting at `i` belongs to a word, and its width.
    let class = |i: usize| -> (bool, usize) {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric() || c == '\u{2019}', c.len_utf8())
    };
    let mut i = from;
    loop {
        while i < bytes.len() && bytes[i] < 0x80 && !ascii_word(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        if bytes[i] < 0x80 {
            break;
        }
        let (in_word, width) = class(i);
        if in_word {
            break;
        }
        i += width;
    }
    let start = i;
    loop {
        while i < bytes.len() && ascii_word(bytes[i]) {
            i += 1;
        }
        if i < bytes.len() && bytes[i] >= 0x80 {
            let (in_word, width) = class(i);
            if in_word {
                i += width;
                continue;
            }
        }
        break;
    }
    Some(start..i)
}

/// The markers of `text`, in order of appearance.
///
/// Recognised (in any case; a marker can be followed by "not" where the table says so):
///
/// | words | modality |
/// |---|---|
/// | shall, must, will, undertake(s) to, agree(s) to, commit(s) to, commit(s) themselves/itself to, is/are required to, shall be required to | obligation |
/// | shall not, must not, may not, will not, undertake(s)/agree(s)/commit(s) not to, refrain(s) from, is/are not entitled to, shall not be entitled (or free) to, shall not have the right to; shall, must, will or may after "no" or "neither" ("No Party shall", "Neither Party may") | prohibition |
/// | may, is/are entitled to, shall be entitled (or free) to, shall (or will) have the (exclusive) right to, has or have the right to, shall not be prevented (or precluded) from (and "Neither Party shall be prevented from"), is/are not required to, shall/must not be required to; shall be required to after "no" or "neither" | permission |
/// | should | recommendation |
/// | should not; should after "no" or "neither" | discouragement |
/// | is/are prepared to, is/are ready to | offer |
///
/// "Will" counts as "shall" does: treaties write obligations with either ("Georgia will carry
/// out ..."), so "will" against "shall" is no change of modality. After "the", "political",
/// "their" and the like it is the noun, not a marker. "Required", "obliged", "obligated" and
/// "bound" read alike.
/// "May" with a capital M next to a number ("27 May 1997") is the month, not a marker;
/// "shall not be required" with no "to" after it ("such details shall not be required")
/// is none either, as "is not required" is not. "Shall", "should", "must" and "may" glued to the next word by text extraction ("shallbe",
/// "maymake") are read as markers, but for the English words that open alike ("shallow",
/// "shoulder", "mustard", "mayor").
pub fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    markers_into(text, &mut out);
    out
}

/// [`markers`] appended to `out`, so that a caller scanning many texts reuses one buffer.
pub(crate) fn markers_into(text: &str, out: &mut Vec<Marker>) {
    if text.is_ascii() {
        markers_ascii(text, out);
    } else {
        markers_general(text, out);
    }
}

/// Whether a word could start a marker ("shall", "should", "must", "may", "will", "agree",
/// ...), by its first letter and its length in bytes: most words fail this test. A longer
/// word may be a modal glued to the next word by text extraction ("shallbe", "maymake"), if
/// it opens as one.
fn could_start(word: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    match (first.to_ascii_lowercase(), word.len()) {
        (b's', 5 | 6)
        | (b'm', 3 | 4)
        | (b'u', 9 | 10)
        | (b'r', 7 | 8)
        | (b'c', 6 | 7)
        | (b'i', 2)
        | (b'a', 3 | 5 | 6)
        | (b'h', 3 | 4)
        | (b'w', 4) => true,
        (b's', 7..) => word[1].eq_ignore_ascii_case(&b'h') && matches!(word[2] | 0x20, b'a' | b'o'),
        (b'm', 5..) => matches!(
            (word[1] | 0x20, word[2] | 0x20),
            (b'u', b's') | (b'a', b'y')
        ),
        _ => false,
    }
}

/// The modals that text extraction glues to the next word ("shallbe", "maymake",
/// "shouldnot"), each with the starts of the rest that make an English word instead
/// ("shallow", "shoulder", "mustard", "mayor").
const GLUED: [(&[u8], &[&[u8]]); 4] = [
    (b"should", &[b"er"]),
    (b"shall", &[b"ow", b"ot"]),
    (b"must", &[b"ard", b"er", b"ach", b"ang", b"y"]),
    (
        b"may",
        &[b"or", b"hem", b"day", b"onn", b"fl", b"pole", b"est"],
    ),
];

/// The modal at the start of a word glued to the next one ("shallbe" gives "shall"), or the
/// word as it is. The rest must be two lower-case letters or more.
fn unglued(text: &str, range: Range<usize>) -> Range<usize> {
    let word = &text.as_bytes()[range.clone()];
    for (modal, words) in GLUED {
        let Some(rest) = word
            .get(..modal.len())
            .filter(|head| head.eq_ignore_ascii_case(modal))
            .map(|_| &word[modal.len()..])
        else {
            continue;
        };
        if rest.len() >= 2
            && rest.iter().all(u8::is_ascii_lowercase)
            && !words.iter().any(|w| rest.starts_with(w))
        {
            return range.start..range.start + modal.len();
        }
        // "should" before "shall": one modal at most.
        break;
    }
    range
}

/// The first letters of [`could_start`], in either case.
static FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let letters = b"smurciahwSMURCIAHW";
    let mut k = 0;
    while k < letters.len() {
        table[letters[k] as usize] = true;
        k += 1;
    }
    table
};

/// The marker that starts with the word at `range`, if any. `previous` gives the word before
/// (asked only for "May" and "will").
fn marker_at<'t>(
    text: &'t str,
    range: Range<usize>,
    previous: impl Fn() -> Option<&'t str>,
) -> Option<Marker> {
    let bytes = text.as_bytes();
    let range = unglued(text, range);
    let w = Key::new(&text[range.clone()]);
    // Only a marker's first word is worth the look ahead.
    if !matches!(
        w.as_bytes(),
        b"shall"
            | b"must"
            | b"may"
            | b"should"
            | b"will"
            | b"undertake"
            | b"undertakes"
            | b"refrain"
            | b"refrains"
            | b"commit"
            | b"commits"
            | b"agree"
            | b"agrees"
            | b"is"
            | b"are"
            | b"has"
            | b"have"
    ) {
        return None;
    }
    // The next four words, each read once and only when a marker needs it.
    let cells: [OnceCell<Option<Range<usize>>>; 4] = Default::default();
    let word = |k: usize| -> Option<Range<usize>> {
        let mut from = range.end;
        let mut found = None;
        for cell in cells.get(..=k)? {
            let r = cell.get_or_init(|| next_word(text, from)).clone()?;
            from = r.end;
            found = Some(r);
        }
        found
    };
    let is = |k: usize, options: &[&[u8]]| {
        word(k).is_some_and(|r| {
            options
                .iter()
                .any(|o| bytes[r.clone()].eq_ignore_ascii_case(o))
        })
    };
    let not_next = is(0, &[b"not"]);
    // A right, or its denial ("shall be entitled to", "shall not be entitled to"), ending at
    // the `last` word looked ahead.
    let right = |denied: bool, last: usize| -> Option<Marker> {
        Some(Marker {
            modality: if denied {
                Modality::Prohibition
            } else {
                Modality::Permission
            },
            range: range.start..word(last)?.end,
        })
    };
    // "the right (to)" or "the exclusive (or sole) right (to)" from the `k`th word on: its last
    // word, "to" where the words looked ahead reach it.
    let right_at = |k: usize| -> Option<usize> {
        if !is(k, &[b"the"]) {
            return None;
        }
        let right = if is(k + 1, &[b"right"]) {
            k + 1
        } else if is(k + 1, &[b"exclusive", b"sole"]) && is(k + 2, &[b"right"]) {
            k + 2
        } else {
            return None;
        };
        Some(if is(right + 1, &[b"to"]) {
            right + 1
        } else {
            right
        })
    };
    // "undertake to", "undertake not to": "to" at once, or after "not".
    let to = || is(usize::from(not_next), &[b"to"]);
    let (modality, n) = match w.as_bytes() {
        // "No Party shall be required to": no duty, the negated subject notwithstanding.
        b"shall" | b"must" if is(0, &[b"be"]) && is(1, &[b"required"]) && is(2, &[b"to"]) => {
            let negated = negated_subject(text, range.start);
            let modality = if negated {
                Modality::Permission
            } else {
                Modality::Obligation
            };
            return Some(Marker {
                modality,
                range: range.start..word(2)?.end,
            });
        }
        // "A Party shall not be required to disclose": no duty, a permission. "Such
        // identification shall not be required" binds no one, as "is not required" does.
        b"shall" | b"must"
            if not_next && is(1, &[b"be"]) && is(2, &[b"required", b"obliged", b"obligated"]) =>
        {
            if !is(3, &[b"to"]) {
                return None;
            }
            return Some(Marker {
                modality: Modality::Permission,
                range: range.start..word(3)?.end,
            });
        }
        // "A Party shall not be prevented from taking measures", "Neither Party shall be
        // prevented from ...": it may take them. Unnegated, it may not.
        b"shall" | b"must"
            if is(usize::from(not_next), &[b"be"])
                && is(usize::from(not_next) + 1, &[b"prevented", b"precluded"])
                && is(usize::from(not_next) + 2, &[b"from"]) =>
        {
            let negated = not_next != negated_subject(text, range.start);
            return right(!negated, usize::from(not_next) + 2);
        }
        // "Each Party shall have the right to select", "will have the (exclusive) right to":
        // a right.
        b"shall" | b"will"
            if is(usize::from(not_next), &[b"have"])
                && right_at(usize::from(not_next) + 1).is_some() =>
        {
            let end = right_at(usize::from(not_next) + 1)?;
            return right(not_next != negated_subject(text, range.start), end);
        }
        // "Participants have the right to be heard": a right, with no modal.
        b"has" | b"have" if right_at(0).is_some() => {
            return right(negated_subject(text, range.start), right_at(0)?);
        }
        b"has" | b"have" => return None,
        // "Each Party shall be entitled to request", "shall be free to set": a right, as
        // "is entitled to" gives; "shall not be entitled to" forbids.
        b"shall"
            if is(usize::from(not_next), &[b"be"])
                && is(usize::from(not_next) + 1, &[b"entitled", b"free"])
                && is(usize::from(not_next) + 2, &[b"to"]) =>
        {
            let negated = not_next != negated_subject(text, range.start);
            return right(negated, usize::from(not_next) + 2);
        }
        b"shall" | b"must" if not_next => (Modality::Prohibition, 2),
        b"shall" | b"must" => (Modality::Obligation, 1),
        // "27 May 1997": May with a capital next to a number is the month.
        b"may"
            if text[range.clone()].starts_with('M')
                && (word(0).is_some_and(|r| bytes[r.start].is_ascii_digit())
                    || previous().is_some_and(|p| p.as_bytes()[0].is_ascii_digit())) =>
        {
            return None;
        }
        b"may" if not_next => (Modality::Prohibition, 2),
        b"may" => (Modality::Permission, 1),
        b"should" if not_next => (Modality::Discouragement, 2),
        b"should" => (Modality::Recommendation, 1),
        // "The Parties will consult" binds as "shall" does; "the will of the Parties" and
        // "political will" are the noun.
        b"will"
            if previous().is_some_and(|p| NOUN_BEFORE_WILL.contains(&Key::new(p).as_bytes())) =>
        {
            return None;
        }
        b"will" if not_next => (Modality::Prohibition, 2),
        b"will" => (Modality::Obligation, 1),
        b"undertake" | b"undertakes" | b"agree" | b"agrees" | b"commit" | b"commits" if to() => {
            if not_next {
                (Modality::Prohibition, 3)
            } else {
                (Modality::Obligation, 2)
            }
        }
        b"refrain" | b"refrains" if is(0, &[b"from"]) => (Modality::Prohibition, 2),
        b"commit" | b"commits" if is(0, &[b"themselves", b"itself"]) && is(1, &[b"to"]) => {
            (Modality::Obligation, 3)
        }
        b"is" | b"are" if is(0, &[b"prepared", b"ready"]) && is(1, &[b"to"]) => {
            (Modality::Offer, 3)
        }
        // "is (not) required to", "is (not) entitled to"; "No Party is required to" requires
        // nothing.
        b"is" | b"are" if is(usize::from(not_next) + 1, &[b"to"]) => {
            let at = usize::from(not_next);
            let required = is(at, &[b"required", b"obliged", b"obligated", b"bound"]);
            if !required && !is(at, &[b"entitled"]) {
                return None;
            }
            let negated = not_next != negated_subject(text, range.start);
            let modality = match (required, negated) {
                (true, false) => Modality::Obligation,
                (true, true) | (false, false) => Modality::Permission,
                (false, true) => Modality::Prohibition,
            };
            return Some(Marker {
                modality,
                range: range.start..word(at + 1)?.end,
            });
        }
        _ => return None,
    };
    let last = if n == 1 { range.clone() } else { word(n - 2)? };
    // "No Party shall", "Neither Party may": a negated subject forbids.
    let modality = match modality {
        Modality::Obligation | Modality::Permission if negated_subject(text, range.start) => {
            Modality::Prohibition
        }
        Modality::Recommendation if negated_subject(text, range.start) => Modality::Discouragement,
        m => m,
    };
    Some(Marker {
        modality,
        range: range.start..last.end,
    })
}

/// Whether one of the (at most four) words just before `at`, within its clause of the
/// sentence (no punctuation or digit between), is "no" or "neither": "No Party shall",
/// "Neither Party may", "In no case shall".
fn negated_subject(text: &str, at: usize) -> bool {
    // Read back word by word over the bytes: a few dozen per marker, so a text of markers
    // stays linear.
    let bytes = text.as_bytes();
    let mut end = at;
    for _ in 0..4 {
        while end > 0 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        if start == end {
            // Punctuation, a digit or another script: the clause of the sentence ends here.
            return false;
        }
        let word = &bytes[start..end];
        if word.eq_ignore_ascii_case(b"no") || word.eq_ignore_ascii_case(b"neither") {
            return true;
        }
        end = start;
    }
    false
}

/// Words after which "will" is the noun: "the will", "political will", "their will".
const NOUN_BEFORE_WILL: &[&[u8]] = &[
    b"the",
    b"a",
    b"good",
    b"goodwill",
    b"political",
    b"free",
    b"own",
    b"its",
    b"their",
    b"his",
    b"her",
    b"our",
    b"common",
    b"mutual",
    b"of",
    b"last",
    b"general",
];

/// Any text, word by word.
fn markers_general(text: &str, out: &mut Vec<Marker>) {
    let bytes = text.as_bytes();
    let mut previous: Option<Range<usize>> = None;
    let mut at = 0;
    while let Some(range) = next_word(text, at) {
        at = range.end;
        let found = could_start(&bytes[range.clone()])
            .then(|| marker_at(text, range.clone(), || previous.clone().map(|r| &text[r])))
            .flatten();
        match found {
            Some(marker) => {
                // Past the marker, and past the rest of a word a modal was glued to, as the
                // scan of ASCII texts (which starts only at word starts) does.
                at = marker.range.end.max(range.end);
                previous = Some(last_word_start(bytes, at)..at);
                out.push(marker);
            }
            None => previous = Some(range),
        }
    }
}

/// Where the word ending at byte `end` starts, counting ASCII word bytes only: enough for
/// the words of a marker, which are ASCII, and for the ASCII texts of [`markers_ascii`].
fn last_word_start(bytes: &[u8], end: usize) -> usize {
    bytes[..end]
        .iter()
        .rposition(|&b| !WORD[usize::from(b)])
        .map_or(0, |p| p + 1)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (all ASCII) that lies in `lo..=hi`: no sum carries into
/// the next byte, since every byte stays below 0x100.
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & HIGH
}

/// The word bytes (ASCII letters, digits, apostrophes) of 64 ASCII bytes as bits, eight
/// bytes at a time.
fn word_mask(block: &[u8; 64]) -> u64 {
    let mut mask = 0;
    for (k, eight) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        let word = in_range(x | (ONES * 0x20), b'a', b'z')
            | in_range(x, b'0', b'9')
            | in_range(x, b'\'', b'\'');
        // Gathers the high bit of byte j into bit j of the top byte.
        let bits = ((word >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= bits << (8 * k);
    }
    mask
}

/// ASCII text, which is nearly all text: word starts whose first letter could begin a marker
/// are found 64 bytes at a time with bit masks, so that the other words, three in four, are
/// never visited one by one.
fn markers_ascii(text: &str, out: &mut Vec<Marker>) {
    let bytes = text.as_bytes();
    // Markers end past their first word: starts before `resume` are inside the last marker.
    let mut resume = 0;
    // Whether the byte before the current block belongs to a word.
    let mut carry = 0u64;
    for (block, chunk) in bytes.chunks(64).enumerate() {
        let base = block * 64;
        let word = match <&[u8; 64]>::try_from(chunk) {
            Ok(full) => word_mask(full),
            Err(_) => {
                let mut full = [b' '; 64];
                full[..chunk.len()].copy_from_slice(chunk);
                word_mask(&full)
            }
        };
        let mut starts = word & !((word << 1) | carry);
        carry = (word >> (chunk.len() - 1)) & 1;
        while starts != 0 {
            let start = base + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if start < resume || !FIRST[usize::from(bytes[start])] {
                continue;
            }
            let offset = start - base;
            let len = match (!(word >> offset)).trailing_zeros() as usize {
                // The word runs on into the next block.
                len if len == 64 - offset => bytes[start..]
                    .iter()
                    .position(|&b| !WORD[usize::from(b)])
                    .unwrap_or(bytes.len() - start),
                len => len,
            };
            if !could_start(&bytes[start..start + len]) {
                continue;
            }
            // The word before, for "27 May" and "the will": back over the gap, then to that
            // word's start.
            let previous = || {
                let gap = bytes[..start].iter().rposition(|&b| WORD[usize::from(b)]);
                gap.map(|end| &text[last_word_start(bytes, end + 1)..end + 1])
            };
            if let Some(marker) = marker_at(text, start..start + len, previous) {
                resume = marker.range.end;
                out.push(marker);
            }
        }
    }
}

/// The distinct modalities of `text`'s markers, in order of first appearance.
pub fn modalities(text: &str) -> Vec<Modality> {
    let mut out: Vec<Modality> = Vec::new();
    for m in markers(text) {
        if !out.contains(&m.modality) {
            out.push(m.modality);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Modality> {
        markers(text).into_iter().map(|m| m.modality).collect()
    }

    #[test]
    fn each_marker() {
        use Modality::*;
        assert_eq!(kinds("They shall not strengthen"), [Prohibition]);
        assert_eq!(kinds("They SHALL act"), [Obligation]);
        assert_eq!(kinds("it must not; it must"), [Prohibition, Obligation]);
        assert_eq!(
            kinds("a Party may withdraw; it may not stay"),
            [Permission, Prohibition]
        );
        assert_eq!(
            kinds("should, should not"),
            [Recommendation, Discouragement]
        );
        assert_eq!(
            kinds("undertakes to inform; undertake not to deploy"),
            [Obligation, Prohibition]
        );
        assert_eq!(kinds("refrain from the use of force"), [Prohibition]);
        assert_eq!(
            kinds("commit themselves to refrain from any further enlargement"),
            [Obligation, Prohibition]
        );
        assert_eq!(kinds("The United States is prepared to begin"), [Offer]);
        assert_eq!(kinds("we are ready to discuss"), [Offer]);
        assert_eq!(kinds("no marker here; shallow mayhem"), []);
    }

    #[test]
    fn the_quick_test_for_a_glued_modal_lets_every_glued_modal_through() {
        // `could_start` tests a long word's first letters inline, for speed; it must pass
        // every modal of `GLUED` with two letters or more after it, in either case.
        for (modal, _) in GLUED {
            for rest in [&b"be"[..], b"notify"] {
                let word = [modal, rest].concat();
                assert!(could_start(&word), "{}", String::from_utf8_lossy(&word));
                assert!(could_start(&word.to_ascii_uppercase()));
            }
        }
    }

    #[test]
    fn modals_glued_to_the_next_word_by_extraction() {
        use Modality::*;
        assert_eq!(kinds("such a good shallbe considered"), [Obligation]);
        assert_eq!(
            kinds("either Party maymake public statements"),
            [Permission]
        );
        assert_eq!(kinds("The Party shallnot impose"), [Prohibition]);
        assert_eq!(kinds("Parties shouldendeavour to"), [Recommendation]);
        let text = "which mustbe notified";
        let m = &markers(text)[0];
        assert_eq!(&text[m.range.clone()], "must");
        // English words that open like a modal are no marker.
        assert_eq!(
            kinds("a shallow shallot; the shoulder; mustard mustered; the mayor, mayhem"),
            []
        );
        // A capital or a single letter after the modal is no glued word.
        assert_eq!(kinds("shallX mays"), []);
    }

    #[test]
    fn not_required_is_no_duty() {
        use Modality::*;
        assert_eq!(
            kinds("A Party shall not be required to disclose"),
            [Permission]
        );
        assert_eq!(
            kinds("detailed identification of frequencies shall not be required."),
            []
        );
        let text = "it shall not be obliged to act";
        let m = &markers(text)[0];
        assert_eq!(&text[m.range.clone()], "shall not be obliged to");
        assert_eq!(kinds("it shall not be disclosed"), [Prohibition]);
    }

    #[test]
    fn will_agree_and_required() {
        use Modality::*;
        assert_eq!(kinds("Georgia will carry out approximation"), [Obligation]);
        assert_eq!(kinds("The Parties will not deploy"), [Prohibition]);
        assert_eq!(kinds("the political will of the Parties; its will"), []);
        assert_eq!(
            kinds("The Parties agree to cooperate and agree not to impose"),
            [Obligation, Prohibition]
        );
        assert_eq!(kinds("Each Party commits to publish"), [Obligation]);
        assert_eq!(kinds("commits not to lower"), [Prohibition]);
        assert_eq!(kinds("A Party is required to notify"), [Obligation]);
        assert_eq!(kinds("A Party is not required to disclose"), [Permission]);
        assert_eq!(kinds("No Party is required to disclose"), [Permission]);
        assert_eq!(
            kinds("No Party shall be required to disclose"),
            [Permission]
        );
        assert_eq!(
            kinds("Each Party shall be required to report"),
            [Obligation]
        );
        assert_eq!(kinds("Each Party is entitled to apply"), [Permission]);
        assert_eq!(kinds("A Party is not entitled to apply"), [Prohibition]);
        assert_eq!(kinds("Each Party shall be entitled to apply"), [Permission]);
        assert_eq!(
            kinds("Each Party will have the right to select one panelist"),
            [Permission]
        );
        assert_eq!(
            kinds("A Party shall not have the right to veto"),
            [Prohibition]
        );
        assert_eq!(kinds("Each Party shall have the documents"), [Obligation]);
        assert_eq!(
            kinds("The holder shall have the exclusive right to prevent copies"),
            [Permission]
        );
        assert_eq!(
            kinds("Participants have the right to be heard"),
            [Permission]
        );
        assert_eq!(
            kinds("No person has the right to vote twice"),
            [Prohibition]
        );
        assert_eq!(kinds("The Parties have the rights and duties"), []);
        assert_eq!(
            kinds("A Party shall not be prevented from taking measures"),
            [Permission]
        );
        assert_eq!(kinds("Goods shall not be prevented"), [Prohibition]);
        assert_eq!(
            kinds("Neither Party shall be prevented from adopting measures"),
            [Permission]
        );
        assert_eq!(
            kinds("Each Party shall be free to set its rates"),
            [Permission]
        );
        assert_eq!(
            kinds("A Party shall not be entitled to apply"),
            [Prohibition]
        );
        assert_eq!(kinds("No Party shall be entitled to apply"), [Prohibition]);
        assert_eq!(kinds("The panel shall be free of conflicts"), [Obligation]);
        assert_eq!(kinds("Neither Party will impose"), [Prohibition]);
        // Not markers: "agree" without "to", "is" without a marker after it.
        assert_eq!(kinds("The Parties agree that it is bound"), []);
        let text = "it is not required to act";
        let m = &markers(text)[0];
        assert_eq!(&text[m.range.clone()], "is not required to");
    }

    #[test]
    fn a_negated_subject_forbids() {
        use Modality::*;
        // One prohibition written three ways: none of them permits anything.
        assert_eq!(
            kinds("A Party may not increase any customs duty."),
            [Prohibition]
        );
        assert_eq!(
            kinds("Neither Party may increase any customs duty."),
            [Prohibition]
        );
        assert_eq!(
            kinds("No Party shall increase any customs duty."),
            [Prohibition]
        );
        assert_eq!(
            kinds("In no case should a Party increase it."),
            [Discouragement]
        );
        // A "no" elsewhere in the sentence negates nothing.
        assert_eq!(
            kinds("If no agreement is reached, either Party may refer it."),
            [Permission]
        );
        assert_eq!(
            kinds("Each Party shall ensure that no duty applies."),
            [Obligation]
        );
        assert_eq!(
            kinds("If no objection is raised within the period the Committee shall decide."),
            [Obligation]
        );
    }

    #[test]
    fn may_the_month_is_not_a_marker() {
        assert_eq!(kinds("as of 27 May 1997"), []);
        assert_eq!(kinds("in May 2022"), []);
        assert_eq!(kinds("May 27"), []);
        assert_eq!(kinds("May they agree"), [Modality::Permission]);
    }

    #[test]
    fn the_ascii_scan_agrees_with_the_word_walk() {
        // Blocks of 64 bytes: markers and "May" straddling a block boundary.
        let mut long = "x".repeat(61);
        long.push_str(" shall not act, 27 May 1997, they may not; ");
        for text in [
            long.as_str(),
            &long[1..],
            &long[3..],
            "may",
            "MAY 5",
            "5 May",
            "is ready to",
            "commits itself to refrain from",
            "undertake not",
            "undertake not to",
            "",
            "shall",
            "x shall,shall;may 3 may",
            "the will; they will not; is not entitled to; agrees not to; are required",
        ] {
            let (mut ascii, mut general) = (Vec::new(), Vec::new());
            markers_ascii(text, &mut ascii);
            markers_general(text, &mut general);
            assert_eq!(ascii, general, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_scan_agrees_on_any_ascii(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "shall", "Shall", "not", "may", "May", "27", "1997", "to", "from", "should",
                    "undertake", "undertakes", "refrain", "commit", "themselves", "itself",
                    "is", "are", "prepared", "ready", "the", "Parties", "x", "'", ",", ".", ";",
                    " ", "  ", "\n", "a1", "must", "will", "agree", "agrees", "required",
                    "entitled", "No", "neither", "be", "political",
                ]),
                0..60,
            ),
            glue in proptest::collection::vec(proptest::sample::select(vec!["", " ", "-"]), 60),
        ) {
            let text: String = words
                .iter()
                .zip(&glue)
                .flat_map(|(w, g)| [*w, *g])
                .collect();
            let (mut ascii, mut general) = (Vec::new(), Vec::new());
            markers_ascii(&text, &mut ascii);
            markers_general(&text, &mut general);
            proptest::prop_assert_eq!(ascii, general, "{:?}", text);
        }
    }

    #[test]
    fn ranges_cover_the_marker() {
        let text = "The Parties shall not deploy";
        let m = &markers(text)[0];
        assert_eq!(&text[m.range.clone()], "shall not");
    }
}
