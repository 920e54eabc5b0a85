//! The rules, one function per element, in document order.

use crate::quote::{MAX_QUOTED, cut};
use std::collections::{HashMap, HashSet};

use crate::brackets::{BracketErrorKind, Bracketed, Segment};
use crate::deontic;
use crate::diff::align::Seeded;
use crate::id::{ClauseId, PartyId, ProposalId};
use crate::model::commitment::{Commitment, PartyRef};
use crate::validate::report::{Key, Location, Problem, ProblemKind, Report, Step};
use crate::{Clause, Modality, Negotiation, Party, Proposal};

/// Where the checker is in the document: a chain of steps on the stack, made into a
/// [`Location`] only when a problem is found there, so that checking a sound document builds
/// no locations at all.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Step {
        parent: &'a Path<'a>,
        field: &'static str,
        key: PathKey<'a>,
    },
}

#[derive(Clone, Copy)]
pub(crate) enum PathKey<'a> {
    None,
    Id(&'a str),
    Index(usize),
}

impl Path<'_> {
    fn step<'b>(&'b self, field: &'static str, key: PathKey<'b>) -> Path<'b> {
        Path::Step {
            parent: self,
            field,
            key,
        }
    }

    fn field(&self, field: &'static str) -> Path<'_> {
        self.step(field, PathKey::None)
    }

    fn id<'b>(&'b self, field: &'static str, id: &'b str) -> Path<'b> {
        self.step(field, PathKey::Id(id))
    }

    fn index(&self, field: &'static str, index: usize) -> Path<'_> {
        self.step(field, PathKey::Index(index))
    }

    fn location(&self) -> Location {
        let mut steps = Vec::new();
        let mut at = self;
        while let Path::Step { parent, field, key } = at {
            let key = match *key {
                PathKey::None => None,
                PathKey::Id(id) => Some(Key::Id(id.to_owned())),
                PathKey::Index(i) => Some(Key::Index(i)),
            };
            steps.push(Step { field, key });
            at = parent;
        }
        steps.reverse();
        Location::from_steps(steps)
    }
}

pub(crate) struct Checker<'a> {
    pub(crate) context: Option<&'a Negotiation>,
    pub(crate) report: Report,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, kind: ProblemKind, at: &Path<'_>, message: impl Into<String>) {
        self.report.push(Problem::new(kind, at.location(), message));
    }

    fn known_party(&mut self, id: &PartyId, at: &Path<'_>) {
        if let Some(n) = self.context {
            if n.party(id.as_str()).is_none() {
                self.problem(
                    ProblemKind::UnknownParty,
                    at,
                    format!("unknown party `{id}`"),
                );
            }
        }
    }

    pub(crate) fn negotiation(&mut self, n: &'a Negotiation) {
        let root = Path::Root;
        for party in n.parties() {
            self.party(party, &root.id("parties", party.id().as_str()));
        }
        self.membership_cycles(n);
        for proposal in n.proposals() {
            self.proposal(proposal, &root.id("proposals", proposal.id().as_str()));
        }
        self.link_cycles(n);
        for meeting in n.meetings() {
            let at = root.id("meetings", meeting.id().as_str());
            for (i, d) in meeting.delegations.iter().enumerate() {
                self.known_party(&d.party, &at.index("delegations", i).field("party"));
            }
            for (i, p) in meeting.agenda.iter().enumerate() {
                if n.proposal(p.as_str()).is_none() {
                    let msg = format!("unknown proposal `{p}`");
                    self.problem(ProblemKind::UnknownProposal, &at.index("agenda", i), msg);
                }
            }
        }
    }

    fn party(&mut self, party: &Party, at: &Path<'_>) {
        for (i, m) in party.members.iter().enumerate() {
            let here = at.index("members", i);
            self.known_party(&m.party, &here.field("party"));
            if let Some(until) = m.until {
                if until <= m.since {
                    let msg = format!(
                        "membership of `{}` ends on {until}, not after it starts on {}",
                        m.party, m.since
                    );
                    self.problem(ProblemKind::InvalidDateRange, &here.field("until"), msg);
                }
            }
        }
    }

    /// Each cycle once, at the first party (in document order) that is on it.
    fn membership_cycles(&mut self, n: &Negotiation) {
        let edges = |p: &Party| -> Vec<usize> {
            p.members
                .iter()
                .filter_map(|m| n.parties.get_index_of(m.party.as_str()))
                .collect()
        };
        let graph: Vec<Vec<usize>> = n.parties().map(edges).collect();
        for cycle in cycles(&graph) {
            let names: Vec<&str> = cycle.iter().map(|&i| n.parties[i].id().as_str()).collect();
            let first = &n.parties[cycle[0]];
            let next = n.parties[cycle[(1) % cycle.len()]].id();
            let index = first
                .members
                .iter()
                .position(|m| m.party == *next)
                .unwrap_or(0);
            let msg = format!("membership cycle: {} -> {}", names.join(" -> "), names[0]);
            let root = Path::Root;
            let at = root.id("parties", first.id().as_str());
            self.problem(
                ProblemKind::MembershipCycle,
                &at.index("members", index),
                msg,
            );
        }
    }

    /// Each cycle of answers and supersedes links once, at the first proposal on it.
    fn link_cycles(&mut self, n: &Negotiation) {
        let target = |p: &Option<ProposalId>| {
            p.as_ref()
                .and_then(|id| n.proposals.get_index_of(id.as_str()))
        };
        let graph: Vec<Vec<usize>> = n
            .proposals()
            .map(|p| {
                [target(&p.answers), target(&p.supersedes)]
                    .into_iter()
                    .flatten()
                    .collect()
            })
            .collect();
        for cycle in cycles(&graph) {
            let names: Vec<&str> = cycle
                .iter()
                .map(|&i| n.proposals[i].id().as_str())
                .collect();
            let first = &n.proposals[cycle[0]];
            let next = n.proposals[cycle[1 % cycle.len()]].id();
            let field = if first.answers.as_ref() == Some(next) {
                "answers"
            } else {
                "supersedes"
            };
            let msg = format!(
                "proposals answer or supersede each other in a cycle: {} -> {}",
                names.join(" -> "),
                names[0]
            );
            let root = Path::Root;
            let at = root.id("proposals", first.id().as_str());
            self.problem(ProblemKind::LinkCycle, &at.field(field), msg);
        }
    }

    pub(crate) fn proposal(&mut self, p: &Proposal, at: &Path<'_>) {
        self.known_party(&p.proposer, &at.field("proposer"));
        for (i, party) in p.parties.iter().enumerate() {
            self.known_party(party.named_party(), &at.index("parties", i));
        }
        let bound = self.bound_count(p);
        if bound < 2 {
            let msg = format!(
                "the proposal binds {bound} part{}, an agreement needs at least two",
                if bound == 1 { "y" } else { "ies" }
            );
            self.problem(ProblemKind::TooFewParties, &at.field("parties"), msg);
        }
        if let Some(n) = self.context {
            for (field, link) in [("answers", &p.answers), ("supersedes", &p.supersedes)] {
                let Some(link) = link else { continue };
                match n.proposal(link.as_str()) {
                    None => {
                        let msg = format!("unknown proposal `{link}`");
                        self.problem(ProblemKind::UnknownProposal, &at.field(field), msg);
                    }
                    Some(target) if field == "answers" => {
                        if let (Some(mine), Some(theirs)) = (p.date, target.date) {
                            if theirs > mine {
                                let msg = format!(
                                    "dated {mine}, the proposal answers `{link}` of {theirs}, a later date"
                                );
                                self.problem(
                                    ProblemKind::AnswersLaterProposal,
                                    &at.field("answers"),
                                    msg,
                                );
                            }
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        let answered = match (self.context, &p.answers) {
            (Some(n), Some(id)) => n
                .proposal(id.as_str())
                .map(|t| t.walk().map(|c| &c.id).collect::<HashSet<_>>()),
            _ => None,
        };
        let mut scope = ProposalScope {
            proposal: p,
            answered,
            seen: HashSet::new(),
        };
        self.siblings(&mut scope, &p.clauses, at, "clauses");
    }

    /// How many distinct parties the proposal binds: resolved where the negotiation is known
    /// (a group counts its members), else one per named party and two per group.
    fn bound_count(&self, p: &Proposal) -> usize {
        if let Some(n) = self.context {
            if let Ok(all) = n.resolve_all(&p.parties, p.date) {
                return all.len();
            }
        }
        let named: HashSet<&PartyRef> = p.parties.iter().collect();
        named
            .iter()
            .map(|r| {
                if matches!(r, PartyRef::MembersOf { .. }) {
                    2
                } else {
                    1
                }
            })
            .sum()
    }

    fn siblings<'p>(
        &mut self,
        scope: &mut ProposalScope<'p>,
        clauses: &'p [Clause],
        parent: &Path<'_>,
        field: &'static str,
    ) {
        let mut numbers = Numbering::default();
        for (i, clause) in clauses.iter().enumerate() {
            // A repeated id is addressed by index, so that every path stays unambiguous.
            let fresh = scope.seen.insert(&clause.id);
            let at = if fresh {
                parent.id(field, clause.id.as_str())
            } else {
                parent.index(field, i)
            };
            if !fresh {
                let msg = format!(
                    "clause id `{}` is used more than once in the proposal",
                    clause.id
                );
                self.problem(ProblemKind::DuplicateClauseId, &at.field("id"), msg);
            }
            if let Some(number) = &clause.number {
                for (kind, msg) in numbers.next(number) {
                    self.problem(kind, &at.field("number"), msg);
                }
            }
            self.clause(scope, clause, &at);
        }
    }

    fn clause<'p>(&mut self, scope: &mut ProposalScope<'p>, clause: &'p Clause, at: &Path<'_>) {
        if clause.text.trim().is_empty() && clause.children().is_empty() {
            self.problem(
                ProblemKind::EmptyClause,
                at,
                "the clause has no text and no children",
            );
        }
        let mut ids = HashSet::new();
        for (i, c) in clause.commitments.iter().enumerate() {
            let fresh = ids.insert(&c.id);
            let here = if fresh {
                at.id("commitments", c.id.as_str())
            } else {
                at.index("commitments", i)
            };
            if !fresh {
                let msg = format!(
                    "commitment id `{}` is used more than once in the clause",
                    c.id
                );
                self.problem(ProblemKind::DuplicateCommitmentId, &here.field("id"), msg);
            }
            self.commitment(scope.proposal, c, &here);
        }
        self.deontic(clause, at);
        self.brackets(clause, at);
        if !clause.answers.is_empty() {
            match (&scope.proposal.answers, &scope.answered) {
                (None, _) => {
                    let msg = "the clause answers clauses, but its proposal answers no proposal";
                    self.problem(
                        ProblemKind::AnswerLinkWithoutTarget,
                        &at.field("answers"),
                        msg,
                    );
                }
                (Some(target), Some(answered)) => {
                    for (i, id) in clause.answers.iter().enumerate() {
                        if !answered.contains(id) {
                            let msg = format!(
                                "unknown clause `{id}` in the answered proposal `{target}`"
                            );
                            self.problem(ProblemKind::UnknownClause, &at.index("answers", i), msg);
                        }
                    }
                }
                (Some(_), None) => {}
            }
        }
        self.siblings(scope, clause.children(), at, "children");
    }

    /// A bracketed text: readable, each supporter a party, no two choices of a bracket alike.
    /// A problem stands at `text[N]`, N the byte where the bracket at fault opens.
    fn brackets(&mut self, clause: &Clause, at: &Path<'_>) {
        let Some(read) = clause.brackets() else {
            return;
        };
        let text = read.unwrap_or_else(|e| {
            let kind = match e.kind() {
                BracketErrorKind::Unclosed | BracketErrorKind::Unopened => {
                    ProblemKind::UnbalancedBracket
                }
                BracketErrorKind::Empty => ProblemKind::EmptyBracket,
                BracketErrorKind::TooDeep => ProblemKind::BracketTooDeep,
                _ => ProblemKind::InvalidSupporters,
            };
            let from = clause.text.get(e.offset()..).unwrap_or_default();
            let msg = format!("{}: `{}`", e, cut(from, MAX_QUOTED));
            self.problem(kind, &at.index("text", e.offset()), msg);
            Bracketed::default()
        });
        for b in text.brackets() {
            let here = at.index("text", b.offset);
            // Each supporter once per bracket, and one problem per bracket for its repeated
            // choices: a bracket of thousands of choices makes a report of a few lines.
            let mut named = HashSet::with_hasher(Seeded::default());
            for p in b.choices.iter().flat_map(|c| &c.supporters) {
                if named.insert(p) {
                    self.known_party(p, &here);
                }
            }
            let mut first: HashMap<&[Segment], usize, Seeded> =
                HashMap::with_capacity_and_hasher(b.choices.len(), Seeded::default());
            let mut repeats = Vec::new();
            for (i, c) in b.choices.iter().enumerate() {
                if let Some(&j) = first.get(c.segments.as_slice()) {
                    repeats.push((j, i));
                } else {
                    first.insert(&c.segments, i);
                }
            }
            if let Some(&(j, i)) = repeats.first() {
                let more = match repeats.len() - 1 {
                    0 => String::new(),
                    n => format!(" ({n} more choices repeat others)"),
                };
                let msg = format!(
                    "choices {} and {} of the {} at byte {} read the same: `{}`{more}",
                    j + 1,
                    i + 1,
                    b.kind,
                    b.offset,
                    cut(&b.choices[i].plain(), MAX_QUOTED)
                );
                self.problem(ProblemKind::IdenticalOptions, &here, msg);
            }
        }
    }

    fn commitment(&mut self, p: &Proposal, c: &Commitment, at: &Path<'_>) {
        if c.obligors.is_empty() {
            self.problem(
                ProblemKind::NoObligor,
                &at.field("obligors"),
                "the commitment binds nobody",
            );
        }
        for (field, refs) in [
            ("obligors", &c.obligors),
            ("beneficiaries", &c.beneficiaries),
        ] {
            for (i, r) in refs.iter().enumerate() {
                self.known_party(r.named_party(), &at.index(field, i));
            }
        }
        if let Some(n) = self.context {
            for (i, r) in c.obligors.iter().enumerate() {
                if n.party(r.named_party().as_str()).is_some() && !is_party_to(n, p, r) {
                    let msg = format!(
                        "obligor `{r}` is neither a party to the proposal nor a member of one"
                    );
                    self.problem(ProblemKind::ObligorNotParty, &at.index("obligors", i), msg);
                }
            }
        }
        if let (Some(from), Some(until)) = (c.scope.from, c.scope.until) {
            if until < from {
                let msg =
                    format!("the commitment applies until {until}, before it starts on {from}");
                self.problem(ProblemKind::InvalidDateRange, &at.field("scope"), msg);
            }
        }
    }

    fn deontic(&mut self, clause: &Clause, at: &Path<'_>) {
        let found = deontic::modalities(&clause.text);
        if found.is_empty() {
            return;
        }
        if clause.commitments.is_empty() {
            let words: Vec<&str> = found.iter().map(|m| m.marker()).collect();
            let msg = format!(
                "the text binds someone ({}) but the clause records no commitment",
                words.join(", ")
            );
            self.problem(ProblemKind::UncommittedDeonticText, &at.field("text"), msg);
            return;
        }
        let mut seen = HashSet::new();
        for (i, c) in clause.commitments.iter().enumerate() {
            let fresh = seen.insert(&c.id);
            if has_markers(c.modality) && !found.contains(&c.modality) {
                let here = if fresh {
                    at.id("commitments", c.id.as_str())
                } else {
                    at.index("commitments", i)
                };
                let words: Vec<&str> = found.iter().map(|m| m.as_str()).collect();
                let msg = format!(
                    "the commitment is a {} but the text expresses {}",
                    c.modality,
                    words.join(", ")
                );
                self.problem(
                    ProblemKind::ModalityContradictsText,
                    &here.field("modality"),
                    msg,
                );
            }
        }
    }
}

/// Modalities that [`deontic::markers`] can find in text; a statement of position has no marker,
/// so no text contradicts it.
fn has_markers(m: Modality) -> bool {
    !matches!(m, Modality::Statement)
}

/// Whether an obligor is bound by the proposal: named among its parties, a member of one of them,
/// or the members of a party it names.
fn is_party_to(n: &Negotiation, p: &Proposal, obligor: &PartyRef) -> bool {
    let named = obligor.named_party();
    p.parties.iter().any(|bound| {
        let b = bound.named_party();
        match obligor {
            PartyRef::MembersOf { .. } => b == named,
            PartyRef::Party(_) => {
                b == named
                    || n.party(b.as_str())
                        .is_some_and(|a| a.members.iter().any(|m| m.party == *named))
            }
        }
    })
}

/// What the clause rules need of the proposal they are in.
struct ProposalScope<'p> {
    proposal: &'p Proposal,
    /// The clause ids of the answered proposal, when it is known.
    answered: Option<HashSet<&'p ClauseId>>,
    /// Clause ids met so far, for duplicates across the whole tree.
    seen: HashSet<&'p ClauseId>,
}

/// Numbering checks among siblings: duplicates, gaps and disorder.
#[derive(Default)]
struct Numbering {
    seen: HashMap<String, usize>,
    previous: Option<crate::numbering::Ordinal>,
}

impl Numbering {
    fn next(&mut self, number: &str) -> Vec<(ProblemKind, String)> {
        let mut out = Vec::new();
        let normal = number
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let count = self.seen.entry(normal).or_insert(0);
        *count += 1;
        let duplicate = *count > 1;
        if duplicate {
            out.push((
                ProblemKind::DuplicateNumber,
                format!(
                    "number `{}` is used by an earlier sibling too",
                    cut(number, MAX_QUOTED)
                ),
            ));
        }
        let Some(ordinal) = crate::numbering::Ordinal::parse(number, self.previous.as_ref()) else {
            return out;
        };
        if let Some(prev) = &self.previous {
            let same_style = prev.prefix == ordinal.prefix
                && prev.suffix == ordinal.suffix
                && prev.class == ordinal.class;
            if same_style && !duplicate {
                if ordinal.value <= prev.value {
                    out.push((
                        ProblemKind::NumberingDisorder,
                        format!(
                            "number `{}` comes after a higher or equal number",
                            cut(number, MAX_QUOTED)
                        ),
                    ));
                } else if ordinal.value > prev.value + 1 {
                    let missing = ordinal.value - prev.value - 1;
                    out.push((
                        ProblemKind::NumberingGap,
                        format!(
                            "number `{}` skips {missing} number{} after the previous sibling",
                            cut(number, MAX_QUOTED),
                            if missing == 1 { "" } else { "s" }
                        ),
                    ));
                }
            }
        }
        self.previous = Some(ordinal);
        out
    }
}

/// Cycles of a graph whose nodes are `0..graph.len()`, found by an iterative depth-first search
/// (no recursion, so no depth limit): one for each edge that leads back to a node on the
/// search's path, rotated to start at its lowest node and reported once. A graph with a cycle
/// reports at least one, and every node on a cycle lies on some reported one; a dense graph's
/// other simple cycles, which would be exponentially many, are not all listed.
pub(crate) fn cycles(graph: &[Vec<usize>]) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let mut colour = vec![Colour::White; graph.len()];
    let mut found = Vec::new();
    let mut known = HashSet::new();
    for root in 0..graph.len() {
        if colour[root] != Colour::White {
            continue;
        }
        let mut path: Vec<usize> = vec![root];
        let mut next_edge: Vec<usize> = vec![0];
        colour[root] = Colour::Grey;
        while let Some(&node) = path.last() {
            let edge = next_edge
                .last_mut()
                .expect("path and next_edge have one length");
            match graph[node].get(*edge) {
                Some(&to) => {
                    *edge += 1;
                    match colour[to] {
                        Colour::White => {
                            colour[to] = Colour::Grey;
                            path.push(to);
                            next_edge.push(0);
                        }
                        Colour::Grey => {
                            let start = path
                                .iter()
                                .position(|&n| n == to)
                                .expect("a grey node is on the path");
                            let mut cycle = path[start..].to_vec();
                            let min = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|(_, n)| **n)
                                .map_or(0, |(i, _)| i);
                            cycle.rotate_left(min);
                            if known.insert(cycle.clone()) {
                                found.push(cycle);
                            }
                        }
                        Colour::Black => {}
                    }
                }
                None => {
                    colour[node] = Colour::Black;
                    path.pop();
                    next_edge.pop();
                }
            }
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::cycles;

    #[test]
    fn cycles_are_found_by_back_edges_not_all_listed() {
        // Every pair of three nodes linked both ways: five simple cycles in all.
        let graph = vec![vec![1, 2], vec![0, 2], vec![0, 1]];
        let found = cycles(&graph);
        assert!(!found.is_empty() && found.len() < 5, "{found:?}");
        // Each starts at its lowest node, and together they cover every node on a cycle.
        assert!(found.iter().all(|c| c[0] == *c.iter().min().unwrap()));
        let mut covered: Vec<usize> = found.concat();
        covered.sort_unstable();
        covered.dedup();
        assert_eq!(covered, [0, 1, 2]);
        // No cycle, none reported.
        assert!(cycles(&[vec![1], vec![2], vec![]]).is_empty());
    }
}
