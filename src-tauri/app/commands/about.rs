use alk_core::ErrorKind;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::dialogs::open_with_system;
use crate::error::{ApiError, Result};
use crate::AppState;

/// What About shows besides the content's own details.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AboutApp {
    pub app_version: String,
    /// The folder that holds the patient's data, shown so they can find and back it up.
    pub data_folder: String,
}

#[tauri::command]
pub(crate) async fn get_about(state: State<'_, AppState>) -> Result<AboutApp> {
    Ok(AboutApp {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        data_folder: state.data_dir.display().to_string(),
    })
}

/// Opens the data folder in the system's file manager.
#[tauri::command]
pub(crate) async fn open_data_folder(state: State<'_, AppState>) -> Result<()> {
    open_with_system(&state.data_dir, || {
        ApiError::new(
            ErrorKind::NotFound,
            "This computer could not open the folder. Its name is shown above, so you can find it yourself.",
        )
    })
}
