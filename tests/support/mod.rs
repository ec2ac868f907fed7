//! What the IPC tests share: the app with a mock runtime, and one call through its IPC.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use alk_companion_lib::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// Where the app's own page is served from, which the capability allows: WebView2 on Windows takes
/// no custom scheme, so Tauri serves the page from http://tauri.localhost there.
const PAGE_ORIGIN: &str = if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" };

pub fn resources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("resources")
}

pub struct TestApp {
    app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl TestApp {
    /// The app with its store in `data`, saving files into `data/out`.
    pub fn new(data: &Path) -> TestApp {
        std::fs::create_dir_all(data.join("out")).unwrap();
        TestApp::with_state(AppState::open(&resources(), data).with_save_dir(data.join("out")))
    }

    pub fn with_state(state: AppState) -> TestApp {
        let app =
            alk_companion_lib::configure(mock_builder()).manage(state).build(mock_context(noop_assets())).unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        TestApp { app, window }
    }

    /// The app's state, to see what a test seam wrote down.
    pub fn state(&self) -> tauri::State<'_, AppState> {
        use tauri::Manager;
        self.window.state::<AppState>()
    }

    /// Ends the app as closing its last window does: once the mock runtime's loop is running, the
    /// window goes, the loop ends, and the app hears `RunEvent::Exit` as it would at the end.
    pub fn close(self) {
        let window = self.window.clone();
        self.app.run_return(move |app, event| match event {
            tauri::RunEvent::Ready => window.destroy().unwrap(),
            tauri::RunEvent::Exit => alk_companion_lib::on_run_event(app, event),
            _ => {}
        });
    }

    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: PAGE_ORIGIN.parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}
