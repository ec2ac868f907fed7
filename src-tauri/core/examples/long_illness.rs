//! Benchmark, not a test: a record after a long illness (10,000 notes, 500 appointments, 2,000
//! diary entries, 300 treatment rows). Prints the search time per keystroke (p50, p95) as the
//! patient types, and the time to gather and lay out the pack with its preview.
//!
//! With a folder as its argument it also leaves the store there, laid out as the app's data
//! folder (`<folder>/uk.alkcompanion.desktop/`), for the start-up benchmark to open.

use std::path::{Path, PathBuf};
use std::time::Instant;

use alk_core::content::Content;
use alk_core::model::{AppointmentInput, Bother, DiaryInput, StopReason, TreatmentInput};
use alk_core::pack::{gather, make_pack, FontSet, PackParts, PackSettings};
use alk_core::search::{search_everything, SearchIndex};
use alk_core::store::{ScreenSettings, Store};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn date(day: usize) -> String {
    // Days from 1 January 2020, without a date library: 28-day months are enough here.
    format!("{:04}-{:02}-{:02}", 2020 + day / 336, (day / 28) % 12 + 1, day % 28 + 1)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources");
    let content = Content::load(&root.join("content")).expect("content loads");
    let fonts = FontSet::load(&root.join("fonts")).expect("fonts load");
    let keep: Option<PathBuf> = std::env::args().nth(1).map(PathBuf::from);
    let dir = match &keep {
        Some(folder) => folder.join("uk.alkcompanion.desktop"),
        None => std::env::temp_dir().join(format!("alk-long-illness-{}", std::process::id())),
    };
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let mut store = Store::open(&dir.join("alk-companion.sqlite3")).expect("store opens");

    let started = Instant::now();
    let words = ["scan", "tablets", "tired", "rash", "sun", "appointment", "nurse", "brain", "travel", "work"];
    let mut appointments = Vec::new();
    for i in 0..500 {
        let input = AppointmentInput {
            starts_at: format!("{}T{:02}:30", date(i * 5), 9 + i % 8),
            with_whom: format!("Dr Nowak {i}"),
            place: "Clinic 4".into(),
            purpose: "Scan results".into(),
        };
        appointments.push(store.add_appointment(&input).expect("appointment").id);
    }
    for i in 0..10_000 {
        let text = format!(
            "Note {i}: felt {} today. Ask the team about {} and {}. Zoë’s café on the way home.",
            words[i % 10],
            words[(i / 10) % 10],
            words[(i / 100) % 10]
        );
        store.save_note(None, &text, Some(appointments[i % 500])).expect("note saves");
    }
    let effects = ["skin-sun", "rash", "stomach-bowel", "thinking-memory", "scanxiety"];
    let bothers = [Bother::ALittle, Bother::QuiteABit, Bother::ALot];
    for i in 0..2_000 {
        let input = DiaryInput {
            on_date: date(i),
            what: effects[i % 5].into(),
            other_what: String::new(),
            bother: bothers[i % 3],
            note: format!("Entry {i}"),
        };
        store.add_diary_entry(&input).expect("diary");
    }
    let drugs = ["crizotinib", "ceritinib", "alectinib", "brigatinib", "lorlatinib"];
    for i in 0..300 {
        let input = TreatmentInput {
            drug: drugs[i % 5].into(),
            other_name: String::new(),
            started_on: date(i * 6),
            stopped_on: Some(date(i * 6 + 5)),
            stop_reason: Some(StopReason::Other),
            reason_note: format!("Change {i}"),
        };
        store.save_treatment(None, &input).expect("treatment");
    }
    for q in content.questions.iter().take(20) {
        store.add_library_question(None, &q.id).expect("question");
    }
    // The welcome was seen long ago: the app opens on home.
    ScreenSettings { welcomed: true, ..Default::default() }.remember(&mut store).expect("settings");
    println!(
        "record: 10000 notes, 500 appointments, 2000 diary entries, 300 treatments, filled in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // Search as the patient types, one keystroke at a time, five times over.
    let index = SearchIndex::build(&content);
    let mut times = Vec::new();
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    let mut hits = 0;
    for _ in 0..5 {
        for phrase in ["brain metastases", "tired rash", "café scan"] {
            for end in phrase.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let started = Instant::now();
                hits = search_everything(&index, &store, &phrase[..end]).expect("search").len();
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                times.push(ms);
                slowest.push((ms, &phrase[..end]));
            }
        }
    }
    times.sort_by(f64::total_cmp);
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.dedup_by(|a, b| a.1 == b.1);
    let named: Vec<String> = slowest.iter().take(4).map(|(ms, typed)| format!("{typed:?} {ms:.1} ms")).collect();
    println!("slowest keystrokes: {}", named.join(", "));
    println!(
        "search per keystroke: {} keystrokes, p50_ms={:.2} p95_ms={:.2} max_ms={:.2} (last hits={hits})",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );

    // The pack with every part, and its preview, as the Pack screen makes them.
    let settings = PackSettings { parts: PackParts::all(), ..Default::default() };
    let mut pack_times = Vec::new();
    let mut pages = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let request = gather(&content, &store, &settings, "2026-11-28T12:00", 1_795_737_600).expect("gather");
        let pack = make_pack(&fonts, &request).expect("pack");
        let preview = pack.preview();
        pages = preview.pages;
        pack_times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    pack_times.sort_by(f64::total_cmp);
    println!("pack and preview: {pages} pages, median_ms={:.1}", pack_times[2]);
    drop(store);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(dir);
    }
}
