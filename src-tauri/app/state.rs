use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use alk_core::content::Content;
use alk_core::pack::FontSet;
use alk_core::search::SearchIndex;
use alk_core::store::{Backup, Recovery, Store};

use crate::audio::{self, Going, Microphones, SystemMicrophones};
use crate::error::{ApiError, Result};
use crate::platform;

/// The name of the store file inside the platform's app-data folder.
pub const STORE_FILE: &str = "alk-companion.sqlite3";

/// A test seam: when set, packs are written into this folder instead of asking with the
/// native save dialog, which WebDriver cannot click. Only a debug build reads it: the WebDriver
/// journeys and the install test (tests/install/deb.sh) run one; a release build never does.
#[cfg(debug_assertions)]
pub const SAVE_DIR_ENV: &str = "ALK_COMPANION_SAVE_DIR";

pub struct AppState {
    /// Read-only after start-up, so it needs no lock.
    content: std::result::Result<Content, ApiError>,
    search: std::result::Result<SearchIndex, ApiError>,
    fonts: std::result::Result<Arc<FontSet>, ApiError>,
    store: std::result::Result<Mutex<Store>, ApiError>,
    /// Set when the store could not be read at start and was moved aside.
    pub(crate) recovery: Option<Recovery>,
    /// The lock on the data folder, released when the app ends.
    _lock: Option<Arc<std::fs::File>>,
    pub(crate) last_pack: Mutex<Option<PathBuf>>,
    pub(crate) save_dir: Option<PathBuf>,
    /// A test seam like `save_dir`: the file the open dialog would return.
    pub(crate) open_file: Option<PathBuf>,
    /// A test seam: when set, web addresses are written down here instead of opening a browser.
    pub(crate) links_opened: Option<Mutex<Vec<String>>>,
    /// A backup read and previewed, waiting for the user to confirm the import.
    pub(crate) pending_backup: Mutex<Option<Backup>>,
    /// Where the store lives, shown in About.
    pub(crate) data_dir: PathBuf,
    /// The recording going now, if one is: one at a time.
    pub(crate) recording: Mutex<Option<Going>>,
    /// The recordings' audio files: `recordings` in the data folder.
    pub(crate) recordings_dir: PathBuf,
    /// The rows of recordings the app had not finished when it last stopped, offered once.
    pub(crate) recovered: Mutex<Vec<i64>>,
    /// Where recordings come from: the microphones, or a test seam's tone.
    pub(crate) microphones: Arc<dyn Microphones>,
}

impl AppState {
    /// Opens everything the app needs. A part that fails is kept as its error, so the window
    /// still opens and can say in plain words what is wrong.
    pub fn open(resources: &Path, data_dir: &Path) -> AppState {
        let content = Content::load(&resources.join("content")).map_err(ApiError::from);
        let lock = lock_data_dir(data_dir);
        let (mut store, recovery) = match &lock {
            Err(error) => (Err(error.clone()), None),
            Ok(_) => match Store::open_or_recover(&data_dir.join(STORE_FILE)) {
                Ok((store, recovery)) => (Ok(store), recovery),
                Err(error) => (Err(ApiError::from(error)), None),
            },
        };
        // Before anything else touches the recordings folder; only with the store, to keep the rows.
        let recordings_dir = audio::folder(data_dir);
        let recovered = store.as_mut().map(|s| audio::recover_at_start(s, &recordings_dir)).unwrap_or_default();
        if let (Ok(store), None) = (&store, &recovery) {
            // A missed daily copy is no reason to stop the app; the next start tries again.
            // After a recovery none is taken, so the good copies are not pushed out by an empty one.
            if let Err(e) = store.take_daily_snapshot() {
                eprintln!("alk-companion: no daily safety copy: {e}");
            }
        }
        #[cfg(debug_assertions)]
        let save_dir = std::env::var_os(SAVE_DIR_ENV).map(PathBuf::from);
        #[cfg(not(debug_assertions))]
        let save_dir = None;
        AppState {
            search: content.as_ref().map(SearchIndex::build).map_err(Clone::clone),
            content,
            fonts: FontSet::load(&resources.join("fonts")).map(Arc::new).map_err(ApiError::from),
            store: store.map(Mutex::new),
            recovery,
            _lock: lock.ok(),
            last_pack: Mutex::new(None),
            save_dir,
            open_file: None,
            links_opened: None,
            pending_backup: Mutex::new(None),
            data_dir: data_dir.to_path_buf(),
            recording: Mutex::new(None),
            recordings_dir,
            recovered: Mutex::new(recovered),
            microphones: Arc::new(SystemMicrophones),
        }
    }

    /// Records a made-up tone instead of a microphone, which goes after `lost_after` if given
    /// (tests only need this: they never open the computer's microphone).
    #[cfg(feature = "test-hooks")]
    pub fn with_test_tone(mut self, lost_after: Option<std::time::Duration>) -> AppState {
        self.microphones = Arc::new(audio::TestTone { lost_after });
        self
    }

    /// Writes packs into `dir` without the save dialog (tests only need this).
    #[cfg(feature = "test-hooks")]
    pub fn with_save_dir(mut self, dir: PathBuf) -> AppState {
        self.save_dir = Some(dir);
        self
    }

    /// Answers the open dialog with `file` (tests only need this).
    #[cfg(feature = "test-hooks")]
    pub fn with_open_file(mut self, file: PathBuf) -> AppState {
        self.open_file = Some(file);
        self
    }

    /// Writes down the web addresses asked for instead of opening a browser (tests only need this).
    #[cfg(feature = "test-hooks")]
    pub fn with_links_written_down(mut self) -> AppState {
        self.links_opened = Some(Mutex::new(Vec::new()));
        self
    }

    /// The web addresses asked for so far, when they are written down instead of opened.
    #[cfg(feature = "test-hooks")]
    pub fn links_opened(&self) -> Vec<String> {
        self.links_opened.as_ref().map(|l| l.lock().map(|l| l.clone()).unwrap_or_default()).unwrap_or_default()
    }

    /// True when this copy holds the data folder's lock, and so may answer later copies.
    #[cfg(target_os = "linux")]
    pub(crate) fn holds_data_folder(&self) -> bool {
        self._lock.is_some()
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

/// Locks the data folder for this copy of the app. A second copy gets a plain message instead
/// of the store (normally a second launch has already brought the first window forward and ended).
#[cfg(not(feature = "test-hooks"))]
fn lock_data_dir(data_dir: &Path) -> Result<Arc<std::fs::File>> {
    lock_file(data_dir).map(Arc::new)
}

/// As above, but copies in one process share the lock: only the IPC tests open the app twice in
/// one process.
#[cfg(feature = "test-hooks")]
fn lock_data_dir(data_dir: &Path) -> Result<Arc<std::fs::File>> {
    static HELD: Mutex<Vec<(PathBuf, std::sync::Weak<std::fs::File>)>> = Mutex::new(Vec::new());
    let mut held = HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    held.retain(|(_, lock)| lock.strong_count() > 0);
    if let Some(lock) = held.iter().find(|(dir, _)| dir == data_dir).and_then(|(_, lock)| lock.upgrade()) {
        return Ok(lock);
    }
    let lock = Arc::new(lock_file(data_dir)?);
    held.push((data_dir.to_path_buf(), Arc::downgrade(&lock)));
    Ok(lock)
}

/// How long a new copy waits for one that is still closing (saving the last words, finishing a
/// recording) to let go of the data folder, before saying another copy is open.
const WAIT_FOR_A_CLOSING_COPY: std::time::Duration = std::time::Duration::from_secs(3);

fn lock_file(data_dir: &Path) -> Result<std::fs::File> {
    let give_up = std::time::Instant::now() + WAIT_FOR_A_CLOSING_COPY;
    let mut taken = platform::lock_data_folder(data_dir);
    while matches!(taken, Ok(None)) && std::time::Instant::now() < give_up {
        std::thread::sleep(std::time::Duration::from_millis(100));
        taken = platform::lock_data_folder(data_dir);
    }
    match taken {
        Ok(Some(file)) => Ok(file),
        Ok(None) => Err(ApiError::new(
            alk_core::ErrorKind::Storage,
            "ALK Companion is already open in another window. Please use that window; this one has not opened your information, so nothing can be mixed up.",
        )),
        Err(_) => Err(ApiError::new(
            alk_core::ErrorKind::Storage,
            "Your information could not be opened just now. What you saved before is safe. Please close the app and open it again.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHILD_DATA: &str = "ALK_TEST_CHILD_DATA";

    /// Run by the test below as a second copy of the app, in a process of its own.
    #[test]
    #[ignore = "started by a_second_copy_never_opens_the_same_store"]
    fn second_copy() {
        let Some(data) = std::env::var_os(CHILD_DATA) else { return };
        let resources = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources");
        let state = AppState::open(&resources, Path::new(&data));
        let said = match state.store() {
            Ok(_) => "opened the store".to_string(),
            Err(e) => e.message,
        };
        println!("SECOND COPY: {said}");
    }

    #[test]
    fn a_second_copy_never_opens_the_same_store() {
        let data = tempfile::tempdir().unwrap();
        let resources = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources");
        let second = || {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "state::tests::second_copy", "--ignored", "--nocapture", "--test-threads=1"])
                .env(CHILD_DATA, data.path())
                .output()
                .unwrap();
            // libtest may print the test's name on the same line first.
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            stdout
                .find("SECOND COPY")
                .map(|at| stdout[at..].lines().next().unwrap_or("").to_string())
                .unwrap_or_default()
        };
        let first = AppState::open(&resources, data.path());
        first.store().unwrap().save_note(None, "first", None).unwrap();
        assert!(second().contains("already open in another window"), "{}", second());
        assert!(first.content().is_ok());
        drop(first);
        assert_eq!(second(), "SECOND COPY: opened the store");
    }

    #[test]
    fn a_copy_still_closing_is_waited_for() {
        // Opened again at once: the last copy is still saving and ending, and lets go in a moment.
        let data = tempfile::tempdir().unwrap();
        let closing = platform::lock_data_folder(data.path()).unwrap().expect("the closing copy holds it");
        let ends = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(400));
            drop(closing);
        });
        assert!(lock_file(data.path()).is_ok(), "taken once the closing copy has gone");
        ends.join().unwrap();
    }

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
