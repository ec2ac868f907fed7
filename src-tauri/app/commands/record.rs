//! Treatment history, side-effect diary, and scans and check-ups: the patient's own record.

use alk_core::companion::Companion;
use alk_core::model::{
    CareContact, CareContactInput, Checkup, CheckupInput, DiaryEntry, DiaryInput, Treatment, TreatmentInput,
};
use tauri::State;

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn list_treatments(state: State<'_, AppState>) -> Result<Vec<Treatment>> {
    Ok(state.store()?.treatments()?)
}

#[tauri::command]
pub(crate) async fn save_treatment(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: TreatmentInput,
) -> Result<Treatment> {
    let mut store = state.store()?;
    Ok(Companion::new(state.content()?, &mut store).save_treatment(id, &input)?)
}

#[tauri::command]
pub(crate) async fn delete_treatment(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_treatment(id)?)
}

/// The diary, newest first; with `sinceLastAppointment`, only since the last appointment before `now`.
#[tauri::command]
pub(crate) async fn list_diary(
    state: State<'_, AppState>,
    since_last_appointment: bool,
    now: String,
) -> Result<Vec<DiaryEntry>> {
    let store = state.store()?;
    Ok(if since_last_appointment { store.diary_since_last_appointment(&now)? } else { store.diary(None)? })
}

#[tauri::command]
pub(crate) async fn add_diary_entry(state: State<'_, AppState>, input: DiaryInput) -> Result<DiaryEntry> {
    let mut store = state.store()?;
    Ok(Companion::new(state.content()?, &mut store).add_diary_entry(&input)?)
}

#[tauri::command]
pub(crate) async fn delete_diary_entry(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_diary_entry(id)?)
}

#[tauri::command]
pub(crate) async fn list_checkups(state: State<'_, AppState>) -> Result<Vec<Checkup>> {
    Ok(state.store()?.checkups()?)
}

#[tauri::command]
pub(crate) async fn add_checkup(state: State<'_, AppState>, input: CheckupInput) -> Result<Checkup> {
    Ok(state.store()?.add_checkup(&input)?)
}

#[tauri::command]
pub(crate) async fn delete_checkup(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_checkup(id)?)
}

/// The patient's care team, the 24-hour line first.
#[tauri::command]
pub(crate) async fn list_contacts(state: State<'_, AppState>) -> Result<Vec<CareContact>> {
    Ok(state.store()?.contacts()?)
}

#[tauri::command]
pub(crate) async fn save_contact(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: CareContactInput,
) -> Result<CareContact> {
    Ok(state.store()?.save_contact(id, &input)?)
}

#[tauri::command]
pub(crate) async fn delete_contact(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store()?.delete_contact(id)?)
}
