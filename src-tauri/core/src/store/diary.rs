//! The side-effect diary: what, when, how much it bothers you, and a note.

use rusqlite::{params, OptionalExtension, Row};

use super::backup::{all_rows, check_rows, on_lists, BackupPart, WithBinDate};
use super::{check_text, not_found, Store, MAX_ANSWER_CHARS, MAX_SHORT_CHARS};
use crate::dates::check_date;
use crate::model::{DiaryEntry, DiaryInput};
use crate::{Error, Result};

pub(super) fn from_row(row: &Row) -> rusqlite::Result<DiaryEntry> {
    Ok(DiaryEntry {
        id: row.get(0)?,
        fields: DiaryInput {
            on_date: row.get(1)?,
            what: row.get(2)?,
            other_what: row.get(3)?,
            bother: row.get(4)?,
            note: row.get(5)?,
        },
    })
}

pub(super) const COLUMNS: &str = "id, on_date, what, other_what, bother, note";

/// The backup's `diary`, each entry with its bin date.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        backup.diary = all_rows(store, COLUMNS, "diary_entry", "on_date DESC, id DESC", from_row)?;
        Ok(())
    },
    check: |backup| check_rows(&backup.diary, |d| d.id, |d| d.fields.check()),
    import: |conn, backup| {
        let mut insert = conn.prepare(
            "INSERT INTO diary_entry (id, on_date, what, other_what, bother, note, deleted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for WithBinDate { item: d, deleted_at } in &backup.diary {
            let f = &d.fields;
            insert.execute(params![d.id, f.on_date, f.what, f.other_what, f.bother, f.note, deleted_at])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.diary_entries = on_lists(&backup.diary, |d| d.deleted_at.is_some()),
};

impl DiaryInput {
    pub(super) fn check(&self) -> Result<()> {
        check_date(&self.on_date, "date")?;
        if self.what.trim().is_empty() || (self.what == "other" && self.other_what.trim().is_empty()) {
            return Err(Error::Invalid("Please choose what the side effect is, or describe it.".into()));
        }
        check_text(&self.other_what, MAX_SHORT_CHARS, "description")?;
        check_text(&self.note, MAX_ANSWER_CHARS, "note")
    }
}

impl Store {
    /// Entries on or after `since` (`YYYY-MM-DD`), or all of them; the newest first.
    pub fn diary(&self, since: Option<&str>) -> Result<Vec<DiaryEntry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM diary_entry WHERE (?1 IS NULL OR on_date >= ?1) AND deleted_at IS NULL
             ORDER BY on_date DESC, id DESC"
        ))?;
        let rows = stmt.query_map(params![since], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn diary_entry(&self, id: i64) -> Result<DiaryEntry> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM diary_entry WHERE id = ?1 AND deleted_at IS NULL"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| not_found("diary entry"))
    }

    pub fn add_diary_entry(&mut self, input: &DiaryInput) -> Result<DiaryEntry> {
        input.check()?;
        self.conn.execute(
            "INSERT INTO diary_entry (on_date, what, other_what, bother, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![input.on_date, input.what, input.other_what, input.bother, input.note],
        )?;
        self.diary_entry(self.conn.last_insert_rowid())
    }

    /// Moves a diary entry to the bin.
    pub fn delete_diary_entry(&mut self, id: i64) -> Result<()> {
        self.bin_row("diary_entry", id)
    }

    /// The diary since the last appointment before `now`: what the pack prints.
    pub fn diary_since_last_appointment(&self, now: &str) -> Result<Vec<DiaryEntry>> {
        self.diary(self.last_appointment_day(now)?.as_deref())
    }

    /// The day (`YYYY-MM-DD`) of the last appointment before `now`, if there was one.
    pub fn last_appointment_day(&self, now: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT substr(starts_at, 1, 10) FROM appointment WHERE starts_at < ?1 AND deleted_at IS NULL
                 ORDER BY starts_at DESC LIMIT 1",
                params![now],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bother;

    fn entry(on_date: &str, what: &str) -> DiaryInput {
        DiaryInput {
            on_date: on_date.into(),
            what: what.into(),
            other_what: String::new(),
            bother: Bother::QuiteABit,
            note: "After lunch".into(),
        }
    }

    #[test]
    fn since_last_appointment_shows_only_newer_entries() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_appointment(&super::super::appointments::tests_input("2026-11-10T10:00")).unwrap();
        store.add_appointment(&super::super::appointments::tests_input("2026-12-10T10:00")).unwrap();
        store.add_diary_entry(&entry("2026-11-01", "rash")).unwrap();
        store.add_diary_entry(&entry("2026-11-10", "skin-sun")).unwrap();
        store.add_diary_entry(&entry("2026-11-20", "stomach-bowel")).unwrap();
        let since: Vec<String> = store
            .diary_since_last_appointment("2026-11-27T09:00")
            .unwrap()
            .into_iter()
            .map(|e| e.fields.what)
            .collect();
        assert_eq!(since, vec!["stomach-bowel", "skin-sun"]);
        assert_eq!(store.diary(None).unwrap().len(), 3);
    }

    #[test]
    fn other_needs_words_and_dates_must_be_real() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.add_diary_entry(&entry("2026-11-01", "other")).is_err());
        assert!(store.add_diary_entry(&entry("2026-02-30", "rash")).is_err());
        let mut other = entry("2026-11-01", "other");
        other.other_what = "Tired in the afternoons".into();
        assert_eq!(store.add_diary_entry(&other).unwrap().fields.bother, Bother::QuiteABit);
    }
}
