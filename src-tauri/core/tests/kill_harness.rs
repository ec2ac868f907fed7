//! The store survives being killed at any moment. This test starts itself again as a child
//! that saves notes and answers through the same core calls the app uses and says "ACK" after
//! each save returns; the parent kills it (SIGKILL; TerminateProcess on Windows) at a random
//! moment, then checks every acknowledged save is there, word for word, and that SQLite finds the
//! file whole.
//!
//! `ALK_KILLS` sets how many kills (200 by default; `./dev.sh crash-test` runs 1,000).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use alk_core::store::Store;

const CHILD_ENV: &str = "ALK_KILL_HARNESS_STORE";

/// The child: saves until it is killed, acknowledging each save that returned.
#[test]
#[ignore = "started by the harness below, not on its own"]
fn child_saves_until_killed() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let mut store = Store::open(Path::new(&path)).expect("the child opens the store");
    let run = std::process::id();
    let question = store.add_own_question(None, &format!("Question of run {run}")).expect("a question");
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let text = format!("run {run} note {i} ");
        let note = store.save_note(None, &text.repeat(1 + (i % 7) as usize), None).expect("save");
        writeln!(out, "ACK note {} {}", note.id, note.text.len()).unwrap();
        let answer = format!("answer {i} of run {run}");
        store.answer_plan_question(question.id, &answer, i % 2 == 0).expect("answer");
        writeln!(out, "ACK answer {} {answer}", question.id).unwrap();
        out.flush().unwrap();
    }
}

/// A small xorshift, seeded from the clock: random enough for when to kill.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn acknowledged_saves_survive_kill_9() {
    let kills: u32 = std::env::var("ALK_KILLS").ok().and_then(|k| k.parse().ok()).unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite3");
    let me = std::env::current_exe().unwrap();
    let seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut random = Random(seed);
    let (mut acknowledged, mut lost, mut integrity_failures) = (0u64, 0u64, 0u64);

    for kill in 0..kills {
        let mut child = Command::new(&me)
            .args(["--exact", "child_saves_until_killed", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, receive) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with("ACK ") && send.send(line).is_err() {
                    break;
                }
            }
        });
        // Wait for the first save, then kill at a random moment from 0 to 60 ms later.
        let first = receive.recv_timeout(Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(random.below(60)));
        // SIGKILL on Unix, TerminateProcess on Windows: no destructor, no flush, no goodbye.
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        let acks: Vec<String> = first.into_iter().chain(receive.try_iter()).collect();
        assert!(!acks.is_empty(), "kill {kill}: the child never saved");

        let store = Store::open(&path).unwrap_or_else(|e| panic!("kill {kill}: the store does not open: {e}"));
        if !store.integrity_ok().unwrap() {
            integrity_failures += 1;
        }
        let plan = store.plan(None).unwrap();
        let mut last_answer: Option<(i64, String)> = None;
        for ack in &acks {
            acknowledged += 1;
            let parts: Vec<&str> = ack.splitn(4, ' ').collect();
            match parts[1] {
                "note" => {
                    let id: i64 = parts[2].parse().unwrap();
                    let len: usize = parts[3].parse().unwrap();
                    if !store.note(id).is_ok_and(|n| n.text.len() == len) {
                        lost += 1;
                    }
                }
                _ => last_answer = Some((parts[2].parse().unwrap(), parts[3].to_string())),
            }
        }
        // Only the newest answer is kept: the last acknowledged one, or one saved after it
        // whose acknowledgement the kill cut off.
        if let Some((id, answer)) = last_answer {
            let kept = plan.iter().find(|q| q.id == id).map(|q| q.answer.clone()).unwrap_or_default();
            let run_of = |a: &str| a.split(" of ").nth(1).map(str::to_string);
            let number = |a: &str| a.split(' ').nth(1).and_then(|n| n.parse::<u64>().ok());
            if run_of(&kept) != run_of(&answer) || number(&kept) < number(&answer) {
                lost += 1;
            }
        }
    }
    println!(
        "kill harness: {kills} kills, {acknowledged} acknowledged saves, {lost} lost, {integrity_failures} integrity failures"
    );
    assert_eq!(lost, 0, "acknowledged saves were lost");
    assert_eq!(integrity_failures, 0, "the file was damaged");
}
