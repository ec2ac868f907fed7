//! A full disk, for real: the recording goes into a 32 KB tmpfs, so the system itself answers
//! ENOSPC. The recording must stop on its own with the disk-full kind, keep every whole frame it
//! wrote, and still mark its sidecar finished. Mounting needs root (CI and dev.sh run as root);
//! elsewhere the test says why it skipped, and writer.rs's tests cover the same path with a
//! stand-in disk.

#![cfg(target_os = "linux")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use alk_recorder::{duration, recover, start, ErrorKind, RecorderError, State};
use common::{assert_is_sine, decode, Sine};

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path) -> Result<SmallDisk, String> {
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=32k", "tmpfs"])
            .arg(at)
            .output()
            .map_err(|e| format!("mount could not be run: {e}"))?;
        if !output.status.success() {
            return Err(format!("mount said: {}", String::from_utf8_lossy(&output.stderr).trim()));
        }
        Ok(SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_stops_the_recording_and_keeps_what_was_recorded() {
    let home = tempfile::tempdir().unwrap();
    let disk = match SmallDisk::mount(home.path()) {
        Ok(disk) => disk,
        Err(why) => {
            println!("SKIPPED the real full-disk test: a 32 KB tmpfs could not be mounted ({why})");
            return;
        }
    };
    let dir = disk.0.clone();
    // Five times real time, so the disk fills in about a second.
    let fast = Sine { pace: Duration::from_millis(2), ..Sine::new(440.0, 48_000) };
    let recording = start(&dir, Box::new(fast)).expect("the recording starts");
    let began = Instant::now();
    while recording.problem().is_none() {
        assert!(began.elapsed() < Duration::from_secs(20), "the disk never filled");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(recording.problem(), Some(ErrorKind::DiskFull));
    let saved = recording.stop().unwrap();
    assert_eq!(saved.problem.as_ref().map(RecorderError::kind), Some(ErrorKind::DiskFull), "{:?}", saved.problem);

    let audio = saved.recording.audio_path(&dir);
    let size = std::fs::metadata(&audio).unwrap().len();
    assert_eq!(size % 180, 0, "only whole frames are left");
    // 32 KB less a page each for the sidecar and its reserve: the audio has at least 20 KB.
    assert!(size > 20_000, "{size} bytes kept");
    let kept = duration(&audio).unwrap();
    assert_eq!(kept.as_millis() as u64, saved.recording.duration_ms);
    println!("disk full after {size} bytes, {} ms kept", saved.recording.duration_ms);
    let (samples, rate) = decode(&audio);
    assert_is_sine(&samples, rate, 440.0);

    // The reserve let the sidecar be marked finished on the full disk: nothing is left to recover.
    assert!(recover(&dir).unwrap().is_empty());
    let sidecar = std::fs::read_to_string(dir.join(format!("{}.json", saved.recording.id))).unwrap();
    assert!(sidecar.contains("\"state\": \"finished\""), "{sidecar}");
    assert_eq!(saved.recording.state, State::Finished);
}
