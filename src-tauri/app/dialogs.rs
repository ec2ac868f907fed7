//! The native file dialogs, with the test seams WebDriver and IPC tests use instead
//! (they cannot click a native dialog).

use std::path::{Path, PathBuf};

use alk_core::ErrorKind;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ApiError, Result};
use crate::AppState;

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

/// Writes to a temporary file first, so a failed write never leaves half a file behind.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = path.with_extension("partial");
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    written.map_err(|_| {
        let _ = std::fs::remove_file(&temp);
        ApiError::new(
            ErrorKind::Storage,
            "The file could not be saved there. Please choose another folder, such as Documents.",
        )
    })
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Opens a saved file in the system's viewer. On Linux this runs `xdg-open` (or, where that is
/// missing, `gio open`) with a clean environment, because a bundle's own library paths (an
/// AppImage's, say) break the viewer it starts.
pub(crate) fn open_in_viewer<R: Runtime>(app: &AppHandle<R>, path: &Path) -> Result<()> {
    let failed = || {
        ApiError::new(
            ErrorKind::Pack,
            "Your file is saved, but this computer has no program set up to open it. You can open it yourself from where you saved it.",
        )
    };
    if cfg!(target_os = "linux") {
        // What a desktop session needs to find and show the viewer; XDG_DATA_HOME and
        // XDG_CONFIG_HOME say which program opens PDFs.
        const KEEP: [&str; 10] = [
            "PATH",
            "HOME",
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "XDG_RUNTIME_DIR",
            "DBUS_SESSION_BUS_ADDRESS",
            "XDG_DATA_DIRS",
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "LANG",
        ];
        let openers: [(&str, &[&str]); 2] = [("xdg-open", &[]), ("gio", &["open"])];
        for (program, args) in openers {
            let mut command = std::process::Command::new(program);
            command.args(args).arg(path).env_clear();
            command.envs(KEEP.iter().filter_map(|key| std::env::var_os(key).map(|value| (key, value))));
            match command.status() {
                Ok(status) if status.success() => return Ok(()),
                Ok(_) => return Err(failed()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(_) => return Err(failed()),
            }
        }
        return Err(failed());
    }
    use tauri_plugin_opener::OpenerExt;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|_| failed())
}
