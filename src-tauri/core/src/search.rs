//! Search as you type across the information pages, questions, glossary and checklist.
//!
//! An index in memory, not SQLite FTS5: the content is a few hundred short texts that never
//! change while the app runs, so a scan of pre-folded words takes well under a millisecond,
//! and the same folding (accents, plurals, prefixes) applies to everything.

use serde::Serialize;
use ts_rs::TS;

use crate::content::Content;
use crate::store::Store;
pub use crate::words::fold;
use crate::words::{snippet, words};
use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HitKind {
    Section,
    Question,
    Term,
    Step,
    Note,
}

/// One search result: what it is, where it leads, and a short piece of its text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    /// The id of the section, question, term or step.
    pub id: String,
    pub title: String,
    pub snippet: String,
}

struct Entry {
    hit: SearchHit,
    /// Folded words of the title, which count more than the body.
    title_words: Vec<String>,
    body_words: Vec<String>,
    /// The body text, for snippets.
    body: String,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// The most results a search returns.
pub const MAX_HITS: usize = 50;

impl SearchIndex {
    pub fn build(content: &Content) -> SearchIndex {
        let mut entries = Vec::new();
        let mut add = |kind: HitKind, id: &str, title: &str, body: String| {
            entries.push(Entry {
                hit: SearchHit { kind, id: id.to_string(), title: title.to_string(), snippet: String::new() },
                title_words: words(title),
                body_words: words(&body),
                body,
            });
        };
        for section in &content.sections {
            let body: Vec<String> = section.blocks.iter().map(|b| b.plain_text()).collect();
            add(HitKind::Section, &section.id, &section.title, format!("{}\n{}", section.summary, body.join("\n")));
        }
        for question in &content.questions {
            let topic = content.topic(&question.topic).map(|t| t.title.as_str()).unwrap_or_default();
            add(HitKind::Question, &question.id, &question.text, topic.to_string());
        }
        for term in &content.glossary {
            add(HitKind::Term, &term.id, &term.term, term.definition.clone());
        }
        for step in &content.checklist {
            add(HitKind::Step, &step.id, &step.text, step.why.clone());
        }
        SearchIndex { entries }
    }

    /// Every entry that has all the query's words, best first. Each query word matches the
    /// start of a word, so results come while the last word is still being typed.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let wanted = words(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, usize, &Entry)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(order, entry)| {
                let mut score = 0;
                for word in &wanted {
                    let in_title = entry.title_words.iter().any(|w| w.starts_with(word.as_str()));
                    let in_body = entry.body_words.iter().any(|w| w.starts_with(word.as_str()));
                    if !in_title && !in_body {
                        return None;
                    }
                    score += if in_title { 3 } else { 1 };
                }
                Some((score, order, entry))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(MAX_HITS)
            .map(|(_, _, entry)| SearchHit { snippet: snippet(&entry.body, &wanted), ..entry.hit.clone() })
            .collect()
    }
}

/// The content's matches first, then the patient's own notes (from the store's FTS5 index).
pub fn search_everything(index: &SearchIndex, store: &Store, query: &str) -> Result<Vec<SearchHit>> {
    let mut hits = index.search(query);
    for note in store.search_notes(query, MAX_HITS)? {
        let text = store.note(note.id)?.text;
        let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
        let title: String = first_line.chars().take(80).collect();
        hits.push(SearchHit {
            kind: HitKind::Note,
            id: note.id.to_string(),
            title: if title.is_empty() { "A note".into() } else { title },
            snippet: note.snippet,
        });
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;

    fn index() -> SearchIndex {
        SearchIndex::build(&Content::load(&real_dir()).unwrap())
    }

    #[test]
    fn folding_removes_accents_and_plurals() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("Scans"), "scan");
        assert_eq!(fold("metastases"), fold("metastasis"));
        assert_eq!(fold("therapies"), "therapy");
        assert_eq!(fold("this"), "this");
        assert_eq!(fold("notes"), "note");
        assert_eq!(fold("classes"), "class");
        assert_eq!(fold("illness"), "illness");
        assert_eq!(fold("Łódź"), "łodz");
    }

    #[test]
    fn a_drug_finds_its_pages_and_tki_finds_pages_and_questions() {
        // Questions name no drug (issue 19), so a drug's name finds the pages about it.
        let hits = index().search("alectinib");
        assert!(hits.iter().any(|h| h.kind == HitKind::Section), "{hits:?}");
        let hits = index().search("TKI");
        assert!(hits.iter().any(|h| h.kind == HitKind::Section), "{hits:?}");
        assert!(hits.iter().any(|h| h.kind == HitKind::Question), "{hits:?}");
    }

    #[test]
    fn plural_and_singular_find_the_same_things() {
        let index = index();
        let scan: Vec<String> = index.search("scan").into_iter().map(|h| h.id).collect();
        let scans: Vec<String> = index.search("scans").into_iter().map(|h| h.id).collect();
        assert!(!scan.is_empty());
        assert_eq!(scan, scans);
    }

    #[test]
    fn every_word_must_match() {
        let index = index();
        assert!(index.search("lorlatinib zzzzqqq").is_empty());
        assert!(index.search("   ").is_empty());
        let both = index.search("second opinion");
        assert!(both.iter().any(|h| h.kind == HitKind::Step), "{both:?}");
    }

    #[test]
    fn search_covers_the_patients_notes_too() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_note(None, "Lorlatinib question for Dr Nowak\nand more", None).unwrap();
        let hits = search_everything(&index(), &store, "lorlatinib").unwrap();
        let note = hits.iter().find(|h| h.kind == HitKind::Note).expect("the note is found");
        assert_eq!(note.title, "Lorlatinib question for Dr Nowak");
        assert_eq!(hits.last().unwrap().kind, HitKind::Note, "content comes first");
    }

    #[test]
    fn title_matches_come_first() {
        let hits = index().search("brain");
        assert!(!hits.is_empty());
        let first = hits[0].title.to_lowercase();
        assert!(first.contains("brain"), "{hits:?}");
    }

    #[test]
    fn snippet_shows_the_matching_words() {
        let hits = index().search("photosensitivity");
        let section = hits.iter().find(|h| h.kind == HitKind::Section).expect("a section mentions it");
        assert!(section.snippet.to_lowercase().contains("photosensitiv"), "{section:?}");
        assert!(section.snippet.chars().count() <= 165, "{section:?}");
        assert!(section.snippet.starts_with('…') || section.snippet.starts_with(char::is_uppercase), "{section:?}");
    }
}
