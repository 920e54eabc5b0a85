//! Commitment changes as words: the redlines' commitment sections, [`commitments`] for them
//! alone, and `Display` for a [`CommitmentDiff`] and a [`CommitmentChange`].

use std::fmt::{self, Write};

use super::walk::{Item, Style};
use super::{Labels, counted, nonzero};
use crate::diff::{CommitmentChange, CommitmentDiff, Diff};

/// The commitment changes of `diff` alone, as the text redline lists them: the changes of
/// encoded commitments, each once with whom it binds, then the changes read from the text,
/// under their clause pairs. Empty when there are none.
///
/// ```
/// use pactum::diff::{compare, Options};
/// use pactum::{Clause, Proposal};
///
/// let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
///     .with_clause(Clause::new("a".parse()?, "The Parties shall consult.").with_number("Article 1"));
/// let new = Proposal::new("v2".parse()?, "Draft", "A".parse()?)
///     .with_clause(Clause::new("a".parse()?, "The Parties should consult.").with_number("Article 1"));
/// let diff = compare(&old, &new, &Options::default());
/// let text = pactum::render::commitments(&diff);
/// assert!(text.contains("modality: obligation -> recommendation (weakening)"), "{text}");
/// assert!(!text.contains("Texts"));
/// # Ok::<(), pactum::IdError>(())
/// ```
pub fn commitments(diff: &Diff) -> String {
    let labels = Labels::new(diff, None);
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = sections(&mut out, diff, &labels, &super::text::Text);
    out
}

/// Writes the commitment sections of a redline in `style`.
pub(super) fn sections<S: Style>(
    out: &mut dyn Write,
    diff: &Diff,
    labels: &Labels<'_>,
    style: &S,
) -> fmt::Result {
    let (encoded, read) = commitment_groups(diff);
    if !encoded.is_empty() {
        // Each change once: it names whom it binds ("bound RU, members of NATO"), so a list of
        // thirty states is not repeated for each group of parties it concerns.
        style.section(out, "Commitments", true)?;
        let items: Vec<Item> = encoded
            .iter()
            .map(|&i| {
                let c = &diff.commitments[i];
                let (head, lines) = describe(labels, c, S::ARROW);
                Item {
                    head,
                    lines,
                    parties: party_ids(&[c]),
                }
            })
            .collect();
        style.group(out, "each change once, with whom it binds", &items)?;
    }
    if !read.is_empty() {
        // Read from the text, each once, under its clause pair: "shall" -> "should" in
        // "Each Party shall ...", with the parties it binds.
        style.section(out, "Commitments read from the text", true)?;
        let items: Vec<Item> = read
            .iter()
            .map(|list| {
                let (place, _) = describe(labels, &diff.commitments[list[0]], S::ARROW);
                let lines = list
                    .iter()
                    .flat_map(|&i| {
                        let c = &diff.commitments[i];
                        let binds = c.parties();
                        let binds = (!binds.is_empty()).then(|| {
                            let ids: Vec<&str> = binds.iter().map(|p| p.as_str()).collect();
                            format!("; binds {}", ids.join(" "))
                        });
                        let (_, lines) = describe(labels, c, S::ARROW);
                        lines
                            .into_iter()
                            .map(move |l| format!("{l}{}", binds.clone().unwrap_or_default()))
                    })
                    .collect();
                let entries: Vec<&CommitmentDiff> =
                    list.iter().map(|&i| &diff.commitments[i]).collect();
                Item {
                    head: place,
                    lines,
                    parties: party_ids(&entries),
                }
            })
            .collect();
        style.group(out, "each change once, under its clause", &items)?;
    }
    Ok(())
}

/// The ids of the parties some commitment changes bind or bound, each once, in order.
fn party_ids(entries: &[&CommitmentDiff]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in entries.iter().flat_map(|c| c.parties()) {
        if !out.iter().any(|o| o == id.as_str()) {
            out.push(id.as_str().to_owned());
        }
    }
    out
}

impl fmt::Display for CommitmentChange {
    /// The change in words, without its commitment: "modality: obligation -> permission
    /// (weakening)", "added".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&change_line(None, self, "->", &Labels::empty()))
    }
}

impl fmt::Display for CommitmentDiff {
    /// Where the commitment stands (its clauses and its id, by id), then each change:
    /// "art-4 [no-deployment]: modality: prohibition -> permission (lifting)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, lines) = describe(&Labels::empty(), self, "->");
        write!(f, "{head}: {}", lines.join("; "))
    }
}

/// The changes of encoded commitments, in order, and the changes read from the text, by
/// clause pair in order of first mention. Each is listed once, whoever it concerns; each
/// change is an index into `diff.commitments`.
pub(super) fn commitment_groups(diff: &Diff) -> (Vec<usize>, Vec<Vec<usize>>) {
    let encoded: Vec<usize> = (0..diff.commitments.len())
        .filter(|&i| !diff.commitments[i].inferred())
        .collect();
    let mut read: Vec<Vec<usize>> = Vec::new();
    let mut at: std::collections::HashMap<
        (Option<&crate::ClauseId>, Option<&crate::ClauseId>),
        usize,
    > = std::collections::HashMap::new();
    for (i, c) in diff.commitments.iter().enumerate() {
        if !c.inferred() {
            continue;
        }
        let key = (c.old_clause.as_ref(), c.new_clause.as_ref());
        let k = *at.entry(key).or_insert_with(|| {
            read.push(Vec::new());
            read.len() - 1
        });
        read[k].push(i);
    }
    (encoded, read)
}

/// The commitment changes in a line, for the summary: "2 changes of encoded commitments; 12
/// changes read from the text: ...". None when there are none.
pub(super) fn commitment_summary(diff: &Diff) -> Option<String> {
    let encoded = diff.commitments.iter().filter(|c| !c.inferred()).count();
    let read = diff.commitments.len() - encoded;
    let mut parts = Vec::new();
    if encoded > 0 {
        parts.push(format!(
            "{} of encoded commitments",
            counted(encoded, "change")
        ));
    }
    if read > 0 {
        parts.push(commitments_read(diff));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The changes read from the text, counted: "12 changes read from the text: 5 added, 4
/// dropped, 3 of modality (2 weakening, 1 reversal)".
fn commitments_read(diff: &Diff) -> String {
    use crate::diff::CommitmentChange as K;
    let read: Vec<&crate::diff::CommitmentDiff> =
        diff.commitments.iter().filter(|c| c.inferred()).collect();
    let (mut added, mut dropped, mut modality) = (0, 0, 0);
    let mut directions: Vec<(String, usize)> = Vec::new();
    for change in read.iter().flat_map(|c| &c.changes) {
        match change {
            K::Added => added += 1,
            K::Dropped => dropped += 1,
            K::Modality { direction, .. } => {
                modality += 1;
                let d = direction.to_string();
                match directions.iter_mut().find(|(x, _)| *x == d) {
                    Some((_, n)) => *n += 1,
                    None => directions.push((d, 1)),
                }
            }
            _ => {}
        }
    }
    let mut parts = nonzero(&[(added, "added"), (dropped, "dropped")]);
    if modality > 0 {
        let how: Vec<String> = directions.iter().map(|(d, n)| format!("{n} {d}")).collect();
        parts.push(format!("{modality} of modality ({})", how.join(", ")));
    }
    format!(
        "{} read from the text: {}",
        counted(read.len(), "change"),
        parts.join(", ")
    )
}

/// A commitment in a few words: "prohibition: deploy missiles".
fn commitment_words(c: &crate::Commitment) -> String {
    format!("{}: {}", c.modality, c.action)
}

fn refs(list: &[crate::PartyRef]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn parties_list(list: &[crate::PartyId]) -> String {
    list.iter()
        .map(crate::PartyId::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One commitment change as a heading line and detail lines, with `arrow` between old and new.
pub(super) fn describe(
    labels: &Labels<'_>,
    c: &crate::diff::CommitmentDiff,
    arrow: &str,
) -> (String, Vec<String>) {
    use crate::diff::CommitmentChange as K;
    let place = match (&c.old_clause, &c.new_clause) {
        (Some(o), Some(n)) => {
            let (a, b) = (labels.of(o, true), labels.of(n, false));
            if a == b {
                a
            } else {
                format!("{a} {arrow} {b}")
            }
        }
        (Some(o), None) => labels.of(o, true),
        (None, Some(n)) => labels.of(n, false),
        (None, None) => String::new(),
    };
    let head = match (&c.old, &c.new) {
        // Listed under the changes read from the text, by clause: the place alone.
        _ if c.inferred() => place,
        (Some(o), Some(n)) if o.id == n.id => format!("{place} [{}]", n.id),
        (Some(o), Some(n)) => format!("{place} [{} {arrow} {}]", o.id, n.id),
        (Some(o), None) => format!("{place} [{}]", o.id),
        (None, Some(n)) => format!("{place} [{}]", n.id),
        (None, None) => place,
    };
    let mut lines = Vec::new();
    for change in &c.changes {
        lines.push(change_line(Some(c), change, arrow, labels));
    }
    if let (Some(o), Some(n)) = (&c.old, &c.new) {
        if !c.changes.iter().any(|k| matches!(k, K::Action { .. })) && o.modality != n.modality {
            lines.push(format!(
                "was {}; now {}",
                commitment_words(o),
                commitment_words(n)
            ));
        }
    }
    (head, lines)
}

/// "added X; removed Y", leaving out an empty side.
fn both(added: &str, removed: &str) -> String {
    match (added.is_empty(), removed.is_empty()) {
        (false, false) => format!("added {added}; removed {removed}"),
        (false, true) => format!("added {added}"),
        (true, false) => format!("removed {removed}"),
        (true, true) => "the same, in another order or repeated".to_owned(),
    }
}

/// One change in words; with its entry `c`, an added or dropped commitment is named ("added:
/// prohibition: deploy missiles (binds RU)"), and a change of modality read from the text
/// quotes its markers.
fn change_line(
    c: Option<&CommitmentDiff>,
    change: &CommitmentChange,
    arrow: &str,
    labels: &Labels<'_>,
) -> String {
    use crate::diff::CommitmentChange as K;
    let dir = change
        .direction()
        .map_or_else(String::new, |d| format!(" ({d})"));
    match change {
        K::Added => match c.and_then(|c| c.new.as_ref()) {
            Some(n) => format!(
                "added: {} (binds {})",
                commitment_words(n),
                refs(&n.obligors)
            ),
            None => match c.and_then(|c| c.new_excerpt.as_ref()) {
                Some(e) => format!(
                    "added: {}",
                    excerpt_words(
                        e,
                        &labels.shown(&e.sentence, c.and_then(|c| c.new_clause.as_ref()), false)
                    )
                ),
                None if c.is_none() => "added".to_owned(),
                None => "added: a deontic marker".to_owned(),
            },
        },
        K::Dropped => match c.and_then(|c| c.old.as_ref()) {
            Some(o) => format!(
                "dropped: {} (bound {})",
                commitment_words(o),
                refs(&o.obligors)
            ),
            None => match c.and_then(|c| c.old_excerpt.as_ref()) {
                Some(e) => format!(
                    "dropped: {}",
                    excerpt_words(
                        e,
                        &labels.shown(&e.sentence, c.and_then(|c| c.old_clause.as_ref()), true)
                    )
                ),
                None if c.is_none() => "dropped".to_owned(),
                None => "dropped: a deontic marker".to_owned(),
            },
        },
        K::Modality { old, new, .. } => match c.map(|c| (&c.old_excerpt, &c.new_excerpt)) {
            Some((Some(x), Some(y))) => format!(
                "modality: {old} {arrow} {new}{dir}: \"{}\" {arrow} \"{}\" in \"{}\"",
                x.marker,
                y.marker,
                labels.shown(&y.sentence, c.and_then(|c| c.new_clause.as_ref()), false)
            ),
            _ => format!("modality: {old} {arrow} {new}{dir}"),
        },
        K::Obligors {
            added,
            removed,
            parties_added,
            parties_removed,
            ..
        } => {
            let mut parts = Vec::new();
            if !removed.is_empty() {
                parts.push(format!("no longer {}", refs(removed)));
            }
            if !added.is_empty() {
                parts.push(format!("now {}", refs(added)));
            }
            if !parties_added.is_empty() {
                parts.push(format!("parties added: {}", parties_list(parties_added)));
            }
            if !parties_removed.is_empty() {
                parts.push(format!(
                    "parties removed: {}",
                    parties_list(parties_removed)
                ));
            }
            if parts.is_empty() {
                parts.push("the same, in another order or repeated".to_owned());
            }
            format!("obligors: {}{dir}", parts.join("; "))
        }
        K::Beneficiaries { added, removed, .. } => {
            format!("beneficiaries: {}{dir}", both(&refs(added), &refs(removed)))
        }
        K::Action { text } => {
            format!("action: {} {arrow} {}", text.old_text(), text.new_text())
        }
        K::Scope {
            areas_added,
            areas_removed,
            from,
            until,
            ..
        } => {
            let mut parts = Vec::new();
            if !areas_added.is_empty() {
                parts.push(format!("areas added: {}", areas_added.join("; ")));
            }
            if !areas_removed.is_empty() {
                parts.push(format!("areas removed: {}", areas_removed.join("; ")));
            }
            let day = |d: &Option<jiff::civil::Date>| {
                d.map_or_else(|| "open".to_owned(), |d| d.to_string())
            };
            if let Some(f) = from {
                parts.push(format!("from {} {arrow} {}", day(&f.old), day(&f.new)));
            }
            if let Some(u) = until {
                parts.push(format!("until {} {arrow} {}", day(&u.old), day(&u.new)));
            }
            format!("scope: {}{dir}", parts.join("; "))
        }
        K::Conditions { added, removed, .. } => format!(
            "conditions: {}{dir}",
            both(&added.join("; "), &removed.join("; "))
        ),
        K::Exceptions { added, removed, .. } => format!(
            "exceptions: {}{dir}",
            both(&added.join("; "), &removed.join("; "))
        ),
        K::Force { old, new, .. } => format!("force: {old} {arrow} {new}{dir}"),
        K::Moved => "moved within the clause".to_owned(),
    }
}

/// ""shall" in "..." (obligation, subject "Each Party")": what a change read from the text
/// names, its sentence as the view shows it.
fn excerpt_words(e: &crate::diff::Excerpt, sentence: &str) -> String {
    let whose = e
        .subject
        .as_ref()
        .map_or_else(String::new, |o| format!(", subject \"{o}\""));
    format!(
        "\"{}\" in \"{}\" ({}{whose})",
        e.marker, sentence, e.modality
    )
}
