//! The information pages, question library, glossary and checklist, read from `resources/content`.

mod check;
mod markup;
#[cfg(test)]
mod own_words;
#[cfg(test)]
mod promises;
// Only the tests (and `./dev.sh readability`, which runs one) measure reading ease.
#[cfg(test)]
mod readability;
mod review;
mod sheet;
pub mod trace;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::RecordLabels;
use crate::{Error, Result};

pub use markup::{Block, Inline};
pub use review::{Page, PageReview, Review, Statement};
pub use sheet::review_sheet;
pub use trace::{NotFromSource, Trace};

/// Everything a patient can read, loaded once at start-up and read-only after.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Content {
    pub meta: ContentMeta,
    pub sections: Vec<Section>,
    pub topics: Vec<Topic>,
    /// The questions the library offers.
    pub questions: Vec<Question>,
    /// Questions no longer offered, kept with their old text because saved lists point at them.
    pub retired_questions: Vec<RetiredQuestion>,
    pub glossary: Vec<Term>,
    pub checklist: Vec<ChecklistStep>,
    /// Steps no longer shown, kept with their old words because saved ticks point at them.
    pub retired_checklist: Vec<RetiredStep>,
    pub references: Vec<Reference>,
    pub record: RecordLists,
    /// Web pages a patient may open in their own browser. The app itself never connects.
    pub links: Vec<Link>,
    /// What to do when very unwell: general NHS practice, not from the source.
    pub safety: Safety,
}

/// A web address the content names, opened only by its id, never typed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Link {
    pub id: String,
    /// The words shown for it, as the source writes them: "ALKPositive.org.uk".
    pub label: String,
    /// The full address, shown as text and printed in the pack.
    pub address: String,
}

/// Safety-netting: what to do when someone is very unwell or a side effect worries them. It is
/// general NHS practice, not from the source page, and says so wherever it is shown.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
// Written in snake_case in safety.toml, read as camelCase by the UI.
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[ts(export, rename_all = "camelCase")]
pub struct Safety {
    /// Always safety-netting: the mark that these words are not from the source.
    #[serde(skip_serializing)]
    #[ts(skip)]
    pub not_from_source: NotFromSource,
    pub heading: String,
    /// Call the team's line, when the patient has not kept a 24-hour number.
    pub team: String,
    /// The same, with the patient's own 24-hour line put where `{line}` stands.
    pub team_with_line: String,
    /// 999 or A&E in an emergency.
    pub emergency: String,
    /// NHS 111 when unsure.
    pub unsure: String,
    /// Says the words are general NHS practice, not from the source.
    pub marked: String,
    /// The information pages that show it (Home and the pack's front page always do).
    pub pages: Vec<String>,
}

impl Safety {
    /// The team line, with the patient's own 24-hour line when they have kept one.
    pub fn team_line(&self, line: Option<&str>) -> String {
        match line.map(str::trim).filter(|l| !l.is_empty()) {
            Some(line) => self.team_with_line.replace("{line}", line),
            None => self.team.clone(),
        }
    }
}

/// The lists the patient's record offers: drugs, diary choices, and general scan rhythm facts.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RecordLists {
    #[serde(rename(deserialize = "drug"))]
    pub drugs: Vec<Choice>,
    /// What the diary offers: side effects, and feelings such as worry before scans.
    #[serde(rename(deserialize = "side_effect"))]
    pub side_effects: Vec<DiaryChoice>,
    pub rhythm: Vec<RhythmFact>,
    /// The words for the record's own choices (bother, stop reason, kind of scan), from the
    /// model: any in record.toml are replaced on loading.
    #[serde(default)]
    pub labels: RecordLabels,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Choice {
    pub id: String,
    pub name: String,
}

/// One choice in the diary, with the group it is shown under.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct DiaryChoice {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub group: DiaryGroup,
}

/// Scanxiety is a feeling, not a side effect of a drug, so the diary keeps the two apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DiaryGroup {
    #[default]
    SideEffect,
    Feeling,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RhythmFact {
    pub id: String,
    pub text: String,
    /// Source quotes for what this says (see trace.rs). Never shown, searched or printed.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub source: Vec<String>,
    /// Or the kind of text it is when it is not from the source.
    #[serde(default, skip_serializing, rename(deserialize = "not_from_source"))]
    #[ts(skip)]
    pub not_from_source: Option<NotFromSource>,
}

/// What the content is, where it comes from, who wrote it and whether a clinician has checked it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContentMeta {
    pub version: String,
    pub source: SourceInfo,
    pub producer: Producer,
    /// Every page, each with its clinician's sign-off if its words are still the ones checked.
    /// A page without one says plainly that no clinician has checked it.
    pub reviews: Vec<PageReview>,
    pub about: About,
    /// The first line of a page, by who the page is about.
    pub scopes: Scopes,
    /// The note on pages whose facts are tied to when the charity wrote its page.
    pub currency: Currency,
}

/// `content.toml` as written. Its `[[review]]` sign-offs are checked against the pages before use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentFile {
    version: String,
    source: SourceInfo,
    producer: Producer,
    #[serde(default)]
    review: Vec<review::ReviewEntry>,
    about: About,
    scopes: Scopes,
    currency: Currency,
}

/// Who a page is about. The words for each live in content.toml's `[scopes]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Scope {
    /// Advanced or metastatic cancer.
    Advanced,
    /// Early-stage cancer.
    Early,
    /// Everyone with ALK-positive lung cancer.
    Everyone,
}

/// The first line of a page, one for each scope.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Scopes {
    pub advanced: String,
    pub early: String,
    pub everyone: String,
}

impl Scopes {
    pub fn line(&self, scope: Scope) -> &str {
        match scope {
            Scope::Advanced => &self.advanced,
            Scope::Early => &self.early,
            Scope::Everyone => &self.everyone,
        }
    }
}

/// The standard note for facts tied to when ALK Positive UK wrote its page.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Currency {
    pub note: String,
}

/// The one web page every fact comes from. The page gives no date of its own.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
// Written in snake_case in content.toml, read as camelCase by the UI.
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[ts(export, rename_all = "camelCase")]
pub struct SourceInfo {
    /// The page's own title: "ALK Treatment".
    pub title: String,
    pub publisher: String,
    /// The date the page gives its treatment flowchart (ALK Positive UK's own, drawn following
    /// NICE guidance), in words: "February 2025".
    /// It is not the date of the page.
    pub flowchart_dated: String,
    /// What the page says about the links in its reference list.
    pub links_note: String,
}

impl SourceInfo {
    /// The page and its publisher, as every page names them: "ALK Treatment, ALK Positive UK".
    pub fn label(&self) -> String {
        format!("{}, {}", self.title, self.publisher)
    }
}

/// Who wrote the text, and how to tell them about a mistake. No network: words only.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
// Written in snake_case in content.toml, read as camelCase by the UI.
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[ts(export, rename_all = "camelCase")]
pub struct Producer {
    pub name: String,
    /// Where feedback should go, in words.
    pub feedback: String,
    /// An address to write to, shown only when there is a real one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub address: Option<String>,
    /// Source quotes for the feedback words (see trace.rs). Never shown, searched or printed.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub source: Vec<String>,
    /// Or the kind of text it is when it is not from the source.
    #[serde(default, skip_serializing, rename(deserialize = "not_from_source"))]
    #[ts(skip)]
    pub not_from_source: Option<NotFromSource>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct About {
    pub text: String,
    /// Source quotes for what this says (see trace.rs). Never shown, searched or printed.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub source: Vec<String>,
    /// Or the kind of text it is when it is not from the source.
    #[serde(default, skip_serializing, rename(deserialize = "not_from_source"))]
    #[ts(skip)]
    pub not_from_source: Option<NotFromSource>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub order: u32,
    /// Papers the source ties to what this page says. The source itself is named on every page.
    pub references: Vec<String>,
    /// Who the page is about, shown as its first line.
    pub scope: Scope,
    /// The page has facts tied to when ALK Positive UK wrote its page, so it shows the
    /// currency note.
    pub currency: bool,
    /// Ids of links.toml web pages shown under the page.
    pub links: Vec<String>,
    pub blocks: Vec<Block>,
    /// Where the section came from, for error messages a reviewer can act on.
    #[serde(skip)]
    #[ts(skip)]
    pub file: String,
}

/// The settings block at the top of a section file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    summary: String,
    order: u32,
    #[serde(default)]
    references: Vec<String>,
    scope: Scope,
    #[serde(default)]
    currency: bool,
    #[serde(default)]
    links: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Topic {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Question {
    pub id: String,
    pub topic: String,
    /// The information page that gives background to the question; none when no page covers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub section: Option<String>,
    pub text: String,
}

/// A question removed or merged into another. Its id was promised to saved lists, so it keeps
/// its old text (and topic) for good.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetiredQuestion {
    #[serde(flatten)]
    #[ts(flatten)]
    pub question: Question,
    /// The current question that now asks the same thing, if one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub replaced_by: Option<String>,
}

/// A `[[retired]]` entry as written in questions.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RetiredEntry {
    id: String,
    topic: String,
    text: String,
    replaced_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
    /// Source quotes for what this says (see trace.rs). Never shown, searched or printed.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub source: Vec<String>,
    /// Or the kind of text it is when it is not from the source.
    #[serde(default, skip_serializing, rename(deserialize = "not_from_source"))]
    #[ts(skip)]
    pub not_from_source: Option<NotFromSource>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct ChecklistStep {
    pub id: String,
    pub text: String,
    pub why: String,
    /// Source quotes for what this says (see trace.rs). Never shown, searched or printed.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub source: Vec<String>,
    /// Or the kind of text it is when it is not from the source.
    #[serde(default, skip_serializing, rename(deserialize = "not_from_source"))]
    #[ts(skip)]
    pub not_from_source: Option<NotFromSource>,
}

/// A checklist step removed or merged into another, kept for the ticks and notes that name it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetiredStep {
    #[serde(flatten)]
    #[ts(flatten)]
    pub step: ChecklistStep,
    /// The current step that now covers it, if one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub replaced_by: Option<String>,
}

/// A `[[retired]]` entry as written in checklist.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RetiredStepEntry {
    id: String,
    text: String,
    why: String,
    replaced_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Reference {
    pub id: String,
    pub authors: String,
    /// None where the source gives no publication year (the eMC pages give only the day they
    /// were accessed, which is never shown as a year).
    #[serde(default)]
    #[ts(optional)]
    pub year: Option<u16>,
    pub title: String,
    pub journal: String,
    #[serde(default)]
    #[ts(optional)]
    pub details: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub accessed: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    topic: Vec<Topic>,
    question: Vec<Question>,
    #[serde(default)]
    retired: Vec<RetiredEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistFile {
    step: Vec<ChecklistStep>,
    #[serde(default)]
    retired: Vec<RetiredStepEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReferencesFile {
    reference: Vec<Reference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinksFile {
    link: Vec<Link>,
}

impl Content {
    /// Reads and checks every content file under `dir`. A broken file is named in the error.
    pub fn load(dir: &Path) -> Result<Content> {
        let file: ContentFile = read_toml(dir, "content.toml")?;
        let meta = ContentMeta {
            version: file.version,
            source: file.source,
            producer: file.producer,
            reviews: Vec::new(),
            about: file.about,
            scopes: file.scopes,
            currency: file.currency,
        };
        let questions: QuestionsFile = read_toml(dir, "questions.toml")?;
        let glossary: GlossaryFile = read_toml(dir, "glossary.toml")?;
        let checklist: ChecklistFile = read_toml(dir, "checklist.toml")?;
        let references: ReferencesFile = read_toml(dir, "references.toml")?;
        let record = RecordLists { labels: RecordLabels::default(), ..read_toml(dir, "record.toml")? };
        let links: LinksFile = read_toml(dir, "links.toml")?;
        let safety: Safety = read_toml(dir, "safety.toml")?;
        let mut sections = read_sections(dir)?;
        sections.sort_by_key(|s| s.order);
        let mut content = Content {
            meta,
            sections,
            topics: questions.topic,
            questions: questions.question,
            retired_questions: questions
                .retired
                .into_iter()
                .map(|r| RetiredQuestion {
                    question: Question { id: r.id, topic: r.topic, section: None, text: r.text },
                    replaced_by: r.replaced_by,
                })
                .collect(),
            glossary: glossary.term,
            checklist: checklist.step,
            retired_checklist: checklist
                .retired
                .into_iter()
                .map(|r| RetiredStep {
                    step: ChecklistStep {
                        id: r.id,
                        text: r.text,
                        why: r.why,
                        source: Vec::new(),
                        not_from_source: None,
                    },
                    replaced_by: r.replaced_by,
                })
                .collect(),
            references: references.reference,
            record,
            links: links.link,
            safety,
        };
        check::check(&content)?;
        content.meta.reviews = review::current(file.review, &review::pages(&content)?)?;
        Ok(content)
    }

    /// A question by id, current or retired: a saved list may name either, and must show its text.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().chain(self.retired_questions.iter().map(|r| &r.question)).find(|q| q.id == id)
    }

    /// A checklist step by id, current or retired: saved ticks may name either.
    pub fn checklist_step(&self, id: &str) -> Option<&ChecklistStep> {
        self.checklist.iter().chain(self.retired_checklist.iter().map(|r| &r.step)).find(|s| s.id == id)
    }

    pub fn drug(&self, id: &str) -> Option<&Choice> {
        self.record.drugs.iter().find(|d| d.id == id)
    }

    pub fn side_effect(&self, id: &str) -> Option<&DiaryChoice> {
        self.record.side_effects.iter().find(|s| s.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// A web page the content names; a link is opened only by an id found here.
    pub fn link(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    /// A section's first line: who the page is about, in the words of content.toml.
    pub fn scope_line(&self, section: &Section) -> &str {
        self.meta.scopes.line(section.scope)
    }
}

fn content_error(file: &str, problem: impl Into<String>) -> Error {
    Error::Content { file: file.to_string(), problem: problem.into() }
}

fn read_text(dir: &Path, file: &str) -> Result<String> {
    std::fs::read_to_string(dir.join(file)).map_err(|e| content_error(file, e.to_string()))
}

fn read_toml<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Result<T> {
    let text = read_text(dir, file)?;
    // toml's message names the field and the line, which is what a reviewer needs.
    toml::from_str(&text).map_err(|e| content_error(file, e.to_string()))
}

fn read_sections(dir: &Path) -> Result<Vec<Section>> {
    let folder = dir.join("sections");
    let entries = std::fs::read_dir(&folder).map_err(|e| content_error("sections", e.to_string()))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|name| {
            let file = format!("sections/{name}");
            parse_section(&file, &read_text(dir, &file)?)
        })
        .collect()
}

fn parse_section(file: &str, text: &str) -> Result<Section> {
    let text = text.replace("\r\n", "\n");
    let rest =
        text.strip_prefix("+++\n").ok_or_else(|| content_error(file, "the file must start with a line of +++"))?;
    let (front, body) =
        rest.split_once("\n+++\n").ok_or_else(|| content_error(file, "the settings must end with a line of +++"))?;
    let front: FrontMatter = toml::from_str(front).map_err(|e| content_error(file, e.to_string()))?;
    let blocks = markup::parse(body).map_err(|problem| content_error(file, problem))?;
    Ok(Section {
        id: front.id,
        title: front.title,
        summary: front.summary,
        order: front.order,
        references: front.references,
        scope: front.scope,
        currency: front.currency,
        links: front.links,
        blocks,
        file: file.to_string(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::path::PathBuf;

    pub(crate) fn real_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/content")
    }

    /// A copy of the real content in a temporary folder, for breaking on purpose.
    pub(crate) fn copy_of_real() -> tempfile::TempDir {
        let temp = tempfile::tempdir().unwrap();
        copy_dir(&real_dir(), temp.path());
        temp
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    pub(crate) fn load_err(dir: &Path) -> (String, String) {
        match Content::load(dir) {
            Err(Error::Content { file, problem }) => (file, problem),
            other => panic!("expected a content error, got {other:?}"),
        }
    }

    #[test]
    fn real_content_loads_and_passes_checks() {
        let content = Content::load(&real_dir()).expect("the shipped content must load");
        assert!(content.sections.len() >= 2);
        assert!(content.questions.len() >= 10);
        assert!(content.topics.len() >= 2);
        let orders: Vec<u32> = content.sections.iter().map(|s| s.order).collect();
        let mut sorted = orders.clone();
        sorted.sort();
        assert_eq!(orders, sorted, "sections come in their order");
    }

    #[test]
    fn broken_toml_names_its_file_and_field() {
        let temp = copy_of_real();
        let path = temp.path().join("questions.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("text = ", "txet = ", 1)).unwrap();
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "questions.toml");
        assert!(problem.contains("txet"), "{problem}");
    }

    #[test]
    fn question_pointing_at_missing_topic_is_refused() {
        let temp = copy_of_real();
        let path = temp.path().join("questions.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let broken = text.replacen("topic = \"ask-3\"", "topic = \"no-such-topic\"", 1);
        assert_ne!(text, broken);
        std::fs::write(&path, broken).unwrap();
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "questions.toml");
        assert!(problem.contains("no-such-topic"), "{problem}");
    }

    #[test]
    fn section_citing_missing_reference_is_refused() {
        let temp = copy_of_real();
        let path = temp.path().join("sections/08-early-stage.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let broken = text.replacen("references = [", "references = [\"nobody-1999\", ", 1);
        assert_ne!(text, broken);
        std::fs::write(&path, broken).unwrap();
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "sections/08-early-stage.md");
        assert!(problem.contains("nobody-1999"), "{problem}");
    }

    #[test]
    fn section_claiming_its_own_review_date_is_refused() {
        // A review is one record in content.toml, filled in only when a clinician has checked.
        let temp = copy_of_real();
        let path = temp.path().join("sections/03-what-are-tkis.md");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("order = ", "last_reviewed = \"2026-11-27\"\norder = ", 1)).unwrap();
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "sections/03-what-are-tkis.md");
        assert!(problem.contains("last_reviewed"), "{problem}");
    }

    #[test]
    fn scanxiety_is_a_feeling_not_a_side_effect() {
        let content = Content::load(&real_dir()).unwrap();
        assert_eq!(content.side_effect("scanxiety").unwrap().group, DiaryGroup::Feeling);
        assert_eq!(content.side_effect("rash").unwrap().group, DiaryGroup::SideEffect);
    }

    #[test]
    fn get_content_sends_the_record_labels_from_the_model() {
        let content = Content::load(&real_dir()).unwrap();
        assert_eq!(content.record.labels, RecordLabels::default());
        let sent = serde_json::to_value(&content.record).unwrap();
        assert_eq!(sent["labels"]["bother"][2]["label"], "A lot");
    }

    #[test]
    fn the_ui_reads_the_source_and_review_in_camel_case() {
        let content = Content::load(&real_dir()).unwrap();
        let meta = serde_json::to_value(&content.meta).unwrap();
        assert_eq!(meta["source"]["flowchartDated"], "February 2025");
        assert!(meta["source"]["linksNote"].is_string());
        assert!(meta["reviews"][0]["review"].is_null(), "not checked by a clinician yet");
        assert!(meta["reviews"][0]["title"].is_string());
        assert_eq!(meta["producer"]["name"], "the ALK Companion developers");
    }

    /// A copy of the real content with one section's settings line changed.
    fn with_front_matter(section: &str, from: &str, to: &str) -> tempfile::TempDir {
        edited(&format!("sections/{section}"), from, to)
    }

    /// A copy of the real content with the first `from` in `file` replaced by `to`.
    fn edited(file: &str, from: &str, to: &str) -> tempfile::TempDir {
        let temp = copy_of_real();
        let path = temp.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = text.replacen(from, to, 1);
        assert_ne!(text, changed, "{file} has no {from}");
        std::fs::write(&path, changed).unwrap();
        temp
    }

    #[test]
    fn a_scope_is_read_and_given_its_first_line() {
        let content = Content::load(&real_dir()).unwrap();
        let section = content.sections.iter().find(|s| s.id == "early-stage").unwrap();
        assert_eq!(section.scope, Scope::Early);
        assert!(section.currency);
        assert_eq!(content.scope_line(section), "About early-stage ALK-positive lung cancer.");
        let json = serde_json::to_value(section).unwrap();
        assert_eq!((json["scope"].as_str(), json["currency"].as_bool()), (Some("early"), Some(true)));
    }

    #[test]
    fn an_unknown_scope_is_refused() {
        let temp = with_front_matter("08-early-stage.md", "scope = \"early\"", "scope = \"late\"");
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "sections/08-early-stage.md");
        assert!(problem.contains("late") && problem.contains("everyone"), "{problem}");
    }

    #[test]
    fn every_page_says_who_it_is_about() {
        let temp = with_front_matter("13-care-team.md", "scope = \"everyone\"\n", "");
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "sections/13-care-team.md");
        assert!(problem.contains("scope"), "{problem}");
    }

    #[test]
    fn a_page_linking_to_an_unknown_web_page_is_refused() {
        let temp = with_front_matter("13-care-team.md", "order = ", "links = [\"made-up-site\"]\norder = ");
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "sections/13-care-team.md");
        assert!(problem.contains("made-up-site"), "{problem}");
    }

    #[test]
    fn a_link_that_is_not_a_whole_https_address_is_refused() {
        let temp = edited("links.toml", "https://www.", "file:///www.");
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "links.toml");
        assert!(problem.contains("alk-positive-uk"), "{problem}");
    }

    #[test]
    fn the_charity_site_is_the_only_link_and_has_the_sources_own_words() {
        let content = Content::load(&real_dir()).unwrap();
        let ids: Vec<&str> = content.links.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["alk-positive-uk"], "add an address only when it is really known");
        let link = content.link("alk-positive-uk").unwrap();
        assert_eq!(
            (link.label.as_str(), link.address.as_str()),
            ("ALKPositive.org.uk", "https://www.alkpositive.org.uk")
        );
    }

    #[test]
    fn safety_netting_is_marked_as_not_from_the_source() {
        let content = Content::load(&real_dir()).unwrap();
        let safety = &content.safety;
        assert_eq!(safety.not_from_source, NotFromSource::SafetyNetting);
        assert!(safety.team_line(None).contains("24-hour line or acute oncology line"));
        assert!(safety.team_line(Some("Ward 5, 0800 000 000")).contains("Ward 5, 0800 000 000"));
        assert!(safety.emergency.contains("999") && safety.emergency.contains("A&E"));
        assert!(safety.unsure.contains("NHS 111"));

        let temp = edited("safety.toml", "\"safety-netting\"", "\"app-help\"");
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "safety.toml");
        assert!(problem.contains("not_from_source"), "{problem}");
    }

    #[test]
    fn glossary_term_defined_twice_is_refused() {
        let temp = copy_of_real();
        let path = temp.path().join("glossary.toml");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("\n[[term]]\nid = \"tki\"\nterm = \"TKI\"\ndefinition = \"Again.\"\n");
        std::fs::write(&path, text).unwrap();
        let (file, problem) = load_err(temp.path());
        assert_eq!(file, "glossary.toml");
        assert!(problem.contains("tki"), "{problem}");
    }
}
