//! A clinician's sign-off, page by page. Each sign-off holds the fingerprint of the words it
//! checked, so any later change to the page lapses it and the app says the page is not checked.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::trace::Trace;
use super::{content_error, Content};
use crate::dates::{date_in_words, is_date};
use crate::Result;

/// Whether a clinician has checked one page, for every page the app has.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PageReview {
    /// A section id, or "questions", "checklist", "glossary", "record" or "about".
    pub page: String,
    pub title: String,
    /// None unless a clinician signed off the page and its words have not changed since.
    pub review: Option<Review>,
}

/// A sign-off that still holds: the page's words are the ones the clinician checked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Review {
    pub reviewer: String,
    pub role: String,
    /// YYYY-MM-DD
    pub date: String,
    /// YYYY-MM-DD
    pub next_review: String,
}

/// A `[[review]]` entry in content.toml, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReviewEntry {
    page: String,
    reviewer: String,
    role: String,
    date: String,
    next_review: String,
    fingerprint: String,
}

/// One statement a patient reads, with where it comes from.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Where on the page: "paragraph 3", or a TOML entry's id.
    pub item: String,
    pub text: String,
    pub trace: Trace,
}

/// A page a clinician signs off on its own.
#[derive(Debug, Clone)]
pub struct Page {
    /// What a `[[review]]` entry's `page` names.
    pub id: String,
    pub title: String,
    /// The file its words are written in.
    pub file: String,
    /// Every piece of text a patient reads on the page, in order: what the fingerprint covers.
    pub words: Vec<String>,
    /// The statements among those words, each needing a trace. Titles, headings and questions
    /// state nothing, so they are not here.
    pub statements: Vec<Statement>,
}

impl Page {
    /// 12 hex characters of the SHA-256 of the page's words: a reviewer copies it into content.toml.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.words.join("\n").as_bytes());
        digest.iter().take(6).map(|byte| format!("{byte:02x}")).collect()
    }
}

impl Content {
    /// Every page a clinician signs off, in the order the review sheet shows them.
    pub fn pages(&self) -> Vec<Page> {
        // Load has already refused a TOML entry with both kinds of trace.
        pages(self).unwrap_or_default()
    }

    /// Which pages a clinician has checked, in one line for the pack, which prints no page itself.
    pub fn review_summary(&self) -> String {
        let checked: Vec<String> = self
            .meta
            .reviews
            .iter()
            .filter_map(|page| {
                let r = page.review.as_ref()?;
                Some(format!("{} (by {}, {}, on {})", page.title, r.reviewer, r.role, date_in_words(&r.date)))
            })
            .collect();
        if checked.is_empty() {
            return "No page of the app's information has yet been checked by a clinician.".into();
        }
        format!(
            "Checked by a clinician: {}. The app's other pages have not yet been checked by a clinician.",
            checked.join("; ")
        )
    }

    /// The sign-off of a page, while its words are still the ones checked.
    pub fn review(&self, page: &str) -> Option<&Review> {
        self.meta.reviews.iter().find(|r| r.page == page)?.review.as_ref()
    }
}

pub(super) fn pages(content: &Content) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    for section in &content.sections {
        let mut words = vec![section.title.clone(), section.summary.clone()];
        let mut statements = Vec::new();
        for block in &section.blocks {
            words.push(block.plain_text());
            for (text, trace) in block.statements() {
                let item = format!("paragraph {}", statements.len() + 1);
                statements.push(Statement { item, text, trace: trace.clone() });
            }
        }
        pages.push(Page {
            id: section.id.clone(),
            title: section.title.clone(),
            file: section.file.clone(),
            words,
            statements,
        });
    }

    let mut questions = Page::of_file("questions", "Question library", "questions.toml");
    for topic in &content.topics {
        questions.words.push(topic.title.clone());
        questions.words.extend(content.questions.iter().filter(|q| q.topic == topic.id).map(|q| q.text.clone()));
    }
    pages.push(questions);

    let mut checklist = Page::of_file("checklist", "Second-opinion checklist", "checklist.toml");
    for step in &content.checklist {
        checklist.add(&step.id, format!("{} {}", step.text, step.why), &step.source, step.not_from_source)?;
    }
    pages.push(checklist);

    let mut glossary = Page::of_file("glossary", "Glossary", "glossary.toml");
    for term in &content.glossary {
        glossary.words.push(term.term.clone());
        glossary.add(&term.id, term.definition.clone(), &term.source, term.not_from_source)?;
    }
    pages.push(glossary);

    let mut record = Page::of_file("record", "Scan rhythm facts in My record", "record.toml");
    for fact in &content.record.rhythm {
        record.add(&fact.id, fact.text.clone(), &fact.source, fact.not_from_source)?;
    }
    pages.push(record);

    let mut about = Page::of_file("about", "About", "content.toml");
    let (text, producer) = (&content.meta.about, &content.meta.producer);
    about.add("about", text.text.trim().to_string(), &text.source, text.not_from_source)?;
    about.add("producer", producer.feedback.clone(), &producer.source, producer.not_from_source)?;
    pages.push(about);
    Ok(pages)
}

impl Page {
    fn of_file(id: &str, title: &str, file: &str) -> Page {
        Page { id: id.into(), title: title.into(), file: file.into(), words: Vec::new(), statements: Vec::new() }
    }

    fn add(
        &mut self,
        item: &str,
        text: String,
        source: &[String],
        not_from_source: Option<super::NotFromSource>,
    ) -> Result<()> {
        let trace = Trace::from_fields(source, not_from_source)
            .map_err(|problem| content_error(&self.file, format!("{item}: {problem}")))?;
        self.words.push(text.clone());
        self.statements.push(Statement { item: item.into(), text, trace });
        Ok(())
    }
}

/// Every page with the sign-off that still holds for it. An entry must be complete and name a
/// real page; one whose fingerprint no longer matches has lapsed, and the page shows as not checked.
pub(super) fn current(entries: Vec<ReviewEntry>, pages: &[Page]) -> Result<Vec<PageReview>> {
    let file = "content.toml";
    let mut seen = HashSet::new();
    let mut reviews: Vec<PageReview> =
        pages.iter().map(|p| PageReview { page: p.id.clone(), title: p.title.clone(), review: None }).collect();
    for entry in entries {
        let Some(page) = pages.iter().find(|p| p.id == entry.page) else {
            return Err(content_error(file, format!("review of page {}, which does not exist", entry.page)));
        };
        if !seen.insert(entry.page.clone()) {
            return Err(content_error(file, format!("page {} has two reviews; keep only the newest", entry.page)));
        }
        let parts = [("reviewer", &entry.reviewer), ("role", &entry.role)];
        if let Some((name, _)) = parts.iter().find(|(_, value)| value.trim().is_empty()) {
            return Err(content_error(file, format!("the review of {} has no {name}", entry.page)));
        }
        for (name, value) in [("date", &entry.date), ("next_review", &entry.next_review)] {
            if !is_date(value) {
                return Err(content_error(
                    file,
                    format!("the review of {}: {name} must be a date written YYYY-MM-DD", entry.page),
                ));
            }
        }
        if entry.next_review <= entry.date {
            return Err(content_error(
                file,
                format!("the review of {}: next_review must come after its date", entry.page),
            ));
        }
        if entry.fingerprint.len() != 12 || !entry.fingerprint.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(content_error(
                file,
                format!("the review of {}: fingerprint must be the 12 characters the review sheet gives", entry.page),
            ));
        }
        if entry.fingerprint.eq_ignore_ascii_case(&page.fingerprint()) {
            let at = reviews.iter().position(|r| r.page == entry.page).unwrap_or_default();
            reviews[at].review = Some(Review {
                reviewer: entry.reviewer,
                role: entry.role,
                date: entry.date,
                next_review: entry.next_review,
            });
        }
    }
    Ok(reviews)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::{copy_of_real, load_err, real_dir};

    fn sign_off(dir: &std::path::Path, page: &str, fingerprint: &str) {
        let path = dir.join("content.toml");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!(
            "\n[[review]]\npage = \"{page}\"\nreviewer = \"A. Name\"\nrole = \"Lung cancer nurse\"\n\
             date = \"2027-01-05\"\nnext_review = \"2028-01-05\"\nfingerprint = \"{fingerprint}\"\n"
        ));
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn a_sign_off_holds_while_the_page_is_unchanged_and_lapses_when_one_word_changes() {
        let temp = copy_of_real();
        let content = Content::load(temp.path()).unwrap();
        let page = content.pages().into_iter().find(|p| p.id == "tkis").unwrap();
        sign_off(temp.path(), "tkis", &page.fingerprint());
        let checked = Content::load(temp.path()).unwrap();
        let review = checked.review("tkis").expect("the page is checked");
        assert_eq!((review.reviewer.as_str(), review.role.as_str()), ("A. Name", "Lung cancer nurse"));
        assert!(checked.review("alk").is_none(), "only the page signed off");
        let summary = checked.review_summary();
        assert!(
            summary.contains(&format!("{} (by A. Name, Lung cancer nurse, on 5 January 2027)", page.title)),
            "{summary}"
        );

        let path = temp.path().join(&page.file);
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.rsplit_once("+++").unwrap().1;
        let word = body.split_whitespace().find(|w| w.len() > 4 && w.chars().all(char::is_alphabetic)).unwrap();
        std::fs::write(&path, text.replacen(&format!(" {word} "), " changed ", 1)).unwrap();
        assert!(Content::load(temp.path()).unwrap().review("tkis").is_none(), "one changed word lapses it");
    }

    #[test]
    fn trace_comments_are_not_part_of_the_fingerprint() {
        let temp = copy_of_real();
        let traced = Content::load(temp.path()).unwrap().pages();
        for page in traced.iter().filter(|p| p.file.starts_with("sections/")) {
            let path = temp.path().join(&page.file);
            let text = std::fs::read_to_string(&path).unwrap();
            let bare: Vec<&str> = text.lines().filter(|l| !l.trim().starts_with("<!--")).collect();
            let bare = bare
                .join("\n")
                .split("<!--")
                .map(|piece| piece.split_once("-->").map_or(piece, |(_, after)| after))
                .collect::<String>();
            std::fs::write(&path, bare.replace(" \n", "\n") + "\n").unwrap();
        }
        let untraced = Content::load(temp.path()).unwrap().pages();
        let prints = |pages: &[Page]| pages.iter().map(Page::fingerprint).collect::<Vec<_>>();
        assert_eq!(prints(&traced), prints(&untraced));
    }

    #[test]
    fn a_half_written_or_impossible_sign_off_is_refused() {
        let temp = copy_of_real();
        let path = temp.path().join("content.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            format!("{text}\n[[review]]\npage = \"tkis\"\nreviewer = \"A. Name\"\ndate = \"2027-01-05\"\n"),
        )
        .unwrap();
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "content.toml");
        assert!(problem.contains("role"), "{problem}");

        let temp = copy_of_real();
        sign_off(temp.path(), "tkis", "not-a-print");
        assert!(load_err(temp.path()).1.contains("fingerprint"));
    }

    #[test]
    fn a_review_of_a_page_that_does_not_exist_is_refused() {
        let temp = copy_of_real();
        sign_off(temp.path(), "no-such-page", "0123456789ab");
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "content.toml");
        assert!(problem.contains("no-such-page"), "{problem}");
    }

    #[test]
    fn shipped_content_has_no_sign_off() {
        let content = Content::load(&real_dir()).unwrap();
        assert!(
            content.meta.reviews.iter().all(|r| r.review.is_none()),
            "add a [[review]] only when a clinician has really checked a page"
        );
        let text = std::fs::read_to_string(real_dir().join("content.toml")).unwrap();
        assert!(!text.lines().any(|l| l.trim() == "[[review]]"), "no review has happened");
    }

    #[test]
    fn every_page_has_a_distinct_fingerprint_of_twelve_hex_characters() {
        let content = Content::load(&real_dir()).unwrap();
        let pages = content.pages();
        let prints: HashSet<String> = pages.iter().map(Page::fingerprint).collect();
        assert_eq!(prints.len(), pages.len());
        assert!(prints.iter().all(|p| p.len() == 12 && p.chars().all(|c| c.is_ascii_hexdigit())));
    }
}
