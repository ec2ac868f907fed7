use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A recording of an appointment. Its sound is a file beside the store; the record keeps its name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recording {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub appointment_id: i64,
    /// The audio file's name in the recordings folder. The UI is sent where to play it instead.
    #[serde(skip)]
    #[ts(skip)]
    pub file_name: String,
    /// Local date and time it started, `YYYY-MM-DDTHH:MM`.
    pub started_at: String,
    /// How long it plays; 0 until it is finished.
    #[ts(type = "number")]
    pub duration_ms: i64,
    /// The app stopped before it could finish it (closed, killed, power cut); kept up to then.
    pub recovered: bool,
    /// The questions answered during it, earliest first.
    pub marks: Vec<RecordingMark>,
}

/// "They are answering this now": where in a recording a question on the appointment's list was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RecordingMark {
    #[ts(type = "number")]
    pub recording_id: i64,
    #[ts(type = "number")]
    pub plan_question_id: i64,
    /// Milliseconds from the start of the recording.
    #[ts(type = "number")]
    pub at_ms: i64,
}
