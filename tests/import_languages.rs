//! Headings and the language of texts in French, Spanish, Russian and Ukrainian: short
//! agreements in our own words, each with a chapter, articles with titles and paragraphs, and a
//! cross-reference that starts a line.

use pactum::import::{self, ImportOptions, ImportReport, LANGUAGES};
use pactum::{ClauseKind, Proposal};

const SPANISH: &str = "\
Acuerdo sobre la cooperación fluvial

CAPÍTULO 1 Disposiciones Iniciales

ARTÍCULO 1.1 Objeto

Las Partes establecen una comisión conjunta para la gestión del río y se consultarán
sobre cualquier obra que pueda afectar el caudal, de conformidad con el
Artículo 2.1 del presente Acuerdo y con las normas de cada Parte.

ARTÍCULO 1.2 Definiciones

1. Para los efectos del presente Acuerdo, se entenderá por río el curso principal y
sus afluentes.

2. Cada Parte notificará a la otra Parte sus planes de obras con antelación.

Capítulo Segundo

Artículo 2.1 Comisión

La comisión se reunirá una vez al año en el territorio de cada Parte por turnos.
";

const FRENCH: &str = "\
Accord sur la coopération fluviale

CHAPITRE PREMIER Dispositions initiales

Article 1 Objet

Les Parties établissent une commission mixte pour la gestion du fleuve et se consultent
sur tout ouvrage susceptible d'en modifier le débit, conformément à
l'article 2 du présent accord et aux règles de chaque Partie.

Article 2 Commission

La commission se réunit une fois par an sur le territoire de chacune des Parties à tour
de rôle.
";

const RUSSIAN: &str = "\
Соглашение о сотрудничестве на реке

Глава 1 Общие положения

Статья 1 Предмет

Стороны учреждают совместную комиссию по управлению рекой и проводят консультации
по любым работам, которые могут повлиять на сток реки.
Статья 2 настоящего Соглашения применяется с учетом правил каждой Стороны.

Статья 2 Комиссия

Комиссия собирается один раз в год поочередно на территории каждой из Сторон.
";

const UKRAINIAN: &str = "\
Угода про співробітництво на річці

Розділ I Загальні положення

Стаття 1 Предмет

Сторони створюють спільну комісію з управління річкою та проводять консультації щодо
будь-яких робіт, які можуть вплинути на стік річки.

Стаття 2 Комісія

Комісія збирається один раз на рік по черзі на території кожної зі Сторін.
";

fn import(text: &str, language: Option<&str>) -> (Proposal, ImportReport) {
    let mut options = ImportOptions::new("river".parse().unwrap(), "AR".parse().unwrap());
    options.language = language.map(str::to_owned);
    import::text(text, &options).expect("the fixture imports")
}

/// (id, kind) of every clause with a number, in document order.
fn outline(p: &Proposal) -> Vec<(String, ClauseKind)> {
    p.walk()
        .filter(|c| c.number.is_some())
        .filter_map(|c| Some((c.id.to_string(), c.kind?)))
        .collect()
}

#[test]
fn spanish_chapters_and_articles_import_with_their_ids() {
    let (p, report) = import(SPANISH, None);
    assert_eq!(p.language, "es");
    assert!(
        report
            .guessed
            .iter()
            .any(|n| n.what.starts_with("language es")),
        "{report}"
    );
    assert_eq!(
        outline(&p),
        [
            ("ch-1".to_owned(), ClauseKind::Chapter),
            ("art-1-1".to_owned(), ClauseKind::Article),
            ("art-1-2".to_owned(), ClauseKind::Article),
            ("art-1-2.p-1".to_owned(), ClauseKind::Paragraph),
            ("art-1-2.p-2".to_owned(), ClauseKind::Paragraph),
            ("ch-segundo".to_owned(), ClauseKind::Chapter),
            ("art-2-1".to_owned(), ClauseKind::Article),
        ]
    );
    let art = p.clause("art-1-1").unwrap();
    assert_eq!(art.heading.as_deref(), Some("Objeto"));
    // The cross-reference that starts a line stays in the article's text.
    assert!(
        art.text.contains("Artículo 2.1 del presente Acuerdo"),
        "{}",
        art.text
    );
    assert!(
        report
            .kept_as_text
            .iter()
            .any(|k| k.text.starts_with("Artículo 2.1 del")),
        "{report}"
    );
}

#[test]
fn french_russian_and_ukrainian_headings_import() {
    let (fr, _) = import(FRENCH, None);
    assert_eq!(fr.language, "fr");
    assert_eq!(
        outline(&fr),
        [
            ("ch-premier".to_owned(), ClauseKind::Chapter),
            ("art-1".to_owned(), ClauseKind::Article),
            ("art-2".to_owned(), ClauseKind::Article),
        ]
    );
    let (ru, ru_report) = import(RUSSIAN, None);
    assert_eq!(ru.language, "ru");
    assert_eq!(
        outline(&ru),
        [
            ("ch-1".to_owned(), ClauseKind::Chapter),
            ("art-1".to_owned(), ClauseKind::Article),
            ("art-2".to_owned(), ClauseKind::Article),
        ]
    );
    assert_eq!(
        ru.clause("art-2").unwrap().heading.as_deref(),
        Some("Комиссия")
    );
    // "Статья 2 настоящего Соглашения ...": a reference, kept as text.
    assert!(
        ru_report
            .kept_as_text
            .iter()
            .any(|k| k.text.starts_with("Статья 2 настоящего")),
        "{ru_report}"
    );
    let (uk, _) = import(UKRAINIAN, None);
    assert_eq!(uk.language, "uk");
    assert_eq!(
        outline(&uk),
        [
            ("title-i".to_owned(), ClauseKind::Title),
            ("art-1".to_owned(), ClauseKind::Article),
            ("art-2".to_owned(), ClauseKind::Article),
        ]
    );
}

#[test]
fn a_language_given_is_kept_and_not_detected() {
    let (p, report) = import(SPANISH, Some("es-PE"));
    assert_eq!(p.language, "es-PE");
    assert!(!report.guessed.iter().any(|n| n.what.contains("language")));
    // Detection picks among the five languages only.
    assert_eq!(LANGUAGES, ["en", "fr", "es", "ru", "uk"]);
    let (p, report) = import("1.\n\n2.\n", None);
    assert_eq!(p.language, "en");
    assert!(
        report
            .guessed
            .iter()
            .any(|n| n.what == "language en: no words to detect a language from"),
        "{report}"
    );
}

#[test]
fn commitments_are_read_in_the_texts_language() {
    use pactum::{Modality, Party, PartyKind, PartyRef};
    let text = "\
Artículo 1

Las Partes deberán consultarse sobre cualquier obra en el río.

Artículo 2

Ninguna Parte podrá desviar el caudal sin acuerdo previo.

Artículo 3

Nada de lo dispuesto en el presente Acuerdo podrá interpretarse como una renuncia.
";
    let mut options = ImportOptions::new("river".parse().unwrap(), "AR".parse().unwrap());
    options.parties = vec![
        Party::new("AR".parse().unwrap(), "Arcadia", PartyKind::State),
        Party::new("BO".parse().unwrap(), "Borduria", PartyKind::State),
    ];
    let (p, _) = import::text(text, &options).expect("the text imports");
    assert_eq!(p.language, "es");
    let read = |id: &str| {
        p.clause(id)
            .unwrap()
            .commitments
            .iter()
            .map(|c| (c.modality, c.obligors.clone()))
            .collect::<Vec<_>>()
    };
    let both = vec![
        PartyRef::party("AR".parse().unwrap()),
        PartyRef::party("BO".parse().unwrap()),
    ];
    assert_eq!(read("art-1"), [(Modality::Obligation, both.clone())]);
    assert_eq!(read("art-2"), [(Modality::Prohibition, both)]);
    // A rule of construction binds no one.
    assert!(read("art-3").is_empty());
    // The Russian present tense, for the Parties.
    let (ru, _) = import::text(
        "Статья 1\n\nСтороны не размещают ракеты средней дальности.\n",
        &options,
    )
    .expect("the text imports");
    let c = &ru.clause("art-1").unwrap().commitments;
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].modality, Modality::Prohibition);
    assert_eq!(c[0].obligors.len(), 2);
}
