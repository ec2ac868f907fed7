//! Ticks and a short note for each step of the second-opinion checklist.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::backup::{bad_text, on_lists, unique, BackupPart};
use super::{check_text, Store, MAX_ANSWER_CHARS};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepProgress {
    pub step_id: String,
    pub done: bool,
    pub note: String,
}

/// The backup's `checklist`: each step's tick and note.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        backup.checklist = store.checklist_progress()?;
        Ok(())
    },
    check: |backup| {
        unique(backup.checklist.iter().map(|s| s.step_id.as_str()))?;
        for s in &backup.checklist {
            check_text(&s.note, MAX_ANSWER_CHARS, "note").map_err(bad_text)?;
        }
        Ok(())
    },
    import: |conn, backup| {
        let mut insert = conn.prepare("INSERT INTO checklist_progress (step_id, done, note) VALUES (?1, ?2, ?3)")?;
        for s in &backup.checklist {
            insert.execute(params![s.step_id, s.done, s.note])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.checklist_steps = on_lists(&backup.checklist, |_| false),
};

impl Store {
    pub fn checklist_progress(&self) -> Result<Vec<StepProgress>> {
        let mut stmt = self.conn.prepare("SELECT step_id, done, note FROM checklist_progress ORDER BY step_id")?;
        let rows = stmt
            .query_map([], |r| Ok(StepProgress { step_id: r.get(0)?, done: r.get(1)?, note: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn set_step_progress(&mut self, step_id: &str, done: bool, note: &str) -> Result<StepProgress> {
        check_text(note, MAX_ANSWER_CHARS, "note")?;
        self.conn.execute(
            "INSERT INTO checklist_progress (step_id, done, note) VALUES (?1, ?2, ?3)
             ON CONFLICT(step_id) DO UPDATE SET done = excluded.done, note = excluded.note",
            params![step_id, done, note],
        )?;
        Ok(StepProgress { step_id: step_id.into(), done, note: note.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_and_notes_are_kept() {
        let mut store = Store::open_in_memory().unwrap();
        store.set_step_progress("talk-first", true, "Spoke to the nurse").unwrap();
        store.set_step_progress("ask-oncologist", false, "").unwrap();
        store.set_step_progress("talk-first", true, "Spoke to the nurse on Monday").unwrap();
        let progress = store.checklist_progress().unwrap();
        assert_eq!(progress.len(), 2);
        let done: Vec<&str> = progress.iter().filter(|p| p.done).map(|p| p.step_id.as_str()).collect();
        assert_eq!(done, vec!["talk-first"]);
        assert!(progress.iter().any(|p| p.note == "Spoke to the nurse on Monday"));
    }
}
