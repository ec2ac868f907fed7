use alk_core::store::Note;
use tauri::State;

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn get_note(state: State<'_, AppState>) -> Result<Note> {
    Ok(state.store()?.note()?)
}

#[tauri::command]
pub(crate) async fn save_note(state: State<'_, AppState>, text: String) -> Result<Note> {
    Ok(state.store()?.save_note(&text)?)
}
