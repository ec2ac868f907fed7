//! Benchmark, not a test: a store on disk with 10,000 notes. Prints how long listing them and
//! searching them take (the median of 20 runs each), and how long the import of a backup
//! with 10,000 notes takes.

use std::time::Instant;

use alk_core::store::{Backup, Store};

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..20)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[9] + times[10]) / 2.0
}

fn main() {
    let dir = std::env::temp_dir().join(format!("alk-record-bench-{}", std::process::id()));
    let path = dir.join("store.sqlite3");
    let mut store = Store::open(&path).expect("store opens");
    let words = ["scan", "tablets", "tired", "rash", "sun", "appointment", "nurse", "brain", "travel", "work"];
    let started = Instant::now();
    for i in 0..10_000 {
        let text = format!(
            "Note {i}: felt {} today. Ask the team about {} and {}. Zoë’s café on the way home.",
            words[i % 10],
            words[(i / 10) % 10],
            words[(i / 100) % 10]
        );
        store.save_note(None, &text, None).expect("note saves");
    }
    let writing = started.elapsed().as_secs_f64();

    let mut count = 0;
    let list = median_ms(|| count = store.notes().expect("list").len());
    let mut hits = 0;
    let search_one = median_ms(|| hits = store.search_notes("rash", 50).expect("search").len());
    let search_two = median_ms(|| hits = store.search_notes("scans cafe", 50).expect("search").len());
    let backup = serde_json::to_vec(&store.export_backup().expect("export")).expect("json");
    let import = median_ms(|| {
        let parsed = Backup::parse(&backup).expect("parse");
        store.import_backup(&parsed).expect("import");
    });
    println!("notes={count} saved_one_by_one_s={writing:.1}");
    println!("list_all_notes median_ms={list:.2}");
    println!("search_one_word median_ms={search_one:.2}");
    println!("search_two_words median_ms={search_two:.2} hits={hits}");
    println!("backup_bytes={} parse_and_import median_ms={import:.1}", backup.len());
    drop(store);
    let _ = std::fs::remove_dir_all(dir);
}
