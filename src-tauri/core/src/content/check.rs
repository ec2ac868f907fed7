//! Checks that keep broken content from shipping: every link points somewhere real.

use std::collections::HashSet;

use super::{content_error, Block, Content, Inline};
use crate::Result;

pub(super) fn check(content: &Content) -> Result<()> {
    unique(
        "questions.toml",
        "topic",
        content.topics.iter().map(|t| t.id.as_str()),
    )?;
    unique(
        "questions.toml",
        "question",
        content.questions.iter().map(|q| q.id.as_str()),
    )?;
    unique(
        "glossary.toml",
        "term",
        content.glossary.iter().map(|t| t.id.as_str()),
    )?;
    unique(
        "checklist.toml",
        "step",
        content.checklist.iter().map(|s| s.id.as_str()),
    )?;
    unique(
        "references.toml",
        "reference",
        content.references.iter().map(|r| r.id.as_str()),
    )?;
    unique(
        "sections",
        "section",
        content.sections.iter().map(|s| s.id.as_str()),
    )?;

    let topics: HashSet<&str> = content.topics.iter().map(|t| t.id.as_str()).collect();
    let sections: HashSet<&str> = content.sections.iter().map(|s| s.id.as_str()).collect();
    let terms: HashSet<&str> = content.glossary.iter().map(|t| t.id.as_str()).collect();
    let references: HashSet<&str> = content.references.iter().map(|r| r.id.as_str()).collect();

    for q in &content.questions {
        if !topics.contains(q.topic.as_str()) {
            return Err(content_error(
                "questions.toml",
                format!(
                    "question {} has topic {}, which does not exist",
                    q.id, q.topic
                ),
            ));
        }
        if !sections.contains(q.section.as_str()) {
            return Err(content_error(
                "questions.toml",
                format!(
                    "question {} has section {}, which does not exist",
                    q.id, q.section
                ),
            ));
        }
        if q.text.trim().is_empty() {
            return Err(content_error(
                "questions.toml",
                format!("question {} has no text", q.id),
            ));
        }
    }
    for section in &content.sections {
        let file = section.file.as_str();
        if !is_date(&section.last_reviewed) {
            return Err(content_error(
                file,
                "last_reviewed must be a date written YYYY-MM-DD",
            ));
        }
        for reference in &section.references {
            if !references.contains(reference.as_str()) {
                return Err(content_error(
                    file,
                    format!("reference {reference} is not in references.toml"),
                ));
            }
        }
        for id in term_ids(&section.blocks) {
            if !terms.contains(id) {
                return Err(content_error(
                    file,
                    format!("glossary word {id} is not in glossary.toml"),
                ));
            }
        }
    }
    Ok(())
}

fn unique<'a>(file: &str, what: &str, ids: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(content_error(
                file,
                format!("the {what} id {id} is used twice"),
            ));
        }
    }
    Ok(())
}

fn term_ids(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Heading { .. } => Vec::new(),
            Block::Paragraph { inlines } => inline_ids(inlines),
            Block::List { items } => items.iter().flat_map(|i| inline_ids(i)).collect(),
        })
        .collect()
}

fn inline_ids(inlines: &[Inline]) -> Vec<&str> {
    inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Term { id, .. } => Some(id.as_str()),
            Inline::Text { .. } => None,
        })
        .collect()
}

/// YYYY-MM-DD with a real month and day.
pub(crate) fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates_must_be_real() {
        assert!(is_date("2026-11-27"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2025-02-29"));
        assert!(!is_date("2026-02-30"));
        assert!(!is_date("27/11/2026"));
    }
}
