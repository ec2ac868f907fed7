use alk_core::calendar::appointments_ics;
use alk_core::model::{Appointment, AppointmentInput};
use alk_core::ErrorKind;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialogs::{ask_save_path, file_name, write_whole};
use crate::error::{ApiError, Result};
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
    let (chosen, name) = match id {
        Some(id) => {
            let one = state.store()?.appointment(id)?;
            let name = format!("appointment-{}.ics", one.fields.starts_at.get(..10).unwrap_or("day"));
            (vec![one], name)
        }
        None => {
            let coming: Vec<Appointment> =
                state.store()?.appointments()?.into_iter().filter(|a| a.fields.starts_at >= now).collect();
            if coming.is_empty() {
                return Err(ApiError::new(ErrorKind::NotFound, "There are no coming appointments to add yet."));
            }
            (coming, "my-appointments.ics".to_string())
        }
    };
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64);
    let text = appointments_ics(&chosen, stamp.unwrap_or(0))?;
    let filter = ("Calendar file", "ics");
    let Some(path) = ask_save_path(&app, &state, "Save to my calendar", &name, filter).await? else { return Ok(None) };
    write_whole(&path, text.as_bytes())?;
    Ok(Some(SavedCalendar { file_name: file_name(&path), appointments: chosen.len() as u32 }))
}
