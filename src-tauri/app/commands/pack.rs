use std::sync::Arc;

use alk_core::companion::Companion;
use alk_core::pack::{lay_out_pack, FontSet, LaidOut, PackPreview, PackSettings};
use alk_core::ErrorKind;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialogs::{ask_save_path, file_name, open_in_viewer, write_whole};
use crate::error::{ApiError, Result};
use crate::AppState;

/// What the UI shows after a pack is saved. The full path stays in Rust.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedPack {
    pub file_name: String,
    pub pages: u32,
    pub bytes: u32,
}

/// The pack choices from last time: parts, name, paper and print size.
#[tauri::command]
pub(crate) async fn get_pack_settings(state: State<'_, AppState>) -> Result<PackSettings> {
    Ok(PackSettings::remembered(&*state.store()?)?)
}

/// The parts, the page count and the first page, before anything is saved. It lays the pack out
/// but writes no PDF, so a keystroke in the name box never subsets a font.
#[tauri::command]
pub(crate) async fn preview_pack(
    state: State<'_, AppState>,
    settings: PackSettings,
    now: String,
) -> Result<PackPreview> {
    Ok(lay_out(&state, &settings, &now).await?.0.preview())
}

/// Makes the pack off the UI thread, asks where to save it, and writes it. `None` when the
/// user cancels. The choices are remembered for next time.
#[tauri::command]
pub(crate) async fn save_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: PackSettings,
    now: String,
) -> Result<Option<SavedPack>> {
    let (laid_out, fonts) = lay_out(&state, &settings, &now).await?;
    let pack = tokio::task::spawn_blocking(move || laid_out.save(&fonts)).await.map_err(|_| ApiError::internal())??;
    settings.remember(&mut *state.store()?)?;
    let filter = ("PDF document", "pdf");
    let asked = ask_save_path(&app, &state, "Save my appointment pack", "appointment-pack.pdf", filter).await?;
    let Some(path) = asked else { return Ok(None) };
    write_whole(&path, &pack.bytes)?;
    let saved = SavedPack { file_name: file_name(&path), pages: pack.pages as u32, bytes: pack.bytes.len() as u32 };
    *state.last_pack.lock().map_err(|_| ApiError::internal())? = Some(path);
    Ok(Some(saved))
}

/// Opens the last saved pack in the system's PDF viewer, so the user can print it.
#[tauri::command]
pub(crate) async fn open_pack<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<()> {
    let path = state.last_pack.lock().map_err(|_| ApiError::internal())?.clone();
    let path = path.ok_or_else(|| ApiError::new(ErrorKind::NotFound, "Please save your pack first."))?;
    open_in_viewer(&app, &path)
}

/// Gathers the pack from the store, then lays it out on a blocking thread.
async fn lay_out(state: &AppState, settings: &PackSettings, now: &str) -> Result<(LaidOut, Arc<FontSet>)> {
    let created_unix =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    // The store is let go before the await.
    let request = Companion::new(state.content()?, &mut *state.store()?).gather_pack(settings, now, created_unix)?;
    let fonts = state.fonts()?;
    let laid_out = tokio::task::spawn_blocking({
        let fonts = Arc::clone(&fonts);
        move || lay_out_pack(&fonts, &request)
    })
    .await
    .map_err(|_| ApiError::internal())??;
    Ok((laid_out, fonts))
}
