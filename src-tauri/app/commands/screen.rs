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
    mark("show_asked");
    show(&window);
    mark("shown");
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
/// benchmark (`./dev.sh bench`), with when each step of the start happened, in ms after `run`
/// began: the shell's steps (`mark`) and the page's (`marks`, ms since the epoch). It carries
/// nothing of the patient's. Only in the `bench` build.
#[cfg(feature = "bench")]
#[tauri::command]
pub(crate) async fn first_screen_shown(marks: Vec<(String, f64)>) -> Result<()> {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
        let steps = STEPS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let began = steps.first().map_or(0.0, |&(_, at)| at);
        let mut line = String::from("alk-companion: first screen shown; steps");
        for (step, at) in steps.iter().map(|&(step, at)| (step.to_string(), at)).chain(marks) {
            line.push_str(&format!(" {step}={:.0}", at - began));
        }
        println!("{line}");
    }
    Ok(())
}

/// The shell's steps of the start, ms since the epoch; the first is when `run` began.
#[cfg(feature = "bench")]
static STEPS: std::sync::Mutex<Vec<(&str, f64)>> = std::sync::Mutex::new(Vec::new());

/// Notes when a step of the shell's start happened, for the benchmark's build; nothing in others.
pub(crate) fn mark(step: &'static str) {
    #[cfg(feature = "bench")]
    {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        STEPS.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push((step, now.as_secs_f64() * 1000.0));
    }
    #[cfg(not(feature = "bench"))]
    let _ = step;
}
