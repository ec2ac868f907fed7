//! A store that cannot be read when the app starts: cut short, overwritten with something
//! else, or damaged inside. It is never overwritten. The file (and its log) is moved aside with
//! the time in its name, the app starts with an empty record, and the newest safety copy that
//! is whole is offered to bring back. A store from a newer app is not damaged: it is refused
//! and left where it is, as before.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

use super::{snapshots, Snapshot, Store};
use crate::{Error, Result};

/// What happened at start, for the window to say in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recovery {
    /// The name the damaged file was given, beside the new one.
    pub moved_to: String,
    /// The newest safety copy that is whole, to offer; `None` when there is none.
    pub newest_copy: Option<Snapshot>,
}

/// True for the errors a damaged or foreign file gives, not for a locked or unreadable one.
fn is_damage(error: &Error) -> bool {
    match error {
        Error::Sql(rusqlite::Error::SqliteFailure(e, _)) => {
            matches!(e.code, ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
        }
        Error::Damaged => true,
        _ => false,
    }
}

impl Store {
    /// Opens the store; if the file is damaged, moves it aside and opens a new one.
    pub fn open_or_recover(path: &Path) -> Result<(Store, Option<Recovery>)> {
        let error = match Store::open_checked(path) {
            Ok(store) => return Ok((store, None)),
            Err(error) if is_damage(&error) => error,
            Err(error) => return Err(error),
        };
        eprintln!("alk-companion: the store could not be read and is moved aside: {error}");
        let moved_to = move_aside(path)?;
        let store = Store::open(path)?;
        let newest_copy = store.newest_whole_snapshot()?;
        let moved_to = moved_to.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        Ok((store, Some(Recovery { moved_to, newest_copy })))
    }

    /// Opens the store and has SQLite check the file quickly.
    fn open_checked(path: &Path) -> Result<Store> {
        let store = Store::open(path)?;
        let result: String = store.conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if result != "ok" {
            return Err(Error::Damaged);
        }
        Ok(store)
    }

    /// The newest safety copy that opens and passes SQLite's check.
    pub fn newest_whole_snapshot(&self) -> Result<Option<Snapshot>> {
        let Some(path) = &self.path else { return Ok(None) };
        for copy in self.snapshots()? {
            if snapshots::is_whole(path, &copy) {
                return Ok(Some(copy));
            }
        }
        Ok(None)
    }
}

/// Renames the store and its log files to `alk-companion-damaged-<time>...`, never over a file.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let stamp: String =
        Connection::open_in_memory()?.query_row("SELECT strftime('%Y-%m-%dT%H%M%SZ', 'now')", [], |r| r.get(0))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("store");
    let mut target = dir.join(format!("{stem}-damaged-{stamp}.sqlite3"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{stem}-damaged-{stamp}-{n}.sqlite3"));
    }
    std::fs::rename(path, &target)?;
    for ending in ["-wal", "-shm"] {
        let log = PathBuf::from(format!("{}{ending}", path.display()));
        if log.exists() {
            std::fs::rename(&log, PathBuf::from(format!("{}{ending}", target.display())))?;
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store with a note and a safety copy, then `damage` done to its file.
    fn damaged_store(damage: impl Fn(&Path)) -> (tempfile::TempDir, PathBuf, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alk-companion.sqlite3");
        {
            let mut store = Store::open(&path).unwrap();
            for i in 0..200 {
                store.save_note(None, &format!("note {i} {}", "words ".repeat(40)), None).unwrap();
            }
            store.take_snapshot("daily").unwrap();
        }
        damage(&path);
        let bytes = std::fs::read(&path).unwrap();
        (dir, path, bytes)
    }

    fn recovers(damage: impl Fn(&Path)) {
        let (dir, path, damaged) = damaged_store(damage);
        let (store, recovery) = Store::open_or_recover(&path).expect("the app still starts");
        let recovery = recovery.expect("the damage is noticed");
        // The damaged file is kept, byte for byte, under its new name.
        assert_eq!(std::fs::read(dir.path().join(&recovery.moved_to)).unwrap(), damaged);
        assert!(recovery.moved_to.starts_with("alk-companion-damaged-"), "{}", recovery.moved_to);
        // The app starts empty, and offers the copy, which brings the notes back.
        assert!(store.notes().unwrap().is_empty());
        let copy = recovery.newest_copy.expect("the safety copy is offered");
        let mut store = store;
        store.restore_snapshot(&copy.name).unwrap();
        assert_eq!(store.notes().unwrap().len(), 200);
    }

    #[test]
    fn a_file_cut_short_is_moved_aside_and_the_copy_offered() {
        recovers(|path| {
            let len = std::fs::metadata(path).unwrap().len();
            std::fs::File::options().write(true).open(path).unwrap().set_len(len / 3).unwrap();
        });
    }

    #[test]
    fn garbage_in_the_file_is_moved_aside_and_the_copy_offered() {
        recovers(|path| {
            let mut bytes = std::fs::read(path).unwrap();
            for b in bytes.iter_mut().skip(4096).step_by(7) {
                *b = 0xA5;
            }
            std::fs::write(path, bytes).unwrap();
        });
    }

    #[test]
    fn a_file_that_is_not_a_database_is_moved_aside_and_the_copy_offered() {
        recovers(|path| std::fs::write(path, "%PDF-1.7 this is a letter, not a database\n".repeat(100)).unwrap());
    }

    #[test]
    fn a_store_from_a_newer_app_is_not_moved() {
        let (_dir, path, _) = damaged_store(|path| {
            let conn = Connection::open(path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        });
        let err = match Store::open_or_recover(&path) {
            Err(err) => err,
            Ok(_) => panic!("a newer store must be refused"),
        };
        assert_eq!(err.kind(), crate::ErrorKind::TooNew);
        assert!(path.exists());
    }
}
