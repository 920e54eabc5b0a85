//! Clauses from the outline's nodes: unique ids, kinds, deleted provisions, and one report
//! note per heading.

use std::fmt::Write as _;

use crate::diff::align::FxMap;
use crate::id::ClauseId;
use crate::{Clause, ClauseKind, Commitment};

use super::obligors::Names;
use super::{ImportReport, Note, join, quoted};

/// A clause being built.
#[derive(Debug, Default)]
pub(super) struct Node {
    pub(super) line: usize,
    /// The heading's rank (0 for a point or a paragraph).
    pub(super) rank: u8,
    /// The point's level (0 for a heading or a paragraph).
    pub(super) level: u8,
    pub(super) kind: Option<ClauseKind>,
    pub(super) number: Option<String>,
    pub(super) key: String,
    pub(super) heading: Option<String>,
    pub(super) text: String,
    /// Points and paragraphs, in order.
    pub(super) children: Vec<Node>,
    /// Whether this node is a paragraph without a number.
    pub(super) paragraph: bool,
    /// The commitments inferred from `text`, once it is complete.
    pub(super) commitments: Option<Vec<Commitment>>,
}

/// Texts that stand for a provision taken out: "[deleted]", "(repealed)", "Intentionally
/// omitted.".
const DELETED: [&str; 4] = ["deleted", "repealed", "intentionally omitted", "omitted"];

fn says_deleted(text: &str) -> bool {
    // "[Intentionally omitted.]" is the longest: longer texts are not read.
    if text.len() > 32 {
        return false;
    }
    let core = text
        .trim()
        .trim_matches(['[', ']', '(', ')', '.', ' '])
        .to_ascii_lowercase();
    DELETED.contains(&core.as_str())
}

/// The clause ids given so far, and where to go on counting suffixes for each base that
/// repeated, so that a hundred thousand "Article 1" headings take one probe each, not one per
/// earlier repeat.
#[derive(Default)]
pub(super) struct Ids {
    taken: std::collections::HashSet<ClauseId, crate::diff::align::Seeded>,
    next_suffix: FxMap<String, usize>,
    serial: usize,
    /// A buffer for candidate ids, reused so that making an id allocates only the id.
    scratch: String,
}

impl Ids {
    pub(super) fn with_capacity(n: usize) -> Ids {
        Ids {
            taken: std::collections::HashSet::with_capacity_and_hasher(n, Default::default()),
            ..Ids::default()
        }
    }

    /// A unique id from the candidate in `candidate` (which it may change).
    fn unique(&mut self, candidate: &mut String) -> ClauseId {
        // Keys are slugs, so a candidate can only fail the id syntax by being empty, too long,
        // or starting with a separator.
        let valid = |c: &str| {
            !c.is_empty()
                && c.len() <= crate::id::MAX_ID_LEN
                && c.starts_with(|ch: char| ch.is_ascii_alphanumeric())
        };
        if valid(candidate) {
            if let Ok(id) = ClauseId::new(&*candidate) {
                if self.taken.insert(id.clone()) {
                    return id;
                }
            }
        }
        let base = candidate.clone();
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        loop {
            candidate.truncate(base.len());
            let _ = write!(candidate, "-{n}");
            n += 1;
            if candidate.len() > crate::id::MAX_ID_LEN || !valid(candidate) {
                // Fresh serials end the loop: "c1", "c2" ... are valid and never made from a
                // key.
                loop {
                    self.serial += 1;
                    candidate.clear();
                    let _ = write!(candidate, "c{}", self.serial);
                    if let Ok(id) = ClauseId::new(&*candidate) {
                        if self.taken.insert(id.clone()) {
                            return id;
                        }
                    }
                }
            }
            if let Ok(id) = ClauseId::new(&*candidate) {
                if self.taken.insert(id.clone()) {
                    self.next_suffix.insert(base, n);
                    return id;
                }
            }
        }
    }
}

/// Builds `node` as the next top-level clause of `clauses`.
pub(super) fn top(
    node: Node,
    clauses: &mut Vec<Clause>,
    ids: &mut Ids,
    names: &Names<'_>,
    brackets: &mut Brackets,
    report: &mut ImportReport,
) {
    let index = clauses.len();
    clauses.push(build(node, None, index, ids, names, brackets, report));
}

/// Whether the text's brackets are a negotiating text's, and how many were kept literal.
#[derive(Debug, Default)]
pub(super) struct Brackets {
    pub(super) on: bool,
    pub(super) literal: usize,
}

fn build(
    node: Node,
    parent: Option<&ClauseId>,
    index: usize,
    ids: &mut Ids,
    names: &Names<'_>,
    brackets: &mut Brackets,
    report: &mut ImportReport,
) -> Clause {
    // The id's base: the parent's id and this clause's key, built in one buffer.
    let mut base = std::mem::take(&mut ids.scratch);
    base.clear();
    if let (Some(p), 0) = (parent, node.rank) {
        base.push_str(p.as_str());
        base.push('.');
    }
    if node.paragraph || node.key.is_empty() || node.key == "b" {
        base.push_str(if node.key == "b" { "b-" } else { "p-" });
        let _ = write!(base, "{}", index + 1);
    } else {
        base.push_str(&node.key);
    }
    let id = ids.unique(&mut base);
    ids.scratch = base;
    let mut clause = Clause::new(id.clone(), node.text);
    clause.number = node.number;
    clause.heading = node.heading;
    clause.kind = node.kind;
    clause.commitments = match node.commitments {
        Some(commitments) => commitments,
        None => names.commitments(&clause.text, node.line, report),
    };
    if node.children.is_empty() && says_deleted(&clause.text) {
        clause.deleted = true;
        report.recognised.push(Note {
            line: node.line,
            what: format!(
                "{} deleted",
                quoted(clause.number.as_deref().unwrap_or("clause"))
            ),
        });
    } else if brackets.on {
        if let Some(text) = super::brackets::notation(&clause.text, &mut brackets.literal) {
            // Written canonically where it reads ("{A,B}" as "{A, B}"), so that the JSON
            // format holds it as segments.
            clause.text = match crate::brackets::Bracketed::parse(&text) {
                Ok(read) => read.to_string(),
                Err(e) => {
                    report.guessed.push(Note {
                        line: node.line,
                        what: format!("bracketed text cannot be read: {e} of the clause's text"),
                    });
                    text
                }
            };
            clause.bracketed = true;
        }
    }
    let children = node.children;
    clause.reserve_children(children.len());
    for (k, child) in children.into_iter().enumerate() {
        let c = build(child, Some(&id), k, ids, names, brackets, report);
        if let Err(e) = clause.push_child(c) {
            // Scanning keeps nesting within the bound; should a text still go deeper, its
            // clause stays, joined to its parent's text, and the report says so.
            let child = e.into_child();
            report.guessed.push(Note {
                line: node.line,
                what: format!(
                    "clause {} nested too deep: its text joined to {}",
                    quoted(child.id.as_str()),
                    quoted(clause.id.as_str())
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
            (Some(n), _) => format!("heading {}", quoted(n)),
            (None, Some(h)) if !node.paragraph => format!("heading {}", quoted(h)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_get_suffixes_in_one_probe() {
        let mut ids = Ids::default();
        let mut made = Vec::new();
        for key in ["art-1", "art-1", "art-1-2", "art-1", ""] {
            let mut k = key.to_owned();
            made.push(ids.unique(&mut k).to_string());
        }
        assert_eq!(made, ["art-1", "art-1-2", "art-1-2-2", "art-1-3", "c1"]);
        assert_eq!(ids.next_suffix.get("art-1"), Some(&4));
    }

    #[test]
    fn deleted_provisions() {
        for t in [
            "[deleted]",
            "(Repealed)",
            "Deleted.",
            "[Intentionally omitted]",
        ] {
            assert!(says_deleted(t), "{t}");
        }
        assert!(!says_deleted("The deleted words stay."));
    }
}
