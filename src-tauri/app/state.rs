use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use alk_core::content::Content;
use alk_core::pack::FontSet;
use alk_core::search::SearchIndex;
use alk_core::store::{Backup, Store};

use crate::error::{ApiError, Result};

/// The name of the store file inside the platform's app-data folder.
pub const STORE_FILE: &str = "alk-companion.sqlite3";

/// A test seam: when set, packs are written into this folder instead of asking with the
/// native save dialog, which WebDriver cannot click.
pub const SAVE_DIR_ENV: &str = "ALK_COMPANION_SAVE_DIR";

pub struct AppState {
    /// Read-only after start-up, so it needs no lock.
    content: std::result::Result<Content, ApiError>,
    search: std::result::Result<SearchIndex, ApiError>,
    fonts: std::result::Result<Arc<FontSet>, ApiError>,
    store: std::result::Result<Mutex<Store>, ApiError>,
    pub(crate) last_pack: Mutex<Option<PathBuf>>,
    pub(crate) save_dir: Option<PathBuf>,
    /// A test seam like `save_dir`: the file the open dialog would return.
    pub(crate) open_file: Option<PathBuf>,
    /// A backup read and previewed, waiting for the user to confirm the import.
    pub(crate) pending_backup: Mutex<Option<Backup>>,
}

impl AppState {
    /// Opens everything the app needs. A part that fails is kept as its error, so the window
    /// still opens and can say in plain words what is wrong.
    pub fn open(resources: &Path, data_dir: &Path) -> AppState {
        let content = Content::load(&resources.join("content")).map_err(ApiError::from);
        AppState {
            search: content.as_ref().map(SearchIndex::build).map_err(Clone::clone),
            content,
            fonts: FontSet::load(&resources.join("fonts")).map(Arc::new).map_err(ApiError::from),
            store: Store::open(&data_dir.join(STORE_FILE))
                .inspect(|store| {
                    // A missed daily copy is no reason to stop the app; the next start tries again.
                    if let Err(e) = store.take_daily_snapshot() {
                        eprintln!("alk-companion: no daily safety copy: {e}");
                    }
                })
                .map(Mutex::new)
                .map_err(ApiError::from),
            last_pack: Mutex::new(None),
            save_dir: std::env::var_os(SAVE_DIR_ENV).map(PathBuf::from),
            open_file: None,
            pending_backup: Mutex::new(None),
        }
    }

    /// Writes packs into `dir` without the save dialog (tests only need this).
    pub fn with_save_dir(mut self, dir: PathBuf) -> AppState {
        self.save_dir = Some(dir);
        self
    }

    /// Answers the open dialog with `file` (tests only need this).
    pub fn with_open_file(mut self, file: PathBuf) -> AppState {
        self.open_file = Some(file);
        self
    }

    pub(crate) fn content(&self) -> Result<&Content> {
        self.content.as_ref().map_err(Clone::clone)
    }

    pub(crate) fn search_index(&self) -> Result<&SearchIndex> {
        self.search.as_ref().map_err(Clone::clone)
    }

    pub(crate) fn fonts(&self) -> Result<Arc<FontSet>> {
        self.fonts.as_ref().map(Arc::clone).map_err(Clone::clone)
    }

    /// The store. A panic in another command while it held the lock does not end the session:
    /// any transaction it had open was rolled back when it was dropped, so the store is whole.
    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Store>> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        Ok(store.lock().unwrap_or_else(|poisoned| {
            store.clear_poison();
            poisoned.into_inner()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_saving_does_not_end_the_session() {
        let data = tempfile::tempdir().unwrap();
        let resources = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources");
        let state = Arc::new(AppState::open(&resources, data.path()));
        state.store().unwrap().save_note(None, "kept", None).unwrap();
        let poisoner = Arc::clone(&state);
        let result = std::thread::spawn(move || {
            let _store = poisoner.store().unwrap();
            panic!("a bug while the store was held");
        })
        .join();
        assert!(result.is_err());
        let mut store = state.store().expect("the store is usable after a panic elsewhere");
        store.save_note(None, "after", None).unwrap();
        assert_eq!(store.notes().unwrap().len(), 2);
    }
}
