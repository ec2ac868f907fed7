//! The diary as the chart on My record shows it, grouped in the core as the pack's summary is.

use alk_core::diary_summary::{summarise_diary, DiarySummary, Period};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// The diary over `period`, ending on the date of `now` (local `YYYY-MM-DDTHH:MM`).
#[tauri::command]
pub(crate) async fn get_diary_chart(state: State<'_, AppState>, period: Period, now: String) -> Result<DiarySummary> {
    let entries = state.store()?.diary(None)?;
    Ok(summarise_diary(state.content()?, &entries, period, now.get(..10).unwrap_or(&now))?)
}
