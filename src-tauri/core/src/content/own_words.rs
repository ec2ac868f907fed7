//! The content must be written in our own words: no run of 8 or more words may be shared with
//! the source page, outside names and titles (drugs, trials, papers, organisations, people).
//! Words are compared folded (case, accents, plurals), so a copy cannot hide behind a capital.

use super::tests::real_dir;
use super::Content;
use crate::words::words;

/// A run this long, shared with the source, is copying.
const COPIED_RUN: usize = 8;

const SOURCE: &str = include_str!("testdata/alk-treatment.txt");

/// Names and titles both texts may share word for word. Drug names and paper titles come from
/// the content itself (record.toml and references.toml).
const NAMES: [&str; 12] = [
    "ALK Positive UK",
    "ALK Treatment",
    "Good Practice from the Patients’ Perspective",
    "Good Practice from the Patients' Perspective",
    "Macmillan Cancer Support",
    "National Institute for Health and Care Excellence",
    "Electronic Medicines Compendium",
    "Delyth McEntee",
    "Debra Montague",
    "Sharon Woolley",
    "NHS",
    "NICE",
];

/// A word that never matches, put where a name was and between separate texts.
const BREAK: &str = "\u{0}";

struct Run {
    length: usize,
    words: String,
    place: String,
}

fn names(content: &Content) -> Vec<String> {
    let mut names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    names.extend(content.record.drugs.iter().map(|d| d.name.clone()));
    names.extend(content.references.iter().map(|r| r.title.clone()));
    // Longest first, so a title is taken whole before a name inside it.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// The folded words of `text`, with a break wherever a name or title stood.
fn folded_words(text: &str, names: &[String]) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut rest = lower.as_str();
    loop {
        let next = names.iter().filter_map(|n| rest.find(&n.to_lowercase()).map(|at| (at, n.len()))).min();
        match next {
            Some((at, len)) => {
                out.extend(words(&rest[..at]));
                out.push(BREAK.to_string());
                rest = &rest[(at + len).min(rest.len())..];
            }
            None => {
                out.extend(words(rest));
                return out;
            }
        }
    }
}

/// Every text a patient reads, each with where it comes from.
fn readable_texts(content: &Content) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for s in &content.sections {
        texts.push((format!("{} title", s.file), s.title.clone()));
        texts.push((format!("{} summary", s.file), s.summary.clone()));
        for (i, block) in s.blocks.iter().enumerate() {
            texts.push((format!("{} block {}", s.file, i + 1), block.plain_text()));
        }
    }
    texts.extend(content.topics.iter().map(|t| (format!("questions.toml topic {}", t.id), t.title.clone())));
    texts.extend(content.questions.iter().map(|q| (format!("questions.toml {}", q.id), q.text.clone())));
    for t in &content.glossary {
        texts.push((format!("glossary.toml {}", t.id), format!("{}. {}", t.term, t.definition)));
    }
    for s in &content.checklist {
        texts.push((format!("checklist.toml {}", s.id), format!("{} {}", s.text, s.why)));
    }
    let record = &content.record;
    texts.extend(record.drugs.iter().map(|c| (format!("record.toml {}", c.id), c.name.clone())));
    texts.extend(record.side_effects.iter().map(|c| (format!("record.toml {}", c.id), c.name.clone())));
    texts.extend(record.rhythm.iter().map(|r| (format!("record.toml {}", r.id), r.text.clone())));
    texts.push(("content.toml about".into(), content.meta.about.text.clone()));
    texts.push(("content.toml producer".into(), content.meta.producer.feedback.clone()));
    let scopes = &content.meta.scopes;
    for (name, text) in [("advanced", &scopes.advanced), ("early", &scopes.early), ("everyone", &scopes.everyone)] {
        texts.push((format!("content.toml scopes {name}"), text.clone()));
    }
    texts.push(("content.toml currency".into(), content.meta.currency.note.clone()));
    let safety = &content.safety;
    for text in
        [&safety.heading, &safety.team, &safety.team_with_line, &safety.emergency, &safety.unsure, &safety.marked]
    {
        texts.push(("safety.toml".into(), text.clone()));
    }
    texts
}

/// The longest run of words `text` shares with `source`, by the classic table of common endings.
fn longest_shared(text: &[String], source: &[String]) -> (usize, usize) {
    let mut best = (0, 0);
    let mut previous = vec![0usize; source.len() + 1];
    for (i, word) in text.iter().enumerate() {
        let mut row = vec![0usize; source.len() + 1];
        for (j, other) in source.iter().enumerate() {
            if word == other && word != BREAK {
                row[j + 1] = previous[j] + 1;
                if row[j + 1] > best.0 {
                    best = (row[j + 1], i + 1 - row[j + 1]);
                }
            }
        }
        previous = row;
    }
    best
}

fn shared_runs(content: &Content) -> Vec<Run> {
    let names = names(content);
    let source = folded_words(SOURCE, &names);
    readable_texts(content)
        .into_iter()
        .map(|(place, text)| {
            let words = folded_words(&text, &names);
            let (length, start) = longest_shared(&words, &source);
            Run { length, words: words[start..start + length].join(" "), place }
        })
        .collect()
}

#[test]
fn no_run_of_eight_words_is_copied_from_the_source() {
    let content = Content::load(&real_dir()).unwrap();
    let copied: Vec<String> = shared_runs(&content)
        .into_iter()
        .filter(|r| r.length >= COPIED_RUN)
        .map(|r| format!("{} ({} words): {}", r.place, r.length, r.words))
        .collect();
    assert!(copied.is_empty(), "write these afresh, in your own words:\n{}", copied.join("\n"));
}

#[test]
fn a_copied_sentence_is_caught_and_a_name_is_not() {
    let content = Content::load(&real_dir()).unwrap();
    let names = names(&content);
    let source = folded_words(SOURCE, &names);
    let copied = folded_words(
        "Your healthcare team will be happy to explain things, and sometimes there may be no need.",
        &names,
    );
    assert!(longest_shared(&copied, &source).0 >= COPIED_RUN);
    let title = folded_words("Good Practice from the Patients’ Perspective", &names);
    assert_eq!(longest_shared(&title, &source).0, 0);
}

/// The figures for a closing note: `cargo test -p alk-core own_words_figures -- --ignored --nocapture`.
#[test]
#[ignore]
fn own_words_figures() {
    let content = Content::load(&real_dir()).unwrap();
    let mut runs = shared_runs(&content);
    runs.sort_by_key(|r| std::cmp::Reverse(r.length));
    for r in runs.iter().take(12) {
        println!("{:>2} words  {:<48} {}", r.length, r.place, r.words);
    }
}
