//! The rule table of [`read`](super::read): wording whose "shall" or "may" binds no one.
//!
//! "This Agreement shall enter into force ..." states when the text holds; "Nothing in this
//! Agreement shall be construed ..." says how to read it. Such markers make no commitment, so
//! their changing ("shall apply" against "applies") is no change of any obligation. The
//! table itself is documented on [`Rule`].

use std::ops::Range;

use super::Marker;
use super::reading::{has_word, in_table, words};
use crate::Modality;

/// Why a marker binds no one: the rule table of [`read`](super::read).
///
/// The rule table looks at the verb after a marker (past "be", "also", "only" and the like)
/// and at its subject:
///
/// | after the marker | rule |
/// |---|---|
/// | be construed, be interpreted, be read, be understood, imply; any verb when the subject starts with "Nothing" or "No provision" | [`Rule::Construction`] |
/// | apply with no object ("apply to", "apply mutatis mutandis", "apply.") or be applied, when the subject is a provision or a measure ("This Chapter", "Article 4", "Such measures"); govern, when the subject is a provision or rules; be applicable | [`Rule::Application`] |
/// | mean, have the (following) meaning, be defined, refer to, be referred to as; any marker after "means" ("X means that goods may enter") | [`Rule::Definition`] |
/// | enter into force, remain in force, continue in force, continue to apply or to have effect (said of a provision), take effect, begin (or commence) from, on, at or upon, cease to have effect, terminate, expire, lapse, be terminated, be renewed, be valid | [`Rule::Duration`] |
/// | not affect, not prejudice, not derogate, not limit, not impair, not diminish, be without prejudice | [`Rule::NonDerogation`] |
/// | be binding, be final, be deemed, be composed, consist of, comprise, have no binding force, continue to qualify or to be, be considered, be regarded, be treated, be based, be governed, be annexed, be attached, be subject to, be determined by law, laws, legislation or regulations, be in accordance with, be aimed at, be sufficient, be a number ("shall be five days"), be followed by a colon ("The terms of reference shall be:"), be to ("The objective shall be to foster ..."), have the following, constitute, form, entail, be authentic, replace, supersede, prevail, be dealt with, be an integral | [`Rule::Status`] |
/// | include, consist, involve, contain, cover (after "may", or when the subject is a term, a notion, a list's functions, areas or elements), take the form, give rise to; any verb in the active voice whose subject is an activity ("Cooperation may promote ...", "cooperation shall help to ...") | [`Rule::Description`] |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// How the text is to be read: "shall be construed", "shall be interpreted", "Nothing in
    /// this Agreement shall ...".
    Construction,
    /// Where the text applies: "shall apply to", "shall not apply", "shall apply mutatis
    /// mutandis".
    Application,
    /// What a term means: "shall mean", "shall have the meaning".
    Definition,
    /// When the text holds: "shall enter into force", "shall remain in force", "shall take
    /// effect", "shall terminate", "shall expire".
    Duration,
    /// What the text leaves untouched: "shall not affect", "shall be without prejudice to",
    /// "shall not derogate from", "shall retain its rights and obligations under".
    NonDerogation,
    /// What something is: "shall be binding", "shall be final", "shall be deemed", "shall be
    /// considered", "shall constitute", "shall form an integral part", "shall be authentic",
    /// "shall replace", "shall prevail", "shall be dealt with".
    Status,
    /// What something may hold: "may include", "may take the form of", "may cover".
    Description,
}

/// Words of a subject that make it a provision or a text, of which "shall apply" says where
/// it applies ("This Chapter shall apply to ..."), not a person who must apply something.
const PROVISIONS: &[&str] = &[
    "agreement",
    "chapter",
    "article",
    "articles",
    "section",
    "annex",
    "protocol",
    "paragraph",
    "paragraphs",
    "subparagraph",
    "provision",
    "provisions",
    "part",
    "title",
    "rule",
    "rules",
    "procedure",
    "procedures",
    "obligation",
    "obligations",
    "exception",
    "exceptions",
    "definition",
    "definitions",
    "principle",
    "principles",
    "schedule",
    "convention",
    "decision",
    "this",
    "same",
    "it",
    "they",
    "treatment",
    "requirement",
    "requirements",
    "commitments",
    "disciplines",
    "subsection",
    "appendix",
    "understanding",
    "memorandum",
    "measure",
    "measures",
    "mechanism",
];

/// Whether the subject in `range` names a provision or a measure: a word of [`PROVISIONS`], or
/// "this", "that", "such" or "the" glued to one by text extraction ("thisparagraph").
fn names_provision(text: &str, range: Range<usize>) -> bool {
    words(text, range).any(|(_, w)| {
        in_table(w, PROVISIONS)
            || ["this", "that", "such", "the"].iter().any(|head| {
                w.len() > head.len()
                    && w.is_char_boundary(head.len())
                    && w[..head.len()].eq_ignore_ascii_case(head)
                    && in_table(&w[head.len()..], PROVISIONS)
            })
    })
}

/// Words of a subject that make it an activity, whose "may" says what it may cover or do
/// ("Cooperation may promote investment"), not what a party may do.
const ACTIVITIES: &[&str] = &[
    "cooperation",
    "assistance",
    "activities",
    "programmes",
    "programs",
    "dialogue",
    "support",
];

/// Whether a marker says what a term holds in a sentence that opens "For the purpose(s) of"
/// (past a footnote number, "[39]"): its verb, past adverbs, is one of "include", "cover",
/// "comprise", "encompass", "embody", and no party is named before it.
fn defines(text: &str, start: usize, m: &Marker) -> bool {
    let mut before = words(text, start..m.range.start)
        .map(|(_, w)| w)
        .skip_while(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let opens = before.next().is_some_and(|w| w.eq_ignore_ascii_case("for"))
        && before.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && before
            .next()
            .is_some_and(|w| in_table(w, &["purpose", "purposes"]));
    if !opens || has_word(text, start..m.range.start, &["party", "parties"]) {
        return false;
    }
    let end = text.len().min(m.range.end + 60);
    words(text, m.range.end..end)
        .map(|(_, w)| w)
        .find(|w| !is_adverb(w))
        .is_some_and(|verb| {
            in_table(
                verb,
                &["include", "cover", "comprise", "encompass", "embody"],
            )
        })
}

/// Words of a subject whose "shall include" says what a term or a list holds, not what anyone
/// must put in it.
const DESCRIBED: &[&str] = &[
    "term",
    "terms",
    "notion",
    "expression",
    "definition",
    "functions",
    "scope",
    "areas",
    "fields",
    "elements",
];

/// Words after "apply" that leave it without an object: "shall apply to", "shall apply
/// mutatis mutandis". "Each Party shall apply the rules" binds.
const APPLY_INTRANSITIVE: &[&str] = &[
    "to",
    "mutatis",
    "in",
    "with",
    "where",
    "when",
    "if",
    "unless",
    "only",
    "also",
    "as",
    "from",
    "until",
    "equally",
    "between",
    "accordingly",
    "for",
    "notwithstanding",
    "subject",
    "without",
    // "The above obligation will apply no later than five years after ...": when.
    "no",
    "within",
    "after",
];

/// Whether a word is a number: digits ("30"), or a number word up to "hundred" ("five",
/// "forty").
fn is_amount(word: &str) -> bool {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
        || in_table(
            word,
            &[
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
                "ninety", "hundred",
            ],
        )
}

/// Whether a word may stand between a marker and its verb without changing the reading: one
/// of a few ("also", "only", "thereafter", "in no case", "at least", "a priori", ...), or a
/// word of seven letters or more in "-ly" ("promptly", "jointly"; "apply" and "comply" are
/// shorter). It is asked of every word after every marker, so it reads the word lower-cased
/// on the stack and matches it at once.
pub(crate) fn is_adverb(word: &str) -> bool {
    let ly = word.len() >= 7
        && word
            .get(word.len() - 2..)
            .is_some_and(|end| end.eq_ignore_ascii_case("ly"));
    let mut lower = [0u8; 13];
    if ly || word.len() > lower.len() {
        return ly;
    }
    for (l, b) in lower.iter_mut().zip(word.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"also"
            | b"only"
            | b"then"
            | b"thereafter"
            | b"nevertheless"
            | b"however"
            | b"equally"
            | b"automatically"
            | b"likewise"
            | b"fully"
            | b"further"
            | b"still"
            | b"in"
            | b"no"
            | b"case"
            | b"at"
            | b"least"
            | b"a"
            | b"priori"
    )
}

/// The subject proper of a subject read as "The Parties agree that cooperation": what follows
/// a verb of agreement and "that". Other subjects are returned whole ("Each Party that
/// imports").
fn past_that(text: &str, subject: Range<usize>) -> Range<usize> {
    let all: Vec<(Range<usize>, &str)> = words(text, subject.clone()).collect();
    let agreed = all
        .windows(2)
        .rposition(|pair| pair[1].1.eq_ignore_ascii_case("that") && in_table(pair[0].1, AGREEING));
    match agreed.and_then(|k| all.get(k + 2)) {
        Some((word, _)) => word.start..subject.end,
        None => subject,
    }
}

/// Verbs that a subject's "that" follows when a whole sentence is agreed or recognised: "The
/// Parties agree that ...".
const AGREEING: &[&str] = &[
    "agree",
    "agrees",
    "recognise",
    "recognize",
    "understand",
    "acknowledge",
    "note",
    "affirm",
    "reaffirm",
    "confirm",
    "consider",
];

/// The rule by which a marker binds no one, if any.
pub(super) fn rule(
    text: &str,
    start: usize,
    m: &Marker,
    subject: Option<&Range<usize>>,
) -> Option<Rule> {
    // "X means that goods may enter ...": a definition.
    if has_word(text, start..m.range.start, &["means", "mean"]) {
        return Some(Rule::Definition);
    }
    // "For the purposes of this Title, the notion of property shall cover: ...": what a term
    // holds, when no party stands between the opening and the marker ("For the purposes of
    // this Article, each Party shall include ..." binds the party).
    if defines(text, start, m) {
        return Some(Rule::Definition);
    }
    // "Nothing in this Agreement shall ...", "No provision of this Title shall ...".
    let mut opening = subject
        .into_iter()
        .flat_map(|s| words(text, s.clone()))
        .map(|(_, w)| w);
    let (first, second) = (opening.next(), opening.next());
    if first.is_some_and(|w| w.eq_ignore_ascii_case("nothing"))
        || (first.is_some_and(|w| w.eq_ignore_ascii_case("no"))
            && second.is_some_and(|w| in_table(w, &["provision", "provisions"])))
    {
        return Some(Rule::Construction);
    }
    // The words after the marker, past the adverbs.
    let marker_words: Vec<&str> = words(text, m.range.clone()).map(|(_, w)| w).collect();
    let negated = marker_words.iter().any(|w| w.eq_ignore_ascii_case("not"));
    let permission = m.modality == Modality::Permission;
    let end = text.len().min(m.range.end + 120);
    // Adverbs are passed over before the verb and after "be" ("shall at least cover", "shall
    // be automatically renewed"), not after the verb ("shall apply in ...").
    let mut after: Vec<String> = Vec::with_capacity(6);
    for (_, word) in words(text, m.range.end..end) {
        let word = word.to_ascii_lowercase();
        let before_verb = after.is_empty() || (after.len() == 1 && after[0] == "be");
        // "nor shall it apply": the subject after an inverted marker.
        if before_verb && (is_adverb(&word) || matches!(word.as_str(), "not" | "it" | "they")) {
            continue;
        }
        after.push(word);
        if after.len() == 6 {
            break;
        }
    }
    let w = |k: usize| after.get(k).map_or("", String::as_str);
    let (verb, rest) = if w(0) == "be" { (w(1), 2) } else { (w(0), 1) };
    let passive = w(0) == "be";
    let next = w(rest);
    let rule = match (passive, verb) {
        (true, "construed" | "interpreted" | "read" | "understood") => Rule::Construction,
        // "This definition shall not imply the supply of a service": how to read a text.
        (false, "imply") => Rule::Construction,
        (false, "apply")
            if (next.is_empty() || in_table(next, APPLY_INTRANSITIVE))
                && subject.is_none_or(|s| names_provision(text, s.clone())) =>
        {
            Rule::Application
        }
        (true, "applicable") => Rule::Application,
        // "The arbitration rules shall govern the proceedings": which text applies. A party
        // does not "govern" in a treaty's words; a provision or a set of rules does.
        (false, "govern") if subject.is_none_or(|s| names_provision(text, s.clone())) => {
            Rule::Application
        }
        (true, "applied") if subject.is_some_and(|s| names_provision(text, s.clone())) => {
            Rule::Application
        }
        (false, "mean") | (true, "defined") => Rule::Definition,
        (false, "refer") if next == "to" => Rule::Definition,
        // "shall be referred to as the CA Party"; "shall be referred to the Committee" binds.
        (true, "referred") if next == "to" && w(rest + 1) == "as" => Rule::Definition,
        (false, "have") if next == "the" && after.iter().any(|w| w == "meaning") => {
            Rule::Definition
        }
        // "The Committee shall have (in particular) the following functions:", as "shall be:".
        (false, "have") if after.iter().any(|w| w == "following") => Rule::Status,
        // "shall enter into force", "shall remain in effect": when a text holds. "The Parties
        // shall enter into consultations" binds them.
        (false, "enter" | "remain" | "continue")
            if (next == "into" || next == "in")
                && matches!(w(rest + 1), "force" | "effect" | "operation") =>
        {
            Rule::Duration
        }
        (false, "take") if next == "effect" => Rule::Duration,
        // "The provisions of this Article shall continue to apply": when a text holds. ("The
        // Parties shall continue to apply the measures" binds them.)
        (false, "continue")
            if next == "to"
                && matches!(w(rest + 1), "apply" | "have")
                && subject.is_none_or(|s| names_provision(text, s.clone())) =>
        {
            Rule::Duration
        }
        (false, "cease") if next == "to" => Rule::Duration,
        (false, "begin" | "commence" | "start")
            if matches!(
                next,
                "from" | "on" | "at" | "upon" | "with" | "when" | "after" | "within"
            ) =>
        {
            Rule::Duration
        }
        (false, "terminate" | "expire" | "lapse") | (true, "terminated" | "renewed" | "valid") => {
            Rule::Duration
        }
        (false, "affect" | "prejudice" | "derogate" | "limit" | "impair" | "diminish")
            if negated =>
        {
            Rule::NonDerogation
        }
        (true, "without") if next == "prejudice" => Rule::NonDerogation,
        // "Each Party shall retain its rights and obligations under the WTO Agreement": what
        // the text leaves untouched. ("Each Party shall maintain the rights of authors" binds.)
        (false, "maintain" | "retain" | "keep" | "preserve")
            if matches!(next, "its" | "their")
                && matches!(w(rest + 1), "rights" | "right" | "existing") =>
        {
            Rule::NonDerogation
        }
        (
            true,
            "binding" | "final" | "deemed" | "considered" | "regarded" | "treated" | "authentic"
            | "dealt" | "an" | "annexed" | "attached" | "governed" | "based" | "aimed"
            | "sufficient",
        ) => Rule::Status,
        (true, "equally") => Rule::Status,
        // "In cases of urgency, that period shall be five days": a quantity, no one's act.
        (true, amount) if is_amount(amount) => Rule::Status,
        // "An award shall have no binding force", "the good shall continue to qualify as
        // originating", "the Committee shall be composed of": what something is.
        (false, "have") if next == "no" && w(rest + 1) == "binding" => Rule::Status,
        (false, "continue") if next == "to" && matches!(w(rest + 1), "qualify" | "be") => {
            Rule::Status
        }
        // "The Committee shall be composed of", "It shall consist of members of", "The panel
        // shall comprise three arbitrators": what a body is made of, no one's act. ("Include"
        // may be a requirement of content, "comprise" hardly ever is.)
        (true, "composed") => Rule::Status,
        (false, "consist") if next == "of" => Rule::Status,
        (false, "comprise") => Rule::Status,
        // "The terms of reference shall be:" followed by the list; "shall be subject to".
        (true, _) if text[m.range.end..].trim_start().starts_with("be:") => Rule::Status,
        (true, "subject") if next == "to" => Rule::Status,
        // "Their objective shall be to foster ...": what something is for. "The specification
        // shall be that approved by ...", "the rules shall be those set out in Annex 2": what
        // something is.
        (true, "to" | "that" | "those") => Rule::Status,
        // "The procedure shall be determined by the domestic law of each Party": the law
        // decides, no one is bound by these words. ("The amount shall be determined by the
        // Committee" binds the Committee.)
        (true, "determined")
            if next == "by"
                && after[rest + 1..]
                    .iter()
                    .any(|w| in_table(w, &["law", "laws", "legislation", "regulations"])) =>
        {
            Rule::Status
        }
        // "be in accordance with" ("in" is passed over before the verb).
        (true, "accordance" | "conformity") => Rule::Status,
        (false, "constitute" | "form" | "replace" | "supersede" | "prevail" | "entail") => {
            Rule::Status
        }
        // "Cooperation may include ...", "the term X shall include ...": what something holds.
        // "The notice shall include the date" is a requirement and binds.
        (false, "include" | "consist" | "involve" | "cover" | "contain")
            if permission || subject.is_some_and(|s| has_word(text, s.clone(), DESCRIBED)) =>
        {
            Rule::Description
        }
        (false, "give") if next == "rise" => Rule::Description,
        (false, "take") if permission && next == "the" && w(rest + 1) == "form" => {
            Rule::Description
        }
        // "Cooperation may promote investment", "cooperation shall help to strengthen ...":
        // what an activity may do or does, no one's permission or duty. (In the passive,
        // "cooperation shall be developed", someone must develop it.)
        _ if !passive
            && subject.is_some_and(|s| {
                // The activity must head the subject: "The political dialogue between the
                // Parties" is an activity, "The Parties, through cooperation," are parties.
                let s = past_that(text, s.clone());
                words(text, s)
                    .map(|(_, w)| w)
                    .find(|w| in_table(w, ACTIVITIES) || in_table(w, &["party", "parties"]))
                    .is_some_and(|w| in_table(w, ACTIVITIES))
            }) =>
        {
            Rule::Description
        }
        _ => return None,
    };
    Some(rule)
}

#[cfg(test)]
mod tests {
    use crate::deontic::{Role, Rule, read};

    fn roles(text: &str) -> Vec<Role> {
        read(text).into_iter().map(|r| r.role).collect()
    }

    #[test]
    fn the_rule_table() {
        use Role::{Binds, NoOne};
        let cases = [
            (
                "This Agreement shall enter into force on the first day.",
                Rule::Duration,
            ),
            ("It shall remain in force for ten years.", Rule::Duration),
            (
                "The amendment shall take effect upon notification.",
                Rule::Duration,
            ),
            (
                "This Chapter shall apply to measures on goods.",
                Rule::Application,
            ),
            ("Article 3 shall apply mutatis mutandis.", Rule::Application),
            (
                "This definition shall not imply the supply of a transport service.",
                Rule::Construction,
            ),
            // Words glued by text extraction.
            (
                "thisparagraph shall apply to the same extent.",
                Rule::Application,
            ),
            (
                "This Chapter shall not apply to subsidies.",
                Rule::Application,
            ),
            ("The term goods shall mean products.", Rule::Definition),
            (
                "It shall have the meaning given in Annex 1.",
                Rule::Definition,
            ),
            (
                "This Article shall be construed in good faith.",
                Rule::Construction,
            ),
            (
                "Nothing in this Agreement shall require a Party to act.",
                Rule::Construction,
            ),
            (
                "This Agreement shall not affect the rights of the Parties.",
                Rule::NonDerogation,
            ),
            (
                "It shall be without prejudice to Article 4.",
                Rule::NonDerogation,
            ),
            (
                "The decision of the panel shall be final and binding.",
                Rule::Status,
            ),
            ("Such goods shall be considered originating.", Rule::Status),
            (
                "The Annexes shall form an integral part of it.",
                Rule::Status,
            ),
            (
                "This Agreement shall replace the earlier one.",
                Rule::Status,
            ),
            ("Both texts shall be equally authentic.", Rule::Status),
            (
                "Cooperation may include exchanges of experts.",
                Rule::Description,
            ),
            ("Assistance may take the form of grants.", Rule::Description),
            (
                "The term Party shall refer to each State.",
                Rule::Definition,
            ),
            (
                "Transit means that goods may enter at any post.",
                Rule::Definition,
            ),
            (
                "The notion shall at least cover these rights:",
                Rule::Description,
            ),
            ("The work shall be based on dialogue.", Rule::Status),
            (
                "The terms shall have the following meaning:",
                Rule::Definition,
            ),
            (
                "Cooperation shall be governed by these principles:",
                Rule::Status,
            ),
            (
                "The Schedules shall be annexed to this Agreement.",
                Rule::Status,
            ),
            (
                "This Article may be applied without prejudice to Title 2.",
                Rule::Application,
            ),
            (
                "Such measures shall not apply when the owner consents.",
                Rule::Application,
            ),
            (
                "This Agreement shall remain in force for ten years.",
                Rule::Duration,
            ),
            (
                "This Agreement shall be valid for an indefinite period.",
                Rule::Duration,
            ),
            (
                "No provision of this Title shall prevent a Party from acting.",
                Rule::Construction,
            ),
            (
                "The procedures shall be in accordance with the Rules.",
                Rule::Status,
            ),
            (
                "The Mechanism shall not apply to any measure under Title 9.",
                Rule::Application,
            ),
            (
                "The terms of reference shall be: (a) to examine the matter;",
                Rule::Status,
            ),
            (
                "Cooperation shall be subject to the funds available.",
                Rule::Status,
            ),
            (
                "Cooperation may promote investment in networks.",
                Rule::Description,
            ),
            (
                "The period shall begin from the date of approval.",
                Rule::Duration,
            ),
            (
                "Such activities should cover areas of interest:",
                Rule::Description,
            ),
            (
                "The cooperation shall give rise to growth.",
                Rule::Description,
            ),
            (
                "The Committee shall have, in particular, the following functions:",
                Rule::Status,
            ),
            (
                "This dialogue shall be aimed at fighting climate change.",
                Rule::Status,
            ),
            (
                "It shall be sufficient for the right holders to show it.",
                Rule::Status,
            ),
            (
                "The objective shall be to foster cooperation.",
                Rule::Status,
            ),
            (
                "Paragraph 1 shall apply without prejudice to Article 2.",
                Rule::Application,
            ),
            (
                "Cooperation shall help to strengthen policies.",
                Rule::Description,
            ),
            (
                "The notion shall at least include these rights:",
                Rule::Description,
            ),
            (
                "They shall be referred to as the CA Party.",
                Rule::Definition,
            ),
            (
                "An award shall have no binding force except here.",
                Rule::Status,
            ),
            (
                "The good shall continue to qualify as originating.",
                Rule::Status,
            ),
            (
                "The Committee shall be composed of officials.",
                Rule::Status,
            ),
            (
                "It shall consist of members of the two parliaments.",
                Rule::Status,
            ),
            (
                "The arbitral tribunal shall comprise three arbitrators.",
                Rule::Status,
            ),
            (
                "In cases of urgency, that period of time shall be five days.",
                Rule::Status,
            ),
            ("The time limit shall be 30 days.", Rule::Status),
            (
                "The arbitration rules shall govern the proceedings.",
                Rule::Application,
            ),
            (
                "The provisions of this Article shall continue to apply after termination.",
                Rule::Duration,
            ),
            (
                "The Parties agree that cooperation shall help to strengthen institutions.",
                Rule::Description,
            ),
            (
                "The above obligation will apply no later than five years after signature.",
                Rule::Application,
            ),
            (
                "The political dialogue between the Parties shall prepare new initiatives.",
                Rule::Description,
            ),
            (
                "The fees will be determined by the domestic legislation of each Party.",
                Rule::Status,
            ),
        ];
        for (text, rule) in cases {
            assert_eq!(roles(text), [NoOne(rule)], "{text}");
        }
        for text in [
            "Each Party shall apply the rules of origin.",
            "The exporter may apply for a ruling.",
            "The Party shall refer the matter to the Committee.",
            "The Parties shall begin negotiations within a year.",
            "The notice shall include the date of the procurement.",
            "The laws shall contain elements such as these:",
            "The matter shall be referred to the Committee.",
            "Each Party shall notify the other Party.",
            "A Party may request consultations.",
            "Georgia will carry out approximation.",
            "Benefits shall not be suspended.",
            "The amount shall be determined by the Committee.",
            "The Parties shall continue to apply the measures.",
            "The Parties agree that each Party shall support the programme.",
            "The Parties and their cooperation agencies shall fund the programme.",
            "Each Party shall govern its ports fairly.",
            // "the" glued to a word that is no provision.
            "theexporter shall apply for a ruling.",
        ] {
            assert_eq!(roles(text), [Binds], "{text}");
        }
    }
}
