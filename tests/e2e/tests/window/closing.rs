//! Exactly what the patient meant, in the real window: words typed right before the window is
//! closed (as a window manager closes it) are all there after a restart, and a date and time
//! typed the UK way are said back in words and kept as typed.
//!
//! Needs a display (`./dev.sh test` runs it under Xvfb), tauri-driver, WebKitWebDriver and
//! python3-xlib (for the window manager's close message); `./dev.sh test` sets all of that up.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{app_processes, connect, find, open_view, screenshot, screenshot_of, wait_text, Driver};
use fantoccini::{Client, Locator};

/// Closes the real window as its close button or Alt+F4 would (WM_DELETE_WINDOW), and waits
/// until the app has ended by itself. Returns how long it took.
async fn close_like_a_window_manager(client: Client) -> Duration {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/close_window.py");
    let status = Command::new("/usr/bin/python3").arg(script).arg("ALK Companion").status().unwrap();
    assert!(status.success(), "no window titled ALK Companion to close");
    wait_for_the_app_to_end(client, Instant::now()).await
}

/// Asks the app to quit as logging out or shutting down does (SIGTERM), and waits for it to end.
async fn ask_the_app_to_quit(client: Client) -> Duration {
    assert!(common::ask_the_app_to_quit(), "no app to ask to quit");
    wait_for_the_app_to_end(client, Instant::now()).await
}

async fn wait_for_the_app_to_end(client: Client, started: Instant) -> Duration {
    for _ in 0..200 {
        if app_processes() == 0 {
            // The session's app is gone; the client is dropped without a DELETE it cannot answer.
            drop(client);
            return started.elapsed();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the app did not end within 10 s of its window being closed");
}

/// Where each kind of box is, and how to type into it and read it back.
#[derive(Clone, Copy, Debug)]
enum Place {
    Note,
    Answer,
    ChecklistNote,
    HalfTypedForm,
}

impl Place {
    async fn open(self, client: &Client) {
        match self {
            Place::Note => {
                open_view(client, "notes").await;
                find(client, "#note:not([readonly])").await;
            }
            Place::Answer => {
                open_view(client, "questions").await;
                let chosen = find(client, "input[data-question='tki-which']").await;
                if chosen.prop("checked").await.unwrap().as_deref() != Some("true") {
                    chosen.click().await.unwrap();
                }
                find(client, ".my-list textarea").await;
            }
            Place::ChecklistNote => {
                open_view(client, "checklist").await;
                find(client, "ol.steps input[type=text]").await;
            }
            Place::HalfTypedForm => {
                open_view(client, "appointments").await;
                find(client, "#appt-with").await;
            }
        }
    }

    fn css(self) -> &'static str {
        match self {
            Place::Note => "#note",
            Place::Answer => ".my-list textarea",
            Place::ChecklistNote => "ol.steps input[type=text]",
            Place::HalfTypedForm => "#appt-with",
        }
    }

    /// What the box holds now; the notes' words are read from the list of notes.
    async fn words(self, client: &Client) -> String {
        self.open(client).await;
        if let Place::Note = self {
            let list = client.find(Locator::Css("ul.note-list")).await;
            return match list {
                Ok(list) => list.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
        }
        // A kept form is put back a moment after the screen opens.
        let mut value = String::new();
        for _ in 0..20 {
            value = find(client, self.css()).await.prop("value").await.unwrap().unwrap_or_default();
            if !value.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        value
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn words_typed_right_before_the_window_closes_are_all_there_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());
    let places = [Place::Note, Place::Answer, Place::ChecklistNote, Place::HalfTypedForm];
    let mut typed: Vec<(Place, String)> = Vec::new();
    // Closed by the window manager at 0, 100 and 300 ms, then asked to quit (SIGTERM) at once.
    let runs = [0u64, 100, 300].iter().flat_map(|&d| places.map(|p| (d, p, false))).chain(places.map(|p| (0, p, true)));
    for (delay, place, quit) in runs {
        {
            let client = connect().await;
            // What the last run typed is there now.
            if let Some((before, words)) = typed.last() {
                let found = before.words(&client).await;
                assert!(found.contains(words.as_str()), "{before:?}: {words:?} was lost; the box holds {found:?}");
            }
            // A box typed in before shows its words first (a kept form comes back a moment after
            // the screen opens), so the new words go after them.
            if typed.iter().any(|(p, _)| std::mem::discriminant(p) == std::mem::discriminant(&place)) {
                place.words(&client).await;
            } else {
                place.open(&client).await;
            }
            // WebDriver types only the Basic Multilingual Plane, so no emoji here (the pack tests have them).
            let words = format!("{} after {delay} ms ٱلسلام {place:?} ✓", if quit { "Quit" } else { "Closed" });
            let box_ = find(&client, place.css()).await;
            box_.click().await.unwrap();
            // A new note for each run, so the list shows every one.
            if let Place::Note = place {
                if !box_.prop("value").await.unwrap().unwrap_or_default().is_empty() {
                    find(&client, "#new-note").await.click().await.unwrap();
                    wait_text(&client, "#note-status", "A new note").await;
                }
            }
            let typing = find(&client, &format!("{}:not([readonly])", place.css())).await;
            // After what is there already, wherever the click put the caret.
            let end = "arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length)";
            client.execute(end, vec![serde_json::to_value(&typing).unwrap()]).await.unwrap();
            typing.send_keys(&format!(" {words}")).await.unwrap();
            tokio::time::sleep(Duration::from_millis(delay)).await;
            if delay == 300 && matches!(place, Place::HalfTypedForm) {
                screenshot_of(&client, "70-half-typed-before-closing", ".record-form").await;
            }
            let (how, took) = if quit {
                ("asked to quit", ask_the_app_to_quit(client).await)
            } else {
                ("closed", close_like_a_window_manager(client).await)
            };
            println!("{place:?} typed, {how} after {delay} ms; the app ended {} ms later", took.as_millis());
            typed.push((place, words));
        }
    }
    // Every word of every run, after one more restart.
    let client = connect().await;
    for (place, words) in &typed {
        let found = place.words(&client).await;
        assert!(found.contains(words.as_str()), "{place:?}: {words:?} was lost; the box holds {found:?}");
    }
    open_view(&client, "appointments").await;
    screenshot_of(&client, "71-half-typed-after-restart", ".record-form").await;
    close_like_a_window_manager(client).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_date_and_time_typed_the_uk_way_are_said_back_and_kept_as_typed() {
    let home = tempfile::tempdir().unwrap();
    let _driver = Driver::start(home.path());
    let client = connect().await;
    open_view(&client, "appointments").await;
    // Typed as a patient types, key by key, whatever the computer's locale (the C locale here).
    find(&client, "#appt-date").await.send_keys("15/01/2030").await.unwrap();
    find(&client, "#appt-time").await.send_keys("1430").await.unwrap();
    find(&client, "#appt-with").await.send_keys("Dr Nowak").await.unwrap();
    wait_text(&client, "#appt-date-said", "Tuesday 15 January 2030").await;
    wait_text(&client, "#appt-time-said", "2:30 pm").await;
    screenshot_of(&client, "72-date-said-back", ".record-form").await;
    find(&client, ".record-form button[type=submit]").await.click().await.unwrap();
    // More than a year ahead: asked once, with the focus on "No".
    wait_text(&client, ".record-form .confirm", "That is in 2030").await;
    screenshot_of(&client, "73-date-asked-once", ".record-form .confirm").await;
    common::yes_to_the_date(&client).await;
    wait_text(&client, "#appt-message", "Appointment added: Tuesday 15 January 2030 at 2:30 pm.").await;
    wait_text(&client, "#upcoming", "Tuesday 15 January 2030 at 2:30 pm").await;

    // A date that does not exist is refused in words, and nothing is added.
    find(&client, "#appt-date").await.send_keys("31/02/2026").await.unwrap();
    find(&client, "#appt-time").await.send_keys("9.30am").await.unwrap();
    find(&client, ".record-form button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "#appt-message", "There is no 31 February in 2026. Please check the date.").await;
    let invalid = find(&client, "#appt-date").await.attr("aria-invalid").await.unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));
    let cards = client.find_all(Locator::Css("#upcoming li.card")).await.unwrap().len();
    assert_eq!(cards, 1, "nothing was added for a date that does not exist");
    screenshot(&client, "74-date-refused").await;
    close_like_a_window_manager(client).await;
}
