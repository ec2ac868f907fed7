//! The commands as the UI calls them, through Tauri's IPC with a mock runtime.

mod support;

use std::path::{Path, PathBuf};

use alk_companion_lib::AppState;
use serde_json::{json, Value};
use support::{resources, TestApp};

#[test]
fn content_reaches_the_ui_with_sections_and_questions() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let content = app.call("get_content", json!({})).unwrap();
    assert!(content["sections"].as_array().unwrap().len() >= 2);
    assert!(content["questions"].as_array().unwrap().len() >= 10);
    assert!(content["meta"]["source"]["flowchartDated"].is_string());
    // No review is claimed until one has happened.
    let pages = content["meta"]["reviews"].as_array().unwrap();
    assert!(pages.len() >= 2 && pages.iter().all(|page| page["review"].is_null()));
}

#[test]
fn only_a_web_page_the_content_lists_is_opened_never_a_typed_address() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::with_state(AppState::open(&resources(), data.path()).with_links_written_down());
    app.call("open_link", json!({ "id": "alk-positive-uk" })).unwrap();
    for typed in ["https://example.com", "file:///etc/passwd", "made-up-site", ""] {
        let err = app.call("open_link", json!({ "id": typed })).unwrap_err();
        assert_eq!(err["kind"], "notFound", "{typed}");
        assert_eq!(err["message"], "That web page is not one this app knows, so it was not opened.");
    }
    assert_eq!(app.state().links_opened(), ["https://www.alkpositive.org.uk"]);
}

#[test]
fn choices_and_note_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    {
        let app = TestApp::new(data.path());
        app.call("choose_question", json!({ "appointmentId": null, "questionId": "ask3-options", "chosen": true }))
            .unwrap();
        let plan = app
            .call("choose_question", json!({ "appointmentId": null, "questionId": "tki-which", "chosen": true }))
            .unwrap();
        assert_eq!(plan.as_array().unwrap().len(), 2);
        let note =
            app.call("save_note", json!({ "id": null, "text": "Zoë’s note ≥ 2", "appointmentId": null })).unwrap();
        assert_eq!(note["text"], "Zoë’s note ≥ 2");
        assert!(note["updatedAt"].is_string());
    }
    let app = TestApp::new(data.path());
    let plan = app.call("get_plan", json!({ "appointmentId": null })).unwrap();
    let ids: Vec<&str> = plan.as_array().unwrap().iter().map(|q| q["questionId"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["ask3-options", "tki-which"]);
    assert_eq!(app.call("list_notes", json!({})).unwrap()[0]["text"], "Zoë’s note ≥ 2");
}

#[test]
fn errors_reach_the_ui_as_kind_and_message() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let err = app
        .call("choose_question", json!({ "appointmentId": null, "questionId": "no-such", "chosen": true }))
        .unwrap_err();
    assert_eq!(err, json!({ "kind": "notFound", "message": "That question is not in the question library." }));

    let note = app.call("save_note", json!({ "id": null, "text": "kept", "appointmentId": null })).unwrap();
    let err = app
        .call("save_note", json!({ "id": note["id"], "text": "x".repeat(1_000_000), "appointmentId": null }))
        .unwrap_err();
    assert_eq!(err["kind"], "invalidInput");
    assert_eq!(err.as_object().unwrap().len(), 2, "only kind and message: {err}");
    assert_eq!(app.call("list_notes", json!({})).unwrap()[0]["text"], "kept");

    let input = json!({ "startsAt": "2027-02-30T10:00", "withWhom": "", "place": "", "purpose": "" });
    let err = app.call("save_appointment", json!({ "id": null, "input": input })).unwrap_err();
    assert_eq!(err["kind"], "invalidInput");
    assert!(err["message"].as_str().unwrap().contains("There is no 30 February"));
}

#[test]
fn a_fourth_top_question_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let mut plan = json!([]);
    for id in ["ask3-options", "ask3-pros-cons", "ask3-support", "tki-which"] {
        plan = app.call("choose_question", json!({ "appointmentId": null, "questionId": id, "chosen": true })).unwrap();
    }
    let ids: Vec<i64> = plan.as_array().unwrap().iter().map(|q| q["id"].as_i64().unwrap()).collect();
    for id in &ids[..3] {
        app.call("set_top_question", json!({ "appointmentId": null, "id": id, "top": true })).unwrap();
    }
    let err = app.call("set_top_question", json!({ "appointmentId": null, "id": ids[3], "top": true })).unwrap_err();
    assert_eq!(err["kind"], "invalidInput");
    assert!(err["message"].as_str().unwrap().contains("3 top questions"));
}

#[test]
fn backup_moves_everything_to_another_computer() {
    let first = tempfile::tempdir().unwrap();
    let app = TestApp::new(first.path());
    app.call("save_note", json!({ "id": null, "text": "Moving with me", "appointmentId": null })).unwrap();
    let input = json!({ "startsAt": "2026-12-03T14:30", "withWhom": "Specialist nurse", "place": "Clinic 2", "purpose": "Results" });
    app.call("save_appointment", json!({ "id": null, "input": input })).unwrap();
    let saved = app.call("export_backup", json!({})).unwrap();
    let name = saved["fileName"].as_str().unwrap();
    assert!(name.starts_with("alk-companion-backup-") && name.ends_with(".json"), "{name}");
    let file = first.path().join("out").join(name);

    let second = tempfile::tempdir().unwrap();
    let other = TestApp::with_state(AppState::open(&resources(), second.path()).with_open_file(file));
    other.call("save_note", json!({ "id": null, "text": "replaced", "appointmentId": null })).unwrap();
    let preview = other.call("preview_backup", json!({})).unwrap();
    assert_eq!((preview["appointments"].as_u64(), preview["notes"].as_u64()), (Some(1), Some(1)));
    assert_eq!(other.call("list_notes", json!({})).unwrap()[0]["text"], "replaced", "a preview changes nothing");
    other.call("import_backup", json!({})).unwrap();
    assert_eq!(other.call("list_notes", json!({})).unwrap()[0]["text"], "Moving with me");
    assert_eq!(other.call("list_appointments", json!({})).unwrap()[0]["withWhom"], "Specialist nurse");

    other.call("delete_all_data", json!({})).unwrap();
    assert_eq!(other.call("list_notes", json!({})).unwrap(), json!([]));
}

#[test]
fn pack_is_made_off_the_ui_thread_and_saved() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    app.call("choose_question", json!({ "appointmentId": null, "questionId": "ask3-options", "chosen": true }))
        .unwrap();
    let settings = json!({
        "parts": { "cover": true, "questions": true, "checklist": true, "notes": true, "diary": true, "treatments": true },
        "patientName": "Zoë",
        "options": { "paper": "a4", "printSize": "large" },
        "appointmentId": null,
        "noteIds": []
    });
    let preview = app.call("preview_pack", json!({ "settings": settings, "now": "2026-11-27T10:00" })).unwrap();
    assert!(preview["firstPage"].as_array().unwrap().iter().any(|l| l["text"] == "My appointment pack"));
    let saved = app.call("save_pack", json!({ "settings": settings, "now": "2026-11-27T10:00" })).unwrap();
    assert_eq!(saved["pages"], preview["pages"]);
    // The parts, name and print size are remembered for next time.
    let remembered = app.call("get_pack_settings", json!({})).unwrap();
    assert_eq!(remembered["patientName"], "Zoë");
    assert_eq!(remembered["options"]["printSize"], "large");
    assert_eq!(remembered["parts"]["diary"], true);
    assert_eq!(saved["fileName"], "appointment-pack.pdf");
    assert!(saved["pages"].as_u64().unwrap() >= 1);
    let bytes = std::fs::read(data.path().join("out/appointment-pack.pdf")).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert_eq!(bytes.len() as u64, saved["bytes"].as_u64().unwrap());
}

#[test]
fn pack_is_saved_as_a_web_page_beside_the_pdf_when_asked() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let mut settings = json!({
        "parts": { "cover": true, "questions": true, "checklist": true, "notes": true, "diary": true, "treatments": true },
        "patientName": "Zoë",
        "options": { "paper": "a4", "printSize": "normal" },
        "appointmentId": null,
        "noteIds": []
    });
    let saved = app.call("save_pack", json!({ "settings": settings, "now": "2026-11-27T10:00" })).unwrap();
    assert_eq!((&saved["webPage"], &saved["webPageProblem"]), (&Value::Null, &Value::Null));
    assert!(!data.path().join("out/appointment-pack.html").exists(), "no web page unless asked for");

    settings["webPage"] = json!(true);
    let saved = app.call("save_pack", json!({ "settings": settings, "now": "2026-11-27T10:00" })).unwrap();
    assert_eq!(saved["fileName"], "appointment-pack.pdf");
    assert_eq!((&saved["webPage"], &saved["webPageProblem"]), (&json!("appointment-pack.html"), &Value::Null));
    let page = std::fs::read_to_string(data.path().join("out/appointment-pack.html")).unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">")
            && page.contains("<title>My appointment pack</title>")
    );
    assert!(page.contains("<span class=\"mine\" dir=\"auto\" lang=\"\">Zoë</span>"));
    assert!(std::fs::read(data.path().join("out/appointment-pack.pdf")).unwrap().starts_with(b"%PDF"));
    assert_eq!(app.call("get_pack_settings", json!({})).unwrap()["webPage"], true, "the choice is remembered");
}

#[test]
fn a_web_page_that_cannot_be_written_leaves_the_pdf_saved_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    // A folder where the web page would go: it cannot be written over.
    std::fs::create_dir_all(data.path().join("out/appointment-pack.html")).unwrap();
    let settings = json!({
        "parts": { "cover": true, "questions": true, "checklist": false, "notes": false, "diary": false, "treatments": false },
        "patientName": "",
        "options": { "paper": "a4", "printSize": "normal" },
        "appointmentId": null,
        "noteIds": [],
        "webPage": true
    });
    let saved = app.call("save_pack", json!({ "settings": settings, "now": "2026-11-27T10:00" })).unwrap();
    assert_eq!(saved["webPage"], Value::Null);
    assert_eq!(saved["webPageProblem"], "The web page could not be saved in the same folder, but your PDF is saved.");
    let pdf = std::fs::read(data.path().join("out/appointment-pack.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(pdf.len() as u64, saved["bytes"].as_u64().unwrap());
    // Nothing half-written is left beside it.
    let left: Vec<String> = std::fs::read_dir(data.path().join("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn coming_appointments_are_saved_as_a_calendar_file() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let now = "2030-06-01T09:00";
    let err = app.call("save_calendar", json!({ "id": null, "now": now })).unwrap_err();
    assert_eq!(err["kind"], "notFound", "nothing coming yet: {err}");
    for (starts_at, with_whom) in
        [("2030-05-01T10:00", "Past"), ("2030-07-15T14:30", "Dr Nowak"), ("2030-12-01T09:00", "")]
    {
        let input = json!({ "startsAt": starts_at, "withWhom": with_whom, "place": "Clinic 4", "purpose": "" });
        app.call("save_appointment", json!({ "id": null, "input": input })).unwrap();
    }
    let saved = app.call("save_calendar", json!({ "id": null, "now": now })).unwrap();
    assert_eq!(saved["fileName"], "my-appointments.ics");
    assert_eq!(saved["appointments"], 2, "the past one stays out");
    let text = std::fs::read_to_string(data.path().join("out/my-appointments.ics")).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
    assert!(text.contains("DTSTART:20300715T133000Z"), "{text}");
    assert!(!text.contains("Past"), "{text}");

    let first = app.call("list_appointments", json!({})).unwrap()[1]["id"].clone();
    let one = app.call("save_calendar", json!({ "id": first, "now": now })).unwrap();
    assert_eq!((one["fileName"].as_str(), one["appointments"].as_u64()), (Some("appointment-2030-07-15.ics"), Some(1)));
    let err = app.call("save_calendar", json!({ "id": 999, "now": now })).unwrap_err();
    assert!(!err["message"].as_str().unwrap().is_empty());
}

#[test]
fn store_from_a_newer_app_gives_a_plain_message() {
    let data = tempfile::tempdir().unwrap();
    make_store_from_newer_app(data.path());
    let app = TestApp::new(data.path());
    let err = app.call("list_notes", json!({})).unwrap_err();
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
    assert!(!dir.join(format!("{}-wal", alk_companion_lib::STORE_FILE)).exists());
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Exports a backup from a fresh app, lets `change` edit its JSON, and previews it on another.
fn preview_edited_backup(change: impl Fn(&mut Value)) -> Result<Value, Value> {
    let first = tempfile::tempdir().unwrap();
    let app = TestApp::new(first.path());
    app.call("choose_question", json!({ "appointmentId": null, "questionId": "ask3-options", "chosen": true }))
        .unwrap();
    app.call("save_step_progress", json!({ "stepId": "talk-first", "done": true, "note": "" })).unwrap();
    let saved = app.call("export_backup", json!({})).unwrap();
    let file = first.path().join("out").join(saved["fileName"].as_str().unwrap());
    let mut value: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    change(&mut value);
    std::fs::write(&file, serde_json::to_vec(&value).unwrap()).unwrap();

    let second = tempfile::tempdir().unwrap();
    let other = TestApp::with_state(AppState::open(&resources(), second.path()).with_open_file(file));
    other.call("preview_backup", json!({}))
}

#[test]
fn a_backup_naming_content_we_do_not_have_is_refused() {
    assert!(preview_edited_backup(|_| {}).is_ok(), "the unedited backup is fine");
    let err = preview_edited_backup(|v| v["planQuestions"][0]["questionId"] = "no-such-question".into()).unwrap_err();
    assert_eq!(err["kind"], "invalidInput", "{err}");
    assert!(err["message"].as_str().unwrap().contains("damaged"), "{err}");
    let err = preview_edited_backup(|v| v["checklist"][0]["stepId"] = "no-such-step".into()).unwrap_err();
    assert_eq!(err["kind"], "invalidInput", "{err}");
    assert!(err["message"].as_str().unwrap().contains("damaged"), "{err}");
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("huge.json");
    // A sparse file: 300 MiB long, but nothing written, so the test is quick.
    std::fs::File::create(&file).unwrap().set_len(300 * 1024 * 1024).unwrap();
    let app = TestApp::with_state(AppState::open(&resources(), data.path()).with_open_file(file));
    let err = app.call("preview_backup", json!({})).unwrap_err();
    assert_eq!(err["kind"], "invalidInput");
    assert!(err["message"].as_str().unwrap().contains("far too large"), "{err}");
}

#[test]
fn import_and_delete_all_keep_a_safety_copy_that_brings_everything_back() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    app.call("save_note", json!({ "id": null, "text": "Irreplaceable", "appointmentId": null })).unwrap();
    app.call("delete_all_data", json!({})).unwrap();
    assert_eq!(app.call("list_notes", json!({})).unwrap(), json!([]));
    let copies = app.call("list_snapshots", json!({})).unwrap();
    let newest = copies.as_array().unwrap().iter().find(|c| c["reason"] == "before-delete-all").expect("a copy");
    let preview = app.call("preview_snapshot", json!({ "name": newest["name"] })).unwrap();
    assert_eq!(preview["notes"], 1);
    app.call("restore_snapshot", json!({ "name": newest["name"] })).unwrap();
    assert_eq!(app.call("list_notes", json!({})).unwrap()[0]["text"], "Irreplaceable");
    // A name from outside the list is refused.
    let err = app.call("restore_snapshot", json!({ "name": "../alk-companion.sqlite3" })).unwrap_err();
    assert_eq!(err["kind"], "notFound");
}

#[test]
fn about_names_the_app_version_and_the_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    let about = app.call("get_about", json!({})).unwrap();
    assert_eq!(about["appVersion"], json!(env!("CARGO_PKG_VERSION")));
    assert_eq!(about["dataFolder"], json!(data.path().display().to_string()));
    // The folder named is the one the store is really in.
    assert!(data.path().join(alk_companion_lib::STORE_FILE).exists());
}

#[test]
fn screen_settings_are_remembered_and_a_bad_one_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    assert_eq!(app.call("get_screen_settings", json!({})).unwrap()["welcomed"], json!(false));
    let chosen = json!({ "theme": "dark", "highContrast": true, "textSize": "larger", "welcomed": true });
    app.call("save_screen_settings", json!({ "settings": chosen })).unwrap();
    drop(app);
    let app = TestApp::new(data.path());
    assert_eq!(app.call("get_screen_settings", json!({})).unwrap(), chosen);
    // Tauri refuses a value the type cannot hold before the command runs.
    assert!(app.call("save_screen_settings", json!({ "settings": { "theme": "purple" } })).is_err());
    assert_eq!(app.call("get_screen_settings", json!({})).unwrap(), chosen);
}

#[test]
fn a_half_typed_form_survives_a_restart_and_a_hostile_one_is_refused_in_plain_words() {
    let data = tempfile::tempdir().unwrap();
    let typed = json!({ "withWhom": "Dr Nowak 🙂", "date": "15/01/2030" });
    {
        let app = TestApp::new(data.path());
        app.call("save_draft", json!({ "form": "appointment", "fields": typed })).unwrap();
        let refused = app
            .call("save_draft", json!({ "form": "appointment", "fields": { "place": "x".repeat(30_000) } }))
            .unwrap_err();
        assert_eq!(refused["kind"], "invalidInput");
        assert!(refused["message"].as_str().unwrap().starts_with("The text in that box is too long"));
        assert!(app.call("save_draft", json!({ "form": "somethingElse", "fields": {} })).is_err());
    }
    let app = TestApp::new(data.path());
    assert_eq!(app.call("get_draft", json!({ "form": "appointment" })).unwrap(), typed);
    assert_eq!(app.call("get_draft", json!({ "form": "diary" })).unwrap(), json!({}));
}
