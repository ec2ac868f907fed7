//! What the patient has half typed into a form, kept until it is added or cleared, so leaving
//! the screen or closing the window never loses it. Kept among the settings, so a backup
//! carries it and "Delete all my information" removes it.

use std::collections::BTreeMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_text, Store, MAX_ANSWER_CHARS};
use crate::{Error, Result};

/// The forms that keep what is half typed in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DraftForm {
    Appointment,
    Treatment,
    Diary,
    Checkup,
    Contact,
    OwnQuestion,
}

impl DraftForm {
    fn key(self) -> String {
        let name = super::choices::serde_name(&self).unwrap_or_default();
        format!("draft.{name}")
    }
}

/// A form's boxes by name, as typed.
pub type DraftFields = BTreeMap<String, String>;

/// More boxes than any form has: a draft is never a place to keep a file.
const MAX_FIELDS: usize = 20;

impl Store {
    /// What was half typed in `form`, or nothing.
    pub fn draft(&self, form: DraftForm) -> Result<DraftFields> {
        Ok(self.setting(&form.key())?.and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default())
    }

    /// Keeps what is typed in `form`; a form with nothing typed keeps nothing.
    pub fn save_draft(&mut self, form: DraftForm, fields: &DraftFields) -> Result<()> {
        if fields.len() > MAX_FIELDS {
            return Err(Error::Invalid("That form has more boxes than the app knows.".into()));
        }
        for (name, value) in fields {
            if name.is_empty() || name.len() > 40 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(Error::Invalid("That form has a box the app does not know.".into()));
            }
            check_text(value, MAX_ANSWER_CHARS, "text in that box")?;
        }
        if fields.values().all(|v| v.trim().is_empty()) {
            self.conn.execute("DELETE FROM setting WHERE key = ?1", params![form.key()])?;
            return Ok(());
        }
        let json = serde_json::to_string(fields).map_err(|_| Error::Invalid("That form could not be kept.".into()))?;
        self.set_setting(&form.key(), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> DraftFields {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_half_typed_form_survives_reopening_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let typed = fields(&[("withWhom", "Dr Nowak ٱلسلام 🙂"), ("place", "Clinic 4"), ("date", "15/01/2030")]);
        {
            let mut store = Store::open(&path).unwrap();
            store.save_draft(DraftForm::Appointment, &typed).unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.draft(DraftForm::Appointment).unwrap(), typed);
        assert!(store.draft(DraftForm::Diary).unwrap().is_empty(), "each form keeps its own");
    }

    #[test]
    fn an_emptied_form_keeps_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_draft(DraftForm::Diary, &fields(&[("note", "tired")])).unwrap();
        store.save_draft(DraftForm::Diary, &fields(&[("note", "  "), ("otherWhat", "")])).unwrap();
        assert!(store.draft(DraftForm::Diary).unwrap().is_empty());
        assert!(store.setting("draft.diary").unwrap().is_none(), "the row itself is gone");
    }

    #[test]
    fn a_hostile_draft_is_refused_in_plain_words_and_the_old_one_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let kept = fields(&[("note", "kept")]);
        store.save_draft(DraftForm::Contact, &kept).unwrap();
        let too_long = fields(&[("note", &"x".repeat(MAX_ANSWER_CHARS + 1))]);
        let odd_name = fields(&[("a b", "x")]);
        let many: DraftFields = (0..=MAX_FIELDS).map(|i| (format!("f{i}"), "x".to_owned())).collect();
        for bad in [too_long, odd_name, many, fields(&[("note", "a\0b")])] {
            let err = store.save_draft(DraftForm::Contact, &bad).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
            assert!(!err.plain_message().contains("xxx"), "the message never holds the text");
        }
        assert_eq!(store.draft(DraftForm::Contact).unwrap(), kept);
    }

    #[test]
    fn delete_everything_removes_drafts() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_draft(DraftForm::OwnQuestion, &fields(&[("text", "Can I drive?")])).unwrap();
        store.delete_all().unwrap();
        assert!(store.draft(DraftForm::OwnQuestion).unwrap().is_empty());
    }
}
