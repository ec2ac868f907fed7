use std::process::Command;

use super::fonts::tests::real_fonts;
use super::*;

const NOVEMBER_27_2026: i64 = 1_795_737_600;

fn request(questions: &[&str], note: &str, options: PackOptions) -> PackRequest {
    PackRequest {
        questions: questions
            .iter()
            .map(|text| PackQuestion {
                topic: "My TKI treatment".into(),
                text: text.to_string(),
            })
            .collect(),
        note: note.into(),
        options,
        created_unix: NOVEMBER_27_2026,
        content_version: "2026.11.1".into(),
        source_date_label: "February 2025".into(),
    }
}

/// Runs a poppler tool on the PDF and returns what it prints. The test command installs poppler.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} must be installed (./dev.sh test installs it): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// pdftotext joins wrapped lines with newlines; fold white space to compare sentences.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pack_text_holds_every_question_intact() {
    let questions = [
        "Is lorlatinib an option for me if my scans show growth ≥ 5 mm?",
        "Could Dr Łukasz Nowak’s team in Zoë’s hospital give a second opinion, and how long would that take for someone like me?",
        "What does “first-line” mean for me?",
    ];
    let started = std::time::Instant::now();
    let pack = make_pack(
        &real_fonts(),
        &request(
            &questions,
            "Bring my café receipt.\nNext line ✓",
            PackOptions::default(),
        ),
    )
    .unwrap();
    let elapsed = started.elapsed();
    let text = folded(&poppler("pdftotext", &["-layout"], &pack.bytes));
    for question in questions {
        assert!(text.contains(question), "missing {question:?} in {text}");
    }
    assert!(text.contains("Bring my café receipt."));
    assert!(text.contains("✓"));
    assert!(text.contains(&format!("Page 1 of {}", pack.pages)));
    assert!(text.contains("Information, not medical advice."));
    println!(
        "pack figures: {} pages, {} bytes, {} ms",
        pack.pages,
        pack.bytes.len(),
        elapsed.as_millis()
    );
}

#[test]
fn pack_fonts_are_embedded_as_subsets() {
    let pack = make_pack(
        &real_fonts(),
        &request(&["A question ✓?"], "", PackOptions::default()),
    )
    .unwrap();
    let fonts = poppler("pdffonts", &[], &pack.bytes);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{fonts}");
    for row in rows {
        // The columns after the type are: encoding, emb, sub, uni, object id.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded and subset: {row}"
        );
    }
}

#[test]
fn pack_metadata_has_title_and_real_date() {
    let pack = make_pack(
        &real_fonts(),
        &request(&["One?"], "", PackOptions::default()),
    )
    .unwrap();
    let info = poppler("pdfinfo", &[], &pack.bytes);
    assert!(info.contains("My appointment pack"), "{info}");
    assert!(info.contains("2026"), "{info}");
    assert!(!info.contains("1970"), "{info}");
}

#[test]
fn question_never_splits_from_its_answer_lines() {
    let questions: Vec<String> = (1..=60)
        .map(|i| format!("Question {i}: what should I know about this part of my treatment and my next scan, in plain words?"))
        .collect();
    let refs: Vec<&str> = questions.iter().map(String::as_str).collect();
    for print_size in [PrintSize::Normal, PrintSize::Large] {
        for paper in [Paper::A4, Paper::Letter] {
            let pack = make_pack(
                &real_fonts(),
                &request(&refs, "", PackOptions { paper, print_size }),
            )
            .unwrap();
            for index in 0..questions.len() {
                let pages: Vec<usize> = pack
                    .placed
                    .iter()
                    .filter(|p| p.tag == Some(Tag::Question(index)))
                    .map(|p| p.page)
                    .collect();
                assert!(pages.len() > 3, "question {index} has its pieces");
                assert!(
                    pages.iter().all(|&p| p == pages[0]),
                    "question {index} split over pages {pages:?}"
                );
            }
            assert!(pack.pages > 3);
        }
    }
}

#[test]
fn large_print_takes_more_pages() {
    let questions: Vec<String> = (1..=30)
        .map(|i| format!("Question number {i} about my care?"))
        .collect();
    let refs: Vec<&str> = questions.iter().map(String::as_str).collect();
    let normal = make_pack(&real_fonts(), &request(&refs, "", PackOptions::default())).unwrap();
    let large = make_pack(
        &real_fonts(),
        &request(
            &refs,
            "",
            PackOptions {
                print_size: PrintSize::Large,
                ..Default::default()
            },
        ),
    )
    .unwrap();
    assert!(
        large.pages > normal.pages,
        "{} vs {}",
        large.pages,
        normal.pages
    );
}

#[test]
fn unprintable_characters_are_reported_not_dropped() {
    let err = make_pack(
        &real_fonts(),
        &request(&["Is this 你 ok?"], "", PackOptions::default()),
    )
    .err()
    .unwrap();
    assert_eq!(err.kind(), crate::ErrorKind::Pack);
    assert!(
        err.plain_message().contains('你'),
        "{}",
        err.plain_message()
    );
}

#[test]
fn long_words_wrap_within_the_line() {
    let fonts = real_fonts();
    let url = "https://www.example.org/a/very/long/address/that/goes/on/and/on/for/ever/and/ever/page.html";
    let lines = layout::wrap(&fonts, url, Face::Regular, 13.0, 200.0);
    assert!(lines.len() > 1);
    for line in &lines {
        assert!(fonts.width(line, Face::Regular, 13.0) <= 200.0, "{line}");
    }
    assert_eq!(lines.concat(), url);
}

#[test]
fn dates_print_in_words() {
    assert_eq!(date_label(NOVEMBER_27_2026), "27 November 2026");
    assert_eq!(date_label(0), "1 January 1970");
    assert_eq!(date_label(951_782_400), "29 February 2000");
}

/// `./dev.sh sample-packs` writes these to target/packs for looking at with pdftoppm.
#[test]
#[ignore]
fn write_sample_packs() {
    let content = crate::content::Content::load(&crate::content::tests::real_dir()).unwrap();
    let questions: Vec<&str> = content
        .questions
        .iter()
        .take(60)
        .map(|q| q.text.as_str())
        .collect();
    let note = "Zoë’s łódź café note ≥ 50 ✓\nA second paragraph that goes on for a while so it wraps over more than one line of the page, as real notes do.";
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/packs");
    std::fs::create_dir_all(&out).unwrap();
    for (name, paper, print_size) in [
        ("a4-normal", Paper::A4, PrintSize::Normal),
        ("letter-large", Paper::Letter, PrintSize::Large),
    ] {
        let pack = make_pack(
            &real_fonts(),
            &request(&questions, note, PackOptions { paper, print_size }),
        )
        .unwrap();
        std::fs::write(out.join(format!("{name}.pdf")), &pack.bytes).unwrap();
        println!("{name}: {} pages, {} bytes", pack.pages, pack.bytes.len());
    }
}
