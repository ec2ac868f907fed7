use std::path::{Path, PathBuf};
use std::sync::Arc;

use alk_core::companion::Companion;
use alk_core::pack::{lay_out_pack, FontSet, LaidOut, PackPreview, PackRequest, PackSettings};
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
    /// The web page saved beside the PDF, when one was asked for and it could be written.
    pub web_page: Option<String>,
    /// Why the web page asked for could not be saved, in plain words. The PDF is saved all the same.
    pub web_page_problem: Option<String>,
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

/// Makes the pack off the UI thread, asks where to save it, and writes it, with the web page beside
/// it when asked for. `None` when the user cancels. The choices are remembered for next time.
#[tauri::command]
pub(crate) async fn save_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: PackSettings,
    now: String,
) -> Result<Option<SavedPack>> {
    let (laid_out, fonts, request) = lay_out(&state, &settings, &now).await?;
    let wanted = settings.web_page;
    let (pack, page) = tokio::task::spawn_blocking(move || {
        laid_out.save(&fonts).map(|pack| (pack, wanted.then(|| alk_core::pack::web_page(&request))))
    })
    .await
    .map_err(|_| ApiError::internal())??;
    settings.remember(&mut *state.store()?)?;
    let filter = ("PDF document", "pdf");
    let asked = ask_save_path(&app, &state, "Save my appointment pack", "appointment-pack.pdf", filter).await?;
    let Some(path) = asked else { return Ok(None) };
    write_whole(&path, &pack.bytes)?;
    // The PDF is saved whatever becomes of the web page.
    let (web_page, web_page_problem) = page.map_or((None, None), |html| save_web_page(&path, &html));
    let saved = SavedPack {
        file_name: file_name(&path),
        pages: pack.pages as u32,
        bytes: pack.bytes.len() as u32,
        web_page,
        web_page_problem,
    };
    *state.last_pack.lock().map_err(|_| ApiError::internal())? = Some(path);
    Ok(Some(saved))
}

/// Opens the last saved pack in the system's PDF viewer, so the user can print it.
#[tauri::command]
pub(crate) async fn open_pack(state: State<'_, AppState>) -> Result<()> {
    let path = state.last_pack.lock().map_err(|_| ApiError::internal())?.clone();
    let path = path.ok_or_else(|| ApiError::new(ErrorKind::NotFound, "Please save your pack first."))?;
    open_in_viewer(&path)
}

/// Writes the web page beside the PDF: its file name, or why it could not be saved.
fn save_web_page(pdf: &Path, html: &str) -> (Option<String>, Option<String>) {
    let path = web_page_path(pdf);
    match write_whole(&path, html.as_bytes()) {
        Ok(()) => (Some(file_name(&path)), None),
        Err(_) => (None, Some("The web page could not be saved in the same folder, but your PDF is saved.".into())),
    }
}

/// The web page goes beside the PDF, with the same name ending .html (.web.html if the PDF's
/// own name ends .html, so the web page never takes its place).
fn web_page_path(pdf: &Path) -> PathBuf {
    let page = pdf.with_extension("html");
    if page == pdf {
        pdf.with_extension("web.html")
    } else {
        page
    }
}

/// Gathers the pack from the store, then lays it out on a blocking thread. The request comes back
/// for the web page.
async fn lay_out(state: &AppState, settings: &PackSettings, now: &str) -> Result<(LaidOut, Arc<FontSet>, PackRequest)> {
    let created_unix =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    // The store is let go before the await.
    let request = Companion::new(state.content()?, &mut *state.store()?).gather_pack(settings, now, created_unix)?;
    let fonts = state.fonts()?;
    let (laid_out, request) = tokio::task::spawn_blocking({
        let fonts = Arc::clone(&fonts);
        move || lay_out_pack(&fonts, &request).map(|laid_out| (laid_out, request))
    })
    .await
    .map_err(|_| ApiError::internal())??;
    Ok((laid_out, fonts, request))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_web_page_goes_beside_the_pdf_and_never_in_its_place() {
        assert_eq!(web_page_path(Path::new("/home/a/pack.pdf")), Path::new("/home/a/pack.html"));
        assert_eq!(web_page_path(Path::new("/home/a/my pack")), Path::new("/home/a/my pack.html"));
        assert_eq!(web_page_path(Path::new("/home/a/pack.html")), Path::new("/home/a/pack.web.html"));
    }
}
