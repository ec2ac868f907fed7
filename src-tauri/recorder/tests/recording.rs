//! Records made-up sources through the whole recorder (queue, writer thread, LAME, sidecar) and
//! reads the files back with an independent decoder.

mod common;

use std::time::{Duration, Instant};

use alk_recorder::{duration, recover, start, Capture, ErrorKind, Feed, RecorderError, SampleSource, State};
use common::{assert_is_sine, decode, Sine};

fn record(source: Sine, seconds: f64) -> (tempfile::TempDir, alk_recorder::Saved, u64) {
    let dir = tempfile::tempdir().unwrap();
    let recording = start(dir.path(), Box::new(source)).expect("the recording starts");
    std::thread::sleep(Duration::from_secs_f64(seconds));
    let elapsed = recording.elapsed_ms();
    let saved = recording.stop().expect("the recording stops");
    (dir, saved, elapsed)
}

#[test]
fn a_sine_recorded_plays_back_as_the_same_sine() {
    for (frequency, rate) in [(440.0, 48_000), (660.0, 44_100)] {
        let (dir, saved, elapsed) = record(Sine::new(frequency, rate), 3.0);
        assert!(saved.problem.is_none(), "{:?}", saved.problem);
        let info = &saved.recording;
        assert_eq!(
            (info.state, info.recovered, info.sample_rate, info.input_sample_rate),
            (State::Finished, false, 16_000, rate)
        );
        assert_eq!(info.device, "Test tone");

        let audio = info.audio_path(dir.path());
        let (samples, decoded_rate) = decode(&audio);
        assert_eq!(decoded_rate, 16_000);
        let decoded_seconds = samples.len() as f64 / 16_000.0;
        assert!((2.9..3.3).contains(&decoded_seconds), "{decoded_seconds} s decoded from {rate} Hz");
        assert_is_sine(&samples, decoded_rate, frequency);

        // The length the app shows is the frames', to the millisecond, and the decoder agrees.
        let length = duration(&audio).unwrap();
        assert_eq!(length.as_millis() as u64, info.duration_ms);
        assert!((length.as_secs_f64() - decoded_seconds).abs() < 0.001);
        assert!(
            elapsed <= info.duration_ms && info.duration_ms - elapsed < 300,
            "clock {elapsed} ms, file {} ms",
            info.duration_ms
        );
        assert!(recover(dir.path()).unwrap().is_empty(), "a finished recording is not offered again");
    }
}

/// Pushes a burst far faster than real time, then nothing.
struct Burst(usize);

impl SampleSource for Burst {
    fn start(self: Box<Self>, feed: Feed) -> Result<Capture, RecorderError> {
        for _ in 0..self.0 {
            feed.push(&[0.25; 480]);
        }
        Ok(Capture::new(48_000, "Burst".into(), move || drop(feed)))
    }
}

#[test]
fn the_clock_counts_samples_not_the_wall_clock() {
    let dir = tempfile::tempdir().unwrap();
    let began = Instant::now();
    // 200 pushes of 10 ms: two seconds of sound, given at once.
    let recording = start(dir.path(), Box::new(Burst(200))).unwrap();
    while recording.elapsed_ms() < 2000 && began.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(recording.elapsed_ms(), 2000);
    assert!(began.elapsed() < Duration::from_secs(2), "the clock ran ahead of the wall clock");
    recording.stop().unwrap();
}

#[test]
fn a_device_that_goes_stops_cleanly_and_keeps_what_was_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let source = Sine { lost_after: Some(Duration::from_millis(1500)), ..Sine::new(440.0, 48_000) };
    let recording = start(dir.path(), Box::new(source)).unwrap();
    let began = Instant::now();
    while recording.problem().is_none() && began.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(recording.problem(), Some(ErrorKind::MicrophoneLost));
    let saved = recording.stop().unwrap();
    assert_eq!(saved.problem.as_ref().map(RecorderError::kind), Some(ErrorKind::MicrophoneLost));
    assert_eq!(saved.recording.state, State::Finished);
    let kept = saved.recording.duration_ms;
    assert!((1400..1800).contains(&kept), "{kept} ms kept of 1500");
    let (samples, rate) = decode(&saved.recording.audio_path(dir.path()));
    assert_is_sine(&samples, rate, 440.0);
}

struct NoMicrophone;

impl SampleSource for NoMicrophone {
    fn start(self: Box<Self>, _: Feed) -> Result<Capture, RecorderError> {
        Err(RecorderError::NoMicrophone)
    }
}

#[test]
fn no_microphone_fails_before_any_file_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let error = start(dir.path(), Box::new(NoMicrophone)).err().expect("no recording");
    assert_eq!(error.kind(), ErrorKind::NoMicrophone);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn dropping_a_recording_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recording = start(dir.path(), Box::new(Sine::new(440.0, 16_000))).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    drop(recording);
    assert!(recover(dir.path()).unwrap().is_empty(), "nothing was left recording");
    let audio = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "mp3"));
    assert!(duration(&audio.unwrap()).unwrap() >= Duration::from_millis(450));
}
