//! Forward-only schema steps on `PRAGMA user_version`. A shipped step is never edited.

use rusqlite::Connection;

use crate::{Error, Result};

const MIGRATIONS: &[&str] = &[
    // 1: the first slice: chosen library questions and the general note.
    "CREATE TABLE chosen_question (
        question_id TEXT PRIMARY KEY NOT NULL,
        position INTEGER NOT NULL
    );
    CREATE TABLE note (
        id INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );",
    // 2: the patient's record. Questions now belong to an appointment, or to the list for an
    // appointment not booked yet (appointment_id NULL); the first slice's choices move there.
    "CREATE TABLE appointment (
        id INTEGER PRIMARY KEY,
        starts_at TEXT NOT NULL,
        with_whom TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE plan_question (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER REFERENCES appointment(id) ON DELETE CASCADE,
        question_id TEXT,
        own_text TEXT,
        position INTEGER NOT NULL,
        top3 INTEGER NOT NULL DEFAULT 0,
        answer TEXT NOT NULL DEFAULT '',
        asked INTEGER NOT NULL DEFAULT 0,
        CHECK ((question_id IS NULL) <> (own_text IS NULL))
    );
    CREATE UNIQUE INDEX plan_question_once
        ON plan_question (COALESCE(appointment_id, 0), question_id) WHERE question_id IS NOT NULL;
    INSERT INTO plan_question (appointment_id, question_id, position)
        SELECT NULL, question_id, position FROM chosen_question;
    DROP TABLE chosen_question;

    ALTER TABLE note ADD COLUMN appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL;
    ALTER TABLE note ADD COLUMN created_at TEXT;
    ALTER TABLE note ADD COLUMN deleted_at TEXT;
    UPDATE note SET created_at = updated_at;
    CREATE VIRTUAL TABLE note_fts USING fts5(
        body, content = 'note', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO note_fts (rowid, body) SELECT id, body FROM note;
    CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN
        INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body);
    END;
    CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN
        INSERT INTO note_fts (note_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END;
    CREATE TRIGGER note_fts_update AFTER UPDATE OF body ON note BEGIN
        INSERT INTO note_fts (note_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body);
    END;

    CREATE TABLE checklist_progress (
        step_id TEXT PRIMARY KEY NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE treatment (
        id INTEGER PRIMARY KEY,
        drug TEXT NOT NULL,
        other_name TEXT NOT NULL DEFAULT '',
        started_on TEXT NOT NULL,
        stopped_on TEXT,
        stop_reason TEXT CHECK (stop_reason IN ('stoppedWorking', 'sideEffects', 'other')),
        reason_note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE diary_entry (
        id INTEGER PRIMARY KEY,
        on_date TEXT NOT NULL,
        what TEXT NOT NULL,
        other_what TEXT NOT NULL DEFAULT '',
        bother TEXT NOT NULL CHECK (bother IN ('aLittle', 'quiteABit', 'aLot')),
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE checkup (
        id INTEGER PRIMARY KEY,
        on_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('ctScan', 'headScan', 'xRay', 'checkUp', 'other')),
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE setting (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );",
    // 3: removed things wait in the bin like notes do, and the notes index holds each word
    // folded (`alk_fold`, registered on open), so "therapies" finds "therapies". The index
    // keeps no copy of the text, and forgets a note's words when the note goes for good.
    "ALTER TABLE appointment ADD COLUMN deleted_at TEXT;
    ALTER TABLE plan_question ADD COLUMN deleted_at TEXT;
    ALTER TABLE treatment ADD COLUMN deleted_at TEXT;
    ALTER TABLE diary_entry ADD COLUMN deleted_at TEXT;
    ALTER TABLE checkup ADD COLUMN deleted_at TEXT;
    DROP INDEX plan_question_once;
    CREATE UNIQUE INDEX plan_question_once_live
        ON plan_question (COALESCE(appointment_id, 0), question_id)
        WHERE question_id IS NOT NULL AND deleted_at IS NULL;

    DROP TRIGGER note_fts_insert;
    DROP TRIGGER note_fts_delete;
    DROP TRIGGER note_fts_update;
    DROP TABLE note_fts;
    CREATE VIRTUAL TABLE note_words USING fts5(
        words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO note_words (note_words, rank) VALUES ('secure-delete', 1);
    INSERT INTO note_words (rowid, words) SELECT id, alk_fold(body) FROM note;
    CREATE TRIGGER note_words_insert AFTER INSERT ON note BEGIN
        INSERT INTO note_words (rowid, words) VALUES (new.id, alk_fold(new.body));
    END;
    CREATE TRIGGER note_words_delete AFTER DELETE ON note BEGIN
        DELETE FROM note_words WHERE rowid = old.id;
    END;
    CREATE TRIGGER note_words_update AFTER UPDATE OF body ON note BEGIN
        DELETE FROM note_words WHERE rowid = old.id;
        INSERT INTO note_words (rowid, words) VALUES (new.id, alk_fold(new.body));
    END;",
    // 4: the patient's care team, with the 24-hour or acute oncology line marked.
    "CREATE TABLE care_contact (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        round_the_clock INTEGER NOT NULL DEFAULT 0,
        deleted_at TEXT
    );",
    // 5: each appointment's calendar UID, a random UUID (`alk_new_uid`, registered on open) that
    // is never given out again as row ids are, and its SEQUENCE, how many times it changed.
    "ALTER TABLE appointment ADD COLUMN uid TEXT NOT NULL DEFAULT '';
    ALTER TABLE appointment ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
    UPDATE appointment SET uid = alk_new_uid();
    CREATE UNIQUE INDEX appointment_uid ON appointment (uid);",
    // 6: recordings of an appointment, their audio file kept beside the store (its name only), and
    // the moment in each where a question was being answered: one mark per question per recording.
    "CREATE TABLE recording (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
        recovered INTEGER NOT NULL DEFAULT 0,
        deleted_at TEXT
    );
    CREATE INDEX recording_of_appointment ON recording (appointment_id);
    CREATE TABLE recording_mark (
        recording_id INTEGER NOT NULL REFERENCES recording(id) ON DELETE CASCADE,
        plan_question_id INTEGER NOT NULL REFERENCES plan_question(id) ON DELETE CASCADE,
        at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
        PRIMARY KEY (recording_id, plan_question_id)
    );
    CREATE INDEX recording_mark_of_question ON recording_mark (plan_question_id);",
];

pub(crate) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > latest() {
        return Err(Error::TooNew { found, supported: latest() });
    }
    Ok(())
}

/// True when the file has a record in an older layout: the moment for a safety copy.
pub(super) fn needs_migrating(conn: &Connection) -> Result<bool> {
    let version = user_version(conn)?;
    Ok(version > 0 && version < latest())
}

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    let current = user_version(&tx)?;
    for (index, step) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn migrating_twice_is_harmless() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::register_functions(&conn).unwrap();
        migrate(&mut conn).unwrap();
        conn.execute("INSERT INTO note (id, body, updated_at) VALUES (1, 'x', 'now')", []).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), latest());
        let body: String = conn.query_row("SELECT body FROM note", [], |r| r.get(0)).unwrap();
        assert_eq!(body, "x");
    }

    #[test]
    fn store_from_newer_app_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);").unwrap();
            conn.pragma_update(None, "user_version", latest() + 1).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = match Store::open(&path) {
            Err(err) => err,
            Ok(_) => panic!("a newer store must be refused"),
        };
        assert_eq!(err.kind(), crate::ErrorKind::TooNew);
        assert!(err.plain_message().contains("newer version"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file must not change");
        assert!(!dir.path().join("store.sqlite3-wal").exists());
    }
}

#[cfg(test)]
mod upgrade_tests {
    use super::*;

    /// A store made by the first slice keeps its choices and its note after the upgrade.
    #[test]
    fn first_slice_store_upgrades_without_loss() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::register_functions(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(MIGRATIONS[0]).unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        tx.execute_batch(
            "INSERT INTO chosen_question VALUES ('tki-which', 1), ('ask3-options', 2);
             INSERT INTO note VALUES (1, 'my scan note', '2026-11-01T10:00:00Z');",
        )
        .unwrap();
        tx.commit().unwrap();
        migrate(&mut conn).unwrap();
        let ids: Vec<String> = conn
            .prepare("SELECT question_id FROM plan_question WHERE appointment_id IS NULL ORDER BY position")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(ids, vec!["tki-which", "ask3-options"]);
        let found: i64 =
            conn.query_row("SELECT count(*) FROM note_words WHERE note_words MATCH 'scan'", [], |r| r.get(0)).unwrap();
        assert_eq!(found, 1, "an old note is in the new index, folded");
    }

    /// A store from before recordings keeps its appointments and questions, and can record them;
    /// a recording and its marks go with their appointment or question when those go for good.
    #[test]
    fn a_store_before_recordings_upgrades_and_its_appointments_can_be_recorded() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::register_functions(&conn).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let tx = conn.transaction().unwrap();
        for step in &MIGRATIONS[..5] {
            tx.execute_batch(step).unwrap();
        }
        tx.pragma_update(None, "user_version", 5).unwrap();
        tx.execute_batch(
            "INSERT INTO appointment (id, starts_at, uid) VALUES (1, '2030-01-15T14:30', 'u1'), (2, '2030-02-01T10:00', 'u2');
             INSERT INTO plan_question (id, appointment_id, own_text, position) VALUES (7, 1, 'Which tablet?', 1);",
        )
        .unwrap();
        tx.commit().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), latest());
        conn.execute_batch(
            "INSERT INTO recording (id, appointment_id, file_name, started_at) VALUES (1, 1, 'a.mp3', '2030-01-15T14:31'),
                                                                                     (2, 2, 'b.mp3', '2030-02-01T10:01');
             INSERT INTO recording_mark (recording_id, plan_question_id, at_ms) VALUES (1, 7, 61000);",
        )
        .unwrap();
        let twice = conn.execute("INSERT INTO recording_mark VALUES (1, 7, 90000)", []);
        assert!(twice.is_err(), "one mark per question per recording");
        assert!(
            conn.execute("INSERT INTO recording_mark VALUES (2, 99, 0)", []).is_err(),
            "a question that is not there"
        );
        let count = |table: &str| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
        };
        conn.execute("DELETE FROM plan_question WHERE id = 7", []).unwrap();
        assert_eq!((count("recording"), count("recording_mark")), (2, 0));
        conn.execute("DELETE FROM appointment WHERE id = 1", []).unwrap();
        assert_eq!(count("recording"), 1);
    }

    /// Appointments made before each had a calendar uid get one each, all different.
    #[test]
    fn appointments_in_an_older_store_each_get_a_distinct_uid() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::register_functions(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        for step in &MIGRATIONS[..4] {
            tx.execute_batch(step).unwrap();
        }
        tx.pragma_update(None, "user_version", 4).unwrap();
        tx.execute_batch(
            "INSERT INTO appointment (starts_at) VALUES ('2030-01-15T14:30'), ('2030-01-15T14:30');
             INSERT INTO appointment (starts_at, deleted_at) VALUES ('2030-02-01T10:00', '2030-01-01T00:00:00Z');",
        )
        .unwrap();
        tx.commit().unwrap();
        migrate(&mut conn).unwrap();
        let rows: Vec<(String, i64)> = conn
            .prepare("SELECT uid, sequence FROM appointment ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows.len(), 3);
        let uids: std::collections::HashSet<&str> = rows.iter().map(|(uid, _)| uid.as_str()).collect();
        assert_eq!(uids.len(), 3, "{rows:?}");
        assert!(rows.iter().all(|(uid, sequence)| crate::calendar::tests::is_random_uuid(uid) && *sequence == 0));
    }
}
