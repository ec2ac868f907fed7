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

include!("../src-tauri/app/command_list.rs");

/// The commands every build registers: lib.rs's `generate_handler!` list, less those under a
/// cargo feature.
fn handler_commands() -> Vec<String> {
    listed_commands(&read("src-tauri/app/lib.rs")).into_iter().filter(|c| c.feature.is_none()).map(|c| c.name).collect()
}

/// Each `call<T>("name", { a, b })` in ui/src/lib/api.ts, as the name and the argument names.
fn api_wrappers() -> Vec<(String, Vec<String>)> {
    let source = read("ui/src/lib/api.ts");
    let wrappers: Vec<(String, Vec<String>)> = source
        .split(">(\"")
        .skip(1)
        .map(|rest| {
            let name = &rest[..rest.find('"').unwrap()];
            let arguments = rest[name.len() + 1..].strip_prefix(", {").map(|object| {
                object[..object.find('}').unwrap()]
                    .split(',')
                    .map(|field| field.split(':').next().unwrap().trim().to_string())
                    .filter(|field| !field.is_empty())
                    .collect()
            });
            (name.to_string(), arguments.unwrap_or_default())
        })
        .collect();
    // Every call but `call`'s own definition was read: none was written another way.
    assert_eq!(
        source.matches("call<").count(),
        wrappers.len() + 1,
        "a wrapper in api.ts is not call<T>(\"name\", ...)"
    );
    wrappers
}

/// Commands with no wrapper in api.ts, and why. None today: the UI can call every command.
const NOT_IN_API: &[(&str, &str)] = &[];

/// The app with both dialog seams set (the native dialogs would wait for a click forever), web
/// addresses written down, never opened, and a tone recorded in place of the microphone.
fn app_with_seams(data: &Path) -> TestApp {
    std::fs::create_dir_all(data.join("out")).unwrap();
    TestApp::with_state(
        AppState::open(&resources(), data)
            .with_save_dir(data.join("out"))
            .with_open_file(data.join("no-such-backup.json"))
            .with_links_written_down()
            .with_test_tone(None),
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

#[test]
fn the_benchmark_command_is_in_the_bench_build_only_and_never_in_the_capability_file() {
    let listed = listed_commands(&read("src-tauri/app/lib.rs"));
    let bench: Vec<&ListedCommand> = listed.iter().filter(|c| c.feature.is_some()).collect();
    assert_eq!(
        bench,
        [&ListedCommand { name: "first_screen_shown".into(), feature: Some("bench".into()) }],
        "only the benchmark's command is under a feature"
    );
    let capability = read("src-tauri/app/capabilities/default.json");
    assert!(!capability.contains("first-screen-shown"), "{capability}");
    if !cfg!(feature = "bench") {
        let data = tempfile::tempdir().unwrap();
        let refused = app_with_seams(data.path()).call("first_screen_shown", json!({})).unwrap_err();
        assert!(refused.to_string().contains("not found"), "{refused}");
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

/// Commands the fuzzer leaves out, and why. Every other command is fuzzed with the argument
/// names its api.ts wrapper sends.
const NOT_FUZZED: &[(&str, &str)] = &[
    ("close_window", "a fuzzed `saved: true` would close the test's only window"),
    ("open_pack", "it opens the last pack in the computer's PDF viewer"),
    ("open_data_folder", "it opens the computer's file manager"),
];

/// The commands the fuzzer calls, each with the argument names api.ts sends it.
fn fuzzed_commands() -> Vec<(String, Vec<String>)> {
    let wrappers = api_wrappers();
    handler_commands()
        .into_iter()
        .filter(|command| !NOT_FUZZED.iter().any(|(name, _)| name == command))
        .map(|command| {
            let arguments = wrappers.iter().find(|(name, _)| *name == command).map(|(_, args)| args.clone());
            let arguments =
                arguments.unwrap_or_else(|| panic!("{command} has no wrapper in api.ts to name its arguments"));
            (command, arguments)
        })
        .collect()
}

#[test]
fn every_command_has_one_wrapper_in_api_ts_and_every_wrapper_a_command() {
    let listed: Vec<String> = listed_commands(&read("src-tauri/app/lib.rs")).into_iter().map(|c| c.name).collect();
    let wrapped: Vec<String> = api_wrappers().into_iter().map(|(name, _)| name).collect();
    let unknown: Vec<&String> = wrapped.iter().filter(|name| !listed.contains(name)).collect();
    assert!(unknown.is_empty(), "api.ts calls commands lib.rs does not register: {unknown:?}");
    let unwrapped: Vec<&String> = listed
        .iter()
        .filter(|name| !wrapped.contains(name) && !NOT_IN_API.iter().any(|(left_out, _)| left_out == name))
        .collect();
    assert!(
        unwrapped.is_empty(),
        "commands with no wrapper in api.ts (add one, or name why in NOT_IN_API): {unwrapped:?}"
    );
    let mut once = wrapped.clone();
    once.sort();
    once.dedup();
    assert_eq!(once.len(), wrapped.len(), "a command has two wrappers in api.ts");
    for (name, _) in NOT_IN_API {
        assert!(listed.iter().any(|c| c == name) && !wrapped.iter().any(|w| w == name), "NOT_IN_API is stale: {name}");
    }
}

#[test]
fn every_command_is_fuzzed_or_left_out_for_a_named_reason() {
    let commands = handler_commands();
    for (name, why) in NOT_FUZZED {
        assert!(commands.iter().any(|c| c == name), "NOT_FUZZED names no command: {name}");
        assert!(!why.is_empty(), "{name} is left out of the fuzzing without a reason");
    }
    let fuzzed: Vec<String> = fuzzed_commands().into_iter().map(|(name, _)| name).collect();
    assert_eq!(fuzzed.len() + NOT_FUZZED.len(), commands.len(), "{fuzzed:?}");
}

#[test]
fn fuzzed_arguments_to_every_command_get_an_answer_never_a_panic() {
    let cases: u32 = std::env::var("ALK_FUZZ_COMMAND_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300);
    let data = tempfile::tempdir().unwrap();
    let app = app_with_seams(data.path());
    let commands = fuzzed_commands();
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let strategy = (0..commands.len(), prop::collection::vec(any_json(), 3));
    let result = runner.run(&strategy, |(which, values)| {
        let (command, names) = &commands[which];
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
    println!("fuzz commands: {cases} calls over {} commands, 0 panics", commands.len());
}

/// The web view reads a recording from the asset protocol (fetch, then plays it from memory, as
/// WebKitGTK's player cannot open asset:// itself) and nothing from the network; the protocol is
/// on with no folder of its own: the app allows the recordings folder at start.
#[test]
fn the_content_security_policy_lets_recordings_play_and_nothing_come_from_the_network() {
    let config: Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let security = &config["app"]["security"];
    assert_eq!(security["assetProtocol"], json!({ "enable": true, "scope": [] }));
    let csp = security["csp"].as_str().unwrap();
    let directive = |name: &str| {
        csp.split(';').map(str::trim).find_map(|d| d.strip_prefix(name)).map(str::trim).unwrap_or_default().to_string()
    };
    assert_eq!(directive("connect-src "), "ipc: http://ipc.localhost asset: http://asset.localhost");
    assert_eq!(directive("media-src "), "'self' blob:");
    assert_eq!(directive("default-src "), "'self'");
    for source in csp.split([' ', ';']).filter(|s| s.contains("//") || s.ends_with(':') || s.contains('*')) {
        let local = ["ipc:", "asset:", "blob:", "data:", "http://ipc.localhost", "http://asset.localhost"];
        assert!(local.contains(&source), "{source} in the CSP reaches beyond the app");
    }
}
