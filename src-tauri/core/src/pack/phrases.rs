//! The pack's own words, said once for the PDF and the web page: part headings, table headers,
//! what an empty part says, and the sentences of the front page and the footers.

use super::PackAppointment;
use crate::dates::unix_date_in_words;

/// The pack's title: the front page's heading, the PDF's title and the web page's.
pub(super) const TITLE: &str = "My appointment pack";
/// A checklist step's state, read before it (the PDF's tick box, the web page's).
pub(super) fn step_state(done: bool) -> &'static str {
    if done {
        "Done"
    } else {
        "Not done"
    }
}

pub(super) const FOR_THE_TEAM: &str = "For my oncology team: these are the questions I would like to cover today.";
pub(super) const HOW_TO_USE: &str = "How to use this pack";
/// Numbered where they are printed.
pub(super) const HOW_TO_USE_STEPS: [&str; 3] = [
    "Give this pack to your doctor or nurse at the start.",
    "Your top 3 questions come first. Ask those if time is short.",
    "Write the answers on the lines, or ask someone with you to write them.",
];
/// Before the patient's own 24-hour line, when the content has no words on getting help.
pub(super) const MY_LINE: &str = "My 24-hour line";
/// Before each web page the content names.
pub(super) const ON_THE_WEB: &str = "On the web";

/// The label of when the appointment is: the one detail that is never the patient's own words.
pub(super) const WHEN: &str = "When";

/// The appointment's details as label and value; the ones left empty are left out.
pub(super) fn appointment_details(a: &PackAppointment) -> Vec<(&'static str, &str)> {
    [(WHEN, &a.when), ("With", &a.with_whom), ("Where", &a.place), ("What for", &a.purpose)]
        .into_iter()
        .filter(|(label, value)| *label == WHEN || !value.trim().is_empty())
        .map(|(label, value)| (label, value.as_str()))
        .collect()
}

/// "Answer: …", "Why: …": a label and the words it introduces, on one line.
pub(super) fn labelled(label: &str, text: &str) -> String {
    format!("{label}: {text}")
}

/// The footer of a page holding the app's information: the checklist.
pub(super) fn information(source_label: &str) -> String {
    format!("Information, not medical advice. Source: {source_label}.")
}

/// The footer of every other page: the patient's own.
pub(super) const OWN_RECORD: &str = "My own questions, notes and record, made with ALK Companion.";

/// "Content 2026.11.1. Printed 27 November 2026."
pub(super) fn printed(content_version: &str, created_unix: i64) -> String {
    format!("Content {content_version}. Printed {}.", unix_date_in_words(created_unix))
}

pub(super) const NO_PARTS: &str = "This pack has no parts chosen.";

pub(super) const QUESTIONS: &str = "My questions";
pub(super) const NO_QUESTIONS: &str = "I have not chosen any questions yet.";
pub(super) const TOP_THREE: &str = "My top 3 questions";
pub(super) const ANSWER: &str = "Answer";

/// Under a question answered while the appointment was recorded: "Answer recorded at 12:34", or
/// with which recording when there were several: "… at 12:34 in recording 1 and 3:05 in recording 2".
pub(super) fn answer_recorded(times: &[String]) -> String {
    let listed = match times.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => times.join(""),
    };
    format!("Answer recorded at {listed}")
}

/// A recording of the appointment, on the summary page: "Recording: Thursday 3 December 2026, 42
/// minutes", numbered when there are several.
pub(super) fn recording_line(number: Option<usize>, day: &str, length: &str) -> String {
    let name = number.map_or_else(|| "Recording".to_string(), |n| format!("Recording {n}"));
    labelled(&name, &format!("{day}, {length}"))
}

pub(super) const CHECKLIST: &str = "Second-opinion checklist";
pub(super) const WHY: &str = "Why";
pub(super) const MY_NOTE: &str = "My note";

pub(super) fn steps_done(done: usize, steps: usize) -> String {
    format!("{done} of {steps} steps done.")
}

pub(super) const NOTES: &str = "My notes";

/// A part's table: its heading, its columns' headers, and what it says with no rows.
pub(super) struct TableWords<const N: usize> {
    pub heading: &'static str,
    pub header: [&'static str; N],
    pub empty: &'static str,
}

pub(super) const DIARY: TableWords<4> = TableWords {
    heading: "Side effects since my last appointment",
    header: ["Date", "What", "How much it bothers me", "Note"],
    empty: "No side effects written down since then.",
};

pub(super) const TREATMENTS: TableWords<4> = TableWords {
    heading: "My treatment history",
    header: ["Treatment", "Started", "Stopped", "Why it stopped"],
    empty: "No treatments written down.",
};

pub(super) const SUMMARY: &str = "Since my last appointment";

/// The summary's first sentence: its period, and whose words these are.
pub(super) fn summary_period(period: &str) -> String {
    format!("{period}. Everything here is from my own record, as I wrote it down.")
}

pub(super) const SUMMARY_SIDE_EFFECTS: TableWords<5> = TableWords {
    heading: "Side effects and feelings",
    header: ["What", "Days", "Most it bothered me", "First day", "Last day"],
    empty: "None written down in this period.",
};

pub(super) const SUMMARY_TREATMENTS: TableWords<3> = TableWords {
    heading: "Treatment",
    header: ["What happened", "When", "Why, in my words"],
    empty: "No treatment started or stopped in this period.",
};

pub(super) const SUMMARY_CHECKUPS: TableWords<3> =
    TableWords { heading: "Scans and check-ups", header: ["When", "What", "My note"], empty: "None in this period." };

pub(super) fn next_booked(next: Option<&str>) -> String {
    format!("Next one booked: {}.", next.unwrap_or("none written down"))
}

pub(super) const NO_TOP_THREE: &str = "I have not chosen a top 3.";
