//! Small choices the app remembers, such as which parts go in the pack.

use rusqlite::{params, OptionalExtension};

use super::backup::{bad_text, unique, BackupPart};
use super::{check_text, Store, MAX_NOTE_CHARS, MAX_SHORT_CHARS};
use crate::Result;

/// The backup's `settings`, each a key and its value; the preview does not count them.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        let mut stmt = store.conn.prepare("SELECT key, value FROM setting ORDER BY key")?;
        backup.settings = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(())
    },
    check: |backup| {
        unique(backup.settings.iter().map(|(key, _)| key.as_str()))?;
        for (key, value) in &backup.settings {
            check_text(key, MAX_SHORT_CHARS, "setting").map_err(bad_text)?;
            check_text(value, MAX_NOTE_CHARS, "setting").map_err(bad_text)?;
        }
        Ok(())
    },
    import: |conn, backup| {
        let mut insert = conn.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2)")?;
        for (key, value) in &backup.settings {
            insert.execute(params![key, value])?;
        }
        Ok(())
    },
    count: |_, _| {},
};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM setting WHERE key = ?1", params![key], |r| r.get(0)).optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}
