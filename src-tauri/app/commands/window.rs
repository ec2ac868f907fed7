use tauri::ipc::Channel;
use tauri::{Runtime, State, Window};

use crate::closing::Closing;
use crate::error::Result;

/// The page's line for "the window was asked to close": it saves every box, then answers.
#[tauri::command]
pub(crate) async fn watch_window_close(closing: State<'_, Closing>, on_close: Channel<()>) -> Result<()> {
    closing.watch(on_close);
    Ok(())
}

/// The page's answer: `saved` closes the window; otherwise it stays open with the words in it.
#[tauri::command]
pub(crate) async fn close_window<R: Runtime>(
    window: Window<R>,
    closing: State<'_, Closing>,
    saved: bool,
) -> Result<()> {
    closing.answered(&window, saved);
    Ok(())
}
