//! Benchmark, not a test: what the app does before its window can show the first screen, part by
//! part (the content, the search index, the fonts, the store and its daily copy), median of 15 runs.

use std::path::Path;
use std::time::Instant;

use alk_core::content::Content;
use alk_core::pack::FontSet;
use alk_core::search::SearchIndex;
use alk_core::store::Store;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(f());
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources");
    let content = Content::load(&root.join("content")).expect("content loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store_file = dir.path().join("companion.sqlite3");
    drop(Store::open_or_recover(&store_file).expect("a new store"));
    let rows = [
        ("content (TOML, checks)", time(15, || Content::load(&root.join("content")).expect("content"))),
        ("search index", time(15, || SearchIndex::build(&content))),
        ("fonts (4 files parsed)", time(15, || FontSet::load(&root.join("fonts")).expect("fonts"))),
        ("store open (migrations, checks)", time(15, || Store::open_or_recover(&store_file).expect("store"))),
    ];
    for (part, ms) in rows {
        println!("{part}: {ms:.2} ms");
    }
}
