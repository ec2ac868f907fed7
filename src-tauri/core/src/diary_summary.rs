//! The diary over a period, grouped once for the chart on My record and the pack's summary: a row
//! per side effect, feeling or wording of the patient's own, with its entries, the days written
//! down, the most it bothered and the first and last dates. It counts and places; it never judges.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use crate::content::{Content, DiaryGroup};
use crate::dates::{check_date, date_in_words, date_of_day, day_number};
use crate::model::{Bother, DiaryEntry};
use crate::Result;

/// The time the chart shows, ending today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Period {
    Weeks4,
    Months3,
    Months6,
    /// From the first entry to today, or to the last entry if one is dated later.
    All,
}

impl Period {
    /// Shortest first, as the chart offers them.
    pub const ALL: [Period; 4] = [Period::Weeks4, Period::Months3, Period::Months6, Period::All];

    /// The words the chart's choice of time shows.
    pub fn label(self) -> &'static str {
        match self {
            Period::Weeks4 => "The last 4 weeks",
            Period::Months3 => "The last 3 months",
            Period::Months6 => "The last 6 months",
            Period::All => "All my diary",
        }
    }
}

/// The patient's own words ("Something else") are neither group: the app does not sort them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RowGroup {
    SideEffect,
    Feeling,
    Own,
}

impl RowGroup {
    /// In the order the diary lists them.
    pub const ALL: [RowGroup; 3] = [RowGroup::SideEffect, RowGroup::Feeling, RowGroup::Own];

    /// The heading the diary's choices and the chart's rows are shown under.
    pub fn label(self) -> &'static str {
        match self {
            RowGroup::SideEffect => "Side effects",
            RowGroup::Feeling => "Feelings",
            RowGroup::Own => "Other things",
        }
    }
}

/// One diary entry on a row.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DiaryMark {
    #[ts(type = "number")]
    pub id: i64,
    pub on_date: String,
    pub bother: Bother,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DiaryRow {
    /// The content's id, or `own:` and the patient's words in lower case.
    pub key: String,
    pub what: String,
    pub group: RowGroup,
    /// Oldest first, and on one day the most first.
    pub marks: Vec<DiaryMark>,
    /// Days written down: two entries on one day count once.
    pub days: u32,
    pub most: Bother,
    /// The first and last day written down (`YYYY-MM-DD`).
    pub first: String,
    pub last: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DiarySummary {
    /// The period's first and last day (`YYYY-MM-DD`); none for "all" with no entries.
    pub from: Option<String>,
    pub to: Option<String>,
    pub rows: Vec<DiaryRow>,
    /// How many entries the rows hold.
    pub count: u32,
    /// The period and its entries in one sentence (see `said`).
    pub summary: String,
}

/// The diary over `period`, ending `today` (`YYYY-MM-DD`, the local date).
pub fn summarise_diary(content: &Content, entries: &[DiaryEntry], period: Period, today: &str) -> Result<DiarySummary> {
    check_date(today, "date today")?;
    let Some((from, to)) = period_days(period, today, entries) else {
        return Ok(DiarySummary { from: None, to: None, rows: Vec::new(), count: 0, summary: said(None, None, &[]) });
    };
    let rows = diary_rows(content, entries, &from, &to);
    let count = rows.iter().map(|row| row.marks.len() as u32).sum();
    let summary = said(Some(&from), Some(&to), &rows);
    Ok(DiarySummary { from: Some(from), to: Some(to), rows, count, summary })
}

/// One sentence for everyone, the chart's caption on My record and its description in the pack:
/// "12 entries for 3 side effects between 1 March and 28 March 2030."
pub fn said(from: Option<&str>, to: Option<&str>, rows: &[DiaryRow]) -> String {
    let (Some(from), Some(to)) = (from, to) else { return "No diary entries yet.".into() };
    let when = if from == to {
        format!("on {}", date_in_words(from))
    } else if from.get(..4) == to.get(..4) {
        let start = date_in_words(from);
        let start = start.rsplit_once(' ').map_or(start.as_str(), |(day_month, _)| day_month);
        format!("between {start} and {}", date_in_words(to))
    } else {
        format!("between {} and {}", date_in_words(from), date_in_words(to))
    };
    let count: usize = rows.iter().map(|row| row.marks.len()).sum();
    if count == 0 {
        return format!("No diary entries {when}.");
    }
    let counted = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let of = |group: RowGroup| rows.iter().filter(|row| row.group == group).count();
    let parts: Vec<String> = [
        (of(RowGroup::SideEffect), "side effect", "side effects"),
        (of(RowGroup::Feeling), "feeling", "feelings"),
        (of(RowGroup::Own), "other thing", "other things"),
    ]
    .into_iter()
    .filter(|&(n, ..)| n > 0)
    .map(|(n, one, many)| counted(n, one, many))
    .collect();
    let listed = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    format!("{} for {listed} {when}.", counted(count, "entry", "entries"))
}

/// The period's first and last day.
pub fn period_days(period: Period, today: &str, entries: &[DiaryEntry]) -> Option<(String, String)> {
    let from = match period {
        Period::Weeks4 => date_of_day(day_number(today)? - 28),
        Period::Months3 => months_before(today, 3)?,
        Period::Months6 => months_before(today, 6)?,
        Period::All => {
            let dates = entries.iter().map(|e| e.fields.on_date.as_str());
            let (first, last) = (dates.clone().min()?, dates.max()?);
            return Some((first.min(today).to_string(), last.max(today).to_string()));
        }
    };
    Some((from, today.to_string()))
}

/// The same date `months` earlier; the 31st becomes the month's last day where it has no 31st.
fn months_before(date: &str, months: i64) -> Option<String> {
    let day = day_number(date)?;
    let (year, month): (i64, i64) = (date.get(..4)?.parse().ok()?, date.get(5..7)?.parse().ok()?);
    let index = year * 12 + month - 1 - months;
    let first = |index: i64| day_number(&format!("{:04}-{:02}-01", index.div_euclid(12), index.rem_euclid(12) + 1));
    let (start, next) = (first(index)?, first(index + 1)?);
    let wanted = day - first(year * 12 + month - 1)?;
    Some(date_of_day(start + wanted.min(next - start - 1)))
}

/// The entries from `from` to `to` (both `YYYY-MM-DD`, both taken in), a row per kind. Rows follow
/// the diary's own list: side effects, then feelings, in the content's order, then the patient's
/// own words (one row per wording, whatever its capitals, named as the first entry words it), A to Z.
pub fn diary_rows(content: &Content, entries: &[DiaryEntry], from: &str, to: &str) -> Vec<DiaryRow> {
    let choices = &content.record.side_effects;
    let mut rows: Vec<DiaryRow> = Vec::new();
    for entry in entries {
        let e = &entry.fields;
        if e.on_date.as_str() < from || e.on_date.as_str() > to {
            continue;
        }
        let choice = choices.iter().find(|c| c.id == e.what && e.what != "other");
        let (key, what, group) = match choice {
            Some(c) => (c.id.clone(), c.name.clone(), group_of(c.group)),
            None => {
                let what = if e.what == "other" { e.other_what.trim().to_string() } else { e.what.clone() };
                (format!("own:{}", what.to_lowercase()), what, RowGroup::Own)
            }
        };
        let mark = DiaryMark { id: entry.id, on_date: e.on_date.clone(), bother: e.bother };
        match rows.iter_mut().find(|row| row.key == key) {
            Some(row) => row.marks.push(mark),
            None => rows.push(DiaryRow {
                key,
                what,
                group,
                marks: vec![mark],
                days: 0,
                most: e.bother,
                first: String::new(),
                last: String::new(),
            }),
        }
    }
    for row in &mut rows {
        row.marks.sort_by(|a, b| a.on_date.cmp(&b.on_date).then(b.bother.cmp(&a.bother)).then(a.id.cmp(&b.id)));
        let mut days: Vec<&str> = row.marks.iter().map(|m| m.on_date.as_str()).collect();
        days.dedup();
        row.days = days.len() as u32;
        row.most = row.marks.iter().map(|m| m.bother).max().unwrap_or(Bother::ALittle);
        row.first = days.first().map(|d| d.to_string()).unwrap_or_default();
        row.last = days.last().map(|d| d.to_string()).unwrap_or_default();
    }
    let position = |row: &DiaryRow| choices.iter().position(|c| c.id == row.key).unwrap_or(choices.len());
    rows.sort_by_cached_key(|row| (row.group, position(row), a_to_z(&row.what)));
    rows
}

fn group_of(group: DiaryGroup) -> RowGroup {
    match group {
        DiaryGroup::SideEffect => RowGroup::SideEffect,
        DiaryGroup::Feeling => RowGroup::Feeling,
    }
}

/// Sorts as a reader would: capitals and accents do not count.
fn a_to_z(text: &str) -> String {
    text.nfd().filter(|c| !('\u{0300}'..='\u{036F}').contains(c)).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::model::DiaryInput;

    const TODAY: &str = "2030-03-28";

    fn entry(id: i64, on_date: &str, what: &str, bother: Bother, other_what: &str) -> DiaryEntry {
        let fields = DiaryInput {
            on_date: on_date.into(),
            what: what.into(),
            other_what: other_what.into(),
            bother,
            note: String::new(),
        };
        DiaryEntry { id, fields }
    }

    fn on(id: i64, on_date: &str) -> DiaryEntry {
        entry(id, on_date, "rash", Bother::QuiteABit, "")
    }

    fn days(from: &str, to: &str) -> Option<(String, String)> {
        Some((from.into(), to.into()))
    }

    /// Rows as the chart gets them, for the sentence: what, group and the dates written down.
    fn rows(rows: &[(&str, RowGroup, &[&str])]) -> Vec<DiaryRow> {
        rows.iter()
            .map(|&(what, group, dates)| DiaryRow {
                key: what.to_lowercase(),
                what: what.into(),
                group,
                marks: dates
                    .iter()
                    .map(|d| DiaryMark { id: 0, on_date: d.to_string(), bother: Bother::QuiteABit })
                    .collect(),
                days: dates.len() as u32,
                most: Bother::QuiteABit,
                first: dates.first().unwrap_or(&"").to_string(),
                last: dates.last().unwrap_or(&"").to_string(),
            })
            .collect()
    }

    #[test]
    fn the_sentence_counts_entries_and_kinds_and_names_the_period() {
        const WEEKS4: Option<&str> = Some("2030-02-28");
        let five = |from: u32| -> Vec<String> { (0..5).map(|i| format!("2030-03-{:02}", from + 2 * i)).collect() };
        let (a, b) = (five(2), five(1));
        let (a, b): (Vec<&str>, Vec<&str>) =
            (a.iter().map(String::as_str).collect(), b.iter().map(String::as_str).collect());
        let three = rows(&[
            ("Rash", RowGroup::SideEffect, &a),
            ("Tiredness", RowGroup::SideEffect, &b),
            ("Sore feet", RowGroup::Own, &["2030-03-20", "2030-03-21"]),
        ]);
        assert_eq!(
            said(WEEKS4, Some(TODAY), &three),
            "12 entries for 2 side effects and 1 other thing between 28 February and 28 March 2030."
        );
        let one = rows(&[("Worry before scans", RowGroup::Feeling, &["2030-01-02"])]);
        assert_eq!(
            said(Some("2029-12-28"), Some(TODAY), &one),
            "1 entry for 1 feeling between 28 December 2029 and 28 March 2030."
        );
        let each = rows(&[
            ("Rash", RowGroup::SideEffect, &["2030-03-01"]),
            ("Worry before scans", RowGroup::Feeling, &["2030-03-01"]),
            ("Cramp", RowGroup::Own, &["2030-03-01"]),
        ]);
        assert_eq!(
            said(WEEKS4, Some(TODAY), &each),
            "3 entries for 1 side effect, 1 feeling and 1 other thing between 28 February and 28 March 2030."
        );
        assert_eq!(said(WEEKS4, Some(TODAY), &[]), "No diary entries between 28 February and 28 March 2030.");
        assert_eq!(said(Some(TODAY), Some(TODAY), &[]), "No diary entries on 28 March 2030.");
        assert_eq!(said(None, None, &[]), "No diary entries yet.");
    }

    #[test]
    fn the_period_takes_in_its_first_day_and_today_and_no_day_outside() {
        let content = Content::load(&real_dir()).unwrap();
        let entries = [on(1, "2030-02-27"), on(2, "2030-02-28"), on(3, "2030-03-28"), on(4, "2030-03-29")];
        let summary = summarise_diary(&content, &entries, Period::Weeks4, TODAY).unwrap();
        assert_eq!((summary.from.as_deref(), summary.to.as_deref()), (Some("2030-02-28"), Some(TODAY)));
        let dates: Vec<&str> = summary.rows[0].marks.iter().map(|m| m.on_date.as_str()).collect();
        assert_eq!(dates, ["2030-02-28", "2030-03-28"]);
        assert_eq!(summary.count, 2);
    }

    #[test]
    fn months_go_back_to_the_same_date_or_the_months_last_day() {
        assert_eq!(period_days(Period::Months3, TODAY, &[]), days("2029-12-28", TODAY));
        assert_eq!(period_days(Period::Months6, TODAY, &[]), days("2029-09-28", TODAY));
        assert_eq!(period_days(Period::Months3, "2030-05-31", &[]), days("2030-02-28", "2030-05-31"));
        assert_eq!(period_days(Period::Months6, "2032-08-31", &[]), days("2032-02-29", "2032-08-31"));
    }

    #[test]
    fn all_runs_from_the_first_entry_to_today_or_a_later_entry() {
        let all = |entries: &[DiaryEntry]| period_days(Period::All, TODAY, entries);
        assert_eq!(all(&[on(1, "2028-06-01"), on(2, "2029-01-01")]), days("2028-06-01", TODAY));
        assert_eq!(all(&[on(1, "2030-04-02"), on(2, "2029-01-01")]), days("2029-01-01", "2030-04-02"));
        assert_eq!(all(&[]), None);
    }

    #[test]
    fn rows_are_side_effects_then_feelings_in_the_contents_order_then_own_words_a_to_z() {
        let content = Content::load(&real_dir()).unwrap();
        let entries = [
            entry(1, "2030-03-01", "scanxiety", Bother::QuiteABit, ""),
            entry(2, "2030-03-02", "other", Bother::ALot, "Sore feet"),
            entry(3, "2030-03-03", "skin-sun", Bother::QuiteABit, ""),
            entry(4, "2030-03-04", "rash", Bother::QuiteABit, ""),
            entry(5, "2030-03-05", "other", Bother::ALittle, "hiccups"),
            entry(6, "2030-03-06", "skin-sun", Bother::QuiteABit, ""),
        ];
        let rows = diary_rows(&content, &entries, "2030-02-28", TODAY);
        let rash = content.side_effect("rash").unwrap().name.clone();
        let sun = content.side_effect("skin-sun").unwrap().name.clone();
        let scans = content.side_effect("scanxiety").unwrap().name.clone();
        let listed: Vec<(&str, RowGroup, usize)> =
            rows.iter().map(|r| (r.what.as_str(), r.group, r.marks.len())).collect();
        // The content lists skin and sun before rash.
        let expected = [
            (sun.as_str(), RowGroup::SideEffect, 2),
            (rash.as_str(), RowGroup::SideEffect, 1),
            (scans.as_str(), RowGroup::Feeling, 1),
            ("hiccups", RowGroup::Own, 1),
            ("Sore feet", RowGroup::Own, 1),
        ];
        assert_eq!(listed, expected);
    }

    #[test]
    fn own_words_make_one_row_whatever_the_capitals_named_as_first_listed() {
        let content = Content::load(&real_dir()).unwrap();
        let entries = [
            entry(1, "2030-03-01", "other", Bother::ALittle, "Hiccups"),
            entry(2, "2030-03-02", "other", Bother::ALot, " hiccups "),
        ];
        let rows = diary_rows(&content, &entries, "2030-02-28", TODAY);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].what, "Hiccups");
        assert_eq!(rows[0].marks.iter().map(|m| m.bother).collect::<Vec<_>>(), [Bother::ALittle, Bother::ALot]);
    }

    #[test]
    fn one_days_entries_are_listed_the_most_first_and_the_day_counts_once() {
        let content = Content::load(&real_dir()).unwrap();
        let entries = [
            entry(1, "2030-03-05", "rash", Bother::ALittle, ""),
            entry(2, "2030-03-05", "rash", Bother::ALot, ""),
            entry(3, "2030-03-05", "rash", Bother::QuiteABit, ""),
            entry(4, "2030-03-09", "rash", Bother::ALittle, ""),
        ];
        let row = &diary_rows(&content, &entries, "2030-02-28", TODAY)[0];
        let bothers: Vec<Bother> = row.marks.iter().map(|m| m.bother).collect();
        assert_eq!(bothers, [Bother::ALot, Bother::QuiteABit, Bother::ALittle, Bother::ALittle]);
        assert_eq!((row.days, row.most), (2, Bother::ALot));
        assert_eq!((row.first.as_str(), row.last.as_str()), ("2030-03-05", "2030-03-09"));
    }

    #[test]
    fn a_date_today_that_is_not_a_date_is_refused() {
        let content = Content::load(&real_dir()).unwrap();
        assert!(summarise_diary(&content, &[], Period::Weeks4, "soon").is_err());
    }
}
