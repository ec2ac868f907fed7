//! Measures what one hour of speech costs on disk in each format the crate's documentation
//! compares: records 60 s of a made-up speech-like signal through the recorder (MP3), then, if
//! GStreamer's command line is there, encodes the same signal as WAV, FLAC and Ogg/Opus, and checks
//! that GStreamer (WebKitGTK's media back end) plays the MP3 back. Sizes are scaled by 60.
//!
//! `cargo run -p alk-recorder --example sizes`

use std::f64::consts::TAU;
use std::path::Path;
use std::process::Command;

use alk_recorder::{start, Capture, Feed, RecorderError, SampleSource};

const RATE: u32 = 48_000;
const SECONDS: usize = 60;

/// A small xorshift: the same "speech" every run.
struct Random(u64);

impl Random {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A two-pole resonator: one formant of the vocal tract.
struct Formant {
    a1: f64,
    a2: f64,
    gain: f64,
    y1: f64,
    y2: f64,
}

impl Formant {
    fn new(frequency: f64, bandwidth: f64) -> Self {
        let r = (-std::f64::consts::PI * bandwidth / f64::from(RATE)).exp();
        let a1 = 2.0 * r * (TAU * frequency / f64::from(RATE)).cos();
        Formant { a1, a2: -r * r, gain: 1.0 - r, y1: 0.0, y2: 0.0 }
    }

    fn next(&mut self, x: f64) -> f64 {
        let y = self.gain * x + self.a1 * self.y1 + self.a2 * self.y2;
        self.y2 = self.y1;
        self.y1 = y;
        y
    }
}

/// Two people taking turns (pitch 110 Hz and 200 Hz, 10 s each): syllables of 250 ms, each a
/// short hiss then a vowel through three formants, with pauses of half a second every few seconds
/// and a quiet room underneath.
fn speech() -> Vec<f32> {
    const VOWELS: [[f64; 3]; 5] = [
        [730.0, 1090.0, 2440.0],
        [270.0, 2290.0, 3010.0],
        [300.0, 870.0, 2240.0],
        [530.0, 1840.0, 2480.0],
        [570.0, 840.0, 2410.0],
    ];
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(RATE as usize * SECONDS);
    let syllable = RATE as usize / 4;
    let mut phase = 0.0;
    while out.len() < RATE as usize * SECONDS {
        let turn = out.len() / (RATE as usize * 10);
        let pitch = if turn.is_multiple_of(2) { 110.0 } else { 200.0 };
        let pause = random.unit() < 0.12;
        let vowel = VOWELS[(random.unit() * 5.0) as usize % 5];
        let mut formants: Vec<Formant> = vowel.iter().map(|&f| Formant::new(f, 80.0 + f / 20.0)).collect();
        let loudness = 0.15 + 0.2 * random.unit();
        for i in 0..syllable {
            let room = (random.unit() - 0.5) * 0.002;
            if pause {
                out.push(room as f32);
                continue;
            }
            let t = i as f64 / syllable as f64;
            let sound = if t < 0.2 {
                (random.unit() - 0.5) * 0.3 * (t / 0.2)
            } else {
                let envelope = (std::f64::consts::PI * (t - 0.2) / 0.8).sin().powi(2);
                // Intonation: the pitch drifts a little within the syllable.
                phase += pitch * (1.0 + 0.08 * (TAU * t).sin()) / f64::from(RATE);
                let pulse = if phase >= 1.0 {
                    phase -= 1.0;
                    1.0
                } else {
                    0.0
                };
                let voiced: f64 = formants.iter_mut().map(|f| f.next(pulse)).sum();
                voiced * envelope * 12.0
            };
            out.push(((sound * loudness) + room).clamp(-1.0, 1.0) as f32);
        }
    }
    out.truncate(RATE as usize * SECONDS);
    out
}

/// Gives the whole signal at once, a second a push (60 pushes fit in the recorder's queue).
struct Given(Vec<f32>);

impl SampleSource for Given {
    fn start(self: Box<Self>, feed: Feed) -> Result<Capture, RecorderError> {
        for second in self.0.chunks(RATE as usize) {
            feed.push(second);
        }
        Ok(Capture::new(RATE, "Speech-like signal".into(), move || drop(feed)))
    }
}

fn write_wav(path: &Path, samples: &[f32], rate: u32) {
    let data = (samples.len() * 2) as u32;
    let mut bytes = Vec::with_capacity(44 + data as usize);
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
    bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
    bytes.extend_from_slice(&rate.to_le_bytes());
    bytes.extend_from_slice(&(rate * 2).to_le_bytes());
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&16u16.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data.to_le_bytes());
    for s in samples {
        bytes.extend_from_slice(&((s * 32767.0) as i16).to_le_bytes());
    }
    std::fs::write(path, bytes).unwrap();
}

fn megabytes_per_hour(path: &Path) -> f64 {
    std::fs::metadata(path).unwrap().len() as f64 * (3600 / SECONDS) as f64 / 1e6
}

/// Runs a gst-launch-1.0 pipeline; false if GStreamer's command line is not installed or it fails.
fn gst(pipeline: &str) -> bool {
    let words: Vec<&str> = pipeline.split_whitespace().collect();
    Command::new("gst-launch-1.0").arg("-q").args(words).status().is_ok_and(|s| s.success())
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let signal = speech();
    let peak = signal.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    let rms = (signal.iter().map(|s| f64::from(*s).powi(2)).sum::<f64>() / signal.len() as f64).sqrt();
    let windows = signal.chunks(RATE as usize / 20);
    let quiet = windows.clone().filter(|w| w.iter().all(|s| s.abs() < 0.01)).count() as f64 / windows.count() as f64;
    println!(
        "The signal: peak {peak:.2}, RMS {:.1} dBFS, {:.0}% of 50 ms windows quiet",
        20.0 * rms.log10(),
        quiet * 100.0
    );
    let recording = start(dir.path(), Box::new(Given(signal.clone()))).unwrap();
    while recording.elapsed_ms() < (SECONDS * 1000) as u64 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let saved = recording.stop().unwrap();
    let mp3 = saved.recording.audio_path(dir.path());
    println!("MP3, 16 kHz mono, 40 kbit/s CBR (this recorder): {:.1} MB an hour", megabytes_per_hour(&mp3));

    let source = dir.path().join("speech-48k.wav");
    write_wav(&source, &signal, RATE);
    let input = format!("filesrc location={} ! wavparse ! audioconvert ! audioresample", source.display());
    let to_16k = "audio/x-raw,rate=16000,channels=1";
    let formats = [
        ("WAV, 16 kHz mono, 16-bit", "wav", format!("{to_16k},format=S16LE ! wavenc")),
        ("FLAC, 16 kHz mono, 16-bit, level 5", "flac", format!("{to_16k},format=S16LE ! flacenc quality=5")),
        ("Ogg/Opus, 16 kHz mono, 24 kbit/s VBR", "opus", format!("{to_16k} ! opusenc bitrate=24000 ! oggmux")),
        ("Ogg/Opus, 16 kHz mono, 32 kbit/s VBR", "32.opus", format!("{to_16k} ! opusenc bitrate=32000 ! oggmux")),
    ];
    for (label, extension, encoder) in formats {
        let out = dir.path().join(format!("speech.{extension}"));
        if gst(&format!("{input} ! {encoder} ! filesink location={}", out.display())) {
            println!("{label}: {:.1} MB an hour", megabytes_per_hour(&out));
        } else {
            println!("{label}: not measured (gst-launch-1.0 is not installed or failed)");
        }
    }
    let plays = gst(&format!("filesrc location={} ! mpegaudioparse ! mpg123audiodec ! fakesink", mp3.display()));
    println!("GStreamer's MP3 decoder (gstreamer1.0-plugins-good, what WebKitGTK uses) plays the MP3: {plays}");
}
