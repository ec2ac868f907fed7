use alk_core::store::ScreenSettings;
use tauri::{Runtime, State, Window};

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn save_screen_settings(
    state: State<'_, AppState>,
    settings: ScreenSettings,
) -> Result<ScreenSettings> {
    settings.remember(&mut *state.store()?)?;
    Ok(settings)
}

/// The page calls this once its first screen is in place: the window is hidden until then, so it
/// never shows blank.
#[tauri::command]
pub(crate) async fn show_window<R: Runtime>(window: Window<R>) -> Result<()> {
    show(&window);
    Ok(())
}

/// Shows the window once, with the focus in it; a window shown already is left as it is.
pub(crate) fn show<R: Runtime>(window: &Window<R>) {
    if window.is_visible().unwrap_or(false) {
        return;
    }
    if let Err(e) = window.show().and_then(|()| window.set_focus()) {
        eprintln!("alk-companion: the window could not be shown: {e}");
    }
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
