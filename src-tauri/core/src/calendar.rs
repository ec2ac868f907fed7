//! Appointments as an iCalendar file (RFC 5545), so any calendar app can add them.
//!
//! Appointments are kept as UK wall-clock times. The file gives each start in UTC, converted by
//! the UK's rule, so an appointment at 14:30 stays at 14:30 on both sides of a clock change.
//! Each event's UID is the appointment's own random UUID and its SEQUENCE counts its changes, so
//! a newer file updates the event a calendar already has instead of adding a second.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

use crate::model::Appointment;
use crate::{Error, Result};

/// How long an appointment is assumed to last: the file needs an end.
const LENGTH_MINUTES: i64 = 60;

/// The file for these appointments. `stamp_unix` is when it is made (seconds since 1970, UTC),
/// written as every DTSTAMP.
pub fn appointments_ics(appointments: &[Appointment], stamp_unix: i64) -> Result<String> {
    let stamp = Utc.timestamp_opt(stamp_unix, 0).single().unwrap_or_default();
    let mut calendar = Calendar::new();
    calendar.name("My appointments (ALK Companion)");
    for appointment in appointments {
        let a = &appointment.fields;
        let local = NaiveDateTime::parse_from_str(&a.starts_at, "%Y-%m-%dT%H:%M")
            .map_err(|_| Error::Invalid("An appointment has a date that cannot go in a calendar.".into()))?;
        let starts = uk_to_utc(local);
        let who = a.with_whom.trim();
        let summary = if who.is_empty() { "Appointment".to_string() } else { format!("Appointment with {who}") };
        let mut event = Event::new();
        event
            .uid(&appointment.uid)
            .sequence(appointment.sequence)
            .timestamp(stamp)
            .summary(&summary)
            .starts(starts)
            .ends(starts + Duration::minutes(LENGTH_MINUTES))
            .alarm(Alarm::display(&format!("Tomorrow: {summary}"), -Duration::days(1)).timestamp(stamp).done());
        if !a.place.trim().is_empty() {
            event.location(a.place.trim());
        }
        if !a.purpose.trim().is_empty() {
            event.description(&format!("What for: {}", a.purpose.trim()));
        }
        calendar.push(event.done());
    }
    Ok(calendar.done().to_string())
}

/// A UK wall-clock time in UTC. British Summer Time runs from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October. A time the clocks skip in March (01:00 to
/// 01:59) is read as that many minutes after the change; a time that happens twice in October is
/// read as the first, so nobody arrives an hour late.
pub fn uk_to_utc(local: NaiveDateTime) -> chrono::DateTime<Utc> {
    let year = local.year();
    let starts = last_sunday(year, 3).and_hms_opt(1, 0, 0).unwrap_or_default();
    let ends = last_sunday(year, 10).and_hms_opt(1, 0, 0).unwrap_or_default();
    let summer = local - Duration::hours(1);
    let utc = if (starts..ends).contains(&summer) { summer } else { local };
    Utc.from_utc_datetime(&utc)
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month + 1, 1).and_then(|d| d.pred_opt()).unwrap_or_default();
    last - Duration::days(i64::from(last.weekday().num_days_from_sunday()))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::BufReader;

    use super::*;
    use crate::model::AppointmentInput;
    use crate::store::Store;

    fn appointment(id: i64, starts_at: &str, with_whom: &str, place: &str, purpose: &str) -> Appointment {
        Appointment {
            id,
            fields: AppointmentInput {
                starts_at: starts_at.into(),
                with_whom: with_whom.into(),
                place: place.into(),
                purpose: purpose.into(),
            },
            uid: format!("00000000-0000-4000-8000-{id:012}"),
            sequence: id as u32,
        }
    }

    fn utc(local: &str) -> String {
        let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
        uk_to_utc(local).format("%Y-%m-%dT%H:%MZ").to_string()
    }

    #[test]
    fn uk_times_change_by_an_hour_on_the_right_days() {
        // In 2030 the clocks go forward on Sunday 31 March and back on Sunday 27 October.
        assert_eq!(utc("2030-01-15T14:30"), "2030-01-15T14:30Z");
        assert_eq!(utc("2030-07-15T14:30"), "2030-07-15T13:30Z");
        assert_eq!(utc("2030-03-30T14:30"), "2030-03-30T14:30Z");
        assert_eq!(utc("2030-03-31T00:59"), "2030-03-31T00:59Z");
        assert_eq!(utc("2030-03-31T02:00"), "2030-03-31T01:00Z");
        assert_eq!(utc("2030-03-31T14:30"), "2030-03-31T13:30Z");
        assert_eq!(utc("2030-10-26T14:30"), "2030-10-26T13:30Z");
        assert_eq!(utc("2030-10-27T00:30"), "2030-10-26T23:30Z");
        assert_eq!(utc("2030-10-27T02:00"), "2030-10-27T02:00Z");
        assert_eq!(utc("2030-10-28T09:00"), "2030-10-28T09:00Z");
    }

    #[test]
    fn skipped_and_doubled_times_have_one_answer() {
        // 01:30 does not happen on 31 March 2030: it is read as half an hour after the change.
        assert_eq!(utc("2030-03-31T01:30"), "2030-03-31T01:30Z");
        // 01:30 happens twice on 27 October 2030: the first time, still in summer time.
        assert_eq!(utc("2030-10-27T01:30"), "2030-10-27T00:30Z");
    }

    /// A property's value as the independent parser reads it, with RFC 5545's escapes undone.
    fn value(properties: &[ical::property::Property], name: &str) -> Option<String> {
        let raw = properties.iter().find(|p| p.name == name)?.value.clone()?;
        let mut out = String::new();
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                (c, false) => out.push(c),
            }
        }
        Some(out)
    }

    #[test]
    fn another_parser_reads_every_appointment_back() {
        let appointments = [
            appointment(
                3,
                "2030-01-15T14:30",
                "Dr Nowak, oncologist",
                "Clinic 4; St Mary’s, Paddington",
                "Scan results",
            ),
            appointment(7, "2030-07-15T14:30", "", "", ""),
            appointment(9, "2030-10-27T09:15", "د. سارة", "Ward 5 🏥", "Line one\nline two, with \\ a slash"),
        ];
        let text = appointments_ics(&appointments, 1_900_000_000).unwrap();
        assert!(text.lines().all(|line| line.len() <= 75), "lines are folded at 75 octets:\n{text}");
        // The writer escapes the user's commas, semicolons, newlines and backslashes (RFC 5545
        // 3.3.11); the parser below keeps escapes as written, so check them in the file itself.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("LOCATION:Clinic 4\\; St Mary’s\\, Paddington\r\n"), "{unfolded}");
        assert!(unfolded.contains("SUMMARY:Appointment with Dr Nowak\\, oncologist\r\n"), "{unfolded}");
        assert!(unfolded.contains("DESCRIPTION:What for: Line one\\nline two\\, with \\\\ a slash\r\n"), "{unfolded}");

        let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none());
        assert_eq!(calendar.events.len(), 3);

        let first = &calendar.events[0].properties;
        assert_eq!(value(first, "UID").as_deref(), Some("00000000-0000-4000-8000-000000000003"));
        assert_eq!(value(first, "SEQUENCE").as_deref(), Some("3"));
        assert_eq!(value(first, "DTSTART").as_deref(), Some("20300115T143000Z"));
        assert_eq!(value(first, "DTEND").as_deref(), Some("20300115T153000Z"));
        assert_eq!(value(first, "SUMMARY").as_deref(), Some("Appointment with Dr Nowak, oncologist"));
        assert_eq!(value(first, "LOCATION").as_deref(), Some("Clinic 4; St Mary’s, Paddington"));
        assert_eq!(value(first, "DESCRIPTION").as_deref(), Some("What for: Scan results"));
        assert_eq!(value(first, "DTSTAMP").as_deref(), Some("20300317T174640Z"), "when the file is written");
        assert_eq!(text.matches("DTSTAMP:").count(), text.matches("DTSTAMP:20300317T174640Z").count(), "{text}");
        let alarm = &calendar.events[0].alarms[0].properties;
        assert_eq!(value(alarm, "ACTION").as_deref(), Some("DISPLAY"));
        let trigger = value(alarm, "TRIGGER").unwrap();
        assert!(["-P1D", "-PT24H", "-PT86400S"].contains(&trigger.as_str()), "a day before: {trigger}");

        let summer = &calendar.events[1].properties;
        assert_eq!(value(summer, "DTSTART").as_deref(), Some("20300715T133000Z"), "14:30 in BST is 13:30 UTC");
        assert_eq!(value(summer, "SUMMARY").as_deref(), Some("Appointment"));
        assert_eq!(value(summer, "LOCATION"), None);

        let odd = &calendar.events[2].properties;
        assert_eq!(value(odd, "SUMMARY").as_deref(), Some("Appointment with د. سارة"));
        assert_eq!(value(odd, "LOCATION").as_deref(), Some("Ward 5 🏥"));
        assert_eq!(value(odd, "DESCRIPTION").as_deref(), Some("What for: Line one\nline two, with \\ a slash"));
        assert_eq!(value(odd, "DTSTART").as_deref(), Some("20301027T091500Z"), "after the clocks go back");
    }

    #[test]
    fn long_words_are_folded_without_splitting_a_character() {
        let purpose = "مراجعة نتائج الفحص 🏥🩺 ".repeat(12);
        let text = appointments_ics(&[appointment(1, "2030-04-02T11:00", "", "", &purpose)], 0).unwrap();
        assert!(text.lines().count() > 12, "the long line is folded:\n{text}");
        assert!(text.lines().all(|line| line.len() <= 75), "folded at 75 octets:\n{text}");
        // Unfolded as RFC 5545 3.1 says (drop each CRLF and the one space after it), the words
        // come back exactly.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("\r\nDESCRIPTION:What for: {}\r\n", purpose.trim())), "{unfolded}");

        // The independent parser reads it too. It trims a space that ends a folded line (its
        // own habit; the file is right), so compare the words without their spaces.
        let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
        let calendar = parser.next().expect("one calendar").expect("it parses");
        let read = value(&calendar.events[0].properties, "DESCRIPTION").unwrap();
        let words = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(words(&read), words(&format!("What for: {purpose}")));
    }

    /// The UID and SEQUENCE of each event in the file for `appointments`, as the independent
    /// parser reads them. For the store's and the backup's tests too.
    pub(crate) fn uids_and_sequences(appointments: &[Appointment]) -> Vec<(String, u32)> {
        let text = appointments_ics(appointments, 1_900_000_000).unwrap();
        let calendar = ical::IcalParser::new(BufReader::new(text.as_bytes())).next().unwrap().unwrap();
        let read = |event: &ical::parser::ical::component::IcalEvent| {
            let uid = value(&event.properties, "UID").expect("a UID");
            // RFC 5545 3.8.7.4: no SEQUENCE is 0.
            let sequence = value(&event.properties, "SEQUENCE").map_or(0, |s| s.parse().expect("a number"));
            (uid, sequence)
        };
        calendar.events.iter().map(read).collect()
    }

    fn tests_input(starts_at: &str) -> AppointmentInput {
        AppointmentInput {
            starts_at: starts_at.into(),
            with_whom: "Dr Nowak".into(),
            place: "Clinic 4".into(),
            purpose: "Scan results".into(),
        }
    }

    /// The UID and SEQUENCE of one appointment in the store.
    fn event_of(store: &Store, id: i64) -> (String, u32) {
        uids_and_sequences(&[store.appointment(id).unwrap()]).remove(0)
    }

    /// A random (version 4) UUID in its usual spelling, checked by hand, not by the generator.
    pub(crate) fn is_random_uuid(uid: &str) -> bool {
        let groups: Vec<&str> = uid.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        lengths == [8, 4, 4, 4, 12]
            && uid.chars().all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
            && groups[2].starts_with('4')
            && groups[3].starts_with(['8', '9', 'a', 'b'])
    }

    #[test]
    fn appointments_made_after_delete_all_have_different_uids() {
        let mut store = Store::open_in_memory().unwrap();
        let before = store.add_appointment(&tests_input("2030-01-15T14:30")).unwrap();
        let (old, _) = event_of(&store, before.id);
        store.delete_all().unwrap();
        let first = store.add_appointment(&tests_input("2030-02-01T10:00")).unwrap();
        let second = store.add_appointment(&tests_input("2030-03-01T10:00")).unwrap();
        assert_eq!(first.id, before.id, "SQLite gives the row id out again");
        let (a, b) = (event_of(&store, first.id).0, event_of(&store, second.id).0);
        assert!(is_random_uuid(&a) && is_random_uuid(&b), "{a} {b}");
        assert!(a != old && b != old && a != b, "{old} {a} {b}");
    }

    #[test]
    fn appointment_made_after_the_highest_is_emptied_from_the_bin_has_a_different_uid() {
        let mut store = Store::open_in_memory().unwrap();
        let kept = store.add_appointment(&tests_input("2030-01-15T14:30")).unwrap();
        let highest = store.add_appointment(&tests_input("2030-02-01T10:00")).unwrap();
        let (old, _) = event_of(&store, highest.id);
        store.delete_appointment(highest.id).unwrap();
        store.empty_bin().unwrap();
        let new = store.add_appointment(&tests_input("2030-04-01T09:00")).unwrap();
        assert_eq!(new.id, highest.id, "SQLite gives the row id out again");
        let (uid, sequence) = event_of(&store, new.id);
        assert_ne!(uid, old);
        assert_ne!(uid, event_of(&store, kept.id).0);
        assert_eq!(sequence, 0, "a new appointment starts at 0");
    }

    #[test]
    fn a_changed_appointment_keeps_its_uid_with_a_higher_sequence() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&tests_input("2030-01-15T14:30")).unwrap();
        let (uid, first) = event_of(&store, a.id);
        let mut last = first;
        let changes: [fn(&mut AppointmentInput); 4] = [
            |i| i.starts_at = "2030-01-16T09:00".into(),
            |i| i.with_whom = "Dr Okafor".into(),
            |i| i.place = "Ward 5".into(),
            |i| i.purpose = "Blood test".into(),
        ];
        let mut input = a.fields.clone();
        for change in changes {
            change(&mut input);
            store.update_appointment(a.id, &input).unwrap();
            let (same, sequence) = event_of(&store, a.id);
            assert_eq!(same, uid, "a calendar updates the event instead of adding one");
            assert!(sequence > last, "{sequence} after {last}");
            last = sequence;
        }
        store.update_appointment(a.id, &input).unwrap();
        assert_eq!(event_of(&store, a.id), (uid, last), "saving it unchanged changes nothing");
    }

    #[test]
    fn undo_and_the_bin_bring_back_the_same_uid_and_sequence() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&tests_input("2030-01-15T14:30")).unwrap();
        let mut changed = a.fields.clone();
        changed.place = "Ward 5".into();
        store.update_appointment(a.id, &changed).unwrap();
        let before = event_of(&store, a.id);
        store.delete_appointment(a.id).unwrap();
        store.restore_appointment(a.id).unwrap();
        assert_eq!(event_of(&store, a.id), before, "Undo");
        store.delete_appointment(a.id).unwrap();
        store.restore_removed(crate::store::RemovedKind::Appointment, a.id).unwrap();
        assert_eq!(event_of(&store, a.id), before, "Bring back from the bin");
    }

    #[test]
    fn a_date_that_cannot_be_read_is_a_plain_error() {
        let err = appointments_ics(&[appointment(1, "soon", "", "", "")], 0).unwrap_err();
        assert!(err.to_string().contains("cannot go in a calendar"), "{err}");
    }
}
