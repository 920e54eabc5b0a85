//! Resolving brackets: one choice taken for each, the text left plain.

use crate::brackets::{Choice, Segment};
use crate::{Clause, PartyId, Proposal};

/// Which choice [`resolve`] takes in each bracket.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Resolution {
    /// The choice this party supports: all of one side's. An optional span it does not
    /// support is left out; in alternatives it supports none of, the first choice is taken.
    Side(PartyId),
    /// The choice at this index, from 0, in every bracket; an optional span is kept for 0
    /// and left out for any other index, and alternatives with fewer choices take their last.
    Index(usize),
}

/// `proposal` with every bracket of its bracketed clauses resolved as `how` says: their texts
/// plain, no clause bracketed. A clause whose text was all one bracket left out, and that
/// holds no clause, goes: a clause the merge kept optional for one side, resolved for the
/// other. A clause whose notation cannot be read is left as it is.
///
/// Resolving is a change like any other: `diff::compare(proposal, &resolved, ..)` is the
/// resolution as a diff, which applies and inverts.
///
/// ```
/// use pactum::merge::{resolve, Resolution};
/// use pactum::{Clause, Proposal};
///
/// let p = Proposal::new("d".parse()?, "Draft", "A".parse()?).with_clause(
///     Clause::new("art-1".parse()?, "They [shall]{A}[should]{B} act [promptly]{B}.").with_brackets(),
/// );
/// let a = resolve(&p, &Resolution::Side("A".parse()?));
/// assert_eq!(a.clauses[0].text, "They shall act.");
/// assert!(!a.clauses[0].bracketed);
/// let b = resolve(&p, &Resolution::Side("B".parse()?));
/// assert_eq!(b.clauses[0].text, "They should act promptly.");
/// # Ok::<(), pactum::IdError>(())
/// ```
pub fn resolve(proposal: &Proposal, how: &Resolution) -> Proposal {
    let mut p = proposal.clone();
    p.clauses.retain_mut(|c| clause(c, how));
    p
}

/// Resolves a clause and what it holds; false when it goes.
fn clause(c: &mut Clause, how: &Resolution) -> bool {
    let mut gone = false;
    if let Some(Ok(text)) = c.brackets() {
        let mut out = String::new();
        words(&text.segments, how, &mut out);
        gone = out.trim().is_empty() && !c.text.trim().is_empty();
        c.text = out;
        c.bracketed = false;
    }
    let mut kids = c.take_children();
    kids.retain_mut(|k| clause(k, how));
    let empty = kids.is_empty();
    for k in kids {
        // Resolving deepens nothing: each child fits where it was.
        let _ = c.push_child(k);
    }
    !(gone && empty)
}

/// The plain words of `segments`, each bracket resolved.
fn words(segments: &[Segment], how: &Resolution, out: &mut String) {
    let mut dropped = false;
    for s in segments {
        match s {
            Segment::Text(t) => {
                // Where a span was left out, the spaces around it are one, and none stays
                // before a stop: "act [promptly] ." reads "act."
                if dropped && out.ends_with(' ') && t.starts_with([' ', '.', ',', ';', ':', ')']) {
                    out.pop();
                }
                out.push_str(t);
                dropped = false;
            }
            Segment::Bracket(b) => {
                let optional = b.choices.len() == 1;
                let pick: Option<&Choice> = match how {
                    Resolution::Side(party) => {
                        let supported = b.choices.iter().find(|c| c.supporters.contains(party));
                        if optional {
                            supported
                        } else {
                            supported.or(b.choices.first())
                        }
                    }
                    Resolution::Index(i) if optional => (*i == 0).then(|| &b.choices[0]),
                    Resolution::Index(i) => b.choices.get(*i).or(b.choices.last()),
                };
                match pick {
                    Some(choice) => words(&choice.segments, how, out),
                    None => dropped = true,
                }
            }
        }
    }
}
