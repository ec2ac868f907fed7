//! A backup checked against the content and brought in, and the whole record deleted:
//! each change that replaces the record takes a safety copy first.

use super::ContentId;
use crate::content::Content;
use crate::store::{backup_damaged, Backup, Store};
use crate::Result;

/// A backup that names a question, checklist step, treatment or side effect this app's content
/// does not have is damaged (or edited), and is refused before anything changes.
pub fn check_backup(backup: &Backup, content: &Content) -> Result<()> {
    let mut ids = backup
        .plan_questions
        .iter()
        .filter_map(|q| q.question_id.as_deref().map(ContentId::Question))
        .chain(backup.checklist.iter().map(|s| ContentId::ChecklistStep(&s.step_id)))
        .chain(backup.treatments.iter().map(|t| ContentId::Drug(&t.item.fields.drug)))
        .chain(backup.diary.iter().map(|d| ContentId::SideEffect(&d.item.fields.what)));
    if ids.all(|id| id.is_known(content)) {
        Ok(())
    } else {
        Err(backup_damaged())
    }
}

/// Replaces the record with a backup read by `read_backup`, all or nothing, after a safety copy.
pub fn import_backup(store: &mut Store, backup: &Backup) -> Result<()> {
    store.take_snapshot("before-import")?;
    store.import_backup(backup)
}

/// Deletes the whole record, after a safety copy.
pub fn delete_all(store: &mut Store) -> Result<()> {
    store.take_snapshot("before-delete-all")?;
    store.delete_all()
}
