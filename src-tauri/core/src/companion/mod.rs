//! The use cases: every operation that needs more than one part (the content, the store, the
//! calendar, the pack). A command calls one of these; the parts below never call each other for
//! a rule that spans them. Here the content ids a record points at are checked, once, whether
//! typed or brought in by a backup.

mod appointments;
mod backup;
mod home;

use crate::content::Content;
use crate::model::{DiaryEntry, DiaryInput, PlanQuestion, Treatment, TreatmentInput};
use crate::pack::{gather, PackRequest, PackSettings};
use crate::store::{StepProgress, Store};
use crate::{Error, Result};

pub use appointments::{add_appointment, calendar_file, AddedAppointment, CalendarFile};
pub use backup::{check_backup, delete_all, import_backup};
pub use home::{home, Home, TopQuestion};

/// An id in the patient's record that names something in the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentId<'a> {
    /// A question from the library, offered or retired.
    Question(&'a str),
    /// A step of the checklist, shown or retired.
    ChecklistStep(&'a str),
    /// A treatment from the list, or "other" with the patient's own name for it.
    Drug(&'a str),
    /// A side effect or feeling from the diary's list, or "other" with the patient's own words.
    SideEffect(&'a str),
}

impl ContentId<'_> {
    /// The one rule: the content has it, current or retired, since saved records point at both.
    pub fn is_known(self, content: &Content) -> bool {
        match self {
            ContentId::Question(id) => content.question(id).is_some(),
            ContentId::ChecklistStep(id) => content.checklist_step(id).is_some(),
            ContentId::Drug(id) => id == "other" || content.drug(id).is_some(),
            ContentId::SideEffect(id) => id == "other" || content.side_effect(id).is_some(),
        }
    }

    /// What a patient is told when a typed id is not known.
    fn refusal(self) -> Error {
        match self {
            ContentId::Question(_) => Error::NotFound("That question is not in the question library.".into()),
            ContentId::ChecklistStep(_) => Error::NotFound("That step is not in the checklist.".into()),
            ContentId::Drug(_) => Error::Invalid("Please choose the treatment from the list, or choose Other.".into()),
            ContentId::SideEffect(_) => {
                Error::Invalid("Please choose the side effect from the list, or choose Other.".into())
            }
        }
    }

    /// Refuses an id the content does not have, in plain words.
    pub fn check(self, content: &Content) -> Result<()> {
        if self.is_known(content) {
            Ok(())
        } else {
            Err(self.refusal())
        }
    }
}

/// The content and the store together, for the changes that need both.
pub struct Companion<'a> {
    content: &'a Content,
    store: &'a mut Store,
}

impl<'a> Companion<'a> {
    pub fn new(content: &'a Content, store: &'a mut Store) -> Self {
        Companion { content, store }
    }

    /// Puts a library question on a list (`chosen`) or takes it off; returns the list.
    pub fn choose_question(
        &mut self,
        appointment: Option<i64>,
        question_id: &str,
        chosen: bool,
    ) -> Result<Vec<PlanQuestion>> {
        ContentId::Question(question_id).check(self.content)?;
        if chosen {
            self.store.add_library_question(appointment, question_id)?;
        } else {
            self.store.remove_library_question(appointment, question_id)?;
        }
        self.store.plan(appointment)
    }

    pub fn set_step_progress(&mut self, step_id: &str, done: bool, note: &str) -> Result<StepProgress> {
        ContentId::ChecklistStep(step_id).check(self.content)?;
        self.store.set_step_progress(step_id, done, note)
    }

    /// Adds a treatment (`id` none) or changes one.
    pub fn save_treatment(&mut self, id: Option<i64>, input: &TreatmentInput) -> Result<Treatment> {
        ContentId::Drug(&input.drug).check(self.content)?;
        self.store.save_treatment(id, input)
    }

    pub fn add_diary_entry(&mut self, input: &DiaryInput) -> Result<DiaryEntry> {
        ContentId::SideEffect(&input.what).check(self.content)?;
        self.store.add_diary_entry(input)
    }

    /// Everything the pack prints, from the content and the store, ready to lay out.
    pub fn gather_pack(&self, settings: &PackSettings, now: &str, created_unix: i64) -> Result<PackRequest> {
        gather(self.content, self.store, settings, now, created_unix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tests::real_dir;
    use crate::model::{Bother, TreatmentInput};
    use crate::store::Backup;
    use crate::ErrorKind;

    fn content() -> Content {
        Content::load(&real_dir()).unwrap()
    }

    /// A backup file read and checked, as preview_backup does before anything changes.
    fn read_backup(content: &Content, bytes: &[u8]) -> Result<Backup> {
        let backup = Backup::parse(bytes)?;
        check_backup(&backup, content)?;
        Ok(backup)
    }

    /// A filled-in record whose one content id is `id`, as a backup file.
    fn backup_naming(kind: &str, id: &str) -> Vec<u8> {
        let mut store = Store::open_in_memory().unwrap();
        match kind {
            "question" => store.add_library_question(None, "tki-which").unwrap(),
            "step" => drop(store.set_step_progress("talk-first", true, "").unwrap()),
            "drug" => drop(store.save_treatment(None, &treatment("alectinib")).unwrap()),
            _ => drop(store.add_diary_entry(&diary("rash")).unwrap()),
        }
        let mut json = serde_json::to_value(store.export_backup().unwrap()).unwrap();
        let at = match kind {
            "question" => &mut json["planQuestions"][0]["questionId"],
            "step" => &mut json["checklist"][0]["stepId"],
            "drug" => &mut json["treatments"][0]["drug"],
            _ => &mut json["diary"][0]["what"],
        };
        *at = id.into();
        serde_json::to_vec(&json).unwrap()
    }

    fn treatment(drug: &str) -> TreatmentInput {
        TreatmentInput {
            drug: drug.into(),
            other_name: String::new(),
            started_on: "2025-01-01".into(),
            stopped_on: None,
            stop_reason: None,
            reason_note: String::new(),
        }
    }

    fn diary(what: &str) -> DiaryInput {
        DiaryInput {
            on_date: "2026-11-20".into(),
            what: what.into(),
            other_what: String::new(),
            bother: Bother::ALot,
            note: String::new(),
        }
    }

    #[test]
    fn an_id_the_content_lacks_is_refused_the_same_way_typed_and_imported() {
        let content = content();
        let mut store = Store::open_in_memory().unwrap();
        let mut companion = Companion::new(&content, &mut store);
        let typed = [
            ("question", companion.choose_question(None, "made-up", true).map(drop)),
            ("step", companion.set_step_progress("made-up", true, "").map(drop)),
            ("drug", companion.save_treatment(None, &treatment("made-up")).map(drop)),
            ("side effect", companion.add_diary_entry(&diary("made-up")).map(drop)),
        ];
        for (kind, typed) in typed {
            let kind = if kind == "side effect" { "diary" } else { kind };
            let typed = typed.unwrap_err();
            assert!(matches!(typed.kind(), ErrorKind::NotFound | ErrorKind::InvalidInput), "{kind}");
            let imported = read_backup(&content, &backup_naming(kind, "made-up")).unwrap_err();
            assert!(imported.plain_message().contains("damaged"), "{kind}: {}", imported.plain_message());
            // And the same id the content has is taken both ways.
            let known = match kind {
                "question" => "tki-which",
                "step" => "talk-first",
                "drug" => "alectinib",
                _ => "rash",
            };
            read_backup(&content, &backup_naming(kind, known)).unwrap();
        }
        assert_eq!(store.plan(None).unwrap(), vec![]);
        assert!(store.treatments().unwrap().is_empty() && store.diary(None).unwrap().is_empty());
    }

    #[test]
    fn other_is_known_where_the_patient_may_use_their_own_words() {
        let content = content();
        assert!(ContentId::Drug("other").is_known(&content));
        assert!(ContentId::SideEffect("other").is_known(&content));
        assert!(!ContentId::Question("other").is_known(&content));
        assert!(!ContentId::ChecklistStep("other").is_known(&content));
    }
}
