//! Recording an appointment, with the patient's doctor or nurse agreeing, and the recordings kept
//! with each appointment. Starting and stopping wait for the microphone and the file, so they run
//! on a blocking thread.

use alk_core::model::RecordingMark;
use alk_core::ErrorKind;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::audio::{Microphone, RecordingNow, RecordingRow, RecordingSaved};
use crate::dialogs::{ask_save_path, copy_whole, file_name};
use crate::error::{ApiError, Result};
use crate::AppState;

/// Runs `work` with the app's state on a blocking thread, off the async runtime.
pub(crate) async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    work: impl FnOnce(&AppState) -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(move || work(&app.state::<AppState>())).await.map_err(|_| ApiError::internal())?
}

/// The microphones there are now, the default first. Refused in plain words when there are none.
#[tauri::command]
pub(crate) async fn list_microphones<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Microphone>> {
    blocking(app, |state| state.microphones()).await
}

/// Whether the patient has read the page about recording that comes before the first one.
#[tauri::command]
pub(crate) async fn get_recording_consent(state: State<'_, AppState>) -> Result<bool> {
    Ok(state.store()?.recording_consent_seen()?)
}

#[tauri::command]
pub(crate) async fn set_recording_consent_seen(state: State<'_, AppState>) -> Result<()> {
    Ok(state.store()?.set_recording_consent_seen()?)
}

/// Starts recording the appointment; `agreed` is the patient's tick, asked for every recording.
#[tauri::command]
pub(crate) async fn start_recording<R: Runtime>(
    app: AppHandle<R>,
    appointment_id: i64,
    microphone_id: Option<String>,
    agreed: bool,
) -> Result<RecordingNow> {
    blocking(app, move |state| state.start_recording(appointment_id, microphone_id.as_deref(), agreed)).await
}

/// The recording going, if one is: its time so far, and why it stopped if it has.
#[tauri::command]
pub(crate) async fn recording_now(state: State<'_, AppState>) -> Result<Option<RecordingNow>> {
    Ok(state.recording_now())
}

#[tauri::command]
pub(crate) async fn stop_recording<R: Runtime>(app: AppHandle<R>) -> Result<RecordingSaved> {
    blocking(app, |state| state.stop_recording()).await
}

/// "They are answering this now": keeps the time in the recording on that question.
#[tauri::command]
pub(crate) async fn mark_answer(state: State<'_, AppState>, plan_question_id: i64) -> Result<RecordingMark> {
    state.mark_answer(plan_question_id)
}

/// An appointment's recordings, the first made first, each with where to play it.
#[tauri::command]
pub(crate) async fn list_recordings(state: State<'_, AppState>, appointment_id: i64) -> Result<Vec<RecordingRow>> {
    let recordings = state.store()?.recordings(appointment_id)?;
    Ok(state.recording_rows(recordings))
}

/// To the bin; emptying it deletes the sound.
#[tauri::command]
pub(crate) async fn remove_recording(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.remove_recording(id)
}

/// The recordings the app had not finished when it last stopped, kept up to then: offered once,
/// on the first screen.
pub(crate) fn recovered_rows(state: &AppState, store: &alk_core::store::Store) -> Result<Vec<RecordingRow>> {
    let ids = state.recovered.lock().map_err(|_| ApiError::internal())?.clone();
    let recordings = ids.into_iter().filter_map(|id| store.recording(id).ok()).collect();
    Ok(state.recording_rows(recordings))
}

#[tauri::command]
pub(crate) async fn dismiss_recovered_recordings(state: State<'_, AppState>) -> Result<()> {
    state.recovered.lock().map_err(|_| ApiError::internal())?.clear();
    Ok(())
}

/// How many bytes the recordings' sound takes, for the choice to carry it in a backup.
#[tauri::command]
pub(crate) async fn recordings_size(state: State<'_, AppState>) -> Result<u64> {
    Ok(state.store()?.recordings_size(&state.recordings_dir)?)
}

/// Saves a copy of a recording where the patient chooses; its file name, or `None` if cancelled.
#[tauri::command]
pub(crate) async fn save_recording_copy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>> {
    let recording = state.store()?.recording(id)?;
    let from = state.recordings_dir.join(&recording.file_name);
    if !from.is_file() {
        return Err(ApiError::new(ErrorKind::NotFound, "The sound of this recording is not on this computer."));
    }
    let day = recording.started_at.get(..10).unwrap_or("appointment");
    let name = format!("appointment-recording-{day}.mp3");
    let filter = ("MP3 sound", "mp3");
    let Some(to) = ask_save_path(&app, &state, "Save a copy of my recording", &name, filter).await? else {
        return Ok(None);
    };
    let saved = file_name(&to);
    tokio::task::spawn_blocking(move || copy_whole(&from, &to)).await.map_err(|_| ApiError::internal())??;
    Ok(Some(saved))
}
