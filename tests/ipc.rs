//! The commands as the UI calls them, through Tauri's IPC with a mock runtime.

use std::path::{Path, PathBuf};

use alk_companion_lib::AppState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn resources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("resources")
}

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

impl TestApp {
    fn new(data: &Path) -> TestApp {
        let state = AppState::open(&resources(), data).with_save_dir(data.join("out"));
        std::fs::create_dir_all(data.join("out")).unwrap();
        let app = alk_companion_lib::configure(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        TestApp { _app: app, window }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[test]
fn content_reaches_the_ui_with_sections_and_questions() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let content = app.call("get_content", json!({})).unwrap();
    assert!(content["sections"].as_array().unwrap().len() >= 2);
    assert!(content["questions"].as_array().unwrap().len() >= 10);
    assert!(content["sections"][0]["lastReviewed"].is_string());
    assert!(content["meta"]["source"]["dated"].is_string());
}

#[test]
fn choices_and_note_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    {
        let app = TestApp::new(data.path());
        app.call(
            "set_question_chosen",
            json!({ "questionId": "ask3-options", "chosen": true }),
        )
        .unwrap();
        let chosen = app
            .call(
                "set_question_chosen",
                json!({ "questionId": "tki-which", "chosen": true }),
            )
            .unwrap();
        assert_eq!(chosen, json!(["ask3-options", "tki-which"]));
        let note = app
            .call("save_note", json!({ "text": "Zoë’s note ≥ 2" }))
            .unwrap();
        assert_eq!(note["text"], "Zoë’s note ≥ 2");
        assert!(note["updatedAt"].is_string());
    }
    let app = TestApp::new(data.path());
    assert_eq!(
        app.call("list_chosen_questions", json!({})).unwrap(),
        json!(["ask3-options", "tki-which"])
    );
    assert_eq!(
        app.call("get_note", json!({})).unwrap()["text"],
        "Zoë’s note ≥ 2"
    );
}

#[test]
fn errors_reach_the_ui_as_kind_and_message() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let err = app
        .call(
            "set_question_chosen",
            json!({ "questionId": "no-such", "chosen": true }),
        )
        .unwrap_err();
    assert_eq!(
        err,
        json!({ "kind": "notFound", "message": "That question is not in the question library." })
    );

    app.call("save_note", json!({ "text": "kept" })).unwrap();
    let err = app
        .call("save_note", json!({ "text": "x".repeat(1_000_000) }))
        .unwrap_err();
    assert_eq!(err["kind"], "invalidInput");
    assert_eq!(
        err.as_object().unwrap().len(),
        2,
        "only kind and message: {err}"
    );
    assert_eq!(app.call("get_note", json!({})).unwrap()["text"], "kept");
}

#[test]
fn pack_is_made_off_the_ui_thread_and_saved() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    app.call(
        "set_question_chosen",
        json!({ "questionId": "ask3-options", "chosen": true }),
    )
    .unwrap();
    let saved = app
        .call(
            "save_pack",
            json!({ "options": { "paper": "a4", "printSize": "large" } }),
        )
        .unwrap();
    assert_eq!(saved["fileName"], "appointment-pack.pdf");
    assert!(saved["pages"].as_u64().unwrap() >= 1);
    let bytes = std::fs::read(data.path().join("out/appointment-pack.pdf")).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(bytes.len() as u64, saved["bytes"].as_u64().unwrap());
}

#[test]
fn store_from_a_newer_app_gives_a_plain_message() {
    let data = tempfile::tempdir().unwrap();
    make_store_from_newer_app(data.path());
    let app = TestApp::new(data.path());
    let err = app.call("get_note", json!({})).unwrap_err();
    assert_eq!(err["kind"], "tooNew");
    assert!(err["message"].as_str().unwrap().contains("newer version"));
    // Content still works, so the window can explain.
    assert!(app.call("get_content", json!({})).is_ok());
}

/// Makes a store file whose schema version is far in the future. SQLite keeps that version
/// in the file header at byte 60; a store closed cleanly has everything in the main file.
fn make_store_from_newer_app(dir: &Path) -> PathBuf {
    let path = dir.join(alk_companion_lib::STORE_FILE);
    drop(alk_core::store::Store::open(&path).unwrap());
    assert!(!dir
        .join(format!("{}-wal", alk_companion_lib::STORE_FILE))
        .exists());
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&path, bytes).unwrap();
    path
}
