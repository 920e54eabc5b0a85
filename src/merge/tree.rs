//! The clause tree of a merge: which clauses it holds, under which parents, in which order,
//! with which ids. What each clause says is `clause.rs`'s.

use super::{CommitmentConflict, Conflict, ConflictKind, Map, MergeError, Options, Set, seq};
use crate::diff::{Diff, TextChange};
use crate::{Clause, ClauseId, PartyId, Proposal};

/// A draft's clauses in document order, with their parents and children.
pub(super) struct Draft<'a> {
    pub(super) clauses: Vec<&'a Clause>,
    pub(super) parent: Vec<Option<usize>>,
    pub(super) children: Vec<Vec<usize>>,
    pub(super) top: Vec<usize>,
    pub(super) index: Map<&'a ClauseId, usize>,
}

impl<'a> Draft<'a> {
    pub(super) fn new(p: &'a Proposal, name: &'static str) -> Result<Self, MergeError> {
        let mut d = Draft {
            clauses: Vec::new(),
            parent: Vec::new(),
            children: Vec::new(),
            top: Vec::new(),
            index: Map::default(),
        };
        let mut stack: Vec<(&'a Clause, Option<usize>)> =
            p.clauses.iter().rev().map(|c| (c, None)).collect();
        while let Some((c, parent)) = stack.pop() {
            let i = d.clauses.len();
            if d.index.insert(&c.id, i).is_some() {
                return Err(MergeError::DuplicateClauseId {
                    draft: name,
                    id: c.id.clone(),
                });
            }
            d.clauses.push(c);
            d.parent.push(parent);
            d.children.push(Vec::new());
            match parent {
                Some(p) => d.children[p].push(i),
                None => d.top.push(i),
            }
            stack.extend(c.children().iter().rev().map(|k| (k, Some(i))));
        }
        Ok(d)
    }
}

/// One side's pairing with the base, as its diff made it.
pub(super) struct Revision<'d> {
    /// For each base clause, its partner in the revision.
    pub(super) of_base: Vec<Option<usize>>,
    /// For each clause of the revision, its partner in the base.
    pub(super) base_of: Vec<Option<usize>>,
    /// For each base clause, its text change, when it changed.
    pub(super) text: Vec<Option<&'d TextChange>>,
}

impl<'d> Revision<'d> {
    pub(super) fn new(base: &Draft<'_>, side: &Draft<'_>, d: &'d Diff) -> Self {
        let mut r = Revision {
            of_base: vec![None; base.clauses.len()],
            base_of: vec![None; side.clauses.len()],
            text: vec![None; base.clauses.len()],
        };
        for c in &d.clauses {
            let (Some(old), Some(new)) = (&c.old, &c.new) else {
                continue;
            };
            let (Some(&b), Some(&s)) = (base.index.get(&old.id), side.index.get(&new.id)) else {
                continue;
            };
            r.of_base[b] = Some(s);
            r.base_of[s] = Some(b);
            r.text[b] = c.text.as_ref();
        }
        r
    }
}

/// A clause of the merge: of the base (by its index there), or added by a side (0 ours, 1
/// theirs; by its index in that side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Key {
    Base(usize),
    Added(u8, usize),
}

/// A merged clause before the tree is built: where it comes from, and its parent.
pub(super) struct Node {
    pub(super) made: Made,
    pub(super) parent: Option<Key>,
    /// The parents the two sides gave it, when they moved it apart.
    pub(super) moved: Option<[Option<Key>; 2]>,
    /// The merged clause, once its id and content are settled.
    pub(super) clause: Option<Clause>,
}

/// Where a merged clause comes from.
#[derive(Clone, Copy)]
pub(super) enum Made {
    /// A base clause both sides kept: its partners in ours and theirs.
    Both(usize, usize, usize),
    /// A base clause one side removed and side `s` kept (as clause `i`), changed: optional.
    One(usize, usize),
    /// A base clause both sides left as it was but one removed, or both removed, kept for a
    /// clause under it that stays.
    Kept(usize),
    /// A clause side `s` added (as clause `i`).
    Added(usize, usize),
}

/// The merge under way: the three drafts, each side's pairing with the base, and what it found.
pub(super) struct Merger<'a, 'd> {
    pub(super) base: &'d Draft<'a>,
    pub(super) sides: [&'d Draft<'a>; 2],
    pub(super) revisions: [Revision<'d>; 2],
    pub(super) parties: [&'d PartyId; 2],
    /// Clauses theirs added under an id and a parent that ours gave a clause it added too: one
    /// clause. By theirs' index, ours'; and the other way round.
    pub(super) alias: Map<usize, usize>,
    pub(super) twin: Map<usize, usize>,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) commitment_conflicts: Vec<CommitmentConflict>,
}

/// Three ways: the side that changed the base value wins; alike changes are one; else the
/// two values.
pub(super) fn merge3<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Result<T, (T, T)> {
    if ours == base {
        Ok(theirs.clone())
    } else if theirs == base || ours == theirs {
        Ok(ours.clone())
    } else {
        Err((ours.clone(), theirs.clone()))
    }
}

pub(super) fn shown<T: std::fmt::Debug>(v: &T) -> String {
    format!("{v:?}")
}

/// Whether two clauses say the same, children, id and number aside (a number changes when
/// clauses before it come or go: no change of the clause).
pub(super) fn same_content(a: &Clause, b: &Clause) -> bool {
    a.text == b.text
        && a.bracketed == b.bracketed
        && a.heading == b.heading
        && a.kind == b.kind
        && a.deleted == b.deleted
        && a.text_basis == b.text_basis
        && a.sources == b.sources
        && a.commitments == b.commitments
        && a.answers == b.answers
}

impl Merger<'_, '_> {
    /// The key of clause `i` of side `s`.
    pub(super) fn key(&self, s: usize, i: usize) -> Key {
        match self.revisions[s].base_of[i] {
            Some(b) => Key::Base(b),
            None if s == 1 => match self.alias.get(&i) {
                Some(&o) => Key::Added(0, o),
                None => Key::Added(1, i),
            },
            None => Key::Added(s as u8, i),
        }
    }

    pub(super) fn parent_key(&self, s: usize, i: usize) -> Option<Key> {
        self.sides[s].parent[i].map(|p| self.key(s, p))
    }

    pub(super) fn base_parent(&self, b: usize) -> Option<Key> {
        self.base.parent[b].map(Key::Base)
    }

    /// The proposal's own fields, three ways, the options' where set.
    pub(super) fn fields(
        &mut self,
        base: &Proposal,
        [o, t]: [&Proposal; 2],
        options: &Options,
    ) -> Proposal {
        macro_rules! field {
            ($name:ident) => {{
                match merge3(&base.$name, &o.$name, &t.$name) {
                    Ok(v) => v,
                    Err((a, b)) => {
                        self.conflicts.push(Conflict {
                            kind: ConflictKind::Proposal,
                            clause: None,
                            field: stringify!($name),
                            offset: None,
                            ours: Some(shown(&a)),
                            theirs: Some(shown(&b)),
                        });
                        base.$name.clone()
                    }
                }
            }};
        }
        let title = match &options.title {
            Some(title) => title.clone(),
            None => field!(title),
        };
        let proposer = match &options.proposer {
            Some(p) => p.clone(),
            None => field!(proposer),
        };
        let mut p = Proposal::new(options.id.clone(), title, proposer);
        p.date = match options.date {
            Some(d) => Some(d),
            None => field!(date),
        };
        p.parties = field!(parties);
        p.status = field!(status);
        p.answers = field!(answers);
        p.supersedes = field!(supersedes);
        p.preamble = field!(preamble);
        p.ids_from_numbering = field!(ids_from_numbering);
        p.language = field!(language);
        p.translated_from = field!(translated_from);
        p.provenance = field!(provenance);
        p
    }

    /// The merged clause tree.
    pub(super) fn clauses(&mut self) -> Vec<Clause> {
        self.find_aliases();
        let mut nodes = self.nodes();
        self.keep_ancestors(&mut nodes);
        self.break_cycles(&mut nodes);
        let ids = self.ids(&nodes);
        let mut keys: Vec<Key> = nodes.keys().copied().collect();
        keys.sort_unstable();
        for k in &keys {
            let clause = self.content(&nodes, *k, &ids);
            nodes.get_mut(k).expect("a node").clause = Some(clause);
        }
        self.build(nodes, &ids)
    }

    /// Clauses both sides added with one id under one parent: one clause, its two versions
    /// merged (alike, or as two options where their texts differ).
    fn find_aliases(&mut self) {
        let [o, t] = self.sides;
        for j in 0..t.clauses.len() {
            if self.revisions[1].base_of[j].is_some() {
                continue;
            }
            let c = t.clauses[j];
            let Some(&i) = o.index.get(&c.id) else {
                continue;
            };
            let same_place = self.parent_key(0, i) == self.parent_key(1, j);
            if self.revisions[0].base_of[i].is_none() && same_place {
                self.alias.insert(j, i);
                self.twin.insert(i, j);
            }
        }
    }

    /// Every clause of the merge with its parent.
    fn nodes(&self) -> Map<Key, Node> {
        let mut nodes = Map::default();
        let node = |made, parent, moved| Node {
            made,
            parent,
            moved,
            clause: None,
        };
        for b in 0..self.base.clauses.len() {
            let partners = [self.revisions[0].of_base[b], self.revisions[1].of_base[b]];
            let base_parent = self.base_parent(b);
            match partners {
                [Some(o), Some(t)] => {
                    let parents = [self.parent_key(0, o), self.parent_key(1, t)];
                    let (parent, moved) = match merge3(&base_parent, &parents[0], &parents[1]) {
                        Ok(p) => (p, None),
                        Err(_) => (base_parent, Some(parents)),
                    };
                    nodes.insert(Key::Base(b), node(Made::Both(b, o, t), parent, moved));
                }
                [Some(i), None] | [None, Some(i)] => {
                    let s = usize::from(partners[0].is_none());
                    let parent = self.parent_key(s, i);
                    let changed = !same_content(self.base.clauses[b], self.sides[s].clauses[i])
                        || parent != base_parent;
                    if changed {
                        nodes.insert(Key::Base(b), node(Made::One(s, i), parent, None));
                    }
                }
                [None, None] => {}
            }
        }
        for s in 0..2 {
            for i in 0..self.sides[s].clauses.len() {
                let key = self.key(s, i);
                if matches!(key, Key::Added(side, _) if usize::from(side) == s) {
                    nodes.insert(key, node(Made::Added(s, i), self.parent_key(s, i), None));
                }
            }
        }
        nodes
    }

    /// A removed base clause under which a clause stays is kept, with its base parent.
    fn keep_ancestors(&self, nodes: &mut Map<Key, Node>) {
        let mut missing: Vec<usize> = Vec::new();
        loop {
            missing.clear();
            for n in nodes.values() {
                if let Some(Key::Base(p)) = n.parent {
                    if !nodes.contains_key(&Key::Base(p)) {
                        missing.push(p);
                    }
                }
            }
            if missing.is_empty() {
                return;
            }
            for &b in &missing {
                nodes.entry(Key::Base(b)).or_insert(Node {
                    made: Made::Kept(b),
                    parent: self.base_parent(b),
                    moved: None,
                    clause: None,
                });
            }
        }
    }

    /// Parents that loop (ours moved a under b, theirs b under a): each clause of the loop
    /// goes back under its base parent (an added clause to the top), which ends the loop,
    /// since base parents form a tree.
    fn break_cycles(&self, nodes: &mut Map<Key, Node>) {
        let mut keys: Vec<Key> = nodes.keys().copied().collect();
        keys.sort_unstable();
        for &k in &keys {
            let mut path = Vec::new();
            let mut at = Some(k);
            while let Some(x) = at {
                if let Some(from) = path.iter().position(|&p| p == x) {
                    for &y in &path[from..] {
                        let back = match y {
                            Key::Base(b) => self.base_parent(b),
                            Key::Added(..) => None,
                        };
                        let n = nodes.get_mut(&y).expect("a node on the path");
                        if n.parent != back {
                            n.moved.get_or_insert([n.parent, n.parent]);
                            n.parent = back;
                        }
                    }
                    break;
                }
                path.push(x);
                at = nodes.get(&x).and_then(|n| n.parent);
            }
        }
    }

    /// The rank of a merged clause among others added at one place: its text, then its id,
    /// so that the order does not depend on which side added it.
    pub(super) fn rank(&self, nodes: &Map<Key, Node>, k: Key) -> (String, String) {
        let c = self.source(nodes, k);
        (c.text.clone(), c.id.to_string())
    }

    /// The clause a merged clause starts from: the base's, or the side's that kept or added it.
    fn source<'c>(&'c self, nodes: &Map<Key, Node>, k: Key) -> &'c Clause {
        match nodes.get(&k).map(|n| n.made) {
            Some(Made::One(s, i) | Made::Added(s, i)) => self.sides[s].clauses[i],
            Some(Made::Both(b, ..) | Made::Kept(b)) => self.base.clauses[b],
            None => match k {
                Key::Base(b) => self.base.clauses[b],
                Key::Added(s, i) => self.sides[usize::from(s)].clauses[i],
            },
        }
    }

    /// Each merged clause's id: three ways for a base clause, its own for an added one; an id
    /// taken already (two sides added one id) gets a suffix, clauses taken in the base's
    /// order, then the added ones by rank.
    fn ids(&mut self, nodes: &Map<Key, Node>) -> Map<Key, ClauseId> {
        let mut keys: Vec<Key> = nodes.keys().copied().collect();
        keys.sort_by_cached_key(|&k| match k {
            Key::Base(b) => (0, b, (String::new(), String::new())),
            Key::Added(..) => (1, 0, self.rank(nodes, k)),
        });
        let mut taken = Set::default();
        let mut out = Map::default();
        // Ids both sides changed apart: the base's kept, said once the ids are settled.
        let mut renamed = Vec::new();
        for k in keys {
            let wanted = match nodes[&k].made {
                Made::Both(b, o, t) => {
                    let base = &self.base.clauses[b].id;
                    let sides = [&self.sides[0].clauses[o].id, &self.sides[1].clauses[t].id];
                    merge3(base, sides[0], sides[1]).unwrap_or_else(|_| {
                        renamed.push((k, sides.map(ToString::to_string)));
                        base.clone()
                    })
                }
                _ => self.source(nodes, k).id.clone(),
            };
            let mut id = wanted.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = ClauseId::new(format!("{wanted}-{n}"))
                    .or_else(|_| ClauseId::new(format!("merged-{n}")))
                    .expect("a suffixed id is an id");
                n += 1;
            }
            taken.insert(id.clone());
            out.insert(k, id);
        }
        for (k, [a, b]) in renamed {
            self.conflict(
                ConflictKind::Field,
                &out[&k].clone(),
                "id",
                None,
                [Some(a), Some(b)],
            );
        }
        out
    }
    pub(super) fn conflict(
        &mut self,
        kind: ConflictKind,
        clause: &ClauseId,
        field: &'static str,
        offset: Option<usize>,
        sides: [Option<String>; 2],
    ) {
        let [ours, theirs] = sides;
        self.conflicts.push(Conflict {
            kind,
            clause: Some(clause.clone()),
            field,
            offset,
            ours,
            theirs,
        });
    }

    /// The name of a parent, for a conflict: its id in the merge, or "the top level".
    pub(super) fn parent_name(k: Option<Key>, ids: &Map<Key, ClauseId>) -> String {
        k.and_then(|k| ids.get(&k))
            .map_or_else(|| "the top level".to_owned(), ToString::to_string)
    }
}

impl Merger<'_, '_> {
    /// The merged tree: each parent's children in their merged order.
    fn build(&mut self, mut nodes: Map<Key, Node>, ids: &Map<Key, ClauseId>) -> Vec<Clause> {
        // Each parent's children, in the order the sides give them.
        let mut under: Map<Option<Key>, Vec<Key>> = Map::default();
        for (&k, n) in &nodes {
            under.entry(n.parent).or_default().push(k);
        }
        let mut order: Map<Option<Key>, Vec<Key>> = Map::default();
        let mut parents: Vec<Option<Key>> = under.keys().copied().collect();
        parents.sort_unstable();
        for p in parents {
            let lists = self.child_lists(p);
            let rank = |k: &Key| self.rank(&nodes, *k);
            let (merged, conflict) = seq::merge(&lists[0], &lists[1], &lists[2], rank);
            let mine: Set<Key> = under[&p].iter().copied().collect();
            let mut placed = Set::with_capacity_and_hasher(mine.len(), Default::default());
            let mut seq: Vec<Key> = Vec::with_capacity(mine.len());
            for k in merged {
                if mine.contains(&k) && placed.insert(k) {
                    seq.push(k);
                }
            }
            // Clauses placed here that no side's list holds here (moved back by a conflict):
            // in the base's order, then by rank.
            let mut rest: Vec<Key> = under[&p]
                .iter()
                .copied()
                .filter(|k| !placed.contains(k))
                .collect();
            rest.sort_by_cached_key(|&k| (k, self.rank(&nodes, k)));
            seq.extend(rest);
            if conflict {
                let name = Self::parent_name(p, ids);
                self.conflicts.push(Conflict {
                    kind: ConflictKind::Order,
                    clause: p.and_then(|k| ids.get(&k)).cloned(),
                    field: "children",
                    offset: None,
                    ours: Some(name.clone()),
                    theirs: Some(name),
                });
            }
            order.insert(p, seq);
        }
        // Bottom up, so that each clause takes its children whole; a clause that would nest
        // too deep goes to the top level, said as a move.
        let mut post: Vec<Key> = Vec::new();
        let mut stack: Vec<(Key, bool)> = order
            .get(&None)
            .map(|v| v.iter().rev().map(|&k| (k, false)).collect())
            .unwrap_or_default();
        while let Some((k, done)) = stack.pop() {
            if done {
                post.push(k);
                continue;
            }
            stack.push((k, true));
            if let Some(kids) = order.get(&Some(k)) {
                stack.extend(kids.iter().rev().map(|&c| (c, false)));
            }
        }
        let mut built: Map<Key, Clause> = Map::default();
        let mut orphans: Vec<Clause> = Vec::new();
        for k in post {
            let mut clause = nodes
                .get_mut(&k)
                .and_then(|n| n.clause.take())
                .expect("each clause is built once");
            for kid in order.get(&Some(k)).into_iter().flatten() {
                let child = built.remove(kid).expect("children are built first");
                if let Err(e) = clause.push_child(child) {
                    orphans.push(e.into_child());
                }
            }
            built.insert(k, clause);
        }
        let mut top: Vec<Clause> = order
            .get(&None)
            .into_iter()
            .flatten()
            .map(|k| built.remove(k).expect("a top clause is built"))
            .collect();
        for o in orphans {
            self.conflicts.push(Conflict {
                kind: ConflictKind::Moved,
                clause: Some(o.id.clone()),
                field: "parent",
                offset: None,
                ours: None,
                theirs: None,
            });
            top.push(o);
        }
        top
    }

    /// The children of merged parent `p` in the base, ours and theirs, as keys; a side that
    /// does not have `p` gives the base's list (it left them alone).
    fn child_lists(&self, p: Option<Key>) -> [Vec<Key>; 3] {
        let base: Vec<Key> = match p {
            None => self.base.top.iter().map(|&b| Key::Base(b)).collect(),
            Some(Key::Base(b)) => self.base.children[b]
                .iter()
                .map(|&c| Key::Base(c))
                .collect(),
            Some(Key::Added(..)) => Vec::new(),
        };
        let side = |s: usize| -> Vec<Key> {
            let at = match p {
                None => Some(&self.sides[s].top),
                Some(Key::Base(b)) => {
                    self.revisions[s].of_base[b].map(|i| &self.sides[s].children[i])
                }
                Some(Key::Added(a, i)) if usize::from(a) == s => Some(&self.sides[s].children[i]),
                Some(Key::Added(_, i)) => {
                    // Theirs' twin of a clause ours added under the same id and parent.
                    (s == 1)
                        .then(|| self.twin.get(&i).copied())
                        .flatten()
                        .map(|t| &self.sides[1].children[t])
                }
            };
            match at {
                Some(kids) => kids.iter().map(|&i| self.key(s, i)).collect(),
                None => base.clone(),
            }
        };
        let (o, t) = (side(0), side(1));
        [base, o, t]
    }
}
