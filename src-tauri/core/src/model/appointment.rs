use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Appointment {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: AppointmentInput,
    /// Its calendar identity for ever: a random UUID, since the row id comes back after a delete.
    /// Never sent to the UI, which has no use for it.
    #[serde(skip)]
    #[ts(skip)]
    pub uid: String,
    /// How many times its time, who, where or purpose changed, so a calendar takes the newest.
    #[serde(skip)]
    #[ts(skip)]
    pub sequence: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppointmentInput {
    /// Local date and time, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub with_whom: String,
    pub place: String,
    pub purpose: String,
}
