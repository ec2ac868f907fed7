//! What every WebDriver journey needs: the app binary, tauri-driver with a folder of the
//! test's own, a session, waiting for elements and text, and screenshots.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};

pub fn app_binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = root.join("target/debug/alk-companion");
    assert!(path.exists(), "build the app first: {} is missing (./dev.sh test builds it)", path.display());
    path.canonicalize().unwrap()
}

/// The port tauri-driver listens on (WebKitWebDriver gets the next one): 4444, or `ALK_E2E_PORT`
/// when journeys run side by side, each lane with a port and an X display of its own
/// (tests/e2e/tools/lanes.py).
pub fn port() -> u16 {
    std::env::var("ALK_E2E_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(4444)
}

/// tauri-driver, with the app's data and saved packs kept in a folder of this test's own.
pub struct Driver {
    child: Child,
}

impl Driver {
    pub fn start(home: &Path) -> Driver {
        Driver::start_with(home, &[])
    }

    /// Like `start`, with more of the app's environment (a test hook such as the test tone).
    pub fn start_with(home: &Path, env: &[(&str, &str)]) -> Driver {
        register_pdf_viewer(home);
        let child = Command::new("tauri-driver")
            .args(["--port", &port().to_string(), "--native-port", &(port() + 1).to_string()])
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("ALK_COMPANION_SAVE_DIR", home.join("out"))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver must be installed (./dev.sh test installs it)");
        Driver { child }
    }
}

/// A stand-in PDF viewer for this test's own XDG folders: it copies the file it is given to
/// `opened.pdf`, so the test can see that "Open to print" reached the system's handler.
pub fn register_pdf_viewer(home: &Path) {
    let applications = home.join("data/applications");
    std::fs::create_dir_all(&applications).unwrap();
    std::fs::create_dir_all(home.join("config")).unwrap();
    let viewer = home.join("viewer.sh");
    std::fs::write(&viewer, format!("#!/bin/sh\ncp \"$1\" '{}'\n", home.join("opened.pdf").display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(
        applications.join("alk-test-viewer.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Test PDF viewer\nExec={} %f\nMimeType=application/pdf;\nNoDisplay=true\n",
            viewer.display()
        ),
    )
    .unwrap();
    std::fs::write(
        home.join("config/mimeapps.list"),
        "[Default Applications]\napplication/pdf=alk-test-viewer.desktop\n",
    )
    .unwrap();
}

/// Every process started under `pid`, deepest first, read from /proc in one pass.
fn descendants(pid: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        // The parent is the second field after the name in brackets, which may hold spaces.
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let parent = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
        if let Some(parent) = parent {
            parents.push((parent, child));
        }
    }
    fn under(pid: u32, parents: &[(u32, u32)], all: &mut Vec<u32>) {
        for &(_, child) in parents.iter().filter(|(parent, _)| *parent == pid) {
            under(child, parents, all);
            all.push(child);
        }
    }
    let mut all = Vec::new();
    under(pid, &parents, &mut all);
    all
}

impl Drop for Driver {
    fn drop(&mut self) {
        // A test that failed part way leaves its app open: end it with the driver.
        for pid in descendants(self.child.id()) {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
        // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would leave it holding the port.
        let _ = Command::new("kill").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

pub async fn connect() -> Client {
    connect_to(&app_binary()).await
}

/// A session with `application` as the app (the app itself, or a script that starts it),
/// past the first-start welcome if it shows, on the home page.
pub async fn connect_to(application: &Path) -> Client {
    let client = session(application).await;
    pass_welcome(&client).await;
    client
}

/// Closes the first-start welcome when it is shown, and waits for the home page.
pub async fn pass_welcome(client: &Client) {
    for _ in 0..100 {
        if let Ok(done) = client.find(Locator::Css("#welcome-done")).await {
            done.click().await.unwrap();
            break;
        }
        if client.find(Locator::Css(".home h2")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    find(client, ".home h2").await;
}

/// A session with `application` as the app, on whatever screen it opens with.
pub async fn session(application: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert("tauri:options".into(), serde_json::json!({ "application": application.to_string_lossy() }));
    for _ in 0..60 {
        let driver = format!("http://127.0.0.1:{}", port());
        if let Ok(client) = ClientBuilder::native().capabilities(caps.clone()).connect(&driver).await {
            shown(&client).await;
            return client;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("could not start a WebDriver session with the app");
}

/// Waits until the window is shown: the app keeps it hidden until its first screen is ready to
/// paint (or 3 s have passed), and nothing in a hidden window can be clicked.
async fn shown(client: &Client) {
    for _ in 0..100 {
        let state = client.execute("return document.visibilityState", vec![]).await;
        if state.ok().as_ref().and_then(|v| v.as_str()) == Some("visible") {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the window was never shown");
}

pub async fn find(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
}

/// Waits until the element's text contains `wanted`, and returns the text.
pub async fn wait_text(client: &Client, css: &str, wanted: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(el) = client.find(Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if last.contains(wanted) {
                return last;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // What the page said instead, such as a message that the view could not load.
    let page = client.execute("return document.querySelector('main')?.innerText.slice(0, 300)", vec![]).await;
    let page = page.ok().and_then(|p| p.as_str().map(str::to_owned)).unwrap_or_default();
    panic!("{css} never said {wanted:?}; last it said {last:?}; the page said {page:?}");
}

/// Saves what the user sees: the web view through WebDriver, and the whole X screen (the real
/// window with its frame) when ImageMagick's `import` is there. Scrolls to the top first.
pub async fn screenshot(client: &Client, name: &str) {
    client.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
    save_screenshots(client, name).await;
}

/// Like `screenshot`, with the element `css` scrolled to the middle of the window.
pub async fn screenshot_of(client: &Client, name: &str, css: &str) {
    let script = "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })";
    client.execute(script, vec![css.into()]).await.unwrap();
    save_screenshots(client, name).await;
}

async fn save_screenshots(client: &Client, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    // Let WebKit paint what the test just changed before taking the picture.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let png = client.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    let window = dir.join(format!("{name}-window.png"));
    let _ = Command::new("import").args(["-window", "root"]).arg(window).status();
}

pub async fn open_view(client: &Client, view: &str) {
    // When the navigation is folded to the top (narrow window, large text) it opens first.
    if let Ok(toggle) = client.find(Locator::Css(".menu-toggle")).await {
        if toggle.is_displayed().await.unwrap_or(false)
            && toggle.attr("aria-expanded").await.unwrap().as_deref() == Some("false")
        {
            toggle.click().await.unwrap();
        }
    }
    find(client, &format!("nav.main-nav button[data-view='{view}']")).await.click().await.unwrap();
}

/// The app's processes this test started (through its tauri-driver, or under strace), and not
/// those of a journey running beside it in another lane, until each has wholly ended.
fn app_pids() -> Vec<u32> {
    descendants(std::process::id()).into_iter().filter(|&pid| is_the_app(pid) && !wholly_ended(pid)).collect()
}

/// By the process's name, which it keeps until it is gone; its command line reads empty as soon
/// as its main thread has exited, while its other threads may still be running.
fn is_the_app(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|name| name.trim_end() == "alk-companion")
}

/// Gone, or a zombie with no thread left but its main one. Until then a thread may still hold the
/// data folder's lock, and an app started then finds itself "already open in another window":
/// on a busy computer that made a restarted journey's views fail to load now and then.
fn wholly_ended(pid: u32) -> bool {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else { return true };
    let field = |name: &str| status.lines().find_map(|line| line.strip_prefix(name)).map(str::trim);
    field("State:").is_some_and(|state| state.starts_with('Z')) && field("Threads:") == Some("1")
}

/// How many of this test's app processes are running now.
pub fn app_processes() -> usize {
    app_pids().len()
}

/// Asks this test's app to quit, as logging out or shutting down does (SIGTERM); false if none runs.
pub fn ask_the_app_to_quit() -> bool {
    let pids = app_pids();
    for pid in &pids {
        let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    }
    !pids.is_empty()
}

/// Closes the session and waits until the app has really ended, so a restart is a new app and
/// not a second copy that the single-instance plugin hands over to the first.
pub async fn close_and_wait(client: Client) {
    let before = app_processes();
    client.close().await.unwrap();
    for _ in 0..100 {
        if app_processes() < before {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the app did not end within 10 s of closing its window");
}

/// Answers "Yes, that is right" to the form's question about an unusual date or time.
pub async fn yes_to_the_date(client: &Client) {
    find(client, ".record-form .confirm button.primary").await.click().await.unwrap();
}

/// Adds the appointment the journeys share, Tuesday 15 January 2030 at 2:30 pm with Dr Nowak, on
/// My appointments. The date boxes are set the way a date picker would set them.
pub async fn add_appointment(client: &Client) {
    open_view(client, "appointments").await;
    find(client, "#appt-date").await;
    let when = "document.getElementById('appt-date').value = '2030-01-15'; document.getElementById('appt-time').value = '14:30';";
    client.execute(when, vec![]).await.unwrap();
    find(client, "#appt-with").await.send_keys("Dr Nowak").await.unwrap();
    find(client, ".record-form button[type=submit]").await.click().await.unwrap();
    yes_to_the_date(client).await;
    wait_text(client, "#upcoming", "Tuesday 15 January 2030 at 2:30 pm").await;
}
