//! Everything in the shell that differs between Linux, Windows and macOS, behind one small API:
//! where the patient's data lives, the lock that keeps a second copy of the app away from it, how a
//! second copy brings the first window forward instead, handing a file or a web address to the
//! system's own program, asking the app to end, and the address the web view plays a file from.
//!
//! What the app leaves to each system on purpose: the save dialog starts where the system's own
//! dialog starts (the folder last used on Windows and macOS, the home folder on Linux); the
//! recorder picks each system's microphone itself (alk-recorder); the store's files are SQLite's.

#[cfg(not(windows))]
use std::ffi::OsStr;
use std::fs::File;
use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};

/// The system could not hand the file or address to a program: none is set up for it, or the
/// one it started said it failed. The caller says so in plain words.
#[derive(Debug)]
pub(crate) struct NotOpened;

/// The folder that holds the store, its safety copies and the recordings:
/// - Linux: `$XDG_DATA_HOME/uk.alkcompanion.desktop` (`~/.local/share/...` when unset);
/// - macOS: `~/Library/Application Support/uk.alkcompanion.desktop`;
/// - Windows: `%LOCALAPPDATA%\uk.alkcompanion.desktop`. Local, not Roaming: a roaming profile is
///   copied back at log-off, so with the app used on two computers the last to log off would
///   silently replace the other's record, and recordings would fill the profile's quota.
pub(crate) fn data_folder<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    #[cfg(windows)]
    let folder = app.path().app_local_data_dir();
    #[cfg(not(windows))]
    let folder = app.path().app_data_dir();
    folder
}

/// Brings the first window forward when the app is started again, and ends the second copy before
/// its window is shown. Windows and macOS find the first copy with the plugin: a named mutex of
/// the session on Windows, a socket in /tmp on macOS (where the Dock and Finder already bring an
/// open app forward instead of starting another). Linux uses the socket below instead, which needs
/// no D-Bus (the plugin's zbus was 0.7 MiB of the binary). Where either fails, the data folder's
/// lock still keeps the second copy away from the store.
#[cfg(not(target_os = "linux"))]
pub(crate) fn single_instance<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, _args, _cwd| bring_forward(app))
}

/// Unminimizes, shows and focuses the main window.
fn bring_forward<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Linux: the socket beside the lock file by which a later copy finds the first. Only the copy
/// holding the lock makes it, so a socket that answers is the first copy's.
#[cfg(target_os = "linux")]
const SOCKET_FILE: &str = "alk-companion.sock";

/// Linux: asks the copy holding `dir` to bring its window forward. True when it answered that it
/// did, and this copy should end. Anything else (no socket, one left by a copy that ended, a copy
/// still closing with no window to show, a path too long for a socket, no answer within a second)
/// is false: this copy starts, and the lock decides.
#[cfg(target_os = "linux")]
pub(crate) fn first_copy_brought_forward(dir: &Path) -> bool {
    use std::io::{Read, Write};
    let asked = || -> std::io::Result<bool> {
        let mut first = std::os::unix::net::UnixStream::connect(dir.join(SOCKET_FILE))?;
        first.set_read_timeout(Some(std::time::Duration::from_secs(1)))?;
        first.write_all(ASK)?;
        let mut answer = [0; SHOWN.len()];
        first.read_exact(&mut answer)?;
        Ok(&answer == SHOWN)
    };
    asked().unwrap_or(false)
}

/// Linux: what a later copy says, and what the first answers once its window is brought forward.
#[cfg(target_os = "linux")]
const ASK: &[u8] = b"show\n";
#[cfg(target_os = "linux")]
const SHOWN: &[u8; 6] = b"shown\n";

/// Linux: once this copy holds `dir`'s lock, brings its window forward whenever a later copy asks.
/// Without the socket (one line on stderr) the lock still keeps later copies from the store.
#[cfg(target_os = "linux")]
pub(crate) fn answer_later_copies<R: Runtime>(app: &AppHandle<R>, dir: &Path) {
    let app = app.clone();
    let forward = move || {
        // A window on its way to closing is not brought back: the later copy opens instead.
        if app.try_state::<crate::closing::Closing>().is_none_or(|closing| closing.under_way()) {
            return false;
        }
        let main = app.clone();
        app.run_on_main_thread(move || bring_forward(&main)).is_ok()
    };
    if let Err(e) = listen_for_later_copies(dir, forward) {
        eprintln!("alk-companion: a second launch cannot bring this window forward: {}", e.kind());
    }
}

/// Linux: replaces any socket left in `dir` (the caller holds the lock) and calls `forward`, on a
/// thread of its own, for each later copy that says something, answering it only when `forward`
/// says the window came forward (a copy that is closing has none left to show). What a later copy
/// says is never read beyond a few bytes, kept or passed on: only that it asked matters.
#[cfg(target_os = "linux")]
fn listen_for_later_copies(dir: &Path, forward: impl Fn() -> bool + Send + 'static) -> std::io::Result<()> {
    use std::io::{Read, Write};
    let path = dir.join(SOCKET_FILE);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let listener = std::os::unix::net::UnixListener::bind(&path)?;
    std::thread::Builder::new().name("later copies".into()).spawn(move || {
        for later in listener.incoming() {
            let Ok(mut later) = later else {
                // Out of file handles, say: wait rather than spin.
                std::thread::sleep(std::time::Duration::from_millis(100));
                continue;
            };
            // A copy that connects and says nothing holds up the next for no longer than this.
            let _ = later.set_read_timeout(Some(std::time::Duration::from_millis(200)));
            if matches!(later.read(&mut [0; 8]), Ok(1..)) && forward() {
                let _ = later.write_all(SHOWN);
            }
        }
    })?;
    Ok(())
}

/// The lock file's name, in the data folder.
const LOCK_FILE: &str = "alk-companion.lock";

/// Takes the data folder's lock for this process, or `Ok(None)` when another process holds it.
/// The lock goes with the returned file: when it is dropped, or however the process ends, even
/// killed, since the system releases it. The file itself is never deleted or renamed, so Windows
/// refusing to delete an open file never matters.
/// - Linux and macOS: `flock`, advisory: it keeps out only another copy of the app, which asks.
/// - Windows: `LockFileEx`, mandatory: no other program can read or write the lock file (it holds
///   nothing), while the store beside it stays SQLite's to lock.
pub(crate) fn lock_data_folder(dir: &Path) -> std::io::Result<Option<File>> {
    std::fs::create_dir_all(dir)?;
    let file = File::options().create(true).truncate(false).write(true).open(dir.join(LOCK_FILE))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Opens a saved file (or a folder) in the program the system uses for it: the PDF viewer for
/// "Open to print", the file manager for the data folder. One no longer there is not handed on.
/// On Windows this is `ShellExecuteExW` (the opener plugin's `open` crate), which fails when no
/// program is set up for the file's type; on Linux and macOS, `open` below.
pub(crate) fn open_path(path: &Path) -> Result<(), NotOpened> {
    if !path.exists() {
        return Err(NotOpened);
    }
    #[cfg(windows)]
    let opened = tauri_plugin_opener::open_path(path, None::<&str>).map_err(|_| NotOpened);
    #[cfg(not(windows))]
    let opened = open(path.as_os_str());
    opened
}

/// Opens a web address in the patient's own browser, a process of its own: the app itself still
/// makes no connection.
pub(crate) fn open_address(address: &str) -> Result<(), NotOpened> {
    #[cfg(windows)]
    let opened = tauri_plugin_opener::open_url(address, None::<&str>).map_err(|_| NotOpened);
    #[cfg(not(windows))]
    let opened = open(OsStr::new(address));
    opened
}

/// Linux (and the other Unixes but macOS): `xdg-open`, or `gio open` where that is missing, with a
/// clean environment, because a bundle's own library paths (an AppImage's, say) break the viewer
/// it starts.
#[cfg(all(unix, not(target_os = "macos")))]
fn open(target: &OsStr) -> Result<(), NotOpened> {
    open_with_xdg(target, |key| std::env::var_os(key))
}

/// macOS: `open`, which hands the file to Launch Services and says whether any app took it.
#[cfg(target_os = "macos")]
fn open(target: &OsStr) -> Result<(), NotOpened> {
    match std::process::Command::new("/usr/bin/open").arg("--").arg(target).status() {
        Ok(status) if status.success() => Ok(()),
        _ => Err(NotOpened),
    }
}

/// What a desktop session needs to find and show the viewer; XDG_DATA_HOME and XDG_CONFIG_HOME say
/// which program opens PDFs.
#[cfg(all(unix, not(target_os = "macos")))]
const XDG_KEEP: [&str; 10] = [
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

/// `xdg-open`, then `gio open`, with only `XDG_KEEP` taken from `env`. The program is looked for
/// on the PATH `env` gives.
#[cfg(all(unix, not(target_os = "macos")))]
fn open_with_xdg(target: &OsStr, env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Result<(), NotOpened> {
    let openers: [(&str, &[&str]); 2] = [("xdg-open", &[]), ("gio", &["open"])];
    for (program, args) in openers {
        let mut command = std::process::Command::new(program);
        command.args(args).arg(target).env_clear();
        command.envs(XDG_KEEP.iter().filter_map(|key| env(key).map(|value| (key, value))));
        match command.status() {
            Ok(status) if status.success() => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            _ => return Err(NotOpened),
        }
    }
    Err(NotOpened)
}

/// True when `path` could not be replaced because another program has it open and will not let
/// go, as Adobe Reader does with the PDF it shows. Only Windows refuses that: Linux and macOS
/// replace the name and the other program keeps reading the old file.
pub(crate) fn held_open_elsewhere(path: &Path) -> bool {
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // Replacing a file needs DELETE access to it, which a program holding it open without
        // FILE_SHARE_DELETE refuses with ERROR_SHARING_VIOLATION.
        const DELETE: u32 = 0x0001_0000;
        const SHARE_ALL: u32 = 0x1 | 0x2 | 0x4;
        const ERROR_SHARING_VIOLATION: i32 = 32;
        let asked = File::options().access_mode(DELETE).share_mode(SHARE_ALL).open(path);
        matches!(asked, Err(e) if e.raw_os_error() == Some(ERROR_SHARING_VIOLATION))
    }
    #[cfg(not(windows))]
    {
        let _ = path;
        false
    }
}

/// Runs `end` when the system asks the app to end without a window's close button: SIGTERM on
/// Linux and macOS (logging out, shutting down, `kill`). Windows sends no signal to a windowed
/// app: `taskkill` sends the window WM_CLOSE, which arrives as its close button does, and logging
/// off ends the event loop (WM_ENDSESSION), which Tauri reports as `RunEvent::Exit`.
pub(crate) fn on_terminate<R: Runtime>(app: &AppHandle<R>, end: fn(&AppHandle<R>)) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            let Ok(mut terminate) = signal(SignalKind::terminate()) else { return };
            while terminate.recv().await.is_some() {
                end(&app);
            }
        });
    }
    #[cfg(not(unix))]
    let _ = (app, end);
}

/// Where the web view fetches the app's files from, as `convertFileSrc` makes the address:
/// WebView2 on Windows takes no custom scheme, so Tauri serves the asset protocol over http there.
#[cfg(windows)]
pub(crate) const ASSET_ORIGIN: &str = "http://asset.localhost/";
#[cfg(not(windows))]
pub(crate) const ASSET_ORIGIN: &str = "asset://localhost/";

#[cfg(test)]
mod tests {
    use super::*;

    /// A mock app with the real identifier, whose data folder the system's resolver gives.
    fn data_folder_of_the_app() -> PathBuf {
        let mut context = tauri::test::mock_context(tauri::test::noop_assets());
        context.config_mut().identifier = "uk.alkcompanion.desktop".into();
        let app = tauri::test::mock_builder().build(context).unwrap();
        data_folder(app.handle()).unwrap()
    }

    #[test]
    fn a_second_lock_on_the_data_folder_waits_until_the_first_is_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("new folder");
        let first = lock_data_folder(&folder).unwrap().expect("the first takes the lock");
        assert!(lock_data_folder(&folder).unwrap().is_none(), "a second handle is refused, as another copy is");
        drop(first);
        assert!(lock_data_folder(&folder).unwrap().is_some(), "free again once the first is dropped");
        assert!(folder.join(LOCK_FILE).is_file(), "the lock file stays; it is never deleted");
    }

    #[test]
    fn a_missing_file_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        assert!(open_path(&dir.path().join("never-saved.pdf")).is_err());
    }

    #[test]
    fn a_file_no_other_program_holds_is_not_held_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("appointment-pack.pdf");
        std::fs::write(&path, b"%PDF").unwrap();
        let _ours = File::open(&path).unwrap();
        assert!(!held_open_elsewhere(&path), "our own reading handle lets go for a replace");
        assert!(!held_open_elsewhere(&dir.path().join("not-there.pdf")));
    }

    #[cfg(target_os = "linux")]
    mod linux {
        use super::*;
        use std::ffi::OsString;

        #[test]
        fn the_data_folder_is_under_xdg_data_home() {
            let base = std::env::var_os("XDG_DATA_HOME")
                .map(PathBuf::from)
                .filter(|dir| dir.is_absolute())
                .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".local").join("share"));
            assert_eq!(data_folder_of_the_app(), base.join("uk.alkcompanion.desktop"));
        }

        /// A stand-in opener on its own PATH, which writes down its arguments and environment (with
        /// the shell's own `export -p`: nothing else is on that PATH).
        fn fake_opener(dir: &Path, name: &str, exit: u8) {
            use std::os::unix::fs::PermissionsExt;
            let script = dir.join(name);
            std::fs::write(
                &script,
                format!("#!/bin/sh\necho \"$@\" > \"$0.args\"\nexport -p > \"$0.env\"\nexit {exit}\n"),
            )
            .unwrap();
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }

        fn environment(path: &Path) -> impl Fn(&str) -> Option<OsString> + '_ {
            move |key| match key {
                "PATH" => Some(path.as_os_str().to_owned()),
                "HOME" => Some("/home/zoë".into()),
                "LD_LIBRARY_PATH" => Some("/tmp/.mount_alk/usr/lib".into()),
                _ => None,
            }
        }

        #[test]
        fn xdg_open_gets_the_file_and_a_clean_environment() {
            let bin = tempfile::tempdir().unwrap();
            fake_opener(bin.path(), "xdg-open", 0);
            let pdf = Path::new("/home/zoë/My packs/appointment-pack.pdf");
            assert!(open_with_xdg(pdf.as_os_str(), environment(bin.path())).is_ok());
            let args = std::fs::read_to_string(bin.path().join("xdg-open.args")).unwrap();
            assert_eq!(args.trim_end(), "/home/zoë/My packs/appointment-pack.pdf");
            let env = std::fs::read_to_string(bin.path().join("xdg-open.env")).unwrap();
            assert!(env.contains("HOME='/home/zoë'"), "{env}");
            assert!(!env.contains("LD_LIBRARY_PATH"), "a bundle's library path never reaches the viewer: {env}");
            // Nor does anything else of this process's own environment (cargo's, say).
            let shells_own = ["PWD", "OLDPWD", "SHLVL", "_"];
            let ours: Vec<String> = std::env::vars()
                .map(|(key, _)| key)
                .filter(|key| !XDG_KEEP.contains(&key.as_str()) && !shells_own.contains(&key.as_str()))
                .collect();
            assert!(!ours.is_empty());
            for key in ours {
                assert!(!env.contains(&format!("export {key}=")), "{key} reached the viewer: {env}");
            }
        }

        #[test]
        fn gio_opens_where_xdg_open_is_missing_and_a_failing_opener_is_said() {
            let bin = tempfile::tempdir().unwrap();
            fake_opener(bin.path(), "gio", 0);
            assert!(open_with_xdg(OsStr::new("https://www.alkpositive.org.uk"), environment(bin.path())).is_ok());
            let args = std::fs::read_to_string(bin.path().join("gio.args")).unwrap();
            assert_eq!(args.trim_end(), "open https://www.alkpositive.org.uk");
            fake_opener(bin.path(), "xdg-open", 3);
            assert!(open_with_xdg(OsStr::new("/home/zoë/pack.pdf"), environment(bin.path())).is_err());
            let empty = tempfile::tempdir().unwrap();
            assert!(open_with_xdg(OsStr::new("/home/zoë/pack.pdf"), environment(empty.path())).is_err());
        }

        /// Counts the times the first copy is asked to come forward.
        fn listening(dir: &Path) -> std::sync::mpsc::Receiver<()> {
            let (asked, asks) = std::sync::mpsc::channel();
            listen_for_later_copies(dir, move || asked.send(()).is_ok()).expect("the first copy listens");
            asks
        }

        #[test]
        fn a_first_copy_that_is_closing_does_not_keep_a_later_one_from_opening() {
            // The patient closed the app and opened it again at once: the first copy still
            // listens while it finishes, but has no window to bring forward any more.
            let dir = tempfile::tempdir().unwrap();
            listen_for_later_copies(dir.path(), || false).expect("the closing copy still listens");
            assert!(!first_copy_brought_forward(dir.path()), "this copy opens instead of ending unseen");
        }

        const SOON: std::time::Duration = std::time::Duration::from_secs(5);
        const NO_MORE: std::time::Duration = std::time::Duration::from_millis(300);

        #[test]
        fn a_later_copy_finds_the_first_and_brings_it_forward_once() {
            let dir = tempfile::tempdir().unwrap();
            let asks = listening(dir.path());
            assert!(first_copy_brought_forward(dir.path()), "the later copy ends: the first took the asking");
            asks.recv_timeout(SOON).expect("the first copy comes forward");
            assert!(asks.recv_timeout(NO_MORE).is_err(), "once for one launch");
        }

        #[test]
        fn with_no_first_copy_the_app_starts() {
            let dir = tempfile::tempdir().unwrap();
            assert!(!first_copy_brought_forward(dir.path()));
            assert!(!first_copy_brought_forward(&dir.path().join("not made yet")));
        }

        #[test]
        fn a_socket_left_by_a_copy_that_ended_is_replaced() {
            let dir = tempfile::tempdir().unwrap();
            drop(std::os::unix::net::UnixListener::bind(dir.path().join(SOCKET_FILE)).unwrap());
            assert!(dir.path().join(SOCKET_FILE).exists(), "the file outlives its listener");
            assert!(!first_copy_brought_forward(dir.path()), "nobody answers there: this copy starts");
            let asks = listening(dir.path());
            assert!(first_copy_brought_forward(dir.path()));
            asks.recv_timeout(SOON).expect("the new listener answers");
        }

        #[test]
        fn a_connection_that_says_nothing_neither_counts_nor_blocks_the_next() {
            let dir = tempfile::tempdir().unwrap();
            let asks = listening(dir.path());
            let _silent = std::os::unix::net::UnixStream::connect(dir.path().join(SOCKET_FILE)).unwrap();
            assert!(first_copy_brought_forward(dir.path()));
            asks.recv_timeout(SOON).expect("the launch after the silent one is heard");
            assert!(asks.recv_timeout(NO_MORE).is_err(), "the silent one asked for nothing");
        }

        #[test]
        fn a_data_folder_too_deep_for_a_socket_goes_without_one() {
            // A socket's path holds at most 107 bytes on Linux.
            let dir = tempfile::tempdir().unwrap();
            let deep = dir.path().join("x".repeat(120));
            std::fs::create_dir_all(&deep).unwrap();
            assert!(!first_copy_brought_forward(&deep));
            assert!(listen_for_later_copies(&deep, || true).is_err(), "said, not a panic");
        }
    }

    #[cfg(target_os = "macos")]
    mod macos {
        use super::*;

        #[test]
        fn the_data_folder_is_in_application_support() {
            let home = PathBuf::from(std::env::var_os("HOME").unwrap());
            let expected = home.join("Library").join("Application Support").join("uk.alkcompanion.desktop");
            assert_eq!(data_folder_of_the_app(), expected);
        }

        #[test]
        fn open_hands_a_folder_to_finder() {
            let dir = tempfile::tempdir().unwrap();
            assert!(open_path(dir.path()).is_ok());
        }
    }

    #[cfg(windows)]
    mod windows {
        use super::*;

        #[test]
        fn the_data_folder_is_in_local_app_data_not_roaming() {
            let local = PathBuf::from(std::env::var_os("LOCALAPPDATA").unwrap());
            assert_eq!(data_folder_of_the_app(), local.join("uk.alkcompanion.desktop"));
        }

        #[test]
        fn a_file_is_opened_by_the_program_its_type_has() {
            // A .cmd file's program is cmd.exe, which runs it: the mark proves it was opened.
            let dir = tempfile::tempdir().unwrap();
            let script = dir.path().join("open-me.cmd");
            std::fs::write(&script, "@echo opened> \"%~dp0opened.txt\"\r\n").unwrap();
            assert!(open_path(&script).is_ok());
            let mark = dir.path().join("opened.txt");
            let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
            while !mark.exists() && std::time::Instant::now() < until {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            assert!(mark.exists(), "cmd.exe never ran the file");
        }

        #[test]
        fn a_file_a_viewer_holds_without_sharing_is_held_open() {
            use std::os::windows::fs::OpenOptionsExt;
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("appointment-pack.pdf");
            std::fs::write(&path, b"%PDF").unwrap();
            // As Adobe Reader opens what it shows: others may read it, but not delete or replace it.
            let viewer = File::options().read(true).share_mode(0x1).open(&path).unwrap();
            assert!(held_open_elsewhere(&path));
            drop(viewer);
            assert!(!held_open_elsewhere(&path));
        }
    }
}
