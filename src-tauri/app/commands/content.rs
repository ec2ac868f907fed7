use alk_core::content::Content;
use alk_core::search::SearchHit;
use tauri::State;

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn get_content(state: State<'_, AppState>) -> Result<Content> {
    Ok(state.content()?.clone())
}

#[tauri::command]
pub(crate) async fn search(state: State<'_, AppState>, query: String) -> Result<Vec<SearchHit>> {
    Ok(state.search_index()?.search(&query))
}
