//! Which candidate headings open a clause: the evidence of the outline around each.
//!
//! A line that starts like a heading ("Article 5.8 ...") may be a heading or a
//! cross-reference that a wrapped line happens to start with. It is weighed on:
//!
//! | evidence | for | against |
//! |---|---|---|
//! | its number at its level (articles, chapters ... each counted apart) | the next number (+2), the first number of a level that a higher heading just opened (+2), any number at the text's first heading of the level (+1) | an equal or earlier number (-3; -1 for a first number, which restarts a level) |
//! | the text before it | a sentence ended (`.`, `;`, `:`, `!`, `?`), a heading, the title line after a heading, or a short line in capitals (+1) | a sentence goes on (-2) |
//! | a blank line before it, where the text separates paragraphs with blank lines (one blank line for every ten lines of text or more) | present (+1) | absent (-1) |
//! | the next candidate of its level | carries the number after its own (+1) | |
//!
//! A candidate with a total of 1 or more is a heading; one below stays text, and the import
//! report lists it with the reasons. A later number past a gap scores 0 on its number: it needs
//! a sentence ended before it and a blank line, or the next heading in sequence after it, so that
//! a gap (a lost or omitted article) is tolerated where the text goes on in sequence. Case never
//! decides; Markdown headings (`#`) need no evidence.
//!
//! Lines refused by their own shape never get this far (see [`classify`](super::classify)):
//! a lower-case word or another number right after the number, an unclosed parenthesis, a
//! title that holds a deontic marker or runs past 150 characters.

use crate::numbering::{Number, Sequence};

use super::classify::{Candidate, Kind, LEVELS, SLOTS};

/// Decides every candidate heading of `kinds` in place: a refused one becomes
/// [`Kind::NotHeading`] and gets a reason in `refusals` (by line index). `furniture` lines are
/// ignored.
pub(super) fn decide(
    lines: &[std::borrow::Cow<'_, str>],
    kinds: &mut [Kind],
    furniture: &[Option<&'static str>],
    refusals: &mut Vec<(usize, String)>,
) {
    let blanks = lines.iter().filter(|l| l.is_empty()).count();
    // "Where the text uses blank lines": one paragraph break in ten lines or more.
    let uses_blanks = blanks * 10 >= lines.len() - blanks;

    // The next candidate of the same level after each candidate, found from the end: whether
    // the text goes on in sequence after a candidate does not depend on what is decided.
    let mut next_of_level: Vec<Option<usize>> = vec![None; kinds.len()];
    let mut later: [Option<usize>; SLOTS] = [None; SLOTS];
    for i in (0..kinds.len()).rev() {
        if let Kind::Heading(c) = &kinds[i] {
            if let Some(slot) = c.level.slot() {
                next_of_level[i] = later[slot];
                later[slot] = Some(i);
            }
        }
    }

    let mut last: [Option<Number>; SLOTS] = Default::default();
    // Set for the levels below a heading just accepted: their numbering may restart.
    let mut restart = [false; SLOTS];
    let mut ended = true;
    let mut blank_before = true;
    // Whether the last line was an accepted heading, whose title may follow on the next line.
    let mut after_heading = false;
    for i in 0..kinds.len() {
        if furniture[i].is_some() {
            continue;
        }
        let verdict = match &kinds[i] {
            Kind::Blank => {
                blank_before = true;
                after_heading = false;
                continue;
            }
            Kind::Heading(c) if !c.markdown => c.level.slot().map(|slot| {
                weigh(
                    c,
                    &Evidence {
                        last: last[slot].as_ref(),
                        restart: restart[slot],
                        ended,
                        blank_before: !uses_blanks || blank_before,
                        blank_expected: uses_blanks,
                        next: next_of_level[i].and_then(|j| match &kinds[j] {
                            Kind::Heading(n) => n.parsed.as_ref(),
                            _ => None,
                        }),
                    },
                )
            }),
            _ => None,
        };
        blank_before = false;
        match verdict {
            Some(Err(reasons)) => {
                refusals.push((i, reasons));
                kinds[i] = Kind::NotHeading("a reference, not a heading");
                ended = sentence_ended(&lines[i]);
            }
            Some(Ok(())) | None => {
                if let Kind::Heading(c) = &kinds[i] {
                    ended = true;
                    if let Some(slot) = c.level.slot() {
                        last[slot].clone_from(&c.parsed);
                        restart[slot] = false;
                        let rank = c.level.rank();
                        for (s, r) in restart.iter_mut().enumerate() {
                            if s != slot && LEVELS[s].rank() > rank {
                                *r = true;
                            }
                        }
                    }
                } else {
                    ended = sentence_ended(&lines[i])
                        || heading_like(&lines[i])
                        || (after_heading && super::title_like(&lines[i]));
                }
            }
        }
        after_heading = matches!(kinds[i], Kind::Heading(_));
    }
}

/// What is known around a candidate.
struct Evidence<'a> {
    last: Option<&'a Number>,
    restart: bool,
    ended: bool,
    blank_before: bool,
    blank_expected: bool,
    next: Option<&'a Number>,
}

/// A candidate's score against its evidence: accepted, or refused with the reasons.
fn weigh(c: &Candidate, e: &Evidence<'_>) -> Result<(), String> {
    let Some(number) = &c.parsed else {
        return Ok(());
    };
    let written = c.number.as_deref().unwrap_or("the number");
    let mut score = 0i32;
    let mut against = Vec::new();
    match (e.last, e.restart && number.is_first()) {
        (_, true) => score += 2,
        (None, false) => score += if number.is_first() { 2 } else { 1 },
        (Some(last), false) => match number.after(last) {
            Sequence::Next => score += 2,
            Sequence::Gap => {}
            Sequence::Back => {
                score -= if number.is_first() { 1 } else { 3 };
                against.push(format!(
                    "{written} does not come after the last number of its level"
                ));
            }
        },
    }
    if e.ended {
        score += 1;
    } else {
        score -= 2;
        against.push("the line before does not end a sentence".to_owned());
    }
    if e.blank_expected {
        if e.blank_before {
            score += 1;
        } else {
            score -= 1;
            against.push("no blank line before it".to_owned());
        }
    }
    if e.next.is_some_and(|n| n.after(number) == Sequence::Next) {
        score += 1;
    }
    if score >= 1 {
        Ok(())
    } else {
        if against.is_empty() {
            against.push(format!(
                "{written} skips numbers and nothing else supports it"
            ));
        }
        Err(against.join("; "))
    }
}

/// Whether a line ends a sentence: a full stop, semicolon, colon, question or exclamation
/// mark, maybe inside a closing quote or bracket.
pub(super) fn sentence_ended(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    t.ends_with(['.', ';', ':', '!', '?'])
}

/// A short line without lower-case letters ("GENERAL PROVISIONS"): a heading without a
/// keyword, after which a new heading may start.
fn heading_like(line: &str) -> bool {
    line.len() <= 80
        && !line.bytes().any(|b| b.is_ascii_lowercase())
        && line.bytes().any(|b| b.is_ascii_uppercase())
        && (line.is_ascii() || !line.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::classify::classify;

    fn decided(text: &str) -> (Vec<usize>, Vec<usize>) {
        let lines: Vec<std::borrow::Cow<'_, str>> = text.lines().map(|l| l.trim().into()).collect();
        let mut kinds: Vec<Kind> = lines.iter().map(|l| classify(l, None)).collect();
        let mut refusals = Vec::new();
        decide(&lines, &mut kinds, &vec![None; lines.len()], &mut refusals);
        let headings = (0..kinds.len())
            .filter(|&i| matches!(kinds[i], Kind::Heading(_)))
            .map(|i| i + 1)
            .collect();
        (headings, refusals.iter().map(|(i, _)| i + 1).collect())
    }

    #[test]
    fn a_reference_to_the_next_article_that_starts_a_line_stays_text() {
        let (headings, refused) = decided(
            "Article 283\n\nThe Group established under\nArticle 284.\n\nArticle 284\n\nThe Group.\n",
        );
        assert_eq!(headings, [1, 6]);
        assert_eq!(refused, [4]);
    }

    #[test]
    fn a_gap_is_tolerated_where_the_text_goes_on_in_sequence() {
        let (headings, refused) = decided("Article 1\nOne.\nArticle 3\nThree\nArticle 4\nFour.\n");
        assert_eq!(headings, [1, 3, 5], "{refused:?}");
    }

    #[test]
    fn an_earlier_number_after_a_full_stop_stays_text() {
        let (headings, refused) = decided(
            "Article 4\n\nText.\n\nArticle 5\n\nAs set out in\nArticle 2 The Parties consult.\n\nArticle 6\n\nSix.\n",
        );
        assert_eq!(headings, [1, 5, 10]);
        assert_eq!(refused, [8]);
    }

    #[test]
    fn numbering_restarts_under_a_new_annex() {
        let (headings, _) = decided(
            "Article 1\n\nA.\n\nArticle 2\n\nB.\n\nAnnex I\n\nArticle 1\n\nC.\n\nArticle 2\n\nD.\n",
        );
        assert_eq!(headings, [1, 5, 9, 11, 15]);
    }
}
