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

/// One plain line on stdout the first time a screen has its content painted, for the start-up
/// benchmark (`./dev.sh bench`). It carries nothing of the patient's. Only in the `bench` build.
#[cfg(feature = "bench")]
#[tauri::command]
pub(crate) async fn first_screen_shown() -> Result<()> {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
        println!("alk-companion: first screen shown");
    }
    Ok(())
}
