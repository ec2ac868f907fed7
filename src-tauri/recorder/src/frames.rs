//! Walks the frames of an MP3 file without decoding them. Each frame starts with a 4-byte header
//! that gives its own length, so the whole frames of a file cut off by a crash are found by
//! hopping from header to header; the first header that is missing or runs past the end is where
//! the good audio ends.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::time::Duration;

use crate::error::{RecorderError, Result};

/// What the walk found: how much of the file is whole frames, and how long they play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Frames {
    pub count: u64,
    /// Bytes from the start of the file to the end of the last whole frame.
    pub whole_bytes: u64,
    /// Decoded samples in those frames (one channel).
    pub samples: u64,
    pub sample_rate: u32,
}

impl Frames {
    pub fn duration(&self) -> Duration {
        if self.sample_rate == 0 {
            return Duration::ZERO;
        }
        Duration::from_micros(self.samples * 1_000_000 / u64::from(self.sample_rate))
    }
}

/// One Layer III frame header, read from its 4 bytes.
struct Header {
    length: u32,
    samples: u32,
    sample_rate: u32,
}

fn header(bytes: [u8; 4]) -> Option<Header> {
    // Layer III bit rates in kbit/s, by index: MPEG-1, then MPEG-2 and 2.5.
    const MPEG1: [u32; 15] = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    const MPEG2: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    if bytes[0] != 0xFF || bytes[1] & 0xE0 != 0xE0 {
        return None;
    }
    let version = (bytes[1] >> 3) & 3; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
    let layer = (bytes[1] >> 1) & 3; // 1: Layer III
    let bitrate_index = usize::from(bytes[2] >> 4);
    let rate_index = usize::from((bytes[2] >> 2) & 3);
    if version == 1 || layer != 1 || bitrate_index == 0 || bitrate_index == 15 || rate_index == 3 {
        return None;
    }
    let padding = u32::from((bytes[2] >> 1) & 1);
    let (kbps, rates, samples) = match version {
        3 => (MPEG1[bitrate_index], [44_100, 48_000, 32_000], 1152),
        2 => (MPEG2[bitrate_index], [22_050, 24_000, 16_000], 576),
        _ => (MPEG2[bitrate_index], [11_025, 12_000, 8_000], 576),
    };
    let sample_rate = rates[rate_index];
    // Bytes per frame = samples / 8 × bit rate / sample rate, plus one byte of padding when set.
    let length = samples / 8 * kbps * 1000 / sample_rate + padding;
    Some(Header { length, samples, sample_rate })
}

/// Walks every whole frame of `reader`, stopping at the first header that is not one or a frame
/// that runs past the end.
pub(crate) fn walk(reader: impl Read) -> std::io::Result<Frames> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut found = Frames { count: 0, whole_bytes: 0, samples: 0, sample_rate: 0 };
    let mut body = Vec::new();
    loop {
        let mut bytes = [0u8; 4];
        if !read_whole(&mut reader, &mut bytes)? {
            return Ok(found);
        }
        let Some(frame) = header(bytes) else { return Ok(found) };
        if found.sample_rate != 0 && frame.sample_rate != found.sample_rate {
            return Ok(found);
        }
        body.resize(frame.length.saturating_sub(4) as usize, 0);
        if frame.length < 4 || !read_whole(&mut reader, &mut body)? {
            return Ok(found);
        }
        found.count += 1;
        found.whole_bytes += u64::from(frame.length);
        found.samples += u64::from(frame.samples);
        found.sample_rate = frame.sample_rate;
    }
}

/// How many bytes at the start of `bytes` are whole frames.
pub(crate) fn whole_len(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(frame) = bytes.get(at..at + 4).and_then(|h| header([h[0], h[1], h[2], h[3]])) {
        let end = at + frame.length as usize;
        if frame.length < 4 || end > bytes.len() {
            break;
        }
        at = end;
    }
    at
}

/// Fills `buffer`, or returns false if the reader ends first.
fn read_whole(reader: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<bool> {
    match reader.read_exact(buffer) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e),
    }
}

pub(crate) fn walk_file(path: &Path) -> Result<Frames> {
    Ok(walk(File::open(path)?)?)
}

/// How long a recording plays: its whole frames, as a player counts them. For the bin, backup and
/// pack lines. A file with no whole frame is unreadable.
pub fn duration(audio: &Path) -> Result<Duration> {
    let frames = walk_file(audio)?;
    if frames.count == 0 {
        return Err(RecorderError::Unreadable);
    }
    Ok(frames.duration())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frame as this crate writes them: MPEG-2 Layer III, 40 kbit/s, 16 kHz, mono, 180 bytes.
    fn frame() -> Vec<u8> {
        let mut frame = vec![0xFF, 0xF3, 0x58, 0xC4];
        frame.resize(180, 0x55);
        frame
    }

    #[test]
    fn the_header_gives_the_frame_length() {
        let ours = header([0xFF, 0xF3, 0x58, 0xC4]).unwrap();
        assert_eq!((ours.length, ours.samples, ours.sample_rate), (180, 576, 16_000));
        // MPEG-1 128 kbit/s 44.1 kHz with padding: the textbook 418 bytes.
        let cd = header([0xFF, 0xFB, 0x92, 0x00]).unwrap();
        assert_eq!((cd.length, cd.samples, cd.sample_rate), (418, 1152, 44_100));
        assert!(header([0xFF, 0xFB, 0xF0, 0x00]).is_none(), "bit rate index 15 is not allowed");
        assert!(header(*b"ID3\x04").is_none());
    }

    #[test]
    fn a_cut_off_file_keeps_its_whole_frames() {
        let mut file: Vec<u8> = (0..10).flat_map(|_| frame()).collect();
        file.extend_from_slice(&frame()[..77]);
        let found = walk(file.as_slice()).unwrap();
        assert_eq!(found.count, 10);
        assert_eq!(found.whole_bytes, 1800);
        assert_eq!(found.duration(), Duration::from_millis(360));
    }

    #[test]
    fn the_walk_stops_at_bytes_that_are_not_a_frame() {
        let mut file: Vec<u8> = (0..3).flat_map(|_| frame()).collect();
        file.extend_from_slice(&[0u8; 500]);
        file.extend(frame());
        assert_eq!(walk(file.as_slice()).unwrap().count, 3);
        assert_eq!(walk([].as_slice()).unwrap().count, 0);
    }

    #[test]
    fn whole_len_stops_before_a_frame_not_yet_complete() {
        let mut bytes = frame().repeat(2);
        assert_eq!(whole_len(&bytes), 360);
        bytes.extend_from_slice(&frame()[..100]);
        assert_eq!(whole_len(&bytes), 360);
        assert_eq!(whole_len(&bytes[..3]), 0);
    }
}
