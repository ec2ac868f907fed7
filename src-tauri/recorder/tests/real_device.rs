//! Records through a real sound system: a private PulseAudio server plays a 440 Hz tone
//! (module-sine) into a silent speaker (module-null-sink) whose monitor is the default microphone,
//! reached as cpal's default input through ALSA's "default" device (the pulse plugin from
//! libasound2-plugins, which pulseaudio depends on). module-sine-source would be simpler, but it
//! hands its tone out 2 seconds ahead in 2-second blocks, where a microphone's monitor gives 25 ms
//! pieces as they come.
//!
//! The recording runs in a child process, so ALSA reads its configuration with the private
//! server's address already set. If the server cannot run here, the test says why it skipped;
//! under CI (CI=true), where dev.sh has installed pulseaudio, that is a failure instead.

#![cfg(target_os = "linux")]

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alk_recorder::{duration, input_devices, start, ErrorKind, Microphone};
use common::{assert_is_sine, decode};

const CHILD_ENV: &str = "ALK_RECORDER_DEVICE_DIR";

/// A PulseAudio server of the test's own, ended when dropped.
struct Server {
    process: Child,
    runtime: PathBuf,
}

impl Server {
    /// Starts the server; the error says in plain words why it could not.
    fn start(home: &Path) -> Result<Server, String> {
        let runtime = home.join("runtime");
        std::fs::create_dir_all(&runtime).map_err(|e| format!("could not make its folder: {e}"))?;
        let log = std::fs::File::create(home.join("pulseaudio.log")).map_err(|e| e.to_string())?;
        let socket = runtime.join("native");
        let script = home.join("test.pa");
        let commands = [
            format!("load-module module-native-protocol-unix auth-anonymous=1 socket={}", socket.display()),
            "load-module module-null-sink sink_name=speaker rate=48000".into(),
            "load-module module-sine sink=speaker frequency=440".into(),
            "set-default-source speaker.monitor".into(),
        ];
        std::fs::write(&script, commands.join("\n")).map_err(|e| e.to_string())?;
        let process = Command::new("pulseaudio")
            .args([
                "--daemonize=no",
                "--exit-idle-time=-1",
                "-n",
                "--use-pid-file=no",
                "--disable-shm=yes",
                "--log-target=stderr",
            ])
            .arg("-F")
            .arg(&script)
            .envs(environment(home))
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("pulseaudio could not be started ({e}); dev.sh installs it"))?;
        let mut server = Server { process, runtime };
        let began = Instant::now();
        while !socket.exists() {
            if let Ok(Some(status)) = server.process.try_wait() {
                let log = std::fs::read_to_string(home.join("pulseaudio.log")).unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(5).collect();
                return Err(format!("pulseaudio ended at once ({status}): {}", tail.join(" | ")));
            }
            if began.elapsed() > Duration::from_secs(10) {
                return Err("pulseaudio did not open its socket within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Points PulseAudio's clients and server at the test's own folder, never the user's session.
fn environment(home: &Path) -> Vec<(&'static str, String)> {
    let runtime = home.join("runtime");
    vec![
        ("HOME", home.display().to_string()),
        ("XDG_RUNTIME_DIR", runtime.display().to_string()),
        ("PULSE_RUNTIME_PATH", runtime.display().to_string()),
        ("PULSE_SERVER", format!("unix:{}", runtime.join("native").display())),
    ]
}

/// Runs one of the child tests below against the server, handing back its output lines as they come.
fn child(home: &Path, name: &str, dir: &Path) -> (Child, std::sync::mpsc::Receiver<String>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", name, "--ignored", "--nocapture", "--test-threads=1"])
        .envs(environment(home))
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("child: {line}");
            let _ = send.send(line);
        }
    });
    (child, receive)
}

fn skip_or_fail(why: &str) {
    let message = format!("SKIPPED the real-device test: {why}");
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{message} (CI installs pulseaudio through dev.sh, so it must run there)");
    }
    eprintln!("{message}");
    println!("{message}");
}

#[test]
fn records_the_default_microphone_through_pulseaudio() {
    let home = tempfile::tempdir().unwrap();
    let server = match Server::start(home.path()) {
        Ok(server) => server,
        Err(why) => return skip_or_fail(&why),
    };
    let dir = home.path().join("recordings");

    // Three seconds of the server's tone, through cpal's default input.
    let (mut recorder, _) = child(home.path(), "child_records_three_seconds", &dir);
    let status = recorder.wait().unwrap();
    assert!(status.success(), "the child recording through PulseAudio failed ({status})");

    // The sound server dies mid-way: the recording stops on its own and keeps what it had.
    let (mut recorder, lines) = child(home.path(), "child_records_until_the_microphone_goes", &dir);
    let began = Instant::now();
    while !lines.recv_timeout(Duration::from_secs(20)).is_ok_and(|line| line.ends_with("RECORDING")) {
        assert!(began.elapsed() < Duration::from_secs(20), "the second child never started recording");
    }
    assert!(server.runtime.exists());
    drop(server);
    let status = recorder.wait().unwrap();
    assert!(status.success(), "the child whose microphone went failed ({status})");
}

#[test]
#[ignore = "started by the test above, with its PulseAudio server"]
fn child_records_three_seconds() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let devices = input_devices().expect("the microphones are listed");
    println!("microphones: {devices:?}");
    assert!(devices[0].is_default, "the default comes first");
    assert_eq!(devices[0].name, "Default microphone");

    let recording = start(Path::new(&dir), Box::new(Microphone::chosen(&devices[0].id))).expect("recording starts");
    // The speaker's monitor sends nothing until the server has caught up with the new stream.
    let waited = Instant::now();
    while recording.elapsed_ms() == 0 {
        assert!(waited.elapsed() < Duration::from_secs(10), "no sound came from the microphone");
        std::thread::sleep(Duration::from_millis(5));
    }
    let first = recording.elapsed_ms();
    println!("the first sound came after {} ms", waited.elapsed().as_millis());
    std::thread::sleep(Duration::from_secs(3));
    let clock = recording.elapsed_ms() - first;
    assert!((2800..3200).contains(&clock), "the clock moved {clock} ms in 3 s: it follows the sound as it comes");
    assert!(recording.heard_sound(), "the tone was heard");
    assert_eq!(recording.problem(), None);
    let saved = recording.stop().expect("recording stops");
    assert!(saved.problem.is_none(), "{:?}", saved.problem);
    let info = saved.recording;
    println!("recorded {} ms at {} Hz from {:?}", info.duration_ms, info.input_sample_rate, info.device);

    let audio = info.audio_path(Path::new(&dir));
    let length = duration(&audio).unwrap().as_millis() as u64;
    assert!((3000..3400).contains(&length), "{length} ms recorded in 3 s");
    let (samples, rate) = decode(&audio);
    assert_is_sine(&samples, rate, 440.0);
}

#[test]
#[ignore = "started by the test above, with its PulseAudio server"]
fn child_records_until_the_microphone_goes() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let recording = start(Path::new(&dir), Box::new(Microphone::default_device())).expect("recording starts");
    while recording.elapsed_ms() < 1500 {
        std::thread::sleep(Duration::from_millis(20));
    }
    println!("RECORDING");
    let began = Instant::now();
    while recording.problem().is_none() {
        assert!(began.elapsed() < Duration::from_secs(15), "the recording did not notice the microphone had gone");
        std::thread::sleep(Duration::from_millis(50));
    }
    println!("noticed after {} ms", began.elapsed().as_millis());
    assert_eq!(recording.problem(), Some(ErrorKind::MicrophoneLost));
    let saved = recording.stop().expect("recording stops");
    assert_eq!(saved.problem.map(|p| p.kind()), Some(ErrorKind::MicrophoneLost));
    let kept = saved.recording.duration_ms;
    println!("kept {kept} ms");
    assert!(kept >= 1400, "what was recorded before is kept: {kept} ms");
    let (samples, rate) = decode(&saved.recording.audio_path(Path::new(&dir)));
    assert_is_sine(&samples, rate, 440.0);
}
