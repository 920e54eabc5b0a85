//! Reading deontic markers in French, Spanish, Russian and Ukrainian.
//!
//! Each language has a table: its markers (word sequences, each with its modality), the
//! negation that turns an obligation or a permission into a prohibition, the words that open a
//! subordinate or conditional clause, the verbs of a statement ("reconocen que"), and the
//! wording that binds no one by the rules of [`Rule`]: construction, duration, definition,
//! application (a provision that "se aplicará"), non-derogation ("no podrá afectar") and
//! status ("podrá considerarse"). A sentence is read as the
//! English reader reads it ([`read`](super::read)), with these tables for its words.
//!
//! Russian drafting writes an obligation in the present tense ("Стороны не размещают ..."
//! means "the Parties shall not deploy ..."). That reading is made only where the subject that
//! opens the clause is the Parties, a Party or a named party of the 2021-22 drafts (the
//! Russian Federation, the United States, NATO and its members), and only for a verb in the
//! present tense that is not a verb of being ("является"): "Настоящее Соглашение вступает в
//! силу" stays a statement.

use std::ops::Range;

use super::{Marker, Reading, Role, Rule};
use crate::Modality;

/// The tables of one language. Words are lower-case, apostrophes written `'`.
struct Table {
    /// Word sequences and what they express, longest first where one begins another.
    markers: &'static [(&'static [&'static str], Modality)],
    /// A word right before a marker that negates it: an obligation or a permission becomes a
    /// prohibition, a recommendation a discouragement.
    negation: &'static [&'static str],
    /// Words that open a subject that denies ("Ninguna Parte podrá", "Ни одна из Сторон
    /// не ..."): an obligation or a permission under them is a prohibition.
    negating_subject: &'static [&'static str],
    /// Words that open a condition or a relative clause: a marker after them, in its part of
    /// the sentence, does not bind on its own. One that ends with an apostrophe opens a word
    /// ("qu'une").
    subordinators: &'static [&'static str],
    /// Verbs of a statement: a marker in what they introduce states a view.
    stating: &'static [&'static str],
    /// Openings of a clause that says how the text is read ("Nada de lo dispuesto ...").
    construction: &'static [&'static [&'static str]],
    /// The verb after a marker that says how the text is read ("interpretarse").
    construed: &'static [&'static str],
    /// What follows a marker that says when the text holds ("entrar en vigor").
    duration: &'static [&'static [&'static str]],
    /// Words before a marker that make its clause a definition ("significa").
    defining: &'static [&'static str],
    /// The verb after a marker that says where the text applies ("aplicarse"), when the
    /// subject names a provision (one of `provisions`).
    applying: &'static [&'static str],
    /// Words of a subject that make it a provision ("capítulo", "статья").
    provisions: &'static [&'static str],
    /// The verb after a negated marker that says what the text leaves untouched, when the
    /// subject names a provision ("El presente Acuerdo no podrá afectar").
    untouched: &'static [&'static str],
    /// The verb after a marker that says what something is ("considerarse", "считаться").
    being: &'static [&'static str],
    /// Words that join two acts of one subject ("y", "et", "и").
    joins: &'static [&'static str],
    /// Whether an obligation may be written in the present tense (Russian).
    present_tense: bool,
}

use Modality::{Obligation as O, Permission as P, Prohibition as X, Recommendation as R};

const SPANISH: Table = Table {
    markers: &[
        (&["se", "compromete", "a", "no"], X),
        (&["se", "comprometen", "a", "no"], X),
        (&["se", "compromete", "a"], O),
        (&["se", "comprometen", "a"], O),
        (&["se", "abstendrá", "de"], X),
        (&["se", "abstendrán", "de"], X),
        (&["deberá"], O),
        (&["deberán"], O),
        (&["podrá"], P),
        (&["podrán"], P),
        (&["tendrá", "derecho", "a"], P),
        (&["tendrán", "derecho", "a"], P),
        (&["debería"], R),
        (&["deberían"], R),
    ],
    negation: &["no", "ni"],
    negating_subject: &["ninguna", "ningún", "ninguno"],
    subordinators: &[
        "que", "si", "cuando", "cuyo", "cuya", "cuyos", "cuyas", "donde", "cual", "cuales",
        "quien", "quienes", "salvo", "aunque",
    ],
    stating: &[
        "reconocen",
        "reconoce",
        "observan",
        "toman",
        "afirman",
        "consideran",
    ],
    construction: &[
        &["nada", "de", "lo", "dispuesto"],
        &["ninguna", "disposición"],
        &["nada", "en"],
    ],
    construed: &[
        "interpretarse",
        "interpretada",
        "interpretado",
        "interpretadas",
        "interpretados",
        "entenderse",
    ],
    duration: &[
        &["entrar", "en", "vigor"],
        &["permanecer", "en", "vigor"],
        &["seguir", "en", "vigor"],
    ],
    defining: &["significa", "significan", "entenderá", "entiende"],
    applying: &["aplicarse", "aplicará", "aplicarán"],
    provisions: &[
        "capítulo",
        "artículo",
        "acuerdo",
        "tratado",
        "sección",
        "anexo",
        "disposiciones",
        "disposición",
        "párrafo",
        "protocolo",
    ],
    untouched: &["afectar", "menoscabar", "perjudicar", "limitar"],
    being: &["considerarse", "considerado", "considerada", "constituir"],
    joins: &["y", "e", "o", "u"],
    present_tense: false,
};

const FRENCH: Table = Table {
    markers: &[
        (&["s'engage", "à", "ne", "pas"], X),
        (&["s'engagent", "à", "ne", "pas"], X),
        (&["s'engage", "à"], O),
        (&["s'engagent", "à"], O),
        (&["s'abstient"], X),
        (&["s'abstiennent"], X),
        (&["n'a", "pas", "le", "droit", "de"], X),
        (&["n'ont", "pas", "le", "droit", "de"], X),
        (&["doit"], O),
        (&["doivent"], O),
        (&["peut"], P),
        (&["peuvent"], P),
        (&["a", "le", "droit", "de"], P),
        (&["ont", "le", "droit", "de"], P),
        (&["devrait"], R),
        (&["devraient"], R),
    ],
    negation: &["ne"],
    negating_subject: &["aucune", "aucun", "nulle", "nul"],
    subordinators: &[
        "qui",
        "que",
        "qu'",
        "si",
        "s'il",
        "s'ils",
        "lorsque",
        "lorsqu'",
        "puisqu'",
        "quand",
        "dont",
        "où",
        "lequel",
        "laquelle",
        "lesquels",
        "lesquelles",
        "sauf",
    ],
    stating: &[
        "reconnaissent",
        "reconnaît",
        "notent",
        "prennent",
        "affirment",
        "considèrent",
    ],
    construction: &[
        &["aucune", "disposition"],
        &["rien", "dans"],
        &["rien", "du"],
    ],
    construed: &[
        "interprétée",
        "interprété",
        "interprétées",
        "interprétés",
        "interpréter",
    ],
    duration: &[
        &["entrer", "en", "vigueur"],
        &["rester", "en", "vigueur"],
        &["demeurer", "en", "vigueur"],
    ],
    defining: &["signifie", "signifient", "entend", "désigne", "désignent"],
    applying: &["s'appliquer", "appliquer"],
    provisions: &[
        "chapitre",
        "article",
        "accord",
        "traité",
        "section",
        "annexe",
        "dispositions",
        "disposition",
        "paragraphe",
        "protocole",
    ],
    untouched: &["affecter", "porter", "limiter", "déroger"],
    being: &[
        "considéré",
        "considérée",
        "considérés",
        "considérées",
        "constituer",
    ],
    joins: &["et", "ou"],
    present_tense: false,
};

const RUSSIAN: Table = Table {
    markers: &[
        (&["обязуется", "не"], X),
        (&["обязуются", "не"], X),
        (&["обязуется"], O),
        (&["обязуются"], O),
        (&["должна"], O),
        (&["должен"], O),
        (&["должно"], O),
        (&["должны"], O),
        (&["вправе"], P),
        (&["может"], P),
        (&["могут"], P),
        (&["имеет", "право"], P),
        (&["имеют", "право"], P),
        (&["воздерживается", "от"], X),
        (&["воздерживаются", "от"], X),
        (&["следует"], R),
    ],
    negation: &["не"],
    negating_subject: &["ни"],
    subordinators: &[
        "который",
        "которая",
        "которое",
        "которые",
        "которых",
        "которым",
        "которой",
        "если",
        "когда",
        "что",
        "чтобы",
        "где",
        "кроме",
        "поскольку",
    ],
    stating: &[
        "признают",
        "признает",
        "отмечают",
        "подтверждают",
        "считают",
    ],
    construction: &[
        &["ничто", "в"],
        &["никакое", "положение"],
        &["ни", "одно", "положение"],
    ],
    construed: &["толковаться", "истолковано", "истолкована", "толкуется"],
    duration: &[&["вступить", "в", "силу"], &["оставаться", "в", "силе"]],
    defining: &["означает", "означают", "понимается", "понимаются"],
    applying: &["применяться", "распространяться"],
    provisions: &[
        "глава",
        "статья",
        "соглашение",
        "договор",
        "раздел",
        "приложение",
        "положения",
        "положение",
        "пункт",
        "протокол",
    ],
    untouched: &["затрагивать", "наносить", "ограничивать", "умалять"],
    being: &["считаться", "являться", "рассматриваться"],
    joins: &["и", "или"],
    present_tense: true,
};

const UKRAINIAN: Table = Table {
    markers: &[
        (&["зобов'язується", "не"], X),
        (&["зобов'язуються", "не"], X),
        (&["зобов'язується"], O),
        (&["зобов'язуються"], O),
        (&["повинна"], O),
        (&["повинен"], O),
        (&["повинно"], O),
        (&["повинні"], O),
        (&["має", "право"], P),
        (&["мають", "право"], P),
        (&["не", "має", "права"], X),
        (&["не", "мають", "права"], X),
        (&["утримується", "від"], X),
        (&["утримуються", "від"], X),
        (&["може"], P),
        (&["можуть"], P),
        (&["слід"], R),
    ],
    negation: &["не"],
    negating_subject: &["жодна", "жоден", "жодне", "жодні"],
    subordinators: &[
        "який", "яка", "яке", "які", "яких", "яким", "якій", "якщо", "коли", "що", "щоб", "де",
        "крім",
    ],
    stating: &[
        "визнають",
        "визнає",
        "відзначають",
        "підтверджують",
        "вважають",
    ],
    construction: &[&["ніщо", "в"], &["ніщо", "у"], &["жодне", "положення"]],
    construed: &["тлумачитися", "тлумачиться", "витлумачено"],
    duration: &[
        &["набрати", "чинності"],
        &["набирає", "чинності"],
        &["залишатися", "чинною"],
    ],
    defining: &["означає", "означають", "розуміється"],
    applying: &["застосовуватися", "поширюватися"],
    provisions: &[
        "глава",
        "стаття",
        "угода",
        "договір",
        "розділ",
        "додаток",
        "положення",
        "пункт",
        "протокол",
    ],
    untouched: &["зачіпати", "обмежувати", "применшувати", "шкодити"],
    being: &["вважатися", "розглядатися"],
    joins: &["і", "й", "та", "або"],
    present_tense: false,
};

/// The subjects a Russian obligation in the present tense may have: the Parties, a Party, and
/// the named parties of the 2021-22 drafts.
const RUSSIAN_PARTIES: &[&[&str]] = &[
    &["каждая", "из", "сторон"],
    &["каждая", "сторона"],
    &["ни", "одна", "из", "сторон"],
    &["стороны"],
    &["сторона"],
    &["участники"],
    &["каждый", "из", "участников"],
    &["каждый", "участник"],
    &["ни", "один", "из", "участников"],
    &["российская", "федерация"],
    &["соединенные", "штаты", "америки"],
    &["соединённые", "штаты", "америки"],
    &["соединенные", "штаты"],
    &["соединённые", "штаты"],
    &["сша"],
    &["нато"],
    &["государства", "члены", "нато"],
];

/// Russian verbs in the present tense that state what is, not what is owed.
const RUSSIAN_BEING: &[&str] = &[
    "является",
    "являются",
    "вступает",
    "вступают",
    "применяется",
    "применяются",
    "распространяется",
    "распространяются",
    "действует",
    "действуют",
    "составляет",
    "составляют",
    "означает",
    "означают",
    "прекращает",
    "истекает",
];

/// Whether a language tag reads as English: English, and any language without a table of
/// its own.
pub(crate) fn is_english(language: &str) -> bool {
    table(language).is_none()
}

/// Appends the markers of `text` in `language` to `out`: in English all of them, as
/// [`markers_into`](super::markers_into) finds them, the fastest scan; in the other languages
/// those that bind, as [`read_in`] reads them.
pub(crate) fn markers_in_into(text: &str, language: &str, out: &mut Vec<Marker>) {
    match table(language) {
        None => super::markers_into(text, out),
        Some(t) => out.extend(
            read_table(text, t)
                .into_iter()
                .filter(|r| r.role == Role::Binds)
                .map(|r| Marker {
                    modality: r.modality,
                    range: r.marker,
                }),
        ),
    }
}

/// The table of a language tag's primary subtag, if it is one of the four.
fn table(language: &str) -> Option<&'static Table> {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    [
        ("es", &SPANISH),
        ("fr", &FRENCH),
        ("ru", &RUSSIAN),
        ("uk", &UKRAINIAN),
    ]
    .into_iter()
    .find(|(tag, _)| primary.eq_ignore_ascii_case(tag))
    .map(|(_, t)| t)
}

/// The markers of `text` read in `language` (a BCP 47 tag): English, and any language without
/// a table, as [`read`](super::read) reads them; French, Spanish, Russian and Ukrainian by
/// their own tables (see the module docs).
///
/// ```
/// use pactum::deontic::{read_in, Role};
/// use pactum::Modality;
///
/// let r = read_in("Cada Parte deberá notificar a la otra Parte.", "es");
/// assert_eq!((r[0].modality, r[0].role), (Modality::Obligation, Role::Binds));
/// assert_eq!(r[0].subject("Cada Parte deberá notificar a la otra Parte."), Some("Cada Parte"));
/// // The Russian present tense binds the Parties, and only them.
/// let r = read_in("Стороны не размещают ракеты.", "ru");
/// assert_eq!(r[0].modality, Modality::Prohibition);
/// assert!(read_in("Настоящее Соглашение вступает в силу.", "ru").is_empty());
/// ```
pub fn read_in(text: &str, language: &str) -> Vec<Reading> {
    match table(language) {
        Some(t) => read_table(text, t),
        None => super::read(text),
    }
}

/// A word of a text: where it stands, lower-cased with apostrophes as `'`, and whether a
/// sentence or clause ends before it (".", ";" or ":"), or a comma stands before it.
struct Word {
    range: Range<usize>,
    lower: String,
    sentence_start: bool,
    after_comma: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let (mut sentence, mut comma) = (true, false);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner = is_apostrophe(d)
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let lower: String = text[i..end]
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .collect();
            out.push(Word {
                range: i..end,
                lower,
                sentence_start: sentence,
                after_comma: comma,
            });
            (sentence, comma) = (false, false);
        } else if matches!(c, '.' | ';' | ':' | '!' | '?') {
            sentence = true;
        } else if c == ',' || c == '(' || c == ')' {
            comma = true;
        }
    }
    out
}

/// Whether the words at `at` are `seq`.
fn starts(words: &[Word], at: usize, seq: &[&str]) -> bool {
    seq.len() <= words.len().saturating_sub(at)
        && seq
            .iter()
            .enumerate()
            .all(|(k, w)| words[at + k].lower == *w)
}

/// Whether the word before `at`, in the same sentence, negates a marker at `at`: "no podrá",
/// "ne peut", "не вправе".
fn negated(t: &Table, words: &[Word], at: usize) -> bool {
    at > 0
        && !words[at].sentence_start
        && !words[at].after_comma
        && t.negation.contains(&words[at - 1].lower.as_str())
}

/// How many words before a marker its reading looks at, at most: a subject and the words
/// that open its clause are a few, and a text that never ends a sentence stays linear.
const LOOK_BACK: usize = 48;

fn read_table(text: &str, t: &Table) -> Vec<Reading> {
    let words = words(text);
    let mut out: Vec<Reading> = Vec::new();
    // Index of the first word of the current sentence, and of its current part (after a comma).
    let (mut sentence, mut part) = (0, 0);
    let mut i = 0;
    while i < words.len() {
        if words[i].sentence_start {
            (sentence, part) = (i, i);
        } else if words[i].after_comma {
            part = i;
        }
        // Past the look-back, the sentence is read as if it began there.
        let floor = i.saturating_sub(LOOK_BACK);
        let (sentence, part) = (sentence.max(floor), part.max(floor));
        let found = t
            .markers
            .iter()
            .find(|(seq, _)| starts(&words, i, seq))
            .map(|&(seq, m)| (seq.len(), m));
        let (len, modality, start) = match found {
            Some((len, m)) => {
                let neg = negated(t, &words, i);
                let from = part.max(sentence);
                let denied =
                    !neg && from < i && t.negating_subject.contains(&words[from].lower.as_str());
                let m = match (m, neg || denied) {
                    (O | P, true) => X,
                    (R, true) => Modality::Discouragement,
                    (m, _) => m,
                };
                (len, m, if neg { i - 1 } else { i })
            }
            None => match present(t, &words, i, [sentence, part]) {
                Some((len, m, subject)) => {
                    let end = i + len - 1;
                    let role = role(t, &words, [sentence, part], i, end, m, &out);
                    out.push(Reading {
                        modality: m,
                        marker: words[i].range.start..words[end].range.end,
                        subject: Some(subject),
                        role,
                    });
                    i = end + 1;
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let end = i + len - 1;
        let subject = subject(&words, part.max(sentence), start);
        let role = role(t, &words, [sentence, part], start, end, modality, &out);
        out.push(Reading {
            modality,
            marker: words[start].range.start..words[end].range.end,
            subject,
            role,
        });
        i = end + 1;
    }
    out
}

/// A Russian obligation in the present tense at word `at`: the clause opens with the Parties
/// or a named party, and `at` is a present-tense verb right after it (or after "не", or after
/// "также"): the words it takes and their modality.
fn present(
    t: &Table,
    words: &[Word],
    at: usize,
    opening: [usize; 2],
) -> Option<(usize, Modality, Range<usize>)> {
    if !t.present_tense {
        return None;
    }
    // The subject opens the sentence, or the part of it after a comma ("В этих целях,
    // Стороны ...").
    let (from, subject) = opening.iter().find_map(|&from| {
        RUSSIAN_PARTIES
            .iter()
            .find(|seq| starts(words, from, seq))
            .map(|seq| (from, seq))
    })?;
    let mut verb = from + subject.len();
    let mut negated = false;
    // Past "также", "не" and up to two adverbs ("незамедлительно", "совместно").
    let mut adverbs = 0;
    while let Some(w) = words.get(verb) {
        match w.lower.as_str() {
            "также" | "впредь" => verb += 1,
            "не" if !negated => {
                negated = true;
                verb += 1;
            }
            a if adverbs < 2 && a.ends_with('о') && a.chars().count() > 5 && !negated => {
                adverbs += 1;
                verb += 1;
            }
            _ => break,
        }
    }
    let first = if negated { verb - 1 } else { verb };
    let w = words.get(verb)?;
    // The verb follows its subject in one part of the sentence.
    if first != at || w.sentence_start || words[from + 1..=verb].iter().any(|w| w.after_comma) {
        return None;
    }
    let present = [
        "ют", "ут", "ет", "ит", "ят", "ат", "ются", "утся", "ется", "ится", "ятся", "атся",
    ];
    let is_present = present.iter().any(|e| w.lower.ends_with(e)) && w.lower.chars().count() > 4;
    let lower = w.lower.as_str();
    if !is_present || RUSSIAN_BEING.contains(&lower) || t.stating.contains(&lower) {
        return None;
    }
    // "Ни одна из Сторон не размещает": the subject's "ни" already forbids.
    let forbids = negated || subject.first() == Some(&"ни");
    let subject = words[from].range.start..words[from + subject.len() - 1].range.end;
    Some((verb - at + 1, if forbids { X } else { O }, subject))
}

/// The subject as written: the words of the marker's part of the sentence before it.
fn subject(words: &[Word], from: usize, marker: usize) -> Option<Range<usize>> {
    (from < marker).then(|| words[from].range.start..words[marker - 1].range.end)
}

/// How a marker at words `start..=end` stands in its sentence and part of it (`opening`: the
/// index of each's first word), after the readings `before` it.
fn role(
    t: &Table,
    words: &[Word],
    opening: [usize; 2],
    start: usize,
    end: usize,
    modality: Modality,
    before: &[Reading],
) -> Role {
    let [sentence, part] = opening;
    if t.construction
        .iter()
        .any(|seq| starts(words, sentence, seq))
        || words
            .get(end + 1)
            .is_some_and(|w| t.construed.contains(&w.lower.as_str()))
        || words
            .get(end + 1..end + 3)
            .is_some_and(|ws| ws.iter().any(|w| t.construed.contains(&w.lower.as_str())))
    {
        return Role::NoOne(Rule::Construction);
    }
    if t.duration.iter().any(|seq| starts(words, end + 1, seq)) {
        return Role::NoOne(Rule::Duration);
    }
    let next = words.get(end + 1).map_or("", |w| w.lower.as_str());
    let subject_is_provision = words[part.max(sentence)..start]
        .iter()
        .any(|w| t.provisions.contains(&w.lower.as_str()));
    if t.applying.contains(&next) && subject_is_provision {
        return Role::NoOne(Rule::Application);
    }
    if modality == X && t.untouched.contains(&next) && subject_is_provision {
        return Role::NoOne(Rule::NonDerogation);
    }
    // Past a passive's auxiliary: "podrá ser considerado", "peut être considéré".
    let after_be = match next {
        "ser" | "être" | "быть" | "бути" => {
            words.get(end + 2).map_or("", |w| w.lower.as_str())
        }
        other => other,
    };
    if t.being.contains(&after_be) {
        return Role::NoOne(Rule::Status);
    }
    if words[sentence..start]
        .iter()
        .any(|w| t.defining.contains(&w.lower.as_str()))
    {
        return Role::NoOne(Rule::Definition);
    }
    if words[sentence..start]
        .iter()
        .any(|w| t.stating.contains(&w.lower.as_str()))
    {
        return Role::Subordinate;
    }
    let subordinator = |w: &Word| {
        t.subordinators
            .iter()
            .any(|s| w.lower == *s || (s.ends_with('\'') && w.lower.starts_with(s)))
    };
    if words[part..start].iter().any(subordinator) {
        return Role::Subordinate;
    }
    // The same modal again for the same subject, joined by "and" or "or".
    let last = before.last();
    let sentence_at = words[sentence].range.start;
    if let Some(last) = last.filter(|r| r.marker.start >= sentence_at && r.role == Role::Binds) {
        let joined = start > 0 && t.joins.contains(&words[start - 1].lower.as_str());
        if joined && last.modality == modality {
            return Role::Repeated;
        }
    }
    Role::Binds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_looks_back_a_bounded_number_of_words() {
        // A text that never ends a sentence: each marker's subject is its last words only.
        let text = format!(
            "{}Cada Parte deberá notificar",
            "la otra medida ".repeat(100)
        );
        let r = read_in(&text, "es");
        assert_eq!(r.len(), 1);
        let subject = r[0].subject(&text).unwrap();
        assert_eq!(subject.split_whitespace().count(), LOOK_BACK);
        assert!(subject.ends_with("Cada Parte"));
    }

    #[test]
    fn a_negation_across_a_comma_is_none() {
        // "no" and the marker in two parts of the sentence: the marker stands alone.
        for (text, tag) in [
            ("Cada Parte, no, podrá notificar", "es"),
            ("Стороны не, может быть, размещают", "ru"),
            ("(no) deberá", "es"),
        ] {
            let r = read_in(text, tag);
            assert!(r.iter().all(|r| r.modality != X), "{text}: {r:?}");
        }
    }

    #[test]
    fn words_keep_their_apostrophes_and_know_where_sentences_start() {
        let w = words("L'Accord s’applique. Chaque Partie, dit-il");
        let lower: Vec<&str> = w.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(
            lower,
            ["l'accord", "s'applique", "chaque", "partie", "dit", "il"]
        );
        assert!(w[0].sentence_start && !w[1].sentence_start && w[2].sentence_start);
        assert!(w[4].after_comma);
    }
}
