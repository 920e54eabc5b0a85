//! The importer behind [`text`]: lines, their classification, the outline's evidence, the
//! nodes built on a stack, the preamble, ids and obligors, each in its module.

mod brackets;
mod build;
mod classify;
mod language;
mod lines;
mod obligors;
mod outline;
mod preamble;

use std::fmt;

use crate::deontic;
use crate::id::{PartyId, ProposalId};
use crate::{
    ClauseKind, Completeness, MAX_CLAUSE_DEPTH, Party, PartyRef, Proposal, Provenance, Source,
};

pub use brackets::BracketMode;
pub use language::LANGUAGES;

use build::{Ids, Node};
use classify::{Kind, Level, classify};

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
    /// The language of the text, as a BCP 47 tag; `None` (the default) detects it from the
    /// text among [`LANGUAGES`] and says so in the [`ImportReport`].
    pub language: Option<String>,
    /// How square brackets read: as a negotiating text's ([`crate::brackets`]: the clauses
    /// that hold them are [bracketed](crate::Clause::bracketed)) or literally. The default,
    /// [`BracketMode::Auto`], decides by the evidence and says so in the [`ImportReport`].
    pub brackets: BracketMode,
}

impl ImportOptions {
    /// Options with no parties, no title, and the language detected from the text.
    pub fn new(id: ProposalId, proposer: PartyId) -> Self {
        ImportOptions {
            id,
            proposer,
            parties: Vec::new(),
            bound: Vec::new(),
            title: None,
            language: None,
            brackets: BracketMode::Auto,
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
    /// A text with no treaty structure that reads as something else: configuration, code,
    /// markup or binary data.
    #[error("not a treaty text: {reason}")]
    NotATreaty {
        /// What it looks like instead, with the count that shows it.
        reason: String,
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
    /// Lines that looked like structure but stay text where they stand: cross-references that
    /// start a line, numbering deeper than six levels, headings nested too deep.
    pub kept_as_text: Vec<SetAside>,
}

impl fmt::Display for ImportReport {
    /// One line per note, in the order recognised, guessed, set aside, kept as text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for note in &self.recognised {
            writeln!(f, "line {:>5}  recognised    {}", note.line, note.what)?;
        }
        for note in &self.guessed {
            writeln!(f, "line {:>5}  guessed       {}", note.line, note.what)?;
        }
        // A line is quoted in at most `MAX_QUOTED` bytes: the report keeps it whole.
        for s in &self.set_aside {
            writeln!(
                f,
                "line {:>5}  set aside     {:?}: {}",
                s.line,
                quoted(&s.text),
                s.reason
            )?;
        }
        for s in &self.kept_as_text {
            writeln!(
                f,
                "line {:>5}  kept as text  {:?}: {}",
                s.line,
                quoted(&s.text),
                s.reason
            )?;
        }
        Ok(())
    }
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

/// `s` as a note or a message quotes it: at most [`MAX_QUOTED`](crate::quote::MAX_QUOTED)
/// bytes, with a marker where it was cut, so that a hostile line never makes a report line as
/// long as itself.
pub(crate) fn quoted(s: &str) -> String {
    crate::quote::cut(s, crate::quote::MAX_QUOTED)
}

/// A line left out, or kept as text though it looked like structure. Its text is kept whole
/// (a line set aside is in the report only); the report's `Display` quotes it cut.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SetAside {
    /// The line, from 1.
    pub line: usize,
    /// Its text.
    pub text: String,
    /// Why.
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

/// Joins a wrapped line, or a paragraph of the same text, to the text before it, undoing a
/// hyphenation.
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

/// A line that can be a heading's title: short, capitalised, not ending as a sentence or a
/// list's lead-in does (but for a full stop after a few words in title case, "Reservations
/// And Declarations."), and binding nobody.
fn title_like(t: &str) -> bool {
    // Cheapest first: most lines do not end with a full stop, and a long one is no title.
    let few_words = || {
        let mut words = t.split_whitespace();
        words.nth(1).is_some() && words.nth(10).is_none()
    };
    let full_stop = t.ends_with('.') && !(few_words() && title_cased(t));
    t.len() <= 600
        && t.chars().count() <= 150
        && t.starts_with(char::is_uppercase)
        && !full_stop
        && !t.ends_with([';', ':', ','])
        && deontic::markers(t).is_empty()
}

/// Words that stay lower-case inside a title written in title case.
const SMALL_WORDS: [&str; 18] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "under", "between",
];

/// A line in title case ("Relation to Other Agreements"): every word but the small ones
/// starts with a capital.
fn title_cased(t: &str) -> bool {
    t.split_whitespace().enumerate().all(|(k, w)| {
        let first = w.chars().find(|c| c.is_alphanumeric());
        match first {
            Some(c) if c.is_alphabetic() => {
                c.is_uppercase()
                    || (k > 0
                        && SMALL_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
            }
            _ => true,
        }
    })
}

/// Whether a title stops where no title ends: on a comma or a small word ("and", "of").
fn dangling(title: &str) -> bool {
    title.ends_with(',')
        || title
            .rsplit(' ')
            .next()
            .is_some_and(|w| SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether `t`, on the line after a heading's title, finishes that title: short, not a
/// sentence, and either following a title that stops on a small word or a comma ("...
/// Barriers to" / "Trade"), or `wrapped`: after a full line, with a break after it.
fn title_goes_on(title: &str, t: &str, wrapped: bool) -> bool {
    title.len() + t.len() <= 300
        && (wrapped || dangling(title))
        && t.chars().count() <= 150
        && !t.ends_with(['.', ';', ':', ','])
        && deontic::markers(t).is_empty()
}

/// Why a text is something other than a treaty, if it is: most of its lines are keys with
/// values, section headers, braces or tags (configuration, code, markup), or many hold control
/// characters (binary data). Brackets alone do not count: negotiating texts bracket whole
/// sentences.
fn not_a_treaty(lines: &[std::borrow::Cow<'_, str>]) -> Option<String> {
    let mut total = 0usize;
    let mut machine = 0usize;
    let mut control = 0usize;
    let identifier = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-.\"".contains(&b))
    };
    for t in lines.iter().filter(|t| !t.is_empty()) {
        total += 1;
        let key_value = t
            .split_once('=')
            .is_some_and(|(key, _)| identifier(key.trim_end()));
        let section = t
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .is_some_and(|inner| identifier(inner.trim_matches('[')));
        let brace = matches!(t.as_bytes()[0], b'{' | b'}');
        let tag = t
            .strip_prefix('<')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)));
        let comment = t.starts_with("# ") && t.len() > 2 && t[2..].contains(['=', '{', '(']);
        if key_value || section || brace || tag || comment {
            machine += 1;
        }
        let c0 = |b: u8| (b < 0x20 && b != 0) || b == 0x7f;
        if t.bytes().any(c0) || (!t.is_ascii() && t.chars().any(|c| c.is_control())) {
            control += 1;
        }
    }
    if control * 10 > total {
        Some(format!(
            "{control} of its {total} lines hold control characters: binary data"
        ))
    } else if machine * 2 > total {
        Some(format!(
            "{machine} of its {total} lines are keys with values, section headers, braces or tags: configuration, code or markup"
        ))
    } else {
        None
    }
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
    let language = match &options.language {
        Some(tag) => tag.clone(),
        None => {
            let (tag, what) = match language::detect(input) {
                Some((tag, sure)) => (
                    tag,
                    format!("language {tag}, detected from the text (confidence {sure:.2})"),
                ),
                None => (
                    "en",
                    "language en: no words to detect a language from".to_owned(),
                ),
            };
            report.guessed.push(Note { line: 1, what });
            tag.to_owned()
        }
    };
    let lines = lines::split(input);
    let mut brackets = build::Brackets {
        on: brackets::decide(
            options.brackets,
            &brackets::Evidence::of(&lines.text),
            &mut report,
        ),
        literal: 0,
    };

    // Each line read alone, then page furniture, then the evidence for each candidate heading.
    let mut kinds: Vec<Kind> = Vec::with_capacity(lines.text.len());
    let mut previous_letter: Option<char> = None;
    for t in &lines.text {
        let kind = classify(t, previous_letter);
        match &kind {
            Kind::Point(p) if p.level == 2 => {
                previous_letter = t[..p.number_len]
                    .trim_matches(['(', ')'])
                    .chars()
                    .next()
                    .map(|c| c.to_ascii_lowercase());
            }
            Kind::Heading(_) => previous_letter = None,
            _ => {}
        }
        kinds.push(kind);
    }
    let furniture = lines::furniture(&lines, &kinds);
    for (i, reason) in furniture.iter().enumerate() {
        if let Some(reason) = reason {
            report.set_aside.push(SetAside {
                line: i + 1,
                text: lines.text[i].to_string(),
                reason: (*reason).to_owned(),
            });
        }
    }
    let mut refusals = Vec::new();
    outline::decide(&lines.text, &mut kinds, &furniture, &mut refusals);
    // A text with a treaty's headings is a treaty; only one without them is looked at again.
    let treaty_headings = kinds
        .iter()
        .any(|k| matches!(k, Kind::Heading(c) if !c.markdown || c.parsed.is_some()));
    if !treaty_headings {
        if let Some(reason) = not_a_treaty(&lines.text) {
            return Err(ImportError::NotATreaty { reason });
        }
    }
    let mut refusals = refusals.into_iter().peekable();
    for (i, kind) in kinds.iter().enumerate() {
        if let Kind::NotHeading(why) = kind {
            let reason = match refusals.next_if(|(at, _)| *at == i) {
                Some((_, reasons)) => format!("not a heading: {reasons}"),
                None => format!("not a heading: {why}"),
            };
            if furniture[i].is_none() {
                report.kept_as_text.push(SetAside {
                    line: i + 1,
                    text: lines.text[i].to_string(),
                    reason,
                });
            }
        }
    }

    // The width the text is wrapped at, if it is: nine lines in ten are no longer.
    let width = {
        let mut lengths: Vec<usize> = lines
            .text
            .iter()
            .map(|l| l.len())
            .filter(|&n| n > 0)
            .collect();
        let at = (lengths.len() * 9 / 10).min(lengths.len().saturating_sub(1));
        if lengths.is_empty() {
            usize::MAX
        } else {
            *lengths.select_nth_unstable(at).1
        }
    };

    // The scan: a stack of open nodes (headings, then points), the preamble's paragraphs.
    let mut root = Node::default();
    let mut stack: Vec<Node> = Vec::new();
    let mut preamble: Vec<(usize, String)> = Vec::new();
    let mut writing = Writing::Nothing;
    let mut structured = false;
    let mut title = options.title.clone();
    // The line just after a heading or its title, which may hold the title or its end.
    let mut title_line: Option<usize> = None;

    // Closes open nodes down to (but not including) those that `keep` accepts.
    // A closed node's text and its paragraphs' texts are complete: their commitments are
    // inferred now, while the texts are still in cache, rather than in a second pass over a
    // large import.
    let names = obligors::Names::new(options, &language);
    let close = |stack: &mut Vec<Node>,
                 root: &mut Node,
                 report: &mut ImportReport,
                 keep: &dyn Fn(&Node) -> bool| {
        while let Some(top) = stack.last() {
            if keep(top) {
                break;
            }
            let mut node = stack.pop().expect("a top");
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
    let mut ids = Ids::with_capacity(lines.text.len() / 2);
    let mut clauses: Vec<crate::Clause> = Vec::new();
    for i in 0..kinds.len() {
        // Each kind is taken as its line is read; the next line's stays to be looked at.
        let kind = std::mem::replace(&mut kinds[i], Kind::Blank);
        if root.children.len() > 1 {
            let complete = root.children.len() - 1;
            for node in root.children.drain(..complete) {
                build::top(
                    node,
                    &mut clauses,
                    &mut ids,
                    &names,
                    &mut brackets,
                    &mut report,
                );
            }
        }
        let line_no = i + 1;
        if furniture[i].is_some() {
            continue;
        }
        let t: &str = &lines.text[i];
        match kind {
            Kind::Blank => {
                writing = Writing::Nothing;
            }
            Kind::Heading(c) => {
                // A Markdown title before any structure is the proposal's title.
                if c.level == Level::Markdown(1) && !structured && title.is_none() {
                    title = c.title;
                    report.recognised.push(Note {
                        line: line_no,
                        what: "title".to_owned(),
                    });
                    continue;
                }
                let rank = c.level.rank();
                close(&mut stack, &mut root, &mut report, &|n| {
                    n.level == 0 && n.rank < rank && n.rank > 0
                });
                if stack.len() >= MAX_CLAUSE_DEPTH - 1 {
                    keep_as_text(
                        &mut report,
                        &mut stack,
                        &mut root,
                        line_no,
                        t,
                        "heading nested too deep",
                    );
                    continue;
                }
                structured = true;
                title_line = Some(i + 1);
                stack.push(Node {
                    line: line_no,
                    rank,
                    kind: Some(c.level.kind()),
                    number: c.number,
                    key: c.key,
                    heading: c.title,
                    ..Node::default()
                });
                // The paragraphs after a heading are its text, until its first point.
                writing = Writing::Nothing;
            }
            Kind::Point(p) => {
                structured = true;
                title_line = None;
                let level = p.level;
                close(&mut stack, &mut root, &mut report, &|n| {
                    n.level == 0 || n.level < level
                });
                if stack.len() >= MAX_CLAUSE_DEPTH - 1 {
                    keep_as_text(
                        &mut report,
                        &mut stack,
                        &mut root,
                        line_no,
                        t,
                        "point nested too deep",
                    );
                    writing = Writing::Node;
                    continue;
                }
                stack.push(Node {
                    line: line_no,
                    level,
                    kind: Some(p.kind()),
                    number: (p.number_len > 0).then(|| t[..p.number_len].to_owned()),
                    key: p.key(t),
                    text: t[p.rest_at..].to_owned(),
                    ..Node::default()
                });
                writing = Writing::Node;
            }
            Kind::Text | Kind::NotHeading(_) => {
                if !structured {
                    // Recitals often stand one to a line, each closed by a semicolon or a
                    // comma: a line after such an end starts a recital of its own.
                    let recital_ends = |p: &str| {
                        p.ends_with([';', ':'])
                            || (p.ends_with(',') && t.starts_with(char::is_uppercase))
                    };
                    if writing == Writing::Preamble
                        && !preamble.last().is_some_and(|(_, p)| recital_ends(p))
                    {
                        let last = preamble.last_mut().expect("writing the preamble");
                        join(&mut last.1, t);
                    } else {
                        preamble.push((line_no, t.to_owned()));
                        writing = Writing::Preamble;
                    }
                    continue;
                }
                if writing == Writing::Node {
                    let top = stack.last_mut().unwrap_or(&mut root);
                    match top.children.last_mut().filter(|c| c.paragraph) {
                        Some(p) => join(&mut p.text, t),
                        None => join(&mut top.text, t),
                    }
                    continue;
                }
                // The line right after a heading may hold its title, or the rest of a title
                // that did not fit on one line.
                if title_line == Some(i) {
                    let next = lines.text.get(i + 1);
                    // The next line as decided: a blank line, a heading or a point breaks.
                    let next_breaks = kinds
                        .get(i + 1)
                        .is_none_or(|k| !matches!(k, Kind::Text | Kind::NotHeading(_)));
                    let next_upper = next.is_some_and(|l| {
                        l.starts_with(char::is_alphanumeric) && !l.starts_with(char::is_lowercase)
                    });
                    // A title runs on to this line only if its own line was full (the first
                    // word here would not have fitted there), or this line is in title case
                    // too and a blank line follows.
                    let first_word = t.split_whitespace().next().map_or(0, str::len);
                    let next_blank = next.is_none_or(|l| l.is_empty());
                    let full = lines.text[i - 1].len() + 1 + first_word > width;
                    if let Some(top) = stack.last_mut() {
                        let taken = match &mut top.heading {
                            Some(heading)
                                if title_goes_on(
                                    heading,
                                    t,
                                    (full && next_breaks) || (title_cased(t) && next_blank),
                                ) =>
                            {
                                join(heading, t);
                                true
                            }
                            None if title_like(t)
                                && (next_breaks
                                    || (title_cased(t)
                                        && (t.contains(' ') || !dangling(t))
                                        && next_upper)) =>
                            {
                                top.heading = Some(t.to_owned());
                                true
                            }
                            _ => false,
                        };
                        if taken {
                            report.guessed.push(Note {
                                line: line_no,
                                what: format!("title \"{}\" of the heading above", quoted(t)),
                            });
                            title_line = Some(i + 1);
                            continue;
                        }
                    }
                }
                title_line = None;
                // A new paragraph. Before the first point it goes on the heading's own text,
                // so that one article reads alike however its paragraphs are spaced; after a
                // point it is a paragraph of its own (open points close).
                close(&mut stack, &mut root, &mut report, &|n| n.level == 0);
                match stack.last_mut() {
                    Some(top) if top.children.is_empty() => join(&mut top.text, t),
                    top => {
                        let top = top.unwrap_or(&mut root);
                        top.children.push(Node {
                            line: line_no,
                            paragraph: true,
                            kind: Some(ClauseKind::Paragraph),
                            text: t.to_owned(),
                            ..Node::default()
                        });
                    }
                }
                writing = Writing::Node;
            }
        }
    }
    close(&mut stack, &mut root, &mut report, &|_| false);

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
    let (title, recitals) = preamble::read(preamble, title, &mut report);

    let mut p = Proposal::new(
        options.id.clone(),
        title.unwrap_or_else(|| "Untitled draft".to_owned()),
        options.proposer.clone(),
    );
    p.parties = options.bound();
    p.preamble = recitals;
    p.language = language;
    p.ids_from_numbering = true;
    p.provenance = Provenance::new(Completeness::Full)
        .with_source(Source::new("imported from text by pactum"));
    for node in root.children {
        build::top(
            node,
            &mut clauses,
            &mut ids,
            &names,
            &mut brackets,
            &mut report,
        );
    }
    p.clauses = clauses;
    if brackets.literal > 0 {
        report.recognised.push(Note {
            line: 1,
            what: format!(
                "{} brackets kept literal: footnote markers and editorial words (\"[9]\", \"[deleted]\")",
                brackets.literal
            ),
        });
    }
    report.recognised.sort_by_key(|n| n.line);
    report.guessed.sort_by_key(|n| n.line);
    Ok((p, report))
}

/// A line that would nest too deep: its words go on the open clause's text, and the report
/// says so.
fn keep_as_text(
    report: &mut ImportReport,
    stack: &mut [Node],
    root: &mut Node,
    line: usize,
    t: &str,
    why: &str,
) {
    join(&mut stack.last_mut().unwrap_or(root).text, t);
    report.kept_as_text.push(SetAside {
        line,
        text: t.to_owned(),
        reason: format!("{why}: joined to the clause above"),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_and_binary_are_not_treaties() {
        let toml = lines::split(
            "[package]\nname = \"pactum\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1\"\n",
        );
        assert!(not_a_treaty(&toml.text).is_some_and(|r| r.contains("configuration")));
        let prose = lines::split("Just prose.\nWith a = sign in it, once.\nAnd more prose.\n");
        assert_eq!(not_a_treaty(&prose.text), None);
        let bracketed = lines::split(
            "Article 1\n[The Parties shall consult.]\n[deleted]\n[Each Party may ask.]\n",
        );
        assert_eq!(not_a_treaty(&bracketed.text), None);
        let markup = lines::split("<html>\n<body>\n<p>Article 1</p>\n</body>\n");
        assert!(not_a_treaty(&markup.text).is_some());
        let binary = lines::split("\u{1}\u{2}\u{3}\n\u{7f}x\n");
        assert!(not_a_treaty(&binary.text).is_some_and(|r| r.contains("binary")));
    }

    #[test]
    fn titles_that_run_on() {
        assert!(title_cased("Relation to Other Agreements"));
        assert!(title_cased("Objectives"));
        assert!(!title_cased(
            "The objectives of this Agreement are to liberalise"
        ));
        assert!(title_goes_on("Barriers to", "trade", false));
        assert!(title_goes_on(
            "Obligations Relating to Suppliers of Public",
            "Telecommunications Services",
            true
        ));
        assert!(!title_goes_on(
            "General Principles",
            "National Treatment",
            false
        ));
        assert!(!title_goes_on("Scope", "The Parties shall consult", true));
    }

    #[test]
    fn titles() {
        assert!(title_like("Relation To Other Agreements"));
        assert!(!title_like("The objectives are to:"));
        assert!(!title_like("The Parties shall consult"));
        assert!(!title_like("relation to other agreements"));
        // A full stop ends a short title in title case, never a sentence.
        assert!(title_like("Reservations And Declarations."));
        assert!(!title_like(
            "This Agreement enters into force on signature."
        ));
        assert!(!title_like("Deleted."));
        assert!(title_like(
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve."
        ));
        assert!(!title_like(
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen."
        ));
    }
}
