use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PlanQuestion {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub appointment_id: Option<i64>,
    /// A question from the library, or else `own_text`.
    pub question_id: Option<String>,
    pub own_text: Option<String>,
    pub top3: bool,
    pub answer: String,
    pub asked: bool,
}
