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

/// Words as (byte range, whether it starts with a digit); letters, digits and apostrophes
/// only, so "Party's" is one word and "1997" is remembered as a number for the month check.
fn words(text: &str) -> Vec<(Range<usize>, bool)> {
    let bytes = text.as_bytes();
    // Whether the character starting at `i` belongs to a word, and its width.
    let class = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric() || b == b'\'', 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric() || c == '\u{2019}', c.len_utf8())
        }
    };
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        // Skip to a word: a tight loop over ASCII separators first.
        while i < bytes.len()
            && bytes[i] < 0x80
            && !(bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'')
        {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let (in_word, width) = class(i);
        if !in_word {
            i += width;
            continue;
        }
        let start = i;
        i += width;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'') {
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
        out.push((start..i, bytes[start].is_ascii_digit()));
    }
    out
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
    let words = words(text);
    let key = |i: usize| words.get(i).map(|w| Key::new(&text[w.0.clone()]));
    let is = |i: usize, word: &[u8]| key(i).is_some_and(|k| k.as_bytes() == word);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (range, _) = &words[i];
        // Every marker starts with one of these letters, and is 2 to 10 letters long: most
        // words are passed over without being lower-cased.
        let first = text.as_bytes()[range.start].to_ascii_lowercase();
        if !matches!(first, b's' | b'm' | b'u' | b'r' | b'c' | b'i' | b'a')
            || !(2..=10).contains(&range.len())
        {
            i += 1;
            continue;
        }
        let w = key(i).expect("a word");

        let not_next = is(i + 1, b"not");
        let span = |n: usize| range.start..words[i + n - 1].0.end;
        let found = match w.as_bytes() {
            b"shall" | b"must" if not_next => Some((Modality::Prohibition, 2)),
            b"shall" | b"must" => Some((Modality::Obligation, 1)),
            b"may" if is_month(&words, i, text) => None,
            b"may" if not_next => Some((Modality::Prohibition, 2)),
            b"may" => Some((Modality::Permission, 1)),
            b"should" if not_next => Some((Modality::Discouragement, 2)),
            b"should" => Some((Modality::Recommendation, 1)),
            b"undertake" | b"undertakes" if not_next && is(i + 2, b"to") => {
                Some((Modality::Prohibition, 3))
            }
            b"undertake" | b"undertakes" if is(i + 1, b"to") => Some((Modality::Obligation, 2)),
            b"refrain" | b"refrains" if is(i + 1, b"from") => Some((Modality::Prohibition, 2)),
            b"commit" | b"commits"
                if (is(i + 1, b"themselves") || is(i + 1, b"itself")) && is(i + 2, b"to") =>
            {
                Some((Modality::Obligation, 3))
            }
            b"is" | b"are"
                if (is(i + 1, b"prepared") || is(i + 1, b"ready")) && is(i + 2, b"to") =>
            {
                Some((Modality::Offer, 3))
            }
            _ => None,
        };
        match found {
            Some((modality, n)) => {
                out.push(Marker {
                    modality,
                    range: span(n),
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

fn is_month(words: &[(Range<usize>, bool)], i: usize, text: &str) -> bool {
    let capital = text[words[i].0.clone()].starts_with('M');
    let number_at = |j: Option<usize>| j.and_then(|j| words.get(j)).is_some_and(|w| w.1);
    capital && (number_at(i.checked_sub(1)) || number_at(Some(i + 1)))
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
