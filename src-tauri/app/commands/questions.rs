use alk_core::ErrorKind;
use tauri::State;

use crate::error::{ApiError, Result};
use crate::AppState;

#[tauri::command]
pub(crate) async fn list_chosen_questions(state: State<'_, AppState>) -> Result<Vec<String>> {
    Ok(state.store()?.chosen_questions()?)
}

#[tauri::command]
pub(crate) async fn set_question_chosen(
    state: State<'_, AppState>,
    question_id: String,
    chosen: bool,
) -> Result<Vec<String>> {
    if state.content()?.question(&question_id).is_none() {
        return Err(ApiError::new(
            ErrorKind::NotFound,
            "That question is not in the question library.",
        ));
    }
    let mut store = state.store()?;
    store.set_question_chosen(&question_id, chosen)?;
    Ok(store.chosen_questions()?)
}
