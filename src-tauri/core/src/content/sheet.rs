//! The review sheet: one self-contained HTML page a clinician reads and signs, page by page.
//! Each statement stands beside the source sentence it comes from; what is not from the source
//! is listed by kind; each page ends with a sign-off box and the fingerprint to copy.

use std::collections::HashSet;
use std::fmt::Write;

use super::trace::{NotFromSource, SourceText, Trace};
use super::{Content, Page};

/// Word overlap (Jaccard) above which two entries are shown as near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;

const STYLE: &str = "body{font:15px/1.45 serif;max-width:60em;margin:2em auto;padding:0 1em}\
h2{border-top:3px solid #000;padding-top:.6em;page-break-before:always}h2:first-of-type{page-break-before:auto}\
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #888;padding:.4em;vertical-align:top;text-align:left}\
th{background:#eee}mark{background:#ffe680}.missing{color:#a00;font-weight:bold}.sign td{height:2.2em}\
.print{font-family:monospace;font-size:1.3em}.scope{font-style:italic}";

/// The whole sheet. `source` is the text of the source page.
pub fn review_sheet(content: &Content, source: &str) -> String {
    let source = SourceText::new(source);
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>ALK Companion review sheet</title>\
         <style>{STYLE}</style></head><body><h1>ALK Companion: review sheet, content {}</h1>\
         <p>Source: {}. Check each statement against the source passage beside it, then judge the statements not \
         from the source. Sign each page you have checked, and copy its fingerprint into content.toml's \
         <code>[[review]]</code>. Any later change to the page changes its fingerprint, and the sign-off lapses.</p>",
        esc(&content.meta.version),
        esc(&content.meta.source.label())
    );
    for page in content.pages() {
        page_part(&mut html, content, &page, &source);
    }
    html.push_str("<h2>Near-duplicates</h2><p>Pairs that share many words: check whether both are needed.</p>");
    let questions: Vec<(String, String)> = content.questions.iter().map(|q| (q.id.clone(), q.text.clone())).collect();
    let steps: Vec<(String, String)> = content.checklist.iter().map(|s| (s.id.clone(), s.text.clone())).collect();
    let terms: Vec<(String, String)> = content.glossary.iter().map(|t| (t.id.clone(), t.definition.clone())).collect();
    for (title, entries) in [("Question library", questions), ("Checklist", steps), ("Glossary", terms)] {
        near_duplicates(&mut html, title, &entries);
    }
    html.push_str("</body></html>\n");
    html
}

fn page_part(html: &mut String, content: &Content, page: &Page, source: &SourceText) {
    let _ = write!(
        html,
        "<h2>{}</h2><p>Page id <code>{}</code>, written in {}.</p>",
        esc(&page.title),
        esc(&page.id),
        esc(&page.file)
    );
    if let Some(line) = content.sections.iter().find(|s| s.id == page.id).map(|s| content.scope_line(s)) {
        let _ = write!(html, "<p class=\"scope\">Scope: {}</p>", esc(line));
    }
    if page.id == "questions" {
        let _ = write!(html, "<p>{} questions, listed under Near-duplicates at the end. Questions state nothing, so they carry no trace.</p>", content.questions.len());
    }
    let traced: Vec<_> = page.statements.iter().filter(|s| !matches!(s.trace, Trace::NotFromSource(_))).collect();
    if !traced.is_empty() {
        html.push_str("<table><tr><th>Statement</th><th>Source passage</th></tr>");
        for statement in traced {
            let _ = write!(html, "<tr><td>{}</td><td>", esc(&statement.text));
            match &statement.trace {
                Trace::Source(quotes) => {
                    for quote in quotes {
                        match source.in_context(quote) {
                            Some((before, found, after)) => {
                                let _ = write!(
                                    html,
                                    "<p>{} <mark>{}</mark> {}</p>",
                                    esc(&before),
                                    esc(&found),
                                    esc(&after)
                                );
                            }
                            None => {
                                let _ = write!(
                                    html,
                                    "<p class=\"missing\">Not found in the source: \"{}\"</p>",
                                    esc(quote)
                                );
                            }
                        }
                    }
                }
                _ => html.push_str("<p class=\"missing\">No trace: the writer has not said where this comes from.</p>"),
            }
            html.push_str("</td></tr>");
        }
        html.push_str("</table>");
    }
    for kind in NotFromSource::ALL {
        let of_kind: Vec<_> = page.statements.iter().filter(|s| s.trace == Trace::NotFromSource(kind)).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = write!(html, "<h3>Not from the source: {}</h3><ul>", esc(kind.label()));
        for statement in of_kind {
            let _ = write!(html, "<li>{}</li>", esc(&statement.text));
        }
        html.push_str("</ul>");
    }
    let _ = write!(
        html,
        "<table class=\"sign\"><tr><th colspan=\"2\">Sign-off for {}</th></tr><tr><td style=\"width:12em\">Name</td><td></td></tr>\
         <tr><td>Role</td><td></td></tr><tr><td>Date</td><td></td></tr><tr><td>Next review</td><td></td></tr>\
         <tr><td>Signature</td><td></td></tr><tr><td>Fingerprint</td><td class=\"print\">{}</td></tr></table>",
        esc(&page.title),
        page.fingerprint()
    );
}

fn near_duplicates(html: &mut String, title: &str, entries: &[(String, String)]) {
    let words: Vec<HashSet<String>> = entries.iter().map(|(_, text)| word_set(text)).collect();
    let mut pairs = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate().skip(i + 1) {
            let score = jaccard(a, b);
            if score > NEAR_DUPLICATE {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let _ = write!(html, "<h3>{}: {} entries, {} near-duplicate pairs</h3>", esc(title), entries.len(), pairs.len());
    if pairs.is_empty() {
        return;
    }
    html.push_str("<table><tr><th>Overlap</th><th>One</th><th>The other</th></tr>");
    for (score, i, j) in pairs {
        let _ = write!(
            html,
            "<tr><td>{:.0}%</td><td><code>{}</code> {}</td><td><code>{}</code> {}</td></tr>",
            score * 100.0,
            esc(&entries[i].0),
            esc(&entries[i].1),
            esc(&entries[j].0),
            esc(&entries[j].1)
        );
    }
    html.push_str("</table>");
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Shared words over all words of the two.
fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;

    const SOURCE: &str = include_str!("testdata/alk-treatment.txt");

    #[test]
    fn the_sheet_holds_every_page_every_quote_and_every_fingerprint() {
        let content = Content::load(&real_dir()).unwrap();
        let html = review_sheet(&content, SOURCE);
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
        assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("src="), "self-contained");
        for page in content.pages() {
            assert!(html.contains(&format!("<h2>{}</h2>", esc(&page.title))), "{}", page.title);
            assert!(html.contains(&page.fingerprint()), "{}", page.id);
            for statement in &page.statements {
                assert!(html.contains(&esc(&statement.text)), "{}", statement.text);
            }
        }
        // Every tag opened is closed, so the page is well formed.
        for tag in ["table", "tr", "td", "th", "ul", "li", "p", "h2", "h3", "mark", "code"] {
            let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
        }
    }

    #[test]
    fn near_duplicates_are_paired_by_shared_words() {
        let mut html = String::new();
        let entries = [
            ("a".to_string(), "How often will I have scans?".to_string()),
            ("b".to_string(), "How often will I have my scans?".to_string()),
            ("c".to_string(), "Can I travel abroad?".to_string()),
        ];
        near_duplicates(&mut html, "Questions", &entries);
        assert!(html.contains("1 near-duplicate pairs") && html.contains("<code>a</code>"), "{html}");
    }
}
