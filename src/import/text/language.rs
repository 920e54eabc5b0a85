//! Which of the languages the importer reads a text is written in.

use whatlang::{Detector, Lang};

/// The languages the importer reads, as BCP 47 tags.
pub const LANGUAGES: [&str; 5] = ["en", "fr", "es", "ru", "uk"];

/// How much of a text detection reads, at most, in bytes: a treaty's language shows in its
/// first pages, and the work stays bounded whatever the text's length.
const SAMPLE: usize = 64 * 1024;

/// The language of `text` among [`LANGUAGES`], by its script and the letter trigrams of its
/// words (`whatlang`, allowed only those five), with how sure detection is (0 to 1); `None`
/// for a text with no letters to go on.
pub(super) fn detect(text: &str) -> Option<(&'static str, f64)> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let detector =
        Detector::with_allowlist(vec![Lang::Eng, Lang::Fra, Lang::Spa, Lang::Rus, Lang::Ukr]);
    let info = detector.detect(&text[..end])?;
    let tag = match info.lang() {
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        _ => "en",
    };
    Some((tag, info.confidence()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_told_apart() {
        // Sentences in our own words, in the style of a treaty.
        let cases = [
            (
                "en",
                "Each Party shall notify the other Party of any measure that may affect the \
                 operation of this Agreement, and the Parties shall consult promptly.",
            ),
            (
                "fr",
                "Chaque Partie notifie à l'autre Partie toute mesure susceptible d'affecter le \
                 fonctionnement du présent accord, et les Parties se consultent sans délai.",
            ),
            (
                "es",
                "Cada Parte notificará a la otra Parte cualquier medida que pueda afectar el \
                 funcionamiento del presente Acuerdo, y las Partes se consultarán sin demora.",
            ),
            (
                "ru",
                "Каждая Сторона уведомляет другую Сторону о любой мере, которая может повлиять \
                 на действие настоящего Соглашения, и Стороны незамедлительно проводят консультации.",
            ),
            (
                "uk",
                "Кожна Сторона повідомляє іншу Сторону про будь-який захід, що може вплинути на \
                 дію цієї Угоди, і Сторони невідкладно проводять консультації.",
            ),
        ];
        for (tag, text) in cases {
            assert_eq!(detect(text).map(|d| d.0), Some(tag), "{text}");
        }
        assert_eq!(detect("1. 2. 3. -- 42"), None);
    }
}
