//! Pairs of drafts with the exact list of edits that turns one into the other: ground truth for
//! testing a comparison.

use proptest::prelude::*;
use proptest::sample::Index;

use crate::id::{ClauseId, CommitmentId};
use crate::{Clause, Commitment, Modality, PartyRef, Proposal};

/// One edit made to a draft, naming the clauses it touched (by their ids; an added clause has
/// a new id, a split or merge keeps the first clause's id).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Edit {
    /// A clause added.
    Inserted(ClauseId),
    /// A clause removed.
    Deleted(ClauseId),
    /// An article moved at least two places among its siblings.
    Moved(ClauseId),
    /// A paragraph moved into another article.
    Reparented(ClauseId),
    /// A clause whose displayed number changed, because clauses before it came or went.
    Renumbered(ClauseId),
    /// Words of a clause replaced: at most one in six.
    Reworded(ClauseId),
    /// A clause cut in two: the first part keeps the id, the second is new.
    Split {
        /// The clause cut.
        clause: ClauseId,
        /// The clause that holds the second part.
        second: ClauseId,
    },
    /// A clause joined to the next: the first keeps its id, the second is gone.
    Merged {
        /// The clause that holds both now.
        clause: ClauseId,
        /// The clause joined to it.
        second: ClauseId,
    },
    /// The modality of a clause's commitment changed, and its deontic marker with it.
    ModalityChanged {
        /// The clause.
        clause: ClauseId,
        /// The commitment.
        commitment: CommitmentId,
        /// The old modality.
        old: Modality,
        /// The new modality.
        new: Modality,
    },
}

impl Edit {
    /// The clauses the edit touched.
    pub fn clauses(&self) -> Vec<&ClauseId> {
        match self {
            Edit::Inserted(c)
            | Edit::Deleted(c)
            | Edit::Moved(c)
            | Edit::Reparented(c)
            | Edit::Renumbered(c)
            | Edit::Reworded(c)
            | Edit::ModalityChanged { clause: c, .. } => vec![c],
            Edit::Split { clause, second } | Edit::Merged { clause, second } => {
                vec![clause, second]
            }
        }
    }
}

/// A draft, an edited copy and the edits made.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct EditedPair {
    /// The draft.
    pub old: Proposal,
    /// The edited copy.
    pub new: Proposal,
    /// The edits, in the order made; renumberings last.
    pub edits: Vec<Edit>,
    /// For pairs built from a template ([`templated_pair`]), the party name the old draft's
    /// clauses open with and the one the new draft's open with: every clause changes by that
    /// word, and no edit lists it.
    pub renamed: Option<(String, String)>,
}

/// How the clause texts of a generated pair are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// "The Parties shall ..." and made-up words.
    Plain,
    /// A template: every clause opens with a party's name, its marker and the same words.
    Template,
}

/// The words every clause of a templated draft shares after its marker. Short, so that two
/// different clauses stay well apart (a sixth of their bigrams shared); long shared phrasing
/// is a known limit of the alignment (see the `diff` module docs).
const TEMPLATE: &str = "where applicable";
/// The party a templated draft's clauses name, in the old draft and in the new one.
const NAMES: (&str, &str) = ("Arcadia", "Borduria");

/// A clause before it becomes one: its words after the deontic marker, and its children.
#[derive(Debug, Clone)]
struct Draft {
    id: String,
    modality: Modality,
    words: Vec<String>,
    children: Vec<Draft>,
}

fn marker(m: Modality) -> &'static str {
    match m {
        Modality::Obligation => "shall",
        Modality::Prohibition => "shall not",
        Modality::Permission => "may",
        Modality::Recommendation => "should",
        _ => "should not",
    }
}

const MODALITIES: [Modality; 5] = [
    Modality::Obligation,
    Modality::Prohibition,
    Modality::Permission,
    Modality::Recommendation,
    Modality::Discouragement,
];

/// Made-up words: thousands of them, so that two clauses share almost no word pairs.
fn word(seed: u64) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "min", "ter", "sa", "vi", "dor", "pe", "ran", "tu", "mel", "go", "shi", "ba",
        "nor", "qui", "lex", "ta", "ven", "ro", "cal", "di", "mus", "fer",
    ];
    let mut s = seed;
    let mut out = String::new();
    for _ in 0..3 {
        out.push_str(SYLLABLES[(s % 24) as usize]);
        s /= 24;
    }
    out
}

/// A source of fresh words: each one new to the pair.
struct Words(u64);

impl Words {
    fn take(&mut self, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                self.0 += 1;
                // Spread consecutive numbers over the syllable space, then tag with the number
                // so that no two words are ever equal.
                format!("{}{}", word(self.0.wrapping_mul(7919)), self.0)
            })
            .collect()
    }
}

fn build(d: &Draft, number: String, style: Style, name: &str) -> Clause {
    let text = match style {
        Style::Plain => format!("The Parties {} {}.", marker(d.modality), d.words.join(" ")),
        Style::Template => format!(
            "{name} {}, {TEMPLATE}, {}.",
            marker(d.modality),
            d.words.join(" ")
        ),
    };
    let commitment = Commitment::new(
        CommitmentId::new("k").expect("a valid id"),
        d.modality,
        d.words.join(" "),
    )
    .with_obligor(PartyRef::party("A".parse().expect("a valid id")))
    .with_obligor(PartyRef::party("B".parse().expect("a valid id")));
    let mut c = Clause::new(ClauseId::new(d.id.clone()).expect("a valid id"), text)
        .with_number(number)
        .with_commitment(commitment);
    for (i, child) in d.children.iter().enumerate() {
        c.push_child(build(child, format!("{}.", i + 1), style, name))
            .expect("two levels");
    }
    c
}

fn proposal(id: &str, articles: &[Draft], style: Style, name: &str) -> Proposal {
    let mut p = Proposal::new(
        id.parse().expect("a valid id"),
        "An edited agreement",
        "A".parse().expect("a valid id"),
    )
    .with_party(PartyRef::party("A".parse().expect("a valid id")))
    .with_party(PartyRef::party("B".parse().expect("a valid id")));
    p.clauses = articles
        .iter()
        .enumerate()
        .map(|(i, a)| build(a, format!("Article {}", i + 1), style, name))
        .collect();
    p
}

/// Numbers by id: "Article 3" or "2." under its article.
/// The clause at a place: an article, or one of its paragraphs.
fn draft(articles: &[Draft], (i, k): (usize, Option<usize>)) -> &Draft {
    match k {
        None => &articles[i],
        Some(k) => &articles[i].children[k],
    }
}

/// Whether the near-duplicate of `id`, if it has one, is untouched: once one of two twins is
/// edited, deleting or rewording the other could make the edited one read as either.
fn twin_untouched(
    twins: &std::collections::HashMap<String, String>,
    touched: &std::collections::HashSet<String>,
    id: &str,
) -> bool {
    twins.get(id).is_none_or(|twin| !touched.contains(twin))
}

/// The clause at a place, to change.
fn draft_mut(articles: &mut [Draft], (i, k): (usize, Option<usize>)) -> &mut Draft {
    match k {
        None => &mut articles[i],
        Some(k) => &mut articles[i].children[k],
    }
}

fn numbers(articles: &[Draft]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        out.push((a.id.clone(), format!("Article {}", i + 1)));
        for (k, p) in a.children.iter().enumerate() {
            out.push((p.id.clone(), format!("{}.", k + 1)));
        }
    }
    out
}

/// A draft of 4 to 12 articles with up to 3 paragraphs each, every clause a sentence of 10 to
/// 16 made-up words after "The Parties shall" (or another marker) with one commitment, and a
/// copy with up to `max_edits` edits, each on a clause no other edit touched (renumbering
/// aside):
///
/// - insertions and deletions of articles and paragraphs (deleted clauses have no children and
///   never had: an article emptied by moving its paragraphs and then deleted could read as the
///   article that took them, reworded; nor is such an article merged);
/// - one move of an article without paragraphs, at least two places, so that the move is the
///   only shortest explanation;
/// - paragraphs moved to the end of another article;
/// - rewording of at most one word in six (word-bigram similarity stays above 0.5);
/// - splits of clauses of 12 words or more in two, and merges of two sibling clauses without
///   children;
/// - modality changes, with the text's marker;
///
/// then every clause renumbered in order (a split or merged clause's renumbering is not listed:
/// which part keeps the number is only clear when ids are compared). Clause texts are distinct
/// and share almost no word pairs, so the ground truth is unambiguous.
pub fn edited_pair(max_edits: usize) -> BoxedStrategy<EditedPair> {
    let article = (any::<Index>(), 10..=16usize, 0..=3usize);
    (
        vec_of(article, 4, 12),
        proptest::collection::vec((0..8u8, any::<Index>(), any::<Index>()), 0..=max_edits),
    )
        .prop_map(|(shape, choices)| make(&shape, &choices, Style::Plain))
        .boxed()
}

/// Like [`edited_pair`], but the drafts are built from a template, as agreements negotiated
/// from one model text are: every clause opens with a party's name, its marker and the same
/// words ("Arcadia shall, where applicable, ..."); every third article repeats the one before
/// it with one word changed; and the new draft names another party in every clause
/// ([`EditedPair::renamed`]). The edits are made and listed as in [`edited_pair`], except that
/// near-duplicates are never split, merged, or given or robbed of a moved paragraph, and once
/// one of two is edited the other is neither deleted nor reworded: half of one text, one text
/// twice, a paragraph moved between twins, or a twin reworded beside its deleted twin could
/// come from either twin, so the ground truth would be ambiguous. The renaming is not an edit.
pub fn templated_pair(max_edits: usize) -> BoxedStrategy<EditedPair> {
    let article = (any::<Index>(), 10..=16usize, 0..=3usize);
    (
        vec_of(article, 4, 12),
        proptest::collection::vec((0..8u8, any::<Index>(), any::<Index>()), 0..=max_edits),
    )
        .prop_map(|(shape, choices)| make(&shape, &choices, Style::Template))
        .boxed()
}

fn vec_of<S: Strategy>(s: S, min: usize, max: usize) -> proptest::collection::VecStrategy<S> {
    proptest::collection::vec(s, min..=max)
}

fn make(
    shape: &[(Index, usize, usize)],
    choices: &[(u8, Index, Index)],
    style: Style,
) -> EditedPair {
    let mut words = Words(0);
    let mut articles: Vec<Draft> = shape
        .iter()
        .enumerate()
        .map(|(i, (m, len, paras))| Draft {
            id: format!("a{}", i + 1),
            modality: *m.get(&MODALITIES),
            words: words.take(*len),
            children: (0..*paras)
                .map(|k| Draft {
                    id: format!("a{}.p{}", i + 1, k + 1),
                    modality: *m.get(&MODALITIES),
                    words: words.take(*len),
                    children: Vec::new(),
                })
                .collect(),
        })
        .collect();
    // Near-duplicates, by id: an article and the one that repeats it. Neither is split or
    // merged: half of one text, or one text twice, could come from either.
    let mut twins: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    if style == Style::Template {
        // Every third article repeats the one before it, one word changed.
        for i in (2..articles.len()).step_by(3) {
            let mut copy = articles[i - 1].words.clone();
            let at = copy.len() / 2;
            copy[at] = words.take(1).remove(0);
            articles[i].words = copy;
            twins.insert(articles[i - 1].id.clone(), articles[i].id.clone());
            twins.insert(articles[i].id.clone(), articles[i - 1].id.clone());
        }
    }
    let (old_name, new_name) = match style {
        Style::Plain => ("", ""),
        Style::Template => NAMES,
    };
    let old = proposal("old", &articles, style, old_name);
    let old_numbers = numbers(&articles);
    // An article that held paragraphs is never deleted or merged, even once they all moved
    // away: its paragraphs then stand under other articles, one of which may answer its text
    // as well (an article split, or inserted in its place), and the ground truth would be
    // ambiguous.
    let held_paragraphs: std::collections::HashSet<String> = articles
        .iter()
        .filter(|a| !a.children.is_empty())
        .map(|a| a.id.clone())
        .collect();
    let mut touched: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut edits = Vec::new();
    let mut fresh = 0;
    let mut move_choice: Option<(Index, Index)> = None;

    for (kind, which, other) in choices {
        // Every clause as (article index, paragraph index or none).
        let places: Vec<(usize, Option<usize>)> = articles
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                std::iter::once((i, None)).chain((0..a.children.len()).map(move |k| (i, Some(k))))
            })
            .collect();
        let free = |id: &str, touched: &std::collections::HashSet<String>| !touched.contains(id);
        match kind {
            0 => {
                fresh += 1;
                let d = Draft {
                    id: format!("n{fresh}"),
                    modality: *which.get(&MODALITIES),
                    words: words.take(12),
                    children: Vec::new(),
                };
                touched.insert(d.id.clone());
                edits.push(Edit::Inserted(
                    ClauseId::new(d.id.clone()).expect("a valid id"),
                ));
                let (i, k) = *which.get(&places);
                match k {
                    None => articles.insert(i, d),
                    Some(_) => articles[i].children.push(d),
                }
            }
            1 => {
                let candidates: Vec<_> = places
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let d = draft(&articles, p);
                        d.children.is_empty()
                            && free(&d.id, &touched)
                            && !held_paragraphs.contains(&d.id)
                            && twin_untouched(&twins, &touched, &d.id)
                    })
                    .collect();
                if let Some(&(i, k)) = (!candidates.is_empty()).then(|| which.get(&candidates)) {
                    let d = match k {
                        None => articles.remove(i),
                        Some(k) => articles[i].children.remove(k),
                    };
                    touched.insert(d.id.clone());
                    edits.push(Edit::Deleted(ClauseId::new(d.id).expect("a valid id")));
                }
            }
            // The move comes last, once it is known which clauses exist in both drafts.
            2 => move_choice = move_choice.or(Some((*which, *other))),
            3 => {
                let candidates: Vec<(usize, usize)> = places
                    .iter()
                    .filter_map(|&(i, k)| k.map(|k| (i, k)))
                    .filter(|&(i, k)| {
                        free(&articles[i].children[k].id, &touched)
                            && !twins.contains_key(&articles[i].id)
                    })
                    .collect();
                // A paragraph moved from one near-duplicate to the other reads as the two
                // articles swapping one word.
                let targets_of = |i: usize| -> Vec<usize> {
                    (0..articles.len())
                        .filter(|&t| t != i && !twins.contains_key(&articles[t].id))
                        .collect()
                };
                if articles.len() >= 2
                    && !candidates.is_empty()
                    && !targets_of(which.get(&candidates).0).is_empty()
                {
                    let (i, k) = *which.get(&candidates);
                    let targets = targets_of(i);
                    let to = *other.get(&targets);
                    let p = articles[i].children.remove(k);
                    touched.insert(p.id.clone());
                    edits.push(Edit::Reparented(
                        ClauseId::new(p.id.clone()).expect("a valid id"),
                    ));
                    articles[to].children.push(p);
                }
            }
            4 => {
                let candidates: Vec<_> = places
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let id = &draft(&articles, p).id;
                        free(id, &touched) && twin_untouched(&twins, &touched, id)
                    })
                    .collect();
                if !candidates.is_empty() {
                    let d = draft_mut(&mut articles, *which.get(&candidates));
                    let n = (d.words.len() / 6).max(1);
                    let replacement = words.take(n);
                    for (j, w) in replacement.into_iter().enumerate() {
                        let at = (j * 6 + 2) % d.words.len();
                        d.words[at] = w;
                    }
                    touched.insert(d.id.clone());
                    edits.push(Edit::Reworded(
                        ClauseId::new(d.id.clone()).expect("a valid id"),
                    ));
                }
            }
            5 => {
                let candidates: Vec<_> = places
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let d = draft(&articles, p);
                        d.children.is_empty()
                            && d.words.len() >= 12
                            && free(&d.id, &touched)
                            && !twins.contains_key(&d.id)
                    })
                    .collect();
                if !candidates.is_empty() {
                    let (i, k) = *which.get(&candidates);
                    fresh += 1;
                    let list = match k {
                        None => &mut articles,
                        Some(_) => &mut articles[i].children,
                    };
                    let at = k.unwrap_or(i);
                    let half = list[at].words.len() / 2;
                    let second = Draft {
                        id: format!("n{fresh}"),
                        modality: list[at].modality,
                        words: list[at].words.split_off(half),
                        children: Vec::new(),
                    };
                    touched.insert(list[at].id.clone());
                    touched.insert(second.id.clone());
                    edits.push(Edit::Split {
                        clause: ClauseId::new(list[at].id.clone()).expect("a valid id"),
                        second: ClauseId::new(second.id.clone()).expect("a valid id"),
                    });
                    list.insert(at + 1, second);
                }
            }
            6 => {
                // Two untouched siblings without children, side by side.
                let mut candidates: Vec<(Option<usize>, usize)> = Vec::new();
                for i in 0..articles.len().saturating_sub(1) {
                    let (a, b) = (&articles[i], &articles[i + 1]);
                    if a.children.is_empty()
                        && b.children.is_empty()
                        && free(&a.id, &touched)
                        && free(&b.id, &touched)
                        && !twins.contains_key(&a.id)
                        && !twins.contains_key(&b.id)
                        && !held_paragraphs.contains(&a.id)
                        && !held_paragraphs.contains(&b.id)
                    {
                        candidates.push((None, i));
                    }
                }
                for (i, a) in articles.iter().enumerate() {
                    for k in 0..a.children.len().saturating_sub(1) {
                        if free(&a.children[k].id, &touched)
                            && free(&a.children[k + 1].id, &touched)
                        {
                            candidates.push((Some(i), k));
                        }
                    }
                }
                if !candidates.is_empty() {
                    let (parent, at) = *which.get(&candidates);
                    let list = match parent {
                        None => &mut articles,
                        Some(i) => &mut articles[i].children,
                    };
                    let second = list.remove(at + 1);
                    list[at].words.extend(second.words);
                    touched.insert(list[at].id.clone());
                    touched.insert(second.id.clone());
                    edits.push(Edit::Merged {
                        clause: ClauseId::new(list[at].id.clone()).expect("a valid id"),
                        second: ClauseId::new(second.id).expect("a valid id"),
                    });
                }
            }
            _ => {
                let candidates: Vec<_> = places
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let id = &draft(&articles, p).id;
                        free(id, &touched) && twin_untouched(&twins, &touched, id)
                    })
                    .collect();
                if !candidates.is_empty() {
                    let d = draft_mut(&mut articles, *which.get(&candidates));
                    let choices: Vec<Modality> = MODALITIES
                        .iter()
                        .copied()
                        .filter(|m| *m != d.modality)
                        .collect();
                    let new = *other.get(&choices);
                    touched.insert(d.id.clone());
                    edits.push(Edit::ModalityChanged {
                        clause: ClauseId::new(d.id.clone()).expect("a valid id"),
                        commitment: CommitmentId::new("k").expect("a valid id"),
                        old: d.modality,
                        new,
                    });
                    d.modality = new;
                }
            }
        }
    }
    if let Some((which, other)) = move_choice {
        // An article without paragraphs, untouched, moved past at least two articles that stand
        // in both drafts: then moving it is the only shortest explanation of the new order.
        let in_both = |d: &Draft| old_numbers.iter().any(|(id, _)| *id == d.id);
        let candidates: Vec<usize> = (0..articles.len())
            .filter(|&i| {
                articles[i].children.is_empty()
                    && !touched.contains(&articles[i].id)
                    && in_both(&articles[i])
            })
            .collect();
        if !candidates.is_empty() {
            let from = *which.get(&candidates);
            let a = articles.remove(from);
            let passed = |to: usize| {
                let (lo, hi) = if to <= from { (to, from) } else { (from, to) };
                articles[lo..hi].iter().filter(|d| in_both(d)).count()
            };
            let targets: Vec<usize> = (0..=articles.len()).filter(|&to| passed(to) >= 2).collect();
            if targets.is_empty() {
                articles.insert(from, a);
            } else {
                let to = *other.get(&targets);
                touched.insert(a.id.clone());
                edits.push(Edit::Moved(
                    ClauseId::new(a.id.clone()).expect("a valid id"),
                ));
                articles.insert(to, a);
            }
        }
    }
    // A clause split or merged keeps its number with one of its parts, and which one is only
    // clear when ids are compared; its renumbering is not listed.
    let joined: std::collections::HashSet<String> = edits
        .iter()
        .filter(|e| matches!(e, Edit::Split { .. } | Edit::Merged { .. }))
        .flat_map(|e| e.clauses().into_iter().map(ToString::to_string))
        .collect();
    let new_numbers = numbers(&articles);
    for (id, number) in &new_numbers {
        if let Some((_, was)) = old_numbers.iter().find(|(old_id, _)| old_id == id) {
            if was != number && !joined.contains(id) {
                edits.push(Edit::Renumbered(
                    ClauseId::new(id.clone()).expect("a valid id"),
                ));
            }
        }
    }
    EditedPair {
        old,
        new: proposal("new", &articles, style, new_name),
        edits,
        renamed: (style == Style::Template).then(|| (old_name.to_owned(), new_name.to_owned())),
    }
}
