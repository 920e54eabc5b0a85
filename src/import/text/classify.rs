//! What one line is, read alone: blank, text, a candidate heading, or a numbered point.
//!
//! A candidate heading is only a candidate: whether it opens a clause is decided in
//! [`outline`](super::outline) from the evidence around it.

use crate::ClauseKind;
use crate::deontic;
use crate::numbering::{INSERTS, Number, word_number};

/// The structure of one line.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Blank,
    Text,
    /// A line that begins like a heading or a number but stays text, and why.
    NotHeading(&'static str),
    Heading(Box<Candidate>),
    Point(Point),
}

/// The divisions a heading can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    Part,
    Title,
    Chapter,
    Section,
    Subsection,
    Article,
    Annex,
    Appendix,
    Protocol,
    Schedule,
    /// A Markdown heading without a keyword, by its number of hashes.
    Markdown(u8),
}

impl Level {
    /// Where the level nests: a heading closes the open headings of its rank or a higher one.
    pub(super) fn rank(self) -> u8 {
        match self {
            Level::Part | Level::Annex | Level::Protocol => 1,
            Level::Title | Level::Appendix | Level::Schedule => 2,
            Level::Chapter => 3,
            Level::Section => 4,
            Level::Subsection => 5,
            Level::Article => 6,
            Level::Markdown(hashes) => hashes,
        }
    }

    pub(super) fn kind(self) -> ClauseKind {
        match self {
            Level::Part => ClauseKind::Part,
            Level::Title => ClauseKind::Title,
            Level::Chapter => ClauseKind::Chapter,
            Level::Section => ClauseKind::Section,
            Level::Subsection => ClauseKind::Subsection,
            Level::Article => ClauseKind::Article,
            Level::Annex => ClauseKind::Annex,
            Level::Appendix => ClauseKind::Appendix,
            Level::Protocol => ClauseKind::Protocol,
            Level::Schedule => ClauseKind::Schedule,
            Level::Markdown(_) => ClauseKind::Heading,
        }
    }

    /// A slot per keyword level, for the numbering sequences: its place in [`LEVELS`].
    pub(super) fn slot(self) -> Option<usize> {
        LEVELS.iter().position(|l| *l == self)
    }
}

/// How many keyword levels [`Level::slot`] numbers.
pub(super) const SLOTS: usize = 10;

/// The keyword levels, each at its slot.
pub(super) const LEVELS: [Level; SLOTS] = [
    Level::Part,
    Level::Title,
    Level::Chapter,
    Level::Section,
    Level::Subsection,
    Level::Article,
    Level::Annex,
    Level::Appendix,
    Level::Protocol,
    Level::Schedule,
];

/// A line that may open a heading.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Candidate {
    pub(super) level: Level,
    /// The number as written: "Article 1.3", "Art. 5".
    pub(super) number: Option<String>,
    /// The number read, for the sequence checks (none for a Markdown heading without one).
    pub(super) parsed: Option<Number>,
    /// The id key: "art-1-3".
    pub(super) key: String,
    pub(super) title: Option<String>,
    /// Marked up as a heading (`#`): no evidence is needed.
    pub(super) markdown: bool,
}

/// A numbered or bulleted point: its level inside an article, where its number ends and its
/// text starts in the trimmed line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Point {
    /// 1 for "1." and "4.1", 2 for "(a)" and "(1)", 3 for "(iv)", 4 for bullets.
    pub(super) level: u8,
    /// The number's length in bytes; 0 for a bullet.
    pub(super) number_len: usize,
    pub(super) rest_at: usize,
}

impl Point {
    /// The id key of a point whose trimmed line is `line`: "p-4-1", "pt-a", "b".
    pub(super) fn key(self, line: &str) -> String {
        let number = &line[..self.number_len];
        if self.number_len == 0 {
            "b".to_owned()
        } else if number.as_bytes()[0].is_ascii_digit() {
            super::keyed("p-", number.trim_end_matches(['.', ')']))
        } else {
            let inner = number.trim_matches(['(', ')']).to_ascii_lowercase();
            format!("pt-{inner}")
        }
    }

    pub(super) fn kind(self) -> ClauseKind {
        if self.level == 1 {
            ClauseKind::Paragraph
        } else {
            ClauseKind::Point
        }
    }
}

/// The keywords, lower-case, with their level and id prefix, in English, French, Spanish,
/// Russian and Ukrainian (Spanish also without its accents, as plain-text copies often are);
/// a keyword that begins another must come after it ("art." after "article"). The id
/// prefixes are the same in every language, so that an article and its translation share an
/// id. "Раздел" and "Розділ" stand above "Глава" as EU texts in those languages use them for
/// "Title".
const KEYWORDS: [(&str, Level, &str); 52] = [
    ("article", Level::Article, "art"),
    ("art.", Level::Article, "art"),
    ("artículo", Level::Article, "art"),
    ("articulo", Level::Article, "art"),
    ("статья", Level::Article, "art"),
    ("стаття", Level::Article, "art"),
    ("section", Level::Section, "sec"),
    ("sección", Level::Section, "sec"),
    ("seccion", Level::Section, "sec"),
    ("sub-section", Level::Subsection, "subsec"),
    ("subsection", Level::Subsection, "subsec"),
    ("sous-section", Level::Subsection, "subsec"),
    ("subsección", Level::Subsection, "subsec"),
    ("chapter", Level::Chapter, "ch"),
    ("chapitre", Level::Chapter, "ch"),
    ("capítulo", Level::Chapter, "ch"),
    ("capitulo", Level::Chapter, "ch"),
    ("глава", Level::Chapter, "ch"),
    ("partie", Level::Part, "part"),
    ("parte", Level::Part, "part"),
    ("part", Level::Part, "part"),
    ("часть", Level::Part, "part"),
    ("частина", Level::Part, "part"),
    ("title", Level::Title, "title"),
    ("titre", Level::Title, "title"),
    ("título", Level::Title, "title"),
    ("titulo", Level::Title, "title"),
    ("раздел", Level::Title, "title"),
    ("розділ", Level::Title, "title"),
    ("annexe", Level::Annex, "annex"),
    ("annex", Level::Annex, "annex"),
    ("anexo", Level::Annex, "annex"),
    ("приложение", Level::Annex, "annex"),
    ("додаток", Level::Annex, "annex"),
    ("appendix", Level::Appendix, "app"),
    ("appendice", Level::Appendix, "app"),
    ("apéndice", Level::Appendix, "app"),
    ("apendice", Level::Appendix, "app"),
    ("protocole", Level::Protocol, "prot"),
    ("protocolo", Level::Protocol, "prot"),
    ("protocol", Level::Protocol, "prot"),
    ("протокол", Level::Protocol, "prot"),
    ("schedule", Level::Schedule, "sched"),
    ("sched.", Level::Schedule, "sched"),
    ("liste", Level::Schedule, "sched"),
    ("lista", Level::Schedule, "sched"),
    ("перечень", Level::Schedule, "sched"),
    ("перелік", Level::Schedule, "sched"),
    ("подраздел", Level::Subsection, "subsec"),
    ("підрозділ", Level::Subsection, "subsec"),
    ("добавление", Level::Appendix, "app"),
    ("доповнення", Level::Appendix, "app"),
];

/// Where `line` ends a case-blind match of `word` (lower-case), in bytes: "ARTÍCULO" and
/// "Статья" match their keywords though their upper case is not ASCII. `lower` is the
/// line's start, lower-cased, at least as many characters as the longest keyword.
fn caseless_prefix(line: &str, lower: &str, word: &str) -> Option<usize> {
    if !lower.starts_with(word) {
        return None;
    }
    // The keywords' letters lower-case one to one, so the match ends after as many
    // characters of the line.
    let n = word.chars().count();
    Some(line.char_indices().nth(n).map_or(line.len(), |(i, _)| i))
}

/// Why a line that starts like a heading is running text.
const RUNNING: &str = "running text follows the number: a reference, not a heading";
const NUMBER_FOLLOWS: &str = "another number follows: a reference, not a heading";
const SENTENCE: &str = "the title is a sentence (it holds a deontic marker)";
const LONG: &str = "too long for a heading";
const DEEP: &str = "numbering deeper than six levels: kept as text";
const COLON: &str = "a colon ends the line after the number: an entry of a list, not a heading";

/// "Article 4 - Title", "ARTICLE 1.3 Relation To Other Agreements", "Art. 5 (Scope)",
/// "Chapter Twenty-One", "Article 13 bis": a candidate, a line that starts like one but is
/// running text (`Err` with the reason), or nothing like a heading (`None`).
pub(super) fn keyword_heading(line: &str) -> Option<Result<Candidate, &'static str>> {
    if !line.chars().next()?.is_uppercase() {
        return None;
    }
    let (end, (word, level, prefix)) = if line.is_ascii() {
        // Most lines: the ASCII keywords, compared in place.
        KEYWORDS.iter().find_map(|k| {
            line.get(..k.0.len())
                .filter(|p| p.eq_ignore_ascii_case(k.0))
                .map(|_| (k.0.len(), k))
        })?
    } else {
        // The line's first characters, lower-cased once for all the keywords.
        let lower: String = line.chars().take(16).flat_map(char::to_lowercase).collect();
        KEYWORDS
            .iter()
            .find_map(|k| caseless_prefix(line, &lower, k.0).map(|end| (end, k)))?
    };
    let rest = &line[end..];
    let spaced = rest.trim_start();
    // "Articles", "Partial": the keyword must end the word ("Art." ends at its dot).
    if spaced.is_empty() || (spaced.len() == rest.len() && !word.ends_with('.')) {
        return None;
    }
    // A number word may hold an apostrophe ("п'ята").
    let token_end = spaced
        .char_indices()
        .find(|&(i, c)| {
            let apostrophe = matches!(c, '\'' | '\u{2019}')
                && !spaced[..i].is_ascii()
                && spaced[i + c.len_utf8()..].starts_with(char::is_alphabetic);
            !(c.is_alphanumeric() || c == '.' || apostrophe)
        })
        .map_or(spaced.len(), |(i, _)| i);
    let mut token = &spaced[..token_end];
    // "Twenty-One": a number word with a hyphen.
    if token.bytes().all(|b| b.is_ascii_alphabetic()) && spaced[token_end..].starts_with('-') {
        let more = spaced[token_end + 1..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(spaced.len() - token_end, |e| e + 1);
        if word_number(&spaced[..token_end + more]).is_some() {
            token = &spaced[..token_end + more];
        }
    }
    // "13 bis": an insertion after a space.
    if let Some(next) = spaced[token.len()..].strip_prefix(' ') {
        let end = next
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(next.len());
        if INSERTS.iter().any(|i| next[..end].eq_ignore_ascii_case(i)) {
            token = &spaced[..token.len() + 1 + end];
        }
    }
    // A full stop after the number belongs to the separator: "Article 4. Scope".
    let trimmed = token.trim_end_matches('.');
    let after = &spaced[trimmed.len()..];
    let parsed = Number::parse(trimmed)?;

    let after_t = after.trim_start();
    // "Anexo X:" with nothing after it introduces what follows, as in a list of annexes.
    if after_t == ":" {
        return Some(Err(COLON));
    }
    let title = match after_t.chars().next() {
        None => None,
        Some(sep @ ('-' | '\u{2013}' | '\u{2014}' | ':' | '.')) => {
            let title = after_t[sep.len_utf8()..]
                .trim_start_matches(['-', '\u{2013}', '\u{2014}', ':', '.'])
                .trim();
            match title.chars().next() {
                None => None,
                // After a dash a title may start lower-case; after a colon or a full stop a
                // lower-case word goes on a sentence: "Article 21.8: the Party ...".
                Some(c) if c.is_lowercase() && matches!(sep, ':' | '.') => {
                    return Some(Err(RUNNING));
                }
                Some(c) if c.is_ascii_digit() => return Some(Err(NUMBER_FOLLOWS)),
                Some(_) => Some(title),
            }
        }
        Some('(') => match after_t.find(')') {
            Some(close) if close == after_t.len() - 1 && close > 1 => {
                Some(after_t[1..close].trim())
            }
            _ => return Some(Err(RUNNING)),
        },
        Some(c) if after.len() > after_t.len() && c.is_uppercase() => {
            // A title with no separator: no more than a heading's words (unless every word is
            // capitalised, as a long title's are), and not the start of a sentence that goes
            // on.
            let capitalised = after_t
                .split_whitespace()
                .all(|w| !w.starts_with(char::is_lowercase));
            if after_t.ends_with([',', ';'])
                || (after_t.split_whitespace().count() > 20 && !capitalised)
            {
                return Some(Err(RUNNING));
            }
            Some(after_t)
        }
        Some(_) => return Some(Err(RUNNING)),
    };
    if let Some(title) = title {
        if title.chars().count() > 150 {
            return Some(Err(LONG));
        }
        if !deontic::markers(title).is_empty() {
            return Some(Err(SENTENCE));
        }
    }
    let written = line[..end].trim_end_matches('.');
    let number = if word.ends_with('.') {
        format!("{written}. {trimmed}")
    } else {
        format!("{written} {trimmed}")
    };
    let mut key = String::with_capacity(prefix.len() + 1 + trimmed.len());
    key.push_str(prefix);
    key.push('-');
    // A number written in words of another script ("первая") keys by its value.
    let key = if trimmed.is_ascii() {
        super::keyed(&key, trimmed)
    } else {
        let values: Vec<String> = parsed.path.iter().map(u32::to_string).collect();
        key + &values.join("-")
    };
    Some(Ok(Candidate {
        level: *level,
        number: Some(number),
        parsed: Some(parsed),
        key,
        title: title.map(str::to_owned),
        markdown: false,
    }))
}

/// Classifies a trimmed line; `previous_letter` is the letter of the last "(a)"-style point,
/// so that "(i)" after "(h)" is a letter.
pub(super) fn classify(t: &str, previous_letter: Option<char>) -> Kind {
    if t.is_empty() {
        return Kind::Blank;
    }
    if let Some(rest) = t.strip_prefix('#') {
        let hashes = 1 + rest.bytes().take_while(|c| *c == b'#').count();
        let body = rest.trim_start_matches('#');
        if body.starts_with(char::is_whitespace) && hashes <= 6 {
            let body = body.trim();
            return match keyword_heading(body) {
                Some(Ok(mut c)) => {
                    c.markdown = true;
                    Kind::Heading(Box::new(c))
                }
                _ => {
                    let slug = super::slug(body);
                    let mut end = slug.len().min(40);
                    while !slug.is_char_boundary(end) {
                        end -= 1;
                    }
                    Kind::Heading(Box::new(Candidate {
                        level: Level::Markdown(hashes as u8),
                        number: None,
                        parsed: None,
                        key: format!("s-{}", slug[..end].trim_end_matches('-')),
                        title: Some(body.to_owned()),
                        markdown: true,
                    }))
                }
            };
        }
    }
    match keyword_heading(t) {
        Some(Ok(c)) => return Kind::Heading(Box::new(c)),
        Some(Err(why)) => return Kind::NotHeading(why),
        None => {}
    }
    // "1.", "2)", "4.1" with text after.
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    if digits > 0 && t.as_bytes()[0].is_ascii_digit() {
        let (num, rest) = t.split_at(digits);
        let closing = rest.starts_with(')');
        let rest = rest.strip_prefix(')').unwrap_or(rest);
        let bare = num.trim_end_matches('.');
        let decimal = bare.contains('.');
        if (num.ends_with('.') || closing || decimal) && rest.starts_with(char::is_whitespace) {
            let parts = bare.split('.');
            if parts.clone().any(|p| p.is_empty() || p.len() > 4) {
                return Kind::Text;
            }
            if parts.count() > 6 {
                return Kind::NotHeading(DEEP);
            }
            let number_len = digits + usize::from(closing);
            return Kind::Point(Point {
                level: 1,
                number_len,
                rest_at: t.len() - rest.trim_start().len(),
            });
        }
    }
    // "(a)", "(iv)", "a)".
    let (inner, after, written) = if let Some(r) = t.strip_prefix('(') {
        match r.find(')') {
            Some(close) => (&r[..close], &r[close + 1..], close + 2),
            None => ("", "", 0),
        }
    } else {
        // Only the first five bytes can hold the ")" of "iv)": the rest of the line is not read.
        match t.bytes().take(5).position(|b| b == b')') {
            Some(close) => (&t[..close], &t[close + 1..], close + 1),
            None => ("", "", 0),
        }
    };
    if !inner.is_empty()
        && inner.len() <= 5
        && inner.bytes().all(|c| c.is_ascii_alphanumeric())
        && after.starts_with(char::is_whitespace)
    {
        let lower = inner.to_ascii_lowercase();
        let single = lower.len() == 1;
        // "(i)" is a letter after "(h)", else a roman numeral; "(iv)" is roman.
        let follows_h = single
            && previous_letter.is_some_and(|p| (p as u8).wrapping_add(1) == lower.as_bytes()[0]);
        let roman = crate::numbering::roman(&lower).is_some();
        let level = if inner.bytes().all(|c| c.is_ascii_digit()) {
            2
        } else if roman && !follows_h && (lower.len() > 1 || lower == "i") {
            3
        } else if single {
            2
        } else {
            0
        };
        if level > 0 {
            return Kind::Point(Point {
                level,
                number_len: written,
                rest_at: t.len() - after.trim_start().len(),
            });
        }
    }
    // Every bullet starts with one of these bytes ("\u{2013}", "\u{2014}" and "\u{2022}" with
    // 0xE2): other lines skip the loop.
    if !matches!(t.as_bytes()[0], b'-' | b'*' | 0xE2) {
        return Kind::Text;
    }
    for bullet in ['-', '\u{2013}', '\u{2014}', '\u{2022}', '*'] {
        if let Some(rest) = t.strip_prefix(bullet) {
            if rest.starts_with(char::is_whitespace) {
                return Kind::Point(Point {
                    level: 4,
                    number_len: 0,
                    rest_at: t.len() - rest.trim_start().len(),
                });
            }
        }
    }
    Kind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str) -> Option<(Level, String, String, Option<String>)> {
        match keyword_heading(line)? {
            Ok(c) => Some((c.level, c.number?, c.key, c.title)),
            Err(_) => None,
        }
    }

    fn refused(line: &str) -> Option<&'static str> {
        keyword_heading(line)?.err()
    }

    #[test]
    fn headings_in_five_languages() {
        let key = |line: &str| heading(line).map(|h| (h.0, h.2));
        use Level::*;
        for (line, level, id) in [
            ("ARTÍCULO 1.1", Article, "art-1-1"),
            ("Artículo 3 Definiciones", Article, "art-3"),
            ("Articulo 4", Article, "art-4"),
            ("CAPÍTULO 2 Acceso a Mercados", Chapter, "ch-2"),
            ("Capítulo Primero", Chapter, "ch-primero"),
            ("Título IV", Title, "title-iv"),
            ("Sección B", Section, "sec-b"),
            ("Anexo 3", Annex, "annex-3"),
            ("Parte II", Part, "part-ii"),
            ("Article 2 - Objet", Article, "art-2"),
            ("Chapitre premier", Chapter, "ch-premier"),
            ("CHAPITRE 3", Chapter, "ch-3"),
            ("Titre II", Title, "title-ii"),
            ("Annexe I", Annex, "annex-i"),
            ("Protocole 1", Protocol, "prot-1"),
            ("Статья 4", Article, "art-4"),
            ("СТАТЬЯ 5", Article, "art-5"),
            ("Статья первая", Article, "art-1"),
            ("Глава 2", Chapter, "ch-2"),
            ("Раздел IV", Title, "title-iv"),
            ("Часть 1", Part, "part-1"),
            ("Приложение 2", Annex, "annex-2"),
            ("Стаття 7", Article, "art-7"),
            ("Стаття перша", Article, "art-1"),
            ("Стаття п'ята", Article, "art-5"),
            ("Розділ дев’ятий", Title, "title-9"),
            ("Розділ V", Title, "title-v"),
            ("Частина 2", Part, "part-2"),
            ("Додаток 1", Annex, "annex-1"),
            ("Liste 2", Schedule, "sched-2"),
            ("Lista 3", Schedule, "sched-3"),
            ("Перечень 1", Schedule, "sched-1"),
            ("Перелік 4", Schedule, "sched-4"),
            ("Подраздел 2", Subsection, "subsec-2"),
            ("Підрозділ 1", Subsection, "subsec-1"),
            ("Добавление 1", Appendix, "app-1"),
            ("Доповнення 2", Appendix, "app-2"),
            ("Sous-section 2", Subsection, "subsec-2"),
            ("Subsección 1", Subsection, "subsec-1"),
            ("Apéndice 3", Appendix, "app-3"),
            ("Appendice 1", Appendix, "app-1"),
        ] {
            assert_eq!(key(line), Some((level, id.to_owned())), "{line}");
        }
        // A long title in title case is still a title.
        let long = "ARTÍCULO 6.7 Adaptación A Las Condiciones Regionales Con Inclusión De Zonas \
                    Libres De Plagas O Enfermedades Y Zonas De Escasa Prevalencia De Plagas O \
                    Enfermedades";
        assert_eq!(key(long), Some((Article, "art-6-7".to_owned())));
        // The keyword as written stays in the number.
        assert_eq!(heading("ARTÍCULO 1.1").unwrap().1, "ARTÍCULO 1.1");
        // A line of a list of annexes, ending with a colon, is no heading.
        assert_eq!(refused("Anexo X:"), Some(COLON));
        assert_eq!(refused("Annex 3.16:"), Some(COLON));
        // A cross-reference that starts a line is no heading, in any language.
        for line in [
            "Artículo XXIV del Acuerdo General sobre Aranceles",
            "Article 5 du présent accord",
            "Статья 3 настоящего Соглашения",
            "Стаття 3 цієї Угоди",
            "Lista 2 del Anexo 4",
        ] {
            assert_eq!(refused(line), Some(RUNNING), "{line}");
        }
        // Words that open like a keyword are not one.
        for line in [
            "Partes contratantes",
            "Articulos",
            "Статьями 3",
            "Parties 3",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }

    #[test]
    fn headings_with_and_without_titles() {
        let h = heading;
        let a = Level::Article;
        assert_eq!(
            h("Article 1"),
            Some((a, "Article 1".into(), "art-1".into(), None))
        );
        assert_eq!(
            h("ARTICLE 4.2"),
            Some((a, "ARTICLE 4.2".into(), "art-4-2".into(), None))
        );
        assert_eq!(
            h("Art. 5 (Scope)"),
            Some((a, "Art. 5".into(), "art-5".into(), Some("Scope".into())))
        );
        assert_eq!(
            h("Article 1.3 Relation To Other Agreements"),
            Some((
                a,
                "Article 1.3".into(),
                "art-1-3".into(),
                Some("Relation To Other Agreements".into())
            ))
        );
        assert_eq!(
            h("ARTICLE 4 Association Council").map(|x| x.3),
            Some(Some("Association Council".into()))
        );
        assert_eq!(
            h("ARTICLE 4: Scope").map(|x| x.3),
            Some(Some("Scope".into()))
        );
        assert_eq!(
            h("Article 4 \u{2013} objectives").map(|x| x.3),
            Some(Some("objectives".into()))
        );
        assert_eq!(
            h("CHAPTER TWO General Definitions"),
            Some((
                Level::Chapter,
                "CHAPTER TWO".into(),
                "ch-two".into(),
                Some("General Definitions".into())
            ))
        );
        assert_eq!(
            h("Chapter Twenty-One").map(|x| x.2),
            Some("ch-twenty-one".into())
        );
        assert_eq!(h("TITLE I").map(|x| x.0), Some(Level::Title));
        assert_eq!(h("Sub-section 2").map(|x| x.0), Some(Level::Subsection));
        assert_eq!(h("Appendix 3").map(|x| x.0), Some(Level::Appendix));
        assert_eq!(h("Protocol A").map(|x| x.0), Some(Level::Protocol));
        assert_eq!(h("Schedule 1").map(|x| x.0), Some(Level::Schedule));
        assert_eq!(
            h("Article 13 bis").map(|x| (x.1, x.2)),
            Some(("Article 13 bis".into(), "art-13-bis".into()))
        );
        assert_eq!(h("Article 4a").map(|x| x.2), Some("art-4a".into()));
        assert_eq!(h("Article 10.09").map(|x| x.2), Some("art-10-09".into()));
    }

    #[test]
    fn references_that_start_a_line_are_refused() {
        assert_eq!(refused("Article 5 of the Treaty applies."), Some(RUNNING));
        assert_eq!(
            refused("Article IX:3 of the WTO Agreement"),
            Some(NUMBER_FOLLOWS)
        );
        assert_eq!(refused("Article 21.8: the Party concerned"), Some(RUNNING));
        assert_eq!(refused("Article 1(e) of the Treaty"), Some(RUNNING));
        assert_eq!(
            refused("Chapter Twenty-One (Institutional Arrangements and"),
            Some(RUNNING)
        );
        assert_eq!(refused("Article 5.7, the Parties"), Some(RUNNING));
        assert_eq!(
            refused("Article 5. The Parties shall consult."),
            Some(SENTENCE)
        );
        // Not headings at all: no number.
        for line in [
            "article 5",
            "Articles of faith",
            "Participants",
            "Title to the goods passes",
            "Part of the text",
            "Article civil",
        ] {
            assert_eq!(keyword_heading(line), None, "{line}");
        }
    }

    #[test]
    fn points() {
        let k = |s: &str| classify(s, None);
        let level = |s: &str| match k(s) {
            Kind::Point(p) => p.level,
            _ => 0,
        };
        assert_eq!(level("1. The Parties"), 1);
        assert_eq!(level("2) The Parties"), 1);
        assert_eq!(level("4.1 The Parties"), 1);
        assert_eq!(level("4.1. The Parties"), 1);
        assert_eq!(level("1.2.3.4.5.6 deep"), 1);
        assert_eq!(k("1.2.3.4.5.6.7 deeper"), Kind::NotHeading(DEEP));
        assert_eq!(level("4 The Parties"), 0);
        assert_eq!(level("(a) at the request"), 2);
        assert_eq!(level("(iv) at the request"), 3);
        assert_eq!(level("(i) first"), 3);
        assert!(matches!(
            classify("(i) ninth", Some('h')),
            Kind::Point(Point { level: 2, .. })
        ));
        assert_eq!(level("\u{2022} a bullet"), 4);
        assert_eq!(level("1997 was a year"), 0);
        assert_eq!(level("(NATO) is"), 0);
        let line = "4.1 The Parties";
        let Kind::Point(p) = k(line) else {
            panic!("a point")
        };
        assert_eq!(
            (p.key(line), &line[p.rest_at..]),
            ("p-4-1".into(), "The Parties")
        );
    }
}
