//! "Since my last appointment", in the real window: the diary chart in My record (light and dark),
//! and the pack's one-page summary with its vector chart, made from what was typed in.

use crate::common;

use std::process::Command;

use crate::common::{connect, find, open_view, screenshot_of, wait_text, Driver};
use fantoccini::Client;

/// A date `days` from today, as the date boxes take it (`YYYY-MM-DD`, the computer's own day).
async fn day(client: &Client, days: i64) -> String {
    let script = "const d = new Date(); d.setDate(d.getDate() + arguments[0]); \
                  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');";
    let value = client.execute(script, vec![days.into()]).await.unwrap();
    value.as_str().unwrap().to_string()
}

async fn cards(client: &Client) -> u64 {
    let count = client.execute("return document.querySelectorAll('#diary > li.card').length", vec![]).await.unwrap();
    count.as_u64().unwrap_or(0)
}

async fn add_diary(client: &Client, on: &str, what: &str, other: &str, bother: &str) {
    let script = "document.getElementById('diary-date').value = arguments[0];\
                  document.getElementById('diary-what').value = arguments[1];\
                  document.getElementById('diary-bother').value = arguments[3];";
    client.execute(script, vec![on.into(), what.into(), other.into(), bother.into()]).await.unwrap();
    if !other.is_empty() {
        find(client, "#diary-other").await.send_keys(other).await.unwrap();
    }
    let before = cards(client).await;
    find(client, "section[aria-labelledby=diary-title] button[type=submit]").await.click().await.unwrap();
    for _ in 0..50 {
        if cards(client).await > before {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the diary entry for {on} was not added");
}

#[tokio::test(flavor = "multi_thread")]
async fn diary_chart_and_the_packs_summary_page() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());
    let client = connect().await;

    // A past appointment three weeks ago starts the period.
    open_view(&client, "appointments").await;
    find(&client, "#appt-date").await;
    let past = day(&client, -21).await;
    let script = "document.getElementById('appt-date').value = arguments[0]; document.getElementById('appt-time').value = '10:00';";
    client.execute(script, vec![past.clone().into()]).await.unwrap();
    find(&client, "#appt-with").await.send_keys("Dr Nowak").await.unwrap();
    find(&client, ".record-form button[type=submit]").await.click().await.unwrap();
    common::yes_to_the_date(&client).await;
    wait_text(&client, "#past", "Dr Nowak").await;

    // A coming one goes into any calendar app as a file.
    let coming = day(&client, 10).await;
    let script = "document.getElementById('appt-date').value = arguments[0]; document.getElementById('appt-time').value = '14:30';";
    client.execute(script, vec![coming.clone().into()]).await.unwrap();
    find(&client, "#appt-with").await.send_keys("Specialist nurse").await.unwrap();
    find(&client, ".record-form button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "#upcoming", "Specialist nurse").await;
    find(&client, "#upcoming button[data-focus$=':calendar']").await.click().await.unwrap();
    wait_text(&client, ".appointments", "Open the file to add it to your calendar.").await;
    screenshot_of(&client, "63-calendar-saved", "#upcoming").await;
    let ics = std::fs::read_to_string(home.path().join(format!("out/appointment-{coming}.ics"))).unwrap();
    assert!(ics.contains("SUMMARY:Appointment with Specialist nurse"), "{ics}");
    assert!(ics.contains("BEGIN:VALARM"), "{ics}");

    // The diary: one entry before the period, then three kinds within it.
    open_view(&client, "record").await;
    find(&client, "#diary-date").await;
    add_diary(&client, &day(&client, -30).await, "other", "Before the period", "aLot").await;
    add_diary(&client, &day(&client, -14).await, "rash", "", "aLittle").await;
    add_diary(&client, &day(&client, -7).await, "rash", "", "aLot").await;
    add_diary(&client, &day(&client, -3).await, "other", "Sore feet, worse at night", "quiteABit").await;
    add_diary(&client, &day(&client, -1).await, "rash", "", "quiteABit").await;

    // The chart shows every entry as a mark, says so in words, and has its table one click away.
    let summary = wait_text(&client, "#diary-chart-summary", "entr").await;
    // Each row draws its marks as paths, one "M" (move to) per mark.
    let count = "return [...document.querySelectorAll('.diary-chart svg.chart-strip path.mark')]\
                 .map(p => (p.getAttribute('d') || '').split('M').length - 1).reduce((a, b) => a + b, 0)";
    let marks = client.execute(count, vec![]);
    let marks = marks.await.unwrap().as_u64().unwrap();
    assert_eq!(marks, 4, "one mark for each entry in the last 4 weeks; summary {summary:?}");
    screenshot_of(&client, "60-diary-chart-light", ".diary-chart").await;

    open_view(&client, "settings").await;
    find(&client, "input[name=theme][value=dark]").await.click().await.unwrap();
    for _ in 0..50 {
        let theme = client.execute("return document.documentElement.dataset.theme", vec![]).await.unwrap();
        if theme.as_str() == Some("dark") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    open_view(&client, "record").await;
    find(&client, ".diary-chart svg.chart-strip").await;
    screenshot_of(&client, "61-diary-chart-dark", ".diary-chart").await;

    // The pack's summary page holds the period, the kinds and their chart.
    open_view(&client, "pack").await;
    wait_text(&client, "#preview-pages", "page").await;
    find(&client, "#part-summary:checked").await;
    find(&client, "#make-pack").await.click().await.unwrap();
    wait_text(&client, "#pack-status", "Saved appointment-pack.pdf").await;
    common::close_and_wait(client).await;

    let pdf = home.path().join("out/appointment-pack.pdf");
    let text = Command::new("pdftotext").args(["-layout", "-f", "2", "-l", "2"]).arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Since my last appointment on"), "{text}");
    assert!(flat.contains("Rash 3 A lot"), "{text}");
    assert!(flat.contains("Sore feet, worse at night 1 Quite a bit"), "{text}");
    assert!(!flat.contains("Before the period"), "{text}");
    assert!(flat.contains("One mark for each day written down"), "{text}");

    // Pictures of the summary page, to look at.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    let status = Command::new("pdftoppm")
        .args(["-r", "80", "-png", "-f", "2", "-l", "2"])
        .arg(&pdf)
        .arg(dir.join("62-pack-summary"))
        .status()
        .unwrap();
    assert!(status.success());
}
