//! A deontic reading of a sentence: for each marker, who it binds as written, and whether it
//! binds anyone at all.
//!
//! Not every "shall" makes a commitment. "This Agreement shall enter into force ..." binds no
//! one; in "Each Party shall ensure that suppliers should be informed" the "should" is part of
//! the commitment to ensure, not a second one. Comparison reads both drafts this way, so that
//! such words changing ("shall apply" against "applies") are no change of any obligation.
//!
//! ```
//! use pactum::deontic::{Role, Rule, read};
//! use pactum::Modality;
//!
//! let text = "Each Party shall ensure that suppliers should be informed.";
//! let readings = read(text);
//! assert_eq!(readings[0].modality, Modality::Obligation);
//! assert_eq!(readings[0].role, Role::Binds);
//! assert_eq!(readings[0].subject(text), Some("Each Party"));
//! assert_eq!(readings[1].role, Role::Subordinate);
//!
//! let readings = read("This Agreement shall enter into force on 1 January.");
//! assert_eq!(readings[0].role, Role::NoOne(Rule::Duration));
//! ```

use std::ops::Range;

use super::rules::rule;
use super::{Marker, Rule, markers, next_word};
use crate::Modality;

/// One marker of a sentence, read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reading {
    /// What the marker expresses.
    pub modality: Modality,
    /// Where the marker's words stand, in bytes of the text read.
    pub marker: Range<usize>,
    /// Where the subject stands as written ("Each Party", "the Republic of X", "it"), when
    /// one is found before the marker in its sentence.
    pub subject: Option<Range<usize>>,
    /// Whether it binds anyone.
    pub role: Role,
}

impl Reading {
    /// The subject's words in `text` (the text that was read).
    pub fn subject<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.subject.clone().and_then(|r| text.get(r))
    }
}

/// Whether a marker makes a commitment of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// It binds its subject (or, in the passive, whoever the act falls to).
    Binds,
    /// It belongs to the commitment of a marker before it in the sentence ("shall ensure that
    /// suppliers should be ..."), or stands in a condition or a relative clause ("if the
    /// Parties agree to ...", "measures which may be taken").
    Subordinate,
    /// It repeats the marker before it for the same subject ("shall act on requests and shall
    /// execute them"): one commitment with two acts, so that writing the modal once or twice
    /// makes no difference.
    Repeated,
    /// It binds no one, by the rule named.
    NoOne(Rule),
}

/// How far back a reading looks for the start of a marker's sentence, in bytes.
const LOOK_BACK: usize = 400;

/// Words that open a condition or a relative clause: a marker after them, within its part
/// of the sentence, does not bind on its own.
const SUBORDINATORS: &[&str] = &[
    "if", "unless", "whether", "when", "whenever", "where", "which", "who", "whom", "whose",
    "provided", "insofar", "once", "until", "because", "since", "extent",
];

/// Verbs of a statement: a marker in what they introduce ("The Parties recognise that the
/// services may be used ...") states a view, not a commitment.
const STATING: &[&str] = &[
    "recall",
    "recalls",
    "state",
    "states",
    "recognise",
    "recognises",
    "recognize",
    "recognizes",
    "note",
    "notes",
    "acknowledge",
    "acknowledges",
    "understand",
    "understands",
    "consider",
    "considers",
    "believe",
    "believes",
    "stress",
    "stresses",
    "emphasise",
    "emphasises",
    "emphasize",
    "emphasizes",
];

/// Words that open a part of a sentence that is not its subject: "in accordance with its
/// laws", "subject to paragraph 2".
const NOT_A_SUBJECT: &[&str] = &[
    "hereinafter",
    "in",
    "under",
    "subject",
    "notwithstanding",
    "for",
    "with",
    "as",
    "to",
    "upon",
    "after",
    "before",
    "within",
    "without",
    "pursuant",
    "where",
    "if",
    "unless",
    "when",
    "however",
    "furthermore",
    "moreover",
    "accordingly",
    "therefore",
    "thereafter",
    "consequently",
    "by",
    "on",
    "at",
    "during",
    "except",
    "save",
    "whenever",
    "once",
    "insofar",
    "provided",
    "wherever",
    "otherwise",
    "also",
    "similarly",
];

/// The markers of `text` (a sentence, or a clause: a reading does not look past the ".", ";"
/// or ":" before a marker), read.
///
/// A marker binds no one ([`Role::NoOne`]) by the rule table of [`Rule`], which looks at the
/// verb after it (past "be", "also", "only" and the like) and at its subject.
///
/// A marker is [`Role::Subordinate`] when a marker before it in the sentence is followed by
/// "that", "which", "if" or another word that opens a clause (it belongs to that commitment),
/// when such a word opens its own part of the sentence ("if the Parties agree to ..."), or
/// when "as" stands among the four words before it ("as may be agreed", "such functions as
/// the Parties may agree"), or when "that", "which" or "who" stands right before it
/// ("persons that may be employed"), or when it stands in what "recognise that", "note that"
/// or another verb of a statement introduces. It is [`Role::Repeated`] when it
/// repeats the binding marker before it, for the same subject, joined by "and" or "or".
pub fn read(text: &str) -> Vec<Reading> {
    let found = joined(text, markers(text));
    let mut out: Vec<Reading> = Vec::with_capacity(found.len());
    for (k, m) in found.iter().enumerate() {
        let start = sentence_start(text, m.range.start);
        // The marker before, in the same sentence.
        let before = k
            .checked_sub(1)
            .map(|p| &found[p])
            .filter(|p| p.range.end > start);
        let subject = match before {
            None => subject(text, start, m.range.start),
            // A second marker shares the first one's subject ("Each Party shall notify and
            // may request"), unless a part of its own names another.
            Some(p) => new_subject(text, p.range.end, m.range.start)
                .or_else(|| out.last().and_then(|r| r.subject.clone())),
        };
        let subordinate = before.is_some_and(|p| {
            has_word(text, p.range.end..m.range.start, SUBORDINATORS)
                || has_word(text, p.range.end..m.range.start, &["that"])
        });
        // "As may be agreed", "such functions as the Parties may agree": a description, not a
        // commitment ("as" among the last four words of the marker's part of the sentence);
        // "persons that may be employed": a relative pronoun right before it.
        let own_part = parts(text, start, m.range.start).into_iter().next();
        let (as_before, relative) = own_part.clone().map_or((false, false), |own| {
            let ws: Vec<&str> = words(text, own).map(|(_, w)| w).collect();
            (
                ws[ws.len().saturating_sub(4)..]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case("as")),
                ws.last()
                    .is_some_and(|w| in_table(w, &["that", "which", "who", "whom"])),
            )
        });
        // "shall act ... and shall execute": the modal repeated for the same subject, with
        // nothing but "and" or "or" to join the two acts.
        let repeated = before.zip(out.last()).is_some_and(|(p, r)| {
            r.role == Role::Binds
                && r.modality == m.modality
                && r.subject == subject
                && has_word(text, p.range.end..m.range.start, &["and", "or"])
        });
        // Within the marker's own part of the sentence: "Where a Party considers that ..., it
        // shall request" binds.
        let stated = own_part.clone().is_some_and(|own| {
            words(text, own)
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| in_table(w[0].1, STATING) && w[1].1.eq_ignore_ascii_case("that"))
        });
        let role = if subordinate
            || as_before
            || relative
            || stated
            || opens_with_subordinator(text, start, m.range.start)
        {
            Role::Subordinate
        } else if repeated {
            Role::Repeated
        } else if let Some(rule) = rule(text, start, m, subject.as_ref()) {
            Role::NoOne(rule)
        } else {
            Role::Binds
        };
        out.push(Reading {
            modality: m.modality,
            marker: m.range.clone(),
            subject,
            role,
        });
    }
    out
}

/// Markers with "refrain from" right after another ("shall refrain from", "undertake to
/// refrain from"), joined into one: the first one's firmness, forbidding. "Agree to",
/// "undertake to" and "commit to" right after another ("may agree to terminate") join it too,
/// as it is.
fn joined(text: &str, found: Vec<Marker>) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::with_capacity(found.len());
    for m in found {
        let first = words(text, m.range.clone())
            .next()
            .map(|(_, w)| w.to_ascii_lowercase())
            .unwrap_or_default();
        let refrain = first.starts_with("refrain");
        // "may agree to terminate", "shall undertake to ratify": one marker, the first one's.
        let undertaking = matches!(
            first.as_str(),
            "agree" | "agrees" | "undertake" | "undertakes" | "commit" | "commits"
        );
        if let Some(prev) = out.last_mut().filter(|p| {
            (refrain || undertaking)
                && text.get(p.range.end..m.range.start).is_some_and(|gap| {
                    let gap = gap.trim();
                    gap.is_empty()
                        || gap.eq_ignore_ascii_case("to")
                        // "may at any time agree to", "shall also undertake to".
                        || (undertaking
                            && gap.split_whitespace().count() <= 3
                            && !gap.contains([',', ';', ':', '.']))
                })
        }) {
            if refrain {
                prev.modality = match prev.modality {
                    Modality::Obligation => Modality::Prohibition,
                    Modality::Recommendation => Modality::Discouragement,
                    Modality::Prohibition => Modality::Obligation,
                    Modality::Discouragement => Modality::Recommendation,
                    other => other,
                };
            }
            prev.range.end = m.range.end;
            continue;
        }
        out.push(m);
    }
    out
}

/// Where the sentence around byte `at` starts: after the last ".", ";" or ":" followed by
/// white space, or a line end, before it.
/// It looks back at most [`LOOK_BACK`] bytes, so that a text of markers without a sentence
/// end is read in linear time.
fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = &text.as_bytes()[..at];
    let mut i = bytes.len();
    let mut floor = at.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    while i > floor {
        i -= 1;
        let b = bytes[i];
        if b == b'\n' {
            return i + 1;
        }
        if matches!(b, b'.' | b';' | b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace)
        {
            return i + 1;
        }
    }
    floor
}

/// The words of `range`, as written, with where each stands.
pub(super) fn words(
    text: &str,
    range: Range<usize>,
) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut at = range.start;
    std::iter::from_fn(move || {
        let r = next_word(text, at).filter(|r| r.end <= range.end)?;
        at = r.end;
        Some((r.clone(), &text[r]))
    })
}

pub(super) fn in_table(word: &str, table: &[&str]) -> bool {
    table.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Whether a word of `table` stands in `range`.
pub(super) fn has_word(text: &str, range: Range<usize>, table: &[&str]) -> bool {
    words(text, range).any(|(_, w)| in_table(w, table))
}

/// The parts of `from..to` between commas (and parentheses), last first.
fn parts(text: &str, from: usize, to: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut end = to;
    for i in (from..to).rev() {
        if matches!(bytes[i], b',' | b'(' | b')') {
            out.push(i + 1..end);
            end = i;
        }
    }
    out.push(from..end);
    out
}

/// Whether the part of the sentence the marker stands in opens with a word of
/// [`SUBORDINATORS`], or holds a relative pronoun ("measures which may be taken"), or a
/// conjunction that opens a clause after its first word ("practices are inconsistent with
/// this Agreement to the extent that they may affect trade", "in cases where a Party may").
fn opens_with_subordinator(text: &str, start: usize, at: usize) -> bool {
    let Some(own) = parts(text, start, at).into_iter().next() else {
        return false;
    };
    let ws: Vec<&str> = words(text, own).map(|(_, w)| w).collect();
    let Some(first) = ws.first() else {
        return false;
    };
    in_table(first, SUBORDINATORS)
        || ws
            .iter()
            .any(|w| in_table(w, &["which", "who", "whom", "whose"]))
        || ws.windows(2).skip(1).any(|w| {
            in_table(w[0], WITHIN)
                || (in_table(w[0], &["extent", "far"]) && in_table(w[1], &["that", "as"]))
                || (w[0].eq_ignore_ascii_case("provided") && w[1].eq_ignore_ascii_case("that"))
        })
}

/// Conjunctions that open a clause inside a part of a sentence, past its first word. Not
/// all of [`SUBORDINATORS`]: "provided", "since" or "once" there is more often a participle
/// or an adverb ("information provided under this Article shall"), and "extent" opens a
/// clause only with "that" ("to the extent that").
const WITHIN: &[&str] = &[
    "if", "unless", "whether", "when", "whenever", "where", "whereby", "insofar", "because",
];

/// The subject before a marker: the last part of `from..at` between commas that does not open
/// with a preposition or a connective, without leading "and", "or" and list labels; at most
/// its first eight words.
fn subject(text: &str, from: usize, at: usize) -> Option<Range<usize>> {
    for part in parts(text, from, at) {
        let ws: Vec<(Range<usize>, &str)> = words(text, part).collect();
        let Some((_, first)) = ws.first() else {
            continue;
        };
        if in_table(first, NOT_A_SUBJECT) {
            continue;
        }
        // Leading "and", "or" and labels ("a", "ii") go.
        let skip = ws
            .iter()
            .take_while(|(_, w)| {
                in_table(w, &["and", "or", "but", "that"])
                    || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit() || "ivx".contains(c)))
                    || (w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase()))
            })
            .count();
        // A subject's head comes first ("The decision of the Committee on ..."): its first
        // eight words.
        let ws = &ws[skip.min(ws.len())..];
        let ws = &ws[..ws.len().min(8)];
        if let (Some(a), Some(b)) = (ws.first(), ws.last()) {
            return Some(a.0.start..b.0.end);
        }
        return None;
    }
    None
}

/// The subject of a second marker in a sentence, when the part it stands in (after a comma)
/// opens with a word that can start one: "the", "each", a capital ("..., and the Committee
/// may decide").
fn new_subject(text: &str, from: usize, at: usize) -> Option<Range<usize>> {
    let own = parts(text, from, at);
    if own.len() < 2 {
        return None;
    }
    let first = words(text, own[0].clone())
        .map(|(_, w)| w)
        .find(|w| !in_table(w, &["and", "or", "but"]))?;
    let opens = in_table(
        first,
        &[
            "the", "each", "a", "an", "any", "either", "neither", "no", "both", "it", "they",
            "such",
        ],
    ) || first.starts_with(|c: char| c.is_uppercase());
    if opens {
        subject(text, own[0].start, at)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<Role> {
        read(text).into_iter().map(|r| r.role).collect()
    }

    #[test]
    fn refrain_from_joins_the_marker_before_it() {
        let kinds =
            |text: &str| -> Vec<Modality> { read(text).iter().map(|r| r.modality).collect() };
        assert_eq!(
            kinds("Each Party shall refrain from force."),
            [Modality::Prohibition]
        );
        assert_eq!(
            kinds("Each Party should refrain from force."),
            [Modality::Discouragement]
        );
        assert_eq!(
            kinds("They commit themselves to refrain from enlargement."),
            [Modality::Prohibition]
        );
        assert_eq!(kinds("They refrain from force."), [Modality::Prohibition]);
        assert_eq!(
            kinds("They may agree to terminate it."),
            [Modality::Permission]
        );
        let text = "Each Party shall refrain from force.";
        assert_eq!(&text[read(text)[0].marker.clone()], "shall refrain from");
    }

    #[test]
    fn subordinate_modals_belong_to_the_main_commitment() {
        use Role::{Binds, Subordinate};
        assert_eq!(
            roles("Each Party shall ensure that suppliers should be informed."),
            [Binds, Subordinate]
        );
        assert_eq!(
            roles("Each Party shall adopt measures which may be necessary."),
            [Binds, Subordinate]
        );
        // "to the extent" opens a condition, as "insofar" does.
        assert_eq!(
            roles(
                "A Party shall keep the measure only to the extent and for the period it may need."
            ),
            [Binds, Subordinate]
        );
        assert_eq!(
            roles("If the Parties agree to extend the period, the Committee shall meet."),
            [Subordinate, Binds]
        );
        assert_eq!(
            roles("Each Party shall notify the other and may request consultations."),
            [Binds, Binds]
        );
        assert_eq!(
            roles("Each Party shall notify the other and shall publish the measure."),
            [Binds, Role::Repeated]
        );
        assert_eq!(
            roles("The Committee shall carry out such tasks as may be delegated to it."),
            [Binds, Subordinate]
        );
        assert_eq!(
            roles("The Committee shall meet at such times as the Parties may agree."),
            [Binds, Subordinate]
        );
        assert_eq!(roles("Each Party, as appropriate, shall notify."), [Binds]);
        assert_eq!(
            roles("the number of persons that may be employed"),
            [Subordinate]
        );
        assert_eq!(
            roles("The Parties agree that each Party shall notify."),
            [Binds]
        );
        assert_eq!(
            roles("Where a Party considers it necessary, it may request consultations."),
            [Binds]
        );
        // A clause opened inside the marker's part of the sentence.
        assert_eq!(
            roles(
                "Such aid is inconsistent with this Agreement to the extent that it may distort trade."
            ),
            [Subordinate]
        );
        assert_eq!(
            roles("This applies in cases where a Party may suffer harm."),
            [Subordinate]
        );
        // A participle is no conjunction.
        assert_eq!(
            roles("Information provided under this Article shall be kept confidential."),
            [Binds]
        );
    }

    #[test]
    fn the_subject_as_written() {
        let subject = |text: &str| read(text)[0].subject(text).map(str::to_owned);
        assert_eq!(
            subject("Each Party shall notify."),
            Some("Each Party".into())
        );
        assert_eq!(
            subject("Each Party, in accordance with its laws, shall adopt measures."),
            Some("Each Party".into())
        );
        assert_eq!(
            subject("Subject to paragraph 2, the Republic of X shall notify."),
            Some("the Republic of X".into())
        );
        assert_eq!(
            subject("Where a Party considers it necessary, it may request."),
            Some("it".into())
        );
        assert_eq!(
            subject("(a) the exporter shall keep records;"),
            Some("the exporter".into())
        );
        let text = "Each Party shall notify and may request.";
        assert_eq!(read(text)[1].subject(text), Some("Each Party"));
        let text = "Each Party shall notify, and the Committee may decide.";
        assert_eq!(read(text)[1].subject(text), Some("the Committee"));
    }
}
