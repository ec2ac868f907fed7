use alk_core::content::Content;
use tauri::State;

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn get_content(state: State<'_, AppState>) -> Result<Content> {
    Ok(state.content()?.clone())
}
