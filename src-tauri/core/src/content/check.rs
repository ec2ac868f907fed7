//! Checks that keep broken content from shipping: every link points somewhere real.

use std::collections::HashSet;

use super::{content_error, Block, Content, Inline, NotFromSource};
use crate::Result;

pub(super) fn check(content: &Content) -> Result<()> {
    unique("questions.toml", "topic", content.topics.iter().map(|t| t.id.as_str()))?;
    // A retired id is never reused: a saved list that chose it must keep meaning the old question.
    unique(
        "questions.toml",
        "question",
        content.questions.iter().chain(content.retired_questions.iter().map(|r| &r.question)).map(|q| q.id.as_str()),
    )?;
    unique("glossary.toml", "term", content.glossary.iter().map(|t| t.id.as_str()))?;
    unique(
        "checklist.toml",
        "step",
        content.checklist.iter().chain(content.retired_checklist.iter().map(|r| &r.step)).map(|s| s.id.as_str()),
    )?;
    unique("references.toml", "reference", content.references.iter().map(|r| r.id.as_str()))?;
    unique("sections", "section", content.sections.iter().map(|s| s.id.as_str()))?;
    unique("links.toml", "link", content.links.iter().map(|l| l.id.as_str()))?;
    links(content)?;
    safety(content)?;

    unique("record.toml", "drug", content.record.drugs.iter().map(|d| d.id.as_str()))?;
    unique("record.toml", "side_effect", content.record.side_effects.iter().map(|s| s.id.as_str()))?;

    let topics: HashSet<&str> = content.topics.iter().map(|t| t.id.as_str()).collect();
    let sections: HashSet<&str> = content.sections.iter().map(|s| s.id.as_str()).collect();
    let terms: HashSet<&str> = content.glossary.iter().map(|t| t.id.as_str()).collect();
    let references: HashSet<&str> = content.references.iter().map(|r| r.id.as_str()).collect();

    for q in &content.questions {
        if !topics.contains(q.topic.as_str()) {
            return Err(content_error(
                "questions.toml",
                format!("question {} has topic {}, which does not exist", q.id, q.topic),
            ));
        }
        if let Some(section) = q.section.as_deref().filter(|s| !sections.contains(s)) {
            return Err(content_error(
                "questions.toml",
                format!("question {} has section {section}, which does not exist", q.id),
            ));
        }
        if q.text.trim().is_empty() {
            return Err(content_error("questions.toml", format!("question {} has no text", q.id)));
        }
    }
    let current: HashSet<&str> = content.questions.iter().map(|q| q.id.as_str()).collect();
    for retired in &content.retired_questions {
        let q = &retired.question;
        // The pack prints a retired question under its old topic.
        if !topics.contains(q.topic.as_str()) {
            return Err(content_error(
                "questions.toml",
                format!("retired question {} has topic {}, which does not exist", q.id, q.topic),
            ));
        }
        if q.text.trim().is_empty() {
            return Err(content_error("questions.toml", format!("retired question {} must keep its old text", q.id)));
        }
        if let Some(next) = retired.replaced_by.as_deref().filter(|next| !current.contains(next)) {
            return Err(content_error(
                "questions.toml",
                format!("retired question {} is replaced by {next}, which is not a current question", q.id),
            ));
        }
    }
    for retired in &content.retired_checklist {
        if let Some(next) =
            retired.replaced_by.as_deref().filter(|next| content.checklist.iter().all(|s| s.id != *next))
        {
            return Err(content_error(
                "checklist.toml",
                format!("retired step {} is replaced by {next}, which is not a current step", retired.step.id),
            ));
        }
    }
    for section in &content.sections {
        let file = section.file.as_str();
        for reference in &section.references {
            if !references.contains(reference.as_str()) {
                return Err(content_error(file, format!("reference {reference} is not in references.toml")));
            }
        }
        for link in &section.links {
            if content.link(link).is_none() {
                return Err(content_error(file, format!("link {link} is not in links.toml")));
            }
        }
        for id in term_ids(&section.blocks) {
            if !terms.contains(id) {
                return Err(content_error(file, format!("glossary word {id} is not in glossary.toml")));
            }
        }
    }
    Ok(())
}

/// Only whole https addresses: a browser is asked to open nothing else.
fn links(content: &Content) -> Result<()> {
    for link in &content.links {
        let host = link.address.strip_prefix("https://").unwrap_or_default();
        if host.is_empty() || link.address.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(content_error("links.toml", format!("link {} must be a whole https:// address", link.id)));
        }
        if link.label.trim().is_empty() {
            return Err(content_error("links.toml", format!("link {} needs a label", link.id)));
        }
    }
    Ok(())
}

/// Safety-netting is not from the source, so it must carry that mark, and every line is needed.
fn safety(content: &Content) -> Result<()> {
    let safety = &content.safety;
    if safety.not_from_source != NotFromSource::SafetyNetting {
        return Err(content_error("safety.toml", "not_from_source must be \"safety-netting\""));
    }
    let texts = [
        ("heading", &safety.heading),
        ("team", &safety.team),
        ("team_with_line", &safety.team_with_line),
        ("emergency", &safety.emergency),
        ("unsure", &safety.unsure),
        ("marked", &safety.marked),
    ];
    if let Some((name, _)) = texts.iter().find(|(_, text)| text.trim().is_empty()) {
        return Err(content_error("safety.toml", format!("{name} must not be empty")));
    }
    if let Some(page) = safety.pages.iter().find(|page| content.sections.iter().all(|s| &s.id != *page)) {
        return Err(content_error("safety.toml", format!("page {page} is not a section")));
    }
    if !safety.team_with_line.contains("{line}") {
        return Err(content_error("safety.toml", "team_with_line must say where the 24-hour line goes: {line}"));
    }
    Ok(())
}

fn unique<'a>(file: &str, what: &str, ids: impl Iterator<Item = &'a str>) -> Result<()> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(content_error(file, format!("the {what} id {id} is used twice")));
        }
    }
    Ok(())
}

fn term_ids(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Heading { .. } => Vec::new(),
            Block::Paragraph { inlines, .. } => inline_ids(inlines),
            Block::List { items, .. } => items.iter().flat_map(|i| inline_ids(i)).collect(),
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
