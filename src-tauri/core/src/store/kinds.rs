//! Every table of the patient's record, registered once. "Delete everything" empties each, the
//! bin lists, restores and empties those a patient can remove, and the backup carries each
//! through its module's part. A new kind of record adds its entry here, beside its own module
//! (with its `BACKUP`, and its field of `Backup`) and its migration.

use super::backup::BackupPart;
use super::{
    appointments, checklist, checkups, contacts, diary, notes, plan, recordings, settings, treatments, RemovedKind,
};

pub(super) struct RecordTable {
    pub(super) table: &'static str,
    /// For what can go to the bin: its kind, and its id, when removed, date, content id and own
    /// words, in that order, for the bin's list.
    pub(super) bin: Option<(RemovedKind, &'static str)>,
    /// Its part of the backup file.
    pub(super) backup: BackupPart,
}

/// In the order they are emptied: the rows that point at an appointment before it. A backup
/// writes them back in the reverse order.
pub(super) const RECORD_TABLES: [RecordTable; 11] = [
    RecordTable { table: "recording_mark", bin: None, backup: recordings::MARKS_BACKUP },
    RecordTable {
        table: "recording",
        bin: Some((
            RemovedKind::Recording,
            "SELECT id, deleted_at, started_at, NULL, (SELECT with_whom FROM appointment a WHERE a.id = appointment_id)
             FROM recording",
        )),
        backup: recordings::BACKUP,
    },
    RecordTable {
        table: "plan_question",
        bin: Some((
            RemovedKind::Question,
            "SELECT id, deleted_at, (SELECT starts_at FROM appointment a WHERE a.id = appointment_id),
             question_id, own_text FROM plan_question",
        )),
        backup: plan::BACKUP,
    },
    RecordTable {
        table: "note",
        bin: Some((RemovedKind::Note, "SELECT id, deleted_at, NULL, NULL, substr(body, 1, 200) FROM note")),
        backup: notes::BACKUP,
    },
    RecordTable {
        table: "appointment",
        bin: Some((RemovedKind::Appointment, "SELECT id, deleted_at, starts_at, NULL, with_whom FROM appointment")),
        backup: appointments::BACKUP,
    },
    RecordTable { table: "checklist_progress", bin: None, backup: checklist::BACKUP },
    RecordTable {
        table: "treatment",
        bin: Some((RemovedKind::Treatment, "SELECT id, deleted_at, started_on, drug, other_name FROM treatment")),
        backup: treatments::BACKUP,
    },
    RecordTable {
        table: "diary_entry",
        bin: Some((RemovedKind::DiaryEntry, "SELECT id, deleted_at, on_date, what, other_what FROM diary_entry")),
        backup: diary::BACKUP,
    },
    RecordTable {
        table: "checkup",
        bin: Some((RemovedKind::Checkup, "SELECT id, deleted_at, on_date, kind, note FROM checkup")),
        backup: checkups::BACKUP,
    },
    RecordTable { table: "setting", bin: None, backup: settings::BACKUP },
    RecordTable {
        table: "care_contact",
        bin: Some((RemovedKind::Contact, "SELECT id, deleted_at, NULL, phone, name FROM care_contact")),
        backup: contacts::BACKUP,
    },
];

/// The tables whose rows can go to the bin, with their kind and the bin's list.
pub(super) fn binnable() -> impl Iterator<Item = (&'static str, RemovedKind, &'static str)> {
    RECORD_TABLES.iter().filter_map(|t| t.bin.map(|(kind, select)| (t.table, kind, select)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    /// A table added by a migration but not registered here would survive "delete everything".
    #[test]
    fn every_table_of_the_record_is_registered_and_every_bin_kind_once() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .connection()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'note_words%'")
            .unwrap();
        let mut tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        tables.sort();
        let mut registered: Vec<&str> = RECORD_TABLES.iter().map(|t| t.table).collect();
        registered.sort_unstable();
        assert_eq!(tables, registered);
        let mut kinds: Vec<RemovedKind> = binnable().map(|(_, kind, _)| kind).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds.len(), 8, "each kind the bin holds, once");
    }
}
