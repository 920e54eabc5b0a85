//! The HTML redline: a style of the [walk](super::walk) that writes one self-contained page,
//! old and new side by side.

use std::fmt::{self, Write};

use super::walk::{Item, Recital, Row, Style, walk};
use super::{Comparison, commitment_summary, counts};
use crate::Proposal;
use crate::diff::{Diff, TextChange, TextOp};

/// How an HTML redline is made.
///
/// ```
/// use pactum::diff::{compare, Options};
/// use pactum::render::{HtmlOptions, html};
/// use pactum::{Clause, Proposal};
///
/// let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
///     .with_clause(Clause::new("a".parse()?, "The Parties shall consult.").with_number("Article 1"));
/// let new = Proposal::new("v2".parse()?, "Draft", "A".parse()?)
///     .with_clause(Clause::new("a".parse()?, "The Parties should consult.").with_number("Article 1"));
/// let diff = compare(&old, &new, &Options::default());
/// let page = html(&diff, &HtmlOptions::default().with_title("Two drafts"));
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<title>Two drafts</title>"));
/// assert!(page.contains("<del>shall</del>") && page.contains("<ins>should</ins>"));
/// # Ok::<(), pactum::IdError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// The page's title; by default "Comparison of OLD with NEW", by the proposals' ids.
    pub title: Option<String>,
    /// List only the clauses whose content changed, counting those that only changed place.
    pub changed_only: bool,
    /// One party's view: only the commitment changes that concern it (see
    /// [`Diff::for_party`]).
    pub party: Option<String>,
}

impl HtmlOptions {
    /// Sets the page's title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Lists only the clauses whose content changed.
    #[must_use]
    pub fn changed_only(mut self) -> Self {
        self.changed_only = true;
        self
    }

    /// Shows one party's view.
    #[must_use]
    pub fn with_party(mut self, party: impl Into<String>) -> Self {
        self.party = Some(party.into());
        self
    }
}

/// The HTML redline of `diff` alone: clauses labelled by number, or by id where a clause has
/// none. With the drafts, [`Comparison::html`] labels them with their headings too and marks
/// each side with its draft's language.
pub fn html(diff: &Diff, options: &HtmlOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_html(&mut out, diff, None, options);
    out
}

impl Comparison<'_> {
    /// The HTML redline of this comparison (see [`html`]): one self-contained page.
    pub fn html(&self, options: &HtmlOptions) -> String {
        let mut out = String::new();
        let options = HtmlOptions {
            changed_only: options.changed_only || self.changed_only,
            ..options.clone()
        };
        let _ = write_html(&mut out, self.diff, Some((self.old, self.new)), &options);
        out
    }
}

/// Writes the HTML redline of `diff` into `out`, with the drafts it was made from where they
/// are given (unchecked here; [`Comparison::new`] checks them): for a page written as it is
/// made, into a file or a response.
///
/// ```
/// use pactum::diff::{compare, Options};
/// use pactum::render::{HtmlOptions, write_html};
/// use pactum::{Clause, Proposal};
///
/// let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
///     .with_clause(Clause::new("a".parse()?, "The Parties shall consult.").with_number("Article 1"));
/// let new = Proposal::new("v2".parse()?, "Draft", "A".parse()?)
///     .with_clause(Clause::new("a".parse()?, "The Parties should consult.").with_number("Article 1"));
/// let diff = compare(&old, &new, &Options::default());
/// let mut page = String::new();
/// write_html(&mut page, &diff, Some((&old, &new)), &HtmlOptions::default())?;
/// assert!(page.ends_with("</html>\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_html(
    out: &mut dyn Write,
    diff: &Diff,
    proposals: Option<(&Proposal, &Proposal)>,
    options: &HtmlOptions,
) -> fmt::Result {
    let view;
    let diff = match &options.party {
        Some(party) => {
            view = diff.for_party(party);
            &view
        }
        None => diff,
    };
    let style = Html {
        old_lang: proposals.map_or_else(String::new, |(o, _)| escape(&o.language)),
        new_lang: proposals.map_or_else(String::new, |(_, n)| escape(&n.language)),
    };
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| format!("Comparison of {} with {}", diff.old, diff.new));
    let lang = if style.new_lang.is_empty() {
        "en"
    } else {
        &style.new_lang
    };
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{lang}\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&title))?;
    writeln!(out, "<style>{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<main>")?;
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    if let Some(party) = &options.party {
        writeln!(
            out,
            "<p class=\"view\">The view of <strong>{}</strong>: only the commitment changes that concern it.</p>",
            escape(party)
        )?;
    }
    // The party filter's place: the script fills it where there are commitment changes.
    writeln!(out, "<div class=\"filter\" hidden></div>")?;
    walk(out, diff, proposals, &style, options.changed_only)?;
    writeln!(out, "</main>")?;
    writeln!(out, "<script>{SCRIPT}</script>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// Text as HTML shows it: every character that markup would read is a character reference,
/// so a draft's `<script>` or `"><img onerror=...>` shows as text and runs nothing.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An anchor for a clause's label: its letters and digits, the rest as hyphens.
fn anchor(label: &str) -> String {
    let mut out = String::from("c-");
    for c in label.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// The directions a commitment change is given, shown as badges.
const DIRECTIONS: [&str; 9] = [
    "strengthening",
    "weakening",
    "reversal",
    "lifting",
    "imposition",
    "widening",
    "narrowing",
    "mixed",
    "neutral",
];

/// An escaped line with its directions ("(weakening)") as badges.
fn badged(line: &str) -> String {
    let mut out = escape(line);
    for d in DIRECTIONS {
        out = out.replace(
            &format!("({d})"),
            &format!("<span class=\"badge {d}\">{d}</span>"),
        );
    }
    out
}

/// A page: sections as headings, lists and tables, texts in two columns.
struct Html {
    /// The drafts' languages, escaped, or empty when not known.
    old_lang: String,
    new_lang: String,
}

impl Html {
    fn lang(lang: &str) -> String {
        if lang.is_empty() {
            String::new()
        } else {
            format!(" lang=\"{lang}\"")
        }
    }
}

impl Style for Html {
    const ARROW: &'static str = "→";
    const FOLDS: bool = true;

    fn link(&self, text: &str, to: &str) -> String {
        format!("<a href=\"#{}\">{text}</a>", anchor(to))
    }

    /// A run of clauses that did not change, folded into one line that opens.
    fn unchanged(&self, out: &mut dyn Write, run: &[(String, &str)]) -> fmt::Result {
        let (first, last) = (&run[0].0, &run[run.len() - 1].0);
        let span = if run.len() == 1 {
            escape(first)
        } else {
            format!("{} to {}", escape(first), escape(last))
        };
        writeln!(
            out,
            "<details class=\"unchanged\"><summary>{} unchanged: {span}</summary>",
            if run.len() == 1 {
                "1 clause".to_owned()
            } else {
                format!("{} clauses", run.len())
            }
        )?;
        for (label, text) in run {
            writeln!(
                out,
                "<p><strong>{}</strong>{}<span{}>{}</span></p>",
                escape(label),
                if text.is_empty() { "" } else { " " },
                Self::lang(&self.new_lang),
                escape(text)
            )?;
        }
        writeln!(out, "</details>")
    }

    fn escape(&self, s: &str) -> String {
        escape(s)
    }

    fn deleted(&self, s: &str) -> String {
        format!("<del>{s}</del>")
    }

    fn inserted(&self, s: &str) -> String {
        format!("<ins>{s}</ins>")
    }

    /// Old and new side by side: the old text with its deletions, the new with its
    /// insertions.
    fn redline(&self, t: &TextChange) -> String {
        let (mut old, mut new) = (String::new(), String::new());
        for op in &t.ops {
            match op {
                TextOp::Equal(s) => {
                    old.push_str(&escape(s));
                    new.push_str(&escape(s));
                }
                TextOp::Delete(s) => old.push_str(&self.deleted(&escape(s))),
                TextOp::Insert(s) => new.push_str(&self.inserted(&escape(s))),
            }
        }
        format!(
            "<div class=\"sbs\"><div class=\"old\"{}>{old}</div><div class=\"new\"{}>{new}</div></div>",
            Self::lang(&self.old_lang),
            Self::lang(&self.new_lang)
        )
    }

    fn title(&self, out: &mut dyn Write, diff: &Diff, articles: Option<&str>) -> fmt::Result {
        writeln!(out, "<section id=\"summary\"><h2>Summary</h2><ul>")?;
        writeln!(out, "<li>Clauses: {}</li>", escape(&counts(diff)))?;
        if let Some(line) = articles {
            writeln!(out, "<li>Articles: {}</li>", escape(line))?;
        }
        if let Some(line) = commitment_summary(diff) {
            writeln!(out, "<li>Commitments: {}</li>", escape(&line))?;
        }
        writeln!(
            out,
            "<li>Similarity of the two drafts: {:.2}</li>",
            diff.summary.similarity
        )?;
        if diff.approximate {
            writeln!(
                out,
                "<li>Some texts were compared by sentences or as a whole: a work budget was reached.</li>"
            )?;
        }
        writeln!(out, "</ul></section>")
    }

    fn section(&self, out: &mut dyn Write, name: &str, _nested: bool) -> fmt::Result {
        writeln!(out, "<h2 id=\"{}\">{}</h2>", anchor(name), escape(name))
    }

    fn group(&self, out: &mut dyn Write, title: &str, items: &[Item]) -> fmt::Result {
        writeln!(out, "<h3>{}</h3>", escape(title))?;
        writeln!(out, "<ul class=\"commitments\">")?;
        for Item {
            head,
            lines,
            parties,
        } in items
        {
            write!(
                out,
                "<li data-parties=\"{}\"><strong>{}</strong>",
                escape(&parties.join(" ")),
                escape(head)
            )?;
            if !lines.is_empty() {
                write!(out, "<ul>")?;
                for line in lines {
                    write!(out, "<li>{}</li>", badged(line))?;
                }
                write!(out, "</ul>")?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")
    }

    fn fields(&self, out: &mut dyn Write, rows: &[(&str, String, String)]) -> fmt::Result {
        writeln!(
            out,
            "<table><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead><tbody>"
        )?;
        for (field, old, new) in rows {
            writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                escape(field),
                escape(old),
                escape(new)
            )?;
        }
        writeln!(out, "</tbody></table>")
    }

    fn recital(&self, out: &mut dyn Write, number: usize, change: Recital<'_>) -> fmt::Result {
        match change {
            Recital::Added(text) => writeln!(
                out,
                "<p class=\"span\">{number}. added: <ins>{}</ins></p>",
                escape(text)
            ),
            Recital::Removed(text) => writeln!(
                out,
                "<p class=\"span\">{number}. removed: <del>{}</del></p>",
                escape(text)
            ),
            Recital::Modified(text) => {
                writeln!(out, "<p>{number}. modified</p>{}", self.redline(text))
            }
        }
    }

    /// The change table, as the contents: a row whose clause has an entry below links to it.
    fn table(&self, out: &mut dyn Write, rows: &[Row]) -> fmt::Result {
        writeln!(
            out,
            "<table class=\"contents\"><thead><tr><th scope=\"col\">Old</th><th scope=\"col\">New</th><th scope=\"col\">Change</th><th scope=\"col\">Paired by</th></tr></thead><tbody>"
        )?;
        for r in rows {
            let side = |s: &str| {
                let text = if s == "-" {
                    "—".to_owned()
                } else {
                    escape(s)
                };
                match (&r.entry, s) {
                    (Some(entry), side) if side != "-" => self.link(&text, entry),
                    _ => text,
                }
            };
            let by = r
                .matched
                .as_ref()
                .map_or_else(String::new, |(m, s)| format!("{} {s:.2}", escape(m)));
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{by}</td></tr>",
                side(&r.old),
                side(&r.new),
                escape(&r.kinds)
            )?;
        }
        writeln!(out, "</tbody></table>")
    }

    fn item(&self, out: &mut dyn Write, line: &str) -> fmt::Result {
        // The walk escapes what it passes here.
        writeln!(out, "<p class=\"item\">{line}</p>")
    }

    fn entry(
        &self,
        out: &mut dyn Write,
        label: &str,
        kinds: &str,
        body: Option<&str>,
        fields: &[String],
    ) -> fmt::Result {
        let whole = kinds.contains("added") || kinds.contains("removed");
        writeln!(
            out,
            "<article class=\"entry{}\" id=\"{}\"><h3>{} <span class=\"kinds\">({})</span></h3>",
            if whole { " span" } else { "" },
            anchor(label),
            escape(label),
            escape(kinds)
        )?;
        if let Some(body) = body {
            if whole {
                writeln!(out, "<p>{body}</p>")?;
            } else {
                writeln!(out, "{body}")?;
            }
        }
        if !fields.is_empty() {
            writeln!(out, "<ul>")?;
            for f in fields {
                writeln!(out, "<li>{}</li>", badged(f))?;
            }
            writeln!(out, "</ul>")?;
        }
        if kinds.contains("moved") || kinds.contains("reparented") {
            // Back to where its move is told, which links here.
            writeln!(out, "<p class=\"back\"><a href=\"#c-moves\">Moves</a></p>")?;
        }
        writeln!(out, "</article>")
    }
}

/// The page's style: two columns on screen and on paper, a dark scheme, and deletions struck
/// through and insertions underlined, so that colour is never the only sign.
const CSS: &str = "
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #ffffff; --del-fg: #8b0000; --del-bg: #fde8e8; --ins-fg: #0b5a1e; --ins-bg: #e3f6e6; --rule: #c8c8c8; --badge: #3d3d3d; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececec; --bg: #161616; --del-fg: #ffb3b3; --del-bg: #3d1414; --ins-fg: #b6f0c0; --ins-bg: #123a1c; --rule: #4a4a4a; --badge: #d8d8d8; } }
body { color: var(--fg); background: var(--bg); font: 16px/1.5 Georgia, 'Times New Roman', serif; margin: 0; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
del { color: var(--del-fg); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins-fg); background: var(--ins-bg); text-decoration: underline; }
.sbs { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.sbs > div { border-top: 1px solid var(--rule); padding-top: 0.25rem; }
.span { grid-column: 1 / -1; }
.kinds { font-weight: normal; font-size: 0.9em; }
.badge { display: inline-block; border: 1px solid var(--badge); border-radius: 0.25rem; padding: 0 0.3rem; font: 0.8em system-ui, sans-serif; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--rule); padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
.filter label, summary { font-family: system-ui, sans-serif; }
details.unchanged { margin: 0.75rem 0; color: var(--fg); }
@media screen and (max-width: 40rem) { .sbs { grid-template-columns: 1fr; gap: 0.5rem; } main { padding: 0.5rem; } }
@media print { body { font-size: 10pt; } .filter { display: none; } .sbs { grid-template-columns: 1fr 1fr; } a { color: inherit; text-decoration: none; } }
";

/// The party filter: a list of the parties the commitment changes name, which hides the
/// changes that do not name the one chosen. The page reads in full without it.
const SCRIPT: &str = "
(function () {
  var lists = document.querySelectorAll('ul.commitments');
  var box = document.querySelector('.filter');
  if (!box || lists.length === 0) { return; }
  var items = [];
  var parties = {};
  lists.forEach(function (ul) {
    ul.querySelectorAll(':scope > li').forEach(function (li) {
      var named = {};
      (li.dataset.parties || '').split(' ').forEach(function (p) {
        if (p) { named[p] = true; parties[p] = true; }
      });
      items.push({ li: li, named: named });
    });
  });
  var ids = Object.keys(parties).sort();
  if (ids.length === 0) { return; }
  var label = document.createElement('label');
  label.textContent = 'Party: ';
  var select = document.createElement('select');
  select.id = 'party-filter';
  var all = document.createElement('option');
  all.value = '';
  all.textContent = 'all parties';
  select.appendChild(all);
  ids.forEach(function (id) {
    var option = document.createElement('option');
    option.value = id;
    option.textContent = id;
    select.appendChild(option);
  });
  select.addEventListener('change', function () {
    items.forEach(function (item) {
      item.li.hidden = select.value !== '' && !item.named[select.value];
    });
  });
  label.appendChild(select);
  box.appendChild(label);
  box.hidden = false;
})();
";
