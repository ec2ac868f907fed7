use tauri::{Runtime, State, Window};

use crate::closing::Closing;
use crate::error::Result;

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
