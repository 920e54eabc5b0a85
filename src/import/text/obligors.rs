//! Who a commitment binds: the obligors a sentence names before its deontic marker, resolved
//! against the parties given.

use jiff::civil::Date;

use crate::deontic;
use crate::id::CommitmentId;
use crate::{Commitment, Origin, PartyRef};

use super::{ImportOptions, ImportReport, Note};

/// How far before a marker its subject is read, in bytes. A subject is a few words ("the
/// member States of the North Atlantic Treaty Organization as of 27 May 1997" is 74 bytes);
/// reading no further keeps a text without sentence ends linear, however many markers it holds.
const SUBJECT_WINDOW: usize = 256;

/// The last `SUBJECT_WINDOW` bytes of `text` at most, cut at a character boundary.
fn window(text: &str) -> &str {
    let mut start = text.len().saturating_sub(SUBJECT_WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Party names and aliases, to resolve the obligors a sentence names.
pub(super) struct Names<'a> {
    /// The bound parties, for "The Parties".
    bound: Vec<PartyRef>,
    /// (lower-case name, party), longest first.
    names: Vec<(String, &'a crate::Party)>,
    /// The markers of the text being read, kept between texts to reuse the buffer.
    markers: std::cell::Cell<Vec<deontic::Marker>>,
    /// The text's language: English markers are all read as they are, another language's
    /// by [`deontic::read_in`], those that bind.
    language: String,
}

/// How the bound parties are named together or one by one in the other languages ("Las
/// Partes", "Chaque Partie", "Стороны", "Кожна Сторона"), lower-case: a subject that ends with
/// one binds them.
const PARTIES: &[&str] = &[
    "las partes",
    "cada parte",
    "ambas partes",
    "ninguna parte",
    "ninguna de las partes",
    "les parties",
    "chaque partie",
    "les deux parties",
    "aucune partie",
    "aucune des parties",
    "стороны",
    "каждая сторона",
    "каждая из сторон",
    "обе стороны",
    "ни одна из сторон",
    "сторони",
    "кожна сторона",
    "кожна зі сторін",
    "обидві сторони",
    "жодна зі сторін",
    "жодна сторона",
];

impl<'a> Names<'a> {
    pub(super) fn new(options: &'a ImportOptions, language: &str) -> Self {
        let mut names: Vec<(String, &crate::Party)> = options
            .parties
            .iter()
            .flat_map(|p| {
                std::iter::once(p.name.to_lowercase())
                    .chain(p.aliases.iter().map(|a| a.to_lowercase()))
                    .map(move |n| (n, p))
            })
            .filter(|(n, _)| n.len() >= 2)
            .collect();
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Names {
            bound: options.bound(),
            names,
            markers: std::cell::Cell::default(),
            language: language.to_owned(),
        }
    }

    /// Who a sentence's subject names: groups ("the member States of X", maybe "as of" a
    /// date), parties by name or alias, or the bound parties ("The Parties", "Each Party",
    /// "They").
    fn obligors(&self, subject: &str) -> Vec<PartyRef> {
        let subject = window(subject);
        // Subjects are a few ASCII words: lower-cased on the stack, else in a new String.
        let mut buf = [0u8; 128];
        let owned;
        let lower: &str = match buf.get_mut(..subject.len()) {
            Some(b) if subject.is_ascii() => {
                b.copy_from_slice(subject.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).unwrap_or_default()
            }
            _ => {
                owned = subject.to_lowercase();
                &owned
            }
        };
        let mut out: Vec<PartyRef> = Vec::new();
        // Byte ranges of `lower` already read as a party, so that "member States of NATO" is
        // not read again as NATO.
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        let is_taken = |taken: &[std::ops::Range<usize>], at: usize, end: usize| {
            taken.iter().any(|r| r.start < end && at < r.end)
        };
        if let Some(at) = find_short(lower, "member states of") {
            let after = &lower[at + "member states of".len()..];
            let after = after.trim_start().trim_start_matches("the ").trim_start();
            if let Some((name, party)) = self
                .names
                .iter()
                .find(|(n, _)| after.starts_with(n.as_str()))
            {
                // Offsets are into `lower`, whose bytes may differ from the subject's.
                let as_of = find_short(lower, "as of ").and_then(|d| date_words(&lower[d + 6..]));
                out.push(PartyRef::members_of(party.id().clone(), as_of));
                let start = lower.len() - after.len();
                taken.push(at..(start + name.len()).min(lower.len()));
            }
        }
        for (name, party) in &self.names {
            let mut from = 0;
            while let Some(pos) = find_short(&lower[from..], name) {
                let at = from + pos;
                let end = at + name.len();
                let bounded = lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                    && lower[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                if bounded && !is_taken(&taken, at, end) {
                    taken.push(at..end);
                    let r = PartyRef::party(party.id().clone());
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
                from = end;
            }
        }
        if out.is_empty() {
            let mut previous = "";
            let mut plural = false;
            let mut last = "";
            for word in lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                plural |= matches!(
                    (previous, word),
                    ("the" | "all" | "both", "parties") | ("each", "party")
                );
                previous = word;
                last = word;
            }
            plural |= last == "they";
            if !plural {
                let lower = lower.trim_end();
                plural = PARTIES.iter().any(|p| lower.ends_with(p));
            }
            if plural {
                out = self.bound.clone();
            }
        }
        out
    }

    /// Commitments from the deontic markers of a text, with the obligors named before each.
    pub(super) fn commitments(
        &self,
        text: &str,
        line: usize,
        report: &mut ImportReport,
    ) -> Vec<Commitment> {
        let mut markers = self.markers.take();
        markers.clear();
        deontic::markers_in_into(text, &self.language, &mut markers);
        let mut out: Vec<Commitment> = Vec::new();
        // The sentence the last commitment stood in, its obligors, and where its action
        // started, so that a later subject in the same sentence can end that action.
        // (sentence start, index of the commitment in `out`, where its action started)
        let mut last: Option<(usize, usize, usize)> = None;
        // Sentence bounds, found as the markers go, so that each byte is read once looking
        // back and once looking ahead however many markers a long paragraph holds.
        let bytes = text.as_bytes();
        let (mut sentence_start, mut read_back_to) = (0, 0);
        let mut sentence_end = 0;
        for (k, m) in markers.iter().enumerate() {
            if let Some(p) = bytes[read_back_to..m.range.start]
                .iter()
                .rposition(|&b| matches!(b, b'.' | b';' | b':'))
            {
                sentence_start = read_back_to + p + 1;
            }
            read_back_to = m.range.start;
            // The last end found still stands if it lies beyond this marker.
            if sentence_end < m.range.end {
                sentence_end = bytes[m.range.end..]
                    .iter()
                    .position(|&b| matches!(b, b'.' | b';'))
                    .map_or(text.len(), |p| m.range.end + p);
            }
            let next = markers.get(k + 1).map(|n| n.range.start);
            let end = next.filter(|&n| n < sentence_end).unwrap_or(sentence_end);
            let action = text[m.range.end..end].trim().trim_end_matches([',', ' ']);
            let action = strip_all(strip_all(action, " and"), " or").trim();
            // "commit themselves to refrain from ...": the first marker only leads to the next.
            if action.is_empty() {
                continue;
            }
            let same_sentence = last.as_ref().filter(|(s, _, _)| *s == sentence_start);
            let obligors = match same_sentence {
                // A later marker of the sentence: "... and State B shall not ..." names its own
                // subject after the last conjunction; "... and refrain from ..." names none and
                // shares the sentence's.
                Some(&(_, previous, ref action_start)) => {
                    // Only the window before the marker can hold its subject; where the
                    // previous action started further back, its end is found within it too.
                    let full = &text[*action_start..m.range.start];
                    let between = window(full);
                    let skipped = full.len() - between.len();
                    let cut = [" and ", " or ", ", "]
                        .iter()
                        .filter_map(|c| between.rfind(c).map(|p| (p, c.len())))
                        .max();
                    let own = cut.map(|(p, len)| (p, self.obligors(&between[p + len..])));
                    match own {
                        Some((p, o)) if !o.is_empty() => {
                            // The previous action ends where this subject begins.
                            if let Some(prev) = out.last_mut() {
                                let trimmed = text[*action_start..*action_start + skipped + p]
                                    .trim()
                                    .trim_end_matches(',')
                                    .trim();
                                if !trimmed.is_empty() {
                                    prev.action = trimmed.to_owned();
                                }
                            }
                            o
                        }
                        _ => out[previous].obligors.clone(),
                    }
                }
                None => self.obligors(text[sentence_start..m.range.start].trim()),
            };
            if obligors.is_empty() {
                report.guessed.push(Note {
                    line,
                    what: format!(
                        "\"{}\" binds someone not among the parties given: no commitment",
                        &text[m.range.clone()]
                    ),
                });
                continue;
            }
            last = Some((sentence_start, out.len(), m.range.end));
            let id = commitment_id(out.len() + 1);
            let mut c = Commitment::new(id, m.modality, action);
            c.obligors = obligors;
            c.origin = Origin::Inferred;
            out.push(c);
        }
        self.markers.set(markers);
        out
    }
}

/// The id of a clause's n-th inferred commitment, `k1`, `k2`, ...: shared for the first few,
/// which almost every clause uses, so that making one costs no allocation.
fn commitment_id(n: usize) -> CommitmentId {
    static FIRST: std::sync::OnceLock<Vec<CommitmentId>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        (1..=16)
            .map(|k| CommitmentId::new(format!("k{k}")).expect("a valid id"))
            .collect()
    });
    first
        .get(n - 1)
        .cloned()
        .unwrap_or_else(|| CommitmentId::new(format!("k{n}")).expect("a valid id"))
}

/// "27 May 1997" at the start of a text, as a date.
fn date_words(s: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let day: i8 = words.next()?.parse().ok()?;
    let month = MONTHS.iter().position(|m| {
        words
            .clone()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(m))
    })? as i8
        + 1;
    words.next();
    let year: i16 = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    Date::new(year, month, day).ok()
}

/// Where `needle` first stands in `hay`. Subjects are a few words long, where comparing at
/// each offset beats building `str::find`'s two-way searcher for every name and phrase sought.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    (0..(hay.len() + 1).saturating_sub(needle.len()))
        .find(|&i| hay[i] == first && hay[i..].starts_with(needle))
}

/// `text` without any number of `suffix`es at its end, as `trim_end_matches` but without
/// building a substring searcher for every call.
fn strip_all<'t>(mut text: &'t str, suffix: &str) -> &'t str {
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_searches_agree_with_find() {
        for (hay, needle) in [
            ("the united states and nato", "nato"),
            ("the united states", "united states"),
            ("nato", "nato"),
            ("na", "nato"),
            ("", "nato"),
            ("\u{e9}tat fran\u{e7}ais et l'otan", "otan"),
            ("\u{e9}tat fran\u{e7}ais", "fran\u{e7}ais"),
            ("nat nato", "nato"),
        ] {
            assert_eq!(
                find_short(hay, needle),
                hay.find(needle),
                "{needle} in {hay}"
            );
        }
        // An empty name never matches, so a caller's search loop always advances.
        assert_eq!(find_short("nato", ""), None);
        assert_eq!(strip_all("act and and", " and"), "act");
        assert_eq!(strip_all("act or", " and"), "act or");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            date_words("27 May 1997, respectively"),
            Some(jiff::civil::date(1997, 5, 27))
        );
        assert_eq!(date_words("31 February 1997"), None);
        assert_eq!(date_words("that day"), None);
    }

    #[test]
    fn subjects_are_read_within_a_window() {
        let long = format!("{}\u{e9}the Parties", "x".repeat(SUBJECT_WINDOW));
        assert!(window(&long).ends_with("the Parties"));
        assert!(window(&long).len() <= SUBJECT_WINDOW);
        assert_eq!(window("the Parties"), "the Parties");
    }
}
