//! The questions for one appointment, or for the next one not booked yet (`None`).

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::backup::{bad_text, check_binned, damaged, nothing_changed, on_lists, unique, BackupPart};
use super::{appointments, check_text, not_found, Store, MAX_ANSWER_CHARS, MAX_SHORT_CHARS};
use crate::model::PlanQuestion;
use crate::{Error, Result};

/// How many questions can be marked "top 3".
pub const MAX_TOP: usize = 3;

fn from_row(row: &Row) -> rusqlite::Result<PlanQuestion> {
    Ok(PlanQuestion {
        id: row.get(0)?,
        appointment_id: row.get(1)?,
        question_id: row.get(2)?,
        own_text: row.get(3)?,
        top3: row.get(4)?,
        answer: row.get(5)?,
        asked: row.get(6)?,
    })
}

const COLUMNS: &str = "id, appointment_id, question_id, own_text, top3, answer, asked";
/// Top 3 first, then the rest, each in the patient's order.
const ORDER: &str = "ORDER BY top3 DESC, position, id";
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// Numbers a list 1, 2, 3... in the order given, so no position from an old list or a backup
/// can tie or overflow.
fn number_afresh(tx: &rusqlite::Connection, ids: &[i64]) -> Result<()> {
    for (position, id) in (1_i64..).zip(ids) {
        tx.execute("UPDATE plan_question SET position = ?2 WHERE id = ?1", params![id, position])?;
    }
    Ok(())
}

/// A question on a list in a backup, with its place in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackupQuestion {
    /// Kept from version 2 on, so a question's id is the same after a backup comes back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub appointment_id: Option<i64>,
    pub question_id: Option<String>,
    pub own_text: Option<String>,
    pub position: i64,
    pub top3: bool,
    pub answer: String,
    pub asked: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
}

/// The most places a list in a backup can have: far more than any list, far from overflowing.
const MAX_POSITION: i64 = 1_000_000;

/// The backup's `planQuestions`: every list, each question with its place in its list.
pub(super) const BACKUP: BackupPart = BackupPart {
    export: |store, backup| {
        // Each list numbered 1, 2, 3... in its stored order (so a question taken out of the top 3
        // later goes back to the same place), the bin after.
        let mut stmt = store.conn.prepare(
            "SELECT appointment_id, question_id, own_text, top3, answer, asked, deleted_at, id FROM plan_question
             ORDER BY appointment_id, deleted_at IS NOT NULL, position, id",
        )?;
        let mut questions: Vec<BackupQuestion> = stmt
            .query_map([], |r| {
                Ok(BackupQuestion {
                    id: r.get(7)?,
                    appointment_id: r.get(0)?,
                    question_id: r.get(1)?,
                    own_text: r.get(2)?,
                    position: 0,
                    top3: r.get(3)?,
                    answer: r.get(4)?,
                    asked: r.get(5)?,
                    deleted_at: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut last: Option<(Option<i64>, i64)> = None;
        for q in &mut questions {
            let position = match last {
                Some((list, position)) if list == q.appointment_id => position + 1,
                _ => 1,
            };
            q.position = position;
            last = Some((q.appointment_id, position));
        }
        backup.plan_questions = questions;
        Ok(())
    },
    check: |backup| {
        unique(backup.plan_questions.iter().filter_map(|q| q.id))?;
        let known = appointments::in_backup(backup);
        #[derive(Default)]
        struct List<'a> {
            positions: HashSet<i64>,
            library: HashSet<&'a str>,
            tops: usize,
        }
        let mut lists: HashMap<Option<i64>, List> = HashMap::new();
        for q in &backup.plan_questions {
            if q.question_id.is_some() == q.own_text.is_some() || !known(q.appointment_id) {
                return Err(damaged());
            }
            if let Some(own) = &q.own_text {
                if own.trim().is_empty() {
                    return Err(damaged());
                }
                check_text(own, MAX_SHORT_CHARS, "question").map_err(bad_text)?;
            }
            check_text(&q.answer, MAX_ANSWER_CHARS, "answer").map_err(bad_text)?;
            check_binned(&q.deleted_at)?;
            if !(1..=MAX_POSITION).contains(&q.position) {
                return Err(damaged());
            }
            if q.deleted_at.is_some() {
                continue;
            }
            let list = lists.entry(q.appointment_id).or_default();
            if !list.positions.insert(q.position) {
                return Err(damaged());
            }
            if let Some(id) = &q.question_id {
                if !list.library.insert(id) {
                    return Err(damaged());
                }
            }
            list.tops += usize::from(q.top3);
            if list.tops > MAX_TOP {
                return Err(nothing_changed(
                    "This backup file is damaged: one of its lists has more than 3 questions in its top 3.",
                ));
            }
        }
        Ok(())
    },
    import: |conn, backup| {
        let mut insert = conn.prepare(
            "INSERT INTO plan_question (appointment_id, question_id, own_text, position, top3, answer, asked, deleted_at, id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for q in &backup.plan_questions {
            insert.execute(params![
                q.appointment_id,
                q.question_id,
                q.own_text,
                q.position,
                q.top3,
                q.answer,
                q.asked,
                q.deleted_at,
                q.id
            ])?;
        }
        Ok(())
    },
    count: |backup, preview| preview.questions = on_lists(&backup.plan_questions, |q| q.deleted_at.is_some()),
};

impl Store {
    /// The list for an appointment, top 3 first.
    pub fn plan(&self, appointment: Option<i64>) -> Result<Vec<PlanQuestion>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM plan_question WHERE appointment_id IS ?1 AND deleted_at IS NULL {ORDER}"
        ))?;
        let rows = stmt.query_map(params![appointment], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn plan_question(&self, id: i64) -> Result<PlanQuestion> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM plan_question WHERE id = ?1 AND deleted_at IS NULL"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| not_found("question"))
    }

    /// The place after the last one on the list. Positions stay small, because moving a
    /// question numbers its list afresh, so this cannot overflow.
    fn next_position(&self, appointment: Option<i64>) -> Result<i64> {
        let last: i64 = self.conn.query_row(
            "SELECT COALESCE(MAX(position), 0) FROM plan_question WHERE appointment_id IS ?1",
            params![appointment],
            |r| r.get(0),
        )?;
        Ok(last.saturating_add(1))
    }

    /// Adds a library question to the list; adding it twice keeps one. A copy of it in the bin
    /// comes back instead, with its answer.
    pub fn add_library_question(&mut self, appointment: Option<i64>, question_id: &str) -> Result<()> {
        let live: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM plan_question WHERE appointment_id IS ?1 AND question_id = ?2 AND deleted_at IS NULL",
                params![appointment, question_id],
                |r| r.get(0),
            )
            .optional()?;
        if live.is_some() {
            return Ok(());
        }
        let binned: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM plan_question WHERE appointment_id IS ?1 AND question_id = ?2
                 ORDER BY deleted_at DESC, id DESC LIMIT 1",
                params![appointment, question_id],
                |r| r.get(0),
            )
            .optional()?;
        match binned {
            Some(id) => self.restore_plan_question(id).map(|_| ()),
            None => {
                let position = self.next_position(appointment)?;
                self.conn.execute(
                    "INSERT INTO plan_question (appointment_id, question_id, position) VALUES (?1, ?2, ?3)",
                    params![appointment, question_id, position],
                )?;
                Ok(())
            }
        }
    }

    /// Takes a library question off the list, into the bin with its answer.
    pub fn remove_library_question(&mut self, appointment: Option<i64>, question_id: &str) -> Result<()> {
        self.conn.execute(
            &format!(
                "UPDATE plan_question SET deleted_at = {NOW}
                 WHERE appointment_id IS ?1 AND question_id = ?2 AND deleted_at IS NULL"
            ),
            params![appointment, question_id],
        )?;
        Ok(())
    }

    /// Brings a question back from the bin to its place in its list, with its answer. It keeps
    /// its top 3 mark while there is room; when the top 3 filled up meanwhile it comes back first
    /// below them. A library question already back on the list is not doubled.
    pub fn restore_plan_question(&mut self, id: i64) -> Result<PlanQuestion> {
        let (appointment, question_id, top3, position): (Option<i64>, Option<String>, bool, i64) = self
            .conn
            .query_row(
                "SELECT appointment_id, question_id, top3, position FROM plan_question
                 WHERE id = ?1 AND deleted_at IS NOT NULL",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| not_found("question"))?;
        if let Some(question_id) = &question_id {
            let live: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM plan_question
                 WHERE appointment_id IS ?1 AND question_id = ?2 AND deleted_at IS NULL)",
                params![appointment, question_id],
                |r| r.get(0),
            )?;
            if live {
                return Err(Error::Invalid("This question is already on your list.".into()));
            }
        }
        // In stored order, not shown order, so numbering afresh keeps every other place as it was.
        let mut stmt = self.conn.prepare(
            "SELECT id, top3, position FROM plan_question WHERE appointment_id IS ?1 AND deleted_at IS NULL
             ORDER BY position, id",
        )?;
        let order: Vec<(i64, bool, i64)> = stmt
            .query_map(params![appointment], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        let top = top3 && order.iter().filter(|(_, t, _)| *t).count() < MAX_TOP;
        // Before the first at or after its old place: while nothing else moved, exactly where it
        // was, and in order when several come back in any order.
        let at =
            order.iter().position(|&(_, t, p)| if top3 && !top { !t } else { p >= position }).unwrap_or(order.len());
        let mut ids: Vec<i64> = order.into_iter().map(|(id, _, _)| id).collect();
        ids.insert(at, id);
        let tx = self.conn.savepoint()?;
        tx.execute("UPDATE plan_question SET deleted_at = NULL, top3 = ?2 WHERE id = ?1", params![id, top])?;
        number_afresh(&tx, &ids)?;
        tx.commit()?;
        self.plan_question(id)
    }

    pub fn add_own_question(&mut self, appointment: Option<i64>, text: &str) -> Result<PlanQuestion> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Invalid("Please write your question in the box first.".into()));
        }
        check_text(text, MAX_SHORT_CHARS, "question")?;
        let position = self.next_position(appointment)?;
        self.conn.execute(
            "INSERT INTO plan_question (appointment_id, own_text, position) VALUES (?1, ?2, ?3)",
            params![appointment, text, position],
        )?;
        self.plan_question(self.conn.last_insert_rowid())
    }

    /// Takes a question off the list, into the bin with its answer.
    pub fn remove_plan_question(&mut self, id: i64) -> Result<()> {
        self.conn.execute(
            &format!("UPDATE plan_question SET deleted_at = {NOW} WHERE id = ?1 AND deleted_at IS NULL"),
            params![id],
        )?;
        Ok(())
    }

    /// Swaps the question with its neighbour above (`up`) or below, within its group, then
    /// numbers the whole list afresh.
    pub fn move_plan_question(&mut self, id: i64, up: bool) -> Result<()> {
        let question = self.plan_question(id)?;
        let mut order: Vec<PlanQuestion> = self.plan(question.appointment_id)?;
        let index = order.iter().position(|q| q.id == id).ok_or_else(|| not_found("question"))?;
        let other = if up { index.checked_sub(1) } else { index.checked_add(1) };
        match other.and_then(|i| order.get(i)) {
            Some(neighbour) if neighbour.top3 == question.top3 => {}
            _ => return Ok(()),
        }
        if let Some(other) = other {
            order.swap(index, other);
        }
        let ids: Vec<i64> = order.iter().map(|q| q.id).collect();
        let tx = self.conn.savepoint()?;
        number_afresh(&tx, &ids)?;
        tx.commit()?;
        Ok(())
    }

    /// Marks or unmarks a question as one of the top 3. A fourth is refused in plain words.
    pub fn set_top3(&mut self, id: i64, top: bool) -> Result<()> {
        let question = self.plan_question(id)?;
        if top && !question.top3 {
            let count = self.plan(question.appointment_id)?.iter().filter(|q| q.top3).count();
            if count >= MAX_TOP {
                return Err(Error::Invalid(
                    "You already have 3 top questions. To choose this one, take one of the others out of your top 3 first."
                        .into(),
                ));
            }
        }
        self.conn
            .execute("UPDATE plan_question SET top3 = ?2 WHERE id = ?1 AND deleted_at IS NULL", params![id, top])?;
        Ok(())
    }

    pub fn answer_plan_question(&mut self, id: i64, answer: &str, asked: bool) -> Result<PlanQuestion> {
        check_text(answer, MAX_ANSWER_CHARS, "answer")?;
        let changed = self.conn.execute(
            "UPDATE plan_question SET answer = ?2, asked = ?3 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, answer, asked],
        )?;
        if changed == 0 {
            return Err(not_found("question"));
        }
        self.plan_question(id)
    }

    /// Moves the list for an appointment not booked yet onto a booked one, once it is booked.
    /// Questions already on that list stay once. Returns how many moved.
    pub fn move_unbooked_questions(&mut self, to: i64) -> Result<usize> {
        let tx = self.conn.savepoint()?;
        let offset: i64 = tx.query_row(
            "SELECT COALESCE(MAX(position), 0) FROM plan_question WHERE appointment_id = ?1",
            params![to],
            |r| r.get(0),
        )?;
        // A question already on the booked list stays there once; the other copy goes to the bin.
        tx.execute(
            &format!(
                "UPDATE plan_question SET deleted_at = {NOW}
                 WHERE appointment_id IS NULL AND deleted_at IS NULL AND question_id IN
                 (SELECT question_id FROM plan_question
                  WHERE appointment_id = ?1 AND question_id IS NOT NULL AND deleted_at IS NULL)"
            ),
            params![to],
        )?;
        let moved = tx.execute(
            "UPDATE plan_question SET appointment_id = ?1, position = position + ?2
             WHERE appointment_id IS NULL AND deleted_at IS NULL",
            params![to, offset],
        )?;
        // Moved top 3 questions keep that place only while the booked list has room.
        tx.execute(
            "UPDATE plan_question SET top3 = 0 WHERE id IN (
                SELECT id FROM plan_question WHERE appointment_id = ?1 AND deleted_at IS NULL AND top3 = 1
                ORDER BY position DESC, id DESC
                LIMIT max(0, (SELECT count(*) FROM plan_question
                              WHERE appointment_id = ?1 AND deleted_at IS NULL AND top3 = 1) - ?2))",
            params![to, MAX_TOP as i64],
        )?;
        tx.commit()?;
        Ok(moved)
    }

    /// Copies the questions without an answer to another list, in order; ones already there
    /// are skipped. Returns how many were copied.
    pub fn copy_unanswered(&mut self, from: Option<i64>, to: Option<i64>) -> Result<usize> {
        if from == to {
            return Ok(0);
        }
        let unanswered: Vec<PlanQuestion> =
            self.plan(from)?.into_iter().filter(|q| q.answer.trim().is_empty()).collect();
        let existing = self.plan(to)?;
        let tx = self.conn.savepoint()?;
        let mut position: i64 = tx.query_row(
            "SELECT COALESCE(MAX(position), 0) FROM plan_question WHERE appointment_id IS ?1",
            params![to],
            |r| r.get(0),
        )?;
        let mut copied = 0;
        for q in unanswered {
            let already = existing.iter().any(|e| {
                (q.question_id.is_some() && e.question_id == q.question_id)
                    || (q.own_text.is_some() && e.own_text == q.own_text)
            });
            if already {
                continue;
            }
            position += 1;
            tx.execute(
                "INSERT INTO plan_question (appointment_id, question_id, own_text, position) VALUES (?1, ?2, ?3, ?4)",
                params![to, q.question_id, q.own_text, position],
            )?;
            copied += 1;
        }
        tx.commit()?;
        Ok(copied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn ids(store: &Store, appointment: Option<i64>) -> Vec<String> {
        store.plan(appointment).unwrap().into_iter().map(|q| q.question_id.or(q.own_text).unwrap()).collect()
    }

    #[test]
    fn top_three_lead_the_list_and_a_fourth_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        for id in ["a", "b", "c", "d", "e"] {
            store.add_library_question(None, id).unwrap();
        }
        let plan = store.plan(None).unwrap();
        store.set_top3(plan[4].id, true).unwrap();
        store.set_top3(plan[2].id, true).unwrap();
        store.set_top3(plan[3].id, true).unwrap();
        assert_eq!(ids(&store, None), vec!["c", "d", "e", "a", "b"]);
        let err = store.set_top3(plan[0].id, true).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.plain_message().contains("3 top questions"));
        // Marking one already in the top 3 again is fine.
        store.set_top3(plan[2].id, true).unwrap();
    }

    #[test]
    fn questions_move_up_and_down() {
        let mut store = Store::open_in_memory().unwrap();
        for id in ["a", "b", "c"] {
            store.add_library_question(None, id).unwrap();
        }
        let plan = store.plan(None).unwrap();
        store.move_plan_question(plan[2].id, true).unwrap();
        assert_eq!(ids(&store, None), vec!["a", "c", "b"]);
        store.move_plan_question(plan[0].id, false).unwrap();
        assert_eq!(ids(&store, None), vec!["c", "a", "b"]);
        // "b" is last now; it cannot go lower.
        store.move_plan_question(plan[1].id, false).unwrap();
        assert_eq!(ids(&store, None), vec!["c", "a", "b"], "the last one cannot go lower");
    }

    #[test]
    fn a_question_brought_back_returns_to_its_place_with_its_top_mark_and_answer() {
        let mut store = Store::open_in_memory().unwrap();
        for id in ["a", "b", "c", "d", "e"] {
            store.add_library_question(None, id).unwrap();
        }
        let plan = store.plan(None).unwrap();
        store.remove_plan_question(plan[0].id).unwrap();
        store.restore_removed(crate::store::RemovedKind::Question, plan[0].id).unwrap();
        assert_eq!(ids(&store, None), vec!["a", "b", "c", "d", "e"], "the first comes back first");

        store.set_top3(plan[1].id, true).unwrap();
        store.set_top3(plan[3].id, true).unwrap();
        store.answer_plan_question(plan[3].id, "Every 3 months", false).unwrap();
        assert_eq!(ids(&store, None), vec!["b", "d", "a", "c", "e"]);
        store.remove_plan_question(plan[3].id).unwrap();
        store.remove_plan_question(plan[2].id).unwrap();
        store.restore_removed(crate::store::RemovedKind::Question, plan[3].id).unwrap();
        store.restore_removed(crate::store::RemovedKind::Question, plan[2].id).unwrap();
        assert_eq!(ids(&store, None), vec!["b", "d", "a", "c", "e"]);
        let back = &store.plan(None).unwrap()[1];
        assert_eq!((back.top3, back.answer.as_str()), (true, "Every 3 months"));
    }

    #[test]
    fn a_question_whose_top_place_was_taken_comes_back_first_below_the_top_three() {
        let mut store = Store::open_in_memory().unwrap();
        for id in ["a", "b", "c", "d", "e"] {
            store.add_library_question(None, id).unwrap();
        }
        let plan = store.plan(None).unwrap();
        for q in &plan[..3] {
            store.set_top3(q.id, true).unwrap();
        }
        store.remove_plan_question(plan[1].id).unwrap();
        store.set_top3(plan[4].id, true).unwrap();
        store.restore_removed(crate::store::RemovedKind::Question, plan[1].id).unwrap();
        assert_eq!(ids(&store, None), vec!["a", "c", "e", "b", "d"]);
        assert!(!store.plan(None).unwrap()[3].top3);
    }

    #[test]
    fn unbooked_list_moves_to_the_booked_appointment() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_library_question(None, "a").unwrap();
        store.add_library_question(None, "b").unwrap();
        let booked = store.add_appointment(&super::super::appointments::tests_input("2026-12-01T10:00")).unwrap();
        store.add_library_question(Some(booked.id), "b").unwrap();
        assert_eq!(store.move_unbooked_questions(booked.id).unwrap(), 1);
        assert_eq!(ids(&store, Some(booked.id)), vec!["b", "a"]);
        assert!(store.plan(None).unwrap().is_empty());
    }

    #[test]
    fn own_questions_must_have_words() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.add_own_question(None, "   ").unwrap_err();
        assert_eq!(err.plain_message(), "Please write your question in the box first.");
        let own = store.add_own_question(None, " Can I fly to Kraków? ✈ ").unwrap();
        assert_eq!(own.own_text.as_deref(), Some("Can I fly to Kraków? ✈"));
    }

    #[test]
    fn answers_are_kept_and_unanswered_copy_to_the_next_appointment() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store.add_appointment(&super::super::appointments::tests_input("2026-12-01T10:00")).unwrap();
        let second = store.add_appointment(&super::super::appointments::tests_input("2027-03-01T10:00")).unwrap();
        store.add_library_question(Some(first.id), "a").unwrap();
        store.add_library_question(Some(first.id), "b").unwrap();
        store.add_own_question(Some(first.id), "My own?").unwrap();
        let plan = store.plan(Some(first.id)).unwrap();
        let answered = store.answer_plan_question(plan[0].id, "Yes, every 3 months.", true).unwrap();
        assert!(answered.asked);
        assert_eq!(answered.answer, "Yes, every 3 months.");

        assert_eq!(store.copy_unanswered(Some(first.id), Some(second.id)).unwrap(), 2);
        assert_eq!(ids(&store, Some(second.id)), vec!["b", "My own?"]);
        assert_eq!(store.copy_unanswered(Some(first.id), Some(second.id)).unwrap(), 0, "no duplicates");
        assert_eq!(ids(&store, Some(first.id)).len(), 3, "the first list is unchanged");
    }

    #[test]
    fn moving_questions_with_extreme_or_equal_positions_works() {
        let mut store = Store::open_in_memory().unwrap();
        for id in ["a", "b", "c"] {
            store.add_library_question(None, id).unwrap();
        }
        // Positions as a crafted backup could bring them: the largest number, and two alike.
        store.conn.execute("UPDATE plan_question SET position = 9223372036854775807", []).unwrap();
        let plan = store.plan(None).unwrap();
        store.move_plan_question(plan[2].id, true).unwrap();
        assert_eq!(ids(&store, None), vec!["a", "c", "b"]);
        store.move_plan_question(plan[0].id, false).unwrap();
        assert_eq!(ids(&store, None), vec!["c", "a", "b"]);
        store.add_library_question(None, "d").unwrap();
        assert_eq!(ids(&store, None), vec!["c", "a", "b", "d"]);
    }
}
