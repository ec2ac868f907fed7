use alk_core::model::NoteItem;
use alk_core::store::{RemovedItem, RemovedKind};
use tauri::{AppHandle, Runtime, State};

use crate::commands::recordings::blocking;
use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn list_notes(state: State<'_, AppState>) -> Result<Vec<NoteItem>> {
    Ok(state.store()?.notes()?)
}

/// Saves a new note (`id` null) or changes one; the UI calls this as the user types.
#[tauri::command]
pub(crate) async fn save_note(
    state: State<'_, AppState>,
    id: Option<i64>,
    text: String,
    appointment_id: Option<i64>,
) -> Result<NoteItem> {
    Ok(state.store()?.save_note(id, &text, appointment_id)?)
}

#[tauri::command]
pub(crate) async fn delete_note(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_note(id)?)
}

#[tauri::command]
pub(crate) async fn restore_note(state: State<'_, AppState>, id: i64) -> Result<NoteItem> {
    Ok(state.store()?.restore_note(id)?)
}

/// One note as it is saved now: what the box shows when a note is opened.
#[tauri::command]
pub(crate) async fn get_note(state: State<'_, AppState>, id: i64) -> Result<NoteItem> {
    Ok(state.store()?.note(id)?)
}

/// Everything in the bin, of every kind, the most recently removed first.
#[tauri::command]
pub(crate) async fn list_removed(state: State<'_, AppState>) -> Result<Vec<RemovedItem>> {
    Ok(state.store()?.removed()?)
}

#[tauri::command]
pub(crate) async fn restore_removed(state: State<'_, AppState>, kind: RemovedKind, id: i64) -> Result<()> {
    Ok(state.store()?.restore_removed(kind, id)?)
}

/// Removes for good everything in the bin, with the sound of the recordings that go. The UI asks first.
#[tauri::command]
pub(crate) async fn empty_bin<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    blocking(app, |state| state.empty_bin()).await
}

#[tauri::command]
pub(crate) async fn list_bin(state: State<'_, AppState>) -> Result<Vec<NoteItem>> {
    Ok(state.store()?.bin()?)
}
