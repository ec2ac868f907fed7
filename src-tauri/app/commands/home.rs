//! The first screen and home: what they show comes in one answer, so the window is drawn after
//! one round trip.

use alk_core::companion::{home, Home};
use alk_core::content::Safety;
use alk_core::store::{Recovery, ScreenSettings};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use crate::audio::{RecordingNow, RecordingRow};
use crate::closing::Closing;
use crate::commands::recordings::recovered_rows;
use crate::error::{ApiError, Result};
use crate::AppState;

/// Everything the first screen (home, or the welcome at the first start) and the parts around
/// it show.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FirstScreen {
    /// Colours, contrast and text size; the defaults when the record cannot be read.
    pub screen: ScreenSettings,
    /// Set when the saved information could not be read at start and was moved aside.
    pub recovery: Option<Recovery>,
    /// What to do when very unwell: home shows it whatever the record holds.
    pub safety: Safety,
    /// Home's parts; none when the record cannot be read, and `problem` says why.
    pub home: Option<Home>,
    /// Why the record cannot be read, in plain words. The information can still be read.
    pub problem: Option<ApiError>,
    /// A recording going already: the page was loaded again while recording.
    pub recording: Option<RecordingNow>,
    /// Recordings the app was still making when it closed last time, said once.
    pub recovered: Vec<RecordingRow>,
}

/// The page's first call. `now` is the local `YYYY-MM-DDTHH:MM`; `on_close` hears when the
/// window is asked to close, so closing waits for the boxes from the first screen on.
#[tauri::command]
pub(crate) async fn first_screen(
    state: State<'_, AppState>,
    closing: State<'_, Closing>,
    now: String,
    on_close: Channel<()>,
) -> Result<FirstScreen> {
    super::screen::mark("first_screen_asked");
    closing.watch(on_close);
    let content = state.content()?;
    // Before the store's lock: starting a recording takes the recording's lock, then the store's.
    let recording = state.recording_now();
    // The store is read under one lock: home, the screen settings and the recovered recordings.
    let store = state.store();
    let store = store.as_deref().map_err(Clone::clone);
    let home = store.clone().and_then(|store| Ok(home(content, store, &now)?));
    Ok(FirstScreen {
        screen: store.as_ref().ok().and_then(|store| ScreenSettings::remembered(store).ok()).unwrap_or_default(),
        recovery: state.recovery.clone(),
        safety: content.safety.clone(),
        problem: home.as_ref().err().cloned(),
        home: home.ok(),
        recording,
        // Nothing to say then: the recordings are still with their appointments.
        recovered: store.ok().and_then(|store| recovered_rows(&state, store).ok()).unwrap_or_default(),
    })
}

/// Home again, on each later visit, and the banner when the appointments or the care team change.
#[tauri::command]
pub(crate) async fn get_home(state: State<'_, AppState>, now: String) -> Result<Home> {
    Ok(home(state.content()?, &*state.store()?, &now)?)
}
