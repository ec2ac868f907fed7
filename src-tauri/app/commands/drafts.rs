use alk_core::store::{DraftFields, DraftForm};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// What was half typed in a form when the patient last left it.
#[tauri::command]
pub(crate) async fn get_draft(state: State<'_, AppState>, form: DraftForm) -> Result<DraftFields> {
    Ok(state.store()?.draft(form)?)
}

/// Keeps what is typed in a form until it is added; an empty form keeps nothing.
#[tauri::command]
pub(crate) async fn save_draft(state: State<'_, AppState>, form: DraftForm, fields: DraftFields) -> Result<()> {
    Ok(state.store()?.save_draft(form, &fields)?)
}
