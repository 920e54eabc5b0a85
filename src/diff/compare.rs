//! The comparison: two proposals in, a [`Diff`] out.

use std::time::{Duration, Instant};

use super::align::{Node, align, flatten, moved, spread};
use super::brackets::compare_brackets;
use super::commitment::{Resolver, Side, compare_commitments};
use super::moved::Standing;
use super::preamble::preamble_changes;
use super::text::{Budget, diff_text};
use super::{
    Change, ChangeKinds, ClauseChangeKind, ClauseDiff, Diff, Granularity, Merge, Placement,
    ProposalChange, RecitalChange, Split, Summary, TextChange, check,
};
use crate::brackets::{Tally, TallyChange};
use crate::{Clause, Negotiation, Proposal};

/// How to compare.
///
/// ```
/// let options = pactum::diff::Options::default().without_ids();
/// assert!(!options.match_ids);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Pair clauses with one id (step 2). Default true.
    pub match_ids: bool,
    /// Pair clauses through answer links (step 1). Default true.
    pub match_links: bool,
    /// The least Dice similarity of word bigrams for pairing by similar text (step 4). Default
    /// 0.5.
    pub similarity_threshold: f64,
    /// The least coverage for a split or merge. Default 0.8.
    pub split_threshold: f64,
    /// Tokens (both texts together) above which a pair of texts is compared by sentences, not
    /// words. Default 20,000.
    pub word_budget: usize,
    /// Tokens compared in the whole diff after which texts are compared by sentences, then
    /// replaced whole. Default 20,000,000.
    pub total_budget: usize,
    /// A wall-clock limit on text comparison, after which texts are replaced whole. Off by
    /// default: results then depend on the machine.
    pub deadline: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            match_ids: true,
            match_links: true,
            similarity_threshold: 0.5,
            split_threshold: 0.8,
            word_budget: 20_000,
            total_budget: 20_000_000,
            deadline: None,
        }
    }
}

impl Options {
    /// The options with pairing by id turned off.
    #[must_use]
    pub fn without_ids(mut self) -> Self {
        self.match_ids = false;
        self
    }
}

/// Compares two proposals clause by clause. Group obligors ("the members of NATO") stay
/// unresolved; [`compare_in`] resolves them through the negotiation.
pub fn compare(old: &Proposal, new: &Proposal, options: &Options) -> Diff {
    compare_with(None, old, new, options)
}

/// Compares two proposals of a negotiation clause by clause, resolving group obligors to the
/// parties they stand for, so that a commitment's change of obligors names the states added or
/// removed.
pub fn compare_in(
    negotiation: &Negotiation,
    old: &Proposal,
    new: &Proposal,
    options: &Options,
) -> Diff {
    compare_with(Some(negotiation), old, new, options)
}

fn compare_with(
    negotiation: Option<&Negotiation>,
    old: &Proposal,
    new: &Proposal,
    options: &Options,
) -> Diff {
    let resolver = Resolver { negotiation };
    let mut commitments = Vec::new();
    // Names the drafts introduce differently are masked in pairing only (`align::names`).
    let masked = super::align::names(old, new);
    let mut old_nodes = flatten(old, &masked);
    let mut new_nodes = flatten(new, &masked);
    // Ids derived from numbering say where a clause stands, not which clause it is: they
    // never pair clauses.
    let derived = old.ids_from_numbering || new.ids_from_numbering;
    let unpaired_ids;
    let align_options = if derived && options.match_ids {
        unpaired_ids = options.clone().without_ids();
        &unpaired_ids
    } else {
        options
    };
    let alignment = align(old, new, &old_nodes, &new_nodes, align_options);
    let moves = moved(&old_nodes, &new_nodes, &alignment);
    let old_similarity =
        |o: usize| alignment.old_to_new[o].map_or(0.0, |n| alignment.similarity[n]);
    let new_similarity = |n: usize| alignment.similarity[n];
    let splits: Vec<Split> = spread(
        &old_nodes,
        &new_nodes,
        &alignment.old_to_new,
        &alignment.new_to_old,
        old_similarity,
        options.split_threshold,
    )
    .into_iter()
    .map(|(o, parts, coverage)| Split {
        old: old_nodes[o].clause.id.clone(),
        new: parts
            .into_iter()
            .map(|p| new_nodes[p].clause.id.clone())
            .collect(),
        coverage,
    })
    .collect();
    let merges: Vec<Merge> = spread(
        &new_nodes,
        &old_nodes,
        &alignment.new_to_old,
        &alignment.old_to_new,
        new_similarity,
        options.split_threshold,
    )
    .into_iter()
    .map(|(n, parts, coverage)| Merge {
        old: parts
            .into_iter()
            .map(|p| old_nodes[p].clause.id.clone())
            .collect(),
        new: new_nodes[n].clause.id.clone(),
        coverage,
    })
    .collect();

    // Pairing is done: the bigrams of every text go before the texts are compared, so that
    // the peak of memory holds one of the two, not both.
    for node in old_nodes.iter_mut().chain(new_nodes.iter_mut()) {
        node.release();
    }
    let mut budget = Budget {
        per_text: options.word_budget,
        total: options.total_budget,
        deadline: options.deadline.map(|d| Instant::now() + d),
    };

    let placement = |nodes: &[Node<'_>], i: usize| Placement {
        id: nodes[i].clause.id.clone(),
        number: nodes[i].clause.number.clone(),
        parent: nodes[i].parent.map(|p| nodes[p].clause.id.clone()),
        index: nodes[i].index,
    };
    let mut clauses = Vec::with_capacity(old_nodes.len().max(new_nodes.len()));
    // Which nodes each entry of `clauses` stands for, for the commitments after.
    let mut sides: Vec<(Option<usize>, Option<usize>)> = Vec::with_capacity(clauses.capacity());
    let mut removed_from = 0;
    let mut emit_removed_before =
        |limit: usize,
         clauses: &mut Vec<ClauseDiff>,
         sides: &mut Vec<(Option<usize>, Option<usize>)>| {
            while removed_from < limit {
                if alignment.old_to_new[removed_from].is_none() {
                    sides.push((Some(removed_from), None));
                    clauses.push(unpaired(
                        ClauseChangeKind::Removed,
                        Some(placement(&old_nodes, removed_from)),
                        None,
                        old_nodes[removed_from].clause,
                    ));
                }
                removed_from += 1;
            }
        };
    for (n, node) in new_nodes.iter().enumerate() {
        let Some(o) = alignment.new_to_old[n] else {
            sides.push((None, Some(n)));
            clauses.push(unpaired(
                ClauseChangeKind::Added,
                None,
                Some(placement(&new_nodes, n)),
                node.clause,
            ));
            continue;
        };
        emit_removed_before(o, &mut clauses, &mut sides);
        sides.push((Some(o), Some(n)));
        let (a, b) = (old_nodes[o].clause, node.clause);
        let text = (a.text != b.text).then(|| {
            let (mut ops, granularity) = diff_text(&a.text, &b.text, &mut budget);
            // The list grew by doubling; it is kept for the whole diff.
            ops.shrink_to_fit();
            TextChange {
                ops,
                granularity,
                typographic_only: old_nodes[o].normalized == node.normalized,
            }
        });
        let mut d = ClauseDiff {
            kinds: ChangeKinds::new(),
            old: Some(placement(&old_nodes, o)),
            new: Some(placement(&new_nodes, n)),
            matched_by: alignment.method[n],
            similarity: alignment.similarity[n],
            text,
            heading: Change::of(&a.heading, &b.heading),
            number: Change::of(&a.number, &b.number),
            kind: Change::of(&a.kind, &b.kind),
            deleted: Change::of(&a.deleted, &b.deleted),
            bracketed: Change::of(&a.bracketed, &b.bracketed),
            brackets: compare_brackets(Some(a), Some(b), options.word_budget).map(Box::new),
            text_basis: Change::of(&a.text_basis, &b.text_basis),
            sources: Change::of(&a.sources, &b.sources),
            answers: Change::of(&a.answers, &b.answers),
            clause: None,
        };
        let modified = d.text.is_some()
            || d.heading.is_some()
            || d.kind.is_some()
            || d.deleted.is_some()
            || d.bracketed.is_some()
            || d.text_basis.is_some()
            || d.sources.is_some()
            || d.answers.is_some();
        let reparented = match (old_nodes[o].parent, node.parent) {
            (None, None) => false,
            (Some(op), Some(np)) => alignment.old_to_new[op] != Some(np),
            _ => true,
        };
        for (on, kind) in [
            (modified, ClauseChangeKind::Modified),
            (d.number.is_some(), ClauseChangeKind::Renumbered),
            (moves[n], ClauseChangeKind::Moved),
            (reparented, ClauseChangeKind::Reparented),
        ] {
            if on {
                d.kinds.insert(kind);
            }
        }
        clauses.push(d);
    }
    emit_removed_before(old_nodes.len(), &mut clauses, &mut sides);
    let (old_leads, new_leads) = (leads(&old_nodes), leads(&new_nodes));
    for (entry, &(o, n)) in sides.iter().enumerate() {
        let how = n.and_then(|n| alignment.method[n]);
        let before = commitments.len();
        compare_commitments(
            side(old, &old_nodes, &old_leads, o),
            side(new, &new_nodes, &new_leads, n),
            how,
            &resolver,
            &mut budget,
            &mut commitments,
        );
        // A paired clause whose encoded commitments changed is modified; changes read from
        // the text alone come with a text change that says so already.
        let encoded = commitments[before..]
            .iter()
            .any(|k| k.old_index.is_some() || k.new_index.is_some());
        if encoded && o.is_some() && n.is_some() {
            clauses[entry].kinds.insert(ClauseChangeKind::Modified);
        }
    }

    super::moved::net_moves(&mut commitments);
    // Each clause text once, with the drafts it stands in: a paired clause whose text is
    // unchanged stands in both.
    let same_text = |o: usize| {
        alignment.old_to_new[o].filter(|&n| new_nodes[n].clause.text == old_nodes[o].clause.text)
    };
    let shared: Vec<bool> = {
        let mut shared = vec![false; new_nodes.len()];
        for o in 0..old_nodes.len() {
            if let Some(n) = same_text(o) {
                shared[n] = true;
            }
        }
        shared
    };
    let texts = (0..old_nodes.len())
        .map(|o| Standing {
            text: old_nodes[o].clause.text.as_str(),
            lead: old_leads.binding[o],
            in_old: true,
            in_new: same_text(o).is_some(),
        })
        .chain(
            (0..new_nodes.len())
                .filter(|&n| !shared[n])
                .map(|n| Standing {
                    text: new_nodes[n].clause.text.as_str(),
                    lead: new_leads.binding[n],
                    in_old: false,
                    in_new: true,
                }),
        );
    super::moved::net_standing(&mut commitments, texts, [&old.language, &new.language]);

    let proposal = proposal_changes(old, new);
    let preamble = preamble_changes(&old.preamble, &new.preamble, options, &mut budget);
    let approximate = clauses
        .iter()
        .filter_map(|c| c.text.as_ref())
        .chain(preamble.iter().filter_map(|r| match r {
            RecitalChange::Modified { text, .. } => Some(text),
            _ => None,
        }))
        .any(|t| t.granularity != Granularity::Word)
        || alignment.approximate;

    let mut summary = Summary {
        old_clauses: old_nodes.len(),
        new_clauses: new_nodes.len(),
        splits: splits.len(),
        merges: merges.len(),
        proposal_fields: proposal.len(),
        commitments: commitments.len(),
        recitals: preamble
            .iter()
            .filter(|r| !matches!(r, RecitalChange::Unchanged { .. }))
            .count(),
        ..Summary::default()
    };
    for c in &clauses {
        if c.kinds.is_empty() {
            summary.unchanged += 1;
        }
        for kind in c.kinds.iter() {
            *match kind {
                ClauseChangeKind::Unchanged => &mut summary.unchanged,
                ClauseChangeKind::Modified => &mut summary.modified,
                ClauseChangeKind::Renumbered => &mut summary.renumbered,
                ClauseChangeKind::Moved => &mut summary.moved,
                ClauseChangeKind::Reparented => &mut summary.reparented,
                ClauseChangeKind::Added => &mut summary.added,
                ClauseChangeKind::Removed => &mut summary.removed,
            } += 1;
        }
    }
    let length = |node: &Node<'_>| node.normalized.len().max(1) as f64;
    let total: f64 =
        old_nodes.iter().map(length).sum::<f64>() + new_nodes.iter().map(length).sum::<f64>();
    let alike: f64 = (0..new_nodes.len())
        .filter_map(|n| {
            alignment.new_to_old[n]
                .map(|o| alignment.similarity[n] * (length(&old_nodes[o]) + length(&new_nodes[n])))
        })
        .sum();
    // A sum of no pairs is -0.0 in IEEE arithmetic; adding 0.0 makes it 0, so that nothing
    // prints "-0.00" or writes -0.0 in the JSON.
    summary.similarity = if total == 0.0 {
        1.0
    } else {
        alike / total + 0.0
    };

    let bracketed = |p: &Proposal| p.clauses.iter().flat_map(Clause::walk).any(|c| c.bracketed);
    let brackets = (bracketed(old) || bracketed(new)).then(|| TallyChange {
        old: Tally::of_proposal(old),
        new: Tally::of_proposal(new),
    });
    Diff {
        version: check::Version {
            brackets: brackets.is_some(),
        },
        old: old.id().clone(),
        new: new.id().clone(),
        party: None,
        commitments,
        proposal,
        preamble,
        clauses,
        splits,
        merges,
        brackets,
        summary,
        approximate,
    }
}

/// A clause (or none) with what its commitments are read with: the lead-in that binds it as
/// an item, and its own lead-in, if it has children.
fn side<'a>(
    proposal: &'a Proposal,
    nodes: &[Node<'a>],
    leads: &Leads<'a>,
    node: Option<usize>,
) -> Side<'a> {
    let clause = node.map(|k| nodes[k].clause);
    Side {
        proposal,
        clause: clause.map(|c| (&c.id, c.text.as_str(), c.commitments.as_slice())),
        lead: node.and_then(|k| leads.binding[k]),
        own_lead: node.and_then(|k| leads.own[k]),
    }
}

/// The lead-ins of a draft's clauses: found once per clause, however many items read them.
struct Leads<'a> {
    /// The lead-in that ends each clause's text ("Each Party shall:"), for the clauses with
    /// children, which it binds.
    own: Vec<Option<&'a str>>,
    /// The lead-in that binds each clause as an item: its parent's; or, for a point ("(a)",
    /// "(ii)") whose parent has none, that of the sibling before its run of points, when that
    /// sibling has no children of its own. (Text extraction may set a paragraph's points
    /// beside it rather than under it: "2. ... the Party shall:", "(a) notify ...".)
    binding: Vec<Option<&'a str>>,
}

fn leads<'a>(nodes: &[Node<'a>]) -> Leads<'a> {
    let own: Vec<Option<&str>> = nodes
        .iter()
        .map(|n| {
            (n.size > 1)
                .then(|| super::inferred::trailing_lead_in(&n.clause.text))
                .flatten()
        })
        .collect();
    // The lead-in of the last sibling that is not a point, by parent (0 for the top).
    let mut before: Vec<Option<&str>> = vec![None; nodes.len() + 1];
    let binding = nodes
        .iter()
        .map(|n| {
            let slot = n.parent.map_or(0, |p| p + 1);
            let parents = n.parent.and_then(|p| own[p]);
            if is_point(n.clause.number.as_deref()) {
                parents.or(before[slot])
            } else {
                before[slot] = (n.size == 1)
                    .then(|| super::inferred::trailing_lead_in(&n.clause.text))
                    .flatten();
                parents
            }
        })
        .collect();
    Leads { own, binding }
}

/// Whether a clause's number labels a point of a list: letters in brackets, "(a)", "(iv)",
/// "b)".
fn is_point(number: Option<&str>) -> bool {
    let Some(label) = number.map(str::trim) else {
        return false;
    };
    let label = label.strip_prefix('(').unwrap_or(label);
    let Some(inner) = label.strip_suffix(')') else {
        return false;
    };
    (1..=5).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_alphabetic())
}

fn unpaired(
    kind: ClauseChangeKind,
    old: Option<Placement>,
    new: Option<Placement>,
    clause: &Clause,
) -> ClauseDiff {
    let mut head = clause.head();
    // Its commitments are entries of `Diff::commitments`, added or dropped.
    head.commitments = Vec::new();
    ClauseDiff {
        kinds: ChangeKinds::from([kind]),
        old,
        new,
        matched_by: None,
        similarity: 0.0,
        text: None,
        heading: None,
        number: None,
        kind: None,
        deleted: None,
        bracketed: None,
        brackets: match kind {
            ClauseChangeKind::Added => compare_brackets(None, Some(clause), 0),
            _ => compare_brackets(Some(clause), None, 0),
        }
        .map(Box::new),
        text_basis: None,
        sources: None,
        answers: None,
        clause: Some(Box::new(head)),
    }
}

fn proposal_changes(old: &Proposal, new: &Proposal) -> Vec<ProposalChange> {
    let mut out = Vec::new();
    macro_rules! field {
        ($variant:ident, $field:ident) => {
            if old.$field != new.$field {
                out.push(ProposalChange::$variant {
                    old: old.$field.clone(),
                    new: new.$field.clone(),
                });
            }
        };
    }
    field!(Title, title);
    field!(Proposer, proposer);
    field!(Parties, parties);
    field!(Date, date);
    field!(Status, status);
    field!(Answers, answers);
    field!(Supersedes, supersedes);
    field!(Language, language);
    field!(TranslatedFrom, translated_from);
    field!(Provenance, provenance);
    field!(IdsFromNumbering, ids_from_numbering);
    out
}
