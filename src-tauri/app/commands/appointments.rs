use alk_core::store::{Appointment, AppointmentInput};
use tauri::State;

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

#[tauri::command]
pub(crate) async fn delete_appointment(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_appointment(id)?)
}
