//! The commands as the UI calls them, through Tauri's IPC with a mock runtime.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    let saved = app.call("export_backup", json!({ "withRecordings": false })).unwrap();
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
    // Content still works, so the window can explain: the first screen comes with the reason and
    // the safety lines, in the usual colours.
    assert!(app.call("get_content", json!({})).is_ok());
    let first = first_screen(&app);
    assert_eq!((&first["problem"]["kind"], &first["home"]), (&json!("tooNew"), &Value::Null));
    assert!(first["problem"]["message"].as_str().unwrap().contains("newer version"));
    assert!(first["safety"]["emergency"].as_str().unwrap().contains("999"));
    assert_eq!(first["screen"]["theme"], "system");
}

/// What the page asks for first, as main.ts does, with a line for the window's close.
fn first_screen(app: &TestApp) -> Value {
    app.call("first_screen", json!({ "now": "2026-12-01T09:00", "onClose": "__CHANNEL__:1" })).unwrap()
}

#[test]
fn the_first_screen_comes_in_one_answer_with_home_and_what_is_around_it() {
    let data = tempfile::tempdir().unwrap();
    let app = TestApp::new(data.path());
    // The first start: nothing kept yet but the welcome still to see, and the safety lines.
    let first = first_screen(&app);
    assert_eq!(first["home"], json!({ "next": null, "line": null, "chosen": 0, "top": [] }));
    assert_eq!(first["screen"]["welcomed"], false);
    assert!(first["safety"]["emergency"].as_str().unwrap().contains("999"));
    for part in ["recovery", "problem", "recording"] {
        assert_eq!(first[part], Value::Null, "{part}");
    }
    assert_eq!(first["recovered"], json!([]));

    // A record: the next appointment (not a past one), its list with the top question in words, the 24-hour line.
    let mut ids = Vec::new();
    for starts_at in ["2026-11-20T10:00", "2026-12-10T14:30"] {
        let input = json!({ "startsAt": starts_at, "withWhom": "Dr Nowak", "place": "Clinic 4", "purpose": "" });
        ids.push(app.call("save_appointment", json!({ "id": null, "input": input })).unwrap()["id"].as_i64().unwrap());
    }
    for question in ["ask3-options", "tki-which"] {
        app.call("choose_question", json!({ "appointmentId": ids[1], "questionId": question, "chosen": true }))
            .unwrap();
    }
    let plan = app.call("get_plan", json!({ "appointmentId": ids[1] })).unwrap();
    let top = plan[1]["id"].clone();
    app.call("set_top_question", json!({ "appointmentId": ids[1], "id": top, "top": true })).unwrap();
    let line = json!({ "name": "Acute oncology line", "role": "", "phone": "0800 000 000", "roundTheClock": true });
    app.call("save_contact", json!({ "id": null, "input": line })).unwrap();
    app.call("save_screen_settings", json!({ "settings": { "theme": "dark", "welcomed": true } })).unwrap();

    let first = first_screen(&app);
    let home = &first["home"];
    assert_eq!(home["next"]["id"].as_i64(), Some(ids[1]));
    assert_eq!(home["chosen"], 2);
    let words = app.call("get_content", json!({})).unwrap()["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "tki-which")
        .unwrap()["text"]
        .clone();
    assert_eq!(home["top"], json!([{ "id": top, "text": words }]));
    assert_eq!(home["line"]["phone"], "0800 000 000");
    assert_eq!((&first["screen"]["theme"], &first["screen"]["welcomed"]), (&json!("dark"), &json!(true)));
    // Home on a later visit is the same answer on its own.
    assert_eq!(&app.call("get_home", json!({ "now": "2026-12-01T09:00" })).unwrap(), home);
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
    let saved = app.call("export_backup", json!({ "withRecordings": false })).unwrap();
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
    // A sparse file: 1.2 GiB long, but nothing written, so the test is quick.
    std::fs::File::create(&file).unwrap().set_len(1200 * 1024 * 1024).unwrap();
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
    assert_eq!(first_screen(&app)["screen"]["welcomed"], json!(false));
    let chosen = json!({ "theme": "dark", "highContrast": true, "textSize": "larger", "welcomed": true });
    app.call("save_screen_settings", json!({ "settings": chosen })).unwrap();
    drop(app);
    let app = TestApp::new(data.path());
    assert_eq!(first_screen(&app)["screen"], chosen);
    // Tauri refuses a value the type cannot hold before the command runs.
    assert!(app.call("save_screen_settings", json!({ "settings": { "theme": "purple" } })).is_err());
    assert_eq!(first_screen(&app)["screen"], chosen);
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

/// The app recording a 440 Hz tone in place of the microphone, saving files into `data/out`.
fn recording_app(data: &Path, lost_after: Option<Duration>) -> TestApp {
    std::fs::create_dir_all(data.join("out")).unwrap();
    TestApp::with_state(AppState::open(&resources(), data).with_save_dir(data.join("out")).with_test_tone(lost_after))
}

/// An appointment with two questions on its list, and one on the list for the next one not booked.
fn appointment_with_questions(app: &TestApp) -> (i64, [i64; 2], i64) {
    let input = json!({ "startsAt": "2026-12-03T14:30", "withWhom": "Dr Nowak", "place": "Clinic 4", "purpose": "" });
    let appointment =
        app.call("save_appointment", json!({ "id": null, "input": input })).unwrap()["id"].as_i64().unwrap();
    for text in ["Which tablet is next?", "How often will I have a scan?"] {
        app.call("add_own_question", json!({ "appointmentId": appointment, "text": text })).unwrap();
    }
    let list = app.call("get_plan", json!({ "appointmentId": appointment })).unwrap();
    let ids: Vec<i64> = list.as_array().unwrap().iter().map(|q| q["id"].as_i64().unwrap()).collect();
    let other = app.call("add_own_question", json!({ "appointmentId": null, "text": "Not booked yet" })).unwrap();
    (appointment, [ids[0], ids[1]], other[0]["id"].as_i64().unwrap())
}

/// Records the appointment for about `length`, then stops it: the recording as saved.
fn record(app: &TestApp, appointment: i64, length: Duration) -> Value {
    app.call("start_recording", json!({ "appointmentId": appointment, "microphoneId": null, "agreed": true })).unwrap();
    std::thread::sleep(length);
    app.call("stop_recording", json!({})).unwrap()["recording"].clone()
}

/// The names of the files in a folder, sorted.
/// The file an `<audio>` element is told to play, read back from the address as convertFileSrc
/// makes it on this system: asset://localhost/ here, http://asset.localhost/ on Windows.
fn played_file(src: &str) -> PathBuf {
    let origin = if cfg!(windows) { "http://asset.localhost/" } else { "asset://localhost/" };
    let encoded = src.strip_prefix(origin).unwrap_or_else(|| panic!("{src} is not played from {origin}"));
    PathBuf::from(percent_encoding::percent_decode_str(encoded).decode_utf8().unwrap().into_owned())
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

#[test]
fn a_backup_carries_the_recordings_sound_only_when_chosen_and_brings_it_back_whole() {
    let first = tempfile::tempdir().unwrap();
    let app = recording_app(first.path(), None);
    let (appointment, _, _) = appointment_with_questions(&app);
    record(&app, appointment, Duration::from_millis(600));
    let recordings = first.path().join("recordings");
    let name = files_in(&recordings).into_iter().find(|f| f.ends_with(".mp3")).expect("an MP3 file");
    let sound = std::fs::read(recordings.join(&name)).unwrap();
    assert_eq!(app.call("recordings_size", json!({})).unwrap().as_u64(), Some(sound.len() as u64));

    let saved_file = |with: bool| {
        let saved = app.call("export_backup", json!({ "withRecordings": with })).unwrap();
        let file = first.path().join("out").join(saved["fileName"].as_str().unwrap());
        (serde_json::from_slice::<Value>(&std::fs::read(&file).unwrap()).unwrap(), file)
    };
    let (without, _) = saved_file(false);
    assert_eq!((without["recordings"][0]["fileName"].as_str(), without.get("recordingAudio")), (Some(&*name), None));
    let (with, file) = saved_file(true);
    assert_eq!(with["recordingAudio"].as_array().unwrap().len(), 1);

    // Damaged sound is refused before anything changes.
    let mut damaged = with.clone();
    damaged["recordingAudio"][0]["data"] = "not base64!".into();
    let damaged_file = first.path().join("damaged.json");
    std::fs::write(&damaged_file, serde_json::to_vec(&damaged).unwrap()).unwrap();
    let second = tempfile::tempdir().unwrap();
    let other = TestApp::with_state(AppState::open(&resources(), second.path()).with_open_file(damaged_file));
    let err = other.call("preview_backup", json!({})).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("damaged"), "{err}");
    assert_eq!(other.call("import_backup", json!({})).unwrap_err()["kind"], "notFound");
    assert!(files_in(&second.path().join("recordings")).is_empty());
    drop(other);

    let other = TestApp::with_state(AppState::open(&resources(), second.path()).with_open_file(file));
    other.call("preview_backup", json!({})).unwrap();
    other.call("import_backup", json!({})).unwrap();
    assert_eq!(files_in(&second.path().join("recordings")), std::slice::from_ref(&name));
    assert_eq!(std::fs::read(second.path().join("recordings").join(&name)).unwrap(), sound, "the same bytes");
    assert_eq!(other.call("recordings_size", json!({})).unwrap().as_u64(), Some(sound.len() as u64));
}

#[test]
fn an_appointment_is_recorded_only_when_agreed_with_answers_marked_and_kept_to_play() {
    let data = tempfile::tempdir().unwrap();
    let app = recording_app(data.path(), None);
    let (appointment, [q1, q2], unbooked) = appointment_with_questions(&app);
    let microphones = app.call("list_microphones", json!({})).unwrap();
    assert_eq!(microphones, json!([{ "id": "test-tone", "name": "Test tone", "isDefault": true }]));

    let start = |agreed: bool| {
        app.call(
            "start_recording",
            json!({ "appointmentId": appointment, "microphoneId": "test-tone", "agreed": agreed }),
        )
    };
    let refused = start(false).unwrap_err();
    assert_eq!(refused["kind"], "invalidInput");
    assert!(refused["message"].as_str().unwrap().contains("doctor or nurse"), "{refused}");
    assert!(files_in(&data.path().join("recordings")).is_empty(), "nothing is recorded before they agree");
    let err = app.call("start_recording", json!({ "appointmentId": 999, "microphoneId": null, "agreed": true }));
    assert_eq!(err.unwrap_err()["kind"], "notFound");

    let now = start(true).unwrap();
    assert_eq!((now["appointmentId"].as_i64(), now["problem"].is_null()), (Some(appointment), true));
    let id = now["id"].as_i64().unwrap();
    // Its row is there from the start, so a crash leaves it.
    assert_eq!(app.call("list_recordings", json!({ "appointmentId": appointment })).unwrap()[0]["id"], id);
    let again = start(true).unwrap_err();
    assert!(again["message"].as_str().unwrap().contains("already going"), "{again}");

    std::thread::sleep(Duration::from_millis(700));
    let first = app.call("mark_answer", json!({ "planQuestionId": q2 })).unwrap();
    assert_eq!((first["recordingId"].as_i64(), first["planQuestionId"].as_i64()), (Some(id), Some(q2)));
    std::thread::sleep(Duration::from_millis(400));
    let moved = app.call("mark_answer", json!({ "planQuestionId": q2 })).unwrap();
    let (first_at, moved_at) = (first["atMs"].as_i64().unwrap(), moved["atMs"].as_i64().unwrap());
    assert!(first_at >= 500 && moved_at >= first_at + 300, "{first_at} then {moved_at} ms");
    std::thread::sleep(Duration::from_millis(200));
    app.call("mark_answer", json!({ "planQuestionId": q1 })).unwrap();
    let err = app.call("mark_answer", json!({ "planQuestionId": unbooked })).unwrap_err();
    assert_eq!(err["kind"], "notFound", "a question on another list: {err}");
    let going = app.call("recording_now", json!({})).unwrap();
    assert_eq!((going["id"].as_i64(), going["heardSound"].as_bool()), (Some(id), Some(true)));
    assert!(going["elapsedMs"].as_u64().unwrap() >= moved_at as u64);
    let err = app.call("remove_recording", json!({ "id": id })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("stop the recording"), "{err}");

    let saved = app.call("stop_recording", json!({})).unwrap();
    assert_eq!(saved["problem"], Value::Null);
    let row = &saved["recording"];
    let length = row["durationMs"].as_i64().unwrap();
    assert!((1_100..3_000).contains(&length), "{length} ms");
    assert_eq!((row["recovered"].as_bool(), row["present"].as_bool()), (Some(false), Some(true)));
    assert_eq!(row["startedAt"].as_str().unwrap().len(), 16, "{row}");
    let marks: Vec<(i64, i64)> = row["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["planQuestionId"].as_i64().unwrap(), m["atMs"].as_i64().unwrap()))
        .collect();
    assert_eq!(marks.iter().map(|m| m.0).collect::<Vec<_>>(), [q2, q1], "one each, earliest first");
    assert_eq!(marks[0].1, moved_at, "the second tap moved the mark");

    // The file is whole MP3 of that length, and the web view is told where to play it from.
    let files = files_in(&data.path().join("recordings"));
    let audio = files.iter().find(|f| f.ends_with(".mp3")).expect("an MP3 file");
    let path = data.path().join("recordings").join(audio);
    let frames = alk_recorder::duration(&path).unwrap().as_millis() as i64;
    assert_eq!(frames, length);
    let src = row["src"].as_str().unwrap();
    assert_eq!(played_file(src), path, "{src}");
    assert_eq!(app.call("list_recordings", json!({ "appointmentId": appointment })).unwrap(), json!([row]));
    assert_eq!(app.call("recording_now", json!({})).unwrap(), Value::Null);
    assert_eq!(app.call("stop_recording", json!({})).unwrap_err()["kind"], "notFound");

    let copy = app.call("save_recording_copy", json!({ "id": id })).unwrap();
    assert_eq!(copy, "appointment-recording-".to_string() + &row["startedAt"].as_str().unwrap()[..10] + ".mp3");
    let copied = std::fs::read(data.path().join("out").join(copy.as_str().unwrap())).unwrap();
    assert_eq!(copied, std::fs::read(&path).unwrap());
}

#[test]
fn a_recording_waits_in_the_bin_and_emptying_the_bin_erases_its_sound_only() {
    let data = tempfile::tempdir().unwrap();
    let app = recording_app(data.path(), None);
    let (appointment, _, _) = appointment_with_questions(&app);
    let kept = record(&app, appointment, Duration::from_millis(300));
    let binned = record(&app, appointment, Duration::from_millis(300));
    let dir = data.path().join("recordings");
    assert_eq!(files_in(&dir).len(), 4, "two sounds and their notes: {:?}", files_in(&dir));

    app.call("remove_recording", json!({ "id": binned["id"] })).unwrap();
    let listed = app.call("list_recordings", json!({ "appointmentId": appointment })).unwrap();
    assert_eq!(listed, json!([kept]));
    let bin = app.call("list_removed", json!({})).unwrap();
    assert_eq!((&bin[0]["kind"], &bin[0]["id"]), (&json!("recording"), &binned["id"]));
    app.call("restore_removed", json!({ "kind": "recording", "id": binned["id"] })).unwrap();
    assert_eq!(
        app.call("list_recordings", json!({ "appointmentId": appointment })).unwrap().as_array().unwrap().len(),
        2
    );

    app.call("remove_recording", json!({ "id": binned["id"] })).unwrap();
    assert_eq!(files_in(&dir).len(), 4, "the bin keeps the sound until it is emptied");
    app.call("empty_bin", json!({})).unwrap();
    let stem =
        |row: &Value| played_file(row["src"].as_str().unwrap()).file_stem().unwrap().to_string_lossy().into_owned();
    assert_eq!(files_in(&dir), [format!("{}.json", stem(&kept)), format!("{}.mp3", stem(&kept))]);
    assert_eq!(app.call("list_recordings", json!({ "appointmentId": appointment })).unwrap(), json!([kept]));
}

#[test]
fn an_appointment_erased_from_the_bin_while_it_is_recorded_stops_and_takes_its_sound() {
    let data = tempfile::tempdir().unwrap();
    let app = recording_app(data.path(), None);
    let (appointment, _, _) = appointment_with_questions(&app);
    app.call("start_recording", json!({ "appointmentId": appointment, "microphoneId": null, "agreed": true })).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    app.call("delete_appointment", json!({ "id": appointment })).unwrap();
    app.call("empty_bin", json!({})).unwrap();
    assert_eq!(app.call("recording_now", json!({})).unwrap(), Value::Null);
    assert!(files_in(&data.path().join("recordings")).is_empty(), "{:?}", files_in(&data.path().join("recordings")));
}

#[test]
fn deleting_all_my_information_stops_the_recording_and_erases_every_sound() {
    let data = tempfile::tempdir().unwrap();
    let app = recording_app(data.path(), None);
    let (appointment, _, _) = appointment_with_questions(&app);
    record(&app, appointment, Duration::from_millis(300));
    app.call("start_recording", json!({ "appointmentId": appointment, "microphoneId": null, "agreed": true })).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(files_in(&data.path().join("recordings")).len(), 5, "two sounds, two notes and a reserve");
    app.call("delete_all_data", json!({})).unwrap();
    assert_eq!(app.call("recording_now", json!({})).unwrap(), Value::Null);
    assert!(files_in(&data.path().join("recordings")).is_empty(), "{:?}", files_in(&data.path().join("recordings")));
    assert_eq!(app.call("list_appointments", json!({})).unwrap(), json!([]));
}

#[test]
fn a_microphone_that_goes_stops_the_recording_and_says_so_in_plain_words() {
    let data = tempfile::tempdir().unwrap();
    let app = recording_app(data.path(), Some(Duration::from_millis(400)));
    let (appointment, _, _) = appointment_with_questions(&app);
    app.call("start_recording", json!({ "appointmentId": appointment, "microphoneId": null, "agreed": true })).unwrap();
    let began = Instant::now();
    let problem = loop {
        let now = app.call("recording_now", json!({})).unwrap();
        if let Some(problem) = now["problem"].as_str() {
            break problem.to_string();
        }
        assert!(began.elapsed() < Duration::from_secs(5), "no problem said: {now}");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(problem, alk_recorder::RecorderError::MicrophoneLost.plain_message());
    let saved = app.call("stop_recording", json!({})).unwrap();
    assert_eq!(saved["problem"], json!(problem));
    let length = saved["recording"]["durationMs"].as_i64().unwrap();
    assert!((300..1_000).contains(&length), "what came before is kept: {length} ms");
}

#[test]
fn the_consent_page_is_remembered_once_read() {
    let data = tempfile::tempdir().unwrap();
    {
        let app = recording_app(data.path(), None);
        assert_eq!(app.call("get_recording_consent", json!({})).unwrap(), json!(false));
        app.call("set_recording_consent_seen", json!({})).unwrap();
    }
    let app = recording_app(data.path(), None);
    assert_eq!(app.call("get_recording_consent", json!({})).unwrap(), json!(true));
}

#[test]
fn a_recording_going_when_the_app_closes_keeps_its_length_and_is_not_taken_for_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let appointment = {
        let app = recording_app(data.path(), None);
        let (appointment, _, _) = appointment_with_questions(&app);
        app.call("start_recording", json!({ "appointmentId": appointment, "microphoneId": null, "agreed": true }))
            .unwrap();
        std::thread::sleep(Duration::from_millis(600));
        app.close();
        appointment
    };
    let app = recording_app(data.path(), None);
    assert_eq!(first_screen(&app)["recovered"], json!([]));
    let row = app.call("list_recordings", json!({ "appointmentId": appointment })).unwrap()[0].clone();
    let length = row["durationMs"].as_i64().unwrap();
    assert!((500..1_500).contains(&length), "{length} ms: {row}");
    assert_eq!(row["recovered"], false);
}

const CHILD_DATA: &str = "ALK_TEST_RECORDING_CHILD_DATA";

/// Run by the test below as the app in a process of its own, recording until it is killed.
#[test]
#[ignore = "started by a_recording_survives_the_app_being_killed_and_is_offered_once"]
fn child_records_until_killed() {
    let Some(data) = std::env::var_os(CHILD_DATA) else { return };
    let app = recording_app(Path::new(&data), None);
    let (appointment, _, _) = appointment_with_questions(&app);
    let now = app
        .call("start_recording", json!({ "appointmentId": appointment, "microphoneId": null, "agreed": true }))
        .unwrap();
    println!("RECORDING {}", now["id"]);
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn a_recording_survives_the_app_being_killed_and_is_offered_once() {
    use std::io::BufRead;
    let data = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_records_until_killed", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_DATA, data.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let id: i64 = lines
        .find_map(|line| line.unwrap().split_once("RECORDING ").map(|(_, id)| id.trim().parse().unwrap()))
        .expect("the child started recording");
    std::thread::sleep(Duration::from_millis(1_500));
    // SIGKILL on Unix, TerminateProcess on Windows: nothing in the app gets to finish the recording.
    child.kill().unwrap();
    child.wait().unwrap();

    let app = recording_app(data.path(), None);
    let offered = first_screen(&app)["recovered"].clone();
    let row = &offered[0];
    assert_eq!((offered.as_array().unwrap().len(), row["id"].as_i64()), (1, Some(id)), "{offered}");
    assert_eq!((row["recovered"].as_bool(), row["present"].as_bool()), (Some(true), Some(true)));
    let length = row["durationMs"].as_i64().unwrap();
    assert!((1_000..2_500).contains(&length), "kept up to the kill: {length} ms");
    let listed = app.call("list_recordings", json!({ "appointmentId": row["appointmentId"] })).unwrap();
    assert_eq!(listed, json!([row]));
    app.call("dismiss_recovered_recordings", json!({})).unwrap();
    assert_eq!(first_screen(&app)["recovered"], json!([]));
    drop(app);
    let again = recording_app(data.path(), None);
    assert_eq!(first_screen(&again)["recovered"], json!([]), "offered once");
    assert_eq!(again.call("list_recordings", json!({ "appointmentId": row["appointmentId"] })).unwrap(), json!([row]));
}
