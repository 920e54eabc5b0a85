//! Numbers as treaties write them: digits, dotted paths, letters, Roman numerals and words,
//! with inserted numbers ("13 bis", "4a"), and which number follows which.
//!
//! The importer uses it to tell a heading that continues the outline from a cross-reference,
//! and validation uses it to find gaps and disorder among siblings.

/// A canonical Roman numeral's value: "iv" is 4, "civil" and "iiii" are not numerals.
pub(crate) fn roman(token: &str) -> Option<u32> {
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        b'd' => Some(500),
        b'm' => Some(1000),
        _ => None,
    };
    // Past 15 letters a numeral would exceed what any outline numbers.
    if token.is_empty() || token.len() > 15 {
        return None;
    }
    let mut values = [0i64; 15];
    for (slot, b) in values.iter_mut().zip(token.bytes()) {
        *slot = digit(b)?;
    }
    let values = &values[..token.len()];
    let mut total = 0i64;
    for (i, &v) in values.iter().enumerate() {
        total += if values.get(i + 1).is_some_and(|&next| next > v) {
            -v
        } else {
            v
        };
    }
    let total = u32::try_from(total).ok()?;
    // Only canonical numerals count, so that words such as "mix" or "civil" are not numbers.
    (total > 0 && to_roman(total).eq_ignore_ascii_case(token)).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Numbers headings write as words in French, Spanish, Russian and Ukrainian, lower-case, one
/// to ten: ordinals mostly ("Capítulo Primero", "Chapitre premier", "Статья первая"), in
/// their genders, and "único" and "unique" for an only article.
const OTHER_WORDS: [(&str, u32); 80] = [
    ("primero", 1),
    ("primera", 1),
    ("único", 1),
    ("única", 1),
    ("segundo", 2),
    ("segunda", 2),
    ("tercero", 3),
    ("tercera", 3),
    ("cuarto", 4),
    ("cuarta", 4),
    ("quinto", 5),
    ("quinta", 5),
    ("sexto", 6),
    ("sexta", 6),
    ("séptimo", 7),
    ("séptima", 7),
    ("octavo", 8),
    ("octava", 8),
    ("noveno", 9),
    ("novena", 9),
    ("décimo", 10),
    ("décima", 10),
    ("premier", 1),
    ("première", 1),
    ("unique", 1),
    ("deuxième", 2),
    ("second", 2),
    ("seconde", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("первая", 1),
    ("первый", 1),
    ("вторая", 2),
    ("второй", 2),
    ("третья", 3),
    ("третий", 3),
    ("четвертая", 4),
    ("четвёртая", 4),
    ("четвертый", 4),
    ("четвёртый", 4),
    ("пятая", 5),
    ("пятый", 5),
    ("шестая", 6),
    ("шестой", 6),
    ("седьмая", 7),
    ("седьмой", 7),
    ("восьмая", 8),
    ("восьмой", 8),
    ("девятая", 9),
    ("девятый", 9),
    ("десятая", 10),
    ("десятый", 10),
    ("перша", 1),
    ("перший", 1),
    ("друга", 2),
    ("другий", 2),
    ("третя", 3),
    ("третій", 3),
    ("четверта", 4),
    ("четвертий", 4),
    ("п'ята", 5),
    ("п'ятий", 5),
    ("шоста", 6),
    ("шостий", 6),
    ("сьома", 7),
    ("сьомий", 7),
    ("восьма", 8),
    ("восьмий", 8),
    ("дев'ята", 9),
    ("дев'ятий", 9),
    ("десята", 10),
    ("десятий", 10),
    ("єдина", 1),
    ("единственная", 1),
];

/// A number written as English words, one to ninety-nine: "Two", "twenty-one", "Thirty One";
/// or as one of the words of [`OTHER_WORDS`].
pub(crate) fn word_number(token: &str) -> Option<u32> {
    if token.chars().count() > 14 {
        return None;
    }
    if !token.is_ascii() || token.len() <= 9 {
        let lower = token.to_lowercase().replace('\u{2019}', "'");
        if let Some((_, v)) = OTHER_WORDS.iter().find(|(w, _)| *w == lower) {
            return Some(*v);
        }
    }
    let lower = token.to_ascii_lowercase();
    let unit = |w: &str| UNITS.iter().position(|u| *u == w).map(|i| i as u32 + 1);
    let ten = |w: &str| {
        TENS.iter()
            .position(|t| *t == w)
            .map(|i| i as u32 * 10 + 20)
    };
    match lower.split_once(['-', ' ']) {
        None => unit(&lower).or_else(|| ten(&lower)),
        Some((t, u)) => Some(ten(t)? + unit(u).filter(|u| *u < 10)?),
    }
}

/// Inserted numbers: "13 bis", "13ter", "4a".
pub(crate) const INSERTS: [&str; 6] = ["bis", "ter", "quater", "quinquies", "sexies", "septies"];

/// How a number is written, which decides which numbers can follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// "4", "1.3", "10.09".
    Digits,
    /// "IV", "iv".
    Roman,
    /// "A", "b".
    Letter,
    /// "Two", "Twenty-One".
    Word,
}

/// A heading's number, read: its style, its dotted path of values, and an inserted suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number {
    pub(crate) style: Style,
    /// One value for "4", "IV", "B" or "Two"; one per component for "1.3".
    pub(crate) path: Vec<u32>,
    /// Whether an insertion follows the value ("13 bis", "4a"): it sits between 13 and 14.
    pub(crate) inserted: bool,
    /// For a lone letter read as Roman ("I", "V", "X"), its place in the alphabet: after "H",
    /// "I" is a letter.
    pub(crate) letter: Option<u32>,
}

/// Where a number stands against the last one of its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sequence {
    /// The number that comes next, or the first of a level that has just restarted.
    Next,
    /// A later number, past a gap.
    Gap,
    /// An equal or an earlier number.
    Back,
}

impl Number {
    /// Reads a number token (as cut by the importer, maybe with an insertion after a space).
    /// A lone letter is a number ("Annex A"), but a lone "I", "V" or "X" is Roman.
    pub(crate) fn parse(token: &str) -> Option<Number> {
        let token = token.trim_end_matches('.');
        let (main, inserted) = match token.split_once(' ') {
            Some((main, insert)) => {
                let insert = insert.trim();
                if !INSERTS.iter().any(|i| insert.eq_ignore_ascii_case(i)) {
                    return None;
                }
                (main, true)
            }
            None => (token, false),
        };
        if main.is_empty() {
            return None;
        }
        let bytes = main.as_bytes();
        if bytes[0].is_ascii_digit() {
            // "13bis", "4a": digits and an insertion glued on.
            let digits_end = main
                .bytes()
                .position(|b| !(b.is_ascii_digit() || b == b'.'))
                .unwrap_or(main.len());
            let (digits, glued) = main.split_at(digits_end);
            let glued_insert = !glued.is_empty();
            if glued_insert
                && !(glued.len() == 1 && glued.as_bytes()[0].is_ascii_lowercase())
                && !INSERTS.iter().any(|i| glued.eq_ignore_ascii_case(i))
            {
                return None;
            }
            let digits = digits.trim_end_matches('.');
            let mut path = Vec::new();
            for part in digits.split('.') {
                if part.is_empty() || part.len() > 6 {
                    return None;
                }
                path.push(part.parse().ok()?);
            }
            return Some(Number {
                style: Style::Digits,
                path,
                inserted: inserted || glued_insert,
                letter: None,
            });
        }
        if !main.is_ascii() {
            // "Primera", "первая": only a number word of another language.
            return word_number(main).map(|v| Number {
                style: Style::Word,
                path: vec![v],
                inserted,
                letter: None,
            });
        }
        if !main.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
            return None;
        }
        let upper = main.bytes().all(|b| !b.is_ascii_lowercase());
        let lower = main.bytes().all(|b| !b.is_ascii_uppercase());
        let letter = (main.len() == 1).then(|| u32::from(bytes[0].to_ascii_lowercase() - b'a') + 1);
        // Of the lone letters only "I", "V" and "X" are read as Roman ("Annex I" is far more
        // common than a ninth letter); "C" and "D" are letters.
        let single_roman = main.len() > 1 || matches!(bytes[0] | 0x20, b'i' | b'v' | b'x');
        if let Some(v) = roman(main).filter(|_| (upper || lower) && single_roman) {
            return Some(Number {
                style: Style::Roman,
                path: vec![v],
                inserted,
                letter,
            });
        }
        if let Some(v) = letter {
            return Some(Number {
                style: Style::Letter,
                path: vec![v],
                inserted,
                letter: None,
            });
        }
        word_number(main).map(|v| Number {
            style: Style::Word,
            path: vec![v],
            inserted,
            letter: None,
        })
    }

    /// Whether this is the first number of a level: 1, I, A, One, or 4.1 (the first of its
    /// chapter).
    pub(crate) fn is_first(&self) -> bool {
        !self.inserted && self.path.last() == Some(&1)
    }

    /// Where `self` stands after `last`, the last number of its level.
    pub(crate) fn after(&self, last: &Number) -> Sequence {
        use std::cmp::Ordering::*;
        let as_letter;
        let b = match (last.style, self.letter) {
            (Style::Letter, Some(letter)) => {
                as_letter = [letter];
                &as_letter[..]
            }
            _ => &self.path[..],
        };
        let a = &last.path[..];
        if a.len() == b.len() && a.len() > 1 {
            let head = a.len() - 1;
            // 5.7 then 5.8; 5.9 then 6.1.
            let next_here = a[..head] == b[..head] && b[head] == a[head] + 1;
            let next_up = b[head] == 1 && prefix_follows(&a[..head], &b[..head]);
            if (next_here || next_up) && !self.inserted {
                return Sequence::Next;
            }
        }
        match b.cmp(a) {
            Equal if self.inserted && !last.inserted => Sequence::Next,
            Greater => {
                let single = a.len() == 1 && b.len() == 1;
                if single && b[0] == a[0] + 1 && !self.inserted {
                    Sequence::Next
                } else {
                    Sequence::Gap
                }
            }
            _ => Sequence::Back,
        }
    }
}

/// Whether dotted path `b` is the one after `a` at its last component: (5) then (6).
fn prefix_follows(a: &[u32], b: &[u32]) -> bool {
    match (a.split_last(), b.split_last()) {
        (Some((x, ra)), Some((y, rb))) => ra == rb && *y == x + 1,
        _ => false,
    }
}

/// A displayed number as validation reads it among siblings: the last run of letters or
/// digits, its style, and what stands around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ordinal {
    pub(crate) prefix: String,
    pub(crate) suffix: String,
    pub(crate) class: Class,
    pub(crate) value: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Digits,
    Roman(bool),
    Letter(bool),
}

impl Ordinal {
    /// The last run of letters or digits in a displayed number, as an ordinal in its style:
    /// "Article 4" is digits 4 after "Article ", "2(b)" is letter 2 between "2(" and ")", "(iv)" is
    /// roman 4. A single letter that could be roman ("i", "v", "x") is roman where it starts a list or
    /// follows roman numbers in the same style, else a letter.
    pub(crate) fn parse(number: &str, previous: Option<&Ordinal>) -> Option<Ordinal> {
        let number = number.trim();
        let end = number
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_ascii_alphanumeric())
            .map(|(i, c)| i + c.len_utf8())?;
        let start = number[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric())
            .last()
            .map(|(i, _)| i)?;
        let token = &number[start..end];
        let (prefix, suffix) = (number[..start].to_owned(), number[end..].to_owned());
        let follows_roman = |upper| {
            previous.is_none_or(|p| {
                p.prefix == prefix && p.suffix == suffix && p.class == Class::Roman(upper)
            }) && (previous.is_some() || token.eq_ignore_ascii_case("i"))
        };
        let (class, value) = if token.bytes().all(|b| b.is_ascii_digit()) {
            (Class::Digits, token.parse().ok()?)
        } else if token.len() == 1 {
            let c = token.as_bytes()[0];
            let upper = c.is_ascii_uppercase();
            match roman(token) {
                Some(v) if follows_roman(upper) => (Class::Roman(upper), v),
                _ if c.is_ascii_alphabetic() => (
                    Class::Letter(upper),
                    u32::from(c.to_ascii_lowercase() - b'a') + 1,
                ),
                _ => return None,
            }
        } else {
            let upper = token.bytes().all(|b| b.is_ascii_uppercase());
            let lower = token.bytes().all(|b| b.is_ascii_lowercase());
            (
                Class::Roman(upper),
                roman(token).filter(|_| upper || lower)?,
            )
        };
        Some(Ordinal {
            prefix,
            suffix,
            class,
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_are_canonical() {
        assert_eq!(roman("iv"), Some(4));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("mcmxcvii"), Some(1997));
        // "dim" would be 499, which is written "cdxcix".
        for not in ["civil", "iiii", "vx", "", "dim"] {
            assert_eq!(roman(not), None, "{not}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(word_number("Two"), Some(2));
        assert_eq!(word_number("Twenty-One"), Some(21));
        assert_eq!(word_number("twenty"), Some(20));
        assert_eq!(word_number("ninety-nine"), Some(99));
        assert_eq!(word_number("twenty-twelve"), None);
        assert_eq!(word_number("General"), None);
    }

    #[test]
    fn numbers_read() {
        let n = |s: &str| Number::parse(s).map(|n| (n.style, n.path, n.inserted));
        assert_eq!(n("4"), Some((Style::Digits, vec![4], false)));
        assert_eq!(n("1.3"), Some((Style::Digits, vec![1, 3], false)));
        assert_eq!(n("10.09."), Some((Style::Digits, vec![10, 9], false)));
        assert_eq!(n("13 bis"), Some((Style::Digits, vec![13], true)));
        assert_eq!(n("13bis"), Some((Style::Digits, vec![13], true)));
        assert_eq!(n("4a"), Some((Style::Digits, vec![4], true)));
        assert_eq!(n("XIV"), Some((Style::Roman, vec![14], false)));
        assert_eq!(n("B"), Some((Style::Letter, vec![2], false)));
        assert_eq!(n("Twenty-One"), Some((Style::Word, vec![21], false)));
        for not in ["civil", "4x7", "General", "13 of", "", "1..2"] {
            assert_eq!(n(not), None, "{not}");
        }
    }

    #[test]
    fn sequences() {
        let s = |last: &str, n: &str| {
            Number::parse(n)
                .unwrap()
                .after(&Number::parse(last).unwrap())
        };
        assert_eq!(s("5.7", "5.8"), Sequence::Next);
        assert_eq!(s("5.9", "6.1"), Sequence::Next);
        assert_eq!(s("5.9", "6.2"), Sequence::Gap);
        assert_eq!(s("5.7", "5.7"), Sequence::Back);
        assert_eq!(s("5.7", "4.2"), Sequence::Back);
        assert_eq!(s("4", "5"), Sequence::Next);
        assert_eq!(s("4", "7"), Sequence::Gap);
        assert_eq!(s("13", "13 bis"), Sequence::Next);
        assert_eq!(s("13 bis", "14"), Sequence::Next);
        assert_eq!(s("13 bis", "13"), Sequence::Back);
        assert_eq!(s("IV", "V"), Sequence::Next);
        assert_eq!(s("One", "Two"), Sequence::Next);
        assert!(Number::parse("1.1").unwrap().is_first());
        assert!(Number::parse("I").unwrap().is_first());
        assert!(!Number::parse("1 bis").unwrap().is_first());
        assert_eq!(s("H", "I"), Sequence::Next);
        assert_eq!(s("B", "C"), Sequence::Next);
    }
}
