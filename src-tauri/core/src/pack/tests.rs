use std::process::{Command, Stdio};

use super::fonts::tests::real_fonts;
use super::*;
use crate::content::tests::real_dir;
use crate::content::Content;
use crate::dates::date_in_words;
use crate::model::Bother;

const NOVEMBER_27_2026: i64 = 1_795_737_600;

fn request(questions: &[&str], note: &str, options: PackOptions) -> PackRequest {
    PackRequest {
        parts: PackParts::all(),
        questions: questions
            .iter()
            .map(|text| PackQuestion { topic: "My TKI treatment".into(), text: text.to_string(), ..Default::default() })
            .collect(),
        notes: if note.is_empty() { Vec::new() } else { vec![note.into()] },
        options,
        created_unix: NOVEMBER_27_2026,
        content_version: "2026.11.1".into(),
        source_label: "ALK Treatment, ALK Positive UK".into(),
        ..Default::default()
    }
}

/// The full pack the issue asks to check: 60 questions, the whole checklist, notes with
/// non-ASCII text, a diary and a treatment history.
fn full_request(options: PackOptions) -> PackRequest {
    let content = Content::load(&real_dir()).unwrap();
    let topics = &content.topics;
    let mut request = request(&[], "", options);
    request.patient_name = "Zoë Łukasiewicz".into();
    request.appointment = Some(PackAppointment {
        when: "Thursday 3 December 2026 at 14:30".into(),
        with_whom: "Dr Nowak, oncologist".into(),
        place: "Clinic 4, St Mary’s Hospital".into(),
        purpose: "Scan results".into(),
    });
    request.questions = content
        .questions
        .iter()
        .take(60)
        .enumerate()
        .map(|(i, q)| PackQuestion {
            topic: topics.iter().find(|t| t.id == q.topic).unwrap().title.clone(),
            text: q.text.clone(),
            top3: matches!(i, 10 | 20 | 30),
            answer: if i == 5 { "Every 3 months — said Dr Nowak ≥ twice".into() } else { String::new() },
            recorded: None,
        })
        .collect();
    request.checklist = content
        .checklist
        .iter()
        .enumerate()
        .map(|(i, s)| PackStep { text: s.text.clone(), why: s.why.clone(), done: i < 4, note: String::new() })
        .collect();
    request.notes = vec![
        "Zoë’s łódź café note: ask about SPF ≥ 50 ✓ and the “scan” letter.".into(),
        "https://www.example.org/a/very/long/address/that/should/break/at/the/slashes/page.html".into(),
    ];
    request.diary = vec![["20 November 2026".into(), "Rash".into(), "A lot".into(), "On both arms".into()]];
    request.treatments = vec![[
        "Alectinib".into(),
        "1 March 2024".into(),
        "15 January 2025".into(),
        "Side effects: skin in the sun".into(),
    ]];
    request
}

/// How to install the tools the tests read the PDF back with: poppler's pdftotext, pdffonts,
/// pdfinfo and pdfimages, and qpdf.
const INSTALL_PDF_TOOLS: &str = "./dev.sh test installs them on Debian (poppler-utils, qpdf); \
    brew install poppler qpdf on macOS; choco install poppler qpdf on Windows";

std::thread_local! {
    /// The tools this test checked for with `pdf_tools`, so `tool` knows it asked first.
    static CHECKED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// True when every tool in `names` is installed. A missing one fails the test, unless
/// ALK_SKIP_PDF_TOOLS=1 is set: then one line says which is missing and how to install it, and
/// the test returns early. So no machine skips these checks without saying so, and CI never does.
fn pdf_tools(names: &[&'static str]) -> bool {
    CHECKED.with(|checked| *checked.borrow_mut() = names.to_vec());
    let installed = |name: &str| {
        let status = Command::new(name).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).status();
        !matches!(status, Err(e) if e.kind() == std::io::ErrorKind::NotFound)
    };
    let Some(missing) = names.iter().find(|name| !installed(name)) else { return true };
    if std::env::var("ALK_SKIP_PDF_TOOLS").as_deref() == Ok("1") {
        // Straight to stderr: libtest would hide an eprintln! of a test that passes.
        let line = format!("SKIPPED: {missing} is not installed, and ALK_SKIP_PDF_TOOLS=1 ({INSTALL_PDF_TOOLS})\n");
        let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
        return false;
    }
    panic!("{missing} is not installed: {INSTALL_PDF_TOOLS}. ALK_SKIP_PDF_TOOLS=1 skips the tests that need it.");
}

/// Runs a poppler or qpdf tool on the PDF and returns what it prints. The test asks `pdf_tools` first.
fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut command = Command::new(name);
    command.args(args).arg(&path);
    if name == "pdftotext" {
        command.arg("-");
    }
    let output = run(name, &mut command);
    assert!(output.status.success(), "{name} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn run(name: &str, command: &mut Command) -> std::process::Output {
    let asked = CHECKED.with(|checked| checked.borrow().contains(&name));
    assert!(asked, "the test calls pdf_tools(&[\"{name}\", ...]) before it runs {name}");
    command.output().unwrap_or_else(|e| panic!("{name} could not run ({INSTALL_PDF_TOOLS}): {e}"))
}

/// pdftotext joins wrapped lines with newlines; fold white space to compare sentences.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pack_text_holds_every_question_intact() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let questions = [
        "Is lorlatinib an option for me if my scans show growth ≥ 5 mm?",
        "Could Dr Łukasz Nowak’s team in Zoë’s hospital give a second opinion, and how long would that take for someone like me?",
        "What does “first-line” mean for me?",
    ];
    let started = std::time::Instant::now();
    let pack =
        make_pack(&real_fonts(), &request(&questions, "Bring my café receipt.\nNext line ✓", PackOptions::default()))
            .unwrap();
    let elapsed = started.elapsed();
    let text = folded(&tool("pdftotext", &["-layout"], &pack.bytes));
    for question in questions {
        assert!(text.contains(question), "missing {question:?} in {text}");
    }
    assert!(text.contains("Bring my café receipt."));
    assert!(text.contains("✓"));
    assert!(text.contains(&format!("Page 1 of {}", pack.pages)));
    // No checklist: every page is the patient's own, so none names the source.
    assert!(text.contains("My own questions, notes and record") && !text.contains("Source:"));
    println!("pack figures: {} pages, {} bytes, {} ms", pack.pages, pack.bytes.len(), elapsed.as_millis());
}

#[test]
fn full_pack_is_valid_in_every_paper_and_print_size() {
    if !pdf_tools(&["qpdf", "pdfinfo", "pdffonts", "pdftotext"]) {
        return;
    }
    for (paper, size_words) in [(Paper::A4, "595.28 x 841.89"), (Paper::Letter, "612 x 792")] {
        for print_size in [PrintSize::Normal, PrintSize::Large] {
            let request = full_request(PackOptions { paper, print_size });
            let pack = make_pack(&real_fonts(), &request).unwrap();
            let label = format!("{paper:?} {print_size:?}");

            let check = tool("qpdf", &["--check"], &pack.bytes);
            assert!(check.contains("No syntax or stream encoding errors found"), "{label}: {check}");

            let info = tool("pdfinfo", &[], &pack.bytes);
            assert!(info.contains(size_words), "{label}: {info}");
            assert!(info.contains("My appointment pack"), "{label}: {info}");
            assert!(info.contains("Zoë Łukasiewicz"), "author is the patient: {info}");
            assert!(info.contains("2026") && !info.contains("1970"), "{label}: {info}");
            assert!(info.contains(&format!("Pages:           {}", pack.pages)), "{label}: {info}");
            // The pack meets no PDF/X or PDF/A standard, so it must not say it does.
            assert!(!info.contains("PDF/X") && !info.contains("15930"), "{label}: claims PDF/X: {info}");

            let fonts = tool("pdffonts", &[], &pack.bytes);
            for row in fonts.lines().skip(2) {
                let cols: Vec<&str> = row.split_whitespace().collect();
                let n = cols.len();
                assert_eq!(cols[n - 5..n - 2], ["yes", "yes", "yes"], "{label}: not embedded and subset: {row}");
            }

            let text = folded(&tool("pdftotext", &[], &pack.bytes));
            // pdftotext drops the hyphen of a word broken after it ("check-" / "ups" gives "checkups").
            let unhyphenated = text.replace('-', "");
            for q in &request.questions {
                assert!(unhyphenated.contains(&q.text.replace('-', "")), "{label}: missing {:?}", q.text);
            }
            for step in &request.checklist {
                assert!(text.contains(&step.text), "{label}: missing step {:?}", step.text);
            }
            assert!(text.contains(&request.notes[0]), "{label}: the note");
            assert!(text.contains("Answer: Every 3 months — said Dr Nowak ≥ twice"), "{label}: the typed answer");
            assert!(text.contains("4 of"), "{label}: checklist progress");
            assert!(text.contains("Thursday 3 December 2026 at 14:30"), "{label}: the appointment");
            assert!(text.contains("these are the questions I would like to cover today"), "{label}");
            assert!(
                text.contains("Side effects since my last appointment") && text.contains("On both arms"),
                "{label}"
            );
            assert!(text.contains("Alectinib"), "{label}: treatment table");
            assert!(text.contains(&format!("Page {} of {}", pack.pages, pack.pages)), "{label}");
        }
    }
}

#[test]
fn top_three_come_first_and_typed_answers_replace_the_lines() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let pack = make_pack(&real_fonts(), &full_request(PackOptions::default())).unwrap();
    let text = folded(&tool("pdftotext", &[], &pack.bytes));
    let content = Content::load(&real_dir()).unwrap();
    let top = [&content.questions[10].text, &content.questions[20].text, &content.questions[30].text];
    let first_other = &content.questions[0].text;
    let top_at = text.find("My top 3 questions").unwrap();
    for q in top {
        assert!(text.find(q.as_str()).unwrap() > top_at);
        assert!(text.find(q.as_str()).unwrap() < text.find(first_other.as_str()).unwrap(), "{q} leads");
    }
    // Question 6 has an answer: no ruled lines are placed for it.
    let answered = pack.placed.iter().filter(|p| p.tag == Some(Tag::Question(3 + 5)));
    assert!(answered.clone().count() > 1);
    assert!(answered.clone().all(|p| !p.is_rule), "an answered question has no lines");
    let unanswered = pack.placed.iter().filter(|p| p.tag == Some(Tag::Question(0)));
    assert!(unanswered.filter(|p| p.is_rule).count() >= 3);
}

/// The text of each page of a pack, from pdftotext (pages end in a form feed).
fn page_texts(pdf: &[u8]) -> Vec<String> {
    tool("pdftotext", &[], pdf).split('\u{c}').map(folded).filter(|page| !page.is_empty()).collect()
}

/// A pack as `gather` fills it from the content: the safety-netting, the links and the review.
fn request_with_content(questions: &[&str]) -> PackRequest {
    let content = Content::load(&real_dir()).unwrap();
    let mut request = request(questions, "", PackOptions::default());
    request.safety = Some(content.safety.clone());
    request.links = content.links.iter().map(|l| (l.label.clone(), l.address.clone())).collect();
    request.review_line = content.review_summary();
    request
}

#[test]
fn the_cover_prints_the_patients_own_24_hour_line_and_no_number_of_ours() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let mut with_line = request(&["What are my options?"], "", PackOptions::default());
    with_line.round_the_clock = Some("Acute oncology line, 0800 000 000".into());
    let text = folded(&tool("pdftotext", &[], &make_pack(&real_fonts(), &with_line).unwrap().bytes));
    assert!(text.contains("My 24-hour line: Acute oncology line, 0800 000 000"), "{text}");
    let without = request(&["What are my options?"], "", PackOptions::default());
    let text = folded(&tool("pdftotext", &[], &make_pack(&real_fonts(), &without).unwrap().bytes));
    assert!(!text.contains("24-hour line"), "{text}");
}

#[test]
fn the_front_page_says_what_to_do_when_very_unwell_with_the_patients_own_line() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let mut with_line = request_with_content(&["What are my options?"]);
    with_line.round_the_clock = Some("Acute oncology line, 0800 000 000".into());
    let front = page_texts(&make_pack(&real_fonts(), &with_line).unwrap().bytes).remove(0);
    assert!(front.contains("When to get help"), "{front}");
    assert!(front.contains("call your 24-hour line: Acute oncology line, 0800 000 000."), "{front}");
    assert!(front.contains("call 999 or go to A&E") && front.contains("call NHS 111"), "{front}");
    assert!(front.contains("This is general NHS advice. It is not from ALK Positive UK's page."), "{front}");

    let without = request_with_content(&["What are my options?"]);
    let front = page_texts(&make_pack(&real_fonts(), &without).unwrap().bytes).remove(0);
    assert!(front.contains("call your 24-hour line or acute oncology line"), "{front}");
    assert!(front.contains("call 999 or go to A&E") && front.contains("call NHS 111"), "{front}");
    assert!(!front.contains("0800"), "no number of ours: {front}");
}

#[test]
fn the_front_page_says_no_clinician_has_checked_the_information_and_prints_the_charitys_address() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let request = request_with_content(&["What are my options?"]);
    let front = page_texts(&make_pack(&real_fonts(), &request).unwrap().bytes).remove(0);
    assert!(front.contains("yet been checked by a clinician"), "{front}");
    assert!(front.contains("ALKPositive.org.uk, https://www.alkpositive.org.uk"), "{front}");
}

#[test]
fn only_pages_holding_the_apps_information_name_the_source() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let mut request = request_with_content(&["What are my options?"]);
    request.notes = vec!["My own note.".into()];
    let content = Content::load(&real_dir()).unwrap();
    request.checklist = content
        .checklist
        .iter()
        .map(|s| PackStep { text: s.text.clone(), why: s.why.clone(), done: false, note: String::new() })
        .collect();
    request.options.print_size = PrintSize::Large;
    let pages = page_texts(&make_pack(&real_fonts(), &request).unwrap().bytes);
    let source = "Source: ALK Treatment, ALK Positive UK.";
    let own = "My own questions, notes and record";
    for page in &pages {
        let informs = content.checklist.iter().any(|step| page.contains(&step.why));
        assert!(page.contains(source) || page.contains(own), "every page has a footer: {page}");
        if page.contains("My own note.") && !informs {
            assert!(page.contains(own) && !page.contains(source), "{page}");
        }
        if informs {
            assert!(page.contains(source) && !page.contains(own), "{page}");
        }
    }
    assert!(pages[0].contains(own) && !pages[0].contains("Source:"), "the front page is the patient's: {}", pages[0]);
}

#[test]
fn the_cover_says_which_pages_a_clinician_has_checked() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let mut checked = request(&["What are my options?"], "", PackOptions::default());
    checked.review_line = Content::load(&real_dir()).unwrap().review_summary();
    let text = folded(&tool("pdftotext", &[], &make_pack(&real_fonts(), &checked).unwrap().bytes));
    assert!(text.contains("has yet been checked by a clinician"), "{text}");
}

#[test]
fn question_never_splits_from_its_answer_lines() {
    for print_size in [PrintSize::Normal, PrintSize::Large] {
        for paper in [Paper::A4, Paper::Letter] {
            let pack = make_pack(&real_fonts(), &full_request(PackOptions { paper, print_size })).unwrap();
            for index in 0..60 {
                let pages: Vec<usize> =
                    pack.placed.iter().filter(|p| p.tag == Some(Tag::Question(index))).map(|p| p.page).collect();
                assert!(pages.len() > 1, "question {index} has its pieces");
                assert!(pages.iter().all(|&p| p == pages[0]), "question {index} split over pages {pages:?}");
            }
        }
    }
}

#[test]
fn no_heading_ends_a_page_and_the_last_page_is_not_nearly_empty() {
    for print_size in [PrintSize::Normal, PrintSize::Large] {
        for paper in [Paper::A4, Paper::Letter] {
            let pack = make_pack(&real_fonts(), &full_request(PackOptions { paper, print_size })).unwrap();
            let placed = &pack.placed;
            for (i, piece) in placed.iter().enumerate() {
                let is_heading = piece.text.as_ref().is_some_and(|(_, _, size, bold)| *bold && *size > 15.0);
                if let (true, Some(next)) = (is_heading, placed.get(i + 1)) {
                    assert_eq!(next.page, piece.page, "heading {:?} ends page {}", piece.text, piece.page);
                }
            }
            let last = pack.pages - 1;
            let used: f32 = placed.iter().filter(|p| p.page == last).map(|p| p.top - p.bottom).sum();
            let usable = pack.page_size.1 - 60.0 - 80.0;
            assert!(
                used / usable >= 0.2 || pack.pages == 1,
                "{paper:?} {print_size:?}: last page {:.0}% full",
                100.0 * used / usable
            );
        }
    }
}

#[test]
fn large_print_takes_more_pages() {
    let normal = make_pack(&real_fonts(), &full_request(PackOptions::default())).unwrap();
    let large =
        make_pack(&real_fonts(), &full_request(PackOptions { print_size: PrintSize::Large, ..Default::default() }))
            .unwrap();
    assert!(large.pages > normal.pages, "{} vs {}", large.pages, normal.pages);
}

#[test]
fn emoji_print_in_an_embedded_subset_of_the_emoji_font() {
    if !pdf_tools(&["pdftotext", "pdffonts"]) {
        return;
    }
    let mut request = request(&["Can I take my 💊 with food? 🙂"], "Felt ☺ today ❤️ ✅", PackOptions::default());
    request.questions[0].answer = "Yes 👩‍⚕️ said so 💊".into();
    request.checklist = vec![PackStep { text: "Ask 🙂".into(), note: "Done ✅".into(), ..Default::default() }];
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let text = folded(&tool("pdftotext", &[], &pack.bytes));
    for words in ["Can I take my 💊 with food? 🙂", "Felt ☺ today ❤ ✅", "Ask 🙂", "My note: Done ✅"] {
        assert!(text.contains(words), "missing {words:?} in {text}");
    }
    // The joiner and the selector are not drawn: the health worker prints as a woman and a staff.
    assert!(text.contains("Answer: Yes 👩⚕ said so 💊"), "{text}");
    assert!(!text.contains('\u{FE0F}') && !text.contains('\u{200D}'), "{text}");
    assert!(!text.contains('□'), "every one of these characters has a glyph: {text}");

    let fonts = tool("pdffonts", &[], &pack.bytes);
    let emoji = fonts.lines().find(|row| row.contains("+NotoEmoji-Regular")).unwrap_or_else(|| panic!("{fonts}"));
    let cols: Vec<&str> = emoji.split_whitespace().collect();
    assert_eq!(cols[cols.len() - 5..cols.len() - 2], ["yes", "yes", "yes"], "embedded and subset: {emoji}");
}

#[test]
fn characters_no_font_has_print_as_a_box_with_a_note() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let unprintable = request(&["Is this 你 ok?", "And \u{10FFFD} this?"], "Plain 🙂", PackOptions::default());
    let laid_out = lay_out_pack(&real_fonts(), &unprintable).unwrap();
    assert!(laid_out.preview().pages >= 1, "the preview is made too");
    let pack = make_pack(&real_fonts(), &unprintable).unwrap();
    let text = folded(&tool("pdftotext", &[], &pack.bytes));
    assert!(text.contains("Is this □ ok?") && text.contains("And □ this?"), "{text}");
    let note = "Some characters could not be printed, because no font in the app has them: each shows as □.";
    assert_eq!(text.matches(note).count(), 1, "the note, once: {text}");

    let mut left_out = unprintable.clone();
    left_out.parts.questions = false;
    let plain = make_pack(&real_fonts(), &left_out).unwrap();
    assert!(!folded(&tool("pdftotext", &[], &plain.bytes)).contains("could not be printed"), "no box, no note");
}

#[test]
fn long_words_wrap_within_the_line_at_slashes() {
    let fonts = real_fonts();
    let url = "https://www.example.org/a/very/long/address/that/goes/on/and/on/for/ever/and/ever/page.html";
    let lines = lines::wrap(&fonts, url, Face::Regular, 13.0, 200.0);
    assert!(lines.len() > 1);
    for line in &lines[..lines.len() - 1] {
        assert!(fonts.width(line, Face::Regular, 13.0) <= 200.0, "{line}");
        assert!(line.ends_with('/'), "breaks after a slash: {line}");
    }
    assert_eq!(lines.concat(), url);
}

/// `./dev.sh sample-packs` writes these to target/packs for looking at with pdftoppm.
#[test]
#[ignore]
fn write_sample_packs() {
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/packs");
    std::fs::create_dir_all(&out).unwrap();
    for (name, paper, print_size) in [
        ("a4-normal", Paper::A4, PrintSize::Normal),
        ("a4-large", Paper::A4, PrintSize::Large),
        ("letter-normal", Paper::Letter, PrintSize::Normal),
        ("letter-large", Paper::Letter, PrintSize::Large),
    ] {
        let mut request = summary_request(PackOptions { paper, print_size });
        request.round_the_clock = Some("Acute oncology line, 0800 000 000".into());
        let filled = request_with_content(&[]);
        (request.safety, request.links, request.review_line) = (filled.safety, filled.links, filled.review_line);
        // Emoji print in black and white; the health worker's joiner is not drawn.
        request.notes.push("Took my 💊 at 8 ✅ and felt 🙂. The nurse 👩‍⚕️ said ❤️ is fine.".into());
        // Patient text in other scripts: right to left (Arabic, Urdu), Greek, Cyrillic and Chinese.
        request.notes.push("سألت الطبيب عن نتيجة الفحص. میں نے نرس سے دوا کے بارے میں پوچھا۔".into());
        request.notes.push("Η αδελφή μου έρχεται μαζί. Моя дочь придёт со мной. 我女儿会陪我去。".into());
        request.questions[2].answer = "قال الطبيب: كل ثلاثة أشهر".into();
        // The appointment recorded twice, two questions marked: a paragraph under each, and a line
        // for each recording on the summary page.
        request.questions[2].recorded = Some("Answer recorded at 12:34 in recording 1".into());
        request.questions[4].recorded =
            Some("Answer recorded at 1:02:03 in recording 1 and 3:05 in recording 2".into());
        if let Some(summary) = &mut request.summary {
            summary.recordings = vec![
                "Recording 1: Thursday 3 December 2026, 1 hour 5 minutes".into(),
                "Recording 2: Thursday 3 December 2026, 4 minutes".into(),
            ];
        }
        let pack = make_pack(&real_fonts(), &request).unwrap();
        std::fs::write(out.join(format!("{name}.pdf")), &pack.bytes).unwrap();
        println!("{name}: {} pages, {} bytes", pack.pages, pack.bytes.len());
    }
}

#[test]
fn preview_subsets_no_font_and_a_second_save_reuses_the_subsets() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let fonts = real_fonts();
    let mut request = full_request(PackOptions::default());
    let laid_out = lay_out_pack(&fonts, &request).unwrap();
    assert!(laid_out.preview().pages > 1);
    assert_eq!(fonts.subsets_made(), 0, "a preview writes no PDF, so it subsets nothing");

    let first = laid_out.save(&fonts).unwrap();
    let made = fonts.subsets_made();
    assert!(made >= 2, "the regular and bold faces are subset: {made}");
    make_pack(&fonts, &request).unwrap();
    request.patient_name = "Zoë Ångström-Żak".into();
    let renamed = make_pack(&fonts, &request).unwrap();
    assert_eq!(fonts.subsets_made(), made, "usual accents are in every subset already");
    assert!(folded(&tool("pdftotext", &[], &renamed.bytes)).contains("Zoë Ångström-Żak"));

    request.patient_name = "Zoë ✓ ☂".into();
    let symbols = make_pack(&fonts, &request).unwrap();
    assert_eq!(fonts.subsets_made(), made + 1, "only the fallback face grows");
    assert!(folded(&tool("pdftotext", &[], &symbols.bytes)).contains("Zoë ✓ ☂"));
    assert!(symbols.bytes.len() < first.bytes.len() + 40_000, "the fallback font is subset too");
}

#[test]
fn embedded_fonts_are_small_subsets() {
    let pack = make_pack(&real_fonts(), &request(&["Is it “ok”? ✓"], "", PackOptions::default())).unwrap();
    let whole: usize = ["AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf", "DejaVuSans.ttf"]
        .iter()
        .map(|f| std::fs::metadata(real_dir().join("../fonts").join(f)).unwrap().len() as usize)
        .sum();
    assert!(pack.bytes.len() * 4 < whole, "{} bytes against {whole} for the whole fonts", pack.bytes.len());
}

/// A busy period: 12 kinds of side effect over 8 weeks, two treatment changes, a scan, the next
/// one booked, and a top 3.
fn summary_request(options: PackOptions) -> PackRequest {
    let mut request = full_request(options);
    let first_day = crate::dates::day_number("2026-10-02").unwrap();
    let bothers = [Bother::ALittle, Bother::QuiteABit, Bother::ALot];
    let rows: Vec<ChartRow> = (0..12)
        .map(|kind| ChartRow {
            what: if kind == 3 {
                "Tingling in my fingers and toes, worse at night".into()
            } else {
                format!("Kind {kind}")
            },
            marks: (0..7).map(|week| (first_day + week * 7 + kind, bothers[((kind + week) % 3) as usize])).collect(),
        })
        .collect();
    let side_effects = rows
        .iter()
        .enumerate()
        .map(|(kind, row)| {
            let last = crate::dates::date_of_day(row.marks.last().unwrap().0);
            [row.what.clone(), "7".into(), "A lot".into(), format!("{} October 2026", 2 + kind), date_in_words(&last)]
        })
        .collect();
    request.summary = Some(PackSummary {
        period: "Since my last appointment on 2 October 2026 (2 October 2026 to 27 November 2026)".into(),
        side_effects,
        treatments: vec![
            ["Stopped Crizotinib".into(), "20 October 2026".into(), "Side effects: my eyes, in my words".into()],
            ["Started Lorlatinib".into(), "22 October 2026".into(), String::new()],
        ],
        checkups: vec![["5 November 2026".into(), "CT scan".into(), "Results at this appointment".into()]],
        next_checkup: Some("Head scan on 4 February 2027".into()),
        chart: Chart {
            first_day,
            last_day: first_day + 56,
            rows,
            summary: "84 entries for 12 side effects between 2 October and 27 November 2026.".into(),
        },
        recordings: Vec::new(),
    });
    request
}

fn page_text(pack: &Pack, page: usize) -> String {
    let page = page.to_string();
    folded(&tool("pdftotext", &["-layout", "-f", &page, "-l", &page], &pack.bytes))
}

#[test]
fn summary_is_one_page_after_the_cover_in_reading_order() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    for paper in [Paper::A4, Paper::Letter] {
        let pack = make_pack(&real_fonts(), &summary_request(PackOptions { paper, ..Default::default() })).unwrap();
        let starts = |title: &str| pack.parts.iter().find(|(t, _)| t == title).map(|&(_, page)| page);
        assert_eq!(starts("Since my last appointment"), Some(2), "{paper:?}: {:?}", pack.parts);
        assert_eq!(starts("My questions"), Some(3), "{paper:?}: the summary fits one page: {:?}", pack.parts);
        let text = page_text(&pack, 2);
        let order = [
            "Since my last appointment",
            "Since my last appointment on 2 October 2026",
            "Side effects and feelings",
            "Kind 0 7 A lot 2 October 2026",
            "Kind 11",
            "One mark for each day written down",
            "Treatment",
            "Stopped Crizotinib 20 October 2026 Side effects: my eyes, in my words",
            "Started Lorlatinib",
            "Scans and check-ups",
            "5 November 2026 CT scan Results at this appointment",
            "Next one booked: Head scan on 4 February 2027.",
            "My top 3 questions",
            "1. ",
            "3. ",
        ];
        let mut from = 0;
        for part in order {
            let at = text[from..].find(part).unwrap_or_else(|| panic!("{paper:?}: {part:?} after {from} in {text}"));
            from += at + part.len();
        }
        for question in summary_request(PackOptions::default()).questions.iter().filter(|q| q.top3) {
            assert!(text.contains(&folded(&question.text)), "{paper:?}: top 3 {:?} in {text}", question.text);
        }
    }
}

#[test]
fn summary_at_large_print_never_splits_a_table_row() {
    for paper in [Paper::A4, Paper::Letter] {
        let options = PackOptions { paper, print_size: PrintSize::Large };
        let pack = make_pack(&real_fonts(), &summary_request(options)).unwrap();
        let starts = |title: &str| pack.parts.iter().find(|(t, _)| t == title).map(|&(_, page)| page).unwrap();
        let pages = starts("My questions") - starts("Since my last appointment");
        assert!((1..=2).contains(&pages), "{paper:?}: large print takes one or two pages, not {pages}");
        let rows: std::collections::BTreeSet<usize> = pack
            .placed
            .iter()
            .filter_map(|p| match p.tag {
                Some(Tag::Row(n)) => Some(n),
                _ => None,
            })
            .collect();
        assert!(rows.len() >= 15, "{paper:?}: the 12 + 2 + 1 summary rows are tagged: {}", rows.len());
        for row in rows {
            let on: std::collections::BTreeSet<usize> =
                pack.placed.iter().filter(|p| p.tag == Some(Tag::Row(row))).map(|p| p.page).collect();
            assert_eq!(on.len(), 1, "{paper:?}: row {row} is split over pages {on:?}");
        }
    }
}

#[test]
fn summary_chart_is_drawn_as_vector_marks_not_an_image() {
    if !pdf_tools(&["pdfimages", "qpdf"]) {
        return;
    }
    let request = summary_request(PackOptions::default());
    let marks: usize = request.summary.as_ref().unwrap().chart.rows.iter().map(|r| r.marks.len()).sum();
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let images = tool("pdfimages", &["-list"], &pack.bytes);
    assert_eq!(images.lines().count(), 2, "no images, only the header lines: {images}");
    // Uncompressed, each mark is a closed path filled and stroked: the `b` operator on a line of its own.
    let filled = count_fill_strokes(&pack.bytes);
    assert_eq!(filled, marks + 3, "one path per mark, and three in the key");

    let mut without = request.clone();
    without.parts.summary = false;
    assert_eq!(count_fill_strokes(&make_pack(&real_fonts(), &without).unwrap().bytes), 0);
}

/// Closed fill-and-stroke paths (`b`) in the PDF's content, read from an uncompressed copy made by qpdf.
fn count_fill_strokes(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("in.pdf"), dir.path().join("out.pdf"));
    std::fs::write(&from, pdf).unwrap();
    let output = run("qpdf", Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&from).arg(&to));
    let status = output.status;
    assert!(status.success() || status.code() == Some(3), "qpdf: {status}");
    let bytes = std::fs::read(&to).unwrap();
    String::from_utf8_lossy(&bytes).lines().filter(|line| line.trim() == "b").count()
}

/// The structure tree, read back: each element's role, its description or stand-in text, and
/// the text of what it holds, depth first (the order a screen reader reads).
struct Tagged {
    elements: Vec<(String, Option<String>)>,
    /// Each page's marked-content ids, as the page's content marks them and as the tree holds them.
    marked: Vec<(Vec<i64>, Vec<i64>)>,
    /// Text drawn outside any marked-content sequence, by page.
    untagged: Vec<usize>,
}

/// A PDF text string: UTF-16 after its byte-order mark, or plain bytes.
fn pdf_text(object: &lopdf::Object) -> String {
    match object {
        lopdf::Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
            String::from_utf16(&bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>())
                .unwrap()
        }
        lopdf::Object::String(bytes, _) => String::from_utf8(bytes.clone()).unwrap(),
        other => panic!("not a text string: {other:?}"),
    }
}

fn read_tags(pdf: &[u8]) -> Tagged {
    use lopdf::{Document, Object};
    let doc = Document::load_mem(pdf).unwrap();
    let text = pdf_text;
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let mut tagged =
        Tagged { elements: Vec::new(), marked: vec![(Vec::new(), Vec::new()); pages.len()], untagged: Vec::new() };
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap().as_reference().unwrap();
    let mut stack: Vec<lopdf::ObjectId> = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"K")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|k| k.as_reference().unwrap())
        .collect();
    while let Some(id) = stack.pop() {
        let element = doc.get_dictionary(id).unwrap();
        let role = String::from_utf8(element.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
        let said = element.get(b"Alt").or_else(|_| element.get(b"ActualText")).ok().map(text);
        tagged.elements.push((role, said));
        for kid in element.get(b"K").unwrap().as_array().unwrap().iter().rev() {
            match kid {
                Object::Reference(child) => stack.push(*child),
                Object::Dictionary(mcr) => {
                    let page =
                        pages.iter().position(|&p| p == mcr.get(b"Pg").unwrap().as_reference().unwrap()).unwrap();
                    tagged.marked[page].1.push(mcr.get(b"MCID").unwrap().as_i64().unwrap());
                }
                Object::Integer(mcid) => {
                    let own = element.get(b"Pg").unwrap().as_reference().unwrap();
                    tagged.marked[pages.iter().position(|&p| p == own).unwrap()].1.push(*mcid);
                }
                other => panic!("unexpected kid {other:?}"),
            }
        }
    }
    for (index, &page) in pages.iter().enumerate() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let mut open: Vec<bool> = Vec::new();
        let mut untagged = 0;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid =
                        op.operands[1].as_dict().ok().and_then(|d| d.get(b"MCID").ok()).and_then(|m| m.as_i64().ok());
                    if let Some(mcid) = mcid {
                        tagged.marked[index].0.push(mcid);
                    }
                    open.push(mcid.is_some() || op.operands[0].as_name().unwrap() == b"Artifact");
                }
                "BMC" => open.push(op.operands[0].as_name().unwrap() == b"Artifact"),
                "EMC" => assert!(open.pop().is_some(), "an EMC closes nothing on page {}", index + 1),
                "Tj" | "TJ" | "re" | "l" | "f" | "S" | "B" if !open.iter().any(|&marked| marked) => untagged += 1,
                _ => {}
            }
        }
        assert!(open.is_empty(), "page {} leaves a marked-content sequence open", index + 1);
        tagged.untagged.push(untagged);
    }
    tagged
}

#[test]
fn every_mark_on_every_page_is_tagged_once_or_an_artifact() {
    for options in [PackOptions::default(), PackOptions { paper: Paper::Letter, print_size: PrintSize::Large }] {
        let pack = make_pack(&real_fonts(), &summary_request(options)).unwrap();
        let tagged = read_tags(&pack.bytes);
        assert!(tagged.untagged.iter().all(|&n| n == 0), "drawn outside any tag, by page: {:?}", tagged.untagged);
        for (page, (drawn, held)) in tagged.marked.iter().enumerate() {
            let mut held = held.clone();
            held.sort_unstable();
            assert_eq!(drawn, &held, "page {}: each marked piece is held by one element", page + 1);
        }
    }
}

#[test]
fn the_structure_reads_title_parts_questions_lists_tables_and_the_chart_in_order() {
    let request = summary_request(PackOptions::default());
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let elements = read_tags(&pack.bytes).elements;
    let roles: Vec<&str> = elements.iter().map(|(role, _)| role.as_str()).collect();
    let headings: Vec<&str> = roles.iter().copied().filter(|r| r.starts_with('H')).collect();
    assert_eq!(roles[0], "Document");
    assert_eq!(headings[0], "H1", "the title first");
    assert_eq!(headings.iter().filter(|&&h| h == "H1").count(), 1);
    assert_eq!(headings.iter().filter(|&&h| h == "H4").count(), request.questions.len(), "a heading per question");
    // No level is skipped on the way down.
    for pair in headings.windows(2) {
        let (a, b) = (pair[0][1..].parse::<u8>().unwrap(), pair[1][1..].parse::<u8>().unwrap());
        assert!(b <= a + 1, "{} then {}", pair[0], pair[1]);
    }
    // The checklist: one list, an item per step, each label saying whether it is done.
    assert_eq!(roles.iter().filter(|&&r| r == "L").count(), 1);
    let labels: Vec<&str> =
        elements.iter().filter(|(role, _)| role == "Lbl").map(|(_, said)| said.as_deref().unwrap()).collect();
    assert_eq!(labels.len(), request.checklist.len());
    assert_eq!(labels.iter().filter(|&&l| l == "Done: ").count(), 4);
    assert_eq!(labels.iter().filter(|&&l| l == "Not done: ").count(), request.checklist.len() - 4);
    // Tables: the summary's three, the diary and the treatments, each with a header row.
    assert_eq!(roles.iter().filter(|&&r| r == "Table").count(), 5);
    let summary = request.summary.as_ref().unwrap();
    let header_cells = roles.iter().filter(|&&r| r == "TH").count();
    assert_eq!(header_cells, 5 + 3 + 3 + 4 + 4);
    let data_cells = roles.iter().filter(|&&r| r == "TD").count();
    assert_eq!(data_cells, summary.side_effects.len() * 5 + 2 * 3 + 3 + 4 + 4);
    // The chart, described in the words the app's chart says.
    let figures: Vec<&Option<String>> =
        elements.iter().filter(|(role, _)| role == "Figure").map(|(_, said)| said).collect();
    assert_eq!(figures, [&Some(summary.chart.summary.clone())]);
}

#[test]
fn without_a_front_page_the_first_part_is_the_top_heading() {
    let mut request = full_request(PackOptions::default());
    request.parts.cover = false;
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let headings: Vec<String> =
        read_tags(&pack.bytes).elements.into_iter().map(|(role, _)| role).filter(|r| r.starts_with('H')).collect();
    assert_eq!(headings[..3], ["H1", "H2", "H3"], "My questions, My top 3 questions, the first question");
}

#[test]
fn the_catalog_names_the_language_the_title_and_pdf_ua() {
    if !pdf_tools(&["pdfinfo"]) {
        return;
    }
    let pack = make_pack(&real_fonts(), &full_request(PackOptions::default())).unwrap();
    let doc = lopdf::Document::load_mem(&pack.bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    let marked = catalog.get(b"MarkInfo").unwrap().as_dict().unwrap().get(b"Marked").unwrap();
    assert!(marked.as_bool().unwrap());
    let preferences = catalog.get(b"ViewerPreferences").unwrap().as_dict().unwrap();
    assert!(preferences.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let metadata = doc.get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap()).unwrap();
    let xmp = String::from_utf8(metadata.as_stream().unwrap().content.clone()).unwrap();
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(xmp.contains(">My appointment pack</rdf:li>"), "{xmp}");
    let info = tool("pdfinfo", &[], &pack.bytes);
    let field = |name: &str| info.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or_default();
    assert_eq!(field("Title:"), "My appointment pack", "{info}");
    assert_eq!(field("Tagged:"), "yes", "{info}");
    assert_eq!(field("PDF version:"), "1.7", "{info}");
}

#[test]
fn right_to_left_lines_carry_the_words_in_the_order_typed() {
    let typed = "سألت الطبيب عن الفحص";
    let mut request = request(&["What are my options?"], typed, PackOptions::default());
    request.questions[0].answer = "كل ثلاثة أشهر".into();
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let doc = lopdf::Document::load_mem(&pack.bytes).unwrap();
    let mut said = Vec::new();
    for page in doc.get_pages().into_values() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        for op in content.operations.iter().filter(|op| op.operator == "BDC") {
            let Ok(properties) = op.operands[1].as_dict() else { continue };
            if let Ok(actual) = properties.get(b"ActualText") {
                said.push(pdf_text(actual));
            }
        }
    }
    assert_eq!(said, ["Answer: كل ثلاثة أشهر", typed], "each right-to-left line, in the order typed");
    // Written into the page in the order typed (bidi.rs tests where each letter is placed); poppler's
    // pdftotext goes by position alone and gives such a line in display order, whichever way it is written.
}

/// The bookmarks' titles, in the order a reader lists them.
fn bookmarks(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let outlines = doc.catalog().unwrap().get(b"Outlines").unwrap().as_reference().unwrap();
    let mut item = doc.get_dictionary(outlines).unwrap().get(b"First").and_then(lopdf::Object::as_reference).ok();
    let mut titles = Vec::new();
    while let Some(id) = item {
        let dict = doc.get_dictionary(id).unwrap();
        titles.push(pdf_text(dict.get(b"Title").unwrap()));
        item = dict.get(b"Next").and_then(lopdf::Object::as_reference).ok();
    }
    titles
}

#[test]
fn bookmarks_follow_the_parts_in_order_even_when_two_start_on_one_page() {
    let request = full_request(PackOptions::default());
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let (diary, treatments) = (
        pack.parts.iter().find(|(title, _)| title.starts_with("Side effects")).unwrap(),
        pack.parts.iter().find(|(title, _)| title == "My treatment history").unwrap(),
    );
    assert_eq!(diary.1, treatments.1, "the two short parts share a page, as this test needs");
    let parts: Vec<String> = pack.parts.iter().map(|(title, _)| title.clone()).collect();
    assert_eq!(bookmarks(&pack.bytes), parts);
}

/// A recording for `recorded_store`: when it started, its length, and its marks as the question's
/// place in the list and the time.
type Recorded<'a> = (&'a str, i64, &'a [(usize, i64)]);

/// A store with an appointment, three questions on its list, and these recordings of it.
fn recorded_store(recordings: &[Recorded]) -> (crate::store::Store, PackSettings) {
    let mut store = crate::store::Store::open_in_memory().unwrap();
    let input = crate::model::AppointmentInput {
        starts_at: "2026-12-03T14:30".into(),
        with_whom: "Dr Nowak".into(),
        place: String::new(),
        purpose: String::new(),
    };
    let appointment = store.add_appointment(&input).unwrap().id;
    let questions: Vec<i64> = ["Is my treatment still working?", "How often will I have scans?", "Can I travel?"]
        .iter()
        .map(|text| store.add_own_question(Some(appointment), text).unwrap().id)
        .collect();
    for (n, (started_at, length, marks)) in recordings.iter().enumerate() {
        let file = format!("recording{n}.mp3");
        store.add_recording(appointment, &file, started_at).unwrap();
        for &(question, at) in *marks {
            store.mark_answer(&file, questions[question], at).unwrap();
        }
        store.finish_recording(&file, *length, false).unwrap();
    }
    let parts = PackParts { summary: true, questions: true, ..PackParts::default() };
    (store, PackSettings { parts, appointment_id: Some(appointment), ..PackSettings::default() })
}

#[test]
fn a_marked_question_says_where_it_was_answered_and_the_summary_names_each_recording() {
    let content = Content::load(&real_dir()).unwrap();
    let (store, settings) = recorded_store(&[("2026-12-03T14:32", 2_520_000, &[(1, 754_000)])]);
    let request = gather(&content, &store, &settings, "2026-12-03T17:00", NOVEMBER_27_2026).unwrap();
    let recorded: Vec<Option<&str>> = request.questions.iter().map(|q| q.recorded.as_deref()).collect();
    assert_eq!(recorded, [None, Some("Answer recorded at 12:34"), None]);
    let summary = request.summary.as_ref().unwrap();
    assert_eq!(summary.recordings, ["Recording: Thursday 3 December 2026, 42 minutes"]);

    // Two recordings, and one still going (no length yet), which says nothing.
    let (store, settings) = recorded_store(&[
        ("2026-12-03T14:32", 3_900_000, &[(0, 754_000), (1, 3_723_000)]),
        ("2026-12-03T15:40", 185_000, &[(1, 185_000)]),
        ("2026-12-03T16:00", 0, &[(2, 1_000)]),
    ]);
    let request = gather(&content, &store, &settings, "2026-12-03T17:00", NOVEMBER_27_2026).unwrap();
    let recorded: Vec<Option<&str>> = request.questions.iter().map(|q| q.recorded.as_deref()).collect();
    assert_eq!(
        recorded,
        [
            Some("Answer recorded at 12:34 in recording 1"),
            Some("Answer recorded at 1:02:03 in recording 1 and 3:05 in recording 2"),
            None
        ]
    );
    assert_eq!(
        request.summary.as_ref().unwrap().recordings,
        ["Recording 1: Thursday 3 December 2026, 1 hour 5 minutes", "Recording 2: Thursday 3 December 2026, 3 minutes"]
    );
    // The list not booked yet has no recordings.
    let unbooked = PackSettings { appointment_id: None, ..settings };
    let request = gather(&content, &store, &unbooked, "2026-12-03T17:00", NOVEMBER_27_2026).unwrap();
    assert!(request.summary.unwrap().recordings.is_empty());
}

#[test]
fn the_recorded_lines_print_under_their_question_and_on_the_summary_each_a_paragraph() {
    if !pdf_tools(&["pdftotext"]) {
        return;
    }
    let content = Content::load(&real_dir()).unwrap();
    let (store, settings) = recorded_store(&[("2026-12-03T14:32", 2_520_000, &[(1, 754_000)])]);
    let request = gather(&content, &store, &settings, "2026-12-03T17:00", NOVEMBER_27_2026).unwrap();
    let pack = make_pack(&real_fonts(), &request).unwrap();
    let pages = page_texts(&pack.bytes);
    let summary = pages.iter().find(|p| p.contains("Since my last appointment")).unwrap();
    assert!(summary.contains("Recording: Thursday 3 December 2026, 42 minutes"), "{summary}");
    let text = pages.concat();
    let (asked, line, next) = (
        text.find("How often will I have scans?").unwrap(),
        text.find("Answer recorded at 12:34").unwrap(),
        text.rfind("Can I travel?").unwrap(),
    );
    assert!(asked < line && line < next, "under its question, before the next");
    assert_eq!(text.matches("Answer recorded at").count(), 1);

    // Each new line is a paragraph of its own: two more P elements than without them, and every
    // piece drawn is still tagged once.
    let mut without = request.clone();
    without.questions[1].recorded = None;
    without.summary.as_mut().unwrap().recordings.clear();
    let paragraphs = |pdf: &[u8]| read_tags(pdf).elements.iter().filter(|(role, _)| role == "P").count();
    let plain = make_pack(&real_fonts(), &without).unwrap();
    assert_eq!(paragraphs(&pack.bytes), paragraphs(&plain.bytes) + 2);
    let tagged = read_tags(&pack.bytes);
    assert!(tagged.untagged.iter().all(|&n| n == 0), "{:?}", tagged.untagged);
    for (drawn, held) in &tagged.marked {
        let mut held = held.clone();
        held.sort_unstable();
        assert_eq!(drawn, &held);
    }

    // The web page says the same, the line in the question's item.
    let page = web_page(&request);
    let item = &page[page.find("How often will I have scans?").unwrap()..];
    let item = &item[..item.find("</li>").unwrap()];
    assert!(item.ends_with("<p class=\"recorded\">Answer recorded at 12:34</p>"), "{item}");
    assert!(page.contains("<p>Recording: Thursday 3 December 2026, 42 minutes</p>"));
}
