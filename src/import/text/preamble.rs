//! The preamble: the text before the first heading or number, as the proposal's title and
//! its recitals.

use crate::Recital;
use crate::deontic;

use super::{ImportReport, Note};

/// The title (when `title` is none and the first paragraph is short, binds nobody and does not
/// run on with a comma) and the recitals of the preamble's paragraphs, (line, text).
pub(super) fn read(
    mut paragraphs: Vec<(usize, String)>,
    mut title: Option<String>,
    report: &mut ImportReport,
) -> (Option<String>, Vec<Recital>) {
    if title.is_none() {
        if let Some((line, first)) = paragraphs.first() {
            if first.chars().count() <= 150
                && deontic::markers(first).is_empty()
                && !first.ends_with(',')
            {
                report.recognised.push(Note {
                    line: *line,
                    what: "title".to_owned(),
                });
                title = Some(paragraphs.remove(0).1);
            }
        }
    }
    let mut recitals = Vec::new();
    for (line, paragraph) in &paragraphs {
        let parts = split_recitals(paragraph);
        if parts.len() > 1 {
            report.guessed.push(Note {
                line: *line,
                what: format!("preamble split into {} recitals", parts.len()),
            });
        } else {
            report.recognised.push(Note {
                line: *line,
                what: "recital".to_owned(),
            });
        }
        recitals.extend(parts.into_iter().map(Recital::new));
    }
    (title, recitals)
}

/// Recital openers: the words that start a recital after a comma.
const OPENERS: [&str; 16] = [
    "determined",
    "guided",
    "convinced",
    "mindful",
    "aware",
    "desirous",
    "resolved",
    "concerned",
    "have",
    "has",
    "hereby",
    "agree",
    "affirming",
    "bearing",
    "recalling",
    "noting",
];
/// Words ending in "-ing" that do not open a recital.
const NOT_OPENERS: [&str; 14] = [
    "including",
    "concerning",
    "regarding",
    "during",
    "according",
    "following",
    "notwithstanding",
    "pending",
    "excluding",
    "being",
    "nothing",
    "anything",
    "something",
    "bring",
];

/// Splits a preamble paragraph at the commas before a recital's opening word.
fn split_recitals(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    let mut i = 0;
    while let Some(pos) = paragraph[i..].find(", ") {
        let at = i + pos;
        let after = &paragraph[at + 2..];
        let word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let opens =
            (word.ends_with("ing") && word.len() > 5 && !NOT_OPENERS.contains(&word.as_str()))
                || OPENERS.contains(&word.as_str());
        if opens && after.starts_with(char::is_lowercase) {
            out.push(paragraph[start..at].trim().to_owned());
            start = at + 2;
        }
        i = at + 2;
        if i >= bytes.len() {
            break;
        }
    }
    out.push(paragraph[start..].trim().to_owned());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recitals_split_at_their_opening_words() {
        let parts = split_recitals(
            "The Parties, reaffirming their aspiration, noting that X, including Y, determined to act, have agreed as follows:",
        );
        assert_eq!(
            parts,
            [
                "The Parties",
                "reaffirming their aspiration",
                "noting that X, including Y",
                "determined to act",
                "have agreed as follows:"
            ]
        );
    }
}
