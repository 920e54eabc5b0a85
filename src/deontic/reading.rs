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

use super::{Marker, markers, next_word};
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

/// Why a marker binds no one: the rule table of [`read`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// How the text is to be read: "shall be construed", "shall be interpreted", "Nothing in
    /// this Agreement shall ...".
    Construction,
    /// Where the text applies: "shall apply to", "shall not apply", "shall apply mutatis
    /// mutandis".
    Application,
    /// What a term means: "shall mean", "shall have the meaning".
    Definition,
    /// When the text holds: "shall enter into force", "shall remain in force", "shall take
    /// effect", "shall terminate", "shall expire".
    Duration,
    /// What the text leaves untouched: "shall not affect", "shall be without prejudice to",
    /// "shall not derogate from".
    NonDerogation,
    /// What something is: "shall be binding", "shall be final", "shall be deemed", "shall be
    /// considered", "shall constitute", "shall form an integral part", "shall be authentic",
    /// "shall replace", "shall prevail", "shall be dealt with".
    Status,
    /// What something may hold: "may include", "may take the form of", "may cover".
    Description,
}

/// How far back a reading looks for the start of a marker's sentence, in bytes.
const LOOK_BACK: usize = 400;

/// Words of a subject that make it a provision or a text, of which "shall apply" says where
/// it applies ("This Chapter shall apply to ..."), not a person who must apply something.
const PROVISIONS: &[&str] = &[
    "agreement",
    "chapter",
    "article",
    "articles",
    "section",
    "annex",
    "protocol",
    "paragraph",
    "paragraphs",
    "subparagraph",
    "provision",
    "provisions",
    "part",
    "title",
    "rule",
    "rules",
    "procedure",
    "procedures",
    "obligation",
    "obligations",
    "exception",
    "exceptions",
    "definition",
    "definitions",
    "principle",
    "principles",
    "schedule",
    "convention",
    "decision",
    "this",
    "same",
    "it",
    "they",
    "treatment",
    "requirement",
    "requirements",
    "commitments",
    "disciplines",
    "subsection",
    "appendix",
    "understanding",
    "memorandum",
    "measure",
    "measures",
    "mechanism",
];

/// Words of a subject that make it an activity, whose "may" says what it may cover or do
/// ("Cooperation may promote investment"), not what a party may do.
const ACTIVITIES: &[&str] = &[
    "cooperation",
    "assistance",
    "activities",
    "programmes",
    "programs",
    "dialogue",
    "support",
];

/// Words of a subject whose "shall include" says what a term or a list holds, not what anyone
/// must put in it.
const DESCRIBED: &[&str] = &[
    "term",
    "terms",
    "notion",
    "expression",
    "definition",
    "functions",
    "scope",
    "areas",
    "fields",
    "elements",
];

/// Words that may stand between a marker and its verb without changing the reading.
const ADVERBS: &[&str] = &[
    "also",
    "only",
    "then",
    "thereafter",
    "nevertheless",
    "however",
    "equally",
    "automatically",
    "likewise",
    "further",
    "still",
    "in",
    "no",
    "case",
    "at",
    "least",
    "a",
    "priori",
];

/// Words after "apply" that leave it without an object: "shall apply to", "shall apply
/// mutatis mutandis". "Each Party shall apply the rules" binds.
const APPLY_INTRANSITIVE: &[&str] = &[
    "to",
    "mutatis",
    "in",
    "with",
    "where",
    "when",
    "if",
    "unless",
    "only",
    "also",
    "as",
    "from",
    "until",
    "equally",
    "between",
    "accordingly",
    "for",
    "notwithstanding",
    "subject",
    "without",
];

/// Words that open a condition or a relative clause: a marker after them, within its part
/// of the sentence, does not bind on its own.
const SUBORDINATORS: &[&str] = &[
    "if", "unless", "whether", "when", "whenever", "where", "which", "who", "whom", "whose",
    "provided", "insofar", "once", "until", "because", "since",
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
/// The rule table that marks a marker as binding no one ([`Role::NoOne`]) looks at the verb
/// after it (past "be", "also", "only" and the like) and at its subject:
///
/// | after the marker | rule |
/// |---|---|
/// | be construed, be interpreted, be read, be understood; any verb when the subject starts with "Nothing" or "No provision" | [`Rule::Construction`] |
/// | apply with no object ("apply to", "apply mutatis mutandis", "apply.") or be applied, when the subject is a provision or a measure ("This Chapter", "Article 4", "Such measures"); be applicable | [`Rule::Application`] |
/// | mean, have the (following) meaning, be defined, refer to; any marker after "means" ("X means that goods may enter") | [`Rule::Definition`] |
/// | enter into force, remain in force, continue in force, take effect, begin (or commence) from, on, at or upon, cease to have effect, terminate, expire, lapse, be terminated, be renewed, be valid | [`Rule::Duration`] |
/// | not affect, not prejudice, not derogate, not limit, not impair, not diminish, be without prejudice | [`Rule::NonDerogation`] |
/// | be binding, be final, be deemed, be considered, be regarded, be treated, be based, be governed, be annexed, be attached, be subject to, be in accordance with, be aimed at, be sufficient, be followed by a colon ("The terms of reference shall be:"), be to ("The objective shall be to foster ..."), have the following, constitute, form, entail, be authentic, replace, supersede, prevail, be dealt with, be an integral | [`Rule::Status`] |
/// | include, comprise, consist, involve, contain, cover (after "may", or when the subject is a term, a notion, a list's functions, areas or elements), take the form, give rise to; any verb in the active voice whose subject is an activity ("Cooperation may promote ...", "cooperation shall help to ...") | [`Rule::Description`] |
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
        // "As may be agreed", "as shall be necessary": a description, not a commitment

        // ("such functions as the Parties may agree"): "as" among the last four words of
        // the marker's part of the sentence.
        let own_part = parts(text, start, m.range.start).into_iter().next();
        // "persons that may be employed": a relative pronoun right before it.
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
            if undertaking {
                prev.range.end = m.range.end;
                continue;
            }
            prev.modality = match prev.modality {
                Modality::Obligation => Modality::Prohibition,
                Modality::Recommendation => Modality::Discouragement,
                Modality::Prohibition => Modality::Obligation,
                Modality::Discouragement => Modality::Recommendation,
                other => other,
            };
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

/// The words of `range`, lower-cased ASCII (other words are never in our tables).
fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut at = range.start;
    std::iter::from_fn(move || {
        let r = next_word(text, at).filter(|r| r.end <= range.end)?;
        at = r.end;
        Some((r.clone(), &text[r]))
    })
}

/// Whether a word may stand between a marker and its verb: one of [`ADVERBS`], or a word of
/// seven letters or more in "-ly" ("promptly", "jointly"; "apply" and "comply" are shorter).
pub(crate) fn is_adverb(word: &str) -> bool {
    in_table(word, ADVERBS)
        || (word.len() >= 7
            && word
                .get(word.len() - 2..)
                .is_some_and(|end| end.eq_ignore_ascii_case("ly")))
}

fn in_table(word: &str, table: &[&str]) -> bool {
    table.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Whether a word of `table` stands in `range`.
fn has_word(text: &str, range: Range<usize>, table: &[&str]) -> bool {
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
/// [`SUBORDINATORS`], or holds a relative pronoun ("measures which may be taken").
fn opens_with_subordinator(text: &str, start: usize, at: usize) -> bool {
    let Some(own) = parts(text, start, at).into_iter().next() else {
        return false;
    };
    let mut ws = words(text, own.clone());
    let first = ws.next();
    first.is_some_and(|(_, w)| in_table(w, SUBORDINATORS))
        || words(text, own).any(|(_, w)| in_table(w, &["which", "who", "whom", "whose"]))
}

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

/// The rule by which a marker binds no one, if any.
fn rule(text: &str, start: usize, m: &Marker, subject: Option<&Range<usize>>) -> Option<Rule> {
    // "X means that goods may enter ...": a definition.
    if has_word(text, start..m.range.start, &["means", "mean"]) {
        return Some(Rule::Definition);
    }
    // "Nothing in this Agreement shall ...", "No provision of this Title shall ...".
    let mut opening = subject
        .into_iter()
        .flat_map(|s| words(text, s.clone()))
        .map(|(_, w)| w);
    let (first, second) = (opening.next(), opening.next());
    if first.is_some_and(|w| w.eq_ignore_ascii_case("nothing"))
        || (first.is_some_and(|w| w.eq_ignore_ascii_case("no"))
            && second.is_some_and(|w| in_table(w, &["provision", "provisions"])))
    {
        return Some(Rule::Construction);
    }
    // The words after the marker, past the adverbs.
    let marker_words: Vec<&str> = words(text, m.range.clone()).map(|(_, w)| w).collect();
    let negated = marker_words.iter().any(|w| w.eq_ignore_ascii_case("not"));
    let permission = m.modality == Modality::Permission;
    let end = text.len().min(m.range.end + 120);
    // Adverbs are passed over before the verb and after "be" ("shall at least cover", "shall
    // be automatically renewed"), not after the verb ("shall apply in ...").
    let mut after: Vec<String> = Vec::with_capacity(6);
    for (_, word) in words(text, m.range.end..end) {
        let word = word.to_ascii_lowercase();
        let before_verb = after.is_empty() || (after.len() == 1 && after[0] == "be");
        // "nor shall it apply": the subject after an inverted marker.
        if before_verb && (is_adverb(&word) || matches!(word.as_str(), "not" | "it" | "they")) {
            continue;
        }
        after.push(word);
        if after.len() == 6 {
            break;
        }
    }
    let w = |k: usize| after.get(k).map_or("", String::as_str);
    let (verb, rest) = if w(0) == "be" { (w(1), 2) } else { (w(0), 1) };
    let passive = w(0) == "be";
    let next = w(rest);
    let rule = match (passive, verb) {
        (true, "construed" | "interpreted" | "read" | "understood") => Rule::Construction,
        (false, "apply")
            if (next.is_empty() || in_table(next, APPLY_INTRANSITIVE))
                && subject.is_none_or(|s| has_word(text, s.clone(), PROVISIONS)) =>
        {
            Rule::Application
        }
        (true, "applicable") => Rule::Application,
        (true, "applied") if subject.is_some_and(|s| has_word(text, s.clone(), PROVISIONS)) => {
            Rule::Application
        }
        (false, "mean") | (true, "defined") => Rule::Definition,
        (false, "refer") if next == "to" => Rule::Definition,
        (false, "have") if next == "the" && after.iter().any(|w| w == "meaning") => {
            Rule::Definition
        }
        // "The Committee shall have (in particular) the following functions:", as "shall be:".
        (false, "have") if after.iter().any(|w| w == "following") => Rule::Status,
        (false, "enter" | "remain" | "continue") if next == "into" || next == "in" => {
            Rule::Duration
        }
        (false, "take") if next == "effect" => Rule::Duration,
        (false, "cease") if next == "to" => Rule::Duration,
        (false, "begin" | "commence" | "start")
            if matches!(
                next,
                "from" | "on" | "at" | "upon" | "with" | "when" | "after" | "within"
            ) =>
        {
            Rule::Duration
        }
        (false, "terminate" | "expire" | "lapse") | (true, "terminated" | "renewed" | "valid") => {
            Rule::Duration
        }
        (false, "affect" | "prejudice" | "derogate" | "limit" | "impair" | "diminish")
            if negated =>
        {
            Rule::NonDerogation
        }
        (true, "without") if next == "prejudice" => Rule::NonDerogation,
        (
            true,
            "binding" | "final" | "deemed" | "considered" | "regarded" | "treated" | "authentic"
            | "dealt" | "an" | "annexed" | "attached" | "governed" | "based" | "aimed"
            | "sufficient",
        ) => Rule::Status,
        (true, "equally") => Rule::Status,
        // "The terms of reference shall be:" followed by the list; "shall be subject to".
        (true, _) if text[m.range.end..].trim_start().starts_with("be:") => Rule::Status,
        (true, "subject") if next == "to" => Rule::Status,
        // "Their objective shall be to foster ...": what something is for.
        (true, "to") => Rule::Status,
        // "be in accordance with" ("in" is passed over before the verb).
        (true, "accordance" | "conformity") => Rule::Status,
        (false, "constitute" | "form" | "replace" | "supersede" | "prevail" | "entail") => {
            Rule::Status
        }
        // "Cooperation may include ...", "the term X shall include ...": what something holds.
        // "The notice shall include the date" is a requirement and binds.
        (false, "include" | "comprise" | "consist" | "involve" | "cover" | "contain")
            if permission || subject.is_some_and(|s| has_word(text, s.clone(), DESCRIBED)) =>
        {
            Rule::Description
        }
        (false, "give") if next == "rise" => Rule::Description,
        (false, "take") if permission && next == "the" && w(rest + 1) == "form" => {
            Rule::Description
        }
        // "Cooperation may promote investment", "cooperation shall help to strengthen ...":
        // what an activity may do or does, no one's permission or duty. (In the passive,
        // "cooperation shall be developed", someone must develop it.)
        _ if !passive
            && subject.is_some_and(|s| {
                words(text, s.clone()).any(|(_, w)| in_table(w, ACTIVITIES))
                    && !has_word(text, s.clone(), &["party", "parties"])
            }) =>
        {
            Rule::Description
        }
        _ => return None,
    };
    Some(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<Role> {
        read(text).into_iter().map(|r| r.role).collect()
    }

    #[test]
    fn the_rule_table() {
        use Role::{Binds, NoOne};
        let cases = [
            (
                "This Agreement shall enter into force on the first day.",
                Rule::Duration,
            ),
            ("It shall remain in force for ten years.", Rule::Duration),
            (
                "The amendment shall take effect upon notification.",
                Rule::Duration,
            ),
            (
                "This Chapter shall apply to measures on goods.",
                Rule::Application,
            ),
            ("Article 3 shall apply mutatis mutandis.", Rule::Application),
            (
                "This Chapter shall not apply to subsidies.",
                Rule::Application,
            ),
            ("The term goods shall mean products.", Rule::Definition),
            (
                "It shall have the meaning given in Annex 1.",
                Rule::Definition,
            ),
            (
                "This Article shall be construed in good faith.",
                Rule::Construction,
            ),
            (
                "Nothing in this Agreement shall require a Party to act.",
                Rule::Construction,
            ),
            (
                "This Agreement shall not affect the rights of the Parties.",
                Rule::NonDerogation,
            ),
            (
                "It shall be without prejudice to Article 4.",
                Rule::NonDerogation,
            ),
            (
                "The decision of the panel shall be final and binding.",
                Rule::Status,
            ),
            ("Such goods shall be considered originating.", Rule::Status),
            (
                "The Annexes shall form an integral part of it.",
                Rule::Status,
            ),
            (
                "This Agreement shall replace the earlier one.",
                Rule::Status,
            ),
            ("Both texts shall be equally authentic.", Rule::Status),
            (
                "Cooperation may include exchanges of experts.",
                Rule::Description,
            ),
            ("Assistance may take the form of grants.", Rule::Description),
            (
                "The term Party shall refer to each State.",
                Rule::Definition,
            ),
            (
                "Transit means that goods may enter at any post.",
                Rule::Definition,
            ),
            (
                "The notion shall at least cover these rights:",
                Rule::Description,
            ),
            ("The work shall be based on dialogue.", Rule::Status),
            (
                "The terms shall have the following meaning:",
                Rule::Definition,
            ),
            (
                "Cooperation shall be governed by these principles:",
                Rule::Status,
            ),
            (
                "The Schedules shall be annexed to this Agreement.",
                Rule::Status,
            ),
            (
                "This Article may be applied without prejudice to Title 2.",
                Rule::Application,
            ),
            (
                "Such measures shall not apply when the owner consents.",
                Rule::Application,
            ),
            (
                "This Agreement shall remain in force for ten years.",
                Rule::Duration,
            ),
            (
                "This Agreement shall be valid for an indefinite period.",
                Rule::Duration,
            ),
            (
                "No provision of this Title shall prevent a Party from acting.",
                Rule::Construction,
            ),
            (
                "The procedures shall be in accordance with the Rules.",
                Rule::Status,
            ),
            (
                "The Mechanism shall not apply to any measure under Title 9.",
                Rule::Application,
            ),
            (
                "The terms of reference shall be: (a) to examine the matter;",
                Rule::Status,
            ),
            (
                "Cooperation shall be subject to the funds available.",
                Rule::Status,
            ),
            (
                "Cooperation may promote investment in networks.",
                Rule::Description,
            ),
            (
                "The period shall begin from the date of approval.",
                Rule::Duration,
            ),
            (
                "Such activities should cover areas of interest:",
                Rule::Description,
            ),
            (
                "The cooperation shall give rise to growth.",
                Rule::Description,
            ),
            (
                "The Committee shall have, in particular, the following functions:",
                Rule::Status,
            ),
            (
                "This dialogue shall be aimed at fighting climate change.",
                Rule::Status,
            ),
            (
                "It shall be sufficient for the right holders to show it.",
                Rule::Status,
            ),
            (
                "The objective shall be to foster cooperation.",
                Rule::Status,
            ),
            (
                "Paragraph 1 shall apply without prejudice to Article 2.",
                Rule::Application,
            ),
            (
                "Cooperation shall help to strengthen policies.",
                Rule::Description,
            ),
            (
                "The notion shall at least include these rights:",
                Rule::Description,
            ),
        ];
        for (text, rule) in cases {
            assert_eq!(roles(text), [NoOne(rule)], "{text}");
        }
        for text in [
            "Each Party shall apply the rules of origin.",
            "The exporter may apply for a ruling.",
            "The Party shall refer the matter to the Committee.",
            "The Parties shall begin negotiations within a year.",
            "The notice shall include the date of the procurement.",
            "The laws shall contain elements such as these:",
            "Each Party shall notify the other Party.",
            "A Party may request consultations.",
            "Georgia will carry out approximation.",
            "Benefits shall not be suspended.",
        ] {
            assert_eq!(roles(text), [Binds], "{text}");
        }
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
