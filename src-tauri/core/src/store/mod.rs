//! The patient's own words and choices, in one SQLite file in the app-data folder.
//! Each part of the record has its own file: appointments, plan (questions for an
//! appointment), notes, checklist, treatments, diary, checkups, recordings and backup.

mod appointments;
mod backup;
mod checklist;
mod checkups;
mod choices;
mod contacts;
mod diary;
mod drafts;
mod kinds;
mod migrations;
mod notes;
mod plan;
mod recordings;
mod recovery;
mod removed;
mod screen;
mod settings;
mod snapshots;
mod treatments;

use std::path::{Path, PathBuf};

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

use crate::{Error, Result};

pub use appointments::BackupAppointment;
pub use backup::{
    damaged as backup_damaged, too_large, Backup, BackupPreview, WithBinDate, BACKUP_FORMAT, BACKUP_VERSION,
    MAX_BACKUP_BYTES,
};
pub use checklist::StepProgress;
pub use drafts::{DraftFields, DraftForm};
pub use notes::{NoteHit, BIN_DAYS};
pub use plan::MAX_TOP;
pub use recordings::{is_audio_file_name, BackupRecording};
pub use recovery::Recovery;
pub use removed::{RemovedItem, RemovedKind};
pub use screen::{ScreenSettings, TextSize, Theme};
pub use snapshots::{Snapshot, KEEP_SNAPSHOTS};

/// The most a single note may hold. A 1 MB paste is refused in plain words, not half-saved.
pub const MAX_NOTE_CHARS: usize = 100_000;
/// The most a short field (a name, a place, a question) may hold.
pub const MAX_SHORT_CHARS: usize = 1_000;
/// The most an answer or a diary note may hold.
pub const MAX_ANSWER_CHARS: usize = 20_000;

pub struct Store {
    conn: Connection,
    /// The file, so safety copies can sit beside it; `None` for a store in memory.
    path: Option<PathBuf>,
    /// Audio files of recordings whose rows are gone for good, for the shell to delete.
    erased_recordings: Vec<String>,
}

impl Store {
    /// Opens (or creates) the store at `path`. A file from a newer app is refused untouched.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Self::init(Connection::open(path)?, Some(path.to_path_buf()))
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        // Check the version before any setting below writes to the file.
        migrations::refuse_newer(&conn)?;
        // Before the first migration, safety-copy a store that has something in it.
        if let Some(path) = &path {
            if migrations::needs_migrating(&conn)? {
                snapshots::take(&conn, path, "before-update")?;
            }
        }
        set_up(&mut conn)?;
        migrations::migrate(&mut conn)?;
        let mut store = Store { conn, path, erased_recordings: Vec::new() };
        store.empty_old_bin()?;
        Ok(store)
    }

    /// Removes every part of the record. The content and the app itself are untouched, and no
    /// word of it stays readable in the file: the index forgets it, free pages are zeroed and
    /// the file and its log are rewritten. The recordings' audio files are the shell's to delete
    /// (`take_erased_recordings`).
    pub fn delete_all(&mut self) -> Result<()> {
        let files = recordings::all_files(&self.conn)?;
        let tx = self.conn.savepoint()?;
        delete_everything(&tx)?;
        tx.commit()?;
        self.erased_recordings.extend(files);
        self.scrub()
    }

    /// Runs `change` all or nothing: when it fails (or panics), nothing it did stays. The store's
    /// own changes are savepoints, so they nest inside it.
    pub fn atomically<T>(&mut self, change: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("SAVEPOINT atomically")?;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| change(self)));
        if let Ok(Ok(_)) = outcome {
            self.conn.execute_batch("RELEASE atomically")?;
        } else {
            // The change's own error says what went wrong; a failed rollback adds nothing to it.
            let _ = self.conn.execute_batch("ROLLBACK TO atomically; RELEASE atomically");
        }
        outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }

    /// The connection, for tests that make SQLite fail on purpose.
    #[cfg(test)]
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// SQLite's own check of the whole file.
    pub fn integrity_ok(&self) -> Result<bool> {
        let result: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(result == "ok")
    }

    /// Rewrites the file without the space that removed rows left, so their words are gone
    /// from the disk too, and empties the write-ahead log.
    pub(crate) fn scrub(&mut self) -> Result<()> {
        self.conn.execute_batch("INSERT INTO note_words (note_words) VALUES ('optimize'); VACUUM;")?;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// The connection's settings, outside the migrations: they hold for this connection only.
fn set_up(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    register_functions(conn)
}

/// `alk_fold(text)`: the note index's folding, the same as the search query's; `alk_new_uid()`:
/// a new appointment's calendar UID, for the migration that gave the first ones.
pub(crate) fn register_functions(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "alk_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(crate::words::fold_text(&ctx.get::<String>(0)?)),
    )?;
    // Not deterministic: a new value for each row.
    conn.create_scalar_function("alk_new_uid", 0, FunctionFlags::SQLITE_UTF8, |_| Ok(appointments::new_uid()))?;
    Ok(())
}

fn delete_everything(conn: &Connection) -> Result<()> {
    for kind in &kinds::RECORD_TABLES {
        conn.execute(&format!("DELETE FROM {}", kind.table), [])?;
    }
    conn.execute_batch("INSERT INTO note_words (note_words) VALUES ('delete-all');")?;
    Ok(())
}

/// Refuses text that is too long or holds a character SQLite text cannot keep.
/// The message names the field, never its contents.
pub(crate) fn check_text(text: &str, max: usize, what: &str) -> Result<()> {
    let chars = text.chars().count();
    if chars > max {
        return Err(Error::Invalid(format!(
            "The {what} is too long to save. It can hold up to {} letters and spaces, and this one has {}. \
             What you saved before is safe.",
            group_thousands(max),
            group_thousands(chars)
        )));
    }
    if text.contains('\0') {
        return Err(Error::Invalid(format!(
            "The {what} has a hidden character that cannot be saved. What you saved before is safe."
        )));
    }
    Ok(())
}

pub(crate) fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A row that should exist was not there: the UI is showing something already removed.
pub(crate) fn not_found(what: &str) -> Error {
    Error::NotFound(format!("That {what} is no longer there. It may have been removed."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1_000_000), "1,000,000");
        assert_eq!(group_thousands(999), "999");
    }

    #[test]
    fn long_text_is_refused_by_name_not_content() {
        let err = check_text(&"secret ".repeat(300), MAX_SHORT_CHARS, "place").unwrap_err();
        assert!(err.plain_message().starts_with("The place is too long"), "{}", err.plain_message());
        assert!(!err.plain_message().contains("secret"));
    }

    #[test]
    fn a_full_disk_refuses_the_save_in_plain_words_and_damages_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("store.sqlite3")).unwrap();
        let kept = store.save_note(None, "kept", None).unwrap();
        // The disk is full: the file may not grow by another page.
        let pages: i64 = store.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        store.conn.pragma_update(None, "max_page_count", pages).unwrap();
        let err = store.save_note(None, &"a long note ".repeat(8_000), None).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Storage);
        assert!(err.plain_message().contains("no room left"), "{}", err.plain_message());
        assert!(!err.plain_message().contains("long note"));
        assert!(store.integrity_ok().unwrap());
        assert_eq!(store.notes().unwrap(), vec![kept]);
        // Space again: saving works.
        store.conn.pragma_update(None, "max_page_count", 1_073_741_823).unwrap();
        store.save_note(None, &"a long note ".repeat(8_000), None).unwrap();
    }

    #[test]
    fn a_folder_that_cannot_be_written_refuses_the_save_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("store.sqlite3")).unwrap();
        let kept = store.save_note(None, "kept", None).unwrap();
        // As root, file modes do not stop writes, so SQLite is told to refuse them instead.
        store.conn.pragma_update(None, "query_only", true).unwrap();
        let err = store.save_note(Some(kept.id), "changed", None).unwrap_err();
        assert!(err.plain_message().contains("cannot be written to"), "{}", err.plain_message());
        store.conn.pragma_update(None, "query_only", false).unwrap();
        assert_eq!(store.note(kept.id).unwrap().text, "kept");
        assert!(store.integrity_ok().unwrap());
    }

    #[test]
    fn delete_all_leaves_an_empty_working_store() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_note(None, "x", None).unwrap();
        store.add_library_question(None, "ask3-options").unwrap();
        store.delete_all().unwrap();
        assert!(store.notes().unwrap().is_empty());
        assert!(store.plan(None).unwrap().is_empty());
        store.save_note(None, "after", None).unwrap();
        assert_eq!(store.notes().unwrap().len(), 1);
    }

    /// Every byte of the store file and its write-ahead log.
    fn file_bytes(path: &std::path::Path) -> Vec<u8> {
        let mut bytes = std::fs::read(path).unwrap();
        let wal = path.with_file_name(format!("{}-wal", path.file_name().unwrap().to_string_lossy()));
        bytes.extend(std::fs::read(wal).unwrap_or_default());
        bytes
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    #[test]
    fn delete_all_leaves_no_word_readable_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let mut store = Store::open(&path).unwrap();
        let sentinel = "Quokkasentinel";
        for i in 0..50 {
            store.save_note(None, &format!("{sentinel} note {i} about my scans"), None).unwrap();
        }
        let q = store.add_own_question(None, "My own question").unwrap();
        store.answer_plan_question(q.id, &format!("The answer was {sentinel}"), true).unwrap();
        store
            .add_diary_entry(&crate::model::DiaryInput {
                on_date: "2026-11-20".into(),
                what: "rash".into(),
                other_what: String::new(),
                bother: crate::model::Bother::ALot,
                note: format!("{sentinel} on my arms"),
            })
            .unwrap();
        assert!(contains(&file_bytes(&path), sentinel), "the test must see the word before");
        store.delete_all().unwrap();
        assert!(!contains(&file_bytes(&path), sentinel), "a deleted word is still in the file");
        drop(store);
        assert!(!contains(&file_bytes(&path), sentinel), "a deleted word is still in the file after closing");
    }
}
