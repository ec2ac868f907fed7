//! Backup and moving computers: everything in one versioned JSON file (see the README).
//! An import checks the whole file first, with the same checks as typing, and then replaces
//! the record in one transaction, so a bad file changes nothing. Each kind of record keeps its
//! own part of the file in its own module (its `BACKUP`), registered in `kinds`.

use std::collections::HashSet;

use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::appointments::BackupAppointment;
use super::kinds::RECORD_TABLES;
use super::plan::BackupQuestion;
use super::recordings::{BackupRecording, RecordingAudio};
use super::{delete_everything, StepProgress, Store};
use crate::dates::is_timestamp;
use crate::model;
use crate::{Error, Result};

/// The `format` field of every backup file.
pub const BACKUP_FORMAT: &str = "alk-companion-backup";
/// The backup layout this app writes. Version 2 added `deletedAt` to every kind of row, so the
/// bin moves with the backup; version 1 files are still read. An appointment's `uid` and
/// `sequence` came later without a new version: a file without them still reads, and an app
/// before them reads them as fields it does not know. Contacts and recordings came later without a
/// new version too: a file without them still reads, and an app before them finds fields it does
/// not know and calls the file damaged (one with no recordings is written exactly as before). The
/// recordings' sound, when the patient chooses to carry it, is the same: left out, nothing changes.
pub const BACKUP_VERSION: u32 = 2;
const OLDEST_VERSION: u32 = 1;
/// A backup larger than this is not one of ours. Checked before the file is read. With their
/// sound, a year of hour-long monthly appointments is about 290 MB (40 kbit/s, a third more as
/// base64); this is three times that, and reading it takes about three times as much memory.
pub const MAX_BACKUP_BYTES: u64 = 1024 * 1024 * 1024;

/// The file: a field for each kind of record, in the order the file has always kept them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub appointments: Vec<WithBinDate<BackupAppointment>>,
    pub plan_questions: Vec<BackupQuestion>,
    pub notes: Vec<model::NoteItem>,
    pub checklist: Vec<StepProgress>,
    pub treatments: Vec<WithBinDate<model::Treatment>>,
    pub diary: Vec<WithBinDate<model::DiaryEntry>>,
    pub checkups: Vec<WithBinDate<model::Checkup>>,
    pub settings: Vec<(String, String)>,
    /// The care team; missing in files made before it was added.
    #[serde(default)]
    pub contacts: Vec<WithBinDate<model::CareContact>>,
    /// Recordings of appointments (their rows, not their sound) and where each question was
    /// answered. Missing in files made before them, and left out when there are none, so such a
    /// file is the same as before and an app before them reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recordings: Vec<WithBinDate<BackupRecording>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recording_marks: Vec<model::RecordingMark>,
    /// The recordings' sound, only when the patient chooses to carry it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recording_audio: Vec<RecordingAudio>,
}

/// A row of the record, and when it went to the bin if it is there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WithBinDate<T> {
    #[serde(flatten)]
    pub item: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
}

/// What an import would bring in, shown before anything changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupPreview {
    pub exported_at: String,
    pub appointments: u32,
    pub questions: u32,
    pub notes: u32,
    pub checklist_steps: u32,
    pub treatments: u32,
    pub diary_entries: u32,
    pub checkups: u32,
    pub contacts: u32,
}

/// One kind of record's part of the backup, kept in that kind's module. Its rows are its own
/// field of `Backup`.
pub(super) struct BackupPart {
    /// Puts every row, in the bin or not, into its field.
    pub(super) export: fn(&Store, &mut Backup) -> Result<()>,
    /// The same checks as typing, each id once, and every reference to something in the file.
    pub(super) check: fn(&Backup) -> Result<()>,
    /// Writes its rows into the emptied record.
    pub(super) import: fn(&Connection, &Backup) -> Result<()>,
    /// Counts what is on the lists for the preview; a kind the preview does not show does nothing.
    pub(super) count: fn(&Backup, &mut BackupPreview),
}

pub(super) fn nothing_changed(first: &str) -> Error {
    Error::Invalid(format!("{first} Nothing on this computer has been changed."))
}

/// A file whose parts are each fine but do not fit together, or that breaks a rule of typing.
pub fn damaged() -> Error {
    nothing_changed("This backup file is damaged: some of its parts are missing, changed or do not fit together.")
}

pub(super) fn bad_text(_: Error) -> Error {
    nothing_changed("This backup file is damaged: some of its dates or texts are not valid.")
}

pub(super) fn check_time(text: &str) -> Result<()> {
    if is_timestamp(text) {
        Ok(())
    } else {
        Err(bad_text(Error::Invalid(String::new())))
    }
}

pub(super) fn check_binned(deleted_at: &Option<String>) -> Result<()> {
    deleted_at.as_deref().map_or(Ok(()), check_time)
}

/// Each id once: two rows with one id would make an import fail half way.
pub(super) fn unique<T: Eq + std::hash::Hash>(ids: impl IntoIterator<Item = T>) -> Result<()> {
    let mut seen = HashSet::new();
    if ids.into_iter().all(|id| seen.insert(id)) {
        Ok(())
    } else {
        Err(damaged())
    }
}

/// The checks for rows kept with their bin date: each id once, the fields as typing checks them.
pub(super) fn check_rows<T>(rows: &[WithBinDate<T>], id: fn(&T) -> i64, check: fn(&T) -> Result<()>) -> Result<()> {
    unique(rows.iter().map(|r| id(&r.item)))?;
    for r in rows {
        check(&r.item).map_err(bad_text)?;
        check_binned(&r.deleted_at)?;
    }
    Ok(())
}

/// For the preview: how many of `rows` are on the lists, leaving out those in the bin.
pub(super) fn on_lists<T>(rows: &[T], in_bin: fn(&T) -> bool) -> u32 {
    u32::try_from(rows.iter().filter(|r| !in_bin(r)).count()).unwrap_or(u32::MAX)
}

impl Backup {
    /// Reads a backup file, telling apart a file that is not ours, one cut short, one from a
    /// newer app and one that is damaged.
    pub fn parse(bytes: &[u8]) -> Result<Backup> {
        if bytes.len() as u64 > MAX_BACKUP_BYTES {
            return Err(too_large());
        }
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof()
                && bytes.iter().any(|b| !b.is_ascii_whitespace())
                && bytes.trim_ascii_start().starts_with(b"{")
            {
                nothing_changed("This backup file is not complete. It may have been cut short while it was copied.")
            } else {
                nothing_changed("This file is not an ALK Companion backup.")
            }
        })?;
        if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
            return Err(nothing_changed("This file is not an ALK Companion backup."));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if (u64::from(OLDEST_VERSION)..=u64::from(BACKUP_VERSION)).contains(&v) => {}
            Some(v) if v > u64::from(BACKUP_VERSION) => {
                return Err(nothing_changed(
                    "This backup was made by a newer version of ALK Companion. Please update the app on this computer first.",
                ))
            }
            _ => return Err(nothing_changed("This backup has a version number this app does not know.")),
        }
        let backup: Backup = serde_json::from_value(value).map_err(|_| damaged())?;
        backup.check()?;
        Ok(backup)
    }

    /// Every record must pass the same checks as when it was typed in, and the parts must fit
    /// together: each id once, every reference to something in the file, each list in order.
    fn check(&self) -> Result<()> {
        check_time(&self.exported_at)?;
        RECORD_TABLES.iter().try_for_each(|kind| (kind.backup.check)(self))
    }

    /// Counts what is on the lists, not what is in the bin.
    pub fn preview(&self) -> BackupPreview {
        let mut preview = BackupPreview { exported_at: self.exported_at.clone(), ..BackupPreview::default() };
        for kind in &RECORD_TABLES {
            (kind.backup.count)(self, &mut preview);
        }
        preview
    }
}

/// The words for a file too large to be ours; said before it is read.
pub fn too_large() -> Error {
    nothing_changed("This file is far too large to be an ALK Companion backup.")
}

/// Every row of `table`, in the bin or not, as `read` makes it.
pub(super) fn all_rows<T>(
    store: &Store,
    columns: &str,
    table: &str,
    order: &str,
    read: fn(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<WithBinDate<T>>> {
    let width = columns.split(',').count();
    let mut stmt = store.conn.prepare(&format!("SELECT {columns}, deleted_at FROM {table} ORDER BY {order}"))?;
    let rows = stmt
        .query_map([], |row| Ok(WithBinDate { item: read(row)?, deleted_at: row.get(width)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

impl Store {
    pub fn export_backup(&self) -> Result<Backup> {
        let exported_at: String =
            self.conn.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| r.get(0))?;
        let mut backup =
            Backup { format: BACKUP_FORMAT.into(), version: BACKUP_VERSION, exported_at, ..Backup::default() };
        for kind in &RECORD_TABLES {
            (kind.backup.export)(self, &mut backup)?;
        }
        Ok(backup)
    }

    /// Replaces the whole record with the backup's, in one transaction: all or nothing.
    pub fn import_backup(&mut self, backup: &Backup) -> Result<()> {
        let tx = self.conn.savepoint()?;
        delete_everything(&tx)?;
        // The reverse of the order they are emptied in: an appointment before what points at it.
        for kind in RECORD_TABLES.iter().rev() {
            (kind.backup.import)(&tx, backup)?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::tests::{is_random_uuid, uids_and_sequences};
    use crate::model::{Appointment, Bother, CheckupInput, CheckupKind, DiaryInput, StopReason, TreatmentInput};
    use crate::store::appointments::tests_input;
    use crate::store::kinds::{binnable, RECORD_TABLES};
    use crate::ErrorKind;

    fn filled_store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&tests_input("2026-12-01T10:00")).unwrap();
        store.add_library_question(Some(a.id), "tki-which").unwrap();
        let own = store.add_own_question(Some(a.id), "Can I travel to Łódź?").unwrap();
        store.set_top3(own.id, true).unwrap();
        store.answer_plan_question(own.id, "Yes", true).unwrap();
        for (file, at) in [("5f1c0ffee.mp3", "2026-12-01T10:02"), ("6a2d0ffee.mp3", "2026-12-01T10:40")] {
            store.add_recording(a.id, file, at).unwrap();
            store.finish_recording(file, 2_520_000, file.starts_with('6')).unwrap();
            store.mark_answer(file, own.id, 754_000).unwrap();
        }
        store.save_note(None, "General 😀 note", None).unwrap();
        let binned = store.save_note(None, "in the bin", Some(a.id)).unwrap();
        store.delete_note(binned.id).unwrap();
        store.set_step_progress("talk-first", true, "done").unwrap();
        store
            .save_treatment(
                None,
                &TreatmentInput {
                    drug: "alectinib".into(),
                    other_name: String::new(),
                    started_on: "2025-01-01".into(),
                    stopped_on: Some("2025-06-01".into()),
                    stop_reason: Some(StopReason::StoppedWorking),
                    reason_note: String::new(),
                },
            )
            .unwrap();
        store
            .add_diary_entry(&DiaryInput {
                on_date: "2026-11-20".into(),
                what: "rash".into(),
                other_what: String::new(),
                bother: Bother::ALot,
                note: "arms".into(),
            })
            .unwrap();
        store
            .add_checkup(&CheckupInput { on_date: "2027-01-10".into(), kind: CheckupKind::CtScan, note: String::new() })
            .unwrap();
        store.set_setting("pack-parts", "[\"questions\"]").unwrap();
        store
            .save_contact(
                None,
                &crate::model::CareContactInput {
                    name: "Acute oncology line".into(),
                    role: String::new(),
                    phone: "0800 000 000".into(),
                    round_the_clock: true,
                },
            )
            .unwrap();
        store
    }

    fn to_bytes(backup: &Backup) -> Vec<u8> {
        serde_json::to_vec_pretty(backup).unwrap()
    }

    #[test]
    fn backup_round_trips_everything() {
        let source = filled_store();
        let backup = source.export_backup().unwrap();
        let parsed = Backup::parse(&to_bytes(&backup)).unwrap();
        let preview = parsed.preview();
        // The preview counts what is on the lists; the note in the bin comes too, but is not counted.
        assert_eq!((preview.appointments, preview.questions, preview.notes), (1, 2, 1));
        assert_eq!(
            (preview.treatments, preview.diary_entries, preview.checkups, preview.checklist_steps),
            (1, 1, 1, 1)
        );

        let mut target = Store::open_in_memory().unwrap();
        target.save_note(None, "will be replaced", None).unwrap();
        target.import_backup(&parsed).unwrap();
        let again = target.export_backup().unwrap();
        assert_eq!(Backup { exported_at: backup.exported_at.clone(), ..again }, backup);
        assert_eq!(target.search_notes("general", 5).unwrap().len(), 1, "the search index follows the import");
        assert_eq!(target.bin().unwrap().len(), 1);
    }

    /// Every row of `table` as SQLite holds it, sorted, to compare two stores.
    fn table_rows(store: &Store, table: &str) -> Vec<String> {
        let mut stmt = store.conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                (0..width).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap()
            .map(|row| format!("{:?}", row.unwrap()))
            .collect();
        rows.sort();
        rows
    }

    /// A table registered in `kinds` whose part of the backup leaves something out would lose it
    /// on moving computers: each table, with a row in the bin where it has one, comes back whole.
    #[test]
    fn every_registered_table_comes_back_from_a_backup_row_for_row() {
        let source = filled_store();
        for (table, _, _) in binnable() {
            let binned = source
                .conn
                .execute(
                    &format!(
                        "UPDATE {table} SET deleted_at = '2026-12-02T09:30:00Z'
                         WHERE rowid = (SELECT MAX(rowid) FROM {table} WHERE deleted_at IS NULL)"
                    ),
                    [],
                )
                .unwrap();
            assert_eq!(binned, 1, "filled_store needs a row in {table} on its list");
        }
        let mut target = Store::open_in_memory().unwrap();
        target.import_backup(&Backup::parse(&to_bytes(&source.export_backup().unwrap())).unwrap()).unwrap();
        for kind in &RECORD_TABLES {
            let rows = table_rows(&source, kind.table);
            assert!(!rows.is_empty(), "filled_store needs a row in {}", kind.table);
            assert_eq!(table_rows(&target, kind.table), rows, "{}", kind.table);
        }
    }

    /// A backup made before recordings, or with none, is the same file as before them.
    #[test]
    fn a_backup_without_recordings_reads_and_writes_as_before_them() {
        let store = filled_store();
        let with = serde_json::to_value(store.export_backup().unwrap()).unwrap();
        assert_eq!(
            (with["recordings"].as_array().unwrap().len(), with["recordingMarks"].as_array().unwrap().len()),
            (2, 2)
        );
        let mut before = with.clone();
        for field in ["recordings", "recordingMarks"] {
            before.as_object_mut().unwrap().remove(field);
        }
        let parsed = Backup::parse(&serde_json::to_vec(&before).unwrap()).unwrap();
        assert!(parsed.recordings.is_empty() && parsed.recording_marks.is_empty());
        assert_eq!(serde_json::to_value(&parsed).unwrap(), before, "written back exactly as it came");
        store.conn.execute("DELETE FROM recording", []).unwrap();
        let none = serde_json::to_value(store.export_backup().unwrap()).unwrap();
        let keys: Vec<&str> = none.as_object().unwrap().keys().map(String::as_str).collect();
        assert!(!keys.iter().any(|k| k.starts_with("recording")), "{keys:?}");
    }

    /// The sound of one recording of `filled_store` in a folder; the other's file is missing.
    fn recordings_folder() -> (tempfile::TempDir, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let sound: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(dir.path().join("5f1c0ffee.mp3"), &sound).unwrap();
        std::fs::write(dir.path().join("not-a-recording.mp3"), b"not counted").unwrap();
        (dir, sound)
    }

    #[test]
    fn a_backup_carries_the_sound_of_the_recordings_there_are_when_asked() {
        let source = filled_store();
        let (dir, sound) = recordings_folder();
        assert_eq!(source.recordings_size(dir.path()).unwrap(), 100_000);
        let mut backup = source.export_backup().unwrap();
        backup.carry_recordings(dir.path()).unwrap();
        let bytes = to_bytes(&backup);
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["recordingAudio"].as_array().unwrap().len(), 1, "only the file that is there");
        assert_eq!(value["recordingAudio"][0]["file"], "5f1c0ffee.mp3");

        let parsed = Backup::parse(&bytes).unwrap();
        assert_eq!(parsed, backup);
        let mut target = Store::open_in_memory().unwrap();
        target.import_backup(&parsed).unwrap();
        let other = tempfile::tempdir().unwrap();
        for audio in &parsed.recording_audio {
            std::fs::write(other.path().join(&audio.file), &audio.data).unwrap();
        }
        assert_eq!(std::fs::read(other.path().join("5f1c0ffee.mp3")).unwrap(), sound, "the same bytes");
        assert_eq!(target.recordings_size(other.path()).unwrap(), 100_000);
    }

    /// Left out, the sound changes nothing: the file has the fields it has always had.
    #[test]
    fn a_backup_without_the_sound_has_the_fields_it_had_before() {
        let value = serde_json::to_value(filled_store().export_backup().unwrap()).unwrap();
        let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        // A `Value` keeps its keys sorted.
        let mut before = [
            "format",
            "version",
            "exportedAt",
            "appointments",
            "planQuestions",
            "notes",
            "checklist",
            "treatments",
            "diary",
            "checkups",
            "settings",
            "contacts",
            "recordings",
            "recordingMarks",
        ];
        before.sort_unstable();
        assert_eq!(keys, before);
    }

    #[test]
    fn sound_that_is_not_base64_or_not_for_a_recording_in_the_file_is_damaged() {
        let audio = |file: &str, data: &str| serde_json::json!([{ "file": file, "data": data }]);
        let edits = [
            audio("5f1c0ffee.mp3", "not base64 at all!"),
            audio("5f1c0ffee.mp3", "AAEC="),
            audio("../alk-companion.sqlite3", "AAEC"),
            audio("7b3e0ffee.mp3", "AAEC"),
            serde_json::json!([{ "file": "5f1c0ffee.mp3", "data": "AAEC" }, { "file": "5f1c0ffee.mp3", "data": "AAEC" }]),
            serde_json::json!([{ "file": "5f1c0ffee.mp3" }]),
        ];
        let mut good = serde_json::to_value(filled_store().export_backup().unwrap()).unwrap();
        good["recordingAudio"] = audio("5f1c0ffee.mp3", "AAEC");
        let read = Backup::parse(&serde_json::to_vec(&good).unwrap()).unwrap();
        assert_eq!(read.recording_audio[0].data, [0, 1, 2], "the same file with good base64 reads");
        for edit in edits {
            let message = refused_when(|v| v["recordingAudio"] = edit.clone());
            assert!(
                message.contains("damaged") && message.ends_with("Nothing on this computer has been changed."),
                "{edit}: {message}"
            );
        }
    }

    #[test]
    fn recordings_that_do_not_fit_their_file_are_damaged() {
        type Edit = fn(&mut serde_json::Value);
        let edits: [(&str, Edit); 7] = [
            ("a path for a name", |v| v["recordings"][0]["fileName"] = "../alk-companion.sqlite3".into()),
            ("two rows, one file", |v| v["recordings"][1]["fileName"] = v["recordings"][0]["fileName"].clone()),
            ("no such appointment", |v| v["recordings"][0]["appointmentId"] = 999.into()),
            ("a time that is not one", |v| v["recordings"][0]["startedAt"] = "2026-02-30T10:00".into()),
            ("a mark on no recording", |v| v["recordingMarks"][0]["recordingId"] = 999.into()),
            ("a mark before the start", |v| v["recordingMarks"][0]["atMs"] = (-1).into()),
            ("a mark twice", |v| {
                let first = v["recordingMarks"][0].clone();
                v["recordingMarks"].as_array_mut().unwrap().push(first);
            }),
        ];
        for (what, edit) in edits {
            let message = refused_when(edit);
            assert!(message.contains("damaged"), "{what}: {message}");
        }
        // A mark on a question of another list: the unbooked one.
        let message = refused_when(|v| {
            let unbooked =
                v["planQuestions"].as_array().unwrap().iter().find(|q| q["appointmentId"].is_null()).cloned();
            let mut question = unbooked.unwrap_or_else(|| v["planQuestions"][0].clone());
            question["id"] = 777.into();
            question["appointmentId"] = serde_json::Value::Null;
            question["position"] = 50.into();
            v["planQuestions"].as_array_mut().unwrap().push(question);
            v["recordingMarks"][0]["planQuestionId"] = 777.into();
        });
        assert!(message.contains("damaged"), "{message}");
    }

    fn parse_err(bytes: &[u8]) -> String {
        let err = Backup::parse(bytes).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        err.plain_message()
    }

    #[test]
    fn bad_backup_files_get_plain_messages() {
        let good = to_bytes(&filled_store().export_backup().unwrap());
        let truncated = &good[..good.len() / 2];
        assert!(parse_err(truncated).contains("not complete"), "{}", parse_err(truncated));
        assert!(parse_err(b"%PDF-1.7 not json").contains("not an ALK Companion backup"));
        assert!(parse_err(b"").contains("not an ALK Companion backup"));
        assert!(parse_err(br#"{"format":"something-else","version":1}"#).contains("not an ALK Companion backup"));

        let mut value: serde_json::Value = serde_json::from_slice(&good).unwrap();
        value["version"] = 3.into();
        assert!(parse_err(&serde_json::to_vec(&value).unwrap()).contains("newer version"));
        value["version"] = 0.into();
        assert!(parse_err(&serde_json::to_vec(&value).unwrap()).contains("version number"));
        value["version"] = "one".into();
        assert!(parse_err(&serde_json::to_vec(&value).unwrap()).contains("version number"));

        let mut value: serde_json::Value = serde_json::from_slice(&good).unwrap();
        value["appointments"][0]["startsAt"] = "2026-02-30T10:00".into();
        assert!(parse_err(&serde_json::to_vec(&value).unwrap()).contains("damaged"));
        let mut value: serde_json::Value = serde_json::from_slice(&good).unwrap();
        value.as_object_mut().unwrap().remove("notes");
        assert!(parse_err(&serde_json::to_vec(&value).unwrap()).contains("damaged"));
        for message in [parse_err(truncated), parse_err(b"{}")] {
            assert!(message.ends_with("Nothing on this computer has been changed."), "{message}");
        }
    }

    #[test]
    fn failed_import_changes_nothing() {
        let mut store = filled_store();
        let before = store.export_backup().unwrap();
        let mut broken = before.clone();
        // Two notes with one id: the second insert fails inside the transaction.
        broken.notes.push(broken.notes[0].clone());
        assert!(store.import_backup(&broken).is_err());
        let after = store.export_backup().unwrap();
        assert_eq!(Backup { exported_at: before.exported_at.clone(), ..after }, before);
    }

    #[test]
    fn ten_thousand_notes_import_in_one_go() {
        let mut source = Store::open_in_memory().unwrap();
        for i in 0..10_000 {
            source.save_note(None, &format!("Note number {i} about scans and tablets"), None).unwrap();
        }
        let bytes = to_bytes(&source.export_backup().unwrap());
        let backup = Backup::parse(&bytes).unwrap();
        assert_eq!(backup.preview().notes, 10_000);
        let mut target = Store::open_in_memory().unwrap();
        target.import_backup(&backup).unwrap();
        assert_eq!(target.notes().unwrap().len(), 10_000);
        assert_eq!(target.search_notes("number 9999", 5).unwrap().len(), 1);
    }

    /// A good backup, edited by `change`, must be refused in plain words.
    fn refused_when(change: impl Fn(&mut serde_json::Value)) -> String {
        let mut value = serde_json::to_value(filled_store().export_backup().unwrap()).unwrap();
        change(&mut value);
        let bytes = serde_json::to_vec(&value).unwrap();
        match Backup::parse(&bytes) {
            Ok(_) => panic!("this backup must be refused: {value}"),
            Err(err) => {
                assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
                err.plain_message()
            }
        }
    }

    /// Two appointments, the first changed once since it was added.
    fn two_appointments() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&tests_input("2030-01-15T14:30")).unwrap();
        store.add_appointment(&tests_input("2030-02-01T10:00")).unwrap();
        let mut changed = a.fields.clone();
        changed.place = "Ward 5".into();
        store.update_appointment(a.id, &changed).unwrap();
        store
    }

    #[test]
    fn a_backup_carries_each_calendar_uid_and_sequence_to_another_computer() {
        let source = two_appointments();
        let events = uids_and_sequences(&source.appointments().unwrap());
        assert_eq!(events.iter().map(|e| e.1).collect::<Vec<_>>(), [1, 0]);
        let mut target = Store::open_in_memory().unwrap();
        target.add_appointment(&tests_input("2029-05-01T10:00")).unwrap();
        target.import_backup(&Backup::parse(&to_bytes(&source.export_backup().unwrap())).unwrap()).unwrap();
        assert_eq!(uids_and_sequences(&target.appointments().unwrap()), events);
    }

    #[test]
    fn a_backup_without_uids_still_imports_and_each_appointment_gets_a_fresh_one() {
        let source = two_appointments();
        let old = uids_and_sequences(&source.appointments().unwrap());
        for version in [1, 2] {
            let mut value = serde_json::to_value(source.export_backup().unwrap()).unwrap();
            value["version"] = version.into();
            for a in value["appointments"].as_array_mut().unwrap() {
                let a = a.as_object_mut().unwrap();
                a.remove("uid");
                a.remove("sequence");
            }
            let backup = Backup::parse(&serde_json::to_vec(&value).unwrap()).unwrap();
            let mut target = Store::open_in_memory().unwrap();
            target.import_backup(&backup).unwrap();
            let events = uids_and_sequences(&target.appointments().unwrap());
            assert_eq!(events.len(), 2);
            assert_ne!(events[0].0, events[1].0);
            for (uid, sequence) in &events {
                assert!(is_random_uuid(uid), "{uid}");
                assert!(old.iter().all(|(before, _)| before != uid), "a fresh one: {uid}");
                assert_eq!(*sequence, 0);
            }
        }
    }

    /// Why `uid` and `sequence` need no new version: the rows as an app before them read them.
    #[test]
    fn an_app_before_uids_reads_the_new_appointment_rows() {
        let value = serde_json::to_value(two_appointments().export_backup().unwrap()).unwrap();
        assert!(value["appointments"][0]["uid"].is_string());
        let before: Vec<WithBinDate<Appointment>> = serde_json::from_value(value["appointments"].clone()).unwrap();
        assert_eq!(before.len(), 2);
    }

    #[test]
    fn two_appointments_with_one_uid_or_a_uid_not_ours_are_damaged() {
        let message = refused_when(|v| {
            let mut twin = v["appointments"][0].clone();
            twin["id"] = 99.into();
            v["appointments"].as_array_mut().unwrap().push(twin);
        });
        assert!(message.contains("damaged"), "{message}");
        for uid in ["appointment-1@alk-companion.local", "", "0E0A41C8-3D56-4E3A-9B57-4A3B4A7E2D10"] {
            let message = refused_when(|v| v["appointments"][0]["uid"] = uid.into());
            assert!(message.contains("damaged"), "{uid}: {message}");
        }
        for sequence in [serde_json::json!(-1), serde_json::json!(2_147_483_648i64), serde_json::json!("1")] {
            let message = refused_when(|v| v["appointments"][0]["sequence"] = sequence.clone());
            assert!(message.contains("damaged"), "{sequence}: {message}");
        }
    }

    #[test]
    fn edited_backups_break_the_same_rules_as_typing_and_are_refused() {
        let own = |v: &mut serde_json::Value| {
            v["planQuestions"].as_array_mut().unwrap().iter_mut().find(|q| q["ownText"].is_string()).unwrap().clone()
        };
        // Four top 3 questions on one list.
        let message = refused_when(|v| {
            let mut extra = own(v);
            extra.as_object_mut().unwrap().remove("id");
            let questions = v["planQuestions"].as_array_mut().unwrap();
            for (i, text) in ["one", "two", "three"].iter().enumerate() {
                extra["ownText"] = (*text).into();
                extra["top3"] = true.into();
                extra["position"] = (10 + i as i64).into();
                questions.push(extra.clone());
            }
        });
        assert!(message.contains("top 3"), "{message}");
        for position in [serde_json::json!(-1), serde_json::json!(9223372036854775807i64)] {
            let message = refused_when(|v| v["planQuestions"][0]["position"] = position.clone());
            assert!(message.contains("damaged"), "{message}");
        }
        // Two questions in the same place on one list.
        let message = refused_when(|v| {
            let p = v["planQuestions"][0]["position"].clone();
            v["planQuestions"][1]["position"] = p;
        });
        assert!(message.contains("damaged"), "{message}");
        // A note dated "yesterday".
        let message = refused_when(|v| v["notes"][0]["createdAt"] = "yesterday".into());
        assert!(message.contains("damaged"), "{message}");
        // A question for an appointment the file does not have: damaged, never "try again".
        let message = refused_when(|v| v["planQuestions"][0]["appointmentId"] = 999.into());
        assert!(message.contains("damaged"), "{message}");
        let message = refused_when(|v| v["notes"][0]["appointmentId"] = 999.into());
        assert!(message.contains("damaged"), "{message}");
        // Two notes with one id.
        let message = refused_when(|v| {
            let first = v["notes"][0].clone();
            v["notes"].as_array_mut().unwrap().push(first);
        });
        assert!(message.contains("damaged"), "{message}");
    }
}
