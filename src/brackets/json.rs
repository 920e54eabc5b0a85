//! Bracketed text in the JSON format: an array of segments, never the notation, so that a
//! reader needs no escape rules. A plain run is a string; a bracket is an object with one key,
//! its kind: `{"optional": CHOICE}`, `{"alternatives": [CHOICE, ...]}` or
//! `{"options": [CHOICE, ...]}`. A choice is `{"label": L, "text": TEXT, "supporters": [ID, ...]}`,
//! its text a string or an array of segments, its label only for options.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use super::{Bracket, BracketKind, Bracketed, Choice, MAX_BRACKET_DEPTH, Segment};
use crate::PartyId;
use crate::format::ReadErrorKind;
use crate::serde_glue::own_error;

/// Segments written as JSON.
pub(crate) struct Segments<'a>(pub(crate) &'a [Segment]);

impl Serialize for Segments<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for segment in self.0 {
            match segment {
                Segment::Text(t) => seq.serialize_element(t)?,
                Segment::Bracket(b) => seq.serialize_element(&BracketOut(b))?,
            }
        }
        seq.end()
    }
}

struct BracketOut<'a>(&'a Bracket);

impl Serialize for BracketOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = self.0;
        let mut m = s.serialize_map(Some(1))?;
        let choices: Vec<ChoiceOut<'_>> = b.choices.iter().map(ChoiceOut).collect();
        match (b.kind, choices.as_slice()) {
            (BracketKind::Optional, [one]) => m.serialize_entry(b.kind.as_str(), one)?,
            _ => m.serialize_entry(b.kind.as_str(), &choices)?,
        }
        m.end()
    }
}

struct ChoiceOut<'a>(&'a Choice);

impl Serialize for ChoiceOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let fields = 1 + usize::from(c.label.is_some()) + usize::from(!c.supporters.is_empty());
        let mut m = s.serialize_map(Some(fields))?;
        if let Some(label) = &c.label {
            m.serialize_entry("label", label)?;
        }
        match c.segments.as_slice() {
            [Segment::Text(t)] => m.serialize_entry("text", t)?,
            segments => m.serialize_entry("text", &Segments(segments))?,
        }
        if !c.supporters.is_empty() {
            m.serialize_entry("supporters", &c.supporters)?;
        }
        m.end()
    }
}

/// A clause's text as read: a string, or segments already written in the notation.
pub(crate) enum TextIn {
    Plain(String),
    Bracketed(String),
}

impl<'de> Deserialize<'de> for TextIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextIn;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, or an array of text and brackets")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<TextIn, E> {
                Ok(TextIn::Plain(s.to_owned()))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<TextIn, E> {
                Ok(TextIn::Plain(s))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<TextIn, A::Error> {
                let segments = read_segments(seq)?;
                let segments = checked(segments, 0).map_err(bracket_error)?;
                let text = Bracketed { segments };
                let notation = text.to_string();
                // The notation must read back as what was read, or the JSON holds what the
                // model cannot: say so rather than keep something else.
                let back = Bracketed::parse(&notation).map_err(|e| bracket_error(e.to_string()))?;
                if without_offsets(back.segments) != text.segments {
                    return Err(bracket_error(
                        "these segments read back otherwise from the notation (alternatives whose \
                         every text opens with \"Option L:\" are options; write them as options)"
                            .to_owned(),
                    ));
                }
                Ok(TextIn::Bracketed(notation))
            }
        }
        d.deserialize_any(V)
    }
}

fn bracket_error<E: de::Error>(message: String) -> E {
    own_error(
        ReadErrorKind::InvalidBrackets,
        format_args!("invalid bracketed text: {message}"),
    )
}

/// A segment as read, before its shape is checked.
enum SegmentIn {
    Text(String),
    Bracket(BracketKind, Vec<ChoiceIn>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceIn {
    #[serde(default)]
    label: Option<String>,
    text: ChoiceText,
    #[serde(default)]
    supporters: Vec<PartyId>,
}

struct ChoiceText(Vec<SegmentIn>);

impl<'de> Deserialize<'de> for ChoiceText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ChoiceText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, or an array of text and brackets")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<ChoiceText, E> {
                Ok(ChoiceText(vec![SegmentIn::Text(s.to_owned())]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ChoiceText, A::Error> {
                read_segments(seq).map(ChoiceText)
            }
        }
        d.deserialize_any(V)
    }
}

fn read_segments<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Vec<SegmentIn>, A::Error> {
    let mut out = Vec::new();
    while let Some(s) = seq.next_element::<SegmentIn>()? {
        out.push(s);
    }
    Ok(out)
}

impl<'de> Deserialize<'de> for SegmentIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SegmentIn;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a string, or {"optional" | "alternatives" | "options": ...}"#)
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<SegmentIn, E> {
                Ok(SegmentIn::Text(s.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SegmentIn, A::Error> {
                const KINDS: &[&str] = &["optional", "alternatives", "options"];
                let Some(key) = map.next_key::<String>()? else {
                    return Err(de::Error::missing_field("optional"));
                };
                let segment = match BracketKind::from_name(&key) {
                    Some(BracketKind::Optional) => {
                        SegmentIn::Bracket(BracketKind::Optional, vec![map.next_value()?])
                    }
                    Some(kind) => SegmentIn::Bracket(kind, map.next_value()?),
                    None => return Err(de::Error::unknown_field(&key, KINDS)),
                };
                if let Some(other) = map.next_key::<String>()? {
                    return Err(bracket_error(format!(
                        "a bracket is an object with one key, its kind; `{}` is a second",
                        crate::quote::cut(&other, crate::quote::MAX_QUOTED)
                    )));
                }
                Ok(segment)
            }
        }
        d.deserialize_any(V)
    }
}

/// Segments whose shape the notation can hold: runs merged, brackets never side by side (they
/// would read as one set of alternatives), no choice empty, alternatives and options of two
/// choices or more, labels on options only, options only as a whole text, nesting bounded.
fn checked(segments: Vec<SegmentIn>, depth: usize) -> Result<Vec<Segment>, String> {
    let alone = segments.len() == 1;
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for s in segments {
        match s {
            SegmentIn::Text(t) if t.is_empty() => {}
            SegmentIn::Text(t) => match out.last_mut() {
                Some(Segment::Text(run)) => run.push_str(&t),
                _ => out.push(Segment::Text(t)),
            },
            SegmentIn::Bracket(kind, choices) => {
                if depth + 1 > MAX_BRACKET_DEPTH {
                    return Err(format!("brackets nested deeper than {MAX_BRACKET_DEPTH}"));
                }
                if matches!(out.last(), Some(Segment::Bracket(_))) {
                    return Err(
                        "two brackets side by side read as one set of alternatives; \
                                put text between them or make them one bracket"
                            .to_owned(),
                    );
                }
                let few = kind != BracketKind::Optional && choices.len() < 2;
                if few {
                    return Err(format!("{kind} need two choices or more"));
                }
                if kind == BracketKind::Options && (depth > 0 || !alone) {
                    return Err("options stand only as the whole text of a clause".to_owned());
                }
                let choices = choices
                    .into_iter()
                    .map(|c| choice(kind, c, depth + 1))
                    .collect::<Result<_, _>>()?;
                out.push(Segment::Bracket(Bracket {
                    kind,
                    choices,
                    offset: 0,
                }));
            }
        }
    }
    Ok(out)
}

fn choice(kind: BracketKind, c: ChoiceIn, depth: usize) -> Result<Choice, String> {
    match (&c.label, kind) {
        (None, BracketKind::Options) => return Err("every option needs a label".to_owned()),
        (Some(label), BracketKind::Options)
            if label.is_empty()
                || label.len() > 16
                || !label.chars().all(char::is_alphanumeric) =>
        {
            return Err(format!(
                "an option's label is a word of letters and digits, at most 16 bytes: `{}`",
                crate::quote::cut(label, crate::quote::MAX_QUOTED)
            ));
        }
        (Some(_), BracketKind::Optional | BracketKind::Alternatives) => {
            return Err(format!("only options have labels, not {kind}"));
        }
        _ => {}
    }
    let segments = checked(c.text.0, depth)?;
    let blank = segments
        .iter()
        .all(|s| matches!(s, Segment::Text(t) if t.trim().is_empty()));
    if blank {
        return Err(format!("an empty choice in {kind}"));
    }
    Ok(Choice {
        label: c.label,
        segments,
        supporters: c.supporters,
    })
}

/// Segments with every bracket's offset set to 0, as segments read from JSON have them.
fn without_offsets(segments: Vec<Segment>) -> Vec<Segment> {
    segments
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => Segment::Text(t),
            Segment::Bracket(b) => Segment::Bracket(Bracket {
                kind: b.kind,
                offset: 0,
                choices: b
                    .choices
                    .into_iter()
                    .map(|c| Choice {
                        segments: without_offsets(c.segments),
                        ..c
                    })
                    .collect(),
            }),
        })
        .collect()
}
