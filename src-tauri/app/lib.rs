//! The Tauri shell: it builds the window, opens the store and content, and registers commands.
//! Everything else lives in the `alk-core` crate.

mod audio;
mod closing;
mod commands;
mod dialogs;
mod error;
mod platform;
mod state;

pub use closing::on_run_event;
pub use error::ApiError;
pub use state::{AppState, STORE_FILE};

use tauri::Manager;

/// Adds every command and plugin to a builder; `run` and the IPC tests share it.
pub fn configure<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(closing::Closing::default())
        .on_window_event(closing::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::home::first_screen,
            commands::home::get_home,
            commands::content::get_content,
            commands::content::search,
            commands::content::open_link,
            commands::appointments::list_appointments,
            commands::appointments::save_appointment,
            commands::appointments::add_appointment,
            commands::appointments::delete_appointment,
            commands::appointments::save_calendar,
            commands::plan::get_plan,
            commands::plan::choose_question,
            commands::plan::add_own_question,
            commands::plan::remove_plan_question,
            commands::plan::move_plan_question,
            commands::plan::set_top_question,
            commands::plan::answer_question,
            commands::plan::copy_unanswered,
            commands::plan::move_unbooked_questions,
            commands::notes::list_notes,
            commands::notes::save_note,
            commands::notes::delete_note,
            commands::notes::restore_note,
            commands::notes::list_bin,
            commands::notes::get_note,
            commands::notes::list_removed,
            commands::notes::restore_removed,
            commands::notes::empty_bin,
            commands::checklist::list_step_progress,
            commands::checklist::save_step_progress,
            commands::record::list_treatments,
            commands::record::save_treatment,
            commands::record::delete_treatment,
            commands::record::list_diary,
            commands::record::add_diary_entry,
            commands::record::delete_diary_entry,
            commands::diary::get_diary_chart,
            commands::record::list_checkups,
            commands::record::add_checkup,
            commands::record::delete_checkup,
            commands::record::list_contacts,
            commands::record::save_contact,
            commands::record::delete_contact,
            commands::backup::export_backup,
            commands::backup::preview_backup,
            commands::backup::import_backup,
            commands::backup::delete_all_data,
            commands::backup::list_snapshots,
            commands::backup::preview_snapshot,
            commands::backup::restore_snapshot,
            commands::backup::delete_snapshots,
            commands::pack::get_pack_settings,
            commands::pack::preview_pack,
            commands::pack::save_pack,
            commands::pack::open_pack,
            commands::screen::save_screen_settings,
            commands::screen::show_window,
            #[cfg(feature = "bench")]
            commands::screen::first_screen_shown,
            commands::about::get_about,
            commands::about::open_data_folder,
            commands::recordings::list_microphones,
            commands::recordings::get_recording_consent,
            commands::recordings::set_recording_consent_seen,
            commands::recordings::start_recording,
            commands::recordings::recording_now,
            commands::recordings::stop_recording,
            commands::recordings::mark_answer,
            commands::recordings::list_recordings,
            commands::recordings::recordings_size,
            commands::recordings::remove_recording,
            commands::recordings::dismiss_recovered_recordings,
            commands::recordings::save_recording_copy,
            commands::drafts::get_draft,
            commands::drafts::save_draft,
            commands::window::close_window,
        ])
}

/// The app's configuration, assets and capabilities, fixed at compile time. The benchmark's build
/// adds one capability for its command, so the capability file build.rs writes is the same in
/// every build and grants it in none; and no build adds capabilities at run time, so tauri's
/// `dynamic-acl` is off (Cargo.toml).
fn context() -> tauri::Context {
    #[cfg(not(feature = "bench"))]
    let context = tauri::generate_context!();
    #[cfg(feature = "bench")]
    let context = tauri::generate_context!("tauri.conf.json", capabilities = ["tests/bench/capability.json"]);
    context
}

/// How long the window may stay hidden waiting for its first screen.
const SHOW_ANYWAY_AFTER: std::time::Duration = std::time::Duration::from_secs(3);

pub fn run() {
    commands::screen::mark("run");
    // WebKitGTK draws the page on the CPU instead of through GL compositing: the start-up benchmark
    // (README, "Start-up") shows the first screen about 30% sooner and 70 MiB less memory, and the
    // app's pages have nothing that needs the GPU. Set before GTK starts; a value already set wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    let builder = tauri::Builder::default();
    // First, so a second launch only brings the first window forward. Not in `configure`: the IPC
    // tests must never find each other. Linux does this in `setup`, by a socket in the data folder.
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(platform::single_instance());
    let builder = builder
        // The window opens where and as large as it was last closed, but hidden: the page shows it
        // once its first screen is in place (commands::screen::show_window).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all() - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        );
    configure(builder)
        // One plain line when the window has loaded, for the start-up benchmark.
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                commands::screen::mark("page_loaded");
                println!("alk-companion: page ready");
            } else {
                commands::screen::mark("page_started");
            }
        })
        .setup(|app| {
            commands::screen::mark("setup");
            let resources = app.path().resource_dir()?.join("resources");
            let data = platform::data_folder(app.handle())?;
            // Its window is still hidden, so a second launch ends without a flash.
            #[cfg(target_os = "linux")]
            if platform::first_copy_brought_forward(&data) {
                app.handle().cleanup_before_exit();
                std::process::exit(0);
            }
            let state = AppState::open(&resources, &data);
            #[cfg(target_os = "linux")]
            if state.holds_data_folder() {
                platform::answer_later_copies(app.handle(), &data);
            }
            audio::allow_playing(&app.asset_protocol_scope(), &state.recordings_dir)?;
            app.manage(state);
            // A page that never paints (a script that failed) must not leave the window hidden.
            if let Some(window) = app.get_webview_window("main").map(|w| w.as_ref().window()) {
                std::thread::spawn(move || {
                    std::thread::sleep(SHOW_ANYWAY_AFTER);
                    commands::screen::show(&window);
                });
            }
            platform::on_terminate(app.handle(), closing::close_all);
            commands::screen::mark("setup_done");
            Ok(())
        })
        .build(context())
        .unwrap_or_else(|e| {
            eprintln!("ALK Companion could not start: {e}");
            std::process::exit(1);
        })
        .run(closing::on_run_event);
}
