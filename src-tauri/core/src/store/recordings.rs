//! Recordings of appointments: one row per recording, naming its audio file, and the marks where
//! each question on the appointment's list was answered. The sound stays in the recordings folder,
//! which the shell owns: the store only says which files its deletions have left without a row.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::backup::{all_rows, check_rows, damaged, unique, Backup, BackupPart, WithBinDate};
use super::{not_found, Store};
use crate::dates::check_date_time;
use crate::model::{Recording, RecordingMark};
use crate::{Error, Result};

const COLUMNS: &str = "id, appointment_id, file_name, started_at, duration_ms, recovered";
/// The setting that says the patient has read the first-time page about recording.
const CONSENT_SEEN: &str = "recording-consent-seen";

fn from_row(row: &Row) -> rusqlite::Result<Recording> {
    Ok(Recording {
        id: row.get(0)?,
        appointment_id: row.get(1)?,
        file_name: row.get(2)?,
        started_at: row.get(3)?,
        duration_ms: row.get(4)?,
        recovered: row.get(5)?,
        marks: Vec::new(),
    })
}

/// A name the recorder could have given: letters, digits, `-` and `_`, then `.mp3`. Never a path,
/// so a name from a backup file can only ever point inside the recordings folder, and never one of
/// Windows's device names (`NUL.mp3` is no file there), since a backup made anywhere may be read there.
pub fn is_audio_file_name(name: &str) -> bool {
    name.strip_suffix(".mp3").is_some_and(|stem| {
        (1..=64).contains(&stem.len())
            && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !is_windows_device(stem)
    })
}

/// CON, PRN, AUX, NUL, COM0-9 and LPT0-9, in any case.
fn is_windows_device(stem: &str) -> bool {
    let stem = stem.to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit())
}

/// A recording in a backup: its row with its file's name. Its sound comes only when the patient
/// chooses, in `RecordingAudio`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupRecording {
    pub id: i64,
    pub appointment_id: i64,
    pub file_name: String,
    pub started_at: String,
    pub duration_ms: i64,
    pub recovered: bool,
}

impl From<Recording> for BackupRecording {
    fn from(r: Recording) -> Self {
        BackupRecording {
            id: r.id,
            appointment_id: r.appointment_id,
            file_name: r.file_name,
            started_at: r.started_at,
            duration_ms: r.duration_ms,
            recovered: r.recovered,
        }
    }
}

/// The sound of one recording in a backup, when the patient chose to carry it: the bytes of the
/// file a recording row of the same backup names, written as base64 text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordingAudio {
    pub file: String,
    #[serde(with = "base64_text")]
    pub data: Vec<u8>,
}

/// Bytes as standard base64 text; text that is not base64 makes the file damaged.
mod base64_text {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], to: S) -> std::result::Result<S::Ok, S::Error> {
        to.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> std::result::Result<Vec<u8>, D::Error> {
        STANDARD.decode(String::deserialize(from)?).map_err(serde::de::Error::custom)
    }
}

impl Backup {
    /// Puts into the backup the sound of each of its recordings whose file is in `dir`.
    pub fn carry_recordings(&mut self, dir: &Path) -> Result<()> {
        for r in &self.recordings {
            match std::fs::read(dir.join(&r.item.file_name)) {
                Ok(data) => self.recording_audio.push(RecordingAudio { file: r.item.file_name.clone(), data }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
}

impl BackupRecording {
    fn check(&self) -> Result<()> {
        if !is_audio_file_name(&self.file_name) || self.duration_ms < 0 {
            return Err(damaged());
        }
        check_date_time(&self.started_at, "recording")
    }
}

/// The backup's `recordings`, each with its bin date, each for an appointment in the file.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        let read = |row: &Row| from_row(row).map(BackupRecording::from);
        backup.recordings = all_rows(store, COLUMNS, "recording", "started_at, id", read)?;
        Ok(())
    },
    check: |backup| {
        let rows = &backup.recordings;
        check_rows(rows, |r| r.id, BackupRecording::check)?;
        unique(rows.iter().map(|r| r.item.file_name.as_str()))?;
        let appointments: HashSet<i64> = backup.appointments.iter().map(|a| a.item.id).collect();
        // The sound only for a file a row names, so it is never written outside the recordings folder.
        let files: HashSet<&str> = rows.iter().map(|r| r.item.file_name.as_str()).collect();
        unique(backup.recording_audio.iter().map(|a| a.file.as_str()))?;
        if rows.iter().all(|r| appointments.contains(&r.item.appointment_id))
            && backup.recording_audio.iter().all(|a| files.contains(a.file.as_str()))
        {
            Ok(())
        } else {
            Err(damaged())
        }
    },
    import: |conn, backup| {
        let mut insert = conn.prepare(
            "INSERT INTO recording (id, appointment_id, file_name, started_at, duration_ms, recovered, deleted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for WithBinDate { item: r, deleted_at } in &backup.recordings {
            insert.execute(params![
                r.id,
                r.appointment_id,
                r.file_name,
                r.started_at,
                r.duration_ms,
                r.recovered,
                deleted_at
            ])?;
        }
        Ok(())
    },
    count: |_, _| {},
};

/// The backup's `recordingMarks`: each for a recording and a question of the same appointment in the file.
pub(super) const MARKS_BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        let mut stmt = store.conn.prepare(
            "SELECT recording_id, plan_question_id, at_ms FROM recording_mark ORDER BY recording_id, at_ms, plan_question_id",
        )?;
        backup.recording_marks = stmt.query_map([], mark_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(())
    },
    check: |backup| {
        let marks = &backup.recording_marks;
        unique(marks.iter().map(|m| (m.recording_id, m.plan_question_id)))?;
        let recordings: HashMap<i64, i64> =
            backup.recordings.iter().map(|r| (r.item.id, r.item.appointment_id)).collect();
        let questions: HashMap<i64, Option<i64>> =
            backup.plan_questions.iter().filter_map(|q| Some((q.id?, q.appointment_id))).collect();
        let fits = |m: &RecordingMark| {
            let appointment = recordings.get(&m.recording_id);
            m.at_ms >= 0 && appointment.is_some() && questions.get(&m.plan_question_id) == Some(&appointment.copied())
        };
        if marks.iter().all(fits) {
            Ok(())
        } else {
            Err(damaged())
        }
    },
    import: |conn, backup| {
        let mut insert =
            conn.prepare("INSERT INTO recording_mark (recording_id, plan_question_id, at_ms) VALUES (?1, ?2, ?3)")?;
        for m in &backup.recording_marks {
            insert.execute(params![m.recording_id, m.plan_question_id, m.at_ms])?;
        }
        Ok(())
    },
    count: |_, _| {},
};

fn mark_from_row(row: &Row) -> rusqlite::Result<RecordingMark> {
    Ok(RecordingMark { recording_id: row.get(0)?, plan_question_id: row.get(1)?, at_ms: row.get(2)? })
}

/// The audio files of every recording, in the bin or not: what deleting everything leaves without a row.
pub(super) fn all_files(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT file_name FROM recording")?;
    let files = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(files)
}

/// The audio files of the recordings a purge of the bin on `condition` removes: those in the bin
/// themselves, and those of an appointment that goes for good (they go with it).
pub(super) fn files_purged_by(conn: &Connection, condition: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT file_name FROM recording
         WHERE ({condition}) OR appointment_id IN (SELECT id FROM appointment WHERE {condition})"
    ))?;
    let files = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(files)
}

impl Store {
    /// How many bytes the sound of the recordings in `dir` takes, in the bin or not.
    pub fn recordings_size(&self, dir: &Path) -> Result<u64> {
        let sizes = all_files(&self.conn)?.into_iter().filter_map(|f| std::fs::metadata(dir.join(f)).ok());
        Ok(sizes.filter(|m| m.is_file()).map(|m| m.len()).sum())
    }

    /// Keeps a new recording of an appointment the moment it starts, so a crash still leaves its row.
    /// `started_at` is local `YYYY-MM-DDTHH:MM`.
    pub fn add_recording(&mut self, appointment_id: i64, file_name: &str, started_at: &str) -> Result<Recording> {
        if !is_audio_file_name(file_name) {
            return Err(Error::Invalid("That recording could not be kept. Please try again.".into()));
        }
        check_date_time(started_at, "recording")?;
        self.appointment(appointment_id)?;
        self.conn.execute(
            "INSERT INTO recording (appointment_id, file_name, started_at) VALUES (?1, ?2, ?3)",
            params![appointment_id, file_name, started_at],
        )?;
        self.recording(self.conn.last_insert_rowid())
    }

    /// Sets the length of the recording in `file_name` once its file is finished; `recovered` when
    /// the app did not finish it itself. `None` when no row has that file (it was deleted meanwhile).
    pub fn finish_recording(
        &mut self,
        file_name: &str,
        duration_ms: i64,
        recovered: bool,
    ) -> Result<Option<Recording>> {
        self.conn.execute(
            "UPDATE recording SET duration_ms = max(?2, 0), recovered = recovered OR ?3 WHERE file_name = ?1",
            params![file_name, duration_ms, recovered],
        )?;
        let found = self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM recording WHERE file_name = ?1"), params![file_name], from_row)
            .optional()?;
        found.map(|r| self.with_marks(r)).transpose()
    }

    /// One recording, not in the bin, with its marks.
    pub fn recording(&self, id: i64) -> Result<Recording> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM recording WHERE id = ?1 AND deleted_at IS NULL"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| not_found("recording"))?;
        self.with_marks(found)
    }

    /// An appointment's recordings, not in the bin, the first made first, each with its marks.
    pub fn recordings(&self, appointment_id: i64) -> Result<Vec<Recording>> {
        self.recordings_where("appointment_id = ?1 AND deleted_at IS NULL", params![appointment_id])
    }

    /// Every recording whose length was never set (the app ended before it could), in the bin or not.
    pub fn unfinished_recordings(&self) -> Result<Vec<Recording>> {
        self.recordings_where("duration_ms = 0", [])
    }

    fn recordings_where(&self, condition: &str, values: impl rusqlite::Params) -> Result<Vec<Recording>> {
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM recording WHERE {condition} ORDER BY started_at, id"))?;
        let rows = stmt.query_map(values, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(|r| self.with_marks(r)).collect()
    }

    /// The marks on questions still on the list, earliest first.
    fn with_marks(&self, mut recording: Recording) -> Result<Recording> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.recording_id, m.plan_question_id, m.at_ms FROM recording_mark m
             JOIN plan_question q ON q.id = m.plan_question_id
             WHERE m.recording_id = ?1 AND q.deleted_at IS NULL ORDER BY m.at_ms, m.plan_question_id",
        )?;
        recording.marks = stmt.query_map(params![recording.id], mark_from_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(recording)
    }

    /// Moves a recording to the bin. Its file stays until the bin is emptied.
    pub fn remove_recording(&mut self, id: i64) -> Result<()> {
        self.recording(id)?;
        self.bin_row("recording", id)
    }

    /// Marks where in the recording in `file_name` a question of its appointment is being answered,
    /// `at_ms` from its start. A second mark on the same question moves it.
    pub fn mark_answer(&mut self, file_name: &str, plan_question_id: i64, at_ms: i64) -> Result<RecordingMark> {
        let recording_id: i64 = self
            .conn
            .query_row(
                "SELECT r.id FROM recording r JOIN plan_question q ON q.appointment_id = r.appointment_id
                 WHERE r.file_name = ?1 AND q.id = ?2 AND q.deleted_at IS NULL",
                params![file_name, plan_question_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| not_found("question"))?;
        let mark = RecordingMark { recording_id, plan_question_id, at_ms: at_ms.max(0) };
        self.conn.execute(
            "INSERT INTO recording_mark (recording_id, plan_question_id, at_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (recording_id, plan_question_id) DO UPDATE SET at_ms = excluded.at_ms",
            params![mark.recording_id, mark.plan_question_id, mark.at_ms],
        )?;
        Ok(mark)
    }

    /// The audio files of the recordings erased for good since the last call: the bin emptied (by
    /// the patient, or after 30 days when the store opened) or everything deleted. Their rows are
    /// gone for good, so the shell deletes the files.
    pub fn take_erased_recordings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.erased_recordings)
    }

    /// Whether the patient has read the page about recording that is shown before the first one.
    pub fn recording_consent_seen(&self) -> Result<bool> {
        Ok(self.setting(CONSENT_SEEN)?.is_some_and(|seen| seen == "true"))
    }

    pub fn set_recording_consent_seen(&mut self) -> Result<()> {
        self.set_setting(CONSENT_SEEN, "true")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::appointments::tests_input;
    use crate::store::RemovedKind;
    use crate::ErrorKind;

    /// A store with one appointment, two questions on its list and a question for the unbooked one.
    fn store() -> (Store, i64, [i64; 2]) {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&tests_input("2026-12-03T14:30")).unwrap().id;
        let q1 = store.add_own_question(Some(a), "Which tablet next?").unwrap().id;
        let q2 = store.add_own_question(Some(a), "How often a scan?").unwrap().id;
        store.add_own_question(None, "Not booked yet").unwrap();
        (store, a, [q1, q2])
    }

    #[test]
    fn a_recording_is_kept_from_its_start_and_finished_with_its_length() {
        let (mut store, a, _) = store();
        let started = store.add_recording(a, "0a1b.mp3", "2026-12-03T14:32").unwrap();
        assert_eq!((started.duration_ms, started.recovered, started.marks.len()), (0, false, 0));
        assert_eq!(store.unfinished_recordings().unwrap(), vec![started.clone()]);
        let finished = store.finish_recording("0a1b.mp3", 2_520_000, false).unwrap().unwrap();
        assert_eq!(finished.duration_ms, 2_520_000);
        assert_eq!(store.recordings(a).unwrap(), vec![finished]);
        assert!(store.unfinished_recordings().unwrap().is_empty());
        assert_eq!(store.finish_recording("gone.mp3", 5, true).unwrap(), None);
        // Recovered stays set once the app has had to finish it.
        store.finish_recording("0a1b.mp3", 60_000, true).unwrap();
        assert!(store.finish_recording("0a1b.mp3", 60_000, false).unwrap().unwrap().recovered);
    }

    #[test]
    fn a_recording_must_be_of_an_appointment_on_the_list_with_a_plain_file_name() {
        let (mut store, a, _) = store();
        let paths = ["../store.sqlite3", "a/b.mp3", ".mp3", "x.wav", "x.mp3\0", "C:\\x.mp3", "x y.mp3"];
        // Windows's device names: writing "NUL.mp3" there writes nowhere.
        let devices = ["CON.mp3", "nul.mp3", "Aux.mp3", "PRN.mp3", "COM1.mp3", "lpt9.mp3", "com0.mp3"];
        for name in paths.iter().chain(&devices) {
            let err = store.add_recording(a, name, "2026-12-03T14:32").unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name}");
        }
        for name in ["console.mp3", "COM10.mp3", "lpt.mp3"] {
            assert!(is_audio_file_name(name), "{name} is no device");
        }
        assert_eq!(store.add_recording(999, "x.mp3", "2026-12-03T14:32").unwrap_err().kind(), ErrorKind::NotFound);
        let err = store.add_recording(a, "x.mp3", "2026-12-03 14:32").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        store.delete_appointment(a).unwrap();
        assert_eq!(store.add_recording(a, "x.mp3", "2026-12-03T14:32").unwrap_err().kind(), ErrorKind::NotFound);
    }

    #[test]
    fn one_mark_per_question_moves_when_tapped_again_and_only_for_its_appointments_questions() {
        let (mut store, a, [q1, q2]) = store();
        let r = store.add_recording(a, "r.mp3", "2026-12-03T14:32").unwrap().id;
        store.mark_answer("r.mp3", q2, 30_000).unwrap();
        store.mark_answer("r.mp3", q1, 45_000).unwrap();
        let moved = store.mark_answer("r.mp3", q2, 90_000).unwrap();
        assert_eq!(moved, RecordingMark { recording_id: r, plan_question_id: q2, at_ms: 90_000 });
        let marks: Vec<(i64, i64)> =
            store.recording(r).unwrap().marks.iter().map(|m| (m.plan_question_id, m.at_ms)).collect();
        assert_eq!(marks, [(q1, 45_000), (q2, 90_000)], "earliest first, one each");
        let unbooked = store.plan(None).unwrap()[0].id;
        assert_eq!(store.mark_answer("r.mp3", unbooked, 1).unwrap_err().kind(), ErrorKind::NotFound);
        assert_eq!(store.mark_answer("other.mp3", q1, 1).unwrap_err().kind(), ErrorKind::NotFound);
        // A question in the bin takes its mark with it, and brings it back.
        store.remove_plan_question(q1).unwrap();
        assert_eq!(store.recording(r).unwrap().marks.len(), 1);
        assert_eq!(store.mark_answer("r.mp3", q1, 1).unwrap_err().kind(), ErrorKind::NotFound);
        store.restore_plan_question(q1).unwrap();
        assert_eq!(store.recording(r).unwrap().marks.len(), 2);
    }

    #[test]
    fn a_recording_waits_in_the_bin_and_its_file_is_erased_only_when_it_goes_for_good() {
        let (mut store, a, _) = store();
        let r = store.add_recording(a, "kept.mp3", "2026-12-03T14:32").unwrap().id;
        let binned = store.add_recording(a, "binned.mp3", "2026-12-03T15:00").unwrap().id;
        store.remove_recording(binned).unwrap();
        let bin = store.removed().unwrap();
        assert_eq!(
            (bin[0].kind, bin[0].id, bin[0].date.as_deref()),
            (RemovedKind::Recording, binned, Some("2026-12-03T15:00"))
        );
        assert_eq!(store.recordings(a).unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), [r]);
        store.restore_removed(RemovedKind::Recording, binned).unwrap();
        assert_eq!(store.recordings(a).unwrap().len(), 2);
        assert!(store.take_erased_recordings().is_empty(), "nothing erased by the bin alone");
        store.remove_recording(binned).unwrap();
        store.empty_bin().unwrap();
        assert_eq!(store.take_erased_recordings(), ["binned.mp3"]);
        assert!(store.take_erased_recordings().is_empty(), "each file is said once");
        assert_eq!(store.restore_removed(RemovedKind::Recording, binned).unwrap_err().kind(), ErrorKind::NotFound);
    }

    #[test]
    fn an_appointment_erased_for_good_takes_its_recordings_files_with_it() {
        let (mut store, a, [q1, _]) = store();
        store.add_recording(a, "with-it.mp3", "2026-12-03T14:32").unwrap();
        store.mark_answer("with-it.mp3", q1, 10).unwrap();
        let other = store.add_appointment(&tests_input("2027-01-03T10:00")).unwrap().id;
        store.add_recording(other, "other.mp3", "2027-01-03T10:01").unwrap();
        store.delete_appointment(a).unwrap();
        store.restore_appointment(a).unwrap();
        store.empty_bin().unwrap();
        assert!(store.take_erased_recordings().is_empty(), "restored before the bin was emptied");
        store.delete_appointment(a).unwrap();
        store.empty_bin().unwrap();
        assert_eq!(store.take_erased_recordings(), ["with-it.mp3"]);
        assert!(store.recordings(a).unwrap().is_empty());
        let left: i64 = store.conn.query_row("SELECT count(*) FROM recording_mark", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0, "its marks went too");
        store.delete_all().unwrap();
        assert_eq!(store.take_erased_recordings(), ["other.mp3"]);
    }

    #[test]
    fn a_failed_purge_erases_no_file() {
        let (mut store, a, _) = store();
        let r = store.add_recording(a, "stays.mp3", "2026-12-03T14:32").unwrap().id;
        store.remove_recording(r).unwrap();
        // The disk is read-only: the purge fails, the row stays, so its file must stay too.
        store.conn.pragma_update(None, "query_only", true).unwrap();
        assert!(store.empty_bin().is_err());
        store.conn.pragma_update(None, "query_only", false).unwrap();
        assert!(store.take_erased_recordings().is_empty());
        assert_eq!(store.removed().unwrap().len(), 1);
    }

    #[test]
    fn consent_page_is_remembered_once_read() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(!store.recording_consent_seen().unwrap());
        store.set_recording_consent_seen().unwrap();
        assert!(store.recording_consent_seen().unwrap());
    }
}
