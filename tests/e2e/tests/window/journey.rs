//! The real app in its real window: choose questions, write a note, make the pack, restart.
//!
//! Needs a display (`./dev.sh test` runs it under Xvfb), `tauri-driver` on the PATH and
//! WebKitWebDriver installed; `./dev.sh test` sets all of that up.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::{connect, find, open_view, screenshot, screenshot_of, wait_text, Driver};
use fantoccini::{Client, Locator};

const NOTE: &str = "Ask about the scan — Zoë’s łódź ≥ 2 ✓";

#[tokio::test(flavor = "multi_thread")]
async fn choices_note_and_pack_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());

    // First run: choose two questions, write a note, make the pack.
    let client = connect().await;
    open_view(&client, "read").await;
    find(&client, "article.section h2").await;
    screenshot(&client, "01-information").await;

    open_view(&client, "questions").await;
    find(&client, "input[data-question='ask3-options']").await.click().await.unwrap();
    wait_text(&client, "p.count", "1 question").await;
    find(&client, "input[data-question='tki-which']").await.click().await.unwrap();
    wait_text(&client, "p.count", "2 questions").await;
    screenshot(&client, "02-questions").await;

    open_view(&client, "notes").await;
    find(&client, "#note:not([readonly])").await.send_keys(NOTE).await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    screenshot(&client, "03-notes").await;

    open_view(&client, "pack").await;
    // The preview shows the page count and the first page before anything is saved.
    wait_text(&client, "#preview-pages", "page").await;
    wait_text(&client, "#pack-preview .page", "My appointment pack").await;
    find(&client, "#pick-note-1").await.click().await.unwrap();
    find(&client, "#make-pack").await.click().await.unwrap();
    wait_text(&client, "#pack-status", "Saved appointment-pack.pdf").await;
    screenshot(&client, "04-pack").await;

    // "Open to print" hands the saved file to the system's PDF handler: here a stand-in.
    find(&client, ".pack .actions button.secondary").await.click().await.unwrap();
    let opened = home.path().join("opened.pdf");
    for _ in 0..50 {
        if opened.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let saved = std::fs::read(home.path().join("out/appointment-pack.pdf")).unwrap();
    assert_eq!(std::fs::read(&opened).expect("the PDF handler was started with the pack"), saved);
    common::close_and_wait(client).await;

    let pdf = home.path().join("out/appointment-pack.pdf");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext is installed").stdout;
    let text = String::from_utf8(text).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("What are my options?"), "{text}");
    assert!(text.contains("Which TKI are you suggesting for me, and why that one?"), "{text}");
    assert!(text.contains(NOTE), "{text}");

    // Second run: everything is still there.
    let client = connect().await;
    open_view(&client, "questions").await;
    wait_text(&client, "p.count", "2 questions").await;
    let first = find(&client, "input[data-question='ask3-options']").await;
    assert!(first.prop("checked").await.unwrap().as_deref() == Some("true"));
    let second = find(&client, "input[data-question='tki-which']").await;
    assert!(second.prop("checked").await.unwrap().as_deref() == Some("true"));
    let other = find(&client, "input[data-question='ask3-support']").await;
    assert!(other.prop("checked").await.unwrap().as_deref() == Some("false"));

    open_view(&client, "notes").await;
    let note = find(&client, "#note:not([readonly])").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some(NOTE));
    common::close_and_wait(client).await;
}

/// How many times `marker` starts a line in a content file: a count that needs no TOML parser.
fn count_in(file: &str, marker: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/content").join(file);
    std::fs::read_to_string(path).unwrap().lines().filter(|l| l.trim() == marker).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn all_information_is_shown_and_search_finds_it() {
    let home = tempfile::tempdir().unwrap();
    let _driver = Driver::start(home.path());
    let client = connect().await;

    let sections = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/content/sections"))
        .unwrap()
        .count();
    open_view(&client, "read").await;
    find(&client, "article.section h2").await;
    let listed = client.find_all(Locator::Css(".section-list button")).await.unwrap();
    assert_eq!(listed.len(), sections);

    // Every page opens, names its source, says truthfully whether a clinician has checked it,
    // and points back to the team.
    for button in &listed {
        button.click().await.unwrap();
        let meta = find(&client, "article.section .meta").await.text().await.unwrap();
        assert_eq!(meta, "Source: ALK Treatment, ALK Positive UK.");
        let review = find(&client, "article.section .review").await.text().await.unwrap();
        assert!(
            review.starts_with("Checked by ") || review.contains("has not yet been checked by a clinician"),
            "{review}"
        );
        let sources = find(&client, "article.section .sources").await.text().await.unwrap();
        assert!(sources.contains("drew following NICE guidance, is dated February 2025"), "{sources}");
        assert!(!sources.contains("NICE treatment flowchart"), "{sources}");
        find(&client, "article.section .team-note").await;
    }

    // The side-effects page says first whom it is about, and when to get help.
    find(&client, ".section-list button[data-id='side-effects']").await.click().await.unwrap();
    wait_text(&client, "#section-scope", "ALK-positive lung cancer").await;
    wait_text(&client, "article.section", "call 999").await;
    screenshot_of(&client, "13-side-effects-scope-and-help", "#section-scope").await;

    // A glossary word opens its meaning in place, by keyboard.
    listed[2].click().await.unwrap();
    let term = find(&client, "article.section button.term").await;
    assert_eq!(term.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    term.send_keys("\u{E007}").await.unwrap(); // Enter
    assert_eq!(term.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    let id = term.attr("aria-controls").await.unwrap().unwrap();
    let meaning = find(&client, &format!("#{id}")).await;
    assert!(meaning.is_displayed().await.unwrap());
    screenshot(&client, "05-glossary-word-open").await;

    open_view(&client, "questions").await;
    find(&client, "fieldset.topic").await;
    let questions = client.find_all(Locator::Css("fieldset.topic input[type=checkbox]")).await.unwrap();
    assert_eq!(questions.len(), count_in("questions.toml", "[[question]]"));
    open_view(&client, "checklist").await;
    find(&client, "ol.steps > li").await;
    let steps = client.find_all(Locator::Css("ol.steps > li")).await.unwrap();
    assert_eq!(steps.len(), count_in("checklist.toml", "[[step]]"));
    open_view(&client, "glossary").await;
    find(&client, ".glossary dt").await;
    let terms = client.find_all(Locator::Css(".glossary dt")).await.unwrap();
    assert_eq!(terms.len(), count_in("glossary.toml", "[[term]]"));

    // At 200% text size nothing runs off the side of the window.
    client.execute("document.documentElement.style.fontSize = '225%'", vec![]).await.unwrap();
    open_view(&client, "read").await;
    find(&client, "article.section h2").await;
    screenshot(&client, "12-text-200-percent").await;
    let fits =
        client.execute("return document.documentElement.scrollWidth <= window.innerWidth + 1", vec![]).await.unwrap();
    assert_eq!(fits, serde_json::Value::Bool(true), "the page is wider than the window at 200% text");
    client.execute("document.documentElement.style.fontSize = ''", vec![]).await.unwrap();

    // Results come as you type. Questions name no drug (issue 19), so "TKI" finds both kinds.
    find(&client, "#search").await.send_keys("TKI").await.unwrap();
    wait_text(&client, ".search p.count", "results for").await;
    let kinds: Vec<String> = {
        let mut kinds = Vec::new();
        for item in client.find_all(Locator::Css(".results li")).await.unwrap() {
            kinds.push(item.attr("data-kind").await.unwrap().unwrap_or_default());
        }
        kinds
    };
    assert!(kinds.contains(&"section".to_string()), "{kinds:?}");
    assert!(kinds.contains(&"question".to_string()), "{kinds:?}");
    screenshot(&client, "06-search").await;

    // A result opens where it belongs.
    find(&client, ".results li[data-kind='section'] button").await.click().await.unwrap();
    find(&client, "article.section h2").await;
    common::close_and_wait(client).await;
}

/// The texts of the patient's list, in the order shown.
async fn my_list(client: &Client) -> Vec<String> {
    let mut texts = Vec::new();
    for item in client.find_all(Locator::Css(".my-list .planned-text")).await.unwrap() {
        texts.push(item.text().await.unwrap());
    }
    texts
}

#[tokio::test(flavor = "multi_thread")]
async fn an_appointment_plan_with_answers_survives_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let _driver = Driver::start(home.path());
    let client = connect().await;

    // Plan an appointment. A date box is set the way a date picker would set it.
    open_view(&client, "appointments").await;
    find(&client, "#appt-date").await;
    client.execute("document.getElementById('appt-date').value = '2030-01-15'; document.getElementById('appt-time').value = '14:30';", vec![]).await.unwrap();
    find(&client, "#appt-with").await.send_keys("Dr Nowak").await.unwrap();
    find(&client, "#appt-place").await.send_keys("Clinic 4").await.unwrap();
    find(&client, "#appt-purpose").await.send_keys("Scan results").await.unwrap();
    find(&client, ".record-form button[type=submit]").await.click().await.unwrap();
    common::yes_to_the_date(&client).await;
    wait_text(&client, "#upcoming", "Tuesday 15 January 2030 at 2:30 pm").await;
    wait_text(&client, "#next-when", "15 January 2030").await;
    screenshot(&client, "07-appointments").await;

    // Choose four questions, make the last two top 3, and ask for a fourth top one.
    open_view(&client, "questions").await;
    wait_text(&client, "#list-choice", "15 January 2030").await;
    // One at a time: a click while the list is still changing is left as it is, by design.
    for (chosen, id) in ["ask3-options", "ask3-pros-cons", "ask3-support", "tki-which"].into_iter().enumerate() {
        find(&client, &format!("input[data-question='{id}']")).await.click().await.unwrap();
        let count = if chosen == 0 { "1 question.".to_string() } else { format!("{} questions", chosen + 1) };
        wait_text(&client, "p.count", &count).await;
    }
    for _ in 0..3 {
        let last = client.find_all(Locator::Css(".my-list li:not(.top) input[id^='top-']")).await.unwrap();
        last.last().unwrap().click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let fourth = find(&client, ".my-list li:not(.top) input[id^='top-']").await;
    fourth.click().await.unwrap();
    wait_text(&client, ".questions p.message", "3 top questions").await;
    let order = my_list(&client).await;
    assert!(
        order[0].starts_with("Top 3") && order[2].starts_with("Top 3") && !order[3].starts_with("Top 3"),
        "{order:?}"
    );
    assert!(order[3].contains("What are my options?"), "{order:?}");

    // Record an answer and tick "asked"; write an own question.
    let answer = find(&client, ".my-list textarea").await;
    answer.send_keys("Every 3 months, said Dr Nowak").await.unwrap();
    find(&client, ".my-list input[id^='asked-']").await.click().await.unwrap();
    wait_text(&client, ".my-list .saved", "Saved").await;
    find(&client, "#own-question").await.send_keys("Can I fly to Kraków in March?").await.unwrap();
    find(&client, ".own-question button").await.click().await.unwrap();
    wait_text(&client, ".my-list", "Can I fly to Kraków in March?").await;
    let before = my_list(&client).await;
    screenshot(&client, "08-my-questions").await;

    // A note about this appointment, and a checklist tick.
    open_view(&client, "notes").await;
    find(&client, "#note:not([readonly])").await.send_keys("Bring the scan letter").await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    open_view(&client, "checklist").await;
    find(&client, "ol.steps input[type=checkbox]").await.click().await.unwrap();
    wait_text(&client, "#checklist-progress", "1 of").await;
    screenshot(&client, "09-checklist").await;

    // The treatment record: a stop date before the start gets a plain message; a diary entry is kept.
    open_view(&client, "record").await;
    find(&client, "section[aria-labelledby=treatments-title] input[data-when]").await;
    let dates = "const d = document.querySelectorAll('section[aria-labelledby=treatments-title] input[data-when]');\
                 d[0].value = '2025-03-01'; d[1].value = '2025-02-01';\
                 document.querySelector('section[aria-labelledby=treatments-title] select').value = 'alectinib';";
    client.execute(dates, vec![]).await.unwrap();
    find(&client, "section[aria-labelledby=treatments-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "section[aria-labelledby=treatments-title] .message", "before the start date").await;
    let what = "document.querySelector('section[aria-labelledby=diary-title] select').value = 'rash'";
    client.execute(what, vec![]).await.unwrap();
    find(&client, "section[aria-labelledby=diary-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "#diary", "Rash. How much it bothers me: quite a bit").await;
    screenshot(&client, "10-record").await;
    open_view(&client, "backup").await;
    screenshot(&client, "11-backup").await;
    common::close_and_wait(client).await;

    // After a restart, all of it is there, in the same order.
    let client = connect().await;
    wait_text(&client, "#next-when", "15 January 2030").await;
    open_view(&client, "questions").await;
    wait_text(&client, "p.count", "5 questions").await;
    assert_eq!(my_list(&client).await, before);
    let answer = find(&client, ".my-list textarea").await.prop("value").await.unwrap();
    assert_eq!(answer.as_deref(), Some("Every 3 months, said Dr Nowak"));
    let asked = find(&client, ".my-list input[id^='asked-']").await.prop("checked").await.unwrap();
    assert_eq!(asked.as_deref(), Some("true"));
    open_view(&client, "notes").await;
    let note = find(&client, "#note:not([readonly])").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some("Bring the scan letter"));
    open_view(&client, "checklist").await;
    wait_text(&client, "#checklist-progress", "1 of").await;
    // Search finds the note as well as the content.
    find(&client, "#search").await.send_keys("scan letter").await.unwrap();
    wait_text(&client, ".results", "Bring the scan letter").await;
    // And the side-effect diary entry.
    open_view(&client, "record").await;
    wait_text(&client, "#diary", "Rash. How much it bothers me: quite a bit").await;
    common::close_and_wait(client).await;
}
