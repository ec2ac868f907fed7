//! What the home page and the banner beside every screen show, read in one go so the first
//! screen is drawn after one answer instead of four.

use serde::Serialize;
use ts_rs::TS;

use crate::content::Content;
use crate::model::{Appointment, CareContact};
use crate::store::Store;
use crate::Result;

/// The next appointment, the questions chosen for it and the patient's 24-hour line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Home {
    /// The first appointment from now on.
    pub next: Option<Appointment>,
    /// The contact the patient marked as their day-or-night line.
    pub line: Option<CareContact>,
    /// How many questions are on the list shown: the next appointment's, else the one not booked yet.
    pub chosen: u32,
    /// That list's top questions, in its order, with their words.
    pub top: Vec<TopQuestion>,
}

/// A question marked as one of the top 3, with the words the patient sees.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TopQuestion {
    /// Its place on the list (`PlanQuestion.id`).
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
}

/// What home shows at `now` (local `YYYY-MM-DDTHH:MM`).
pub fn home(content: &Content, store: &Store, now: &str) -> Result<Home> {
    let next = store.next_appointment(now)?;
    let plan = store.plan(next.as_ref().map(|a| a.id))?;
    let top = plan
        .iter()
        .filter(|q| q.top3)
        .map(|q| TopQuestion {
            id: q.id,
            // A saved list keeps the ids it was given, so a retired question keeps its old words.
            text: match &q.question_id {
                Some(id) => content.question(id).map(|x| x.text.clone()).unwrap_or_default(),
                None => q.own_text.clone().unwrap_or_default(),
            },
        })
        .collect();
    Ok(Home { next, line: store.round_the_clock_line()?, chosen: plan.len() as u32, top })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::model::{AppointmentInput, CareContactInput};

    fn appointment(store: &mut Store, starts_at: &str) -> Appointment {
        let input = AppointmentInput {
            starts_at: starts_at.into(),
            with_whom: "Dr Nowak".into(),
            place: String::new(),
            purpose: String::new(),
        };
        store.add_appointment(&input).unwrap()
    }

    #[test]
    fn home_shows_the_next_appointments_list_with_its_top_questions_in_words() {
        let content = Content::load(&real_dir()).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        appointment(&mut store, "2026-11-01T09:00");
        let next = appointment(&mut store, "2026-12-10T09:00");
        appointment(&mut store, "2027-01-10T09:00");
        store.add_library_question(None, "tki-which").unwrap();
        store.add_library_question(Some(next.id), "ask3-options").unwrap();
        store.add_library_question(Some(next.id), "tki-which").unwrap();
        let own = store.add_own_question(Some(next.id), "Can I fly in March?").unwrap();
        let plan = store.plan(Some(next.id)).unwrap();
        store.set_top3(plan[0].id, true).unwrap();
        store.set_top3(own.id, true).unwrap();
        for (name, round_the_clock) in [("Dr Nowak", false), ("Acute oncology line", true)] {
            let input =
                CareContactInput { name: name.into(), role: String::new(), phone: "0800".into(), round_the_clock };
            store.save_contact(None, &input).unwrap();
        }

        let home = home(&content, &store, "2026-12-01T10:00").unwrap();
        assert_eq!(home.next, Some(next));
        assert_eq!(home.line.unwrap().fields.name, "Acute oncology line");
        assert_eq!(home.chosen, 3);
        let options = content.question("ask3-options").unwrap().text.clone();
        assert_eq!(
            home.top,
            [
                TopQuestion { id: plan[0].id, text: options },
                TopQuestion { id: own.id, text: "Can I fly in March?".into() }
            ]
        );

        // With nothing booked from now on, the list not booked yet.
        let later = super::home(&content, &store, "2027-02-01T10:00").unwrap();
        assert_eq!((later.next, later.chosen, later.top), (None, 1, vec![]));
    }
}
