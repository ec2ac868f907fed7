//! Nothing the patient types is lost or mixed up, used as a hurried patient would: switching
//! notes while one is saving, and pressing Enter on every "Remove" question.
//!
//! Needs a display (`./dev.sh test` runs it under Xvfb), `tauri-driver` on the PATH and
//! WebKitWebDriver installed; `./dev.sh test` sets all of that up.

use crate::common;

use std::path::Path;
use std::time::Duration;

use crate::common::{connect, find, open_view, screenshot, screenshot_of, wait_text, Driver};
use fantoccini::{Client, Locator};
use serde_json::Value;

const ENTER: &str = "\u{E007}";

/// The note list's button for the note whose first line is `text`.
async fn note_in_list(client: &Client, text: &str) -> fantoccini::elements::Element {
    let xpath = format!("//ul[contains(@class,'note-list')]//button[@class='result-link' and text()='{text}']");
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

async fn value_of(client: &Client, css: &str) -> String {
    find(client, css).await.prop("value").await.unwrap().unwrap_or_default()
}

/// Saves a backup through the Backup screen and reads it: the store as it is on disk.
async fn store_through_backup(client: &Client, home: &Path) -> Value {
    open_view(client, "backup").await;
    let out = home.join("out");
    for entry in std::fs::read_dir(&out).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    find(client, ".backup button.primary").await.click().await.unwrap();
    wait_text(client, "#backup-status", "Saved alk-companion-backup-").await;
    let file = std::fs::read_dir(&out).unwrap().next().expect("a backup file").unwrap().path();
    serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn switching_notes_mid_save_keeps_each_note_its_own() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());
    let client = connect().await;
    find(&client, ".home h2").await;

    open_view(&client, "notes").await;
    find(&client, "#note:not([readonly])").await.send_keys("Note A").await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    find(&client, "#new-note").await.click().await.unwrap();
    wait_text(&client, "#note-status", "A new note").await;
    find(&client, "#note:not([readonly])").await.send_keys("Note B").await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    note_in_list(&client, "Note B").await;

    // Open Note A, type, and within half a second click Note B; then type in Note B.
    note_in_list(&client, "Note A").await.click().await.unwrap();
    for _ in 0..50 {
        if value_of(&client, "#note").await == "Note A" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    find(&client, "#note:not([readonly])").await.send_keys(" and a quick edit").await.unwrap();
    note_in_list(&client, "Note B").await.click().await.unwrap();
    for _ in 0..50 {
        if value_of(&client, "#note").await == "Note B" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(value_of(&client, "#note").await, "Note B");
    find(&client, "#note:not([readonly])").await.send_keys(" and more").await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    screenshot(&client, "20-notes-after-switching").await;

    let store = store_through_backup(&client, home.path()).await;
    let mut texts: Vec<&str> = store["notes"].as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap()).collect();
    texts.sort();
    assert_eq!(texts, vec!["Note A and a quick edit", "Note B and more"]);
    common::close_and_wait(client).await;
}

/// Presses Enter on the focused button: it must be the safe one, so nothing is removed.
async fn enter_on_focused_is_safe(client: &Client) {
    let focused = client.active_element().await.unwrap();
    let label = focused.text().await.unwrap();
    assert!(label.starts_with("No"), "the focused button is {label:?}, not the safe choice");
    focused.send_keys(ENTER).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(client.find(Locator::Css(".confirm")).await.is_err(), "the question closes on No");
}

/// Waits until the element no longer holds `gone`.
async fn wait_without(client: &Client, css: &str, gone: &str) {
    for _ in 0..100 {
        let text = match client.find(Locator::Css(css)).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if !text.contains(gone) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("{css} still shows {gone:?}");
}

/// One Remove, as a hurried patient does it: Remove, then Enter (nothing goes); Remove, Yes
/// (it goes); Undo (it is back). `shows` is where the item is, `text` a word of it.
async fn remove_asks_and_undoes(client: &Client, remove: &str, shows: &str, text: &str, name: &str) {
    wait_text(client, shows, text).await;
    find(client, remove).await.click().await.unwrap();
    find(client, ".confirm").await;
    screenshot_of(client, &format!("21-confirm-{name}"), ".confirm").await;
    enter_on_focused_is_safe(client).await;
    wait_text(client, shows, text).await;

    find(client, remove).await.click().await.unwrap();
    find(client, ".confirm button.danger").await.click().await.unwrap();
    wait_without(client, shows, text).await;
    let undo = find(client, "button.undo").await;
    screenshot_of(client, &format!("22-undo-{name}"), "button.undo").await;
    undo.click().await.unwrap();
    wait_text(client, shows, text).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_remove_asks_first_and_can_be_undone() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());
    let client = connect().await;
    find(&client, ".home h2").await;

    // An appointment with a question and a typed answer.
    open_view(&client, "appointments").await;
    find(&client, "#appt-date").await;
    client
        .execute("document.getElementById('appt-date').value = '2030-01-15'; document.getElementById('appt-time').value = '14:30';", vec![])
        .await
        .unwrap();
    find(&client, "#appt-with").await.send_keys("Dr Nowak").await.unwrap();
    find(&client, ".record-form button[type=submit]").await.click().await.unwrap();
    common::yes_to_the_date(&client).await;
    wait_text(&client, "#upcoming", "15 January 2030").await;
    open_view(&client, "questions").await;
    wait_text(&client, "#list-choice", "15 January 2030").await;
    find(&client, "input[data-question='tki-which']").await.click().await.unwrap();
    find(&client, ".my-list textarea").await.send_keys("Alectinib, said Dr Nowak").await.unwrap();
    wait_text(&client, ".my-list .saved", "Saved").await;

    // The question with its answer.
    remove_asks_and_undoes(
        &client,
        ".my-list button[aria-label^='Remove from my list']",
        ".my-list",
        "Which TKI",
        "question",
    )
    .await;
    assert_eq!(value_of(&client, ".my-list textarea").await, "Alectinib, said Dr Nowak");

    // The appointment, whose questions and answers go and come back with it.
    open_view(&client, "appointments").await;
    remove_asks_and_undoes(
        &client,
        "#upcoming button[aria-label^='Remove the appointment']",
        "#upcoming",
        "15 January 2030",
        "appointment",
    )
    .await;
    open_view(&client, "questions").await;
    wait_text(&client, "#list-choice", "15 January 2030").await;
    assert_eq!(value_of(&client, ".my-list textarea").await, "Alectinib, said Dr Nowak");

    // The record: a treatment, a diary entry and a check-up.
    open_view(&client, "record").await;
    find(&client, "section[aria-labelledby=treatments-title] input[data-when]").await;
    let fill = "const t = document.querySelector('section[aria-labelledby=treatments-title]');\
                t.querySelector('select').value = 'alectinib';\
                t.querySelectorAll('input[data-when]')[0].value = '2025-03-01';\
                document.querySelector('section[aria-labelledby=diary-title] select').value = 'rash';\
                document.querySelector('section[aria-labelledby=scans-title] input[data-when]').value = '2025-01-10';";
    client.execute(fill, vec![]).await.unwrap();
    find(&client, "section[aria-labelledby=treatments-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "section[aria-labelledby=treatments-title] tbody", "Alectinib").await;
    find(&client, "section[aria-labelledby=diary-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "#diary", "Rash").await;
    find(&client, "section[aria-labelledby=scans-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "section[aria-labelledby=scans-title] ul.cards", "10 January 2025").await;
    remove_asks_and_undoes(
        &client,
        "section[aria-labelledby=treatments-title] tbody button[aria-label^='Remove']",
        "section[aria-labelledby=treatments-title] tbody",
        "Alectinib",
        "treatment",
    )
    .await;
    remove_asks_and_undoes(&client, "#diary button[aria-label^='Remove']", "#diary", "Rash", "diary").await;
    remove_asks_and_undoes(
        &client,
        "section[aria-labelledby=scans-title] ul.cards button[aria-label^='Remove']",
        "section[aria-labelledby=scans-title] ul.cards",
        "10 January 2025",
        "checkup",
    )
    .await;

    // A care team contact: the 24-hour line shows at the top of every screen.
    let contact = "const f = document.querySelector('section[aria-labelledby=contacts-title] form');\
                   f.querySelectorAll('input')[0].value = 'Acute oncology line';\
                   f.querySelectorAll('input')[2].value = '0800 000 000';\
                   document.getElementById('contact-24h').checked = true;";
    client.execute(contact, vec![]).await.unwrap();
    find(&client, "section[aria-labelledby=contacts-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "#round-the-clock", "Acute oncology line, 0800 000 000").await;
    screenshot(&client, "24-care-team-line").await;
    remove_asks_and_undoes(
        &client,
        "#contacts button[aria-label^='Remove']",
        "#contacts",
        "Acute oncology line",
        "contact",
    )
    .await;
    wait_text(&client, "#round-the-clock", "0800 000 000").await;

    // A note.
    open_view(&client, "notes").await;
    find(&client, "#note:not([readonly])").await.send_keys("Bring the scan letter").await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    remove_asks_and_undoes(
        &client,
        ".note-list button[aria-label^='Move to bin']",
        ".note-list",
        "Bring the scan letter",
        "note",
    )
    .await;

    // The Bin brings back what was removed, here the diary entry.
    open_view(&client, "record").await;
    find(&client, "#diary button[aria-label^='Remove']").await.click().await.unwrap();
    find(&client, ".confirm button.danger").await.click().await.unwrap();
    wait_without(&client, "#diary", "Rash").await;
    open_view(&client, "bin").await;
    wait_text(&client, "#removed", "Diary entry").await;
    screenshot(&client, "23-bin").await;
    find(&client, "#removed li[data-kind='diaryEntry'] button").await.click().await.unwrap();
    wait_text(&client, ".bin p.message", "brought back").await;
    open_view(&client, "record").await;
    wait_text(&client, "#diary", "Rash").await;

    // Everything is in the store once more.
    let store = store_through_backup(&client, home.path()).await;
    assert_eq!(store["notes"].as_array().unwrap().len(), 1);
    assert_eq!(store["appointments"].as_array().unwrap().len(), 1);
    assert_eq!(store["treatments"].as_array().unwrap().len(), 1);
    assert_eq!(store["diary"].as_array().unwrap().len(), 1);
    assert_eq!(store["checkups"].as_array().unwrap().len(), 1);
    assert_eq!(store["planQuestions"][0]["answer"], "Alectinib, said Dr Nowak");
    common::close_and_wait(client).await;
}
