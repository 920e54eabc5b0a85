//! Pairing the clauses of two drafts. The steps, their thresholds and budgets, and the known
//! limits are described once, in the `diff` module docs ("How clauses are paired"); the
//! comments here say how each step is built.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::normalize::{dice, normalized, shingles_masked, word_hash};
use super::{MatchedBy, Options};
use crate::{Clause, ClauseId, Proposal};

mod conflicts;
mod gaps;
mod index;
mod moves;
mod similar;
mod spread;

use index::Counter;
pub(crate) use index::{FxMap, Seeded};
pub(crate) use moves::moved;
pub(crate) use spread::spread;

/// A clause with where it stands, flattened in document order (parents before children).
#[derive(Debug)]
pub(crate) struct Node<'a> {
    pub(crate) clause: &'a Clause,
    pub(crate) parent: Option<usize>,
    /// Position among its siblings.
    pub(crate) index: usize,
    /// Clauses in its subtree, itself included.
    pub(crate) size: usize,
    pub(crate) normalized: Cow<'a, str>,
    /// The text's bigrams, computed when first needed: most clauses pair by identical text and
    /// never need them.
    shingles: OnceCell<Vec<u64>>,
    /// The bigrams of its whole subtree, for clauses with children (see `similar::whole`).
    whole: OnceCell<Vec<u64>>,
    /// The words read as one placeholder in its bigrams (see [`names`]).
    pub(crate) masked: &'a [u64],
}

impl Node<'_> {
    pub(crate) fn shingles(&self) -> &[u64] {
        self.shingles
            .get_or_init(|| shingles_masked(&self.normalized, self.masked))
    }

    /// Frees the bigrams computed for pairing, once pairing is done: they take about as
    /// much memory as the text. (Asked again, they are computed again.)
    pub(crate) fn release(&mut self) {
        self.shingles.take();
        self.whole.take();
    }
}

/// The names each draft's title and preamble introduce and the other draft never uses, as
/// sorted word hashes: "the Republic of Indonesia" against "the Republic of the Philippines",
/// "Bahrain" against "Oman". Pairing reads them as one placeholder word, so that two clauses
/// that differ only in the party they name are as alike as the rest of their words; the text
/// comparison still shows every word. A name is a word written with a capital in the title or
/// a recital of one draft that the other draft holds nowhere, in any case, not even inside a
/// longer word (looked for with memmem).
pub(crate) fn names(old: &Proposal, new: &Proposal) -> Vec<u64> {
    // The first capitalised words of the title and preamble, at most `MAX_NAMES`: each is
    // looked for in the whole other draft, so their number bounds the work.
    let opening = |p: &Proposal| -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let all = std::iter::once(p.title.as_str())
            .chain(p.preamble.iter().map(|r| r.text.as_str()))
            .flat_map(capital_words);
        for w in all {
            if words.len() == MAX_NAMES {
                break;
            }
            if !words.iter().any(|x| x == w) {
                words.push(w.to_owned());
            }
        }
        words
    };
    // Everything a draft says, for the test that a name is not in it.
    let all = |p: &Proposal| {
        let mut text = p.title.clone();
        for t in p
            .preamble
            .iter()
            .map(|r| r.text.as_str())
            .chain(p.walk().map(|c| c.text.as_str()))
        {
            text.push('\n');
            text.push_str(t);
        }
        text
    };
    let mut out = Vec::new();
    for (mine, other) in [(old, new), (new, old)] {
        let candidates = opening(mine);
        if candidates.is_empty() {
            continue;
        }
        let text = all(other);
        for word in candidates {
            let lower = word.to_lowercase();
            let mut title: String = lower.chars().take(1).flat_map(char::to_uppercase).collect();
            title.extend(lower.chars().skip(1));
            let found = [lower.as_str(), title.as_str(), &word.to_uppercase(), &word]
                .into_iter()
                .any(|v| memchr::memmem::find(text.as_bytes(), v.as_bytes()).is_some());
            if !found {
                out.push(word_hash(&word));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Capitalised words of a draft's title and preamble looked for in the other draft, at most:
/// names come early, and a hostile preamble of many words costs no more.
const MAX_NAMES: usize = 64;

/// The words of `text` that start with a capital letter, but for single letters ("A", "I"):
/// those are articles, pronouns and labels, never names.
fn capital_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some()
    })
}

pub(crate) fn flatten<'a>(p: &'a Proposal, masked: &'a [u64]) -> Vec<Node<'a>> {
    let mut out: Vec<Node<'_>> = Vec::with_capacity(p.walk().count());
    // (clause, parent, index), pushed in reverse so that they pop in document order.
    let mut stack: Vec<(&Clause, Option<usize>, usize)> = p
        .clauses
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c, None, i))
        .collect();
    while let Some((clause, parent, index)) = stack.pop() {
        let me = out.len();
        out.push(Node {
            clause,
            parent,
            index,
            size: 1,
            normalized: normalized(&clause.text),
            shingles: OnceCell::new(),
            whole: OnceCell::new(),
            masked,
        });
        stack.extend(
            clause
                .children()
                .iter()
                .enumerate()
                .rev()
                .map(|(i, c)| (c, Some(me), i)),
        );
    }
    // Children come after their parent, so one backward pass sums subtree sizes.
    for i in (0..out.len()).rev() {
        if let Some(parent) = out[i].parent {
            out[parent].size += out[i].size;
        }
    }
    out
}

/// In a gap between anchors, the least similarity that pairs, as a share of the similarity
/// threshold.
const GAP_FLOOR: f64 = 0.6;
/// For siblings that bear one number under paired parents, the least similarity that pairs,
/// as a share of the similarity threshold: two translations of one text share a quarter to a
/// half of their bigrams, while two short provisions that only open alike ("The Parties
/// shall ...") share about a fifth.
const NUMBER_FLOOR: f64 = 0.5;

/// Which old clause each new clause is paired with, how, and how alike the two are.
#[derive(Debug)]
pub(crate) struct Alignment {
    pub(crate) new_to_old: Vec<Option<usize>>,
    pub(crate) old_to_new: Vec<Option<usize>>,
    pub(crate) method: Vec<Option<MatchedBy>>,
    pub(crate) similarity: Vec<f64>,
    /// Candidate pairs the index looked at, for the record of the work done.
    pub(crate) candidates_scored: usize,
    /// Whether a work budget left candidates unscored (see `index::MAX_TIED`).
    pub(crate) approximate: bool,
}

impl Alignment {
    fn pair(&mut self, new: usize, old: usize, how: MatchedBy) {
        debug_assert!(
            self.new_to_old[new].is_none() && self.old_to_new[old].is_none(),
            "a clause paired twice"
        );
        self.new_to_old[new] = Some(old);
        self.old_to_new[old] = Some(new);
        self.method[new] = Some(how);
    }

    fn unpair(&mut self, new: usize) {
        if let Some(old) = self.new_to_old[new].take() {
            self.old_to_new[old] = None;
            self.method[new] = None;
        }
    }

    /// The old place that matches a new clause's parent: `Some(None)` at the top,
    /// `Some(Some(o))` under a parent paired with `o`, and `None` under a parent not paired.
    fn old_place(&self, new_parent: Option<usize>) -> Option<Option<usize>> {
        match new_parent {
            None => Some(None),
            Some(np) => self.new_to_old[np].map(Some),
        }
    }
}

pub(crate) fn align(
    old_p: &Proposal,
    new_p: &Proposal,
    old: &[Node<'_>],
    new: &[Node<'_>],
    options: &Options,
) -> Alignment {
    let mut a = Alignment {
        new_to_old: vec![None; new.len()],
        old_to_new: vec![None; old.len()],
        method: vec![None; new.len()],
        similarity: vec![0.0; new.len()],
        candidates_scored: 0,
        approximate: false,
    };

    // 1. Answer links, in whichever direction the proposals answer each other.
    if options.match_links {
        if new_p.answers.as_ref() == Some(old_p.id()) {
            let by_id = first_by_id(old);
            for (n, node) in new.iter().enumerate() {
                if let Some(o) = node
                    .clause
                    .answers
                    .iter()
                    .filter_map(|id| by_id.get(id))
                    .copied()
                    .find(|&o| a.old_to_new[o].is_none())
                {
                    a.pair(n, o, MatchedBy::Link);
                }
            }
        } else if old_p.answers.as_ref() == Some(new_p.id()) {
            let by_id = first_by_id(new);
            for (o, node) in old.iter().enumerate() {
                if let Some(n) = node
                    .clause
                    .answers
                    .iter()
                    .filter_map(|id| by_id.get(id))
                    .copied()
                    .find(|&n| a.new_to_old[n].is_none())
                {
                    a.pair(n, o, MatchedBy::Link);
                }
            }
        }
    }

    // 2. Shared ids.
    if options.match_ids {
        let by_id = first_by_id(old);
        for (n, node) in new.iter().enumerate() {
            if a.new_to_old[n].is_some() {
                continue;
            }
            if let Some(&o) = by_id.get(&node.clause.id) {
                if a.old_to_new[o].is_none() {
                    a.pair(n, o, MatchedBy::Id);
                }
            }
        }
    }

    let threshold = options.similarity_threshold;
    if languages_differ(old_p, new_p) {
        // Between languages, texts say nothing about which clause is which: a shared word or
        // a bare number would pair by accident. The outline alone pairs them: by number
        // among siblings under paired parents, then unnumbered siblings in order.
        let siblings = gaps::Siblings::new(old, new);
        gaps::numbers(&mut a, old, new, &siblings, 0.0);
        gaps::in_order(&mut a, old, new, &siblings);
    } else {
        text_steps(&mut a, old, new, threshold);
    }

    // 7. Position: a clause with no text in all its subtree (an article whose text is not
    // known, a heading alone, a part that only holds such headings) has nothing to compare, so
    // those still unpaired pair in order among the children of paired parents, or at the top.
    // Going in document order, a parent is decided before its children. A draft compared with
    // itself then pairs every clause.
    let textless = |nodes: &[Node<'_>]| -> Vec<bool> {
        (0..nodes.len())
            .map(|i| {
                nodes[i..i + nodes[i].size]
                    .iter()
                    .all(|k| k.normalized.is_empty())
            })
            .collect()
    };
    let old_textless = textless(old);
    let mut old_free: FxMap<Option<usize>, Vec<usize>> = FxMap::default();
    for (o, node) in old.iter().enumerate() {
        if a.old_to_new[o].is_none() && old_textless[o] {
            old_free.entry(node.parent).or_default().push(o);
        }
    }
    if !old_free.is_empty() {
        let new_textless = textless(new);
        let mut taken: FxMap<Option<usize>, usize> = FxMap::default();
        for (n, node) in new.iter().enumerate() {
            if a.new_to_old[n].is_some() || !new_textless[n] {
                continue;
            }
            // The old parent the new one is paired with; at the top, the top.
            let Some(parent) = a.old_place(node.parent) else {
                continue;
            };
            let Some(list) = old_free.get(&parent) else {
                continue;
            };
            let k = taken.entry(parent).or_default();
            if let Some(&o) = list.get(*k) {
                *k += 1;
                a.pair(n, o, MatchedBy::Position);
            }
        }
    }

    for (n, node) in new.iter().enumerate() {
        if let Some(o) = a.new_to_old[n] {
            a.similarity[n] = if old[o].normalized == node.normalized {
                1.0
            } else {
                dice(old[o].shingles(), node.shingles())
            };
        }
    }
    a
}

/// Structure (before step 4a, as step 4b, and as step 5): an unpaired clause is paired with the
/// unpaired parent of its children's partners when their texts are both empty (articles that only
/// hold paragraphs) or alike, and the children they share are more than half of each one's children
/// or their whole texts are alike (half the similarity threshold). Candidates score the children
/// they share over the children either has (Jaccard), best first, and at equal scores the more
/// alike own texts first (an article and the part split from it may each hold one of its
/// paragraphs); rounds repeat so that parts follow their articles, articles their paragraphs.
///
/// Before each clause has been compared by its own text (`early`), two clauses of one child
/// each, the one they share, pair only when their own texts are alike to the threshold: a
/// paragraph moved into another article makes the two share their only child, and their
/// openings may be alike through a template's words alone ("The Parties shall not"). Their own
/// texts first meet their best partners (the article kept with its paragraph moved out); what
/// stays free pairs in step 5.
fn structure(a: &mut Alignment, old: &[Node<'_>], new: &[Node<'_>], threshold: f64, early: bool) {
    loop {
        let mut scored: Vec<(f64, f64, usize, usize)> = Vec::new();
        for n in 0..new.len() {
            if a.new_to_old[n].is_some() || new[n].clause.children().is_empty() {
                continue;
            }
            let mut votes: FxMap<usize, usize> = FxMap::default();
            for (c, child) in new.iter().enumerate().skip(n + 1).take(new[n].size - 1) {
                if child.parent == Some(n) {
                    if let Some(parent) = a.new_to_old[c].and_then(|o| old[o].parent) {
                        *votes.entry(parent).or_default() += 1;
                    }
                }
            }
            for (o, shared) in votes {
                if a.old_to_new[o].is_some() {
                    continue;
                }
                let (ko, kn) = (
                    old[o].clause.children().len(),
                    new[n].clause.children().len(),
                );
                let both_empty = old[o].normalized.is_empty() && new[n].normalized.is_empty();
                let own = if both_empty {
                    1.0
                } else {
                    dice(old[o].shingles(), new[n].shingles())
                };
                let only_child = ko == 1 && kn == 1;
                if own < threshold / 2.0 || (early && only_child && own < threshold) {
                    continue;
                }
                // A majority of the children of both, or whole texts alike: one short child in
                // common is chance.
                if shared * 2 <= ko.max(kn)
                    && dice(similar::whole(old, o), similar::whole(new, n)) < threshold / 2.0
                {
                    continue;
                }
                scored.push((shared as f64 / (ko + kn - shared) as f64, own, n, o));
            }
        }
        if scored.is_empty() {
            break;
        }
        // Equal shares of children: the more alike own texts first (an article and the part
        // split from it may each hold one of its paragraphs).
        scored.sort_by(|x, y| {
            (y.0.total_cmp(&x.0))
                .then(y.1.total_cmp(&x.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        let mut paired = false;
        for (_, _, n, o) in scored {
            if a.new_to_old[n].is_none() && a.old_to_new[o].is_none() {
                a.pair(n, o, MatchedBy::Structure);
                paired = true;
            }
        }
        if !paired {
            break;
        }
    }
}

/// The clauses of each text, on each side, chained in document order without a list per
/// text: `(first, last, count)` per side, and each clause's next of the same text.
struct Runs<'a> {
    by_text: FxMap<&'a str, Run>,
    old_next: Vec<usize>,
    new_next: Vec<usize>,
}

#[derive(Clone, Copy)]
struct Run {
    old: (usize, usize, u32),
    new: (usize, usize, u32),
}

const END: usize = usize::MAX;

impl<'a> Runs<'a> {
    /// The free clauses with text, of texts found on both sides.
    fn new(a: &Alignment, old: &'a [Node<'_>], new: &[Node<'_>]) -> Runs<'a> {
        let mut by_text: FxMap<&'a str, Run> =
            FxMap::with_capacity_and_hasher(old.len(), Default::default());
        let mut old_next = vec![END; old.len()];
        let mut new_next = vec![END; new.len()];
        let link = |chain: &mut (usize, usize, u32), next: &mut [usize], i: usize| {
            if chain.2 == 0 {
                chain.0 = i;
            } else {
                next[chain.1] = i;
            }
            chain.1 = i;
            chain.2 += 1;
        };
        for (o, node) in old.iter().enumerate() {
            if a.old_to_new[o].is_none() && !node.normalized.is_empty() {
                let run = by_text.entry(node.normalized.as_ref()).or_insert(Run {
                    old: (END, END, 0),
                    new: (END, END, 0),
                });
                link(&mut run.old, &mut old_next, o);
            }
        }
        for (n, node) in new.iter().enumerate() {
            if a.new_to_old[n].is_some() || node.normalized.is_empty() {
                continue;
            }
            // Texts only in the new draft need no run; `by_text` gets none for them.
            if let Some(run) = by_text.get_mut(node.normalized.as_ref()) {
                link(&mut run.new, &mut new_next, n);
            }
        }
        by_text.retain(|_, run| run.new.2 > 0);
        Runs {
            by_text,
            old_next,
            new_next,
        }
    }

    /// Step 4c: the repeated texts. Within each, a clause pairs first with one whose parent is
    /// paired with its own parent (the boilerplate of one sub-committee with the same
    /// sub-committee's); the rest pair in document order.
    fn repeated(&self, a: &mut Alignment, old: &[Node<'_>], new: &[Node<'_>]) {
        fn members(first: usize, next: &[usize]) -> impl Iterator<Item = usize> + '_ {
            std::iter::successors(Some(first), move |&i| Some(next[i]).filter(|&j| j != END))
        }
        // Runs in the order of their first new clause, so that the result does not depend on
        // the map's order.
        let mut runs: Vec<Run> = self
            .by_text
            .values()
            .filter(|r| r.old.2 > 1 || r.new.2 > 1)
            .copied()
            .collect();
        runs.sort_unstable_by_key(|r| r.new.0);
        for run in runs {
            let olds: Vec<usize> = members(run.old.0, &self.old_next).collect();
            let news: Vec<(usize, f64)> = members(run.new.0, &self.new_next)
                .map(|n| (n, 1.0))
                .collect();
            similar::pair_run(a, old, new, &olds, &news, MatchedBy::Text);
        }
    }
}

/// Steps 3 to 6: the steps that read the texts, for drafts in one language.
fn text_steps(a: &mut Alignment, old: &[Node<'_>], new: &[Node<'_>], threshold: f64) {
    // 3. Identical normalised text. A text that occurs once on each side pairs at once: these
    // pairs are anchors, as unique lines are in patience diff. A text repeated on either side
    // ("reporting its findings to the Joint Committee; and" under every sub-committee) waits
    // until the places around it are known (`repeated`, step 4c).
    let runs = Runs::new(a, old, new);
    for run in runs.by_text.values() {
        if run.old.2 == 1 && run.new.2 == 1 {
            a.pair(run.new.0, run.old.0, MatchedBy::Text);
        }
    }

    // 4. Similar text, through indexes of the clauses still unpaired (see `similar`): first
    // containers whose children pair (structure, as in step 5, at no cost of comparing whole
    // texts); whole clauses with children (4a); then structure (4b), so that chapters follow
    // the articles paired so far; repeated identical texts, in parallel places first (4c);
    // each clause by its own text (4d); then whole clauses across shapes, in parallel places
    // (4e), where no clause of the same shape answered.
    let mut counter = Counter::new(old.len());
    structure(a, old, new, threshold, true);
    similar::wholes(a, old, new, threshold, &mut counter);
    structure(a, old, new, threshold, true);
    runs.repeated(a, old, new);
    similar::own_texts(a, old, new, threshold, &mut counter);
    similar::across_shapes(a, old, new, threshold);
    a.approximate |= counter.cut;

    // 5. Structure (see `structure`). Then a clause paired with a part of its counterpart
    // moves up to the counterpart (see `similar::levels`), once the parents that structure
    // pairs are known.
    structure(a, old, new, threshold, false);
    similar::levels(a, old, new, threshold);

    // 6. The gaps between pairs in parallel places (see `gaps`), then numbers as evidence:
    // siblings that bear one number pair with a lower similarity still.
    let siblings = gaps::Siblings::new(old, new);
    gaps::gaps(a, old, new, &siblings, threshold * GAP_FLOOR);
    gaps::numbers(a, old, new, &siblings, threshold * NUMBER_FLOOR);
}

/// Whether the two drafts are written in different languages (their primary language
/// subtags differ: `en` and `en-GB` are one language).
fn languages_differ(old: &Proposal, new: &Proposal) -> bool {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let (a, b) = (primary(&old.language), primary(&new.language));
    !a.is_empty() && !b.is_empty() && a != b
}

fn first_by_id<'a>(nodes: &[Node<'a>]) -> FxMap<&'a ClauseId, usize> {
    let mut map = FxMap::with_capacity_and_hasher(nodes.len(), Default::default());
    for (i, node) in nodes.iter().enumerate() {
        map.entry(&node.clause.id).or_insert(i);
    }
    map
}
