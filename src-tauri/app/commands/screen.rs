use alk_core::store::ScreenSettings;
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// Colours, contrast, text size and whether the welcome was seen.
#[tauri::command]
pub(crate) async fn get_screen_settings(state: State<'_, AppState>) -> Result<ScreenSettings> {
    Ok(ScreenSettings::remembered(&*state.store()?)?)
}

#[tauri::command]
pub(crate) async fn save_screen_settings(
    state: State<'_, AppState>,
    settings: ScreenSettings,
) -> Result<ScreenSettings> {
    settings.remember(&mut *state.store()?)?;
    Ok(settings)
}
