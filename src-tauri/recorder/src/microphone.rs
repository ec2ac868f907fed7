//! The computer's microphones, through cpal: ALSA on Linux (which reaches PulseAudio or PipeWire
//! through its "default" device), Core Audio on macOS, WASAPI on Windows.

use std::sync::mpsc;

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{
    BuildStreamError, DefaultStreamConfigError, FromSample, PlayStreamError, Sample, SampleFormat, SizedSample,
    StreamError,
};
use serde::Serialize;

use crate::error::{RecorderError, Result};
use crate::source::{Capture, Feed, SampleSource};

/// A microphone the patient can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputDevice {
    /// What to give [`Microphone::chosen`] to record from it.
    pub id: String,
    /// A plain name to show.
    pub name: String,
    pub is_default: bool,
}

/// ALSA's names for sound servers: each leads to the same microphone as ALSA's "default".
const SOUND_SERVERS: [&str; 4] = ["pipewire", "pulse", "jack", "oss"];

/// The microphones there are now, the system's default first.
pub fn input_devices() -> Result<Vec<InputDevice>> {
    let host = cpal::default_host();
    let default = host.default_input_device().and_then(|device| device.name().ok());
    let mut found: Vec<InputDevice> =
        default.iter().map(|id| InputDevice { id: id.clone(), name: plain_name(id), is_default: true }).collect();
    for device in host.input_devices().map_err(RecorderError::microphone)? {
        let Ok(id) = device.name() else { continue };
        if SOUND_SERVERS.contains(&id.as_str()) || found.iter().any(|known| known.id == id) {
            continue;
        }
        found.push(InputDevice { name: plain_name(&id), id, is_default: false });
    }
    Ok(found)
}

/// macOS and Windows name devices as their settings do; ALSA's default is only "default".
fn plain_name(id: &str) -> String {
    if id == "default" {
        "Default microphone".to_string()
    } else {
        id.to_string()
    }
}

/// The microphone as a [`SampleSource`]. Its stream lives on a thread of its own, because a
/// cpal stream may not be moved between threads on every system.
pub struct Microphone {
    device: Option<String>,
}

impl Microphone {
    /// The system's default microphone.
    pub fn default_device() -> Self {
        Microphone { device: None }
    }

    /// The microphone with this [`InputDevice::id`].
    pub fn chosen(id: &str) -> Self {
        Microphone { device: Some(id.to_string()) }
    }
}

impl SampleSource for Microphone {
    fn start(self: Box<Self>, feed: Feed) -> Result<Capture> {
        let (ready, started) = mpsc::channel();
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new().name("alk-recorder-microphone".into()).spawn(move || {
            match open(self.device.as_deref(), feed) {
                Ok((stream, rate, name)) => {
                    let _ = ready.send(Ok((rate, name)));
                    // Waits for stop, or for the recording to be dropped.
                    let _ = stopped.recv();
                    drop(stream);
                }
                Err(e) => {
                    let _ = ready.send(Err(e));
                }
            }
        })?;
        let opened =
            started.recv().unwrap_or_else(|_| Err(RecorderError::Microphone("the microphone thread ended".into())));
        let (rate, name) = match opened {
            Ok(opened) => opened,
            Err(e) => {
                let _ = thread.join();
                return Err(e);
            }
        };
        Ok(Capture::new(rate, name, move || {
            let _ = stop.send(());
            let _ = thread.join();
        }))
    }
}

fn open(id: Option<&str>, feed: Feed) -> Result<(cpal::Stream, u32, String)> {
    let host = cpal::default_host();
    let device = match id {
        None => host.default_input_device(),
        Some(id) => host.input_devices().map_err(RecorderError::microphone)?.find(|d| d.name().is_ok_and(|n| n == id)),
    };
    let device = device.ok_or(RecorderError::NoMicrophone)?;
    let name = plain_name(&device.name().map_err(RecorderError::microphone)?);
    let config = device.default_input_config().map_err(|e| match e {
        DefaultStreamConfigError::DeviceNotAvailable | DefaultStreamConfigError::StreamTypeNotSupported => {
            RecorderError::NoMicrophone
        }
        e => RecorderError::microphone(e),
    })?;
    let channels = usize::from(config.channels());
    let rate = config.sample_rate().0;
    let stream_config = config.config();
    let stream = match config.sample_format() {
        SampleFormat::F32 => build::<f32>(&device, &stream_config, channels, feed),
        SampleFormat::F64 => build::<f64>(&device, &stream_config, channels, feed),
        SampleFormat::I16 => build::<i16>(&device, &stream_config, channels, feed),
        SampleFormat::I32 => build::<i32>(&device, &stream_config, channels, feed),
        SampleFormat::I8 => build::<i8>(&device, &stream_config, channels, feed),
        SampleFormat::U16 => build::<u16>(&device, &stream_config, channels, feed),
        SampleFormat::U8 => build::<u8>(&device, &stream_config, channels, feed),
        other => return Err(RecorderError::Microphone(format!("sample format {other} is not handled").into())),
    };
    let stream = stream.map_err(|e| match e {
        BuildStreamError::DeviceNotAvailable => RecorderError::NoMicrophone,
        e => RecorderError::microphone(e),
    })?;
    stream.play().map_err(|e| match e {
        PlayStreamError::DeviceNotAvailable => RecorderError::NoMicrophone,
        e => RecorderError::microphone(e),
    })?;
    Ok((stream, rate, name))
}

/// The audio callback: mixes the channels down to one and pushes, nothing else.
fn build<T>(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    channels: usize,
    feed: Feed,
) -> std::result::Result<cpal::Stream, BuildStreamError>
where
    T: SizedSample,
    f32: FromSample<T>,
{
    let on_error = {
        let feed = feed.clone();
        // Other errors may pass (an overrun); a device that stops sending for good is caught by
        // the writer's watchdog.
        move |error: StreamError| {
            if matches!(error, StreamError::DeviceNotAvailable) {
                feed.lost();
            }
        }
    };
    let mut mono = Vec::new();
    let on_data = move |data: &[T], _: &cpal::InputCallbackInfo| {
        mono.clear();
        mono.extend(
            data.chunks(channels)
                .map(|frame| frame.iter().map(|s| f32::from_sample(*s)).sum::<f32>() / channels as f32),
        );
        feed.push(&mono);
    };
    device.build_input_stream(config, on_data, on_error, None)
}
