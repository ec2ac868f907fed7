use alk_core::content::Content;
use alk_core::search::{search_everything, SearchHit};
use tauri::State;

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn get_content(state: State<'_, AppState>) -> Result<Content> {
    Ok(state.content()?.clone())
}

/// Searches the information, questions, glossary, checklist and the patient's notes.
#[tauri::command]
pub(crate) async fn search(state: State<'_, AppState>, query: String) -> Result<Vec<SearchHit>> {
    Ok(search_everything(state.search_index()?, &*state.store()?, &query)?)
}
