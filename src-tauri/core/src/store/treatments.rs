//! The treatment history, as a record only. The app shows it and never comments on it.

use rusqlite::{params, OptionalExtension, Row};

use super::backup::{all_rows, check_rows, on_lists, BackupPart, WithBinDate};
use super::{check_text, not_found, Store, MAX_ANSWER_CHARS, MAX_SHORT_CHARS};
use crate::dates::check_date;
use crate::model::{Treatment, TreatmentInput};
use crate::{Error, Result};

impl TreatmentInput {
    pub(super) fn check(&self) -> Result<()> {
        if self.drug.trim().is_empty() || (self.drug == "other" && self.other_name.trim().is_empty()) {
            return Err(Error::Invalid("Please choose the treatment, or write its name.".into()));
        }
        check_text(&self.other_name, MAX_SHORT_CHARS, "treatment name")?;
        check_text(&self.reason_note, MAX_ANSWER_CHARS, "reason")?;
        check_date(&self.started_on, "start date")?;
        if let Some(stopped) = &self.stopped_on {
            check_date(stopped, "stop date")?;
            // Dates are YYYY-MM-DD, so text order is time order.
            if stopped.as_str() < self.started_on.as_str() {
                return Err(Error::Invalid("The stop date is before the start date. Please check both dates.".into()));
            }
        }
        Ok(())
    }
}

pub(super) fn from_row(row: &Row) -> rusqlite::Result<Treatment> {
    Ok(Treatment {
        id: row.get(0)?,
        fields: TreatmentInput {
            drug: row.get(1)?,
            other_name: row.get(2)?,
            started_on: row.get(3)?,
            stopped_on: row.get(4)?,
            stop_reason: row.get(5)?,
            reason_note: row.get(6)?,
        },
    })
}

pub(super) const COLUMNS: &str = "id, drug, other_name, started_on, stopped_on, stop_reason, reason_note";

/// The backup's `treatments`, each with its bin date.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        backup.treatments = all_rows(store, COLUMNS, "treatment", "started_on, id", from_row)?;
        Ok(())
    },
    check: |backup| check_rows(&backup.treatments, |t| t.id, |t| t.fields.check()),
    import: |conn, backup| {
        let mut insert = conn.prepare(
            "INSERT INTO treatment (id, drug, other_name, started_on, stopped_on, stop_reason, reason_note, deleted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for WithBinDate { item: t, deleted_at } in &backup.treatments {
            let f = &t.fields;
            insert.execute(params![
                t.id,
                f.drug,
                f.other_name,
                f.started_on,
                f.stopped_on,
                f.stop_reason,
                f.reason_note,
                deleted_at
            ])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.treatments = on_lists(&backup.treatments, |t| t.deleted_at.is_some()),
};

impl Store {
    /// The history, earliest start first.
    pub fn treatments(&self) -> Result<Vec<Treatment>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM treatment WHERE deleted_at IS NULL ORDER BY started_on, id"))?;
        let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn treatment(&self, id: i64) -> Result<Treatment> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM treatment WHERE id = ?1 AND deleted_at IS NULL"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| not_found("treatment"))
    }

    /// Adds a treatment (`id` none) or changes one.
    pub fn save_treatment(&mut self, id: Option<i64>, input: &TreatmentInput) -> Result<Treatment> {
        input.check()?;
        // One set of values for both: an insert with id NULL gets a new id from SQLite.
        let sql = if id.is_some() {
            "UPDATE treatment SET drug = ?2, other_name = ?3, started_on = ?4, stopped_on = ?5,
             stop_reason = ?6, reason_note = ?7 WHERE id = ?1 AND deleted_at IS NULL"
        } else {
            "INSERT INTO treatment (id, drug, other_name, started_on, stopped_on, stop_reason, reason_note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        };
        let values = params![
            id,
            input.drug,
            input.other_name,
            input.started_on,
            input.stopped_on,
            input.stop_reason,
            input.reason_note
        ];
        if self.conn.execute(sql, values)? == 0 {
            return Err(not_found("treatment"));
        }
        let id = id.unwrap_or_else(|| self.conn.last_insert_rowid());
        self.treatment(id)
    }

    /// Moves a treatment to the bin.
    pub fn delete_treatment(&mut self, id: i64) -> Result<()> {
        self.bin_row("treatment", id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StopReason;
    use crate::ErrorKind;

    fn input(started: &str, stopped: Option<&str>) -> TreatmentInput {
        TreatmentInput {
            drug: "alectinib".into(),
            other_name: String::new(),
            started_on: started.into(),
            stopped_on: stopped.map(Into::into),
            stop_reason: stopped.map(|_| StopReason::SideEffects),
            reason_note: "Skin trouble in the sun".into(),
        }
    }

    #[test]
    fn history_keeps_dates_and_reasons() {
        let mut store = Store::open_in_memory().unwrap();
        let t = store.save_treatment(None, &input("2024-03-01", Some("2025-01-15"))).unwrap();
        assert_eq!(t.fields.stop_reason, Some(StopReason::SideEffects));
        store.save_treatment(None, &input("2023-01-01", None)).unwrap();
        let all = store.treatments().unwrap();
        assert_eq!(all[0].fields.started_on, "2023-01-01");
        assert_eq!(all[1], t);
    }

    #[test]
    fn stop_before_start_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.save_treatment(None, &input("2025-03-01", Some("2025-02-01"))).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.plain_message().contains("before the start date"));
        assert!(store.treatments().unwrap().is_empty());
    }

    #[test]
    fn other_treatment_needs_a_name() {
        let mut store = Store::open_in_memory().unwrap();
        let mut other = input("2025-03-01", None);
        other.drug = "other".into();
        assert!(store.save_treatment(None, &other).is_err());
        other.other_name = "Chemotherapy".into();
        assert_eq!(store.save_treatment(None, &other).unwrap().fields.other_name, "Chemotherapy");
    }
}
