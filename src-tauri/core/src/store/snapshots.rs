//! Safety copies of the whole store, taken with SQLite's online backup API (never by copying an
//! open file) before anything that replaces much at once: an update of the app's file layout,
//! bringing in a backup, deleting everything, or bringing back an older copy. The newest
//! seven are kept in `safety-copies/` beside the store.

use std::path::{Path, PathBuf};

use rusqlite::backup::Progress;
use rusqlite::{Connection, MAIN_DB};
use serde::Serialize;
use ts_rs::TS;

use super::{migrations, BackupPreview, Store};
use crate::{Error, Result};

/// How many safety copies are kept; the oldest go first.
pub const KEEP_SNAPSHOTS: usize = 7;
const FOLDER: &str = "safety-copies";
const PREFIX: &str = "alk-companion-";
const SUFFIX: &str = ".sqlite3";

/// One safety copy, as the Backup screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Snapshot {
    /// The file's name; the folder stays in Rust.
    pub name: String,
    /// UTC `YYYY-MM-DDTHH:MM:SSZ`.
    pub taken_at: String,
    /// Why it was taken: `before-import`, `before-delete-all`, `before-update`, `before-restore`, `daily`.
    pub reason: String,
}

fn folder(store_path: &Path) -> PathBuf {
    store_path.parent().unwrap_or(Path::new(".")).join(FOLDER)
}

/// Copies the open store to a new safety copy, written whole under a temporary name first.
pub(super) fn take(conn: &Connection, store_path: &Path, reason: &str) -> Result<PathBuf> {
    let dir = folder(store_path);
    std::fs::create_dir_all(&dir)?;
    // Two copies in one millisecond would share a name: wait for the next one.
    let (name, path) = loop {
        let stamp: String = conn.query_row("SELECT strftime('%Y-%m-%dT%H%M%f', 'now')", [], |r| r.get(0))?;
        let name = format!("{PREFIX}{}Z-{reason}{SUFFIX}", stamp.replace('.', ""));
        let path = dir.join(&name);
        if !path.exists() {
            break (name, path);
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    let temp = dir.join(format!(".{name}.partial"));
    conn.backup(MAIN_DB, &temp, None)?;
    std::fs::rename(&temp, &path)?;
    prune(&dir)?;
    Ok(path)
}

fn parse(name: &str) -> Option<Snapshot> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    // 2026-11-28T170102123Z-before-import
    let (stamp, reason) = core.split_once("Z-")?;
    let (day, time) = stamp.split_once('T')?;
    if day.len() != 10 || time.len() < 6 || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let taken_at = format!("{day}T{}:{}:{}Z", &time[0..2], &time[2..4], &time[4..6]);
    Some(Snapshot { name: name.to_string(), taken_at, reason: reason.to_string() })
}

fn list(dir: &Path) -> Result<Vec<Snapshot>> {
    let mut all: Vec<Snapshot> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()?.file_name().to_str().and_then(parse)).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    // The name starts with the time, so name order is time order.
    all.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(all)
}

fn prune(dir: &Path) -> Result<()> {
    for old in list(dir)?.iter().skip(KEEP_SNAPSHOTS) {
        std::fs::remove_file(dir.join(&old.name))?;
    }
    Ok(())
}

impl Store {
    /// Takes a safety copy now. A store in memory has nowhere to put one, so it takes none.
    pub fn take_snapshot(&self, reason: &str) -> Result<Option<Snapshot>> {
        let Some(path) = &self.path else { return Ok(None) };
        let file = take(&self.conn, path, reason)?;
        Ok(file.file_name().and_then(|n| n.to_str()).and_then(parse))
    }

    /// The safety copies, newest first.
    pub fn snapshots(&self) -> Result<Vec<Snapshot>> {
        match &self.path {
            Some(path) => list(&folder(path)),
            None => Ok(Vec::new()),
        }
    }

    /// Deletes every safety copy.
    pub fn delete_snapshots(&self) -> Result<()> {
        let Some(path) = &self.path else { return Ok(()) };
        for copy in self.snapshots()? {
            std::fs::remove_file(folder(path).join(&copy.name))?;
        }
        Ok(())
    }

    /// Takes a safety copy at most once a day, when the app starts.
    pub fn take_daily_snapshot(&self) -> Result<()> {
        let today: String = self.conn.query_row("SELECT strftime('%Y-%m-%d', 'now')", [], |r| r.get(0))?;
        if self.snapshots()?.iter().any(|s| s.taken_at.starts_with(&today)) {
            return Ok(());
        }
        self.take_snapshot("daily").map(|_| ())
    }

    fn snapshot_path(&self, name: &str) -> Result<PathBuf> {
        let path = self.path.as_ref().ok_or_else(no_copy)?;
        // Only a name we listed ourselves: never a path from the UI.
        if !self.snapshots()?.iter().any(|s| s.name == name) {
            return Err(no_copy());
        }
        Ok(folder(path).join(name))
    }

    /// What a safety copy holds, without changing anything.
    pub fn snapshot_preview(&self, name: &str) -> Result<BackupPreview> {
        let copy = load(&self.snapshot_path(name)?)?;
        Ok(copy.export_backup()?.preview())
    }

    /// Replaces the record with a safety copy, after taking one of what is here now.
    pub fn restore_snapshot(&mut self, name: &str) -> Result<()> {
        let path = self.snapshot_path(name)?;
        // Read and check the copy first: a damaged one changes nothing.
        load(&path)?;
        self.take_snapshot("before-restore")?;
        self.conn.restore(MAIN_DB, &path, None::<fn(Progress)>)?;
        migrations::migrate(&mut self.conn)?;
        Ok(())
    }
}

/// True when the safety copy opens and passes SQLite's check.
pub(super) fn is_whole(store_path: &Path, copy: &Snapshot) -> bool {
    load(&folder(store_path).join(&copy.name)).is_ok()
}

fn no_copy() -> Error {
    Error::NotFound("That safety copy is no longer there.".into())
}

/// Opens a safety copy in memory, checked and brought up to this app's layout.
fn load(path: &Path) -> Result<Store> {
    let mut conn = Connection::open_in_memory()?;
    let damaged =
        |_| Error::Invalid("That safety copy is damaged and cannot be used. Nothing has been changed.".into());
    conn.restore(MAIN_DB, path, None::<fn(Progress)>).map_err(damaged)?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(damaged)?;
    if ok != "ok" {
        return Err(damaged(rusqlite::Error::InvalidQuery));
    }
    Store::init(conn, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_safety_copy_brings_back_what_was_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("store.sqlite3")).unwrap();
        store.save_note(None, "Irreplaceable", None).unwrap();
        let copy = store.take_snapshot("before-delete-all").unwrap().unwrap();
        store.delete_all().unwrap();
        assert!(store.notes().unwrap().is_empty());
        assert_eq!(store.snapshot_preview(&copy.name).unwrap().notes, 1);
        store.restore_snapshot(&copy.name).unwrap();
        assert_eq!(store.notes().unwrap()[0].text, "Irreplaceable");
        assert_eq!(store.search_notes("irreplaceable", 5).unwrap().len(), 1);
        // Restoring took a copy of the empty record first.
        assert!(store.snapshots().unwrap().iter().any(|s| s.reason == "before-restore"));
    }

    #[test]
    fn only_the_newest_seven_are_kept_and_names_from_outside_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("store.sqlite3")).unwrap();
        for _ in 0..10 {
            store.take_snapshot("before-import").unwrap();
        }
        assert_eq!(store.snapshots().unwrap().len(), KEEP_SNAPSHOTS);
        assert_eq!(store.snapshot_preview("../store.sqlite3").unwrap_err().kind(), crate::ErrorKind::NotFound);
    }

    #[test]
    fn a_damaged_safety_copy_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("store.sqlite3")).unwrap();
        store.save_note(None, "kept", None).unwrap();
        let copy = store.take_snapshot("daily").unwrap().unwrap();
        std::fs::write(dir.path().join(FOLDER).join(&copy.name), b"not a database at all").unwrap();
        assert!(store.restore_snapshot(&copy.name).is_err());
        assert_eq!(store.notes().unwrap()[0].text, "kept");
    }
}
