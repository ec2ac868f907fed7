//! Ids are promises: a patient's record and backups point at question, checklist step, drug and
//! diary ids, so every id that ever shipped must still resolve, with its words, in every later
//! content version. `shipped-ids.toml` records them, built from git history.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::tests::real_dir;
use super::Content;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShippedFile {
    version: Vec<ShippedVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShippedVersion {
    #[allow(dead_code)] // for people reading the file
    content: String,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    checklist_steps: Vec<String>,
    #[serde(default)]
    drugs: Vec<String>,
    #[serde(default)]
    diary: Vec<String>,
}

#[derive(Default)]
struct Shipped {
    questions: BTreeSet<String>,
    checklist_steps: BTreeSet<String>,
    drugs: BTreeSet<String>,
    diary: BTreeSet<String>,
}

fn shipped() -> Shipped {
    let text = std::fs::read_to_string(real_dir().join("shipped-ids.toml")).unwrap();
    let file: ShippedFile = toml::from_str(&text).unwrap();
    file.version.into_iter().fold(Shipped::default(), |mut all, v| {
        all.questions.extend(v.questions);
        all.checklist_steps.extend(v.checklist_steps);
        all.drugs.extend(v.drugs);
        all.diary.extend(v.diary);
        all
    })
}

fn unresolved(ids: &BTreeSet<String>, resolves: impl Fn(&str) -> bool) -> Vec<&str> {
    ids.iter().map(String::as_str).filter(|id| !resolves(id)).collect()
}

fn unrecorded<'a>(current: impl Iterator<Item = &'a str>, shipped: &BTreeSet<String>) -> Vec<&'a str> {
    current.filter(|id| !shipped.contains(*id)).collect()
}

#[test]
fn every_shipped_question_id_is_current_or_retired() {
    let content = Content::load(&real_dir()).unwrap();
    let shipped = shipped();
    let missing = unresolved(&shipped.questions, |id| content.question(id).is_some());
    assert!(
        missing.is_empty(),
        "these question ids shipped, so saved lists may name them; keep each as a question or a [[retired]] one: {missing:?}"
    );
}

#[test]
fn every_shipped_step_drug_and_diary_id_still_resolves() {
    let content = Content::load(&real_dir()).unwrap();
    let shipped = shipped();
    let steps = unresolved(&shipped.checklist_steps, |id| content.checklist_step(id).is_some());
    let drugs = unresolved(&shipped.drugs, |id| content.drug(id).is_some());
    let diary = unresolved(&shipped.diary, |id| content.side_effect(id).is_some());
    assert!(steps.is_empty() && drugs.is_empty() && diary.is_empty(), "{steps:?} {drugs:?} {diary:?}");
}

#[test]
fn every_current_id_is_recorded_as_shipped() {
    let content = Content::load(&real_dir()).unwrap();
    let shipped = shipped();
    let missing = [
        unrecorded(content.questions.iter().map(|q| q.id.as_str()), &shipped.questions),
        unrecorded(content.checklist.iter().map(|s| s.id.as_str()), &shipped.checklist_steps),
        unrecorded(content.record.drugs.iter().map(|d| d.id.as_str()), &shipped.drugs),
        unrecorded(content.record.side_effects.iter().map(|s| s.id.as_str()), &shipped.diary),
    ]
    .concat();
    assert!(missing.is_empty(), "add these ids to shipped-ids.toml under the new content version: {missing:?}");
}

#[test]
fn a_retired_question_keeps_its_old_text_for_saved_lists() {
    let content = Content::load(&real_dir()).unwrap();
    // tki-how-long asked whether the TKI works, not how long; it is retired, not reworded.
    let old = content.question("tki-how-long").expect("a retired id still resolves");
    assert_eq!(old.text, "How will we know if my TKI is working?");
    assert!(!content.questions.iter().any(|q| q.id == "tki-how-long"), "no longer offered in the library");
    let retired = content.retired_questions.iter().find(|r| r.question.id == "tki-how-long").unwrap();
    assert_eq!(retired.replaced_by.as_deref(), Some("prog-how-know"));
}

#[test]
fn a_retired_checklist_step_keeps_its_old_words_for_saved_ticks() {
    let content = Content::load(&real_dir()).unwrap();
    let old = content.checklist_step("ask-gp").expect("a retired step still resolves");
    assert_eq!(old.text, "Or you can ask your GP to refer you instead.");
    assert!(!content.checklist.iter().any(|s| s.id == "ask-gp"), "no longer shown");
}

/// Prints the figures for a closing note: `cargo test -p alk-core shipped_id_figures -- --ignored --nocapture`.
#[test]
#[ignore]
fn shipped_id_figures() {
    let content = Content::load(&real_dir()).unwrap();
    let shipped = shipped();
    println!(
        "question ids shipped: {}, current: {}, retired: {}; checklist steps shipped: {}, current: {}, retired: {}",
        shipped.questions.len(),
        content.questions.len(),
        content.retired_questions.len(),
        shipped.checklist_steps.len(),
        content.checklist.len(),
        content.retired_checklist.len(),
    );
}
