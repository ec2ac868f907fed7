//! Question ids are promises: a patient's saved list points at them, so every id that ever
//! shipped must still resolve, with its text, in every later content version.

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
    #[allow(dead_code)] // read by people, not by the test
    content: String,
    ids: Vec<String>,
}

fn shipped_ids() -> BTreeSet<String> {
    let text = std::fs::read_to_string(real_dir().join("shipped-question-ids.toml")).unwrap();
    let file: ShippedFile = toml::from_str(&text).unwrap();
    file.version.into_iter().flat_map(|v| v.ids).collect()
}

#[test]
fn every_shipped_question_id_is_current_or_retired() {
    let content = Content::load(&real_dir()).unwrap();
    let missing: Vec<String> = shipped_ids().into_iter().filter(|id| content.question(id).is_none()).collect();
    assert!(
        missing.is_empty(),
        "these ids shipped, so saved lists may name them; keep each as a question or a [[retired]] one: {missing:?}"
    );
}

#[test]
fn every_current_question_id_is_recorded_as_shipped() {
    let content = Content::load(&real_dir()).unwrap();
    let shipped = shipped_ids();
    let unrecorded: Vec<&str> =
        content.questions.iter().map(|q| q.id.as_str()).filter(|id| !shipped.contains(*id)).collect();
    assert!(unrecorded.is_empty(), "add these ids to shipped-question-ids.toml: {unrecorded:?}");
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

/// Prints the figures for a closing note: `cargo test -p alk-core question_id_figures -- --ignored --nocapture`.
#[test]
#[ignore]
fn question_id_figures() {
    let content = Content::load(&real_dir()).unwrap();
    println!(
        "question ids shipped: {}, current: {}, retired: {}",
        shipped_ids().len(),
        content.questions.len(),
        content.retired_questions.len()
    );
}
