//! Recording an appointment, and the recordings' audio files: the one recording going, where the
//! files live (`recordings` beside the store), how the web view plays them, what a crash left, and
//! erasing the files whose rows are gone for good. The store keeps the rows; alk-recorder makes
//! the files. Locks are always taken in one order: the recording going, then the store.

use std::path::{Path, PathBuf};
use std::sync::MutexGuard;

use alk_core::model::{Recording, RecordingMark};
use alk_core::store::{is_audio_file_name, Store};
use alk_core::ErrorKind;
use alk_recorder::{InputDevice, SampleSource};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{ApiError, Result};
use crate::AppState;

/// The recordings folder's name, inside the data folder.
pub(crate) const FOLDER: &str = "recordings";

/// Where recordings come from: the computer's microphones, or a made-up tone in the app's tests.
pub(crate) trait Microphones: Send + Sync {
    fn list(&self) -> alk_recorder::Result<Vec<InputDevice>>;
    /// The chosen microphone (`id` from `list`), or the system's default for `None`.
    fn source(&self, id: Option<&str>) -> Box<dyn SampleSource>;
}

/// The computer's own microphones.
pub(crate) struct SystemMicrophones;

impl Microphones for SystemMicrophones {
    fn list(&self) -> alk_recorder::Result<Vec<InputDevice>> {
        alk_recorder::input_devices()
    }

    fn source(&self, id: Option<&str>) -> Box<dyn SampleSource> {
        Box::new(id.map_or_else(alk_recorder::Microphone::default_device, alk_recorder::Microphone::chosen))
    }
}

/// The recording going now, and its row.
pub(crate) struct Going {
    recording: alk_recorder::Recording,
    row_id: i64,
    appointment_id: i64,
}

impl Going {
    fn file_name(&self) -> &str {
        &self.recording.info().audio_file
    }
}

/// A microphone the patient can choose.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Microphone {
    pub id: String,
    pub name: String,
    pub is_default: bool,
}

/// The recording going now, as the UI polls it about once a second.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordingNow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub appointment_id: i64,
    /// Time recorded so far, counted in samples: where a mark made now points.
    #[ts(type = "number")]
    pub elapsed_ms: u64,
    /// False while nothing but silence has come: on a Mac, the microphone may not be allowed.
    pub heard_sound: bool,
    /// Plain words when it has stopped on its own (disk full, microphone gone): the UI says so
    /// and stops it.
    pub problem: Option<String>,
}

/// A recording as the UI lists it: the row, whether its sound is on this computer, and where the
/// web view plays it from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordingRow {
    #[serde(flatten)]
    #[ts(flatten)]
    pub recording: Recording,
    /// The audio file is in the recordings folder.
    pub present: bool,
    /// An address an `<audio>` element plays; null when the file is not here.
    pub src: Option<String>,
}

/// A recording just stopped, and why it had stopped early if it had.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordingSaved {
    pub recording: RecordingRow,
    pub problem: Option<String>,
}

/// The words the recorder uses for a kind of problem, for a recording that stopped on its own.
fn problem_words(kind: alk_recorder::ErrorKind) -> String {
    use alk_recorder::{ErrorKind as Kind, RecorderError as Error};
    let error = match kind {
        Kind::NoMicrophone => Error::NoMicrophone,
        Kind::MicrophoneLost => Error::MicrophoneLost,
        Kind::PermissionRefused => Error::PermissionRefused,
        Kind::DiskFull => Error::DiskFull,
        Kind::Microphone => Error::Microphone("".into()),
        Kind::Storage => Error::Storage(std::io::Error::other("")),
        Kind::Unreadable => Error::Unreadable,
    };
    error.plain_message()
}

/// What encodeURIComponent leaves as it is; convertFileSrc encodes the rest.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// The address the web view plays a file from, made as Tauri's `convertFileSrc` makes it.
pub(crate) fn asset_url(path: &Path) -> String {
    asset_url_from(crate::platform::ASSET_ORIGIN, path)
}

fn asset_url_from(origin: &str, path: &Path) -> String {
    format!("{origin}{}", utf8_percent_encode(&path.to_string_lossy(), URI_COMPONENT))
}

/// Lets the web view play the recordings folder's files, and nothing else on the disk: not its
/// folders, not the store beside it. Tauri allows the folder's real path too, should a link lead to it.
pub(crate) fn allow_playing(scope: &tauri::scope::fs::Scope, dir: &Path) -> tauri::Result<()> {
    scope.allow_directory(dir, false)
}

/// Local `YYYY-MM-DDTHH:MM` of a time in milliseconds since 1970 (UTC), as the store keeps times.
fn local_minute(unix_ms: i64) -> String {
    let at = chrono::DateTime::from_timestamp_millis(unix_ms).unwrap_or_else(chrono::Utc::now);
    at.with_timezone(&chrono::Local).format("%Y-%m-%dT%H:%M").to_string()
}

fn milliseconds(length: std::time::Duration) -> i64 {
    i64::try_from(length.as_millis()).unwrap_or(i64::MAX)
}

/// A row as the UI lists it, with where its sound is, if it is here.
pub(crate) fn row(dir: &Path, recording: Recording) -> RecordingRow {
    let path = dir.join(&recording.file_name);
    let present = path.is_file();
    RecordingRow { src: present.then(|| asset_url(&path)), present, recording }
}

/// Deletes the audio files (and the recorder's notes beside them) of rows gone for good. Only a
/// name the store could hold is used, so nothing outside the folder is ever touched.
pub(crate) fn erase(dir: &Path, files: &[String]) {
    for name in files.iter().filter(|name| is_audio_file_name(name)) {
        let stem = name.trim_end_matches(".mp3");
        for file in [name.clone(), format!("{stem}.json"), format!("{stem}.json.tmp")] {
            match std::fs::remove_file(dir.join(file)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    eprintln!("alk-companion: a recording's file could not be deleted: {:?}", e.kind());
                }
                _ => {}
            }
        }
    }
}

/// At start, before anything else touches the folder: finishes what the app left recording when
/// it stopped, sets each such row's length and marks it recovered, sets the lengths the app never
/// got to write, and deletes the files of rows the bin let go while the store opened. Returns the
/// rows recovered, to offer them once.
pub(crate) fn recover_at_start(store: &mut Store, dir: &Path) -> Vec<i64> {
    let found = alk_recorder::recover(dir).unwrap_or_else(|e| {
        eprintln!("alk-companion: recordings left unfinished could not be checked: {:?}", e.kind());
        Vec::new()
    });
    let mut recovered = Vec::new();
    for info in found {
        let length = i64::try_from(info.duration_ms).unwrap_or(i64::MAX);
        match store.finish_recording(&info.audio_file, length, true) {
            Ok(Some(row)) => recovered.push(row.id),
            // The app stopped between making the file and keeping its row: the file stays.
            Ok(None) => {}
            Err(e) => eprintln!("alk-companion: a recovered recording could not be kept: {e}"),
        }
    }
    for unfinished in store.unfinished_recordings().unwrap_or_default() {
        if let Ok(length) = alk_recorder::duration(&dir.join(&unfinished.file_name)) {
            if let Err(e) = store.finish_recording(&unfinished.file_name, milliseconds(length), false) {
                eprintln!("alk-companion: a recording's length could not be kept: {e}");
            }
        }
    }
    erase(dir, &store.take_erased_recordings());
    recovered
}

impl AppState {
    fn going(&self) -> MutexGuard<'_, Option<Going>> {
        self.recording.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The microphones there are now, the default first.
    pub(crate) fn microphones(&self) -> Result<Vec<Microphone>> {
        let found = self.microphones.list()?;
        if found.is_empty() {
            return Err(alk_recorder::RecorderError::NoMicrophone.into());
        }
        Ok(found.into_iter().map(|d| Microphone { id: d.id, name: d.name, is_default: d.is_default }).collect())
    }

    /// Starts recording an appointment, once the patient has said their doctor or nurse agreed.
    /// Its row is kept at once, so a crash leaves it.
    pub(crate) fn start_recording(
        &self,
        appointment_id: i64,
        microphone: Option<&str>,
        agreed: bool,
    ) -> Result<RecordingNow> {
        if !agreed {
            return Err(ApiError::new(
                ErrorKind::InvalidInput,
                "Please ask your doctor or nurse if you may record, and tick the box to say they agreed.",
            ));
        }
        let mut going = self.going();
        if going.is_some() {
            return Err(ApiError::new(
                ErrorKind::InvalidInput,
                "A recording is already going. Please stop it before you start another.",
            ));
        }
        self.store()?.appointment(appointment_id)?;
        let recording = alk_recorder::start(&self.recordings_dir, self.microphones.source(microphone))?;
        let info = recording.info().clone();
        let kept = self.store()?.add_recording(appointment_id, &info.audio_file, &local_minute(info.started_at));
        let kept = match kept {
            Ok(kept) => kept,
            Err(e) => {
                // Finished, then deleted: a recording with no row would never be seen.
                drop(recording);
                erase(&self.recordings_dir, &[info.audio_file]);
                return Err(e.into());
            }
        };
        let now = going.insert(Going { recording, row_id: kept.id, appointment_id });
        Ok(now_of(now))
    }

    pub(crate) fn recording_now(&self) -> Option<RecordingNow> {
        self.going().as_ref().map(now_of)
    }

    /// Stops the recording going and keeps its length.
    pub(crate) fn stop_recording(&self) -> Result<RecordingSaved> {
        let going = self
            .going()
            .take()
            .ok_or_else(|| ApiError::new(ErrorKind::NotFound, "No recording is going. It may have stopped already."))?;
        let finished = finish(going, &self.recordings_dir);
        let kept = self.store()?.finish_recording(&finished.file_name, finished.length_ms, false)?;
        let kept = kept.ok_or_else(|| {
            ApiError::new(ErrorKind::NotFound, "That recording is no longer there. It may have been removed.")
        })?;
        Ok(RecordingSaved { recording: row(&self.recordings_dir, kept), problem: finished.problem })
    }

    /// Keeps the time now in the recording on a question of the appointment being recorded.
    pub(crate) fn mark_answer(&self, plan_question_id: i64) -> Result<RecordingMark> {
        let going = self.going();
        let going = going.as_ref().ok_or_else(|| {
            ApiError::new(ErrorKind::NotFound, "Nothing is being recorded just now, so there is no time to keep.")
        })?;
        let at = i64::try_from(going.recording.elapsed_ms()).unwrap_or(i64::MAX);
        Ok(self.store()?.mark_answer(going.file_name(), plan_question_id, at)?)
    }

    /// Moves a recording to the bin; not the one going.
    pub(crate) fn remove_recording(&self, id: i64) -> Result<()> {
        let going = self.going();
        if going.as_ref().is_some_and(|g| g.row_id == id) {
            return Err(ApiError::new(ErrorKind::InvalidInput, "Please stop the recording before you remove it."));
        }
        Ok(self.store()?.remove_recording(id)?)
    }

    /// Empties the bin, then deletes the sound of every recording that went with it. Should the
    /// appointment being recorded go for good, its recording is stopped and goes too.
    pub(crate) fn empty_bin(&self) -> Result<()> {
        let mut going = self.going();
        let files = {
            let mut store = self.store()?;
            store.empty_bin()?;
            store.take_erased_recordings()
        };
        if going.as_ref().is_some_and(|g| files.iter().any(|f| f == g.file_name())) {
            if let Some(erased) = going.take() {
                finish(erased, &self.recordings_dir);
            }
        }
        erase(&self.recordings_dir, &files);
        Ok(())
    }

    /// Deletes the whole record after a safety copy, and every recording's sound: the one going is
    /// stopped first.
    pub(crate) fn delete_all(&self) -> Result<()> {
        // Stopped and kept first, so a delete that fails leaves a whole recording. An error here
        // means nothing was going.
        let _ = self.stop_recording();
        let files = {
            let mut store = self.store()?;
            alk_core::companion::delete_all(&mut store)?;
            store.take_erased_recordings()
        };
        erase(&self.recordings_dir, &files);
        Ok(())
    }

    /// Finishes the recording going as the app ends, so it is not taken for one a crash left.
    pub(crate) fn finish_recording_on_exit(&self) {
        // An error here means nothing was going, or its row had gone: nothing more to keep.
        let _ = self.stop_recording();
    }

    /// Rows as the UI lists them, each with where its sound is.
    pub(crate) fn recording_rows(&self, recordings: Vec<Recording>) -> Vec<RecordingRow> {
        recordings.into_iter().map(|r| row(&self.recordings_dir, r)).collect()
    }
}

fn now_of(going: &Going) -> RecordingNow {
    RecordingNow {
        id: going.row_id,
        appointment_id: going.appointment_id,
        elapsed_ms: going.recording.elapsed_ms(),
        heard_sound: going.recording.heard_sound(),
        problem: going.recording.problem().map(problem_words),
    }
}

/// A recording stopped: its file, its length, and why it ended early if it did.
struct Finished {
    file_name: String,
    length_ms: i64,
    problem: Option<String>,
}

/// Stops a recording. A stop that fails still counts what the file holds.
fn finish(going: Going, dir: &Path) -> Finished {
    let file_name = going.file_name().to_string();
    match going.recording.stop() {
        Ok(saved) => Finished {
            file_name,
            length_ms: i64::try_from(saved.recording.duration_ms).unwrap_or(i64::MAX),
            problem: saved.problem.map(|p| p.plain_message()),
        },
        Err(e) => Finished {
            length_ms: alk_recorder::duration(&dir.join(&file_name)).map_or(0, milliseconds),
            file_name,
            problem: Some(e.plain_message()),
        },
    }
}

/// The recordings folder of a data folder.
pub(crate) fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// A 440 Hz tone in place of a microphone, for the app's own tests: they never open the
/// computer's microphone. It comes in 10 ms pieces at a microphone's pace, and can be made to go
/// after a while, as an unplugged microphone does.
#[cfg(feature = "test-hooks")]
pub(crate) struct TestTone {
    pub(crate) lost_after: Option<std::time::Duration>,
}

#[cfg(feature = "test-hooks")]
impl Microphones for TestTone {
    fn list(&self) -> alk_recorder::Result<Vec<InputDevice>> {
        Ok(vec![InputDevice { id: "test-tone".into(), name: "Test tone".into(), is_default: true }])
    }

    fn source(&self, _: Option<&str>) -> Box<dyn SampleSource> {
        Box::new(TestTone { lost_after: self.lost_after })
    }
}

#[cfg(feature = "test-hooks")]
impl SampleSource for TestTone {
    fn start(self: Box<Self>, feed: alk_recorder::Feed) -> alk_recorder::Result<alk_recorder::Capture> {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::time::{Duration, Instant};
        const RATE: u32 = 48_000;
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let lost_after = self.lost_after;
        let thread = std::thread::spawn(move || {
            let piece = RATE as usize / 100;
            let began = Instant::now();
            for n in 0u32.. {
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                if lost_after.is_some_and(|after| began.elapsed() >= after) {
                    feed.lost();
                }
                let first = n as usize * piece;
                let samples: Vec<f32> = (first..first + piece)
                    .map(|i| 0.5 * (std::f32::consts::TAU * 440.0 * (i % RATE as usize) as f32 / RATE as f32).sin())
                    .collect();
                feed.push(&samples);
                let next = began + Duration::from_millis(10) * (n + 1);
                std::thread::sleep(next.saturating_duration_since(Instant::now()));
            }
        });
        Ok(alk_recorder::Capture::new(RATE, "Test tone".into(), move || {
            stop.store(true, Ordering::Relaxed);
            let _ = thread.join();
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recording_is_played_from_the_address_convert_file_src_would_give() {
        let path = Path::new("/home/zoë/.local/share/uk.alkcompanion.desktop/recordings/0a1b.mp3");
        assert_eq!(
            asset_url_from("asset://localhost/", path),
            "asset://localhost/%2Fhome%2Fzo%C3%AB%2F.local%2Fshare%2Fuk.alkcompanion.desktop%2Frecordings%2F0a1b.mp3"
        );
        let windows = Path::new(r"C:\Users\Zoë O'Neil (2)\AppData\Local\uk.alkcompanion.desktop\recordings\0a1b.mp3");
        assert_eq!(
            asset_url_from("http://asset.localhost/", windows),
            "http://asset.localhost/C%3A%5CUsers%5CZo%C3%AB%20O'Neil%20(2)%5CAppData%5CLocal%5Cuk.alkcompanion.desktop%5Crecordings%5C0a1b.mp3"
        );
    }

    #[cfg(unix)]
    const CHILD_TZ: &str = "ALK_TEST_CHILD_TZ";

    /// Run by the test below in a process of its own, with the time zone it sets.
    #[cfg(unix)]
    #[test]
    #[ignore = "started by a_start_time_is_kept_in_local_minutes"]
    fn local_minute_child() {
        if std::env::var_os(CHILD_TZ).is_some() {
            println!("LOCAL {}", local_minute(1_796_306_400_000));
        }
    }

    /// Unix only: Windows takes the time zone from its settings, never from TZ.
    #[cfg(unix)]
    #[test]
    fn a_start_time_is_kept_in_local_minutes() {
        // 14:00 UTC on 3 December 2026, seen from UTC and from India (UTC+5:30, in POSIX's signs).
        for (zone, expected) in [("UTC0", "2026-12-03T14:00"), ("IST-5:30", "2026-12-03T19:30")] {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "audio::tests::local_minute_child", "--ignored", "--nocapture", "--test-threads=1"])
                .env(CHILD_TZ, "1")
                .env("TZ", zone)
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            let said = stdout.find("LOCAL ").map(|at| &stdout[at + 6..at + 22]);
            assert_eq!(said, Some(expected), "{zone}: {stdout}");
        }
    }

    #[test]
    fn the_web_view_may_play_the_recordings_folder_and_nothing_else() {
        use tauri::Manager;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(FOLDER);
        std::fs::create_dir_all(dir.join("inner")).unwrap();
        let (inner, store) = (dir.join("inner").join("x.mp3"), root.path().join("alk-companion.sqlite3"));
        for file in [&dir.join("0a1b.mp3"), &inner, &store] {
            std::fs::write(file, b"x").unwrap();
        }
        let app = tauri::test::mock_app();
        let scope = app.asset_protocol_scope();
        allow_playing(&scope, &dir).unwrap();
        assert!(scope.is_allowed(dir.join("0a1b.mp3")));
        assert!(!scope.is_allowed(inner), "not its folders");
        assert!(!scope.is_allowed(dir.join("..").join("alk-companion.sqlite3")), "not the store beside it");
        assert!(!scope.is_allowed(store));
    }

    /// A link to the data folder (symbolic links need no privilege on Unix only).
    #[cfg(unix)]
    #[test]
    fn the_web_view_may_play_the_recordings_folder_through_a_link_and_nothing_else() {
        use tauri::Manager;
        let root = tempfile::tempdir().unwrap();
        let real = root.path().join("real");
        std::fs::create_dir_all(real.join(FOLDER).join("inner")).unwrap();
        std::os::unix::fs::symlink(&real, root.path().join("link")).unwrap();
        let dir = root.path().join("link").join(FOLDER);
        for file in [dir.join("0a1b.mp3"), dir.join("inner").join("x.mp3"), real.join("alk-companion.sqlite3")] {
            std::fs::write(file, b"x").unwrap();
        }
        let app = tauri::test::mock_app();
        let scope = app.asset_protocol_scope();
        allow_playing(&scope, &dir).unwrap();
        assert!(scope.is_allowed(dir.join("0a1b.mp3")), "asked for through the link");
        assert!(scope.is_allowed(real.join(FOLDER).join("0a1b.mp3")));
        assert!(!scope.is_allowed(dir.join("inner").join("x.mp3")), "not its folders");
        assert!(!scope.is_allowed(dir.join("..").join("alk-companion.sqlite3")), "not the store beside it");
        assert!(!scope.is_allowed(real.join("alk-companion.sqlite3")));
    }

    #[test]
    fn only_the_files_of_erased_rows_are_deleted_and_never_outside_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(FOLDER);
        std::fs::create_dir_all(&dir).unwrap();
        for file in ["gone.mp3", "gone.json", "gone.json.tmp", "kept.mp3", "kept.json"] {
            std::fs::write(dir.join(file), b"x").unwrap();
        }
        std::fs::write(root.path().join("store.mp3"), b"the patient's own").unwrap();
        erase(&dir, &["gone.mp3".into(), "../store.mp3".into(), "never-there.mp3".into()]);
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["kept.json", "kept.mp3"]);
        assert!(root.path().join("store.mp3").exists());
    }

    #[test]
    fn a_problem_is_said_in_the_recorders_plain_words() {
        assert_eq!(
            problem_words(alk_recorder::ErrorKind::DiskFull),
            alk_recorder::RecorderError::DiskFull.plain_message()
        );
        assert!(problem_words(alk_recorder::ErrorKind::Storage).ends_with("Please try again."));
    }
}
