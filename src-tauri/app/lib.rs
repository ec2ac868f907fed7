//! The Tauri shell: it builds the window, opens the store and content, and registers commands.
//! Everything else lives in the `alk-core` crate.

mod commands;
mod error;
mod state;

pub use error::ApiError;
pub use state::{AppState, STORE_FILE};

use tauri::Manager;

/// Adds every command and plugin to a builder; `run` and the IPC tests share it.
pub fn configure<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            commands::content::get_content,
            commands::content::search,
            commands::questions::list_chosen_questions,
            commands::questions::set_question_chosen,
            commands::notes::get_note,
            commands::notes::save_note,
            commands::pack::save_pack,
            commands::pack::open_pack,
        ])
}

pub fn run() {
    configure(tauri::Builder::default())
        .setup(|app| {
            let resources = app.path().resource_dir()?.join("resources");
            let data = app.path().app_data_dir()?;
            app.manage(AppState::open(&resources, &data));
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("ALK Companion could not start: {e}");
            std::process::exit(1);
        });
}
