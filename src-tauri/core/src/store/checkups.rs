//! Scans and check-ups: the next one and the past ones, as dates the patient gives.

use rusqlite::{params, OptionalExtension, Row};

use super::backup::{all_rows, check_rows, on_lists, BackupPart, WithBinDate};
use super::{check_text, not_found, Store, MAX_ANSWER_CHARS};
use crate::dates::check_date;
use crate::model::{Checkup, CheckupInput};
use crate::Result;

pub(super) fn from_row(row: &Row) -> rusqlite::Result<Checkup> {
    Ok(Checkup { id: row.get(0)?, fields: CheckupInput { on_date: row.get(1)?, kind: row.get(2)?, note: row.get(3)? } })
}

pub(super) const COLUMNS: &str = "id, on_date, kind, note";

/// The backup's `checkups`, each with its bin date.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        backup.checkups = all_rows(store, COLUMNS, "checkup", "on_date, id", from_row)?;
        Ok(())
    },
    check: |backup| check_rows(&backup.checkups, |c| c.id, |c| c.fields.check()),
    import: |conn, backup| {
        let mut insert =
            conn.prepare("INSERT INTO checkup (id, on_date, kind, note, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for WithBinDate { item: c, deleted_at } in &backup.checkups {
            insert.execute(params![c.id, c.fields.on_date, c.fields.kind, c.fields.note, deleted_at])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.checkups = on_lists(&backup.checkups, |c| c.deleted_at.is_some()),
};

impl CheckupInput {
    pub(super) fn check(&self) -> Result<()> {
        check_date(&self.on_date, "date")?;
        check_text(&self.note, MAX_ANSWER_CHARS, "note")
    }
}

impl Store {
    /// Every scan and check-up, earliest first. The UI splits next from past by today's date.
    pub fn checkups(&self) -> Result<Vec<Checkup>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM checkup WHERE deleted_at IS NULL ORDER BY on_date, id"))?;
        let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn add_checkup(&mut self, input: &CheckupInput) -> Result<Checkup> {
        input.check()?;
        self.conn.execute(
            "INSERT INTO checkup (on_date, kind, note) VALUES (?1, ?2, ?3)",
            params![input.on_date, input.kind, input.note],
        )?;
        let id = self.conn.last_insert_rowid();
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM checkup WHERE id = ?1"), params![id], from_row)
            .optional()?
            .ok_or_else(|| not_found("scan"))
    }

    /// Moves a scan or check-up to the bin.
    pub fn delete_checkup(&mut self, id: i64) -> Result<()> {
        self.bin_row("checkup", id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CheckupKind;

    #[test]
    fn checkups_list_in_date_order() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .add_checkup(&CheckupInput { on_date: "2027-01-05".into(), kind: CheckupKind::CtScan, note: String::new() })
            .unwrap();
        store
            .add_checkup(&CheckupInput {
                on_date: "2026-10-05".into(),
                kind: CheckupKind::HeadScan,
                note: "MRI".into(),
            })
            .unwrap();
        let all = store.checkups().unwrap();
        assert_eq!(all[0].fields.kind, CheckupKind::HeadScan);
        assert_eq!(all[1].fields.on_date, "2027-01-05");
        assert!(store
            .add_checkup(&CheckupInput { on_date: "2026-13-01".into(), kind: CheckupKind::XRay, note: String::new() })
            .is_err());
    }
}
