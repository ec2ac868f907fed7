//! "Since my last appointment": the patient's own record for one period, brought together for the
//! pack's summary page and chart. It counts and lists; it never scores, judges or advises.

use super::gather::{treatment_name, why_stopped};
use crate::content::Content;
use crate::dates::{date_in_words, date_of_day, day_number, short_date_of_day};
use crate::diary_summary::{diary_rows, said};
use crate::model::Bother;
use crate::store::Store;
use crate::Result;

/// When there is no past appointment, the summary looks back this many days (8 weeks).
pub const DAYS_WITHOUT_APPOINTMENT: i64 = 56;

/// The summary, in words, with the chart's marks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PackSummary {
    /// Said at the top: "Since my last appointment on 3 March 2030 (3 March to 28 March 2030)".
    pub period: String,
    /// One row per kind: what, days written down, the most it bothered, first date, last date.
    pub side_effects: Vec<[String; 5]>,
    /// Starts and stops in the period: what happened, when, and the reason in the patient's words.
    pub treatments: Vec<[String; 3]>,
    /// Scans and check-ups in the period: when, what, the patient's note.
    pub checkups: Vec<[String; 3]>,
    /// The next one booked after today, in words.
    pub next_checkup: Option<String>,
    pub chart: Chart,
    /// The appointment's recordings: "Recording: Thursday 3 December 2026, 42 minutes". Gathered
    /// with the pack's appointment, not the period.
    pub recordings: Vec<String>,
}

/// The diary over the period, one row per kind, one mark per day written down.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chart {
    /// The first and last day of the period, as day numbers (see `dates::day_number`).
    pub first_day: i64,
    pub last_day: i64,
    pub rows: Vec<ChartRow>,
    /// What the chart shows, in one sentence: the words a screen reader reads in its place.
    pub summary: String,
}

impl Chart {
    /// Where a day falls along the period: 0.0 on its first day, 1.0 on its last.
    pub(super) fn at(&self, day: i64) -> f32 {
        (day - self.first_day) as f32 / (self.last_day - self.first_day).max(1) as f32
    }

    /// Dates along the time line, "3 Mar": both ends, and evenly between, at most `most` steps (and six).
    pub(super) fn ticks(&self, most: i64) -> Vec<(f32, String)> {
        let (start, end) = (self.first_day, self.last_day);
        let steps = most.clamp(1, 6).min((end - start).max(1));
        let mut ticks: Vec<(f32, String)> = (0..=steps)
            .map(|i| start + (end - start) * i / steps)
            .map(|day| (self.at(day), short_date_of_day(day)))
            .collect();
        ticks.dedup_by(|a, b| a.1 == b.1);
        ticks
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartRow {
    pub what: String,
    /// Day numbers, each with the most it bothered that day; earliest first.
    pub marks: Vec<(i64, Bother)>,
}

/// Gathers the summary for the period that ends today (`now` is local `YYYY-MM-DDTHH:MM`).
pub fn summarise(content: &Content, store: &Store, now: &str) -> Result<PackSummary> {
    let today = day_number(now).unwrap_or_default();
    let last = store.last_appointment_day(now)?;
    let first_day = last.as_deref().and_then(day_number).unwrap_or(today - DAYS_WITHOUT_APPOINTMENT).min(today);
    let (from, to) = (date_of_day(first_day), date_of_day(today));
    let within = |date: &str| date >= from.as_str() && date <= to.as_str();
    let span = format!("{} to {}", date_in_words(&from), date_in_words(&to));
    let period = match &last {
        Some(day) => format!("Since my last appointment on {} ({span})", date_in_words(day)),
        None => format!("The last 8 weeks, as I have no past appointment written down ({span})"),
    };

    // The diary grouped as the chart on My record groups it, each kind listed from when it was first
    // written down, and marked once a day at the most it bothered that day.
    let mut rows = diary_rows(content, &store.diary(Some(&from))?, &from, &to);
    rows.sort_by_cached_key(|row| row.marks.iter().map(|m| (m.on_date.clone(), m.id)).min());
    let chart_summary = said(Some(&from), Some(&to), &rows);
    let side_effects = rows
        .iter()
        .map(|row| {
            let (first, last) = (date_in_words(&row.first), date_in_words(&row.last));
            [row.what.clone(), row.days.to_string(), row.most.label().to_string(), first, last]
        })
        .collect();
    let chart_rows = rows
        .into_iter()
        .map(|row| {
            let mut marks: Vec<(i64, Bother)> =
                row.marks.iter().filter_map(|m| Some((day_number(&m.on_date)?, m.bother))).collect();
            // Each day's most comes first.
            marks.dedup_by_key(|&mut (day, _)| day);
            ChartRow { what: row.what, marks }
        })
        .collect();

    let mut treatments: Vec<(String, [String; 3])> = Vec::new();
    for t in store.treatments()?.into_iter().map(|t| t.fields) {
        let name = treatment_name(content, &t);
        if within(&t.started_on) {
            treatments
                .push((t.started_on.clone(), [format!("Started {name}"), date_in_words(&t.started_on), String::new()]));
        }
        if let Some(stopped) = t.stopped_on.as_deref().filter(|d| within(d)) {
            treatments
                .push((stopped.to_string(), [format!("Stopped {name}"), date_in_words(stopped), why_stopped(&t)]));
        }
    }
    treatments.sort_by(|a, b| a.0.cmp(&b.0));

    let checkups = store.checkups()?;
    let next_checkup = checkups
        .iter()
        .find(|c| c.fields.on_date.as_str() > to.as_str())
        .map(|c| format!("{} on {}", c.fields.kind.label(), date_in_words(&c.fields.on_date)));
    let checkups = checkups
        .into_iter()
        .filter(|c| within(&c.fields.on_date))
        .map(|c| [date_in_words(&c.fields.on_date), c.fields.kind.label().to_string(), c.fields.note])
        .collect();

    Ok(PackSummary {
        period,
        side_effects,
        treatments: treatments.into_iter().map(|(_, row)| row).collect(),
        checkups,
        next_checkup,
        chart: Chart { first_day, last_day: today, rows: chart_rows, summary: chart_summary },
        recordings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::model::{AppointmentInput, CheckupInput, CheckupKind, DiaryInput, StopReason, TreatmentInput};

    fn row<const N: usize>(cells: [&str; N]) -> [String; N] {
        cells.map(String::from)
    }

    fn diary(store: &mut Store, on_date: &str, what: &str, other: &str, bother: Bother) {
        let input = DiaryInput {
            on_date: on_date.into(),
            what: what.into(),
            other_what: other.into(),
            bother,
            note: String::new(),
        };
        store.add_diary_entry(&input).unwrap();
    }

    fn appointment(store: &mut Store, starts_at: &str) {
        let input = AppointmentInput {
            starts_at: starts_at.into(),
            with_whom: String::new(),
            place: String::new(),
            purpose: String::new(),
        };
        store.add_appointment(&input).unwrap();
    }

    #[test]
    fn the_period_starts_at_the_last_past_appointment() {
        let content = Content::load(&real_dir()).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        appointment(&mut store, "2030-01-10T09:00");
        appointment(&mut store, "2030-03-03T14:30");
        appointment(&mut store, "2030-04-20T10:00");
        diary(&mut store, "2030-03-02", "other", "Sore feet", Bother::ALot);
        diary(&mut store, "2030-03-05", "other", "Sore feet", Bother::ALittle);
        diary(&mut store, "2030-03-09", "other", "Sore feet", Bother::QuiteABit);
        diary(&mut store, "2030-03-09", "other", "Sore feet", Bother::ALittle);
        diary(&mut store, "2030-03-20", "other", "Hiccups", Bother::ALittle);
        let summary = summarise(&content, &store, "2030-03-28T12:00").unwrap();
        assert_eq!(summary.period, "Since my last appointment on 3 March 2030 (3 March 2030 to 28 March 2030)");
        assert_eq!(
            summary.side_effects,
            vec![
                row(["Sore feet", "2", "Quite a bit", "5 March 2030", "9 March 2030"]),
                row(["Hiccups", "1", "A little", "20 March 2030", "20 March 2030"]),
            ],
            "the 2 March entry is before the period; two entries on one day count once, at their most"
        );
        let feet = &summary.chart.rows[0];
        assert_eq!(feet.marks.iter().map(|m| m.1).collect::<Vec<_>>(), vec![Bother::ALittle, Bother::QuiteABit]);
        assert_eq!(summary.chart.last_day - summary.chart.first_day, 25);
    }

    #[test]
    fn with_no_past_appointment_it_looks_back_eight_weeks() {
        let content = Content::load(&real_dir()).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        appointment(&mut store, "2030-05-01T09:00");
        diary(&mut store, "2030-01-31", "other", "Too early", Bother::ALot);
        diary(&mut store, "2030-02-01", "other", "Just in", Bother::ALot);
        let summary = summarise(&content, &store, "2030-03-29T08:00").unwrap();
        assert!(summary.period.starts_with("The last 8 weeks"), "{}", summary.period);
        assert!(summary.period.contains("1 February 2030 to 29 March 2030"), "{}", summary.period);
        let kinds: Vec<&str> = summary.side_effects.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(kinds, ["Just in"]);
    }

    #[test]
    fn treatments_and_checkups_in_the_period_and_the_next_one_booked() {
        let content = Content::load(&real_dir()).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        appointment(&mut store, "2030-03-03T14:30");
        let old = TreatmentInput {
            drug: "other".into(),
            other_name: "Tablet A".into(),
            started_on: "2029-06-01".into(),
            stopped_on: Some("2030-03-10".into()),
            stop_reason: Some(StopReason::SideEffects),
            reason_note: "My feet, in my words".into(),
        };
        store.save_treatment(None, &old).unwrap();
        let new = TreatmentInput {
            other_name: "Tablet B".into(),
            started_on: "2030-03-12".into(),
            stopped_on: None,
            stop_reason: None,
            reason_note: String::new(),
            ..old.clone()
        };
        store.save_treatment(None, &new).unwrap();
        for (on_date, kind) in [("2030-02-01", CheckupKind::XRay), ("2030-03-15", CheckupKind::CtScan)] {
            store
                .add_checkup(&CheckupInput { on_date: on_date.into(), kind, note: "Bring the letter".into() })
                .unwrap();
        }
        store
            .add_checkup(&CheckupInput {
                on_date: "2030-06-01".into(),
                kind: CheckupKind::HeadScan,
                note: String::new(),
            })
            .unwrap();
        store
            .add_checkup(&CheckupInput { on_date: "2030-09-01".into(), kind: CheckupKind::CtScan, note: String::new() })
            .unwrap();

        let summary = summarise(&content, &store, "2030-03-28T12:00").unwrap();
        assert_eq!(
            summary.treatments,
            vec![
                row(["Stopped Tablet A", "10 March 2030", "Side effects: My feet, in my words"]),
                row(["Started Tablet B", "12 March 2030", ""]),
            ]
        );
        assert_eq!(summary.checkups, vec![row(["15 March 2030", "CT scan", "Bring the letter"])]);
        assert_eq!(summary.next_checkup.as_deref(), Some("Head scan on 1 June 2030"));
    }

    #[test]
    fn choices_remembered_before_the_summary_existed_turn_it_on() {
        let old = r#"{"cover":true,"questions":true,"checklist":false,"notes":true,"diary":false,"treatments":false}"#;
        let parts: crate::pack::PackParts = serde_json::from_str(old).unwrap();
        assert!(parts.summary);
        let off = r#"{"cover":true,"summary":false,"questions":true,"checklist":false,"notes":true,"diary":false,"treatments":false}"#;
        assert!(!serde_json::from_str::<crate::pack::PackParts>(off).unwrap().summary);
    }
}
