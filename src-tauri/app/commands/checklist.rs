use alk_core::companion::Companion;
use alk_core::store::StepProgress;
use tauri::State;

use crate::error::Result;
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
    let mut store = state.store()?;
    Ok(Companion::new(state.content()?, &mut store).set_step_progress(&step_id, done, &note)?)
}
