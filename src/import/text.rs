//! The line scanner behind [`text`].

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;

use crate::diff::align::{Fx, FxMap};

use jiff::civil::Date;

use crate::deontic;
use crate::id::{ClauseId, CommitmentId, PartyId, ProposalId};
use crate::{
    Clause, Commitment, Completeness, MAX_CLAUSE_DEPTH, Origin, Party, PartyRef, Proposal,
    Provenance, Recital, Source,
};

/// What [`text`] needs to know besides the text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The proposal's id.
    pub id: ProposalId,
    /// Who put the text forward.
    pub proposer: PartyId,
    /// The parties the text may name, with their names and aliases (and an alliance's
    /// members), to resolve obligors.
    pub parties: Vec<Party>,
    /// The parties the agreement binds, which "The Parties" of the text stand for; empty means
    /// every party in [`parties`](Self::parties).
    pub bound: Vec<PartyRef>,
    /// The title; when none, a short first line of the text is taken.
    pub title: Option<String>,
    /// The language of the text, as a BCP 47 tag.
    pub language: String,
}

impl ImportOptions {
    /// Options with no parties, no title and English text.
    pub fn new(id: ProposalId, proposer: PartyId) -> Self {
        ImportOptions {
            id,
            proposer,
            parties: Vec::new(),
            bound: Vec::new(),
            title: None,
            language: "en".to_owned(),
        }
    }

    fn bound(&self) -> Vec<PartyRef> {
        if self.bound.is_empty() {
            self.parties
                .iter()
                .map(|p| PartyRef::party(p.id().clone()))
                .collect()
        } else {
            self.bound.clone()
        }
    }
}

/// Why a text could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Nothing but white space.
    #[error("the text is empty")]
    Empty,
    /// Bytes that are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The offset of the first invalid byte.
        offset: usize,
    },
}

/// What an import recognised, guessed and set aside, line by line (1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ImportReport {
    /// Structure found for certain: headings, numbered paragraphs, the preamble.
    pub recognised: Vec<Note>,
    /// Structure assumed: a title on the line after a heading, obligors, recitals split.
    pub guessed: Vec<Note>,
    /// Lines left out of the proposal: page numbers, running headers and footers.
    pub set_aside: Vec<SetAside>,
}

/// One remark of an [`ImportReport`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Note {
    /// The line, from 1.
    pub line: usize,
    /// What was found there.
    pub what: String,
}

/// A line left out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SetAside {
    /// The line, from 1.
    pub line: usize,
    /// Its text.
    pub text: String,
    /// Why it was left out.
    pub reason: String,
}

/// Checks that bytes are UTF-8 and drops a byte-order mark.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let (bom, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    match std::str::from_utf8(rest) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => Err(ImportError::InvalidUtf8 {
            offset: bom + e.valid_up_to(),
        }),
    }
}

/// The structure of one line.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    /// A heading: its rank (parts 1 .. articles 4; Markdown by its hashes), the number as
    /// written, the id key, and a title.
    Heading {
        rank: u8,
        number: Option<String>,
        key: String,
        title: Option<String>,
    },
    /// A numbered or bulleted point: its level inside an article, the number as written, the
    /// id key, and the text after it.
    Point {
        level: u8,
        number: Option<String>,
        key: String,
        rest: String,
    },
    Text,
}

const WORD_NUMBERS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn slug(s: &str) -> String {
    keyed("", s)
}

/// `prefix` followed by the slug of `s`, in one allocation: keys are made for every clause.
fn keyed(prefix: &str, s: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + s.len());
    out.push_str(prefix);
    let start = out.len();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && out.len() > start {
            out.push('-');
        }
    }
    if out.len() > start {
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(
                c.to_ascii_lowercase(),
                'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'
            )
        })
}

/// "Article 4 - Title", "ARTICLE 4.2", "Art. 5", "Section 3", "Chapter II", "Part One",
/// "Annex 2", as (rank, number as written, key, title).
fn keyword_heading(line: &str) -> Option<(u8, String, String, Option<String>)> {
    let first = line.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let starts = |word: &str| {
        line.get(..word.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(word))
    };
    let (rank, prefix, skip) = [
        ("article", 4u8, "art"),
        ("art.", 4, "art"),
        ("section", 3, "sec"),
        ("chapter", 2, "ch"),
        ("part", 1, "part"),
        ("annex", 1, "annex"),
    ]
    .iter()
    .find_map(|(word, rank, prefix)| starts(word).then_some((*rank, *prefix, word.len())))?;
    let rest = line.get(skip..)?;
    if !rest.starts_with(char::is_whitespace) && !rest.is_empty() {
        return None;
    }
    let rest = rest.trim_start();
    let token_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '.'))
        .unwrap_or(rest.len());
    let token = rest[..token_end].trim_end_matches('.');
    if token.is_empty() {
        return None;
    }
    let numeric = token.chars().next().is_some_and(|c| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_digit() || c == '.');
    let word = WORD_NUMBERS.contains(&token.to_lowercase().as_str());
    let letter = token.len() == 1 && token.chars().all(|c| c.is_ascii_alphabetic());
    if !(numeric || word || is_roman(token) || letter) {
        return None;
    }
    let after = rest[token.len()..].trim_start_matches('.').trim();
    let title = after
        .trim_start_matches(['-', '\u{2013}', '\u{2014}', ':', '.'])
        .trim();
    // A heading's title is short and binds nobody; "Article 5 of the Treaty shall ..." is a
    // sentence, not a heading.
    let separated = after.is_empty()
        || after.starts_with(['-', '\u{2013}', '\u{2014}', ':'])
        || rest[token.len()..].starts_with('.');
    if !separated || title.chars().count() > 100 || !deontic::markers(title).is_empty() {
        return None;
    }
    let number =
        format!("{} {}", line[..skip].trim_end_matches('.'), token).replace("Art ", "Art. ");
    let number = if line[..skip].ends_with('.') {
        format!("{} {token}", &line[..skip])
    } else {
        number
    };
    let key = keyed(&format!("{prefix}-"), token);
    Some((
        rank,
        number,
        key,
        (!title.is_empty()).then(|| title.to_owned()),
    ))
}

fn classify(line: &str, previous_letter: Option<char>) -> Kind {
    let t = line.trim();
    if t.is_empty() {
        return Kind::Blank;
    }
    if let Some(rest) = t.strip_prefix('#') {
        let hashes = 1 + rest.chars().take_while(|c| *c == '#').count();
        let body = rest.trim_start_matches('#');
        if body.starts_with(char::is_whitespace) && hashes <= 6 {
            let body = body.trim();
            return match keyword_heading(body) {
                Some((rank, number, key, title)) => Kind::Heading {
                    rank,
                    number: Some(number),
                    key,
                    title,
                },
                None => Kind::Heading {
                    rank: hashes as u8,
                    number: None,
                    key: format!(
                        "s-{}",
                        slug(body)
                            .chars()
                            .take(40)
                            .collect::<String>()
                            .trim_end_matches('-')
                    ),
                    title: Some(body.to_owned()),
                },
            };
        }
    }
    if let Some((rank, number, key, title)) = keyword_heading(t) {
        return Kind::Heading {
            rank,
            number: Some(number),
            key,
            title,
        };
    }
    // "1.", "2)", "4.1" with text after.
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if digits > 0 && t.as_bytes()[0].is_ascii_digit() {
        let (num, rest) = t.split_at(digits);
        let closing = rest.starts_with(')');
        let rest = rest.strip_prefix(')').unwrap_or(rest);
        let decimal = num.trim_end_matches('.').contains('.');
        if (num.ends_with('.') || closing || decimal)
            && rest.starts_with(char::is_whitespace)
            && num.len() <= 12
        {
            let n = num.trim_end_matches('.');
            return Kind::Point {
                level: 1,
                number: Some(t[..digits + usize::from(closing)].to_owned()),
                key: keyed("p-", n),
                rest: rest.trim().to_owned(),
            };
        }
    }
    // "(a)", "(iv)", "a)".
    let (inner, after, written) = if let Some(r) = t.strip_prefix('(') {
        match r.find(')') {
            Some(close) => (&r[..close], &r[close + 1..], &t[..close + 2]),
            None => ("", "", ""),
        }
    } else {
        // Only the first five bytes can hold the ")" of "iv)": the rest of the line is not read.
        match t.bytes().take(5).position(|b| b == b')') {
            Some(close) => (&t[..close], &t[close + 1..], &t[..close + 1]),
            None => ("", "", ""),
        }
    };
    if !inner.is_empty()
        && inner.len() <= 5
        && inner.chars().all(|c| c.is_ascii_alphanumeric())
        && after.starts_with(char::is_whitespace)
    {
        let lower = inner.to_ascii_lowercase();
        let single = lower.len() == 1;
        // "(i)" is a letter after "(h)", else a roman numeral; "(iv)" is roman.
        let follows_h = single
            && previous_letter.is_some_and(|p| (p as u8).wrapping_add(1) == lower.as_bytes()[0]);
        let level = if inner.chars().all(|c| c.is_ascii_digit()) {
            2
        } else if is_roman(&lower) && !follows_h && (lower.len() > 1 || lower == "i") {
            3
        } else if single {
            2
        } else {
            0
        };
        if level > 0 {
            return Kind::Point {
                level,
                number: Some(written.to_owned()),
                key: format!("pt-{lower}"),
                rest: after.trim().to_owned(),
            };
        }
    }
    // Every bullet starts with one of these bytes ("\u{2013}", "\u{2014}" and "\u{2022}" with
    // 0xE2): other lines skip the loop.
    if !matches!(t.as_bytes()[0], b'-' | b'*' | 0xE2) {
        return Kind::Text;
    }
    for bullet in ['-', '\u{2013}', '\u{2014}', '\u{2022}', '*'] {
        if let Some(rest) = t.strip_prefix(bullet) {
            if rest.starts_with(char::is_whitespace) {
                return Kind::Point {
                    level: 4,
                    number: None,
                    key: "b".to_owned(),
                    rest: rest.trim().to_owned(),
                };
            }
        }
    }
    Kind::Text
}

fn page_number(t: &str) -> bool {
    // "Page 123 of 456" is the longest form.
    if t.len() > 20 {
        return false;
    }
    let lower = t.to_lowercase();
    let core = lower.trim_matches(|c: char| c == '-' || c == '\u{2013}' || c.is_whitespace());
    let is_num = |s: &str| !s.is_empty() && s.len() <= 5 && s.chars().all(|c| c.is_ascii_digit());
    if is_num(core) {
        return true;
    }
    if let Some(rest) = core.strip_prefix("page") {
        let parts: Vec<&str> = rest.split_whitespace().collect();
        return match parts.as_slice() {
            [n] => is_num(n),
            [n, "of", m] => is_num(n) && is_num(m),
            _ => false,
        };
    }
    false
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

/// Joins a wrapped line to the text before it, undoing a hyphenation.
fn join(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if text.is_empty() {
        text.push_str(line);
    } else if text.ends_with('-')
        && text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && line.starts_with(char::is_lowercase)
    {
        text.pop();
        text.push_str(line);
    } else {
        text.push(' ');
        text.push_str(line);
    }
}

/// A clause being built.
#[derive(Debug, Default)]
struct Node {
    line: usize,
    rank: u8,
    level: u8,
    number: Option<String>,
    key: String,
    heading: Option<String>,
    text: String,
    /// Paragraphs without a number, and points, in order.
    children: Vec<Node>,
    /// Whether this node is a plain paragraph (no number, no heading).
    paragraph: bool,
    /// The commitments inferred from `text`, once it is complete.
    commitments: Option<Vec<Commitment>>,
}

/// Where text lines go: the node being written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Writing {
    Nothing,
    Preamble,
    /// The last node on the stack (its own text or its last paragraph).
    Node,
}

/// Imports a treaty text: see the [module docs](super) for what is recognised.
pub fn text(input: &str, options: &ImportOptions) -> Result<(Proposal, ImportReport), ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut report = ImportReport::default();
    // Most texts are ASCII without tabs: two fast passes over the whole text say so, and
    // spare every line the search for the tab and the non-breaking spaces (U+00A0, U+202F,
    // U+2007), which looks at each character.
    let plain = input.is_ascii() && !input.as_bytes().contains(&b'\t');
    let lines: Vec<std::borrow::Cow<'_, str>> = input
        .split('\n')
        .map(|l| {
            let l = l.trim_end_matches('\r');
            if !plain && l.contains(['\t', '\u{a0}', '\u{202f}', '\u{2007}']) {
                std::borrow::Cow::Owned(l.replace(['\t', '\u{a0}', '\u{202f}', '\u{2007}'], " "))
            } else {
                std::borrow::Cow::Borrowed(l)
            }
        })
        .collect();

    // Running headers and footers: lines of two words and twelve characters or more, but short,
    // seen three times or more. (A lone "The" that starts three paragraphs is text.)
    // Lines are counted by a 64-bit hash of their text: a wrapped page has a hundred thousand
    // lines, and keys of eight bytes keep the count cheap (a collision could only set aside a
    // line also repeated three times, and it would be reported).
    let hash = |t: &str| {
        let mut h = Fx::default();
        std::hash::Hasher::write(&mut h, t.as_bytes());
        std::hash::Hasher::finish(&h)
    };
    let could_repeat = |t: &str| {
        (12..=320).contains(&t.len())
            && (t.len() <= 80 || t.chars().count() <= 80)
            && t.as_bytes().contains(&b' ')
    };
    // Each line's hash, once; 0 for lines that cannot be furniture.
    let hashes: Vec<u64> = lines
        .iter()
        .map(|l| l.trim())
        .map(|t| if could_repeat(t) { hash(t) | 1 } else { 0 })
        .collect();
    let mut seen: FxMap<u64, u32> =
        FxMap::with_capacity_and_hasher(lines.len(), Default::default());
    for &h in hashes.iter().filter(|h| **h != 0) {
        *seen.entry(h).or_default() += 1;
    }
    let mut furniture = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        let reason = if page_number(t) {
            Some("a page number")
        } else if hashes[i] != 0
            && seen.get(&hashes[i]).is_some_and(|&n| n >= 3)
            && t.chars().count() >= 12
            && t.split_whitespace().count() >= 2
            && matches!(classify(t, None), Kind::Text)
        {
            Some("repeated three times or more: a running header or footer")
        } else {
            None
        };
        if let Some(reason) = reason {
            furniture[i] = true;
            report.set_aside.push(SetAside {
                line: i + 1,
                text: t.to_owned(),
                reason: reason.to_owned(),
            });
        }
    }

    // The scan: a stack of open nodes (headings, then points), the preamble's paragraphs.
    let mut root = Node {
        rank: 0,
        ..Node::default()
    };
    let mut stack: Vec<Node> = Vec::new();
    let mut preamble: Vec<(usize, String)> = Vec::new();
    let mut writing = Writing::Nothing;
    let mut structured = false;
    let mut previous_letter: Option<char> = None;
    let mut pending_title: Option<usize> = None;

    // Closes open nodes down to (but not including) those that `keep` accepts.
    // A closed node's text and its paragraphs' texts are complete: their commitments are
    // inferred now, while the texts are still in cache, rather than in a second pass over a
    // large import.
    let names = Names::new(options);
    let close = |stack: &mut Vec<Node>,
                 root: &mut Node,
                 report: &mut ImportReport,
                 keep: &dyn Fn(&Node) -> bool| {
        while let Some(top) = stack.last() {
            if keep(top) {
                break;
            }
            let mut node = stack.pop().expect("a top");
            lead(&mut node);
            if node.commitments.is_none() {
                node.commitments = Some(names.commitments(&node.text, node.line, report));
            }
            for child in node.children.iter_mut().filter(|c| c.paragraph) {
                if child.commitments.is_none() {
                    child.commitments = Some(names.commitments(&child.text, child.line, report));
                }
            }
            stack.last_mut().unwrap_or(&mut *root).children.push(node);
        }
    };

    // Top-level clauses are built as soon as a later sibling shows that they are complete,
    // so that building reads nodes still in cache.
    let mut ids: IdSet =
        HashSet::with_capacity_and_hasher(lines.len(), BuildHasherDefault::default());
    let mut counters = Counters::default();
    let mut clauses: Vec<Clause> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if root.children.len() > 1 {
            let complete = root.children.len() - 1;
            for node in root.children.drain(..complete) {
                build_top(
                    node,
                    &mut clauses,
                    &mut ids,
                    &mut counters,
                    &names,
                    &mut report,
                );
            }
        }
        let line_no = i + 1;
        if furniture[i] {
            i += 1;
            continue;
        }
        let kind = classify(&lines[i], previous_letter);
        match kind {
            Kind::Blank => {
                writing = Writing::Nothing;
            }
            Kind::Heading {
                rank,
                number,
                key,
                title,
            } => {
                structured = true;
                previous_letter = None;
                close(&mut stack, &mut root, &mut report, &|n| {
                    n.level == 0 && n.rank < rank && n.rank > 0
                });
                if stack.len() >= MAX_CLAUSE_DEPTH - 1 {
                    report.guessed.push(Note {
                        line: line_no,
                        what: "heading nested too deep: kept as text".to_owned(),
                    });
                    i += 1;
                    continue;
                }
                pending_title = (title.is_none()).then_some(line_no);
                stack.push(Node {
                    line: line_no,
                    rank,
                    level: 0,
                    number,
                    key,
                    heading: title,
                    ..Node::default()
                });
                // The paragraph after a heading is its first child (its own text, if alone).
                writing = Writing::Nothing;
            }
            Kind::Point {
                level,
                number,
                key,
                rest,
            } => {
                structured = true;
                pending_title = None;
                if level == 2 {
                    previous_letter = number
                        .as_deref()
                        .and_then(|n| n.trim_matches(['(', ')']).chars().next())
                        .map(|c| c.to_ascii_lowercase());
                }
                close(&mut stack, &mut root, &mut report, &|n| {
                    n.level == 0 || n.level < level
                });
                if stack.len() >= MAX_CLAUSE_DEPTH - 1 {
                    report.guessed.push(Note {
                        line: line_no,
                        what: "point nested too deep: joined to its parent".to_owned(),
                    });
                    if let Some(top) = stack.last_mut() {
                        join(&mut top.text, lines[i].trim());
                    }
                    i += 1;
                    continue;
                }

                stack.push(Node {
                    line: line_no,
                    rank: 0,
                    level,
                    number,
                    key,
                    text: rest,
                    ..Node::default()
                });
                writing = Writing::Node;
            }
            Kind::Text => {
                let t = lines[i].trim();
                if !structured {
                    if writing == Writing::Preamble {
                        let last = preamble.last_mut().expect("writing the preamble");
                        join(&mut last.1, t);
                    } else {
                        preamble.push((line_no, t.to_owned()));
                        writing = Writing::Preamble;
                    }
                } else if writing == Writing::Node {
                    let top = stack.last_mut().unwrap_or(&mut root);
                    match top.children.last_mut().filter(|c| c.paragraph) {
                        Some(p) => join(&mut p.text, t),
                        None => join(&mut top.text, t),
                    }
                } else {
                    // A new paragraph: a title after a title-less heading, or a paragraph of
                    // the innermost heading (open points close).
                    let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
                    if pending_title.is_some()
                        && next_blank
                        && t.chars().count() <= 60
                        && t.starts_with(char::is_uppercase)
                        && !t.ends_with(['.', ';', ':', ','])
                        && deontic::markers(t).is_empty()
                    {
                        if let Some(top) = stack.last_mut() {
                            top.heading = Some(t.to_owned());
                            report.guessed.push(Note {
                                line: line_no,
                                what: format!("title \"{t}\" of the heading above"),
                            });
                        }
                        pending_title = None;
                        i += 1;
                        continue;
                    }
                    pending_title = None;
                    close(&mut stack, &mut root, &mut report, &|n| n.level == 0);
                    let top = stack.last_mut().unwrap_or(&mut root);
                    top.children.push(Node {
                        line: line_no,
                        paragraph: true,
                        text: t.to_owned(),
                        ..Node::default()
                    });
                    writing = Writing::Node;
                }
            }
        }
        i += 1;
    }
    close(&mut stack, &mut root, &mut report, &|_| false);

    // The preamble: a short first paragraph is the title; the rest are recitals.
    let mut title = options.title.clone();
    if !structured {
        // No structure at all: one clause holds the whole text.
        let text = preamble
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        if text.trim().is_empty() {
            // Only page furniture.
            return Err(ImportError::Empty);
        }
        root.children = vec![Node {
            line: 1,
            paragraph: true,
            text,
            ..Node::default()
        }];
        preamble.clear();
        report.guessed.push(Note {
            line: 1,
            what: "no headings or numbers: the whole text is one clause".to_owned(),
        });
    }
    if title.is_none() {
        if let Some((line, first)) = preamble.first() {
            if first.chars().count() <= 150
                && deontic::markers(first).is_empty()
                && !first.ends_with(',')
            {
                report.recognised.push(Note {
                    line: *line,
                    what: "title".to_owned(),
                });
                title = Some(first.clone());
                preamble.remove(0);
            }
        }
    }
    let mut recitals = Vec::new();
    for (line, paragraph) in &preamble {
        let parts = split_recitals(paragraph);
        if parts.len() > 1 {
            report.guessed.push(Note {
                line: *line,
                what: format!("preamble split into {} recitals", parts.len()),
            });
        } else {
            report.recognised.push(Note {
                line: *line,
                what: "recital".to_owned(),
            });
        }
        recitals.extend(parts.into_iter().map(Recital::new));
    }

    let mut p = Proposal::new(
        options.id.clone(),
        title.unwrap_or_else(|| "Untitled draft".to_owned()),
        options.proposer.clone(),
    );
    p.parties = options.bound();
    p.preamble = recitals;
    p.language = options.language.clone();
    p.provenance = Provenance::new(Completeness::Full)
        .with_source(Source::new("imported from text by pactum"));
    for node in root.children {
        build_top(
            node,
            &mut clauses,
            &mut ids,
            &mut counters,
            &names,
            &mut report,
        );
    }
    p.clauses = clauses;
    report.recognised.sort_by_key(|n| n.line);
    report.guessed.sort_by_key(|n| n.line);
    Ok((p, report))
}

/// Recital openers: the words that start a recital after a comma.
const OPENERS: [&str; 16] = [
    "determined",
    "guided",
    "convinced",
    "mindful",
    "aware",
    "desirous",
    "resolved",
    "concerned",
    "have",
    "has",
    "hereby",
    "agree",
    "affirming",
    "bearing",
    "recalling",
    "noting",
];
/// Words ending in "-ing" that do not open a recital.
const NOT_OPENERS: [&str; 14] = [
    "including",
    "concerning",
    "regarding",
    "during",
    "according",
    "following",
    "notwithstanding",
    "pending",
    "excluding",
    "being",
    "nothing",
    "anything",
    "something",
    "bring",
];

/// Splits a preamble paragraph at the commas before a recital's opening word.
fn split_recitals(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    let mut i = 0;
    while let Some(pos) = paragraph[i..].find(", ") {
        let at = i + pos;
        let after = &paragraph[at + 2..];
        let word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let opens =
            (word.ends_with("ing") && word.len() > 5 && !NOT_OPENERS.contains(&word.as_str()))
                || OPENERS.contains(&word.as_str());
        if opens && after.starts_with(char::is_lowercase) {
            out.push(paragraph[start..at].trim().to_owned());
            start = at + 2;
        }
        i = at + 2;
        if i >= bytes.len() {
            break;
        }
    }
    out.push(paragraph[start..].trim().to_owned());
    out.retain(|s| !s.is_empty());
    out
}

/// The clause ids given so far.
type IdSet = HashSet<ClauseId, BuildHasherDefault<Fx>>;

/// State shared by the clauses being built: the serial of fallback ids, and a buffer for
/// candidate ids, reused so that making an id allocates only the id.
#[derive(Default)]
struct Counters {
    serial: usize,
    scratch: String,
}

/// A unique id from the candidate in `candidate` (which it may change).
fn unique(ids: &mut IdSet, candidate: &mut String, counters: &mut Counters) -> ClauseId {
    // Keys are slugs, so a candidate can only fail the id syntax by being empty, too long, or
    // starting with a separator.
    let valid = |c: &str| {
        !c.is_empty()
            && c.len() <= crate::id::MAX_ID_LEN
            && c.starts_with(|ch: char| ch.is_ascii_alphanumeric())
    };
    let base_len = candidate.len();
    let mut n = 1;
    loop {
        // One probe of the set per clause: the id is made, then inserted if new.
        if valid(candidate) {
            if let Ok(id) = ClauseId::new(&*candidate) {
                if ids.insert(id.clone()) {
                    return id;
                }
            }
        }
        n += 1;
        candidate.truncate(base_len);
        let _ = write!(candidate, "-{n}");
        // Fresh serials end the loop: "c1", "c2" ... are valid and never made otherwise.
        if candidate.len() > crate::id::MAX_ID_LEN || n > 1000 {
            counters.serial += 1;
            candidate.clear();
            let _ = write!(candidate, "c{}", counters.serial);
        }
    }
}

/// Builds `node` as the next top-level clause of `clauses`.
fn build_top(
    node: Node,
    clauses: &mut Vec<Clause>,
    ids: &mut IdSet,
    counters: &mut Counters,
    names: &Names<'_>,
    report: &mut ImportReport,
) {
    let index = clauses.len();
    clauses.push(build(node, None, index, ids, counters, names, report));
}

/// One paragraph alone under a heading is its text; so is a paragraph before the points.
fn lead(node: &mut Node) {
    let children = &node.children;
    let leads = children
        .first()
        .is_some_and(|c| c.paragraph && c.children.is_empty())
        && (children.len() == 1 || children.get(1).is_some_and(|c| !c.paragraph));
    if !node.paragraph && node.text.is_empty() && leads && node.commitments.is_none() {
        let first = node.children.remove(0);
        node.text = first.text;
        node.commitments = first.commitments;
    }
}

fn build(
    mut node: Node,
    parent: Option<&ClauseId>,
    index: usize,
    ids: &mut IdSet,
    counters: &mut Counters,
    names: &Names<'_>,
    report: &mut ImportReport,
) -> Clause {
    // The id's base: the parent's id and this clause's key, built in one buffer.
    let mut base = std::mem::take(&mut counters.scratch);
    base.clear();
    if let (Some(p), 0) = (parent, node.rank) {
        base.push_str(p.as_str());
        base.push('.');
    }
    if node.paragraph || node.key.is_empty() || node.key == "b" {
        base.push_str(if node.key == "b" { "b-" } else { "p-" });
        // Writing to a String cannot fail.
        let _ = write!(base, "{}", index + 1);
    } else {
        base.push_str(&node.key);
    }
    let id = unique(ids, &mut base, counters);
    counters.scratch = base;
    // Closed nodes had this done on closing; top-level paragraphs never close.
    lead(&mut node);
    let mut clause = Clause::new(id.clone(), node.text);
    clause.number = node.number;
    clause.heading = node.heading;
    clause.commitments = match node.commitments {
        Some(commitments) => commitments,
        None => names.commitments(&clause.text, node.line, report),
    };
    let children = node.children;
    clause.reserve_children(children.len());
    for (k, child) in children.into_iter().enumerate() {
        let c = build(child, Some(&id), k, ids, counters, names, report);
        if let Err(e) = clause.push_child(c) {
            // Scanning keeps nesting within the bound; should a text still go deeper, its
            // clause stays, joined to its parent's text, and the report says so.
            let child = e.into_child();
            report.guessed.push(Note {
                line: node.line,
                what: format!(
                    "clause {} nested too deep: its text joined to {}",
                    child.id, clause.id
                ),
            });
            join(&mut clause.text, &child.text);
        }
    }
    // One note per heading (and per clause at the top): what it holds, and the commitments
    // inferred in it, rather than one per line, which would weigh as much as the text.
    if node.rank > 0 || parent.is_none() {
        // The clauses below and the commitments in all, in one walk.
        let (all, commitments) = clause.walk().fold((0usize, 0usize), |(n, k), c| {
            (n + 1, k + c.commitments.len())
        });
        let below = all - 1;
        let mut what = match (&clause.number, &clause.heading) {
            (Some(n), _) => format!("heading {n}"),
            (None, Some(h)) if !node.paragraph => format!("heading {h}"),
            _ => "paragraph".to_owned(),
        };
        if below > 0 {
            let plural = if below == 1 { "" } else { "s" };
            let _ = write!(what, ", holding {below} clause{plural}");
        }
        report.recognised.push(Note {
            line: node.line,
            what,
        });
        if commitments > 0 {
            let what = format!(
                "{commitments} commitment{} inferred from deontic markers",
                if commitments == 1 { "" } else { "s" }
            );
            report.guessed.push(Note {
                line: node.line,
                what,
            });
        }
    }
    clause
}

/// Party names and aliases, to resolve the obligors a sentence names.
struct Names<'a> {
    /// The bound parties, for "The Parties".
    bound: Vec<PartyRef>,
    /// (lower-case name, party), longest first.
    names: Vec<(String, &'a Party)>,
    /// The markers of the text being read, kept between texts to reuse the buffer.
    markers: std::cell::Cell<Vec<deontic::Marker>>,
}

impl<'a> Names<'a> {
    fn new(options: &'a ImportOptions) -> Self {
        let mut names: Vec<(String, &Party)> = options
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
        }
    }

    /// Who a sentence's subject names: groups ("the member States of X", maybe "as of" a
    /// date), parties by name or alias, or the bound parties ("The Parties", "Each Party",
    /// "They").
    fn obligors(&self, subject: &str) -> Vec<PartyRef> {
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
            if plural {
                out = self.bound.clone();
            }
        }
        out
    }

    /// Commitments from the deontic markers of a text, with the obligors named before each.
    fn commitments(&self, text: &str, line: usize, report: &mut ImportReport) -> Vec<Commitment> {
        let mut markers = self.markers.take();
        markers.clear();
        deontic::markers_into(text, &mut markers);
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
                    let between = &text[*action_start..m.range.start];
                    let cut = [" and ", " or ", ", "]
                        .iter()
                        .filter_map(|c| between.rfind(c).map(|p| (p, c.len())))
                        .max();
                    let own = cut.map(|(p, len)| (p, self.obligors(&between[p + len..])));
                    match own {
                        Some((p, o)) if !o.is_empty() => {
                            // The previous action ends where this subject begins.
                            if let Some(prev) = out.last_mut() {
                                let trimmed = text[*action_start..*action_start + p]
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
            ("état français et l'otan", "otan"),
            ("état français", "français"),
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
    fn headings() {
        let h = keyword_heading;
        assert_eq!(
            h("Article 1"),
            Some((4, "Article 1".into(), "art-1".into(), None))
        );
        assert_eq!(
            h("ARTICLE 4.2"),
            Some((4, "ARTICLE 4.2".into(), "art-4-2".into(), None))
        );
        assert_eq!(
            h("Art. 5"),
            Some((4, "Art. 5".into(), "art-5".into(), None))
        );
        assert_eq!(
            h("Section 3: Scope"),
            Some((3, "Section 3".into(), "sec-3".into(), Some("Scope".into())))
        );
        assert_eq!(
            h("Chapter II"),
            Some((2, "Chapter II".into(), "ch-ii".into(), None))
        );
        assert_eq!(
            h("Part One"),
            Some((1, "Part One".into(), "part-one".into(), None))
        );
        assert_eq!(
            h("Annex 2 \u{2014} Maps"),
            Some((1, "Annex 2".into(), "annex-2".into(), Some("Maps".into())))
        );
        assert_eq!(
            h("Article 4. Deployment"),
            Some((
                4,
                "Article 4".into(),
                "art-4".into(),
                Some("Deployment".into())
            ))
        );
        assert_eq!(h("Article 5 of the Treaty shall apply."), None);
        assert_eq!(h("article 5"), None);
        assert_eq!(h("Articles of faith"), None);
        assert_eq!(h("Participants"), None);
    }

    #[test]
    fn points() {
        let k = |s: &str| classify(s, None);
        assert!(matches!(k("1. The Parties"), Kind::Point { level: 1, .. }));
        assert!(matches!(k("2) The Parties"), Kind::Point { level: 1, .. }));
        assert!(matches!(k("4.1 The Parties"), Kind::Point { level: 1, .. }));
        assert!(matches!(k("4 The Parties"), Kind::Text));
        assert!(matches!(
            k("4.1. The Parties"),
            Kind::Point { level: 1, .. }
        ));
        assert!(matches!(
            k("(a) at the request"),
            Kind::Point { level: 2, .. }
        ));
        assert!(matches!(
            k("(iv) at the request"),
            Kind::Point { level: 3, .. }
        ));
        assert!(matches!(k("(i) first"), Kind::Point { level: 3, .. }));
        assert!(matches!(
            classify("(i) ninth", Some('h')),
            Kind::Point { level: 2, .. }
        ));
        assert!(matches!(
            k("\u{2022} a bullet"),
            Kind::Point { level: 4, .. }
        ));
        assert!(matches!(k("1997 was a year"), Kind::Text));
        assert!(matches!(k("(NATO) is"), Kind::Text));
    }

    #[test]
    fn recitals_split_at_their_opening_words() {
        let parts = split_recitals(
            "The Parties, reaffirming their aspiration, noting that X, including Y, determined to act, have agreed as follows:",
        );
        assert_eq!(
            parts,
            [
                "The Parties",
                "reaffirming their aspiration",
                "noting that X, including Y",
                "determined to act",
                "have agreed as follows:"
            ]
        );
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
    fn page_furniture() {
        for t in ["12", "- 4 -", "Page 3", "page 3 of 9"] {
            assert!(page_number(t), "{t}");
        }
        for t in ["Article 1", "12 States", "Page one"] {
            assert!(!page_number(t), "{t}");
        }
    }
}
