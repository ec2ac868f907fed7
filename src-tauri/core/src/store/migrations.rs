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
        return Err(Error::TooNew {
            found,
            supported: latest(),
        });
    }
    Ok(())
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
        migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO note (id, body, updated_at) VALUES (1, 'x', 'now')",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), latest());
        let body: String = conn
            .query_row("SELECT body FROM note", [], |r| r.get(0))
            .unwrap();
        assert_eq!(body, "x");
    }

    #[test]
    fn store_from_newer_app_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);")
                .unwrap();
            conn.pragma_update(None, "user_version", latest() + 1)
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = match Store::open(&path) {
            Err(err) => err,
            Ok(_) => panic!("a newer store must be refused"),
        };
        assert_eq!(err.kind(), crate::ErrorKind::TooNew);
        assert!(err.plain_message().contains("newer version"));
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "the file must not change"
        );
        assert!(!dir.path().join("store.sqlite3-wal").exists());
    }
}
