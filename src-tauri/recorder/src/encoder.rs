//! The MP3 settings, in one place: LAME resamples whatever the microphone gives to 16 kHz mono
//! and writes 40 kbit/s constant-bit-rate frames, 180 bytes for every 36 ms.

use std::num::NonZeroU32;

use mp3lame_encoder::{Bitrate, Builder, Encoder, FlushGap, Mode, MonoPcm, Quality};

use crate::error::{RecorderError, Result};

/// The file's sample rate: speech needs nothing above 8 kHz, and speech-to-text wants 16 kHz.
pub const SAMPLE_RATE: u32 = 16_000;
/// The file's bit rate: 18 MB an hour.
pub const KBIT_PER_SECOND: u32 = 40;

pub(crate) struct Mp3 {
    encoder: Encoder,
    out: Vec<u8>,
}

impl Mp3 {
    /// An encoder for mono samples at `input_rate`.
    pub fn new(input_rate: u32) -> Result<Self> {
        let fail = |e: mp3lame_encoder::BuildError| RecorderError::Microphone(e.to_string().into());
        let mut builder = Builder::new().ok_or(RecorderError::Microphone("LAME could not start".into()))?;
        builder.set_num_channels(1).map_err(fail)?;
        builder.set_sample_rate(input_rate).map_err(fail)?;
        builder.set_output_sample_rate(NonZeroU32::new(SAMPLE_RATE)).map_err(fail)?;
        builder.set_mode(Mode::Mono).map_err(fail)?;
        builder.set_brate(Bitrate::Kbps40).map_err(fail)?;
        builder.set_quality(Quality::NearBest).map_err(fail)?;
        // No Xing/Info frame: it holds a frame count that a crash would leave wrong.
        builder.set_to_write_vbr_tag(false).map_err(fail)?;
        let encoder = builder.build().map_err(fail)?;
        Ok(Mp3 { encoder, out: Vec::new() })
    }

    /// Encodes samples from -1.0 to 1.0; returns the whole frames that are ready (often none).
    pub fn encode(&mut self, samples: &[f32]) -> &[u8] {
        self.out.clear();
        self.out.reserve(mp3lame_encoder::max_required_buffer_size(samples.len()));
        // Only a buffer too small fails, and the reserve above rules that out.
        if self.encoder.encode_to_vec(MonoPcm(samples), &mut self.out).is_err() {
            self.out.clear();
        }
        &self.out
    }

    /// The last frames LAME was holding back.
    pub fn finish(&mut self) -> &[u8] {
        self.out.clear();
        self.out.reserve(7200);
        if self.encoder.flush_to_vec::<FlushGap>(&mut self.out).is_err() {
            self.out.clear();
        }
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_16_khz_40_kbit_s_from_any_input_rate() {
        for input_rate in [16_000, 44_100, 48_000] {
            let mut mp3 = Mp3::new(input_rate).unwrap();
            let second: Vec<f32> = (0..input_rate)
                .map(|i| (i as f32 * 440.0 * std::f32::consts::TAU / input_rate as f32).sin() * 0.5)
                .collect();
            let mut bytes = Vec::new();
            for _ in 0..3 {
                bytes.extend_from_slice(mp3.encode(&second));
            }
            bytes.extend_from_slice(mp3.finish());
            let frames = crate::frames::walk(bytes.as_slice()).unwrap();
            assert_eq!(frames.sample_rate, SAMPLE_RATE, "from {input_rate} Hz");
            assert_eq!(frames.whole_bytes, bytes.len() as u64, "nothing but whole frames from {input_rate} Hz");
            assert_eq!(frames.whole_bytes, frames.count * 180);
            let seconds = frames.duration().as_secs_f64();
            assert!((3.0..3.2).contains(&seconds), "{seconds} s from {input_rate} Hz");
        }
    }
}
