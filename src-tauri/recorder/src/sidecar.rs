//! The small JSON file kept beside each recording (`<id>.json`): when it started, at what rate,
//! from which microphone, and whether it finished. It is replaced whole (temporary file, then
//! rename), so it is always either the old or the new version, never half of each.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{RecorderError, Result};
use crate::frames;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    Recording,
    Finished,
}

/// One recording, as its sidecar holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordingInfo {
    pub id: String,
    /// The audio file's name, beside the sidecar.
    pub audio_file: String,
    /// Milliseconds since 1970 (UTC) when the recording started.
    pub started_at: i64,
    /// The file's sample rate.
    pub sample_rate: u32,
    /// The rate the microphone gave, before resampling.
    pub input_sample_rate: u32,
    /// The microphone's plain name.
    pub device: String,
    pub state: State,
    /// True when the app did not finish it (it was closed, killed or lost power) and
    /// [`recover`] did: "finished (recovered)".
    pub recovered: bool,
    /// How long the whole frames play; 0 while recording.
    pub duration_ms: u64,
    /// Silence put in where the computer fell behind, so the times stay true.
    pub gap_ms: u64,
}

impl RecordingInfo {
    pub fn audio_path(&self, dir: &Path) -> PathBuf {
        dir.join(&self.audio_file)
    }
}

pub(crate) fn path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.json"))
}

/// Replaces the sidecar whole: a temporary file, synced, renamed over the old one.
pub(crate) fn write(dir: &Path, info: &RecordingInfo) -> Result<()> {
    let target = path(dir, &info.id);
    let temporary = temporary(dir, &info.id);
    let mut file = File::create(&temporary)?;
    file.write_all(&serde_json::to_vec_pretty(info).expect("a sidecar always serialises"))?;
    file.sync_all()?;
    // Closed first: Windows renames an open file only when every handle on it shares delete.
    drop(file);
    fs::rename(&temporary, &target)?;
    sync_dir(dir)
}

/// Sets aside a block of disk for the sidecar's last rewrite: the temporary file it will be written
/// through is made now, 4 KB long, and emptied just before that rewrite, so a recording stopped by
/// a full disk can still be marked finished.
pub(crate) fn reserve(dir: &Path, id: &str) -> Result<()> {
    let mut file = File::create(temporary(dir, id))?;
    file.write_all(&[0; 4096])?;
    Ok(file.sync_all()?)
}

fn temporary(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.json.tmp"))
}

/// Makes a new or renamed file's name durable. Windows has no directory handle to sync; NTFS's
/// journal keeps the rename whole, if not at once.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn read(path: &Path) -> Option<RecordingInfo> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

/// Finds the recordings in `dir` left "recording" by an app that stopped without finishing them,
/// cuts any half-written frame off the end of each, marks them finished and recovered with their
/// real length, and returns them, oldest first, so the app can offer them. One with no whole frame
/// holds nothing to offer, and is removed with its sidecar.
///
/// Call it before starting a recording in `dir`: it would take a running one for a lost one.
pub fn recover(dir: &Path) -> Result<Vec<RecordingInfo>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut recovered = Vec::new();
    for entry in entries {
        let sidecar = entry?.path();
        if sidecar.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Some(mut info) = read(&sidecar) else { continue };
        if info.state != State::Recording || path(dir, &info.id) != sidecar {
            continue;
        }
        let audio = info.audio_path(dir);
        let found = match frames::walk_file(&audio) {
            Ok(found) => found,
            Err(RecorderError::Storage(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                frames::Frames { count: 0, whole_bytes: 0, samples: 0, sample_rate: 0 }
            }
            Err(e) => return Err(e),
        };
        if found.count == 0 {
            remove_if_there(&audio)?;
            fs::remove_file(&sidecar)?;
            continue;
        }
        let file = OpenOptions::new().write(true).open(&audio)?;
        if file.metadata()?.len() > found.whole_bytes {
            file.set_len(found.whole_bytes)?;
            file.sync_all()?;
        }
        info.state = State::Finished;
        info.recovered = true;
        info.duration_ms = found.duration().as_millis() as u64;
        write(dir, &info)?;
        recovered.push(info);
    }
    // What is left is the reserve of a recording that held nothing, or a rewrite cut off before
    // its rename (the sidecar it was replacing is still there).
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.to_string_lossy().ends_with(".json.tmp") {
            remove_if_there(&path)?;
        }
    }
    recovered.sort_by_key(|info| info.started_at);
    Ok(recovered)
}

fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(id: &str, started_at: i64, state: State) -> RecordingInfo {
        RecordingInfo {
            id: id.into(),
            audio_file: format!("{id}.mp3"),
            started_at,
            sample_rate: 16_000,
            input_sample_rate: 48_000,
            device: "Built-in microphone".into(),
            state,
            recovered: false,
            duration_ms: 0,
            gap_ms: 0,
        }
    }

    fn frames(n: usize) -> Vec<u8> {
        let mut frame = vec![0xFF, 0xF3, 0x58, 0xC4];
        frame.resize(180, 0);
        frame.repeat(n)
    }

    #[test]
    fn recover_finishes_what_was_left_recording_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let mut cut = frames(1000);
        cut.extend_from_slice(&[0xFF, 0xF3, 0x58]);
        for (id, started_at, state, audio) in [
            ("b", 2, State::Recording, cut),
            ("a", 1, State::Recording, frames(10)),
            ("done", 0, State::Finished, frames(5)),
            ("empty", 3, State::Recording, Vec::new()),
        ] {
            fs::write(dir.join(format!("{id}.mp3")), audio).unwrap();
            write(dir, &info(id, started_at, state)).unwrap();
        }
        fs::write(dir.join("not-ours.json"), "{}").unwrap();
        fs::write(dir.join("done.json.tmp"), "{\"id\": \"done\", \"st").unwrap();

        let found = recover(dir).unwrap();
        let ids: Vec<&str> = found.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"], "oldest first; finished and empty ones are not offered");
        assert_eq!((found[1].duration_ms, found[1].state, found[1].recovered), (36_000, State::Finished, true));
        assert_eq!(fs::metadata(dir.join("b.mp3")).unwrap().len(), 180_000, "the half frame is cut off");
        assert_eq!(read(&path(dir, "b")), Some(found[1].clone()), "the sidecar says so too");
        assert!(!dir.join("empty.mp3").exists() && !path(dir, "empty").exists());
        assert!(!dir.join("done.json.tmp").exists(), "a half-written sidecar is cleared away");
        assert!(!read(&path(dir, "done")).unwrap().recovered);
        assert!(recover(dir).unwrap().is_empty(), "a second start finds nothing more");
    }

    #[test]
    fn no_folder_yet_means_nothing_to_recover() {
        let dir = tempfile::tempdir().unwrap();
        assert!(recover(&dir.path().join("recordings")).unwrap().is_empty());
    }
}
