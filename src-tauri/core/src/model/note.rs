use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NoteItem {
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
    #[ts(type = "number | null")]
    pub appointment_id: Option<i64>,
    /// UTC `YYYY-MM-DDTHH:MM:SSZ`.
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}
