use alk_core::pack::{make_pack, PackOptions, PackQuestion, PackRequest};
use alk_core::ErrorKind;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::dialogs::{ask_save_path, file_name, write_whole};
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

/// Makes the pack off the UI thread, asks where to save it, and writes it.
/// `None` when the user cancels.
#[tauri::command]
pub(crate) async fn save_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    options: PackOptions,
    appointment_id: Option<i64>,
) -> Result<Option<SavedPack>> {
    let request = pack_request(&state, options, appointment_id)?;
    let fonts = state.fonts()?;
    let pack = tokio::task::spawn_blocking(move || make_pack(&fonts, &request))
        .await
        .map_err(|_| ApiError::internal())??;

    let filter = ("PDF document", "pdf");
    let asked = ask_save_path(
        &app,
        &state,
        "Save my appointment pack",
        "appointment-pack.pdf",
        filter,
    )
    .await?;
    let Some(path) = asked else { return Ok(None) };
    write_whole(&path, &pack.bytes)?;
    let saved = SavedPack {
        file_name: file_name(&path),
        pages: pack.pages as u32,
        bytes: pack.bytes.len() as u32,
    };
    *state.last_pack.lock().map_err(|_| ApiError::internal())? = Some(path);
    Ok(Some(saved))
}

/// Opens the last saved pack in the system's PDF viewer, so the user can print it.
#[tauri::command]
pub(crate) async fn open_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<()> {
    let path = state
        .last_pack
        .lock()
        .map_err(|_| ApiError::internal())?
        .clone();
    let path =
        path.ok_or_else(|| ApiError::new(ErrorKind::NotFound, "Please save your pack first."))?;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|_| {
        ApiError::new(
            ErrorKind::Pack,
            "Your pack is saved, but this computer has no program set up to open PDF files. You can open the file yourself from where you saved it.",
        )
    })
}

fn pack_request(
    state: &AppState,
    options: PackOptions,
    appointment_id: Option<i64>,
) -> Result<PackRequest> {
    let content = state.content()?;
    let store = state.store()?;
    let questions = store
        .plan(appointment_id)?
        .into_iter()
        .filter_map(|q| match (&q.question_id, &q.own_text) {
            (Some(id), _) => content.question(id).map(|lib| PackQuestion {
                topic: content
                    .topic(&lib.topic)
                    .map(|t| t.title.clone())
                    .unwrap_or_default(),
                text: lib.text.clone(),
            }),
            (None, Some(own)) => Some(PackQuestion {
                topic: "My own questions".into(),
                text: own.clone(),
            }),
            (None, None) => None,
        })
        .collect();
    let note = store
        .notes()?
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let created_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Ok(PackRequest {
        questions,
        note,
        options,
        created_unix,
        content_version: content.meta.version.clone(),
        source_date_label: content.meta.source.dated.clone(),
    })
}
