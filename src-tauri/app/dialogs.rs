//! The native file dialogs, with the test seams WebDriver and IPC tests use instead
//! (they cannot click a native dialog).

use std::path::{Path, PathBuf};

use alk_core::ErrorKind;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ApiError, Result};
use crate::{platform, AppState};

/// Asks where to save `file_name`; `None` when the user cancels.
pub(crate) async fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    title: &str,
    file_name: &str,
    (filter, extension): (&str, &str),
) -> Result<Option<PathBuf>> {
    if let Some(dir) = &state.save_dir {
        return Ok(Some(dir.join(file_name)));
    }
    let (send, receive) = tokio::sync::oneshot::channel();
    app.dialog().file().set_title(title).set_file_name(file_name).add_filter(filter, &[extension]).save_file(
        move |path| {
            let _ = send.send(path);
        },
    );
    let chosen = receive.await.map_err(|_| ApiError::internal())?;
    Ok(chosen.and_then(|p| p.into_path().ok()))
}

/// Asks which file to open; `None` when the user cancels.
pub(crate) async fn ask_open_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    title: &str,
    (filter, extension): (&str, &str),
) -> Result<Option<PathBuf>> {
    if let Some(file) = &state.open_file {
        return Ok(Some(file.clone()));
    }
    let (send, receive) = tokio::sync::oneshot::channel();
    app.dialog().file().set_title(title).add_filter(filter, &[extension]).pick_file(move |path| {
        let _ = send.send(path);
    });
    let chosen = receive.await.map_err(|_| ApiError::internal())?;
    Ok(chosen.and_then(|p| p.into_path().ok()))
}

/// Writes the whole file or nothing: into a new temporary file of its own in the same folder,
/// flushed to the disk, then renamed over `path` in one step. A failed write leaves any file
/// already at `path` as it was, and never touches another file of the user's.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    write_whole_with(path, |file| file.write_all(bytes))
}

/// Copies a file the app keeps to where the user chose, whole or not at all, as `write_whole`.
pub(crate) fn copy_whole(from: &Path, to: &Path) -> Result<()> {
    write_whole_with(to, |file| std::io::copy(&mut std::fs::File::open(from)?, file).map(drop))
}

fn write_whole_with(path: &Path, write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>) -> Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let written = tempfile::NamedTempFile::new_in(folder).and_then(|mut temp| {
        write(temp.as_file_mut())?;
        temp.as_file().sync_all()?;
        temp.persist(path).map_err(|e| e.error)?;
        Ok(())
    });
    written.map_err(|_| {
        if platform::held_open_elsewhere(path) {
            return ApiError::new(
                ErrorKind::Storage,
                "The file is open in another program, such as your PDF reader. Please close it there and save again, or save it with another name.",
            );
        }
        ApiError::new(
            ErrorKind::Storage,
            "The file could not be saved there. Please choose another folder, such as Documents.",
        )
    })
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Opens a saved file in the system's viewer (platform::open_path says how on each system).
pub(crate) fn open_in_viewer(path: &Path) -> Result<()> {
    open_with_system(path, || {
        ApiError::new(
            ErrorKind::Pack,
            "Your file is saved, but this computer has no program set up to open it. You can open it yourself from where you saved it.",
        )
    })
}

/// Hands a file or folder to the program the system uses for it; `failed` says so if none did.
pub(crate) fn open_with_system(path: &Path, failed: impl Fn() -> ApiError) -> Result<()> {
    platform::open_path(path).map_err(|_| failed())
}

/// Hands a web address to the patient's own web browser. Only addresses from the content come
/// here, never typed ones.
pub(crate) fn open_in_browser(address: &str, failed: impl Fn() -> ApiError) -> Result<()> {
    platform::open_address(address).map_err(|_| failed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_and_no_other_file_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("appointment-pack.pdf");
        // Files of the user's that a fixed temporary name would have overwritten.
        std::fs::write(dir.path().join("appointment-pack.partial"), b"the user's own file").unwrap();
        std::fs::write(&path, b"the old pack").unwrap();
        write_whole(&path, b"%PDF the new pack").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF the new pack");
        assert_eq!(std::fs::read(dir.path().join("appointment-pack.partial")).unwrap(), b"the user's own file");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left behind");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("backup.json");
        let err = write_whole(&path, b"{}").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Storage);
        assert!(err.message.contains("could not be saved"));
    }

    /// Linux and macOS replace the name; the viewer keeps reading the pack it had open.
    #[cfg(not(windows))]
    #[test]
    fn a_pack_open_in_a_viewer_is_replaced_and_the_viewer_keeps_the_old_one() {
        use std::io::Read;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("appointment-pack.pdf");
        std::fs::write(&path, b"the old pack").unwrap();
        let mut viewer = std::fs::File::open(&path).unwrap();
        write_whole(&path, b"%PDF the new pack").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF the new pack");
        let mut shown = String::new();
        viewer.read_to_string(&mut shown).unwrap();
        assert_eq!(shown, "the old pack");
    }

    /// Windows refuses to replace a file a viewer holds without sharing it, as Adobe Reader does:
    /// the patient is told why, and the pack they have open is left as it was.
    #[cfg(windows)]
    #[test]
    fn a_pack_open_in_a_viewer_that_holds_it_is_kept_and_the_patient_told_why() {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("appointment-pack.pdf");
        std::fs::write(&path, b"the old pack").unwrap();
        let viewer = std::fs::File::options().read(true).share_mode(0x1).open(&path).unwrap();
        let err = write_whole(&path, b"%PDF the new pack").unwrap_err();
        assert!(err.message.contains("open in another program"), "{}", err.message);
        drop(viewer);
        assert_eq!(std::fs::read(&path).unwrap(), b"the old pack");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left behind");
        write_whole(&path, b"%PDF the new pack").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF the new pack");
    }
}
