use alk_core::content::Content;
use alk_core::search::{search_everything, SearchHit};
use alk_core::ErrorKind;
use tauri::State;

use crate::dialogs::open_in_browser;
use crate::error::{ApiError, Result};
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

/// Opens a web page the content lists, by its id, in the patient's own web browser. An id the
/// content does not list is refused, so no typed address is ever opened.
#[tauri::command]
pub(crate) async fn open_link(state: State<'_, AppState>, id: String) -> Result<()> {
    let link = state.content()?.link(&id).ok_or_else(|| {
        ApiError::new(ErrorKind::NotFound, "That web page is not one this app knows, so it was not opened.")
    })?;
    if let Some(opened) = &state.links_opened {
        opened.lock().map_err(|_| ApiError::internal())?.push(link.address.clone());
        return Ok(());
    }
    open_in_browser(&link.address, || {
        ApiError::new(
            ErrorKind::NotFound,
            format!(
                "This computer could not open a web browser. You can type the address into your browser yourself: {}",
                link.address
            ),
        )
    })
}
