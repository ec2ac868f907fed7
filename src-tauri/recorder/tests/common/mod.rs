//! What the recorder's tests share: a sine source in real time, an independent MP3 decoder, and
//! a way to tell which frequency a recording holds.
#![allow(dead_code)]

use std::f64::consts::TAU;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use alk_recorder::{Capture, Feed, RecorderError, SampleSource};
use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::DecoderOptions;
use symphonia::core::errors::Error as DecodeError;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

/// A sine pushed in 10 ms pieces at the pace a microphone would give them.
pub struct Sine {
    pub frequency: f64,
    pub rate: u32,
    /// Says the device has gone after this long.
    pub lost_after: Option<Duration>,
    /// Time between pieces: 10 ms is real time.
    pub pace: Duration,
}

impl Sine {
    pub fn new(frequency: f64, rate: u32) -> Self {
        Sine { frequency, rate, lost_after: None, pace: Duration::from_millis(10) }
    }
}

impl SampleSource for Sine {
    fn start(self: Box<Self>, feed: Feed) -> Result<Capture, RecorderError> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let Sine { frequency, rate, lost_after, pace } = *self;
        let thread = std::thread::spawn(move || {
            let piece = rate as usize / 100;
            let began = Instant::now();
            for n in 0u64.. {
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                if lost_after.is_some_and(|after| began.elapsed() >= after) {
                    feed.lost();
                }
                let first = n * piece as u64;
                let samples: Vec<f32> = (first..first + piece as u64)
                    .map(|i| (0.5 * (TAU * frequency * i as f64 / f64::from(rate)).sin()) as f32)
                    .collect();
                feed.push(&samples);
                let next = began + pace * (n as u32 + 1);
                std::thread::sleep(next.saturating_duration_since(Instant::now()));
            }
        });
        Ok(Capture::new(rate, "Test tone".into(), move || {
            stop.store(true, Ordering::Relaxed);
            let _ = thread.join();
        }))
    }
}

/// Decodes a whole MP3 file with symphonia; any damaged frame fails the test.
pub fn decode(path: &Path) -> (Vec<f32>, u32) {
    let file = std::fs::File::open(path).expect("the recording opens");
    let stream = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    hint.with_extension("mp3");
    let probed = symphonia::default::get_probe()
        .format(&hint, stream, &FormatOptions::default(), &MetadataOptions::default())
        .expect("symphonia finds an MP3 stream");
    let mut format = probed.format;
    let track = format.default_track().expect("one track");
    let rate = track.codec_params.sample_rate.expect("a sample rate");
    let mut decoder = symphonia::default::get_codecs().make(&track.codec_params, &DecoderOptions::default()).unwrap();
    let mut samples = Vec::new();
    loop {
        let packet = match format.next_packet() {
            Ok(packet) => packet,
            Err(DecodeError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => panic!("reading a frame failed: {e}"),
        };
        let decoded = decoder.decode(&packet).unwrap_or_else(|e| panic!("decoding a frame failed: {e}"));
        let mut buffer = SampleBuffer::<f32>::new(decoded.capacity() as u64, *decoded.spec());
        buffer.copy_interleaved_ref(decoded);
        samples.extend_from_slice(buffer.samples());
    }
    (samples, rate)
}

/// The power of one frequency in `samples` (Goertzel).
fn power(samples: &[f32], rate: u32, frequency: f64) -> f64 {
    let coefficient = 2.0 * (TAU * frequency / f64::from(rate)).cos();
    let (mut s1, mut s2) = (0.0, 0.0);
    for &x in samples {
        let s0 = f64::from(x) + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    s1 * s1 + s2 * s2 - coefficient * s1 * s2
}

/// Which of `candidates` is loudest in `samples`, and how many times louder than the next.
pub fn loudest(samples: &[f32], rate: u32, candidates: &[f64]) -> (f64, f64) {
    let mut powers: Vec<(f64, f64)> = candidates.iter().map(|&f| (f, power(samples, rate, f))).collect();
    powers.sort_by(|a, b| b.1.total_cmp(&a.1));
    (powers[0].0, powers[0].1 / powers[1].1.max(f64::MIN_POSITIVE))
}

/// The frequency counted from rising zero crossings, a second check independent of the first.
pub fn zero_crossing_frequency(samples: &[f32], rate: u32) -> f64 {
    let rising = samples.windows(2).filter(|w| w[0] < 0.0 && w[1] >= 0.0).count();
    rising as f64 * f64::from(rate) / samples.len() as f64
}

/// Checks that the middle of a recording is the sine: the loudest of several candidates by far,
/// and the zero crossings agree within 1%.
pub fn assert_is_sine(samples: &[f32], rate: u32, frequency: f64) {
    // The middle, away from the encoder's start-up delay and the last frame.
    let middle = &samples[samples.len() / 4..samples.len() * 3 / 4];
    let candidates = [220.0, 330.0, 440.0, 550.0, 660.0, 880.0, 1000.0];
    let (found, margin) = loudest(middle, rate, &candidates);
    assert_eq!(found, frequency, "the loudest frequency");
    assert!(margin > 100.0, "the sine is only {margin:.1} times louder than the next candidate");
    let counted = zero_crossing_frequency(middle, rate);
    assert!((counted - frequency).abs() < frequency / 100.0, "zero crossings say {counted:.1} Hz");
    println!("{frequency} Hz: the loudest candidate, {margin:.0} times the next; zero crossings {counted:.1} Hz");
}
