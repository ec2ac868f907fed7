//! Hostile and malformed input, generated at random: backup files (random bytes, and real
//! backups with random values put at random places), and content files with random text in a
//! page's settings and body. Each must give an answer or a plain refusal, never a panic.
//!
//! The test command runs a short pass; `ALK_FUZZ_SECONDS=60 ./dev.sh fuzz` runs each target for
//! that long and prints the figures.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alk_core::companion::check_backup;
use alk_core::content::Content;
use alk_core::store::{Backup, Store};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

/// Runs `test` on values from `strategy`: a fixed number of cases, or for `ALK_FUZZ_SECONDS`.
fn fuzz<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let seconds: Option<u64> = std::env::var("ALK_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok());
    let run = AtomicUsize::new(0);
    let started = Instant::now();
    loop {
        let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
        let result = runner.run(&strategy, |value| {
            run.fetch_add(1, Ordering::Relaxed);
            // A panic is the failure: proptest catches it and shrinks the input.
            test(value)
        });
        if let Err(e) = result {
            panic!("fuzz {name}: {e}");
        }
        match seconds {
            Some(s) if started.elapsed() < Duration::from_secs(s) => continue,
            _ => break,
        }
    }
    println!(
        "fuzz {name}: {} cases in {:.1} s, 0 panics",
        run.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
}

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/content")
}

/// A real backup of a store with a bit of everything, as JSON.
fn real_backup() -> Value {
    let mut store = Store::open_in_memory().unwrap();
    store.add_library_question(None, "tki-which").unwrap();
    let own = store.add_own_question(None, "My own question?").unwrap();
    store.answer_plan_question(own.id, "An answer", true).unwrap();
    let note = store.save_note(None, "A note", None).unwrap();
    store.save_note(None, "Another note", None).unwrap();
    store.delete_note(note.id).unwrap();
    store.set_step_progress("talk-first", true, "done").unwrap();
    serde_json::to_value(store.export_backup().unwrap()).unwrap()
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
        Just(Value::String("2026-02-30".into())),
        Just(Value::from(i64::MAX)),
        Just(Value::from(-1)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Puts `value` at a place in `doc` chosen by `path` (indexes into objects and arrays).
fn put_at(doc: &mut Value, path: &[usize], value: Value) {
    let Some((&step, rest)) = path.split_first() else {
        *doc = value;
        return;
    };
    match doc {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap_or_default();
            if let Some(next) = map.get_mut(&key) {
                put_at(next, rest, value);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            put_at(&mut items[step % len], rest, value);
        }
        _ => *doc = value,
    }
}

/// How many fuzzed backups got as far as being brought into a store.
static IMPORTED: AtomicUsize = AtomicUsize::new(0);

/// A backup that parses is checked against the content and brought into a store.
fn parse_and_import(bytes: &[u8], content: &Content) {
    if let Ok(backup) = Backup::parse(bytes) {
        if check_backup(&backup, content).is_ok() {
            IMPORTED.fetch_add(1, Ordering::Relaxed);
            let mut store = Store::open_in_memory().unwrap();
            // Refused or done, both are fine; a panic is not.
            let _ = store.import_backup(&backup);
        }
    }
}

#[test]
fn fuzz_backup_files_of_random_bytes() {
    let content = Content::load(&content_dir()).unwrap();
    fuzz("backup bytes", 2_000, prop::collection::vec(any::<u8>(), 0..2048), |bytes| {
        parse_and_import(&bytes, &content);
        Ok(())
    });
}

#[test]
fn fuzz_real_backups_with_random_values_in_them() {
    let content = Content::load(&content_dir()).unwrap();
    let good = real_backup();
    let strategy = prop::collection::vec((prop::collection::vec(0usize..16, 0..5), any_json()), 1..4);
    let before = IMPORTED.load(Ordering::Relaxed);
    fuzz("edited backups", 2_000, strategy, |edits| {
        let mut doc = good.clone();
        for (path, value) in edits {
            put_at(&mut doc, &path, value);
        }
        parse_and_import(&serde_json::to_vec(&doc).unwrap(), &content);
        Ok(())
    });
    println!("fuzz edited backups: {} were valid enough to be brought in", IMPORTED.load(Ordering::Relaxed) - before);
}

/// Copies the content folder so one file can be changed.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn fuzz_content_pages_with_random_text() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("content");
    copy_dir(&content_dir(), &dir);
    let page = std::fs::read_dir(dir.join("sections")).unwrap().next().unwrap().unwrap().path();
    let original = std::fs::read_to_string(&page).unwrap();
    let markup = prop_oneof![
        Just("[[".to_string()),
        Just("]]".to_string()),
        Just("|".to_string()),
        Just("+++".to_string()),
        Just("\n## ".to_string()),
        Just("\n- ".to_string()),
        Just("\n\n".to_string()),
        Just("[[tki|".to_string()),
        ".{0,12}",
    ];
    let strategy = (prop::collection::vec(markup, 0..30), any::<bool>());
    fuzz("content pages", 256, strategy, |(pieces, in_settings)| {
        let noise = pieces.concat();
        let text = if in_settings {
            original.replacen("+++\n", &format!("+++\n{noise}\n"), 1)
        } else {
            format!("{original}\n{noise}\n")
        };
        std::fs::write(&page, text).unwrap();
        // Loaded, or refused with the file's name; never a panic.
        if let Err(e) = Content::load(&dir) {
            prop_assert!(!e.plain_message().is_empty());
        }
        Ok(())
    });
}
