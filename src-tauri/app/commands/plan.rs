//! The questions for one appointment (`appointmentId` null: the next one, not booked yet).
//! Every change returns the whole list again, top 3 first.

use alk_core::companion::Companion;
use alk_core::model::PlanQuestion;
use tauri::State;

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub(crate) async fn get_plan(state: State<'_, AppState>, appointment_id: Option<i64>) -> Result<Vec<PlanQuestion>> {
    Ok(state.store()?.plan(appointment_id)?)
}

#[tauri::command]
pub(crate) async fn choose_question(
    state: State<'_, AppState>,
    appointment_id: Option<i64>,
    question_id: String,
    chosen: bool,
) -> Result<Vec<PlanQuestion>> {
    let mut store = state.store()?;
    Ok(Companion::new(state.content()?, &mut store).choose_question(appointment_id, &question_id, chosen)?)
}

#[tauri::command]
pub(crate) async fn add_own_question(
    state: State<'_, AppState>,
    appointment_id: Option<i64>,
    text: String,
) -> Result<Vec<PlanQuestion>> {
    let mut store = state.store()?;
    store.add_own_question(appointment_id, &text)?;
    Ok(store.plan(appointment_id)?)
}

#[tauri::command]
pub(crate) async fn remove_plan_question(
    state: State<'_, AppState>,
    appointment_id: Option<i64>,
    id: i64,
) -> Result<Vec<PlanQuestion>> {
    let mut store = state.store()?;
    store.remove_plan_question(id)?;
    Ok(store.plan(appointment_id)?)
}

#[tauri::command]
pub(crate) async fn move_plan_question(
    state: State<'_, AppState>,
    appointment_id: Option<i64>,
    id: i64,
    up: bool,
) -> Result<Vec<PlanQuestion>> {
    let mut store = state.store()?;
    store.move_plan_question(id, up)?;
    Ok(store.plan(appointment_id)?)
}

#[tauri::command]
pub(crate) async fn set_top_question(
    state: State<'_, AppState>,
    appointment_id: Option<i64>,
    id: i64,
    top: bool,
) -> Result<Vec<PlanQuestion>> {
    let mut store = state.store()?;
    store.set_top3(id, top)?;
    Ok(store.plan(appointment_id)?)
}

#[tauri::command]
pub(crate) async fn answer_question(
    state: State<'_, AppState>,
    id: i64,
    answer: String,
    asked: bool,
) -> Result<PlanQuestion> {
    Ok(state.store()?.answer_plan_question(id, &answer, asked)?)
}

/// Copies the questions without an answer to another list; returns how many.
#[tauri::command]
pub(crate) async fn copy_unanswered(state: State<'_, AppState>, from: Option<i64>, to: Option<i64>) -> Result<u32> {
    Ok(state.store()?.copy_unanswered(from, to)? as u32)
}

/// Once the next appointment is booked, the questions gathered for it move onto it.
#[tauri::command]
pub(crate) async fn move_unbooked_questions(state: State<'_, AppState>, to: i64) -> Result<u32> {
    Ok(state.store()?.move_unbooked_questions(to)? as u32)
}
