//! Crash-proof and locked down, in the real window: a whole journey under strace makes no
//! network connection and logs none of the patient's words; a damaged store is moved aside and
//! the newest safety copy brought back; a second launch does not open a second window.
//!
//! Needs a display (`./dev.sh test` runs it under Xvfb), `tauri-driver`, WebKitWebDriver,
//! strace and dbus-run-session; `./dev.sh test` installs all of them.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{app_binary, connect, connect_to, find, open_view, screenshot, wait_text, Driver};

/// A word no one would type, to look for afterwards.
const SENTINEL: &str = "Wombatsentinel";

/// A script that starts the app under strace, its own output and the trace kept in `home`.
fn app_under_strace(home: &Path) -> PathBuf {
    let script = home.join("app-under-strace.sh");
    let text = format!(
        "#!/bin/sh\nexec strace -f -qq -e trace=connect -o '{trace}' '{app}' \"$@\" 2>'{stderr}'\n",
        trace = home.join("connect.trace").display(),
        app = app_binary().display(),
        stderr = home.join("app.stderr").display(),
    );
    std::fs::write(&script, text).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_journey_makes_no_network_connection_and_logs_no_words() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());
    let client = connect_to(&app_under_strace(home.path())).await;
    find(&client, ".home h2").await;

    // Read, search, plan, write, answer, record, make the pack, back up: the whole app.
    find(&client, "#search").await.send_keys("brain").await.unwrap();
    wait_text(&client, ".search p.count", "results for").await;
    open_view(&client, "questions").await;
    find(&client, "input[data-question='tki-which']").await.click().await.unwrap();
    find(&client, ".my-list textarea").await.send_keys(&format!("{SENTINEL} answer")).await.unwrap();
    wait_text(&client, ".my-list .saved", "Saved").await;
    open_view(&client, "notes").await;
    find(&client, "#note:not([readonly])").await.send_keys(&format!("{SENTINEL} note")).await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    // A refusal too: a note far too long (the app says so; the log must not hold the words).
    let long = format!("{SENTINEL} ").repeat(12_000);
    client
        .execute(
            "const b = document.getElementById('note'); b.value = arguments[0]; b.dispatchEvent(new Event('input'));",
            vec![long.into()],
        )
        .await
        .unwrap();
    wait_text(&client, "#note-status", "too long").await;
    client
        .execute(
            "const b = document.getElementById('note'); b.value = arguments[0]; b.dispatchEvent(new Event('input'));",
            vec![format!("{SENTINEL} note").into()],
        )
        .await
        .unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    open_view(&client, "record").await;
    find(&client, "section[aria-labelledby=diary-title] select").await;
    client
        .execute("document.querySelector('section[aria-labelledby=diary-title] select').value = 'rash'", vec![])
        .await
        .unwrap();
    let note = "const t = document.querySelectorAll('section[aria-labelledby=diary-title] input[type=text]'); t[t.length - 1].value = arguments[0];";
    client.execute(note, vec![SENTINEL.into()]).await.unwrap();
    find(&client, "section[aria-labelledby=diary-title] button[type=submit]").await.click().await.unwrap();
    wait_text(&client, "#diary", "Rash").await;
    open_view(&client, "pack").await;
    wait_text(&client, "#preview-pages", "page").await;
    find(&client, "#make-pack").await.click().await.unwrap();
    wait_text(&client, "#pack-status", "Saved").await;
    open_view(&client, "backup").await;
    find(&client, ".backup button.primary").await.click().await.unwrap();
    wait_text(&client, "#backup-status", "Saved").await;
    common::close_and_wait(client).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // The inspector socket is how WebKitWebDriver drives the window in this test; the app
    // itself never connects anywhere else.
    let trace = std::fs::read_to_string(home.path().join("connect.trace")).unwrap();
    let calls: Vec<&str> = trace.lines().filter(|l| l.contains("connect(")).collect();
    assert!(!calls.is_empty(), "strace saw no connect call at all: the trace is not working");
    let network: Vec<&str> = calls
        .iter()
        .copied()
        .filter(|l| l.contains("AF_INET") && !(l.contains("127.0.0.1") || l.contains("::1")))
        .collect();
    let loopback: Vec<&str> = calls.iter().copied().filter(|l| l.contains("AF_INET")).collect();
    println!(
        "strace: {} connect calls, {} to loopback (the test's WebDriver), {} to the network",
        calls.len(),
        loopback.len(),
        network.len()
    );
    for call in &loopback {
        println!("strace loopback: {call}");
    }
    assert!(network.is_empty(), "network connections: {network:#?}");

    let stderr = std::fs::read_to_string(home.path().join("app.stderr")).unwrap_or_default();
    assert!(!stderr.contains(SENTINEL), "the log holds the patient's words:\n{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_store_is_moved_aside_and_the_safety_copy_brings_it_back() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let _driver = Driver::start(home.path());

    // First run: a note, then "Delete all", which keeps a safety copy with the note in it.
    let client = connect().await;
    open_view(&client, "notes").await;
    find(&client, "#note:not([readonly])").await.send_keys("Bring the scan letter").await.unwrap();
    wait_text(&client, "#note-status", "Saved").await;
    open_view(&client, "backup").await;
    find(&client, ".backup button.danger").await.click().await.unwrap();
    find(&client, ".confirm button.danger").await.click().await.unwrap();
    wait_text(&client, "#backup-status", "deleted").await;
    common::close_and_wait(client).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // The store file is overwritten with something that is not a database.
    let store = home.path().join("data/uk.alkcompanion.desktop/alk-companion.sqlite3");
    std::fs::write(&store, "This is a letter, not a database.\n".repeat(200)).unwrap();

    // Second run: the window says so, keeps the file, and offers the copy.
    let client = connect().await;
    wait_text(&client, ".recovery", "could not be read").await;
    screenshot(&client, "30-recovery").await;
    let kept: Vec<String> = std::fs::read_dir(store.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("damaged") && n.ends_with(".sqlite3"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    wait_text(&client, ".recovery", &kept[0]).await;
    find(&client, "#bring-back-copy").await.click().await.unwrap();
    wait_text(&client, ".recovery .confirm", "1 note").await;
    screenshot(&client, "31-recovery-preview").await;
    find(&client, ".recovery .confirm button.primary").await.click().await.unwrap();
    wait_text(&client, ".recovery", "is back").await;
    open_view(&client, "notes").await;
    let note = find(&client, "#note:not([readonly])").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some("Bring the scan letter"));
    common::close_and_wait(client).await;
}

#[test]
fn a_second_launch_brings_the_first_window_forward_and_opens_nothing() {
    let home = tempfile::tempdir().unwrap();
    // Both copies in one D-Bus session, as on a desktop.
    let script = format!(
        "'{app}' > '{first}' 2>&1 & first=$!\n\
         for i in $(seq 1 100); do grep -q 'page ready' '{first}' && break; sleep 0.2; done\n\
         timeout 30 '{app}' > '{second}' 2>&1; echo \"second exited $?\" >> '{second}'\n\
         kill -0 $first && echo 'first still running' >> '{second}'\n\
         kill $first; wait $first\n",
        app = app_binary().display(),
        first = home.path().join("first.log").display(),
        second = home.path().join("second.log").display(),
    );
    let started = Instant::now();
    let status = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", &script])
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdout(Stdio::null())
        .status()
        .expect("dbus-run-session is installed (./dev.sh test installs it)");
    assert!(status.success() || status.code().is_some());
    let second = std::fs::read_to_string(home.path().join("second.log")).unwrap();
    let first = BufReader::new(std::fs::File::open(home.path().join("first.log")).unwrap())
        .lines()
        .map_while(Result::ok)
        .filter(|l| l.contains("page ready"))
        .count();
    println!("second launch: {second:?} after {:.1} s", started.elapsed().as_secs_f64());
    assert_eq!(first, 1, "the first copy opened its window");
    assert!(second.contains("second exited 0"), "the second copy handed over and ended: {second}");
    assert!(!second.contains("page ready"), "the second copy must not open a window: {second}");
    assert!(second.contains("first still running"), "{second}");
}
