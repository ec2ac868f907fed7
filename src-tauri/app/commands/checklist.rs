use alk_core::store::StepProgress;
use alk_core::ErrorKind;
use tauri::State;

use crate::error::{ApiError, Result};
use crate::AppState;

#[tauri::command]
pub(crate) async fn list_step_progress(state: State<'_, AppState>) -> Result<Vec<StepProgress>> {
    Ok(state.store()?.checklist_progress()?)
}

#[tauri::command]
pub(crate) async fn save_step_progress(
    state: State<'_, AppState>,
    step_id: String,
    done: bool,
    note: String,
) -> Result<StepProgress> {
    if !state.content()?.checklist.iter().any(|s| s.id == step_id) {
        return Err(ApiError::new(ErrorKind::NotFound, "That step is not in the checklist."));
    }
    Ok(state.store()?.set_step_progress(&step_id, done, &note)?)
}
