//! Checks for the dates and times people type. They are stored as text (`YYYY-MM-DD` and
//! `YYYY-MM-DDTHH:MM`), which sorts correctly and reads the same in a backup file.

use chrono::{Datelike, NaiveDate};

use crate::{Error, Result};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The calendar day, when it exists: no 30 February, 29 February in leap years only.
fn calendar_day(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parts(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    Some((number(0..4)?, number(5..7)?, number(8..10)?))
}

/// YYYY-MM-DD with a real month and day.
pub fn is_date(text: &str) -> bool {
    parts(text).is_some_and(|(year, month, day)| calendar_day(year, month, day).is_some())
}

/// Checks a date the user typed, with a message that names the problem in plain words.
pub fn check_date(text: &str, what: &str) -> Result<()> {
    let Some((year, month, day)) = parts(text) else {
        return Err(Error::Invalid(format!("Please give the {what} as a full date, for example 3 December 2026.")));
    };
    if !(1..=12).contains(&month) {
        return Err(Error::Invalid(format!("The {what} has a month that does not exist. Please check it.")));
    }
    if calendar_day(year, month, day).is_none() {
        let name = MONTHS[(month - 1) as usize];
        return Err(Error::Invalid(format!("There is no {day} {name} in {year}. Please check the {what}.")));
    }
    if !(1900..=2200).contains(&year) {
        return Err(Error::Invalid(format!("The year of the {what} looks wrong. Please check it.")));
    }
    Ok(())
}

/// YYYY-MM-DDTHH:MM, a real date and a 24-hour time.
pub fn check_date_time(text: &str, what: &str) -> Result<()> {
    let (date, time) = text
        .split_once('T')
        .ok_or_else(|| Error::Invalid(format!("Please give both a date and a time for the {what}.")))?;
    check_date(date, what)?;
    let valid_time = time.len() == 5
        && time.as_bytes()[2] == b':'
        && time[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && time[3..].parse::<u32>().is_ok_and(|m| m < 60);
    if !valid_time {
        return Err(Error::Invalid(format!("The time of the {what} does not look right. Please check it.")));
    }
    Ok(())
}

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Day 0 of the day numbers below.
const DAY_ZERO: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("1 January 1970 exists");

/// The date of a day counted from 1970-01-01, or day 0 for a day beyond chrono's years.
fn date_from_days(days: i64) -> NaiveDate {
    DAY_ZERO.checked_add_signed(chrono::TimeDelta::try_days(days).unwrap_or_default()).unwrap_or(DAY_ZERO)
}

fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "27 November 2026" from seconds since 1970, in UTC.
pub fn unix_date_in_words(unix: i64) -> String {
    let date = date_from_days(unix.div_euclid(86_400));
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// Days from 1970-01-01 to a `YYYY-MM-DD` date (or the date that starts a date and time).
pub fn day_number(date: &str) -> Option<i64> {
    let date = date.get(..10)?;
    let (year, month, day) = parts(date)?;
    Some((calendar_day(year, month, day)? - DAY_ZERO).num_days())
}

/// The `YYYY-MM-DD` date of a day number.
pub fn date_of_day(days: i64) -> String {
    let date = date_from_days(days);
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "3 Mar", short enough for a chart's axis.
pub fn short_date_of_day(days: i64) -> String {
    let date = date_from_days(days);
    format!("{} {}", date.day(), &month_name(date)[..3])
}

/// "2026-12-03" → "3 December 2026"; text that is not a date comes back as it is.
pub fn date_in_words(date: &str) -> String {
    match parts(date.get(..10).unwrap_or(date)) {
        Some((year, month, day)) if is_date(&date[..10]) => format!("{day} {} {year}", MONTHS[(month - 1) as usize]),
        _ => date.to_string(),
    }
}

/// "2026-12-03T14:30" → "Thursday 3 December 2026 at 2:30 pm".
pub fn date_time_in_words(local: &str) -> String {
    let Some((date, time)) = local.split_once('T') else { return date_in_words(local) };
    match day_in_words(date) {
        Some(day) => format!("{day} at {}", time_in_words(time)),
        None => local.to_string(),
    }
}

/// "2026-12-03" (or the date that starts a date and time) → "Thursday 3 December 2026".
pub fn day_in_words(date: &str) -> Option<String> {
    let date = date.get(..10)?;
    let day = parts(date).and_then(|(year, month, day)| calendar_day(year, month, day))?;
    let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
    Some(format!("{weekday} {}", date_in_words(date)))
}

/// A time in a recording, as a player shows it: "0:05", "12:34", and past an hour "1:02:03".
pub fn recording_time(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// How long a recording lasts, in words: "45 seconds", "42 minutes", "1 hour 5 minutes", to the
/// nearest second under a minute and to the nearest minute above.
pub fn length_in_words(ms: i64) -> String {
    let counted = |n: i64, one: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") };
    let seconds = (ms.max(0) + 500) / 1000;
    if seconds < 60 {
        return counted(seconds, "second");
    }
    let minutes = (seconds + 30) / 60;
    match (minutes / 60, minutes % 60) {
        (0, minutes) => counted(minutes, "minute"),
        (hours, 0) => counted(hours, "hour"),
        (hours, minutes) => format!("{} {}", counted(hours, "hour"), counted(minutes, "minute")),
    }
}

/// "14:30" → "2:30 pm", "12:00" → "12 noon", "00:00" → "midnight", as the app's screens say it.
pub fn time_in_words(time: &str) -> String {
    let Some((hour, minutes)) = time.split_once(':').and_then(|(h, m)| Some((h.parse::<u32>().ok()?, m))) else {
        return time.to_string();
    };
    match (hour, minutes) {
        (12, "00") => "12 noon".to_string(),
        (0, "00") => "midnight".to_string(),
        _ => {
            format!("{}:{minutes} {}", if hour % 12 == 0 { 12 } else { hour % 12 }, if hour < 12 { "am" } else { "pm" })
        }
    }
}

/// A UTC time as the store writes it: `YYYY-MM-DDTHH:MM:SSZ`, with or without milliseconds.
pub fn is_timestamp(text: &str) -> bool {
    let Some((date, rest)) = text.split_once('T') else { return false };
    let Some(time) = rest.strip_suffix('Z') else { return false };
    let (whole, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<&str> = whole.split(':').collect();
    let in_range = |part: &str, below: u32| part.len() == 2 && part.parse::<u32>().is_ok_and(|n| n < below);
    is_date(date)
        && parts.len() == 3
        && in_range(parts[0], 24)
        && in_range(parts[1], 60)
        && in_range(parts[2], 61)
        && !fraction.is_empty()
        && fraction.len() <= 9
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days since 1970-01-01, for the tests' own arithmetic.
    fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
        (NaiveDate::from_ymd_opt(year, month, day).unwrap() - DAY_ZERO).num_days()
    }

    #[test]
    fn dates_must_be_real() {
        assert!(is_date("2026-11-27"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2025-02-29"));
        assert!(!is_date("2026-02-30"));
        assert!(!is_date("27/11/2026"));
    }

    #[test]
    fn unix_times_print_in_words() {
        assert_eq!(unix_date_in_words(1_795_737_600), "27 November 2026");
        assert_eq!(unix_date_in_words(0), "1 January 1970");
        assert_eq!(unix_date_in_words(951_782_400), "29 February 2000");
        assert_eq!(unix_date_in_words(days_from_civil(2026, 12, 3) * 86_400), "3 December 2026");
    }

    #[test]
    fn dates_read_in_words() {
        assert_eq!(date_in_words("2026-12-03"), "3 December 2026");
        // As the app's screens say them (ui/src/lib/dates.ts sayTime), so the pack agrees.
        assert_eq!(date_time_in_words("2026-12-03T14:30"), "Thursday 3 December 2026 at 2:30 pm");
        assert_eq!(date_time_in_words("2030-01-15T09:00"), "Tuesday 15 January 2030 at 9:00 am");
        assert_eq!(date_time_in_words("2030-01-15T12:00"), "Tuesday 15 January 2030 at 12 noon");
        assert_eq!(date_time_in_words("2030-01-15T00:00"), "Tuesday 15 January 2030 at midnight");
        assert_eq!(date_time_in_words("2030-01-15T00:15"), "Tuesday 15 January 2030 at 12:15 am");
        assert_eq!(date_in_words("soon"), "soon");
    }

    #[test]
    fn times_in_a_recording_read_as_a_player_shows_them() {
        assert_eq!(recording_time(0), "0:00");
        assert_eq!(recording_time(5_999), "0:05", "whole seconds, as a player counts them");
        assert_eq!(recording_time(754_000), "12:34");
        assert_eq!(recording_time(3_599_999), "59:59");
        assert_eq!(recording_time(3_723_000), "1:02:03");
        assert_eq!(recording_time(36_000_000), "10:00:00");
        assert_eq!(recording_time(-5), "0:00");
    }

    #[test]
    fn a_recordings_length_reads_in_words() {
        assert_eq!(length_in_words(0), "0 seconds");
        assert_eq!(length_in_words(1_200), "1 second");
        assert_eq!(length_in_words(45_000), "45 seconds");
        assert_eq!(length_in_words(59_600), "1 minute", "60 seconds are a minute");
        assert_eq!(length_in_words(2_520_000), "42 minutes");
        assert_eq!(length_in_words(2_549_000), "42 minutes");
        assert_eq!(length_in_words(2_550_000), "43 minutes");
        assert_eq!(length_in_words(3_600_000), "1 hour");
        assert_eq!(length_in_words(3_900_000), "1 hour 5 minutes");
        assert_eq!(length_in_words(7_260_000), "2 hours 1 minute");
        assert_eq!(length_in_words(3_599_000), "1 hour", "59:59 is said as an hour");
    }

    #[test]
    fn a_day_reads_with_its_weekday() {
        assert_eq!(day_in_words("2026-12-03T14:30").as_deref(), Some("Thursday 3 December 2026"));
        assert_eq!(day_in_words("2024-02-29").as_deref(), Some("Thursday 29 February 2024"));
        assert_eq!(day_in_words("2026-02-30"), None);
        assert_eq!(day_in_words("soon"), None);
    }

    #[test]
    fn thirtieth_of_february_gets_a_plain_message() {
        let err = check_date_time("2026-02-30T10:00", "appointment").unwrap_err();
        assert_eq!(err.plain_message(), "There is no 30 February in 2026. Please check the appointment.");
        assert!(check_date_time("2026-02-28T25:00", "appointment").is_err());
        assert!(check_date_time("2026-02-28", "appointment").is_err());
        assert!(check_date_time("2026-02-28T09:30", "appointment").is_ok());
    }

    #[test]
    fn timestamps_are_checked() {
        assert!(is_timestamp("2026-11-27T10:00:00Z"));
        assert!(is_timestamp("2026-11-27T10:00:00.123Z"));
        for bad in [
            "yesterday",
            "2026-11-27",
            "2026-11-27T10:00Z",
            "2026-02-30T10:00:00Z",
            "2026-11-27T25:00:00Z",
            "2026-11-27T10:00:00.Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}
