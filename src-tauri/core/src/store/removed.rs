//! The bin for everything the patient removes: notes, appointments (with their questions and
//! answers), questions, treatments, diary entries, check-ups, contacts and recordings. Removed things wait here for
//! 30 days and can be brought back; only then, or when the patient empties the bin, do they go
//! for good, and the file is scrubbed so their words are not left readable on the disk.

use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{kinds, not_found, recordings, Store, BIN_DAYS};
use crate::Result;

/// What kind of thing is in the bin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RemovedKind {
    Note,
    Appointment,
    Question,
    Treatment,
    DiaryEntry,
    Checkup,
    Contact,
    Recording,
}

impl RemovedKind {
    /// Every kind, in the order the record lists them.
    pub const ALL: [RemovedKind; 8] = [
        RemovedKind::Note,
        RemovedKind::Appointment,
        RemovedKind::Question,
        RemovedKind::Treatment,
        RemovedKind::DiaryEntry,
        RemovedKind::Checkup,
        RemovedKind::Contact,
        RemovedKind::Recording,
    ];

    /// The words the bin names the kind with.
    pub fn label(self) -> &'static str {
        match self {
            RemovedKind::Note => "Note",
            RemovedKind::Appointment => "Appointment",
            RemovedKind::Question => "Question",
            RemovedKind::Treatment => "Treatment",
            RemovedKind::DiaryEntry => "Diary entry",
            RemovedKind::Checkup => "Scan or check-up",
            RemovedKind::Contact => "Care team contact",
            RemovedKind::Recording => "Recording",
        }
    }

    fn table(self) -> &'static str {
        kinds::binnable().find(|&(_, kind, _)| kind == self).map_or("", |(table, _, _)| table)
    }
}

/// One thing in the bin, with enough for the UI to name it in words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RemovedItem {
    pub kind: RemovedKind,
    #[ts(type = "number")]
    pub id: i64,
    /// UTC, when it was removed.
    pub removed_at: String,
    /// Its date: an appointment's time, a diary entry's day, a treatment's start.
    pub date: Option<String>,
    /// A content id the UI turns into words: a library question, a drug, a side effect, a kind of scan.
    pub ref_id: Option<String>,
    /// The patient's own words for it: a note's first line, an own question, a name.
    pub text: String,
}

fn from_row(kind: RemovedKind) -> impl Fn(&Row) -> rusqlite::Result<RemovedItem> {
    move |row| {
        Ok(RemovedItem {
            kind,
            id: row.get(0)?,
            removed_at: row.get(1)?,
            date: row.get(2)?,
            ref_id: row.get(3)?,
            text: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
        })
    }
}

impl Store {
    /// Everything in the bin, the most recently removed first.
    pub fn removed(&self) -> Result<Vec<RemovedItem>> {
        let mut all = Vec::new();
        for (_, kind, select) in kinds::binnable() {
            let mut stmt = self.conn.prepare(&format!("{select} WHERE deleted_at IS NOT NULL"))?;
            let rows = stmt.query_map([], from_row(kind))?.collect::<rusqlite::Result<Vec<_>>>()?;
            all.extend(rows);
        }
        all.sort_by(|a, b| b.removed_at.cmp(&a.removed_at).then(b.id.cmp(&a.id)));
        Ok(all)
    }

    /// Brings one thing back from the bin.
    pub fn restore_removed(&mut self, kind: RemovedKind, id: i64) -> Result<()> {
        match kind {
            RemovedKind::Note => self.restore_note(id).map(|_| ()),
            RemovedKind::Appointment => self.restore_appointment(id).map(|_| ()),
            RemovedKind::Question => self.restore_plan_question(id).map(|_| ()),
            RemovedKind::Treatment
            | RemovedKind::DiaryEntry
            | RemovedKind::Checkup
            | RemovedKind::Contact
            | RemovedKind::Recording => {
                let changed = self.conn.execute(
                    &format!("UPDATE {} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL", kind.table()),
                    params![id],
                )?;
                if changed == 0 {
                    return Err(not_found("entry"));
                }
                Ok(())
            }
        }
    }

    /// Moves one row of `table` (a name from this module, never from the UI) to the bin.
    pub(super) fn bin_row(&mut self, table: &str, id: i64) -> Result<()> {
        self.conn.execute(
            &format!(
                "UPDATE {table} SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1 AND deleted_at IS NULL"
            ),
            params![id],
        )?;
        Ok(())
    }

    /// Removes for good what has been in the bin for more than 30 days. Runs when the store opens.
    pub(super) fn empty_old_bin(&mut self) -> Result<()> {
        let before = format!("strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-{BIN_DAYS} days')");
        self.purge(&format!("deleted_at IS NOT NULL AND deleted_at < {before}"))
    }

    /// Removes for good everything in the bin, and scrubs the file.
    pub fn empty_bin(&mut self) -> Result<()> {
        self.purge("deleted_at IS NOT NULL")?;
        self.scrub()
    }

    fn purge(&mut self, condition: &str) -> Result<()> {
        let files = recordings::files_purged_by(&self.conn, condition)?;
        let tx = self.conn.savepoint()?;
        for (table, _, _) in kinds::binnable() {
            tx.execute(&format!("DELETE FROM {table} WHERE {condition}"), [])?;
        }
        tx.commit()?;
        // Only once the rows are gone for good: a purge that fails leaves every file in place.
        self.erased_recordings.extend(files);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bother, CareContactInput, CheckupInput, CheckupKind, DiaryInput, TreatmentInput};
    use crate::store::appointments::tests_input;

    #[test]
    fn a_removed_appointment_keeps_its_questions_and_answers_until_it_comes_back() {
        let mut store = Store::open_in_memory().unwrap();
        let a = store.add_appointment(&tests_input("2030-01-15T14:30")).unwrap();
        store.add_library_question(Some(a.id), "tki-which").unwrap();
        let q = store.plan(Some(a.id)).unwrap()[0].id;
        store.answer_plan_question(q, "Alectinib, said Dr Nowak", true).unwrap();
        store.delete_appointment(a.id).unwrap();
        assert!(store.appointments().unwrap().is_empty());
        let bin = store.removed().unwrap();
        assert_eq!(bin.len(), 1);
        assert_eq!((bin[0].kind, bin[0].date.as_deref()), (RemovedKind::Appointment, Some("2030-01-15T14:30")));
        store.restore_removed(RemovedKind::Appointment, a.id).unwrap();
        assert_eq!(store.appointments().unwrap().len(), 1);
        assert_eq!(store.plan(Some(a.id)).unwrap()[0].answer, "Alectinib, said Dr Nowak");
        assert!(store.removed().unwrap().is_empty());
    }

    #[test]
    fn removed_question_comes_back_with_its_answer_when_chosen_again() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_library_question(None, "tki-which").unwrap();
        let q = store.plan(None).unwrap()[0].id;
        store.answer_plan_question(q, "My answer", false).unwrap();
        store.remove_library_question(None, "tki-which").unwrap();
        assert!(store.plan(None).unwrap().is_empty());
        store.add_library_question(None, "tki-which").unwrap();
        assert_eq!(store.plan(None).unwrap()[0].answer, "My answer");
    }

    #[test]
    fn diary_entries_wait_in_the_bin_and_emptying_it_removes_them_for_good() {
        let mut store = Store::open_in_memory().unwrap();
        let entry = store
            .add_diary_entry(&DiaryInput {
                on_date: "2026-11-20".into(),
                what: "rash".into(),
                other_what: String::new(),
                bother: Bother::ALot,
                note: String::new(),
            })
            .unwrap();
        store.delete_diary_entry(entry.id).unwrap();
        assert!(store.diary(None).unwrap().is_empty());
        store.restore_removed(RemovedKind::DiaryEntry, entry.id).unwrap();
        assert_eq!(store.diary(None).unwrap().len(), 1);
        store.delete_diary_entry(entry.id).unwrap();
        store.empty_bin().unwrap();
        assert!(store.removed().unwrap().is_empty());
        assert_eq!(
            store.restore_removed(RemovedKind::DiaryEntry, entry.id).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }

    /// A kind the bin holds but ALL leaves out would reach the UI without its words.
    #[test]
    fn every_kind_the_bin_holds_has_its_words_sent() {
        let mut held: Vec<RemovedKind> = kinds::binnable().map(|(_, kind, _)| kind).collect();
        held.sort();
        assert_eq!(held, RemovedKind::ALL);
    }

    /// Every kind the bin holds, as its own screen lists it, by id.
    fn lists(store: &Store) -> Vec<(RemovedKind, Vec<i64>)> {
        vec![
            (RemovedKind::Note, store.notes().unwrap().iter().map(|x| x.id).collect()),
            (RemovedKind::Appointment, store.appointments().unwrap().iter().map(|x| x.id).collect()),
            (RemovedKind::Question, store.plan(None).unwrap().iter().map(|x| x.id).collect()),
            (RemovedKind::Treatment, store.treatments().unwrap().iter().map(|x| x.id).collect()),
            (RemovedKind::DiaryEntry, store.diary(None).unwrap().iter().map(|x| x.id).collect()),
            (RemovedKind::Checkup, store.checkups().unwrap().iter().map(|x| x.id).collect()),
            (RemovedKind::Contact, store.contacts().unwrap().iter().map(|x| x.id).collect()),
            (
                RemovedKind::Recording,
                store
                    .appointments()
                    .unwrap()
                    .iter()
                    .flat_map(|a| store.recordings(a.id).unwrap())
                    .map(|x| x.id)
                    .collect(),
            ),
        ]
    }

    #[test]
    fn undo_puts_each_kind_back_in_its_place() {
        let mut store = Store::open_in_memory().unwrap();
        for day in ["2030-01-15", "2030-01-16", "2030-01-17"] {
            store.save_note(None, day, None).unwrap();
            store.add_appointment(&tests_input(&format!("{day}T10:00"))).unwrap();
            store.add_own_question(None, day).unwrap();
            let diary = DiaryInput {
                on_date: day.into(),
                what: "rash".into(),
                other_what: String::new(),
                bother: Bother::ALot,
                note: String::new(),
            };
            store.add_diary_entry(&diary).unwrap();
            let checkup = CheckupInput { on_date: day.into(), kind: CheckupKind::CtScan, note: String::new() };
            store.add_checkup(&checkup).unwrap();
            let contact = CareContactInput {
                name: day.into(),
                role: String::new(),
                phone: String::new(),
                round_the_clock: false,
            };
            store.save_contact(None, &contact).unwrap();
            let treatment = TreatmentInput {
                drug: "other".into(),
                other_name: day.into(),
                started_on: day.into(),
                stopped_on: None,
                stop_reason: None,
                reason_note: String::new(),
            };
            store.save_treatment(None, &treatment).unwrap();
            let first = store.appointments().unwrap()[0].id;
            store.add_recording(first, &format!("{day}.mp3"), &format!("{day}T10:05")).unwrap();
        }
        let before = lists(&store);
        for (kind, ids) in &before {
            for &id in &ids[..2] {
                let kind = *kind;
                match kind {
                    RemovedKind::Note => store.delete_note(id),
                    RemovedKind::Appointment => store.delete_appointment(id),
                    RemovedKind::Question => store.remove_plan_question(id),
                    RemovedKind::DiaryEntry => store.delete_diary_entry(id),
                    RemovedKind::Checkup => store.delete_checkup(id),
                    RemovedKind::Contact => store.delete_contact(id),
                    RemovedKind::Treatment => store.delete_treatment(id),
                    RemovedKind::Recording => store.remove_recording(id),
                }
                .unwrap();
            }
            // Brought back last-removed first, as Undo and the Bin would.
            store.restore_removed(*kind, ids[1]).unwrap();
            store.restore_removed(*kind, ids[0]).unwrap();
        }
        assert_eq!(lists(&store), before);
    }
}
