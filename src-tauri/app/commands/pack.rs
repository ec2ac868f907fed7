use std::path::{Path, PathBuf};

use alk_core::pack::{make_pack, PackOptions, PackQuestion, PackRequest};
use alk_core::ErrorKind;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

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

/// Makes the pack, asks where to save it, and writes it. `None` when the user cancels.
#[tauri::command]
pub(crate) async fn save_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    options: PackOptions,
) -> Result<Option<SavedPack>> {
    let request = pack_request(&state, options)?;
    let fonts = state.fonts()?;
    let pack = tokio::task::spawn_blocking(move || make_pack(&fonts, &request))
        .await
        .map_err(|_| ApiError::internal())??;

    let path = match &state.save_dir {
        Some(dir) => dir.join("appointment-pack.pdf"),
        None => match ask_where(&app).await? {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    write_whole(&path, &pack.bytes)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *state.last_pack.lock().map_err(|_| ApiError::internal())? = Some(path);
    Ok(Some(SavedPack {
        file_name,
        pages: pack.pages as u32,
        bytes: pack.bytes.len() as u32,
    }))
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

fn pack_request(state: &AppState, options: PackOptions) -> Result<PackRequest> {
    let content = state.content()?;
    let store = state.store()?;
    let questions = store
        .chosen_questions()?
        .iter()
        .filter_map(|id| content.question(id))
        .map(|q| PackQuestion {
            topic: content
                .topic(&q.topic)
                .map(|t| t.title.clone())
                .unwrap_or_default(),
            text: q.text.clone(),
        })
        .collect();
    let created_unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Ok(PackRequest {
        questions,
        note: store.note()?.text,
        options,
        created_unix,
        content_version: content.meta.version.clone(),
        source_date_label: content.meta.source.dated.clone(),
    })
}

async fn ask_where<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>> {
    let (send, receive) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("Save my appointment pack")
        .set_file_name("appointment-pack.pdf")
        .add_filter("PDF document", &["pdf"])
        .save_file(move |path| {
            let _ = send.send(path);
        });
    let chosen = receive.await.map_err(|_| ApiError::internal())?;
    Ok(chosen.and_then(|p| p.into_path().ok()))
}

/// Writes to a temporary file first, so a failed write never leaves half a PDF behind.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = path.with_extension("pdf.partial");
    let written = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    written.map_err(|_| {
        let _ = std::fs::remove_file(&temp);
        ApiError::new(
            ErrorKind::Storage,
            "The pack could not be saved there. Please choose another folder, such as Documents.",
        )
    })
}
