//! The patient's own words and choices, in one SQLite file in the app-data folder.

mod migrations;

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Result};

/// The most a single note may hold. A 1 MB paste is refused in plain words, not half-saved.
pub const MAX_NOTE_CHARS: usize = 100_000;

/// The general note has this fixed id until notes become a list.
const GENERAL_NOTE_ID: i64 = 1;

pub struct Store {
    conn: Connection,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Note {
    pub text: String,
    /// When it was last saved, as UTC `YYYY-MM-DDTHH:MM:SSZ`; none before the first save.
    pub updated_at: Option<String>,
}

impl Store {
    /// Opens (or creates) the store at `path`. A file from a newer app is refused untouched.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Self::init(Connection::open(path)?)
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store> {
        // Check the version before any setting below writes to the file.
        migrations::refuse_newer(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The chosen library questions, in the order they were chosen.
    pub fn chosen_questions(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT question_id FROM chosen_question ORDER BY position, question_id")?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(ids)
    }

    pub fn set_question_chosen(&mut self, question_id: &str, chosen: bool) -> Result<()> {
        if chosen {
            self.conn.execute(
                "INSERT OR IGNORE INTO chosen_question (question_id, position)
                 VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM chosen_question))",
                params![question_id],
            )?;
        } else {
            self.conn.execute(
                "DELETE FROM chosen_question WHERE question_id = ?1",
                params![question_id],
            )?;
        }
        Ok(())
    }

    pub fn note(&self) -> Result<Note> {
        let row = self
            .conn
            .query_row(
                "SELECT body, updated_at FROM note WHERE id = ?1",
                params![GENERAL_NOTE_ID],
                |row| {
                    Ok(Note {
                        text: row.get(0)?,
                        updated_at: Some(row.get(1)?),
                    })
                },
            )
            .optional()?;
        Ok(row.unwrap_or(Note {
            text: String::new(),
            updated_at: None,
        }))
    }

    pub fn save_note(&mut self, text: &str) -> Result<Note> {
        check_note(text)?;
        self.conn.execute(
            "INSERT INTO note (id, body, updated_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
             ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![GENERAL_NOTE_ID, text],
        )?;
        self.note()
    }
}

fn check_note(text: &str) -> Result<()> {
    let chars = text.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(Error::Invalid(format!(
            "This note is too long to save. A note can hold up to {} letters and spaces, and this one has {}. \
             Your last saved version is safe. Try splitting it into shorter notes.",
            group_thousands(MAX_NOTE_CHARS),
            group_thousands(chars)
        )));
    }
    if text.contains('\0') {
        return Err(Error::Invalid(
            "This note has a hidden character that cannot be saved. Your last saved version is safe.".into(),
        ));
    }
    Ok(())
}

fn group_thousands(n: usize) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_survives_close_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        let text = "Ask about lorlatinib ≥ 50 — Zoë’s łódź 😀 مرحبا 你好";
        {
            let mut store = Store::open(&path).unwrap();
            let saved = store.save_note(text).unwrap();
            assert_eq!(saved.text, text);
            assert!(saved.updated_at.is_some());
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.note().unwrap().text, text);
    }

    #[test]
    fn chosen_questions_keep_their_order_and_survive_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite3");
        {
            let mut store = Store::open(&path).unwrap();
            store.set_question_chosen("b", true).unwrap();
            store.set_question_chosen("a", true).unwrap();
            store.set_question_chosen("c", true).unwrap();
            store.set_question_chosen("a", true).unwrap();
            store.set_question_chosen("c", false).unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.chosen_questions().unwrap(), vec!["b", "a"]);
    }

    #[test]
    fn huge_note_is_refused_and_saved_note_is_kept() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_note("kept").unwrap();
        let huge = "x".repeat(1_000_000);
        let err = store.save_note(&huge).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(
            err.plain_message().contains("100,000"),
            "{}",
            err.plain_message()
        );
        assert!(!err.plain_message().contains("xxxx"));
        assert_eq!(store.note().unwrap().text, "kept");
    }

    #[test]
    fn empty_store_has_empty_note() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(
            store.note().unwrap(),
            Note {
                text: String::new(),
                updated_at: None
            }
        );
        assert!(store.chosen_questions().unwrap().is_empty());
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1_000_000), "1,000,000");
        assert_eq!(group_thousands(999), "999");
    }
}
