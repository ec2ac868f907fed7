//! One recording from start to stop: the source pushes, the writer thread encodes and writes, and
//! the app holds a [`Recording`] to read the clock and to stop it.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::encoder::{Mp3, SAMPLE_RATE};
use crate::error::{ErrorKind, RecorderError, Result};
use crate::frames;
use crate::sidecar::{self, RecordingInfo, State};
use crate::source::{Feed, SampleSource, Stopper};
use crate::writer::{Ending, Progress, Writer};

/// A recording under way. Dropping it stops and finishes it as [`Recording::stop`] does.
pub struct Recording {
    dir: PathBuf,
    info: RecordingInfo,
    progress: Arc<Progress>,
    writer: Option<JoinHandle<Ending>>,
}

/// A finished recording, and why it ended early if it did (the microphone went, the disk filled).
/// What was recorded before is in the file either way.
#[derive(Debug)]
pub struct Saved {
    pub recording: RecordingInfo,
    pub problem: Option<RecorderError>,
}

/// Starts recording from `source` into a new `<id>.mp3` in `dir`, with its sidecar `<id>.json`.
/// Fails before any file is made if the source cannot start (no microphone, permission refused).
pub fn start(dir: &Path, source: Box<dyn SampleSource>) -> Result<Recording> {
    std::fs::create_dir_all(dir)?;
    let (feed, queue, signals) = Feed::new();
    let capture = source.start(feed)?;
    let (input_sample_rate, device) = (capture.sample_rate, capture.device_name.clone());
    let stopper = Stopper::new(capture);
    let begin = || -> Result<(RecordingInfo, std::fs::File, Mp3)> {
        let mp3 = Mp3::new(input_sample_rate)?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        let started_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
        let info = RecordingInfo {
            audio_file: format!("{id}.mp3"),
            id,
            started_at,
            sample_rate: SAMPLE_RATE,
            input_sample_rate,
            device,
            state: State::Recording,
            recovered: false,
            duration_ms: 0,
            gap_ms: 0,
        };
        // The sidecar first, so no audio file is ever without one for `recover` to find.
        sidecar::write(dir, &info)?;
        let file = OpenOptions::new().write(true).create_new(true).open(info.audio_path(dir))?;
        sidecar::reserve(dir, &info.id)?;
        sidecar::sync_dir(dir)?;
        Ok((info, file, mp3))
    };
    let (info, file, mp3) = match begin() {
        Ok(begun) => begun,
        Err(e) => {
            stopper.stop();
            return Err(e);
        }
    };
    let progress = Arc::new(Progress::default());
    let mut writer = Writer {
        sink: file,
        mp3,
        queue,
        signals,
        progress: progress.clone(),
        stopper: stopper.clone(),
        pending: Vec::new(),
    };
    let thread = std::thread::Builder::new().name("alk-recorder-writer".into()).spawn(move || writer.run());
    let thread = match thread {
        Ok(thread) => thread,
        Err(e) => {
            stopper.stop();
            return Err(e.into());
        }
    };
    Ok(Recording { dir: dir.to_path_buf(), info, progress, writer: Some(thread) })
}

impl Recording {
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// The sidecar as it was written at the start.
    pub fn info(&self) -> &RecordingInfo {
        &self.info
    }

    /// Milliseconds of sound written so far, counted in samples, not by the wall clock: the time
    /// in the recording that a "They are answering this now" mark points to.
    pub fn elapsed_ms(&self) -> u64 {
        let rate = u64::from(self.info.input_sample_rate.max(1));
        self.progress.samples.load(Ordering::Acquire) * 1000 / rate
    }

    /// False while every sample so far has been digital silence. macOS sends that, with no error,
    /// when the microphone is not allowed: after a few seconds the app can ask the patient to check.
    pub fn heard_sound(&self) -> bool {
        self.progress.heard_sound.load(Ordering::Relaxed)
    }

    /// Set once the recording has stopped on its own (the microphone went, the disk filled): the
    /// app then calls [`Recording::stop`] to finish it and learn the whole error.
    pub fn problem(&self) -> Option<ErrorKind> {
        *self.progress.ended_early.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stops the source, writes what is left, and marks the sidecar finished with the real length.
    pub fn stop(mut self) -> Result<Saved> {
        self.finish()
    }

    fn finish(&mut self) -> Result<Saved> {
        // `stop` takes the recording and `drop` looks first, so this runs once.
        let thread = self.writer.take().expect("a recording is finished once");
        self.progress.stopping.store(true, Ordering::Release);
        let Ending { mut problem, gap_samples } =
            thread.join().map_err(|_| RecorderError::Storage(std::io::Error::other("the writer thread panicked")))?;
        let mut info = self.info.clone();
        info.state = State::Finished;
        info.gap_ms = gap_samples * 1000 / u64::from(info.input_sample_rate.max(1));
        match frames::walk_file(&info.audio_path(&self.dir)) {
            Ok(found) => info.duration_ms = found.duration().as_millis() as u64,
            Err(e) => _ = problem.get_or_insert(e),
        }
        // If this fails (a full disk), the sidecar still says "recording" and `recover` finishes it.
        if let Err(e) = sidecar::write(&self.dir, &info) {
            problem.get_or_insert(e);
        }
        Ok(Saved { recording: info, problem })
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = self.finish();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_recording_can_be_kept_in_the_apps_shared_state() {
        fn shared<T: Send + Sync>() {}
        shared::<super::Recording>();
    }
}
