//! ALK Companion's appointment recorder: records the computer's microphone into an MP3 file as it
//! goes, so a crash, a kill or a power cut loses at most the last two seconds. It knows nothing of
//! Tauri or of the store.
//!
//! ```no_run
//! use alk_recorder::{input_devices, recover, start, Microphone};
//! # fn main() -> alk_recorder::Result<()> {
//! let dir = std::path::Path::new("recordings");
//! // At start-up, before any recording: the ones the app did not finish, to offer back.
//! for lost in recover(dir)? {
//!     println!("{} ({} ms) was kept", lost.id, lost.duration_ms);
//! }
//! let microphones = input_devices()?; // the default first, with plain names
//! let recording = start(dir, Box::new(Microphone::chosen(&microphones[0].id)))?;
//! let mark = recording.elapsed_ms(); // "They are answering this now"
//! if recording.problem().is_some() { /* it stopped on its own: say so, then stop() */ }
//! let saved = recording.stop()?; // saved.problem: why it ended early, if it did
//! println!("{} ms, mark at {mark} ms", saved.recording.duration_ms);
//! # Ok(())
//! # }
//! ```
//!
//! # The format: MP3, one channel, 16 kHz, 40 kbit/s constant bit rate
//!
//! Measured with `cargo run -p alk-recorder --example sizes`: 60 s of a speech-like signal (two
//! voices taking turns, syllables, pauses, a quiet room; RMS -23 dBFS), scaled to an hour.
//!
//! | format | one hour | WebKitGTK, WKWebView (macOS), WebView2 | after a crash |
//! |---|---|---|---|
//! | **MP3 16 kHz mono 40 kbit/s CBR** | **18.0 MB** | yes (plugins-good), yes, yes | every whole frame plays |
//! | MP3 16 kHz mono 32 kbit/s CBR | 14.4 MB (CBR: by arithmetic) | the same | the same |
//! | WAV 16 kHz mono 16-bit | 115.2 MB | yes, yes, yes | the header's lengths need patching |
//! | FLAC 16 kHz mono, level 5 | 68.0 MB | yes (plugins-good), yes, yes | plays, but no length or seeking until fixed |
//! | Ogg/Opus 16 kHz mono 24 kbit/s | 8.9 MB | yes (plugins-base), in WebM or MP4 only and from Safari 17, yes | every whole page plays |
//! | Ogg/Opus 16 kHz mono 32 kbit/s | 11.5 MB | the same | the same |
//!
//! MP3 is the one format every web view plays on every system version the app supports, and it is
//! a plain run of frames, each with its own header: a file cut off by a kill decodes up to its last
//! whole frame, with no header to fix ([`recover`] only trims a half-written frame and counts).
//! Opus is half the size, but WKWebView plays Opus only in WebM or MP4 and only from Safari 17 (Ogg
//! is said to come with 18.4, with reports of it failing), so older Macs would record what they
//! cannot play back, and a cut-off WebM needs its index rebuilt. WAV and FLAC are 4 to 6 times
//! larger and need their header patched. 16 kHz keeps speech up to 8 kHz (telephone "HD voice" stops
//! at 7 kHz) and is what speech-to-text wants; 40 kbit/s rather than 32 spends 3.6 MB an hour more on
//! clearer consonants, which matter in drug names. (The CBR sizes are exact: 180-byte frames, one
//! every 36 ms.) The tests and the example check that GStreamer's mpg123 decoder, which WebKitGTK
//! uses, and symphonia both play the files.
//!
//! # Durability
//!
//! The audio callback only mixes down to one channel and pushes into a bounded queue (512 pushes,
//! seconds of sound); it never waits. A writer thread encodes, writes whole frames to the file as
//! they come, and syncs it to the disk every 2 seconds. If the writer falls so far behind that the
//! queue is full (a stalled disk), the callback drops the samples and counts them, and the writer
//! puts the same length of silence in their place, so the clock and the marks stay true; the gap is
//! reported as `gap_ms`. Beside each `<id>.mp3`, `<id>.json` says when, at what rate, from which
//! microphone, and whether it finished; it is replaced whole (temporary file, sync, rename), and
//! 4 KB set aside at the start lets it be marked finished even when the recording filled the disk.
//!
//! # Crates
//!
//! - cpal: one interface over ALSA, Core Audio and WASAPI, each a large API with its own threading
//!   and device-change rules.
//! - mp3lame-encoder: LAME 3.100, the reference MP3 encoder (psychoacoustics, MDCT, bit reservoir:
//!   years of work), built from the source inside the crate, and its resampler from any
//!   microphone's rate to 16 kHz. LGPL-3.0, linked statically: fine for an app whose source is
//!   public, as users can rebuild it.
//! - The frame walk ([`duration`], [`recover`]) is written here: a 4-byte header and two tables,
//!   where a decoder would add a dependency and decode an hour of audio to count it.
#![forbid(unsafe_code)]

mod encoder;
mod error;
mod frames;
mod microphone;
mod recording;
mod sidecar;
mod source;
mod writer;

pub use encoder::{KBIT_PER_SECOND, SAMPLE_RATE};
pub use error::{ErrorKind, RecorderError, Result};
pub use frames::duration;
pub use microphone::{input_devices, InputDevice, Microphone};
pub use recording::{start, Recording, Saved};
pub use sidecar::{recover, RecordingInfo, State};
pub use source::{Capture, Feed, SampleSource};
