//! Rules that span the content and the store: every id a patient's record points at must be
//! one the content has, whether it was typed or came in a backup.

use crate::content::Content;
use crate::store::Backup;
use crate::Result;

/// A backup that names a question, checklist step, treatment or side effect this app's content
/// does not have is damaged (or edited), and is refused before anything changes.
pub fn check_backup(backup: &Backup, content: &Content) -> Result<()> {
    let questions_known =
        backup.plan_questions.iter().all(|q| q.question_id.as_deref().is_none_or(|id| content.question(id).is_some()));
    let steps_known = backup.checklist.iter().all(|s| content.checklist_step(&s.step_id).is_some());
    let drugs_known =
        backup.treatments.iter().all(|t| t.item.fields.drug == "other" || content.drug(&t.item.fields.drug).is_some());
    let effects_known = backup
        .diary
        .iter()
        .all(|d| d.item.fields.what == "other" || content.side_effect(&d.item.fields.what).is_some());
    if questions_known && steps_known && drugs_known && effects_known {
        Ok(())
    } else {
        Err(crate::store::backup_damaged())
    }
}
