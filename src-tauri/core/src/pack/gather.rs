//! Gathers what the patient chose from the content and the store into a `PackRequest`.

use super::phrases::{answer_recorded, recording_line};
use super::{summarise, PackAppointment, PackQuestion, PackRequest, PackSettings, PackStep, PackSummary};
use crate::content::Content;
use crate::dates::{date_in_words, date_time_in_words, day_in_words, length_in_words, recording_time};
use crate::model::{DiaryInput, Recording, StopReason, TreatmentInput, STILL_TAKING};
use crate::store::Store;
use crate::Result;

/// Builds the pack's contents, in words, from what the patient chose. `now` is local time
/// (`YYYY-MM-DDTHH:MM`), for "since my last appointment".
pub fn gather(
    content: &Content,
    store: &Store,
    settings: &PackSettings,
    now: &str,
    created_unix: i64,
) -> Result<PackRequest> {
    let appointment = match settings.appointment_id {
        Some(id) => Some(store.appointment(id)?.fields).map(|a| PackAppointment {
            when: date_time_in_words(&a.starts_at),
            with_whom: a.with_whom,
            place: a.place,
            purpose: a.purpose,
        }),
        None => None,
    };
    // Only those with a length: one going or cut off before its first second has nothing to say.
    let recordings: Vec<Recording> = match settings.appointment_id {
        Some(id) => store.recordings(id)?.into_iter().filter(|r| r.duration_ms > 0).collect(),
        None => Vec::new(),
    };
    let questions = store
        .plan(settings.appointment_id)?
        .into_iter()
        .filter_map(|q| {
            let (topic, text) = match (&q.question_id, &q.own_text) {
                (Some(id), _) => {
                    let lib = content.question(id)?;
                    (content.topic(&lib.topic).map(|t| t.title.clone()).unwrap_or_default(), lib.text.clone())
                }
                (None, Some(own)) => ("My own questions".to_string(), own.clone()),
                (None, None) => return None,
            };
            Some(PackQuestion { topic, text, top3: q.top3, answer: q.answer, recorded: recorded_at(&recordings, q.id) })
        })
        .collect();
    let progress = store.checklist_progress()?;
    let checklist = content
        .checklist
        .iter()
        .map(|step| {
            let mine = progress.iter().find(|p| p.step_id == step.id);
            PackStep {
                text: step.text.clone(),
                why: step.why.clone(),
                done: mine.is_some_and(|p| p.done),
                note: mine.map(|p| p.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let notes = settings
        .note_ids
        .iter()
        .filter_map(|id| store.note(*id).ok())
        .filter(|n| n.deleted_at.is_none() && !n.text.trim().is_empty())
        .map(|n| n.text)
        .collect();
    let diary = store
        .diary_since_last_appointment(now)?
        .into_iter()
        .map(|entry| entry.fields)
        .map(|e| [date_in_words(&e.on_date), diary_what(content, &e), e.bother.label().to_string(), e.note])
        .collect();
    let treatments = store
        .treatments()?
        .into_iter()
        .map(|treatment| treatment.fields)
        .map(|t| {
            let stopped = t.stopped_on.as_deref().map(date_in_words).unwrap_or_else(|| STILL_TAKING.into());
            [treatment_name(content, &t), date_in_words(&t.started_on), stopped, why_stopped(&t)]
        })
        .collect();
    Ok(PackRequest {
        parts: settings.parts,
        patient_name: settings.patient_name.trim().to_string(),
        appointment,
        questions,
        checklist,
        notes,
        diary,
        treatments,
        options: settings.options,
        created_unix,
        content_version: content.meta.version.clone(),
        source_label: content.meta.source.label(),
        review_line: content.review_summary(),
        safety: Some(content.safety.clone()),
        links: content.links.iter().map(|l| (l.label.clone(), l.address.clone())).collect(),
        summary: if settings.parts.summary {
            Some(PackSummary { recordings: recording_lines(&recordings), ..summarise(content, store, now)? })
        } else {
            None
        },
        round_the_clock: store.round_the_clock_line()?.map(|c| {
            [c.fields.name, c.fields.role, c.fields.phone]
                .into_iter()
                .filter(|part| !part.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }),
    })
}

/// "Answer recorded at 12:34" for a question marked in the appointment's recordings, saying which
/// recording when there are several.
fn recorded_at(recordings: &[Recording], question: i64) -> Option<String> {
    let several = recordings.len() > 1;
    let times: Vec<String> = (1..)
        .zip(recordings)
        .filter_map(|(number, r)| {
            let mark = r.marks.iter().find(|m| m.plan_question_id == question)?;
            let time = recording_time(mark.at_ms);
            Some(if several { format!("{time} in recording {number}") } else { time })
        })
        .collect();
    (!times.is_empty()).then(|| answer_recorded(&times))
}

/// The summary's line for each recording of the appointment, numbered when there are several.
fn recording_lines(recordings: &[Recording]) -> Vec<String> {
    let several = recordings.len() > 1;
    (1..)
        .zip(recordings)
        .map(|(number, r)| {
            let day = day_in_words(&r.started_at).unwrap_or_else(|| r.started_at.clone());
            recording_line(several.then_some(number), &day, &length_in_words(r.duration_ms))
        })
        .collect()
}

/// A diary entry's kind in words: the content's name for it, or the patient's own words.
pub(super) fn diary_what(content: &Content, entry: &DiaryInput) -> String {
    match entry.what.as_str() {
        "other" => entry.other_what.trim().to_string(),
        id => content.side_effect(id).map_or_else(|| id.to_string(), |s| s.name.clone()),
    }
}

/// A treatment's name: the content's, or the one the patient wrote.
pub(super) fn treatment_name(content: &Content, treatment: &TreatmentInput) -> String {
    match treatment.drug.as_str() {
        "other" => treatment.other_name.trim().to_string(),
        id => content.drug(id).map_or_else(|| id.to_string(), |d| d.name.clone()),
    }
}

/// Why a treatment stopped: the reason chosen and the patient's own words, as far as given.
pub(super) fn why_stopped(treatment: &TreatmentInput) -> String {
    [treatment.stop_reason.map(StopReason::label).unwrap_or_default(), treatment.reason_note.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}
