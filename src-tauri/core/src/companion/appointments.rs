//! Appointments with what hangs on them: the questions gathered before one was booked, and the
//! calendar file.

use serde::Serialize;
use ts_rs::TS;

use crate::calendar::appointments_ics;
use crate::model::{Appointment, AppointmentInput};
use crate::store::Store;
use crate::{Error, Result};

/// A new appointment, and how many questions gathered for "my next appointment" moved onto it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AddedAppointment {
    pub appointment: Appointment,
    pub questions_moved: u32,
}

/// Adds an appointment and, when it is now the next one coming (from `now`, local
/// `YYYY-MM-DDTHH:MM`), moves the questions gathered for the next one not booked yet onto it, in
/// one transaction: if the move fails, the appointment is not added either. A past appointment
/// written down for the record, or one after the next, leaves them where they are.
pub fn add_appointment(store: &mut Store, input: &AppointmentInput, now: &str) -> Result<AddedAppointment> {
    store.atomically(|store| {
        let appointment = store.add_appointment(input)?;
        let next = store
            .appointments()?
            .into_iter()
            .filter(|a| a.fields.starts_at.as_str() >= now)
            .min_by(|a, b| a.fields.starts_at.cmp(&b.fields.starts_at).then(a.id.cmp(&b.id)));
        let moved = match next {
            Some(next) if next.id == appointment.id => store.move_unbooked_questions(appointment.id)?,
            _ => 0,
        };
        Ok(AddedAppointment { appointment, questions_moved: u32::try_from(moved).unwrap_or(u32::MAX) })
    })
}

/// A calendar file: its suggested name, its text and how many appointments it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarFile {
    pub name: String,
    pub text: String,
    pub appointments: usize,
}

/// One appointment (`id`), or every one from `now` on (`id` none), as a calendar file.
/// `stamp_unix` is when it is made.
pub fn calendar_file(store: &Store, id: Option<i64>, now: &str, stamp_unix: i64) -> Result<CalendarFile> {
    let (chosen, name) = match id {
        Some(id) => {
            let one = store.appointment(id)?;
            let name = format!("appointment-{}.ics", one.fields.starts_at.get(..10).unwrap_or("day"));
            (vec![one], name)
        }
        None => {
            let coming: Vec<Appointment> =
                store.appointments()?.into_iter().filter(|a| a.fields.starts_at.as_str() >= now).collect();
            if coming.is_empty() {
                return Err(Error::NotFound("There are no coming appointments to add yet.".into()));
            }
            (coming, "my-appointments.ics".to_string())
        }
    };
    let text = appointments_ics(&chosen, stamp_unix)?;
    Ok(CalendarFile { name, text, appointments: chosen.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn input(starts_at: &str) -> AppointmentInput {
        AppointmentInput {
            starts_at: starts_at.into(),
            with_whom: "Dr Nowak".into(),
            place: "Clinic 4".into(),
            purpose: "Scan results".into(),
        }
    }

    #[test]
    fn adding_an_appointment_moves_the_unbooked_questions_onto_it() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_library_question(None, "tki-which").unwrap();
        store.add_own_question(None, "Can I travel?").unwrap();
        let added = add_appointment(&mut store, &input("2030-01-15T14:30"), "2029-12-01T09:00").unwrap();
        assert_eq!(added.questions_moved, 2);
        assert_eq!(store.appointments().unwrap(), vec![added.appointment.clone()]);
        assert_eq!(store.plan(Some(added.appointment.id)).unwrap().len(), 2);
        assert!(store.plan(None).unwrap().is_empty());
    }

    #[test]
    fn only_the_next_coming_appointment_takes_the_unbooked_questions() {
        let now = "2030-01-01T09:00";
        let mut store = Store::open_in_memory().unwrap();
        store.add_own_question(None, "Can I travel?").unwrap();
        // A past one, written down for the record, and one after the next: neither takes them.
        let past = add_appointment(&mut store, &input("2029-11-20T10:00"), now).unwrap();
        assert_eq!(past.questions_moved, 0);
        store.add_appointment(&input("2030-01-10T10:00")).unwrap();
        let later = add_appointment(&mut store, &input("2030-03-01T10:00"), now).unwrap();
        assert_eq!(later.questions_moved, 0);
        assert_eq!(store.plan(None).unwrap().len(), 1);
        // The new next one does.
        let next = add_appointment(&mut store, &input("2030-01-05T10:00"), now).unwrap();
        assert_eq!(next.questions_moved, 1);
        assert_eq!(store.plan(Some(next.appointment.id)).unwrap().len(), 1);
    }

    #[test]
    fn when_the_move_fails_no_appointment_is_added() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_own_question(None, "Can I travel?").unwrap();
        store
            .connection()
            .execute_batch(
                "CREATE TEMP TRIGGER refuse_move BEFORE UPDATE OF appointment_id ON plan_question
                 BEGIN SELECT RAISE(ABORT, 'the disk is full'); END;",
            )
            .unwrap();
        assert!(add_appointment(&mut store, &input("2030-01-15T14:30"), "2029-12-01T09:00").is_err());
        assert!(store.appointments().unwrap().is_empty());
        assert_eq!(store.plan(None).unwrap().len(), 1);
        // The store goes on working afterwards.
        store.connection().execute_batch("DROP TRIGGER refuse_move").unwrap();
        assert_eq!(
            add_appointment(&mut store, &input("2030-01-15T14:30"), "2029-12-01T09:00").unwrap().questions_moved,
            1
        );
    }

    #[test]
    fn the_calendar_takes_the_coming_appointments_only() {
        let mut store = Store::open_in_memory().unwrap();
        let err = calendar_file(&store, None, "2030-01-01T00:00", 0).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        store.add_appointment(&input("2029-12-01T10:00")).unwrap();
        let coming = store.add_appointment(&input("2030-01-15T14:30")).unwrap();
        let file = calendar_file(&store, None, "2030-01-01T00:00", 0).unwrap();
        assert_eq!((file.name.as_str(), file.appointments), ("my-appointments.ics", 1));
        let one = calendar_file(&store, Some(coming.id), "2031-01-01T00:00", 0).unwrap();
        assert_eq!((one.name.as_str(), one.appointments), ("appointment-2030-01-15.ics", 1));
    }
}
