//! Deterministic drafts for benchmarks: a draft of n clauses and an edited copy, from a fixed
//! seed, so that every run measures the same work.

#![allow(dead_code)] // each bench uses part of it

use pactum::{Clause, Negotiation, Party, PartyKind, PartyRef, Proposal};

/// splitmix64: small, fast, and the same on every machine.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SUBJECTS: [&str; 6] = [
    "The Parties",
    "Each Party",
    "The Russian Federation",
    "The United States",
    "All member States",
    "No Party",
];
const MARKERS: [&str; 6] = [
    "shall",
    "shall not",
    "may",
    "should",
    "undertake to",
    "refrain from",
];
const VERBS: [&str; 10] = [
    "deploy",
    "station",
    "notify",
    "exchange",
    "establish",
    "reduce",
    "inspect",
    "consult on",
    "limit",
    "verify",
];
const OBJECTS: [&str; 12] = [
    "ground forces",
    "naval forces",
    "intermediate-range missiles",
    "heavy bombers",
    "combat aircraft",
    "armoured brigades",
    "military exercises",
    "threat assessments",
    "troop movements",
    "a telephone hotline",
    "inspection teams",
    "missile launchers",
];
const PLACES: [&str; 10] = [
    "in Europe",
    "in the border region",
    "in the Baltic Sea region",
    "in the Black Sea region",
    "in the Arctic",
    "on the territory of the other Parties",
    "within the agreed zone",
    "near the line of contact",
    "at sea",
    "in the airspace concerned",
];
const TAILS: [&str; 8] = [
    "after notification of the other Parties",
    "subject to reciprocity",
    "for the duration of this Agreement",
    "with the consent of all the Parties",
    "in accordance with the annex",
    "within thirty days",
    "unless otherwise agreed",
    "at the request of any Party",
];

/// A made-up word of two or three syllables: thousands of them, so that clause texts differ
/// as much as real ones do, not only in their template words.
fn word(rng: &mut Rng) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "min", "ter", "sa", "vi", "dor", "pe", "ran", "tu", "mel", "go", "shi", "ba",
        "nor", "qui", "lex", "ta", "ven", "ro", "cal", "di", "mus", "fer",
    ];
    (0..2 + rng.below(2))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// A sentence of 15 to 30 words; `serial` makes it unique.
pub(crate) fn sentence(rng: &mut Rng, serial: usize) -> String {
    let pick = |rng: &mut Rng, list: &[&str]| list[rng.below(list.len())].to_owned();
    let specifics: Vec<String> = (0..6 + rng.below(7)).map(|_| word(rng)).collect();
    format!(
        "{} {} {} {} {} concerning {} {}, {} (measure {serial}).",
        pick(rng, &SUBJECTS),
        pick(rng, &MARKERS),
        pick(rng, &VERBS),
        pick(rng, &OBJECTS),
        pick(rng, &PLACES),
        specifics.join(" "),
        pick(rng, &TAILS),
        pick(rng, &TAILS),
    )
}

/// A draft of about `n` clauses: articles of one sentence, each holding three paragraphs.
pub(crate) fn draft(n: usize, seed: u64) -> Proposal {
    let mut rng = Rng::new(seed);
    let mut p = Proposal::new(
        "old".parse().unwrap(),
        "A generated agreement",
        "RU".parse().unwrap(),
    )
    .with_party(PartyRef::party("RU".parse().unwrap()))
    .with_party(PartyRef::party("US".parse().unwrap()));
    let mut serial = 0;
    for a in 0..n.div_ceil(4) {
        serial += 1;
        let mut article = Clause::new(format!("a{a}").parse().unwrap(), sentence(&mut rng, serial))
            .with_number(format!("Article {}", a + 1));
        for k in 0..3 {
            serial += 1;
            let para = Clause::new(
                format!("a{a}.{k}").parse().unwrap(),
                sentence(&mut rng, serial),
            )
            .with_number(format!("{}.", k + 1));
            article.push_child(para).unwrap();
        }
        p.clauses.push(article);
    }
    p
}

/// Rewords about a tenth of the words of a text.
fn reword(rng: &mut Rng, text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if rng.chance(10) {
                format!("{}x", w.trim_end_matches(['.', ',']))
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An edited copy of `old`: 5% of clauses reworded, 2% moved among their siblings, 2% removed,
/// 2% added, and everything renumbered in order (so everything after the first removal is
/// renumbered). Kept clauses keep their ids; added ones get new ids.
pub(crate) fn edited(old: &Proposal, seed: u64) -> Proposal {
    let mut rng = Rng::new(seed);
    let mut new = Proposal::new(
        "new".parse().unwrap(),
        old.title.clone(),
        old.proposer.clone(),
    );
    new.parties = old.parties.clone();
    let mut serial = 10_000_000;
    let edit = |rng: &mut Rng, c: &Clause| -> Clause {
        let mut head = Clause::new(c.id.clone(), c.text.clone());
        if rng.chance(5) {
            head.text = reword(rng, &head.text);
        }
        head
    };
    let mut articles: Vec<Clause> = Vec::new();
    for article in &old.clauses {
        if rng.chance(2) {
            continue;
        }
        let mut a = edit(&mut rng, article);
        let mut paras: Vec<Clause> = Vec::new();
        for para in article.children() {
            if rng.chance(2) {
                continue;
            }
            paras.push(edit(&mut rng, para));
            if rng.chance(2) {
                serial += 1;
                paras.push(Clause::new(
                    format!("n{serial}").parse().unwrap(),
                    sentence(&mut rng, serial),
                ));
            }
        }
        if paras.len() > 1 && rng.chance(2) {
            let p = paras.remove(0);
            paras.push(p);
        }
        for (k, mut p) in paras.into_iter().enumerate() {
            p.number = Some(format!("{}.", k + 1));
            a.push_child(p).unwrap();
        }
        articles.push(a);
        if rng.chance(2) {
            serial += 1;
            articles.push(Clause::new(
                format!("n{serial}").parse().unwrap(),
                sentence(&mut rng, serial),
            ));
        }
    }
    // Moves of whole articles: 2% of them go to a place further on.
    let len = articles.len();
    for i in 0..len {
        if rng.chance(2) {
            let a = articles.remove(i);
            let to = (i + 1 + rng.below(len.max(2) - 1)).min(articles.len());
            articles.insert(to, a);
        }
    }
    for (i, a) in articles.iter_mut().enumerate() {
        a.number = Some(format!("Article {}", i + 1));
    }
    new.clauses = articles;
    new
}

/// The two parties of every generated draft.
pub(crate) fn parties() -> [Party; 2] {
    [
        Party::new(
            "RU".parse().unwrap(),
            "Russian Federation",
            PartyKind::State,
        ),
        Party::new("US".parse().unwrap(), "United States", PartyKind::State),
    ]
}

/// A negotiation holding one proposal, as the JSON format wants it.
pub(crate) fn document(p: &Proposal) -> Negotiation {
    let mut n = Negotiation::new("bench");
    for party in parties() {
        n.add_party(party).unwrap();
    }
    n.add_proposal(p.clone()).unwrap();
    n
}

/// Import options for a generated text: proposed by RU, with both parties known.
pub(crate) fn import_options() -> pactum::import::ImportOptions {
    let mut options =
        pactum::import::ImportOptions::new("imported".parse().unwrap(), "RU".parse().unwrap());
    options.parties = parties().into();
    options
}

/// A proposal with `clauses` as its flat list of clauses.
fn flat(id: &str, clauses: impl IntoIterator<Item = Clause>) -> Proposal {
    let mut p = Proposal::new(
        id.parse().unwrap(),
        "An adversarial draft",
        "RU".parse().unwrap(),
    )
    .with_party(PartyRef::party("RU".parse().unwrap()))
    .with_party(PartyRef::party("US".parse().unwrap()));
    p.clauses = clauses.into_iter().collect();
    p
}

/// `n` clauses of one same text: every clause is as good a partner as every other.
pub(crate) fn identical(n: usize, id: &str) -> Proposal {
    flat(
        id,
        (0..n).map(|k| {
            Clause::new(
                format!("c{k}").parse().unwrap(),
                "The Parties shall consult.",
            )
            .with_number(format!("{}.", k + 1))
        }),
    )
}

/// One clause of `n` encoded commitments, and a copy whose commitments all have new ids (so
/// that they pair by their actions), every tenth action reworded and every 25th dropped.
pub(crate) fn many_commitments(n: usize) -> (Proposal, Proposal) {
    let mut rng = Rng::new(13);
    let party: pactum::PartyId = "A".parse().unwrap();
    let actions: Vec<String> = (0..n)
        .map(|k| sentence(&mut rng, k).trim_end_matches('.').to_owned())
        .collect();
    let commitment = |id: String, action: &str| {
        pactum::Commitment::new(id.parse().unwrap(), pactum::Modality::Obligation, action)
            .with_obligor(pactum::PartyRef::party(party.clone()))
    };
    let mut old = Clause::new("c".parse().unwrap(), "The Parties shall act as follows.");
    let mut new = old.clone();
    for (k, action) in actions.iter().enumerate() {
        old.commitments.push(commitment(format!("k{k}"), action));
        if k % 25 == 24 {
            continue;
        }
        let action = if k % 10 == 9 {
            reword(&mut rng, action)
        } else {
            action.clone()
        };
        new.commitments.push(commitment(format!("n{k}"), &action));
    }
    (flat("old", [old]), flat("new", [new]))
}

/// One clause of about `bytes` bytes of sentences, and a copy with a tenth of its words
/// reworded.
pub(crate) fn big_clause(bytes: usize) -> (Proposal, Proposal) {
    let mut rng = Rng::new(11);
    let mut text = String::new();
    let mut serial = 0;
    while text.len() < bytes {
        serial += 1;
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence(&mut rng, serial));
    }
    let reworded = reword(&mut rng, &text);
    let old = flat("old", [Clause::new("c".parse().unwrap(), text)]);
    let new = flat("new", [Clause::new("c".parse().unwrap(), reworded)]);
    (old, new)
}

/// `n` clauses of about `words` words each, and a copy with a tenth of the words of every
/// clause reworded: every clause pair asks for a word diff of its whole length.
pub(crate) fn long_clauses(n: usize, words: usize) -> (Proposal, Proposal) {
    let mut rng = Rng::new(17);
    let mut serial = 0;
    let (mut old, mut new) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for k in 0..n {
        let (mut text, mut count) = (String::new(), 0);
        while count < words {
            serial += 1;
            if !text.is_empty() {
                text.push(' ');
            }
            let s = sentence(&mut rng, serial);
            count += s.split(' ').count();
            text.push_str(&s);
        }
        let reworded = reword(&mut rng, &text);
        let id = format!("c{k}");
        old.push(Clause::new(id.parse().unwrap(), text).with_number(format!("{}.", k + 1)));
        new.push(Clause::new(id.parse().unwrap(), reworded).with_number(format!("{}.", k + 1)));
    }
    (flat("old", old), flat("new", new))
}

/// The hasher pactum's maps used before they were seeded: FxHash (rustc-hash 1.x), fixed, so
/// that a hostile text can be made of keys it sends to one bucket.
#[derive(Default)]
pub(crate) struct OldFx(u64);

impl std::hash::Hasher for OldFx {
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        if let Some((chunk, rest)) = bytes.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*chunk)));
            bytes = rest;
        }
        if let Some((chunk, rest)) = bytes.split_first_chunk::<2>() {
            self.add(u64::from(u16::from_le_bytes(*chunk)));
            bytes = rest;
        }
        if let Some(&b) = bytes.first() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl OldFx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A `str`'s [`OldFx`] hash, as a map computes it (its bytes, then 0xff).
pub(crate) fn old_fx(text: &str) -> u64 {
    old_fx_bytes(text.as_bytes())
}

fn old_fx_bytes(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = OldFx::default();
    h.write(bytes);
    h.write_u8(0xff);
    h.finish()
}

/// The low bits of [`old_fx`] that every colliding key of [`keys`] shares: a table of 32,768
/// buckets, the size a map of 20,000 keys grows to, puts them all in 8 of them.
pub(crate) const COLLIDING_BITS: u32 = 12;

/// `n` words of twelve letters and digits whose [`old_fx`] hashes share their low
/// [`COLLIDING_BITS`] bits, found by search from a fixed seed; or, with `collide` false, `n`
/// words of the same shape taken as they come, the baseline.
pub(crate) fn keys(n: usize, collide: bool) -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = Rng::new(23);
    let mask = (1u64 << COLLIDING_BITS) - 1;
    let mut out = Vec::with_capacity(n);
    let mut seen = std::collections::HashSet::new();
    let mut word = [0u8; 12];
    while out.len() < n {
        for b in &mut word {
            *b = ALPHABET[rng.below(ALPHABET.len())];
        }
        if (!collide || old_fx_bytes(&word) & mask == 0) && seen.insert(word) {
            out.push(String::from_utf8(word.to_vec()).expect("ASCII"));
        }
    }
    out
}

/// A draft of `n` clauses whose ids and texts are [`keys`], and the same clauses in reverse
/// order: pairing looks every id and every text up in its maps.
pub(crate) fn keyed(n: usize, collide: bool) -> (Proposal, Proposal) {
    let clauses: Vec<Clause> = keys(n, collide)
        .into_iter()
        .map(|k| Clause::new(k.parse().unwrap(), k))
        .collect();
    let old = flat("old", clauses.iter().cloned());
    let new = flat("new", clauses.into_iter().rev());
    (old, new)
}

/// `n` clauses of a word or two each, and a copy with every 50th removed, every 70th reworded
/// and every 90th followed by a new one.
pub(crate) fn tiny(n: usize) -> (Proposal, Proposal) {
    let text = |k: usize| format!("item {k}");
    let old = flat(
        "old",
        (0..n).map(|k| Clause::new(format!("c{k}").parse().unwrap(), text(k))),
    );
    let mut clauses = Vec::new();
    for k in 0..n {
        if k % 50 == 49 {
            continue;
        }
        let t = if k % 70 == 69 {
            format!("item {k} changed")
        } else {
            text(k)
        };
        clauses.push(Clause::new(format!("c{k}").parse().unwrap(), t));
        if k % 90 == 89 {
            clauses.push(Clause::new(
                format!("n{k}").parse().unwrap(),
                format!("new {k}"),
            ));
        }
    }
    (old, flat("new", clauses))
}

/// `p` with its top-level clauses in reverse order.
pub(crate) fn reversed(p: &Proposal) -> Proposal {
    let mut r = flat("reversed", p.clauses.iter().rev().cloned());
    r.title = p.title.clone();
    r
}

/// Texts built to find a quadratic corner in the importer, each of about `bytes` bytes (or `n`
/// repeats): the shapes named in the hostile-input issue.
#[allow(dead_code)]
pub(crate) mod hostile {
    /// One article whose text never ends a sentence: two million words for 12 MB, a "shall"
    /// every ten words, wrapped at 80 columns (`one_line`: all on one line).
    pub(crate) fn no_sentence_end(bytes: usize, one_line: bool) -> String {
        let mut out = String::with_capacity(bytes + 100);
        out.push_str("Article 1\n");
        let words = [
            "the", "Parties", "shall", "consult", "each", "other", "on", "every", "measure", "and",
        ];
        let mut column = 0;
        let mut k = 0;
        while out.len() < bytes {
            let w = words[k % words.len()];
            k += 1;
            if !one_line && column + w.len() > 80 {
                out.push('\n');
                column = 0;
            } else if column > 0 || one_line {
                out.push(' ');
            }
            out.push_str(w);
            column += w.len() + 1;
        }
        out.push('\n');
        out
    }

    /// `n` headings that all read "Article 1", each with a sentence.
    pub(crate) fn equal_headings(n: usize) -> String {
        "Article 1\nThe Parties shall consult.\n\n".repeat(n)
    }

    /// One article of `n` points, nested as deep as points go and back, again and again.
    pub(crate) fn nested_points(n: usize) -> String {
        let mut out = String::from("Article 1\nThe Parties agree:\n");
        let shapes = ["1.", "(a)", "(i)", "-"];
        for k in 0..n {
            out.push_str(shapes[k % shapes.len()]);
            out.push_str(" each Party shall report;\n");
        }
        out
    }
}

/// Wraps a paragraph at 80 columns, as text copied from a PDF or a web page is.
fn wrapped(out: &mut String, first: &str, paragraph: &str) {
    let mut line = String::from(first);
    for word in paragraph.split(' ') {
        if line.len() + 1 + word.len() > 80 && !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        } else if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push_str("\n\n");
}

/// A treaty text of about `bytes` bytes: articles of three numbered paragraphs of two to four
/// sentences, wrapped at 80 columns, some with lettered points (`dense` instead puts one
/// sentence on each line, one clause per sentence: the worst case, a commitment every 150
/// bytes).
pub(crate) fn treaty(bytes: usize, dense: bool) -> String {
    let mut rng = Rng::new(7);
    let mut out = String::from(
        "Agreement on Generated Measures\n\nThe Parties, determined to test, noting the need for speed, have agreed as follows:\n\n",
    );
    let mut article = 0;
    let mut serial = 0;
    while out.len() < bytes {
        article += 1;
        out.push_str(&format!("Article {article}\n"));
        for p in 1..=3 {
            let sentences = if dense { 1 } else { 2 + rng.below(3) };
            let paragraph: Vec<String> = (0..sentences)
                .map(|_| {
                    serial += 1;
                    sentence(&mut rng, serial)
                })
                .collect();
            if dense {
                out.push_str(&format!("{p}. {}\n", paragraph[0]));
            } else {
                wrapped(&mut out, &format!("{p}."), &paragraph.join(" "));
            }
            if rng.chance(30) {
                for letter in ['a', 'b'] {
                    serial += 1;
                    let point = sentence(&mut rng, serial);
                    if dense {
                        out.push_str(&format!("({letter}) {point}\n"));
                    } else {
                        wrapped(&mut out, &format!("({letter})"), &point);
                    }
                }
            }
        }
        out.push('\n');
    }
    out
}
