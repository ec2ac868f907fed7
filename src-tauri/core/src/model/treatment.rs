use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the app shows and the pack prints for a treatment not stopped, in place of a date or reason.
pub const STILL_TAKING: &str = "Still taking it";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StopReason {
    StoppedWorking,
    SideEffects,
    Other,
}

impl StopReason {
    /// In the order the app offers them.
    pub const ALL: [StopReason; 3] = [StopReason::StoppedWorking, StopReason::SideEffects, StopReason::Other];

    /// The words the app shows and the pack prints.
    pub fn label(self) -> &'static str {
        match self {
            StopReason::StoppedWorking => "It stopped working",
            StopReason::SideEffects => "Side effects",
            StopReason::Other => "Another reason",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Treatment {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: TreatmentInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TreatmentInput {
    /// A drug id from the content's list, or "other" with `other_name`.
    pub drug: String,
    pub other_name: String,
    pub started_on: String,
    pub stopped_on: Option<String>,
    pub stop_reason: Option<StopReason>,
    /// The reason in the patient's own words.
    pub reason_note: String,
}
