use alk_core::companion;
use alk_core::store::{too_large, Backup, BackupPreview, Snapshot, MAX_BACKUP_BYTES};
use alk_core::ErrorKind;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::commands::recordings::blocking;
use crate::dialogs::{ask_open_path, ask_save_path, file_name, write_whole};
use crate::error::{ApiError, Result};
use crate::AppState;

/// A file the app saved, as the UI names it. The full path stays in Rust.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedFile {
    pub file_name: String,
    pub bytes: u32,
}

/// Saves everything to one JSON file the user chooses, with the recordings' sound if they chose
/// it. `None` when they cancel.
#[tauri::command]
pub(crate) async fn export_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    with_recordings: bool,
) -> Result<Option<SavedFile>> {
    let mut backup = state.store()?.export_backup()?;
    let dir = state.recordings_dir.clone();
    let (backup, json) = tokio::task::spawn_blocking(move || {
        if with_recordings {
            backup.carry_recordings(&dir).map_err(|_| {
                ApiError::new(ErrorKind::Storage, "The sound of a recording could not be read. Nothing was saved.")
            })?;
        }
        let json = serde_json::to_vec_pretty(&backup).map_err(|_| ApiError::internal())?;
        Ok::<_, ApiError>((backup, json))
    })
    .await
    .map_err(|_| ApiError::internal())??;
    let day = backup.exported_at.get(..10).unwrap_or("backup");
    let name = format!("alk-companion-backup-{day}.json");
    let Some(path) =
        ask_save_path(&app, &state, "Save a backup of my information", &name, ("Backup file", "json")).await?
    else {
        return Ok(None);
    };
    write_whole(&path, &json)?;
    Ok(Some(SavedFile { file_name: file_name(&path), bytes: json.len() as u32 }))
}

/// Reads a backup the user chooses and says what is in it. Nothing changes yet.
#[tauri::command]
pub(crate) async fn preview_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<BackupPreview>> {
    let Some(path) = ask_open_path(&app, &state, "Choose a backup file", ("Backup file", "json")).await? else {
        return Ok(None);
    };
    let unreadable =
        || ApiError::new(ErrorKind::Storage, "That file could not be read. Nothing on this computer has been changed.");
    // The size first, so a huge file is never read into memory.
    if std::fs::metadata(&path).map_err(|_| unreadable())?.len() > MAX_BACKUP_BYTES {
        return Err(too_large().into());
    }
    let bytes = std::fs::read(&path).map_err(|_| unreadable())?;
    let backup =
        tokio::task::spawn_blocking(move || Backup::parse(&bytes)).await.map_err(|_| ApiError::internal())??;
    companion::check_backup(&backup, state.content()?)?;
    let preview = backup.preview();
    *state.pending_backup.lock().map_err(|_| ApiError::internal())? = Some(backup);
    Ok(Some(preview))
}

/// Replaces this computer's record with the backup last previewed, all or nothing.
#[tauri::command]
pub(crate) async fn import_backup(state: State<'_, AppState>) -> Result<()> {
    let backup = state.pending_backup.lock().map_err(|_| ApiError::internal())?.take();
    let backup = backup.ok_or_else(|| ApiError::new(ErrorKind::NotFound, "Please choose a backup file first."))?;
    companion::import_backup(&mut *state.store()?, &backup)?;
    // The sound after the rows: the backup's check allows only file names its rows use.
    let dir = state.recordings_dir.clone();
    tokio::task::spawn_blocking(move || {
        let lost = || {
            ApiError::new(
                ErrorKind::Storage,
                "Your information is back, but the sound of a recording could not be saved on this computer. \
                 Please check there is free space, then bring in the backup again.",
            )
        };
        std::fs::create_dir_all(&dir).map_err(|_| lost())?;
        backup
            .recording_audio
            .iter()
            .try_for_each(|audio| write_whole(&dir.join(&audio.file), &audio.data).map_err(|_| lost()))
    })
    .await
    .map_err(|_| ApiError::internal())?
}

/// Deletes the whole record, after a safety copy, and every recording's sound. The UI asks the
/// user to confirm first.
#[tauri::command]
pub(crate) async fn delete_all_data<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    blocking(app, |state| state.delete_all()).await
}

/// The safety copies, newest first.
#[tauri::command]
pub(crate) async fn list_snapshots(state: State<'_, AppState>) -> Result<Vec<Snapshot>> {
    Ok(state.store()?.snapshots()?)
}

/// What a safety copy holds; nothing changes.
#[tauri::command]
pub(crate) async fn preview_snapshot(state: State<'_, AppState>, name: String) -> Result<BackupPreview> {
    Ok(state.store()?.snapshot_preview(&name)?)
}

/// Brings a safety copy back in place of the record, after taking a copy of the record.
#[tauri::command]
pub(crate) async fn restore_snapshot(state: State<'_, AppState>, name: String) -> Result<()> {
    Ok(state.store()?.restore_snapshot(&name)?)
}

/// Deletes every safety copy, for a patient who wants nothing left behind.
#[tauri::command]
pub(crate) async fn delete_snapshots(state: State<'_, AppState>) -> Result<()> {
    Ok(state.store()?.delete_snapshots()?)
}
