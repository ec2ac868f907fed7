//! Closing the window (its close button, the window manager, Alt+F4, logging out, Quit on a
//! Mac, SIGTERM) waits until the page has saved the last words of every box. Rust holds the
//! close and asks the page; the page answers when its saves have returned. A save that fails
//! keeps the window open.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, RunEvent, Runtime, Window, WindowEvent};

/// A page that has not answered by then cannot save either (it has stopped), so the window closes.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);

#[derive(Default)]
pub struct Closing {
    /// Set by the page once it has loaded; until then nothing can have been typed.
    page: Mutex<Option<Channel<()>>>,
    /// Close requests sent to the page, and the last one it answered.
    asked: AtomicU64,
    answered: AtomicU64,
    /// Once set, the next close request is let through.
    allowed: AtomicBool,
}

impl Closing {
    pub(crate) fn watch(&self, page: Channel<()>) {
        *self.page.lock().unwrap_or_else(|e| e.into_inner()) = Some(page);
    }

    pub(crate) fn answered<R: Runtime>(&self, window: &Window<R>, saved: bool) {
        self.answered.store(self.asked.load(Ordering::SeqCst), Ordering::SeqCst);
        if saved {
            self.close_now(window);
        }
    }

    /// True from the moment a close is asked for until the page answers that it could not save
    /// (then the window stays), and for good once the close is let through. (Linux asks this when
    /// a later copy is started; elsewhere the single-instance plugin decides.)
    #[cfg(target_os = "linux")]
    pub(crate) fn under_way(&self) -> bool {
        self.allowed.load(Ordering::SeqCst) || self.asked.load(Ordering::SeqCst) > self.answered.load(Ordering::SeqCst)
    }

    fn close_now<R: Runtime>(&self, window: &Window<R>) {
        self.allowed.store(true, Ordering::SeqCst);
        if let Err(e) = window.close() {
            eprintln!("alk-companion: the window could not close: {e}");
        }
    }
}

/// Holds a close request until the page says its boxes are saved.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    let closing = window.state::<Closing>();
    if closing.allowed.load(Ordering::SeqCst) {
        return;
    }
    let Some(page) = closing.page.lock().unwrap_or_else(|e| e.into_inner()).clone() else { return };
    api.prevent_close();
    let ask = closing.asked.fetch_add(1, Ordering::SeqCst) + 1;
    if page.send(()).is_err() {
        closing.close_now(window);
        return;
    }
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(ANSWER_WITHIN);
        let closing = window.state::<Closing>();
        if closing.answered.load(Ordering::SeqCst) < ask {
            eprintln!("alk-companion: the page did not answer the close; closing");
            closing.close_now(&window);
        }
    });
}

/// Quitting the app (Quit on a Mac, the system asking it to end) closes its windows the same
/// way, so each waits for its boxes; the app ends once the last has closed.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: RunEvent) {
    if let RunEvent::Exit = event {
        // The process ends without dropping the state: a recording going is finished here.
        if let Some(state) = app.try_state::<crate::AppState>() {
            state.finish_recording_on_exit();
        }
        return;
    }
    let RunEvent::ExitRequested { api, code: None, .. } = event else { return };
    let closing = app.state::<Closing>();
    let windows = app.webview_windows();
    if windows.is_empty() || closing.allowed.load(Ordering::SeqCst) {
        return;
    }
    api.prevent_exit();
    for window in windows.values() {
        if let Err(e) = window.close() {
            eprintln!("alk-companion: the window could not close: {e}");
        }
    }
}

/// The system asking the app to end (SIGTERM: logging out, shutting down, `kill`; see
/// platform::on_terminate) closes each window as its close button does, or ends the app when none
/// is left.
pub(crate) fn close_all<R: Runtime>(app: &AppHandle<R>) {
    let windows = app.webview_windows();
    if windows.is_empty() {
        app.exit(0);
    }
    for window in windows.values() {
        let _ = window.close();
    }
}
