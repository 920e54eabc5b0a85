//! The preamble, compared recital by recital.

use super::compare::Options;
use super::normalize::{self, normalize};
use super::text::{Budget, diff_text};
use super::{RecitalChange, TextChange};
use crate::Recital;

pub(super) fn preamble_changes(
    old: &[Recital],
    new: &[Recital],
    options: &Options,
    budget: &mut Budget,
) -> Vec<RecitalChange> {
    if old == new {
        return Vec::new();
    }
    let a: Vec<String> = old.iter().map(|r| normalize(&r.text)).collect();
    let b: Vec<String> = new.iter().map(|r| normalize(&r.text)).collect();
    let mut out = Vec::new();
    let mut modified = |x: &Recital, y: &Recital, out: &mut Vec<RecitalChange>| {
        let (ops, granularity) = diff_text(&x.text, &y.text, budget);
        let typographic_only = normalize(&x.text) == normalize(&y.text);
        out.push(RecitalChange::Modified {
            old: x.clone(),
            new: y.clone(),
            text: TextChange {
                ops,
                granularity,
                typographic_only,
            },
        });
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        match op {
            similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    let (x, y) = (&old[old_index + k], &new[new_index + k]);
                    if x == y {
                        out.push(RecitalChange::Unchanged { recital: y.clone() });
                    } else {
                        modified(x, y, &mut out);
                    }
                }
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.extend(
                    old[old_index..old_index + old_len]
                        .iter()
                        .map(|r| RecitalChange::Removed { recital: r.clone() }),
                );
            }
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => {
                out.extend(
                    new[new_index..new_index + new_len]
                        .iter()
                        .map(|r| RecitalChange::Added { recital: r.clone() }),
                );
            }
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Reworded recitals pair in order while alike; the rest are removed and added.
                let pairs = old_len.min(new_len);
                for k in 0..pairs {
                    let (x, y) = (&old[old_index + k], &new[new_index + k]);
                    let alike = normalize::dice(
                        &normalize::shingles(&a[old_index + k]),
                        &normalize::shingles(&b[new_index + k]),
                    );
                    if alike >= options.similarity_threshold {
                        modified(x, y, &mut out);
                    } else {
                        out.push(RecitalChange::Removed { recital: x.clone() });
                        out.push(RecitalChange::Added { recital: y.clone() });
                    }
                }
                out.extend(
                    old[old_index + pairs..old_index + old_len]
                        .iter()
                        .map(|r| RecitalChange::Removed { recital: r.clone() }),
                );
                out.extend(
                    new[new_index + pairs..new_index + new_len]
                        .iter()
                        .map(|r| RecitalChange::Added { recital: r.clone() }),
                );
            }
        }
    }
    out
}
