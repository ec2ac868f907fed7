//! Benchmark, not a test: builds the 60-question A4 pack (full checklist, two notes) 20 times
//! in this process and prints the median time and the file size. `./dev.sh bench` runs it
//! beside the same pack made with Typst, and prints the ratios. It also prints the first save
//! (when the fonts are subset) and the preview's lay-out alone, on stderr.

use std::path::Path;
use std::time::Instant;

use alk_core::content::Content;
use alk_core::pack::{lay_out_pack, make_pack, FontSet, PackOptions, PackParts, PackQuestion, PackRequest, PackStep};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources");
    let content = Content::load(&root.join("content")).expect("content loads");
    let fonts = FontSet::load(&root.join("fonts")).expect("fonts load");
    let request = PackRequest {
        parts: PackParts {
            cover: true,
            summary: false,
            questions: true,
            checklist: true,
            notes: true,
            diary: false,
            treatments: false,
        },
        questions: content
            .questions
            .iter()
            .take(60)
            .map(|q| PackQuestion {
                topic: content.topic(&q.topic).map(|t| t.title.clone()).unwrap_or_default(),
                text: q.text.clone(),
                ..Default::default()
            })
            .collect(),
        checklist: content
            .checklist
            .iter()
            .map(|s| PackStep { text: s.text.clone(), why: s.why.clone(), ..Default::default() })
            .collect(),
        notes: vec![
            "Zoë’s łódź café note: ask about SPF ≥ 50 and the “scan” letter.".into(),
            "Bring the list of my tablets and the letter from my GP.".into(),
        ],
        options: PackOptions::default(),
        created_unix: 1_795_737_600,
        content_version: content.meta.version.clone(),
        source_label: content.meta.source.label(),
        ..Default::default()
    };
    let started = Instant::now();
    make_pack(&fonts, &request).expect("pack is made");
    let first_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut layouts: Vec<f64> = (0..20)
        .map(|_| {
            let started = Instant::now();
            lay_out_pack(&fonts, &request).expect("pack is laid out").preview();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    layouts.sort_by(f64::total_cmp);
    eprintln!(
        "first save (subsets the fonts) {first_ms:.2} ms; preview (lay-out only) median {:.2} ms; subsets made {}",
        (layouts[9] + layouts[10]) / 2.0,
        fonts.subsets_made()
    );
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..20 {
        let started = Instant::now();
        let pack = make_pack(&fonts, &request).expect("pack is made");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        last = Some(pack);
    }
    times.sort_by(f64::total_cmp);
    let pack = last.expect("20 runs");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&out).expect("target/bench");
    std::fs::write(out.join("ours.pdf"), &pack.bytes).expect("write");
    println!("ours median_ms={:.2} bytes={} pages={}", (times[9] + times[10]) / 2.0, pack.bytes.len(), pack.pages);
}
