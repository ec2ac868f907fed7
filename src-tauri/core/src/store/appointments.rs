use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::backup::{all_rows, check_rows, damaged, on_lists, unique, Backup, BackupPart, WithBinDate};
use super::{check_text, not_found, Store, MAX_SHORT_CHARS};
use crate::dates::check_date_time;
use crate::model::{Appointment, AppointmentInput};
use crate::Result;

impl AppointmentInput {
    pub(super) fn check(&self) -> Result<()> {
        check_date_time(&self.starts_at, "appointment")?;
        check_text(&self.with_whom, MAX_SHORT_CHARS, "\"who with\" box")?;
        check_text(&self.place, MAX_SHORT_CHARS, "\"where\" box")?;
        check_text(&self.purpose, MAX_SHORT_CHARS, "\"what for\" box")
    }
}

pub(super) fn from_row(row: &Row) -> rusqlite::Result<Appointment> {
    Ok(Appointment {
        id: row.get(0)?,
        fields: AppointmentInput {
            starts_at: row.get(1)?,
            with_whom: row.get(2)?,
            place: row.get(3)?,
            purpose: row.get(4)?,
        },
        uid: row.get(5)?,
        sequence: row.get(6)?,
    })
}

pub(super) const COLUMNS: &str = "id, starts_at, with_whom, place, purpose, uid, sequence";

/// The highest SEQUENCE a calendar reads: RFC 5545's integers are 32-bit and signed.
pub(super) const MAX_SEQUENCE: u32 = i32::MAX as u32;

/// A new appointment's calendar UID: unlike its row id, never given out again.
pub(crate) fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A UID this app could have made: a random UUID, spelt as `new_uid` spells it.
pub(super) fn is_uid(text: &str) -> bool {
    uuid::Uuid::try_parse(text)
        .is_ok_and(|u| u.get_version() == Some(uuid::Version::Random) && u.hyphenated().to_string() == text)
}

/// An appointment with its calendar identity, which the UI is never sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupAppointment {
    pub id: i64,
    #[serde(flatten)]
    pub fields: AppointmentInput,
    /// Missing in files made before it: each such appointment gets a fresh one when it comes in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<u32>,
}

impl From<Appointment> for BackupAppointment {
    fn from(a: Appointment) -> Self {
        BackupAppointment { id: a.id, fields: a.fields, uid: Some(a.uid), sequence: Some(a.sequence) }
    }
}

/// The backup's `appointments`, each with its calendar UID and SEQUENCE.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        let read = |row: &Row| from_row(row).map(BackupAppointment::from);
        backup.appointments = all_rows(store, COLUMNS, "appointment", "starts_at, id", read)?;
        Ok(())
    },
    check: |backup| {
        let rows = &backup.appointments;
        check_rows(rows, |a| a.id, |a| a.fields.check())?;
        unique(rows.iter().filter_map(|a| a.item.uid.as_deref()))?;
        let ours =
            |a: &BackupAppointment| a.uid.as_deref().is_none_or(is_uid) && a.sequence.is_none_or(|s| s <= MAX_SEQUENCE);
        if rows.iter().all(|a| ours(&a.item)) {
            Ok(())
        } else {
            Err(damaged())
        }
    },
    import: |conn, backup| {
        let mut insert = conn.prepare(
            "INSERT INTO appointment (id, starts_at, with_whom, place, purpose, deleted_at, uid, sequence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for WithBinDate { item: a, deleted_at } in &backup.appointments {
            let f = &a.fields;
            let uid = a.uid.clone().unwrap_or_else(new_uid);
            insert.execute(params![
                a.id,
                f.starts_at,
                f.with_whom,
                f.place,
                f.purpose,
                deleted_at,
                uid,
                a.sequence.unwrap_or(0)
            ])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.appointments = on_lists(&backup.appointments, |a| a.deleted_at.is_some()),
};

/// Whether a backup's row points at nothing (`None`) or at an appointment in the same file.
pub(super) fn in_backup(backup: &Backup) -> impl Fn(Option<i64>) -> bool {
    let ids: HashSet<i64> = backup.appointments.iter().map(|a| a.item.id).collect();
    move |id| id.is_none_or(|id| ids.contains(&id))
}

impl Store {
    pub fn add_appointment(&mut self, input: &AppointmentInput) -> Result<Appointment> {
        input.check()?;
        self.conn.execute(
            "INSERT INTO appointment (starts_at, with_whom, place, purpose, uid) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![input.starts_at, input.with_whom, input.place, input.purpose, new_uid()],
        )?;
        self.appointment(self.conn.last_insert_rowid())
    }

    /// Changes an appointment. It keeps its UID, and its SEQUENCE goes up if anything changed,
    /// so a calendar replaces the event it has instead of adding a second.
    pub fn update_appointment(&mut self, id: i64, input: &AppointmentInput) -> Result<Appointment> {
        input.check()?;
        let changed = self.conn.execute(
            &format!(
                "UPDATE appointment SET starts_at = ?2, with_whom = ?3, place = ?4, purpose = ?5,
                 sequence = CASE WHEN (starts_at, with_whom, place, purpose) = (?2, ?3, ?4, ?5) THEN sequence
                                 ELSE min(sequence + 1, {MAX_SEQUENCE}) END
                 WHERE id = ?1 AND deleted_at IS NULL"
            ),
            params![id, input.starts_at, input.with_whom, input.place, input.purpose],
        )?;
        if changed == 0 {
            return Err(not_found("appointment"));
        }
        self.appointment(id)
    }

    /// Moves the appointment to the bin; its question list and answers go with it and come
    /// back with it. Its notes stay where they are.
    pub fn delete_appointment(&mut self, id: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE appointment SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1 AND deleted_at IS NULL",
            params![id],
        )?;
        Ok(())
    }

    pub fn restore_appointment(&mut self, id: i64) -> Result<Appointment> {
        let changed = self.conn.execute(
            "UPDATE appointment SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            params![id],
        )?;
        if changed == 0 {
            return Err(not_found("appointment"));
        }
        self.appointment(id)
    }

    pub fn appointment(&self, id: i64) -> Result<Appointment> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM appointment WHERE id = ?1 AND deleted_at IS NULL"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| not_found("appointment"))
    }

    /// Every appointment, earliest first.
    pub fn appointments(&self) -> Result<Vec<Appointment>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM appointment WHERE deleted_at IS NULL ORDER BY starts_at, id"))?;
        let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The first appointment at or after `now` (local `YYYY-MM-DDTHH:MM`).
    pub fn next_appointment(&self, now: &str) -> Result<Option<Appointment>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM appointment WHERE starts_at >= ?1 AND deleted_at IS NULL
                     ORDER BY starts_at, id LIMIT 1"
                ),
                params![now],
                from_row,
            )
            .optional()?)
    }
}

/// A filled-in appointment for other parts' tests.
#[cfg(test)]
pub(crate) fn tests_input(starts_at: &str) -> AppointmentInput {
    tests::input(starts_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    pub(crate) fn input(starts_at: &str) -> AppointmentInput {
        AppointmentInput {
            starts_at: starts_at.into(),
            with_whom: "Dr Nowak, oncologist".into(),
            place: "Clinic 4, St Mary’s".into(),
            purpose: "Scan results".into(),
        }
    }

    #[test]
    fn appointments_list_in_time_order_and_next_is_found() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_appointment(&input("2026-12-10T09:00")).unwrap();
        let earlier = store.add_appointment(&input("2026-11-01T14:30")).unwrap();
        let next = store.add_appointment(&input("2026-12-01T11:15")).unwrap();
        let all = store.appointments().unwrap();
        assert_eq!(all[0], earlier);
        assert_eq!(all.len(), 3);
        assert_eq!(store.next_appointment("2026-11-27T10:00").unwrap(), Some(next));
        assert_eq!(store.next_appointment("2027-01-01T00:00").unwrap(), None);
    }

    #[test]
    fn thirtieth_of_february_is_refused_in_plain_words() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.add_appointment(&input("2027-02-30T10:00")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.plain_message().contains("There is no 30 February"));
        assert!(store.appointments().unwrap().is_empty());
    }

    /// The calendar uid stays in Rust: the UI's `Appointment` binding is unchanged.
    #[test]
    fn the_ui_is_sent_no_uid() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&input("2026-12-10T09:00")).unwrap();
        let sent = serde_json::to_value(&a).unwrap();
        let mut keys: Vec<&str> = sent.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "place", "purpose", "startsAt", "withWhom"]);
    }

    #[test]
    fn editing_a_removed_appointment_says_so() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&input("2026-12-10T09:00")).unwrap();
        store.delete_appointment(a.id).unwrap();
        let err = store.update_appointment(a.id, &input("2026-12-11T09:00")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }
}
