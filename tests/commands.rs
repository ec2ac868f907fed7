//! The command list and what the web view may call: pinned, and fuzzed.

mod support;

use std::path::Path;

use alk_companion_lib::AppState;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};
use support::{resources, TestApp};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The command names in lib.rs's `generate_handler!` list.
fn handler_commands() -> Vec<String> {
    let source = read("src-tauri/app/lib.rs");
    let list = &source[source.find("generate_handler![").unwrap()..];
    list[..list.find(']').unwrap()]
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::"))
        .map(|p| p.trim_end_matches(',').rsplit("::").next().unwrap().to_string())
        .collect()
}

/// The app with both dialog seams set (the native dialogs would wait for a click forever), and
/// web addresses written down, never opened.
fn app_with_seams(data: &Path) -> TestApp {
    std::fs::create_dir_all(data.join("out")).unwrap();
    TestApp::with_state(
        AppState::open(&resources(), data)
            .with_save_dir(data.join("out"))
            .with_open_file(data.join("no-such-backup.json"))
            .with_links_written_down(),
    )
}

#[test]
fn the_web_view_may_call_exactly_the_apps_commands_and_nothing_else() {
    let commands = handler_commands();
    assert!(commands.len() > 40, "{commands:?}");
    let capability: Value = serde_json::from_str(&read("src-tauri/app/capabilities/default.json")).unwrap();
    let mut granted: Vec<String> =
        capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    let mut expected: Vec<String> = commands.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    granted.sort();
    expected.sort();
    // No fs, no shell, no plugin permission, no core: permission: only our own commands.
    assert_eq!(granted, expected);
    assert_eq!(capability["windows"], json!(["main"]));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/app/capabilities");
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1, "one capability file only");
    // And each listed command is really there: the IPC knows it.
    let data = tempfile::tempdir().unwrap();
    let app = app_with_seams(data.path());
    for command in commands.iter().filter(|c| !["open_pack", "open_data_folder"].contains(&c.as_str())) {
        if let Err(e) = app.call(command, json!({})) {
            let text = e.to_string();
            assert!(!text.contains("not found"), "{command}: {text}");
        }
    }
}

/// Any JSON value, a few levels deep, with the values that break things most often.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        Just(Value::from(i64::MAX)),
        Just(Value::from(-1)),
        Just(Value::from(0)),
        Just(Value::from(1)),
        ".{0,16}".prop_map(Value::String),
        Just(Value::String("2026-02-30T10:00".into())),
        Just(Value::String("x".repeat(200_000))),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The argument names each command takes, so most fuzzed calls get past the names.
const ARGUMENTS: &[(&str, &[&str])] = &[
    ("search", &["query"]),
    ("open_link", &["id"]),
    ("save_appointment", &["id", "input"]),
    ("delete_appointment", &["id"]),
    ("get_plan", &["appointmentId"]),
    ("choose_question", &["appointmentId", "questionId", "chosen"]),
    ("add_own_question", &["appointmentId", "text"]),
    ("remove_plan_question", &["appointmentId", "id"]),
    ("move_plan_question", &["appointmentId", "id", "up"]),
    ("set_top_question", &["appointmentId", "id", "top"]),
    ("answer_question", &["id", "answer", "asked"]),
    ("copy_unanswered", &["from", "to"]),
    ("move_unbooked_questions", &["to"]),
    ("save_note", &["id", "text", "appointmentId"]),
    ("delete_note", &["id"]),
    ("restore_note", &["id"]),
    ("get_note", &["id"]),
    ("restore_removed", &["kind", "id"]),
    ("save_step_progress", &["stepId", "done", "note"]),
    ("save_treatment", &["id", "input"]),
    ("delete_treatment", &["id"]),
    ("list_diary", &["sinceLastAppointment", "now"]),
    ("add_diary_entry", &["input"]),
    ("delete_diary_entry", &["id"]),
    ("add_checkup", &["input"]),
    ("delete_checkup", &["id"]),
    ("save_contact", &["id", "input"]),
    ("delete_contact", &["id"]),
    ("preview_snapshot", &["name"]),
    ("restore_snapshot", &["name"]),
    ("preview_pack", &["settings", "now"]),
    ("save_pack", &["settings", "now"]),
    ("save_calendar", &["id", "now"]),
    ("import_backup", &[]),
    ("save_screen_settings", &["settings"]),
    ("get_draft", &["form"]),
    ("save_draft", &["form", "fields"]),
    // close_window is left out: a fuzzed `saved: true` would close the test's only window.
];

#[test]
fn fuzzed_arguments_to_every_command_get_an_answer_never_a_panic() {
    let cases: u32 = std::env::var("ALK_FUZZ_COMMAND_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300);
    let data = tempfile::tempdir().unwrap();
    let app = app_with_seams(data.path());
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let strategy = (0..ARGUMENTS.len(), prop::collection::vec(any_json(), 3));
    let result = runner.run(&strategy, |(which, values)| {
        let (command, names) = ARGUMENTS[which];
        let args: serde_json::Map<String, Value> =
            names.iter().zip(values).map(|(name, value)| (name.to_string(), value)).collect();
        // Ok, or a refusal in the { kind, message } shape (or Tauri's own word on bad arguments);
        // a panic fails the test.
        if let Err(e) = app.call(command, Value::Object(args)) {
            if e.is_object() {
                prop_assert!(e["kind"].is_string() && e["message"].is_string(), "{command}: {e}");
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("fuzz commands: {e}");
    }
    println!("fuzz commands: {cases} calls over {} commands, 0 panics", ARGUMENTS.len());
}
