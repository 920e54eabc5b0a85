//! The HTML redline where it is read: in headless Chromium, driven over WebDriver.
//!
//! The pages of the bundled comparison, of a generated pair of 1,000 clauses with every kind
//! of change, and of a draft full of markup are loaded in Chromium; the tests read what the
//! browser computed (colours, links, the party filter at work, whether a draft's script ran)
//! and write screenshots under `target/browser/`.
//!
//! They need Debian's `chromium` and `chromium-driver` (`apt-get install -y chromium
//! chromium-driver`), which `.ci/run` installs, and run there with `PACTUM_BROWSER_TESTS=1`.
//! Without that variable, on a machine without the browser, they pass without running, saying
//! so: `cargo test` needs no browser.
//!
//! The client is `fantoccini`: a maintained WebDriver client whose build needs no network
//! (`headless_chrome` fetches the DevTools protocol's definition while it builds, which a
//! machine without network cannot), over plain HTTP to a local chromedriver, so no TLS crate
//! comes with it.
#![cfg(feature = "serde")]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use pactum::diff::{Options, compare, compare_in};
use pactum::render::{Comparison, HtmlOptions};
use pactum::{Clause, Proposal};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Whether to run: with the browser there, or when CI asks (then a missing browser fails).
fn wanted() -> bool {
    let asked = std::env::var_os("PACTUM_BROWSER_TESTS").is_some();
    let there = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if asked {
        assert!(
            there,
            "PACTUM_BROWSER_TESTS is set but {CHROMIUM} or {CHROMEDRIVER} is missing"
        );
    } else if !there {
        eprintln!(
            "browser tests skipped: no {CHROMIUM} and {CHROMEDRIVER} (apt-get install -y chromium chromium-driver)"
        );
    }
    there
}

/// A chromedriver on a free local port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    Driver { child, port }
}

/// A headless Chromium session: the flags that keep it off this machine's closed network.
async fn session(driver: &Driver, profile: &Path) -> Client {
    let args = [
        "--headless".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--window-size=1280,1600".to_owned(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({ "binary": CHROMIUM, "args": args }),
    );
    caps.insert("goog:loggingPrefs".to_owned(), json!({ "browser": "ALL" }));
    let url = format!("http://127.0.0.1:{}", driver.port);
    // chromedriver takes a moment to listen.
    for attempt in 0.. {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return client,
            Err(e) if attempt < 50 => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("no WebDriver session: {e}"),
        }
    }
    unreachable!()
}

/// The browser's console since the last read, as chromedriver keeps it: a WebDriver command of
/// its own, which fantoccini lets a test send.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// The console's errors since the last read.
async fn console_errors(client: &Client) -> Vec<String> {
    let log = client
        .issue_cmd(BrowserLog)
        .await
        .expect("the browser's log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].to_string())
        .collect()
}

/// Where pages and screenshots go: `target/browser/`.
fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).expect("target/browser");
    dir
}

fn write_page(name: &str, page: &str) -> String {
    let path = out_dir().join(format!("{name}.html"));
    std::fs::write(&path, page).expect("the page is written");
    format!("file://{}", path.display())
}

fn bundled_page() -> String {
    let n = pactum::format::from_str(include_str!("../examples/data/security-guarantees.json"))
        .unwrap();
    let (old, new) = (
        n.proposal("ru-nato-2021-12-17").unwrap(),
        n.proposal("us-answer-2022-01-26").unwrap(),
    );
    let d = compare_in(&n, old, new, &Options::default());
    Comparison::new(&d, old, new)
        .unwrap()
        .html(&HtmlOptions::default())
}

/// A pair of 1,000 clauses (100 articles of 9 paragraphs) with every kind of change:
/// reworded paragraphs, one removed, one added, an article moved, a paragraph moved to another
/// article, one split, two merged, the articles renumbered after the move.
fn generated_page() -> String {
    let verbs = [
        "notify", "consult", "inform", "inspect", "report", "review", "exchange", "publish",
        "verify",
    ];
    let text = |a: usize, p: usize| {
        format!(
            "The Parties shall {} the measures of chapter {a} under heading {p}, in the zone of district {a}{p} and its waters.",
            verbs[p]
        )
    };
    let article = |a: usize, paragraphs: Vec<(String, String)>| {
        let mut c =
            Clause::new(format!("a{a}").parse().unwrap(), "").with_number(format!("Article {a}"));
        for (k, (id, t)) in paragraphs.into_iter().enumerate() {
            c.push_child(Clause::new(id.parse().unwrap(), t).with_number(format!("{}.", k + 1)))
                .unwrap();
        }
        c
    };
    let paragraphs = |a: usize| -> Vec<(String, String)> {
        (0..9).map(|p| (format!("a{a}.p{p}"), text(a, p))).collect()
    };
    let mut old = Proposal::new("old".parse().unwrap(), "Generated", "A".parse().unwrap());
    let mut new = Proposal::new("new".parse().unwrap(), "Generated", "A".parse().unwrap());
    let mut articles: Vec<(usize, Vec<(String, String)>)> = Vec::new();
    for a in 1..=100 {
        old.clauses.push(article(a, paragraphs(a)));
        let mut ps = paragraphs(a);
        if a % 7 == 0 {
            ps[4].1 = ps[4].1.replace("measures", "steps");
        }
        match a {
            20 => {
                ps.remove(3);
            }
            30 => ps.push((
                "n30".to_owned(),
                "Each Party may request a visit to the site of any exercise held near the border."
                    .to_owned(),
            )),
            40 => {
                // Split: paragraph 5 into two.
                let (first, second) = ps[5].1.split_at(ps[5].1.find(", in the zone").unwrap());
                let (first, second) = (format!("{first}."), format!("It applies{second}"));
                ps[5].1 = first;
                ps.insert(6, ("s40".to_owned(), second));
            }
            50 => {
                // Merge: paragraphs 6 and 7 into one.
                let merged = format!("{} {}", ps[6].1, ps[7].1);
                ps[6].1 = merged;
                ps.remove(7);
            }
            _ => {}
        }
        articles.push((a, ps));
    }
    // A paragraph moved from article 10 to article 11.
    let moved = articles[9].1.remove(2);
    articles[10].1.push(moved);
    // Article 70 moved after article 80.
    let seventy = articles.remove(69);
    articles.insert(79, seventy);
    for (k, (a, ps)) in articles.into_iter().enumerate() {
        let mut c = article(a, ps);
        c.number = Some(format!("Article {}", k + 1));
        new.clauses.push(c);
    }
    let d = compare(&old, &new, &Options::default().without_ids());
    Comparison::new(&d, &old, &new)
        .unwrap()
        .html(&HtmlOptions::default())
}

/// The contrast ratio of two CSS colours, and the checks, as the page's own script computes
/// them (WCAG 2 relative luminance).
const CONTRAST: &str = r#"
function rgb(s) { var m = s.match(/\d+(\.\d+)?/g).map(Number); return m.slice(0, 3); }
function hex(s) { s = s.trim().replace('#', ''); return [0, 2, 4].map(function (i) { return parseInt(s.substr(i, 2), 16); }); }
function lum(c) { var v = c.map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
"#;

#[tokio::test(flavor = "current_thread")]
async fn the_pages_read_in_chromium() {
    if !wanted() {
        return;
    }
    let driver = driver();
    let profile = out_dir().join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    let client = session(&driver, &profile).await;

    for (name, page) in [
        ("bundled", bundled_page()),
        ("generated-1000", generated_page()),
    ] {
        let url = write_page(name, &page);
        client.goto(&url).await.unwrap();

        // Every in-page link lands on an element of the page.
        let dangling: Value = client
            .execute(
                "return Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(function (a) { return a.getAttribute('href').slice(1); }).filter(function (id) { return !document.getElementById(id); });",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(dangling, json!([]), "{name}");

        // Deletions and insertions are struck through and underlined, whatever their colour.
        let marks: Value = client
            .execute(
                "var d = document.querySelector('del'), i = document.querySelector('ins'); return [d && getComputedStyle(d).textDecorationLine, i && getComputedStyle(i).textDecorationLine];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(marks, json!(["line-through", "underline"]), "{name}");

        // Contrast, WCAG AA (4.5:1 for text), in the light scheme from the computed colours,
        // and in the dark one from the colours its media rule sets.
        let contrast: Value = client
            .execute(
                &format!(
                    "{CONTRAST}
                    var body = getComputedStyle(document.body), d = getComputedStyle(document.querySelector('del')), i = getComputedStyle(document.querySelector('ins'));
                    var light = [ratio(rgb(body.color), rgb(body.backgroundColor)), ratio(rgb(d.color), rgb(d.backgroundColor)), ratio(rgb(i.color), rgb(i.backgroundColor))];
                    var dark = null;
                    Array.from(document.styleSheets[0].cssRules).forEach(function (r) {{
                      if (r.media && r.conditionText.indexOf('dark') >= 0) {{
                        var s = r.cssRules[0].style, v = function (n) {{ return hex(s.getPropertyValue(n)); }};
                        dark = [ratio(v('--fg'), v('--bg')), ratio(v('--del-fg'), v('--del-bg')), ratio(v('--ins-fg'), v('--ins-bg'))];
                      }}
                    }});
                    return [light, dark];"
                ),
                vec![],
            )
            .await
            .unwrap();
        for scheme in contrast.as_array().unwrap() {
            for r in scheme.as_array().expect("both schemes") {
                assert!(r.as_f64().unwrap() >= 4.5, "{name}: contrast {contrast}");
            }
        }

        // At 1280 px the two columns stand side by side and nothing scrolls sideways; at 400
        // px they stack.
        let layout = "var o = document.querySelector('.sbs .old'), n = document.querySelector('.sbs .new');
             return [o.getBoundingClientRect().top === n.getBoundingClientRect().top && o.getBoundingClientRect().right <= n.getBoundingClientRect().left,
                     document.documentElement.scrollWidth <= document.documentElement.clientWidth];";
        let wide: Value = client.execute(layout, vec![]).await.unwrap();
        assert_eq!(wide, json!([true, true]), "{name} at 1280 px");
        let png = client.screenshot().await.unwrap();
        std::fs::write(out_dir().join(format!("{name}.png")), png).unwrap();
        client.set_window_size(400, 900).await.unwrap();
        let narrow: Value = client
            .execute(
                "var o = document.querySelector('.sbs .old'), n = document.querySelector('.sbs .new');
                 return [n.getBoundingClientRect().top >= o.getBoundingClientRect().bottom, document.documentElement.scrollWidth <= document.documentElement.clientWidth];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(narrow, json!([true, true]), "{name} at 400 px");
        client.set_window_size(1280, 1600).await.unwrap();

        // The page's one script ran to its end (the party filter is there) and nothing went
        // to the console as an error.
        assert_eq!(
            console_errors(&client).await,
            Vec::<String>::new(),
            "{name}"
        );
    }

    // The generated pair: its runs of unchanged clauses fold, and open.
    let url = write_page("generated-1000", &generated_page());
    client.goto(&url).await.unwrap();
    let folded: Value = client
        .execute(
            "var d = document.querySelectorAll('details.unchanged'); if (d.length) { d[0].open = true; } return [d.length, d.length && d[0].querySelectorAll('p').length > 0 && d[0].querySelector('p').offsetHeight > 0];",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        folded[0].as_u64().unwrap() > 0 && folded[1] == json!(true),
        "{folded}"
    );

    // Clicking a moved clause's link scrolls to its entry.
    let moved: Value = client
        .execute(
            "var a = document.querySelector('#c-moves ~ p.item a'); if (!a) { return null; }
             window.scrollTo(0, 0); a.click();
             var t = document.getElementById(a.getAttribute('href').slice(1)).getBoundingClientRect();
             return [window.scrollY > 0, t.top >= 0 && t.top < window.innerHeight];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(moved, json!([true, true]), "{moved}");

    // The bundled comparison: the party filter shows one party's commitment changes only.
    let url = write_page("bundled", &bundled_page());
    client.goto(&url).await.unwrap();
    let filtered: Value = client
        .execute(
            "var s = document.getElementById('party-filter'); s.value = 'RU'; s.dispatchEvent(new Event('change'));
             var items = Array.from(document.querySelectorAll('ul.commitments > li'));
             var shown = items.filter(function (li) { return !li.hidden; });
             return [items.length, shown.length, shown.every(function (li) { return li.dataset.parties.split(' ').indexOf('RU') >= 0; })];",
            vec![],
        )
        .await
        .unwrap();
    let (all, shown) = (filtered[0].as_u64().unwrap(), filtered[1].as_u64().unwrap());
    assert!(
        shown > 0 && shown < all && filtered[2] == json!(true),
        "{filtered}"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(out_dir().join("bundled-ru.png"), png).unwrap();

    // A draft full of markup runs none of it.
    let old = Proposal::new("o".parse().unwrap(), "Draft", "A".parse().unwrap()).with_clause(
        Clause::new("a1".parse().unwrap(), "The Parties shall consult.").with_number("Article 1"),
    );
    let mut new = old.clone();
    new.clauses[0].text = "The Parties shall consult. <script>window.pwned = 1</script> \"><img src=x onerror=\"window.pwned = 2\"> <a href=\"javascript:window.pwned = 3\">x</a>".into();
    let d = compare(&old, &new, &Options::default());
    let page = Comparison::new(&d, &old, &new)
        .unwrap()
        .html(&HtmlOptions::default().with_title("<script>window.pwned = 4</script>"));
    client.goto(&write_page("hostile", &page)).await.unwrap();
    let ran: Value = client
        .execute(
            "return [window.pwned === undefined, document.querySelectorAll('img, a[href^=\"javascript\"]').length, document.title];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ran, json!([true, 0, "<script>window.pwned = 4</script>"]));

    client.close().await.unwrap();
}
