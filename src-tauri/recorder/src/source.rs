//! Where samples come from: the microphone in the app, a made-up signal in the tests. A source
//! pushes mono samples into a [`Feed`] from its own thread (the audio callback for a microphone);
//! the writer thread takes them from there.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

use crate::error::Result;

/// How many pushes the feed holds before it drops: a few seconds at any usual callback size
/// (one push is 10 to 100 ms), and never more than a few megabytes.
pub(crate) const QUEUE_CHUNKS: usize = 512;

/// Starts a source of mono samples. Implemented by [`crate::Microphone`] and by test signals.
pub trait SampleSource: Send {
    /// Starts pushing samples into `feed` until the returned [`Capture`] is stopped.
    fn start(self: Box<Self>, feed: Feed) -> Result<Capture>;
}

/// A running source: its sample rate, a plain name for the sidecar, and how to stop it.
pub struct Capture {
    pub sample_rate: u32,
    pub device_name: String,
    stop: Stop,
}

impl Capture {
    /// `stop` must return only once the source has pushed its last sample.
    pub fn new(sample_rate: u32, device_name: String, stop: impl FnOnce() + Send + 'static) -> Self {
        Capture { sample_rate, device_name, stop: Box::new(stop) }
    }
}

type Stop = Box<dyn FnOnce() + Send>;

/// Stops the capture once, from whichever of the app and the writer gets there first.
#[derive(Clone)]
pub(crate) struct Stopper(Arc<Mutex<Option<Stop>>>);

impl Stopper {
    pub fn new(capture: Capture) -> Self {
        Stopper(Arc::new(Mutex::new(Some(capture.stop))))
    }

    /// Returns once the source has stopped, even when the other caller is the one stopping it.
    pub fn stop(&self) {
        let mut guard = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(stop) = guard.take() {
            stop();
        }
    }
}

/// What the source and the writer share besides the queue.
#[derive(Default)]
pub(crate) struct Signals {
    /// Samples the source pushed while the queue was full: the writer puts silence in their place.
    pub dropped: AtomicU64,
    /// Set by the source when its device has gone.
    pub lost: AtomicBool,
}

/// The source's end of the queue. Pushing never waits, so it is safe in an audio callback.
#[derive(Clone)]
pub struct Feed {
    queue: SyncSender<Vec<f32>>,
    signals: Arc<Signals>,
}

impl Feed {
    pub(crate) fn new() -> (Feed, Receiver<Vec<f32>>, Arc<Signals>) {
        let (queue, receiver) = sync_channel(QUEUE_CHUNKS);
        let signals = Arc::new(Signals::default());
        (Feed { queue, signals: signals.clone() }, receiver, signals)
    }

    /// Mono samples from -1.0 to 1.0. If the writer has fallen so far behind that the queue is
    /// full, they are counted and dropped, and become silence of the same length in the file.
    pub fn push(&self, samples: &[f32]) {
        if samples.is_empty() {
            return;
        }
        if let Err(TrySendError::Full(samples)) = self.queue.try_send(samples.to_vec()) {
            self.signals.dropped.fetch_add(samples.len() as u64, Ordering::Relaxed);
        }
    }

    /// The device has gone (unplugged, or the sound system stopped): the recording ends cleanly.
    pub fn lost(&self) {
        self.signals.lost.store(true, Ordering::Relaxed);
    }
}
