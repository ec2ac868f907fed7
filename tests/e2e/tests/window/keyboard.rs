//! The planning journey by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape), with
//! where the focus is checked after every step.

use crate::common;

use std::time::Duration;

use crate::common::{app_binary, find, screenshot, session, wait_text, Driver};
use fantoccini::Client;
use serde_json::Value;

const TAB: &str = "\u{E004}";
const SHIFT_TAB: &str = "\u{E008}\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const DOWN: &str = "\u{E015}";
const CTRL_P: &str = "\u{E009}p";

/// Sends keys to whatever has the focus, as a keyboard does.
async fn press(client: &Client, keys: &str) {
    client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

/// Whether the focused element matches `css`.
async fn focus_is(client: &Client, css: &str) -> bool {
    let script = "return document.activeElement !== null && document.activeElement.matches(arguments[0])";
    client.execute(script, vec![css.into()]).await.unwrap() == Value::Bool(true)
}

/// What has the focus, in words, for the focus path the test prints.
async fn focused(client: &Client) -> String {
    let script = "const e = document.activeElement; \
                  return e.tagName + (e.id ? '#' + e.id : '') + (e.dataset.focus ? '[' + e.dataset.focus + ']' : '') + ' ' + \
                  (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 50);";
    client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_string()
}

/// Presses Tab until the focus is on `css`, or Shift+Tab when `css` comes earlier in the page
/// than the focus (as a user would see it is above); fails after 80 presses.
async fn tab_to(client: &Client, css: &str, _back: bool, path: &mut Vec<String>) {
    let above = "const t = document.querySelector(arguments[0]); const a = document.activeElement; \
                 return !!(t && a && (t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING));";
    let back = client.execute(above, vec![css.into()]).await.unwrap() == Value::Bool(true);
    for _ in 0..80 {
        if focus_is(client, css).await {
            path.push(focused(client).await);
            return;
        }
        press(client, if back { SHIFT_TAB } else { TAB }).await;
    }
    panic!("Tab never reached {css}; the focus is on {}", focused(client).await);
}

/// Waits until the focus is on `css` (after an action that moves it on purpose).
async fn wait_focus(client: &Client, css: &str, path: &mut Vec<String>) {
    for _ in 0..50 {
        if focus_is(client, css).await {
            path.push(focused(client).await);
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the focus should be on {css} but is on {}", focused(client).await);
}

/// Waits until the polite live region has said `words` (read from the DOM: WebDriver's own
/// text of an element hidden for the eye is always empty).
async fn wait_said(client: &Client, words: &str) {
    let mut last = String::new();
    for _ in 0..50 {
        last = client
            .execute("return document.getElementById('live').textContent", vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_string();
        if last.contains(words) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the live region never said {words:?}; last it said {last:?}");
}

async fn plan_ids(client: &Client) -> Vec<String> {
    let script = "return [...document.querySelectorAll('.my-list li[data-plan-id]')].map(li => li.dataset.planId)";
    let ids = client.execute(script, vec![]).await.unwrap();
    ids.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_plan_journey_works_by_keyboard_alone_and_the_focus_stays_put() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());
    let client = session(&app_binary()).await;
    client.set_window_size(1366, 768).await.unwrap();
    let mut path = Vec::new();

    // The welcome, then home: its heading has the focus.
    find(&client, "#welcome-done").await;
    tab_to(&client, "#welcome-done", false, &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, ".home h2", &mut path).await;

    // To My questions through the navigation.
    tab_to(&client, "nav.main-nav button[data-view='questions']", false, &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, "main h2", &mut path).await;

    // Three library questions, each ticked with Space; the focus stays on the box.
    for (n, id) in ["ask3-options", "ask3-pros-cons", "tki-which"].iter().enumerate() {
        let css = format!("input[data-question='{id}']");
        tab_to(&client, &css, false, &mut path).await;
        press(&client, " ").await;
        wait_text(&client, "p.count", &format!("{} question", n + 1)).await;
        wait_focus(&client, &css, &mut path).await;
    }

    // An own question, added with Enter; the box keeps the focus, empty for the next one.
    tab_to(&client, "#own-question", false, &mut path).await;
    press(&client, "Can I drive after treatment?").await;
    press(&client, ENTER).await;
    wait_text(&client, ".my-list", "Can I drive after treatment?").await;
    wait_focus(&client, "#own-question", &mut path).await;
    let ids = plan_ids(&client).await;
    assert_eq!(ids.len(), 4, "{ids:?}");
    let (third, own) = (ids[2].clone(), ids[3].clone());

    // Back up the page: the third question becomes one of the top 3. It moves to the top of the
    // list, and the focus moves with it.
    let top = format!("#top-{third}");
    tab_to(&client, &top, true, &mut path).await;
    press(&client, " ").await;
    for _ in 0..50 {
        if plan_ids(&client).await.first() == Some(&third) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(plan_ids(&client).await.first(), Some(&third), "a top question comes first");
    wait_focus(&client, &top, &mut path).await;
    wait_said(&client, "top 3").await;

    // The own question moves up with Enter on Up; the focus stays on its Up button.
    let up = format!("[data-focus='{own}:up']");
    tab_to(&client, &up, false, &mut path).await;
    let before = plan_ids(&client).await;
    press(&client, ENTER).await;
    for _ in 0..50 {
        if plan_ids(&client).await != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let after = plan_ids(&client).await;
    assert_eq!(after.iter().position(|i| *i == own), Some(2), "{after:?}");
    wait_focus(&client, &up, &mut path).await;
    wait_said(&client, "Moved up").await;

    // Removing it asks first. Enter on the safe answer, then Escape, change nothing, and the
    // focus comes back to Remove.
    let remove = format!("[data-focus='{own}:remove']");
    tab_to(&client, &remove, false, &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, ".confirm button.secondary", &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, &remove, &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, ".confirm button.secondary", &mut path).await;
    press(&client, ESCAPE).await;
    wait_focus(&client, &remove, &mut path).await;
    assert_eq!(plan_ids(&client).await.len(), 4, "nothing was removed");
    // Then yes: it goes, and the focus goes to Undo in the message line.
    press(&client, ENTER).await;
    wait_focus(&client, ".confirm button.secondary", &mut path).await;
    press(&client, TAB).await;
    wait_focus(&client, ".confirm button.danger", &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, "button.undo", &mut path).await;
    wait_said(&client, "off your list").await;
    assert_eq!(plan_ids(&client).await.len(), 3);
    screenshot(&client, "46-keyboard-undo").await;

    // The pack in large print: arrows choose the print size, Enter makes it.
    tab_to(&client, "nav.main-nav button[data-view='pack']", true, &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, "main h2", &mut path).await;
    wait_text(&client, "#preview-pages", "page").await;
    tab_to(&client, "input[name='print-size']:checked", false, &mut path).await;
    press(&client, DOWN).await;
    wait_focus(&client, "#print-size-large", &mut path).await;
    tab_to(&client, "#make-pack", false, &mut path).await;
    press(&client, ENTER).await;
    wait_text(&client, "#pack-status", "Saved").await;
    let large = std::fs::read(home.path().join("out/appointment-pack.pdf")).unwrap();

    // Ctrl+P from another screen makes the pack again, with the same choices.
    tab_to(&client, "nav.main-nav button[data-view='home']", true, &mut path).await;
    press(&client, ENTER).await;
    wait_focus(&client, ".home h2", &mut path).await;
    std::fs::remove_file(home.path().join("out/appointment-pack.pdf")).unwrap();
    press(&client, CTRL_P).await;
    wait_text(&client, "#pack-status", "Saved").await;
    let again = std::fs::read(home.path().join("out/appointment-pack.pdf")).unwrap();
    assert!(again.len() > large.len() / 2, "Ctrl+P made a pack");

    println!("keyboard focus path:\n  {}", path.join("\n  "));
    common::close_and_wait(client).await;
}
