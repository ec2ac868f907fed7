use alk_core::companion::{calendar_file, AddedAppointment};
use alk_core::model::{Appointment, AppointmentInput};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialogs::{ask_save_path, file_name, write_whole};
use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn list_appointments(state: State<'_, AppState>) -> Result<Vec<Appointment>> {
    Ok(state.store()?.appointments()?)
}

/// Adds an appointment (`id` null) or changes one.
#[tauri::command]
pub(crate) async fn save_appointment(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: AppointmentInput,
) -> Result<Appointment> {
    let mut store = state.store()?;
    Ok(match id {
        Some(id) => store.update_appointment(id, &input)?,
        None => store.add_appointment(&input)?,
    })
}

/// Adds an appointment and moves the questions gathered for the next one not booked yet onto it,
/// all or nothing.
#[tauri::command]
pub(crate) async fn add_appointment(
    state: State<'_, AppState>,
    input: AppointmentInput,
    now: String,
) -> Result<AddedAppointment> {
    Ok(alk_core::companion::add_appointment(&mut *state.store()?, &input, &now)?)
}

#[tauri::command]
pub(crate) async fn delete_appointment(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_appointment(id)?)
}

/// What the UI shows after a calendar file is saved. The full path stays in Rust.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedCalendar {
    pub file_name: String,
    pub appointments: u32,
}

/// Saves one appointment (`id`), or every one from `now` on (`id` null), as a calendar file any
/// calendar app can open. `None` when the user cancels.
#[tauri::command]
pub(crate) async fn save_calendar<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: Option<i64>,
    now: String,
) -> Result<Option<SavedCalendar>> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64);
    let file = calendar_file(&*state.store()?, id, &now, stamp.unwrap_or(0))?;
    let filter = ("Calendar file", "ics");
    let asked = ask_save_path(&app, &state, "Save to my calendar", &file.name, filter).await?;
    let Some(path) = asked else { return Ok(None) };
    write_whole(&path, file.text.as_bytes())?;
    Ok(Some(SavedCalendar { file_name: file_name(&path), appointments: file.appointments as u32 }))
}
