//! The patient's record as the app speaks of it: appointments, questions on a list, notes,
//! treatments, the diary, scans and check-ups, the care team, and recordings of appointments. The
//! store keeps these in SQL, the pack prints them, the calendar and search read them; ts-rs sends
//! them to the UI. Each choice's label (the words for a bother, a stop reason, a kind of scan) is
//! written once, beside its type, and `RecordLabels` sends them all.

mod appointment;
mod checkup;
mod contact;
mod diary;
mod note;
mod question;
mod recording;
mod treatment;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use appointment::{Appointment, AppointmentInput};
pub use checkup::{Checkup, CheckupInput, CheckupKind};
pub use contact::{CareContact, CareContactInput};
pub use diary::{Bother, DiaryEntry, DiaryInput};
pub use note::NoteItem;
pub use question::PlanQuestion;
pub use recording::{Recording, RecordingMark};
pub use treatment::{StopReason, Treatment, TreatmentInput, STILL_TAKING};

use crate::diary_summary::{Period, RowGroup};
use crate::store::RemovedKind;

/// One choice and the words the app shows and prints for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Labelled<T> {
    pub value: T,
    pub label: String,
}

/// The words for the record's choices, in the order the app offers them. Sent in get_content
/// (`content.record.labels`), so the UI never types them again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordLabels {
    pub bother: Vec<Labelled<Bother>>,
    pub stop_reason: Vec<Labelled<StopReason>>,
    pub checkup_kind: Vec<Labelled<CheckupKind>>,
    /// The diary's groups, which its choices and the chart's rows are shown under.
    pub row_group: Vec<Labelled<RowGroup>>,
    /// The times the diary chart can show.
    pub period: Vec<Labelled<Period>>,
    /// The kinds of thing the bin holds.
    pub removed_kind: Vec<Labelled<RemovedKind>>,
    /// A treatment not stopped: no date or reason yet.
    pub still_taking: String,
}

fn labelled<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<Labelled<T>> {
    all.iter().map(|&value| Labelled { value, label: label(value).to_string() }).collect()
}

impl Default for RecordLabels {
    fn default() -> Self {
        RecordLabels {
            bother: labelled(&Bother::ALL, Bother::label),
            stop_reason: labelled(&StopReason::ALL, StopReason::label),
            checkup_kind: labelled(&CheckupKind::ALL, CheckupKind::label),
            row_group: labelled(&RowGroup::ALL, RowGroup::label),
            period: labelled(&Period::ALL, Period::label),
            removed_kind: labelled(&RemovedKind::ALL, RemovedKind::label),
            still_taking: STILL_TAKING.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_says_what_the_app_has_always_said() {
        assert_eq!(Bother::ALL.map(Bother::label), ["A little", "Quite a bit", "A lot"]);
        assert_eq!(StopReason::ALL.map(StopReason::label), ["It stopped working", "Side effects", "Another reason"]);
        assert_eq!(
            CheckupKind::ALL.map(CheckupKind::label),
            ["CT scan", "Head scan", "Chest X-ray", "Check-up with the team", "Something else"]
        );
    }

    #[test]
    fn the_ui_is_sent_every_label_in_order_by_its_stored_name() {
        let sent = serde_json::to_value(RecordLabels::default()).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({
                "bother": [
                    { "value": "aLittle", "label": "A little" },
                    { "value": "quiteABit", "label": "Quite a bit" },
                    { "value": "aLot", "label": "A lot" },
                ],
                "stopReason": [
                    { "value": "stoppedWorking", "label": "It stopped working" },
                    { "value": "sideEffects", "label": "Side effects" },
                    { "value": "other", "label": "Another reason" },
                ],
                "checkupKind": [
                    { "value": "ctScan", "label": "CT scan" },
                    { "value": "headScan", "label": "Head scan" },
                    { "value": "xRay", "label": "Chest X-ray" },
                    { "value": "checkUp", "label": "Check-up with the team" },
                    { "value": "other", "label": "Something else" },
                ],
                "rowGroup": [
                    { "value": "sideEffect", "label": "Side effects" },
                    { "value": "feeling", "label": "Feelings" },
                    { "value": "own", "label": "Other things" },
                ],
                "period": [
                    { "value": "weeks4", "label": "The last 4 weeks" },
                    { "value": "months3", "label": "The last 3 months" },
                    { "value": "months6", "label": "The last 6 months" },
                    { "value": "all", "label": "All my diary" },
                ],
                "removedKind": [
                    { "value": "note", "label": "Note" },
                    { "value": "appointment", "label": "Appointment" },
                    { "value": "question", "label": "Question" },
                    { "value": "treatment", "label": "Treatment" },
                    { "value": "diaryEntry", "label": "Diary entry" },
                    { "value": "checkup", "label": "Scan or check-up" },
                    { "value": "contact", "label": "Care team contact" },
                    { "value": "recording", "label": "Recording" },
                ],
                "stillTaking": "Still taking it",
            })
        );
    }

    /// The UI's tests import this file for the labels, so their fixture never drifts from Rust's.
    #[test]
    fn the_ui_tests_fixture_holds_the_labels_as_sent() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/test/record-labels.json");
        let sent = serde_json::to_string_pretty(&RecordLabels::default()).unwrap() + "\n";
        if std::fs::read_to_string(&path).ok().as_deref() != Some(sent.as_str()) {
            std::fs::write(&path, sent).unwrap();
            panic!("ui/src/test/record-labels.json was stale: it is written afresh, so commit it");
        }
    }
}
