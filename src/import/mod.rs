//! Reading drafts from plain text and Markdown, and loading a file as JSON or text.
//!
//! People hold drafts as text: a ministry's web page, a PDF turned into text, a Markdown file.
//! [`text`] turns such a text into a [`Proposal`], with an [`ImportReport`] that says what was
//! recognised, what was guessed and what was set aside, so that nothing is dropped unseen.
//!
//! ```
//! use pactum::import::{self, ImportOptions};
//! use pactum::{Modality, Party, PartyKind};
//!
//! let draft = "\
//! Agreement on Restraint
//!
//! The Parties, determined to prevent incidents, have agreed as follows:
//!
//! Article 1 - Missiles
//! The Parties shall not deploy missiles in Europe.
//!
//! Article 2
//! 1. Each Party may request consultations.
//! 2. The Parties shall meet within thirty days:
//! (a) at the request of one Party;
//! (b) at least once a year.
//! ";
//! let mut options = ImportOptions::new("draft".parse()?, "A".parse()?);
//! options.parties = vec![
//!     Party::new("A".parse()?, "State A", PartyKind::State),
//!     Party::new("B".parse()?, "State B", PartyKind::State),
//! ];
//! let (p, report) = import::text(draft, &options)?;
//! assert_eq!(p.title, "Agreement on Restraint");
//! assert_eq!(p.preamble.len(), 3);
//! assert_eq!(p.clauses[0].heading.as_deref(), Some("Missiles"));
//! assert_eq!(p.clauses[0].commitments[0].modality, Modality::Prohibition);
//! let ids: Vec<&str> = p.walk().map(|c| c.id.as_str()).collect();
//! assert_eq!(ids, ["art-1", "art-2", "art-2.p-1", "art-2.p-2", "art-2.p-2.pt-a", "art-2.p-2.pt-b"]);
//! assert!(report.set_aside.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is recognised
//!
//! - **The language**, given in [`ImportOptions::language`] or, by default, detected from the
//!   text among English, French, Spanish, Russian and Ukrainian ([`LANGUAGES`]); the report
//!   says which, and the proposal records it.
//! - **Headings**: a keyword (part, title, chapter, section, sub-section, article or "Art.",
//!   annex, appendix, protocol, schedule; in French, Spanish, Russian and Ukrainian too:
//!   `Chapitre`, `Artículo`, `Capítulo`, `Статья`, `Глава`, `Раздел`, `Стаття`, `Розділ` and
//!   the rest; any case, but capitalised), a number, and maybe a title: on the same line
//!   (`Article 4 Title`, `ARTICLE 4: Title`, `Article 4 – Title`, `Art. 4 (Title)`), or alone
//!   on the next line. Numbers are digits, dotted (`1.3`, `10.09`), letters, canonical Roman
//!   numerals (`civil` is not one), English words (`Chapter Twenty-One`), the first ten
//!   ordinals of the other languages (`Capítulo Primero`, `Chapitre premier`, `Статья
//!   первая`) and inserted numbers (`13 bis`, `4a`). An article keys alike in every language
//!   (`art-4`), so that a text and its translation share their ids. The title goes to
//!   [`Clause::heading`](crate::Clause::heading), never into the text; a title that runs on to a
//!   second line is joined when its first line was full, or ends on a small word ("... Barriers
//!   to"), or the second line is in title case with a blank line after it. Markdown headings
//!   (`#`, `##`) are headings as marked; a first `# Title` is the proposal's title. Parts hold
//!   titles hold chapters hold sections hold sub-sections hold articles; annexes and protocols
//!   stand at the top, appendices and schedules under them. Each clause records its
//!   [`ClauseKind`](crate::ClauseKind).
//! - **Evidence, not just a pattern.** A line that starts like a heading is refused by its own
//!   shape when a lower-case word or another number follows the number ("Article 5 of the
//!   Treaty", "Article IX:3", "Artículo XXIV del Acuerdo"), when a colon ends the line after
//!   the number ("Anexo X:", an entry of a list), when a parenthesis opens and does not close
//!   the line, or when the title would be a sentence (a deontic marker), longer than 150
//!   characters, or more than 20 words not all capitalised. Otherwise it is
//!   weighed against the outline: its number against the last of its level (the next number,
//!   or a first number after a higher heading, counts for it; an earlier or equal one against
//!   it), whether a sentence ended before it, whether a blank line precedes it where the text
//!   uses blank lines, and whether the next heading of its level follows it in sequence (so
//!   that a gap is tolerated where the text goes on in sequence). The table of weights is in
//!   the `outline` module's source. A line refused either way stays text where it stands, and
//!   the report lists it in [`ImportReport::kept_as_text`] with the reasons. Case never
//!   decides.
//! - **One shape for one article.** The paragraphs of a heading before its first numbered or
//!   lettered point are its own text, joined however they are spaced; points are children, and
//!   an unnumbered paragraph after a point is a child of its own. So one article reads alike
//!   with or without blank lines between its paragraphs. An article whose text is only
//!   "\[deleted\]", "(repealed)" or "\[intentionally omitted\]" stays, marked
//!   [`deleted`](crate::Clause::deleted).
//! - **Numbered paragraphs and points** nested under their article: "1.", "2)", "4.1" (up to
//!   six levels of dots; deeper numbering stays text, reported), "(a)", "(i)", and bullets
//!   ("-", "–", "—", "•", "*").
//! - **A preamble**: the text before the first heading or number. A first short line is the
//!   title; the rest are recitals, one per paragraph, per line where each line ends with a
//!   semicolon, colon or comma, and split at the commas before a recital's opening word
//!   ("reaffirming", "noting", "determined", "have agreed", ...).
//! - **Lines**: LF, CRLF and a bare CR are each one line break; broken lines are joined back
//!   (a hyphen at a line's end before a lower-case letter is undone); tabs, non-breaking
//!   spaces, form feeds and a byte-order mark are read as white space.
//! - **Page furniture** set aside, only with page-layout evidence: page numbers ("12", "Page 3
//!   of 9", "- 4 -", "7-1"), and running headers and footers, lines repeated three times or
//!   more whose repeats stand next to page numbers or page breaks, or four times or more at
//!   regular intervals of a page's length. A repeated line that is a clause's only text stays.
//!   Every line set aside is in [`ImportReport::set_aside`].
//! - **Commitments** from deontic markers ("shall", "shall not", "may", "should", "undertake
//!   to", "refrain from", "commit themselves to", "is prepared to"), with the obligors named
//!   before the marker in the sentence — "The Parties", "Each Party", "They" (the bound
//!   parties), a party's name or alias, "the member States of X" (with "as of 27 May 1997"
//!   where it follows) — resolved against [`ImportOptions::parties`] and marked
//!   [`Origin::Inferred`](crate::Origin::Inferred). A marker whose obligors cannot be resolved
//!   yields no commitment, and the report says so. A text in French, Spanish, Russian or
//!   Ukrainian is read in its language ([`deontic::read_in`](crate::deontic::read_in), the
//!   markers that bind), and "Las Partes", "Chaque Partie", "Стороны", "Кожна Сторона" and the
//!   like stand for the bound parties.
//! - **Brackets of a negotiating text** ([`ImportOptions::brackets`], [`BracketMode`]): by
//!   default, where the text shows that it is a negotiating text (a bracket with its
//!   supporters, `[shall]{RU}`; two brackets side by side, `[shall][should]`; options,
//!   `[Option 1: ...` or a paragraph that opens "Option 1:"), each clause that holds a bracket
//!   is [bracketed](crate::Clause::bracketed) and its text written in the notation of
//!   [`crate::brackets`]: `[A/B]` becomes `[A][B]` (`\/` keeps a slash), "Option 1: ... Option
//!   2: ..." becomes the clause's options, and footnote markers and editorial words ("\[9\]",
//!   "\[deleted\]") stay literal, escaped. The report says what was decided and on what
//!   evidence, how many brackets stayed literal, and which clauses' brackets cannot be read
//!   (validation then says where). Without evidence every bracket is literal, as in a
//!   finished treaty; `On` and `Off` force either reading.
//! - **What is not a treaty**: a text most of whose lines are keys with values, section
//!   headers, braces or tags (configuration, code, markup), or that holds control characters
//!   (binary data), is refused with [`ImportError::NotATreaty`].
//!
//! Every step is linear in the text (n log n at most), whatever it holds: a text that never
//! ends a sentence reads each marker's subject within the 256 bytes before it, and repeated
//! numbers get their id suffixes from a counter per base.
//!
//! Clause ids come from the numbering path (`art-4`, `art-4.p-2`, `art-4.p-2.pt-a`, `sec-3`,
//! `ch-ii`, `part-one`, `annex-2`; `p-N` for the N-th child without a number), are stable from
//! run to run, and are made unique with a suffix where the numbering repeats. Such ids carry no
//! identity across drafts, so compare two imported texts with ids off.

mod text;

pub use text::{
    BracketMode, ImportError, ImportOptions, ImportReport, LANGUAGES, Note, SetAside, text,
};

use std::path::Path;

use crate::{Negotiation, Proposal};

/// A file read by [`load`]: a pactum JSON document as it is, or a text imported into a
/// negotiation of one proposal.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Loaded {
    /// The negotiation: the document's, or the import options' parties with the imported
    /// proposal.
    pub negotiation: Negotiation,
    /// For an imported text, the import report; none for JSON.
    pub report: Option<ImportReport>,
    /// Whether a text was imported with no parties given: its proposer is then a placeholder
    /// and it binds nobody (see [`Loaded::validate`]).
    pub parties_missing: bool,
}

impl Loaded {
    /// Validates what was loaded, as [`Negotiation::validate`] does, with one difference: for a
    /// text imported with no parties ([`parties_missing`](Self::parties_missing)), the two
    /// checks that would only report the missing parties are left out (an unknown proposer,
    /// and a proposal that binds fewer than two parties), so that the report is about the text.
    pub fn validate(&self) -> crate::validate::Report {
        use crate::validate::ProblemKind;
        let mut report = self.negotiation.validate();
        if self.parties_missing {
            report.retain(|p| {
                !(p.kind == ProblemKind::TooFewParties
                    || (p.kind == ProblemKind::UnknownParty
                        && p.location.to_string().ends_with(".proposer")))
            });
        }
        report
    }
}

/// Why [`load`] could not read a file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The file could not be read: why is the error's
    /// [`source`](std::error::Error::source), not repeated in its message.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A JSON document that does not read.
    #[cfg(feature = "serde")]
    #[error(transparent)]
    Json(#[from] crate::format::ReadError),
    /// A text that does not import.
    #[error(transparent)]
    Text(#[from] ImportError),
}

/// Whether bytes with this file name are a JSON document: by the extension (`.json`), else by
/// the content (the first non-blank character is `{`).
pub fn is_json(path: &Path, bytes: &[u8]) -> bool {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => true,
        Some("txt" | "md" | "markdown" | "text") => false,
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        }
    }
}

/// Loads a file as a pactum JSON document or as a text to import, by its extension and content
/// (see [`is_json`]); `options` serve a text (its id, proposer, parties, language).
///
/// Without the `serde` feature only texts load.
pub fn load(path: impl AsRef<Path>, options: &ImportOptions) -> Result<Loaded, LoadError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    load_bytes(path, &bytes, options)
}

/// [`load`] for bytes already read; `path` only tells the extension.
pub fn load_bytes(path: &Path, bytes: &[u8], options: &ImportOptions) -> Result<Loaded, LoadError> {
    #[cfg(feature = "serde")]
    if is_json(path, bytes) {
        return Ok(Loaded {
            negotiation: crate::format::from_slice(bytes)?,
            report: None,
            parties_missing: false,
        });
    }
    let _ = path;
    let text = text::decode(bytes)?;
    let (proposal, report) = text::text(&text, options)?;
    Ok(Loaded {
        negotiation: wrap(proposal, options),
        report: Some(report),
        parties_missing: options.parties.is_empty(),
    })
}

fn wrap(proposal: Proposal, options: &ImportOptions) -> Negotiation {
    let mut n = Negotiation::new(proposal.title.clone());
    for party in &options.parties {
        // Two parties with one id in the options: the first stands.
        let _ = n.add_party(party.clone());
    }
    let _ = n.add_proposal(proposal);
    n
}
