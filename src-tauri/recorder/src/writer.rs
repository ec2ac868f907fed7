//! The writer thread: takes samples from the queue, encodes them, writes each batch of frames to
//! the file as it comes, and syncs the file to the disk every two seconds. A kill loses only what
//! LAME and the queue were holding (a fraction of a second); a power cut, at most the last two
//! seconds.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::encoder::Mp3;
use crate::error::{ErrorKind, RecorderError};
use crate::frames;
use crate::source::{Signals, Stopper};

/// How often the file is synced to the disk.
pub(crate) const SYNC_EVERY: Duration = Duration::from_secs(2);
/// No samples for this long means the device has gone quiet for good (a sound server that died
/// says nothing): the recording ends as if it had been unplugged.
pub(crate) const SILENT_DEVICE: Duration = Duration::from_secs(5);
/// How often the writer looks at the stop and lost flags when no samples come.
const TICK: Duration = Duration::from_millis(50);
/// Below this, a sample is taken for digital silence (what macOS sends when it refuses the microphone).
const HEARD: f32 = 1.0 / 32_768.0;

/// Where the frames go: the file, or a stand-in in the tests.
pub(crate) trait Sink: Write {
    fn sync(&mut self) -> std::io::Result<()>;
    /// Cuts the file back to `len` bytes, dropping a frame a failed write left half there.
    fn truncate(&mut self, len: u64) -> std::io::Result<()>;
}

impl Sink for std::fs::File {
    fn sync(&mut self) -> std::io::Result<()> {
        self.sync_data()
    }

    fn truncate(&mut self, len: u64) -> std::io::Result<()> {
        self.set_len(len)?;
        self.sync_data()
    }
}

/// What the app and the writer both see while it runs.
#[derive(Default)]
pub(crate) struct Progress {
    /// Input samples encoded so far, silence for dropped ones included: the recording's clock.
    pub samples: AtomicU64,
    pub heard_sound: AtomicBool,
    /// Set by the app to finish: the writer then takes what is left in the queue and ends.
    pub stopping: AtomicBool,
    /// Set by the writer when it ended on its own (device gone, disk full).
    pub ended_early: Mutex<Option<ErrorKind>>,
}

/// How the writing ended.
pub(crate) struct Ending {
    /// Why it stopped before the app asked, if it did.
    pub problem: Option<RecorderError>,
    pub gap_samples: u64,
}

pub(crate) struct Writer<S: Sink> {
    pub sink: S,
    pub mp3: Mp3,
    pub queue: Receiver<Vec<f32>>,
    pub signals: Arc<Signals>,
    pub progress: Arc<Progress>,
    pub stopper: Stopper,
    /// Encoded bytes of a frame not yet complete.
    pub pending: Vec<u8>,
}

impl<S: Sink> Writer<S> {
    /// Runs until the app stops it or something ends it; stops the source in both cases.
    pub fn run(&mut self) -> Ending {
        let mut good_bytes = 0u64;
        let mut gap_samples = 0u64;
        let mut last_sync = Instant::now();
        let mut last_samples = Instant::now();
        let mut problem = loop {
            let stopping = self.progress.stopping.load(Ordering::Acquire);
            let next = if stopping {
                self.queue.try_recv().map_err(|_| RecvTimeoutError::Timeout)
            } else {
                self.queue.recv_timeout(TICK)
            };
            let written = match next {
                Ok(samples) => {
                    last_samples = Instant::now();
                    let dropped = self.signals.dropped.swap(0, Ordering::Relaxed);
                    gap_samples += dropped;
                    self.silence(dropped, &mut good_bytes).and_then(|()| self.encode(&samples, &mut good_bytes))
                }
                Err(_) if stopping => break None,
                Err(RecvTimeoutError::Timeout) => Ok(()),
                Err(RecvTimeoutError::Disconnected) => break Some(RecorderError::MicrophoneLost),
            };
            if let Err(e) = written {
                break Some(RecorderError::from(e));
            }
            if self.signals.lost.load(Ordering::Relaxed) || last_samples.elapsed() >= SILENT_DEVICE {
                break Some(RecorderError::MicrophoneLost);
            }
            if last_sync.elapsed() >= SYNC_EVERY {
                if let Err(e) = self.sink.sync() {
                    break Some(RecorderError::from(e));
                }
                last_sync = Instant::now();
            }
        };
        if let Some(problem) = &problem {
            *self.progress.ended_early.lock().unwrap_or_else(|e| e.into_inner()) = Some(problem.kind());
        }
        // Stop the source first (this waits for its last push), then keep what is left.
        self.stopper.stop();
        let mut finish = || -> std::io::Result<()> {
            while let Ok(samples) = self.queue.try_recv() {
                self.encode(&samples, &mut good_bytes)?;
            }
            let last = self.mp3.finish();
            self.pending.extend_from_slice(last);
            self.write_whole_frames(&mut good_bytes)?;
            self.sink.sync()
        };
        if let Err(e) = finish() {
            problem.get_or_insert(RecorderError::from(e));
        }
        Ending { problem, gap_samples }
    }

    fn encode(&mut self, samples: &[f32], good_bytes: &mut u64) -> std::io::Result<()> {
        if !self.progress.heard_sound.load(Ordering::Relaxed) && samples.iter().any(|s| s.abs() >= HEARD) {
            self.progress.heard_sound.store(true, Ordering::Relaxed);
        }
        let encoded = self.mp3.encode(samples);
        self.pending.extend_from_slice(encoded);
        self.write_whole_frames(good_bytes)?;
        self.progress.samples.fetch_add(samples.len() as u64, Ordering::Release);
        Ok(())
    }

    /// Writes the whole frames LAME has given so far and keeps back the start of the next one, so
    /// the file only ever ends between frames (unless the system dies during a write).
    fn write_whole_frames(&mut self, good_bytes: &mut u64) -> std::io::Result<()> {
        let mut whole = frames::whole_len(&self.pending);
        if whole == 0 && self.pending.len() > 64 * 1024 {
            // LAME only gives frames; should it not, the bytes are written rather than piled up.
            whole = self.pending.len();
        }
        if let Err(e) = self.sink.write_all(&self.pending[..whole]) {
            let _ = self.sink.truncate(*good_bytes);
            return Err(e);
        }
        *good_bytes += whole as u64;
        self.pending.drain(..whole);
        Ok(())
    }

    /// Silence in place of samples the queue had no room for, so the recording's clock stays true.
    fn silence(&mut self, samples: u64, good_bytes: &mut u64) -> std::io::Result<()> {
        let quiet = [0.0f32; 4096];
        let mut left = samples;
        while left > 0 {
            let n = left.min(quiet.len() as u64);
            self.encode(&quiet[..n as usize], good_bytes)?;
            left -= n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Capture, Feed};

    /// A disk that fills up after `room` bytes, as a real one answers: ENOSPC.
    struct SmallDisk {
        bytes: Vec<u8>,
        room: usize,
    }

    impl Write for SmallDisk {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.room - self.bytes.len());
            if n == 0 && !buf.is_empty() {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            self.bytes.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Sink for SmallDisk {
        fn sync(&mut self) -> std::io::Result<()> {
            Ok(())
        }

        fn truncate(&mut self, len: u64) -> std::io::Result<()> {
            self.bytes.truncate(len as usize);
            Ok(())
        }
    }

    fn writer(sink: SmallDisk) -> (Writer<SmallDisk>, Feed) {
        let (feed, queue, signals) = Feed::new();
        let stopper = Stopper::new(Capture::new(16_000, "test".into(), || {}));
        let writer = Writer {
            sink,
            mp3: Mp3::new(16_000).unwrap(),
            queue,
            signals,
            progress: Arc::default(),
            stopper,
            pending: Vec::new(),
        };
        (writer, feed)
    }

    fn tone(samples: usize) -> Vec<f32> {
        (0..samples).map(|i| (i as f32 * 0.17).sin() * 0.5).collect()
    }

    #[test]
    fn a_full_disk_ends_the_recording_and_keeps_whole_frames() {
        let (mut writer, feed) = writer(SmallDisk { bytes: Vec::new(), room: 10_007 });
        for _ in 0..100 {
            feed.push(&tone(1600));
        }
        let ending = writer.run();
        assert_eq!(ending.problem.map(|p| p.kind()), Some(ErrorKind::DiskFull));
        assert_eq!(*writer.progress.ended_early.lock().unwrap(), Some(ErrorKind::DiskFull));
        let kept = frames::walk(writer.sink.bytes.as_slice()).unwrap();
        assert_eq!(kept.whole_bytes, writer.sink.bytes.len() as u64, "no half frame is left at the end");
        // All but the batch of frames (100 ms at most) that did not fit whole.
        assert!(kept.whole_bytes > 10_007 - 4 * 180, "{} bytes kept", kept.whole_bytes);
    }

    #[test]
    fn a_full_queue_becomes_silence_of_the_same_length() {
        let (mut writer, feed) = writer(SmallDisk { bytes: Vec::new(), room: usize::MAX });
        // Nothing reads the queue yet: the pushes past its size are dropped and counted, and the
        // writer puts their silence in before the next samples it takes.
        for _ in 0..crate::source::QUEUE_CHUNKS + 50 {
            feed.push(&tone(160));
        }
        assert_eq!(writer.signals.dropped.load(Ordering::Relaxed), 50 * 160);
        writer.progress.stopping.store(true, Ordering::Release);
        let ending = writer.run();
        assert!(ending.problem.is_none());
        assert_eq!(ending.gap_samples, 50 * 160);
        assert_eq!(writer.progress.samples.load(Ordering::Acquire), (crate::source::QUEUE_CHUNKS as u64 + 50) * 160);
        let seconds = frames::walk(writer.sink.bytes.as_slice()).unwrap().duration().as_secs_f64();
        let pushed = (crate::source::QUEUE_CHUNKS + 50) as f64 * 0.01;
        assert!((pushed..pushed + 0.15).contains(&seconds), "{seconds} s for {pushed} s pushed");
    }

    #[test]
    fn a_device_that_goes_ends_the_recording() {
        let (mut writer, feed) = writer(SmallDisk { bytes: Vec::new(), room: usize::MAX });
        feed.push(&tone(16_000));
        feed.lost();
        let ending = writer.run();
        assert_eq!(ending.problem.map(|p| p.kind()), Some(ErrorKind::MicrophoneLost));
        let kept = frames::walk(writer.sink.bytes.as_slice()).unwrap().duration().as_secs_f64();
        assert!(kept > 0.9, "what came before is kept: {kept} s");
    }
}
