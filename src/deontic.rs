//! Deontic markers in text: the words that make a sentence an obligation ("shall"), a
//! prohibition ("shall not", "refrain from"), a permission ("may") and so on.
//!
//! Validation uses them to warn about clauses whose text binds someone but whose data records
//! no commitment; comparison uses them to report "shall" becoming "should" even where nobody
//! encoded the commitments.
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
/// | shall, must, undertake(s) to, commit(s) themselves/itself to | obligation |
/// | shall not, must not, may not, undertake(s) not to, refrain(s) from | prohibition |
/// | may | permission |
/// | should | recommendation |
/// | should not | discouragement |
/// | is/are prepared to, is/are ready to | offer |
///
/// "May" with a capital M next to a number ("27 May 1997") is the month, not a marker.
pub fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    markers_into(text, &mut out);
    out
}

/// [`markers`] appended to `out`, so that a caller scanning many texts reuses one buffer.
pub(crate) fn markers_into(text: &str, out: &mut Vec<Marker>) {
    let bytes = text.as_bytes();
    let numeric = |r: &Range<usize>| bytes[r.start].is_ascii_digit();
    let is = |r: Option<&Range<usize>>, word: &[u8]| {
        r.is_some_and(|r| r.len() == word.len() && bytes[r.clone()].eq_ignore_ascii_case(word))
    };
    let mut previous: Option<Range<usize>> = None;
    let mut at = 0;
    while let Some(range) = next_word(text, at) {
        at = range.end;
        // A marker's first word has one of these first letters and lengths ("shall",
        // "should", "must", "may", ...): most words are passed over by both.
        let first = bytes[range.start].to_ascii_lowercase();
        if !matches!(
            (first, range.len()),
            (b's', 5 | 6)
                | (b'm', 3 | 4)
                | (b'u', 9 | 10)
                | (b'r', 7 | 8)
                | (b'c', 6 | 7)
                | (b'i', 2)
                | (b'a', 3)
        ) {
            previous = Some(range);
            continue;
        }
        let w = Key::new(&text[range.clone()]);
        // Only a marker's first word is worth the look ahead.
        if !matches!(
            w.as_bytes(),
            b"shall"
                | b"must"
                | b"may"
                | b"should"
                | b"undertake"
                | b"undertakes"
                | b"refrain"
                | b"refrains"
                | b"commit"
                | b"commits"
                | b"is"
                | b"are"
        ) {
            previous = Some(range);
            continue;
        }
        let next = next_word(text, range.end);
        // The third word, read only by the three-word markers.
        let after = || next.as_ref().and_then(|n| next_word(text, n.end));
        let not_next = is(next.as_ref(), b"not");
        let found = match w.as_bytes() {
            b"shall" | b"must" if not_next => Some((Modality::Prohibition, 2)),
            b"shall" | b"must" => Some((Modality::Obligation, 1)),
            // "27 May 1997": May with a capital next to a number is the month.
            b"may"
                if text[range.clone()].starts_with('M')
                    && (previous.as_ref().is_some_and(numeric)
                        || next.as_ref().is_some_and(numeric)) =>
            {
                None
            }
            b"may" if not_next => Some((Modality::Prohibition, 2)),
            b"may" => Some((Modality::Permission, 1)),
            b"should" if not_next => Some((Modality::Discouragement, 2)),
            b"should" => Some((Modality::Recommendation, 1)),
            b"undertake" | b"undertakes" if not_next && is(after().as_ref(), b"to") => {
                Some((Modality::Prohibition, 3))
            }
            b"undertake" | b"undertakes" if is(next.as_ref(), b"to") => {
                Some((Modality::Obligation, 2))
            }
            b"refrain" | b"refrains" if is(next.as_ref(), b"from") => {
                Some((Modality::Prohibition, 2))
            }
            b"commit" | b"commits"
                if (is(next.as_ref(), b"themselves") || is(next.as_ref(), b"itself"))
                    && is(after().as_ref(), b"to") =>
            {
                Some((Modality::Obligation, 3))
            }
            b"is" | b"are"
                if (is(next.as_ref(), b"prepared") || is(next.as_ref(), b"ready"))
                    && is(after().as_ref(), b"to") =>
            {
                Some((Modality::Offer, 3))
            }
            _ => None,
        };
        match found {
            Some((modality, n)) => {
                let last = match n {
                    1 => range.clone(),
                    2 => next.clone().expect("a second word"),
                    _ => after().expect("a third word"),
                };
                out.push(Marker {
                    modality,
                    range: range.start..last.end,
                });
                at = last.end;
                previous = Some(last);
            }
            None => previous = Some(range),
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
    fn may_the_month_is_not_a_marker() {
        assert_eq!(kinds("as of 27 May 1997"), []);
        assert_eq!(kinds("in May 2022"), []);
        assert_eq!(kinds("May 27"), []);
        assert_eq!(kinds("May they agree"), [Modality::Permission]);
    }

    #[test]
    fn ranges_cover_the_marker() {
        let text = "The Parties shall not deploy";
        let m = &markers(text)[0];
        assert_eq!(&text[m.range.clone()], "shall not");
    }
}
