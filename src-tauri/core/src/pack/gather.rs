//! Gathers what the patient chose from the content and the store into a `PackRequest`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{summarise, PackAppointment, PackOptions, PackQuestion, PackRequest, PackStep};
use crate::content::Content;
use crate::dates::{date_in_words, date_time_in_words};
use crate::store::{DiaryInput, StopReason, Store, TreatmentInput};
use crate::Result;

/// Which parts go in the pack. The choice is remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackParts {
    pub cover: bool,
    /// "Since my last appointment": one page, right after the front page. Choices remembered
    /// before it existed turn it on.
    #[serde(default = "on")]
    pub summary: bool,
    pub questions: bool,
    pub checklist: bool,
    pub notes: bool,
    pub diary: bool,
    pub treatments: bool,
}

impl Default for PackParts {
    fn default() -> Self {
        PackParts {
            cover: true,
            summary: true,
            questions: true,
            checklist: false,
            notes: true,
            diary: false,
            treatments: false,
        }
    }
}

impl PackParts {
    /// Every part, as the long-illness benchmark and the tests print it.
    pub fn all() -> Self {
        PackParts { checklist: true, diary: true, treatments: true, ..Self::default() }
    }
}

fn on() -> bool {
    true
}

/// What the user chose on the pack screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PackSettings {
    pub parts: PackParts,
    /// Optional; printed on the cover.
    pub patient_name: String,
    pub options: PackOptions,
    /// The appointment whose questions go in; `None` for the one not booked yet.
    #[ts(type = "number | null")]
    pub appointment_id: Option<i64>,
    /// The notes the user picked.
    #[ts(type = "Array<number>")]
    pub note_ids: Vec<i64>,
}

/// The key the remembered choices are kept under.
const SETTING: &str = "pack";

impl PackSettings {
    /// The choices from last time (parts, name, paper and print size), or the defaults.
    pub fn remembered(store: &Store) -> Result<PackSettings> {
        let saved = store.setting(SETTING)?.and_then(|json| serde_json::from_str::<PackSettings>(&json).ok());
        Ok(saved.unwrap_or_default())
    }

    /// Remembers the lasting choices; which appointment and notes are picked anew each time.
    pub fn remember(&self, store: &mut Store) -> Result<()> {
        let lasting = PackSettings { appointment_id: None, note_ids: Vec::new(), ..self.clone() };
        let json = serde_json::to_string(&lasting).unwrap_or_default();
        store.set_setting(SETTING, &json)
    }
}

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
            Some(PackQuestion { topic, text, top3: q.top3, answer: q.answer })
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
        .map(|e| [date_in_words(&e.on_date), diary_what(content, &e), e.bother.words().to_string(), e.note])
        .collect();
    let treatments = store
        .treatments()?
        .into_iter()
        .map(|treatment| treatment.fields)
        .map(|t| {
            let stopped = t.stopped_on.as_deref().map(date_in_words).unwrap_or_else(|| "Still taking it".into());
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
        summary: if settings.parts.summary { Some(summarise(content, store, now)?) } else { None },
        round_the_clock: store.round_the_clock_line()?.map(|c| {
            [c.fields.name, c.fields.role, c.fields.phone]
                .into_iter()
                .filter(|part| !part.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }),
    })
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
    [treatment.stop_reason.map(StopReason::words).unwrap_or_default(), treatment.reason_note.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}
