//! The generators' vocabulary. No word here is a deontic marker ("shall", "may", "must",
//! "should", "undertake to", "refrain from", "commit ... to", "prepared to", "ready to"), so
//! the only markers in a generated text are the ones the generator puts there for a
//! commitment.

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

pub(super) const STATES: [(&str, &str); 12] = [
    ("AR", "Arcadia"),
    ("BO", "Borduria"),
    ("CA", "Carpania"),
    ("DA", "Dalmatica"),
    ("EL", "Elbonia"),
    ("FR", "Freedonia"),
    ("GE", "Genovia"),
    ("HU", "Hudsonia"),
    ("IL", "Illyria"),
    ("KU", "Kurland"),
    ("LA", "Latveria"),
    ("MA", "Marovia"),
];
pub(super) const ALLIANCES: [(&str, &str); 4] = [
    ("NTO", "Northern Treaty Organization"),
    ("STO", "Southern Treaty Organization"),
    ("EDU", "Eastern Defence Union"),
    ("WPA", "Western Pact Alliance"),
];
pub(super) const FORCES: [&str; 8] = [
    "ground forces",
    "naval forces",
    "intermediate-range missiles",
    "short-range missiles",
    "heavy bombers",
    "combat aircraft",
    "armoured brigades",
    "military personnel",
];
pub(super) const AREAS: [&str; 8] = [
    "Europe",
    "the border region",
    "the Baltic Sea region",
    "the Black Sea region",
    "the Arctic",
    "the territory of the other Parties",
    "the demilitarised zone",
    "the airspace over the high seas",
];
pub(super) const TOPICS: [&str; 8] = [
    "military doctrines",
    "planned exercises",
    "troop movements",
    "threat assessments",
    "naval incidents",
    "arms control",
    "confidence-building measures",
    "the reduction of military risks",
];
pub(super) const MECHANISMS: [&str; 5] = [
    "a telephone hotline",
    "a joint consultation council",
    "a verification regime",
    "an incident notification channel",
    "a standing expert group",
];
pub(super) const CONDITIONS: [&str; 4] = [
    "after notification of the other Parties",
    "subject to reciprocity",
    "once the verification regime is in place",
    "for the duration of this Agreement",
];
pub(super) const EXCEPTIONS: [&str; 4] = [
    "with the consent of all the Parties",
    "in exceptional cases to eliminate a threat to security",
    "for the purpose of humanitarian relief",
    "in the exercise of the right of self-defence",
];
pub(super) const RECITALS: [&str; 5] = [
    "reaffirming their commitment to the purposes and principles of the Charter of the United Nations",
    "determined to prevent dangerous military activity",
    "noting the importance of",
    "recognizing the need for joint efforts on",
    "guided by the principles of",
];
pub(super) const FORUMS: [&str; 4] = [
    "Joint Security Council",
    "Strategic Stability Dialogue",
    "Conference on Confidence Building",
    "Council of Ministers",
];
pub(super) const PLACES: [&str; 4] = [
    "Geneva, Switzerland",
    "Vienna, Austria",
    "Brussels, Belgium",
    "Helsinki, Finland",
];
pub(super) const PEOPLE: [(&str, &str); 6] = [
    ("Anna Lindqvist", "Deputy Foreign Minister"),
    ("Boris Petrov", "Deputy Defence Minister"),
    ("Claire Dubois", "Ambassador"),
    ("David Okafor", "Head of Delegation"),
    ("Elena Novak", "Deputy Secretary of State"),
    ("Frank Meyer", "Secretary General"),
];

/// What a commitment is about: indices into the vocabulary.
#[derive(Debug, Clone)]
pub(super) struct ActionSeed {
    verb: usize,
    object: usize,
    area: usize,
}

pub(super) fn action_seed() -> impl Strategy<Value = ActionSeed> {
    (0..10usize, 0..8usize, 0..AREAS.len()).prop_map(|(verb, object, area)| ActionSeed {
        verb,
        object,
        area,
    })
}

impl ActionSeed {
    /// The action as a verb phrase, and the area it names if it names one.
    pub(super) fn phrase(&self) -> (String, Option<&'static str>) {
        let forces = FORCES[self.object % FORCES.len()];
        let topic = TOPICS[self.object % TOPICS.len()];
        let mechanism = MECHANISMS[self.object % MECHANISMS.len()];
        let area = AREAS[self.area];
        match self.verb {
            0 => (format!("deploy {forces} in {area}"), Some(area)),
            1 => (
                format!("station {forces} on the territory of other States in {area}"),
                Some(area),
            ),
            2 => (
                format!("conduct exercises of {forces} near {area}"),
                Some(area),
            ),
            3 => (format!("notify the other Parties of {topic}"), None),
            4 => (format!("exchange information on {topic}"), None),
            5 => (format!("establish {mechanism}"), None),
            6 => (format!("maintain {mechanism}"), None),
            7 => (format!("reduce {forces} in {area}"), Some(area)),
            8 => (format!("consult one another on {topic}"), None),
            _ => ("admit new members".to_owned(), None),
        }
    }
}

pub(super) fn day(offset: i32) -> Date {
    date(1950, 1, 1).saturating_add(i64::from(offset).days())
}
