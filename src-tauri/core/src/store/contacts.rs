//! The patient's own care team: names and numbers they type in, with the 24-hour or acute
//! oncology line marked. The app supplies no numbers of its own.

use rusqlite::{params, OptionalExtension, Row};

use super::backup::{all_rows, check_rows, on_lists, BackupPart, WithBinDate};
use super::{check_text, not_found, Store, MAX_SHORT_CHARS};
use crate::model::{CareContact, CareContactInput};
use crate::{Error, Result};

impl CareContactInput {
    pub(super) fn check(&self) -> Result<()> {
        if self.name.trim().is_empty() && self.phone.trim().is_empty() {
            return Err(Error::Invalid("Please write a name or a phone number.".into()));
        }
        check_text(&self.name, MAX_SHORT_CHARS, "name")?;
        check_text(&self.role, MAX_SHORT_CHARS, "\"what they do\" box")?;
        check_text(&self.phone, MAX_SHORT_CHARS, "phone number")
    }
}

pub(super) fn from_row(row: &Row) -> rusqlite::Result<CareContact> {
    Ok(CareContact {
        id: row.get(0)?,
        fields: CareContactInput {
            name: row.get(1)?,
            role: row.get(2)?,
            phone: row.get(3)?,
            round_the_clock: row.get(4)?,
        },
    })
}

pub(super) const COLUMNS: &str = "id, name, role, phone, round_the_clock";

/// The backup's `contacts`, each with its bin date; files made before the care team have none.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        backup.contacts = all_rows(store, COLUMNS, "care_contact", "id", from_row)?;
        Ok(())
    },
    check: |backup| check_rows(&backup.contacts, |c| c.id, |c| c.fields.check()),
    import: |conn, backup| {
        let mut insert = conn.prepare(
            "INSERT INTO care_contact (id, name, role, phone, round_the_clock, deleted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for WithBinDate { item: c, deleted_at } in &backup.contacts {
            let f = &c.fields;
            insert.execute(params![c.id, f.name, f.role, f.phone, f.round_the_clock, deleted_at])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.contacts = on_lists(&backup.contacts, |c| c.deleted_at.is_some()),
};

impl Store {
    /// The care team, the 24-hour line first.
    pub fn contacts(&self) -> Result<Vec<CareContact>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM care_contact WHERE deleted_at IS NULL ORDER BY round_the_clock DESC, id"
        ))?;
        let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The first contact marked as the 24-hour line, if any.
    pub fn round_the_clock_line(&self) -> Result<Option<CareContact>> {
        Ok(self.contacts()?.into_iter().find(|c| c.fields.round_the_clock))
    }

    /// Adds a contact (`id` none) or changes one.
    pub fn save_contact(&mut self, id: Option<i64>, input: &CareContactInput) -> Result<CareContact> {
        input.check()?;
        let values = params![id, input.name.trim(), input.role.trim(), input.phone.trim(), input.round_the_clock];
        let sql = if id.is_some() {
            "UPDATE care_contact SET name = ?2, role = ?3, phone = ?4, round_the_clock = ?5
             WHERE id = ?1 AND deleted_at IS NULL"
        } else {
            "INSERT INTO care_contact (id, name, role, phone, round_the_clock) VALUES (?1, ?2, ?3, ?4, ?5)"
        };
        if self.conn.execute(sql, values)? == 0 {
            return Err(not_found("contact"));
        }
        let id = id.unwrap_or_else(|| self.conn.last_insert_rowid());
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM care_contact WHERE id = ?1 AND deleted_at IS NULL"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| not_found("contact"))
    }

    /// Moves a contact to the bin.
    pub fn delete_contact(&mut self, id: i64) -> Result<()> {
        self.bin_row("care_contact", id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, phone: &str, round_the_clock: bool) -> CareContactInput {
        CareContactInput { name: name.into(), role: String::new(), phone: phone.into(), round_the_clock }
    }

    #[test]
    fn the_round_the_clock_line_comes_first_and_a_contact_needs_a_name_or_number() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_contact(None, &input("Dr Nowak", "", false)).unwrap();
        let line = store.save_contact(None, &input("Acute oncology line", "0800 000 000", true)).unwrap();
        assert_eq!(store.contacts().unwrap()[0], line);
        assert_eq!(store.round_the_clock_line().unwrap(), Some(line.clone()));
        assert!(store.save_contact(None, &input(" ", " ", false)).is_err());
        store.delete_contact(line.id).unwrap();
        assert_eq!(store.round_the_clock_line().unwrap(), None);
        store.restore_removed(super::super::RemovedKind::Contact, line.id).unwrap();
        assert_eq!(store.round_the_clock_line().unwrap(), Some(line));
    }
}
