//! Recording an appointment in the real window: the page about recording with care, "My doctor or
//! nurse has agreed", Start, marking two answers, Stop, and playing it back from a mark. The app
//! records through the real sound system: a PulseAudio server of the test's own plays a 440 Hz tone
//! into a silent speaker whose monitor is the default microphone (as alk-recorder's real-device
//! test does), and the web view plays the recording back into that speaker.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{connect, find, open_view, screenshot, screenshot_of, wait_text, Driver};
use fantoccini::{Client, Locator};

/// A PulseAudio server of the test's own, whose default microphone hears a steady tone; ended when dropped.
struct SoundServer {
    process: Child,
    socket: PathBuf,
}

impl SoundServer {
    fn start(home: &Path) -> SoundServer {
        let runtime = home.join("pulse");
        std::fs::create_dir_all(&runtime).unwrap();
        let socket = runtime.join("native");
        let script = home.join("test.pa");
        let commands = [
            format!("load-module module-native-protocol-unix auth-anonymous=1 socket={}", socket.display()),
            "load-module module-null-sink sink_name=speaker rate=48000".into(),
            "load-module module-sine sink=speaker frequency=440".into(),
            "set-default-source speaker.monitor".into(),
            "set-default-sink speaker".into(),
        ];
        std::fs::write(&script, commands.join("\n")).unwrap();
        let process = Command::new("pulseaudio")
            .args(["--daemonize=no", "--exit-idle-time=-1", "-n", "--use-pid-file=no", "--disable-shm=yes"])
            .arg("-F")
            .arg(&script)
            .env("HOME", home)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("PULSE_RUNTIME_PATH", &runtime)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pulseaudio must be installed (./dev.sh test installs it)");
        let began = Instant::now();
        while !socket.exists() {
            assert!(began.elapsed() < Duration::from_secs(10), "pulseaudio did not open its socket within 10 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        SoundServer { process, socket }
    }

    /// What points the app (through ALSA's pulse plugin, and WebKit's player) at this server.
    fn address(&self) -> String {
        format!("unix:{}", self.socket.display())
    }
}

impl Drop for SoundServer {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// What `script` returns, as a number (the audio element's state, the clock).
async fn number(client: &Client, script: &str) -> f64 {
    client.execute(script, vec![]).await.unwrap().as_f64().unwrap_or(f64::NAN)
}

/// Shows the page at the Larger text setting (225%), as Settings does, or back at normal.
async fn larger_text(client: &Client, on: bool) {
    let size = if on { "larger" } else { "normal" };
    client.execute("document.documentElement.dataset.size = arguments[0]", vec![size.into()]).await.unwrap();
}

/// Nothing runs off the side of the window.
async fn assert_fits(client: &Client) {
    let fits =
        client.execute("return document.documentElement.scrollWidth <= window.innerWidth + 1", vec![]).await.unwrap();
    assert_eq!(fits, serde_json::Value::Bool(true), "the page is wider than the window at the larger text");
}

/// Waits until the recording has gone on for at least `seconds`, by the bar's clock.
async fn recorded_for(client: &Client, seconds: u64) {
    for _ in 0..100 {
        let shown = find(client, "#recording-clock").await.text().await.unwrap();
        let (m, s) = shown.split_once(':').unwrap();
        if m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap() >= seconds {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the recording's clock never reached {seconds} s");
}

#[tokio::test(flavor = "multi_thread")]
async fn record_mark_two_answers_stop_and_play_from_a_mark() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("out")).unwrap();
    let sound = SoundServer::start(home.path());
    let _driver = Driver::start_with(home.path(), &[("PULSE_SERVER", &sound.address())]);
    let client = connect().await;

    // An appointment with two questions on its list.
    common::add_appointment(&client).await;
    open_view(&client, "questions").await;
    wait_text(&client, "#list-choice", "15 January 2030").await;
    for id in ["ask3-options", "ask3-pros-cons"] {
        find(&client, &format!("input[data-question='{id}']")).await.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    wait_text(&client, "p.count", "2 questions").await;

    // The appointment's page: the first time, the page about recording with care.
    open_view(&client, "appointments").await;
    find(&client, "#upcoming button[aria-label^='Record or listen']").await.click().await.unwrap();
    wait_text(&client, ".appointment-page h2", "The appointment on Tuesday 15 January 2030 at 2:30 pm").await;
    wait_text(&client, ".consent", "Ask your doctor or nurse before you record").await;
    screenshot_of(&client, "rec-01-consent", ".consent").await;
    find(&client, "#consent-seen").await.click().await.unwrap();

    // Start waits for the tick, and says why beside it.
    let start = find(&client, "button[data-start-recording]").await;
    wait_text(&client, ".record-start select", "(the computer’s usual one)").await;
    assert_eq!(start.attr("aria-disabled").await.unwrap().as_deref(), Some("true"));
    wait_text(&client, ".start-row", "Tick “My doctor or nurse has agreed” first.").await;
    start.click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(client.find(Locator::Css("#stop-recording")).await.is_err(), "Start worked without the tick");
    screenshot_of(&client, "rec-02-not-agreed-yet", ".record-start").await;
    find(&client, ".record-start input[name=agreed]").await.click().await.unwrap();
    assert_eq!(start.attr("aria-disabled").await.unwrap(), None);
    screenshot_of(&client, "rec-03-agreed", ".record-start").await;

    // Recording: the bar with the time going and Stop.
    start.click().await.unwrap();
    wait_text(&client, "#recording-time", "Recording").await;
    recorded_for(&client, 2).await;
    wait_text(&client, ".recording-here", "This appointment is being recorded now").await;
    screenshot(&client, "rec-04-recording").await;

    // At the largest text (twice the normal size and more), the bar and Stop still fit the window.
    larger_text(&client, true).await;
    screenshot(&client, "rec-04b-recording-larger-text").await;
    assert_fits(&client).await;
    larger_text(&client, false).await;

    // The questions, from the bar: mark the two answers a few seconds apart.
    find(&client, "#recording-questions").await.click().await.unwrap();
    find(&client, ".my-list button.mark").await;
    let marks = client.find_all(Locator::Css(".my-list button.mark")).await.unwrap();
    assert_eq!(marks.len(), 2);
    marks[0].click().await.unwrap();
    wait_text(&client, ".my-list li:nth-child(1) .answered", "Answered at 0:0").await;
    recorded_for(&client, 5).await;
    marks[1].click().await.unwrap();
    let second = wait_text(&client, ".my-list li:nth-child(2) .answered", "Answered at 0:0").await;
    // Stop stays at the top while the page scrolls.
    find(&client, "#stop-recording").await;
    screenshot_of(&client, "rec-05-two-answers-marked", ".my-list li:nth-child(2)").await;

    // Stop: saved, with the focus on what happened.
    find(&client, "#stop-recording").await.click().await.unwrap();
    wait_text(&client, "#recording-ended", "Your recording is saved with the appointment").await;
    let focused = client.execute("return document.activeElement.id", vec![]).await.unwrap();
    assert_eq!(focused, serde_json::json!("recording-ended"));
    screenshot(&client, "rec-06-stopped").await;

    // Listen: the player on the appointment's page, with the two marks.
    find(&client, "#recording-listen").await.click().await.unwrap();
    find(&client, ".recording button[data-play]").await;
    let listed = client.find_all(Locator::Css(".recording .marks button")).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed[0].text().await.unwrap().starts_with("Question 1: What are my options? — 0:0"));
    let second_at: f64 = {
        let shown = second.rsplit("Answered at ").next().unwrap().split_whitespace().next().unwrap().to_string();
        let (m, s) = shown.split_once(':').unwrap();
        m.parse::<f64>().unwrap() * 60.0 + s.parse::<f64>().unwrap()
    };
    // The sound is there and can be read: its length is known once the page has it.
    for _ in 0..50 {
        if number(&client, "return document.querySelector('.recording audio').duration").await > 4.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let duration = number(&client, "return document.querySelector('.recording audio').duration").await;
    assert!(duration > 4.0, "the recording's sound did not load: duration {duration}");
    screenshot_of(&client, "rec-07-player", ".recording").await;
    larger_text(&client, true).await;
    screenshot_of(&client, "rec-07b-player-larger-text", ".recording").await;
    assert_fits(&client).await;
    larger_text(&client, false).await;

    find(&client, ".recording button[data-play]").await.click().await.unwrap();
    wait_text(&client, ".recording button[data-play]", "Pause").await;
    let mut played = 0.0;
    for _ in 0..50 {
        played = number(&client, "return document.querySelector('.recording audio').currentTime").await;
        if played > 0.5 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(played > 0.5, "it did not play: at {played} s after 5 s");
    screenshot_of(&client, "rec-08-playing", ".recording").await;

    // Jump to the second mark: it plays from there.
    listed[1].click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let at = number(&client, "return document.querySelector('.recording audio').currentTime").await;
    assert!(at >= second_at && at < second_at + 2.0, "after the jump it is at {at} s, not at the mark's {second_at} s");
    wait_text(&client, ".recording button[data-play]", "Pause").await;
    screenshot_of(&client, "rec-09-jumped-to-a-mark", ".recording").await;
    find(&client, ".recording button[data-play]").await.click().await.unwrap();
    wait_text(&client, ".recording button[data-play]", "Play").await;

    // The answer boxes keep where they were answered.
    open_view(&client, "questions").await;
    wait_text(&client, ".my-list li:nth-child(2) .answered", &second["Answered at ".len()..]).await;

    // The backup offers to carry the sound, with its size, unticked.
    open_view(&client, "backup").await;
    wait_text(&client, "label[for='with-recordings']", "Include my recordings (about 1 MB)").await;
    let ticked = find(&client, "#with-recordings").await.prop("checked").await.unwrap();
    assert_eq!(ticked.as_deref(), Some("false"), "the sound is left out unless the patient ticks it");
    screenshot(&client, "rec-10-backup-offers-the-sound").await;
    common::close_and_wait(client).await;
}
