//! Bracketed texts and clauses: optional spans, alternatives and options, nested, with
//! supporters drawn from given parties.

use proptest::collection::vec;
use proptest::prelude::*;

use crate::brackets::{Bracket, BracketKind, Bracketed, Choice, Segment};
use crate::{Clause, ClauseId, PartyId};

/// Words of the made-up texts: no heading words, no numbers, no slashes, none that an editor
/// puts in brackets, so that a text imports as it was written.
const WORDS: [&str; 16] = [
    "the Parties",
    "shall",
    "should",
    "may",
    "consult",
    "notify",
    "each other",
    "promptly",
    "in writing",
    "within thirty days",
    "measures",
    "on request",
    "a review",
    "every year",
    "jointly",
    "the Council",
];

/// How many levels the generated brackets nest, at most: two or three, as in real texts.
const DEPTH: u32 = 3;

fn words() -> impl Strategy<Value = String> {
    vec(proptest::sample::select(&WORDS[..]), 1..4).prop_map(|w| w.join(" "))
}

/// A run of words; now and then with a footnote marker or a brace, literal.
fn run() -> impl Strategy<Value = String> {
    (
        words(),
        prop_oneof![8 => Just(""), 1 => Just(" [9]"), 1 => Just(" {sic}")],
    )
        .prop_map(|(w, tail)| format!("{w}{tail}"))
}

fn supporters(parties: &[PartyId]) -> BoxedStrategy<Vec<PartyId>> {
    if parties.is_empty() {
        return Just(Vec::new()).boxed();
    }
    proptest::sample::subsequence(parties.to_vec(), 0..=parties.len().min(2)).boxed()
}

/// Segments that open and close with words, a bracket between every two runs.
fn segments(parties: Vec<PartyId>) -> BoxedStrategy<Vec<Segment>> {
    let leaf = run().prop_map(|t| vec![Segment::Text(t)]).boxed();
    leaf.prop_recursive(DEPTH, 24, 3, move |inner| {
        let bracket = (any::<bool>(), vec((inner, supporters(&parties)), 1..4)).prop_map(
            |(optional, choices)| {
                let choices: Vec<(Vec<Segment>, Vec<PartyId>)> = if optional {
                    choices.into_iter().take(1).collect()
                } else {
                    choices
                };
                bracket(choices, None)
            },
        );
        (run(), vec((bracket, run()), 1..3)).prop_map(|(first, rest)| {
            let mut out = vec![Segment::Text(format!("{first} "))];
            for (b, text) in rest {
                out.push(Segment::Bracket(b));
                out.push(Segment::Text(format!(" {text}")));
            }
            out
        })
    })
    .boxed()
}

/// A bracket of these choices: optional for one, alternatives (or options, with `labels`) for
/// more, each choice made unlike those before it.
fn bracket(choices: Vec<(Vec<Segment>, Vec<PartyId>)>, labels: Option<()>) -> Bracket {
    let kind = match (choices.len(), labels) {
        (1, _) => BracketKind::Optional,
        (_, Some(())) => BracketKind::Options,
        _ => BracketKind::Alternatives,
    };
    let mut made: Vec<Choice> = Vec::new();
    for (i, (mut segments, supporters)) in choices.into_iter().enumerate() {
        if made.iter().any(|c| c.segments == segments) {
            segments.push(Segment::Text(format!(" {}", ORDINALS[i.min(3)])));
        }
        made.push(Choice {
            label: (kind == BracketKind::Options).then(|| (i + 1).to_string()),
            segments,
            supporters,
        });
    }
    Bracket {
        kind,
        choices: made,
        offset: 0,
    }
}

const ORDINALS: [&str; 4] = ["first", "second", "third", "again"];

/// A bracketed text: optional spans and alternatives nested up to three levels among plain
/// words, or (one time in five) a text of two or three options; supporters drawn from
/// `parties` (none when it is empty); literal footnote markers and braces now and then.
///
/// Every text it makes reads back from its own notation (`Bracketed::parse(&t.to_string())`
/// gives `t`), validates with no bracket problem when `parties` are the negotiation's, and
/// imports through [`import::text`](crate::import::text) with brackets on as the same notation.
///
/// ```
/// use pactum::brackets::Bracketed;
/// use pactum::strategy;
/// use proptest::prelude::*;
///
/// proptest!(|(text in strategy::bracketed_text(vec!["RU".parse().unwrap()]))| {
///     let notation = text.to_string();
///     prop_assert_eq!(Bracketed::parse(&notation).unwrap(), text);
/// });
/// ```
pub fn bracketed_text(parties: Vec<PartyId>) -> BoxedStrategy<Bracketed> {
    let options = vec((segments(parties.clone()), supporters(&parties)), 2..4)
        .prop_map(|choices| vec![Segment::Bracket(bracket(choices, Some(())))]);
    prop_oneof![4 => segments(parties), 1 => options]
        .prop_map(|segments| {
            // The offsets are the notation's: read it back.
            let text = Bracketed { segments };
            Bracketed::parse(&text.to_string()).expect("a generated notation reads")
        })
        .boxed()
}

/// A clause with id `id` whose text is a [`bracketed_text`], marked
/// [bracketed](Clause::bracketed).
pub fn bracketed_clause(id: ClauseId, parties: Vec<PartyId>) -> BoxedStrategy<Clause> {
    bracketed_text(parties)
        .prop_map(move |text| Clause::new(id.clone(), text.to_string()).with_brackets())
        .boxed()
}
